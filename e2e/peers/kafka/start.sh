#!/usr/bin/env bash
# Start Kafka (KRaft, every node a combined broker+controller) bound to 127.0.0.1.
#
#   e2e/peers/kafka/start.sh [ADVERTISED_PORT]
#
# By default a single node. The broker listens for clients on $KAFKA_PORT
# (default 19092) but advertises 127.0.0.1:ADVERTISED_PORT (default: the same
# port). Point ADVERTISED_PORT at a recording proxy to make clients keep talking
# through it after bootstrap. Broker-internal traffic uses a separate INTERNAL
# listener ($KAFKA_INTERNAL_PORT, default 19093) and never reaches the
# advertised port; the controller listens on $KAFKA_CONTROLLER_PORT (default
# 19094).
#
# KAFKA_NODES=N (at most 9) starts a cluster of N such nodes instead, all
# voters of one controller quorum, each advertising its own client port (no
# ADVERTISED_PORT then). KAFKA_PORT, KAFKA_INTERNAL_PORT and
# KAFKA_CONTROLLER_PORT are then comma-separated lists of N ports, node i
# taking the i-th (default: 19092, 19093 and 19094 for node 1, each 3 higher
# for every next node). Like Runnel's local fleet, such a cluster defaults to
# replication factor min(3, N) and min.insync.replicas min(2, N) for topics and
# for its internal topics; a single node uses 1 and 1. The script returns once
# every node's broker has started, that is, has been unfenced by the quorum.
#
# Jars are resolved from Maven Central into .peers/ (gitignored) on first use.
# A fresh data directory is formatted on every start. Prints the broker PIDs
# and writes them, one a line, to .peers/kafka/kafka.pid; stop with
# e2e/peers/kafka/stop.sh. KAFKA_STATE_DIR moves the data, config, log and PID
# file elsewhere (to run a second Kafka beside the first; pass the same
# variable to stop.sh); node i of a cluster keeps its own in
# $KAFKA_STATE_DIR/node-i. KAFKA_HEAP sets each node's heap (default 512m;
# Kafka's own scripts use 1g).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
PEERS="$ROOT/.peers"
KAFKA_HOME="$PEERS/kafka"
LIBS="$KAFKA_HOME/libs"
STATE="${KAFKA_STATE_DIR:-$KAFKA_HOME}"
HEAP="${KAFKA_HEAP:-512m}"
NODES="${KAFKA_NODES:-1}"

if ! [[ "$NODES" =~ ^[1-9]$ ]]; then
  echo "KAFKA_NODES must be a number from 1 to 9, not '$NODES'" >&2
  exit 2
fi
if [ "$NODES" -gt 1 ] && [ $# -gt 0 ]; then
  echo "ADVERTISED_PORT is for a single node; a cluster's nodes advertise their own ports" >&2
  exit 2
fi

# ports NAME VALUE BASE: the list of NODES ports in VALUE (default BASE, BASE+3, ...), one a line.
ports() {
  local name="$1" value="$2" base="$3" i
  if [ -z "$value" ]; then
    for ((i = 0; i < NODES; i++)); do echo $((base + 3 * i)); done
    return
  fi
  local -a list
  IFS=, read -r -a list <<<"$value"
  if [ "${#list[@]}" -ne "$NODES" ]; then
    echo "$name must list $NODES ports, one per node, not '$value'" >&2
    return 2
  fi
  printf '%s\n' "${list[@]}"
}
mapfile -t CLIENT_PORTS < <(ports KAFKA_PORT "${KAFKA_PORT:-}" 19092)
mapfile -t INTERNAL_PORTS < <(ports KAFKA_INTERNAL_PORT "${KAFKA_INTERNAL_PORT:-}" 19093)
mapfile -t CONTROLLER_PORTS < <(ports KAFKA_CONTROLLER_PORT "${KAFKA_CONTROLLER_PORT:-}" 19094)
if [ "${#CLIENT_PORTS[@]}" -ne "$NODES" ] || [ "${#INTERNAL_PORTS[@]}" -ne "$NODES" ] ||
  [ "${#CONTROLLER_PORTS[@]}" -ne "$NODES" ]; then
  exit 2
fi
ADVERTISED_PORT="${1:-${CLIENT_PORTS[0]}}"

RF=$((NODES < 3 ? NODES : 3))
MIN_ISR=$((RF < 2 ? RF : 2))
VOTERS=""
for ((i = 0; i < NODES; i++)); do
  VOTERS+="${VOTERS:+,}$((i + 1))@127.0.0.1:${CONTROLLER_PORTS[i]}"
done

"$HERE/install.sh"

mkdir -p "$STATE"
if [ -f "$STATE/kafka.pid" ]; then
  while read -r pid; do
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      echo "kafka already running (pid $pid); stop it first" >&2
      exit 1
    fi
  done <"$STATE/kafka.pid"
fi
: >"$STATE/kafka.pid"

# The directory of node i (0-based): the state directory itself for a single node.
node_dir() {
  if [ "$NODES" -eq 1 ]; then echo "$STATE"; else echo "$STATE/node-$(($1 + 1))"; fi
}

for ((i = 0; i < NODES; i++)); do
  dir="$(node_dir "$i")"
  advertised="${CLIENT_PORTS[i]}"
  if [ "$NODES" -eq 1 ]; then advertised="$ADVERTISED_PORT"; fi
  rm -rf "$dir/data"
  mkdir -p "$dir/data/log"

  cat >"$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=$((i + 1))
controller.quorum.voters=${VOTERS}
listeners=PLAINTEXT://127.0.0.1:${CLIENT_PORTS[i]},INTERNAL://127.0.0.1:${INTERNAL_PORTS[i]},CONTROLLER://127.0.0.1:${CONTROLLER_PORTS[i]}
advertised.listeners=PLAINTEXT://127.0.0.1:${advertised},INTERNAL://127.0.0.1:${INTERNAL_PORTS[i]}
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=INTERNAL
controller.listener.names=CONTROLLER
log.dirs=${dir}/data/log
num.partitions=1
default.replication.factor=${RF}
min.insync.replicas=${MIN_ISR}
offsets.topic.replication.factor=${RF}
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=${RF}
transaction.state.log.min.isr=${MIN_ISR}
transaction.state.log.num.partitions=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
PROPS

  cat >"$dir/log4j.properties" <<PROPS
log4j.rootLogger=WARN, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.server.KafkaServer=INFO
log4j.logger.kafka.server.BrokerServer=INFO
PROPS
done

JAVA_OPTS=(-Xms256m "-Xmx${HEAP}")
log4j() { echo "-Dlog4j.configuration=file:$(node_dir "$1")/log4j.properties"; }
CLUSTER_ID="$(java "${JAVA_OPTS[@]}" "$(log4j 0)" -cp "$LIBS/*" kafka.tools.StorageTool random-uuid)"
for ((i = 0; i < NODES; i++)); do
  java "${JAVA_OPTS[@]}" "$(log4j "$i")" -cp "$LIBS/*" \
    kafka.tools.StorageTool format -t "$CLUSTER_ID" -c "$(node_dir "$i")/server.properties" >/dev/null
done

PIDS=()
for ((i = 0; i < NODES; i++)); do
  dir="$(node_dir "$i")"
  nohup java "${JAVA_OPTS[@]}" "$(log4j "$i")" -cp "$LIBS/*" \
    kafka.Kafka "$dir/server.properties" >"$dir/stdout.log" 2>&1 &
  PIDS+=("$!")
  echo "$!" >>"$STATE/kafka.pid"
done

# A node is up once its client listener accepts connections and, in a cluster (where a node alone
# cannot elect a controller), once its broker has been unfenced and has started.
up() {
  local i="$1"
  (exec 3<>"/dev/tcp/127.0.0.1/${CLIENT_PORTS[i]}") 2>/dev/null || return 1
  [ "$NODES" -eq 1 ] || grep -q "Transition from STARTING to STARTED" "$(node_dir "$i")/stdout.log"
}
for _ in $(seq 1 240); do
  waiting=0
  for ((i = 0; i < NODES; i++)); do
    if ! kill -0 "${PIDS[i]}" 2>/dev/null; then
      echo "kafka node $((i + 1)) exited during startup; see $(node_dir "$i")/stdout.log" >&2
      exit 1
    fi
    up "$i" || waiting=1
  done
  if [ "$waiting" -eq 0 ]; then
    cat "$STATE/kafka.pid"
    exit 0
  fi
  sleep 0.5
done
echo "kafka did not start on 127.0.0.1:${CLIENT_PORTS[*]} in time" >&2
exit 1
