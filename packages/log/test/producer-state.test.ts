import {
  decodeProducerSnapshot,
  encodeProducerSnapshot,
  LogStorageError,
  memoryDisk,
  PartitionLog,
  ProducerStateManager,
  readBatchHeader,
} from "@runnel/log";
import { describe, expect, it } from "vitest";
import { batch, concat } from "./log-helpers.js";

const leader = { leaderEpoch: 1, assignOffsets: true } as const;
const INT32_MAX = 2 ** 31 - 1;

function idem(producerId: bigint, producerEpoch: number, baseSequence: number, count = 2): Uint8Array {
  return batch(count, {
    producerId,
    producerEpoch,
    baseSequence,
    label: `p${producerId}e${producerEpoch}s${baseSequence}`,
  });
}

async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  await expect(p).rejects.toSatisfy((e: unknown) => e instanceof LogStorageError && e.code === code);
}

describe("idempotent producer state", () => {
  it("detects a retry of any of the last five batches and answers with the original offsets", async () => {
    const log = await PartitionLog.open("/p", {}, { disk: memoryDisk() });
    const firsts: bigint[] = [];
    for (let i = 0; i < 6; i++) {
      await log.append(batch(1), leader); // unrelated traffic between the producer's batches
      firsts.push((await log.append(idem(7n, 0, i * 2), leader)).firstOffset);
    }
    const end = log.logEndOffset;
    for (let i = 1; i < 6; i++) {
      const r = await log.append(idem(7n, 0, i * 2), leader);
      expect(r).toMatchObject({
        duplicate: true,
        firstOffset: firsts[i],
        lastOffset: (firsts[i] as bigint) + 1n,
      });
    }
    expect(log.logEndOffset).toBe(end);
    // The sixth-newest is no longer remembered: it is out of order, as in Kafka.
    await expectCode(log.append(idem(7n, 0, 0), leader), "OUT_OF_ORDER_SEQUENCE_NUMBER");
  });

  it("refuses a sequence gap and appends nothing", async () => {
    const log = await PartitionLog.open("/p", {}, { disk: memoryDisk() });
    await log.append(idem(1n, 0, 0), leader);
    await expectCode(log.append(idem(1n, 0, 3), leader), "OUT_OF_ORDER_SEQUENCE_NUMBER");
    expect(log.logEndOffset).toBe(2n);
    expect((await log.append(idem(1n, 0, 2), leader)).firstOffset).toBe(2n);
  });

  it("fences older epochs; a new epoch must start at sequence 0", async () => {
    const log = await PartitionLog.open("/p", {}, { disk: memoryDisk() });
    await log.append(idem(1n, 3, 0), leader);
    await expectCode(log.append(idem(1n, 2, 2), leader), "INVALID_PRODUCER_EPOCH");
    await expectCode(log.append(idem(1n, 4, 5), leader), "OUT_OF_ORDER_SEQUENCE_NUMBER");
    await log.append(idem(1n, 4, 0), leader);
    expect(log.producerEntry(1n)?.producerEpoch).toBe(4);
    await expectCode(log.append(idem(1n, 3, 2), leader), "INVALID_PRODUCER_EPOCH");
    // A retry of the old epoch's batch is not a duplicate any more: the epoch moved on.
    await expectCode(log.append(idem(1n, 3, 0), leader), "INVALID_PRODUCER_EPOCH");
  });

  it("accepts an unknown producer at any sequence (Kafka 2.5+)", async () => {
    const log = await PartitionLog.open("/p", {}, { disk: memoryDisk() });
    expect((await log.append(idem(9n, 0, 42), leader)).duplicate).toBe(false);
    await log.append(idem(9n, 0, 44), leader);
    expect(log.producerEntry(9n)?.batches.at(-1)?.lastSeq).toBe(45);
  });

  it("wraps sequences after int32 max", async () => {
    const log = await PartitionLog.open("/p", {}, { disk: memoryDisk() });
    await log.append(idem(5n, 0, INT32_MAX - 1), leader);
    expect(log.producerEntry(5n)?.batches.at(-1)?.lastSeq).toBe(INT32_MAX);
    await log.append(idem(5n, 0, 0), leader);
    expect((await log.append(idem(5n, 0, 0), leader)).duplicate).toBe(true);
  });

  it("checks several batches of one producer in one append against each other", async () => {
    const log = await PartitionLog.open("/p", {}, { disk: memoryDisk() });
    await log.append(concat(idem(3n, 0, 0), idem(3n, 0, 2)), leader);
    await expectCode(
      log.append(concat(idem(3n, 0, 4), idem(3n, 0, 7)), leader),
      "OUT_OF_ORDER_SEQUENCE_NUMBER",
    );
    expect(log.logEndOffset).toBe(4n);
  });

  it("does not check follower appends but records them", async () => {
    const log = await PartitionLog.open("/p", {}, { disk: memoryDisk() });
    await log.append(batch(2, { producerId: 4n, producerEpoch: 0, baseSequence: 10, baseOffset: 0n }), {
      leaderEpoch: 1,
      assignOffsets: false,
    });
    expect(log.producerEntry(4n)?.batches).toEqual([
      { firstSeq: 10, lastSeq: 11, firstOffset: 0n, lastOffset: 1n, timestampMs: 1_700_000_000_001n },
    ]);
  });

  it("survives a clean restart: the snapshot written on close restores every remembered batch", async () => {
    const disk = memoryDisk();
    const log = await PartitionLog.open("/p", {}, { disk });
    for (let i = 0; i < 5; i++) await log.append(idem(1n, 0, i * 2), leader);
    await log.close();
    const reopened = await PartitionLog.open("/p", {}, { disk });
    expect(reopened.recovery.producerSnapshotOffset).toBe(10n);
    expect(reopened.recovery.producerBatchesReplayed).toBe(0);
    for (let i = 0; i < 5; i++) {
      expect(await reopened.append(idem(1n, 0, i * 2), leader)).toMatchObject({
        duplicate: true,
        firstOffset: BigInt(i * 2),
      });
    }
    await expectCode(reopened.append(idem(1n, 0, 20), leader), "OUT_OF_ORDER_SEQUENCE_NUMBER");
  });

  it("survives a crash: the snapshot from the last roll plus a scan of the active segment", async () => {
    const disk = memoryDisk();
    const log = await PartitionLog.open("/p", { segmentBytes: 500 }, { disk });
    const offsets: bigint[] = [];
    for (let i = 0; i < 20; i++) offsets.push((await log.append(idem(2n, 1, i * 2), leader)).firstOffset);
    expect(log.segmentCount).toBeGreaterThan(2);
    // No close(): the process died. Reopen from what is on disk.
    const reopened = await PartitionLog.open("/p", { segmentBytes: 500 }, { disk });
    const active = reopened.segmentBaseOffsets().at(-1) as bigint;
    expect(reopened.recovery.producerSnapshotOffset).toBe(active);
    expect(reopened.recovery.producerBatchesReplayed).toBeGreaterThan(0);
    for (let i = 15; i < 20; i++) {
      expect(await reopened.append(idem(2n, 1, i * 2), leader)).toMatchObject({
        duplicate: true,
        firstOffset: offsets[i],
      });
    }
    expect((await reopened.append(idem(2n, 1, 40), leader)).duplicate).toBe(false);
  });

  it("rebuilds from the log alone when every snapshot is lost or damaged", async () => {
    const disk = memoryDisk();
    const log = await PartitionLog.open("/p", { segmentBytes: 500 }, { disk });
    for (let i = 0; i < 12; i++) await log.append(idem(2n, 1, i * 2), leader);
    await log.close();
    for (const name of await disk.list("/p")) {
      if (name.endsWith(".snapshot"))
        disk.writeRaw(`/p/${name}`, new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    }
    const reopened = await PartitionLog.open("/p", { segmentBytes: 500 }, { disk });
    expect(reopened.recovery.producerSnapshotOffset).toBeNull();
    expect(reopened.recovery.producerBatchesReplayed).toBe(12);
    expect((await reopened.append(idem(2n, 1, 22), leader)).duplicate).toBe(true);
  });

  it("truncation rolls producer state back with the log", async () => {
    const log = await PartitionLog.open("/p", {}, { disk: memoryDisk() });
    for (let i = 0; i < 4; i++) await log.append(idem(6n, 0, i * 2), leader);
    await log.truncateTo(4n);
    expect(log.producerEntry(6n)?.batches.at(-1)?.lastSeq).toBe(3);
    expect((await log.append(idem(6n, 0, 4), leader)).firstOffset).toBe(4n);
  });

  it("expires idle producers", async () => {
    const log = await PartitionLog.open("/p", { producerIdExpirationMs: 1000 }, { disk: memoryDisk() });
    await log.append(idem(1n, 0, 0), leader);
    expect(await log.expireProducers(1_700_000_000_500)).toBe(0);
    expect(await log.expireProducers(1_700_000_002_000)).toBe(1);
    expect(log.producerEntry(1n)).toBeUndefined();
  });
});

describe("producer snapshot codec", () => {
  it("round-trips and refuses damaged bytes", () => {
    const m = new ProducerStateManager();
    for (let i = 0; i < 7; i++) {
      const h = readBatchHeader(
        batch(3, {
          producerId: BigInt(i % 3),
          producerEpoch: 1,
          baseSequence: i * 3,
          baseOffset: BigInt(i * 3),
        }),
      );
      if (!h.ok) throw new Error(h.error.message);
      m.update(h.value);
    }
    const bytes = encodeProducerSnapshot(m.entries());
    expect(decodeProducerSnapshot(bytes)).toEqual([...m.entries()]);
    for (let i = 0; i < bytes.length; i += 7) {
      const bad = new Uint8Array(bytes);
      bad[i] = (bad[i] as number) ^ 0x40;
      expect(decodeProducerSnapshot(bad)).toBeNull();
    }
    expect(decodeProducerSnapshot(bytes.subarray(0, bytes.length - 1))).toBeNull();
  });
});
