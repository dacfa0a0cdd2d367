#!/usr/bin/env bash
# Checks the Kubernetes manifests offline; no cluster is needed or contacted.
#   deploy/kubernetes/validate.sh
# 1. installs the validator's npm packages (npm ci, only when package-lock.json changed);
# 2. renders base and each overlay with kubectl kustomize;
# 3. checks that the local overlay's copy of the PostgreSQL init script is docker compose's;
# 4. validates every rendered object against the schema of its kind (Kubernetes 1.36.0, KEDA 2.19.0,
#    the operators' CRDs vendored in validation/schemas/), refuses unknown fields, checks the
#    project's rules and that each check fires on a broken copy (validation/validate.mjs).
# Needs kubectl (with its built-in kustomize), node and npm. kubernetes-models 5 declares Node.js 22
# or newer; it runs on the development machine's Node.js 20 (npm ci warns, nothing fails).
# Exits non-zero on any failure.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
validation="$here/validation"
started=$(date +%s)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

step() { echo "==> $*"; }

for tool in kubectl node npm; do
  command -v "$tool" >/dev/null || { echo "validate.sh: $tool is not installed" >&2; exit 1; }
done

step "npm packages (validation/package-lock.json)"
stamp="$validation/node_modules/.validate-lock"
if [[ -f $stamp ]] && cmp -s "$stamp" "$validation/package-lock.json"; then
  echo "    installed already"
else
  (cd "$validation" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$validation/package-lock.json" "$stamp"
fi

rendered=()
for target in base overlays/local overlays/production; do
  name=${target#overlays/}
  step "render $target"
  kubectl kustomize "$here/$target" > "$work/$name.yaml"
  echo "    $(grep -c '^kind:' "$work/$name.yaml") objects"
  rendered+=("$name=$work/$name.yaml")
done

step "the local overlay's init script is docker/postgres/create-databases.sql"
if cmp "$repo/docker/postgres/create-databases.sql" "$here/overlays/local/postgres/create-databases.sql"; then
  echo "    same"
else
  echo "    differs: cp docker/postgres/create-databases.sql deploy/kubernetes/overlays/local/postgres/" >&2
  exit 1
fi

step "create-secrets.sh parses"
bash -n "$here/create-secrets.sh"

step "schemas, unknown fields, rules, negative tests"
status=0
(cd "$validation" && node validate.mjs --sources "$here" "${rendered[@]}") || status=$?

echo "==> $( ((status == 0)) && echo passed || echo FAILED ) in $(( $(date +%s) - started )) s"
exit "$status"
