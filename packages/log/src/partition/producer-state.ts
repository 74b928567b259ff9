/**
 * Idempotent-producer state of one partition, as Kafka's ProducerStateManager
 * keeps it: per producer id, its epoch and the metadata of its last five
 * batches, so a retried batch is recognised and answered with the offsets it
 * got the first time, and a gap in sequence numbers is refused.
 *
 * This is a pure in-memory core: `checkAppend` decides, `update` applies.
 * The log calls `checkAppend` before it assigns offsets (leader appends only),
 * and `update` for every batch it appends or replays during recovery.
 *
 * Rules (Kafka 3.x, KIP-360):
 * - A batch whose epoch is older than the producer's is INVALID_PRODUCER_EPOCH.
 * - A batch matching one of the last five (same epoch, first and last
 *   sequence) is a duplicate: not appended, answered with the original offsets.
 * - A newer epoch must start at sequence 0 (an epoch bump resets sequences).
 * - In the same epoch the sequence must follow the last one (wrapping after
 *   2^31-1 to 0), else OUT_OF_ORDER_SEQUENCE_NUMBER.
 * - An unknown producer (never seen, or expired) is accepted at any sequence:
 *   since Kafka 2.5 the broker no longer answers UNKNOWN_PRODUCER_ID.
 *
 * Transactional fields (`coordinatorEpoch`, `currentTxnFirstOffset`) are kept
 * in the model and the snapshot for the transaction coordinator to come; no
 * rule reads them yet.
 */
import { crc32c } from "@node-rs/crc32";
import type { RecordBatchHeader } from "../batch.js";
import { LogStorageError } from "./storage-error.js";

/** How many recent batches per producer are remembered for duplicate detection (Kafka's value). */
export const PRODUCER_BATCHES_RETAINED = 5;
const INT32_MAX = 0x7fffffff;

export interface ProducerBatchMetadata {
  readonly firstSeq: number;
  readonly lastSeq: number;
  readonly firstOffset: bigint;
  readonly lastOffset: bigint;
  /** The batch's max timestamp (its log-append time for LogAppendTime topics). */
  readonly timestampMs: bigint;
}

export interface ProducerEntry {
  readonly producerId: bigint;
  readonly producerEpoch: number;
  /** Oldest first, at most PRODUCER_BATCHES_RETAINED. */
  readonly batches: readonly ProducerBatchMetadata[];
  /** Largest batch timestamp seen: what expiration measures from. */
  readonly lastTimestampMs: bigint;
  /** The transaction coordinator's epoch from the last marker; -1 when none. */
  readonly coordinatorEpoch: number;
  /** First offset of the producer's open transaction, or -1n. */
  readonly currentTxnFirstOffset: bigint;
}

export type ProducerCheck =
  | { readonly kind: "ok" }
  | {
      readonly kind: "duplicate";
      readonly producerId: bigint;
      readonly firstOffset: bigint;
      readonly lastOffset: bigint;
      readonly timestampMs: bigint;
    };

/** The sequence of a batch's last record: base + lastOffsetDelta, wrapping past int32 max to 0. */
export function lastSequenceOf(baseSequence: number, lastOffsetDelta: number): number {
  const last = baseSequence + lastOffsetDelta;
  return last > INT32_MAX ? last - INT32_MAX - 1 : last;
}

function inSequence(lastSeq: number, nextSeq: number): boolean {
  return nextSeq === lastSeq + 1 || (nextSeq === 0 && lastSeq === INT32_MAX);
}

function isIdempotent(header: RecordBatchHeader): boolean {
  return header.producerId >= 0n;
}

export class ProducerStateManager {
  private readonly producers = new Map<bigint, ProducerEntry>();

  get size(): number {
    return this.producers.size;
  }

  entry(producerId: bigint): ProducerEntry | undefined {
    return this.producers.get(producerId);
  }

  entries(): IterableIterator<ProducerEntry> {
    return this.producers.values();
  }

  clear(): void {
    this.producers.clear();
  }

  /**
   * Checks the batches of one client append, in order, against the state and
   * against each other (two batches of one producer in one append must
   * follow each other). Returns the first duplicate found, as Kafka does,
   * or throws INVALID_PRODUCER_EPOCH / OUT_OF_ORDER_SEQUENCE_NUMBER. Changes
   * nothing.
   */
  checkAppend(headers: readonly RecordBatchHeader[]): ProducerCheck {
    // What earlier batches of this same append would leave: epoch and last sequence.
    const staged = new Map<bigint, { epoch: number; lastSeq: number }>();
    for (const h of headers) {
      if (!isIdempotent(h) || h.isControl) continue;
      const current = this.producers.get(h.producerId);
      const pending = staged.get(h.producerId);
      const lastSeq = lastSequenceOf(h.baseSequence, h.lastOffsetDelta);
      if (pending === undefined && current !== undefined && current.producerEpoch === h.producerEpoch) {
        const dup = current.batches.find((b) => b.firstSeq === h.baseSequence && b.lastSeq === lastSeq);
        if (dup !== undefined) {
          return {
            kind: "duplicate",
            producerId: h.producerId,
            firstOffset: dup.firstOffset,
            lastOffset: dup.lastOffset,
            timestampMs: dup.timestampMs,
          };
        }
      }
      const epoch = pending?.epoch ?? current?.producerEpoch ?? null;
      const known = pending !== undefined || current !== undefined;
      const prevSeq = pending?.lastSeq ?? current?.batches.at(-1)?.lastSeq ?? -1;
      if (epoch !== null && h.producerEpoch < epoch) {
        throw new LogStorageError(
          "INVALID_PRODUCER_EPOCH",
          `producer ${h.producerId} epoch ${h.producerEpoch} is older than its current epoch ${epoch}`,
        );
      }
      if (known && epoch !== null && h.producerEpoch > epoch) {
        if (h.baseSequence !== 0) {
          throw new LogStorageError(
            "OUT_OF_ORDER_SEQUENCE_NUMBER",
            `producer ${h.producerId} starts new epoch ${h.producerEpoch} at sequence ${h.baseSequence}, expected 0`,
          );
        }
      } else if (known && !inSequence(prevSeq, h.baseSequence)) {
        throw new LogStorageError(
          "OUT_OF_ORDER_SEQUENCE_NUMBER",
          `producer ${h.producerId} epoch ${h.producerEpoch}: sequence ${h.baseSequence} does not follow ${prevSeq}`,
        );
      }
      staged.set(h.producerId, { epoch: h.producerEpoch, lastSeq });
    }
    return { kind: "ok" };
  }

  /**
   * Applies one appended batch (with its final offsets). Used for appends
   * and for replaying the log; it does not check, it records.
   */
  update(header: RecordBatchHeader): void {
    if (!isIdempotent(header)) return;
    const current = this.producers.get(header.producerId);
    const newEpoch = current === undefined || header.producerEpoch !== current.producerEpoch;
    const lastTimestampMs =
      current === undefined || header.maxTimestamp > current.lastTimestampMs
        ? header.maxTimestamp
        : current.lastTimestampMs;
    if (header.isControl) {
      // A transaction marker: it ends the open transaction and may carry a new epoch.
      this.producers.set(header.producerId, {
        producerId: header.producerId,
        producerEpoch: header.producerEpoch,
        batches: newEpoch ? [] : (current?.batches ?? []),
        lastTimestampMs,
        coordinatorEpoch: current?.coordinatorEpoch ?? -1,
        currentTxnFirstOffset: -1n,
      });
      return;
    }
    const batches = newEpoch ? [] : [...(current?.batches ?? [])];
    batches.push({
      firstSeq: header.baseSequence,
      lastSeq: lastSequenceOf(header.baseSequence, header.lastOffsetDelta),
      firstOffset: header.baseOffset,
      lastOffset: header.baseOffset + BigInt(header.lastOffsetDelta),
      timestampMs: header.maxTimestamp,
    });
    while (batches.length > PRODUCER_BATCHES_RETAINED) batches.shift();
    let txnFirst = current?.currentTxnFirstOffset ?? -1n;
    if (header.isTransactional && txnFirst < 0n) txnFirst = header.baseOffset;
    this.producers.set(header.producerId, {
      producerId: header.producerId,
      producerEpoch: header.producerEpoch,
      batches,
      lastTimestampMs,
      coordinatorEpoch: current?.coordinatorEpoch ?? -1,
      currentTxnFirstOffset: txnFirst,
    });
  }

  /**
   * Forgets producers whose last timestamp is older than `nowMs - expirationMs`
   * and that have no open transaction. Returns how many were removed.
   */
  removeExpired(nowMs: number, expirationMs: number): number {
    const cutoff = BigInt(nowMs) - BigInt(expirationMs);
    let removed = 0;
    for (const [id, e] of this.producers) {
      if (e.currentTxnFirstOffset < 0n && e.lastTimestampMs < cutoff) {
        this.producers.delete(id);
        removed++;
      }
    }
    return removed;
  }

  /** Replaces the state with a decoded snapshot. */
  load(entries: readonly ProducerEntry[]): void {
    this.producers.clear();
    for (const e of entries) this.producers.set(e.producerId, e);
  }
}

// --- snapshot file ----------------------------------------------------------------
//
// `<offset>.snapshot` holds the state after every batch below `offset`
// (all integers big-endian):
//
//   version  int16 = 1
//   crc      uint32   CRC32C of everything after it
//   count    int32    producers
//   per producer:
//     producerId int64, producerEpoch int16, coordinatorEpoch int32,
//     currentTxnFirstOffset int64, lastTimestampMs int64, batchCount int8,
//     per batch (oldest first): firstSeq int32, lastSeq int32,
//       firstOffset int64, lastOffset int64, timestampMs int64

const SNAPSHOT_VERSION = 1;
const SNAPSHOT_HEADER_BYTES = 2 + 4 + 4;
const PRODUCER_BYTES = 8 + 2 + 4 + 8 + 8 + 1;
const BATCH_BYTES = 4 + 4 + 8 + 8 + 8;

export function encodeProducerSnapshot(entries: Iterable<ProducerEntry>): Uint8Array {
  const list = [...entries];
  let size = SNAPSHOT_HEADER_BYTES;
  for (const e of list) size += PRODUCER_BYTES + e.batches.length * BATCH_BYTES;
  const bytes = new Uint8Array(size);
  const v = new DataView(bytes.buffer);
  v.setInt16(0, SNAPSHOT_VERSION);
  v.setInt32(6, list.length);
  let at = SNAPSHOT_HEADER_BYTES;
  for (const e of list) {
    v.setBigInt64(at, e.producerId);
    v.setInt16(at + 8, e.producerEpoch);
    v.setInt32(at + 10, e.coordinatorEpoch);
    v.setBigInt64(at + 14, e.currentTxnFirstOffset);
    v.setBigInt64(at + 22, e.lastTimestampMs);
    v.setInt8(at + 30, e.batches.length);
    at += PRODUCER_BYTES;
    for (const b of e.batches) {
      v.setInt32(at, b.firstSeq);
      v.setInt32(at + 4, b.lastSeq);
      v.setBigInt64(at + 8, b.firstOffset);
      v.setBigInt64(at + 16, b.lastOffset);
      v.setBigInt64(at + 24, b.timestampMs);
      at += BATCH_BYTES;
    }
  }
  v.setUint32(2, crc32c(bytes.subarray(6)));
  return bytes;
}

/** Decodes a snapshot; null when it is damaged in any way (the caller falls back to an older one). */
export function decodeProducerSnapshot(bytes: Uint8Array): ProducerEntry[] | null {
  if (bytes.length < SNAPSHOT_HEADER_BYTES) return null;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (v.getInt16(0) !== SNAPSHOT_VERSION) return null;
  if (crc32c(bytes.subarray(6)) !== v.getUint32(2)) return null;
  const count = v.getInt32(6);
  if (count < 0 || count > (bytes.length - SNAPSHOT_HEADER_BYTES) / PRODUCER_BYTES) return null;
  const entries: ProducerEntry[] = [];
  let at = SNAPSHOT_HEADER_BYTES;
  for (let i = 0; i < count; i++) {
    if (at + PRODUCER_BYTES > bytes.length) return null;
    const batchCount = v.getInt8(at + 30);
    if (batchCount < 0 || batchCount > PRODUCER_BATCHES_RETAINED) return null;
    const entry = {
      producerId: v.getBigInt64(at),
      producerEpoch: v.getInt16(at + 8),
      coordinatorEpoch: v.getInt32(at + 10),
      currentTxnFirstOffset: v.getBigInt64(at + 14),
      lastTimestampMs: v.getBigInt64(at + 22),
      batches: [] as ProducerBatchMetadata[],
    };
    at += PRODUCER_BYTES;
    if (at + batchCount * BATCH_BYTES > bytes.length) return null;
    for (let b = 0; b < batchCount; b++) {
      entry.batches.push({
        firstSeq: v.getInt32(at),
        lastSeq: v.getInt32(at + 4),
        firstOffset: v.getBigInt64(at + 8),
        lastOffset: v.getBigInt64(at + 16),
        timestampMs: v.getBigInt64(at + 24),
      });
      at += BATCH_BYTES;
    }
    entries.push(entry);
  }
  return at === bytes.length ? entries : null;
}
