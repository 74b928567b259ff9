/**
 * Log housekeeping on the broker: retention deletes old closed segments by the
 * topic's `retention.ms` and advances the log start offset; compacted topics
 * keep the latest value per key.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeRecordBatch, encodeRecordBatch, splitBatches } from "@runnel/log";
import { emptyImage, type MetadataImage, type TopicImage, topicKey } from "@runnel/metadata";
import { createLogger, SystemClock } from "@runnel/runtime";
import { afterEach, describe, expect, it } from "vitest";
import { ReplicaManager } from "../src/replica-manager.js";

const logger = createLogger({ service: "test", instanceId: "t", level: "silent", clock: new SystemClock() });
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function topic(idByte: number, name: string): TopicImage {
  const id = new Uint8Array(16).fill(idByte);
  return {
    id,
    key: topicKey(id),
    name,
    partitions: [{ replicas: [1], isr: [1], leader: 1, leaderEpoch: 0, partitionEpoch: 0 }],
  };
}

function manager(image: MetadataImage): ReplicaManager {
  const dataDir = mkdtempSync(join(tmpdir(), "runnel-replicas-"));
  dirs.push(dataDir);
  return new ReplicaManager({ nodeId: 1, dataDir, image: () => image, logger, segmentBytes: 1024 });
}

function imageWith(t: TopicImage, configs: Record<string, string>): MetadataImage {
  return {
    ...emptyImage(),
    topics: new Map([[t.key, t]]),
    topicKeysByName: new Map([[t.name, t.key]]),
    topicConfigs: new Map([[t.name, new Map(Object.entries(configs))]]),
  };
}

describe("ReplicaManager.housekeep", () => {
  it("deletes closed segments older than retention.ms and advances the log start offset", async () => {
    const t = topic(1, "retained");
    const replicas = manager(imageWith(t, { "retention.ms": "60000" }));
    const found = await replicas.leaderPartition(t, 0);
    if (found.kind !== "ok") throw new Error(found.kind);
    const old = 1_000_000n;
    for (let i = 0; i < 40; i++) {
      const batch = encodeRecordBatch({
        baseTimestamp: old + BigInt(i),
        records: [{ value: Buffer.alloc(100, i) }],
      });
      await found.hosted.log.append(batch, { leaderEpoch: 0, assignOffsets: true });
    }
    expect(found.hosted.log.segmentCount).toBeGreaterThan(2);
    await replicas.housekeep(Number(old) + 3_600_000);
    expect(found.hosted.log.logStartOffset).toBeGreaterThan(0n);
    // Everything expired, the active segment too (Kafka's rule): the log end stays where it was.
    expect(found.hosted.log.logStartOffset).toBe(40n);
    expect(found.hosted.log.logEndOffset).toBe(40n);
    await replicas.close();
  });

  it("compacts topics with cleanup.policy=compact to the latest value per key", async () => {
    const t = topic(2, "compacted");
    const replicas = manager(imageWith(t, { "cleanup.policy": "compact" }));
    const found = await replicas.leaderPartition(t, 0);
    if (found.kind !== "ok") throw new Error(found.kind);
    for (let i = 0; i < 60; i++) {
      const batch = encodeRecordBatch({
        baseTimestamp: BigInt(Date.now()),
        records: [{ key: Buffer.from(`k${i % 3}`), value: Buffer.from(`v${i}`.padEnd(80, ".")) }],
      });
      await found.hosted.log.append(batch, { leaderEpoch: 0, assignOffsets: true });
    }
    await replicas.housekeep(Date.now());
    const values = new Map<string, string>();
    let count = 0;
    let next = 0n;
    while (next < found.hosted.log.logEndOffset) {
      const r = await found.hosted.log.read(next, 1 << 20);
      for (const s of splitBatches(r.bytes)) {
        if (s.kind !== "batch") continue;
        const b = decodeRecordBatch(s.bytes);
        if (!b.ok) throw new Error(b.error.message);
        for (const rec of b.value.records) {
          count++;
          values.set(
            Buffer.from(rec.key ?? []).toString(),
            Buffer.from(rec.value ?? [])
              .toString()
              .replace(/\.+$/, ""),
          );
        }
      }
      next = r.nextOffset;
    }
    // Fewer records than written, and the latest value of each key survives.
    expect(count).toBeLessThan(60);
    expect(Object.fromEntries(values)).toEqual({ k0: "v57", k1: "v58", k2: "v59" });
    await replicas.close();
  });
});
