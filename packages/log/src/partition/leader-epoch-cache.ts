/**
 * The leader-epoch cache of one partition log: for every leader epoch that
 * wrote to the log, the offset of its first record, as Kafka's
 * LeaderEpochFileCache keeps it. OffsetForLeaderEpoch is answered from it, so
 * a follower or a consumer can find where its copy diverged from the leader's.
 *
 * Rules (Kafka's):
 * - Entries are strictly increasing in both epoch and start offset. A new
 *   entry is added when a batch with an epoch other than the latest is
 *   appended (or a start offset below the latest entry's); entries that would
 *   break monotonicity (an epoch or start offset at or above the new one) are
 *   removed from the end first.
 * - Truncating the log to an end offset removes the entries starting at or
 *   after it. Moving the log start offset up removes the entries starting at
 *   or below it and puts the last of them back starting at the new log start.
 * - The end offset of an epoch is the start offset of the next larger epoch,
 *   or the log end offset for the latest epoch; see `endOffsetFor`.
 *
 * This module is pure: the partition log persists the entries with
 * `encodeLeaderEpochCheckpoint` into `leader-epoch-checkpoint` in the
 * partition directory (atomically, fsynced) whenever they change. The file
 * is binary with a CRC, like the log-start checkpoint, so damage is detected
 * (Kafka's file is text without a checksum), big-endian:
 * `version int16 = 1, count int32, count × (epoch int32, startOffset int64), crc uint32`
 * where the CRC32C covers everything before it.
 */
import { crc32c } from "@node-rs/crc32";

export const LEADER_EPOCH_CHECKPOINT_FILE = "leader-epoch-checkpoint";
/** Kafka's UNDEFINED_EPOCH: no epoch is known. */
export const UNDEFINED_EPOCH = -1;
/** Kafka's UNDEFINED_EPOCH_OFFSET: no end offset is known. */
export const UNDEFINED_EPOCH_OFFSET = -1n;

/** A leader epoch and the offset of its first record. */
export interface EpochEntry {
  readonly epoch: number;
  readonly startOffset: bigint;
}

/** An OffsetForLeaderEpoch answer: the largest epoch at most the one asked for, and where it ends. */
export interface EpochEndOffset {
  readonly leaderEpoch: number;
  readonly endOffset: bigint;
}

const VERSION = 1;
const HEADER_BYTES = 6;
const ENTRY_BYTES = 12;
const CRC_BYTES = 4;
/** The largest checkpoint file read back: far more epochs than any partition sees. */
export const LEADER_EPOCH_CHECKPOINT_MAX_BYTES = HEADER_BYTES + 1_000_000 * ENTRY_BYTES + CRC_BYTES;
const INT32_MAX = 0x7fffffff;

export class LeaderEpochCache {
  private list: EpochEntry[];

  /** `entries` must be valid (see `validEntries`); the checkpoint decoder checks them. */
  constructor(entries: readonly EpochEntry[] = []) {
    if (!validEntries(entries)) throw new RangeError("leader epoch entries are not strictly increasing");
    this.list = [...entries];
  }

  /** Oldest first. */
  entries(): EpochEntry[] {
    return [...this.list];
  }

  get size(): number {
    return this.list.length;
  }

  /** The latest epoch, or UNDEFINED_EPOCH when none is known. */
  get latestEpoch(): number {
    return this.list.at(-1)?.epoch ?? UNDEFINED_EPOCH;
  }

  /**
   * The epoch that wrote `offset`: the latest entry starting at or before it,
   * or UNDEFINED_EPOCH when it precedes every entry (Kafka's epochForOffset,
   * which ListOffsets answers with).
   */
  epochForOffset(offset: bigint): number {
    let found = UNDEFINED_EPOCH;
    for (const e of this.list) {
      if (e.startOffset > offset) break;
      found = e.epoch;
    }
    return found;
  }

  latestEntry(): EpochEntry | undefined {
    return this.list.at(-1);
  }

  earliestEntry(): EpochEntry | undefined {
    return this.list[0];
  }

  /**
   * Records that `epoch` starts at `startOffset`. Nothing changes when the
   * latest entry has this epoch and starts at or before it; otherwise entries
   * with an epoch or a start offset at or above the new one go first. Returns
   * whether the entries changed (then the caller persists them).
   */
  assign(epoch: number, startOffset: bigint): boolean {
    if (!Number.isInteger(epoch) || epoch < 0 || epoch > INT32_MAX || startOffset < 0n) {
      throw new RangeError(`invalid leader epoch entry (epoch ${epoch}, start offset ${startOffset})`);
    }
    const latest = this.list.at(-1);
    if (latest !== undefined && latest.epoch === epoch && latest.startOffset <= startOffset) return false;
    while (this.list.length > 0) {
      const last = this.list.at(-1) as EpochEntry;
      if (last.epoch < epoch && last.startOffset < startOffset) break;
      this.list.pop();
    }
    this.list.push({ epoch, startOffset });
    return true;
  }

  /** Removes the entries starting at or after `endOffset` (the log was cut there). Returns whether any went. */
  truncateFromEnd(endOffset: bigint): boolean {
    const before = this.list.length;
    while (this.list.length > 0 && (this.list.at(-1) as EpochEntry).startOffset >= endOffset) this.list.pop();
    return this.list.length !== before;
  }

  /**
   * The log start moved up to `startOffset`: the entries starting at or below
   * it go, and the last of them comes back starting at `startOffset` (its
   * epoch still covers the records from there on). Returns whether anything
   * changed.
   */
  truncateFromStart(startOffset: bigint): boolean {
    let n = 0;
    while (n < this.list.length && (this.list[n] as EpochEntry).startOffset <= startOffset) n++;
    if (n === 0) return false;
    const kept = this.list[n - 1] as EpochEntry;
    if (n === 1 && kept.startOffset === startOffset) return false;
    this.list = [{ epoch: kept.epoch, startOffset }, ...this.list.slice(n)];
    return true;
  }

  /** Forgets every entry (the log was emptied). Returns whether there were any. */
  clear(): boolean {
    const had = this.list.length > 0;
    this.list = [];
    return had;
  }

  /**
   * Kafka's answer to OffsetForLeaderEpoch for `requested`:
   * - UNDEFINED_EPOCH asked, or an epoch above every known one (or none is
   *   known): (UNDEFINED_EPOCH, UNDEFINED_EPOCH_OFFSET).
   * - The latest epoch: (it, the log end offset), since it is still being written.
   * - An epoch below the earliest known one: (the requested epoch, the
   *   earliest entry's start offset); its records are gone from the log, and
   *   a follower can safely replicate from there.
   * - Otherwise: the largest known epoch at most the requested one, ending at
   *   the start offset of the first epoch above the requested one.
   */
  endOffsetFor(requested: number, logEndOffset: bigint): EpochEndOffset {
    const undefinedAnswer = { leaderEpoch: UNDEFINED_EPOCH, endOffset: UNDEFINED_EPOCH_OFFSET };
    if (requested === UNDEFINED_EPOCH) return undefinedAnswer;
    const latest = this.list.at(-1);
    if (latest === undefined) return undefinedAnswer;
    if (latest.epoch === requested) return { leaderEpoch: requested, endOffset: logEndOffset };
    // The first entry with an epoch above the requested one.
    let higher = 0;
    while (higher < this.list.length && (this.list[higher] as EpochEntry).epoch <= requested) higher++;
    const next = this.list[higher];
    if (next === undefined) return undefinedAnswer;
    const floor = this.list[higher - 1];
    if (floor === undefined) return { leaderEpoch: requested, endOffset: next.startOffset };
    return { leaderEpoch: floor.epoch, endOffset: next.startOffset };
  }
}

/** Strictly increasing epochs and start offsets, none negative, epochs within int32. */
export function validEntries(entries: readonly EpochEntry[]): boolean {
  let previous: EpochEntry | undefined;
  for (const e of entries) {
    if (!Number.isInteger(e.epoch) || e.epoch < 0 || e.epoch > INT32_MAX || e.startOffset < 0n) return false;
    if (previous !== undefined && (e.epoch <= previous.epoch || e.startOffset <= previous.startOffset))
      return false;
    previous = e;
  }
  return true;
}

export function encodeLeaderEpochCheckpoint(entries: readonly EpochEntry[]): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES + entries.length * ENTRY_BYTES + CRC_BYTES);
  const v = new DataView(bytes.buffer);
  v.setInt16(0, VERSION);
  v.setInt32(2, entries.length);
  let at = HEADER_BYTES;
  for (const e of entries) {
    v.setInt32(at, e.epoch);
    v.setBigInt64(at + 4, e.startOffset);
    at += ENTRY_BYTES;
  }
  v.setUint32(at, crc32c(bytes.subarray(0, at)));
  return bytes;
}

/** The entries, or null when the bytes are damaged (bad length, version or CRC, or entries out of order). */
export function decodeLeaderEpochCheckpoint(bytes: Uint8Array): EpochEntry[] | null {
  if (bytes.length < HEADER_BYTES + CRC_BYTES) return null;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (v.getInt16(0) !== VERSION) return null;
  const count = v.getInt32(2);
  if (count < 0 || bytes.length !== HEADER_BYTES + count * ENTRY_BYTES + CRC_BYTES) return null;
  const end = bytes.length - CRC_BYTES;
  if (v.getUint32(end) !== crc32c(bytes.subarray(0, end))) return null;
  const entries: EpochEntry[] = [];
  for (let at = HEADER_BYTES; at < end; at += ENTRY_BYTES) {
    entries.push({ epoch: v.getInt32(at), startOffset: v.getBigInt64(at + 4) });
  }
  return validEntries(entries) ? entries : null;
}
