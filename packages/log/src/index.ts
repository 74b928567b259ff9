export {
  assignOffsetAndEpoch,
  BATCH_HEADER_SIZE,
  CURRENT_MAGIC,
  DEFAULT_MAX_DECOMPRESSED_BYTES,
  type DecodeOptions,
  decodeRecordBatch,
  encodeRecordBatch,
  type Record,
  type RecordBatch,
  type RecordBatchHeader,
  type RecordBatchInput,
  type RecordHeader,
  type RecordInput,
  readBatchHeader,
  setBaseOffset,
  setPartitionLeaderEpoch,
  type TimestampType,
  verifyBatchCrc,
} from "./batch.js";
export { type CompressionCodec, compress, decompress } from "./compression/index.js";
export {
  type ControlRecordKey,
  ControlRecordType,
  decodeEndTxnMarker,
  type EndTxnMarker,
  type EndTxnMarkerBatchOptions,
  encodeEndTxnMarker,
  endTxnMarkerBatch,
  readControlRecordKey,
} from "./control.js";
export type { LogError, LogErrorCode, Result } from "./errors.js";
export type {
  CompactionOptions,
  CompactionReport,
} from "./partition/compaction.js";
export {
  type CleanupPolicy,
  DEFAULT_LOG_CONFIG,
  type LogConfig,
  maxSegmentMs,
  resolveLogConfig,
} from "./partition/config.js";
export {
  isMissingFileError,
  type LogDisk,
  type LogFile,
  type MemoryDisk,
  memoryDisk,
  nodeDisk,
} from "./partition/disk.js";
export { readWholeFile, writeFileAtomically } from "./partition/files.js";
export {
  decodeLeaderEpochCheckpoint,
  type EpochEndOffset,
  type EpochEntry,
  encodeLeaderEpochCheckpoint,
  LEADER_EPOCH_CHECKPOINT_FILE,
  LeaderEpochCache,
  UNDEFINED_EPOCH,
  UNDEFINED_EPOCH_OFFSET,
} from "./partition/leader-epoch-cache.js";
export {
  type AppendOptions,
  type AppendResult,
  type CleanableState,
  type MaintenanceReport,
  PartitionLog,
  type PartitionLogOptions,
  type ReadOptions,
  type ReadResult,
  type RecoveryReport,
  type RetentionOptions,
  type RetentionReport,
  type TimestampAndOffset,
} from "./partition/partition-log.js";
export {
  decodeProducerSnapshot,
  encodeProducerSnapshot,
  lastSequenceOf,
  PRODUCER_BATCHES_RETAINED,
  type ProducerBatchMetadata,
  type ProducerCheck,
  type ProducerEntry,
  ProducerStateManager,
} from "./partition/producer-state.js";
export { recordTimestamps, setLogAppendTime } from "./partition/rewrite.js";
export { isLogStorageError, LogStorageError, type LogStorageErrorCode } from "./partition/storage-error.js";
export { recompressBatch, type TopicCompressionType, targetCompression } from "./recompress.js";
export { type BatchSlice, splitBatches } from "./split.js";
