#!/usr/bin/env bash
# Install every test peer the client-compatibility suite and the capture
# drivers need; quiet and quick when everything is already there.
#
#   e2e/peers/install.sh
#
# - kcat and jq: Debian packages (apt-get)
# - confluent-kafka and kafka-python (with its compression extras): PyPI, into a
#   venv under .peers/python
# - kafkajs and @platformatic/kafka: devDependencies of @runnel/e2e (pnpm install)
# - the Kafka broker, the Java client and Kafka's command-line tools: jars from
#   Maven Central under .peers/ (kafka/, java/, kafka-cli/); the Java driver is
#   compiled with javac
# - franz-go: the Go module in e2e/peers/franz-go, built into .peers/franz-go
#
# Exits non-zero, naming the peer, when something cannot be installed.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PEERS="$ROOT/.peers"
mkdir -p "$PEERS"

log() { echo "== install: $*" >&2; }
die() {
  echo "install: cannot install $1: $2" >&2
  exit 1
}
need() { command -v "$1" >/dev/null || die "$2" "'$1' is not on PATH"; }
# Runs a step, timing it; prints its output only if it fails.
step() {
  local name="$1"
  shift
  local start out
  start=$(date +%s)
  log "$name"
  if ! out="$("$@" 2>&1)"; then
    echo "$out" | tail -30 >&2
    die "$name" "the step above failed"
  fi
  log "$name done in $(($(date +%s) - start)) s"
}

# True if any file under DIR (matching NAME) is newer than TARGET, or TARGET is missing.
stale() {
  local target="$1" dir="$2" name="$3"
  [ -e "$target" ] || return 0
  [ -n "$(find "$dir" -name "$name" -newer "$target" -print -quit)" ]
}

# --- Debian packages -------------------------------------------------------------------------
missing=()
command -v kcat >/dev/null || missing+=(kcat)
command -v jq >/dev/null || missing+=(jq)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  step "apt: ${missing[*]}" sh -c "$sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q ${missing[*]}"
fi

# --- Python ----------------------------------------------------------------------------------
PY="$PEERS/python/bin/python"
if ! { [ -x "$PY" ] && "$PY" -c 'import confluent_kafka, kafka, lz4, snappy, zstandard, crc32c' 2>/dev/null; }; then
  need python3 "the Python peers"
  [ -x "$PY" ] || step "python venv" python3 -m venv "$PEERS/python"
  step "pip: confluent-kafka, kafka-python" "$PEERS/python/bin/pip" install -q --disable-pip-version-check \
    -r "$HERE/python/requirements.txt" -r "$HERE/python/compat-requirements.txt"
fi

# --- npm -------------------------------------------------------------------------------------
if [ ! -d "$ROOT/e2e/node_modules/kafkajs" ] || [ ! -d "$ROOT/e2e/node_modules/@platformatic/kafka" ] \
  || [ ! -x "$ROOT/e2e/node_modules/.bin/tsx" ]; then
  need pnpm "kafkajs and @platformatic/kafka"
  step "pnpm install" sh -c "cd '$ROOT' && pnpm install --frozen-lockfile"
fi

# --- Maven Central: broker, Java client, CLI tools ----------------------------------------------
maven_libs() { # POM OUTDIR
  rm -rf "$2"
  mvn -q -B -Dstyle.color=never -f "$1" -Dmaven.repo.local="$PEERS/m2" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$2"
  touch "$2/.complete"
}
if [ ! -f "$PEERS/kafka/libs/.complete" ]; then
  need mvn "the Kafka broker"
  need java "the Kafka broker"
  step "maven: Kafka broker" "$HERE/kafka/install.sh"
fi
if [ ! -f "$PEERS/kafka-cli/libs/.complete" ]; then
  need mvn "Kafka's command-line tools"
  step "maven: Kafka command-line tools" maven_libs "$HERE/kafka-cli/pom.xml" "$PEERS/kafka-cli/libs"
fi
if [ ! -f "$PEERS/java/libs/.complete" ] || stale "$PEERS/java/classes/CompatDriver.class" "$HERE/java/src" '*.java'; then
  need mvn "the Java client"
  need javac "the Java client driver"
  step "maven + javac: Java client driver" "$HERE/java/build.sh"
fi

# --- Go --------------------------------------------------------------------------------------
if stale "$PEERS/franz-go/franzgo" "$HERE/franz-go" '*.go' || stale "$PEERS/franz-go/franzgo" "$HERE/franz-go" 'go.*'; then
  need go "franz-go"
  step "go build: franz-go driver" sh -c "cd '$HERE/franz-go' && GOFLAGS=-mod=readonly go build -o '$PEERS/franz-go/franzgo' ."
fi
