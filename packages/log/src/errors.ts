/**
 * Why a record batch (or a compressed payload inside one) could not be read.
 * Decoders never throw for bad input: they return one of these codes.
 */
export type LogErrorCode =
  /** The bytes do not form a valid batch: truncated, a bad length or count, a bad varint, trailing bytes. */
  | "CORRUPT_MESSAGE"
  /** The magic byte is not 2. Legacy formats (magic 0 and 1) are refused explicitly. */
  | "UNSUPPORTED_MAGIC"
  /** The compression bits name a codec this package does not know (5, 6 or 7). */
  | "UNSUPPORTED_COMPRESSION"
  /** Decompressing the records would produce more bytes than the configured bound. */
  | "DECOMPRESSED_TOO_LARGE"
  /** The CRC32C stored in the header does not match the bytes it covers. */
  | "CRC_MISMATCH";

export interface LogError {
  readonly code: LogErrorCode;
  readonly message: string;
  /** Byte offset, in the buffer being read, at which the problem was found. */
  readonly offset: number;
}

export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: LogError };

export function logError(code: LogErrorCode, message: string, offset = 0): LogError {
  return { code, message, offset };
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T>(code: LogErrorCode, message: string, offset = 0): Result<T> {
  return { ok: false, error: logError(code, message, offset) };
}
