/**
 * A replica's replication state (replication/partition.ts) on an in-memory
 * log: the high watermark over the ISR (and the maximal ISR while a change
 * is pending), catching up and rejoining, and acks=all waiters told when
 * leadership moves.
 */
import { encodeRecordBatch, memoryDisk, PartitionLog } from "@runnel/log";
import { type PartitionImage, type TopicImage, topicKey } from "@runnel/metadata";
import { describe, expect, it } from "vitest";
import { Partition } from "../src/replication/partition.js";

const id = new Uint8Array(16).fill(3);
const topic: TopicImage = { id, key: topicKey(id), name: "t", partitions: [] };

function state(
  leader: number,
  leaderEpoch: number,
  isr: number[],
  partitionEpoch = leaderEpoch,
): PartitionImage {
  return { replicas: [1, 2, 3], isr, leader, leaderEpoch, partitionEpoch };
}

async function leaderReplica(isr = [1, 2, 3]) {
  const log = await PartitionLog.open("/p", {}, { disk: memoryDisk() });
  const p = new Partition(topic, 0, log, 1);
  await p.applyState(state(1, 0, isr), 1_000);
  return p;
}

const batch = (n: number) =>
  encodeRecordBatch({ records: Array.from({ length: n }, () => ({ value: Buffer.from("v") })) });

describe("Partition", () => {
  it("moves the high watermark to the smallest log end of the ISR, never back", async () => {
    const p = await leaderReplica();
    await p.appendAsLeader(batch(10), { leaderEpoch: 0 });
    expect(p.highWatermark).toBe(0n);
    p.recordFollowerFetch(2, 10n, 1_001);
    expect(p.highWatermark).toBe(0n);
    p.recordFollowerFetch(3, 4n, 1_001);
    expect(p.highWatermark).toBe(4n);
    p.recordFollowerFetch(3, 10n, 1_002);
    expect(p.highWatermark).toBe(10n);
    // A follower reporting less (it truncated) does not take the high watermark back.
    p.recordFollowerFetch(3, 8n, 1_003);
    expect(p.highWatermark).toBe(10n);
  });

  it("counts a proposed ISR member at once and a removed one until the controller confirms", async () => {
    const p = await leaderReplica([1, 2]);
    await p.appendAsLeader(batch(5), { leaderEpoch: 0 });
    p.recordFollowerFetch(2, 5n, 1_001);
    expect(p.highWatermark).toBe(5n);
    await p.appendAsLeader(batch(5), { leaderEpoch: 0 });
    // Broker 3 caught up to the high watermark: it may rejoin; proposed, it holds the high watermark back.
    expect(p.recordFollowerFetch(3, 5n, 1_002)).toBe(true);
    p.proposeIsr([1, 2, 3]);
    p.recordFollowerFetch(2, 10n, 1_003);
    expect(p.highWatermark).toBe(5n);
    p.completeIsrChange({ isr: [1, 2, 3], partitionEpoch: 1, leaderEpoch: 0 });
    expect(p.isr).toEqual([1, 2, 3]);
    // Shrinking: broker 3 still counts while the change is pending, not once it is confirmed.
    p.proposeIsr([1, 2]);
    expect(p.maybeAdvanceHighWatermark()).toBe(false);
    p.completeIsrChange({ isr: [1, 2], partitionEpoch: 2, leaderEpoch: 0 });
    expect(p.highWatermark).toBe(10n);
  });

  it("reports followers not caught up for longer than the lag time", async () => {
    const p = await leaderReplica();
    await p.appendAsLeader(batch(3), { leaderEpoch: 0 });
    p.recordFollowerFetch(2, 3n, 2_000);
    p.recordFollowerFetch(3, 1n, 2_000);
    expect(p.laggingFollowers(2_500, 1_000)).toEqual([3]);
    // Its fetch reaches the leader's log end: caught up as of that fetch.
    p.recordFollowerFetch(3, 3n, 2_600);
    expect(p.laggingFollowers(2_900, 1_000)).toEqual([]);
    // Broker 2 has not fetched since 2 000: past the lag time it lags too.
    expect(p.laggingFollowers(3_100, 1_000)).toEqual([2]);
  });

  it("tells acks=all waiters when this broker stops leading at their epoch", async () => {
    const p = await leaderReplica();
    const r = await p.appendAsLeader(batch(2), { leaderEpoch: 0 });
    const waiting = p.waitForHighWatermark(r.lastOffset, 0, 10_000);
    // Re-elected at a higher epoch: the old epoch's waiters are done, not left to time out.
    await p.applyState(state(1, 1, [1, 2, 3]), 1_100);
    expect(await waiting).toBe("not-leader");
    const again = p.waitForHighWatermark(r.lastOffset, 1, 10_000);
    await p.applyState(state(2, 2, [2, 3]), 1_200);
    expect(p.role).toBe("follower");
    expect(await again).toBe("not-leader");
    expect(await p.waitForHighWatermark(r.lastOffset, 2, 10)).toBe("not-leader");
  });

  it("ignores an image older than the state already applied", async () => {
    const p = await leaderReplica();
    await p.applyState(state(2, 3, [2, 3]), 1_100);
    expect(await p.applyState(state(1, 2, [1, 2, 3]), 1_200)).toBe("none");
    expect([p.role, p.leaderId, p.leaderEpoch]).toEqual(["follower", 2, 3]);
  });
});
