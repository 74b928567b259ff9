#!/usr/bin/env bash
# Re-capture the golden Kafka traffic fixtures in one command:
#
#   bash e2e/peers/capture.sh [CLIENT...]
#
# CLIENT is any of: kcat confluent-kafka-python kafkajs java (default: all).
# For each client it starts a fresh single-node Kafka whose advertised address
# is the recorder's, starts the recorder in front of it, runs the client's
# driver through the recorder, then stops both. Each client's session lands in
# packages/kafka-protocol/test/fixtures/captures/<client>/, replacing the old one.
#
# Installs what is missing first: kcat (apt), Kafka and kafka-clients jars
# (Maven Central, cached under .peers/), confluent-kafka (PyPI, in a venv
# under .peers/), kafkajs and friends (pnpm). Everything binds to 127.0.0.1.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$ROOT/packages/kafka-protocol/test/fixtures/captures"
PEERS="$ROOT/.peers"
export KAFKA_PORT="${KAFKA_PORT:-19092}"
RECORDER_PORT="${RECORDER_PORT:-19095}"
BOOTSTRAP="127.0.0.1:${RECORDER_PORT}"
ALL_CLIENTS=(kcat confluent-kafka-python kafkajs java)
if [ $# -gt 0 ]; then CLIENTS=("$@"); else CLIENTS=("${ALL_CLIENTS[@]}"); fi

log() { echo "== $*" >&2; }

needs() {
  local want="$1"
  for c in "${CLIENTS[@]}"; do [ "$c" = "$want" ] && return 0; done
  return 1
}

install() {
  cd "$ROOT"
  if needs kcat && ! command -v kcat >/dev/null; then
    log "installing kcat"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -q && $sudo apt-get install -y -q kcat
  fi
  if [ ! -x "$ROOT/e2e/node_modules/.bin/tsx" ] || [ ! -d "$ROOT/e2e/node_modules/kafkajs" ]; then
    log "installing node dependencies"
    pnpm install --frozen-lockfile
  fi
  log "building the recorder"
  pnpm exec tsc -b tools/recorder
  log "resolving Kafka"
  "$ROOT/e2e/peers/kafka/install.sh"
  if needs java; then
    log "building the Java driver"
    "$ROOT/e2e/peers/java/build.sh"
  fi
  if needs confluent-kafka-python; then
    if [ ! -x "$PEERS/python/bin/python" ]; then
      log "creating the Python venv"
      python3 -m venv "$PEERS/python"
    fi
    "$PEERS/python/bin/pip" install -q -r "$ROOT/e2e/peers/python/requirements.txt"
  fi
}

RECORDER_PID=""
stop_recorder() {
  if [ -n "$RECORDER_PID" ] && kill -0 "$RECORDER_PID" 2>/dev/null; then
    kill -TERM "$RECORDER_PID"
    wait "$RECORDER_PID" || true
  fi
  RECORDER_PID=""
}
cleanup() {
  stop_recorder
  "$ROOT/e2e/peers/kafka/stop.sh" || true
}
trap cleanup EXIT

drive() {
  case "$1" in
    kcat) "$ROOT/e2e/peers/kcat/driver.sh" "$BOOTSTRAP" ;;
    confluent-kafka-python) "$PEERS/python/bin/python" "$ROOT/e2e/peers/python/driver.py" "$BOOTSTRAP" ;;
    kafkajs) KAFKAJS_NO_PARTITIONER_WARNING=1 "$ROOT/e2e/node_modules/.bin/tsx" "$ROOT/e2e/peers/kafkajs/driver.ts" "$BOOTSTRAP" ;;
    java) "$ROOT/e2e/peers/java/run.sh" "$BOOTSTRAP" ;;
    *) echo "unknown client: $1 (expected one of: ${ALL_CLIENTS[*]})" >&2; return 2 ;;
  esac
}

capture() {
  local client="$1"
  local dir="$OUT/$client"
  local recorder_log="$PEERS/recorder-$client.log"
  log "capturing $client into ${dir#"$ROOT/"}"
  "$ROOT/e2e/peers/kafka/start.sh" "$RECORDER_PORT" >/dev/null
  node "$ROOT/tools/recorder/dist/src/cli.js" record \
    --listen "127.0.0.1:${RECORDER_PORT}" --upstream "127.0.0.1:${KAFKA_PORT}" \
    --out "$dir" --overwrite >"$recorder_log" 2>&1 &
  RECORDER_PID=$!
  for _ in $(seq 1 50); do
    grep -q '^recording ' "$recorder_log" && break
    kill -0 "$RECORDER_PID" 2>/dev/null || { cat "$recorder_log" >&2; return 1; }
    sleep 0.2
  done
  timeout 300 bash -c "$(declare -f drive); ROOT='$ROOT' PEERS='$PEERS' BOOTSTRAP='$BOOTSTRAP' drive '$client'"
  sleep 0.5
  stop_recorder
  "$ROOT/e2e/peers/kafka/stop.sh"
}

mkdir -p "$PEERS" "$OUT"
install
for client in "${CLIENTS[@]}"; do
  capture "$client"
done
cd "$ROOT"
node tools/recorder/dist/src/cli.js summarize "${CLIENTS[@]/#/${OUT#"$ROOT/"}/}"
