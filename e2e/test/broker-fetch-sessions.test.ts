/**
 * Incremental fetch sessions (KIP-227) on a real broker process: exact Fetch
 * requests open a session, continue it (only changed partitions come back,
 * forgotten ones drop out, added ones come back at once, a long poll wakes
 * for a session partition), continue it on another connection and close it;
 * a wrong epoch, an unknown session id and a changed topic-id mode get
 * Kafka's errors; a full cache answers session id 0. Then the Java consumer,
 * which uses sessions whenever a broker offers them, reads a 12-partition
 * topic while it is being written: every record once and in order.
 */
import { ErrorCode, type FetchResponse, ZERO_UUID } from "@runnel/kafka-protocol";
import { encodeRecordBatch } from "@runnel/log";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENTS, repoRoot } from "../compat/clients.js";
import { runStep } from "../compat/process.js";
import { type BrokerProcess, startBroker } from "../harness/broker.js";
import {
  fetchRequest as consumerFetch,
  controllerCreateTopic,
  produceBatches,
  recordBatches,
  waitForTopic,
  withWire,
} from "../harness/kafka-ops.js";
import { WireClient } from "../harness/kafka-wire.js";
import { MetadataQuorum } from "../harness/metadata.js";

/** The broker's cache size in this file, so the full-cache case is cheap to reach. */
const SLOTS = 8;

let q: MetadataQuorum;
let broker: BrokerProcess;
let adminUrl: string;

beforeAll(async () => {
  q = await MetadataQuorum.start({ voters: 3 });
  broker = await startBroker(q, 1, "a", {
    RUNNEL_BROKER_MAX_INCREMENTAL_FETCH_SESSION_CACHE_SLOTS: String(SLOTS),
    RUNNEL_BROKER_GROUP_INITIAL_REBALANCE_DELAY_MS: "0",
  });
  const line = broker.process.lines.find((l) => l.msg === "admin server listening");
  adminUrl = String(line?.admin);
}, 90_000);

afterAll(async () => {
  await broker?.process.close();
  await q?.close();
});

/** A metric of the broker's `/metrics`, summed over its series. */
async function metric(name: string): Promise<number> {
  const body = await (await fetch(`${adminUrl}/metrics`)).text();
  let sum = 0;
  let found = false;
  for (const m of body.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, "gm"))) {
    sum += Number(m[1]);
    found = true;
  }
  if (!found) throw new Error(`no metric ${name} on /metrics`);
  return sum;
}

async function createTopic(name: string, partitions: number): Promise<string> {
  const r = await controllerCreateTopic(q, { name, numPartitions: partitions });
  expect(r?.errorCode).toBe(0);
  return withWire(broker.port, (wire) =>
    waitForTopic(
      wire,
      name,
      (t) => t.partitions.length === partitions && t.partitions.every((p) => p.leaderId === 1),
    ),
  );
}

async function produce(wire: WireClient, topic: string, batches: Record<number, string[]>): Promise<void> {
  const answers = await produceBatches(
    wire,
    topic,
    Object.entries(batches).map(([p, values]) => ({
      index: Number(p),
      records: encodeRecordBatch({ records: values.map((v) => ({ value: Buffer.from(v) })) }),
    })),
    { acks: 1 },
  );
  for (const p of answers) expect(p.errorCode).toBe(0);
}

interface Part {
  partition: number;
  offset: bigint;
}

/** A Fetch request at `version`: topics by id from v13, by name before. */
function fetchRequest(
  o: {
    topicId: string;
    topic: string;
    sessionId: number;
    epoch: number;
    parts?: Part[];
    forget?: number[];
    maxWaitMs?: number;
  },
  version: number,
) {
  const byId = version >= 13;
  const parts = o.parts ?? [];
  const topic = byId ? "" : o.topic;
  const topicId = byId ? o.topicId : ZERO_UUID;
  return consumerFetch(parts.length === 0 ? [] : [{ topic, topicId, partitions: parts }], {
    maxWaitMs: o.maxWaitMs ?? 0,
    minBytes: 1,
    maxBytes: 1024 * 1024,
    sessionId: o.sessionId,
    sessionEpoch: o.epoch,
    forgotten: (o.forget ?? []).length === 0 ? [] : [{ topic, topicId, partitions: o.forget ?? [] }],
  });
}

/** Partition -> record values, for every partition in the response. */
function valuesOf(r: FetchResponse): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const t of r.responses) {
    for (const p of t.partitions) {
      expect(p.errorCode).toBe(0);
      const values: string[] = [];
      for (const b of recordBatches(p.records))
        for (const rec of b.records) values.push(rec.value === null ? "" : Buffer.from(rec.value).toString());
      out.set(p.partitionIndex, values);
    }
  }
  return out;
}

/** The partitions a response carries, as `partition:values` strings, in order. */
function summary(r: FetchResponse): string[] {
  return [...valuesOf(r)].map(([p, values]) => `${p}:${values.join(",")}`);
}

describe("fetch sessions", () => {
  let topicId: string;

  it("opens a session, then sends only changed partitions; forgotten ones drop out, added ones return; closes it", async () => {
    topicId = await createTopic("sess", 3);
    const wire = await WireClient.connect(broker.port);
    const t = { topicId, topic: "sess" };
    try {
      await produce(wire, "sess", { 0: ["a0"], 1: ["a1"], 2: ["a2"] });
      const full = await wire.send(
        1,
        16,
        fetchRequest(
          {
            ...t,
            sessionId: 0,
            epoch: 0,
            parts: [0, 1, 2].map((partition) => ({ partition, offset: 0n })),
          },
          16,
        ),
      );
      expect(full.errorCode).toBe(0);
      const id = full.sessionId;
      expect(id).toBeGreaterThan(0);
      expect(summary(full)).toEqual(["0:a0", "1:a1", "2:a2"]);

      // The client moved its offsets on; nothing else changed: nothing comes back (after the long poll).
      const quiet = await wire.send(
        1,
        16,
        fetchRequest(
          {
            ...t,
            sessionId: id,
            epoch: 1,
            parts: [0, 1, 2].map((partition) => ({ partition, offset: 1n })),
            maxWaitMs: 200,
          },
          16,
        ),
      );
      expect(quiet).toMatchObject({ errorCode: 0, sessionId: id, responses: [] });

      // New records on partition 1 only: only partition 1, though the request names none.
      await produce(wire, "sess", { 1: ["b1"] });
      const one = await wire.send(1, 16, fetchRequest({ ...t, sessionId: id, epoch: 2 }, 16));
      expect(one.sessionId).toBe(id);
      expect(summary(one)).toEqual(["1:b1"]);
      expect(one.responses[0]?.topicId).toBe(topicId);
      expect(one.responses[0]?.partitions[0]?.highWatermark).toBe(2n);

      // Forget partition 0: its new records no longer come back; partition 2's do.
      const forgot = await wire.send(
        1,
        16,
        fetchRequest(
          { ...t, sessionId: id, epoch: 3, parts: [{ partition: 1, offset: 2n }], forget: [0] },
          16,
        ),
      );
      expect(forgot.responses).toEqual([]);
      await produce(wire, "sess", { 0: ["c0"], 2: ["c2"] });
      const without0 = await wire.send(1, 16, fetchRequest({ ...t, sessionId: id, epoch: 4 }, 16));
      expect(summary(without0)).toEqual(["2:c2"]);

      // Add partition 0 back: it comes back at once; partition 2, its offset moved on, does not.
      const readd = await wire.send(
        1,
        16,
        fetchRequest(
          {
            ...t,
            sessionId: id,
            epoch: 5,
            parts: [
              { partition: 0, offset: 1n },
              { partition: 2, offset: 2n },
            ],
          },
          16,
        ),
      );
      expect(summary(readd)).toEqual(["0:c0"]);

      // Close the session (epoch -1 with its id): a sessionless answer, and the id is gone.
      const close = await wire.send(1, 16, fetchRequest({ ...t, sessionId: id, epoch: -1 }, 16));
      expect(close).toMatchObject({ errorCode: 0, sessionId: 0 });
      const gone = await wire.send(1, 16, fetchRequest({ ...t, sessionId: id, epoch: 6 }, 16));
      expect(gone).toMatchObject({
        errorCode: ErrorCode.FETCH_SESSION_ID_NOT_FOUND,
        sessionId: 0,
        responses: [],
      });
    } finally {
      wire.close();
    }
  }, 60_000);

  it("answers a wrong epoch, an unknown id and a changed topic-id mode with Kafka's errors; a session continues on another connection", async () => {
    const t = { topicId, topic: "sess" };
    const wire = await WireClient.connect(broker.port);
    const other = await WireClient.connect(broker.port);
    try {
      const full = await wire.send(
        1,
        13,
        // From partition 0's end (a0 and c0 so far), so only new records come back.
        fetchRequest({ ...t, sessionId: 0, epoch: 0, parts: [{ partition: 0, offset: 2n }] }, 13),
      );
      const id = full.sessionId;
      expect(id).toBeGreaterThan(0);

      const wrongEpoch = await wire.send(1, 13, fetchRequest({ ...t, sessionId: id, epoch: 7 }, 13));
      expect(wrongEpoch).toMatchObject({
        errorCode: ErrorCode.INVALID_FETCH_SESSION_EPOCH,
        sessionId: 0,
        responses: [],
      });
      const unknown = await wire.send(
        1,
        13,
        fetchRequest({ ...t, sessionId: id === 1 ? 2 : id - 1, epoch: 1 }, 13),
      );
      expect(unknown).toMatchObject({ errorCode: ErrorCode.FETCH_SESSION_ID_NOT_FOUND, sessionId: 0 });
      // The session was made with topic ids: continuing it by name (v12) is refused.
      const byName = await wire.send(1, 12, fetchRequest({ ...t, sessionId: id, epoch: 1 }, 12));
      expect(byName.errorCode).toBe(ErrorCode.FETCH_SESSION_TOPIC_ID_ERROR);

      // None of that moved the session on; it continues, on another connection too.
      const next = await wire.send(1, 13, fetchRequest({ ...t, sessionId: id, epoch: 1 }, 13));
      expect(next).toMatchObject({ errorCode: 0, sessionId: id, responses: [] });
      await produce(wire, "sess", { 0: ["d0"] });
      const elsewhere = await other.send(1, 13, fetchRequest({ ...t, sessionId: id, epoch: 2 }, 13));
      expect(elsewhere.sessionId).toBe(id);
      expect(summary(elsewhere)).toEqual(["0:d0"]);
      // The first connection's idea of the epoch is now stale.
      const stale = await wire.send(1, 13, fetchRequest({ ...t, sessionId: id, epoch: 2 }, 13));
      expect(stale.errorCode).toBe(ErrorCode.INVALID_FETCH_SESSION_EPOCH);
      await other.send(1, 13, fetchRequest({ ...t, sessionId: id, epoch: -1 }, 13));
    } finally {
      wire.close();
      other.close();
    }
  }, 60_000);

  it("keeps sessions by topic name for v7-12, and wakes an incremental long poll for a session partition", async () => {
    const wire = await WireClient.connect(broker.port);
    const producer = await WireClient.connect(broker.port);
    const t = { topicId, topic: "sess" };
    try {
      const full = await wire.send(
        1,
        12,
        fetchRequest(
          {
            ...t,
            sessionId: 0,
            epoch: 0,
            parts: [
              { partition: 1, offset: 2n },
              { partition: 2, offset: 2n },
            ],
          },
          12,
        ),
      );
      const id = full.sessionId;
      expect(id).toBeGreaterThan(0);
      expect(full.responses.map((r) => r.topic)).toEqual(["sess"]);
      const started = Date.now();
      const waiting = wire.send(
        1,
        12,
        fetchRequest({ ...t, sessionId: id, epoch: 1, maxWaitMs: 10_000 }, 12),
      );
      await new Promise((res) => setTimeout(res, 300));
      await produce(producer, "sess", { 2: ["e2"] });
      const woke = await waiting;
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(woke.responses.map((r) => r.topic)).toEqual(["sess"]);
      expect(summary(woke)).toEqual(["2:e2"]);
      // Forget by name.
      const forgot = await wire.send(1, 12, fetchRequest({ ...t, sessionId: id, epoch: 2, forget: [2] }, 12));
      expect(forgot.errorCode).toBe(0);
      await produce(producer, "sess", { 2: ["f2"] });
      const after = await wire.send(
        1,
        12,
        fetchRequest({ ...t, sessionId: id, epoch: 3, maxWaitMs: 200 }, 12),
      );
      expect(after.responses).toEqual([]);
      await wire.send(1, 12, fetchRequest({ ...t, sessionId: id, epoch: -1 }, 12));
    } finally {
      wire.close();
      producer.close();
    }
  }, 60_000);

  it("answers session id 0 when the cache is full of sessions in use", async () => {
    const t = { topicId, topic: "sess" };
    const wire = await WireClient.connect(broker.port);
    const before = await metric("fetch_session_sessions");
    const opened: number[] = [];
    try {
      for (let i = 0; i <= SLOTS; i++) {
        const r = await wire.send(
          1,
          16,
          fetchRequest({ ...t, sessionId: 0, epoch: 0, parts: [{ partition: 0, offset: 0n }] }, 16),
        );
        expect(r.errorCode).toBe(0);
        if (r.sessionId === 0) break;
        opened.push(r.sessionId);
      }
      expect(before + opened.length).toBe(SLOTS);
      expect(await metric("fetch_session_sessions")).toBe(SLOTS);
      expect(await metric("fetch_session_evictions_total")).toBe(0);
    } finally {
      for (const id of opened) await wire.send(1, 16, fetchRequest({ ...t, sessionId: id, epoch: -1 }, 16));
      wire.close();
    }
    expect(await metric("fetch_session_sessions")).toBe(before);
  }, 60_000);

  it("serves the Java consumer's sessions: a 12-partition stream read while written arrives once and in order", async () => {
    const partitions = 12;
    const rounds = 150;
    const perBatch = 4;
    const total = partitions * rounds * perBatch;
    await createTopic("stream", partitions);
    const createdBefore = await metric("fetch_session_created_total");
    const incrementalBefore = await metric("fetch_session_incremental_fetches_total");

    const java = CLIENTS.find((c) => c.name === "java");
    if (java === undefined) throw new Error("no java client in the compat table");
    const consuming = runStep(
      java.command(broker.bootstrap, "consume", ["stream", "sessions-group", String(total)]),
      repoRoot,
      150_000,
    );
    let consumerFailed = false;
    consuming.catch(() => {
      consumerFailed = true;
    });
    // Write only once the consumer is fetching, so the stream is read while it is written.
    const deadline = Date.now() + 90_000;
    while ((await metric("fetch_session_created_total")) === createdBefore) {
      if (consumerFailed) break;
      if (Date.now() > deadline) throw new Error("the Java consumer never opened a fetch session");
      await new Promise((res) => setTimeout(res, 100));
    }
    const producer = await WireClient.connect(broker.port);
    try {
      for (let round = 0; round < rounds && !consumerFailed; round++) {
        const batches: Record<number, string[]> = {};
        for (let p = 0; p < partitions; p++) {
          batches[p] = Array.from({ length: perBatch }, (_, i) => `p${p}-${round * perBatch + i}`);
        }
        await produce(producer, "stream", batches);
        await new Promise((res) => setTimeout(res, 20));
      }
    } finally {
      producer.close();
    }
    const events = await consuming;
    const records = events.filter((e) => e.event === "record") as unknown as {
      partition: number;
      offset: number;
      value: string;
    }[];
    expect(records).toHaveLength(total);
    for (let p = 0; p < partitions; p++) {
      const mine = records.filter((r) => r.partition === p);
      const expected = Array.from({ length: rounds * perBatch }, (_, i) => i);
      expect(mine.map((r) => r.offset)).toEqual(expected);
      expect(mine.map((r) => r.value)).toEqual(expected.map((i) => `p${p}-${i}`));
    }
    // It fetched through sessions: few opened, many incremental fetches.
    const created = (await metric("fetch_session_created_total")) - createdBefore;
    const incremental = (await metric("fetch_session_incremental_fetches_total")) - incrementalBefore;
    expect(created).toBeGreaterThanOrEqual(1);
    expect(created).toBeLessThanOrEqual(3);
    expect(incremental).toBeGreaterThan(50);
  }, 240_000);
});
