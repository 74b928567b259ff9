/**
 * The group coordination shell against real partition logs on disk: the
 * coordinator's records go to `__consumer_offsets` as record batches and come
 * back on load; JoinGroup and SyncGroup are answered when their rebalance
 * completes and only once the group's state is in the log; committed offsets
 * survive a restart; losing leadership answers waiting members NOT_COORDINATOR.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type ApiKey,
  type ApiRequests,
  type ApiResponses,
  ErrorCode,
  type JoinGroupResponse,
  type SyncGroupResponse,
} from "@runnel/kafka-protocol";
import { decodeRecordBatch, PartitionLog } from "@runnel/log";
import { emptyImage, type MetadataImage, type TopicImage, topicKey } from "@runnel/metadata";
import { createLogger, SystemClock } from "@runnel/runtime";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { OPERATOR_SESSION } from "../../src/auth/session.js";
import type { BrokerContext } from "../../src/context.js";
import {
  encodeGroupMetadataKey,
  encodeOffsetCommitKey,
  encodeOffsetCommitValue,
  GroupCoordinator,
  type OffsetsRecord,
  OffsetsRecordError,
} from "../../src/group/index.js";
import {
  decodeOffsetsBatches,
  encodeOffsetsBatch,
  readOffsetsPartition,
} from "../../src/group/offsets-partition.js";
import { attachGroupCoordination, type GroupCoordination } from "../../src/group/shell.js";
import type { AnyHandler, RequestContext } from "../../src/kafka/server.js";
import { ReplicaManager } from "../../src/replica-manager.js";
import { subscription } from "./harness.js";

const clock = new SystemClock();
const logger = createLogger({ service: "test", instanceId: "t", level: "silent", clock });
const NODE = 1;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "runnel-groups-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function offsetRecord(group: string, topic: string, partition: number, offset: bigint | null): OffsetsRecord {
  return {
    key: encodeOffsetCommitKey(group, topic, partition),
    value:
      offset === null
        ? null
        : encodeOffsetCommitValue({
            offset,
            leaderEpoch: 3,
            metadata: "m",
            commitTimestampMs: 1000,
            expireTimestampMs: -1,
          }),
  };
}

/** Records as plain arrays, so Buffers and Uint8Arrays compare equal. */
function plain(r: OffsetsRecord): { key: number[]; value: number[] | null } {
  return { key: [...r.key], value: r.value === null ? null : [...r.value] };
}

describe("coordinator records in the partition log", () => {
  it("come back in log order, tombstones included, across batches and segments", async () => {
    const log = await PartitionLog.open(join(dir, "p"), { segmentBytes: 1024 });
    const written: OffsetsRecord[] = [];
    for (let i = 0; i < 40; i++) {
      const batch = [
        offsetRecord("g", "t", i % 3, BigInt(i)),
        offsetRecord("g", "t", (i + 1) % 3, i % 5 === 0 ? null : BigInt(i + 1)),
      ];
      written.push(...batch);
      await log.append(encodeOffsetsBatch(batch, 1_700_000_000_000 + i), {
        leaderEpoch: 2,
        assignOffsets: true,
      });
    }
    expect(log.segmentCount).toBeGreaterThan(1);
    const read = await readOffsetsPartition(log, 700);
    expect(read.map(plain)).toEqual(written.map(plain));

    // Loading what was read gives the last value of each key, tombstones deleting.
    const c = new GroupCoordinator();
    const summary = c.load(read, 0);
    expect(summary.offsets).toBe(c.snapshot()[0]?.offsets.length);
    const last = new Map<number, bigint | null>();
    for (let i = 0; i < 40; i++) {
      last.set(i % 3, BigInt(i));
      last.set((i + 1) % 3, i % 5 === 0 ? null : BigInt(i + 1));
    }
    const expected = [...last].filter(([, o]) => o !== null).sort(([a], [b]) => a - b);
    expect(c.snapshot()[0]?.offsets.map((o) => [o.partition, o.offset])).toEqual(expected);
    await log.close();
  });

  it("stamps one batch per call with the call's time, and refuses corrupt bytes", () => {
    const bytes = encodeOffsetsBatch([{ key: encodeGroupMetadataKey("g"), value: null }], 1234);
    expect(decodeOffsetsBatches(bytes).map(plain)).toEqual([
      plain({ key: encodeGroupMetadataKey("g"), value: null }),
    ]);
    const batch = decodeRecordBatch(bytes);
    expect(batch.ok && batch.value.baseTimestamp).toBe(1234n);
    expect(() => encodeOffsetsBatch([], 0)).toThrow(RangeError);
    const corrupt = Uint8Array.from(bytes);
    corrupt[corrupt.length - 1] = (corrupt[corrupt.length - 1] as number) ^ 0xff;
    expect(() => decodeOffsetsBatches(corrupt)).toThrow(OffsetsRecordError);
  });
});

// ----------------------------------------------------------------- the shell

const OFFSETS_ID = Uint8Array.from({ length: 16 }, (_, i) => i + 1);
const DATA_ID = Uint8Array.from({ length: 16 }, (_, i) => 100 + i);

function topic(
  id: Uint8Array,
  name: string,
  partitions: number,
  leader: number,
  leaderEpoch = 0,
): TopicImage {
  return {
    id,
    key: topicKey(id),
    name,
    partitions: Array.from({ length: partitions }, () => ({
      replicas: [leader],
      isr: [leader],
      leader,
      leaderEpoch,
      partitionEpoch: 0,
    })),
  };
}

function image(offsetsLeader: number, leaderEpoch = 0): MetadataImage {
  const topics = [
    topic(OFFSETS_ID, "__consumer_offsets", 1, offsetsLeader, leaderEpoch),
    topic(DATA_ID, "t", 2, NODE),
  ];
  return {
    ...emptyImage(),
    topics: new Map(topics.map((t) => [t.key, t])),
    topicKeysByName: new Map(topics.map((t) => [t.name, t.key])),
  };
}

class Broker {
  current: MetadataImage = image(NODE);
  readonly replicas: ReplicaManager;
  readonly groups: GroupCoordination;
  readonly handlers = new Map<number, AnyHandler>();
  private readonly hooks: (() => Promise<void> | void)[] = [];

  constructor(dataDir: string) {
    const context: BrokerContext = {
      settings: {
        nodeId: NODE,
        clusterId: "c",
        autoCreateTopics: false,
        defaultPartitions: 1,
        defaultReplicationFactor: 1,
      },
      image: () => this.current,
      controller: undefined as never,
      waitForImage: async () => true,
      supportedApis: () => [],
    };
    this.replicas = new ReplicaManager({
      nodeId: NODE,
      dataDir,
      image: () => this.current,
      logger,
      segmentBytes: 1024 * 1024,
    });
    const attached = attachGroupCoordination(
      { clock, logger, onShutdown: (hook) => this.hooks.push(hook) },
      context,
      this.replicas,
      { groupInitialRebalanceDelayMs: 0, offsetsRetentionCheckIntervalMs: 60_000 },
    );
    this.groups = attached.coordination;
    for (const h of attached.handlers) this.handlers.set(h.apiKey, h);
    attached.onImage(this.current);
  }

  setImage(next: MetadataImage): void {
    this.current = next;
    this.groups.onImage(next);
  }

  async loaded(): Promise<void> {
    await vi.waitFor(() => expect(this.groups.route("g").kind).toBe("ok"));
  }

  async send<K extends ApiKey>(
    apiKey: K,
    apiVersion: number,
    body: ApiRequests[K],
  ): Promise<ApiResponses[K]> {
    const handler = this.handlers.get(apiKey) as AnyHandler;
    expect(apiVersion).toBeLessThanOrEqual(handler.maxVersion);
    const ctx: RequestContext = {
      header: { requestApiKey: apiKey, requestApiVersion: apiVersion, correlationId: 1, clientId: "cli" },
      apiVersion,
      connectionId: 1,
      remoteAddress: "10.0.0.9:4242",
      signal: new AbortController().signal,
      session: OPERATOR_SESSION,
      closeAfterResponse: () => {},
      release: () => {},
    };
    return (await handler.handle(body, ctx)) as ApiResponses[K];
  }

  async close(): Promise<void> {
    for (const hook of this.hooks.reverse()) await hook();
    await this.replicas.close();
  }
}

function joinRequest(memberId: string): ApiRequests[11] {
  return {
    groupId: "g",
    sessionTimeoutMs: 10_000,
    rebalanceTimeoutMs: 30_000,
    memberId,
    groupInstanceId: null,
    protocolType: "consumer",
    protocols: [{ name: "range", metadata: subscription(["t"]) }],
    reason: null,
  };
}

async function joinAndSync(b: Broker): Promise<{ memberId: string; generationId: number }> {
  const first = (await b.send(11, 5, joinRequest(""))) as JoinGroupResponse;
  expect(first.errorCode).toBe(ErrorCode.MEMBER_ID_REQUIRED);
  const joined = (await b.send(11, 5, joinRequest(first.memberId))) as JoinGroupResponse;
  expect(joined.errorCode).toBe(ErrorCode.NONE);
  expect(joined.leader).toBe(first.memberId);
  const synced = (await b.send(14, 3, {
    groupId: "g",
    generationId: joined.generationId,
    memberId: first.memberId,
    groupInstanceId: null,
    protocolType: null,
    protocolName: null,
    assignments: [{ memberId: first.memberId, assignment: Uint8Array.of(7, 7) }],
  })) as SyncGroupResponse;
  expect(synced.errorCode).toBe(ErrorCode.NONE);
  expect([...synced.assignment]).toEqual([7, 7]);
  return { memberId: first.memberId, generationId: joined.generationId };
}

function commit(member: { memberId: string; generationId: number }, partitions: [string, number, bigint][]) {
  const topics = new Map<string, { partitionIndex: number; committedOffset: bigint }[]>();
  for (const [t, p, o] of partitions) {
    const list = topics.get(t) ?? [];
    list.push({ partitionIndex: p, committedOffset: o });
    topics.set(t, list);
  }
  return {
    groupId: "g",
    generationIdOrMemberEpoch: member.generationId,
    memberId: member.memberId,
    groupInstanceId: null,
    retentionTimeMs: -1n,
    topics: [...topics].map(([name, ps]) => ({
      name,
      partitions: ps.map((p) => ({
        ...p,
        committedLeaderEpoch: -1,
        commitTimestamp: -1n,
        committedMetadata: "",
      })),
    })),
  };
}

describe("group coordination shell", () => {
  it("runs a group, writes its state before answering, and finds it again after a restart", async () => {
    const b = new Broker(dir);
    await b.loaded();
    const offsetsLog = async () => {
      const found = await b.replicas.leaderPartition(b.current.topics.get(topicKey(OFFSETS_ID)), 0);
      if (found.kind !== "ok") throw new Error(found.kind);
      return found.hosted.log;
    };
    const member = await joinAndSync(b);
    // The assignment was answered only after the group's metadata record was appended.
    expect((await offsetsLog()).logEndOffset).toBeGreaterThan(0n);

    const committed = await b.send(
      8,
      8,
      commit(member, [
        ["t", 0, 42n],
        ["t", 1, 7n],
        ["t", 2, 1n],
        ["nope", 0, 1n],
      ]),
    );
    expect(committed.topics.map((t) => [t.name, t.partitions.map((p) => p.errorCode)])).toEqual([
      ["t", [ErrorCode.NONE, ErrorCode.NONE, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION]],
      ["nope", [ErrorCode.UNKNOWN_TOPIC_OR_PARTITION]],
    ]);
    const heartbeat = await b.send(12, 4, {
      groupId: "g",
      generationId: member.generationId,
      memberId: member.memberId,
      groupInstanceId: null,
    });
    expect(heartbeat.errorCode).toBe(ErrorCode.NONE);
    const described = await b.send(15, 5, { groups: ["g", "other"], includeAuthorizedOperations: false });
    expect(described.groups.map((g) => [g.groupId, g.groupState, g.members.length])).toEqual([
      ["g", "Stable", 1],
      ["other", "Dead", 0],
    ]);
    expect(described.groups[0]?.members[0]?.clientHost).toBe("/10.0.0.9");
    const listed = await b.send(16, 4, { statesFilter: [], typesFilter: [] });
    expect(listed.groups.map((g) => [g.groupId, g.groupState])).toEqual([["g", "Stable"]]);
    await b.close();

    // A new incarnation over the same data loads the group and its offsets from the log.
    const again = new Broker(dir);
    await again.loaded();
    const fetched = await again.send(9, 8, {
      groupId: "",
      topics: null,
      groups: [
        { groupId: "g", memberId: null, memberEpoch: -1, topics: [{ name: "t", partitionIndexes: [0, 1] }] },
      ],
      requireStable: false,
    });
    expect(fetched.groups[0]?.errorCode).toBe(ErrorCode.NONE);
    expect(fetched.groups[0]?.topics[0]?.partitions.map((p) => p.committedOffset)).toEqual([42n, 7n]);
    const restored = await again.send(15, 5, { groups: ["g"], includeAuthorizedOperations: false });
    expect(restored.groups[0]?.groupState).toBe("Stable");
    expect(restored.groups[0]?.members.map((m) => m.memberId)).toEqual([member.memberId]);
    await again.close();
  });

  it("answers a waiting JoinGroup NOT_COORDINATOR when leadership moves, and routes nothing here after", async () => {
    const b = new Broker(dir);
    await b.loaded();
    const member = await joinAndSync(b);
    // A second member's join puts the group into a rebalance that waits for the first member to rejoin.
    const first = (await b.send(11, 5, joinRequest(""))) as JoinGroupResponse;
    const waiting = b.send(11, 5, joinRequest(first.memberId));
    const hb = await b.send(12, 4, {
      groupId: "g",
      generationId: member.generationId,
      memberId: member.memberId,
      groupInstanceId: null,
    });
    expect(hb.errorCode).toBe(ErrorCode.REBALANCE_IN_PROGRESS);

    b.setImage(image(2, 1));
    expect(((await waiting) as JoinGroupResponse).errorCode).toBe(ErrorCode.NOT_COORDINATOR);
    expect(b.groups.route("g")).toEqual({ kind: "error", errorCode: ErrorCode.NOT_COORDINATOR });
    const fetched = await b.send(9, 7, {
      groupId: "g",
      topics: [{ name: "t", partitionIndexes: [0] }],
      groups: [],
      requireStable: false,
    });
    expect(fetched.errorCode).toBe(ErrorCode.NOT_COORDINATOR);
    await b.close();
  });

  it("FindCoordinator names the partition leader, and refuses transaction keys", async () => {
    const b = new Broker(dir);
    b.current = {
      ...b.current,
      brokers: new Map([
        [
          NODE,
          {
            id: NODE,
            epoch: 1n,
            incarnationId: new Uint8Array(16),
            zone: "",
            cell: "",
            endpoints: [{ name: "PLAINTEXT", host: "h1", port: 9092, securityProtocol: 0 } as never],
            fenced: false,
            inControlledShutdown: false,
          },
        ],
      ]),
    };
    const found = await b.send(10, 4, { key: "", keyType: 0, coordinatorKeys: ["g", "h"] });
    expect(found.coordinators.map((c) => [c.key, c.errorCode, c.nodeId, c.host, c.port])).toEqual([
      ["g", ErrorCode.NONE, NODE, "h1", 9092],
      ["h", ErrorCode.NONE, NODE, "h1", 9092],
    ]);
    const old = await b.send(10, 2, { key: "g", keyType: 0, coordinatorKeys: [] });
    expect([old.errorCode, old.nodeId, old.host, old.port]).toEqual([ErrorCode.NONE, NODE, "h1", 9092]);
    const txn = await b.send(10, 3, { key: "tx", keyType: 1, coordinatorKeys: [] });
    expect(txn.errorCode).toBe(ErrorCode.INVALID_REQUEST);
    await b.close();
  });
});
