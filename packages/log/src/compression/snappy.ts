import { compressSync, uncompressSync } from "snappy";
import { fail, ok, type Result } from "../errors.js";
import { BoundedOutput, tooLarge } from "./output.js";

// Kafka's Java producer writes snappy through snappy-java's stream, the
// "xerial" framing: an 8-byte magic, two big-endian int32 versions, then
// repeated [int32 big-endian length, raw snappy block]. Some clients
// (librdkafka among them) write one raw snappy block instead. We decode both.
//
// We encode the xerial framing: it is what the Java producer (the reference
// implementation) writes, and every Kafka client can read it; snappy-java's
// reader also falls back to raw blocks, but older or stricter consumers do not
// accept raw blocks, so the framed form is the one that is always safe.

const XERIAL_MAGIC = Uint8Array.of(0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00);
const XERIAL_HEADER_LEN = 16;
const XERIAL_VERSION = 1;
const XERIAL_COMPATIBLE_VERSION = 1;
/** snappy-java's default block size. */
const XERIAL_BLOCK_SIZE = 32 * 1024;

export function snappyCompress(data: Uint8Array): Uint8Array {
  const blocks: Uint8Array[] = [];
  let total = XERIAL_HEADER_LEN;
  for (let i = 0; i < data.length; i += XERIAL_BLOCK_SIZE) {
    const block = compressSync(data.subarray(i, Math.min(data.length, i + XERIAL_BLOCK_SIZE)));
    blocks.push(block);
    total += 4 + block.length;
  }
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(XERIAL_MAGIC, 0);
  view.setInt32(8, XERIAL_VERSION);
  view.setInt32(12, XERIAL_COMPATIBLE_VERSION);
  let pos = XERIAL_HEADER_LEN;
  for (const block of blocks) {
    view.setInt32(pos, block.length);
    out.set(block, pos + 4);
    pos += 4 + block.length;
  }
  return out;
}

function isXerial(data: Uint8Array): boolean {
  if (data.length < XERIAL_HEADER_LEN) return false;
  for (let i = 0; i < XERIAL_MAGIC.length; i++) if (data[i] !== XERIAL_MAGIC[i]) return false;
  return true;
}

/**
 * The uncompressed length a raw snappy block declares in its leading varint
 * (at most 5 bytes, a uint32), or -1 if the preamble is malformed.
 */
function declaredLength(block: Uint8Array): number {
  let value = 0;
  for (let i = 0; i < 5 && i < block.length; i++) {
    const b = block[i] as number;
    value += (b & 0x7f) * 2 ** (7 * i);
    if ((b & 0x80) === 0) return value <= 0xffffffff ? value : -1;
  }
  return -1;
}

/**
 * Decompresses one raw block onto `out`, refusing it before any work if its
 * declared length would pass the bound.
 */
function rawBlock(block: Uint8Array, out: BoundedOutput, at: number): Result<null> {
  const declared = declaredLength(block);
  if (declared < 0) return fail("CORRUPT_MESSAGE", "snappy: malformed block length preamble", at);
  if (declared > out.max - out.len) return { ok: false, error: tooLarge(out.max, "snappy") };
  let plain: Uint8Array;
  try {
    plain = uncompressSync(block) as Buffer;
  } catch (e) {
    return fail("CORRUPT_MESSAGE", `snappy: ${(e as Error).message}`, at);
  }
  if (plain.length !== declared) return fail("CORRUPT_MESSAGE", "snappy: block length mismatch", at);
  out.append(plain);
  return ok(null);
}

export function snappyDecompress(data: Uint8Array, maxBytes: number): Result<Uint8Array> {
  if (!isXerial(data)) {
    const out = new BoundedOutput(0, maxBytes);
    const r = rawBlock(data, out, 0);
    return r.ok ? ok(out.result()) : r;
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out = new BoundedOutput(Math.min(maxBytes, data.length * 4), maxBytes);
  let pos = XERIAL_HEADER_LEN;
  while (pos < data.length) {
    if (data.length - pos < 4) return fail("CORRUPT_MESSAGE", "snappy: truncated xerial block length", pos);
    const n = view.getInt32(pos);
    if (n < 0 || n > data.length - pos - 4) {
      return fail("CORRUPT_MESSAGE", `snappy: xerial block length ${n} runs past the input`, pos);
    }
    const r = rawBlock(data.subarray(pos + 4, pos + 4 + n), out, pos + 4);
    if (!r.ok) return r;
    pos += 4 + n;
  }
  return ok(out.result());
}
