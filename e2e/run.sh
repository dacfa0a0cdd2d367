#!/usr/bin/env bash
# The saga view's browser test against a running system (scripts/run-local.sh or docker compose):
# installs what is missing (Debian's Chromium, playwright-core), then runs saga-view.mjs.
#
#   FOOD_ADMIN_USER=... FOOD_ADMIN_PASSWORD=... e2e/run.sh
#
# Environment: FOOD_ORDER_URL (default http://localhost:8080), FOOD_ADMIN_USER (default admin),
# FOOD_ADMIN_PASSWORD (required). No browser is downloaded: it uses /usr/bin/chromium, Debian's.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium (apt-get) ..."
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
command -v node >/dev/null || { echo "node (20 or newer) is needed: apt-get install nodejs npm, or your own" >&2; exit 1; }
if [ ! -f node_modules/playwright-core/package.json ] \
   || [ "$(node -p 'require("./node_modules/playwright-core/package.json").version')" != "$(node -p 'require("./package-lock.json").packages["node_modules/playwright-core"].version')" ]; then
  echo "Installing playwright-core (npm ci) ..."
  npm ci --no-audit --no-fund --loglevel=error
fi

echo "Chromium: $(/usr/bin/chromium --version 2>/dev/null | head -n1); node $(node --version); order-service at ${FOOD_ORDER_URL:-http://localhost:8080}"
exec node saga-view.mjs
