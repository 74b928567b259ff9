/**
 * Reads at the log's tail are answered from the batches kept in memory;
 * they must say exactly what the files say: the same bytes and offsets for
 * every start offset, byte limit, upper bound and first-batch rule, after a
 * truncation too, and beyond the part kept in memory.
 */
import { encodeRecordBatch, memoryDisk, PartitionLog, type ReadResult } from "@runnel/log";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const leader = { leaderEpoch: 0, assignOffsets: true } as const;

function batchOf(records: number, size: number, label: number): Uint8Array {
  return encodeRecordBatch({
    records: Array.from({ length: records }, (_, i) => ({ value: Buffer.alloc(size, (label + i) % 251) })),
  });
}

const view = (r: ReadResult) => ({
  bytes: Buffer.from(r.bytes).toString("hex"),
  firstOffset: r.firstOffset,
  lastOffset: r.lastOffset,
  nextOffset: r.nextOffset,
  logStartOffset: r.logStartOffset,
  logEndOffset: r.logEndOffset,
});

interface Query {
  from: bigint;
  maxBytes: number;
  maxOffset: bigint | undefined;
  minOneBatch: boolean;
}

async function answers(log: PartitionLog, queries: readonly Query[]) {
  const out = [];
  for (const q of queries) {
    const r = await log.read(q.from, q.maxBytes, {
      minOneBatch: q.minOneBatch,
      ...(q.maxOffset !== undefined ? { maxOffset: q.maxOffset } : {}),
    });
    out.push(view(r));
  }
  return out;
}

function queriesFor(end: bigint, seed: number): Query[] {
  return fc.sample(
    fc.record({
      from: fc.bigInt({ min: 0n, max: end }),
      maxBytes: fc.integer({ min: 1, max: 20_000 }),
      maxOffset: fc.option(fc.bigInt({ min: 0n, max: end + 2n }), { nil: undefined }),
      minOneBatch: fc.boolean(),
    }),
    { numRuns: 300, seed },
  );
}

describe("reads at the tail", () => {
  it("answer as the files do, for any offset, limit and bound, also past what is kept in memory", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ records: fc.integer({ min: 1, max: 5 }), size: fc.integer({ min: 1, max: 3000 }) }),
          {
            minLength: 1,
            maxLength: 120,
          },
        ),
        fc.integer(),
        async (batches, seed) => {
          const disk = memoryDisk();
          const log = await PartitionLog.open("/p", { segmentBytes: 64 * 1024 }, { disk });
          for (const [i, b] of batches.entries()) await log.append(batchOf(b.records, b.size, i), leader);
          const queries = queriesFor(log.logEndOffset, seed);
          const fromMemory = await answers(log, queries);
          await log.close();
          // Reopened, the log has nothing in memory: every read goes to the files.
          const reopened = await PartitionLog.open("/p", { segmentBytes: 64 * 1024 }, { disk });
          expect(await answers(reopened, queries)).toEqual(fromMemory);
          await reopened.close();
        },
      ),
      { numRuns: 100 },
    );
  });

  it("never returns truncated records, and continues with what is appended after", async () => {
    const disk = memoryDisk();
    const log = await PartitionLog.open("/p", {}, { disk });
    for (let i = 0; i < 10; i++) await log.append(batchOf(2, 100, i), leader);
    expect((await log.read(15n, 1 << 20)).firstOffset).toBe(14n);
    expect(await log.truncateTo(12n)).toBe(true);
    expect(log.logEndOffset).toBe(12n);
    expect((await log.read(10n, 1 << 20)).lastOffset).toBe(11n);
    await expect(log.read(15n, 1 << 20)).rejects.toThrow(/outside the log/);
    await log.append(batchOf(3, 50, 99), leader);
    const after = await log.read(12n, 1 << 20);
    expect([after.firstOffset, after.lastOffset]).toEqual([12n, 14n]);
    const tailAfter = view(await log.read(12n, 1 << 20));
    await log.close();
    const reopened = await PartitionLog.open("/p", {}, { disk });
    expect(view(await reopened.read(12n, 1 << 20))).toEqual(tailAfter);
    await reopened.close();
  });
});
