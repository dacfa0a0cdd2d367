#!/bin/sh
# Prometheus' entrypoint in docker compose. Its configuration file cannot read environment
# variables, and the services' /actuator/prometheus wants the admin login: so the login from .env
# (FOOD_ADMIN_USER, FOOD_ADMIN_PASSWORD) is written into a copy of prometheus.yml, in Prometheus'
# own data volume (this folder is mounted read-only), and Prometheus is started on that copy.
set -eu

# The values go into single-quoted YAML strings through sed: double every ' for YAML, and
# backslash the characters sed's replacement treats specially (\, & and the | delimiter).
escape() {
  printf '%s' "$1" | sed -e "s/'/''/g" -e 's/[\\&|]/\\&/g'
}

user=$(escape "${FOOD_ADMIN_USER:?FOOD_ADMIN_USER is not set}")
password=$(escape "${FOOD_ADMIN_PASSWORD:?FOOD_ADMIN_PASSWORD is not set}")
config=/prometheus/food-prometheus.yml
sed -e "s|__FOOD_ADMIN_USER__|$user|g" -e "s|__FOOD_ADMIN_PASSWORD__|$password|g" \
  /etc/prometheus/food/prometheus.yml > "$config"
# rule_files are found next to the configuration file.
cp /etc/prometheus/food/alerts.yml /prometheus/alerts.yml

exec /bin/prometheus --config.file="$config" --storage.tsdb.path=/prometheus "$@"
