#!/usr/bin/env bash
# Drive kcat (librdkafka) through a broker or a recording proxy: produce one
# idempotent batch per compression codec (auto-creating the topic), then
# consume everything in a consumer group, which commits on exit.
#
#   e2e/peers/kcat/driver.sh BOOTSTRAP_HOST:PORT
set -euo pipefail
BOOTSTRAP="${1:-127.0.0.1:9092}"
TOPIC=golden-kcat
GROUP=golden-kcat-group
PER_BATCH=10
CODECS=(none gzip snappy lz4 zstd)

for codec in "${CODECS[@]}"; do
  for i in $(seq 0 $((PER_BATCH - 1))); do
    echo "key-$i|kcat $codec record $i: the quick brown fox jumps over the lazy dog"
  done | kcat -P -b "$BOOTSTRAP" -t "$TOPIC" -p 0 -K '|' -z "$codec" \
    -H "codec=$codec" -H client=kcat \
    -X client.id="golden-kcat-$codec" -X enable.idempotence=true -X linger.ms=100
  echo "produced $PER_BATCH records with $codec"
done

# -e exits at the end of the partition; the consumer commits its offsets on close.
kcat -C -b "$BOOTSTRAP" -G "$GROUP" "$TOPIC" -c $((PER_BATCH * ${#CODECS[@]})) -e -q \
  -X client.id=golden-kcat-consumer -X auto.offset.reset=earliest -X auto.commit.interval.ms=200 \
  -X heartbeat.interval.ms=500 > /dev/null
echo "consumed $((PER_BATCH * ${#CODECS[@]})) records"
