/**
 * OffsetForLeaderEpoch against real broker processes, with exact requests:
 * the end offset of the current and of earlier leader epochs (matching the
 * epochs stamped into the fetched batches), fencing of stale and unknown
 * current epochs, unknown partitions, a partition led elsewhere, at every
 * served version; and the same answers after the broker is killed with -9
 * and leads again under new epochs. Then the Java consumer, reading across a
 * broker restart with no offset reset policy, validates its position with
 * OffsetForLeaderEpoch (KIP-320) and reads on; a recording proxy in front of
 * the broker shows the exact request and answer.
 */
import { execFileSync, spawn } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { decodeRequest, decodeResponse, ErrorCode } from "@runnel/kafka-protocol";
import { encodeRecordBatch } from "@runnel/log";
import { type Recorder, startRecorder } from "@runnel/recorder";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrokerProcess, startBroker } from "../harness/broker.js";
import {
  batchHeaders,
  controllerCreateTopic,
  fetchPartition,
  listOffsets,
  produceBatch,
  topicMetadata,
  withWire,
} from "../harness/kafka-ops.js";
import { WireClient } from "../harness/kafka-wire.js";
import { MetadataQuorum } from "../harness/metadata.js";
import { freePort, repoRoot } from "../harness/process.js";

let q: MetadataQuorum;
let broker: BrokerProcess;
let other: BrokerProcess | undefined;
/** In front of broker 1, which advertises it, so real clients talk through it. */
let recorder: Recorder;
let recorderDir: string;

beforeAll(async () => {
  q = await MetadataQuorum.start({ voters: 3 });
  const port = await freePort();
  recorderDir = join(q.root, "capture");
  recorder = await startRecorder({
    port: 0,
    upstreamHost: "127.0.0.1",
    upstreamPort: port,
    outDir: recorderDir,
  });
  const started = await startBroker(q, 1, "a", {
    RUNNEL_BROKER_LISTEN_PORT: String(port),
    RUNNEL_BROKER_ADVERTISED_PORT: String(recorder.port),
  });
  broker = { ...started, port, bootstrap: `127.0.0.1:${port}` };
}, 90_000);

afterAll(async () => {
  await other?.process.close();
  await broker?.process.close();
  await recorder?.close();
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
  return withWire(port, async (wire) => {
    const t = await topicMetadata(wire, topic);
    if (t === undefined || t.errorCode !== 0) return { topicId: "", partitions: [] };
    const partitions: PartitionMeta[] = [];
    for (const p of t.partitions) partitions[p.partitionIndex] = p;
    return { topicId: t.topicId, partitions };
  });
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
  const r = await controllerCreateTopic(q, { name, numPartitions: partitions });
  expect(r?.errorCode).toBe(0);
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
      const code = (await produceBatch(wire, topic, 0, records)).errorCode;
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
  topic: string,
  topicId: string,
): Promise<{ epoch: number; baseOffset: bigint; lastOffset: bigint }[]> {
  const p = await fetchPartition(
    wire,
    { topic, topicId, partition: 0, offset: 0n },
    { version: 12, maxBytes: 1 << 20 },
  );
  expect(p.errorCode).toBe(0);
  return batchHeaders(p.records).map((h) => ({
    epoch: h.partitionLeaderEpoch,
    baseOffset: h.baseOffset,
    lastOffset: h.baseOffset + BigInt(h.lastOffsetDelta),
  }));
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
      const batches = await fetchBatchEpochs(wire, "ofle", (await metadata(broker.port, "ofle")).topicId);
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
    // A graceful stop: the controlled shutdown fences broker 2 at once, so later topics are
    // never placed on a broker that is gone but whose lease has not run out yet.
    await other.process.stop();
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
      const batches = await fetchBatchEpochs(wire, "ofle", (await metadata(broker.port, "ofle")).topicId);
      expect(batches.map((b) => b.epoch)).toEqual([e0, e0, e0, e1, e1]);
      for (const b of batches) {
        const end = answers[b.epoch]?.endOffset ?? -1n;
        expect(b.lastOffset).toBeLessThan(end);
      }
      // ListOffsets (v4+) answers the epoch that wrote the offset it finds, the latest for the end.
      const listed = await listOffsets(wire, "ofle", 0, [-2n, -1n]);
      expect(
        listed.map((p) => ({
          errorCode: p.errorCode,
          offset: p.offset,
          epoch: p.leaderEpoch,
        })),
      ).toEqual([
        { errorCode: 0, offset: 0n, epoch: e0 },
        { errorCode: 0, offset: 10n, epoch: e2 },
      ]);
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
  it("the Java consumer validates its position with OffsetForLeaderEpoch after a restart bumps the epoch, and reads on", async () => {
    await createTopic("ofle-java", 1);
    const before = await waitForLeader("ofle-java", 0, 1);
    const wire = await WireClient.connect(broker.port);
    try {
      await produce(wire, "ofle-java", 3); // offsets 0-5
    } finally {
      wire.close();
    }
    const classes = join(q.root, "java-classes");
    const libs = join(repoRoot, ".peers/java/libs/*");
    execFileSync("javac", [
      "-cp",
      libs,
      "-d",
      classes,
      join(repoRoot, "e2e/test/fixtures/EpochValidationConsumer.java"),
    ]);
    const java = spawn(
      "java",
      [
        "-Xmx256m",
        "-cp",
        `${classes}:${libs}`,
        "EpochValidationConsumer",
        `127.0.0.1:${recorder.port}`,
        "ofle-java",
        "10",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    const lines: string[] = [];
    let stderr = "";
    java.stdout.on("data", (d: Buffer) =>
      lines.push(
        ...d
          .toString()
          .split("\n")
          .filter((l) => l !== ""),
      ),
    );
    java.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    const exited = new Promise<number | null>((res) => java.on("exit", (code) => res(code)));
    try {
      for (let i = 0; i < 600 && lines.filter((l) => l.startsWith("record ")).length < 6; i++)
        await sleep(100);
      expect(
        lines.filter((l) => l.startsWith("record ")),
        stderr,
      ).toHaveLength(6);
      const requestsBefore = recorder.entries.length;
      await restartBroker();
      const after = await waitForLeader("ofle-java", 0, 1, before);
      const wire2 = await WireClient.connect(broker.port);
      try {
        await produce(wire2, "ofle-java", 2); // offsets 6-9
      } finally {
        wire2.close();
      }
      expect(await exited, `${lines.join("\n")}\n${stderr}`).toBe(0);
      expect(lines.at(-1)).toBe("done 10");
      expect(
        lines.filter((l) => l.startsWith("record ")).map((l) => l.split(" ").slice(1, 3).join(" ")),
      ).toEqual([
        ...Array.from({ length: 6 }, (_, i) => `${i} ${before}`),
        ...Array.from({ length: 4 }, (_, i) => `${6 + i} ${after}`),
      ]);
      // The consumer asked where its epoch ends, fenced by the new epoch, and got the offset it was at.
      const exchanges = recorder.entries.slice(requestsBefore).filter((e) => e.apiKey === 23);
      const frameOf = async (file: string) => (await readFile(join(recorderDir, file))).subarray(4);
      const requests = [];
      const answers = [];
      for (const e of exchanges) {
        if (e.direction === "request") {
          const d = decodeRequest(await frameOf(e.file));
          if (!d.ok) throw new Error(d.error.message);
          expect(d.value.apiVersion).toBeGreaterThanOrEqual(3);
          requests.push(d.value.body);
        } else {
          const d = decodeResponse(23, e.apiVersion, await frameOf(e.file));
          if (!d.ok) throw new Error(d.error.message);
          answers.push(...d.value.body.topics.flatMap((t) => t.partitions));
        }
      }
      expect(requests.length).toBeGreaterThan(0);
      expect(requests[0]).toMatchObject({
        replicaId: -1,
        topics: [
          {
            topic: "ofle-java",
            partitions: [{ partition: 0, currentLeaderEpoch: after, leaderEpoch: before }],
          },
        ],
      });
      // Every answer without an error (one may come while the broker is not leader yet) is the same.
      const ok = answers.filter((a) => a.errorCode === 0);
      expect(ok.length).toBeGreaterThan(0);
      for (const a of ok)
        expect(a).toEqual({ errorCode: 0, partition: 0, leaderEpoch: before, endOffset: 6n });
    } finally {
      java.kill("SIGKILL");
    }
  }, 180_000);
});
