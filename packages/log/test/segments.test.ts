import { readdir } from "node:fs/promises";
import {
  decodeRecordBatch,
  encodeRecordBatch,
  LogStorageError,
  memoryDisk,
  PartitionLog,
  readBatchHeader,
  verifyBatchCrc,
} from "@runnel/log";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { baseOffsets, batch, concat, crashingDisk, manualClock, records, tempDir } from "./log-helpers.js";

const leader = { leaderEpoch: 7, assignOffsets: true } as const;

async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  await expect(p).rejects.toSatisfy((e: unknown) => e instanceof LogStorageError && e.code === code);
}

describe("append and read", () => {
  it("assigns offsets, rolls segments by size, and reads everything back in order", async () => {
    const dir = await tempDir();
    const log = await PartitionLog.open(dir, { segmentBytes: 1024, indexIntervalBytes: 100 });
    expect(log.logEndOffset).toBe(0n);
    for (let i = 0; i < 30; i++) {
      const r = await log.append(batch(3, { label: `b${i}` }), leader);
      expect(r).toMatchObject({
        firstOffset: BigInt(i * 3),
        lastOffset: BigInt(i * 3 + 2),
        duplicate: false,
      });
    }
    expect(log.logEndOffset).toBe(90n);
    expect(log.segmentCount).toBeGreaterThanOrEqual(3);
    const files = await readdir(dir);
    for (const f of [
      "00000000000000000000.log",
      "00000000000000000000.index",
      "00000000000000000000.timeindex",
    ]) {
      expect(files).toContain(f);
    }
    let next = 0n;
    const seen: string[] = [];
    while (next < log.logEndOffset) {
      const r = await log.read(next, 300);
      expect(r.bytes.length).toBeGreaterThan(0);
      for (const rec of records(r.bytes)) seen.push(`${rec.offset}:${rec.value}`);
      next = r.nextOffset;
    }
    expect(seen).toEqual(Array.from({ length: 90 }, (_, i) => `${i}:b${Math.floor(i / 3)}-${i % 3}`));
    await log.close();
  });

  it("rolls and reopens segments of batches without timestamps (NO_TIMESTAMP leaves the time index empty)", async () => {
    // Regression: rolling a segment whose batches all had timestamp -1 wrote a
    // time-index entry for offset -1 and failed the append.
    const dir = await tempDir();
    const log = await PartitionLog.open(dir, { segmentBytes: 1024, indexIntervalBytes: 100 });
    for (let i = 0; i < 60; i++) {
      await log.append(encodeRecordBatch({ records: [{ value: Buffer.from(`m${i}`) }] }), leader);
    }
    expect(log.segmentCount).toBeGreaterThan(1);
    await log.close();
    const again = await PartitionLog.open(dir, { segmentBytes: 1024, indexIntervalBytes: 100 });
    expect(again.logEndOffset).toBe(60n);
    expect(await again.offsetForTimestamp(0n)).toBeNull();
    await again.close();
  });

  it("rewrites baseOffset and partitionLeaderEpoch in place and keeps the CRC valid", async () => {
    const log = await PartitionLog.open("/p", {}, { disk: memoryDisk() });
    await log.append(batch(2), leader);
    const bytes = batch(4);
    await log.append(bytes, { leaderEpoch: 9, assignOffsets: true });
    const h = readBatchHeader(bytes);
    expect(h.ok && h.value.baseOffset).toBe(2n);
    expect(h.ok && h.value.partitionLeaderEpoch).toBe(9);
    const r = await log.read(2n, 1 << 20);
    expect(Buffer.compare(r.bytes, bytes)).toBe(0);
    expect(verifyBatchCrc(r.bytes)).toBe(true);
  });

  it("returns the whole batch that contains the offset asked for", async () => {
    const log = await PartitionLog.open("/p", {}, { disk: memoryDisk() });
    await log.append(batch(5), leader);
    await log.append(batch(5), leader);
    const r = await log.read(7n, 1 << 20);
    expect(r.firstOffset).toBe(5n);
    expect(baseOffsets(r.bytes)).toEqual([5n]);
    expect(r.nextOffset).toBe(10n);
  });

  it("stops at maxBytes with whole batches, and returns one oversized batch only with minOneBatch", async () => {
    const log = await PartitionLog.open("/p", {}, { disk: memoryDisk() });
    const sizes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const b = batch(2, { label: `x${i}` });
      sizes.push(b.length);
      await log.append(b, leader);
    }
    const two = (sizes[0] as number) + (sizes[1] as number);
    const r = await log.read(0n, two + 10);
    expect(baseOffsets(r.bytes)).toEqual([0n, 2n]);
    expect(r.bytes.length).toBe(two);
    expect((await log.read(0n, 10)).bytes.length).toBe(0);
    const one = await log.read(0n, 10, { minOneBatch: true });
    expect(baseOffsets(one.bytes)).toEqual([0n]);
  });

  it("never returns a batch reaching maxOffset (the high watermark)", async () => {
    const log = await PartitionLog.open("/p", {}, { disk: memoryDisk() });
    for (let i = 0; i < 4; i++) await log.append(batch(3), leader);
    expect(baseOffsets((await log.read(0n, 1 << 20, { maxOffset: 6n })).bytes)).toEqual([0n, 3n]);
    expect(baseOffsets((await log.read(0n, 1 << 20, { maxOffset: 7n })).bytes)).toEqual([0n, 3n]);
    const atHw = await log.read(6n, 1 << 20, { maxOffset: 6n });
    expect(atHw.bytes.length).toBe(0);
    expect(atHw.nextOffset).toBe(6n);
  });

  it("refuses offsets outside [logStartOffset, logEndOffset] with OFFSET_OUT_OF_RANGE", async () => {
    const log = await PartitionLog.open("/p", {}, { disk: memoryDisk() });
    await log.append(batch(3), leader);
    await expectCode(log.read(4n, 100), "OFFSET_OUT_OF_RANGE");
    await expectCode(log.read(-1n, 100), "OFFSET_OUT_OF_RANGE");
    const atEnd = await log.read(3n, 100);
    expect(atEnd.bytes.length).toBe(0);
  });

  it("refuses bytes that are not whole batches with CORRUPT_MESSAGE", async () => {
    const log = await PartitionLog.open("/p", {}, { disk: memoryDisk() });
    const b = batch(2);
    await expectCode(log.append(b.subarray(0, b.length - 1), leader), "CORRUPT_MESSAGE");
    await expectCode(log.append(new Uint8Array(0), leader), "CORRUPT_MESSAGE");
    expect(log.logEndOffset).toBe(0n);
  });

  it("appends several batches at once with consecutive offsets", async () => {
    const log = await PartitionLog.open("/p", {}, { disk: memoryDisk() });
    const r = await log.append(concat(batch(2), batch(3), batch(1)), leader);
    expect(r).toMatchObject({ firstOffset: 0n, lastOffset: 5n });
    expect(baseOffsets((await log.read(0n, 1 << 20)).bytes)).toEqual([0n, 2n, 5n]);
  });

  it("stamps LogAppendTime into the batch (attribute, max timestamp, CRC)", async () => {
    const log = await PartitionLog.open("/p", {}, { disk: memoryDisk() });
    const r = await log.append(batch(2), { ...leader, logAppendTimeMs: 1_800_000_000_000 });
    expect(r.logAppendTimeMs).toBe(1_800_000_000_000);
    const read = await log.read(0n, 1 << 20);
    const d = decodeRecordBatch(read.bytes);
    expect(d.ok && d.value.timestampType).toBe("log-append-time");
    expect(d.ok && d.value.maxTimestamp).toBe(1_800_000_000_000n);
  });

  it("follower appends keep their offsets, allow gaps, and refuse overlaps", async () => {
    const log = await PartitionLog.open("/p", {}, { disk: memoryDisk() });
    const follower = { leaderEpoch: 3, assignOffsets: false } as const;
    await log.append(batch(3, { baseOffset: 0n, partitionLeaderEpoch: 2 }), follower);
    await log.append(batch(2, { baseOffset: 10n, partitionLeaderEpoch: 2 }), follower);
    expect(log.logEndOffset).toBe(12n);
    await expectCode(log.append(batch(1, { baseOffset: 11n }), follower), "INVALID_APPEND_OFFSET");
    const r = await log.read(5n, 1 << 20);
    expect(r.firstOffset).toBe(10n);
    const h = readBatchHeader(r.bytes);
    expect(h.ok && h.value.partitionLeaderEpoch).toBe(2);
  });

  it("rolls by segmentMs using the injected clock", async () => {
    const clock = manualClock(1_000_000);
    const log = await PartitionLog.open("/p", { segmentMs: 60_000 }, { disk: memoryDisk(), clock });
    await log.append(batch(1, { timestamp: 1_000_000n }), leader);
    clock.advance(59_999);
    await log.append(batch(1, { timestamp: 1_059_999n }), leader);
    expect(log.segmentCount).toBe(1);
    clock.advance(1);
    await log.append(batch(1, { timestamp: 1_060_000n }), leader);
    expect(log.segmentBaseOffsets()).toEqual([0n, 2n]);
  });

  it("rolls when the offset index is full", async () => {
    const log = await PartitionLog.open(
      "/p",
      { segmentIndexBytes: 24, indexIntervalBytes: 0 },
      { disk: memoryDisk() },
    );
    for (let i = 0; i < 10; i++) await log.append(batch(1), leader);
    expect(log.segmentCount).toBeGreaterThan(2);
    for (let o = 0n; o < 10n; o++) expect((await log.read(o, 1 << 20)).firstOffset).toBe(o);
  });

  it("truncateTo removes the suffix, across segments, and appends continue from there", async () => {
    const log = await PartitionLog.open("/p", { segmentBytes: 300 }, { disk: memoryDisk() });
    for (let i = 0; i < 20; i++) await log.append(batch(2, { label: `a${i}` }), leader);
    const segments = log.segmentCount;
    expect(await log.truncateTo(13n)).toBe(true);
    expect(log.logEndOffset).toBe(12n);
    expect(log.segmentCount).toBeLessThan(segments);
    const r = await log.append(batch(1, { label: "new" }), leader);
    expect(r.firstOffset).toBe(12n);
    const all: string[] = [];
    let next = 0n;
    while (next < log.logEndOffset) {
      const read = await log.read(next, 1 << 20);
      for (const rec of records(read.bytes)) all.push(`${rec.offset}:${rec.value}`);
      next = read.nextOffset;
    }
    expect(all.at(-1)).toBe("12:new-0");
    expect(all).toHaveLength(13);
    expect(await log.truncateTo(100n)).toBe(false);
  });

  it("an I/O error fails the log with KAFKA_STORAGE_ERROR until it is reopened", async () => {
    const inner = memoryDisk();
    const disk = crashingDisk(inner);
    const log = await PartitionLog.open("/p", {}, { disk });
    await log.append(batch(1), leader);
    disk.failAfter(1);
    await expectCode(log.append(batch(1), leader), "KAFKA_STORAGE_ERROR");
    await expectCode(log.read(0n, 100), "KAFKA_STORAGE_ERROR");
    const reopened = await PartitionLog.open("/p", {}, { disk: inner });
    expect(reopened.logEndOffset).toBe(1n);
    expect((await reopened.read(0n, 1000)).firstOffset).toBe(0n);
  });

  it("rolls by segmentMs from the clock when batches carry no timestamp", async () => {
    const clock = manualClock(5_000);
    const log = await PartitionLog.open("/p", { segmentMs: 1000 }, { disk: memoryDisk(), clock });
    await log.append(batch(1, { timestamp: -1n, maxTimestamp: -1n }), leader);
    clock.advance(999);
    await log.append(batch(1, { timestamp: -1n, maxTimestamp: -1n }), leader);
    expect(log.segmentCount).toBe(1);
    clock.advance(1);
    await log.append(batch(1, { timestamp: -1n, maxTimestamp: -1n }), leader);
    expect(log.segmentCount).toBe(2);
  });
});

describe("index lookups (property)", () => {
  it("read and offsetForTimestamp agree with a naive scan", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            count: fc.integer({ min: 1, max: 6 }),
            ts: fc.integer({ min: 0, max: 50 }),
            pad: fc.nat(300),
          }),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        fc.integer({ min: 200, max: 2000 }),
        fc.integer({ min: 0, max: 500 }),
        async (specs, segmentBytes, indexIntervalBytes) => {
          const log = await PartitionLog.open(
            "/p",
            { segmentBytes, indexIntervalBytes },
            { disk: memoryDisk() },
          );
          const naive: { base: bigint; last: bigint; maxTs: bigint; ts: bigint[] }[] = [];
          for (const s of specs) {
            const b = batch(s.count, { timestamp: BigInt(s.ts), label: "p".repeat(s.pad) });
            const r = await log.append(b, leader);
            naive.push({
              base: r.firstOffset,
              last: r.lastOffset,
              maxTs: BigInt(s.ts + s.count - 1),
              ts: Array.from({ length: s.count }, (_, i) => BigInt(s.ts + i)),
            });
          }
          for (let o = 0n; o < log.logEndOffset; o++) {
            const r = await log.read(o, 1, { minOneBatch: true });
            const expected = naive.find((b) => b.base <= o && o <= b.last);
            expect(r.firstOffset).toBe(expected?.base);
          }
          for (let t = 0n; t <= 56n; t += 3n) {
            let expected: { timestamp: bigint; offset: bigint } | null = null;
            for (const b of naive) {
              const i = b.ts.findIndex((x) => x >= t);
              if (i >= 0) {
                expected = { timestamp: b.ts[i] as bigint, offset: b.base + BigInt(i) };
                break;
              }
            }
            expect(await log.offsetForTimestamp(t)).toEqual(expected);
          }
          await log.close();
        },
      ),
      { numRuns: 40 },
    );
  });
});
