// LZ4 frame format (magic 0x184D2204), as Kafka uses for record batch v2.
// Both directions are implemented here from the LZ4 frame and block format
// specifications, so every length can be checked before it is trusted.

import { fail, logError, ok, type Result } from "../errors.js";
import { BoundedOutput, tooLarge } from "./output.js";
import { xxhash32 } from "./xxhash32.js";

const FRAME_MAGIC = 0x184d2204;
const SKIPPABLE_MASK = 0xfffffff0;
const SKIPPABLE_MAGIC = 0x184d2a50;
const BLOCK_MAX_SIZES: readonly number[] = [0, 0, 0, 0, 64 * 1024, 256 * 1024, 1024 * 1024, 4 * 1024 * 1024];

// --- encoding ---------------------------------------------------------------

/** Block size the encoder writes: 64 KiB, the same as Kafka's Java producer. */
const ENCODE_BLOCK_SIZE = 64 * 1024;
/** FLG: version 01, independent blocks, no block checksum, no content size, no content checksum, no dict. */
const ENCODE_FLG = 0x60;
/** BD: block maximum size code 4 (64 KiB). */
const ENCODE_BD = 0x40;

const MIN_MATCH = 4;
const LAST_LITERALS = 5;
const MF_LIMIT = 12;
const HASH_LOG = 14;
const hashTable = new Int32Array(1 << HASH_LOG);

function read32(b: Uint8Array, i: number): number {
  return (
    (b[i] as number) |
    ((b[i + 1] as number) << 8) |
    ((b[i + 2] as number) << 16) |
    ((b[i + 3] as number) << 24)
  );
}

function hash(seq: number): number {
  return Math.imul(seq, 0x9e3779b1) >>> (32 - HASH_LOG);
}

function writeLength(dst: Uint8Array, op: number, n: number): number {
  while (n >= 255) {
    dst[op++] = 255;
    n -= 255;
  }
  dst[op++] = n;
  return op;
}

function emitLiterals(dst: Uint8Array, op: number, src: Uint8Array, from: number, to: number): number {
  dst.set(src.subarray(from, to), op);
  return op + (to - from);
}

/**
 * Compresses one block greedily with a single hash probe per position. Simple,
 * valid LZ4: matches are at least 4 bytes, the last 5 bytes are always
 * literals and no match starts within the last 12 bytes, as the format requires.
 * Returns the number of bytes written to `dst`.
 */
function compressBlock(src: Uint8Array, dst: Uint8Array): number {
  const len = src.length;
  let op = 0;
  let anchor = 0;
  if (len >= MF_LIMIT + 1) {
    hashTable.fill(-1);
    const mfLimit = len - MF_LIMIT;
    const matchLimit = len - LAST_LITERALS;
    let ip = 0;
    let misses = 0;
    while (ip < mfLimit) {
      const seq = read32(src, ip);
      const h = hash(seq);
      let ref = hashTable[h] as number;
      hashTable[h] = ip;
      if (ref < 0 || ip - ref > 0xffff || read32(src, ref) !== seq) {
        ip += 1 + (misses++ >> 6);
        continue;
      }
      misses = 0;
      let start = ip;
      // extend backwards over literals not yet emitted
      while (start > anchor && ref > 0 && src[start - 1] === src[ref - 1]) {
        start--;
        ref--;
      }
      let end = ip + MIN_MATCH;
      let r = ref + (end - start);
      while (end < matchLimit && src[end] === src[r]) {
        end++;
        r++;
      }
      const litLen = start - anchor;
      const matchLen = end - start - MIN_MATCH;
      const tokenAt = op++;
      let token = 0;
      if (litLen >= 15) {
        token = 0xf0;
        op = writeLength(dst, op, litLen - 15);
      } else {
        token = litLen << 4;
      }
      op = emitLiterals(dst, op, src, anchor, start);
      const offset = start - ref;
      dst[op++] = offset & 0xff;
      dst[op++] = offset >>> 8;
      if (matchLen >= 15) {
        token |= 0x0f;
        op = writeLength(dst, op, matchLen - 15);
      } else {
        token |= matchLen;
      }
      dst[tokenAt] = token;
      ip = end;
      anchor = end;
      if (ip - 2 >= 0 && ip < mfLimit) hashTable[hash(read32(src, ip - 2))] = ip - 2;
    }
  }
  const litLen = len - anchor;
  const tokenAt = op++;
  if (litLen >= 15) {
    dst[tokenAt] = 0xf0;
    op = writeLength(dst, op, litLen - 15);
  } else {
    dst[tokenAt] = litLen << 4;
  }
  return emitLiterals(dst, op, src, anchor, len);
}

/** Compresses `data` as one LZ4 frame with independent 64 KiB blocks. */
export function lz4Compress(data: Uint8Array): Uint8Array {
  const blocks = Math.ceil(data.length / ENCODE_BLOCK_SIZE);
  // worst case per block: 4-byte size + the raw block (incompressible blocks are stored raw)
  const out = new Uint8Array(7 + blocks * (4 + ENCODE_BLOCK_SIZE) + 4);
  const view = new DataView(out.buffer);
  view.setUint32(0, FRAME_MAGIC, true);
  out[4] = ENCODE_FLG;
  out[5] = ENCODE_BD;
  out[6] = (xxhash32(out.subarray(4, 6)) >>> 8) & 0xff;
  let op = 7;
  const scratch = new Uint8Array(ENCODE_BLOCK_SIZE + ENCODE_BLOCK_SIZE / 255 + 16);
  for (let i = 0; i < data.length; i += ENCODE_BLOCK_SIZE) {
    const block = data.subarray(i, Math.min(data.length, i + ENCODE_BLOCK_SIZE));
    const n = compressBlock(block, scratch);
    if (n < block.length) {
      view.setUint32(op, n, true);
      out.set(scratch.subarray(0, n), op + 4);
      op += 4 + n;
    } else {
      view.setUint32(op, (block.length | 0x80000000) >>> 0, true);
      out.set(block, op + 4);
      op += 4 + block.length;
    }
  }
  view.setUint32(op, 0, true);
  op += 4;
  return out.slice(0, op);
}

// --- decoding ---------------------------------------------------------------

/**
 * Decodes one LZ4 block from `src[from, to)` onto `out`. Matches may reach back
 * to `windowStart` (the block's own start for independent blocks, the start of
 * the frame for linked blocks); output may not pass `blockLimit`.
 * Returns null on success or an error text; "too large" is signalled by the
 * special return value TOO_LARGE.
 */
const TOO_LARGE = "\0too-large";

function decodeBlock(
  src: Uint8Array,
  from: number,
  to: number,
  out: BoundedOutput,
  windowStart: number,
  blockLimit: number,
): string | null {
  let ip = from;
  for (;;) {
    if (ip >= to) return "block ends without a final literal run";
    const token = src[ip++] as number;
    let litLen = token >>> 4;
    if (litLen === 15) {
      for (;;) {
        if (ip >= to) return "literal length runs past the block";
        const b = src[ip++] as number;
        litLen += b;
        if (b !== 255) break;
      }
    }
    if (litLen > to - ip) return "literal run longer than the block";
    if (out.len + litLen > blockLimit) return "block decodes past its maximum size";
    if (!out.reserve(litLen)) return TOO_LARGE;
    out.buf.set(src.subarray(ip, ip + litLen), out.len);
    out.len += litLen;
    ip += litLen;
    if (ip === to) return null; // the last sequence has literals only
    if (to - ip < 2) return "match offset runs past the block";
    const offset = (src[ip] as number) | ((src[ip + 1] as number) << 8);
    ip += 2;
    if (offset === 0 || offset > out.len - windowStart) return `invalid match offset ${offset}`;
    let matchLen = token & 0x0f;
    if (matchLen === 15) {
      for (;;) {
        if (ip >= to) return "match length runs past the block";
        const b = src[ip++] as number;
        matchLen += b;
        if (b !== 255) break;
      }
    }
    matchLen += MIN_MATCH;
    if (out.len + matchLen > blockLimit) return "block decodes past its maximum size";
    if (!out.reserve(matchLen)) return TOO_LARGE;
    const buf = out.buf;
    let d = out.len;
    let s = d - offset;
    if (offset >= matchLen) {
      buf.copyWithin(d, s, s + matchLen);
    } else {
      const end = d + matchLen;
      while (d < end) buf[d++] = buf[s++] as number;
    }
    out.len += matchLen;
  }
}

/**
 * Decompresses one or more concatenated LZ4 frames (skippable frames are
 * skipped). Output beyond `maxBytes` is DECOMPRESSED_TOO_LARGE; anything
 * malformed, including a wrong header, block or content checksum, is
 * CORRUPT_MESSAGE.
 */
export function lz4Decompress(src: Uint8Array, maxBytes: number): Result<Uint8Array> {
  const view = new DataView(src.buffer, src.byteOffset, src.byteLength);
  const len = src.length;
  const out = new BoundedOutput(Math.min(Math.max(64 * 1024, len * 4), maxBytes), maxBytes);
  let ip = 0;
  let frames = 0;
  const corrupt = (msg: string) => fail<Uint8Array>("CORRUPT_MESSAGE", `lz4: ${msg}`, ip);
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
    const descStart = ip + 4;
    if (len - descStart < 3) return corrupt("truncated frame descriptor");
    const flg = src[descStart] as number;
    const bd = src[descStart + 1] as number;
    if (flg >>> 6 !== 1) return corrupt(`unsupported frame version ${flg >>> 6}`);
    if ((flg & 0x02) !== 0 || (bd & 0x8f) !== 0) return corrupt("reserved bits set in the frame descriptor");
    const independent = (flg & 0x20) !== 0;
    const blockChecksum = (flg & 0x10) !== 0;
    const hasContentSize = (flg & 0x08) !== 0;
    const contentChecksum = (flg & 0x04) !== 0;
    const hasDictId = (flg & 0x01) !== 0;
    const blockMax = BLOCK_MAX_SIZES[bd >>> 4] as number;
    if (blockMax === 0) return corrupt(`invalid block maximum size code ${bd >>> 4}`);
    const descLen = 2 + (hasContentSize ? 8 : 0) + (hasDictId ? 4 : 0);
    if (len - descStart < descLen + 1) return corrupt("truncated frame descriptor");
    if (hasDictId) return corrupt("frames with a dictionary are not supported");
    let contentSize = -1;
    if (hasContentSize) {
      const cs = view.getBigUint64(descStart + 2, true);
      if (cs > BigInt(maxBytes - out.len)) return { ok: false, error: tooLarge(maxBytes, "lz4") };
      contentSize = Number(cs);
    }
    const hc = src[descStart + descLen] as number;
    if (((xxhash32(src.subarray(descStart, descStart + descLen)) >>> 8) & 0xff) !== hc) {
      return corrupt("frame header checksum mismatch");
    }
    ip = descStart + descLen + 1;
    const frameStart = out.len;
    for (;;) {
      if (len - ip < 4) return corrupt("truncated block size");
      const word = view.getUint32(ip, true);
      ip += 4;
      if (word === 0) break; // EndMark
      const uncompressed = (word & 0x80000000) !== 0;
      const size = word & 0x7fffffff;
      if (size > blockMax)
        return corrupt(`block of ${size} bytes exceeds the frame's ${blockMax}-byte maximum`);
      if (size > len - ip - (blockChecksum ? 4 : 0)) return corrupt("block runs past the input");
      if (blockChecksum && xxhash32(src.subarray(ip, ip + size)) !== view.getUint32(ip + size, true)) {
        return corrupt("block checksum mismatch");
      }
      if (uncompressed) {
        if (!out.append(src.subarray(ip, ip + size))) return { ok: false, error: tooLarge(maxBytes, "lz4") };
      } else {
        const blockStart = out.len;
        const e = decodeBlock(
          src,
          ip,
          ip + size,
          out,
          independent ? blockStart : frameStart,
          blockStart + blockMax,
        );
        if (e === TOO_LARGE) return { ok: false, error: tooLarge(maxBytes, "lz4") };
        if (e !== null) return corrupt(e);
      }
      ip += size + (blockChecksum ? 4 : 0);
    }
    if (contentChecksum) {
      if (len - ip < 4) return corrupt("truncated content checksum");
      if (xxhash32(out.buf.subarray(frameStart, out.len)) !== view.getUint32(ip, true)) {
        return corrupt("content checksum mismatch");
      }
      ip += 4;
    }
    if (contentSize >= 0 && out.len - frameStart !== contentSize) {
      return corrupt(`frame declares ${contentSize} bytes of content but holds ${out.len - frameStart}`);
    }
  }
  if (frames === 0) return { ok: false, error: logError("CORRUPT_MESSAGE", "lz4: no frame in the input", 0) };
  return ok(out.result());
}
