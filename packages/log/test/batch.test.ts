import { crc32c } from "@node-rs/crc32";
import {
  BATCH_HEADER_SIZE,
  decodeRecordBatch,
  encodeRecordBatch,
  readBatchHeader,
  setBaseOffset,
  setPartitionLeaderEpoch,
  verifyBatchCrc,
} from "@runnel/log";
import { describe, expect, it } from "vitest";
import { HAND, KP_gzip, KP_lz4, KP_none, KP_snappy, KP_zstd } from "./fixtures/vectors.js";
import { hex, plain, utf8 } from "./helpers.js";

// The hand-built batch from the spec, field by field.
const HAND_BYTES = [
  "0000000000000005", // baseOffset 5
  "00000048", // batchLength 72 (= 84 - 12)
  "00000003", // partitionLeaderEpoch 3
  "02", // magic
  "601d1266", // crc32c of everything below
  "0000", // attributes: none, create time, not transactional, not control
  "00000001", // lastOffsetDelta 1
  "0000018bcfe56800", // baseTimestamp 1700000000000
  "0000018bcfe56805", // maxTimestamp 1700000000005
  "ffffffffffffffff", // producerId -1
  "ffff", // producerEpoch -1
  "ffffffff", // baseSequence -1
  "00000002", // 2 records
  // record 0: length 13, attrs 0, tsDelta 0, offsetDelta 0, key "k", value "v1", 1 header h=x
  "1a",
  "00",
  "00",
  "00",
  "02",
  "6b",
  "04",
  "7631",
  "02",
  "02",
  "68",
  "02",
  "78",
  // record 1: length 8, attrs 0, tsDelta 5, offsetDelta 1, key null, value "v2", 0 headers
  "10",
  "00",
  "0a",
  "02",
  "01",
  "04",
  "7632",
  "00",
].join("");

const HAND_INPUT = {
  baseOffset: 5n,
  partitionLeaderEpoch: 3,
  lastOffsetDelta: 1,
  baseTimestamp: 1700000000000n,
  maxTimestamp: 1700000000005n,
  records: [
    {
      timestampDelta: 0n,
      offsetDelta: 0,
      key: utf8("k"),
      value: utf8("v1"),
      headers: [{ key: "h", value: utf8("x") }],
    },
    { timestampDelta: 5n, offsetDelta: 1, key: null, value: utf8("v2") },
  ],
};

describe("known answers", () => {
  it("the hand-written bytes match the independently generated vector", () => {
    expect(HAND_BYTES).toBe(HAND);
  });

  it("encodes the hand-built batch to exactly the expected bytes", () => {
    expect(Buffer.from(encodeRecordBatch(HAND_INPUT)).toString("hex")).toBe(HAND_BYTES);
  });

  it("decodes the hand-built batch", () => {
    const r = decodeRecordBatch(hex(HAND_BYTES));
    if (!r.ok) throw new Error(r.error.message);
    const b = r.value;
    expect(b).toMatchObject({
      baseOffset: 5n,
      batchLength: 72,
      partitionLeaderEpoch: 3,
      magic: 2,
      crc: 0x601d1266,
      compression: "none",
      timestampType: "create-time",
      isTransactional: false,
      isControl: false,
      hasDeleteHorizonMs: false,
      lastOffsetDelta: 1,
      baseTimestamp: 1700000000000n,
      maxTimestamp: 1700000000005n,
      producerId: -1n,
      producerEpoch: -1,
      baseSequence: -1,
      recordCount: 2,
      sizeInBytes: 84,
    });
    expect(b.records.map((r) => [r.timestampDelta, r.offsetDelta, plain(r.key), plain(r.value)])).toEqual([
      [0n, 0, [0x6b], [0x76, 0x31]],
      [5n, 1, null, [0x76, 0x32]],
    ]);
    expect(b.records[0]?.headers).toEqual([{ key: "h", value: utf8("x") }]);
    expect(b.records[1]?.headers).toEqual([]);
  });

  it("returns uncompressed keys and values as views into the input", () => {
    const bytes = hex(HAND_BYTES);
    const r = decodeRecordBatch(bytes);
    if (!r.ok) throw new Error(r.error.message);
    const value = r.value.records[0]?.value as Uint8Array;
    expect(value.buffer).toBe(bytes.buffer);
    bytes[value.byteOffset] = 0x41;
    expect(value[0]).toBe(0x41);
  });
});

describe("kafka-python record batches", () => {
  const cases = [
    ["none", KP_none],
    ["gzip", KP_gzip],
    ["snappy", KP_snappy],
    ["lz4", KP_lz4],
    ["zstd", KP_zstd],
  ] as const;
  for (const [codec, vector] of cases) {
    it(`decodes a ${codec} batch`, () => {
      const r = decodeRecordBatch(hex(vector));
      if (!r.ok) throw new Error(r.error.message);
      const b = r.value;
      expect(b.compression).toBe(codec);
      const idempotent = codec === "lz4" || codec === "zstd";
      expect(b.producerId).toBe(idempotent ? 1234n : -1n);
      expect(b.producerEpoch).toBe(idempotent ? 7 : -1);
      expect(b.baseSequence).toBe(idempotent ? 42 : -1);
      expect(b.isTransactional).toBe(codec === "lz4");
      expect(b.baseTimestamp).toBe(1700000000000n);
      expect(b.maxTimestamp).toBe(1700000000010n);
      expect(b.lastOffsetDelta).toBe(2);
      expect(b.records.map((x) => [x.offsetDelta, x.timestampDelta])).toEqual([
        [0, 0n],
        [1, 10n],
        [2, 3n],
      ]);
      expect(b.records.map((x) => [plain(x.key), plain(x.value)])).toEqual([
        [plain(utf8("key-0")), plain(utf8("value-0"))],
        [null, plain(utf8("value-1 ".repeat(20)))],
        [plain(utf8("key-2")), null],
      ]);
      expect(b.records.map((x) => x.headers)).toEqual([
        [{ key: "trace", value: utf8("abc") }],
        [],
        [{ key: "n", value: null }],
      ]);
    });
  }

  it("re-encodes the uncompressed kafka-python batch byte for byte", () => {
    const r = decodeRecordBatch(hex(KP_none));
    if (!r.ok) throw new Error(r.error.message);
    expect(Buffer.from(encodeRecordBatch(r.value)).toString("hex")).toBe(KP_none);
  });
});

describe("header and CRC", () => {
  it("reads the header of a batch whose records are absent", () => {
    const h = readBatchHeader(hex(HAND_BYTES).subarray(0, BATCH_HEADER_SIZE));
    expect(h.ok && h.value.sizeInBytes).toBe(84);
    expect(h.ok && h.value.recordCount).toBe(2);
  });

  it("reads a header at an offset", () => {
    const bytes = new Uint8Array(10 + 84);
    bytes.set(hex(HAND_BYTES), 10);
    const h = readBatchHeader(bytes, 10);
    expect(h.ok && h.value.baseOffset).toBe(5n);
  });

  it("verifyBatchCrc accepts a good batch and rejects any flipped CRC-covered byte", () => {
    const bytes = hex(HAND_BYTES);
    expect(verifyBatchCrc(bytes)).toBe(true);
    for (let i = 21; i < bytes.length; i++) {
      const copy = bytes.slice();
      copy[i] = (copy[i] as number) ^ 0x01;
      expect(verifyBatchCrc(copy)).toBe(false);
    }
    expect(verifyBatchCrc(bytes.subarray(0, 83))).toBe(false);
  });

  it("the CRC is CRC32C (Castagnoli) over bytes 21..end", () => {
    const bytes = hex(HAND_BYTES);
    expect(crc32c(bytes.subarray(21))).toBe(0x601d1266);
    expect(crc32c(utf8("123456789"))).toBe(0xe3069283); // the CRC-32C check value
  });
});

describe("in-place offset and epoch assignment", () => {
  it("rewrites baseOffset and partitionLeaderEpoch and keeps the CRC valid", () => {
    const bytes = hex(KP_zstd);
    const before = bytes.slice(17);
    setBaseOffset(bytes, 9_007_199_254_740_993n);
    setPartitionLeaderEpoch(bytes, 17);
    expect(bytes.subarray(17)).toEqual(before);
    expect(verifyBatchCrc(bytes)).toBe(true);
    const r = decodeRecordBatch(bytes);
    expect(r.ok && r.value.baseOffset).toBe(9_007_199_254_740_993n);
    expect(r.ok && r.value.partitionLeaderEpoch).toBe(17);
  });

  it("refuses a buffer too short to be a batch and out-of-range values", () => {
    expect(() => setBaseOffset(new Uint8Array(60), 1n)).toThrow(RangeError);
    expect(() => setBaseOffset(new Uint8Array(61), 2n ** 63n)).toThrow(RangeError);
    expect(() => setPartitionLeaderEpoch(new Uint8Array(61), 2 ** 31)).toThrow(RangeError);
  });
});

describe("encoding defaults and flags", () => {
  it("fills in defaults and derives lastOffsetDelta and maxTimestamp", () => {
    const bytes = encodeRecordBatch({
      baseTimestamp: 1000n,
      records: [{ timestampDelta: 7n }, { timestampDelta: 3n }, { value: utf8("x") }],
    });
    const r = decodeRecordBatch(bytes);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({
      baseOffset: 0n,
      partitionLeaderEpoch: -1,
      lastOffsetDelta: 2,
      maxTimestamp: 1007n,
      producerId: -1n,
      producerEpoch: -1,
      baseSequence: -1,
    });
    expect(r.value.records.map((x) => x.offsetDelta)).toEqual([0, 1, 2]);
  });

  it("sets each attribute bit", () => {
    const bytes = encodeRecordBatch({
      compression: "lz4",
      timestampType: "log-append-time",
      isTransactional: true,
      isControl: true,
      hasDeleteHorizonMs: true,
      records: [],
    });
    const h = readBatchHeader(bytes);
    expect(h.ok && h.value.attributes).toBe(0x03 | 0x08 | 0x10 | 0x20 | 0x40);
  });

  it("encodes an empty batch", () => {
    const bytes = encodeRecordBatch({ records: [] });
    expect(bytes.length).toBe(BATCH_HEADER_SIZE);
    const r = decodeRecordBatch(bytes);
    expect(r.ok && r.value.records).toEqual([]);
  });

  it("throws RangeError for values outside their wire types", () => {
    expect(() => encodeRecordBatch({ producerEpoch: 40000, records: [] })).toThrow(RangeError);
    expect(() => encodeRecordBatch({ records: [{ offsetDelta: 2 ** 31 }] })).toThrow(RangeError);
    expect(() => encodeRecordBatch({ records: [{ timestampDelta: 2n ** 63n }] })).toThrow(RangeError);
    expect(() => encodeRecordBatch({ baseOffset: -(2n ** 63n) - 1n, records: [] })).toThrow(RangeError);
  });
});
