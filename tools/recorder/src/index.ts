export { FrameSplitter, MAX_FRAME_SIZE } from "./frames.js";
export { apiName, peekRequestHeader, peekResponseCorrelationId, type RequestHeaderPeek } from "./headers.js";
export {
  type Direction,
  INDEX_FILE,
  type IndexEntry,
  type Recorder,
  type RecorderOptions,
  startRecorder,
} from "./recorder.js";
export {
  type CaptureSummary,
  COMPRESSION_CODECS,
  type CompressionCodec,
  codecName,
  formatSummary,
  produceRequestCodecs,
  readIndex,
  recordsCodecs,
  summarizeCapture,
} from "./summary.js";
