import zstd from "@toondepauw/node-zstd";
import { fail, ok, type Result } from "../errors.js";
import { tooLarge } from "./output.js";

// Zstandard through a native binding whose binaries ship inside npm packages.
// The binding decodes a whole input at once with no output limit, so before
// handing it anything we walk the frame and block headers ourselves (cheap: no
// decompression) and compute an upper bound on the output:
//   raw and RLE blocks produce their declared size, a compressed block at most
//   Block_Maximum_Size = min(Window_Size, 128 KiB); a declared content size
//   larger than that sum counts as the bound (the frame is bad either way).
// Compressors fill blocks to 128 KiB, so for real data the bound is close to
// the true size, and a bomb (many tiny blocks that each expand) is refused
// before a byte is inflated.

/** Kafka's default zstd level. */
const LEVEL = 3;
/** Encoders by level (a topic's `compression.zstd.level`); few levels are ever in use. */
const encoders = new Map<number, InstanceType<typeof zstd.Encoder>>([[LEVEL, new zstd.Encoder(LEVEL)]]);
const ENCODERS_MAX = 16;
const decoder = new zstd.Decoder();

const FRAME_MAGIC = 0xfd2fb528;
const SKIPPABLE_MASK = 0xfffffff0;
const SKIPPABLE_MAGIC = 0x184d2a50;
const MAX_BLOCK = 128 * 1024;
/** libzstd refuses larger windows by default (ZSTD_WINDOWLOG_LIMIT_DEFAULT = 27); so do we, up front. */
const MAX_WINDOW_LOG = 27;

function asBuffer(b: Uint8Array): Buffer {
  return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

/** zstd at `level` (-131072 to 22, Kafka's range; default 3). */
export function zstdCompress(data: Uint8Array, level = LEVEL): Uint8Array {
  let encoder = encoders.get(level);
  if (encoder === undefined) {
    if (encoders.size >= ENCODERS_MAX) encoders.clear();
    encoder = new zstd.Encoder(level);
    encoders.set(level, encoder);
  }
  return encoder.encodeSync(asBuffer(data));
}

/**
 * Walks every frame and block header; returns an upper bound on the
 * decompressed size or an error. Frames are not decoded.
 */
export function zstdOutputBound(src: Uint8Array): Result<number> {
  const view = new DataView(src.buffer, src.byteOffset, src.byteLength);
  const len = src.length;
  let ip = 0;
  let total = 0;
  let frames = 0;
  const corrupt = (msg: string) => fail<number>("CORRUPT_MESSAGE", `zstd: ${msg}`, ip);
  while (ip < len) {
    if (len - ip < 4) return corrupt("trailing bytes after the last frame");
    const magic = view.getUint32(ip, true);
    if ((magic & SKIPPABLE_MASK) >>> 0 === SKIPPABLE_MAGIC) {
      if (len - ip < 8) return corrupt("truncated skippable frame");
      const size = view.getUint32(ip + 4, true);
      if (size > len - ip - 8) return corrupt("skippable frame runs past the input");
      ip += 8 + size;
      continue;
    }
    if (magic !== FRAME_MAGIC) return corrupt(`bad frame magic 0x${magic.toString(16)}`);
    frames++;
    ip += 4;
    if (ip >= len) return corrupt("truncated frame header");
    const fhd = src[ip++] as number;
    const fcsFlag = fhd >>> 6;
    const singleSegment = (fhd & 0x20) !== 0;
    if ((fhd & 0x08) !== 0) return corrupt("reserved bit set in the frame header");
    const checksum = (fhd & 0x04) !== 0;
    const dictIdSize = [0, 1, 2, 4][fhd & 0x03] as number;
    const fcsSize = fcsFlag === 0 ? (singleSegment ? 1 : 0) : ([0, 2, 4, 8][fcsFlag] as number);
    const headerRest = (singleSegment ? 0 : 1) + dictIdSize + fcsSize;
    if (len - ip < headerRest) return corrupt("truncated frame header");
    let windowSize = Number.POSITIVE_INFINITY;
    if (!singleSegment) {
      const wd = src[ip++] as number;
      const windowLog = 10 + (wd >>> 3);
      if (windowLog > MAX_WINDOW_LOG) return corrupt(`window log ${windowLog} exceeds ${MAX_WINDOW_LOG}`);
      const base = 2 ** windowLog;
      windowSize = base + (base / 8) * (wd & 0x07);
    }
    ip += dictIdSize;
    let contentSize = -1;
    if (fcsSize === 1) contentSize = src[ip] as number;
    else if (fcsSize === 2) contentSize = view.getUint16(ip, true) + 256;
    else if (fcsSize === 4) contentSize = view.getUint32(ip, true);
    else if (fcsSize === 8) contentSize = Number(view.getBigUint64(ip, true));
    ip += fcsSize;
    if (singleSegment) windowSize = contentSize;
    const blockMax = Math.min(windowSize, MAX_BLOCK);
    let frameBound = 0;
    for (;;) {
      if (len - ip < 3) return corrupt("truncated block header");
      const header = (src[ip] as number) | ((src[ip + 1] as number) << 8) | ((src[ip + 2] as number) << 16);
      ip += 3;
      const last = (header & 1) !== 0;
      const type = (header >>> 1) & 3;
      const size = header >>> 3;
      if (type === 3) return corrupt("reserved block type");
      if (type === 1) {
        if (size > blockMax) return corrupt("RLE block larger than the maximum block size");
        if (len - ip < 1) return corrupt("truncated RLE block");
        ip += 1;
        frameBound += size;
      } else {
        if (size > len - ip) return corrupt("block runs past the input");
        if (type === 2 && size > blockMax)
          return corrupt("compressed block larger than the maximum block size");
        if (type === 0 && size > blockMax) return corrupt("raw block larger than the maximum block size");
        ip += size;
        frameBound += type === 0 ? size : blockMax;
      }
      if (last) break;
    }
    if (checksum) {
      if (len - ip < 4) return corrupt("truncated content checksum");
      ip += 4;
    }
    // A declared content size is enforced by the decoder only once the frame
    // ends, so the memory bound is the block walk's; the declared size can only
    // make the answer "too large" sooner.
    total += Math.max(contentSize, frameBound);
  }
  if (frames === 0) return fail("CORRUPT_MESSAGE", "zstd: no frame in the input", 0);
  return ok(total);
}

export function zstdDecompress(data: Uint8Array, maxBytes: number): Result<Uint8Array> {
  const bound = zstdOutputBound(data);
  if (!bound.ok) return bound;
  if (bound.value > maxBytes) return { ok: false, error: tooLarge(maxBytes, "zstd") };
  let out: Buffer;
  try {
    out = decoder.decodeSync(asBuffer(data));
  } catch (e) {
    return fail("CORRUPT_MESSAGE", `zstd: ${(e as Error).message}`);
  }
  // Defence in depth: the walk above is an upper bound, so this cannot trip
  // unless the walk is wrong.
  if (out.length > maxBytes) return { ok: false, error: tooLarge(maxBytes, "zstd") };
  return ok(out);
}
