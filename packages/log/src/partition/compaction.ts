/**
 * Log compaction (`cleanup.policy=compact`), as Kafka's log cleaner does it:
 *
 * 1. The cleanable range is every closed segment (never the active one),
 *    ending early at the first segment from the first dirty offset on that
 *    holds a record younger than `minCompactionLagMs`.
 * 2. A key map (key -> last offset) is built over that range, bounded by
 *    `keyMapBytesMax`; if the map fills, the range ends at the last segment
 *    that fit.
 * 3. Segments are grouped (consecutive, at most `segmentBytes` together) and
 *    each group is rewritten into one new segment with the first one's base:
 *    - a record is kept if it is the latest for its key (records without a
 *      key are kept);
 *    - a tombstone (null value) is kept until its batch's delete horizon has
 *      passed. A batch with tombstones and no horizon gets one on this pass
 *      (`now + deleteRetentionMs`, stored as the base timestamp with the
 *      `hasDeleteHorizonMs` attribute, KIP-534); a later pass after the
 *      horizon drops them;
 *    - control batches (transaction markers) are kept as they are;
 *    - a batch that keeps every record and needs no horizon is copied byte
 *      for byte; otherwise its kept records are re-encoded into a batch with
 *      the same base offset, last offset delta (so the producer's last
 *      sequence survives), producer id, epoch, base sequence, leader epoch,
 *      compression and timestamp type; offsets never change (gaps appear);
 *    - an emptied batch is dropped, unless it is its producer's latest batch:
 *      then an empty batch header is kept, so producer state rebuilt from the
 *      log still knows the last sequence.
 * 4. Each group is swapped in crash-safely (see swap.ts).
 *
 * When a pass is due (the dirty ratio, `max.compaction.lag.ms`) is the
 * partition log's decision (see `PartitionLog.compactionDue`); the report's
 * `cleanedUpTo` becomes its cleaner checkpoint.
 *
 * Not yet: removing aborted transactional records and old transaction
 * markers (transactions come later); each pass maps the whole cleanable
 * range, not only its dirty part.
 */
import {
  decodeRecordBatch,
  encodeRecordBatch,
  type Record,
  type RecordBatch,
  readBatchHeader,
} from "../batch.js";
import type { LogConfig } from "./config.js";
import type { LogDisk } from "./disk.js";
import { CLEANED_SUFFIX } from "./files.js";
import { scanBatches } from "./scan.js";
import { Segment } from "./segment.js";
import { LogStorageError } from "./storage-error.js";
import { commitSwap, completeCompactionSwap } from "./swap.js";

export interface CompactionOptions {
  /** `delete.retention.ms`: how long tombstones stay readable after their first cleaning. */
  readonly deleteRetentionMs: number;
  /** `min.compaction.lag.ms`: segments with records newer than this stay uncleaned (default 0). */
  readonly minCompactionLagMs?: number;
  /**
   * Where the uncleaned part of the log starts (the cleaner checkpoint;
   * default the log start). `minCompactionLagMs` holds back only segments
   * from there on: the part cleaned before is cleaned again whatever its age,
   * as in Kafka.
   */
  readonly firstDirtyOffset?: bigint;
  /** Bound on the key map's memory (approximate bytes; default 64 MiB). */
  readonly keyMapBytesMax?: number;
  /** Default: the log's clock. */
  readonly now?: number;
}

export interface CompactionReport {
  /** Segments read and rewritten. */
  readonly segmentsCleaned: number;
  /** Segments they became. */
  readonly segmentsWritten: number;
  readonly bytesBefore: number;
  readonly bytesAfter: number;
  readonly recordsRemoved: number;
  readonly tombstonesRemoved: number;
  /** Everything below this offset has been cleaned (the next cleaner checkpoint); null when nothing was cleanable. */
  readonly cleanedUpTo: bigint | null;
}

export interface CompactionContext {
  readonly disk: LogDisk;
  readonly dir: string;
  readonly config: LogConfig;
  readonly segments: readonly Segment[];
  readonly logStartOffset: bigint;
  /** Each producer's latest batch's last offset: such a batch is never dropped whole. */
  readonly producerLastOffsets: ReadonlyMap<bigint, bigint>;
}

/** Per key: a map entry costs its bytes plus this much (string header, map slot, bigint). */
const KEY_ENTRY_OVERHEAD_BYTES = 64;
const DEFAULT_KEY_MAP_BYTES_MAX = 64 * 1024 * 1024;
const INT32_MAX = 0x7fffffffn;

function keyString(key: Uint8Array): string {
  return Buffer.from(key.buffer, key.byteOffset, key.byteLength).toString("latin1");
}

function decodeOrThrow(bytes: Uint8Array, segment: Segment, config: LogConfig): RecordBatch {
  const decoded = decodeRecordBatch(bytes, { maxDecompressedBytes: config.maxDecompressedBytes });
  if (!decoded.ok) {
    throw new LogStorageError(
      "CORRUPT_MESSAGE",
      `compaction: segment ${segment.baseOffset}: ${decoded.error.message}`,
    );
  }
  return decoded.value;
}

export async function compactSegments(
  ctx: CompactionContext,
  options: CompactionOptions & { readonly now: number },
): Promise<{ segments: Segment[]; replaced: Segment[]; report: CompactionReport }> {
  const { config } = ctx;
  const now = BigInt(options.now);
  const lag = options.minCompactionLagMs ?? 0;
  const closed = ctx.segments.slice(0, -1);
  const firstDirty = options.firstDirtyOffset ?? ctx.logStartOffset;
  let cleanable: Segment[] = [];
  for (let i = 0; i < closed.length; i++) {
    const s = closed[i] as Segment;
    const end = (ctx.segments[i + 1] as Segment).baseOffset;
    if (lag > 0 && end > firstDirty && s.maxTimestamp > now - BigInt(lag)) break;
    cleanable.push(s);
  }

  // The key map, one whole segment at a time.
  const latest = new Map<string, bigint>();
  const mapMax = options.keyMapBytesMax ?? DEFAULT_KEY_MAP_BYTES_MAX;
  let mapBytes = 0;
  let mapped = 0;
  for (const segment of cleanable) {
    const snapshot = new Map<string, bigint>();
    let added = 0;
    const end = await scanBatches(
      segment.log,
      0,
      segment.size,
      config.scanChunkBytes,
      { verify: true },
      (located, bytes) => {
        if (located.header.isControl) return true;
        for (const r of decodeOrThrow(bytes, segment, config).records) {
          if (r.key === null) continue;
          const k = keyString(r.key);
          if (!latest.has(k) && !snapshot.has(k)) added += k.length + KEY_ENTRY_OVERHEAD_BYTES;
          snapshot.set(k, located.header.baseOffset + BigInt(r.offsetDelta));
        }
        return true;
      },
    );
    if (end.problem !== null)
      throw new LogStorageError(
        "CORRUPT_MESSAGE",
        `compaction: segment ${segment.baseOffset}: ${end.problem}`,
      );
    if (mapBytes + added > mapMax) break;
    mapBytes += added;
    for (const [k, o] of snapshot) latest.set(k, o);
    mapped++;
  }
  cleanable = cleanable.slice(0, mapped);

  const report = {
    segmentsCleaned: 0,
    segmentsWritten: 0,
    bytesBefore: 0,
    bytesAfter: 0,
    recordsRemoved: 0,
    tombstonesRemoved: 0,
    cleanedUpTo: null as bigint | null,
  };
  const segments = [...ctx.segments];
  const replaced: Segment[] = [];
  if (cleanable.length === 0) return { segments, replaced, report };
  report.cleanedUpTo = (
    ctx.segments[ctx.segments.indexOf(cleanable.at(-1) as Segment) + 1] as Segment
  ).baseOffset;

  // Groups of consecutive segments that fit one segment.
  const groups: Segment[][] = [];
  for (let i = 0; i < cleanable.length; i++) {
    const s = cleanable[i] as Segment;
    const group = groups.at(-1);
    const nextBase = (ctx.segments[ctx.segments.indexOf(s) + 1] as Segment).baseOffset;
    if (
      group !== undefined &&
      group.reduce((n, g) => n + g.size, 0) + s.size <= config.segmentBytes &&
      nextBase - (group[0] as Segment).baseOffset <= INT32_MAX
    ) {
      group.push(s);
    } else {
      groups.push([s]);
    }
  }

  for (const group of groups) {
    const base = (group[0] as Segment).baseOffset;
    const out = await Segment.create(ctx.disk, ctx.dir, base, config, options.now, CLEANED_SUFFIX);
    for (const segment of group) {
      report.bytesBefore += segment.size;
      const end = await scanBatches(
        segment.log,
        0,
        segment.size,
        config.scanChunkBytes,
        { verify: true },
        async (located, bytes) => {
          const kept = cleanBatch(
            bytes,
            located.header.isControl,
            segment,
            ctx,
            latest,
            options,
            now,
            report,
          );
          if (kept === null) return true;
          const hr = readBatchHeader(kept);
          if (!hr.ok) throw new Error(`compaction produced a bad batch: ${hr.error.message}`);
          const header = hr.value;
          await out.appendDetached(kept, {
            position: 0,
            header,
            lastOffset: header.baseOffset + BigInt(header.lastOffsetDelta),
          });
          return true;
        },
      );
      if (end.problem !== null) {
        throw new LogStorageError(
          "CORRUPT_MESSAGE",
          `compaction: segment ${segment.baseOffset}: ${end.problem}`,
        );
      }
    }
    await out.finishDetached();
    report.bytesAfter += out.size;
    await commitSwap(ctx.disk, ctx.dir, { newBase: base, replaced: group.map((s) => s.baseOffset) });
    for (const s of group) await s.close();
    await completeCompactionSwap(ctx.disk, ctx.dir);
    const { segment: swapped } = await Segment.openClosed(ctx.disk, ctx.dir, base, config, options.now);
    const at = segments.indexOf(group[0] as Segment);
    segments.splice(at, group.length, swapped);
    replaced.push(...group);
    report.segmentsCleaned += group.length;
    report.segmentsWritten++;
  }
  return { segments, replaced, report };
}

/** One batch's fate: its bytes unchanged, new bytes, or null (dropped). */
function cleanBatch(
  bytes: Uint8Array,
  isControl: boolean,
  segment: Segment,
  ctx: CompactionContext,
  latest: ReadonlyMap<string, bigint>,
  options: CompactionOptions,
  now: bigint,
  report: { recordsRemoved: number; tombstonesRemoved: number },
): Uint8Array | null {
  if (isControl) return new Uint8Array(bytes);
  const batch = decodeOrThrow(bytes, segment, ctx.config);
  const horizonPassed = batch.hasDeleteHorizonMs && batch.baseTimestamp <= now;
  const kept: Record[] = [];
  let tombstonesKept = false;
  for (const r of batch.records) {
    const offset = batch.baseOffset + BigInt(r.offsetDelta);
    if (r.key !== null && (latest.get(keyString(r.key)) ?? -1n) > offset) {
      report.recordsRemoved++;
      continue;
    }
    if (r.value === null && r.key !== null) {
      if (horizonPassed) {
        report.recordsRemoved++;
        report.tombstonesRemoved++;
        continue;
      }
      tombstonesKept = true;
    }
    kept.push(r);
  }
  const needHorizon = tombstonesKept && !batch.hasDeleteHorizonMs;
  if (kept.length === batch.records.length && !needHorizon) return new Uint8Array(bytes);
  const lastOffset = batch.baseOffset + BigInt(batch.lastOffsetDelta);
  if (kept.length === 0) {
    if (batch.producerId < 0n || ctx.producerLastOffsets.get(batch.producerId) !== lastOffset) return null;
    // The producer's latest batch: keep its header so its last sequence is not forgotten.
    return encodeRecordBatch({
      ...batchFields(batch),
      hasDeleteHorizonMs: false,
      baseTimestamp: batch.maxTimestamp,
      maxTimestamp: batch.maxTimestamp,
      records: [],
    });
  }
  const baseTimestamp = needHorizon ? now + BigInt(options.deleteRetentionMs) : batch.baseTimestamp;
  let maxTimestamp = batch.maxTimestamp;
  if (batch.timestampType === "create-time") {
    maxTimestamp = -1n;
    for (const r of kept) {
      const ts = batch.baseTimestamp + r.timestampDelta;
      if (ts > maxTimestamp) maxTimestamp = ts;
    }
  }
  return encodeRecordBatch({
    ...batchFields(batch),
    hasDeleteHorizonMs: needHorizon || batch.hasDeleteHorizonMs,
    baseTimestamp,
    maxTimestamp,
    // Offsets keep their deltas; timestamps are re-based on the (possibly new) base timestamp.
    records: kept.map((r) => ({
      ...r,
      timestampDelta: batch.baseTimestamp + r.timestampDelta - baseTimestamp,
    })),
  });
}

function batchFields(batch: RecordBatch) {
  return {
    baseOffset: batch.baseOffset,
    partitionLeaderEpoch: batch.partitionLeaderEpoch,
    compression: batch.compression,
    timestampType: batch.timestampType,
    isTransactional: batch.isTransactional,
    isControl: false,
    lastOffsetDelta: batch.lastOffsetDelta,
    producerId: batch.producerId,
    producerEpoch: batch.producerEpoch,
    baseSequence: batch.baseSequence,
  };
}
