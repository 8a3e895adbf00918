#!/usr/bin/env bash
# Runs Scenery on this machine: a local Kafka broker and the four services in JVM mode on 127.0.0.1:8080-8083,
# against the machine's PostgreSQL (127.0.0.1:5432) and Redis (127.0.0.1:6379).
#
#   ./run-local.sh [VIDEO] [OPTION...]   start what is not running, process VIDEO (default: the committed
#                                        sample), write out/<task-id>/result.json and report.html, stop what
#                                        it started
#   ./run-local.sh up                    start everything and leave it running
#   ./run-local.sh process VIDEO [OPTION...]   process VIDEO against a running stack
#   ./run-local.sh down                  stop everything that "up" started
#
# Upload options after VIDEO go to the client: --detect-types control,text,all, --threshold N,
# --min-scene-seconds S, --min-changed-area F, --min-scene-area F, --settle-frames N, --timeout DURATION.
#
# Option, before the command: --mock-model vlm|hybrid (plain means vlm) starts a stand-in vision model on a free
# port of 127.0.0.1 and runs vlm-service in that detector mode against it. Its replies are fixed and contain "mock".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VERSION="0.1.0-SNAPSHOT"
VAR="$ROOT/var"
LOG_DIR="$VAR/log"
PID_DIR="$VAR/run"
STORAGE="${SCENERY_STORAGE_ROOT:-$VAR/storage}"
SAMPLE="$ROOT/samples/sample-recording.mp4"
KAFKA_PORT=9092
SERVICES=(ingest-service:8080 slicer-service:8081 vlm-service:8082 audit-service:8083)
STARTED=()
MOCK_MODEL=""
VLM_ENV=()

say() { printf '%s\n' "$*" >&2; }
fail() { say "error: $*"; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

check_prerequisites() {
  command -v java >/dev/null || fail "java not found; install a JDK 17 or newer (apt-get install -y openjdk-17-jdk-headless)"
  command -v mvn >/dev/null || fail "mvn not found; install Maven (apt-get install -y maven)"
  command -v curl >/dev/null || fail "curl not found; install it (apt-get install -y curl)"
  if ! port_open 5432; then
    fail "PostgreSQL is not reachable on 127.0.0.1:5432.
  Start it:    pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start
  Install it:  apt-get install -y postgresql   (then allow trust auth for 127.0.0.1 in pg_hba.conf)"
  fi
  if ! port_open 6379; then
    fail "Redis is not reachable on 127.0.0.1:6379.
  Start it:    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no
  Install it:  apt-get install -y redis-server"
  fi
}

# Rebuilds with Maven when a runnable jar is missing or older than its module's main sources or pom.
build_if_needed() {
  local stale=0 module jar
  for module in kafka-broker cli ingest-service slicer-service vlm-service audit-service; do
    case "$module" in
      kafka-broker) jar="$ROOT/kafka-broker/target/kafka-broker-$VERSION.jar" ;;
      cli) jar="$ROOT/cli/target/cli-$VERSION.jar" ;;
      *) jar="$ROOT/$module/target/quarkus-app/quarkus-run.jar" ;;
    esac
    if [[ ! -f "$jar" ]] || [[ -n "$(find "$ROOT/$module/src/main" "$ROOT/$module/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]]; then
      stale=1
    fi
  done
  for module in events storage test-support; do
    jar="$ROOT/$module/target/$module-$VERSION.jar"
    if [[ ! -f "$jar" ]] || [[ -n "$(find "$ROOT/$module/src/main" -newer "$jar" -print -quit 2>/dev/null)" ]]; then
      stale=1
    fi
  done
  if [[ $stale == 1 ]]; then
    say "building (mvn -B -q -DskipTests package) ..."
    (cd "$ROOT" && mvn -B -q -Dstyle.color=never -DskipTests package) || fail "the build failed; run 'mvn -B -DskipTests package' to see why"
  fi
}

ensure_database() {
  command -v psql >/dev/null || fail "psql not found; install the PostgreSQL client (apt-get install -y postgresql-client)"
  if ! psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1" >/dev/null 2>&1; then
    fail "PostgreSQL on 127.0.0.1:5432 refused user postgres; allow trust auth for 127.0.0.1 in pg_hba.conf"
  fi
  if [[ "$(psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'scenery'")" != "1" ]]; then
    say "creating database scenery"
    psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE scenery" >/dev/null
  fi
}

kafka_check() {
  java -cp "$ROOT/kafka-broker/target/kafka-broker-$VERSION.jar:$ROOT/kafka-broker/target/lib/*" \
    io.scenery.kafka.LocalKafkaBroker check --port "$KAFKA_PORT" >/dev/null 2>&1
}

start_kafka() {
  if port_open "$KAFKA_PORT"; then
    kafka_check || fail "port $KAFKA_PORT is taken by something that is not a ready Kafka broker with the Scenery topics"
    say "kafka: already running on 127.0.0.1:$KAFKA_PORT"
    return
  fi
  say "kafka: starting on 127.0.0.1:$KAFKA_PORT (log: $LOG_DIR/kafka.log)"
  nohup java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m \
    -cp "$ROOT/kafka-broker/target/kafka-broker-$VERSION.jar:$ROOT/kafka-broker/target/lib/*" \
    io.scenery.kafka.LocalKafkaBroker start --port "$KAFKA_PORT" --data-dir "$VAR/kafka" \
    >"$LOG_DIR/kafka.log" 2>&1 &
  echo $! >"$PID_DIR/kafka.pid"
  STARTED+=(kafka)
  local waited=0
  until kafka_check; do
    kill -0 "$(cat "$PID_DIR/kafka.pid")" 2>/dev/null || fail "kafka exited during start-up; see $LOG_DIR/kafka.log"
    ((waited += 1))
    ((waited < 90)) || fail "kafka did not become ready within 90 s; see $LOG_DIR/kafka.log"
    sleep 1
  done
}

# Starts the stand-in vision model on a free port and points vlm-service at it in the chosen detector mode.
start_mock_model() {
  local port_file="$PID_DIR/mock-model.port" waited=0
  if port_open 8082; then
    fail "vlm-service is already running, so --mock-model cannot configure it; stop it with ./run-local.sh down"
  fi
  rm -f "$port_file"
  say "mock vision model: starting on a free port of 127.0.0.1 (log: $LOG_DIR/mock-model.log)"
  nohup java -XX:TieredStopAtLevel=1 -Xmx128m -cp "$ROOT/test-support/target/test-support-$VERSION.jar" \
    io.scenery.testing.MockVisionModel --port-file "$port_file" >"$LOG_DIR/mock-model.log" 2>&1 &
  echo $! >"$PID_DIR/mock-model.pid"
  STARTED+=(mock-model)
  until [[ -s "$port_file" ]]; do
    kill -0 "$(cat "$PID_DIR/mock-model.pid")" 2>/dev/null || fail "the mock vision model exited; see $LOG_DIR/mock-model.log"
    ((waited += 1))
    ((waited < 30)) || fail "the mock vision model did not start within 30 s; see $LOG_DIR/mock-model.log"
    sleep 1
  done
  VLM_ENV=(SCENERY_VLM_DETECTOR_MODE="$MOCK_MODEL"
    SCENERY_VLM_MODEL_BASE_URL="http://127.0.0.1:$(cat "$port_file")/v1"
    SCENERY_VLM_MODEL_NAME=mock-vision)
  say "mock vision model: ready at http://127.0.0.1:$(cat "$port_file")/v1; vlm-service runs in $MOCK_MODEL mode"
}

start_service() {
  local name="$1" port="$2" extra_env=()
  if port_open "$port"; then
    curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 \
      || fail "port $port is taken by something that is not a ready $name"
    say "$name: already running on 127.0.0.1:$port"
    return
  fi
  [[ "$name" != vlm-service ]] || extra_env=("${VLM_ENV[@]}")
  say "$name: starting on 127.0.0.1:$port (log: $LOG_DIR/$name.log)"
  env "${extra_env[@]}" SCENERY_STORAGE_ROOT="$STORAGE" QUARKUS_HTTP_PORT="$port" \
    KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
    nohup java -Xmx768m -jar "$ROOT/$name/target/quarkus-app/quarkus-run.jar" >"$LOG_DIR/$name.log" 2>&1 &
  echo $! >"$PID_DIR/$name.pid"
  STARTED+=("$name")
}

await_service() {
  local name="$1" port="$2" waited=0
  until curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; do
    if [[ -f "$PID_DIR/$name.pid" ]] && ! kill -0 "$(cat "$PID_DIR/$name.pid")" 2>/dev/null; then
      fail "$name exited during start-up; see $LOG_DIR/$name.log"
    fi
    ((waited += 1))
    ((waited < 180)) || fail "$name was not ready within 180 s; see $LOG_DIR/$name.log"
    sleep 1
  done
}

up() {
  check_prerequisites
  build_if_needed
  mkdir -p "$LOG_DIR" "$PID_DIR" "$STORAGE"
  ensure_database
  start_kafka
  [[ -z "$MOCK_MODEL" ]] || start_mock_model
  local entry
  for entry in "${SERVICES[@]}"; do
    start_service "${entry%%:*}" "${entry##*:}"
  done
  for entry in "${SERVICES[@]}"; do
    await_service "${entry%%:*}" "${entry##*:}"
  done
  say "stack ready: ingest 8080, slicer 8081, vlm 8082, audit 8083, kafka $KAFKA_PORT; stop it with ./run-local.sh down"
}

stop_one() {
  local name="$1" pid_file="$PID_DIR/$1.pid" pid waited=0
  [[ -f "$pid_file" ]] || return 0
  pid="$(cat "$pid_file")"
  if kill -0 "$pid" 2>/dev/null; then
    say "$name: stopping"
    kill "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null && ((waited < 30)); do sleep 1; ((waited += 1)); done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pid_file"
}

down() {
  local entry
  for entry in "${SERVICES[@]}"; do stop_one "${entry%%:*}"; done
  stop_one mock-model
  rm -f "$PID_DIR/mock-model.port"
  stop_one kafka
}

stop_started() {
  local name
  for name in "${STARTED[@]}"; do
    [[ "$name" == kafka ]] || stop_one "$name"
  done
  rm -f "$PID_DIR/mock-model.port"
  for name in "${STARTED[@]}"; do
    [[ "$name" != kafka ]] || stop_one kafka
  done
}

process() {
  local video="$1"
  shift
  [[ -f "$video" ]] || fail "video not found: $video"
  [[ -f "$ROOT/cli/target/cli-$VERSION.jar" ]] || build_if_needed
  java -cp "$ROOT/cli/target/cli-$VERSION.jar:$ROOT/cli/target/lib/*" io.scenery.cli.SceneryCli \
    process "$video" --out "$ROOT/out" "$@"
}

if [[ "${1:-}" == --mock-model ]]; then
  case "${2:-}" in
    vlm|plain) MOCK_MODEL=vlm ;;
    hybrid) MOCK_MODEL=hybrid ;;
    *) fail "--mock-model needs vlm (or plain) or hybrid, got '${2:-}'" ;;
  esac
  shift 2
fi

case "${1:-}" in
  up) up ;;
  down) down ;;
  process)
    [[ -z "$MOCK_MODEL" ]] || fail "--mock-model configures vlm-service when this script starts it, and process \
uses the running stack; stop the stack with ./run-local.sh down, start it with ./run-local.sh --mock-model \
$MOCK_MODEL up, then run process without the option"
    [[ $# -ge 2 ]] || fail "usage: ./run-local.sh process VIDEO [OPTION...]"
    shift
    process "$@" ;;
  -h|--help|help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' ;;
  *)
    video="$SAMPLE"
    if [[ $# -gt 0 && "$1" != --* ]]; then
      video="$1"
      shift
    fi
    [[ -f "$video" ]] || fail "video not found: $video"
    video="$(cd "$(dirname "$video")" && pwd)/$(basename "$video")"
    trap stop_started EXIT
    up
    process "$video" "$@" ;;
esac
