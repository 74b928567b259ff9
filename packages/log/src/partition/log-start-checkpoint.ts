/**
 * `log-start-offset.checkpoint`: the log start offset, persisted so that
 * DeleteRecords and retention survive a restart even when the segment
 * holding the new start was not deleted. 14 bytes, big-endian:
 * `version int16 = 1, logStartOffset int64, crc uint32` (CRC32C of the first 10 bytes).
 */
import { crc32c } from "@node-rs/crc32";

const VERSION = 1;
const BYTES = 14;

export function encodeLogStartCheckpoint(offset: bigint): Uint8Array {
  const bytes = new Uint8Array(BYTES);
  const v = new DataView(bytes.buffer);
  v.setInt16(0, VERSION);
  v.setBigInt64(2, offset);
  v.setUint32(10, crc32c(bytes.subarray(0, 10)));
  return bytes;
}

/** The offset, or null when the bytes are damaged. */
export function decodeLogStartCheckpoint(bytes: Uint8Array): bigint | null {
  if (bytes.length !== BYTES) return null;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (v.getInt16(0) !== VERSION || v.getUint32(10) !== crc32c(bytes.subarray(0, 10))) return null;
  const offset = v.getBigInt64(2);
  return offset < 0n ? null : offset;
}
