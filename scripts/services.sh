# Shared by the run scripts: which services there are, where they listen, and how to ask them.
# Sourced, not run.

export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
if ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then
  echo "JAVA_HOME=$JAVA_HOME is not a JDK 25 or newer; set JAVA_HOME (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)" >&2
  exit 1
fi

# The admin login (/admin/** on every service): from the environment, else from .env if there is
# one (the file docker compose reads), else each service makes a random one and logs it.
if [ -z "${FOOD_ADMIN_PASSWORD:-}" ] && [ -f .env ]; then
  FOOD_ADMIN_USER=$(sed -n 's/^FOOD_ADMIN_USER=//p' .env)
  FOOD_ADMIN_USER=${FOOD_ADMIN_USER:-admin}
  FOOD_ADMIN_PASSWORD=$(sed -n 's/^FOOD_ADMIN_PASSWORD=//p' .env)
  export FOOD_ADMIN_USER FOOD_ADMIN_PASSWORD
fi

RUN_DIR=${FOOD_RUN_DIR:-.run}
START_TIMEOUT=${FOOD_START_TIMEOUT:-240}
# Inventory first: order calls it.
SERVICES=(inventory-service order-service payment-service kitchen-service delivery-service)

# FOOD_PORT_BASE moves the five ports together (default 8080: order 8080 ... delivery 8084), so a
# second run can sit beside the first.
PORT_BASE=${FOOD_PORT_BASE:-8080}
port_of() {
  case "$1" in
    order-service) echo $((PORT_BASE + 0)) ;; inventory-service) echo $((PORT_BASE + 1)) ;;
    payment-service) echo $((PORT_BASE + 2)) ;; kitchen-service) echo $((PORT_BASE + 3)) ;;
    delivery-service) echo $((PORT_BASE + 4)) ;;
  esac
}

# FOOD_DB_PREFIX puts a run's databases beside the usual ones (CI uses ci_ and drops them after).
database_of() {
  case "$1" in
    order-service) echo "${FOOD_DB_PREFIX:-}orders" ;; inventory-service) echo "${FOOD_DB_PREFIX:-}inventory" ;;
    payment-service) echo "${FOOD_DB_PREFIX:-}payments" ;; kitchen-service) echo "${FOOD_DB_PREFIX:-}kitchen" ;;
    delivery-service) echo "${FOOD_DB_PREFIX:-}delivery" ;;
  esac
}

pid_file() { echo "$RUN_DIR/pids/$1.pid"; }
log_file() { echo "$RUN_DIR/logs/$1.log"; }

# Starts one service in the background, its log in $RUN_DIR/logs, its pid in $RUN_DIR/pids: the one
# command line of the local run and the benchmark. FOOD_JAVA_OPTS adds JVM options (e.g. a flight
# recording: "-XX:StartFlightRecording=filename=/tmp/@SERVICE@.jfr", @SERVICE@ is the service's name).
# With an AOT cache newer than the jar and the JVM options (scripts/aot-cache.sh), it starts the extracted jar with the
# cache; FOOD_AOT=false starts the jar itself.
# True when the service's AOT cache was made after its jar and after config/jvm.options: a cache is
# only used with the options it was trained with.
aot_cache_fresh() {
  local cache=$1/target/aot/app.aot
  [ -f "$cache" ] && [ "$cache" -nt "$1/target/$1.jar" ] && [ "$cache" -nt config/jvm.options ]
}

start_service() {
  local service=$1 jar=$1/target/$1.jar aot=$1/target/aot extra
  [ -f "$jar" ] || { echo "$jar is missing; build it first (./mvnw -DskipTests package)" >&2; return 1; }
  extra=${FOOD_JAVA_OPTS:-}
  if [ "${FOOD_AOT:-true}" != false ] && aot_cache_fresh "$service"; then
    extra="-XX:AOTCache=$aot/app.aot $extra" jar=$aot/$service.jar
  fi
  # Port and database are set per process, so that a SERVER_PORT or FOOD_DB_NAME in the shell
  # cannot make the five collide.
  # shellcheck disable=SC2086 # FOOD_JAVA_OPTS is a list of options
  SERVER_PORT=$(port_of "$service") FOOD_DB_NAME=$(database_of "$service") \
    FOOD_ORDER_URL=http://localhost:$(port_of order-service) FOOD_INVENTORY_URL=http://localhost:$(port_of inventory-service) \
    FOOD_PAYMENT_URL=http://localhost:$(port_of payment-service) FOOD_KITCHEN_URL=http://localhost:$(port_of kitchen-service) \
    FOOD_DELIVERY_URL=http://localhost:$(port_of delivery-service) \
    nohup "$JAVA_HOME/bin/java" @config/jvm.options ${extra//@SERVICE@/$service} -jar "$jar" > "$(log_file "$service")" 2>&1 &
  echo $! > "$(pid_file "$service")"
}

running() {
  local pid_path
  pid_path=$(pid_file "$1")
  [ -f "$pid_path" ] && kill -0 "$(cat "$pid_path")" 2>/dev/null
}

ready() {
  curl -fsS --max-time 3 "http://localhost:$(port_of "$1")/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"'
}

psql_admin() {
  PGPASSWORD=${FOOD_DB_PASSWORD:-} psql -h "${FOOD_DB_HOST:-localhost}" -p "${FOOD_DB_PORT:-5432}" \
    -U "${FOOD_DB_USER:-postgres}" -d postgres -v ON_ERROR_STOP=1 "$@"
}
