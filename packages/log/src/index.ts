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
export { type BatchSlice, splitBatches } from "./split.js";
