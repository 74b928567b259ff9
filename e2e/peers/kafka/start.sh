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
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
PEERS="$ROOT/.peers"
KAFKA_HOME="$PEERS/kafka"
LIBS="$KAFKA_HOME/libs"
DATA="$KAFKA_HOME/data"

KAFKA_PORT="${KAFKA_PORT:-19092}"
INTERNAL_PORT="${KAFKA_INTERNAL_PORT:-19093}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-19094}"
ADVERTISED_PORT="${1:-$KAFKA_PORT}"

"$HERE/install.sh"

if [ -f "$KAFKA_HOME/kafka.pid" ] && kill -0 "$(cat "$KAFKA_HOME/kafka.pid")" 2>/dev/null; then
  echo "kafka already running (pid $(cat "$KAFKA_HOME/kafka.pid")); stop it first" >&2
  exit 1
fi

rm -rf "$DATA"
mkdir -p "$DATA/log"

cat > "$KAFKA_HOME/server.properties" <<PROPS
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

cat > "$KAFKA_HOME/log4j.properties" <<PROPS
log4j.rootLogger=WARN, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.server.KafkaServer=INFO
log4j.logger.kafka.server.BrokerServer=INFO
PROPS

JAVA_OPTS=(-Xms256m -Xmx512m "-Dlog4j.configuration=file:${KAFKA_HOME}/log4j.properties")

java "${JAVA_OPTS[@]}" -cp "$LIBS/*" kafka.tools.StorageTool format \
  -t "$(java "${JAVA_OPTS[@]}" -cp "$LIBS/*" kafka.tools.StorageTool random-uuid)" \
  -c "$KAFKA_HOME/server.properties" >/dev/null

nohup java "${JAVA_OPTS[@]}" -cp "$LIBS/*" kafka.Kafka "$KAFKA_HOME/server.properties" \
  > "$KAFKA_HOME/stdout.log" 2>&1 &
echo $! > "$KAFKA_HOME/kafka.pid"

# Wait until the client listener accepts connections.
for _ in $(seq 1 120); do
  if ! kill -0 "$(cat "$KAFKA_HOME/kafka.pid")" 2>/dev/null; then
    echo "kafka exited during startup; see $KAFKA_HOME/stdout.log" >&2
    exit 1
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/${KAFKA_PORT}") 2>/dev/null; then
    echo "$(cat "$KAFKA_HOME/kafka.pid")"
    exit 0
  fi
  sleep 0.5
done
echo "kafka did not open 127.0.0.1:${KAFKA_PORT} in time" >&2
exit 1
