/**
 * Drives kafkajs for the client-compatibility suite.
 *
 *   tsx kafkajs.ts BOOTSTRAP SCENARIO [ARGS...]
 *
 * Scenarios: version, create-topic TOPIC PARTITIONS REPLICATION_FACTOR, produce TOPIC CODEC COUNT
 * PREFIX, consume TOPIC GROUP COUNT, member TOPIC GROUP. kafkajs ships only
 * gzip; snappy, lz4 and zstd come from the codecs the capture driver registers.
 */
import { createRequire } from "node:module";
import kafkajs from "kafkajs";
import { registerCodecs } from "../../peers/kafkajs/codecs.js";
import {
  arg,
  emit,
  type Invocation,
  messageKey,
  messageValue,
  runDriver,
  STEP_TIMEOUT_MS,
  sortedPartitions,
  stdinClosed,
  within,
} from "./common.js";

const { Kafka, CompressionTypes, Partitioners, logLevel } = kafkajs;

const CODECS: Record<string, kafkajs.CompressionTypes> = {
  none: CompressionTypes.None,
  gzip: CompressionTypes.GZIP,
  snappy: CompressionTypes.Snappy,
  lz4: CompressionTypes.LZ4,
  zstd: CompressionTypes.ZSTD,
};

function client(bootstrap: string): kafkajs.Kafka {
  return new Kafka({
    clientId: "compat-kafkajs",
    brokers: [bootstrap],
    logLevel: logLevel.ERROR,
    retry: { retries: 8, initialRetryTime: 200 },
  });
}

async function createTopic(inv: Invocation): Promise<void> {
  const topic = arg(inv, 0);
  const partitions = Number(arg(inv, 1));
  const replicationFactor = Number(arg(inv, 2));
  const admin = client(inv.bootstrap).admin();
  await admin.connect();
  try {
    await admin.createTopics({
      topics: [{ topic, numPartitions: partitions, replicationFactor }],
      waitForLeaders: true,
    });
  } finally {
    await admin.disconnect();
  }
  emit({ event: "topic-created", topic, partitions });
}

async function produce(inv: Invocation): Promise<void> {
  const [topic, codec, countText, prefix] = inv.args as [string, string, string, string];
  const count = Number(countText);
  const compression = CODECS[codec];
  if (compression === undefined) throw new Error(`unknown codec ${codec}`);
  const kafka = client(inv.bootstrap);
  const admin = kafka.admin();
  await admin.connect();
  const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
  await admin.disconnect();
  const partitionMetadata = metadata.topics[0]?.partitions ?? [];
  // kafkajs's own default (Java-compatible murmur2) partitioner, called up front so
  // each record's offset can be read off its partition's base offset.
  const partitioner = Partitioners.DefaultPartitioner();
  const messages = Array.from({ length: count }, (_, i) => {
    const message = {
      key: messageKey(prefix, i),
      value: messageValue(prefix, codec, i),
      headers: { codec, prefix },
    };
    return { ...message, partition: partitioner({ topic, partitionMetadata, message }) };
  });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    const acks = await within(
      "send",
      STEP_TIMEOUT_MS,
      producer.send({ topic, acks: -1, compression, messages }),
    );
    const base = new Map(acks.map((a) => [a.partition, Number(a.baseOffset)]));
    const next = new Map<number, number>();
    for (const m of messages) {
      const index = next.get(m.partition) ?? 0;
      next.set(m.partition, index + 1);
      const b = base.get(m.partition);
      if (b === undefined) throw new Error(`no acknowledgement for partition ${m.partition}`);
      emit({ event: "produced", key: m.key, partition: m.partition, offset: b + index });
    }
  } finally {
    await producer.disconnect();
  }
  emit({ event: "produce-done", count, codec });
}

function headersOf(headers: kafkajs.IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) out[k] = String(v);
  return out;
}

async function consume(inv: Invocation): Promise<void> {
  const [topic, group, countText] = inv.args as [string, string, string];
  const count = Number(countText);
  const consumer = client(inv.bootstrap).consumer({ groupId: group });
  await consumer.connect();
  const commit = new Map<number, string>();
  let seen = 0;
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await within(
      "consume",
      STEP_TIMEOUT_MS,
      new Promise<void>((resolve, reject) => {
        consumer
          .run({
            autoCommit: false,
            eachMessage: async ({ partition, message }) => {
              if (seen >= count) return;
              seen++;
              emit({
                event: "record",
                partition,
                offset: Number(message.offset),
                key: message.key?.toString() ?? null,
                value: message.value?.toString() ?? null,
                headers: headersOf(message.headers),
              });
              commit.set(partition, (BigInt(message.offset) + 1n).toString());
              if (seen === count) resolve();
            },
          })
          .catch(reject);
      }),
    );
    await consumer.commitOffsets([...commit].map(([partition, offset]) => ({ topic, partition, offset })));
    emit({ event: "committed", count: seen });
  } finally {
    await consumer.disconnect();
  }
  emit({ event: "closed" });
}

async function member(inv: Invocation): Promise<void> {
  const [topic, group] = inv.args as [string, string];
  const consumer = client(inv.bootstrap).consumer({ groupId: group });
  // kafkajs rebalances eagerly: every join reports the member's whole assignment.
  consumer.on(consumer.events.GROUP_JOIN, (e) => {
    emit({ event: "assigned", partitions: sortedPartitions(e.payload.memberAssignment[topic] ?? []) });
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async () => {} });
  await stdinClosed();
  await within("leave", STEP_TIMEOUT_MS, consumer.disconnect());
  emit({ event: "closed" });
}

runDriver(
  {
    version: () => {
      const pkg = createRequire(import.meta.url)("kafkajs/package.json") as { version: string };
      emit({ event: "version", client: "kafkajs", version: pkg.version });
    },
    "create-topic": createTopic,
    produce,
    consume,
    member,
  },
  registerCodecs,
);
