import { decodeRecordBatch, memoryDisk, PartitionLog, splitBatches } from "@runnel/log";
import { describe, expect, it } from "vitest";
import { batch, crashingDisk, records } from "./log-helpers.js";

const leader = { leaderEpoch: 1, assignOffsets: true } as const;
const config = { segmentBytes: 400 };

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

/** The last value written per key, by the writer's own record of history. */
function latestByKey(history: { offset: bigint; key: string; value: string | null }[]) {
  const m = new Map<string, { offset: bigint; value: string | null }>();
  for (const h of history) m.set(h.key, { offset: h.offset, value: h.value });
  return m;
}

async function writeKeys(log: PartitionLog, rounds: number, keys: number) {
  const history: { offset: bigint; key: string; value: string | null }[] = [];
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < keys; k++) {
      const value = round === rounds - 1 && k === 0 ? null : `v${round}`;
      const r = await log.append(batch(1, { keys: [`k${k}`], values: [value], timestamp: 1000n }), leader);
      history.push({ offset: r.firstOffset, key: `k${k}`, value });
    }
  }
  return history;
}

describe("compaction", () => {
  it("keeps the latest value per key, with unchanged offsets", async () => {
    const log = await PartitionLog.open("/p", config, { disk: memoryDisk() });
    const history = await writeKeys(log, 6, 4);
    await log.roll();
    const before = log.sizeInBytes;
    const report = await log.compact({ deleteRetentionMs: 60_000, now: 2000 });
    expect(report.segmentsCleaned).toBeGreaterThan(1);
    expect(report.bytesAfter).toBeLessThan(report.bytesBefore);
    expect(log.sizeInBytes).toBeLessThan(before);
    const all = await readAll(log);
    const latest = latestByKey(history);
    expect(all.map((r) => r.offset)).toEqual(
      [...latest.values()].map((v) => v.offset).sort((a, b) => Number(a - b)),
    );
    for (const r of all) expect(latest.get(r.key as string)).toEqual({ offset: r.offset, value: r.value });
    // A read from a compacted-away offset returns the next batch.
    expect((await log.read(0n, 1 << 20)).firstOffset).toBe(all[0]?.offset);
    expect(log.logEndOffset).toBe(24n);
  });

  it("keeps tombstones until delete.retention.ms after their first cleaning, then drops them", async () => {
    const log = await PartitionLog.open("/p", config, { disk: memoryDisk() });
    await writeKeys(log, 3, 3);
    await log.roll();
    await log.compact({ deleteRetentionMs: 60_000, now: 10_000 });
    let all = await readAll(log);
    expect(all.find((r) => r.key === "k0")?.value).toBeNull();
    // The tombstone's batch now carries a delete horizon.
    const read = await log.read(all.find((r) => r.key === "k0")?.offset as bigint, 1 << 20);
    const first = splitBatches(read.bytes).next().value;
    const decoded = first?.kind === "batch" ? decodeRecordBatch(first.bytes) : null;
    expect(decoded?.ok && decoded.value.hasDeleteHorizonMs).toBe(true);
    expect(decoded?.ok && decoded.value.baseTimestamp).toBe(70_000n);
    await log.compact({ deleteRetentionMs: 60_000, now: 69_999 });
    expect((await readAll(log)).some((r) => r.key === "k0")).toBe(true);
    const report = await log.compact({ deleteRetentionMs: 60_000, now: 70_000 });
    expect(report.tombstonesRemoved).toBe(1);
    all = await readAll(log);
    expect(all.some((r) => r.key === "k0")).toBe(false);
    expect(all.map((r) => r.key).sort()).toEqual(["k1", "k2"]);
  });

  it("never touches the active segment", async () => {
    const log = await PartitionLog.open("/p", {}, { disk: memoryDisk() });
    await writeKeys(log, 4, 2);
    const report = await log.compact({ deleteRetentionMs: 0, now: 10_000 });
    expect(report.segmentsCleaned).toBe(0);
    expect((await readAll(log)).length).toBe(8);
  });

  it("keeps a producer's latest batch as an empty header so its sequence survives", async () => {
    const disk = memoryDisk();
    const log = await PartitionLog.open("/p", config, { disk });
    const idem = (seq: number, value: string) =>
      batch(1, { keys: ["same"], values: [value], producerId: 5n, producerEpoch: 0, baseSequence: seq });
    await log.append(idem(0, "a"), leader);
    await log.append(idem(1, "b"), leader);
    await log.append(batch(1, { keys: ["same"], values: ["c"] }), leader); // newer value, no producer
    await log.roll();
    await log.compact({ deleteRetentionMs: 0, now: 5000 });
    const bytes = (await log.read(0n, 1 << 20)).bytes;
    const batches = [...splitBatches(bytes)].map((s) =>
      s.kind === "batch" ? decodeRecordBatch(s.bytes) : null,
    );
    expect(
      batches.map((b) => b?.ok && [b.value.baseOffset, b.value.records.length, b.value.baseSequence]),
    ).toEqual([
      [1n, 0, 1],
      [2n, 1, -1],
    ]);
    await log.close();
    // Rebuilt from the compacted log alone, the producer still continues at sequence 2.
    for (const name of await disk.list("/p")) if (name.endsWith(".snapshot")) await disk.remove(`/p/${name}`);
    const reopened = await PartitionLog.open("/p", config, { disk });
    expect(reopened.producerEntry(5n)?.batches.at(-1)?.lastSeq).toBe(1);
    expect((await reopened.append(idem(1, "b"), leader)).duplicate).toBe(true);
    expect((await reopened.append(idem(2, "d"), leader)).duplicate).toBe(false);
  });

  it("a crash at any step of compaction leaves a consistent log that reads the same", async () => {
    const setup = async () => {
      const disk = memoryDisk();
      const log = await PartitionLog.open("/p", config, { disk });
      const history = await writeKeys(log, 5, 4);
      await log.roll();
      await log.close();
      return { disk, history };
    };
    // Count the mutating steps of one whole compaction.
    const probe = await setup();
    const counting = crashingDisk(probe.disk);
    const log0 = await PartitionLog.open("/p", config, { disk: counting });
    const start = counting.ops();
    await log0.compact({ deleteRetentionMs: 60_000, now: 2000 });
    const steps = counting.ops() - start;
    expect(steps).toBeGreaterThan(10);
    const expected = await readAll(log0);

    for (let crashAt = 1; crashAt <= steps; crashAt++) {
      const { disk, history } = await setup();
      const crashing = crashingDisk(disk);
      const log = await PartitionLog.open("/p", config, { disk: crashing });
      crashing.failAfter(crashAt);
      await expect(log.compact({ deleteRetentionMs: 60_000, now: 2000 })).rejects.toThrow();
      const reopened = await PartitionLog.open("/p", config, { disk });
      const all = await readAll(reopened);
      // Offsets strictly increase; every key reads its latest value; nothing invented.
      for (let i = 1; i < all.length; i++)
        expect((all[i] as { offset: bigint }).offset).toBeGreaterThan(
          (all[i - 1] as { offset: bigint }).offset,
        );
      const byOffset = new Map(history.map((h) => [h.offset, h]));
      for (const r of all)
        expect(byOffset.get(r.offset)).toEqual({ offset: r.offset, key: r.key, value: r.value });
      const latest = latestByKey(history);
      for (const [key, v] of latest) expect(all.find((r) => r.offset === v.offset)?.key).toBe(key);
      expect(reopened.logEndOffset).toBe(20n);
      // Finishing the compaction afterwards gives the same log as an uninterrupted one.
      await reopened.compact({ deleteRetentionMs: 60_000, now: 2000 });
      expect(await readAll(reopened)).toEqual(expected);
      await reopened.close();
    }
  });
});
