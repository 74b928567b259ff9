import { LogStorageError, memoryDisk, PartitionLog } from "@runnel/log";
import { describe, expect, it } from "vitest";
import { batch } from "./log-helpers.js";

const leader = { leaderEpoch: 1, assignOffsets: true } as const;

describe("activeProducers (what DescribeProducers reads)", () => {
  it("lists each idempotent producer with its epoch, last sequence and last timestamp, not plain producers", async () => {
    const log = await PartitionLog.open("/p", {}, { disk: memoryDisk() });
    await log.append(batch(2), leader);
    await log.append(
      batch(3, { producerId: 9n, producerEpoch: 2, baseSequence: 0, timestamp: 5_000n }),
      leader,
    );
    await log.append(
      batch(2, { producerId: 9n, producerEpoch: 2, baseSequence: 3, timestamp: 7_000n }),
      leader,
    );
    await log.append(
      batch(1, { producerId: 4n, producerEpoch: 0, baseSequence: 0, timestamp: 6_000n }),
      leader,
    );
    const byId = new Map((await log.activeProducers()).map((e) => [e.producerId, e]));
    expect([...byId.keys()].sort()).toEqual([4n, 9n]);
    expect(byId.get(9n)).toMatchObject({
      producerEpoch: 2,
      lastTimestampMs: 7_001n,
      coordinatorEpoch: -1,
      currentTxnFirstOffset: -1n,
    });
    expect(byId.get(9n)?.batches.at(-1)?.lastSeq).toBe(4);
    expect(byId.get(4n)?.batches.at(-1)?.lastSeq).toBe(0);
  });

  it("survives a reopen and rejects once the log is closed", async () => {
    const disk = memoryDisk();
    const log = await PartitionLog.open("/p", {}, { disk });
    await log.append(batch(2, { producerId: 1n, producerEpoch: 0, baseSequence: 0 }), leader);
    await log.close();
    await expect(log.activeProducers()).rejects.toBeInstanceOf(LogStorageError);
    const reopened = await PartitionLog.open("/p", {}, { disk });
    expect((await reopened.activeProducers()).map((e) => [e.producerId, e.batches.at(-1)?.lastSeq])).toEqual([
      [1n, 1],
    ]);
  });
});
