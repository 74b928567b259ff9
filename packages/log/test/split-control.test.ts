import {
  ControlRecordType,
  decodeEndTxnMarker,
  decodeRecordBatch,
  encodeEndTxnMarker,
  encodeRecordBatch,
  endTxnMarkerBatch,
  readControlRecordKey,
  splitBatches,
} from "@runnel/log";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { batchArb } from "./arbitraries.js";
import { HAND, KP_gzip, KP_none } from "./fixtures/vectors.js";
import { hex } from "./helpers.js";

function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

describe("splitBatches", () => {
  it("splits back-to-back batches into views without copying", () => {
    const a = hex(HAND);
    const b = hex(KP_gzip);
    const c = hex(KP_none);
    const region = concat(a, b, c);
    const slices = [...splitBatches(region)];
    expect(slices.map((s) => s.kind)).toEqual(["batch", "batch", "batch"]);
    expect(slices.map((s) => s.position)).toEqual([0, a.length, a.length + b.length]);
    const bytes = slices.map((s) => (s.kind === "batch" ? s.bytes : new Uint8Array(0)));
    expect(bytes).toEqual([a, b, c]);
    for (const s of bytes) expect(s.buffer).toBe(region.buffer);
    for (const s of bytes) expect(decodeRecordBatch(s).ok).toBe(true);
  });

  it("reports a truncated trailing batch, with its needed size when known", () => {
    const a = hex(HAND);
    const b = hex(KP_gzip);
    const full = concat(a, b);
    for (let cut = 1; cut < b.length; cut++) {
      const slices = [...splitBatches(full.subarray(0, a.length + cut))];
      expect(slices[0]?.kind).toBe("batch");
      expect(slices[1]).toEqual({
        kind: "truncated",
        position: a.length,
        available: cut,
        needed: cut >= 12 ? b.length : null,
      });
      expect(slices.length).toBe(2);
    }
  });

  it("an empty region yields nothing", () => {
    expect([...splitBatches(new Uint8Array(0))]).toEqual([]);
  });

  it("stops at a legacy or unknown magic and at a bad length", () => {
    const legacy = hex(HAND);
    legacy[16] = 1;
    const s1 = [...splitBatches(concat(hex(HAND), legacy))];
    expect(s1.map((s) => s.kind)).toEqual(["batch", "error"]);
    expect(s1[1]?.kind === "error" && s1[1].error.code).toBe("UNSUPPORTED_MAGIC");
    const bad = hex(HAND);
    new DataView(bad.buffer).setInt32(8, -7);
    const s2 = [...splitBatches(bad)];
    expect(s2[0]?.kind === "error" && s2[0].error.code).toBe("CORRUPT_MESSAGE");
  });

  it("a batchLength of INT32_MAX is a truncated batch needing 2^31 + 11 bytes", () => {
    const big = hex(HAND);
    new DataView(big.buffer).setInt32(8, 2 ** 31 - 1);
    expect([...splitBatches(big)]).toEqual([
      { kind: "truncated", position: 0, available: 84, needed: 2 ** 31 + 11 },
    ]);
  });

  it("random regions end in at most one truncated or error entry and cover the bytes in order", () => {
    fc.assert(
      fc.property(fc.array(batchArb, { maxLength: 4 }), fc.nat(), (batches, cutSeed) => {
        const encoded = batches.map((b) => encodeRecordBatch({ ...b, compression: "none" }));
        const region = concat(...encoded);
        const cut = region.length === 0 ? 0 : cutSeed % (region.length + 1);
        const slices = [...splitBatches(region.subarray(0, cut))];
        let pos = 0;
        for (const [i, s] of slices.entries()) {
          expect(s.position).toBe(pos);
          if (s.kind === "batch") pos += s.bytes.length;
          else expect(i).toBe(slices.length - 1);
          expect(s.kind).not.toBe("error");
        }
        const whole = slices.filter((s) => s.kind === "batch").length;
        let expectedWhole = 0;
        let acc = 0;
        for (const e of encoded) {
          acc += e.length;
          if (acc <= cut) expectedWhole++;
        }
        expect(whole).toBe(expectedWhole);
      }),
    );
  });

  it("random bytes never throw or loop", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), (b) => {
        const slices = [...splitBatches(b)];
        expect(slices.length).toBeLessThanOrEqual(Math.floor(b.length / 61) + 1);
      }),
      { numRuns: 500 },
    );
  });
});

describe("control batches", () => {
  it("encodes the end-transaction marker key and value per the spec", () => {
    const { key, value } = encodeEndTxnMarker({ type: "commit", coordinatorEpoch: 0x01020304 });
    expect(Buffer.from(key).toString("hex")).toBe("00000001");
    expect(Buffer.from(value).toString("hex")).toBe("000001020304");
    const abort = encodeEndTxnMarker({ type: "abort", coordinatorEpoch: -1 });
    expect(Buffer.from(abort.key).toString("hex")).toBe("00000000");
    expect(Buffer.from(abort.value).toString("hex")).toBe("0000ffffffff");
  });

  it("a marker batch round-trips through encode and decode", () => {
    for (const type of ["abort", "commit"] as const) {
      const input = endTxnMarkerBatch({
        producerId: 4000n,
        producerEpoch: 5,
        marker: { type, coordinatorEpoch: 12 },
        timestamp: 1700000000123n,
        baseOffset: 77n,
        partitionLeaderEpoch: 4,
      });
      const r = decodeRecordBatch(encodeRecordBatch(input));
      if (!r.ok) throw new Error(r.error.message);
      const b = r.value;
      expect(b).toMatchObject({
        baseOffset: 77n,
        partitionLeaderEpoch: 4,
        isControl: true,
        isTransactional: true,
        compression: "none",
        producerId: 4000n,
        producerEpoch: 5,
        baseSequence: -1,
        baseTimestamp: 1700000000123n,
        maxTimestamp: 1700000000123n,
        lastOffsetDelta: 0,
        recordCount: 1,
      });
      const record = b.records[0];
      if (!record) throw new Error("no record");
      expect(decodeEndTxnMarker(record)).toEqual({ ok: true, value: { type, coordinatorEpoch: 12 } });
      expect(readControlRecordKey(record.key)).toEqual({
        ok: true,
        value: { version: 0, type: type === "commit" ? ControlRecordType.COMMIT : ControlRecordType.ABORT },
      });
    }
  });

  it("reads newer marker versions with extra bytes, as Kafka does", () => {
    const r = decodeEndTxnMarker({ key: hex("000100010000"), value: hex("0001000000070000") });
    expect(r).toEqual({ ok: true, value: { type: "commit", coordinatorEpoch: 7 } });
  });

  it("rejects short, null, negative-version and non-marker control records", () => {
    const bad = [
      { key: null, value: hex("000000000000") },
      { key: hex("0000"), value: hex("000000000000") },
      { key: hex("ffff0001"), value: hex("000000000000") },
      { key: hex("00000002"), value: hex("000000000000") }, // leader change, not a marker
      { key: hex("00000001"), value: hex("0000") },
      { key: hex("00000001"), value: null },
      { key: hex("00000001"), value: hex("ffff00000000") },
    ];
    for (const record of bad) {
      const r = decodeEndTxnMarker(record);
      expect(r.ok ? "ok" : r.error.code).toBe("CORRUPT_MESSAGE");
    }
    expect(readControlRecordKey(hex("00000002"))).toEqual({ ok: true, value: { version: 0, type: 2 } });
  });
});
