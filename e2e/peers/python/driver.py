"""Drive confluent-kafka-python (librdkafka) through a broker or a recording proxy.

Creates a topic, produces one idempotent batch per compression codec, then
consumes everything in a consumer group and commits synchronously.

    python e2e/peers/python/driver.py BOOTSTRAP_HOST:PORT
"""

import sys
import time

from confluent_kafka import Consumer, KafkaException, Producer
from confluent_kafka.admin import AdminClient, NewTopic

TOPIC = "golden-python"
GROUP = "golden-python-group"
CODECS = ["none", "gzip", "snappy", "lz4", "zstd"]
PER_BATCH = 10


def create_topic(bootstrap: str) -> None:
    admin = AdminClient({"bootstrap.servers": bootstrap, "client.id": "golden-python-admin"})
    for future in admin.create_topics([NewTopic(TOPIC, num_partitions=1, replication_factor=1)]).values():
        try:
            future.result()
        except KafkaException as e:
            if e.args[0].name() != "TOPIC_ALREADY_EXISTS":
                raise


def produce(bootstrap: str, codec: str) -> None:
    producer = Producer(
        {
            "bootstrap.servers": bootstrap,
            "client.id": f"golden-python-{codec}",
            "enable.idempotence": True,
            "acks": "all",
            "compression.type": codec,
            # Let all records of one codec gather into a single batch.
            "linger.ms": 100,
        }
    )
    errors = []

    def on_delivery(err, _msg):
        if err is not None:
            errors.append(err)

    for i in range(PER_BATCH):
        key = None if i == PER_BATCH - 1 else f"key-{i}"
        value = (
            None
            if i == PER_BATCH - 2
            else f"python {codec} record {i}: the quick brown fox jumps over the lazy dog"
        )
        headers = [("codec", codec.encode()), ("client", b"python")] if i == 0 else None
        producer.produce(
            TOPIC,
            key=key,
            value=value,
            partition=0,
            timestamp=1_700_000_000_000 + i,
            headers=headers,
            on_delivery=on_delivery,
        )
    remaining = producer.flush(30)
    if remaining or errors:
        raise RuntimeError(f"{codec}: {remaining} undelivered, errors {errors}")
    print(f"produced {PER_BATCH} records with {codec}")


def consume(bootstrap: str, expected: int) -> None:
    consumer = Consumer(
        {
            "bootstrap.servers": bootstrap,
            "client.id": "golden-python-consumer",
            "group.id": GROUP,
            "auto.offset.reset": "earliest",
            "enable.auto.commit": False,
            "heartbeat.interval.ms": 500,
        }
    )
    consumer.subscribe([TOPIC])
    seen = 0
    deadline = time.monotonic() + 60
    last = None
    while seen < expected:
        if time.monotonic() > deadline:
            raise RuntimeError(f"consumed only {seen} of {expected} records")
        msg = consumer.poll(0.5)
        if msg is None:
            continue
        if msg.error():
            raise KafkaException(msg.error())
        seen += 1
        last = msg
    # Keep polling briefly so the group sees a heartbeat, then commit.
    end = time.monotonic() + 1.2
    while time.monotonic() < end:
        consumer.poll(0.2)
    consumer.commit(message=last, asynchronous=False)
    consumer.close()
    print(f"consumed {seen} records, committed offset {last.offset() + 1}")


def main() -> None:
    bootstrap = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1:9092"
    create_topic(bootstrap)
    for codec in CODECS:
        produce(bootstrap, codec)
    consume(bootstrap, PER_BATCH * len(CODECS))


if __name__ == "__main__":
    main()
