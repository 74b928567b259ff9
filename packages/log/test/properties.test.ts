import {
  type CompressionCodec,
  decodeRecordBatch,
  encodeRecordBatch,
  type Record,
  type RecordInput,
  readBatchHeader,
  setBaseOffset,
  setPartitionLeaderEpoch,
  verifyBatchCrc,
} from "@runnel/log";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { batchArb, codecArb } from "./arbitraries.js";
import { plain } from "./helpers.js";

function normRecord(r: RecordInput | Record) {
  return {
    attributes: r.attributes,
    timestampDelta: r.timestampDelta,
    offsetDelta: r.offsetDelta,
    key: plain(r.key ?? null),
    value: plain(r.value ?? null),
    headers: (r.headers ?? []).map((h) => ({ key: h.key, value: plain(h.value) })),
  };
}

describe("record batch properties", () => {
  it("decode(encode(batch)) gives back every field and record, with a valid CRC", () => {
    fc.assert(
      fc.property(batchArb, (input) => {
        const bytes = encodeRecordBatch(input);
        expect(verifyBatchCrc(bytes)).toBe(true);
        const r = decodeRecordBatch(bytes);
        if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
        const { records, ...fields } = input;
        expect(r.value).toMatchObject(fields);
        expect(r.value.magic).toBe(2);
        expect(r.value.recordCount).toBe(records.length);
        expect(r.value.sizeInBytes).toBe(bytes.length);
        expect(r.value.records.map(normRecord)).toEqual(records.map(normRecord));
      }),
      { numRuns: 300 },
    );
  });

  it("re-encoding a decoded batch reproduces the same bytes", () => {
    fc.assert(
      fc.property(batchArb, (input) => {
        const bytes = encodeRecordBatch({ ...input, compression: "none" });
        const r = decodeRecordBatch(bytes);
        if (!r.ok) throw new Error(r.error.message);
        expect(encodeRecordBatch(r.value)).toEqual(bytes);
      }),
      { numRuns: 100 },
    );
  });

  it("rewriting baseOffset and epoch in place keeps the CRC valid and changes only those fields", () => {
    fc.assert(
      fc.property(
        batchArb,
        fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        (input, offset, epoch) => {
          const bytes = encodeRecordBatch(input);
          const covered = bytes.slice(17);
          setBaseOffset(bytes, offset);
          setPartitionLeaderEpoch(bytes, epoch);
          expect(bytes.subarray(17)).toEqual(covered);
          expect(verifyBatchCrc(bytes)).toBe(true);
          const r = decodeRecordBatch(bytes);
          if (!r.ok) throw new Error(r.error.message);
          expect(r.value.baseOffset).toBe(offset);
          expect(r.value.partitionLeaderEpoch).toBe(epoch);
          expect(r.value.records.length).toBe(input.records.length);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("readBatchHeader agrees with the full decode", () => {
    fc.assert(
      fc.property(batchArb, (input) => {
        const bytes = encodeRecordBatch(input);
        const h = readBatchHeader(bytes);
        const d = decodeRecordBatch(bytes);
        if (!h.ok || !d.ok) throw new Error("decode failed");
        const { records: _records, ...fields } = d.value;
        expect(h.value).toEqual(fields);
      }),
      { numRuns: 100 },
    );
  });

  it("flipping any byte from the magic on is caught (CRC, magic or length), never thrown", () => {
    fc.assert(
      fc.property(batchArb, fc.nat(), fc.integer({ min: 1, max: 255 }), (input, at, xor) => {
        const bytes = encodeRecordBatch(input);
        const i = 16 + (at % (bytes.length - 16));
        bytes[i] = (bytes[i] as number) ^ xor;
        const r = decodeRecordBatch(bytes);
        expect(r.ok).toBe(false);
        if (!r.ok) {
          const expected = i === 16 ? "UNSUPPORTED_MAGIC" : i === 21 || i === 22 ? null : "CRC_MISMATCH";
          if (expected !== null) expect(r.error.code).toBe(expected);
          // a flipped attributes byte may name an unknown codec before the CRC is checked
          else expect(["CRC_MISMATCH", "UNSUPPORTED_COMPRESSION"]).toContain(r.error.code);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("with the CRC re-stamped, corrupt record bytes give CORRUPT_MESSAGE (or decode), never a throw", async () => {
    const { crc32c } = await import("@node-rs/crc32");
    fc.assert(
      fc.property(batchArb, fc.nat(), fc.integer({ min: 1, max: 255 }), (input, at, xor) => {
        const bytes = encodeRecordBatch({ ...input, compression: "none" });
        if (bytes.length <= 61) return;
        const i = 61 + (at % (bytes.length - 61));
        bytes[i] = (bytes[i] as number) ^ xor;
        new DataView(bytes.buffer, bytes.byteOffset).setUint32(17, crc32c(bytes.subarray(21)));
        const r = decodeRecordBatch(bytes);
        if (!r.ok) expect(r.error.code).toBe("CORRUPT_MESSAGE");
      }),
      { numRuns: 500 },
    );
  });

  it("control and transactional flags survive every codec", () => {
    fc.assert(
      fc.property(codecArb, fc.boolean(), fc.boolean(), (codec: CompressionCodec, txn, control) => {
        const bytes = encodeRecordBatch({
          compression: codec,
          isTransactional: txn,
          isControl: control,
          producerId: 7n,
          producerEpoch: 1,
          baseSequence: 0,
          records: [{ value: new Uint8Array(3) }],
        });
        const r = decodeRecordBatch(bytes);
        expect(r.ok && [r.value.compression, r.value.isTransactional, r.value.isControl]).toEqual([
          codec,
          txn,
          control,
        ]);
      }),
    );
  });
});
