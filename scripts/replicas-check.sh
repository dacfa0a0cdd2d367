#!/usr/bin/env bash
# The replicas and the three-node broker, checked end to end (docs/replicas.md), in a compose
# project of its own (food-replicas) that it removes when it ends:
#   1. up --build --wait with docker-compose.replicas.yml and docker-compose.rabbitmq-cluster.yml;
#   2. the broker: three running nodes; every queue a quorum queue with three members and one
#      consumer per replica of the service that owns it;
#   3. an order placed through the gateway is DELIVERED, and both order-service replicas took
#      requests;
#   4. one order-service replica killed (SIGKILL): the gateway goes on answering, from the other.
#
#   scripts/replicas-check.sh          # reads .env (cp .env.example .env); needs a Docker engine
#
# Environment: ORDER_HOST_PORT, GATEWAY_STATS_HOST_PORT, RABBITMQ_UI_HOST_PORT (from .env unless set).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f .env ] || { echo ".env is missing: cp .env.example .env" >&2; exit 1; }
set -a; . ./.env; set +a

compose=(docker compose --project-name food-replicas -f docker-compose.yml -f docker-compose.replicas.yml
         -f docker-compose.rabbitmq-cluster.yml)
order="http://localhost:${ORDER_HOST_PORT:-8080}"
stats="http://localhost:${GATEWAY_STATS_HOST_PORT:-8404}/gateway/stats;csv"
management="http://localhost:${RABBITMQ_UI_HOST_PORT:-15672}/api"
started=$(date +%s)
say() { echo "[replicas $(( $(date +%s) - started ))s] $*"; }
fail() {
  echo "[replicas] FAILED: $*" >&2
  "${compose[@]}" ps -a >&2 || true
  # The last lines of every container that is not healthy: why it stopped or restarts.
  for container in $("${compose[@]}" ps -a --format '{{.Name}} {{.Status}}' | grep -v '(healthy)' | cut -d' ' -f1); do
    echo "--- $container" >&2; docker logs --tail 40 "$container" >&2 2>&1 || true
  done
  exit 1
}

trap '"${compose[@]}" down -v --remove-orphans >/dev/null 2>&1 || true' EXIT
say "1. up --build --wait: the replicas of docker-compose.replicas.yml, three broker nodes"
# A container restarted by its policy during the start (a dependency not yet answering) fails
# --wait although it becomes healthy: wait once more before judging.
"${compose[@]}" up --build --wait --wait-timeout 600 --quiet-pull >/tmp/replicas-up.log 2>&1 \
  || "${compose[@]}" up --wait --wait-timeout 300 >>/tmp/replicas-up.log 2>&1 \
  || { tail -n 30 /tmp/replicas-up.log; fail "not every container became healthy"; }
say "   all healthy: $("${compose[@]}" ps --format '{{.Service}}' | sort | uniq -c | awk '{printf "%s%s x%s", (NR > 1 ? ", " : ""), $2, $1}')"

say "2. the broker's queues"
nodes=$(curl -fsS -u "$RABBITMQ_USER:$RABBITMQ_PASSWORD" "$management/nodes?columns=name,running" \
  | python3 -c 'import json,sys; print(sum(1 for n in json.load(sys.stdin) if n["running"]))')
[ "$nodes" = 3 ] || fail "$nodes broker node(s) running, expected 3"
replicas_of() { "${compose[@]}" ps --status running --format '{{.Service}}' "$1-service" | wc -l; }
# The management API's consumer counts are statistics, refreshed every few seconds: a replica that
# has just become ready may not be counted yet. Judged again for up to 60 s before failing.
queues_as_expected() {
  curl -fsS -u "$RABBITMQ_USER:$RABBITMQ_PASSWORD" "$management/queues/%2F?columns=name,type,members,consumers" \
    > /tmp/replicas-queues.json || return 1
  local service ok=0
  for service in order inventory payment kitchen delivery; do
    python3 - "$service" "$(replicas_of "$service")" <<'EOF' || ok=1
import json, sys
service, expected = sys.argv[1], int(sys.argv[2])
queues = {q["name"]: q for q in json.load(open("/tmp/replicas-queues.json"))}
for name in (f"{service}.events", f"{service}.events.dlq"):
    q = queues.get(name)
    if q is None:
        sys.exit(f"   {name} is missing")
    problems = []
    if q["type"] != "quorum":
        problems.append(f"type {q['type']}")
    if len(q.get("members", [])) != 3:
        problems.append(f"members {q.get('members')}")
    if q["consumers"] != expected:
        problems.append(f"{q['consumers']} consumers for {expected} replicas")
    print(f"   {name}: quorum, members {len(q['members'])}, consumers {q['consumers']}"
          + ("" if not problems else "  <- " + ", ".join(problems)))
    if problems:
        sys.exit(1)
EOF
  done
  return $ok
}
for attempt in $(seq 1 12); do
  queues_as_expected > /tmp/replicas-queues.txt 2>&1 && break
  [ "$attempt" = 12 ] && { cat /tmp/replicas-queues.txt; fail "the queues, after 60 s"; }
  sleep 5
done
cat /tmp/replicas-queues.txt

say "3. an order through the gateway"
place() {
  curl -fsS -X POST "$order/orders" -H 'Content-Type: application/json' -d '{"customerId": "c-replicas",
    "lines": [{"sku": "PIZZA-MARGHERITA", "quantity": 1}], "paymentToken": "tok_visa",
    "deliveryAddress": {"street": "1 Main St", "city": "Springfield", "postcode": "12345"}}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
ids=()
for _ in 1 2 3 4; do ids+=("$(place)"); done
for id in "${ids[@]}"; do
  status=""
  for _ in $(seq 1 90); do
    status=$(curl -fsS "$order/orders/$id" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
    [ "$status" = DELIVERED ] && break
    sleep 1
  done
  [ "$status" = DELIVERED ] || fail "order $id is $status after 90 s"
done
say "   ${#ids[@]} orders DELIVERED"
served=$(curl -fsS "$stats" | awk -F, '$1 == "order-service" && $2 ~ /^order-/ && $8 > 0 {n++} END {print n+0}')
[ "$served" -ge 2 ] || fail "only $served order-service replica(s) took requests through the gateway"
say "   the gateway spread them over $served order-service replicas"

say "4. one order-service replica killed"
victim=$("${compose[@]}" ps --status running --format '{{.Name}}' order-service | sort | tail -n 1)
docker kill --signal KILL "$victim" >/dev/null
sleep 5   # two failed health checks, 2 s apart, take it out of the gateway's rotation
answered=0
for _ in $(seq 1 20); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$order/orders/${ids[0]}")
  [ "$code" = 200 ] && answered=$((answered + 1))
done
[ "$answered" = 20 ] || fail "$answered of 20 requests answered 200 with $victim killed"
say "   $victim killed: 20 of 20 requests answered by the other replica"
say "passed"
