/**
 * Drives @platformatic/kafka for the client-compatibility suite.
 *
 *   tsx platformatic.ts BOOTSTRAP SCENARIO [ARGS...]
 *
 * Scenarios: version, create-topic TOPIC PARTITIONS REPLICATION_FACTOR, produce TOPIC CODEC COUNT
 * PREFIX, consume TOPIC GROUP COUNT, member TOPIC GROUP. zstd needs Node's
 * zlib zstd (Node >= 22.15); on older Node the client refuses it.
 */
import "./node-compat.js";
import {
  Admin,
  type CompressionAlgorithmValue,
  Consumer,
  clientSoftwareVersion,
  defaultPartitioner,
  type Message,
  Producer,
  stringDeserializers,
  stringSerializers,
} from "@platformatic/kafka";
import {
  arg,
  emit,
  fail,
  type Invocation,
  messageKey,
  messageValue,
  runDriver,
  STEP_TIMEOUT_MS,
  sortedPartitions,
  stdinClosed,
  within,
} from "./common.js";

const CLIENT_ID = "compat-platformatic";

async function createTopic(inv: Invocation): Promise<void> {
  const topic = arg(inv, 0);
  const partitions = Number(arg(inv, 1));
  const replicas = Number(arg(inv, 2));
  const admin = new Admin({ clientId: CLIENT_ID, bootstrapBrokers: [inv.bootstrap] });
  try {
    await within(
      "createTopics",
      STEP_TIMEOUT_MS,
      admin.createTopics({ topics: [topic], partitions, replicas }),
    );
    const deadline = Date.now() + STEP_TIMEOUT_MS;
    for (;;) {
      const md = await admin.metadata({ topics: [topic], forceUpdate: true }).catch(() => undefined);
      const t = md?.topics.get(topic);
      if (t && t.partitionsCount === partitions && t.partitions.every((p) => p.leader >= 0)) break;
      if (Date.now() > deadline) throw new Error("topic has no leaders in time");
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await admin.close();
  }
  emit({ event: "topic-created", topic, partitions });
}

async function produce(inv: Invocation): Promise<void> {
  const [topic, codec, countText, prefix] = inv.args as [string, string, string, string];
  const count = Number(countText);
  const producer = new Producer({
    clientId: CLIENT_ID,
    bootstrapBrokers: [inv.bootstrap],
    serializers: stringSerializers,
    idempotent: true,
  });
  try {
    const md = await within("metadata", STEP_TIMEOUT_MS, producer.metadata({ topics: [topic] }));
    const partitions = md.topics.get(topic)?.partitionsCount ?? 0;
    if (partitions === 0) throw new Error(`no metadata for ${topic}`);
    // The client's own default partitioner, applied up front (as the client does, modulo
    // the partition count) so each record's offset can be read off its partition's base offset.
    const messages = Array.from({ length: count }, (_, i) => {
      const key = messageKey(prefix, i);
      const message = {
        topic,
        key,
        value: messageValue(prefix, codec, i),
        headers: new Map([
          ["codec", codec],
          ["prefix", prefix],
        ]),
      };
      return { ...message, partition: defaultPartitioner(message, Buffer.from(key)) % partitions };
    });
    const result = await within(
      "send",
      STEP_TIMEOUT_MS,
      producer.send({
        messages,
        acks: -1,
        ...(codec === "none" ? {} : { compression: codec as CompressionAlgorithmValue }),
      }),
    );
    const base = new Map((result.offsets ?? []).map((o) => [o.partition, Number(o.offset)]));
    const next = new Map<number, number>();
    for (const m of messages) {
      const index = next.get(m.partition) ?? 0;
      next.set(m.partition, index + 1);
      const b = base.get(m.partition);
      if (b === undefined) throw new Error(`no acknowledgement for partition ${m.partition}`);
      emit({ event: "produced", key: m.key, partition: m.partition, offset: b + index });
    }
  } finally {
    await producer.close();
  }
  emit({ event: "produce-done", count, codec });
}

function consumer(inv: Invocation, group: string): Consumer<string, string, string, string> {
  return new Consumer({
    clientId: CLIENT_ID,
    bootstrapBrokers: [inv.bootstrap],
    groupId: group,
    deserializers: stringDeserializers,
    maxWaitTime: 500,
  });
}

async function consume(inv: Invocation): Promise<void> {
  const [topic, group, countText] = inv.args as [string, string, string];
  const count = Number(countText);
  const c = consumer(inv, group);
  const commit = new Map<number, { offset: bigint; leaderEpoch: number }>();
  let seen = 0;
  try {
    const stream = await within(
      "consume",
      STEP_TIMEOUT_MS,
      c.consume({ topics: [topic], mode: "committed", fallbackMode: "earliest", autocommit: false }),
    );
    await within(
      "records",
      STEP_TIMEOUT_MS,
      new Promise<void>((resolve, reject) => {
        stream.on("error", reject);
        stream.on("data", (m: Message<string, string, string, string>) => {
          if (seen >= count) return;
          seen++;
          emit({
            event: "record",
            partition: m.partition,
            offset: m.offset,
            key: m.key ?? null,
            value: m.value ?? null,
            headers: Object.fromEntries(m.headers),
          });
          commit.set(m.partition, { offset: m.offset + 1n, leaderEpoch: m.leaderEpoch });
          if (seen === count) resolve();
        });
      }),
    );
    await c.commit({ offsets: [...commit].map(([partition, o]) => ({ topic, partition, ...o })) });
    emit({ event: "committed", count: seen });
    await stream.close();
  } finally {
    await within("close", STEP_TIMEOUT_MS, c.close(true));
  }
  emit({ event: "closed" });
}

async function member(inv: Invocation): Promise<void> {
  const [topic, group] = inv.args as [string, string];
  const c = consumer(inv, group);
  c.on("consumer:group:join", (e) => {
    const mine = e.assignments?.find((a) => a.topic === topic)?.partitions ?? [];
    emit({ event: "assigned", partitions: sortedPartitions(mine) });
  });
  const stream = await within(
    "consume",
    STEP_TIMEOUT_MS,
    c.consume({ topics: [topic], mode: "committed", fallbackMode: "earliest", autocommit: true }),
  );
  stream.on("data", () => {});
  stream.on("error", (e) => fail(e));
  await stdinClosed();
  await within("leave", STEP_TIMEOUT_MS, stream.close());
  await within("close", STEP_TIMEOUT_MS, c.close());
  emit({ event: "closed" });
}

runDriver({
  version: () => emit({ event: "version", client: "@platformatic/kafka", version: clientSoftwareVersion }),
  "create-topic": createTopic,
  produce,
  consume,
  member,
});
