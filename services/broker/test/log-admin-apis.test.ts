/**
 * The partition-log admin APIs against real partition logs and built
 * metadata images: DeleteRecords (high-watermark offset, Kafka's errors in
 * Kafka's order, timeout_ms), DescribeLogDirs (sizes, filters),
 * DescribeProducers (idempotent producers only) and DescribeTopicPartitions
 * (KIP-966 cursor pagination).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join } from "node:path";
import { ErrorCode, ZERO_UUID } from "@runnel/kafka-protocol";
import { encodeRecordBatch, type PartitionLog, type RecordBatchInput } from "@runnel/log";
import {
  emptyImage,
  type MetadataImage,
  type PartitionImage,
  type TopicImage,
  topicKey,
} from "@runnel/metadata";
import { createLogger, SystemClock } from "@runnel/runtime";
import { afterEach, describe, expect, it } from "vitest";
import { ALL_TOPIC_OPERATIONS } from "../src/cluster.js";
import type { BrokerContext } from "../src/context.js";
import { deleteRecordsHandler } from "../src/handlers/21-delete-records.js";
import { describeLogDirsHandler } from "../src/handlers/35-describe-log-dirs.js";
import { describeProducersHandler } from "../src/handlers/61-describe-producers.js";
import { describeTopicPartitionsHandler } from "../src/handlers/75-describe-topic-partitions.js";
import type { RequestContext } from "../src/kafka/server.js";
import { ReplicaManager } from "../src/replica-manager.js";
import { effectiveTopicConfig } from "../src/topic-configs.js";

const logger = createLogger({ service: "test", instanceId: "t", level: "silent", clock: new SystemClock() });
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const ctx = (apiVersion: number) => ({ apiVersion }) as RequestContext;
const leader = { leaderEpoch: 0, assignOffsets: true } as const;

let nextId = 1;
function topic(name: string, leaders: number[]): TopicImage {
  const id = new Uint8Array(16).fill(nextId++);
  return {
    id,
    key: topicKey(id),
    name,
    partitions: leaders.map(
      (l): PartitionImage => ({ replicas: [l], isr: [l], leader: l, leaderEpoch: 3, partitionEpoch: 0 }),
    ),
  };
}

function imageOf(topics: TopicImage[], configs: Record<string, Record<string, string>> = {}): MetadataImage {
  const e = emptyImage();
  const endpoint = { name: "PLAINTEXT", host: "127.0.0.1", port: 9092, securityProtocol: 0 };
  const broker = (id: number, fenced: boolean) => ({
    id,
    epoch: 0n,
    incarnationId: new Uint8Array(16),
    zone: "",
    cell: "",
    endpoints: [endpoint],
    fenced,
    inControlledShutdown: false,
  });
  return {
    ...e,
    brokers: new Map([
      [1, broker(1, false)],
      [2, broker(2, true)],
    ]) as unknown as MetadataImage["brokers"],
    topics: new Map(topics.map((t) => [t.key, t])),
    topicKeysByName: new Map(topics.map((t) => [t.name, t.key])),
    topicConfigs: new Map(Object.entries(configs).map(([k, v]) => [k, new Map(Object.entries(v))])),
  };
}

function setup(image: MetadataImage) {
  const dataDir = mkdtempSync(join(tmpdir(), "runnel-log-admin-"));
  dirs.push(dataDir);
  const replicas = new ReplicaManager({ nodeId: 1, dataDir, image: () => image, logger, segmentBytes: 1024 });
  const broker = { settings: { nodeId: 1 }, image: () => image } as unknown as BrokerContext;
  return { broker, replicas, dataDir };
}

async function logOf(replicas: ReplicaManager, t: TopicImage, partition = 0): Promise<PartitionLog> {
  const found = await replicas.leaderPartition(t, partition);
  if (found.kind !== "ok") throw new Error(found.kind);
  return found.hosted.log;
}

/** Appends as the partition's leader does, so the high watermark follows (one replica: the log end). */
async function appendAsLeader(replicas: ReplicaManager, t: TopicImage, bytes: Uint8Array): Promise<void> {
  const found = await replicas.leaderPartition(t, 0);
  if (found.kind !== "ok") throw new Error(found.kind);
  await found.hosted.replica.appendAsLeader(bytes, { leaderEpoch: 0 });
}

function records(count: number, header: Omit<Partial<RecordBatchInput>, "records"> = {}) {
  return encodeRecordBatch({
    ...header,
    records: Array.from({ length: count }, (_, i) => ({ value: Buffer.alloc(200, i) })),
  });
}

describe("DeleteRecords", () => {
  it("moves the log start to the offset, to the high watermark for -1, and refuses offsets past it", async () => {
    const t = topic("dr", [1]);
    const { broker, replicas } = setup(imageOf([t]));
    const log = await logOf(replicas, t);
    for (let i = 0; i < 10; i++) await appendAsLeader(replicas, t, records(2));
    const h = deleteRecordsHandler(broker, replicas);
    const del = async (offset: bigint) =>
      (
        await h.handle(
          { topics: [{ name: "dr", partitions: [{ partitionIndex: 0, offset }] }], timeoutMs: 5000 },
          ctx(2),
        )
      )?.topics[0]?.partitions[0];
    expect(await del(7n)).toEqual({ partitionIndex: 0, lowWatermark: 7n, errorCode: ErrorCode.NONE });
    expect(log.logStartOffset).toBe(7n);
    // Lower than the current start: nothing changes, the current start is the answer.
    expect(await del(3n)).toMatchObject({ lowWatermark: 7n, errorCode: ErrorCode.NONE });
    expect(await del(21n)).toEqual({
      partitionIndex: 0,
      lowWatermark: -1n,
      errorCode: ErrorCode.OFFSET_OUT_OF_RANGE,
    });
    expect(await del(-2n)).toMatchObject({ lowWatermark: -1n, errorCode: ErrorCode.OFFSET_OUT_OF_RANGE });
    expect(await del(-1n)).toMatchObject({ lowWatermark: 20n, errorCode: ErrorCode.NONE });
    expect(log.logStartOffset).toBe(20n);
  });

  it("answers Kafka's errors: unknown, internal topic, not leader, compact-only policy", async () => {
    const plain = topic("plain", [1, 2]);
    const compacted = topic("compacted", [1]);
    const both = topic("both", [1]);
    const offsets = topic("__consumer_offsets", [1]);
    const { broker, replicas } = setup(
      imageOf([plain, compacted, both, offsets], {
        compacted: { "cleanup.policy": "compact" },
        both: { "cleanup.policy": "compact, delete" },
      }),
    );
    await appendAsLeader(replicas, both, records(3));
    const r = await deleteRecordsHandler(broker, replicas).handle(
      {
        topics: [
          { name: "nope", partitions: [{ partitionIndex: 0, offset: 0n }] },
          {
            name: "plain",
            partitions: [
              { partitionIndex: 1, offset: 0n },
              { partitionIndex: 9, offset: 0n },
            ],
          },
          { name: "compacted", partitions: [{ partitionIndex: 0, offset: 0n }] },
          { name: "both", partitions: [{ partitionIndex: 0, offset: 2n }] },
          { name: "__consumer_offsets", partitions: [{ partitionIndex: 0, offset: 0n }] },
        ],
        timeoutMs: 1000,
      },
      ctx(0),
    );
    expect(r?.topics.map((t) => [t.name, t.partitions.map((p) => [p.errorCode, p.lowWatermark])])).toEqual([
      ["nope", [[ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, -1n]]],
      [
        "plain",
        [
          [ErrorCode.NOT_LEADER_OR_FOLLOWER, -1n],
          [ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, -1n],
        ],
      ],
      ["compacted", [[ErrorCode.POLICY_VIOLATION, -1n]]],
      ["both", [[ErrorCode.NONE, 2n]]],
      ["__consumer_offsets", [[ErrorCode.INVALID_TOPIC_EXCEPTION, -1n]]],
    ]);
  });

  it("answers REQUEST_TIMED_OUT with the current log start when the deletion outlasts timeout_ms", async () => {
    const t = topic("slow", [1, 1]);
    const image = imageOf([t]);
    let finish: (v: bigint) => void = () => undefined;
    const slowLog = {
      logEndOffset: 10n,
      logStartOffset: 4n,
      deleteRecordsBefore: () =>
        new Promise<bigint>((resolve) => {
          finish = resolve;
        }),
    };
    const fastLog = { logEndOffset: 10n, logStartOffset: 0n, deleteRecordsBefore: async (o: bigint) => o };
    const slowReplicas = {
      topicConfig: (img: MetadataImage, name: string) => effectiveTopicConfig(img, name, 1, new Map()),
      leaderPartition: async (_t: TopicImage, partition: number) => ({
        kind: "ok",
        hosted: {
          topic: t,
          partition,
          state: t.partitions[0],
          log: partition === 0 ? slowLog : fastLog,
          replica: { highWatermark: 100n },
        },
      }),
    } as unknown as ReplicaManager;
    const h = deleteRecordsHandler({ image: () => image } as unknown as BrokerContext, slowReplicas);
    const request = (timeoutMs: number) => ({
      topics: [
        {
          name: "slow",
          partitions: [
            { partitionIndex: 0, offset: 8n },
            { partitionIndex: 1, offset: 5n },
          ],
        },
      ],
      timeoutMs,
    });
    const r = await h.handle(request(50), ctx(2));
    expect(r?.topics[0]?.partitions).toEqual([
      { partitionIndex: 0, lowWatermark: 4n, errorCode: ErrorCode.REQUEST_TIMED_OUT },
      { partitionIndex: 1, lowWatermark: 5n, errorCode: ErrorCode.NONE },
    ]);
    // The late completion does not touch the answer already given.
    finish(8n);
    await new Promise((res) => setTimeout(res, 10));
    expect(r?.topics[0]?.partitions[0]?.errorCode).toBe(ErrorCode.REQUEST_TIMED_OUT);
    // A timeout of 0 waits for the leader's own deletion, as Kafka does.
    const pending = h.handle(request(0), ctx(2));
    setTimeout(() => finish(8n), 20);
    expect((await pending)?.topics[0]?.partitions[0]).toMatchObject({ errorCode: 0, lowWatermark: 8n });
  });
});

describe("DescribeLogDirs", () => {
  it("names the absolute log dir and each led partition's size, filtered as asked", async () => {
    const a = topic("a", [1, 1, 2]);
    const b = topic("b", [1]);
    const { broker, replicas, dataDir } = setup(imageOf([b, a]));
    const batch = records(3);
    await (await logOf(replicas, a, 1)).append(batch, leader);
    await (await logOf(replicas, a, 1)).append(batch, leader);
    const h = describeLogDirsHandler(broker, replicas);
    const all = await h.handle({ topics: null }, ctx(4));
    expect(all?.results).toHaveLength(1);
    const dir = all?.results[0];
    expect(dir?.logDir).toBe(dataDir);
    expect(isAbsolute(dir?.logDir ?? "")).toBe(true);
    expect(dir?.totalBytes).toBeGreaterThan(0n);
    expect(dir?.usableBytes).toBeGreaterThan(0n);
    expect(dir?.usableBytes).toBeLessThanOrEqual(dir?.totalBytes ?? 0n);
    expect(
      dir?.topics.map((t) => [t.name, t.partitions.map((p) => [p.partitionIndex, p.partitionSize])]),
    ).toEqual([
      [
        "a",
        [
          [0, 0n],
          [1, BigInt(2 * batch.byteLength)],
        ],
      ],
      ["b", [[0, 0n]]],
    ]);
    expect(dir?.topics[0]?.partitions[1]).toMatchObject({ offsetLag: 0n, isFutureKey: false });
    // Only what is asked for and hosted here: partition 2 of "a" is led by broker 2.
    const some = await h.handle(
      {
        topics: [
          { topic: "a", partitions: [1, 2, 7] },
          { topic: "gone", partitions: [0] },
        ],
      },
      ctx(1),
    );
    expect(some?.results[0]?.topics).toEqual([
      {
        name: "a",
        partitions: [
          {
            partitionIndex: 1,
            partitionSize: BigInt(2 * batch.byteLength),
            offsetLag: 0n,
            isFutureKey: false,
          },
        ],
      },
    ]);
    expect(some?.results[0]?.totalBytes).toBe(-1n);
  });
});

describe("DescribeProducers", () => {
  it("lists idempotent producers with their last sequence; errors for unknown, invalid and not-led", async () => {
    const t = topic("p", [1, 2]);
    const { broker, replicas } = setup(imageOf([t]));
    const log = await logOf(replicas, t);
    await log.append(records(2), leader);
    await log.append(
      records(3, { producerId: 42n, producerEpoch: 1, baseSequence: 0, baseTimestamp: 1000n }),
      leader,
    );
    await log.append(
      records(2, { producerId: 42n, producerEpoch: 1, baseSequence: 3, baseTimestamp: 2000n }),
      leader,
    );
    await log.append(
      records(1, { producerId: 7n, producerEpoch: 0, baseSequence: 0, baseTimestamp: 1500n }),
      leader,
    );
    const r = await describeProducersHandler(broker, replicas).handle(
      {
        topics: [
          { name: "p", partitionIndexes: [0, 1, 5] },
          { name: "missing", partitionIndexes: [0] },
          { name: "bad name!", partitionIndexes: [0] },
        ],
      },
      ctx(0),
    );
    const [p, missing, bad] = r?.topics ?? [];
    expect(p?.partitions[0]).toEqual({
      partitionIndex: 0,
      errorCode: 0,
      errorMessage: null,
      activeProducers: [
        {
          producerId: 7n,
          producerEpoch: 0,
          lastSequence: 0,
          lastTimestamp: 1500n,
          coordinatorEpoch: -1,
          currentTxnStartOffset: -1n,
        },
        {
          producerId: 42n,
          producerEpoch: 1,
          lastSequence: 4,
          lastTimestamp: 2000n,
          coordinatorEpoch: -1,
          currentTxnStartOffset: -1n,
        },
      ],
    });
    expect(p?.partitions.slice(1).map((x) => x.errorCode)).toEqual([
      ErrorCode.NOT_LEADER_OR_FOLLOWER,
      ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
    ]);
    expect(missing?.partitions[0]).toMatchObject({
      errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
      errorMessage: "This server does not host this topic-partition.",
    });
    expect(bad?.partitions[0]?.errorCode).toBe(ErrorCode.INVALID_TOPIC_EXCEPTION);
  });
});

describe("DescribeTopicPartitions", () => {
  const image = imageOf([topic("c", [1]), topic("a", [1, 1, 2]), topic("b", [1, 2])]);
  const h = describeTopicPartitionsHandler({ image: () => image } as unknown as BrokerContext);
  const ask = (
    names: string[],
    limit: number,
    cursor: { topicName: string; partitionIndex: number } | null = null,
  ) => h.handle({ topics: names.map((name) => ({ name })), responsePartitionLimit: limit, cursor }, ctx(0));
  const shape = (r: Awaited<ReturnType<typeof ask>>) => ({
    topics: r?.topics.map((t) => [t.name, t.errorCode, t.partitions.map((p) => p.partitionIndex)]),
    next: r?.nextCursor,
  });

  it("pages through the topics in name order with the cursor, as Kafka's broker does", async () => {
    const names = ["c", "a", "zz", "b"];
    let r = await ask(names, 2);
    expect(shape(r)).toEqual({ topics: [["a", 0, [0, 1]]], next: { topicName: "a", partitionIndex: 2 } });
    r = await ask(names, 2, r?.nextCursor ?? null);
    expect(shape(r)).toEqual({
      topics: [
        ["a", 0, [2]],
        ["b", 0, [0]],
      ],
      next: { topicName: "b", partitionIndex: 1 },
    });
    r = await ask(names, 2, r?.nextCursor ?? null);
    // The limit is used up exactly: the cursor points at the next topic, even an unknown one.
    expect(shape(r)).toEqual({
      topics: [
        ["b", 0, [1]],
        ["c", 0, [0]],
      ],
      next: { topicName: "zz", partitionIndex: 0 },
    });
    r = await ask(names, 2, r?.nextCursor ?? null);
    expect(shape(r)).toEqual({ topics: [["zz", ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, []]], next: null });
    expect(r?.topics[0]?.topicId).toBe(ZERO_UUID);
  });

  it("describes every topic for an empty list, with the partition details", async () => {
    const r = await ask([], 100);
    expect(shape(r)).toEqual({
      topics: [
        ["a", 0, [0, 1, 2]],
        ["b", 0, [0, 1]],
        ["c", 0, [0]],
      ],
      next: null,
    });
    const a = r?.topics[0];
    expect(a?.topicId).toBe(image.topicKeysByName.get("a"));
    expect(a?.topicAuthorizedOperations).toBe(ALL_TOPIC_OPERATIONS);
    expect(a?.partitions[2]).toEqual({
      errorCode: 0,
      partitionIndex: 2,
      leaderId: 2,
      leaderEpoch: 3,
      replicaNodes: [2],
      isrNodes: [2],
      eligibleLeaderReplicas: [],
      lastKnownElr: [],
      offlineReplicas: [2], // broker 2 is fenced
    });
    // A limit below 1 still returns one partition.
    expect(shape(await ask([], 0)).next).toEqual({ topicName: "a", partitionIndex: 1 });
  });

  it("refuses a cursor outside the topics asked for, or with a negative partition (INVALID_REQUEST)", async () => {
    for (const cursor of [
      { topicName: "c", partitionIndex: 0 },
      { topicName: "a", partitionIndex: -1 },
    ]) {
      const r = await ask(["a", "b"], 10, cursor);
      expect(shape(r)).toEqual({
        topics: [
          ["a", ErrorCode.INVALID_REQUEST, []],
          ["b", ErrorCode.INVALID_REQUEST, []],
        ],
        next: null,
      });
    }
  });
});
