/**
 * OffsetForLeaderEpoch against real broker processes, with exact requests:
 * the end offset of the current and of earlier leader epochs (matching the
 * epochs stamped into the fetched batches), fencing of stale and unknown
 * current epochs, unknown partitions, a partition led elsewhere, at every
 * served version; and the same answers after the broker is killed with -9
 * and leads again under new epochs.
 */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { ErrorCode } from "@runnel/kafka-protocol";
import { encodeRecordBatch, readBatchHeader, splitBatches } from "@runnel/log";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrokerProcess, startBroker } from "../harness/broker.js";
import { WireClient } from "../harness/kafka-wire.js";
import { MetadataQuorum } from "../harness/metadata.js";

let q: MetadataQuorum;
let broker: BrokerProcess;
let other: BrokerProcess | undefined;

beforeAll(async () => {
  q = await MetadataQuorum.start({ voters: 3 });
  broker = await startBroker(q, 1, "a");
}, 90_000);

afterAll(async () => {
  await other?.process.close();
  await broker?.process.close();
  await q?.close();
});

const sleep = (ms: number) => new Promise((res) => setTimeout(res, ms));

interface PartitionMeta {
  leaderId: number;
  leaderEpoch: number;
}

async function metadata(
  port: number,
  topic: string,
): Promise<{ topicId: string; partitions: PartitionMeta[] }> {
  const wire = await WireClient.connect(port);
  try {
    const m = await wire.send(3, 12, {
      topics: [{ topicId: "AAAAAAAAAAAAAAAAAAAAAA", name: topic }],
      allowAutoTopicCreation: false,
      includeTopicAuthorizedOperations: false,
      includeClusterAuthorizedOperations: false,
    });
    const t = m.topics[0];
    if (t === undefined || t.errorCode !== 0) return { topicId: "", partitions: [] };
    const partitions: PartitionMeta[] = [];
    for (const p of t.partitions) partitions[p.partitionIndex] = p;
    return { topicId: t.topicId, partitions };
  } finally {
    wire.close();
  }
}

/** Waits until `nodeId` leads the partition at an epoch above `above`; returns the epoch. */
async function waitForLeader(topic: string, partition: number, nodeId: number, above = -1): Promise<number> {
  for (let i = 0; i < 300; i++) {
    const p = (await metadata(broker.port, topic)).partitions[partition];
    if (p !== undefined && p.leaderId === nodeId && p.leaderEpoch > above) return p.leaderEpoch;
    await sleep(100);
  }
  throw new Error(`broker ${nodeId} never led ${topic}-${partition} above epoch ${above}`);
}

async function createTopic(name: string, partitions: number): Promise<void> {
  const r = await q.controller.call((c, o) =>
    c.createTopics({ topics: [{ name, numPartitions: partitions }] }, o),
  );
  expect(r.topics[0]?.errorCode).toBe(0);
  for (let i = 0; i < 100; i++) {
    const m = await metadata(broker.port, name);
    if (m.partitions.length === partitions && m.partitions.every((p) => p.leaderId >= 0)) return;
    await sleep(50);
  }
  throw new Error(`topic ${name} did not appear`);
}

/** Produces `batches` batches of two records to partition 0, retrying while the broker is not yet leader. */
async function produce(wire: WireClient, topic: string, batches: number): Promise<void> {
  for (let b = 0; b < batches; b++) {
    const records = encodeRecordBatch({
      records: [{ value: Buffer.from(`${b}-a`) }, { value: Buffer.from(`${b}-b`) }],
    });
    for (let attempt = 0; ; attempt++) {
      const r = await wire.send(0, 9, {
        transactionalId: null,
        acks: -1,
        timeoutMs: 5000,
        topicData: [{ name: topic, partitionData: [{ index: 0, records }] }],
      });
      const code = r.responses[0]?.partitionResponses[0]?.errorCode;
      if (code === 0) break;
      if (code !== ErrorCode.NOT_LEADER_OR_FOLLOWER || attempt > 100)
        throw new Error(`produce error ${code}`);
      await sleep(100);
    }
  }
}

interface Query {
  readonly topic: string;
  readonly partition: number;
  readonly leaderEpoch: number;
  readonly currentLeaderEpoch?: number;
}

async function offsetForLeaderEpoch(
  wire: WireClient,
  queries: readonly Query[],
  version = 4,
  replicaId = -1,
): Promise<
  { topic: string; partition: number; errorCode: number; leaderEpoch: number; endOffset: bigint }[]
> {
  const topics: {
    topic: string;
    partitions: { partition: number; currentLeaderEpoch: number; leaderEpoch: number }[];
  }[] = [];
  for (const qy of queries) {
    let t = topics.find((x) => x.topic === qy.topic);
    if (t === undefined) {
      t = { topic: qy.topic, partitions: [] };
      topics.push(t);
    }
    t.partitions.push({
      partition: qy.partition,
      currentLeaderEpoch: qy.currentLeaderEpoch ?? -1,
      leaderEpoch: qy.leaderEpoch,
    });
  }
  const r = await wire.send(23, version, { replicaId: version >= 3 ? replicaId : -2, topics });
  expect(r.throttleTimeMs).toBe(0);
  return r.topics.flatMap((t) =>
    t.partitions.map((p) => ({
      topic: t.topic,
      partition: p.partition,
      errorCode: p.errorCode,
      leaderEpoch: p.leaderEpoch,
      endOffset: p.endOffset,
    })),
  );
}

/** The (epoch, base offset, last offset) of every batch in partition 0, as a consumer fetches them. */
async function fetchBatchEpochs(
  wire: WireClient,
  topicId: string,
): Promise<{ epoch: number; baseOffset: bigint; lastOffset: bigint }[]> {
  const r = await wire.send(1, 12, {
    clusterId: null,
    replicaId: -1,
    replicaState: { replicaId: -1, replicaEpoch: -1n },
    maxWaitMs: 0,
    minBytes: 0,
    maxBytes: 1 << 20,
    isolationLevel: 0,
    sessionId: 0,
    sessionEpoch: -1,
    topics: [
      {
        topic: "ofle",
        topicId,
        partitions: [
          {
            partition: 0,
            currentLeaderEpoch: -1,
            fetchOffset: 0n,
            lastFetchedEpoch: -1,
            logStartOffset: -1n,
            partitionMaxBytes: 1 << 20,
            replicaDirectoryId: "AAAAAAAAAAAAAAAAAAAAAA",
          },
        ],
      },
    ],
    forgottenTopicsData: [],
    rackId: "",
  });
  const p = r.responses[0]?.partitions[0];
  expect(p?.errorCode).toBe(0);
  const out: { epoch: number; baseOffset: bigint; lastOffset: bigint }[] = [];
  for (const slice of splitBatches(p?.records ?? new Uint8Array())) {
    if (slice.kind !== "batch") continue;
    const h = readBatchHeader(slice.bytes);
    if (!h.ok) throw new Error(h.error.message);
    out.push({
      epoch: h.value.partitionLeaderEpoch,
      baseOffset: h.value.baseOffset,
      lastOffset: h.value.baseOffset + BigInt(h.value.lastOffsetDelta),
    });
  }
  return out;
}

async function restartBroker(): Promise<void> {
  await broker.process.kill();
  broker.process.start();
  await broker.process.waitForLine((l) => l.msg === "unfenced", 60_000);
}

const undefinedAnswer = { errorCode: 0, leaderEpoch: -1, endOffset: -1n };

describe("OffsetForLeaderEpoch", () => {
  let e0 = -1;
  let e1 = -1;

  it("answers the current epoch with the log end, an unknown one with -1, at v2-v4, and fences current epochs", async () => {
    await createTopic("ofle", 1);
    e0 = await waitForLeader("ofle", 0, 1);
    const wire = await WireClient.connect(broker.port);
    try {
      // Before any append, the leader's epoch already ends at the (empty) log end.
      expect(
        (await offsetForLeaderEpoch(wire, [{ topic: "ofle", partition: 0, leaderEpoch: e0 }]))[0],
      ).toEqual({
        topic: "ofle",
        partition: 0,
        errorCode: 0,
        leaderEpoch: e0,
        endOffset: 0n,
      });
      await produce(wire, "ofle", 3);
      for (const version of [2, 3, 4]) {
        for (const replicaId of version >= 3 ? [-1, 7] : [-2]) {
          const answers = await offsetForLeaderEpoch(
            wire,
            [
              { topic: "ofle", partition: 0, leaderEpoch: e0 },
              { topic: "ofle", partition: 0, leaderEpoch: e0, currentLeaderEpoch: e0 },
              { topic: "ofle", partition: 0, leaderEpoch: e0 + 1 },
              { topic: "ofle", partition: 0, leaderEpoch: -1 },
              { topic: "ofle", partition: 0, leaderEpoch: e0, currentLeaderEpoch: e0 + 1 },
              { topic: "ofle", partition: 3, leaderEpoch: e0 },
              { topic: "no-such-topic", partition: 0, leaderEpoch: 0 },
            ],
            version,
            replicaId,
          );
          const label = `v${version} replica ${replicaId}`;
          expect(
            answers.map(({ topic, partition }) => `${topic}-${partition}`),
            label,
          ).toEqual([
            ...Array.from({ length: 6 }, (_, i) => (i === 5 ? "ofle-3" : "ofle-0")),
            "no-such-topic-0",
          ]);
          expect(answers[0], label).toMatchObject({ errorCode: 0, leaderEpoch: e0, endOffset: 6n });
          expect(answers[1], label).toMatchObject({ errorCode: 0, leaderEpoch: e0, endOffset: 6n });
          expect(answers[2], label).toMatchObject(undefinedAnswer);
          expect(answers[3], label).toMatchObject(undefinedAnswer);
          expect(answers[4], label).toMatchObject({
            errorCode: ErrorCode.UNKNOWN_LEADER_EPOCH,
            leaderEpoch: -1,
            endOffset: -1n,
          });
          expect(answers[5], label).toMatchObject({ errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION });
          expect(answers[6], label).toMatchObject({ errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION });
        }
      }
      const batches = await fetchBatchEpochs(wire, (await metadata(broker.port, "ofle")).topicId);
      expect(batches.map((b) => b.epoch)).toEqual([e0, e0, e0]);
    } finally {
      wire.close();
    }
  }, 90_000);

  it("a partition led by another broker is NOT_LEADER_OR_FOLLOWER for consumers and followers; its leader answers", async () => {
    other = await startBroker(q, 2, "b");
    await createTopic("ofle-two", 4);
    const meta = await metadata(broker.port, "ofle-two");
    const elsewhere = meta.partitions.findIndex((p) => p.leaderId === 2);
    expect(elsewhere).toBeGreaterThanOrEqual(0);
    const epoch = (meta.partitions[elsewhere] as PartitionMeta).leaderEpoch;
    const wire = await WireClient.connect(broker.port);
    const wire2 = await WireClient.connect(other.port);
    try {
      for (const replicaId of [-1, 2]) {
        const [a] = await offsetForLeaderEpoch(
          wire,
          [{ topic: "ofle-two", partition: elsewhere, leaderEpoch: epoch, currentLeaderEpoch: epoch }],
          4,
          replicaId,
        );
        expect(a).toMatchObject({
          errorCode: ErrorCode.NOT_LEADER_OR_FOLLOWER,
          leaderEpoch: -1,
          endOffset: -1n,
        });
      }
      const [b] = await offsetForLeaderEpoch(wire2, [
        { topic: "ofle-two", partition: elsewhere, leaderEpoch: epoch, currentLeaderEpoch: epoch },
      ]);
      expect(b).toMatchObject({ errorCode: 0, leaderEpoch: epoch, endOffset: 0n });
    } finally {
      wire.close();
      wire2.close();
    }
    await other.process.close();
    other = undefined;
  }, 90_000);

  it("after kill -9 and restarts, earlier epochs end where the next began and stale current epochs are fenced", async () => {
    expect(e0).toBeGreaterThanOrEqual(0);
    await restartBroker();
    e1 = await waitForLeader("ofle", 0, 1, e0);
    let wire = await WireClient.connect(broker.port);
    try {
      const answers = await offsetForLeaderEpoch(wire, [
        { topic: "ofle", partition: 0, leaderEpoch: e0, currentLeaderEpoch: e1 },
        { topic: "ofle", partition: 0, leaderEpoch: e1, currentLeaderEpoch: e1 },
        { topic: "ofle", partition: 0, leaderEpoch: e0, currentLeaderEpoch: e0 },
        { topic: "ofle", partition: 0, leaderEpoch: e0, currentLeaderEpoch: e1 + 1 },
      ]);
      expect(answers[0]).toMatchObject({ errorCode: 0, leaderEpoch: e0, endOffset: 6n });
      expect(answers[1]).toMatchObject({ errorCode: 0, leaderEpoch: e1, endOffset: 6n });
      expect(answers[2]).toMatchObject({
        errorCode: ErrorCode.FENCED_LEADER_EPOCH,
        leaderEpoch: -1,
        endOffset: -1n,
      });
      expect(answers[3]).toMatchObject({ errorCode: ErrorCode.UNKNOWN_LEADER_EPOCH });
      await produce(wire, "ofle", 2);
    } finally {
      wire.close();
    }

    await restartBroker();
    const e2 = await waitForLeader("ofle", 0, 1, e1);
    wire = await WireClient.connect(broker.port);
    try {
      const queries: Query[] = [];
      for (let epoch = 0; epoch <= e2 + 1; epoch++)
        queries.push({ topic: "ofle", partition: 0, leaderEpoch: epoch });
      const answers = await offsetForLeaderEpoch(wire, queries);
      for (let epoch = 0; epoch <= e2 + 1; epoch++) {
        // e0 (and anything below it) ends at 6, where e1 began; epochs between e0 and e1 never led here.
        const expected =
          epoch < e1
            ? // Below e0, the requested epoch itself (as Kafka answers epochs older than the cache).
              { errorCode: 0, leaderEpoch: Math.min(epoch, e0), endOffset: 6n }
            : epoch < e2
              ? { errorCode: 0, leaderEpoch: e1, endOffset: 10n }
              : epoch === e2
                ? { errorCode: 0, leaderEpoch: e2, endOffset: 10n }
                : undefinedAnswer;
        expect(answers[epoch], `epoch ${epoch} (e0 ${e0}, e1 ${e1}, e2 ${e2})`).toMatchObject(expected);
      }
      // What a consumer fetches agrees: every batch lies inside its epoch's range.
      const batches = await fetchBatchEpochs(wire, (await metadata(broker.port, "ofle")).topicId);
      expect(batches.map((b) => b.epoch)).toEqual([e0, e0, e0, e1, e1]);
      for (const b of batches) {
        const end = answers[b.epoch]?.endOffset ?? -1n;
        expect(b.lastOffset).toBeLessThan(end);
      }
      const [fenced] = await offsetForLeaderEpoch(wire, [
        { topic: "ofle", partition: 0, leaderEpoch: e1, currentLeaderEpoch: e1 },
      ]);
      expect(fenced).toMatchObject({ errorCode: ErrorCode.FENCED_LEADER_EPOCH });
    } finally {
      wire.close();
    }
    // The cache is persisted in the partition directory.
    const dataDir = join(q.root, "broker-1", "logs");
    const withCheckpoint: string[] = [];
    for (const d of await readdir(dataDir)) {
      const files = await readdir(join(dataDir, d)).catch(() => [] as string[]);
      if (files.includes("leader-epoch-checkpoint")) withCheckpoint.push(d);
    }
    expect(withCheckpoint.length).toBeGreaterThan(0);
  }, 180_000);
});
