#!/usr/bin/env bash
# Starts the five services as background processes against the PostgreSQL and RabbitMQ of this
# machine: builds, creates the databases if missing, starts, waits until every service is ready.
#
#   scripts/run-local.sh [--no-build]       then   scripts/stop-local.sh
#
# Environment: JAVA_HOME (a JDK 25), FOOD_DB_HOST/PORT/USER/PASSWORD and
# FOOD_RABBITMQ_HOST/PORT/USER/PASSWORD (defaults: localhost, postgres, guest/guest),
# FOOD_RABBITMQ_VHOST (default /), FOOD_DB_PREFIX (default none: databases orders, inventory, ...),
# FOOD_RUN_DIR (default .run: logs and pid files), FOOD_START_TIMEOUT (seconds, default 240),
# FOOD_PORT_BASE (default 8080: the five ports are 8080-8084).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh

build=true
[ "${1:-}" = "--no-build" ] && build=false

mkdir -p "$RUN_DIR/logs" "$RUN_DIR/pids"
for service in "${SERVICES[@]}"; do
  if running "$service"; then
    echo "$service is already running (pid $(cat "$(pid_file "$service")")); stop it first: scripts/stop-local.sh" >&2
    exit 1
  fi
done

if $build; then
  echo "Building (./mvnw -DskipTests package) ..."
  ./mvnw -q -DskipTests package
fi

echo "Creating the databases that are missing on ${FOOD_DB_HOST:-localhost}:${FOOD_DB_PORT:-5432} ..."
for service in "${SERVICES[@]}"; do
  db=$(database_of "$service")
  exists=$(psql_admin -tAc "select 1 from pg_database where datname = '$db'")
  [ "$exists" = 1 ] || { psql_admin -qc "create database $db" && echo "  created $db"; }
done

started_at=$(date +%s)
for service in "${SERVICES[@]}"; do
  start_service "$service" || exit 1
  echo "Started $service (pid $!), log: $(log_file "$service")"
done

echo "Waiting until every service reports ready (timeout ${START_TIMEOUT}s) ..."
pending=("${SERVICES[@]}")
while [ ${#pending[@]} -gt 0 ]; do
  still=()
  for service in "${pending[@]}"; do
    if ! running "$service"; then
      echo "FAILED: $service exited during start-up. The end of its log:" >&2
      tail -n 40 "$(log_file "$service")" >&2
      scripts/stop-local.sh >&2
      exit 1
    fi
    if ready "$service"; then
      echo "  $service is UP after $(( $(date +%s) - started_at ))s"
    else
      still+=("$service")
    fi
  done
  pending=("${still[@]+"${still[@]}"}")
  if [ ${#pending[@]} -gt 0 ] && [ $(( $(date +%s) - started_at )) -ge "$START_TIMEOUT" ]; then
    for service in "${pending[@]}"; do
      echo "FAILED: $service is not ready after ${START_TIMEOUT}s. The end of its log:" >&2
      tail -n 40 "$(log_file "$service")" >&2
    done
    scripts/stop-local.sh >&2
    exit 1
  fi
  [ ${#pending[@]} -gt 0 ] && sleep 2
done

echo
printf '%-18s %-24s %-8s %s\n' SERVICE URL PID "STARTED IN (JVM's own figure)"
for service in "${SERVICES[@]}"; do
  took=$(grep -oE 'Started [A-Za-z]+ in [0-9.]+ seconds' "$(log_file "$service")" | grep -oE '[0-9.]+ seconds' | head -n1)
  printf '%-18s %-24s %-8s %s\n' "$service" "http://localhost:$(port_of "$service")" "$(cat "$(pid_file "$service")")" "$took"
done
echo
echo "Logs: $RUN_DIR/logs/   Stop with: scripts/stop-local.sh"
