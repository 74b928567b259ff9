/**
 * The on-disk log of one partition: a directory of segments (see segment.ts),
 * producer-state snapshots, a log-start-offset checkpoint, and the
 * leader-epoch cache with its checkpoint (see leader-epoch-cache.ts).
 *
 * Durability: appends are written to the active segment at once but not
 * fsynced (Kafka relies on replication; the broker calls `flush()` by its own
 * policy). Rolling a segment fsyncs it, so after a crash only the active
 * segment can hold a torn tail, and `open` verifies all of it. Checkpoints,
 * snapshots and compaction output are written atomically (temporary file,
 * fsync, rename, directory fsync). The leader-epoch checkpoint is written
 * before the batch that adds an epoch, so after a crash it is never behind
 * the log; recovery drops its entries past the log end (and before the log
 * start), and rebuilds it from the batches when it is missing or damaged.
 *
 * Concurrency: every operation runs in call order on one queue, so a read
 * never sees a half-applied append, truncation or segment swap. An I/O error
 * puts the log in a failed state where every call rejects with
 * KAFKA_STORAGE_ERROR; reopening the directory recovers.
 */
import { join } from "node:path";
import {
  assignOffsetAndEpoch,
  decodeRecordBatch,
  type RecordBatchHeader,
  readBatchHeader,
} from "../batch.js";
import { splitBatches } from "../split.js";
import { type CompactionOptions, type CompactionReport, compactSegments } from "./compaction.js";
import { type LogConfig, maxSegmentMs, resolveLogConfig } from "./config.js";
import { type LogDisk, nodeDisk } from "./disk.js";
import {
  CLEANED_SUFFIX,
  CLEANER_CHECKPOINT_FILE,
  INDEX_SUFFIX,
  LOG_START_CHECKPOINT_FILE,
  LOG_SUFFIX,
  offsetFileName,
  parseOffsetFileName,
  readWholeFile,
  SNAPSHOT_SUFFIX,
  segmentPaths,
  TEMP_SUFFIX,
  TIME_INDEX_SUFFIX,
  writeFileAtomically,
} from "./files.js";
import {
  decodeLeaderEpochCheckpoint,
  type EpochEndOffset,
  type EpochEntry,
  encodeLeaderEpochCheckpoint,
  LEADER_EPOCH_CHECKPOINT_FILE,
  LEADER_EPOCH_CHECKPOINT_MAX_BYTES,
  LeaderEpochCache,
} from "./leader-epoch-cache.js";
import { decodeLogStartCheckpoint, encodeLogStartCheckpoint } from "./log-start-checkpoint.js";
import {
  decodeProducerSnapshot,
  encodeProducerSnapshot,
  type ProducerEntry,
  ProducerStateManager,
} from "./producer-state.js";
import { recordTimestamps, setLogAppendTime } from "./rewrite.js";
import { type LocatedBatch, scanHeaders } from "./scan.js";
import { Segment } from "./segment.js";
import { LogStorageError } from "./storage-error.js";
import { completeCompactionSwap } from "./swap.js";

const INT32_MAX = 0x7fffffffn;
const SNAPSHOT_MAX_BYTES = 256 * 1024 * 1024;
const HEADER_SCAN_CHUNK_BYTES = 64 * 1024;

export interface PartitionLogOptions {
  /** Milliseconds since the epoch; default Date.now. Drives time-based rolling, retention and flushing. */
  readonly clock?: () => number;
  /** A number in [0, 1); default Math.random. Draws each segment's roll jitter (`segmentJitterMs`). */
  readonly random?: () => number;
  /** Default: the real file system. */
  readonly disk?: LogDisk;
}

/** What `open` found and repaired. */
export interface RecoveryReport {
  readonly segments: number;
  /** Bytes cut from torn or corrupt segment tails. */
  readonly truncatedBytes: number;
  /** One line per problem found (a torn tail, a bad batch, a bad snapshot). */
  readonly problems: readonly string[];
  /** Base offsets of segments whose index files were rebuilt. */
  readonly indexesRebuilt: readonly bigint[];
  /** Base offsets of segments deleted because an earlier segment was corrupt. */
  readonly segmentsDropped: readonly bigint[];
  /** Leftover files removed (temporary files, unfinished compaction output, orphan indexes, stale snapshots). */
  readonly filesRemoved: readonly string[];
  /** An interrupted compaction swap was completed. */
  readonly compactionSwapCompleted: boolean;
  /** The producer snapshot loaded (its offset), or null when state was rebuilt from the start. */
  readonly producerSnapshotOffset: bigint | null;
  /** Batches replayed after the snapshot to rebuild producer state. */
  readonly producerBatchesReplayed: number;
  /** The leader-epoch cache was rebuilt from the batches (its checkpoint was missing or damaged). */
  readonly leaderEpochsRebuilt: boolean;
}

/** The most bytes of recent batches a log keeps in memory for reads at its tail. */
const TAIL_BYTES_MAX = 1024 * 1024;

/** One batch of the in-memory tail. */
interface TailBatch {
  readonly baseOffset: bigint;
  readonly lastOffset: bigint;
  readonly bytes: Uint8Array;
}

export interface AppendOptions {
  /** Stamped into every batch's partitionLeaderEpoch when assigning offsets. */
  readonly leaderEpoch: number;
  /**
   * true on the leader: offsets are assigned from the log end, producer
   * sequences are checked. false on a follower: batches keep their offsets
   * (which must continue the log) and epochs, and are not checked.
   */
  readonly assignOffsets: boolean;
  /** For LogAppendTime topics: the broker time to stamp into each batch (leader only). */
  readonly logAppendTimeMs?: number;
}

export interface AppendResult {
  readonly firstOffset: bigint;
  readonly lastOffset: bigint;
  /** The stamped log-append time, or -1 when the topic uses CreateTime. */
  readonly logAppendTimeMs: number;
  /**
   * The batch repeats one of its producer's last five (DUPLICATE_SEQUENCE):
   * nothing was appended, and the offsets are those of the original append.
   */
  readonly duplicate: boolean;
  readonly logStartOffset: bigint;
}

export interface ReadOptions {
  /** Exclusive upper bound (the high watermark): no batch whose last offset reaches it is returned. */
  readonly maxOffset?: bigint;
  /** Return the first batch even if it is larger than maxBytes (Kafka's rule for the first partition of a fetch). */
  readonly minOneBatch?: boolean;
}

export interface ReadResult {
  /** Whole batches, back to back; empty when there is nothing to return. */
  readonly bytes: Uint8Array;
  /** Base offset of the first batch returned (may be below the offset asked for), or null when empty. */
  readonly firstOffset: bigint | null;
  /** Last offset of the last batch returned, or null when empty. */
  readonly lastOffset: bigint | null;
  /** Where the next read continues: lastOffset + 1, or the offset asked for when empty. */
  readonly nextOffset: bigint;
  readonly logStartOffset: bigint;
  readonly logEndOffset: bigint;
}

export interface RetentionOptions {
  /** Delete segments whose newest record is older than this (`retention.ms`); -1 keeps forever. */
  readonly retentionMs: number;
  /** Delete the oldest segments while the log stays at least this big without them (`retention.bytes`); -1 means no limit. */
  readonly retentionBytes: number;
  readonly now?: number;
}

/** Where a compacted log stands, for deciding whether a compaction pass is due (Kafka's LogCleanerManager). */
export interface CleanableState {
  /** The cleaner checkpoint, or the log start when it is missing or outside the log. */
  readonly firstDirtyOffset: bigint;
  /** Cleaning stops here: the active segment, or the first dirty segment holding a record newer than `minCompactionLagMs`. */
  readonly firstUncleanableOffset: bigint;
  /** Bytes of the segments below the first dirty offset (cleaned before). */
  readonly cleanBytes: number;
  /** Bytes of the segments from the first dirty offset to the first uncleanable one. */
  readonly cleanableBytes: number;
  /** cleanableBytes / (cleanBytes + cleanableBytes); 0 for an empty log. */
  readonly dirtyRatio: number;
  /** A dirty closed segment's first record is older than `maxCompactionLagMs`. */
  readonly pastMaxCompactionLag: boolean;
  /** Kafka's rule: some bytes are cleanable and the lag is past, or the dirty ratio exceeds `minCleanableDirtyRatio`. */
  readonly due: boolean;
}

/** What one round of `maintain` did. */
export interface MaintenanceReport {
  /** The active segment was rolled because it reached its roll age. */
  readonly rolled: boolean;
  /** Retention's report, or null when the cleanup policy does not include "delete". */
  readonly retention: RetentionReport | null;
  /** The compaction pass's report, or null when the policy does not include "compact" or no pass was due. */
  readonly compaction: CompactionReport | null;
  /** The log was fsynced because `flushMs` had passed. */
  readonly flushed: boolean;
  readonly producersExpired: number;
}

export interface RetentionReport {
  readonly segmentsDeleted: number;
  readonly bytesDeleted: number;
  readonly logStartOffset: bigint;
}

export interface TimestampAndOffset {
  readonly timestamp: bigint;
  readonly offset: bigint;
}

interface Internals {
  readonly dir: string;
  readonly disk: LogDisk;
  /** Replaced whole by `updateConfig`; every operation reads it when it needs a setting. */
  config: LogConfig;
  readonly clock: () => number;
  readonly random: () => number;
}

export class PartitionLog {
  private segments: Segment[];
  private _logStartOffset: bigint;
  private _logEndOffset: bigint;
  private readonly producers: ProducerStateManager;
  private readonly epochs = new LeaderEpochCache();
  private queue: Promise<unknown> = Promise.resolve();
  private state: "open" | "closed" | "failed" = "open";
  /**
   * The batches appended last, oldest first, ending at the log end, copied
   * in memory (at most TAIL_BYTES_MAX of them, and always the last one), so
   * reads at the tail (followers, caught-up consumers) need no file I/O nor
   * a turn in the queue. Emptied by anything that rewrites or removes
   * records (truncation, compaction) before it starts.
   */
  private tail: TailBatch[] = [];
  private tailBytes = 0;
  private failure: unknown = null;
  /** Closed segments whose indexes are in memory, least recently used first. */
  private loaded: Segment[] = [];
  /** Where the uncleaned part of the log starts, as last checkpointed; null when never compacted. */
  private cleanerCheckpoint: bigint | null = null;
  /** Records appended since the last fsync (`flushMessages`). */
  private unflushedMessages = 0;
  /** When the log was last fsynced (opening counts), by the log's clock (`flushMs`). */
  private lastFlushMs: number;

  private constructor(
    private readonly io: Internals,
    segments: Segment[],
    logStartOffset: bigint,
    logEndOffset: bigint,
    producers: ProducerStateManager,
    readonly recovery: RecoveryReport,
  ) {
    this.segments = segments;
    this._logStartOffset = logStartOffset;
    this._logEndOffset = logEndOffset;
    this.producers = producers;
    this.lastFlushMs = io.clock();
  }

  get dir(): string {
    return this.io.dir;
  }

  get config(): LogConfig {
    return this.io.config;
  }

  /**
   * Changes settings while the log is open (a topic config changed); the
   * rest keep their values. Size and age limits apply from the next append
   * or maintenance round; `segmentIndexBytes`, `indexIntervalBytes` and
   * `segmentJitterMs` apply to segments created from now on, as in Kafka.
   * A value out of range is a programmer error (RangeError) and changes
   * nothing.
   */
  updateConfig(changes: Partial<LogConfig>): void {
    this.io.config = resolveLogConfig({ ...this.io.config, ...changes });
  }

  /** Records appended since the last fsync. */
  get unflushedRecords(): number {
    return this.unflushedMessages;
  }

  /** The first offset a read may ask for. */
  get logStartOffset(): bigint {
    return this._logStartOffset;
  }

  /** The offset the next appended record gets. */
  get logEndOffset(): bigint {
    return this._logEndOffset;
  }

  /** Total bytes of every segment's log file. */
  get sizeInBytes(): number {
    return this.segments.reduce((n, s) => n + s.size, 0);
  }

  get segmentCount(): number {
    return this.segments.length;
  }

  /** Base offsets of the segments, oldest first. */
  segmentBaseOffsets(): bigint[] {
    return this.segments.map((s) => s.baseOffset);
  }

  /** The idempotent-producer state (read-only use). */
  producerEntry(producerId: bigint): ProducerEntry | undefined {
    return this.producers.entry(producerId);
  }

  producerEntries(): ProducerEntry[] {
    return [...this.producers.entries()];
  }

  /**
   * The idempotent producers the log keeps state for, read in turn with the
   * log's other operations, so never half-way through a truncation's replay
   * (DescribeProducers).
   */
  activeProducers(): Promise<ProducerEntry[]> {
    return this.run(async () => [...this.producers.entries()]);
  }

  // --- opening and recovery ---------------------------------------------------------

  /**
   * Opens (creating if needed) the log in `dir`, recovering from whatever a
   * crash left: see RecoveryReport for what it repairs.
   */
  static async open(
    dir: string,
    config: Partial<LogConfig> = {},
    options: PartitionLogOptions = {},
  ): Promise<PartitionLog> {
    const io: Internals = {
      dir,
      disk: options.disk ?? nodeDisk,
      config: resolveLogConfig(config),
      clock: options.clock ?? Date.now,
      random: options.random ?? Math.random,
    };
    try {
      return await PartitionLog.recover(io);
    } catch (error) {
      if (error instanceof LogStorageError) throw error;
      throw new LogStorageError("KAFKA_STORAGE_ERROR", `cannot open the log in ${dir}: ${describe(error)}`, {
        cause: error,
      });
    }
  }

  private static async recover(io: Internals): Promise<PartitionLog> {
    const { dir, disk, config } = io;
    const now = io.clock();
    await disk.mkdir(dir);
    const problems: string[] = [];
    const filesRemoved: string[] = [];
    const indexesRebuilt: bigint[] = [];
    const segmentsDropped: bigint[] = [];
    let truncatedBytes = 0;

    for (const name of await disk.list(dir)) {
      if (name.endsWith(TEMP_SUFFIX)) {
        await disk.remove(join(dir, name));
        filesRemoved.push(name);
      }
    }
    const compactionSwapCompleted = await completeCompactionSwap(disk, dir);
    for (const name of await disk.list(dir)) {
      if (name.endsWith(CLEANED_SUFFIX)) {
        await disk.remove(join(dir, name));
        filesRemoved.push(name);
      }
    }

    const names = await disk.list(dir);
    const bases: bigint[] = [];
    for (const name of names) {
      const parsed = parseOffsetFileName(name);
      if (parsed?.suffix === LOG_SUFFIX) bases.push(parsed.offset);
    }
    bases.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const baseSet = new Set(bases);
    for (const name of names) {
      const parsed = parseOffsetFileName(name);
      if (parsed === null) continue;
      if (
        (parsed.suffix === INDEX_SUFFIX || parsed.suffix === TIME_INDEX_SUFFIX) &&
        !baseSet.has(parsed.offset)
      ) {
        await disk.remove(join(dir, name));
        filesRemoved.push(name);
      }
    }

    const checkpointBytes = await readWholeFile(disk, join(dir, LOG_START_CHECKPOINT_FILE), 64);
    let checkpoint: bigint | null = null;
    if (checkpointBytes !== null) {
      checkpoint = decodeLogStartCheckpoint(checkpointBytes);
      if (checkpoint === null) problems.push(`${LOG_START_CHECKPOINT_FILE} is damaged; ignored`);
    }

    const segments: Segment[] = [];
    try {
      for (let i = 0; i < bases.length; i++) {
        const base = bases[i] as bigint;
        const last = i === bases.length - 1;
        const { segment, recovery } = last
          ? await Segment.recoverActive(disk, dir, base, config, now)
          : await Segment.openClosed(disk, dir, base, config, now);
        segments.push(segment);
        truncatedBytes += recovery.truncatedBytes;
        if (recovery.indexesRebuilt) indexesRebuilt.push(base);
        if (recovery.problem !== null) problems.push(`segment ${base}: ${recovery.problem}`);
        if (!last && recovery.problem !== null) {
          // A bad batch in a closed segment: offsets after it cannot be trusted to follow on. Like
          // Kafka, keep the good prefix and drop every later segment (replication refills them).
          for (const later of bases.slice(i + 1)) {
            const paths = segmentPaths(dir, later);
            for (const p of [paths.log, paths.index, paths.timeIndex]) await disk.remove(p);
            segmentsDropped.push(later);
          }
          await segment.reactivate(now);
          break;
        }
      }
      if (segments.length === 0) {
        segments.push(await Segment.create(disk, dir, checkpoint ?? 0n, config, now));
        await disk.syncDir(dir);
      }
    } catch (error) {
      for (const s of segments) await s.close().catch(() => undefined);
      throw error;
    }

    const active = segments.at(-1) as Segment;
    active.rollJitterMs = drawJitter(io);
    const logEndOffset = active.nextOffset as bigint;
    let logStartOffset = (segments[0] as Segment).baseOffset;
    if (checkpoint !== null && checkpoint > logStartOffset) logStartOffset = checkpoint;

    const log = new PartitionLog(io, segments, logStartOffset, logEndOffset, new ProducerStateManager(), {
      segments: segments.length,
      truncatedBytes,
      problems,
      indexesRebuilt,
      segmentsDropped,
      filesRemoved,
      compactionSwapCompleted,
      producerSnapshotOffset: null,
      producerBatchesReplayed: 0,
      leaderEpochsRebuilt: false,
    });
    try {
      if (logStartOffset > logEndOffset) {
        // The checkpoint is ahead of the data (everything below it was deleted): start empty there.
        problems.push(
          `log start offset ${logStartOffset} is past the log end ${logEndOffset}; starting empty there`,
        );
        await log.doTruncateFullyAndStartAt(logStartOffset);
      }
      const cleanerBytes = await readWholeFile(disk, join(dir, CLEANER_CHECKPOINT_FILE), 64);
      if (cleanerBytes !== null) {
        log.cleanerCheckpoint = decodeLogStartCheckpoint(cleanerBytes);
        if (log.cleanerCheckpoint === null) problems.push(`${CLEANER_CHECKPOINT_FILE} is damaged; ignored`);
      }
      const rebuilt = await log.rebuildProducerState(problems, filesRemoved);
      const leaderEpochsRebuilt = await log.recoverLeaderEpochs(problems);
      (log as { recovery: RecoveryReport }).recovery = {
        ...log.recovery,
        segments: log.segments.length,
        ...rebuilt,
        leaderEpochsRebuilt,
      };
    } catch (error) {
      await log.closeFiles();
      throw error;
    }
    return log;
  }

  /** Loads the newest good snapshot at or below the log end and replays the batches after it. */
  private async rebuildProducerState(
    problems: string[],
    filesRemoved: string[],
  ): Promise<{ producerSnapshotOffset: bigint | null; producerBatchesReplayed: number }> {
    const { disk, dir } = this.io;
    const snapshots = await this.listSnapshots();
    const firstBase = (this.segments[0] as Segment).baseOffset;
    let loaded: bigint | null = null;
    this.producers.clear();
    for (const offset of [...snapshots].reverse()) {
      const name = offsetFileName(offset, SNAPSHOT_SUFFIX);
      if (offset > this._logEndOffset || offset < firstBase) {
        // Past the end: written before a truncation or a lost tail. Below the first segment: stale.
        await disk.remove(join(dir, name));
        filesRemoved.push(name);
        continue;
      }
      if (loaded !== null) continue;
      const bytes = await readWholeFile(disk, join(dir, name), SNAPSHOT_MAX_BYTES);
      const entries = bytes === null ? null : decodeProducerSnapshot(bytes);
      if (entries === null) {
        problems.push(`producer snapshot ${name} is damaged; removed`);
        await disk.remove(join(dir, name));
        filesRemoved.push(name);
        continue;
      }
      this.producers.load(entries);
      loaded = offset;
    }
    const replayed = await this.replayProducerState(loaded ?? firstBase);
    return { producerSnapshotOffset: loaded, producerBatchesReplayed: replayed };
  }

  private async listSnapshots(): Promise<bigint[]> {
    const offsets: bigint[] = [];
    for (const name of await this.io.disk.list(this.io.dir)) {
      const parsed = parseOffsetFileName(name);
      if (parsed?.suffix === SNAPSHOT_SUFFIX) offsets.push(parsed.offset);
    }
    return offsets.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /**
   * Loads the leader-epoch checkpoint and fits it to the recovered log (drops
   * entries at or past the log end, moves the first up to the log start), or
   * rebuilds the cache from every batch header when the file is missing or
   * damaged. Returns whether it was rebuilt.
   */
  private async recoverLeaderEpochs(problems: string[]): Promise<boolean> {
    const { disk, dir } = this.io;
    const bytes = await readWholeFile(
      disk,
      join(dir, LEADER_EPOCH_CHECKPOINT_FILE),
      LEADER_EPOCH_CHECKPOINT_MAX_BYTES,
    );
    const entries = bytes === null ? null : decodeLeaderEpochCheckpoint(bytes);
    if (bytes !== null && entries === null)
      problems.push(`${LEADER_EPOCH_CHECKPOINT_FILE} is damaged; rebuilt`);
    this.epochs.clear();
    if (entries !== null) {
      for (const e of entries) this.epochs.assign(e.epoch, e.startOffset);
      const cut = this.epochs.truncateFromEnd(this._logEndOffset);
      const moved = this.epochs.truncateFromStart(this._logStartOffset);
      if (cut || moved) await this.writeLeaderEpochCheckpoint();
      return false;
    }
    for (const segment of this.segments) {
      const end = await scanHeaders(segment.log, 0, segment.size, HEADER_SCAN_CHUNK_BYTES, (batch) => {
        const epoch = batch.header.partitionLeaderEpoch;
        if (epoch >= 0 && batch.lastOffset >= this._logStartOffset)
          this.epochs.assign(epoch, batch.header.baseOffset);
        return true;
      });
      if (end.problem !== null) {
        throw new LogStorageError("CORRUPT_MESSAGE", `segment ${segment.baseOffset}: ${end.problem}`);
      }
    }
    this.epochs.truncateFromStart(this._logStartOffset);
    await this.writeLeaderEpochCheckpoint();
    return true;
  }

  private async writeLeaderEpochCheckpoint(): Promise<void> {
    await writeFileAtomically(
      this.io.disk,
      this.io.dir,
      LEADER_EPOCH_CHECKPOINT_FILE,
      encodeLeaderEpochCheckpoint(this.epochs.entries()),
    );
  }

  /** Applies every batch from `from` to the log end to the producer state; returns how many. */
  private async replayProducerState(from: bigint): Promise<number> {
    let count = 0;
    for (let i = this.segmentIndexFor(from); i < this.segments.length; i++) {
      const segment = this.segments[i] as Segment;
      const start = i === this.segmentIndexFor(from) ? await this.locateIn(segment, from) : null;
      if (i === this.segmentIndexFor(from) && start === null) continue;
      const end = await scanHeaders(
        segment.log,
        start?.position ?? 0,
        segment.size,
        HEADER_SCAN_CHUNK_BYTES,
        (batch) => {
          if (batch.header.producerId >= 0n) {
            this.producers.update(batch.header);
            count++;
          }
          return true;
        },
      );
      if (end.problem !== null) {
        throw new LogStorageError("CORRUPT_MESSAGE", `segment ${segment.baseOffset}: ${end.problem}`);
      }
    }
    return count;
  }

  // --- the queue ----------------------------------------------------------------------

  private run<T>(op: () => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      if (this.state === "closed")
        throw new LogStorageError("KAFKA_STORAGE_ERROR", `the log in ${this.io.dir} is closed`);
      if (this.state === "failed") {
        throw new LogStorageError(
          "KAFKA_STORAGE_ERROR",
          `the log in ${this.io.dir} failed after an I/O error (${describe(this.failure)}); reopen it to recover`,
        );
      }
      try {
        return await op();
      } catch (error) {
        if (error instanceof LogStorageError) throw error;
        this.state = "failed";
        this.failure = error;
        throw new LogStorageError(
          "KAFKA_STORAGE_ERROR",
          `I/O error in the log in ${this.io.dir}: ${describe(error)}`,
          {
            cause: error,
          },
        );
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  // --- append -------------------------------------------------------------------------

  /**
   * Appends one or more whole batches, already validated by the caller. On
   * the leader (`assignOffsets`) each batch's baseOffset and
   * partitionLeaderEpoch are rewritten in place (outside the CRC), and
   * idempotent batches are checked against the producer state first: a
   * duplicate appends nothing and answers with the original offsets. The
   * bytes are written as they are: keep them unchanged until this resolves.
   */
  append(batches: Uint8Array, options: AppendOptions): Promise<AppendResult> {
    return this.run(() => this.doAppend(batches, options));
  }

  private async doAppend(bytes: Uint8Array, options: AppendOptions): Promise<AppendResult> {
    const views: Uint8Array[] = [];
    for (const slice of splitBatches(bytes)) {
      if (slice.kind !== "batch") {
        throw new LogStorageError(
          "CORRUPT_MESSAGE",
          slice.kind === "error"
            ? `append: ${slice.error.message}`
            : `append: a partial batch at byte ${slice.position}`,
        );
      }
      views.push(slice.bytes);
    }
    if (views.length === 0) throw new LogStorageError("CORRUPT_MESSAGE", "append: no batches");
    const headers = views.map((v) => headerOf(v));
    let logAppendTimeMs = -1;

    if (options.assignOffsets) {
      const check = this.producers.checkAppend(headers);
      if (check.kind === "duplicate") {
        return {
          firstOffset: check.firstOffset,
          lastOffset: check.lastOffset,
          logAppendTimeMs: options.logAppendTimeMs === undefined ? -1 : Number(check.timestampMs),
          duplicate: true,
          logStartOffset: this._logStartOffset,
        };
      }
      let next = this._logEndOffset;
      for (let i = 0; i < views.length; i++) {
        const view = views[i] as Uint8Array;
        assignOffsetAndEpoch(view, next, options.leaderEpoch);
        if (options.logAppendTimeMs !== undefined) setLogAppendTime(view, BigInt(options.logAppendTimeMs));
        next += BigInt((headers[i] as RecordBatchHeader).lastOffsetDelta) + 1n;
      }
      if (options.logAppendTimeMs !== undefined) logAppendTimeMs = options.logAppendTimeMs;
    } else {
      let min = this._logEndOffset;
      for (const h of headers) {
        if (h.baseOffset < min) {
          throw new LogStorageError(
            "INVALID_APPEND_OFFSET",
            `follower append: batch at offset ${h.baseOffset} does not continue the log at ${min}`,
          );
        }
        min = h.baseOffset + BigInt(h.lastOffsetDelta) + 1n;
      }
    }

    const located: LocatedBatch[] = views.map((v) => {
      const header = headerOf(v);
      return {
        position: v.byteOffset - bytes.byteOffset,
        header,
        lastOffset: header.baseOffset + BigInt(header.lastOffsetDelta),
      };
    });
    const first = located[0] as LocatedBatch;
    const last = located.at(-1) as LocatedBatch;
    let maxTimestamp = -1n;
    for (const b of located) if (b.header.maxTimestamp > maxTimestamp) maxTimestamp = b.header.maxTimestamp;
    await this.maybeRoll(bytes.length, first.header.baseOffset, last.lastOffset, maxTimestamp);
    // Like Kafka, a batch with a new epoch starts a leader-epoch entry; persisted before the data goes in.
    let epochsChanged = false;
    for (const b of located) {
      const epoch = b.header.partitionLeaderEpoch;
      if (epoch >= 0 && this.epochs.assign(epoch, b.header.baseOffset)) epochsChanged = true;
    }
    if (epochsChanged) await this.writeLeaderEpochCheckpoint();
    await this.activeSegment().append(bytes, located);
    for (const b of located) this.producers.update(b.header);
    this.rememberTail(bytes, located);
    this._logEndOffset = last.lastOffset + 1n;
    for (const b of located) this.unflushedMessages += b.header.recordCount;
    // Kafka's flush.messages: fsync once that many records wait for it.
    if (this.unflushedMessages >= this.io.config.flushMessages) await this.doFlush();
    return {
      firstOffset: first.header.baseOffset,
      lastOffset: last.lastOffset,
      logAppendTimeMs,
      duplicate: false,
      logStartOffset: this._logStartOffset,
    };
  }

  private activeSegment(): Segment {
    return this.segments.at(-1) as Segment;
  }

  /** Kafka's roll rules: size, age, a full index, or offsets too far from the base for the index. */
  private async maybeRoll(
    appendBytes: number,
    firstOffset: bigint,
    lastOffset: bigint,
    maxTimestamp: bigint,
  ): Promise<void> {
    const active = this.activeSegment();
    if (active.size === 0) return;
    const roll =
      active.size + appendBytes > this.io.config.segmentBytes ||
      this.rollAgeReached(active, maxTimestamp, this.io.clock()) ||
      active.indexesFull() ||
      lastOffset - active.baseOffset > INT32_MAX;
    if (roll) await this.doRoll(firstOffset);
  }

  /** `segmentMs` (or a shorter `maxCompactionLagMs` on a compacted log), less the segment's jitter. */
  private rollAgeReached(active: Segment, incomingMaxTimestamp: bigint, now: number): boolean {
    return active.ageMs(incomingMaxTimestamp, now) >= maxSegmentMs(this.io.config) - active.rollJitterMs;
  }

  private async doRoll(newBase: bigint): Promise<void> {
    const { disk, dir, config } = this.io;
    const old = this.activeSegment();
    await old.seal();
    this.noteLoaded(old);
    // The producer state as of the new segment's base, so recovery replays at most the active segment.
    await this.writeProducerSnapshot(newBase);
    const segment = await Segment.create(disk, dir, newBase, config, this.io.clock());
    segment.rollJitterMs = drawJitter(this.io);
    await disk.syncDir(dir);
    this.segments.push(segment);
    // Sealing fsynced everything written so far; the new segment is empty.
    this.unflushedMessages = 0;
    this.lastFlushMs = this.io.clock();
  }

  private async writeProducerSnapshot(offset: bigint): Promise<void> {
    await writeFileAtomically(
      this.io.disk,
      this.io.dir,
      offsetFileName(offset, SNAPSHOT_SUFFIX),
      encodeProducerSnapshot(this.producers.entries()),
    );
  }

  /** Rolls the active segment now if it holds any data (e.g. so retention or compaction can reach it). */
  roll(): Promise<void> {
    return this.run(async () => {
      if (this.activeSegment().size > 0) await this.doRoll(this._logEndOffset);
    });
  }

  /** fsyncs the active segment and its indexes (earlier segments were fsynced when they rolled). */
  flush(): Promise<void> {
    return this.run(() => this.doFlush());
  }

  private async doFlush(): Promise<void> {
    await this.activeSegment().flush();
    this.unflushedMessages = 0;
    this.lastFlushMs = this.io.clock();
  }

  /**
   * Kafka's `flush.ms`: fsyncs when records wait and `flushMs` has passed
   * since the last fsync. Returns whether it flushed.
   */
  flushIfDue(now?: number): Promise<boolean> {
    return this.run(async () => {
      const at = now ?? this.io.clock();
      if (this.unflushedMessages === 0 || at - this.lastFlushMs < this.io.config.flushMs) return false;
      await this.doFlush();
      return true;
    });
  }

  /**
   * Rolls the active segment if it holds data and has reached its roll age
   * by the clock (`segmentMs`; the append path checks the same on every
   * append), so an idle partition's last records become reachable by
   * retention and compaction. Returns whether it rolled.
   */
  rollIfDue(now?: number): Promise<boolean> {
    return this.run(async () => {
      const at = now ?? this.io.clock();
      const active = this.activeSegment();
      if (active.size === 0 || !this.rollAgeReached(active, BigInt(at), at)) return false;
      await this.doRoll(this._logEndOffset);
      return true;
    });
  }

  // --- read ---------------------------------------------------------------------------

  /**
   * Reads whole batches starting with the one that contains `fromOffset`,
   * within one segment, up to `maxBytes` (or the first batch whatever its size
   * with `minOneBatch`), never a batch reaching `maxOffset`. The bytes are one
   * buffer read from the file. OFFSET_OUT_OF_RANGE outside
   * [logStartOffset, logEndOffset].
   */
  read(fromOffset: bigint, maxBytes: number, options: ReadOptions = {}): Promise<ReadResult> {
    const fromTail = this.readTail(fromOffset, maxBytes, options);
    if (fromTail !== null) return Promise.resolve(fromTail);
    return this.run(() => this.doRead(fromOffset, maxBytes, options));
  }

  /** A read's answer when there is nothing to return. */
  private emptyRead(fromOffset: bigint): ReadResult {
    return {
      bytes: new Uint8Array(0),
      firstOffset: null,
      lastOffset: null,
      nextOffset: fromOffset,
      logStartOffset: this._logStartOffset,
      logEndOffset: this._logEndOffset,
    };
  }

  /** Where a read stops: the log end, or the caller's bound (the high watermark) below it. */
  private readUpperBound(options: ReadOptions): bigint {
    return options.maxOffset !== undefined && options.maxOffset < this._logEndOffset
      ? options.maxOffset
      : this._logEndOffset;
  }

  /** Keeps copies of appended batches for `readTail`, dropping the oldest beyond TAIL_BYTES_MAX. */
  private rememberTail(bytes: Uint8Array, located: readonly LocatedBatch[]): void {
    const lastKept = this.tail.at(-1);
    const first = located[0];
    // Only a tail that continues without a gap can answer reads.
    if (
      first === undefined ||
      (lastKept !== undefined && lastKept.lastOffset + 1n !== first.header.baseOffset)
    ) {
      this.forgetTail();
      if (first === undefined) return;
    }
    const copy = new Uint8Array(bytes);
    for (const b of located) {
      const size = b.header.sizeInBytes;
      this.tail.push({
        baseOffset: b.header.baseOffset,
        lastOffset: b.lastOffset,
        bytes: copy.subarray(b.position, b.position + size),
      });
      this.tailBytes += size;
    }
    while (this.tail.length > 1 && this.tailBytes > TAIL_BYTES_MAX) {
      this.tailBytes -= (this.tail.shift() as TailBatch).bytes.byteLength;
    }
  }

  private forgetTail(): void {
    this.tail = [];
    this.tailBytes = 0;
  }

  /**
   * A read answered from the in-memory tail, as doRead would answer it, or
   * null when the tail does not hold the batch containing `fromOffset` (or
   * the read is one doRead must refuse).
   */
  private readTail(fromOffset: bigint, maxBytes: number, options: ReadOptions): ReadResult | null {
    const tail = this.tail;
    const oldest = tail[0];
    if (this.state !== "open" || oldest === undefined) return null;
    if (fromOffset < this._logStartOffset || fromOffset > this._logEndOffset) return null;
    if (fromOffset < oldest.baseOffset) return null;
    const empty = this.emptyRead(fromOffset);
    const upper = this.readUpperBound(options);
    if (fromOffset >= upper) return empty;
    let i = tail.length - 1;
    while (i > 0 && (tail[i] as TailBatch).baseOffset > fromOffset) i--;
    const first = tail[i] as TailBatch;
    if (first.lastOffset < fromOffset || first.lastOffset >= upper) return empty;
    if (first.bytes.byteLength > maxBytes && options.minOneBatch !== true) return empty;
    const parts: Uint8Array[] = [first.bytes];
    let size = first.bytes.byteLength;
    let last = first.lastOffset;
    // Like a read from the files, one read stays within the segment holding its first batch.
    const nextSegmentBase = this.segments[this.segmentIndexFor(first.baseOffset) + 1]?.baseOffset;
    for (let j = i + 1; j < tail.length; j++) {
      const b = tail[j] as TailBatch;
      if (nextSegmentBase !== undefined && b.baseOffset >= nextSegmentBase) break;
      if (b.lastOffset >= upper || size + b.bytes.byteLength > maxBytes) break;
      parts.push(b.bytes);
      size += b.bytes.byteLength;
      last = b.lastOffset;
    }
    return {
      bytes: parts.length === 1 ? first.bytes : Buffer.concat(parts, size),
      firstOffset: first.baseOffset,
      lastOffset: last,
      nextOffset: last + 1n,
      logStartOffset: this._logStartOffset,
      logEndOffset: this._logEndOffset,
    };
  }

  private checkOffset(offset: bigint, what: string): void {
    if (offset < this._logStartOffset || offset > this._logEndOffset) {
      throw new LogStorageError(
        "OFFSET_OUT_OF_RANGE",
        `${what} offset ${offset} is outside the log [${this._logStartOffset}, ${this._logEndOffset}]`,
      );
    }
  }

  private async doRead(fromOffset: bigint, maxBytes: number, options: ReadOptions): Promise<ReadResult> {
    this.checkOffset(fromOffset, "read");
    const empty = this.emptyRead(fromOffset);
    const upper = this.readUpperBound(options);
    if (fromOffset >= upper) return empty;
    for (let i = this.segmentIndexFor(fromOffset); i < this.segments.length; i++) {
      const segment = this.segments[i] as Segment;
      const first = await this.locateIn(segment, fromOffset);
      if (first === null) continue;
      if (first.lastOffset >= upper) return empty;
      const nextBase = this.segments[i + 1]?.baseOffset ?? null;
      let maxPosition = segment.size;
      if (nextBase === null || upper < nextBase) {
        const stop = await this.locateIn(segment, upper);
        if (stop !== null) maxPosition = stop.position;
      }
      const firstSize = first.header.sizeInBytes;
      let length: number;
      if (firstSize > maxBytes) {
        if (options.minOneBatch !== true) return empty;
        length = firstSize;
      } else {
        length = Math.min(maxBytes, maxPosition - first.position);
      }
      const buffer = await segment.read(first.position, length);
      let end = 0;
      let lastOffset = first.lastOffset;
      for (const slice of splitBatches(buffer)) {
        if (slice.kind !== "batch") break;
        end = slice.position + slice.bytes.length;
        lastOffset = headerOf(slice.bytes).baseOffset + BigInt(headerOf(slice.bytes).lastOffsetDelta);
      }
      if (end === 0) {
        throw new LogStorageError(
          "CORRUPT_MESSAGE",
          `segment ${segment.baseOffset}: no whole batch at byte ${first.position}`,
        );
      }
      return {
        bytes: buffer.subarray(0, end),
        firstOffset: first.header.baseOffset,
        lastOffset,
        nextOffset: lastOffset + 1n,
        logStartOffset: this._logStartOffset,
        logEndOffset: this._logEndOffset,
      };
    }
    return empty;
  }

  /** The index of the last segment whose base offset is at most `offset` (0 if none). */
  private segmentIndexFor(offset: bigint): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    let found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.segments[mid] as Segment).baseOffset <= offset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  private async locateIn(segment: Segment, offset: bigint): Promise<LocatedBatch | null> {
    const found = await segment.locate(offset);
    this.noteLoaded(segment);
    return found;
  }

  /** Keeps at most `loadedIndexesMax` closed segments' indexes in memory. */
  private noteLoaded(segment: Segment): void {
    if (segment.isActive) return;
    const i = this.loaded.indexOf(segment);
    if (i >= 0) this.loaded.splice(i, 1);
    this.loaded.push(segment);
    while (this.loaded.length > this.io.config.loadedIndexesMax) this.loaded.shift()?.unloadIndexes();
  }

  // --- timestamps ---------------------------------------------------------------------

  /**
   * The first record (at or after the log start) whose timestamp is at least
   * `timestamp`, or null when there is none (ListOffsets with a timestamp).
   */
  offsetForTimestamp(timestamp: bigint): Promise<TimestampAndOffset | null> {
    return this.run(async () => {
      for (const segment of this.segments) {
        if (segment.maxTimestamp < timestamp) continue;
        if (segment.nextOffset !== null && segment.nextOffset <= this._logStartOffset) continue;
        const from = await segment.timestampLookupPosition(timestamp);
        this.noteLoaded(segment);
        let found: LocatedBatch | null = null;
        const end = await scanHeaders(segment.log, from, segment.size, HEADER_SCAN_CHUNK_BYTES, (batch) => {
          if (batch.header.maxTimestamp < timestamp || batch.lastOffset < this._logStartOffset) return true;
          found = batch;
          return false;
        });
        if (end.problem !== null)
          throw new LogStorageError("CORRUPT_MESSAGE", `segment ${segment.baseOffset}: ${end.problem}`);
        if (found === null) continue;
        const hit = await this.findRecord(
          segment,
          found,
          (r) => r.timestamp >= timestamp && r.offset >= this._logStartOffset,
        );
        if (hit !== null) return hit;
      }
      return null;
    });
  }

  /**
   * The record with the largest timestamp in the log (the first one if
   * several share it), for ListOffsets MAX_TIMESTAMP; null when no batch has
   * a timestamp.
   */
  maxTimestampOffset(): Promise<TimestampAndOffset | null> {
    return this.run(async () => {
      let best: Segment | null = null;
      for (const s of this.segments) {
        if (s.maxTimestamp >= 0n && (best === null || s.maxTimestamp > best.maxTimestamp)) best = s;
      }
      if (best === null) return null;
      const batch = await this.locateIn(best, best.offsetOfMaxTimestamp);
      if (batch === null) return null;
      const ts = best.maxTimestamp;
      return this.findRecord(best, batch, (r) => r.timestamp === ts);
    });
  }

  private async findRecord(
    segment: Segment,
    batch: LocatedBatch,
    match: (r: TimestampAndOffset) => boolean,
  ): Promise<TimestampAndOffset | null> {
    const bytes = await segment.read(batch.position, batch.header.sizeInBytes);
    const decoded = decodeRecordBatch(bytes, { maxDecompressedBytes: this.io.config.maxDecompressedBytes });
    if (!decoded.ok) {
      throw new LogStorageError(
        "CORRUPT_MESSAGE",
        `segment ${segment.baseOffset}: batch at offset ${batch.header.baseOffset}: ${decoded.error.message}`,
      );
    }
    for (const r of recordTimestamps(decoded.value)) if (match(r)) return r;
    return null;
  }

  // --- truncation, DeleteRecords, retention ------------------------------------------------

  /**
   * Removes every record at or after `offset` (a follower diverging from its
   * leader). A batch containing `offset` goes whole. Returns false when there
   * was nothing to remove.
   */
  truncateTo(offset: bigint): Promise<boolean> {
    return this.run(async () => {
      if (offset >= this._logEndOffset) return false;
      this.forgetTail();
      if (offset < 0n) throw new RangeError(`truncateTo ${offset}`);
      if (offset <= (this.segments[0] as Segment).baseOffset) {
        await this.doTruncateFullyAndStartAt(offset);
        return true;
      }
      const now = this.io.clock();
      while (this.segments.length > 1 && (this.segments.at(-1) as Segment).baseOffset >= offset) {
        const gone = this.segments.pop() as Segment;
        this.forget(gone);
        await gone.delete();
      }
      const last = this.activeSegment();
      const cut = await last.locate(offset);
      await last.truncateTo(offset, now);
      await last.reactivate(now);
      await this.io.disk.syncDir(this.io.dir);
      this._logEndOffset = cut !== null && cut.header.baseOffset < offset ? cut.header.baseOffset : offset;
      if (this._logEndOffset < (last.nextOffset as bigint)) this._logEndOffset = last.nextOffset as bigint;
      // Data past the new end is gone: what is appended there later is dirty.
      if (this.cleanerCheckpoint !== null && this.cleanerCheckpoint > this._logEndOffset) {
        await this.writeCleanerCheckpoint(this._logEndOffset);
      }
      if (this.epochs.truncateFromEnd(this._logEndOffset)) await this.writeLeaderEpochCheckpoint();
      await this.rebuildProducerState([], []);
      return true;
    });
  }

  /** Deletes everything and starts the log empty at `offset` (a follower far behind a leader's log start). */
  truncateFullyAndStartAt(offset: bigint): Promise<void> {
    return this.run(() => this.doTruncateFullyAndStartAt(offset));
  }

  private async doTruncateFullyAndStartAt(offset: bigint): Promise<void> {
    this.forgetTail();
    const { disk, dir, config } = this.io;
    for (const s of this.segments) {
      this.forget(s);
      await s.delete();
    }
    for (const snap of await this.listSnapshots())
      await disk.remove(join(dir, offsetFileName(snap, SNAPSHOT_SUFFIX)));
    this.segments = [await Segment.create(disk, dir, offset, config, this.io.clock())];
    (this.segments[0] as Segment).rollJitterMs = drawJitter(this.io);
    await disk.syncDir(dir);
    this.producers.clear();
    this._logEndOffset = offset;
    this._logStartOffset = offset;
    await this.writeLogStartCheckpoint();
    if (this.cleanerCheckpoint !== null) await this.writeCleanerCheckpoint(offset);
    this.epochs.clear();
    await this.writeLeaderEpochCheckpoint();
  }

  private forget(segment: Segment): void {
    const i = this.loaded.indexOf(segment);
    if (i >= 0) this.loaded.splice(i, 1);
  }

  /**
   * DeleteRecords: moves the log start up to `offset` (at most the log end),
   * persists it, and deletes segments wholly below it. Reads below it fail
   * with OFFSET_OUT_OF_RANGE from now on. Returns the log start offset.
   */
  deleteRecordsBefore(offset: bigint): Promise<bigint> {
    return this.run(async () => {
      if (offset > this._logEndOffset || offset < 0n) {
        throw new LogStorageError(
          "OFFSET_OUT_OF_RANGE",
          `cannot delete records before ${offset}: the log ends at ${this._logEndOffset}`,
        );
      }
      if (offset > this._logStartOffset) {
        this._logStartOffset = offset;
        await this.writeLogStartCheckpoint();
        await this.truncateLeaderEpochsFromStart();
      }
      await this.deleteOldSegments(() => false);
      return this._logStartOffset;
    });
  }

  /**
   * Retention (`cleanup.policy=delete`), Kafka's rules: deletes segments
   * from the oldest while their newest timestamp is older than `retentionMs`
   * (a closed segment without timestamps counts as expired; the active one
   * then goes by its creation time) or while the log would stay at least
   * `retentionBytes` without them. The active segment goes too when it holds
   * data and is expired: a new empty one is rolled first at the log end, so
   * the log end never moves back. The log start moves to the first
   * remaining segment and is persisted.
   */
  applyRetention(options: RetentionOptions): Promise<RetentionReport> {
    return this.run(async () => {
      const now = options.now ?? this.io.clock();
      const size = this.sizeInBytes;
      let excess =
        options.retentionBytes < 0 || size < options.retentionBytes ? -1 : size - options.retentionBytes;
      const newest = (segment: Segment) =>
        segment.maxTimestamp >= 0n || !segment.isActive ? Number(segment.maxTimestamp) : segment.createdMs;
      const deleted = await this.deleteOldSegments((segment) => {
        if (options.retentionMs >= 0 && newest(segment) < now - options.retentionMs) {
          excess -= segment.size;
          return true;
        }
        if (excess >= 0 && excess - segment.size >= 0) {
          excess -= segment.size;
          return true;
        }
        return false;
      }, true);
      return {
        segmentsDeleted: deleted.count,
        bytesDeleted: deleted.bytes,
        logStartOffset: this._logStartOffset,
      };
    });
  }

  /**
   * Deletes segments from the oldest while they lie wholly below the log
   * start or `expired` says so (the active one only with `includeActive`,
   * when it holds data: a new one is rolled first); then moves the log start
   * to the first remaining segment, persists it, and drops producer
   * snapshots below it.
   *
   * Files are deleted at once, without Kafka's `file.delete.delay.ms`: Kafka
   * waits so that reads still holding the old file (zero-copy sends) can
   * finish, but here every read copies its bytes out on the log's queue
   * before the next operation starts, so no read can see a deleted segment.
   */
  private async deleteOldSegments(
    expired: (segment: Segment) => boolean,
    includeActive = false,
  ): Promise<{ count: number; bytes: number }> {
    const doomed: Segment[] = [];
    for (let i = 0; i < this.segments.length; i++) {
      const segment = this.segments[i] as Segment;
      const next = this.segments[i + 1];
      if (next === undefined) {
        if (includeActive && segment.size > 0 && expired(segment)) doomed.push(segment);
        break;
      }
      if (next.baseOffset <= this._logStartOffset || expired(segment)) doomed.push(segment);
      else break;
    }
    if (doomed.length === 0) return { count: 0, bytes: 0 };
    if (doomed.length === this.segments.length) await this.doRoll(this._logEndOffset);
    const remaining = this.segments.slice(doomed.length);
    const newStart = (remaining[0] as Segment).baseOffset;
    if (newStart > this._logStartOffset) {
      this._logStartOffset = newStart;
      // Persist the new start before any file goes, so a crash never exposes a start below deleted data.
      await this.writeLogStartCheckpoint();
      await this.truncateLeaderEpochsFromStart();
    }
    this.segments = remaining;
    let bytes = 0;
    for (const s of doomed) {
      bytes += s.size;
      this.forget(s);
      await s.delete();
    }
    for (const snap of await this.listSnapshots()) {
      if (snap < newStart)
        await this.io.disk.remove(join(this.io.dir, offsetFileName(snap, SNAPSHOT_SUFFIX)));
    }
    await this.io.disk.syncDir(this.io.dir);
    return { count: doomed.length, bytes };
  }

  /** The log start moved up (after its checkpoint was written): the first epoch entry follows it. */
  private async truncateLeaderEpochsFromStart(): Promise<void> {
    if (this.epochs.truncateFromStart(this._logStartOffset)) await this.writeLeaderEpochCheckpoint();
  }

  private async writeLogStartCheckpoint(): Promise<void> {
    await writeFileAtomically(
      this.io.disk,
      this.io.dir,
      LOG_START_CHECKPOINT_FILE,
      encodeLogStartCheckpoint(this._logStartOffset),
    );
  }

  // --- producers ------------------------------------------------------------------------

  /** Forgets producers idle longer than `producerIdExpirationMs`; returns how many. */
  expireProducers(now?: number): Promise<number> {
    return this.run(async () =>
      this.producers.removeExpired(now ?? this.io.clock(), this.io.config.producerIdExpirationMs),
    );
  }

  /** Writes a producer-state snapshot at the log end now (also done at every roll and on close). */
  takeProducerSnapshot(): Promise<bigint> {
    return this.run(async () => {
      await this.writeProducerSnapshot(this._logEndOffset);
      return this._logEndOffset;
    });
  }

  // --- leader epochs --------------------------------------------------------------------

  /** The leader-epoch cache's entries, oldest first. */
  leaderEpochEntries(): EpochEntry[] {
    return this.epochs.entries();
  }

  /** The latest leader epoch that wrote to (or was assigned to) this log, or -1. */
  get latestLeaderEpoch(): number {
    return this.epochs.latestEpoch;
  }

  /** The leader epoch that wrote `offset` (from the leader-epoch cache), or -1 when unknown. */
  epochForOffset(offset: bigint): number {
    return this.epochs.epochForOffset(offset);
  }

  /**
   * A leader taking over at `epoch`: records that the epoch starts at the log
   * end if it is above every known one (Kafka assigns it when the replica
   * becomes leader, before any append), so OffsetForLeaderEpoch answers the
   * current epoch with the log end. Returns whether anything changed.
   */
  assignLeaderEpoch(epoch: number): Promise<boolean> {
    return this.run(async () => {
      if (epoch <= this.epochs.latestEpoch) return false;
      this.epochs.assign(epoch, this._logEndOffset);
      await this.writeLeaderEpochCheckpoint();
      return true;
    });
  }

  /**
   * OffsetForLeaderEpoch: the largest epoch at most `epoch` and its end offset
   * (the start of the next larger epoch, or the log end for the latest one),
   * or (-1, -1) when `epoch` is -1 or above every known epoch. See
   * LeaderEpochCache.endOffsetFor.
   */
  endOffsetForEpoch(epoch: number): Promise<EpochEndOffset> {
    // In memory: no turn in the queue (the cache and the log end change together within one step).
    return Promise.resolve(this.epochs.endOffsetFor(epoch, this._logEndOffset));
  }

  // --- compaction -----------------------------------------------------------------------

  /**
   * Compaction (`cleanup.policy=compact`): rewrites the closed segments
   * keeping the latest record per key, whether or not a pass is due; see
   * compaction.ts for the rules. The cleaner checkpoint moves to the end of
   * what was cleaned.
   */
  compact(options: CompactionOptions): Promise<CompactionReport> {
    return this.run(() => this.doCompact(options));
  }

  private async doCompact(options: CompactionOptions): Promise<CompactionReport> {
    // Compaction rewrites records the tail may hold: reads go to the files from now on.
    this.forgetTail();
    const now = options.now ?? this.io.clock();
    const result = await compactSegments(
      {
        disk: this.io.disk,
        dir: this.io.dir,
        config: this.io.config,
        segments: this.segments,
        logStartOffset: this._logStartOffset,
        producerLastOffsets: new Map(
          [...this.producers.entries()].map((e) => [e.producerId, e.batches.at(-1)?.lastOffset ?? -1n]),
        ),
      },
      { firstDirtyOffset: this.firstDirtyOffset(), ...options, now },
    );
    for (const s of result.replaced) this.forget(s);
    this.segments = result.segments;
    const cleaned = result.report.cleanedUpTo;
    if (cleaned !== null && cleaned > this.firstDirtyOffset()) await this.writeCleanerCheckpoint(cleaned);
    return result.report;
  }

  /** The cleaner checkpoint, or the log start when there is none or it lies outside the log (Kafka's reset). */
  private firstDirtyOffset(): bigint {
    const c = this.cleanerCheckpoint;
    return c === null || c < this._logStartOffset || c > this._logEndOffset ? this._logStartOffset : c;
  }

  private async writeCleanerCheckpoint(offset: bigint): Promise<void> {
    await writeFileAtomically(
      this.io.disk,
      this.io.dir,
      CLEANER_CHECKPOINT_FILE,
      encodeLogStartCheckpoint(offset),
    );
    this.cleanerCheckpoint = offset;
  }

  /**
   * Where the log stands for compaction, by Kafka's rules (LogCleanerManager):
   * the dirty part runs from the cleaner checkpoint to the active segment,
   * or to the first dirty segment holding a record newer than
   * `minCompactionLagMs`; a pass is due when some of it is cleanable and a
   * dirty closed segment's first record is older than `maxCompactionLagMs`,
   * or when the dirty share exceeds `minCleanableDirtyRatio`.
   */
  cleanableState(now?: number): Promise<CleanableState> {
    return this.run(() => this.computeCleanableState(now ?? this.io.clock()));
  }

  private async computeCleanableState(now: number): Promise<CleanableState> {
    const config = this.io.config;
    const firstDirty = this.firstDirtyOffset();
    const segments = this.segments;
    const active = this.activeSegment();
    const endOf = (i: number) => (segments[i + 1] as Segment | undefined)?.baseOffset ?? this._logEndOffset;
    let firstUncleanable = active.baseOffset;
    let cleanBytes = 0;
    let earliestDirtyTimestamp: bigint | null = null;
    for (let i = 0; i < segments.length - 1; i++) {
      const s = segments[i] as Segment;
      if (s.baseOffset < firstDirty) cleanBytes += s.size;
      if (endOf(i) <= firstDirty) continue;
      // A dirty closed segment.
      if (config.minCompactionLagMs > 0 && s.maxTimestamp > BigInt(now - config.minCompactionLagMs)) {
        if (s.baseOffset < firstUncleanable) firstUncleanable = s.baseOffset;
      }
      const first = await s.loadFirstBatchTimestamp();
      if (first > 0n && (earliestDirtyTimestamp === null || first < earliestDirtyTimestamp)) {
        earliestDirtyTimestamp = first;
      }
    }
    if (firstUncleanable < firstDirty) firstUncleanable = firstDirty;
    let cleanableBytes = 0;
    for (let i = 0; i < segments.length; i++) {
      const s = segments[i] as Segment;
      if (s.baseOffset < firstUncleanable && endOf(i) > firstDirty) cleanableBytes += s.size;
    }
    const total = cleanBytes + cleanableBytes;
    const dirtyRatio = total > 0 ? cleanableBytes / total : 0;
    const pastMaxCompactionLag =
      earliestDirtyTimestamp !== null &&
      earliestDirtyTimestamp < BigInt(now) - BigInt(config.maxCompactionLagMs);
    return {
      firstDirtyOffset: firstDirty,
      firstUncleanableOffset: firstUncleanable,
      cleanBytes,
      cleanableBytes,
      dirtyRatio,
      pastMaxCompactionLag,
      due:
        total > 0 &&
        ((pastMaxCompactionLag && cleanableBytes > 0) || dirtyRatio > config.minCleanableDirtyRatio),
    };
  }

  /**
   * Runs a compaction pass with the log's settings (`deleteRetentionMs`,
   * `minCompactionLagMs`) if one is due (see `cleanableState`); null when not.
   */
  compactIfDue(now?: number): Promise<CompactionReport | null> {
    return this.run(async () => {
      const at = now ?? this.io.clock();
      if (!(await this.computeCleanableState(at)).due) return null;
      const { deleteRetentionMs, minCompactionLagMs } = this.io.config;
      return this.doCompact({ deleteRetentionMs, minCompactionLagMs, now: at });
    });
  }

  // --- maintenance ----------------------------------------------------------------------

  /**
   * One round of housekeeping with the log's own settings, each step in turn
   * on the queue (appends interleave): roll the active segment if it reached
   * its roll age; retention if the cleanup policy includes "delete";
   * a compaction pass if it includes "compact" and one is due; an fsync if
   * `flushMs` has passed; forget idle producers.
   */
  async maintain(now?: number): Promise<MaintenanceReport> {
    const at = now ?? this.io.clock();
    const rolled = await this.rollIfDue(at);
    const policy = this.io.config.cleanupPolicy;
    const retention = policy.includes("delete")
      ? await this.applyRetention({
          retentionMs: this.io.config.retentionMs,
          retentionBytes: this.io.config.retentionBytes,
          now: at,
        })
      : null;
    const compaction = this.io.config.cleanupPolicy.includes("compact") ? await this.compactIfDue(at) : null;
    const flushed = await this.flushIfDue(at);
    const producersExpired = await this.expireProducers(at);
    return { rolled, retention, compaction, flushed, producersExpired };
  }

  // --- closing ----------------------------------------------------------------------------

  /**
   * Writes a producer snapshot at the log end, then closes every file. Later
   * calls reject with KAFKA_STORAGE_ERROR.
   */
  close(): Promise<void> {
    const next = this.queue.then(async () => {
      if (this.state === "closed") return;
      const failed = this.state === "failed";
      this.state = "closed";
      try {
        if (!failed) await this.writeProducerSnapshot(this._logEndOffset);
      } finally {
        await this.closeFiles();
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async closeFiles(): Promise<void> {
    for (const s of this.segments) await s.close().catch(() => undefined);
  }
}

/** A new segment's roll jitter: Kafka's `randomSegmentJitter`, below min(segmentJitterMs, segmentMs). */
function drawJitter(io: Internals): number {
  const { segmentJitterMs, segmentMs } = io.config;
  if (segmentJitterMs === 0) return 0;
  return Math.floor(io.random() * Math.min(segmentJitterMs, segmentMs));
}

function headerOf(bytes: Uint8Array): RecordBatchHeader {
  const hr = readBatchHeader(bytes);
  if (!hr.ok) throw new LogStorageError("CORRUPT_MESSAGE", hr.error.message);
  return hr.value;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
