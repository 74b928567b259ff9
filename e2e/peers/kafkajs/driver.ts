/**
 * Drives kafkajs through a broker (or a recording proxy in front of one):
 * creates a topic, produces one idempotent batch per compression codec, then
 * consumes everything in a consumer group and commits.
 *
 *   tsx e2e/peers/kafkajs/driver.ts BOOTSTRAP_HOST:PORT
 */
import kafkajs from "kafkajs";
import { registerCodecs } from "./codecs.js";

const { Kafka, CompressionTypes, logLevel } = kafkajs;

const bootstrap = process.argv[2] ?? "127.0.0.1:9092";
const topic = "golden-kafkajs";
const groupId = "golden-kafkajs-group";
const perBatch = 10;

const codecs = [
  ["none", CompressionTypes.None],
  ["gzip", CompressionTypes.GZIP],
  ["snappy", CompressionTypes.Snappy],
  ["lz4", CompressionTypes.LZ4],
  ["zstd", CompressionTypes.ZSTD],
] as const;

async function main(): Promise<void> {
  await registerCodecs();
  const kafka = new Kafka({
    clientId: "golden-kafkajs",
    brokers: [bootstrap],
    logLevel: logLevel.WARN,
    retry: { retries: 10, initialRetryTime: 200 },
  });

  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [{ topic, numPartitions: 1, replicationFactor: 1 }],
    waitForLeaders: true,
  });
  await admin.disconnect();

  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  for (const [name, compression] of codecs) {
    await producer.send({
      topic,
      acks: -1,
      compression,
      messages: Array.from({ length: perBatch }, (_, i) => ({
        key: i === perBatch - 1 ? null : `key-${i}`,
        value:
          i === perBatch - 2
            ? null
            : `kafkajs ${name} record ${i}: the quick brown fox jumps over the lazy dog`,
        ...(i === 0 ? { headers: { codec: name, client: "kafkajs" } } : {}),
        timestamp: String(1_700_000_000_000 + i),
      })),
    });
    console.log(`produced ${perBatch} records with ${name}`);
  }
  await producer.disconnect();

  const total = perBatch * codecs.length;
  const consumer = kafka.consumer({ groupId, heartbeatInterval: 500, sessionTimeout: 10_000 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let lastOffset = -1n;
  let seen = 0;
  await new Promise<void>((resolve, reject) => {
    consumer
      .run({
        eachMessage: async ({ message }) => {
          seen++;
          lastOffset = BigInt(message.offset);
          if (seen >= total) resolve();
        },
      })
      .catch(reject);
  });
  // Stay in the group a moment so it sends a heartbeat, then commit.
  await new Promise((resolve) => setTimeout(resolve, 1200));
  await consumer.commitOffsets([{ topic, partition: 0, offset: String(lastOffset + 1n) }]);
  console.log(`consumed ${seen} records, committed offset ${lastOffset + 1n}`);
  await consumer.disconnect();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
