#!/usr/bin/env bash
# The JVM's ahead-of-time cache of each service (JDK 25): the classes the service loads and links
# while it starts, parsed, verified and linked once, ahead of time, and mapped into memory at the
# next start instead of being read from the jar again (docs/performance-findings.md, "Start-up").
#
#   scripts/aot-cache.sh [service...]      (default: all five)
#
# For each service: the jar is extracted to <service>/target/aot/ (the cache works with the
# extracted form only: a plain class path of jars), then a training run starts the service with the
# profile aot-training and exits once its context is built, before anything connects to PostgreSQL
# or RabbitMQ, writing <service>/target/aot/app.aot. A cache newer than its jar and than
# config/jvm.options is kept.
#
# scripts/services.sh starts a service from its cache when there is one newer than the jar and the options
# (FOOD_AOT=false starts it from the jar as before). The Dockerfile does the same in the image.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh

[ $# -gt 0 ] || set -- "${SERVICES[@]}"
for service in "$@"; do
  jar=$service/target/$service.jar dir=$service/target/aot
  [ -f "$jar" ] || { echo "$jar is missing; build it first (./mvnw -DskipTests package)" >&2; exit 1; }
  if aot_cache_fresh "$service"; then
    echo "$service: AOT cache up to date ($dir/app.aot)"
    continue
  fi
  started=$(date +%s)
  rm -rf "$dir"
  "$JAVA_HOME/bin/java" -Djarmode=tools -jar "$jar" extract --destination "$dir" >/dev/null
  # The same JVM options and the same class path, as written, as the runs that use it (from the
  # repository's root, as scripts/services.sh starts it): else the JVM does not use the cache.
  if ! "$JAVA_HOME/bin/java" @config/jvm.options -XX:AOTCacheOutput="$dir/app.aot" \
      -Dspring.context.exit=onRefresh -jar "$dir/$service.jar" --spring.profiles.active=aot-training \
      > "$dir/training.log" 2>&1 || [ ! -f "$dir/app.aot" ]; then
    echo "$service: the training run failed; see $dir/training.log" >&2
    tail -n 20 "$dir/training.log" >&2
    exit 1
  fi
  echo "$service: AOT cache $dir/app.aot ($(du -m "$dir/app.aot" | cut -f1) MiB) in $(( $(date +%s) - started )) s"
done
