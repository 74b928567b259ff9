/** Settings of one partition log, named as Kafka's topic configs but in camelCase with the unit last. */
export interface LogConfig {
  /** Roll the active segment before it would exceed this many bytes (`segment.bytes`, default 1 GiB). */
  readonly segmentBytes: number;
  /** Roll the active segment once its first batch is this old (`segment.ms`, default 7 days). */
  readonly segmentMs: number;
  /** The most bytes each index file may hold (`segment.index.bytes`, default 10 MiB); a full index rolls the segment. */
  readonly segmentIndexBytes: number;
  /** Add an offset-index entry after at least this many bytes of batches (`index.interval.bytes`, default 4096). */
  readonly indexIntervalBytes: number;
  /** Producers idle this long are forgotten by `expireProducers` (`producer.id.expiration.ms`, default 1 day). */
  readonly producerIdExpirationMs: number;
  /** How many closed segments keep their indexes in memory at once (least recently used first out). */
  readonly loadedIndexesMax: number;
  /** Chunk size for scanning segments during recovery, compaction and lookups; one batch may need more. */
  readonly scanChunkBytes: number;
  /** Bound on decompressing one batch while compacting or resolving a timestamp to a record. */
  readonly maxDecompressedBytes: number;
}

export const DEFAULT_LOG_CONFIG: LogConfig = {
  segmentBytes: 1024 * 1024 * 1024,
  segmentMs: 7 * 24 * 60 * 60 * 1000,
  segmentIndexBytes: 10 * 1024 * 1024,
  indexIntervalBytes: 4096,
  producerIdExpirationMs: 24 * 60 * 60 * 1000,
  loadedIndexesMax: 4,
  scanChunkBytes: 1024 * 1024,
  maxDecompressedBytes: 64 * 1024 * 1024,
};

/** Smallest index: room for the reserved final time-index entry plus one ordinary entry. */
const MIN_INDEX_BYTES = 24;
const INT32_MAX = 2 ** 31 - 1;

/** Fills in defaults and checks ranges; a bad value is a programmer error (RangeError). */
export function resolveLogConfig(partial: Partial<LogConfig> = {}): LogConfig {
  const config = { ...DEFAULT_LOG_CONFIG, ...partial };
  const check = (name: keyof LogConfig, min: number, max: number) => {
    const v = config[name];
    if (!Number.isSafeInteger(v) || v < min || v > max) {
      throw new RangeError(`${name} ${v} must be an integer in [${min}, ${max}]`);
    }
  };
  // Positions in the offset index are int32, so a segment cannot outgrow 2 GiB.
  check("segmentBytes", 61, INT32_MAX);
  check("segmentMs", 1, Number.MAX_SAFE_INTEGER);
  check("segmentIndexBytes", MIN_INDEX_BYTES, INT32_MAX);
  check("indexIntervalBytes", 0, INT32_MAX);
  check("producerIdExpirationMs", 1, Number.MAX_SAFE_INTEGER);
  check("loadedIndexesMax", 1, 1 << 20);
  check("scanChunkBytes", 4096, 1 << 30);
  check("maxDecompressedBytes", 1, 1 << 30);
  return config;
}
