import {
  decodeLeaderEpochCheckpoint,
  type EpochEntry,
  encodeLeaderEpochCheckpoint,
  LEADER_EPOCH_CHECKPOINT_FILE,
  LeaderEpochCache,
  memoryDisk,
  PartitionLog,
} from "@runnel/log";
import { describe, expect, it } from "vitest";
import { batch, crashingDisk } from "./log-helpers.js";

const e = (epoch: number, startOffset: bigint): EpochEntry => ({ epoch, startOffset });
const epochPath = `/p/${LEADER_EPOCH_CHECKPOINT_FILE}`;
const seg0 = "/p/00000000000000000000";

function leader(leaderEpoch: number) {
  return { leaderEpoch, assignOffsets: true } as const;
}

/** Appends `count` one-record batches in `epoch`. */
async function appendIn(log: PartitionLog, epoch: number, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await log.append(batch(1, { label: `e${epoch}` }), leader(epoch));
}

describe("LeaderEpochCache", () => {
  it("appends an entry for each new larger epoch and ignores later batches of the latest epoch", () => {
    const c = new LeaderEpochCache();
    expect(c.latestEpoch).toBe(-1);
    expect(c.assign(0, 0n)).toBe(true);
    expect(c.assign(0, 5n)).toBe(false);
    expect(c.assign(2, 10n)).toBe(true);
    expect(c.assign(2, 11n)).toBe(false);
    expect(c.assign(5, 20n)).toBe(true);
    expect(c.entries()).toEqual([e(0, 0n), e(2, 10n), e(5, 20n)]);
    expect(c.latestEpoch).toBe(5);
  });

  it("keeps entries strictly increasing: a conflicting entry removes the ones at or above it, as Kafka does", () => {
    const c = new LeaderEpochCache([e(1, 0n), e(3, 10n), e(4, 20n)]);
    // A smaller epoch (a follower's log after divergence): 3 and 4 go.
    expect(c.assign(2, 15n)).toBe(true);
    expect(c.entries()).toEqual([e(1, 0n), e(2, 15n)]);
    // The latest epoch at a smaller start offset replaces it.
    expect(c.assign(2, 12n)).toBe(true);
    expect(c.entries()).toEqual([e(1, 0n), e(2, 12n)]);
    // A new epoch at the same start offset (no record written in epoch 2): 2 goes.
    expect(c.assign(3, 12n)).toBe(true);
    expect(c.entries()).toEqual([e(1, 0n), e(3, 12n)]);
    expect(() => c.assign(-1, 0n)).toThrow(RangeError);
    expect(() => c.assign(1, -1n)).toThrow(RangeError);
    expect(() => new LeaderEpochCache([e(2, 5n), e(1, 6n)])).toThrow(RangeError);
    expect(() => new LeaderEpochCache([e(1, 5n), e(2, 5n)])).toThrow(RangeError);
  });

  it("answers OffsetForLeaderEpoch lookups with Kafka's semantics", () => {
    const c = new LeaderEpochCache([e(2, 10n), e(4, 30n), e(7, 50n)]);
    const leo = 64n;
    // The latest epoch is still being written: it ends at the log end.
    expect(c.endOffsetFor(7, leo)).toEqual({ leaderEpoch: 7, endOffset: 64n });
    // A known epoch ends where the next larger one starts.
    expect(c.endOffsetFor(2, leo)).toEqual({ leaderEpoch: 2, endOffset: 30n });
    expect(c.endOffsetFor(4, leo)).toEqual({ leaderEpoch: 4, endOffset: 50n });
    // An epoch in between (never led here): the largest known epoch below it, ending at the next one's start.
    expect(c.endOffsetFor(3, leo)).toEqual({ leaderEpoch: 2, endOffset: 30n });
    expect(c.endOffsetFor(6, leo)).toEqual({ leaderEpoch: 4, endOffset: 50n });
    // Below the earliest known epoch: the requested epoch, ending at the earliest entry's start.
    expect(c.endOffsetFor(0, leo)).toEqual({ leaderEpoch: 0, endOffset: 10n });
    // Above every known epoch, or UNDEFINED_EPOCH asked: undefined.
    expect(c.endOffsetFor(8, leo)).toEqual({ leaderEpoch: -1, endOffset: -1n });
    expect(c.endOffsetFor(-1, leo)).toEqual({ leaderEpoch: -1, endOffset: -1n });
    // Nothing known at all.
    expect(new LeaderEpochCache().endOffsetFor(0, 0n)).toEqual({ leaderEpoch: -1, endOffset: -1n });
  });

  it("names the epoch that wrote an offset: the latest entry starting at or before it", () => {
    const c = new LeaderEpochCache([e(2, 10n), e(4, 30n), e(7, 50n)]);
    expect(c.epochForOffset(9n)).toBe(-1);
    expect(c.epochForOffset(10n)).toBe(2);
    expect(c.epochForOffset(29n)).toBe(2);
    expect(c.epochForOffset(30n)).toBe(4);
    expect(c.epochForOffset(1000n)).toBe(7);
    expect(new LeaderEpochCache().epochForOffset(0n)).toBe(-1);
  });

  it("truncates from the end: entries starting at or after the new log end go", () => {
    const c = new LeaderEpochCache([e(1, 0n), e(2, 10n), e(3, 20n)]);
    expect(c.truncateFromEnd(25n)).toBe(false);
    expect(c.truncateFromEnd(20n)).toBe(true);
    expect(c.entries()).toEqual([e(1, 0n), e(2, 10n)]);
    expect(c.truncateFromEnd(5n)).toBe(true);
    expect(c.entries()).toEqual([e(1, 0n)]);
    expect(c.truncateFromEnd(0n)).toBe(true);
    expect(c.entries()).toEqual([]);
  });

  it("truncates from the start: the last entry at or below the new log start moves up to it", () => {
    const c = new LeaderEpochCache([e(1, 0n), e(2, 10n), e(3, 20n)]);
    expect(c.truncateFromStart(0n)).toBe(false);
    expect(c.truncateFromStart(5n)).toBe(true);
    expect(c.entries()).toEqual([e(1, 5n), e(2, 10n), e(3, 20n)]);
    expect(c.truncateFromStart(10n)).toBe(true);
    expect(c.entries()).toEqual([e(2, 10n), e(3, 20n)]);
    expect(c.truncateFromStart(10n)).toBe(false);
    expect(c.truncateFromStart(42n)).toBe(true);
    expect(c.entries()).toEqual([e(3, 42n)]);
  });

  it("checkpoint round-trips, and every torn or flipped byte is detected", () => {
    const entries = [e(0, 0n), e(3, 17n), e(9, 1n << 40n)];
    const bytes = encodeLeaderEpochCheckpoint(entries);
    expect(decodeLeaderEpochCheckpoint(bytes)).toEqual(entries);
    expect(decodeLeaderEpochCheckpoint(encodeLeaderEpochCheckpoint([]))).toEqual([]);
    for (let cut = 0; cut < bytes.length; cut++) {
      expect(decodeLeaderEpochCheckpoint(bytes.subarray(0, cut)), `cut at ${cut}`).toBeNull();
    }
    for (let i = 0; i < bytes.length; i++) {
      const flipped = bytes.slice();
      flipped[i] = (flipped[i] as number) ^ 0x01;
      expect(decodeLeaderEpochCheckpoint(flipped), `flip at ${i}`).toBeNull();
    }
    // A well-formed file whose entries are out of order is refused too.
    expect(decodeLeaderEpochCheckpoint(encodeLeaderEpochCheckpoint([e(3, 5n), e(2, 9n)]))).toBeNull();
  });
});

describe("PartitionLog leader epochs", () => {
  it("records each epoch's first offset on append, persists it, and reloads it on open", async () => {
    const disk = memoryDisk();
    const log = await PartitionLog.open("/p", { segmentBytes: 400 }, { disk });
    await appendIn(log, 0, 4); // 0-3
    await appendIn(log, 2, 3); // 4-6
    await log.append(batch(3), leader(5)); // 7-9
    expect(log.segmentCount).toBeGreaterThan(1);
    const expected = [e(0, 0n), e(2, 4n), e(5, 7n)];
    expect(log.leaderEpochEntries()).toEqual(expected);
    expect(log.latestLeaderEpoch).toBe(5);
    expect(decodeLeaderEpochCheckpoint(disk.readRaw(epochPath) as Uint8Array)).toEqual(expected);
    expect(await log.endOffsetForEpoch(5)).toEqual({ leaderEpoch: 5, endOffset: 10n });
    expect(await log.endOffsetForEpoch(0)).toEqual({ leaderEpoch: 0, endOffset: 4n });
    expect(await log.endOffsetForEpoch(1)).toEqual({ leaderEpoch: 0, endOffset: 4n });
    expect(await log.endOffsetForEpoch(6)).toEqual({ leaderEpoch: -1, endOffset: -1n });
    await log.close();
    const reopened = await PartitionLog.open("/p", { segmentBytes: 400 }, { disk });
    expect(reopened.recovery.leaderEpochsRebuilt).toBe(false);
    expect(reopened.leaderEpochEntries()).toEqual(expected);
    expect(await reopened.endOffsetForEpoch(2)).toEqual({ leaderEpoch: 2, endOffset: 7n });
    await reopened.close();
  });

  it("a follower's appends keep their batches' epochs", async () => {
    const log = await PartitionLog.open("/p", {}, { disk: memoryDisk() });
    const follower = { leaderEpoch: 99, assignOffsets: false } as const;
    await log.append(batch(2, { baseOffset: 0n, partitionLeaderEpoch: 3 }), follower);
    await log.append(batch(2, { baseOffset: 2n, partitionLeaderEpoch: 3 }), follower);
    await log.append(batch(1, { baseOffset: 4n, partitionLeaderEpoch: 4 }), follower);
    expect(log.leaderEpochEntries()).toEqual([e(3, 0n), e(4, 4n)]);
    await log.close();
  });

  it("rebuilds the cache from the batches when the checkpoint is missing or damaged", async () => {
    const disk = memoryDisk();
    const log = await PartitionLog.open("/p", { segmentBytes: 300 }, { disk });
    await appendIn(log, 1, 3);
    await appendIn(log, 4, 3);
    await appendIn(log, 6, 2);
    const expected = log.leaderEpochEntries();
    expect(expected).toEqual([e(1, 0n), e(4, 3n), e(6, 6n)]);
    await log.close();
    const good = disk.readRaw(epochPath) as Uint8Array;

    await disk.remove(epochPath);
    const missing = await PartitionLog.open("/p", { segmentBytes: 300 }, { disk });
    expect(missing.recovery.leaderEpochsRebuilt).toBe(true);
    expect(missing.recovery.problems).toEqual([]);
    expect(missing.leaderEpochEntries()).toEqual(expected);
    await missing.close();
    expect(disk.readRaw(epochPath)).toEqual(good);

    disk.writeRaw(epochPath, good.subarray(0, good.length - 3));
    const torn = await PartitionLog.open("/p", { segmentBytes: 300 }, { disk });
    expect(torn.recovery.leaderEpochsRebuilt).toBe(true);
    expect(torn.recovery.problems.join()).toMatch(/leader-epoch-checkpoint is damaged/);
    expect(torn.leaderEpochEntries()).toEqual(expected);
    await torn.close();
    expect(disk.readRaw(epochPath)).toEqual(good);
  });

  it("after a torn tail, drops the entries of epochs whose records were lost", async () => {
    const disk = memoryDisk();
    const log = await PartitionLog.open("/p", {}, { disk });
    await appendIn(log, 1, 3); // 0-2
    await appendIn(log, 2, 2); // 3-4
    const lastSize = batch(1, { label: "e3" }).length;
    await appendIn(log, 3, 1); // 5
    await log.close();
    const whole = disk.readRaw(`${seg0}.log`) as Uint8Array;
    // Cut inside the only batch of epoch 3: epoch 3 is gone, epoch 2 is the latest again.
    disk.writeRaw(`${seg0}.log`, whole.subarray(0, whole.length - lastSize + 10));
    const reopened = await PartitionLog.open("/p", {}, { disk });
    expect(reopened.logEndOffset).toBe(5n);
    expect(reopened.recovery.leaderEpochsRebuilt).toBe(false);
    expect(reopened.leaderEpochEntries()).toEqual([e(1, 0n), e(2, 3n)]);
    expect(decodeLeaderEpochCheckpoint(disk.readRaw(epochPath) as Uint8Array)).toEqual([e(1, 0n), e(2, 3n)]);
    expect(await reopened.endOffsetForEpoch(2)).toEqual({ leaderEpoch: 2, endOffset: 5n });
    expect(await reopened.endOffsetForEpoch(3)).toEqual({ leaderEpoch: -1, endOffset: -1n });
    // Epoch 3 (or a later one) can start again where the log now ends.
    await appendIn(reopened, 4, 1);
    expect(reopened.leaderEpochEntries()).toEqual([e(1, 0n), e(2, 3n), e(4, 5n)]);
    await reopened.close();
  });

  it("a crash at any write during appends recovers the cache the batches on disk imply", async () => {
    // Count the mutating operations of the whole run, then crash at each one in turn.
    const script = async (log: PartitionLog) => {
      await appendIn(log, 0, 2);
      await appendIn(log, 1, 2);
      await appendIn(log, 1, 1);
      await appendIn(log, 3, 2);
    };
    const probe = crashingDisk(memoryDisk());
    const l = await PartitionLog.open("/p", { segmentBytes: 200 }, { disk: probe });
    const opened = probe.ops();
    await script(l);
    const total = probe.ops() - opened;
    for (let crashAt = 1; crashAt <= total; crashAt++) {
      const inner = memoryDisk();
      const crashing = crashingDisk(inner);
      const log = await PartitionLog.open("/p", { segmentBytes: 200 }, { disk: crashing });
      crashing.failAfter(crashAt);
      await script(log).catch(() => undefined);
      const recovered = await PartitionLog.open("/p", { segmentBytes: 200 }, { disk: inner });
      const entries = recovered.leaderEpochEntries();
      await recovered.close();
      await inner.remove(epochPath);
      const rebuilt = await PartitionLog.open("/p", { segmentBytes: 200 }, { disk: inner });
      expect(entries, `crash at ${crashAt}`).toEqual(rebuilt.leaderEpochEntries());
      expect(rebuilt.recovery.leaderEpochsRebuilt).toBe(true);
      await rebuilt.close();
    }
  });

  it("truncateTo cuts the entries from the end; truncateFullyAndStartAt clears them", async () => {
    const disk = memoryDisk();
    const log = await PartitionLog.open("/p", { segmentBytes: 300 }, { disk });
    await appendIn(log, 1, 4); // 0-3
    await appendIn(log, 2, 4); // 4-7
    await appendIn(log, 3, 4); // 8-11
    expect(await log.truncateTo(6n)).toBe(true);
    expect(log.leaderEpochEntries()).toEqual([e(1, 0n), e(2, 4n)]);
    expect(await log.endOffsetForEpoch(2)).toEqual({ leaderEpoch: 2, endOffset: 6n });
    expect(await log.truncateTo(4n)).toBe(true);
    expect(log.leaderEpochEntries()).toEqual([e(1, 0n)]);
    await log.close();
    const reopened = await PartitionLog.open("/p", { segmentBytes: 300 }, { disk });
    expect(reopened.leaderEpochEntries()).toEqual([e(1, 0n)]);
    await reopened.truncateFullyAndStartAt(100n);
    expect(reopened.leaderEpochEntries()).toEqual([]);
    await appendIn(reopened, 7, 1);
    expect(reopened.leaderEpochEntries()).toEqual([e(7, 100n)]);
    await reopened.close();
    const again = await PartitionLog.open("/p", { segmentBytes: 300 }, { disk });
    expect(again.leaderEpochEntries()).toEqual([e(7, 100n)]);
    await again.close();
  });

  it("DeleteRecords and retention move the first entry up to the log start, persisted", async () => {
    const disk = memoryDisk();
    const log = await PartitionLog.open("/p", { segmentBytes: 300 }, { disk });
    await appendIn(log, 1, 4); // 0-3
    await appendIn(log, 2, 4); // 4-7
    await appendIn(log, 3, 4); // 8-11
    await log.deleteRecordsBefore(2n);
    expect(log.leaderEpochEntries()).toEqual([e(1, 2n), e(2, 4n), e(3, 8n)]);
    await log.deleteRecordsBefore(6n);
    expect(log.leaderEpochEntries()).toEqual([e(2, 6n), e(3, 8n)]);
    // Epoch 1's records are gone: Kafka answers with the requested epoch and the earliest entry's start.
    expect(await log.endOffsetForEpoch(1)).toEqual({ leaderEpoch: 1, endOffset: 6n });
    await log.roll();
    await appendIn(log, 3, 1); // 12
    // Keep at least a byte: everything but the active segment goes (retentionBytes 0 would take it too).
    await log.applyRetention({ retentionMs: -1, retentionBytes: 1, now: 0 });
    expect(log.logStartOffset).toBe(12n);
    expect(log.leaderEpochEntries()).toEqual([e(3, 12n)]);
    await log.close();
    const reopened = await PartitionLog.open("/p", { segmentBytes: 300 }, { disk });
    expect(reopened.logStartOffset).toBe(12n);
    expect(reopened.leaderEpochEntries()).toEqual([e(3, 12n)]);
    expect(await reopened.endOffsetForEpoch(3)).toEqual({ leaderEpoch: 3, endOffset: 13n });
    expect(await reopened.endOffsetForEpoch(2)).toEqual({ leaderEpoch: 2, endOffset: 12n });
    // Everything deleted: the entry left starts at the log end, and (as in Kafka) a reopen drops it;
    // the next leader assigns its epoch again.
    await reopened.roll();
    await reopened.applyRetention({ retentionMs: -1, retentionBytes: 0, now: 0 });
    expect(reopened.logStartOffset).toBe(13n);
    expect(reopened.leaderEpochEntries()).toEqual([e(3, 13n)]);
    await reopened.close();
    const empty = await PartitionLog.open("/p", { segmentBytes: 300 }, { disk });
    expect(empty.leaderEpochEntries()).toEqual([]);
    await empty.assignLeaderEpoch(4);
    expect(await empty.endOffsetForEpoch(3)).toEqual({ leaderEpoch: 3, endOffset: 13n });
    await empty.close();
  });

  it("recovery moves the first entry up to a log start whose epoch checkpoint was not rewritten", async () => {
    const disk = memoryDisk();
    const log = await PartitionLog.open("/p", {}, { disk });
    await appendIn(log, 1, 4);
    await appendIn(log, 2, 4);
    const before = disk.readRaw(epochPath) as Uint8Array;
    await log.deleteRecordsBefore(5n);
    await log.close();
    // A crash between the log-start checkpoint and the epoch checkpoint.
    disk.writeRaw(epochPath, before);
    const reopened = await PartitionLog.open("/p", {}, { disk });
    expect(reopened.leaderEpochEntries()).toEqual([e(2, 5n)]);
    expect(decodeLeaderEpochCheckpoint(disk.readRaw(epochPath) as Uint8Array)).toEqual([e(2, 5n)]);
    await reopened.close();
  });

  it("assignLeaderEpoch records a new leader's epoch at the log end before any append", async () => {
    const disk = memoryDisk();
    const log = await PartitionLog.open("/p", {}, { disk });
    expect(await log.endOffsetForEpoch(0)).toEqual({ leaderEpoch: -1, endOffset: -1n });
    expect(await log.assignLeaderEpoch(0)).toBe(true);
    expect(await log.endOffsetForEpoch(0)).toEqual({ leaderEpoch: 0, endOffset: 0n });
    await appendIn(log, 0, 3);
    expect(await log.assignLeaderEpoch(0)).toBe(false);
    expect(await log.assignLeaderEpoch(3)).toBe(true);
    expect(await log.assignLeaderEpoch(2)).toBe(false);
    expect(log.leaderEpochEntries()).toEqual([e(0, 0n), e(3, 3n)]);
    expect(await log.endOffsetForEpoch(0)).toEqual({ leaderEpoch: 0, endOffset: 3n });
    expect(await log.endOffsetForEpoch(3)).toEqual({ leaderEpoch: 3, endOffset: 3n });
    expect(decodeLeaderEpochCheckpoint(disk.readRaw(epochPath) as Uint8Array)).toEqual([e(0, 0n), e(3, 3n)]);
    await appendIn(log, 3, 2);
    expect(await log.endOffsetForEpoch(3)).toEqual({ leaderEpoch: 3, endOffset: 5n });
    await log.close();
  });
});
