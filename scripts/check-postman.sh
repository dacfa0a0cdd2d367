#!/usr/bin/env bash
# Runs the Postman collection as a test, with newman, against a running system: every request and
# its assertions, folder by folder, top to bottom (about a minute and a half). Exits non-zero if
# any assertion fails or any request gets no answer.
#
#   scripts/check-postman.sh [newman options ...]        e.g. --folder "2. Place an order and follow it"
#
# Installs newman (pinned in api/package-lock.json) into api/node_modules with npm ci if missing.
# Environment: FOOD_ORDER_URL, FOOD_INVENTORY_URL, FOOD_PAYMENT_URL, FOOD_KITCHEN_URL,
# FOOD_DELIVERY_URL (default http://localhost:8080 ... 8084), FOOD_ADMIN_USER and
# FOOD_ADMIN_PASSWORD (else from .env, as scripts/run-local.sh takes them), FOOD_RABBITMQ_URL
# (default http://localhost:15672: the management API), FOOD_RABBITMQ_VHOST (default /),
# FOOD_RABBITMQ_USER and FOOD_RABBITMQ_PASSWORD (default guest). The JUnit report goes to
# api/target/newman-junit.xml.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${FOOD_ADMIN_PASSWORD:-}" ] && [ -f .env ]; then
  FOOD_ADMIN_USER=$(sed -n 's/^FOOD_ADMIN_USER=//p' .env)
  FOOD_ADMIN_PASSWORD=$(sed -n 's/^FOOD_ADMIN_PASSWORD=//p' .env)
fi
if [ -z "${FOOD_ADMIN_PASSWORD:-}" ]; then
  echo "Set FOOD_ADMIN_USER and FOOD_ADMIN_PASSWORD (the admin login of the running system), or put them in .env" >&2
  exit 2
fi

if [ ! -x api/node_modules/.bin/newman ]; then
  echo "Installing newman into api/node_modules (npm ci) ..."
  npm ci --prefix api --no-audit --no-fund --loglevel=error
fi

vhost=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "${FOOD_RABBITMQ_VHOST:-/}")
mkdir -p api/target
exec api/node_modules/.bin/newman run api/food-ordering.postman_collection.json \
  -e api/local.postman_environment.json \
  --env-var "orderUrl=${FOOD_ORDER_URL:-http://localhost:8080}" \
  --env-var "inventoryUrl=${FOOD_INVENTORY_URL:-http://localhost:8081}" \
  --env-var "paymentUrl=${FOOD_PAYMENT_URL:-http://localhost:8082}" \
  --env-var "kitchenUrl=${FOOD_KITCHEN_URL:-http://localhost:8083}" \
  --env-var "deliveryUrl=${FOOD_DELIVERY_URL:-http://localhost:8084}" \
  --env-var "adminUser=${FOOD_ADMIN_USER:-admin}" \
  --env-var "adminPassword=$FOOD_ADMIN_PASSWORD" \
  --env-var "rabbitmqUrl=${FOOD_RABBITMQ_URL:-http://localhost:15672}" \
  --env-var "rabbitmqVhost=$vhost" \
  --env-var "rabbitmqUser=${FOOD_RABBITMQ_USER:-guest}" \
  --env-var "rabbitmqPassword=${FOOD_RABBITMQ_PASSWORD:-guest}" \
  --timeout-request 30000 --timeout 600000 \
  --reporters cli,junit --reporter-junit-export api/target/newman-junit.xml \
  "$@"
