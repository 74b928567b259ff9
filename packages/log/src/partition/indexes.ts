/**
 * The two sparse indexes of a segment, in Kafka's on-disk layout (big-endian):
 *
 * - offset index (`.index`), 8 bytes an entry: `relativeOffset int32, position int32`.
 *   An entry says the batch whose LAST offset is `base + relativeOffset` starts
 *   at byte `position` of the `.log` file. One is added after every
 *   `indexIntervalBytes` of batches.
 * - time index (`.timeindex`), 12 bytes an entry: `timestamp int64, relativeOffset int32`.
 *   An entry says the largest timestamp in the segment up to the batch whose
 *   last offset is `base + relativeOffset` is `timestamp`, and that batch is
 *   the first to reach it. Entries are added with offset-index entries, only
 *   when the largest timestamp grew; the last slot is reserved for the entry
 *   written when the segment is closed, so the last entry is always the
 *   segment's largest timestamp.
 *
 * Both are strictly increasing in every column. The whole index lives in
 * memory while loaded, as the same bytes as the file, and new entries are
 * written to the file in one write per append.
 */
import type { LogFile } from "./disk.js";

export const OFFSET_INDEX_ENTRY_BYTES = 8;
export const TIME_INDEX_ENTRY_BYTES = 12;

export interface OffsetPosition {
  readonly offset: bigint;
  readonly position: number;
}

export interface TimestampOffset {
  readonly timestamp: bigint;
  readonly offset: bigint;
}

/** Why index bytes cannot be used; the index is rebuilt from the log. */
export class IndexCorruption extends Error {}

abstract class SparseIndex {
  protected bytes: Uint8Array;
  protected view: DataView;
  /** Entries in memory (and on disk once flushed). */
  entries = 0;
  /** Entries already written to the file. */
  private flushed = 0;

  constructor(
    readonly baseOffset: bigint,
    readonly entryBytes: number,
    readonly maxEntries: number,
  ) {
    this.bytes = new Uint8Array(0);
    this.view = new DataView(this.bytes.buffer);
  }

  protected grow(): void {
    const need = (this.entries + 1) * this.entryBytes;
    if (need <= this.bytes.length) return;
    const grown = new Uint8Array(
      Math.max(need, Math.min(this.bytes.length * 2, 1 << 20), 64 * this.entryBytes),
    );
    grown.set(this.bytes.subarray(0, this.entries * this.entryBytes));
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }

  protected relative(offset: bigint): number {
    const rel = offset - this.baseOffset;
    if (rel < 0n || rel > 0x7fffffffn) {
      throw new RangeError(`offset ${offset} is not within int32 of segment base ${this.baseOffset}`);
    }
    return Number(rel);
  }

  /** The file bytes of every entry. */
  contents(): Uint8Array {
    return this.bytes.subarray(0, this.entries * this.entryBytes);
  }

  /** Writes entries added since the last flush to `file` (which holds the earlier ones). */
  async flush(file: LogFile): Promise<void> {
    if (this.flushed === this.entries) return;
    await file.write(
      this.bytes.subarray(this.flushed * this.entryBytes, this.entries * this.entryBytes),
      this.flushed * this.entryBytes,
    );
    this.flushed = this.entries;
  }

  /** Keeps the first `n` entries; the caller truncates the file to `n * entryBytes`. */
  protected keep(n: number): void {
    this.entries = n;
    this.flushed = Math.min(this.flushed, n);
  }

  protected loadBytes(bytes: Uint8Array): void {
    if (bytes.length % this.entryBytes !== 0) {
      throw new IndexCorruption(`index of ${bytes.length} bytes is not a whole number of entries`);
    }
    this.bytes = new Uint8Array(bytes);
    this.view = new DataView(this.bytes.buffer);
    this.entries = bytes.length / this.entryBytes;
    this.flushed = this.entries;
  }

  /** Binary search: the largest i with key(i) <= target, or -1. */
  protected floor(target: bigint, key: (i: number) => bigint): number {
    let lo = 0;
    let hi = this.entries - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (key(mid) <= target) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}

export class OffsetIndex extends SparseIndex {
  constructor(baseOffset: bigint, maxIndexBytes: number) {
    super(baseOffset, OFFSET_INDEX_ENTRY_BYTES, Math.floor(maxIndexBytes / OFFSET_INDEX_ENTRY_BYTES));
  }

  isFull(): boolean {
    return this.entries >= this.maxEntries;
  }

  offsetAt(i: number): bigint {
    return this.baseOffset + BigInt(this.view.getInt32(i * 8));
  }

  positionAt(i: number): number {
    return this.view.getInt32(i * 8 + 4);
  }

  last(): OffsetPosition | null {
    if (this.entries === 0) return null;
    return { offset: this.offsetAt(this.entries - 1), position: this.positionAt(this.entries - 1) };
  }

  /** Records that the batch ending at `lastOffset` starts at `position`. */
  append(lastOffset: bigint, position: number): void {
    if (this.isFull()) throw new RangeError("offset index is full");
    const last = this.last();
    if (last !== null && (lastOffset <= last.offset || position <= last.position)) {
      throw new RangeError(
        `index entry (${lastOffset}, ${position}) does not follow (${last.offset}, ${last.position})`,
      );
    }
    const rel = this.relative(lastOffset);
    this.grow();
    this.view.setInt32(this.entries * 8, rel);
    this.view.setInt32(this.entries * 8 + 4, position);
    this.entries++;
  }

  /**
   * Where to start scanning for `target`: the position of the last indexed
   * batch whose last offset is at most `target` (0 if none). Every batch
   * before it ends below `target`.
   */
  lookup(target: bigint): number {
    const i = this.floor(target, (j) => this.offsetAt(j));
    return i < 0 ? 0 : this.positionAt(i);
  }

  /** Drops entries for batches at or after byte `position` (they are being cut away). */
  truncateToPosition(position: number): number {
    let n = this.entries;
    while (n > 0 && this.positionAt(n - 1) >= position) n--;
    this.keep(n);
    return n * OFFSET_INDEX_ENTRY_BYTES;
  }

  /** Loads index bytes, checking they are sorted and point inside a log of `logBytes`. */
  load(bytes: Uint8Array, logBytes: number): void {
    this.loadBytes(bytes);
    let prevRel = -1;
    let prevPos = -1;
    for (let i = 0; i < this.entries; i++) {
      const rel = this.view.getInt32(i * 8);
      const pos = this.view.getInt32(i * 8 + 4);
      if (rel <= prevRel || pos <= prevPos || pos >= logBytes) {
        throw new IndexCorruption(`offset index entry ${i} (${rel}, ${pos}) is out of order or past the log`);
      }
      prevRel = rel;
      prevPos = pos;
    }
  }
}

export class TimeIndex extends SparseIndex {
  constructor(baseOffset: bigint, maxIndexBytes: number) {
    super(baseOffset, TIME_INDEX_ENTRY_BYTES, Math.floor(maxIndexBytes / TIME_INDEX_ENTRY_BYTES));
  }

  /** Full for ordinary entries: the last slot is kept for the entry written when the segment closes. */
  isFull(): boolean {
    return this.entries >= this.maxEntries - 1;
  }

  timestampAt(i: number): bigint {
    return this.view.getBigInt64(i * 12);
  }

  offsetAt(i: number): bigint {
    return this.baseOffset + BigInt(this.view.getInt32(i * 12 + 8));
  }

  last(): TimestampOffset | null {
    if (this.entries === 0) return null;
    return { timestamp: this.timestampAt(this.entries - 1), offset: this.offsetAt(this.entries - 1) };
  }

  /**
   * Adds (timestamp, offset) if the timestamp is larger than the last entry's.
   * `final` may use the reserved last slot.
   */
  maybeAppend(timestamp: bigint, offset: bigint, final = false): void {
    // Batches without timestamps (-1, NO_TIMESTAMP) leave no time-index entry, as in Kafka.
    if (timestamp < 0n) return;
    const last = this.last();
    if (last !== null && timestamp <= last.timestamp) return;
    if (final ? this.entries >= this.maxEntries : this.isFull()) return;
    if (last !== null && offset < last.offset) {
      throw new RangeError(`time index offset ${offset} goes back from ${last.offset}`);
    }
    const rel = this.relative(offset);
    this.grow();
    this.view.setBigInt64(this.entries * 12, timestamp);
    this.view.setInt32(this.entries * 12 + 8, rel);
    this.entries++;
  }

  /** The last entry whose timestamp is at most `timestamp`, or null. */
  lookup(timestamp: bigint): TimestampOffset | null {
    const i = this.floor(timestamp, (j) => this.timestampAt(j));
    return i < 0 ? null : { timestamp: this.timestampAt(i), offset: this.offsetAt(i) };
  }

  /** Drops entries naming offsets at or after `offset`; returns the new file length. */
  truncateToOffset(offset: bigint): number {
    let n = this.entries;
    while (n > 0 && this.offsetAt(n - 1) >= offset) n--;
    this.keep(n);
    return n * TIME_INDEX_ENTRY_BYTES;
  }

  /** Loads index bytes, checking both columns increase and offsets stay below `nextOffset`. */
  load(bytes: Uint8Array, nextOffset: bigint | null): void {
    this.loadBytes(bytes);
    let prevTs: bigint | null = null;
    let prevRel = -1;
    for (let i = 0; i < this.entries; i++) {
      const ts = this.view.getBigInt64(i * 12);
      const rel = this.view.getInt32(i * 12 + 8);
      if ((prevTs !== null && ts <= prevTs) || rel < prevRel) {
        throw new IndexCorruption(`time index entry ${i} is out of order`);
      }
      if (nextOffset !== null && this.baseOffset + BigInt(rel) >= nextOffset) {
        throw new IndexCorruption(`time index entry ${i} names an offset past the log`);
      }
      prevTs = ts;
      prevRel = rel;
    }
  }
}
