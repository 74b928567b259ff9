/** Batch rewrites the log needs beyond offset and epoch, and per-record timestamps. */
import { crc32c } from "@node-rs/crc32";
import type { RecordBatch } from "../batch.js";

const ATTRIBUTES_OFFSET = 21;
const CRC_OFFSET = 17;
const MAX_TIMESTAMP_OFFSET = 35;
const TIMESTAMP_TYPE_BIT = 0x08;

/**
 * Stamps a batch with the broker's time, as Kafka does for topics with
 * `message.timestamp.type=LogAppendTime`: sets the timestamp-type attribute
 * and `maxTimestamp`, then recomputes the CRC (both lie inside it). The
 * records are not touched; readers take every record's timestamp from
 * `maxTimestamp`.
 */
export function setLogAppendTime(batch: Uint8Array, timestampMs: bigint): void {
  const v = new DataView(batch.buffer, batch.byteOffset, batch.byteLength);
  v.setInt16(ATTRIBUTES_OFFSET, v.getInt16(ATTRIBUTES_OFFSET) | TIMESTAMP_TYPE_BIT);
  v.setBigInt64(MAX_TIMESTAMP_OFFSET, timestampMs);
  v.setUint32(CRC_OFFSET, crc32c(batch.subarray(ATTRIBUTES_OFFSET)));
}

/** Every record's (offset, timestamp), in order. */
export function recordTimestamps(batch: RecordBatch): { offset: bigint; timestamp: bigint }[] {
  return batch.records.map((r) => ({
    offset: batch.baseOffset + BigInt(r.offsetDelta),
    timestamp:
      batch.timestampType === "log-append-time" ? batch.maxTimestamp : batch.baseTimestamp + r.timestampDelta,
  }));
}
