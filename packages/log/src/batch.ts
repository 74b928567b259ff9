import { crc32c } from "@node-rs/crc32";
import {
  COMPRESSION_CODECS,
  type CompressionCodec,
  compress,
  compressionId,
  decompress,
} from "./compression/index.js";
import { fail, ok, type Result } from "./errors.js";
import { Reader } from "./reader.js";
import { varintSize, Writer } from "./writer.js";

// Record batch v2 layout (all integers big-endian):
//
//   0  baseOffset            int64   \
//   8  batchLength           int32    | outside the CRC: the broker rewrites
//  12  partitionLeaderEpoch  int32    | baseOffset and the epoch in place
//  16  magic                 int8    /
//  17  crc                   uint32  CRC32C of bytes [21, end)
//  21  attributes            int16
//  23  lastOffsetDelta       int32
//  27  baseTimestamp         int64
//  35  maxTimestamp          int64
//  43  producerId            int64
//  51  producerEpoch         int16
//  53  baseSequence          int32
//  57  recordCount           int32
//  61  records (compressed as a whole when the codec is not "none")

/** Bytes before the records: the smallest possible batch. */
export const BATCH_HEADER_SIZE = 61;
/** `batchLength` counts the bytes after itself: the batch is this many bytes longer than it. */
export const BATCH_LENGTH_OFFSET = 12;
/** The only message format this package reads and writes. */
export const CURRENT_MAGIC = 2;
/** Default for `DecodeOptions.maxDecompressedBytes`: 64 MiB. */
export const DEFAULT_MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024;

const MAGIC_OFFSET = 16;
const CRC_OFFSET = 17;
const ATTRIBUTES_OFFSET = 21;
const PARTITION_LEADER_EPOCH_OFFSET = 12;
const MIN_BATCH_LENGTH = BATCH_HEADER_SIZE - BATCH_LENGTH_OFFSET;
/** The smallest record: length, attributes, timestampDelta, offsetDelta, key, value and header count, one byte each. */
const MIN_RECORD_SIZE = 7;
/** The smallest header: key length and value length, one byte each. */
const MIN_HEADER_SIZE = 2;

const COMPRESSION_MASK = 0x07;
const TIMESTAMP_TYPE_BIT = 0x08;
const TRANSACTIONAL_BIT = 0x10;
const CONTROL_BIT = 0x20;
const DELETE_HORIZON_BIT = 0x40;

export type TimestampType = "create-time" | "log-append-time";

export interface RecordHeader {
  readonly key: string;
  readonly value: Uint8Array | null;
}

/** One decoded record. `key`, `value` and header values may be views into the decoded buffer. */
export interface Record {
  /** The record's own attributes byte (unused by Kafka today, kept as read). */
  readonly attributes: number;
  readonly timestampDelta: bigint;
  readonly offsetDelta: number;
  readonly key: Uint8Array | null;
  readonly value: Uint8Array | null;
  readonly headers: readonly RecordHeader[];
}

/** Everything in the 61-byte header, with the attribute bits spelled out. */
export interface RecordBatchHeader {
  readonly baseOffset: bigint;
  readonly batchLength: number;
  readonly partitionLeaderEpoch: number;
  readonly magic: number;
  readonly crc: number;
  /** The raw attributes int16. */
  readonly attributes: number;
  readonly compression: CompressionCodec;
  readonly timestampType: TimestampType;
  readonly isTransactional: boolean;
  readonly isControl: boolean;
  /** When set, `baseTimestamp` is the delete horizon of a compacted batch. */
  readonly hasDeleteHorizonMs: boolean;
  readonly lastOffsetDelta: number;
  readonly baseTimestamp: bigint;
  readonly maxTimestamp: bigint;
  /** -1 when the batch is not idempotent. */
  readonly producerId: bigint;
  readonly producerEpoch: number;
  readonly baseSequence: number;
  readonly recordCount: number;
  /** The whole batch's size on the wire: `batchLength + 12`. */
  readonly sizeInBytes: number;
}

export interface RecordBatch extends RecordBatchHeader {
  readonly records: readonly Record[];
}

/** A record to encode; omitted fields take the defaults noted. */
export interface RecordInput {
  /** Default 0. */
  readonly attributes?: number;
  /** Default 0n. */
  readonly timestampDelta?: bigint;
  /** Default: the record's index in the batch. */
  readonly offsetDelta?: number;
  /** Default null. */
  readonly key?: Uint8Array | null;
  /** Default null. */
  readonly value?: Uint8Array | null;
  /** Default none. */
  readonly headers?: readonly RecordHeader[];
}

/**
 * A batch to encode; omitted fields take the defaults noted. A decoded
 * `RecordBatch` is a valid input and encodes back to the same fields.
 */
export interface RecordBatchInput {
  /** Default 0n: the broker assigns offsets on append. */
  readonly baseOffset?: bigint;
  /** Default -1 (unknown); the leader stamps it on append. */
  readonly partitionLeaderEpoch?: number;
  /** Default "none". */
  readonly compression?: CompressionCodec;
  /** The codec's level (gzip, zstd; see `compress`); default the codec's default. Not stored in the batch. */
  readonly compressionLevel?: number;
  /** Default "create-time". */
  readonly timestampType?: TimestampType;
  readonly isTransactional?: boolean;
  readonly isControl?: boolean;
  readonly hasDeleteHorizonMs?: boolean;
  /** Default: the largest record offsetDelta, or 0 with no records. */
  readonly lastOffsetDelta?: number;
  /** Default -1n (no timestamp). */
  readonly baseTimestamp?: bigint;
  /** Default: baseTimestamp plus the largest record timestampDelta, or baseTimestamp with no records. */
  readonly maxTimestamp?: bigint;
  /** Default -1n (not idempotent). */
  readonly producerId?: bigint;
  /** Default -1. */
  readonly producerEpoch?: number;
  /** Default -1. */
  readonly baseSequence?: number;
  readonly records: readonly RecordInput[];
}

export interface DecodeOptions {
  /**
   * The most bytes decompressing the records may produce; more is
   * DECOMPRESSED_TOO_LARGE, refused without holding them. Default 64 MiB.
   */
  readonly maxDecompressedBytes?: number;
  /** Check the CRC32C (default true). Turn off only for bytes already verified. */
  readonly verifyCrc?: boolean;
}

// --- header -----------------------------------------------------------------

function unsupportedMagic<T>(magic: number, at: number): Result<T> {
  if (magic === 0 || magic === 1) {
    return fail(
      "UNSUPPORTED_MAGIC",
      `legacy message format (magic ${magic}) is not supported; Kafka 2.1+ clients use record batch v2 (magic 2)`,
      at,
    );
  }
  return fail(
    "UNSUPPORTED_MAGIC",
    `unknown message format magic ${magic}; only record batch v2 (magic 2) is supported`,
    at,
  );
}

/**
 * Parses the 61-byte header at `offset` without reading the records or
 * checking the CRC. The rest of the batch (`sizeInBytes` in all) need not be
 * present. Magic 0 and 1 are refused as legacy formats.
 */
export function readBatchHeader(bytes: Uint8Array, offset = 0): Result<RecordBatchHeader> {
  const remaining = bytes.length - offset;
  if (offset < 0 || remaining < MAGIC_OFFSET + 1) {
    return fail("CORRUPT_MESSAGE", `truncated batch header: ${Math.max(0, remaining)} bytes`, offset);
  }
  const magic = ((bytes[offset + MAGIC_OFFSET] as number) << 24) >> 24;
  if (magic !== CURRENT_MAGIC) return unsupportedMagic(magic, offset + MAGIC_OFFSET);
  if (remaining < BATCH_HEADER_SIZE) {
    return fail(
      "CORRUPT_MESSAGE",
      `truncated batch header: ${remaining} of ${BATCH_HEADER_SIZE} bytes`,
      offset,
    );
  }
  const v = new DataView(bytes.buffer, bytes.byteOffset + offset, BATCH_HEADER_SIZE);
  const batchLength = v.getInt32(8);
  if (batchLength < MIN_BATCH_LENGTH) {
    return fail(
      "CORRUPT_MESSAGE",
      `batch length ${batchLength} is below the minimum ${MIN_BATCH_LENGTH}`,
      offset + 8,
    );
  }
  const attributes = v.getInt16(ATTRIBUTES_OFFSET);
  const compression = COMPRESSION_CODECS[attributes & COMPRESSION_MASK];
  if (compression === undefined) {
    return fail(
      "UNSUPPORTED_COMPRESSION",
      `unknown compression codec id ${attributes & COMPRESSION_MASK}`,
      offset + ATTRIBUTES_OFFSET,
    );
  }
  return ok({
    baseOffset: v.getBigInt64(0),
    batchLength,
    partitionLeaderEpoch: v.getInt32(PARTITION_LEADER_EPOCH_OFFSET),
    magic,
    crc: v.getUint32(CRC_OFFSET),
    attributes,
    compression,
    timestampType: (attributes & TIMESTAMP_TYPE_BIT) !== 0 ? "log-append-time" : "create-time",
    isTransactional: (attributes & TRANSACTIONAL_BIT) !== 0,
    isControl: (attributes & CONTROL_BIT) !== 0,
    hasDeleteHorizonMs: (attributes & DELETE_HORIZON_BIT) !== 0,
    lastOffsetDelta: v.getInt32(23),
    baseTimestamp: v.getBigInt64(27),
    maxTimestamp: v.getBigInt64(35),
    producerId: v.getBigInt64(43),
    producerEpoch: v.getInt16(51),
    baseSequence: v.getInt32(53),
    recordCount: v.getInt32(57),
    sizeInBytes: batchLength + BATCH_LENGTH_OFFSET,
  });
}

/**
 * True if `batch` is exactly one whole batch (as long as its header says)
 * whose stored CRC32C matches the bytes from `attributes` to the end.
 */
export function verifyBatchCrc(batch: Uint8Array): boolean {
  if (batch.length < BATCH_HEADER_SIZE) return false;
  const v = new DataView(batch.buffer, batch.byteOffset, batch.byteLength);
  if (v.getInt32(8) + BATCH_LENGTH_OFFSET !== batch.length) return false;
  return crc32c(batch.subarray(ATTRIBUTES_OFFSET)) === v.getUint32(CRC_OFFSET);
}

// --- in-place rewrites --------------------------------------------------------

function headerView(batch: Uint8Array): DataView {
  if (batch.length < BATCH_HEADER_SIZE) {
    throw new RangeError(`a record batch is at least ${BATCH_HEADER_SIZE} bytes, got ${batch.length}`);
  }
  return new DataView(batch.buffer, batch.byteOffset, BATCH_HEADER_SIZE);
}

/**
 * Rewrites `baseOffset` in place. It lies before the CRC-covered range, so
 * the CRC stays valid. Throws RangeError if `batch` is shorter than a header
 * or the offset is not an int64 (programmer errors).
 */
export function setBaseOffset(batch: Uint8Array, baseOffset: bigint): void {
  if (BigInt.asIntN(64, baseOffset) !== baseOffset)
    throw new RangeError(`baseOffset ${baseOffset} is not an int64`);
  headerView(batch).setBigInt64(0, baseOffset);
}

/** Rewrites `partitionLeaderEpoch` in place; like `setBaseOffset`, the CRC stays valid. */
export function setPartitionLeaderEpoch(batch: Uint8Array, epoch: number): void {
  checkInt("partitionLeaderEpoch", epoch, 32);
  headerView(batch).setInt32(PARTITION_LEADER_EPOCH_OFFSET, epoch);
}

/** Both rewrites at once: what a leader does to each batch it appends. */
export function assignOffsetAndEpoch(
  batch: Uint8Array,
  baseOffset: bigint,
  partitionLeaderEpoch: number,
): void {
  setBaseOffset(batch, baseOffset);
  setPartitionLeaderEpoch(batch, partitionLeaderEpoch);
}

// --- encoding -----------------------------------------------------------------

function checkInt(name: string, value: number, bits: 8 | 16 | 32): void {
  const limit = 2 ** (bits - 1);
  if (!Number.isInteger(value) || value < -limit || value >= limit) {
    throw new RangeError(`${name} ${value} is not an int${bits}`);
  }
}

function checkLong(name: string, value: bigint): void {
  if (BigInt.asIntN(64, value) !== value) throw new RangeError(`${name} ${value} is not an int64`);
}

function estimateSize(records: readonly RecordInput[]): number {
  let n = 0;
  for (const r of records) {
    n += 24 + (r.key?.length ?? 0) + (r.value?.length ?? 0);
    if (r.headers) for (const h of r.headers) n += 10 + h.key.length * 3 + (h.value?.length ?? 0);
  }
  return n;
}

function writeRecord(w: Writer, r: RecordInput, index: number): void {
  const attributes = r.attributes ?? 0;
  const offsetDelta = r.offsetDelta ?? index;
  const timestampDelta = r.timestampDelta ?? 0n;
  checkInt("record attributes", attributes, 8);
  checkInt("offsetDelta", offsetDelta, 32);
  checkLong("timestampDelta", timestampDelta);
  const start = w.pos;
  w.ensure(5);
  w.pos += 5; // room for the longest length varint; moved back below if shorter
  const bodyStart = w.pos;
  w.int8(attributes);
  w.varlong(timestampDelta);
  w.varint(offsetDelta);
  w.nullableVarBytes(r.key ?? null);
  w.nullableVarBytes(r.value ?? null);
  const headers = r.headers ?? [];
  w.varint(headers.length);
  for (const h of headers) {
    w.varString(h.key);
    w.nullableVarBytes(h.value);
  }
  const bodyLen = w.pos - bodyStart;
  const n = varintSize(bodyLen);
  if (n !== 5) w.buf.copyWithin(start + n, bodyStart, w.pos);
  w.pos = start;
  w.varint(bodyLen);
  w.pos = start + n + bodyLen;
}

/**
 * Encodes one record batch v2, compressing the records with
 * `input.compression`, and stamps its CRC32C. Field values out of their wire
 * range throw RangeError (programmer errors).
 */
export function encodeRecordBatch(input: RecordBatchInput): Uint8Array {
  const records = input.records;
  const compression = input.compression ?? "none";
  const codecId = compressionId(compression);
  if (codecId < 0) throw new RangeError(`unknown compression codec ${String(compression)}`);

  let maxOffsetDelta = 0;
  let maxTimestampDelta: bigint | null = null;
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as RecordInput;
    const od = r.offsetDelta ?? i;
    if (od > maxOffsetDelta) maxOffsetDelta = od;
    const td = r.timestampDelta ?? 0n;
    if (maxTimestampDelta === null || td > maxTimestampDelta) maxTimestampDelta = td;
  }
  const baseOffset = input.baseOffset ?? 0n;
  const partitionLeaderEpoch = input.partitionLeaderEpoch ?? -1;
  const lastOffsetDelta = input.lastOffsetDelta ?? maxOffsetDelta;
  const baseTimestamp = input.baseTimestamp ?? -1n;
  const maxTimestamp = input.maxTimestamp ?? baseTimestamp + (maxTimestampDelta ?? 0n);
  const producerId = input.producerId ?? -1n;
  const producerEpoch = input.producerEpoch ?? -1;
  const baseSequence = input.baseSequence ?? -1;
  checkLong("baseOffset", baseOffset);
  checkInt("partitionLeaderEpoch", partitionLeaderEpoch, 32);
  checkInt("lastOffsetDelta", lastOffsetDelta, 32);
  checkLong("baseTimestamp", baseTimestamp);
  checkLong("maxTimestamp", maxTimestamp);
  checkLong("producerId", producerId);
  checkInt("producerEpoch", producerEpoch, 16);
  checkInt("baseSequence", baseSequence, 32);
  checkInt("record count", records.length, 32);

  let attributes = codecId;
  if (input.timestampType === "log-append-time") attributes |= TIMESTAMP_TYPE_BIT;
  if (input.isTransactional) attributes |= TRANSACTIONAL_BIT;
  if (input.isControl) attributes |= CONTROL_BIT;
  if (input.hasDeleteHorizonMs) attributes |= DELETE_HORIZON_BIT;

  const estimate = estimateSize(records);
  let w: Writer;
  if (compression === "none") {
    w = new Writer(BATCH_HEADER_SIZE + estimate);
    w.ensure(BATCH_HEADER_SIZE);
    w.pos = BATCH_HEADER_SIZE;
    for (let i = 0; i < records.length; i++) writeRecord(w, records[i] as RecordInput, i);
  } else {
    const rw = new Writer(estimate);
    for (let i = 0; i < records.length; i++) writeRecord(rw, records[i] as RecordInput, i);
    const compressed = compress(compression, rw.finish(), input.compressionLevel);
    w = new Writer(BATCH_HEADER_SIZE + compressed.length);
    w.pos = BATCH_HEADER_SIZE;
    w.bytes(compressed);
  }
  const size = w.pos;
  const buf = w.buf;
  const v = new DataView(buf.buffer, buf.byteOffset, size);
  v.setBigInt64(0, baseOffset);
  v.setInt32(8, size - BATCH_LENGTH_OFFSET);
  v.setInt32(PARTITION_LEADER_EPOCH_OFFSET, partitionLeaderEpoch);
  v.setInt8(MAGIC_OFFSET, CURRENT_MAGIC);
  v.setInt16(ATTRIBUTES_OFFSET, attributes);
  v.setInt32(23, lastOffsetDelta);
  v.setBigInt64(27, baseTimestamp);
  v.setBigInt64(35, maxTimestamp);
  v.setBigInt64(43, producerId);
  v.setInt16(51, producerEpoch);
  v.setInt32(53, baseSequence);
  v.setInt32(57, records.length);
  v.setUint32(CRC_OFFSET, crc32c(buf.subarray(ATTRIBUTES_OFFSET, size)));
  // Hand back an exact-size copy only when the growable buffer wasted a lot.
  return buf.length - size > size / 4 ? buf.slice(0, size) : buf.subarray(0, size);
}

// --- decoding -----------------------------------------------------------------

function readRecords(r: Reader, count: number): Result<Record[]> {
  if (count < 0) return fail("CORRUPT_MESSAGE", `negative record count ${count}`, r.pos);
  if (count > r.remaining / MIN_RECORD_SIZE) {
    return fail(
      "CORRUPT_MESSAGE",
      `record count ${count} cannot fit in ${r.remaining} bytes of records`,
      r.pos,
    );
  }
  const records: Record[] = [];
  const outerEnd = r.end;
  for (let i = 0; i < count; i++) {
    const length = r.varint("record length");
    if (r.error) break;
    if (length < 0 || length > r.remaining) {
      r.fail("CORRUPT_MESSAGE", `record ${i} declares ${length} bytes, ${r.remaining} remain`);
      break;
    }
    const recordEnd = r.pos + length;
    r.end = recordEnd;
    const attributes = r.int8("record attributes");
    const timestampDelta = r.varlong("timestampDelta");
    const offsetDelta = r.varint("offsetDelta");
    const key = r.nullableVarBytes("record key");
    const value = r.nullableVarBytes("record value");
    const headerCount = r.varint("header count");
    const headers: RecordHeader[] = [];
    if (headerCount < 0 || headerCount > r.remaining / MIN_HEADER_SIZE) {
      r.fail("CORRUPT_MESSAGE", `invalid header count ${headerCount}`);
    } else {
      for (let h = 0; h < headerCount && r.error === null; h++) {
        const hk = r.varString("header key");
        const hv = r.nullableVarBytes("header value");
        headers.push({ key: hk, value: hv });
      }
    }
    if (r.error) break;
    if (r.pos !== recordEnd) {
      r.fail(
        "CORRUPT_MESSAGE",
        `record ${i} declares ${length} bytes but its fields end ${recordEnd - r.pos} early`,
      );
      break;
    }
    r.end = outerEnd;
    records.push({ attributes, timestampDelta, offsetDelta, key, value, headers });
  }
  if (r.error) return { ok: false, error: r.error };
  if (r.pos !== r.end) {
    return fail("CORRUPT_MESSAGE", `${r.end - r.pos} bytes remain after the batch's ${count} records`, r.pos);
  }
  return ok(records);
}

/**
 * Decodes exactly one whole batch: `bytes` must be as long as its header
 * says. Checks the CRC (unless told not to), decompresses within
 * `maxDecompressedBytes`, and reads every record. Never throws for bad input.
 *
 * Uncompressed keys, values and header values are views into `bytes`;
 * compressed ones are views into the decompressed buffer.
 */
export function decodeRecordBatch(bytes: Uint8Array, options: DecodeOptions = {}): Result<RecordBatch> {
  const hr = readBatchHeader(bytes);
  if (!hr.ok) return hr;
  const header = hr.value;
  const size = header.sizeInBytes;
  if (bytes.length < size) {
    return fail(
      "CORRUPT_MESSAGE",
      `truncated batch: header declares ${size} bytes, ${bytes.length} present`,
      0,
    );
  }
  if (bytes.length > size) {
    return fail("CORRUPT_MESSAGE", `${bytes.length - size} bytes follow the ${size}-byte batch`, size);
  }
  if (options.verifyCrc !== false) {
    const computed = crc32c(bytes.subarray(ATTRIBUTES_OFFSET, size));
    if (computed !== header.crc) {
      return fail(
        "CRC_MISMATCH",
        `batch CRC32C is 0x${header.crc.toString(16)} but the bytes hash to 0x${computed.toString(16)}`,
        CRC_OFFSET,
      );
    }
  }
  const count = header.recordCount;
  let reader: Reader;
  if (header.compression === "none" || (count === 0 && size === BATCH_HEADER_SIZE)) {
    reader = new Reader(bytes, BATCH_HEADER_SIZE, size);
  } else {
    const max = options.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED_BYTES;
    if (count < 0) return fail("CORRUPT_MESSAGE", `negative record count ${count}`, 57);
    if (count > max / MIN_RECORD_SIZE) {
      return fail(
        "DECOMPRESSED_TOO_LARGE",
        `${count} records need more than the ${max}-byte bound (maxDecompressedBytes)`,
        57,
      );
    }
    const d = decompress(header.compression, bytes.subarray(BATCH_HEADER_SIZE, size), max);
    if (!d.ok) return d;
    reader = new Reader(d.value);
  }
  const rr = readRecords(reader, count);
  if (!rr.ok) return rr;
  return ok({ ...header, records: rr.value });
}
