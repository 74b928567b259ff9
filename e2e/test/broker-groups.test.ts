/**
 * Consumer groups against the broker with kafkajs: three consumers share a
 * six-partition topic and receive every record exactly once, in order per
 * partition; a member leaving hands its partitions to the others; a consumer
 * started later resumes from the committed offsets; and the committed offsets
 * survive a kill -9 of the broker (they are loaded back from
 * `__consumer_offsets`).
 */
import { ErrorCode } from "@runnel/kafka-protocol";
import { type Admin, type Consumer, Kafka, logLevel } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrokerProcess, startBroker } from "../harness/broker.js";
import { WireClient } from "../harness/kafka-wire.js";
import { MetadataQuorum } from "../harness/metadata.js";

const TOPIC = "orders";
const PARTITIONS = 6;
const GROUP = "billing";

let q: MetadataQuorum;
let broker: BrokerProcess;
const open: { disconnect(): Promise<void> }[] = [];

beforeAll(async () => {
  q = await MetadataQuorum.start({ voters: 3 });
  broker = await startBroker(q, 1, "a", {
    // A short first-generation wait keeps the test quick; the behaviour is the same.
    RUNNEL_BROKER_GROUP_INITIAL_REBALANCE_DELAY_MS: "200",
  });
  const r = await q.controller.call((c, o) =>
    c.createTopics({ topics: [{ name: TOPIC, numPartitions: PARTITIONS }] }, o),
  );
  expect(r.topics[0]?.errorCode).toBe(0);
}, 90_000);

afterAll(async () => {
  for (const c of open) await c.disconnect().catch(() => {});
  await broker?.process.close();
  await q?.close();
});

function client(id: string): Kafka {
  return new Kafka({
    clientId: id,
    brokers: [broker.bootstrap],
    logLevel: logLevel.NOTHING,
    retry: { retries: 20, initialRetryTime: 100, maxRetryTime: 1_000 },
  });
}

async function waitUntil(
  what: string,
  cond: () => boolean | Promise<boolean>,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every delivery, in the order each consumer saw it. */
interface Delivery {
  readonly consumer: string;
  readonly partition: number;
  readonly offset: bigint;
  readonly value: string;
}
const deliveries: Delivery[] = [];
/** What was produced to each partition, in order. */
const produced: string[][] = Array.from({ length: PARTITIONS }, () => []);

async function produce(phase: string, perPartition: number): Promise<void> {
  const producer = client("producer").producer();
  await producer.connect();
  const messages = [];
  for (let i = 0; i < perPartition; i++) {
    for (let p = 0; p < PARTITIONS; p++) {
      const value = `${phase}-${p}-${i}`;
      produced[p]?.push(value);
      messages.push({ partition: p, key: `k${p}`, value });
    }
  }
  await producer.send({ topic: TOPIC, messages });
  await producer.disconnect();
}

interface Member {
  readonly name: string;
  readonly consumer: Consumer;
  /** The partitions of the latest assignment. */
  assigned: number[];
}

async function startMember(name: string): Promise<Member> {
  const consumer = client(name).consumer({
    groupId: GROUP,
    sessionTimeout: 10_000,
    rebalanceTimeout: 10_000,
    heartbeatInterval: 300,
    maxWaitTimeInMs: 100,
  });
  const m: Member = { name, consumer, assigned: [] };
  consumer.on(consumer.events.GROUP_JOIN, (e) => {
    m.assigned = [...(e.payload.memberAssignment[TOPIC] ?? [])].sort((a, b) => a - b);
  });
  open.push(consumer);
  await consumer.connect();
  await consumer.subscribe({ topics: [TOPIC], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      deliveries.push({
        consumer: name,
        partition,
        offset: BigInt(message.offset),
        value: String(message.value),
      });
    },
  });
  return m;
}

/** Waits until the members' latest assignments split the topic's partitions among them, each getting some. */
function assignmentsCover(members: readonly Member[]): Promise<void> {
  return waitUntil(`assignments of ${members.map((m) => m.name).join(", ")}`, () => {
    const all = members.flatMap((m) => m.assigned).sort((a, b) => a - b);
    return (
      members.every((m) => m.assigned.length > 0) && all.length === PARTITIONS && all.every((p, i) => p === i)
    );
  });
}

function allDelivered(): Promise<void> {
  const total = produced.reduce((n, p) => n + p.length, 0);
  return waitUntil(`${total} deliveries`, () => deliveries.length >= total);
}

/** Each record delivered once, in the order produced, per partition. */
function expectExactlyOnceInOrder(): void {
  for (let p = 0; p < PARTITIONS; p++) {
    const got = deliveries.filter((d) => d.partition === p);
    expect(got.map((d) => d.value)).toEqual(produced[p]);
    expect(got.map((d) => d.offset)).toEqual(got.map((_, i) => BigInt(i)));
  }
}

async function committedOffsets(admin: Admin): Promise<number[]> {
  const r = await admin.fetchOffsets({ groupId: GROUP, topics: [TOPIC] });
  const out = new Array<number>(PARTITIONS).fill(-1);
  for (const p of r[0]?.partitions ?? []) out[p.partition] = Number(p.offset);
  return out;
}

describe("consumer groups", () => {
  it("share partitions, rebalance when a member leaves, resume from commits, and keep them across a kill -9", async () => {
    const members = [await startMember("c1"), await startMember("c2"), await startMember("c3")];
    await assignmentsCover(members);
    await produce("one", 20);
    await allDelivered();
    expectExactlyOnceInOrder();
    // Every member took part.
    expect(new Set(deliveries.map((d) => d.consumer))).toEqual(new Set(["c1", "c2", "c3"]));

    const admin = client("admin").admin();
    open.push(admin);
    await admin.connect();
    const described = await admin.describeGroups([GROUP]);
    expect(described.groups[0]?.state).toBe("Stable");
    expect(described.groups[0]?.members).toHaveLength(3);
    const listed = await admin.listGroups();
    expect(listed.groups.map((g) => g.groupId)).toContain(GROUP);

    // c3 leaves: c1 and c2 take over its partitions.
    const [c1, c2, c3] = members as [Member, Member, Member];
    await c3.consumer.disconnect();
    await assignmentsCover([c1, c2]);
    const before = deliveries.length;
    await produce("two", 10);
    await allDelivered();
    expectExactlyOnceInOrder();
    expect(new Set(deliveries.slice(before).map((d) => d.consumer))).toEqual(new Set(["c1", "c2"]));

    // Everyone stops (committing on the way out); a consumer started later gets only what is new.
    await c1.consumer.disconnect();
    await c2.consumer.disconnect();
    await waitUntil("the group to be empty", async () => {
      const g = await admin.describeGroups([GROUP]);
      return g.groups[0]?.state === "Empty";
    });
    expect(await committedOffsets(admin)).toEqual(produced.map((p) => p.length));
    await produce("three", 5);
    const c4 = await startMember("c4");
    await allDelivered();
    expectExactlyOnceInOrder();
    await c4.consumer.disconnect();
    await admin.disconnect();

    // kill -9: the commits come back from __consumer_offsets.
    await broker.process.kill();
    broker.process.start();
    await broker.process.waitForLine((l) => l.msg === "unfenced", 60_000);
    const admin2 = client("admin2").admin();
    open.push(admin2);
    await admin2.connect();
    let offsets: number[] = [];
    await waitUntil("committed offsets after the restart", async () => {
      offsets = await committedOffsets(admin2).catch(() => []);
      return offsets.length === PARTITIONS && offsets.every((o) => o >= 0);
    });
    expect(offsets).toEqual(produced.map((p) => p.length));
    await produce("four", 5);
    const c5 = await startMember("c5");
    await allDelivered();
    expectExactlyOnceInOrder();
    await c5.consumer.disconnect();
    await admin2.disconnect();
  }, 180_000);

  it("answers group requests with the Java broker's errors", async () => {
    const wire = await WireClient.connect(broker.port);
    try {
      // Transaction coordinators are not offered yet.
      const txn = await wire.send(10, 3, { key: "tx", keyType: 1, coordinatorKeys: [] });
      expect(txn.errorCode).toBe(ErrorCode.INVALID_REQUEST);
      // Batched lookups (v4+, as the Java client and kafka-python send) answer per key.
      for (const version of [4, 5, 6]) {
        let found: { errorCode: number; nodeId: number } | undefined;
        for (let i = 0; i < 100 && found?.errorCode !== 0; i++) {
          const r = await wire.send(10, version, { key: "", keyType: 0, coordinatorKeys: ["batched"] });
          found = r.coordinators[0];
          if (found?.errorCode !== 0) await new Promise((res) => setTimeout(res, 100));
        }
        expect(found).toMatchObject({ errorCode: 0, nodeId: 1 });
      }
      // Share groups (the key type v6 adds) have no coordinator here.
      const share = await wire.send(10, 6, {
        key: "",
        keyType: 2,
        coordinatorKeys: ["g:AAAAAAAAAAAAAAAAAAAAAQ:0"],
      });
      expect(share.coordinators[0]?.errorCode).toBe(ErrorCode.INVALID_REQUEST);
      // A commit for a partition that does not exist fails alone.
      const commit = await wire.send(8, 8, {
        groupId: "simple",
        generationIdOrMemberEpoch: -1,
        memberId: "",
        groupInstanceId: null,
        retentionTimeMs: -1n,
        topics: [
          {
            name: TOPIC,
            partitions: [
              {
                partitionIndex: 0,
                committedOffset: 3n,
                committedLeaderEpoch: -1,
                commitTimestamp: -1n,
                committedMetadata: "",
              },
              {
                partitionIndex: 99,
                committedOffset: 3n,
                committedLeaderEpoch: -1,
                commitTimestamp: -1n,
                committedMetadata: "",
              },
            ],
          },
        ],
      });
      expect(commit.topics[0]?.partitions.map((p) => p.errorCode)).toEqual([
        ErrorCode.NONE,
        ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
      ]);
      // An unknown member's heartbeat.
      const hb = await wire.send(12, 4, {
        groupId: "simple",
        generationId: 1,
        memberId: "nobody",
        groupInstanceId: null,
      });
      expect(hb.errorCode).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
      // Only empty groups can be deleted; this one is, and its offsets go with it.
      const del = await wire.send(42, 2, { groupsNames: ["simple", "never-seen"] });
      expect(del.results.map((r) => [r.groupId, r.errorCode])).toEqual([
        ["simple", ErrorCode.NONE],
        ["never-seen", ErrorCode.GROUP_ID_NOT_FOUND],
      ]);
    } finally {
      wire.close();
    }
  }, 60_000);
});
