#!/usr/bin/env bash
# Stops the services that scripts/run-local.sh started: a graceful SIGTERM first (requests and
# messages in flight finish), SIGKILL after 30 s, and leaves no process behind.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh

for service in "${SERVICES[@]}"; do
  if running "$service"; then
    kill -TERM "$(cat "$(pid_file "$service")")" 2>/dev/null && echo "Stopping $service (pid $(cat "$(pid_file "$service")"))"
  fi
done
for service in "${SERVICES[@]}"; do
  pid_path=$(pid_file "$service")
  [ -f "$pid_path" ] || continue
  pid=$(cat "$pid_path")
  for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  if kill -0 "$pid" 2>/dev/null; then
    echo "$service did not stop within 30s; killing it" >&2
    kill -KILL "$pid" 2>/dev/null
  fi
  rm -f "$pid_path"
done

# A process started by hand or from an older run, without a pid file, would hold a port.
# Only what run-local.sh starts: "-jar <service>/target/<service>.jar", relative to the repository.
# A test run's surefire JVM or the system tests' services (absolute jar paths) must not match.
# A run with its own FOOD_RUN_DIR (one beside the usual, see FOOD_PORT_BASE) leaves the others alone.
left=""
if [ -z "${FOOD_RUN_DIR:-}" ]; then
  left=$(pgrep -f -- " -jar (order|inventory|payment|kitchen|delivery)-service/target/(aot/)?[a-z]+-service\.jar" || true)
fi
if [ -n "$left" ]; then
  echo "Stopping processes of a run without pid files: $left" >&2
  kill -KILL $left 2>/dev/null
fi
echo "All services stopped."
