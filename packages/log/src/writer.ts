const utf8 = new TextEncoder();
const SMALL_LONG_MIN = -(2n ** 52n);
const SMALL_LONG_MAX = 2n ** 52n;

/**
 * A growable big-endian writer. Callers are our own encoders, so out-of-range
 * values are programmer errors and throw `RangeError`.
 */
export class Writer {
  buf: Uint8Array;
  private view: DataView;
  pos = 0;

  constructor(initialCapacity = 256) {
    this.buf = new Uint8Array(Math.max(16, initialCapacity));
    this.view = new DataView(this.buf.buffer);
  }

  ensure(n: number): void {
    const need = this.pos + n;
    if (need <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < need) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  /** The bytes written so far (a view, not a copy). */
  finish(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }

  int8(v: number): void {
    this.ensure(1);
    this.view.setInt8(this.pos, v);
    this.pos += 1;
  }

  int16(v: number): void {
    this.ensure(2);
    this.view.setInt16(this.pos, v);
    this.pos += 2;
  }

  int32(v: number): void {
    this.ensure(4);
    this.view.setInt32(this.pos, v);
    this.pos += 4;
  }

  uint32(v: number): void {
    this.ensure(4);
    this.view.setUint32(this.pos, v);
    this.pos += 4;
  }

  int64(v: bigint): void {
    this.ensure(8);
    this.view.setBigInt64(this.pos, v);
    this.pos += 8;
  }

  int16At(at: number, v: number): void {
    this.view.setInt16(at, v);
  }

  int32At(at: number, v: number): void {
    this.view.setInt32(at, v);
  }

  uint32At(at: number, v: number): void {
    this.view.setUint32(at, v);
  }

  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** Zigzag varint of an int32. */
  varint(v: number): void {
    let z = ((v << 1) ^ (v >> 31)) >>> 0;
    this.ensure(5);
    const buf = this.buf;
    while (z >= 0x80) {
      buf[this.pos++] = (z & 0x7f) | 0x80;
      z >>>= 7;
    }
    buf[this.pos++] = z;
  }

  /** Zigzag varlong of an int64. */
  varlong(v: bigint): void {
    this.ensure(10);
    const buf = this.buf;
    if (v >= SMALL_LONG_MIN && v < SMALL_LONG_MAX) {
      const n = Number(v);
      let z = n >= 0 ? n * 2 : -n * 2 - 1;
      while (z >= 0x80) {
        buf[this.pos++] = (z % 0x80) | 0x80;
        z = Math.floor(z / 0x80);
      }
      buf[this.pos++] = z;
      return;
    }
    let z = BigInt.asUintN(64, (v << 1n) ^ (v >> 63n));
    while (z >= 0x80n) {
      buf[this.pos++] = Number(z & 0x7fn) | 0x80;
      z >>= 7n;
    }
    buf[this.pos++] = Number(z);
  }

  /** Varint length then bytes; null is length -1. */
  nullableVarBytes(b: Uint8Array | null): void {
    if (b === null) {
      this.varint(-1);
      return;
    }
    this.varint(b.length);
    this.bytes(b);
  }

  varString(s: string): void {
    const b = utf8.encode(s);
    this.varint(b.length);
    this.bytes(b);
  }
}

/** The number of bytes `Writer.varint` writes for `v`. */
export function varintSize(v: number): number {
  let z = ((v << 1) ^ (v >> 31)) >>> 0;
  let n = 1;
  while (z >= 0x80) {
    z >>>= 7;
    n++;
  }
  return n;
}
