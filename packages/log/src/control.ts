import type { RecordBatchInput } from "./batch.js";
import { fail, ok, type Result } from "./errors.js";

// Control batches (isControl) carry one control record. Its key is
// (version int16, type int16); for transaction markers the value is
// (version int16, coordinatorEpoch int32). Everything is big-endian.

/** Control record types that this package gives names to. */
export const ControlRecordType = {
  ABORT: 0,
  COMMIT: 1,
} as const;

export const END_TXN_MARKER_VERSION = 0;
const CONTROL_KEY_VERSION = 0;
const KEY_SIZE = 4;
const VALUE_SIZE = 6;

export interface ControlRecordKey {
  readonly version: number;
  /** 0 abort, 1 commit; other types (leader change, snapshots...) are passed through as numbers. */
  readonly type: number;
}

export interface EndTxnMarker {
  readonly type: "abort" | "commit";
  readonly coordinatorEpoch: number;
}

function checkInt(name: string, value: number, bits: 16 | 32): void {
  const limit = 2 ** (bits - 1);
  if (!Number.isInteger(value) || value < -limit || value >= limit) {
    throw new RangeError(`${name} ${value} is not an int${bits}`);
  }
}

/** Reads a control record key. Extra bytes after the type are allowed (newer key versions). */
export function readControlRecordKey(key: Uint8Array | null): Result<ControlRecordKey> {
  if (key === null || key.length < KEY_SIZE) {
    return fail(
      "CORRUPT_MESSAGE",
      `control record key needs ${KEY_SIZE} bytes, has ${key?.length ?? "null"}`,
    );
  }
  const v = new DataView(key.buffer, key.byteOffset, key.byteLength);
  const version = v.getInt16(0);
  if (version < 0) return fail("CORRUPT_MESSAGE", `negative control record key version ${version}`);
  return ok({ version, type: v.getInt16(2) });
}

/** Key and value bytes of an end-transaction marker record (both version 0). */
export function encodeEndTxnMarker(marker: EndTxnMarker): { key: Uint8Array; value: Uint8Array } {
  checkInt("coordinatorEpoch", marker.coordinatorEpoch, 32);
  const key = new Uint8Array(KEY_SIZE);
  const kv = new DataView(key.buffer);
  kv.setInt16(0, CONTROL_KEY_VERSION);
  kv.setInt16(2, marker.type === "commit" ? ControlRecordType.COMMIT : ControlRecordType.ABORT);
  const value = new Uint8Array(VALUE_SIZE);
  const vv = new DataView(value.buffer);
  vv.setInt16(0, END_TXN_MARKER_VERSION);
  vv.setInt32(2, marker.coordinatorEpoch);
  return { key, value };
}

/**
 * Reads an end-transaction marker from a control record. Newer value versions
 * are read for the fields version 0 has, as Kafka does.
 */
export function decodeEndTxnMarker(record: {
  readonly key: Uint8Array | null;
  readonly value: Uint8Array | null;
}): Result<EndTxnMarker> {
  const k = readControlRecordKey(record.key);
  if (!k.ok) return k;
  const { type } = k.value;
  if (type !== ControlRecordType.ABORT && type !== ControlRecordType.COMMIT) {
    return fail("CORRUPT_MESSAGE", `control record type ${type} is not an end-transaction marker`);
  }
  const value = record.value;
  if (value === null || value.length < VALUE_SIZE) {
    return fail(
      "CORRUPT_MESSAGE",
      `end-transaction marker value needs ${VALUE_SIZE} bytes, has ${value?.length ?? "null"}`,
    );
  }
  const v = new DataView(value.buffer, value.byteOffset, value.byteLength);
  const version = v.getInt16(0);
  if (version < 0) return fail("CORRUPT_MESSAGE", `negative end-transaction marker version ${version}`);
  return ok({
    type: type === ControlRecordType.COMMIT ? "commit" : "abort",
    coordinatorEpoch: v.getInt32(2),
  });
}

export interface EndTxnMarkerBatchOptions {
  readonly producerId: bigint;
  readonly producerEpoch: number;
  readonly marker: EndTxnMarker;
  /** The marker's timestamp (ms), used as both base and max timestamp. */
  readonly timestamp: bigint;
  readonly baseOffset?: bigint;
  readonly partitionLeaderEpoch?: number;
}

/**
 * The batch a transaction coordinator writes to end a transaction on a
 * partition: transactional, control, uncompressed, one marker record,
 * baseSequence -1. Encode it with `encodeRecordBatch`.
 */
export function endTxnMarkerBatch(options: EndTxnMarkerBatchOptions): RecordBatchInput {
  const { key, value } = encodeEndTxnMarker(options.marker);
  return {
    baseOffset: options.baseOffset ?? 0n,
    partitionLeaderEpoch: options.partitionLeaderEpoch ?? -1,
    compression: "none",
    timestampType: "create-time",
    isTransactional: true,
    isControl: true,
    lastOffsetDelta: 0,
    baseTimestamp: options.timestamp,
    maxTimestamp: options.timestamp,
    producerId: options.producerId,
    producerEpoch: options.producerEpoch,
    baseSequence: -1,
    records: [{ attributes: 0, timestampDelta: 0n, offsetDelta: 0, key, value, headers: [] }],
  };
}
