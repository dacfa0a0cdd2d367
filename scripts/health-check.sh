#!/usr/bin/env bash
# Asks every service for its health and readiness; fails unless all five say UP.
#   scripts/health-check.sh [host]
set -uo pipefail
cd "$(dirname "$0")/.."
host=${1:-localhost}
failed=0
for entry in order-service:8080 inventory-service:8081 payment-service:8082 kitchen-service:8083 delivery-service:8084; do
  service=${entry%%:*}; port=${entry##*:}
  body=$(curl -fsS --max-time 5 "http://$host:$port/actuator/health" 2>&1)
  if echo "$body" | grep -q '"status":"UP"'; then
    echo "UP    $service  http://$host:$port  $body"
  else
    echo "DOWN  $service  http://$host:$port  $body" >&2
    failed=1
  fi
done
exit $failed
