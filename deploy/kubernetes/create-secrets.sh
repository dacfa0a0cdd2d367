#!/usr/bin/env bash
# Creates the Secrets the manifests refer to by name, with random passwords, in the namespace
# (default: food), which it creates if it is missing. An existing Secret is left as it is, so a
# second run changes nothing. No value is written to a file or printed.
#   deploy/kubernetes/create-secrets.sh             # the local overlay: food-db, food-rabbitmq, food-admin
#   deploy/kubernetes/create-secrets.sh --production  # also food-keda-rabbitmq, for KEDA
# Read a password back with, e.g.:
#   kubectl -n food get secret food-admin -o jsonpath='{.data.password}' | base64 -d
set -euo pipefail

namespace=${FOOD_NAMESPACE:-food}
production=false
[[ ${1:-} == --production ]] && production=true

random_password() { head -c 24 /dev/urandom | base64 | tr -d '/+=' | head -c 24; }

create() { # create NAME KEY=VALUE...: a basic-auth Secret (username, password, and more keys)
  local name=$1; shift
  if kubectl -n "$namespace" get secret "$name" >/dev/null 2>&1; then
    echo "secret $name exists: left as it is"
    return
  fi
  local args=()
  for pair in "$@"; do args+=(--from-literal="$pair"); done
  kubectl -n "$namespace" create secret generic "$name" --type=kubernetes.io/basic-auth "${args[@]}" >/dev/null
  echo "secret $name created"
}

kubectl get namespace "$namespace" >/dev/null 2>&1 || kubectl create namespace "$namespace"

# The database account (PostgreSQL's POSTGRES_USER locally; the owner of the five databases in
# CloudNativePG), the broker account and the admin login of /admin/**.
create food-db username=food password="$(random_password)"
create food-rabbitmq username=food password="$(random_password)"
create food-admin username=admin password="$(random_password)"

if $production; then
  # A monitoring account that KEDA uses to read the queues' depth over the management API; host is
  # the whole URL the KEDA RabbitMQ scaler wants, the virtual host "food" at its end.
  keda_password=$(random_password)
  create food-keda-rabbitmq username=food-keda password="$keda_password" \
    host="http://food-keda:${keda_password}@food-rabbitmq.${namespace}.svc:15672/food"
fi
