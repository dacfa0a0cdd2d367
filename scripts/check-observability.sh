#!/usr/bin/env bash
# Checks the observability profile of a running docker compose system end to end: places one
# order, waits until it is DELIVERED, then asks Zipkin for its trace (spans of all five services)
# and Prometheus for its targets (all up), the saga outcome counter, and its alerting rules (all
# loaded and evaluated; none firing on this healthy system).
#
#   FOOD_TRACING_ZIPKIN_ENABLED=true docker compose --profile observability up --build -d
#   scripts/check-observability.sh
#
# Environment: ORDER_URL (default http://localhost:8080), ZIPKIN_URL (http://localhost:9411),
# PROMETHEUS_URL (http://localhost:9090).
set -euo pipefail
ORDER_URL=${ORDER_URL:-http://localhost:8080}
ZIPKIN_URL=${ZIPKIN_URL:-http://localhost:9411}
PROMETHEUS_URL=${PROMETHEUS_URL:-http://localhost:9090}

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

echo "Placing an order at $ORDER_URL ..."
order=$(curl -fsS -X POST "$ORDER_URL/orders" -H 'Content-Type: application/json' -d '{"customerId": "c-observability",
  "lines": [{"sku": "PIZZA-MARGHERITA", "quantity": 1}],
  "deliveryAddress": {"street": "1 Main St", "city": "Springfield", "postcode": "12345"},
  "paymentToken": "tok_visa"}')
id=$(echo "$order" | json "d['id']")
echo "  order $id"
status=""
for _ in $(seq 90); do
  status=$(curl -fsS "$ORDER_URL/orders/$id" | json "d['status']")
  case "$status" in DELIVERED|CANCELLED|REJECTED) break ;; esac
  sleep 2
done
[ "$status" = DELIVERED ] || { echo "FAILED: order $id is $status, not DELIVERED" >&2; exit 1; }
echo "  DELIVERED"

echo "Asking Zipkin ($ZIPKIN_URL) for the order's trace ..."
services=""
for _ in $(seq 30); do
  # The publish spans are tagged with the order id.
  services=$(curl -fsS "$ZIPKIN_URL/api/v2/traces?annotationQuery=order.id%3D$id&lookback=3600000&limit=5" \
    | json "' '.join(sorted({s.get('localEndpoint', {}).get('serviceName', '?') for t in d for s in t}))")
  [ "$(echo "$services" | wc -w)" -ge 5 ] && break
  sleep 2
done
echo "  services in the trace: $services"
for service in order-service inventory-service payment-service kitchen-service delivery-service; do
  [[ " $services " == *" $service "* ]] || { echo "FAILED: no span of $service in the order's trace" >&2; exit 1; }
done

echo "Asking Prometheus ($PROMETHEUS_URL) for its targets and the saga outcome counter ..."
down=""
for _ in $(seq 30); do
  down=$(curl -fsS "$PROMETHEUS_URL/api/v1/targets" \
    | json "' '.join(t['labels'].get('job', '?') + ':' + t['health'] for t in d['data']['activeTargets'] if t['health'] != 'up')")
  outcome=$(curl -fsS "$PROMETHEUS_URL/api/v1/query" --data-urlencode 'query=sum(food_saga_outcome_total{state="DELIVERED"})' \
    | json "d['data']['result'][0]['value'][1] if d['data']['result'] else '0'")
  [ -z "$down" ] && [ "${outcome%.*}" -ge 1 ] && break
  sleep 2
done
[ -z "$down" ] || { echo "FAILED: Prometheus targets not up: $down" >&2; exit 1; }
[ "${outcome%.*}" -ge 1 ] || { echo "FAILED: Prometheus has no DELIVERED saga outcome" >&2; exit 1; }
echo "  every target up; DELIVERED sagas counted: $outcome"

echo "Asking Prometheus for its alerting rules (observability/prometheus/alerts.yml) ..."
rules=""
for _ in $(seq 30); do
  # "ok" once a rule has been evaluated; "unknown" before, "err" if its query fails.
  rules=$(curl -fsS "$PROMETHEUS_URL/api/v1/rules?type=alert" \
    | json "' '.join(r['name'] + ':' + r['health'] for g in d['data']['groups'] if g['name'] == 'food-ordering' for r in g['rules'])")
  [ -n "$rules" ] && [[ " $rules " != *":unknown "* ]] && break
  sleep 2
done
echo "  $rules"
expected=$(grep -c '^      - alert:' "$(dirname "$0")/../observability/prometheus/alerts.yml")
[ "$(echo "$rules" | wc -w)" -eq "$expected" ] || { echo "FAILED: Prometheus loaded $(echo "$rules" | wc -w) of $expected alerting rules" >&2; exit 1; }
[[ " $rules " != *":err "* && " $rules " != *":unknown "* ]] || { echo "FAILED: an alerting rule is not evaluated cleanly" >&2; exit 1; }
firing=$(curl -fsS "$PROMETHEUS_URL/api/v1/alerts" | json "' '.join(a['labels']['alertname'] for a in d['data']['alerts'] if a['state'] == 'firing')")
[ -z "$firing" ] || { echo "FAILED: alerts firing on a healthy system: $firing" >&2; exit 1; }
echo "  every rule evaluated, none firing"
echo "Observability checks passed."
