import { type LogError, logError } from "../errors.js";

/**
 * A growable output buffer with a hard ceiling. Every write is checked against
 * `max` before anything is allocated, so a decompressor using it never holds
 * more than `max` bytes of output (plus at most a doubling of slack below it).
 */
export class BoundedOutput {
  buf: Uint8Array;
  len = 0;
  readonly max: number;

  constructor(initial: number, max: number) {
    this.max = max;
    this.buf = new Uint8Array(Math.min(max, Math.max(0, initial)));
  }

  /** Makes room for `n` more bytes; false if that would pass the ceiling. */
  reserve(n: number): boolean {
    const need = this.len + n;
    if (need > this.max) return false;
    if (need <= this.buf.length) return true;
    let cap = Math.max(1024, this.buf.length * 2);
    while (cap < need) cap *= 2;
    if (cap > this.max) cap = this.max;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
    return true;
  }

  append(b: Uint8Array): boolean {
    if (!this.reserve(b.length)) return false;
    this.buf.set(b, this.len);
    this.len += b.length;
    return true;
  }

  result(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
}

export function tooLarge(max: number, codec: string): LogError {
  return logError(
    "DECOMPRESSED_TOO_LARGE",
    `${codec} payload decompresses to more than the ${max}-byte bound (maxDecompressedBytes)`,
  );
}
