"""Drive confluent-kafka-python (librdkafka) for the client-compatibility suite.

    python compat.py BOOTSTRAP SCENARIO [ARGS...]

Scenarios: version, create-topic TOPIC PARTITIONS REPLICATION_FACTOR, produce TOPIC CODEC COUNT PREFIX,
consume TOPIC GROUP COUNT, member TOPIC GROUP. Prints one JSON object per line.
"""

import json
import sys
import threading
import time

import confluent_kafka
from confluent_kafka import Consumer, KafkaException, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, NewTopic

STEP_TIMEOUT = 60.0
MEMBER_MAX_LIFE = 180.0
FILLER = "the quick brown fox jumps over the lazy dog " * 3
_out = threading.Lock()


def emit(**fields):
    with _out:
        sys.stdout.write(json.dumps(fields) + "\n")
        sys.stdout.flush()


def text(b):
    return None if b is None else b.decode("utf-8")


def version(bootstrap):
    emit(event="version", client="confluent-kafka-python", version=confluent_kafka.version(),
         librdkafka=confluent_kafka.libversion()[0])


def create_topic(bootstrap, topic, partitions, replication_factor):
    admin = AdminClient({"bootstrap.servers": bootstrap, "client.id": "compat-confluent-admin"})
    for future in admin.create_topics([NewTopic(topic, num_partitions=partitions, replication_factor=replication_factor)],
                                      operation_timeout=STEP_TIMEOUT).values():
        try:
            future.result(timeout=STEP_TIMEOUT)
        except KafkaException as e:
            if e.args[0].name() != "TOPIC_ALREADY_EXISTS":
                raise
    deadline = time.monotonic() + STEP_TIMEOUT
    while True:
        md = admin.list_topics(topic, timeout=10).topics.get(topic)
        if md is not None and md.error is None and len(md.partitions) == partitions and all(
                p.leader >= 0 for p in md.partitions.values()):
            break
        if time.monotonic() > deadline:
            raise RuntimeError("topic has no leaders in time")
        time.sleep(0.1)
    emit(event="topic-created", topic=topic, partitions=partitions)


def produce(bootstrap, topic, codec, count, prefix):
    producer = Producer({
        "bootstrap.servers": bootstrap,
        "client.id": "compat-confluent-producer",
        "enable.idempotence": True,
        "compression.type": codec,
        # The Java client's murmur2 partitioner, so keys land where other clients put them.
        "partitioner": "murmur2_random",
    })
    errors = []

    def on_delivery(err, msg):
        if err is not None:
            errors.append(str(err))
        else:
            emit(event="produced", key=text(msg.key()), partition=msg.partition(), offset=msg.offset())

    for i in range(count):
        producer.produce(topic, key=f"{prefix}-k{i % 8}", value=f"{prefix}|{codec}|{i}|{FILLER}",
                         headers=[("codec", codec.encode()), ("prefix", prefix.encode())],
                         on_delivery=on_delivery)
        producer.poll(0)
    remaining = producer.flush(STEP_TIMEOUT)
    if remaining or errors:
        raise RuntimeError(f"{remaining} undelivered, errors {errors[:3]}")
    emit(event="produce-done", count=count, codec=codec)


def consumer_config(bootstrap, group, auto_commit):
    return {
        "bootstrap.servers": bootstrap,
        "client.id": "compat-confluent-consumer",
        "group.id": group,
        "auto.offset.reset": "earliest",
        "enable.auto.commit": auto_commit,
    }


def consume(bootstrap, topic, group, count):
    consumer = Consumer(consumer_config(bootstrap, group, False))
    consumer.subscribe([topic])
    commit = {}
    seen = 0
    deadline = time.monotonic() + STEP_TIMEOUT
    try:
        while seen < count:
            if time.monotonic() > deadline:
                raise RuntimeError(f"consumed {seen} of {count} records in time")
            msg = consumer.poll(0.5)
            if msg is None:
                continue
            if msg.error():
                raise KafkaException(msg.error())
            seen += 1
            headers = {k: text(v) for k, v in (msg.headers() or [])}
            emit(event="record", partition=msg.partition(), offset=msg.offset(), key=text(msg.key()),
                 value=text(msg.value()), headers=headers)
            commit[msg.partition()] = msg.offset() + 1
        consumer.commit(offsets=[TopicPartition(topic, p, o) for p, o in commit.items()], asynchronous=False)
        emit(event="committed", count=seen)
    finally:
        consumer.close()
    emit(event="closed")


def member(bootstrap, topic, group):
    stop = threading.Event()

    def watch_stdin():
        for _ in sys.stdin:
            pass
        stop.set()

    threading.Thread(target=watch_stdin, daemon=True).start()
    owned = set()

    def on_assign(_consumer, partitions):
        owned.update(p.partition for p in partitions)
        emit(event="assigned", partitions=sorted(owned))

    def on_revoke(_consumer, partitions):
        owned.difference_update(p.partition for p in partitions)
        emit(event="assigned", partitions=sorted(owned))

    consumer = Consumer(consumer_config(bootstrap, group, True))
    consumer.subscribe([topic], on_assign=on_assign, on_revoke=on_revoke, on_lost=on_revoke)
    deadline = time.monotonic() + MEMBER_MAX_LIFE
    while not stop.is_set() and time.monotonic() < deadline:
        msg = consumer.poll(0.2)
        if msg is not None and msg.error():
            raise KafkaException(msg.error())
    consumer.close()  # leaves the group
    emit(event="closed")


def main():
    bootstrap, scenario, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    try:
        if scenario == "version":
            version(bootstrap)
        elif scenario == "create-topic":
            create_topic(bootstrap, args[0], int(args[1]), int(args[2]))
        elif scenario == "produce":
            produce(bootstrap, args[0], args[1], int(args[2]), args[3])
        elif scenario == "consume":
            consume(bootstrap, args[0], args[1], int(args[2]))
        elif scenario == "member":
            member(bootstrap, args[0], args[1])
        else:
            raise ValueError(f"unknown scenario {scenario}")
    except Exception as e:  # noqa: BLE001 - reported as an event
        emit(event="error", message=f"{type(e).__name__}: {e}")
        sys.exit(1)


if __name__ == "__main__":
    main()
