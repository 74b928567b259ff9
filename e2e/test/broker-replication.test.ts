/**
 * Replication between three broker processes (zones a, b, c) over a 3-voter
 * metadata quorum, with exact Kafka requests: a topic with replication
 * factor 3 and min.insync.replicas 2; acks=all answers once every in-sync
 * replica has a batch (a paused follower holds it back: REQUEST_TIMED_OUT,
 * and the high watermark stays below it until the follower resumes); kill -9 of the leader loses nothing acknowledged and
 * a follower takes over at a higher leader epoch; the killed broker comes
 * back as a follower, catches up and rejoins the ISR; with two of three
 * brokers gone, acks=all is refused with NOT_ENOUGH_REPLICAS while acks=1
 * still works, and the one left has every record. A consumer naming its
 * rack is sent by the leader to the in-sync follower in its zone (KIP-392),
 * which serves it up to its high watermark. Committed offsets survive kill -9
 * of their group coordinator: `__consumer_offsets` is replicated, and the
 * new coordinator answers them.
 */
import { encodeRecordBatch } from "@runnel/log";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrokerProcess, startBroker } from "../harness/broker.js";
import {
  fetchPartition,
  listOffsets,
  produceBatch,
  readPartitionValues,
  recordBatches,
  requestCreateTopic,
  topicMetadata,
  waitForTopic,
  withWire,
} from "../harness/kafka-ops.js";
import { MetadataQuorum } from "../harness/metadata.js";
import { waitUntil } from "../harness/process.js";

const TOPIC = "replicated";
let q: MetadataQuorum;
const brokers = new Map<number, BrokerProcess>();

beforeAll(async () => {
  q = await MetadataQuorum.start({ voters: 3 });
  const started = await Promise.all(
    [
      [1, "a"],
      [2, "b"],
      [3, "c"],
    ].map(([id, zone]) =>
      // __consumer_offsets replicated as in the fleet, so a coordinator failover keeps commits.
      startBroker(q, id as number, zone as string, { RUNNEL_BROKER_OFFSETS_TOPIC_REPLICATION_FACTOR: "3" }),
    ),
  );
  for (const b of started) brokers.set(b.nodeId, b);
}, 120_000);

afterAll(async () => {
  for (const b of brokers.values()) await b.process.close();
  await q?.close();
});

function broker(id: number): BrokerProcess {
  const b = brokers.get(id);
  if (b === undefined) throw new Error(`no broker ${id}`);
  return b;
}

/** Partition 0's state as a running broker's Metadata answer shows it. */
async function partitionState(askId: number) {
  return withWire(broker(askId).port, async (wire) => {
    const t = await topicMetadata(wire, TOPIC);
    const p = t?.partitions.find((x) => x.partitionIndex === 0);
    if (t === undefined || p === undefined) throw new Error("no partition 0");
    return { topicId: t.topicId, leader: p.leaderId, epoch: p.leaderEpoch, isr: [...p.isrNodes].sort() };
  });
}

const value = (i: number) => `record-${i}`;

function batch(from: number, count: number): Uint8Array {
  return encodeRecordBatch({
    records: Array.from({ length: count }, (_, i) => ({ value: Buffer.from(value(from + i)) })),
  });
}

/** Every record value of partition 0 on broker `id`, from offset 0, in offset order. */
function readAll(id: number, topicId: string): Promise<{ offset: bigint; value: string }[]> {
  return withWire(broker(id).port, (wire) => readPartitionValues(wire, topicId, 0));
}

describe("replication", () => {
  it("keeps every acknowledged record through leader kills, and refuses acks=all without enough in-sync replicas", async () => {
    const created = await withWire(broker(1).port, (wire) =>
      requestCreateTopic(wire, TOPIC, {
        partitions: 1,
        replicationFactor: 3,
        configs: { "min.insync.replicas": "2" },
      }),
    );
    expect(created?.errorCode).toBe(0);
    await withWire(broker(1).port, (wire) =>
      waitForTopic(
        wire,
        TOPIC,
        (t) => t.partitions[0]?.leaderId !== -1 && t.partitions[0]?.isrNodes.length === 3,
      ),
    );
    const first = await partitionState(1);
    expect(first.isr).toEqual([1, 2, 3]);

    // 20 batches of 5 with acks=all to the leader: each answered after the ISR has it.
    let sent = 0;
    await withWire(broker(first.leader).port, async (wire) => {
      for (let i = 0; i < 20; i++) {
        const r = await produceBatch(wire, TOPIC, 0, batch(sent, 5), { acks: -1 });
        expect(r.errorCode).toBe(0);
        expect(r.baseOffset).toBe(BigInt(sent));
        sent += 5;
      }
      const [latest] = await listOffsets(wire, TOPIC, 0, [-1n]);
      expect(latest?.offset).toBe(100n);
    });

    // A paused follower holds acks=all back: the answer times out and consumers cannot see the batch yet.
    const paused = [1, 2, 3].find((id) => id !== first.leader) as number;
    await broker(paused).process.signal("SIGSTOP");
    await withWire(broker(first.leader).port, async (wire) => {
      const r = await produceBatch(wire, TOPIC, 0, batch(sent, 5), { acks: -1, timeoutMs: 1_000 });
      expect(r.errorCode).toBe(7); // REQUEST_TIMED_OUT
      const [held] = await listOffsets(wire, TOPIC, 0, [-1n]);
      expect(held?.offset).toBe(100n);
      await broker(paused).process.signal("SIGCONT");
      // The batch was appended and is committed once the follower has it, as in Kafka.
      await waitUntil(
        "the high watermark past the held batch",
        async () => ((await listOffsets(wire, TOPIC, 0, [-1n]))[0]?.offset === 105n ? true : undefined),
        10_000,
        50,
      );
      sent += 5;
    });

    // kill -9 the leader: another ISR member leads at a higher epoch, with every record.
    const others = [1, 2, 3].filter((id) => id !== first.leader);
    await broker(first.leader).process.kill();
    const second = await waitUntil(
      "a new leader",
      async () => {
        const s = await partitionState(others[0] as number);
        return others.includes(s.leader) && s.epoch > first.epoch ? s : undefined;
      },
      20_000,
      100,
    );
    expect(await readAll(second.leader, first.topicId)).toEqual(
      Array.from({ length: 105 }, (_, i) => ({ offset: BigInt(i), value: value(i) })),
    );
    await withWire(broker(second.leader).port, async (wire) => {
      for (let i = 0; i < 4; i++) {
        const r = await produceBatch(wire, TOPIC, 0, batch(sent, 5), { acks: -1 });
        expect(r.errorCode).toBe(0);
        expect(r.baseOffset).toBe(BigInt(sent));
        sent += 5;
      }
    });

    // The killed broker comes back as a follower, catches up and rejoins the ISR.
    broker(first.leader).process.start();
    await broker(first.leader).process.waitForLine((l) => l.msg === "unfenced", 60_000);
    await waitUntil(
      "the restarted broker back in the ISR",
      async () => ((await partitionState(second.leader)).isr.length === 3 ? true : undefined),
      30_000,
      200,
    );

    // Two of three gone: the one left leads alone; acks=all is refused, acks=1 is not.
    const survivor = first.leader;
    for (const id of others) await broker(id).process.kill();
    const third = await waitUntil(
      "the survivor leading alone",
      async () => {
        const s = await partitionState(survivor);
        return s.leader === survivor && s.isr.length === 1 ? s : undefined;
      },
      20_000,
      100,
    );
    expect(third.epoch).toBeGreaterThan(second.epoch);
    expect(await readAll(survivor, first.topicId)).toEqual(
      Array.from({ length: sent }, (_, i) => ({ offset: BigInt(i), value: value(i) })),
    );
    await withWire(broker(survivor).port, async (wire) => {
      const refused = await produceBatch(wire, TOPIC, 0, batch(sent, 1), { acks: -1 });
      expect(refused.errorCode).toBe(19); // NOT_ENOUGH_REPLICAS
      const accepted = await produceBatch(wire, TOPIC, 0, batch(sent, 1), { acks: 1 });
      expect(accepted.errorCode).toBe(0);
      expect(accepted.baseOffset).toBe(BigInt(sent));
    });
    for (const id of others) {
      broker(id).process.start();
      await broker(id).process.waitForLine((l) => l.msg === "unfenced", 60_000);
    }
  }, 240_000);

  it("sends a consumer that names its rack to the follower in its zone, which serves it", async () => {
    const name = "rack-aware";
    const created = await withWire(broker(1).port, (wire) =>
      requestCreateTopic(wire, name, { partitions: 3, replicationFactor: 3 }),
    );
    expect(created?.errorCode).toBe(0);
    const meta = await withWire(broker(1).port, async (wire) => {
      await waitForTopic(wire, name, (t) => t.partitions.every((p) => p.isrNodes.length === 3));
      return topicMetadata(wire, name);
    });
    const p0 = meta?.partitions.find((p) => p.partitionIndex === 0);
    if (meta === undefined || p0 === undefined) throw new Error("no partition 0");
    const zoneOf = (id: number) => ["a", "b", "c"][id - 1] as string;
    const follower = p0.isrNodes.find((id) => id !== p0.leaderId) as number;
    await withWire(broker(p0.leaderId).port, async (wire) => {
      const r = await produceBatch(wire, name, 0, batch(0, 10), { acks: -1 });
      expect(r.errorCode).toBe(0);
      const at = { topicId: meta.topicId, partition: 0, offset: 0n };
      // In the leader's own zone: read here.
      const own = await fetchPartition(wire, at, { rackId: zoneOf(p0.leaderId) });
      expect(own.preferredReadReplica).toBe(-1);
      expect(recordBatches(own.records).length).toBeGreaterThan(0);
      // In a follower's zone: go there, no records from the leader.
      const sent = await fetchPartition(wire, at, { rackId: zoneOf(follower) });
      expect(sent.preferredReadReplica).toBe(follower);
      expect(sent.records?.byteLength ?? 0).toBe(0);
    });
    // The follower serves every committed record (once its high watermark caught up).
    const values = await waitUntil(
      "the follower serving the records",
      () =>
        withWire(broker(follower).port, async (wire) => {
          const p = await fetchPartition(
            wire,
            { topicId: meta.topicId, partition: 0, offset: 0n },
            { rackId: zoneOf(follower) },
          );
          expect(p.errorCode).toBe(0);
          expect(p.preferredReadReplica).toBe(-1);
          const got = recordBatches(p.records).flatMap((b) =>
            b.records.map((r) => Buffer.from(r.value ?? []).toString()),
          );
          return got.length === 10 ? got : undefined;
        }),
      10_000,
      100,
    );
    expect(values).toEqual(Array.from({ length: 10 }, (_, i) => value(i)));
    // Before v11 a consumer cannot read from a follower.
    await withWire(broker(follower).port, async (wire) => {
      const old = await fetchPartition(
        wire,
        { topicId: meta.topicId, topic: name, partition: 0, offset: 0n },
        { version: 10 },
      );
      expect(old.errorCode).toBe(6); // NOT_LEADER_OR_FOLLOWER
    });
  }, 120_000);

  it("keeps committed offsets when the group coordinator is killed with -9", async () => {
    const group = "failover-group";
    const findCoordinator = (askId: number) =>
      withWire(broker(askId).port, async (wire) => {
        const r = await wire.send(10, 3, { key: group, keyType: 0, coordinatorKeys: [] });
        return r.errorCode === 0 ? r.nodeId : undefined;
      });
    const coordinator = await waitUntil("a coordinator", () => findCoordinator(1), 30_000, 200);
    const commit = await withWire(broker(coordinator).port, (wire) =>
      wire.send(8, 8, {
        groupId: group,
        generationIdOrMemberEpoch: -1,
        memberId: "",
        groupInstanceId: null,
        retentionTimeMs: -1n,
        topics: [
          {
            name: "rack-aware",
            partitions: [0, 1, 2].map((partitionIndex) => ({
              partitionIndex,
              committedOffset: BigInt(5 + partitionIndex),
              committedLeaderEpoch: -1,
              commitTimestamp: -1n,
              committedMetadata: `m${partitionIndex}`,
            })),
          },
        ],
      }),
    );
    expect(commit.topics[0]?.partitions.map((p) => p.errorCode)).toEqual([0, 0, 0]);

    await broker(coordinator).process.kill();
    const other = [1, 2, 3].find((id) => id !== coordinator) as number;
    const next = await waitUntil(
      "another coordinator",
      async () => {
        const id = await findCoordinator(other);
        return id !== undefined && id !== coordinator ? id : undefined;
      },
      30_000,
      200,
    );
    const fetched = await waitUntil(
      "the committed offsets from the new coordinator",
      () =>
        withWire(broker(next).port, async (wire) => {
          const r = await wire.send(9, 7, {
            groupId: group,
            topics: [{ name: "rack-aware", partitionIndexes: [0, 1, 2] }],
            groups: [],
            requireStable: false,
          });
          return r.errorCode === 0 ? r.topics[0]?.partitions : undefined;
        }),
      30_000,
      200,
    );
    expect(fetched?.map((p) => [p.partitionIndex, p.committedOffset, p.metadata])).toEqual([
      [0, 5n, "m0"],
      [1, 6n, "m1"],
      [2, 7n, "m2"],
    ]);
    broker(coordinator).process.start();
    await broker(coordinator).process.waitForLine((l) => l.msg === "unfenced", 60_000);
  }, 120_000);
});
