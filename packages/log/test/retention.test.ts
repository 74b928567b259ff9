import { LogStorageError, memoryDisk, PartitionLog } from "@runnel/log";
import { describe, expect, it } from "vitest";
import { batch, manualClock } from "./log-helpers.js";

const leader = { leaderEpoch: 1, assignOffsets: true } as const;

async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  await expect(p).rejects.toSatisfy((e: unknown) => e instanceof LogStorageError && e.code === code);
}

describe("retention", () => {
  it("deletes whole closed segments older than retentionMs, never the active one", async () => {
    const disk = memoryDisk();
    const clock = manualClock(0);
    const log = await PartitionLog.open("/p", { segmentBytes: 300 }, { disk, clock });
    for (let i = 0; i < 20; i++) await log.append(batch(2, { timestamp: BigInt(i * 1000) }), leader);
    const bases = log.segmentBaseOffsets();
    expect(bases.length).toBeGreaterThan(3);
    // Segments whose newest record is older than now - 10s go.
    const report = await log.applyRetention({ retentionMs: 10_000, retentionBytes: -1, now: 22_000 });
    expect(report.segmentsDeleted).toBeGreaterThan(0);
    expect(log.logStartOffset).toBe(log.segmentBaseOffsets()[0]);
    await expectCode(log.read(0n, 100), "OFFSET_OUT_OF_RANGE");
    const first = await log.read(log.logStartOffset, 1 << 20);
    expect(first.firstOffset).toBe(log.logStartOffset);
    // Everything expired: still the active segment stays.
    await log.applyRetention({ retentionMs: 1, retentionBytes: -1, now: 1_000_000 });
    expect(log.segmentCount).toBe(1);
    expect(log.logEndOffset).toBe(40n);
    const files = await disk.list("/p");
    expect(files.filter((f) => f.endsWith(".log"))).toHaveLength(1);
    expect(
      files.filter((f) => f.endsWith(".snapshot")).every((f) => BigInt(f.slice(0, 20)) >= log.logStartOffset),
    ).toBe(true);
  });

  it("deletes the oldest closed segments while the log exceeds retentionBytes", async () => {
    const log = await PartitionLog.open("/p", { segmentBytes: 300 }, { disk: memoryDisk() });
    for (let i = 0; i < 20; i++) await log.append(batch(2), leader);
    const total = log.sizeInBytes;
    await log.applyRetention({ retentionMs: -1, retentionBytes: Math.floor(total / 2), now: 0 });
    // As in Kafka, a segment goes only if the log stays at least retentionBytes without it.
    expect(log.sizeInBytes).toBeGreaterThanOrEqual(Math.floor(total / 2));
    expect(log.sizeInBytes).toBeLessThan(Math.floor(total / 2) + 300);
    expect(log.logStartOffset).toBe(log.segmentBaseOffsets()[0]);
  });

  it("rolls the active segment on request so retention can reach it", async () => {
    const log = await PartitionLog.open("/p", {}, { disk: memoryDisk() });
    await log.append(batch(2, { timestamp: 0n }), leader);
    await log.roll();
    await log.applyRetention({ retentionMs: 10, retentionBytes: -1, now: 1000 });
    expect(log.logStartOffset).toBe(2n);
    expect(log.sizeInBytes).toBe(0);
  });
});

describe("DeleteRecords", () => {
  it("advances the log start, deletes segments wholly below it, and persists it across reopen", async () => {
    const disk = memoryDisk();
    const log = await PartitionLog.open("/p", { segmentBytes: 300 }, { disk });
    for (let i = 0; i < 20; i++) await log.append(batch(2), leader);
    const bases = log.segmentBaseOffsets();
    const target = (bases[2] as bigint) + 1n;
    expect(await log.deleteRecordsBefore(target)).toBe(target);
    expect(log.segmentBaseOffsets()[0]).toBe(bases[2]);
    await expectCode(log.read(target - 1n, 100), "OFFSET_OUT_OF_RANGE");
    // The read at the new start returns the batch containing it.
    expect((await log.read(target, 1 << 20)).firstOffset).toBe(target - 1n);
    expect(await log.deleteRecordsBefore(1n)).toBe(target);
    await expectCode(log.deleteRecordsBefore(41n), "OFFSET_OUT_OF_RANGE");
    await log.close();
    const reopened = await PartitionLog.open("/p", { segmentBytes: 300 }, { disk });
    expect(reopened.logStartOffset).toBe(target);
    await expectCode(reopened.read(target - 1n, 100), "OFFSET_OUT_OF_RANGE");
  });

  it("deleting up to the log end keeps appends going at the same offsets", async () => {
    const disk = memoryDisk();
    const log = await PartitionLog.open("/p", {}, { disk });
    await log.append(batch(3), leader);
    await log.deleteRecordsBefore(3n);
    expect((await log.read(3n, 100)).bytes.length).toBe(0);
    expect((await log.append(batch(1), leader)).firstOffset).toBe(3n);
    await log.close();
    const reopened = await PartitionLog.open("/p", {}, { disk });
    expect(reopened.logStartOffset).toBe(3n);
    expect(reopened.logEndOffset).toBe(4n);
  });
});

describe("timestamps", () => {
  it("offsetForTimestamp finds the first offset whose timestamp is at or after a timestamp, across segments", async () => {
    const log = await PartitionLog.open(
      "/p",
      { segmentBytes: 400, indexIntervalBytes: 60 },
      { disk: memoryDisk() },
    );
    // Timestamps go up and down, as producers' clocks do.
    const ts = [100, 300, 200, 400, 350, 500, 450, 600, 700, 650];
    for (const t of ts) await log.append(batch(2, { timestamp: BigInt(t) }), leader);
    expect(await log.offsetForTimestamp(0n)).toEqual({ timestamp: 100n, offset: 0n });
    expect(await log.offsetForTimestamp(250n)).toEqual({ timestamp: 300n, offset: 2n });
    // The first in offset order, not the closest in time.
    expect(await log.offsetForTimestamp(201n)).toEqual({ timestamp: 300n, offset: 2n });
    expect(await log.offsetForTimestamp(451n)).toEqual({ timestamp: 500n, offset: 10n });
    expect(await log.offsetForTimestamp(651n)).toEqual({ timestamp: 700n, offset: 16n });
    expect(await log.offsetForTimestamp(702n)).toBeNull();
  });

  it("maxTimestampOffset returns the record with the largest timestamp", async () => {
    const log = await PartitionLog.open("/p", { segmentBytes: 300 }, { disk: memoryDisk() });
    expect(await log.maxTimestampOffset()).toBeNull();
    for (const t of [10, 900, 20, 30, 40, 50, 60])
      await log.append(batch(3, { timestamp: BigInt(t) }), leader);
    expect(await log.maxTimestampOffset()).toEqual({ timestamp: 902n, offset: 5n });
  });

  it("LogAppendTime batches resolve every record to the append time", async () => {
    const log = await PartitionLog.open("/p", {}, { disk: memoryDisk() });
    await log.append(batch(3, { timestamp: 5n }), { ...leader, logAppendTimeMs: 1000 });
    await log.append(batch(3, { timestamp: 5n }), { ...leader, logAppendTimeMs: 2000 });
    expect(await log.offsetForTimestamp(1500n)).toEqual({ timestamp: 2000n, offset: 3n });
    expect(await log.maxTimestampOffset()).toEqual({ timestamp: 2000n, offset: 3n });
  });
});
