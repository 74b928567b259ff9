/**
 * Why a decode failed. Decoders never throw for bad input: they return one of
 * these, with the byte offset at which the input first went wrong.
 */
export type DecodeErrorCode =
  /** The input ended before a value it announced. */
  | "TRUNCATED"
  /** A length or count is negative where null is not allowed, or larger than the bytes remaining. */
  | "INVALID_LENGTH"
  /** A varint runs past its maximum width. */
  | "INVALID_VARINT"
  /** A single tagged field is larger than the tagged-field cap. */
  | "TAGGED_FIELD_TOO_LARGE"
  /** A known tagged field's declared size does not match its contents. */
  | "TAGGED_FIELD_SIZE_MISMATCH"
  /** A value that cannot be null was encoded as null. */
  | "UNEXPECTED_NULL"
  /** The API key is not one this codec knows. */
  | "UNKNOWN_API_KEY"
  /** The API version is outside the stable versions this codec knows. */
  | "UNSUPPORTED_VERSION"
  /** A frame's size prefix is negative or exceeds the configured cap. */
  | "FRAME_TOO_LARGE"
  /** A frame's size prefix is negative or too small to hold a header. */
  | "INVALID_FRAME";

export interface DecodeError {
  readonly code: DecodeErrorCode;
  readonly message: string;
  /** Byte offset in the decoded buffer at which the problem was found. */
  readonly offset: number;
}

export type DecodeResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: DecodeError };

export function decodeError(code: DecodeErrorCode, message: string, offset: number): DecodeError {
  return { code, message, offset };
}

/**
 * Thrown by encoders for programmer errors: a value that the requested version
 * cannot carry, a null where the version has no null, a string too long for its
 * length prefix. Encoding is only ever fed values built by our own code, so these
 * are bugs, not operating errors.
 */
export class EncodeError extends Error {
  override readonly name = "EncodeError";
}
