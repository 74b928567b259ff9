/**
 * Topic configs as the broker applies them: one resolution (topic, this
 * broker's override, the cluster default, the start-up setting, Kafka's
 * default) that DescribeConfigs and the broker share; the partition-log and
 * Produce settings it gives; configs pushed live to open logs; and the
 * Produce rules they drive (min.insync.replicas, timestamps,
 * compression.type, max.message.bytes after re-compression).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ErrorCode, type ProduceRequest } from "@runnel/kafka-protocol";
import { decodeRecordBatch, encodeRecordBatch, type RecordBatchInput, splitBatches } from "@runnel/log";
import { emptyImage, type MetadataImage, type TopicImage, topicKey } from "@runnel/metadata";
import { createLogger, ManualClock, SystemClock } from "@runnel/runtime";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { TOPIC_CONFIG_DEFS } from "../src/config-defs.js";
import { describeTopicConfigs } from "../src/config-view.js";
import type { BrokerContext } from "../src/context.js";
import { produceHandler } from "../src/handlers/00-produce.js";
import type { RequestContext } from "../src/kafka/server.js";
import { ReplicaManager } from "../src/replica-manager.js";
import { effectiveTopicConfig, logConfigOf, produceConfigOf } from "../src/topic-configs.js";

const logger = createLogger({ service: "test", instanceId: "t", level: "silent", clock: new SystemClock() });
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

let nextId = 1;
function topic(name: string, isr = [1], replicas = [1]): TopicImage {
  const id = new Uint8Array(16).fill(nextId++);
  return {
    id,
    key: topicKey(id),
    name,
    partitions: [{ replicas, isr, leader: 1, leaderEpoch: 0, partitionEpoch: 0 }],
  };
}

type Configs = Record<string, string>;
function imageOf(
  t: TopicImage | null,
  own: Configs = {},
  brokers: { perBroker?: Configs; clusterDefault?: Configs; other?: Configs } = {},
): MetadataImage {
  const brokerConfigs = new Map<string, ReadonlyMap<string, string>>();
  if (brokers.perBroker !== undefined) brokerConfigs.set("1", new Map(Object.entries(brokers.perBroker)));
  if (brokers.clusterDefault !== undefined)
    brokerConfigs.set("", new Map(Object.entries(brokers.clusterDefault)));
  if (brokers.other !== undefined) brokerConfigs.set("2", new Map(Object.entries(brokers.other)));
  return {
    ...emptyImage(),
    topics: t === null ? new Map() : new Map([[t.key, t]]),
    topicKeysByName: t === null ? new Map() : new Map([[t.name, t.key]]),
    topicConfigs: t === null ? new Map() : new Map([[t.name, new Map(Object.entries(own))]]),
    brokerConfigs,
  };
}

describe("effective topic configs", () => {
  const statics = new Map([
    ["log.segment.bytes", "2048"],
    ["log.retention.hours", "2"],
  ]);

  it("take the topic's value, then this broker's override, the cluster default, the start-up setting, Kafka's default", () => {
    const t = topic("layers");
    const value = (own: Configs, brokers: Parameters<typeof imageOf>[2], name: string) =>
      effectiveTopicConfig(imageOf(t, own, brokers), "layers", 1, statics).get(name);
    expect(value({}, {}, "segment.bytes")).toBe("2048");
    expect(value({}, { clusterDefault: { "log.segment.bytes": "4096" } }, "segment.bytes")).toBe("4096");
    expect(
      value(
        {},
        { clusterDefault: { "log.segment.bytes": "4096" }, perBroker: { "log.segment.bytes": "8192" } },
        "segment.bytes",
      ),
    ).toBe("8192");
    // Another broker's override is not this broker's.
    expect(value({}, { other: { "log.segment.bytes": "8192" } }, "segment.bytes")).toBe("2048");
    expect(
      value({ "segment.bytes": "1000" }, { perBroker: { "log.segment.bytes": "8192" } }, "segment.bytes"),
    ).toBe("1000");
    // A start-up setting in another unit is given in the topic config's.
    expect(value({}, {}, "retention.ms")).toBe(String(2 * 3_600_000));
    expect(value({}, { clusterDefault: { "log.retention.ms": "5000" } }, "retention.ms")).toBe("5000");
    expect(value({}, {}, "cleanup.policy")).toBe("delete");
    expect(value({}, {}, "flush.messages")).toBe("9223372036854775807");
  });

  it("always agree with what DescribeConfigs reports (any layers, every config)", () => {
    const t = topic("agree");
    const names = [
      "segment.bytes",
      "retention.ms",
      "cleanup.policy",
      "min.insync.replicas",
      "compression.type",
    ];
    const brokerNames = [
      "log.segment.bytes",
      "log.retention.ms",
      "log.cleanup.policy",
      "min.insync.replicas",
      "compression.type",
    ];
    const layer = (keys: string[]) =>
      fc.dictionary(fc.constantFrom(...keys), fc.constantFrom("1", "60000", "compact", "gzip", "2"));
    fc.assert(
      fc.property(
        layer(names),
        layer(brokerNames),
        layer(brokerNames),
        layer(brokerNames),
        (own, perBroker, clusterDefault, startUp) => {
          const image = imageOf(t, own, { perBroker, clusterDefault });
          const staticMap = new Map(Object.entries(startUp));
          const effective = effectiveTopicConfig(image, "agree", 1, staticMap);
          const described = describeTopicConfigs(
            image.topicConfigs.get("agree"),
            {
              perBroker: image.brokerConfigs.get("1"),
              clusterDefault: image.brokerConfigs.get(""),
              static: staticMap,
            },
            { keys: null, includeSynonyms: false, includeDocumentation: false },
          );
          expect(described).toHaveLength(TOPIC_CONFIG_DEFS.size);
          for (const d of described) expect(effective.get(d.name)).toBe(d.value ?? "");
        },
      ),
      { numRuns: 200 },
    );
  });

  it("give the partition-log settings, Kafka's Long.MAX_VALUE as never", () => {
    const t = topic("log");
    const c = effectiveTopicConfig(
      imageOf(t, {
        "cleanup.policy": "compact,delete",
        "min.cleanable.dirty.ratio": "0.1",
        "flush.ms": "250",
      }),
      "log",
      1,
      new Map(),
    );
    expect(logConfigOf(c)).toMatchObject({
      segmentBytes: 1073741824,
      segmentMs: 604800000,
      cleanupPolicy: ["compact", "delete"],
      minCleanableDirtyRatio: 0.1,
      flushMs: 250,
      flushMessages: Number.MAX_SAFE_INTEGER,
      maxCompactionLagMs: Number.MAX_SAFE_INTEGER,
      retentionBytes: -1,
    });
  });

  it("give the Produce settings; before/after.max.ms fall back to the deprecated difference.max.ms", () => {
    const t = topic("produce");
    const of = (own: Configs) =>
      produceConfigOf(effectiveTopicConfig(imageOf(t, own), "produce", 1, new Map()));
    const LONG_MAX = 2n ** 63n - 1n;
    expect(of({}).timestampBeforeMaxMs).toBe(LONG_MAX);
    expect(of({ "message.timestamp.difference.max.ms": "5000" })).toMatchObject({
      timestampBeforeMaxMs: 5000n,
      timestampAfterMaxMs: 5000n,
    });
    expect(
      of({ "message.timestamp.difference.max.ms": "5000", "message.timestamp.before.max.ms": "100" }),
    ).toMatchObject({ timestampBeforeMaxMs: 100n, timestampAfterMaxMs: 5000n });
    const gzip = of({ "compression.type": "gzip", "compression.gzip.level": "9" });
    expect(gzip.compressionType).toBe("gzip");
    expect(gzip.compressionLevel("gzip")).toBe(9);
    expect(gzip.compressionLevel("zstd")).toBe(3);
    expect(gzip.compressionLevel("snappy")).toBeUndefined();
    expect(of({ "min.insync.replicas": "2" }).minInsyncReplicas).toBe(2);
  });
});

function manager(image: () => MetadataImage, clock?: ManualClock): ReplicaManager {
  const dataDir = mkdtempSync(join(tmpdir(), "runnel-topic-configs-"));
  dirs.push(dataDir);
  return new ReplicaManager({
    nodeId: 1,
    dataDir,
    image,
    logger,
    staticConfigs: new Map([["log.segment.bytes", "1048576"]]),
    ...(clock === undefined ? {} : { clock }),
  });
}

describe("configs pushed to open partition logs", () => {
  it("an image change reaches an open log without reopening it: topic value, cluster default, per-broker override", async () => {
    const t = topic("live");
    let image = imageOf(t);
    const replicas = manager(() => image);
    const found = await replicas.leaderPartition(t, 0);
    if (found.kind !== "ok") throw new Error(found.kind);
    const log = found.hosted.log;
    expect(log.config.segmentBytes).toBe(1048576);
    image = imageOf(
      t,
      {},
      { clusterDefault: { "log.segment.bytes": "4096", "log.cleanup.policy": "compact" } },
    );
    await replicas.reconcile(image);
    expect(log.config.segmentBytes).toBe(4096);
    expect(log.config.cleanupPolicy).toEqual(["compact"]);
    image = imageOf(
      t,
      {},
      { clusterDefault: { "log.segment.bytes": "4096" }, perBroker: { "log.segment.bytes": "8192" } },
    );
    await replicas.reconcile(image);
    expect(log.config.segmentBytes).toBe(8192);
    expect(log.config.cleanupPolicy).toEqual(["delete"]);
    image = imageOf(t, { "segment.bytes": "300", "retention.ms": "1000" });
    await replicas.reconcile(image);
    expect(log.config).toMatchObject({ segmentBytes: 300, retentionMs: 1000 });
    // The log was not reopened.
    const again = await replicas.leaderPartition(t, 0);
    expect(again.kind === "ok" && again.hosted.log).toBe(log);
    await replicas.close();
  });

  it("a log opened later starts with the effective configs", async () => {
    const t = topic("opened");
    const replicas = manager(() => imageOf(t, { "segment.ms": "60000", "flush.messages": "3" }));
    const found = await replicas.leaderPartition(t, 0);
    if (found.kind !== "ok") throw new Error(found.kind);
    expect(found.hosted.log.config).toMatchObject({ segmentMs: 60000, flushMessages: 3 });
    await replicas.close();
  });

  it("flush.ms runs on its own timer: records wait at most about flush.ms before an fsync", async () => {
    const t = topic("flushed");
    const clock = new ManualClock(Date.now());
    let image = imageOf(t);
    const replicas = manager(() => image, clock);
    const found = await replicas.leaderPartition(t, 0);
    if (found.kind !== "ok") throw new Error(found.kind);
    const log = found.hosted.log;
    expect(clock.pendingTimers()).toBe(0); // flush.ms is "never"
    image = imageOf(t, { "flush.ms": "100" });
    await replicas.reconcile(image);
    expect(clock.nextTimerInMs()).toBe(100);
    await log.append(encodeRecordBatch({ baseTimestamp: BigInt(clock.now()), records: [{ value: null }] }), {
      leaderEpoch: 0,
      assignOffsets: true,
    });
    expect(log.unflushedRecords).toBe(1);
    clock.advance(100);
    await new Promise((r) => setTimeout(r, 20));
    expect(log.unflushedRecords).toBe(0);
    // Back to "never": the timer stops.
    image = imageOf(t);
    await replicas.reconcile(image);
    expect(clock.pendingTimers()).toBe(0);
    await replicas.close();
  });
});

const ctx = { apiVersion: 9 } as RequestContext;

function produceRequest(name: string, batch: Uint8Array, acks = -1): ProduceRequest {
  return {
    transactionalId: null,
    acks,
    timeoutMs: 5000,
    topicData: [{ name, partitionData: [{ index: 0, records: batch }] }],
  } as unknown as ProduceRequest;
}

function batchOf(input: Partial<RecordBatchInput> = {}, count = 3): Uint8Array {
  return encodeRecordBatch({
    baseTimestamp: BigInt(Date.now()),
    ...input,
    records: Array.from({ length: count }, (_, i) => ({
      key: Buffer.from(`k${i}`),
      value: Buffer.from(`value ${i} `.repeat(30)),
      timestampDelta: BigInt(i),
    })),
  });
}

function produceSetup(t: TopicImage, own: Configs) {
  const image = imageOf(t, own);
  const replicas = manager(() => image);
  const broker = { settings: { nodeId: 1 }, image: () => image } as unknown as BrokerContext;
  const handler = produceHandler(broker, replicas);
  const produce = async (batch: Uint8Array, acks = -1) => {
    const r = await handler.handle(produceRequest(t.name, batch, acks), ctx);
    return r?.responses[0]?.partitionResponses[0];
  };
  const stored = async () => {
    const found = await replicas.leaderPartition(t, 0);
    if (found.kind !== "ok") throw new Error(found.kind);
    const read = await found.hosted.log.read(0n, 1 << 20);
    return [...splitBatches(read.bytes)].map((s) => {
      if (s.kind !== "batch") throw new Error(s.kind);
      const d = decodeRecordBatch(s.bytes);
      if (!d.ok) throw new Error(d.error.message);
      return d.value;
    });
  };
  return { replicas, produce, stored };
}

describe("Produce by the topic's configs", () => {
  it("min.insync.replicas above the ISR size refuses acks=-1 with NOT_ENOUGH_REPLICAS, not acks=1", async () => {
    const t = topic("minisr", [1], [1, 2]);
    const { replicas, produce, stored } = produceSetup(t, { "min.insync.replicas": "2" });
    const all = await produce(batchOf(), -1);
    expect(all?.errorCode).toBe(ErrorCode.NOT_ENOUGH_REPLICAS);
    expect(all?.errorMessage).toBe(
      "The size of the current ISR Set(1) is insufficient to satisfy the min.isr requirement of 2 for partition minisr-0",
    );
    expect(await stored()).toHaveLength(0);
    expect((await produce(batchOf(), 1))?.errorCode).toBe(ErrorCode.NONE);
    expect(await stored()).toHaveLength(1);
    await replicas.close();
  });

  it("min.insync.replicas above the replication factor counts as the replication factor (Kafka's effective min ISR)", async () => {
    const t = topic("minisr-rf1");
    const { replicas, produce } = produceSetup(t, { "min.insync.replicas": "2" });
    expect((await produce(batchOf(), -1))?.errorCode).toBe(ErrorCode.NONE);
    await replicas.close();
  });

  it("refuses records older than message.timestamp.before.max.ms with INVALID_TIMESTAMP and Kafka's record errors", async () => {
    const t = topic("old");
    const { replicas, produce, stored } = produceSetup(t, { "message.timestamp.before.max.ms": "3600000" });
    const old = 1_000_000_000_000n;
    const before = Date.now();
    const r = await produce(batchOf({ baseTimestamp: old }, 2));
    const after = Date.now();
    expect(r?.errorCode).toBe(ErrorCode.INVALID_TIMESTAMP);
    expect(r?.errorMessage).toBe("One or more records have been rejected due to invalid timestamp");
    expect(r?.recordErrors.map((e) => e.batchIndex)).toEqual([0, 1]);
    const m =
      /^Timestamp 1000000000000 of message with offset 0 is out of range\. The timestamp should be within \[(-?\d+), (-?\d+)\]$/.exec(
        r?.recordErrors[0]?.batchIndexErrorMessage ?? "",
      );
    expect(m).not.toBeNull();
    const lower = Number(m?.[1]);
    expect(lower).toBeGreaterThanOrEqual(before - 3_600_000);
    expect(lower).toBeLessThanOrEqual(after - 3_600_000);
    // Kafka prints now + Long.MAX_VALUE with Java's overflow.
    expect(BigInt(m?.[2] ?? "0")).toBeLessThan(0n);
    expect(await stored()).toHaveLength(0);
    expect((await produce(batchOf()))?.errorCode).toBe(ErrorCode.NONE);
    await replicas.close();
  });

  it("refuses records further ahead than message.timestamp.after.max.ms; LogAppendTime topics check nothing", async () => {
    const t = topic("future");
    const { replicas, produce } = produceSetup(t, { "message.timestamp.after.max.ms": "60000" });
    const future = BigInt(Date.now() + 3_600_000);
    const r = await produce(batchOf({ baseTimestamp: future }, 1));
    expect(r?.errorCode).toBe(ErrorCode.INVALID_TIMESTAMP);
    expect(r?.recordErrors).toHaveLength(1);
    await replicas.close();
    const u = topic("appended");
    const s = produceSetup(u, {
      "message.timestamp.type": "LogAppendTime",
      "message.timestamp.after.max.ms": "0",
    });
    const ok = await s.produce(batchOf({ baseTimestamp: future }, 1));
    expect(ok?.errorCode).toBe(ErrorCode.NONE);
    expect(ok?.logAppendTimeMs).toBeGreaterThan(0n);
    // A producer may not type its batch LogAppendTime.
    const typed = await s.produce(batchOf({ timestampType: "log-append-time" }, 1));
    expect(typed?.errorCode).toBe(ErrorCode.INVALID_TIMESTAMP);
    expect(typed?.recordErrors[0]?.batchIndexErrorMessage).toMatch(
      /^Invalid timestamp type in message DefaultRecord\(offset=0, timestamp=\d+, key=2 bytes, value=240 bytes\)\. Producer should not set timestamp type to LogAppendTime\.$/,
    );
    await s.replicas.close();
  });

  it("a compacted topic refuses keyless records with INVALID_RECORD, Kafka's message and every record's error", async () => {
    const t = topic("keys");
    const { replicas, produce, stored } = produceSetup(t, { "cleanup.policy": "compact" });
    const keyless = encodeRecordBatch({
      baseTimestamp: BigInt(Date.now()),
      records: [
        { key: Buffer.from("k"), value: Buffer.from("a") },
        { key: null, value: Buffer.from("b") },
        { key: null, value: null },
      ],
    });
    const r = await produce(keyless);
    expect(r?.errorCode).toBe(ErrorCode.INVALID_RECORD);
    const message = "Compacted topic cannot accept message without key in topic partition keys-0.";
    expect(r?.recordErrors).toEqual([
      { batchIndex: 1, batchIndexErrorMessage: message },
      { batchIndex: 2, batchIndexErrorMessage: message },
    ]);
    expect(r?.errorMessage).toBe(
      `One or more records have been rejected due to 2 record errors in total, and only showing the first three errors at most: [RecordError(batchIndex=1, message='${message}'), RecordError(batchIndex=2, message='${message}')]`,
    );
    expect(await stored()).toHaveLength(0);
    await replicas.close();
  });

  it("a bad timestamp anywhere in the batch makes it INVALID_TIMESTAMP, with the keyless records' errors too", async () => {
    const t = topic("both");
    const { replicas, produce } = produceSetup(t, {
      "cleanup.policy": "compact",
      "message.timestamp.before.max.ms": "3600000",
    });
    const batch = encodeRecordBatch({
      baseTimestamp: 1_000_000_000_000n,
      records: [
        { key: null, value: Buffer.from("a") },
        { key: Buffer.from("k"), value: Buffer.from("b") },
      ],
    });
    const r = await produce(batch);
    expect(r?.errorCode).toBe(ErrorCode.INVALID_TIMESTAMP);
    expect(r?.recordErrors.map((e) => e.batchIndex)).toEqual([0, 1]);
    expect(r?.recordErrors[0]?.batchIndexErrorMessage).toMatch(
      /^Compacted topic cannot accept message without key/,
    );
    expect(r?.recordErrors[1]?.batchIndexErrorMessage).toMatch(/^Timestamp 1000000000000 of message/);
    await replicas.close();
  });

  it("refuses a batch whose offset range does not hold its record count (INVALID_RECORD)", async () => {
    const t = topic("range");
    const { replicas, produce, stored } = produceSetup(t, {});
    const r = await produce(batchOf({ lastOffsetDelta: 5 }, 3));
    expect(r?.errorCode).toBe(ErrorCode.INVALID_RECORD);
    expect(r?.errorMessage).toBe(
      "Inconsistent batch offset range [0, 5] and count of records 3 in topic partition range-0.",
    );
    expect(await stored()).toHaveLength(0);
    expect((await produce(batchOf({}, 3)))?.errorCode).toBe(ErrorCode.NONE);
    await replicas.close();
  });

  it("compression.type re-encodes on the leader: gzip stores gzip, uncompressed stores none, producer keeps the codec", async () => {
    const g = produceSetup(topic("gz"), { "compression.type": "gzip" });
    expect((await g.produce(batchOf()))?.errorCode).toBe(ErrorCode.NONE);
    expect((await g.produce(batchOf({ compression: "zstd" })))?.errorCode).toBe(ErrorCode.NONE);
    const gz = await g.stored();
    expect(gz.map((b) => b.compression)).toEqual(["gzip", "gzip"]);
    expect(gz.map((b) => b.baseOffset)).toEqual([0n, 3n]);
    expect(Buffer.from(gz[1]?.records[2]?.value ?? []).toString()).toBe("value 2 ".repeat(30));
    await g.replicas.close();
    const u = produceSetup(topic("plain"), { "compression.type": "uncompressed" });
    await u.produce(batchOf({ compression: "lz4" }));
    expect((await u.stored()).map((b) => b.compression)).toEqual(["none"]);
    await u.replicas.close();
    const p = produceSetup(topic("asis"), {});
    await p.produce(batchOf({ compression: "snappy" }));
    expect((await p.stored()).map((b) => b.compression)).toEqual(["snappy"]);
    await p.replicas.close();
  });

  it("an idempotent batch keeps its producer id and sequence when re-compressed, so a retry is still a duplicate", async () => {
    const s = produceSetup(topic("idem"), { "compression.type": "zstd" });
    const batch = batchOf({ producerId: 7n, producerEpoch: 0, baseSequence: 0 });
    const first = await s.produce(batch);
    const retry = await s.produce(batchOf({ producerId: 7n, producerEpoch: 0, baseSequence: 0 }));
    expect(retry?.baseOffset).toBe(first?.baseOffset);
    const stored = await s.stored();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ compression: "zstd", producerId: 7n, baseSequence: 0 });
    await s.replicas.close();
  });

  it("a batch that grows past max.message.bytes when re-compressed is MESSAGE_TOO_LARGE", async () => {
    const incompressible = encodeRecordBatch({
      compression: "zstd",
      baseTimestamp: BigInt(Date.now()),
      records: [{ value: Buffer.alloc(2000, 7) }],
    });
    const s = produceSetup(topic("grows"), {
      "compression.type": "uncompressed",
      "max.message.bytes": String(incompressible.byteLength + 100),
    });
    const r = await s.produce(incompressible);
    expect(r?.errorCode).toBe(ErrorCode.MESSAGE_TOO_LARGE);
    expect(r?.errorMessage).toMatch(
      /^Message batch size is \d+ bytes in append to partition grows-0 which exceeds the maximum configured size of \d+\.$/,
    );
    expect(await s.stored()).toHaveLength(0);
    await s.replicas.close();
  });
});
