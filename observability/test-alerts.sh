#!/usr/bin/env bash
# Checks Prometheus' configuration and alerting rules, and runs the rules' unit tests
# (alerts.test.yml) with promtool. promtool is taken from PATH, or else from Debian's prometheus
# package, unpacked (not installed: nothing is started) into a cache folder.
#
#   observability/test-alerts.sh
set -euo pipefail
cd "$(dirname "$0")/prometheus"

promtool=$(command -v promtool || true)
if [ -z "$promtool" ]; then
  cache=${XDG_CACHE_HOME:-$HOME/.cache}/food-ordering/promtool
  promtool=$cache/usr/bin/promtool
  if [ ! -x "$promtool" ]; then
    echo "promtool is not on PATH; unpacking it from Debian's prometheus package into $cache"
    download=$(mktemp -d)
    (cd "$download" && apt-get download prometheus >/dev/null 2>&1 \
      || { apt-get update >/dev/null && apt-get download prometheus >/dev/null 2>&1; })
    mkdir -p "$cache"
    dpkg-deb -x "$download"/prometheus_*.deb "$cache"
    rm -rf "$download"
  fi
fi
"$promtool" --version 2>&1 | head -n1

# The configuration with the placeholders that entrypoint.sh fills in: syntax and rule files.
"$promtool" check config prometheus.yml
"$promtool" check rules alerts.yml
"$promtool" test rules alerts.test.yml
