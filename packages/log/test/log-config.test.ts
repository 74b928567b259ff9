/**
 * The topic configs a partition log applies, changed while it is open:
 * segment.bytes, segment.ms (on append and by maintenance, with jitter and
 * max.compaction.lag.ms), segment.index.bytes, retention reaching the active
 * segment, compaction scheduling (min.cleanable.dirty.ratio,
 * min/max.compaction.lag.ms, the cleaner checkpoint), flush.messages and
 * flush.ms.
 */
import { type LogDisk, type LogFile, memoryDisk, PartitionLog, resolveLogConfig } from "@runnel/log";
import { describe, expect, it } from "vitest";
import { batch, manualClock, records } from "./log-helpers.js";

const leader = { leaderEpoch: 1, assignOffsets: true } as const;

/** A disk that counts fsyncs of `.log` files. */
function syncCountingDisk(inner: LogDisk): LogDisk & { logSyncs: () => number } {
  let syncs = 0;
  const wrap = (path: string, f: LogFile): LogFile => ({
    read: (t, o, l, p) => f.read(t, o, l, p),
    write: (d, p) => f.write(d, p),
    truncate: (s) => f.truncate(s),
    size: () => f.size(),
    sync: async () => {
      if (path.endsWith(".log")) syncs++;
      await f.sync();
    },
    close: () => f.close(),
  });
  return {
    ...inner,
    open: async (p, o) => wrap(p, await inner.open(p, o)),
    logSyncs: () => syncs,
  };
}

async function readAll(log: PartitionLog) {
  const out: { offset: bigint; key: string | null; value: string | null }[] = [];
  let next = log.logStartOffset;
  while (next < log.logEndOffset) {
    const r = await log.read(next, 1 << 20);
    if (r.bytes.length === 0) break;
    out.push(...records(r.bytes));
    next = r.nextOffset;
  }
  return out;
}

describe("LogConfig", () => {
  it("accepts Kafka's smallest segment.bytes and segment.index.bytes and refuses what is out of range", () => {
    expect(resolveLogConfig({ segmentBytes: 14, segmentIndexBytes: 4 }).segmentBytes).toBe(14);
    expect(() => resolveLogConfig({ segmentBytes: 13 })).toThrow(RangeError);
    expect(() => resolveLogConfig({ minCleanableDirtyRatio: 1.5 })).toThrow(RangeError);
    expect(() => resolveLogConfig({ cleanupPolicy: ["delete", "shred" as "delete"] })).toThrow(RangeError);
    expect(resolveLogConfig({ cleanupPolicy: ["compact", "compact"] }).cleanupPolicy).toEqual(["compact"]);
  });
});

describe("updateConfig", () => {
  it("a smaller segment.bytes rolls at the next append, without reopening", async () => {
    const log = await PartitionLog.open("/p", {}, { disk: memoryDisk() });
    for (let i = 0; i < 10; i++) await log.append(batch(2), leader);
    expect(log.segmentCount).toBe(1);
    log.updateConfig({ segmentBytes: 300 });
    for (let i = 0; i < 10; i++) await log.append(batch(2), leader);
    expect(log.segmentCount).toBeGreaterThan(3);
    expect(log.config.segmentBytes).toBe(300);
    // Nothing else changed.
    expect(log.config.segmentMs).toBe(7 * 24 * 60 * 60 * 1000);
    expect(() => log.updateConfig({ segmentBytes: 1 })).toThrow(RangeError);
    expect(log.config.segmentBytes).toBe(300);
  });

  it("segment.index.bytes too small for an entry makes every batch its own segment, and reads still work", async () => {
    const disk = memoryDisk();
    const log = await PartitionLog.open("/p", { indexIntervalBytes: 0 }, { disk });
    await log.append(batch(1, { label: "first" }), leader);
    log.updateConfig({ segmentIndexBytes: 4 });
    await log.roll(); // the next segment is created with the new index size
    for (let i = 0; i < 5; i++) await log.append(batch(1, { label: `b${i}` }), leader);
    expect(log.segmentCount).toBe(6);
    expect((await readAll(log)).map((r) => r.value)).toEqual([
      "first-0",
      "b0-0",
      "b1-0",
      "b2-0",
      "b3-0",
      "b4-0",
    ]);
    await log.close();
    const reopened = await PartitionLog.open("/p", { indexIntervalBytes: 0, segmentIndexBytes: 4 }, { disk });
    expect(reopened.recovery.indexesRebuilt).toEqual([]);
    expect((await readAll(reopened)).map((r) => r.value)).toHaveLength(6);
  });

  it("closed segments written with larger indexes are not rebuilt after segment.index.bytes is lowered", async () => {
    const disk = memoryDisk();
    const log = await PartitionLog.open("/p", { segmentBytes: 600, indexIntervalBytes: 0 }, { disk });
    for (let i = 0; i < 30; i++) await log.append(batch(1), leader);
    await log.close();
    const reopened = await PartitionLog.open(
      "/p",
      { segmentBytes: 600, indexIntervalBytes: 0, segmentIndexBytes: 24 },
      { disk },
    );
    expect(reopened.recovery.indexesRebuilt.length).toBeLessThanOrEqual(1); // the active segment's, if any
    for (let o = 0n; o < 30n; o++) expect((await reopened.read(o, 1 << 20)).firstOffset).toBe(o);
  });
});

describe("segment.ms", () => {
  it("rollIfDue rolls an idle active segment by the clock once it is segmentMs old", async () => {
    const clock = manualClock(1_000_000);
    const log = await PartitionLog.open("/p", { segmentMs: 60_000 }, { disk: memoryDisk(), clock });
    expect(await log.rollIfDue()).toBe(false); // empty
    await log.append(batch(1, { timestamp: 1_000_000n }), leader);
    clock.advance(59_999);
    expect(await log.rollIfDue()).toBe(false);
    clock.advance(1);
    expect(await log.rollIfDue()).toBe(true);
    expect(log.segmentBaseOffsets()).toEqual([0n, 1n]);
    expect(await log.rollIfDue()).toBe(false); // the new one is empty
  });

  it("a segment rolls earlier by its jitter, drawn below min(segment.jitter.ms, segment.ms)", async () => {
    const clock = manualClock(1_000_000);
    const log = await PartitionLog.open(
      "/p",
      { segmentMs: 60_000, segmentJitterMs: 20_000 },
      { disk: memoryDisk(), clock, random: () => 0.5 },
    );
    await log.append(batch(1, { timestamp: 1_000_000n }), leader);
    clock.advance(49_999);
    expect(await log.rollIfDue()).toBe(false);
    clock.advance(1); // 60s - 10s of jitter
    expect(await log.rollIfDue()).toBe(true);
  });

  it("a compacted log rolls by max.compaction.lag.ms when that is shorter than segment.ms", async () => {
    const clock = manualClock(1_000_000);
    const log = await PartitionLog.open(
      "/p",
      { segmentMs: 600_000, maxCompactionLagMs: 30_000 },
      { disk: memoryDisk(), clock },
    );
    await log.append(batch(1, { keys: ["k"], timestamp: 1_000_000n }), leader);
    await log.append(batch(1, { keys: ["k"], timestamp: 1_030_000n }), leader);
    expect(log.segmentCount).toBe(1); // not compacted: the lag does not roll
    log.updateConfig({ cleanupPolicy: ["compact"] });
    await log.append(batch(1, { keys: ["k"], timestamp: 1_030_001n }), leader);
    expect(log.segmentCount).toBe(2);
  });
});

describe("retention with the topic's settings", () => {
  it("deletes the active segment too once it has expired, rolling a new one at the log end (Kafka's rule)", async () => {
    const disk = memoryDisk();
    const log = await PartitionLog.open("/p", { segmentBytes: 300 }, { disk });
    for (let i = 0; i < 10; i++) await log.append(batch(2, { timestamp: 1000n }), leader);
    const report = await log.applyRetention({ retentionMs: 1000, retentionBytes: -1, now: 5000 });
    expect(report.segmentsDeleted).toBeGreaterThan(1);
    expect(log.logStartOffset).toBe(20n);
    expect(log.logEndOffset).toBe(20n);
    expect(log.sizeInBytes).toBe(0);
    expect((await log.append(batch(1), leader)).firstOffset).toBe(20n);
    await log.close();
    const reopened = await PartitionLog.open("/p", { segmentBytes: 300 }, { disk });
    expect(reopened.logStartOffset).toBe(20n);
    expect((await readAll(reopened)).map((r) => r.offset)).toEqual([20n]);
  });

  it("keeps an active segment without timestamps until it is retentionMs old by the clock", async () => {
    const clock = manualClock(10_000);
    const log = await PartitionLog.open("/p", {}, { disk: memoryDisk(), clock });
    await log.append(batch(1, { timestamp: -1n, maxTimestamp: -1n }), leader);
    await log.applyRetention({ retentionMs: 1000, retentionBytes: -1, now: 10_500 });
    expect(log.logStartOffset).toBe(0n);
    await log.applyRetention({ retentionMs: 1000, retentionBytes: -1, now: 11_001 });
    expect(log.logStartOffset).toBe(1n);
  });

  it("maintain applies retention only when cleanup.policy includes delete", async () => {
    const clock = manualClock(100_000);
    const log = await PartitionLog.open(
      "/p",
      { segmentBytes: 300, retentionMs: 1000, cleanupPolicy: ["compact"] },
      { disk: memoryDisk(), clock },
    );
    for (let i = 0; i < 10; i++) await log.append(batch(2, { keys: ["a", "b"], timestamp: 1000n }), leader);
    const compactOnly = await log.maintain();
    expect(compactOnly.retention).toBeNull();
    expect(log.logStartOffset).toBe(0n);
    log.updateConfig({ cleanupPolicy: ["compact", "delete"] });
    const both = await log.maintain();
    expect(both.retention?.segmentsDeleted).toBeGreaterThan(0);
    expect(log.logStartOffset).toBe(20n);
  });
});

describe("compaction scheduling", () => {
  async function keyed(log: PartitionLog, count: number, timestamp = 1000n) {
    for (let i = 0; i < count; i++) {
      await log.append(batch(1, { keys: [`k${i % 2}`], values: [`v${i}`], timestamp }), leader);
    }
  }

  it("is due when the dirty share exceeds min.cleanable.dirty.ratio, and the checkpoint then marks it clean", async () => {
    const disk = memoryDisk();
    const log = await PartitionLog.open("/p", { segmentBytes: 400, cleanupPolicy: ["compact"] }, { disk });
    await keyed(log, 20);
    const before = await log.cleanableState(5000);
    expect(before.firstDirtyOffset).toBe(0n);
    expect(before.cleanBytes).toBe(0);
    expect(before.dirtyRatio).toBe(1);
    expect(before.due).toBe(true);
    const report = await log.compactIfDue(5000);
    expect(report?.segmentsCleaned).toBeGreaterThan(0);
    const after = await log.cleanableState(5000);
    expect(after.firstDirtyOffset).toBe(report?.cleanedUpTo);
    expect(after.cleanableBytes).toBe(0);
    expect(after.due).toBe(false);
    expect(await log.compactIfDue(5000)).toBeNull();
    // The checkpoint survives a restart.
    await log.close();
    const reopened = await PartitionLog.open(
      "/p",
      { segmentBytes: 400, cleanupPolicy: ["compact"] },
      { disk },
    );
    expect((await reopened.cleanableState(5000)).firstDirtyOffset).toBe(after.firstDirtyOffset);
  });

  it("with ratio 0.99 a little new data is not enough; with 0 any dirty byte is", async () => {
    const log = await PartitionLog.open(
      "/p",
      { segmentBytes: 400, cleanupPolicy: ["compact"], minCleanableDirtyRatio: 0.99 },
      { disk: memoryDisk() },
    );
    await keyed(log, 20);
    await log.compact({ deleteRetentionMs: 0, now: 5000 });
    await keyed(log, 8);
    await log.roll();
    const state = await log.cleanableState(5000);
    expect(state.cleanableBytes).toBeGreaterThan(0);
    expect(state.dirtyRatio).toBeLessThan(0.99);
    expect(state.due).toBe(false);
    log.updateConfig({ minCleanableDirtyRatio: 0 });
    expect((await log.cleanableState(5000)).due).toBe(true);
  });

  it("max.compaction.lag.ms makes a pass due whatever the ratio once a dirty record is older", async () => {
    const log = await PartitionLog.open(
      "/p",
      {
        segmentBytes: 400,
        cleanupPolicy: ["compact"],
        minCleanableDirtyRatio: 1,
        maxCompactionLagMs: 10_000,
      },
      { disk: memoryDisk() },
    );
    await keyed(log, 20, 1000n);
    expect((await log.cleanableState(10_999)).due).toBe(false);
    const state = await log.cleanableState(11_001);
    expect(state.pastMaxCompactionLag).toBe(true);
    expect(state.due).toBe(true);
    expect((await log.compactIfDue(11_001))?.segmentsCleaned).toBeGreaterThan(0);
  });

  it("min.compaction.lag.ms never lets a pass touch records newer than the lag", async () => {
    const log = await PartitionLog.open(
      "/p",
      { segmentBytes: 400, cleanupPolicy: ["compact"], minCompactionLagMs: 60_000 },
      { disk: memoryDisk() },
    );
    await keyed(log, 20, 100_000n);
    await log.roll();
    const young = await log.cleanableState(120_000);
    expect(young.cleanableBytes).toBe(0);
    expect(young.firstUncleanableOffset).toBe(0n);
    expect(await log.compactIfDue(120_000)).toBeNull();
    const report = await log.compact({ deleteRetentionMs: 0, minCompactionLagMs: 60_000, now: 120_000 });
    expect(report.segmentsCleaned).toBe(0);
    expect((await readAll(log)).length).toBe(20);
    const old = await log.cleanableState(160_001);
    expect(old.due).toBe(true);
    await log.maintain(160_001);
    expect((await readAll(log)).map((r) => r.value)).toEqual(["v18", "v19"]);
  });

  it("a truncation below the checkpoint makes what is written again dirty", async () => {
    const log = await PartitionLog.open(
      "/p",
      { segmentBytes: 400, cleanupPolicy: ["compact"] },
      { disk: memoryDisk() },
    );
    await keyed(log, 20);
    await log.roll();
    await log.compact({ deleteRetentionMs: 0, now: 5000 });
    expect((await log.cleanableState(5000)).firstDirtyOffset).toBe(20n);
    await log.truncateTo(10n);
    expect((await log.cleanableState(5000)).firstDirtyOffset).toBe(10n);
  });
});

describe("flush.messages and flush.ms", () => {
  it("fsyncs once flush.messages records wait", async () => {
    const disk = syncCountingDisk(memoryDisk());
    const log = await PartitionLog.open("/p", { flushMessages: 5 }, { disk });
    const base = disk.logSyncs();
    await log.append(batch(3), leader);
    expect(log.unflushedRecords).toBe(3);
    expect(disk.logSyncs()).toBe(base);
    await log.append(batch(2), leader);
    expect(disk.logSyncs()).toBe(base + 1);
    expect(log.unflushedRecords).toBe(0);
    log.updateConfig({ flushMessages: 1 });
    await log.append(batch(1), leader);
    expect(disk.logSyncs()).toBe(base + 2);
  });

  it("flushIfDue fsyncs when records wait and flush.ms has passed since the last fsync", async () => {
    const clock = manualClock(0);
    const disk = syncCountingDisk(memoryDisk());
    const log = await PartitionLog.open("/p", { flushMs: 1000 }, { disk, clock });
    const base = disk.logSyncs();
    clock.set(5000);
    expect(await log.flushIfDue()).toBe(false); // nothing waits
    await log.append(batch(1), leader);
    expect(await log.flushIfDue()).toBe(true);
    expect(disk.logSyncs()).toBe(base + 1);
    await log.append(batch(1), leader);
    clock.set(5999);
    expect(await log.flushIfDue()).toBe(false);
    clock.set(6000);
    expect((await log.maintain()).flushed).toBe(true);
    expect(disk.logSyncs()).toBe(base + 2);
  });

  it("by default never fsyncs an append", async () => {
    const disk = syncCountingDisk(memoryDisk());
    const log = await PartitionLog.open("/p", {}, { disk });
    const base = disk.logSyncs();
    for (let i = 0; i < 50; i++) await log.append(batch(5), leader);
    expect(await log.flushIfDue(Date.now() + 86_400_000)).toBe(false);
    expect(disk.logSyncs()).toBe(base);
  });
});
