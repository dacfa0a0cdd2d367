#!/usr/bin/env bash
# One order's story from the five logs of the local run, in time order: every line that carries
# "order=<id>" (see docs/tracing-and-logs.md). Fails if a service has no line about the order, so
# CI uses it to check that the logs correlate.
#
#   scripts/follow-order.sh <order id> [service ...]     (default: all five)
#
# Environment: FOOD_RUN_DIR (default .run), as for run-local.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
id=${1:?usage: scripts/follow-order.sh <order id> [service ...]}
shift
expected=("$@")
[ ${#expected[@]} -gt 0 ] || expected=(order-service inventory-service payment-service kitchen-service delivery-service)
logs=${FOOD_RUN_DIR:-.run}/logs

# The timestamp leads every line, so a plain sort merges the five logs in time order.
grep -h -- "order=$id" "$logs"/*.log | sort | cut -c1-240
missing=()
for service in "${expected[@]}"; do
  grep -q -- "order=$id" "$logs/$service.log" || missing+=("$service")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "No line about order $id in the log of: ${missing[*]}" >&2
  exit 1
fi
echo "Order $id: $(grep -h -- "order=$id" "$logs"/*.log | wc -l) lines in ${#expected[@]} logs; trace id(s):" \
  "$(grep -ho -- "trace=[0-9a-f]* order=$id" "$logs"/*.log | cut -d' ' -f1 | sort -u | grep -v '^trace=$' | cut -d= -f2 | tr '\n' ' ')"
