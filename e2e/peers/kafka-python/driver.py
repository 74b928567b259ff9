"""Drive kafka-python (pure Python) for the client-compatibility suite.

    python driver.py BOOTSTRAP SCENARIO [ARGS...]

Scenarios: version (prints the broker version kafka-python infers, its
`api_version`), create-topic TOPIC PARTITIONS REPLICATION_FACTOR, produce TOPIC CODEC COUNT PREFIX,
consume TOPIC GROUP COUNT, member TOPIC GROUP. Prints one JSON object per line.
"""

import json
import logging
import sys
import threading
import time

import kafka
from kafka import ConsumerRebalanceListener, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient, NewTopic
from kafka.errors import TopicAlreadyExistsError
from kafka.structs import OffsetAndMetadata

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
    producer = KafkaProducer(bootstrap_servers=bootstrap, client_id="compat-kafka-python-version")
    try:
        inferred = producer.config["api_version"]
    finally:
        producer.close(timeout=10)
    emit(event="version", client="kafka-python", version=kafka.__version__, apiVersion=list(inferred))


def create_topic(bootstrap, topic, partitions, replication_factor):
    admin = KafkaAdminClient(bootstrap_servers=bootstrap, client_id="compat-kafka-python-admin",
                             request_timeout_ms=int(STEP_TIMEOUT * 1000))
    try:
        try:
            admin.create_topics([NewTopic(topic, num_partitions=partitions, replication_factor=replication_factor)])
        except TopicAlreadyExistsError:
            pass
        deadline = time.monotonic() + STEP_TIMEOUT
        while True:
            described = admin.describe_topics([topic])
            d = described[0] if described else None
            if d and d.get("error_code", 0) == 0 and len(d["partitions"]) == partitions and all(
                    p["leader_id"] >= 0 for p in d["partitions"]):
                break
            if time.monotonic() > deadline:
                raise RuntimeError("topic has no leaders in time")
            time.sleep(0.1)
    finally:
        admin.close()
    emit(event="topic-created", topic=topic, partitions=partitions)


def produce(bootstrap, topic, codec, count, prefix):
    producer = KafkaProducer(
        bootstrap_servers=bootstrap,
        client_id="compat-kafka-python-producer",
        acks="all",
        compression_type=None if codec == "none" else codec,
    )
    errors = []
    futures = []
    for i in range(count):
        key = f"{prefix}-k{i % 8}"
        future = producer.send(topic, key=key.encode(), value=f"{prefix}|{codec}|{i}|{FILLER}".encode(),
                               headers=[("codec", codec.encode()), ("prefix", prefix.encode())])
        futures.append((key, future))
    producer.flush(timeout=STEP_TIMEOUT)
    for key, future in futures:
        try:
            md = future.get(timeout=STEP_TIMEOUT)
            emit(event="produced", key=key, partition=md.partition, offset=md.offset)
        except Exception as e:  # noqa: BLE001 - collected and reported
            errors.append(str(e))
    producer.close(timeout=10)
    if errors:
        raise RuntimeError(f"{len(errors)} undelivered: {errors[:3]}")
    emit(event="produce-done", count=count, codec=codec)


def new_consumer(bootstrap, group, auto_commit):
    return KafkaConsumer(
        bootstrap_servers=bootstrap,
        client_id="compat-kafka-python-consumer",
        group_id=group,
        auto_offset_reset="earliest",
        enable_auto_commit=auto_commit,
    )


def consume(bootstrap, topic, group, count):
    consumer = new_consumer(bootstrap, group, False)
    consumer.subscribe([topic])
    commit = {}
    seen = 0
    deadline = time.monotonic() + STEP_TIMEOUT
    try:
        while seen < count:
            if time.monotonic() > deadline:
                raise RuntimeError(f"consumed {seen} of {count} records in time")
            batches = consumer.poll(timeout_ms=500)
            for tp, records in batches.items():
                for r in records:
                    if seen >= count:
                        break
                    seen += 1
                    emit(event="record", partition=r.partition, offset=r.offset, key=text(r.key),
                         value=text(r.value), headers={k: text(v) for k, v in r.headers})
                    commit[tp] = OffsetAndMetadata(r.offset + 1, "", -1)
        consumer.commit(commit)
        emit(event="committed", count=seen)
    finally:
        consumer.close(autocommit=False)
    emit(event="closed")


class Listener(ConsumerRebalanceListener):
    def __init__(self):
        self.owned = set()

    def on_partitions_revoked(self, revoked):
        self.owned.difference_update(tp.partition for tp in revoked)
        emit(event="assigned", partitions=sorted(self.owned))

    def on_partitions_assigned(self, assigned):
        self.owned.update(tp.partition for tp in assigned)
        emit(event="assigned", partitions=sorted(self.owned))

    def on_partitions_lost(self, lost):
        self.on_partitions_revoked(lost)


def member(bootstrap, topic, group):
    stop = threading.Event()

    def watch_stdin():
        for _ in sys.stdin:
            pass
        stop.set()

    threading.Thread(target=watch_stdin, daemon=True).start()
    consumer = new_consumer(bootstrap, group, True)
    consumer.subscribe([topic], listener=Listener())
    deadline = time.monotonic() + MEMBER_MAX_LIFE
    while not stop.is_set() and time.monotonic() < deadline:
        consumer.poll(timeout_ms=200)
    consumer.close()  # commits and leaves the group
    emit(event="closed")


def main():
    logging.basicConfig(level=logging.ERROR, stream=sys.stderr)
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
