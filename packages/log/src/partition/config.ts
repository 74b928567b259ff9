/**
 * Settings of one partition log, named as Kafka's topic configs but in
 * camelCase with the unit last. A broker pushes a topic's effective configs
 * here (`PartitionLog.updateConfig`), so a change takes effect without
 * reopening the log.
 *
 * Kafka's Long.MAX_VALUE defaults ("never": `flush.ms`,
 * `max.compaction.lag.ms`, ...) are `Number.MAX_SAFE_INTEGER` here: about
 * 285,000 years, the same in practice.
 */

/** `cleanup.policy` entries. */
export type CleanupPolicy = "delete" | "compact";

export interface LogConfig {
  /** Roll the active segment before it would exceed this many bytes (`segment.bytes`, default 1 GiB). */
  readonly segmentBytes: number;
  /** Roll the active segment once its first batch is this old (`segment.ms`, default 7 days). */
  readonly segmentMs: number;
  /**
   * Each new segment rolls up to this much earlier than `segmentMs`, by a
   * random amount drawn when the segment is created (`segment.jitter.ms`,
   * default 0), so many partitions do not roll at once.
   */
  readonly segmentJitterMs: number;
  /**
   * The most bytes each index file may hold (`segment.index.bytes`, default
   * 10 MiB); a full index rolls the segment. A segment keeps the size it was
   * created with, as in Kafka.
   */
  readonly segmentIndexBytes: number;
  /** Add an offset-index entry after at least this many bytes of batches (`index.interval.bytes`, default 4096); new segments take a change. */
  readonly indexIntervalBytes: number;
  /** How old data leaves the log (`cleanup.policy`, default delete); either, both, or neither. */
  readonly cleanupPolicy: readonly CleanupPolicy[];
  /** With "delete": segments whose newest record is older than this go (`retention.ms`, default 7 days; -1 keeps forever). */
  readonly retentionMs: number;
  /** With "delete": the oldest segments go while the log stays at least this big without them (`retention.bytes`, default -1, no limit). */
  readonly retentionBytes: number;
  /** With "compact": how long tombstones stay after their first cleaning (`delete.retention.ms`, default 1 day). */
  readonly deleteRetentionMs: number;
  /** With "compact": records newer than this are never compacted (`min.compaction.lag.ms`, default 0). */
  readonly minCompactionLagMs: number;
  /** With "compact": a record older than this makes compaction due whatever the dirty ratio (`max.compaction.lag.ms`, default never). */
  readonly maxCompactionLagMs: number;
  /** With "compact": compaction is due once more than this share of the log is uncleaned (`min.cleanable.dirty.ratio`, default 0.5). */
  readonly minCleanableDirtyRatio: number;
  /** fsync once this many records were appended since the last fsync (`flush.messages`, default never). */
  readonly flushMessages: number;
  /** fsync once this long has passed since the last fsync, checked by `flushIfDue` (`flush.ms`, default never). */
  readonly flushMs: number;
  /** Producers idle this long are forgotten by `expireProducers` (`producer.id.expiration.ms`, default 1 day). */
  readonly producerIdExpirationMs: number;
  /** How many closed segments keep their indexes in memory at once (least recently used first out). */
  readonly loadedIndexesMax: number;
  /** Chunk size for scanning segments during recovery, compaction and lookups; one batch may need more. */
  readonly scanChunkBytes: number;
  /** Bound on decompressing one batch while compacting or resolving a timestamp to a record. */
  readonly maxDecompressedBytes: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const DEFAULT_LOG_CONFIG: LogConfig = {
  segmentBytes: 1024 * 1024 * 1024,
  segmentMs: 7 * DAY_MS,
  segmentJitterMs: 0,
  segmentIndexBytes: 10 * 1024 * 1024,
  indexIntervalBytes: 4096,
  cleanupPolicy: ["delete"],
  retentionMs: 7 * DAY_MS,
  retentionBytes: -1,
  deleteRetentionMs: DAY_MS,
  minCompactionLagMs: 0,
  maxCompactionLagMs: Number.MAX_SAFE_INTEGER,
  minCleanableDirtyRatio: 0.5,
  flushMessages: Number.MAX_SAFE_INTEGER,
  flushMs: Number.MAX_SAFE_INTEGER,
  producerIdExpirationMs: DAY_MS,
  loadedIndexesMax: 4,
  scanChunkBytes: 1024 * 1024,
  maxDecompressedBytes: 64 * 1024 * 1024,
};

/** Kafka's smallest `segment.bytes` (a legacy record's overhead); an empty segment takes any batch whatever its size. */
const MIN_SEGMENT_BYTES = 14;
/** Kafka's smallest `segment.index.bytes`: an index with room for no entry, so every batch rolls a new segment. */
const MIN_INDEX_BYTES = 4;
const INT32_MAX = 2 ** 31 - 1;
const SAFE_MAX = Number.MAX_SAFE_INTEGER;

/** Fills in defaults and checks ranges; a bad value is a programmer error (RangeError). */
export function resolveLogConfig(partial: Partial<LogConfig> = {}): LogConfig {
  const config = { ...DEFAULT_LOG_CONFIG, ...partial };
  const check = (name: keyof LogConfig, min: number, max: number) => {
    const v = config[name];
    if (typeof v !== "number" || !Number.isSafeInteger(v) || v < min || v > max) {
      throw new RangeError(`${name} ${String(v)} must be an integer in [${min}, ${max}]`);
    }
  };
  // Positions in the offset index are int32, so a segment cannot outgrow 2 GiB.
  check("segmentBytes", MIN_SEGMENT_BYTES, INT32_MAX);
  check("segmentMs", 1, SAFE_MAX);
  check("segmentJitterMs", 0, SAFE_MAX);
  check("segmentIndexBytes", MIN_INDEX_BYTES, INT32_MAX);
  check("indexIntervalBytes", 0, INT32_MAX);
  check("retentionMs", -1, SAFE_MAX);
  check("retentionBytes", -1, SAFE_MAX);
  check("deleteRetentionMs", 0, SAFE_MAX);
  check("minCompactionLagMs", 0, SAFE_MAX);
  check("maxCompactionLagMs", 1, SAFE_MAX);
  check("flushMessages", 1, SAFE_MAX);
  check("flushMs", 0, SAFE_MAX);
  check("producerIdExpirationMs", 1, SAFE_MAX);
  check("loadedIndexesMax", 1, 1 << 20);
  check("scanChunkBytes", 4096, 1 << 30);
  check("maxDecompressedBytes", 1, 1 << 30);
  const ratio = config.minCleanableDirtyRatio;
  if (typeof ratio !== "number" || !(ratio >= 0 && ratio <= 1)) {
    throw new RangeError(`minCleanableDirtyRatio ${String(ratio)} must be a number in [0, 1]`);
  }
  const policy: readonly string[] = config.cleanupPolicy;
  if (!Array.isArray(policy) || !policy.every((p) => p === "delete" || p === "compact")) {
    throw new RangeError(`cleanupPolicy ${String(policy)} may list only delete and compact`);
  }
  return { ...config, cleanupPolicy: [...new Set(config.cleanupPolicy)] };
}

/**
 * The age at which the active segment rolls, before its jitter: `segmentMs`,
 * or `maxCompactionLagMs` when that is shorter and the log is compacted, so
 * compaction can reach every record within its lag (Kafka's `maxSegmentMs`).
 */
export function maxSegmentMs(config: LogConfig): number {
  return config.cleanupPolicy.includes("compact")
    ? Math.min(config.segmentMs, config.maxCompactionLagMs)
    : config.segmentMs;
}
