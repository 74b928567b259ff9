/**
 * The partition-log admin APIs on a real broker process, with exact requests
 * and with Kafka 3.9's own tools:
 * - DeleteRecords moves the log start: ListOffsets earliest follows it, a
 *   fetch below it is OFFSET_OUT_OF_RANGE, whole segments below it go (the
 *   DescribeLogDirs size drops), and it survives a kill -9; Kafka's errors for
 *   unknown, internal, compacted and not-led partitions and offsets past the
 *   high watermark; kafka-delete-records.sh deletes too.
 * - DescribeLogDirs names the broker's log directory and each partition's
 *   exact size, which grows with what is produced; kafka-log-dirs.sh reads it.
 * - DescribeProducers shows an idempotent producer's epoch and last sequence
 *   (raw batches and kafkajs), not plain producers, and still after a restart.
 * - DescribeTopicPartitions pages with its cursor (KIP-966).
 * - The Java AdminClient does all four (describeTopics a partition per page,
 *   reading ELR lists where its Metadata fallback would give none), and
 *   kafka-topics.sh --describe works through DescribeTopicPartitions.
 */
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { ZERO_UUID } from "@runnel/kafka-protocol";
import { encodeRecordBatch } from "@runnel/log";
import { Kafka, logLevel } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrokerProcess, startBroker } from "../harness/broker.js";
import {
  batchHeaders,
  controllerCreateTopic,
  fetchPartition,
  initProducerId,
  listOffsets,
  produceBatch,
  waitForTopic,
} from "../harness/kafka-ops.js";
import { WireClient } from "../harness/kafka-wire.js";
import { MetadataQuorum } from "../harness/metadata.js";

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, "../..");

let q: MetadataQuorum;
let b1: BrokerProcess;
let b2: BrokerProcess;
let wire: WireClient;

beforeAll(async () => {
  q = await MetadataQuorum.start({ voters: 3 });
  // Small segments, so DeleteRecords removes whole segments.
  b1 = await startBroker(q, 1, "a", { RUNNEL_BROKER_SEGMENT_BYTES: "4096" });
  // A second broker leads the partitions broker 1 must answer NOT_LEADER_OR_FOLLOWER for.
  b2 = await startBroker(q, 2, "b");
  wire = await WireClient.connect(b1.port);
}, 120_000);

afterAll(async () => {
  wire?.close();
  await b2?.process.close();
  await b1?.process.close();
  await q?.close();
});

/** Creates a topic with one replica per partition on the given brokers; waits until broker 1 sees it. */
async function createTopic(
  name: string,
  leaders: number[],
  configs: Record<string, string> = {},
): Promise<string> {
  const r = await controllerCreateTopic(q, {
    name,
    assignments: leaders.map((l) => ({ brokerIds: [l] })),
    configs: Object.entries(configs).map(([key, value]) => ({ key, value })),
  });
  expect(r?.errorCode).toBe(0);
  return waitForTopic(wire, name, (t) => t.partitions.map((p) => p.leaderId).join() === leaders.join(), {
    attempts: 200,
  });
}

async function produce(topic: string, partition: number, batch: Uint8Array, to = wire): Promise<bigint> {
  const p = await produceBatch(to, topic, partition, batch);
  if (p.errorCode !== 0) throw new Error(`produce error ${p.errorCode}`);
  return p.baseOffset;
}

function batchOf(
  count: number,
  label: string,
  header: { producerId?: bigint; producerEpoch?: number; baseSequence?: number } = {},
) {
  return encodeRecordBatch({
    ...header,
    baseTimestamp: BigInt(Date.now()),
    records: Array.from({ length: count }, (_, i) => ({
      key: Buffer.from(`k${i}`),
      value: Buffer.from(`${label}-${i}-${"x".repeat(150)}`),
    })),
  });
}

async function deleteRecords(version: number, topic: string, partition: number, offset: bigint) {
  const r = await wire.send(21, version, {
    topics: [{ name: topic, partitions: [{ partitionIndex: partition, offset }] }],
    timeoutMs: 10_000,
  });
  return r.topics[0]?.partitions[0];
}

async function earliest(topic: string, partition: number, on = wire) {
  return (await listOffsets(on, topic, partition, [-2n], 9))[0];
}

async function fetchAt(topicId: string, offset: bigint, on = wire) {
  const p = await fetchPartition(on, { topicId, partition: 0, offset }, { maxBytes: 1024 * 1024 });
  const bases = batchHeaders(p.records).map((h) => h.baseOffset);
  return { errorCode: p.errorCode, logStartOffset: p.logStartOffset, bases };
}

async function logDirSizes(version: number, topics: { topic: string; partitions: number[] }[] | null) {
  const r = await wire.send(35, version, { topics });
  expect(r.results).toHaveLength(1);
  const dir = r.results[0];
  if (dir === undefined) throw new Error("no log dir");
  const sizes = new Map<string, bigint>();
  for (const t of dir.topics)
    for (const p of t.partitions) sizes.set(`${t.name}-${p.partitionIndex}`, p.partitionSize);
  return { dir, sizes };
}

async function cli(tool: string, ...args: string[]): Promise<string> {
  const { stdout } = await run("bash", [join(repoRoot, "e2e/peers/kafka-cli/cli.sh"), tool, ...args], {
    timeout: 60_000,
  });
  return stdout;
}

/**
 * Runs commands through the Java AdminClient driver (e2e/peers/java/LogAdminDriver.java)
 * against broker 1, in one JVM; each command's lines, split on tabs.
 */
async function javaAdmin(...commands: string[][]): Promise<string[][][]> {
  const { stdout } = await run(
    "java",
    [
      "-Dorg.slf4j.simpleLogger.defaultLogLevel=off",
      "-cp",
      join(repoRoot, ".peers/java/libs/*"),
      join(repoRoot, "e2e/peers/java/LogAdminDriver.java"),
      b1.bootstrap,
      ...commands.flatMap((c, i) => (i === 0 ? c : [";", ...c])),
    ],
    { timeout: 90_000 },
  );
  const results: string[][][] = [];
  for (const line of stdout.split("\n")) {
    if (line === "") continue;
    const fields = line.split("\t");
    if (fields[0] === "command") results.push([]);
    else results.at(-1)?.push(fields);
  }
  expect(results).toHaveLength(commands.length);
  return results;
}

describe("partition-log admin APIs", () => {
  let drTopicId = "";

  it("DeleteRecords moves the log start: ListOffsets earliest, Fetch below it, segments removed", async () => {
    drTopicId = await createTopic("dr", [1]);
    let bytes = 0;
    for (let i = 0; i < 20; i++) {
      const batch = batchOf(5, `b${i}`);
      bytes += batch.byteLength;
      expect(await produce("dr", 0, batch)).toBe(BigInt(i * 5));
    }
    const before = (await logDirSizes(4, [{ topic: "dr", partitions: [0] }])).sizes.get("dr-0");
    expect(before).toBe(BigInt(bytes));

    expect(await deleteRecords(2, "dr", 0, 42n)).toEqual({
      partitionIndex: 0,
      lowWatermark: 42n,
      errorCode: 0,
    });
    expect(await earliest("dr", 0)).toMatchObject({ errorCode: 0, offset: 42n });
    const below = await fetchAt(drTopicId, 41n);
    expect(below).toMatchObject({ errorCode: 1, logStartOffset: 42n }); // OFFSET_OUT_OF_RANGE
    // At the log start: the batch holding it (Kafka returns whole batches).
    const at = await fetchAt(drTopicId, 42n);
    expect(at.errorCode).toBe(0);
    expect(at.bases[0]).toBe(40n);
    // Whole segments below the new start are gone.
    const after = (await logDirSizes(4, [{ topic: "dr", partitions: [0] }])).sizes.get("dr-0") ?? 0n;
    expect(after).toBeLessThan(before ?? 0n);
    expect(after).toBeGreaterThan(0n);
    // An offset at or below the start changes nothing (v0 and v1 too).
    expect(await deleteRecords(0, "dr", 0, 10n)).toMatchObject({ lowWatermark: 42n, errorCode: 0 });
    expect(await deleteRecords(1, "dr", 0, 42n)).toMatchObject({ lowWatermark: 42n, errorCode: 0 });
  });

  it("DeleteRecords -1 means the high watermark; past it is OFFSET_OUT_OF_RANGE", async () => {
    await createTopic("dr-hw", [1]);
    await produce("dr-hw", 0, batchOf(7, "hw"));
    expect(await deleteRecords(2, "dr-hw", 0, 8n)).toEqual({
      partitionIndex: 0,
      lowWatermark: -1n,
      errorCode: 1,
    });
    expect(await deleteRecords(2, "dr-hw", 0, -1n)).toEqual({
      partitionIndex: 0,
      lowWatermark: 7n,
      errorCode: 0,
    });
    expect(await earliest("dr-hw", 0)).toMatchObject({ offset: 7n });
    // The log goes on from there.
    expect(await produce("dr-hw", 0, batchOf(1, "more"))).toBe(7n);
  });

  it("DeleteRecords answers Kafka's errors: unknown, internal, compact-only, not the leader", async () => {
    await createTopic("dr-compact", [1], { "cleanup.policy": "compact" });
    await createTopic("dr-both", [1], { "cleanup.policy": "compact,delete" });
    await createTopic("dr-elsewhere", [2]);
    await createTopic("__consumer_offsets", [1], { "cleanup.policy": "compact" });
    await produce("dr-both", 0, batchOf(3, "both"));
    const r = await wire.send(21, 2, {
      topics: [
        { name: "dr-none", partitions: [{ partitionIndex: 0, offset: 0n }] },
        { name: "dr", partitions: [{ partitionIndex: 3, offset: 0n }] },
        { name: "dr-compact", partitions: [{ partitionIndex: 0, offset: 0n }] },
        { name: "dr-both", partitions: [{ partitionIndex: 0, offset: 2n }] },
        { name: "dr-elsewhere", partitions: [{ partitionIndex: 0, offset: 0n }] },
        { name: "__consumer_offsets", partitions: [{ partitionIndex: 0, offset: 0n }] },
      ],
      timeoutMs: 10_000,
    });
    expect(r.topics.map((t) => [t.name, t.partitions[0]?.errorCode, t.partitions[0]?.lowWatermark])).toEqual([
      ["dr-none", 3, -1n], // UNKNOWN_TOPIC_OR_PARTITION
      ["dr", 3, -1n],
      ["dr-compact", 44, -1n], // POLICY_VIOLATION
      ["dr-both", 0, 2n],
      ["dr-elsewhere", 6, -1n], // NOT_LEADER_OR_FOLLOWER
      ["__consumer_offsets", 17, -1n], // INVALID_TOPIC_EXCEPTION
    ]);
  });

  it("kafka-delete-records.sh deletes through the broker", async () => {
    await createTopic("dr-tool", [1]);
    await produce("dr-tool", 0, batchOf(10, "tool"));
    const file = join(q.root, "delete-records.json");
    writeFileSync(
      file,
      JSON.stringify({ version: 1, partitions: [{ topic: "dr-tool", partition: 0, offset: 6 }] }),
    );
    const out = await cli(
      "kafka-delete-records",
      "--bootstrap-server",
      b1.bootstrap,
      "--offset-json-file",
      file,
    );
    expect(out).toContain("partition: dr-tool-0\tlow_watermark: 6");
    expect(await earliest("dr-tool", 0)).toMatchObject({ offset: 6n });
  }, 90_000);

  it("DescribeLogDirs names the log directory and exact partition sizes, which grow as records arrive", async () => {
    await createTopic("ld", [1, 1]);
    const empty = await logDirSizes(4, [{ topic: "ld", partitions: [0, 1, 5] }]);
    expect(empty.dir.errorCode).toBe(0);
    expect(empty.dir.logDir).toBe(resolve(join(q.root, "broker-1", "logs")));
    expect(empty.dir.totalBytes).toBeGreaterThan(0n);
    expect(empty.dir.usableBytes).toBeGreaterThan(0n);
    expect(empty.dir.usableBytes).toBeLessThanOrEqual(empty.dir.totalBytes);
    expect([...empty.sizes]).toEqual([
      ["ld-0", 0n],
      ["ld-1", 0n],
    ]);
    const a = batchOf(4, "a");
    const b = batchOf(9, "b");
    await produce("ld", 1, a);
    await produce("ld", 1, b);
    const grown = await logDirSizes(3, [{ topic: "ld", partitions: [1] }]);
    expect([...grown.sizes]).toEqual([["ld-1", BigInt(a.byteLength + b.byteLength)]]);
    // Before v4 the volume sizes are not carried.
    expect(grown.dir.totalBytes).toBe(-1n);
    // A null list: every partition this broker hosts, but not those broker 2 leads.
    const all = await logDirSizes(1, null);
    expect(all.sizes.get("ld-1")).toBe(BigInt(a.byteLength + b.byteLength));
    expect(all.sizes.get("dr-0")).toBeGreaterThan(0n);
    expect(all.sizes.has("dr-elsewhere-0")).toBe(false);

    const out = await cli(
      "kafka-log-dirs",
      "--bootstrap-server",
      b1.bootstrap,
      "--describe",
      "--topic-list",
      "ld",
    );
    const json = JSON.parse(out.trim().split("\n").at(-1) ?? "{}");
    const broker1 = json.brokers.find((x: { broker: number }) => x.broker === 1);
    expect(broker1.logDirs[0].logDir).toBe(empty.dir.logDir);
    expect(broker1.logDirs[0].error).toBeNull();
    expect(
      broker1.logDirs[0].partitions.sort((x: { partition: string }, y: { partition: string }) =>
        x.partition.localeCompare(y.partition),
      ),
    ).toEqual([
      { partition: "ld-0", size: 0, offsetLag: 0, isFuture: false },
      { partition: "ld-1", size: a.byteLength + b.byteLength, offsetLag: 0, isFuture: false },
    ]);
  }, 90_000);

  let rawProducerId = -1n;

  it("DescribeProducers shows idempotent producers' epoch and last sequence (raw batches and kafkajs)", async () => {
    await createTopic("prod", [1]);
    await createTopic("prod-elsewhere", [2]);
    const init = await initProducerId(wire);
    expect(init.errorCode).toBe(0);
    rawProducerId = init.producerId;
    const id = { producerId: init.producerId, producerEpoch: init.producerEpoch };
    await produce("prod", 0, batchOf(3, "p", { ...id, baseSequence: 0 }));
    await produce("prod", 0, batchOf(2, "p", { ...id, baseSequence: 3 }));
    await produce("prod", 0, batchOf(2, "plain")); // not idempotent: not listed

    const kafka = new Kafka({
      brokers: [b1.bootstrap],
      clientId: "e2e-producers",
      logLevel: logLevel.NOTHING,
    });
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    try {
      for (let i = 0; i < 3; i++)
        await producer.send({ topic: "prod", acks: -1, messages: [{ value: `kj${i}` }] });
    } finally {
      await producer.disconnect();
    }

    const r = await wire.send(61, 0, {
      topics: [
        { name: "prod", partitionIndexes: [0] },
        { name: "prod-elsewhere", partitionIndexes: [0] },
        { name: "prod-none", partitionIndexes: [0] },
      ],
    });
    const [here, elsewhere, none] = r.topics;
    expect(here?.partitions[0]?.errorCode).toBe(0);
    const active = here?.partitions[0]?.activeProducers ?? [];
    expect(active).toHaveLength(2);
    const raw = active.find((p) => p.producerId === rawProducerId);
    expect(raw).toMatchObject({
      producerEpoch: init.producerEpoch,
      lastSequence: 4,
      coordinatorEpoch: -1,
      currentTxnStartOffset: -1n,
    });
    expect(Number(raw?.lastTimestamp)).toBeGreaterThan(Date.now() - 60_000);
    const kj = active.find((p) => p.producerId !== rawProducerId);
    expect(kj).toMatchObject({ producerEpoch: 0, lastSequence: 2, currentTxnStartOffset: -1n });
    expect(elsewhere?.partitions[0]?.errorCode).toBe(6); // NOT_LEADER_OR_FOLLOWER
    expect(none?.partitions[0]).toMatchObject({ errorCode: 3, activeProducers: [] });
  }, 60_000);

  it("DescribeTopicPartitions pages through topics with its cursor", async () => {
    const ids = {
      a: await createTopic("dtp-a", [1, 1, 1]),
      b: await createTopic("dtp-b", [1, 2]),
      c: await createTopic("dtp-c", [1]),
    };
    type Cursor = { topicName: string; partitionIndex: number } | null;
    const page = async (cursor: Cursor) => {
      const r = await wire.send(75, 0, {
        topics: [{ name: "dtp-c" }, { name: "dtp-a" }, { name: "dtp-none" }, { name: "dtp-b" }],
        responsePartitionLimit: 2,
        cursor,
      });
      return r;
    };
    const pages: [string, number, number[]][][] = [];
    const cursors: Cursor[] = [];
    let cursor: Cursor = null;
    const topics = new Map<string, { topicId: string; leaders: number[] }>();
    do {
      const r = await page(cursor);
      pages.push(r.topics.map((t) => [t.name ?? "", t.errorCode, t.partitions.map((p) => p.partitionIndex)]));
      for (const t of r.topics) {
        const seen = topics.get(t.name ?? "") ?? { topicId: t.topicId, leaders: [] };
        seen.leaders.push(...t.partitions.map((p) => p.leaderId));
        topics.set(t.name ?? "", seen);
      }
      cursor = r.nextCursor;
      cursors.push(cursor);
    } while (cursor !== null && pages.length < 10);
    expect(pages).toEqual([
      [["dtp-a", 0, [0, 1]]],
      [
        ["dtp-a", 0, [2]],
        ["dtp-b", 0, [0]],
      ],
      [
        ["dtp-b", 0, [1]],
        ["dtp-c", 0, [0]],
      ],
      [["dtp-none", 3, []]],
    ]);
    expect(cursors).toEqual([
      { topicName: "dtp-a", partitionIndex: 2 },
      { topicName: "dtp-b", partitionIndex: 1 },
      { topicName: "dtp-none", partitionIndex: 0 },
      null,
    ]);
    expect(topics.get("dtp-a")).toEqual({ topicId: ids.a, leaders: [1, 1, 1] });
    expect(topics.get("dtp-b")).toEqual({ topicId: ids.b, leaders: [1, 2] });
    expect(topics.get("dtp-c")).toEqual({ topicId: ids.c, leaders: [1] });
    expect(topics.get("dtp-none")?.topicId).toBe(ZERO_UUID);
  });

  it("the Java AdminClient describes topics a page at a time, deletes records, describes producers and log dirs", async () => {
    await createTopic("dr-java", [1]);
    await produce("dr-java", 0, batchOf(9, "java"));
    const out = await javaAdmin(
      ["describe-topics", "1", "dtp-a", "dtp-b"],
      ["delete-records", "dr-java", "0", "4"],
      ["delete-records", "dr-compact", "0", "0"],
      ["delete-records", "dr-java", "0", "10"],
      ["describe-producers", "prod", "0"],
      ["log-dirs", "1"],
    );
    const [topics, deleted, compacted, beyond, producers, dirs] = out;
    // ELR lists, not null: the client read DescribeTopicPartitions, not its Metadata fallback.
    expect(topics?.filter((l) => l[0] === "partition")).toEqual([
      ["partition", "dtp-a", "0", "1", "[1]", "[1]", "[]", "[]"],
      ["partition", "dtp-a", "1", "1", "[1]", "[1]", "[]", "[]"],
      ["partition", "dtp-a", "2", "1", "[1]", "[1]", "[]", "[]"],
      ["partition", "dtp-b", "0", "1", "[1]", "[1]", "[]", "[]"],
      ["partition", "dtp-b", "1", "2", "[2]", "[2]", "[]", "[]"],
    ]);
    expect(deleted).toEqual([["low_watermark", "4"]]);
    expect(await earliest("dr-java", 0)).toMatchObject({ offset: 4n });
    expect(compacted).toEqual([["error", "PolicyViolationException"]]);
    expect(beyond).toEqual([["error", "OffsetOutOfRangeException"]]);
    expect(producers).toHaveLength(2);
    expect(producers?.find((l) => l[1] === String(rawProducerId))?.slice(2, 4)).toEqual(["0", "4"]);
    expect(dirs?.[0]?.slice(0, 3)).toEqual(["dir", resolve(join(q.root, "broker-1", "logs")), "none"]);
    expect(Number(dirs?.[0]?.[3])).toBeGreaterThan(0);
    const ld1 = (await logDirSizes(4, [{ topic: "ld", partitions: [1] }])).sizes.get("ld-1");
    expect(dirs?.find((l) => l[0] === "replica" && l[1] === "ld-1")).toEqual([
      "replica",
      "ld-1",
      String(ld1),
      "0",
      "false",
    ]);
  }, 120_000);

  it("kafka-topics.sh --describe reads DescribeTopicPartitions, a partition per page", async () => {
    const out = await cli(
      "kafka-topics",
      "--bootstrap-server",
      b1.bootstrap,
      "--describe",
      "--topic",
      "dtp-a",
      "--partition-size-limit-per-response",
      "1",
    );
    expect(out).toMatch(/Topic: dtp-a\tTopicId: \S+\tPartitionCount: 3\tReplicationFactor: 1/);
    // "Elr: " with an empty list; the Metadata fallback would print "Elr: N/A".
    const lines = out.split("\n").filter((l) => l.includes("\tPartition: "));
    expect(lines.map((l) => l.trim())).toEqual(
      [0, 1, 2].map(
        (p) => `Topic: dtp-a\tPartition: ${p}\tLeader: 1\tReplicas: 1\tIsr: 1\tElr: \tLastKnownElr:`,
      ),
    );
  }, 90_000);

  it("keeps the log start and producer state across a kill -9", async () => {
    await b1.process.kill();
    wire.close();
    b1.process.start();
    await b1.process.waitForLine((l) => l.msg === "unfenced", 60_000);
    wire = await WireClient.connect(b1.port);
    // Like a client, retry while the restarted broker is not yet the leader again.
    let start = await earliest("dr", 0);
    for (let i = 0; i < 100 && start?.errorCode === 6; i++) {
      await new Promise((res) => setTimeout(res, 100));
      start = await earliest("dr", 0);
    }
    expect(start).toMatchObject({ errorCode: 0, offset: 42n });
    expect(await fetchAt(drTopicId, 41n)).toMatchObject({ errorCode: 1, logStartOffset: 42n });
    const r = await wire.send(61, 0, { topics: [{ name: "prod", partitionIndexes: [0] }] });
    expect(
      r.topics[0]?.partitions[0]?.activeProducers.find((p) => p.producerId === rawProducerId),
    ).toMatchObject({
      lastSequence: 4,
    });
  }, 90_000);
});
