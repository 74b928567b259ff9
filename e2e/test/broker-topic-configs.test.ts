/**
 * Topic configs take effect on a real broker process, live (no restart),
 * whichever layer sets them, with exact requests:
 * - segment.bytes altered on a topic whose log is open: the next appends
 *   roll several segment files on disk;
 * - retention.ms set small: the next housekeeping round (every
 *   log.retention.check.interval.ms) deletes the expired segments, the
 *   active one too, and the log start moves to the log end;
 * - compression.type=gzip: a batch produced uncompressed is fetched gzip;
 * - message.timestamp.before.max.ms: an old record is INVALID_TIMESTAMP with
 *   Kafka's record errors, a current one is appended;
 * - min.insync.replicas=2 with one replica counts as 1 (Kafka's effective
 *   min ISR is capped at the replication factor): acks=-1 is appended
 *   (NOT_ENOUGH_REPLICAS with replicas is in broker-replication.test.ts);
 * - a cluster-wide default (broker resource "") applies to a topic without
 *   its own value, a per-broker override beats it, a topic's own value beats
 *   both, and DescribeConfigs reports exactly what is applied;
 * - values that cannot be honoured (remote.storage.enable=true,
 *   preallocate=true) are refused with INVALID_CONFIG and the reason.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { encodeRecordBatch, type RecordBatch } from "@runnel/log";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrokerProcess, startBroker } from "../harness/broker.js";
import {
  fetchPartition,
  incrementalAlterConfigs,
  listOffsets,
  produceBatch,
  recordBatches,
  requestCreateTopic,
  waitForTopic,
} from "../harness/kafka-ops.js";
import { WireClient } from "../harness/kafka-wire.js";
import { MetadataQuorum } from "../harness/metadata.js";

const TOPIC = 2;
const BROKER = 4;
const [SET, DELETE] = [0, 1];
const ERR = {
  NONE: 0,
  INVALID_CONFIG: 40,
  INVALID_TIMESTAMP: 32,
};
const SOURCE = { TOPIC: 1, BROKER: 2, DEFAULT_BROKER: 3, DEFAULT: 5 };

let q: MetadataQuorum;
let broker: BrokerProcess;
let wire: WireClient;

beforeAll(async () => {
  q = await MetadataQuorum.start({ voters: 3 });
  broker = await startBroker(q, 1, "a", { RUNNEL_BROKER_LOG_RETENTION_CHECK_INTERVAL_MS: "300" });
  wire = await WireClient.connect(broker.port);
}, 120_000);

afterAll(async () => {
  wire?.close();
  await broker?.process.close();
  await q?.close();
});

/** Creates a topic with its own configs; resolves with its id once the broker's metadata has it. */
async function createTopic(name: string, configs: Record<string, string> = {}): Promise<string> {
  const r = await requestCreateTopic(wire, name, { configs });
  expect(r?.errorCode).toBe(ERR.NONE);
  return waitForTopic(wire, name, (t) => t.partitions.length === 1);
}

async function alter(
  type: number,
  name: string,
  ops: [string, number, string | null][],
): Promise<{ errorCode: number; errorMessage: string | null }> {
  const [res] = await incrementalAlterConfigs(wire, [{ type, name, ops }]);
  if (res === undefined) throw new Error("no response");
  return { errorCode: res.errorCode, errorMessage: res.errorMessage };
}

async function describeTopic(name: string, key: string): Promise<{ value: string | null; source: number }> {
  const r = await wire.send(32, 4, {
    resources: [{ resourceType: TOPIC, resourceName: name, configurationKeys: [key] }],
    includeSynonyms: false,
    includeDocumentation: false,
  });
  const c = r.results[0]?.configs[0];
  if (c === undefined) throw new Error(`no ${key}`);
  return { value: c.value, source: c.configSource };
}

interface ProduceOptions {
  acks?: number;
  timestamp?: bigint;
  records?: number;
  valueBytes?: number;
}

async function produce(topic: string, o: ProduceOptions = {}) {
  const records = o.records ?? 3;
  return produceBatch(
    wire,
    topic,
    0,
    encodeRecordBatch({
      baseTimestamp: o.timestamp ?? BigInt(Date.now()),
      records: Array.from({ length: records }, (_, i) => ({
        key: Buffer.from(`k${i}`),
        value: Buffer.from(`value ${i} `.repeat(Math.ceil((o.valueBytes ?? 80) / 8))),
        timestampDelta: BigInt(i),
      })),
    }),
    { acks: o.acks ?? -1 },
  );
}

/** Every batch from `from` to the log end (a fetch reads within one segment, so this loops). */
async function fetchBatches(topicId: string, from = 0n): Promise<RecordBatch[]> {
  const out: RecordBatch[] = [];
  for (let next = from; ; ) {
    const got = await fetchOnce(topicId, next);
    if (got.length === 0) return out;
    out.push(...got);
    const last = got.at(-1) as RecordBatch;
    next = last.baseOffset + BigInt(last.lastOffsetDelta) + 1n;
  }
}

async function fetchOnce(topicId: string, from: bigint): Promise<RecordBatch[]> {
  const p = await fetchPartition(wire, { topicId, partition: 0, offset: from });
  if (p.errorCode !== 0) throw new Error(`fetch error ${p.errorCode}`);
  return recordBatches(p.records);
}

/** ListOffsets v7 for EARLIEST (-2) or LATEST (-1). */
async function offsetOf(topic: string, timestamp: bigint): Promise<bigint> {
  const [p] = await listOffsets(wire, topic, 0, [timestamp]);
  if (p === undefined || p.errorCode !== 0) throw new Error(`list offsets error ${p?.errorCode}`);
  return p.offset;
}

/** The partition's segment files on the broker's disk. */
function segmentFiles(topicId: string): string[] {
  const dir = join(q.root, "broker-1", "logs", `${topicId}-0`);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".log"))
    .sort();
}

async function eventually(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("topic configs applied by the broker", () => {
  it("segment.bytes altered on an open log rolls several segments at the next appends", async () => {
    const id = await createTopic("cfg-segments");
    expect((await produce("cfg-segments")).errorCode).toBe(ERR.NONE);
    expect(segmentFiles(id)).toHaveLength(1);
    expect(await alter(TOPIC, "cfg-segments", [["segment.bytes", SET, "1024"]])).toMatchObject({
      errorCode: ERR.NONE,
    });
    expect(await describeTopic("cfg-segments", "segment.bytes")).toEqual({
      value: "1024",
      source: SOURCE.TOPIC,
    });
    for (let i = 0; i < 8; i++)
      expect((await produce("cfg-segments", { valueBytes: 300 })).errorCode).toBe(0);
    expect(segmentFiles(id).length).toBeGreaterThanOrEqual(4);
    // Every record is still there, in order.
    const batches = await fetchBatches(id);
    expect(batches.map((b) => b.baseOffset)).toEqual(Array.from({ length: 9 }, (_, i) => BigInt(i * 3)));
  });

  it("retention.ms set small deletes old segments at the next housekeeping round", async () => {
    const id = await createTopic("cfg-retention", { "segment.bytes": "1024" });
    const hourAgo = BigInt(Date.now() - 3_600_000);
    for (let i = 0; i < 6; i++) {
      expect((await produce("cfg-retention", { timestamp: hourAgo, valueBytes: 300 })).errorCode).toBe(0);
    }
    const end = await offsetOf("cfg-retention", -1n);
    expect(end).toBe(18n);
    expect(segmentFiles(id).length).toBeGreaterThan(2);
    // Kafka's default keeps a week: nothing goes.
    await new Promise((res) => setTimeout(res, 1000));
    expect(await offsetOf("cfg-retention", -2n)).toBe(0n);
    expect((await alter(TOPIC, "cfg-retention", [["retention.ms", SET, "60000"]])).errorCode).toBe(0);
    await eventually(async () => (await offsetOf("cfg-retention", -2n)) === end, "retention to delete");
    // Every record was older than a minute: the active segment went too, a new empty one starts at the end.
    expect(segmentFiles(id)).toEqual([`${end.toString().padStart(20, "0")}.log`]);
    expect((await produce("cfg-retention")).baseOffset).toBe(end);
  });

  it("compression.type=gzip stores and serves gzip though the producer sent none", async () => {
    const id = await createTopic("cfg-gzip", { "compression.type": "gzip" });
    expect((await produce("cfg-gzip")).errorCode).toBe(ERR.NONE);
    const [batch] = await fetchBatches(id);
    expect(batch?.compression).toBe("gzip");
    expect(batch?.records.map((r) => Buffer.from(r.key ?? []).toString())).toEqual(["k0", "k1", "k2"]);
    // Switched live to producer: the next batch is stored as sent.
    expect((await alter(TOPIC, "cfg-gzip", [["compression.type", SET, "producer"]])).errorCode).toBe(0);
    await produce("cfg-gzip");
    expect((await fetchBatches(id)).map((b) => b.compression)).toEqual(["gzip", "none"]);
  });

  it("message.timestamp.before.max.ms refuses an old record with INVALID_TIMESTAMP and record errors", async () => {
    await createTopic("cfg-timestamps", { "message.timestamp.before.max.ms": "3600000" });
    const old = BigInt(Date.now() - 2 * 3_600_000);
    const r = await produce("cfg-timestamps", { timestamp: old, records: 2 });
    expect(r.errorCode).toBe(ERR.INVALID_TIMESTAMP);
    expect(r.errorMessage).toBe("One or more records have been rejected due to invalid timestamp");
    expect(r.recordErrors.map((e) => e.batchIndex)).toEqual([0, 1]);
    expect(r.recordErrors[0]?.batchIndexErrorMessage).toMatch(
      new RegExp(
        `^Timestamp ${old} of message with offset 0 is out of range\\. The timestamp should be within \\[\\d+, -?\\d+\\]$`,
      ),
    );
    expect(await offsetOf("cfg-timestamps", -1n)).toBe(0n);
    expect((await produce("cfg-timestamps")).errorCode).toBe(ERR.NONE);
  });

  it("min.insync.replicas=2 on a topic with one replica counts as 1: acks=-1 succeeds", async () => {
    await createTopic("cfg-minisr");
    expect((await produce("cfg-minisr", { acks: -1 })).errorCode).toBe(ERR.NONE);
    expect((await alter(TOPIC, "cfg-minisr", [["min.insync.replicas", SET, "2"]])).errorCode).toBe(0);
    const all = await produce("cfg-minisr", { acks: -1 });
    expect(all.errorCode).toBe(ERR.NONE);
    expect(all.baseOffset).toBe(3n);
  });

  it("a cluster-wide default applies to a topic without its own value; a broker override beats it; the topic's own beats both", async () => {
    const plainId = await createTopic("cfg-inherits");
    const ownId = await createTopic("cfg-own", { "compression.type": "snappy" });
    try {
      expect((await alter(BROKER, "", [["compression.type", SET, "zstd"]])).errorCode).toBe(0);
      expect(await describeTopic("cfg-inherits", "compression.type")).toEqual({
        value: "zstd",
        source: SOURCE.DEFAULT_BROKER,
      });
      await produce("cfg-inherits");
      await produce("cfg-own");
      expect((await alter(BROKER, "1", [["compression.type", SET, "lz4"]])).errorCode).toBe(0);
      expect(await describeTopic("cfg-inherits", "compression.type")).toEqual({
        value: "lz4",
        source: SOURCE.BROKER,
      });
      await produce("cfg-inherits");
      await produce("cfg-own");
      expect((await fetchBatches(plainId)).map((b) => b.compression)).toEqual(["zstd", "lz4"]);
      expect((await fetchBatches(ownId)).map((b) => b.compression)).toEqual(["snappy", "snappy"]);
      expect(await describeTopic("cfg-own", "compression.type")).toEqual({
        value: "snappy",
        source: SOURCE.TOPIC,
      });
    } finally {
      await alter(BROKER, "1", [["compression.type", DELETE, null]]);
      await alter(BROKER, "", [["compression.type", DELETE, null]]);
    }
    expect(await describeTopic("cfg-inherits", "compression.type")).toEqual({
      value: "producer",
      source: SOURCE.DEFAULT,
    });
  });

  it("refuses values it cannot honour with INVALID_CONFIG and the reason", async () => {
    await createTopic("cfg-refused");
    const remote = await alter(TOPIC, "cfg-refused", [["remote.storage.enable", SET, "true"]]);
    expect(remote).toEqual({
      errorCode: ERR.INVALID_CONFIG,
      errorMessage:
        "Tiered Storage functionality is disabled in the broker. Topic cannot be configured with remote log storage.",
    });
    const preallocate = await alter(TOPIC, "cfg-refused", [["preallocate", SET, "true"]]);
    expect(preallocate.errorCode).toBe(ERR.INVALID_CONFIG);
    expect(preallocate.errorMessage).toMatch(/^preallocate=true is not supported/);
    const create = await requestCreateTopic(wire, "cfg-refused-at-create", {
      configs: { "remote.storage.enable": "true" },
    });
    expect(create?.errorCode).toBe(ERR.INVALID_CONFIG);
    expect((await describeTopic("cfg-refused", "remote.storage.enable")).value).toBe("false");
  });
});
