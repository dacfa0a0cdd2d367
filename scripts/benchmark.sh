#!/usr/bin/env bash
# The benchmark, in one command: this machine's ceilings, then the system on it, every figure against
# its target in one table (docs/performance.md explains each figure and how to read the ratios).
#
#   scripts/benchmark.sh [--small] [--orders N] [--clients N] [--warmup N] [--sagas N] [--posts N]
#                        [--ceiling-seconds N] [--strict]
#
#   1-2. ceilings: PostgreSQL single-row insert commits/s (pgbench, 8 clients, its own database) and
#        RabbitMQ persistent publishes/s with confirms (PerfTest, its own virtual host)
#   3.   start-up: the JVMs' AOT caches made (scripts/aot-cache.sh; FOOD_AOT=false: none), then the
#        five services at once (scripts/run-local.sh), to all ready
#   4-6. scripts/benchmark.py: the throughput test (CPU time, commits, publishes per saga), one saga
#        at a time step by step, POST /orders one at a time; then each service's resident memory
#   7.   start-up: one service alone (stopped, then started again while the others run)
#   8.   clean-up, then the table, target/benchmark/benchmark.json and benchmark.png
#
# Defaults: 1,000 orders from 8 clients, 100 single sagas, 1,000 POST /orders, 100 of each to warm
# up, 10 s per ceiling. --small (for CI: a few minutes) is 100 orders, 20 sagas, 100 POST /orders,
# 20 to warm up, 3 s per ceiling. Exit status: non-zero when the tool itself failed, never for a
# figure, unless --strict is given (then 3 when a target was missed).
#
# It runs its own copy of the system beside any other (ports 9080-9084, databases bench_*, virtual
# host food-bench, run directory .run-bench) and removes all of it when it ends, failed or not.
# Kitchen and delivery take no time (0s); everything else is the services' defaults (the outbox relay
# and the timers are woken by the commits that give them work, and poll at their default intervals).
# FOOD_JAVA_OPTS adds JVM options to every service (scripts/services.sh), e.g. a flight recording.
# Needs: the services built (./mvnw -DskipTests package); PostgreSQL (with pgbench) and RabbitMQ
# (with its management API) on this machine; Maven Central once, for PerfTest (kept in
# target/perf-test); gnuplot (installed with apt-get if missing).
set -euo pipefail
cd "$(dirname "$0")/.."

orders=1000 clients=8 warmup=100 sagas=100 posts=1000 ceiling_seconds=10 small=false strict=""
while [ $# -gt 0 ]; do
  case "$1" in
    --small) small=true orders=100 warmup=20 sagas=20 posts=100 ceiling_seconds=3 ;;
    --orders) orders=$2; shift ;;
    --clients) clients=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --sagas) sagas=$2; shift ;;
    --posts) posts=$2; shift ;;
    --ceiling-seconds) ceiling_seconds=$2; shift ;;
    --strict) strict=--strict ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

# This run's own system, whatever the shell says: cleaning up drops these databases and this vhost.
export FOOD_PORT_BASE=9080 FOOD_DB_PREFIX=bench_ FOOD_RABBITMQ_VHOST=food-bench FOOD_RUN_DIR=.run-bench
export FOOD_ADMIN_USER=${FOOD_ADMIN_USER:-bench-admin}
export FOOD_ADMIN_PASSWORD=${FOOD_ADMIN_PASSWORD:-$(cat /proc/sys/kernel/random/uuid)}
export FOOD_KITCHEN_PREPARATION_TIME=0s FOOD_DELIVERY_TIME=0s
# A busy machine starts five JVMs slowly; a slow start is a figure, not a failure.
export FOOD_START_TIMEOUT=${FOOD_START_TIMEOUT:-600}
source scripts/services.sh

OUT=target/benchmark
PERF_TEST_VERSION=2.22.1
PERF_TEST_DIR=target/perf-test
ALONE=order-service
CEILING_VHOST=food-bench-ceiling
CEILING_DB=bench_ceiling
RABBITMQ_USER=${FOOD_RABBITMQ_USER:-guest} RABBITMQ_PASSWORD=${FOOD_RABBITMQ_PASSWORD:-guest}
RABBITMQ_API=http://${FOOD_RABBITMQ_HOST:-localhost}:15672/api
started_at=$(date +%s)

phase() { echo "== [$(date +%T)] (+$(( $(date +%s) - started_at ))s) benchmark $1: $2"; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
rabbitmq_api() { curl -fsS -u "$RABBITMQ_USER:$RABBITMQ_PASSWORD" -H 'Content-Type: application/json' "$@"; }
psql_db() { local db=$1; shift; PGPASSWORD=${FOOD_DB_PASSWORD:-} psql -X -q -h "${FOOD_DB_HOST:-localhost}" \
  -p "${FOOD_DB_PORT:-5432}" -U "${FOOD_DB_USER:-postgres}" -d "$db" -v ON_ERROR_STOP=1 "$@"; }

drop_database() { PGOPTIONS='-c client_min_messages=warning' psql_admin -qc "drop database if exists $1 with (force)"; }

cleaned=false
cleanup() {
  $cleaned && return
  cleaned=true
  echo "   [$(date +%T)] cleaning up: stopping the services, dropping bench_* and the vhosts"
  if scripts/stop-local.sh > "$OUT/stop-local.log" 2>&1; then
    cp "$RUN_DIR"/logs/*.log "$OUT/" 2>/dev/null || true
    rm -rf "$RUN_DIR"
  else
    echo "stop-local.sh failed: see $OUT/stop-local.log" >&2
  fi
  for service in "${SERVICES[@]}"; do drop_database "$(database_of "$service")" || true; done
  drop_database "$CEILING_DB" || true
  for vhost in "$FOOD_RABBITMQ_VHOST" "$CEILING_VHOST"; do rabbitmq_api -X DELETE "$RABBITMQ_API/vhosts/$vhost" >/dev/null 2>&1 || true; done
}
make_vhost() {
  rabbitmq_api -X PUT "$RABBITMQ_API/vhosts/$1" >/dev/null
  rabbitmq_api -X PUT -d '{"configure":".*","write":".*","read":".*"}' "$RABBITMQ_API/permissions/$1/$RABBITMQ_USER" >/dev/null
}

# The JVM's own "Started ... in N seconds", from its log ("null" if it has none).
jvm_started_in() {
  local took
  took=$(grep -oE 'Started [A-Za-z]+ in [0-9.]+ seconds' "$(log_file "$1")" | grep -oE '[0-9.]+' | head -n1)
  echo "${took:-null}"
}

fail_start() {
  echo "FAILED: $1. The end of its log:" >&2
  tail -n 40 "$(log_file "$2")" >&2
  exit 1
}

# ---------------------------------------------------------------------------------------------------
phase 0/8 "checks: the jars, the tools, the servers; PerfTest $PERF_TEST_VERSION; gnuplot"
for service in "${SERVICES[@]}"; do
  [ -f "$service/target/$service.jar" ] || { echo "$service/target/$service.jar is missing: ./mvnw -DskipTests package" >&2; exit 1; }
done
for tool in psql pgbench curl python3 ss awk; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }
done
psql_admin -tAc 'select 1' >/dev/null
rabbitmq_api "$RABBITMQ_API/overview" >/dev/null || { echo "RabbitMQ's management API does not answer at $RABBITMQ_API" >&2; exit 1; }
for service in "${SERVICES[@]}"; do
  if running "$service" || [ -n "$(ss -Hltn "sport = :$(port_of "$service")")" ]; then
    echo "port $(port_of "$service") is taken, or $RUN_DIR has a running $service: stop it first" >&2
    exit 1
  fi
done
rm -rf "$OUT"
mkdir -p "$OUT" "$RUN_DIR/logs" "$RUN_DIR/pids"
# From here on, whatever happens, what this run starts and makes is removed when it ends.
trap cleanup EXIT
trap 'echo "interrupted" >&2; exit 130' INT TERM
if ! command -v gnuplot >/dev/null; then
  echo "   installing gnuplot-nox (the chart)"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gnuplot-nox; } >/dev/null
fi
if [ ! -f "$PERF_TEST_DIR/lib/perf-test-$PERF_TEST_VERSION.jar" ]; then
  echo "   fetching RabbitMQ PerfTest $PERF_TEST_VERSION and its dependencies into $PERF_TEST_DIR (Maven Central)"
  mkdir -p "$PERF_TEST_DIR"
  cat > "$PERF_TEST_DIR/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <!-- Written by scripts/benchmark.sh: only to fetch PerfTest's jar and its dependencies. -->
  <modelVersion>4.0.0</modelVersion>
  <groupId>benchmark</groupId><artifactId>perf-test-fetch</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>com.rabbitmq</groupId><artifactId>perf-test</artifactId><version>$PERF_TEST_VERSION</version></dependency>
  </dependencies>
</project>
EOF
  ./mvnw -B -q -ntp -f "$PERF_TEST_DIR/pom.xml" dependency:copy-dependencies -DoutputDirectory=lib
fi
# A run killed before its clean-up left these behind.
for service in "${SERVICES[@]}"; do drop_database "$(database_of "$service")"; done
drop_database "$CEILING_DB"
cat > "$OUT/run.json" <<EOF
{"started": "$(date -u +%FT%TZ)", "commit": "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with changes)')",
 "machine": "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n1 | tr -d '"')",
 "load_average": "$(cut -d' ' -f1-3 /proc/loadavg)", "small": $small,
 "settings": {"orders": $orders, "clients": $clients, "warmup": $warmup, "sagas": $sagas, "posts": $posts,
   "ceiling_seconds": $ceiling_seconds, "FOOD_KITCHEN_PREPARATION_TIME": "$FOOD_KITCHEN_PREPARATION_TIME",
   "FOOD_DELIVERY_TIME": "$FOOD_DELIVERY_TIME", "FOOD_RELAY_INTERVAL": "${FOOD_RELAY_INTERVAL:-default}",
   "FOOD_KITCHEN_POLL_INTERVAL": "${FOOD_KITCHEN_POLL_INTERVAL:-default}",
   "FOOD_DELIVERY_POLL_INTERVAL": "${FOOD_DELIVERY_POLL_INTERVAL:-default}", "FOOD_JAVA_OPTS": "${FOOD_JAVA_OPTS:-}"}}
EOF

# ---------------------------------------------------------------------------------------------------
phase 1/8 "ceiling of PostgreSQL: single-row insert commits/s (pgbench, 8 clients, ${ceiling_seconds} s)"
psql_admin -qc "create database $CEILING_DB"
psql_db "$CEILING_DB" -c "create table ceiling_insert (id bigint generated always as identity primary key,
  payload text not null, created_at timestamptz not null default now())"
# One row, one transaction, one commit: what every saga step costs at least (a state change and its outbox row).
echo "insert into ceiling_insert (payload) values ('one row per transaction');" > "$OUT/pgbench-insert.sql"
PGPASSWORD=${FOOD_DB_PASSWORD:-} pgbench -n -c 8 -j 2 -T "$ceiling_seconds" -f "$OUT/pgbench-insert.sql" \
  -h "${FOOD_DB_HOST:-localhost}" -p "${FOOD_DB_PORT:-5432}" -U "${FOOD_DB_USER:-postgres}" "$CEILING_DB" > "$OUT/pgbench.log" 2>&1
pg_tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$OUT/pgbench.log" | head -n1)
[ -n "$pg_tps" ] || { echo "pgbench printed no tps:" >&2; cat "$OUT/pgbench.log" >&2; exit 1; }
fsync=$(psql_admin -tAc 'show fsync') synchronous_commit=$(psql_admin -tAc 'show synchronous_commit')
drop_database "$CEILING_DB"
echo "   $pg_tps commits/s (fsync $fsync, synchronous_commit $synchronous_commit)"

phase 2/8 "ceiling of RabbitMQ: persistent publishes/s with confirms (PerfTest, ${ceiling_seconds} s)"
make_vhost "$CEILING_VHOST"
# One producer with up to 100 unconfirmed messages (as the outbox relay publishes a batch of up to 100,
# then waits for the confirms), one consumer acknowledging each, 500-byte persistent messages (an
# event's size) on a durable queue.
"$JAVA_HOME/bin/java" -Xmx256m -cp "$PERF_TEST_DIR/lib/*" com.rabbitmq.perf.PerfTest \
  --uri "amqp://$RABBITMQ_USER:$RABBITMQ_PASSWORD@${FOOD_RABBITMQ_HOST:-localhost}:${FOOD_RABBITMQ_PORT:-5672}/$CEILING_VHOST" \
  --producers 1 --consumers 1 --confirm 100 --flag persistent --size 500 --queue benchmark.ceiling \
  --auto-delete false --qos 100 --time "$ceiling_seconds" > "$OUT/perf-test.log" 2>&1
# The mean of the per-second confirmed rates, without the first second (the JVM warming up) when there are more.
mq_rate=$(awk '/confirmed: [0-9]+ msg\/s/ { match($0, /confirmed: [0-9]+/); rate[++n] = substr($0, RSTART + 11, RLENGTH - 11) }
  END { from = n > 1 ? 2 : 1; for (i = from; i <= n; i++) sum += rate[i]; if (n) printf "%.0f", sum / (n - from + 1) }' "$OUT/perf-test.log")
[ -n "$mq_rate" ] || { echo "PerfTest printed no rate:" >&2; tail -n 20 "$OUT/perf-test.log" >&2; exit 1; }
rabbitmq_api -X DELETE "$RABBITMQ_API/vhosts/$CEILING_VHOST" >/dev/null
echo "   $mq_rate confirmed publishes/s"
cat > "$OUT/ceilings.json" <<EOF
{"postgres": {"commits_per_second": $pg_tps, "clients": 8, "seconds": $ceiling_seconds, "fsync": "$fsync",
  "synchronous_commit": "$synchronous_commit", "tool": "pgbench, one insert per transaction"},
 "rabbitmq": {"confirmed_per_second": $mq_rate, "producers": 1, "consumers": 1, "max_unconfirmed": 100,
  "message_bytes": 500, "seconds": $ceiling_seconds, "tool": "PerfTest $PERF_TEST_VERSION"}}
EOF

# ---------------------------------------------------------------------------------------------------
phase 3/8 "start-up: the five services at once (scripts/run-local.sh), on new databases"
# The JVMs' AOT caches (scripts/aot-cache.sh), made once per build: what a deployment does when it
# builds its image. FOOD_AOT=false measures the start-up without them.
aot_training=null
if [ "${FOOD_AOT:-true}" != false ]; then
  trained=$(now)
  scripts/aot-cache.sh > "$OUT/aot-cache.log" 2>&1 || { echo "scripts/aot-cache.sh failed:" >&2; cat "$OUT/aot-cache.log" >&2; exit 1; }
  aot_training=$(since "$trained")
  sed 's/^/   /' "$OUT/aot-cache.log"
fi
for service in "${SERVICES[@]}"; do psql_admin -qc "create database $(database_of "$service")"; done
make_vhost "$FOOD_RABBITMQ_VHOST"
launched=$(now)
scripts/run-local.sh --no-build > "$OUT/run-local.log" 2>&1 &
run_local=$!
# Polled here as well, five times a second: run-local.sh looks only every two seconds.
declare -A up
pending=("${SERVICES[@]}")
while [ ${#pending[@]} -gt 0 ]; do
  still=()
  for service in "${pending[@]}"; do
    if ready "$service"; then up[$service]=$(since "$launched"); else still+=("$service"); fi
  done
  pending=("${still[@]+"${still[@]}"}")
  if [ ${#pending[@]} -gt 0 ] && ! kill -0 "$run_local" 2>/dev/null; then
    wait "$run_local" || { echo "scripts/run-local.sh failed:" >&2; tail -n 60 "$OUT/run-local.log" >&2; exit 1; }
  fi
  [ ${#pending[@]} -gt 0 ] && sleep 0.2
done
five_at_once=$(since "$launched")
wait "$run_local" || { echo "scripts/run-local.sh failed:" >&2; tail -n 60 "$OUT/run-local.log" >&2; exit 1; }
declare -A jvm
for service in "${SERVICES[@]}"; do
  jvm[$service]=$(jvm_started_in "$service")
  echo "   $service ready after ${up[$service]} s (its JVM's own figure: ${jvm[$service]} s)"
done
echo "   all five ready after $five_at_once s"

# ---------------------------------------------------------------------------------------------------
python3 scripts/benchmark.py load --out "$OUT" --pid-dir "$RUN_DIR/pids" --db-prefix "$FOOD_DB_PREFIX" \
  --order-url "http://localhost:$(port_of order-service)" --inventory-url "http://localhost:$(port_of inventory-service)" \
  --delivery-url "http://localhost:$(port_of delivery-service)" \
  --orders "$orders" --clients "$clients" --warmup "$warmup" --sagas "$sagas" --posts "$posts" \
  --idle-seconds "$($small && echo 2 || echo 5)" --started-at "$started_at"

# ---------------------------------------------------------------------------------------------------
phase 7/8 "start-up: $ALONE alone (stopped, then started while the others run)"
pid=$(cat "$(pid_file "$ALONE")")
kill -TERM "$pid"
for _ in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
cp "$(log_file "$ALONE")" "$OUT/$ALONE-first-start.log"
launched=$(now)
start_service "$ALONE"
until ready "$ALONE"; do
  running "$ALONE" || fail_start "$ALONE exited while starting" "$ALONE"
  [ "$(awk -v s="$(since "$launched")" -v t="$START_TIMEOUT" 'BEGIN { print (s > t) }')" = 0 ] \
    || fail_start "$ALONE is not ready after ${START_TIMEOUT}s" "$ALONE"
  sleep 0.1
done
alone=$(since "$launched")
echo "   $ALONE ready after $alone s (its JVM's own figure: $(jvm_started_in "$ALONE") s)"
{
  echo '{"five_at_once": {"seconds": '"$five_at_once"', "ready_after": {'
  for service in "${SERVICES[@]}"; do echo "\"$service\": ${up[$service]},"; done | sed '$ s/,$//'
  echo '}, "jvm_started_in": {'
  for service in "${SERVICES[@]}"; do echo "\"$service\": ${jvm[$service]},"; done | sed '$ s/,$//'
  echo '}, "note": "from launching scripts/run-local.sh (new databases: Flyway migrates them) to the last readiness UP"},'
  echo ' "one_alone": {"service": "'"$ALONE"'", "seconds": '"$alone"', "jvm_started_in": '"$(jvm_started_in "$ALONE")"'},'
  echo ' "aot_cache": '"$([ "${FOOD_AOT:-true}" != false ] && echo true || echo false)"', "aot_training_seconds": '"$aot_training"','
  echo ' "aot_caches_made": '"$(cat "$OUT/aot-cache.log" 2>/dev/null | awk '/ in [0-9]+ s$/ { n++ } END { print n + 0 }')"'}'
} > "$OUT/startup.json"

# ---------------------------------------------------------------------------------------------------
phase 8/8 "clean-up, then the table and the chart"
cleanup
python3 scripts/benchmark.py report --out "$OUT" $strict
