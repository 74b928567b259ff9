/**
 * Walking the batches of a segment file. Two walks: `scanHeaders` reads only
 * the 61-byte headers (for lookups), `scanBatches` reads whole batches and can
 * verify each one (for recovery, compaction and decoding). A visitor that
 * returns false stops the walk after the batch it was given. Both read in
 * bounded chunks and never trust a length field beyond the file's end.
 */
import { BATCH_HEADER_SIZE, type RecordBatchHeader, readBatchHeader, verifyBatchCrc } from "../batch.js";
import type { LogFile } from "./disk.js";

/** A batch header plus where it sits in the file. */
export interface LocatedBatch {
  readonly position: number;
  readonly header: RecordBatchHeader;
  readonly lastOffset: bigint;
}

export interface ScanEnd {
  /** The end of the last whole, valid batch visited. */
  readonly validEnd: number;
  /** Why the walk stopped before `end`, or null (it reached `end`, or the visitor stopped it). */
  readonly problem: string | null;
}

/** Return false from a visitor to stop the walk. */
export type HeaderVisitor = (batch: LocatedBatch) => boolean | undefined;
export type BatchVisitor = (
  batch: LocatedBatch,
  bytes: Uint8Array,
) => boolean | undefined | Promise<boolean | undefined>;

function lastOffsetOf(header: RecordBatchHeader): bigint {
  return header.baseOffset + BigInt(header.lastOffsetDelta);
}

function headerProblem(header: RecordBatchHeader): string | null {
  if (header.lastOffsetDelta < 0) return `negative lastOffsetDelta ${header.lastOffsetDelta}`;
  if (header.baseOffset < 0n) return `negative baseOffset ${header.baseOffset}`;
  return null;
}

/**
 * Visits batch headers from `from` to `end` (an exclusive file position),
 * reading `chunkBytes` at a time; a batch larger than a chunk is skipped over
 * without reading its body.
 */
export async function scanHeaders(
  file: LogFile,
  from: number,
  end: number,
  chunkBytes: number,
  visit: HeaderVisitor,
): Promise<ScanEnd> {
  const chunk = new Uint8Array(Math.max(chunkBytes, BATCH_HEADER_SIZE));
  let chunkAt = from;
  let chunkLen = 0;
  let at = from;
  while (at < end) {
    if (at + BATCH_HEADER_SIZE > chunkAt + chunkLen) {
      if (at + BATCH_HEADER_SIZE > end)
        return { validEnd: at, problem: `partial batch header at byte ${at}` };
      chunkAt = at;
      chunkLen = await file.read(chunk, 0, Math.min(chunk.length, end - at), at);
      if (chunkLen < BATCH_HEADER_SIZE)
        return { validEnd: at, problem: `partial batch header at byte ${at}` };
    }
    const hr = readBatchHeader(chunk.subarray(0, chunkLen), at - chunkAt);
    if (!hr.ok) return { validEnd: at, problem: `bad batch header at byte ${at}: ${hr.error.message}` };
    const header = hr.value;
    const problem = headerProblem(header);
    if (problem !== null) return { validEnd: at, problem: `${problem} at byte ${at}` };
    if (at + header.sizeInBytes > end) {
      return { validEnd: at, problem: `batch at byte ${at} runs past the end (${header.sizeInBytes} bytes)` };
    }
    if (visit({ position: at, header, lastOffset: lastOffsetOf(header) }) === false) {
      return { validEnd: at + header.sizeInBytes, problem: null };
    }
    at += header.sizeInBytes;
  }
  return { validEnd: at, problem: null };
}

/**
 * Visits whole batches from `from` to `end`. With `verify`, each batch's CRC
 * is checked and offsets must increase (a batch's base above the previous
 * batch's last offset, and at least `minOffset`); the first failure ends the
 * walk with a problem. The bytes handed to the visitor are a view into a
 * reused buffer: copy them to keep them.
 */
export async function scanBatches(
  file: LogFile,
  from: number,
  end: number,
  chunkBytes: number,
  options: { readonly verify: boolean; readonly minOffset?: bigint; readonly maxLastOffset?: bigint },
  visit: BatchVisitor,
): Promise<ScanEnd> {
  let buffer = new Uint8Array(Math.min(chunkBytes, Math.max(end - from, 0)));
  let bufferAt = from;
  let bufferLen = 0;
  let at = from;
  let nextMin = options.minOffset ?? null;
  /** Buffers bytes [at, at + n); n never exceeds what the file holds past `at`. */
  const ensure = async (n: number): Promise<boolean> => {
    if (at + n <= bufferAt + bufferLen) return true;
    if (buffer.length < n) buffer = new Uint8Array(n);
    bufferAt = at;
    bufferLen = await file.read(buffer, 0, Math.min(buffer.length, end - at), at);
    return bufferLen >= n;
  };
  while (at < end) {
    if (at + BATCH_HEADER_SIZE > end || !(await ensure(BATCH_HEADER_SIZE))) {
      return { validEnd: at, problem: `partial batch header at byte ${at}` };
    }
    const hr = readBatchHeader(buffer.subarray(0, bufferLen), at - bufferAt);
    if (!hr.ok) return { validEnd: at, problem: `bad batch header at byte ${at}: ${hr.error.message}` };
    const header = hr.value;
    if (at + header.sizeInBytes > end || !(await ensure(header.sizeInBytes))) {
      return { validEnd: at, problem: `partial batch at byte ${at} (${header.sizeInBytes} bytes)` };
    }
    const start = at - bufferAt;
    const bytes = buffer.subarray(start, start + header.sizeInBytes);
    const lastOffset = lastOffsetOf(header);
    if (options.verify) {
      const problem = headerProblem(header);
      if (problem !== null) return { validEnd: at, problem: `${problem} at byte ${at}` };
      if (!verifyBatchCrc(bytes)) return { validEnd: at, problem: `CRC mismatch in the batch at byte ${at}` };
      if (nextMin !== null && header.baseOffset < nextMin) {
        return {
          validEnd: at,
          problem: `batch at byte ${at} has base offset ${header.baseOffset}, expected at least ${nextMin}`,
        };
      }
      if (options.maxLastOffset !== undefined && lastOffset > options.maxLastOffset) {
        return {
          validEnd: at,
          problem: `batch at byte ${at} ends at offset ${lastOffset}, past ${options.maxLastOffset}`,
        };
      }
      nextMin = lastOffset + 1n;
    }
    if ((await visit({ position: at, header, lastOffset }, bytes)) === false) {
      return { validEnd: at + header.sizeInBytes, problem: null };
    }
    at += header.sizeInBytes;
  }
  return { validEnd: at, problem: null };
}
