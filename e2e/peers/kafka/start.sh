#!/usr/bin/env bash
# Start a single-node Kafka (KRaft, combined broker+controller) bound to 127.0.0.1.
#
#   e2e/peers/kafka/start.sh [ADVERTISED_PORT]
#
# The broker listens for clients on $KAFKA_PORT (default 19092) but advertises
# 127.0.0.1:ADVERTISED_PORT (default: the same port). Point ADVERTISED_PORT at a
# recording proxy to make clients keep talking through it after bootstrap.
# Broker-internal traffic uses a separate INTERNAL listener and never reaches
# the advertised port.
#
# Jars are resolved from Maven Central into .peers/ (gitignored) on first use.
# A fresh data directory is formatted on every start. Prints the broker PID and
# writes it to .peers/kafka/kafka.pid; stop with e2e/peers/kafka/stop.sh.
# KAFKA_STATE_DIR moves the data, config, log and PID file elsewhere (to run a
# second broker beside the first; pass the same variable to stop.sh), and
# KAFKA_HEAP sets the heap (default 512m; Kafka's own scripts use 1g).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
PEERS="$ROOT/.peers"
KAFKA_HOME="$PEERS/kafka"
LIBS="$KAFKA_HOME/libs"
STATE="${KAFKA_STATE_DIR:-$KAFKA_HOME}"
DATA="$STATE/data"
HEAP="${KAFKA_HEAP:-512m}"

KAFKA_PORT="${KAFKA_PORT:-19092}"
INTERNAL_PORT="${KAFKA_INTERNAL_PORT:-19093}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-19094}"
ADVERTISED_PORT="${1:-$KAFKA_PORT}"

"$HERE/install.sh"

if [ -f "$STATE/kafka.pid" ] && kill -0 "$(cat "$STATE/kafka.pid")" 2>/dev/null; then
  echo "kafka already running (pid $(cat "$STATE/kafka.pid")); stop it first" >&2
  exit 1
fi

rm -rf "$DATA"
mkdir -p "$DATA/log"

cat > "$STATE/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${CONTROLLER_PORT}
listeners=PLAINTEXT://127.0.0.1:${KAFKA_PORT},INTERNAL://127.0.0.1:${INTERNAL_PORT},CONTROLLER://127.0.0.1:${CONTROLLER_PORT}
advertised.listeners=PLAINTEXT://127.0.0.1:${ADVERTISED_PORT},INTERNAL://127.0.0.1:${INTERNAL_PORT}
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=INTERNAL
controller.listener.names=CONTROLLER
log.dirs=${DATA}/log
num.partitions=1
default.replication.factor=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
PROPS

cat > "$STATE/log4j.properties" <<PROPS
log4j.rootLogger=WARN, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.server.KafkaServer=INFO
log4j.logger.kafka.server.BrokerServer=INFO
PROPS

JAVA_OPTS=(-Xms256m "-Xmx${HEAP}" "-Dlog4j.configuration=file:${STATE}/log4j.properties")

java "${JAVA_OPTS[@]}" -cp "$LIBS/*" kafka.tools.StorageTool format \
  -t "$(java "${JAVA_OPTS[@]}" -cp "$LIBS/*" kafka.tools.StorageTool random-uuid)" \
  -c "$STATE/server.properties" >/dev/null

nohup java "${JAVA_OPTS[@]}" -cp "$LIBS/*" kafka.Kafka "$STATE/server.properties" \
  > "$STATE/stdout.log" 2>&1 &
echo $! > "$STATE/kafka.pid"

# Wait until the client listener accepts connections.
for _ in $(seq 1 120); do
  if ! kill -0 "$(cat "$STATE/kafka.pid")" 2>/dev/null; then
    echo "kafka exited during startup; see $STATE/stdout.log" >&2
    exit 1
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/${KAFKA_PORT}") 2>/dev/null; then
    echo "$(cat "$STATE/kafka.pid")"
    exit 0
  fi
  sleep 0.5
done
echo "kafka did not open 127.0.0.1:${KAFKA_PORT} in time" >&2
exit 1
