import { readFile, rm, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { memoryDisk, PartitionLog } from "@runnel/log";
import { describe, expect, it } from "vitest";
import { batch, records, tempDir } from "./log-helpers.js";

const leader = { leaderEpoch: 1, assignOffsets: true } as const;
const seg0 = "/p/00000000000000000000";

async function readAll(log: PartitionLog): Promise<{ offset: bigint; value: string | null }[]> {
  const out: { offset: bigint; value: string | null }[] = [];
  let next = log.logStartOffset;
  while (next < log.logEndOffset) {
    const r = await log.read(next, 1 << 20);
    if (r.bytes.length === 0) break;
    out.push(...records(r.bytes).map(({ offset, value }) => ({ offset, value })));
    next = r.nextOffset;
  }
  return out;
}

describe("crash recovery", () => {
  it("cut anywhere in the last batch (plus garbage): a clean prefix of whole batches, indexes rebuilt, appends continue", async () => {
    const disk = memoryDisk();
    const log = await PartitionLog.open("/p", { indexIntervalBytes: 50 }, { disk });
    for (let i = 0; i < 8; i++) await log.append(batch(2, { label: `r${i}` }), leader);
    const lastSize = batch(2, { label: "r7" }).length;
    await log.close();
    const whole = disk.readRaw(`${seg0}.log`) as Uint8Array;
    const cleanIndex = disk.readRaw(`${seg0}.index`) as Uint8Array;
    const prefix = whole.length - lastSize;
    for (let cut = prefix; cut < whole.length; cut++) {
      for (const garbage of [new Uint8Array(0), new Uint8Array(15).fill(0xee)]) {
        const d = memoryDisk();
        d.writeRaw(`${seg0}.log`, Buffer.concat([whole.subarray(0, cut), garbage]));
        d.writeRaw(`${seg0}.index`, cleanIndex);
        const reopened = await PartitionLog.open("/p", { indexIntervalBytes: 50 }, { disk: d });
        expect(reopened.logEndOffset, `cut ${cut} garbage ${garbage.length}`).toBe(14n);
        expect(reopened.recovery.truncatedBytes).toBe(cut - prefix + garbage.length);
        expect((d.readRaw(`${seg0}.log`) as Uint8Array).length).toBe(prefix);
        const all = await readAll(reopened);
        expect(all.map((r) => r.offset)).toEqual(Array.from({ length: 14 }, (_, i) => BigInt(i)));
        // The index must not point past the cut.
        const index = d.readRaw(`${seg0}.index`) as Uint8Array;
        const v = new DataView(index.buffer, index.byteOffset, index.byteLength);
        for (let i = 0; i < index.length; i += 8) expect(v.getInt32(i + 4)).toBeLessThan(prefix);
        const r = await reopened.append(batch(1, { label: "after" }), leader);
        expect(r.firstOffset).toBe(14n);
        await reopened.close();
      }
    }
  });

  it("a flipped byte inside the active segment cuts the log before that batch", async () => {
    const dir = await tempDir();
    const log = await PartitionLog.open(dir, {});
    const sizes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const b = batch(3, { label: `c${i}` });
      sizes.push(b.length);
      await log.append(b, leader);
    }
    await log.close();
    const path = join(dir, "00000000000000000000.log");
    const bytes = await readFile(path);
    const third = (sizes[0] as number) + (sizes[1] as number);
    bytes[third + 70] = (bytes[third + 70] as number) ^ 0xff;
    await writeFile(path, bytes);
    const reopened = await PartitionLog.open(dir, {});
    expect(reopened.logEndOffset).toBe(6n);
    expect(reopened.recovery.problems.join()).toMatch(/CRC/);
    expect((await readAll(reopened)).map((r) => r.value)).toEqual([
      "c0-0",
      "c0-1",
      "c0-2",
      "c1-0",
      "c1-1",
      "c1-2",
    ]);
    await reopened.close();
  });

  it("deleted index files are rebuilt identically, for closed and active segments", async () => {
    const dir = await tempDir();
    const config = { segmentBytes: 2000, indexIntervalBytes: 100 };
    const log = await PartitionLog.open(dir, config);
    for (let i = 0; i < 60; i++)
      await log.append(batch(2, { label: `i${i}`, timestamp: BigInt(1000 + (i % 7) * 10) }), leader);
    const bases = log.segmentBaseOffsets();
    expect(bases.length).toBeGreaterThan(2);
    await log.close();
    const names = bases.flatMap((b) => {
      const stem = b.toString().padStart(20, "0");
      return [`${stem}.index`, `${stem}.timeindex`];
    });
    const before = await Promise.all(names.map((n) => readFile(join(dir, n))));
    expect(before.some((b) => b.length > 0)).toBe(true);
    for (const n of names) await rm(join(dir, n));
    const reopened = await PartitionLog.open(dir, config);
    expect(reopened.recovery.indexesRebuilt).toEqual(bases);
    const after = await Promise.all(names.map((n) => readFile(join(dir, n))));
    expect(after).toEqual(before);
    expect((await readAll(reopened)).length).toBe(120);
    expect(await reopened.offsetForTimestamp(1060n)).toEqual({ timestamp: 1060n, offset: 12n });
    await reopened.close();
  });

  it("a damaged index of a closed segment is rebuilt when loaded", async () => {
    const dir = await tempDir();
    const config = { segmentBytes: 1000, indexIntervalBytes: 100 };
    const log = await PartitionLog.open(dir, config);
    for (let i = 0; i < 30; i++) await log.append(batch(2, { label: `d${i}` }), leader);
    await log.close();
    const index = join(dir, "00000000000000000000.index");
    const good = await readFile(index);
    expect(good.length).toBeGreaterThanOrEqual(16);
    // Swap two entries: whole entries, sane last entry, but out of order.
    const bad = Buffer.from(good);
    good.copy(bad, 0, 8, 16);
    good.copy(bad, 8, 0, 8);
    await writeFile(index, bad);
    const reopened = await PartitionLog.open(dir, config);
    expect((await readAll(reopened)).length).toBe(60);
    expect(await readFile(index)).toEqual(good);
    await reopened.close();
  });

  it("a corrupt closed segment keeps its good prefix and drops later segments", async () => {
    const disk = memoryDisk();
    const config = { segmentBytes: 400 };
    const log = await PartitionLog.open("/p", config, { disk });
    for (let i = 0; i < 20; i++) await log.append(batch(2, { label: `k${i}` }), leader);
    const bases = log.segmentBaseOffsets();
    await log.close();
    const second = `/p/${(bases[1] as bigint).toString().padStart(20, "0")}`;
    const bytes = disk.readRaw(`${second}.log`) as Uint8Array;
    bytes[bytes.length - 5] = (bytes[bytes.length - 5] as number) ^ 0xff;
    disk.writeRaw(`${second}.log`, bytes);
    await disk.remove(`${second}.index`);
    const reopened = await PartitionLog.open("/p", config, { disk });
    expect(reopened.segmentBaseOffsets()).toEqual(bases.slice(0, 2));
    expect(reopened.recovery.segmentsDropped).toEqual(bases.slice(2));
    const all = await readAll(reopened);
    expect(all.map((r) => r.offset)).toEqual(Array.from({ length: all.length }, (_, i) => BigInt(i)));
    expect(reopened.logEndOffset).toBe(BigInt(all.length));
    const r = await reopened.append(batch(1), leader);
    expect(r.firstOffset).toBe(BigInt(all.length));
  });

  it("removes leftover temporary files and orphan indexes", async () => {
    const dir = await tempDir();
    const log = await PartitionLog.open(dir, {});
    await log.append(batch(1), leader);
    await log.close();
    await writeFile(join(dir, "log-start-offset.checkpoint.tmp"), "x");
    await writeFile(join(dir, "00000000000000000099.index"), Buffer.alloc(8));
    const reopened = await PartitionLog.open(dir, {});
    expect([...reopened.recovery.filesRemoved].sort()).toEqual([
      "00000000000000000099.index",
      "log-start-offset.checkpoint.tmp",
    ]);
    await reopened.close();
  });

  it("a torn write on the real disk (file cut mid-batch) recovers to whole batches", async () => {
    const dir = await tempDir();
    const log = await PartitionLog.open(dir, {});
    for (let i = 0; i < 3; i++) await log.append(batch(4), leader);
    await log.close();
    const path = join(dir, "00000000000000000000.log");
    const size = (await readFile(path)).length;
    await truncate(path, size - 3);
    const reopened = await PartitionLog.open(dir, {});
    expect(reopened.logEndOffset).toBe(8n);
    await reopened.close();
  });
});
