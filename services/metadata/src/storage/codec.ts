/**
 * Byte layouts of the on-disk engine, all big-endian and CRC32C-checked:
 *
 * Segment file `log-<first index, 20 digits>.seg`: a 20-byte header, then records.
 *   header: magic "RNSG" u32 | version u16 | flags u16 (0) | first index u64 | crc32c(previous 16) u32
 *   record: length u32 | crc u32 | payload (length bytes)
 *   payload: index u64 | term u64 | type u16 | data
 *   The record crc is crc32c over the length field and then the payload, so a damaged length
 *   cannot pass for a shorter valid record.
 *
 * Hard state file `hardstate`: 36 bytes.
 *   magic "RNHS" u32 | version u16 | flags u16 (bit 0: has a vote) | term u64 | votedFor u64 |
 *   commit u64 | crc32c(previous 32) u32
 *
 * Snapshot file `snapshot-<index, 20 digits>-<term, 20 digits>.snap`:
 *   header (40 bytes): magic "RNSN" u32 | version u16 | flags u16 (0) | index u64 | term u64 |
 *     config length u32 | data length u64 | crc32c(previous 36) u32
 *   then config, then data, then crc32c(config, data) u32.
 */
import { crc32c } from "@node-rs/crc32";
import type { HardState, LogEntry } from "./types.js";

export const FORMAT_VERSION = 1;
const SEGMENT_MAGIC = 0x524e5347;
const HARD_STATE_MAGIC = 0x524e4853;
const SNAPSHOT_MAGIC = 0x524e534e;

export const SEGMENT_HEADER_BYTES = 20;
export const RECORD_HEADER_BYTES = 8;
/** index, term and type precede the data in every payload. */
export const PAYLOAD_FIXED_BYTES = 18;
export const HARD_STATE_BYTES = 36;
export const SNAPSHOT_HEADER_BYTES = 40;
export const SNAPSHOT_TRAILER_BYTES = 4;

const TWO_32 = 2 ** 32;

function writeU64(view: DataView, offset: number, value: number): void {
  view.setUint32(offset, Math.floor(value / TWO_32));
  view.setUint32(offset + 4, value >>> 0);
}

/** Reads a u64, or returns -1 when it does not fit in a safe integer (which no valid file holds). */
function readU64(view: DataView, offset: number): number {
  const high = view.getUint32(offset);
  if (high >= 2 ** 21) return -1;
  return high * TWO_32 + view.getUint32(offset + 4);
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const SEGMENT_NAME = /^log-(\d{20})\.seg$/;
const SNAPSHOT_NAME = /^snapshot-(\d{20})-(\d{20})\.snap$/;

export function segmentName(firstIndex: number): string {
  return `log-${String(firstIndex).padStart(20, "0")}.seg`;
}

export function parseSegmentName(name: string): number | null {
  const match = SEGMENT_NAME.exec(name);
  if (match === null) return null;
  const index = Number(match[1]);
  return Number.isSafeInteger(index) ? index : null;
}

export function snapshotName(index: number, term: number): string {
  return `snapshot-${String(index).padStart(20, "0")}-${String(term).padStart(20, "0")}.snap`;
}

export function parseSnapshotName(name: string): { index: number; term: number } | null {
  const match = SNAPSHOT_NAME.exec(name);
  if (match === null) return null;
  const index = Number(match[1]);
  const term = Number(match[2]);
  return Number.isSafeInteger(index) && Number.isSafeInteger(term) ? { index, term } : null;
}

export function encodeSegmentHeader(firstIndex: number): Buffer {
  const bytes = Buffer.alloc(SEGMENT_HEADER_BYTES);
  const view = viewOf(bytes);
  view.setUint32(0, SEGMENT_MAGIC);
  view.setUint16(4, FORMAT_VERSION);
  view.setUint16(6, 0);
  writeU64(view, 8, firstIndex);
  view.setUint32(16, crc32c(bytes.subarray(0, 16)));
  return bytes;
}

/** The first index a segment header names, or a reason it is not a valid header. */
export function decodeSegmentHeader(bytes: Uint8Array): { firstIndex: number } | { error: string } {
  if (bytes.byteLength < SEGMENT_HEADER_BYTES) return { error: "the header is incomplete" };
  const view = viewOf(bytes);
  if (view.getUint32(16) !== crc32c(bytes.subarray(0, 16))) return { error: "the header crc does not match" };
  if (view.getUint32(0) !== SEGMENT_MAGIC) return { error: "the header magic is wrong" };
  if (view.getUint16(4) !== FORMAT_VERSION) return { error: `unknown format version ${view.getUint16(4)}` };
  const firstIndex = readU64(view, 8);
  if (firstIndex < 0) return { error: "the header's first index is out of range" };
  return { firstIndex };
}

export function recordBytes(entry: LogEntry): number {
  return RECORD_HEADER_BYTES + PAYLOAD_FIXED_BYTES + entry.data.byteLength;
}

/** Encodes one record at `offset` in `target`, which must have room for recordBytes(entry). */
export function encodeRecord(entry: LogEntry, target: Buffer, offset: number): void {
  const length = PAYLOAD_FIXED_BYTES + entry.data.byteLength;
  const view = viewOf(target);
  view.setUint32(offset, length);
  const payload = offset + RECORD_HEADER_BYTES;
  writeU64(view, payload, entry.index);
  writeU64(view, payload + 8, entry.term);
  view.setUint16(payload + 16, entry.type);
  target.set(entry.data, payload + PAYLOAD_FIXED_BYTES);
  view.setUint32(offset + 4, recordCrc(target, offset, length));
}

function recordCrc(bytes: Uint8Array, offset: number, length: number): number {
  const payload = offset + RECORD_HEADER_BYTES;
  return crc32c(bytes.subarray(payload, payload + length), crc32c(bytes.subarray(offset, offset + 4)));
}

export type DecodedRecord =
  | { readonly kind: "ok"; readonly entry: LogEntry; readonly bytes: number }
  /** The record runs past `end`: more bytes may complete it, or the file ends mid-record. */
  | { readonly kind: "short"; readonly needBytes: number }
  | { readonly kind: "bad"; readonly reason: string };

/**
 * Decodes the record at `offset`, reading no further than `end`. The entry's data is a view into
 * `bytes`. `maxPayloadBytes` bounds what a length field may claim before anything is trusted.
 */
export function decodeRecord(
  bytes: Uint8Array,
  offset: number,
  end: number,
  maxPayloadBytes: number,
): DecodedRecord {
  if (end - offset < RECORD_HEADER_BYTES) return { kind: "short", needBytes: RECORD_HEADER_BYTES };
  const view = viewOf(bytes);
  const length = view.getUint32(offset);
  if (length < PAYLOAD_FIXED_BYTES) return { kind: "bad", reason: `record length ${length} is too small` };
  if (length > maxPayloadBytes) return { kind: "bad", reason: `record length ${length} exceeds the limit` };
  const total = RECORD_HEADER_BYTES + length;
  if (end - offset < total) return { kind: "short", needBytes: total };
  if (view.getUint32(offset + 4) !== recordCrc(bytes, offset, length)) {
    return { kind: "bad", reason: "record crc does not match" };
  }
  const payload = offset + RECORD_HEADER_BYTES;
  const index = readU64(view, payload);
  const term = readU64(view, payload + 8);
  if (index < 0 || term < 0) return { kind: "bad", reason: "record index or term is out of range" };
  const type = view.getUint16(payload + 16);
  // A plain Uint8Array view, not a Buffer, so both engines hand out the same kind of value.
  const data = new Uint8Array(
    bytes.buffer,
    bytes.byteOffset + payload + PAYLOAD_FIXED_BYTES,
    length - PAYLOAD_FIXED_BYTES,
  );
  return { kind: "ok", entry: { index, term, type, data }, bytes: total };
}

export function encodeHardState(hardState: HardState): Buffer {
  const bytes = Buffer.alloc(HARD_STATE_BYTES);
  const view = viewOf(bytes);
  view.setUint32(0, HARD_STATE_MAGIC);
  view.setUint16(4, FORMAT_VERSION);
  view.setUint16(6, hardState.votedFor === null ? 0 : 1);
  writeU64(view, 8, hardState.term);
  writeU64(view, 16, hardState.votedFor ?? 0);
  writeU64(view, 24, hardState.commit);
  view.setUint32(32, crc32c(bytes.subarray(0, 32)));
  return bytes;
}

export function decodeHardState(bytes: Uint8Array): HardState | { error: string } {
  if (bytes.byteLength !== HARD_STATE_BYTES)
    return { error: `the file has ${bytes.byteLength} bytes, not 36` };
  const view = viewOf(bytes);
  if (view.getUint32(32) !== crc32c(bytes.subarray(0, 32))) return { error: "the crc does not match" };
  if (view.getUint32(0) !== HARD_STATE_MAGIC) return { error: "the magic is wrong" };
  if (view.getUint16(4) !== FORMAT_VERSION) return { error: `unknown format version ${view.getUint16(4)}` };
  const flags = view.getUint16(6);
  const term = readU64(view, 8);
  const votedFor = readU64(view, 16);
  const commit = readU64(view, 24);
  if (flags > 1 || term < 0 || votedFor < 0 || commit < 0) return { error: "a field is out of range" };
  return { term, votedFor: flags === 1 ? votedFor : null, commit };
}

export interface SnapshotHeader {
  readonly index: number;
  readonly term: number;
  readonly configBytes: number;
  readonly dataBytes: number;
}

export function encodeSnapshotHeader(header: SnapshotHeader): Buffer {
  const bytes = Buffer.alloc(SNAPSHOT_HEADER_BYTES);
  const view = viewOf(bytes);
  view.setUint32(0, SNAPSHOT_MAGIC);
  view.setUint16(4, FORMAT_VERSION);
  view.setUint16(6, 0);
  writeU64(view, 8, header.index);
  writeU64(view, 16, header.term);
  view.setUint32(24, header.configBytes);
  writeU64(view, 28, header.dataBytes);
  view.setUint32(36, crc32c(bytes.subarray(0, 36)));
  return bytes;
}

export function decodeSnapshotHeader(bytes: Uint8Array): SnapshotHeader | { error: string } {
  if (bytes.byteLength < SNAPSHOT_HEADER_BYTES) return { error: "the header is incomplete" };
  const view = viewOf(bytes);
  if (view.getUint32(36) !== crc32c(bytes.subarray(0, 36))) return { error: "the header crc does not match" };
  if (view.getUint32(0) !== SNAPSHOT_MAGIC) return { error: "the header magic is wrong" };
  if (view.getUint16(4) !== FORMAT_VERSION) return { error: `unknown format version ${view.getUint16(4)}` };
  const index = readU64(view, 8);
  const term = readU64(view, 16);
  const dataBytes = readU64(view, 28);
  if (index < 0 || term < 0 || dataBytes < 0) return { error: "a header field is out of range" };
  return { index, term, configBytes: view.getUint32(24), dataBytes };
}

export function snapshotBodyCrc(config: Uint8Array, data: Uint8Array): number {
  return crc32c(data, crc32c(config));
}

export function encodeU32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value >>> 0);
  return bytes;
}

export function decodeU32(bytes: Uint8Array, offset: number): number {
  return viewOf(bytes).getUint32(offset);
}
