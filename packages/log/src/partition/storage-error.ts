/**
 * The typed errors of the partition log. Each `code` is the name of the Kafka
 * protocol error the broker answers with, so a handler maps them one to one.
 */
export type LogStorageErrorCode =
  /** A read or a DeleteRecords asked for an offset outside [logStartOffset, logEndOffset]. */
  | "OFFSET_OUT_OF_RANGE"
  /** Bytes handed to `append`, or found on disk outside the recoverable tail, are not whole valid batches. */
  | "CORRUPT_MESSAGE"
  /** An idempotent batch's sequence does not follow the producer's last one. */
  | "OUT_OF_ORDER_SEQUENCE_NUMBER"
  /** An idempotent batch carries an epoch older than the producer's current one (a zombie). */
  | "INVALID_PRODUCER_EPOCH"
  /** A follower append whose offsets do not continue the log (they overlap or go backwards). */
  | "INVALID_APPEND_OFFSET"
  /** The disk failed, or the log is closed or failed after an earlier I/O error. */
  | "KAFKA_STORAGE_ERROR";

export class LogStorageError extends Error {
  override readonly name = "LogStorageError";
  readonly code: LogStorageErrorCode;

  constructor(code: LogStorageErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function isLogStorageError(error: unknown): error is LogStorageError {
  return error instanceof LogStorageError;
}
