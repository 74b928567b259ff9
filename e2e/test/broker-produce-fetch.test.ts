/**
 * The broker's data path with a real client and exact requests: kafkajs
 * produces keyed records with headers (plain and gzip); Fetch returns them in
 * order as whole batches, long-polls, and reports out-of-range offsets; bad
 * produce requests get the errors the Java broker gives while the connection
 * stays usable; a broker killed with -9 during a produce stream keeps every
 * acknowledged record.
 */
import { ZERO_UUID } from "@runnel/kafka-protocol";
import { encodeRecordBatch } from "@runnel/log";
import { CompressionTypes, Kafka, logLevel } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrokerProcess, startBroker } from "../harness/broker.js";
import {
  controllerCreateTopic,
  fetchPartition,
  initProducerId,
  produceBatch,
  recordBatches,
  waitForTopic,
  withWire,
} from "../harness/kafka-ops.js";
import { WireClient } from "../harness/kafka-wire.js";
import { MetadataQuorum } from "../harness/metadata.js";

let q: MetadataQuorum;
let broker: BrokerProcess;

beforeAll(async () => {
  q = await MetadataQuorum.start({ voters: 3 });
  // Small segments, so recovery and reads cross segment boundaries.
  broker = await startBroker(q, 1, "a", { RUNNEL_BROKER_SEGMENT_BYTES: "65536" });
}, 90_000);

afterAll(async () => {
  await broker?.process.close();
  await q?.close();
});

async function createTopic(name: string, partitions: number): Promise<string> {
  const r = await controllerCreateTopic(q, { name, numPartitions: partitions });
  expect(r?.errorCode).toBe(0);
  return withWire(broker.port, (wire) => waitForTopic(wire, name, (t) => t.partitions.length === partitions));
}

interface Fetched {
  offset: bigint;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

async function fetchAll(
  wire: WireClient,
  topicId: string,
  partition: number,
  from: bigint,
  byName?: string,
): Promise<Fetched[]> {
  // By topic id (v16), or by name (v12, the last version before topic ids).
  const p =
    byName === undefined
      ? await fetchPartition(wire, { topicId, partition, offset: from }, { version: 16 })
      : await fetchPartition(
          wire,
          { topicId: ZERO_UUID, topic: byName, partition, offset: from },
          { version: 12 },
        );
  if (p.errorCode !== 0) throw new Error(`fetch error ${p.errorCode}`);
  const out: Fetched[] = [];
  for (const b of recordBatches(p.records)) {
    for (const rec of b.records) {
      out.push({
        offset: b.baseOffset + BigInt(rec.offsetDelta),
        key: rec.key === null ? null : Buffer.from(rec.key).toString(),
        value: rec.value === null ? null : Buffer.from(rec.value).toString(),
        headers: Object.fromEntries(
          rec.headers.map((h) => [h.key, h.value === null ? "" : Buffer.from(h.value).toString()]),
        ),
      });
    }
  }
  return out;
}

describe("broker produce and fetch", () => {
  it("returns what kafkajs produced, in order, with keys and headers, plain and gzip", async () => {
    const topicId = await createTopic("pf", 2);
    const kafka = new Kafka({ brokers: [broker.bootstrap], clientId: "e2e-pf", logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    try {
      for (const compression of [CompressionTypes.None, CompressionTypes.GZIP]) {
        await producer.send({
          topic: "pf",
          acks: -1,
          compression,
          messages: Array.from({ length: 10 }, (_, i) => ({
            partition: i % 2,
            key: `k${i}`,
            value: `v${compression}-${i}`,
            headers: { h: `x${i}` },
          })),
        });
      }
    } finally {
      await producer.disconnect();
    }
    const wire = await WireClient.connect(broker.port);
    try {
      const p0 = await fetchAll(wire, topicId, 0, 0n);
      expect(p0.map((r) => r.offset)).toEqual([0n, 1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n]);
      expect(p0.map((r) => r.value)).toEqual([
        ...[0, 2, 4, 6, 8].map((i) => `v0-${i}`),
        ...[0, 2, 4, 6, 8].map((i) => `v1-${i}`),
      ]);
      expect(p0[1]).toMatchObject({ key: "k2", headers: { h: "x2" } });
      // A fetch inside a batch returns the whole batch.
      const mid = await fetchAll(wire, topicId, 0, 2n);
      expect(mid[0]?.offset).toBe(0n);
      // Fetch by name (v12) sees the same records.
      const byName = await fetchAll(wire, topicId, 1, 0n, "pf");
      expect(byName.map((r) => r.offset)).toEqual(
        (await fetchAll(wire, topicId, 1, 0n)).map((r) => r.offset),
      );
      expect(byName.length).toBe(10);
    } finally {
      wire.close();
    }
  }, 60_000);

  it("lists offsets (earliest, latest, by timestamp) for kafkajs", async () => {
    const kafka = new Kafka({
      brokers: [broker.bootstrap],
      clientId: "e2e-offsets",
      logLevel: logLevel.NOTHING,
    });
    const admin = kafka.admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets("pf");
      expect(offsets.map((o) => [o.partition, o.low, o.high]).sort()).toEqual([
        [0, "0", "10"],
        [1, "0", "10"],
      ]);
      const byTime = await admin.fetchTopicOffsetsByTimestamp("pf", 0);
      expect(byTime.map((o) => o.offset).sort()).toEqual(["0", "0"]);
      const future = await admin.fetchTopicOffsetsByTimestamp("pf", Date.now() + 3_600_000);
      // No record that late: the answer is the log end, as kafkajs maps -1.
      for (const o of future) expect(["-1", "10"]).toContain(o.offset);
    } finally {
      await admin.disconnect();
    }
  }, 60_000);

  it("gives idempotent producers an id and acknowledges a retried batch once (InitProducerId, sequences)", async () => {
    const topicId = await createTopic("idem", 1);
    const kafka = new Kafka({
      brokers: [broker.bootstrap],
      clientId: "e2e-idem",
      logLevel: logLevel.NOTHING,
    });
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    try {
      for (let i = 0; i < 3; i++)
        await producer.send({ topic: "idem", acks: -1, messages: [{ key: "k", value: `i${i}` }] });
    } finally {
      await producer.disconnect();
    }
    const wire = await WireClient.connect(broker.port);
    try {
      const init = await initProducerId(wire);
      expect(init.errorCode).toBe(0);
      expect(init.producerId).toBeGreaterThanOrEqual(0n);
      const retried = encodeRecordBatch({
        producerId: init.producerId,
        producerEpoch: init.producerEpoch,
        baseSequence: 0,
        records: [{ value: Buffer.from("once") }],
      });
      const send = () => produceBatch(wire, "idem", 0, Buffer.from(retried));
      const first = await send();
      const second = await send();
      expect(first.errorCode).toBe(0);
      expect(second).toMatchObject({
        errorCode: 0,
        baseOffset: first.baseOffset,
      });
      const values = (await fetchAll(wire, topicId, 0, 0n)).map((r) => r.value);
      expect(values).toEqual(["i0", "i1", "i2", "once"]);
      // A gap in the sequence is refused.
      const gap = encodeRecordBatch({
        producerId: init.producerId,
        producerEpoch: init.producerEpoch,
        baseSequence: 5,
        records: [{ value: Buffer.from("gap") }],
      });
      const refused = await produceBatch(wire, "idem", 0, gap);
      expect(refused.errorCode).toBe(45); // OUT_OF_ORDER_SEQUENCE_NUMBER
    } finally {
      wire.close();
    }
  }, 60_000);

  it("long-polls until data arrives, and reports an offset past the end as OFFSET_OUT_OF_RANGE", async () => {
    const topicId = await createTopic("poll", 1);
    const wire = await WireClient.connect(broker.port);
    const producerWire = await WireClient.connect(broker.port);
    try {
      const request = (offset: bigint, maxWaitMs: number) =>
        fetchPartition(
          wire,
          { topic: "poll", topicId, partition: 0, offset },
          { version: 12, maxWaitMs, minBytes: 1, maxBytes: 1024 * 1024 },
        );
      const waiting = request(0n, 10_000);
      await new Promise((res) => setTimeout(res, 300));
      const batch = encodeRecordBatch({ records: [{ key: Buffer.from("k"), value: Buffer.from("late") }] });
      const produced = await produceBatch(producerWire, "poll", 0, batch, { acks: 1 });
      expect(produced.errorCode).toBe(0);
      const r = await waiting;
      expect(r.records?.byteLength).toBeGreaterThan(0);
      expect(r.highWatermark).toBe(1n);
      const beyond = await request(5n, 0);
      expect(beyond.errorCode).toBe(1); // OFFSET_OUT_OF_RANGE
    } finally {
      wire.close();
      producerWire.close();
    }
  }, 60_000);

  it("answers bad produce requests with Kafka's errors and keeps the connection", async () => {
    await createTopic("bad", 1);
    const wire = await WireClient.connect(broker.port);
    try {
      const produce = (records: Uint8Array) => produceBatch(wire, "bad", 0, records);
      const good = encodeRecordBatch({ records: [{ value: Buffer.from("ok") }] });
      const corrupt = Buffer.from(good);
      // Flip the last byte, inside the CRC-covered records.
      corrupt.writeUInt8((corrupt.readUInt8(corrupt.byteLength - 1) ^ 0xff) & 0xff, corrupt.byteLength - 1);
      expect((await produce(corrupt)).errorCode).toBe(2); // CORRUPT_MESSAGE
      const huge = encodeRecordBatch({ records: [{ value: Buffer.alloc(1_100_000, 7) }] });
      expect((await produce(huge)).errorCode).toBe(10); // MESSAGE_TOO_LARGE
      const unknown = await produceBatch(wire, "no-such-topic", 0, good);
      expect(unknown.errorCode).toBe(3); // UNKNOWN_TOPIC_OR_PARTITION
      // The same connection still works.
      const ok = await produce(good);
      expect(ok).toMatchObject({ errorCode: 0, baseOffset: 0n });
      expect(wire.isClosed).toBe(false);
    } finally {
      wire.close();
    }
  }, 60_000);

  it("answers a fetch of a deleted topic with UNKNOWN_TOPIC_ID", async () => {
    const topicId = await createTopic("doomed", 1);
    const d = await q.controller.call((c, o) =>
      c.deleteTopics({ topics: [{ ref: { case: "name", value: "doomed" } }] }, o),
    );
    expect(d.topics[0]?.errorCode).toBe(0);
    const wire = await WireClient.connect(broker.port);
    try {
      let code = 0;
      for (let i = 0; i < 50 && code === 0; i++) {
        code = await fetchAll(wire, topicId, 0, 0n).then(
          () => 0,
          (e: Error) => Number(/fetch error (\d+)/.exec(e.message)?.[1] ?? -1),
        );
        if (code === 0) await new Promise((res) => setTimeout(res, 50));
      }
      expect(code).toBe(100); // UNKNOWN_TOPIC_ID
    } finally {
      wire.close();
    }
  }, 60_000);

  it("keeps every acknowledged record when killed with -9 during a produce stream (acks=1, RF 1)", async () => {
    const topicId = await createTopic("crash", 1);
    const wire = await WireClient.connect(broker.port);
    const acked: string[] = [];
    let n = 0;
    const stream = (async () => {
      for (;;) {
        const value = `m${n++}`;
        try {
          const r = await produceBatch(
            wire,
            "crash",
            0,
            encodeRecordBatch({ records: [{ value: Buffer.from(value) }] }),
            { acks: 1, answerWithinMs: 2_000 },
          );
          if (r.errorCode === 0) acked.push(value);
        } catch {
          return;
        }
      }
    })();
    await new Promise((res) => setTimeout(res, 1_000));
    await broker.process.kill();
    await stream;
    expect(acked.length).toBeGreaterThan(10);
    broker.process.start();
    await broker.process.waitForLine((l) => l.msg === "unfenced", 60_000);
    const reader = await WireClient.connect(broker.port);
    try {
      // Like a client, retry while the restarted broker is not yet the leader again.
      let first: Fetched[] | undefined;
      for (let i = 0; i < 100 && first === undefined; i++) {
        first = await fetchAll(reader, topicId, 0, 0n).catch((e: Error) => {
          if (!/fetch error 6\b/.test(e.message)) throw e;
          return undefined;
        });
        if (first === undefined) await new Promise((res) => setTimeout(res, 100));
      }
      if (first === undefined) throw new Error("the restarted broker never led the partition again");
      // Read on, as a consumer does, until a fetch returns nothing more.
      const records = [...first];
      for (;;) {
        const last = records[records.length - 1];
        const more = await fetchAll(reader, topicId, 0, last === undefined ? 0n : last.offset + 1n);
        if (more.length === 0) break;
        records.push(...more);
      }
      const values = records.map((r) => r.value);
      for (const v of acked) expect(values).toContain(v);
      // Offsets are contiguous from 0.
      expect(records.map((r) => r.offset)).toEqual(records.map((_, i) => BigInt(i)));
    } finally {
      reader.close();
    }
  }, 90_000);
});
