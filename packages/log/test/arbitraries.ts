import type { CompressionCodec, RecordBatchInput, RecordHeader, RecordInput } from "@runnel/log";
import fc from "fast-check";

const int16 = fc.integer({ min: -(2 ** 15), max: 2 ** 15 - 1 });
const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
const int64 = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
const bytes = fc.uint8Array({ maxLength: 48 });
const nullableBytes = fc.option(bytes, { nil: null, freq: 4 });

export const headerArb: fc.Arbitrary<RecordHeader> = fc.record({
  key: fc.string({ unit: "grapheme", maxLength: 12 }),
  value: nullableBytes,
});

export const recordArb: fc.Arbitrary<RecordInput> = fc.record({
  attributes: fc.integer({ min: -128, max: 127 }),
  timestampDelta: fc.oneof(fc.bigInt({ min: -1000n, max: 100000n }), int64),
  offsetDelta: fc.oneof(fc.nat(1000), int32),
  key: nullableBytes,
  value: nullableBytes,
  headers: fc.array(headerArb, { maxLength: 3 }),
});

export const codecArb = fc.constantFrom<CompressionCodec>("none", "gzip", "snappy", "lz4", "zstd");

/** Every field explicit, so a decoded batch can be compared field by field. */
export const batchArb = fc.record({
  baseOffset: int64,
  partitionLeaderEpoch: int32,
  compression: codecArb,
  timestampType: fc.constantFrom("create-time" as const, "log-append-time" as const),
  isTransactional: fc.boolean(),
  isControl: fc.boolean(),
  hasDeleteHorizonMs: fc.boolean(),
  lastOffsetDelta: int32,
  baseTimestamp: int64,
  maxTimestamp: int64,
  producerId: int64,
  producerEpoch: int16,
  baseSequence: int32,
  records: fc.array(recordArb, { maxLength: 12 }),
}) satisfies fc.Arbitrary<RecordBatchInput>;
