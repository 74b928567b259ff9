#!/usr/bin/env bash
# Run one of Kafka's command-line tools from the jars install.sh resolved:
#
#   cli.sh kafka-topics --bootstrap-server 127.0.0.1:19092 --list
#
# Tools: kafka-topics, kafka-console-producer, kafka-console-consumer,
# kafka-consumer-groups, kafka-configs, kafka-broker-api-versions,
# kafka-delete-records, kafka-log-dirs, kafka-leader-election, kafka-acls. In Kafka 3.9
# some tools live in kafka-tools (org.apache.kafka.tools.*), others still in the
# core jar (kafka.*).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
LIBS="$ROOT/.peers/kafka-cli/libs"
[ -f "$LIBS/.complete" ] || { echo "Kafka CLI jars missing: run e2e/peers/install.sh" >&2; exit 1; }
tool="${1:?usage: cli.sh TOOL [ARGS...]}"
shift
case "$tool" in
  kafka-topics) main=org.apache.kafka.tools.TopicCommand ;;
  kafka-console-producer) main=kafka.tools.ConsoleProducer ;;
  kafka-console-consumer) main=org.apache.kafka.tools.consumer.ConsoleConsumer ;;
  kafka-consumer-groups) main=org.apache.kafka.tools.consumer.group.ConsumerGroupCommand ;;
  kafka-configs) main=kafka.admin.ConfigCommand ;;
  kafka-broker-api-versions) main=kafka.admin.BrokerApiVersionsCommand ;;
  kafka-delete-records) main=org.apache.kafka.tools.DeleteRecordsCommand ;;
  kafka-log-dirs) main=org.apache.kafka.tools.LogDirsCommand ;;
  kafka-leader-election) main=org.apache.kafka.tools.LeaderElectionCommand ;;
  kafka-acls) main=kafka.admin.AclCommand ;;
  *) echo "unknown tool: $tool" >&2; exit 2 ;;
esac
# exec keeps the PID, so signals reach the JVM (the console consumer closes on SIGTERM).
exec java -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
  "-Dlog4j.configuration=file:$HERE/log4j.properties" -cp "$LIBS/*" "$main" "$@"
