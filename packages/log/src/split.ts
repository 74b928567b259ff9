import { BATCH_HEADER_SIZE, BATCH_LENGTH_OFFSET, CURRENT_MAGIC } from "./batch.js";
import { type LogError, logError } from "./errors.js";

const MAGIC_OFFSET = 16;
const MIN_BATCH_LENGTH = BATCH_HEADER_SIZE - BATCH_LENGTH_OFFSET;

/** One step of `splitBatches`. "truncated" and "error" are always the last entry. */
export type BatchSlice =
  /** A whole batch: `bytes` is a view into the region (no copy); not yet CRC-checked or decoded. */
  | { readonly kind: "batch"; readonly position: number; readonly bytes: Uint8Array }
  /**
   * The region ends part-way through a batch, as a Fetch response may.
   * `needed` is the whole batch's size when its length field was present, else null.
   */
  | {
      readonly kind: "truncated";
      readonly position: number;
      readonly available: number;
      readonly needed: number | null;
    }
  /** The bytes at `position` cannot start a batch (bad length, or not magic 2). */
  | { readonly kind: "error"; readonly position: number; readonly error: LogError };

/**
 * Splits a `records` region (batches back to back, as in Produce requests and
 * Fetch responses) into batch views, reading only each batch's length and
 * magic. Stops at a trailing partial batch or at the first bad one; takes
 * O(number of batches) time whatever the input.
 */
export function* splitBatches(region: Uint8Array): Generator<BatchSlice, void, undefined> {
  const view = new DataView(region.buffer, region.byteOffset, region.byteLength);
  let pos = 0;
  const end = region.length;
  while (pos < end) {
    const available = end - pos;
    if (available < BATCH_LENGTH_OFFSET) {
      yield { kind: "truncated", position: pos, available, needed: null };
      return;
    }
    const batchLength = view.getInt32(pos + 8);
    if (available > MAGIC_OFFSET) {
      const magic = view.getInt8(pos + MAGIC_OFFSET);
      if (magic !== CURRENT_MAGIC) {
        const message =
          magic === 0 || magic === 1
            ? `legacy message format (magic ${magic}) is not supported; Kafka 2.1+ clients use record batch v2 (magic 2)`
            : `unknown message format magic ${magic}; only record batch v2 (magic 2) is supported`;
        yield {
          kind: "error",
          position: pos,
          error: logError("UNSUPPORTED_MAGIC", message, pos + MAGIC_OFFSET),
        };
        return;
      }
    }
    if (batchLength < MIN_BATCH_LENGTH) {
      yield {
        kind: "error",
        position: pos,
        error: logError(
          "CORRUPT_MESSAGE",
          `batch length ${batchLength} is below the minimum ${MIN_BATCH_LENGTH}`,
          pos + 8,
        ),
      };
      return;
    }
    const size = batchLength + BATCH_LENGTH_OFFSET;
    if (size > available) {
      yield { kind: "truncated", position: pos, available, needed: size };
      return;
    }
    yield { kind: "batch", position: pos, bytes: region.subarray(pos, pos + size) };
    pos += size;
  }
}
