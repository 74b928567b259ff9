/**
 * Replication between two replica managers in one process, over real gRPC:
 * a follower whose log diverged from the leader's (records it wrote as a
 * short-lived leader that never committed them) is truncated to where the
 * two agree by leader epochs, then takes the leader's records, so the logs
 * end identical; the leader's high watermark follows the follower; a
 * follower falling behind the lag time leaves the ISR through the
 * controller; a replica catching up from outside the ISR is throttled.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { create } from "@bufbuild/protobuf";
import * as grpc from "@grpc/grpc-js";
import { decodeRecordBatch, encodeRecordBatch, type PartitionLog, splitBatches } from "@runnel/log";
import {
  type BrokerImage,
  emptyImage,
  type MetadataImage,
  type TopicImage,
  topicKey,
} from "@runnel/metadata";
import {
  type AlterPartitionRequest,
  EndpointSchema,
  ReplicationService,
  SecurityProtocol,
  serve,
} from "@runnel/rpc";
import { createLogger, SystemClock } from "@runnel/runtime";
import { afterEach, describe, expect, it } from "vitest";
import { ReplicaManager } from "../src/replica-manager.js";
import { REPLICATION_LISTENER } from "../src/replication/fetcher.js";
import { replicationService } from "../src/replication/leader.js";

const logger = createLogger({ service: "test", instanceId: "t", level: "silent", clock: new SystemClock() });
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const TOPIC_ID = new Uint8Array(16).fill(7);

function topic(leader: number, leaderEpoch: number, isr: number[]): TopicImage {
  return {
    id: TOPIC_ID,
    key: topicKey(TOPIC_ID),
    name: "t",
    partitions: [{ replicas: [1, 2], isr, leader, leaderEpoch, partitionEpoch: leaderEpoch }],
  };
}

function brokerImage(id: number, port: number): BrokerImage {
  return {
    id,
    epoch: BigInt(100 + id),
    incarnationId: new Uint8Array(16).fill(id),
    zone: "",
    cell: "",
    endpoints: [
      create(EndpointSchema, {
        name: REPLICATION_LISTENER,
        host: "127.0.0.1",
        port,
        securityProtocol: SecurityProtocol.PLAINTEXT,
      }),
    ],
    fenced: false,
    inControlledShutdown: false,
  };
}

interface Node {
  readonly id: number;
  readonly replicas: ReplicaManager;
  readonly alterPartitions: AlterPartitionRequest[];
  image: MetadataImage;
}

/** Two brokers, each a replica manager with its replication listener, sharing one image. */
async function cluster(
  lagTimeMaxMs = 30_000,
  throttleBytesPerSec = 0,
): Promise<{ nodes: Node[]; setImage(t: TopicImage, only?: number): Promise<void> }> {
  const servers: grpc.Server[] = [];
  const ports: number[] = [];
  const nodes: Node[] = [];
  let shared: MetadataImage = emptyImage();
  for (const id of [1, 2]) {
    const dataDir = mkdtempSync(join(tmpdir(), `runnel-replication-${id}-`));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const alterPartitions: AlterPartitionRequest[] = [];
    const node: Node = {
      id,
      alterPartitions,
      image: shared,
      replicas: new ReplicaManager({
        nodeId: id,
        dataDir,
        image: () => shared,
        logger,
        replication: {
          // The controller accepts every ISR change it is asked for.
          controller: {
            call: async (fn: (c: unknown, o: unknown) => Promise<unknown>) =>
              fn(
                {
                  alterPartition: async (r: AlterPartitionRequest) => {
                    alterPartitions.push(r);
                    const item = r.partitions[0];
                    return {
                      errorCode: 0,
                      errorMessage: "",
                      partitions: [
                        {
                          errorCode: 0,
                          leader: r.brokerId,
                          leaderEpoch: item?.leaderEpoch,
                          isr: item?.newIsr,
                          partitionEpoch: (item?.partitionEpoch ?? 0) + 1,
                        },
                      ],
                    };
                  },
                },
                {},
              ),
          } as never,
          brokerEpoch: () => BigInt(100 + id),
          lagTimeMaxMs,
          fetchWaitMaxMs: 100,
          throttleBytesPerSec,
        },
      }),
    };
    cleanups.push(() => node.replicas.close());
    const server = new grpc.Server();
    serve(server, ReplicationService, replicationService(node.replicas));
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) =>
        e ? reject(e) : resolve(p),
      ),
    );
    cleanups.push(() => void server.forceShutdown());
    servers.push(server);
    ports.push(port);
    nodes.push(node);
  }
  const brokers = new Map(ports.map((port, i) => [i + 1, brokerImage(i + 1, port)]));
  return {
    nodes,
    /** Gives every node (or only node `only`, as if the others missed it) an image with `t`. */
    async setImage(t: TopicImage, only?: number) {
      shared = {
        ...emptyImage(),
        lastOffset: 1000n,
        brokers,
        topics: new Map([[t.key, t]]),
        topicKeysByName: new Map([[t.name, t.key]]),
      };
      for (const n of nodes) if (only === undefined || n.id === only) await n.replicas.reconcile(shared);
    },
  };
}

const batchOf = (values: string[]) =>
  encodeRecordBatch({ records: values.map((v) => ({ value: Buffer.from(v) })) });

async function valuesOf(log: PartitionLog): Promise<{ offset: bigint; epoch: number; value: string }[]> {
  const r = await log.read(log.logStartOffset, 10 * 1024 * 1024);
  const out: { offset: bigint; epoch: number; value: string }[] = [];
  for (const slice of splitBatches(r.bytes)) {
    if (slice.kind !== "batch") continue;
    const b = decodeRecordBatch(slice.bytes);
    if (!b.ok) throw new Error(b.error.message);
    for (const rec of b.value.records) {
      out.push({
        offset: b.value.baseOffset + BigInt(rec.offsetDelta),
        epoch: b.value.partitionLeaderEpoch,
        value: Buffer.from(rec.value ?? []).toString(),
      });
    }
  }
  return out;
}

async function until<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  ms = 10_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("replication between replica managers", () => {
  it("truncates a diverging follower to where the logs agree, then copies the leader's records", async () => {
    const { nodes, setImage } = await cluster();
    const [one, two] = nodes as [Node, Node];
    // Epoch 0: broker 1 leads alone and writes r0-r9; broker 2 copies them later.
    await setImage(topic(1, 0, [1]));
    const leader0 = await one.replicas.leaderPartition(topic(1, 0, [1]), 0);
    if (leader0.kind !== "ok") throw new Error(leader0.kind);
    await leader0.hosted.replica.appendAsLeader(batchOf(["r0", "r1", "r2", "r3", "r4"]), { leaderEpoch: 0 });
    await leader0.hosted.replica.appendAsLeader(batchOf(["r5", "r6", "r7", "r8", "r9"]), { leaderEpoch: 0 });

    const first = await leader0.hosted.log.read(0n, 1 << 20);
    // Epoch 1: broker 2 leads (broker 1, cut off from the metadata quorum, never hears of it)
    // and writes x10-x14 that nobody copies (uncommitted).
    await setImage(topic(2, 1, [2]), 2);
    const leader1 = await two.replicas.leaderPartition(topic(2, 1, [2]), 0);
    if (leader1.kind !== "ok") throw new Error(leader1.kind);
    // Give broker 2 the same first ten records epoch 0 wrote, then its own tail at epoch 1.
    await leader1.hosted.log.truncateFullyAndStartAt(0n);
    await leader1.hosted.log.append(first.bytes, { leaderEpoch: -1, assignOffsets: false });
    await leader1.hosted.replica.appendAsLeader(batchOf(["x10", "x11", "x12", "x13", "x14"]), {
      leaderEpoch: 1,
    });

    // Epoch 2: broker 1 leads again and writes y10-y19; broker 2 follows it.
    await setImage(topic(1, 2, [1, 2]));
    const leader2 = await one.replicas.leaderPartition(topic(1, 2, [1, 2]), 0);
    if (leader2.kind !== "ok") throw new Error(leader2.kind);
    const waiting = leader2.hosted.replica.appendAsLeader(
      batchOf(["y10", "y11", "y12", "y13", "y14", "y15", "y16", "y17", "y18", "y19"]),
      { leaderEpoch: 2 },
    );
    const appended = await waiting;
    // acks=all: committed only once the follower has it.
    expect(await leader2.hosted.replica.waitForHighWatermark(appended.lastOffset, 2, 10_000)).toBe("reached");

    const followerLog = leader1.hosted.log;
    const leaderValues = await valuesOf(leader2.hosted.log);
    await until("the follower's log to match", async () =>
      followerLog.logEndOffset === 20n ? true : undefined,
    );
    expect(await valuesOf(followerLog)).toEqual(leaderValues);
    expect(leaderValues.map((r) => r.value)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `r${i}`),
      ...Array.from({ length: 10 }, (_, i) => `y${10 + i}`),
    ]);
    // The follower's epochs now say what the leader's say: the diverging epoch 1 is gone.
    expect(followerLog.leaderEpochEntries().map((e) => e.epoch)).toEqual([0, 2]);
    expect(leader2.hosted.replica.highWatermark).toBe(20n);
  });

  it("takes a follower that stops fetching out of the ISR after the lag time; the high watermark then needs only the leader", async () => {
    const { nodes, setImage } = await cluster(300);
    const [one, two] = nodes as [Node, Node];
    await setImage(topic(1, 0, [1, 2]));
    const found = await one.replicas.leaderPartition(topic(1, 0, [1, 2]), 0);
    if (found.kind !== "ok") throw new Error(found.kind);
    const leader = found.hosted.replica;
    const r = await leader.appendAsLeader(batchOf(["a", "b"]), { leaderEpoch: 0 });
    expect(await leader.waitForHighWatermark(r.lastOffset, 0, 10_000)).toBe("reached");
    // The follower stops: its manager closes (its fetcher with it).
    await two.replicas.close();
    await leader.appendAsLeader(batchOf(["c"]), { leaderEpoch: 0 });
    await until("the ISR to shrink", () => (leader.isr.length === 1 ? true : undefined), 5_000);
    expect(one.alterPartitions.at(-1)?.partitions[0]?.newIsr).toEqual([1]);
    // Alone in the ISR, the leader's high watermark reaches its log end.
    expect(leader.highWatermark).toBe(3n);
  });

  it("throttles a replica catching up from outside the ISR to the broker's rate", async () => {
    const { nodes, setImage } = await cluster(30_000, 100_000);
    const [one, two] = nodes as [Node, Node];
    // Broker 1 leads alone and holds 300 KB before broker 2 starts following.
    await setImage(topic(1, 0, [1]));
    const found = await one.replicas.leaderPartition(topic(1, 0, [1]), 0);
    if (found.kind !== "ok") throw new Error(found.kind);
    for (let i = 0; i < 30; i++) {
      await found.hosted.replica.appendAsLeader(batchOf([`${i}`.padEnd(10_000, "x")]), { leaderEpoch: 0 });
    }
    const total = found.hosted.log.logEndOffset;
    const started = Date.now();
    // Broker 2 follows (outside the ISR: the image keeps it out).
    await setImage({
      ...topic(1, 0, [1]),
      partitions: [{ replicas: [1, 2], isr: [1], leader: 1, leaderEpoch: 0, partitionEpoch: 1 }],
    });
    const follower = two.replicas.replica(topic(1, 0, [1]), 0);
    if (follower === undefined) throw new Error("no follower replica");
    await new Promise((r) => setTimeout(r, 500));
    // Unthrottled, all 300 KB would be there within a few milliseconds; at 100 KB/s, about half of it.
    const early = follower.log.logEndOffset;
    expect(early).toBeGreaterThan(0n);
    expect(Number(early)).toBeLessThan(Number(total) * 0.6);
    await until(
      "the follower to catch up",
      () => (follower.log.logEndOffset === total ? true : undefined),
      15_000,
    );
    // 300 KB at 100 KB/s: no faster than about two seconds (the first second's budget comes at once).
    expect(Date.now() - started).toBeGreaterThan(1_500);
  });
});
