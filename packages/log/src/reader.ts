import { type LogError, type LogErrorCode, logError } from "./errors.js";

const EMPTY = new Uint8Array(0);
const utf8 = new TextDecoder("utf-8");

/**
 * A bounded big-endian reader over one buffer, with a sticky first error.
 *
 * Every read checks the bytes remaining first; on the first failure the reader
 * records the error, jumps to the end, and from then on returns zero values, so
 * a caller reads a whole structure and checks `error` once. Nothing here
 * allocates more than the bytes it has already checked are present.
 *
 * `bytes()` returns views into the input (zero-copy).
 */
export class Reader {
  readonly buf: Uint8Array;
  private readonly view: DataView;
  pos: number;
  end: number;
  error: LogError | null = null;

  constructor(input: Uint8Array, start = 0, end = input.byteLength) {
    this.buf = input;
    this.view = new DataView(input.buffer, input.byteOffset, input.byteLength);
    this.pos = start;
    this.end = end;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  fail(code: LogErrorCode, message: string): void {
    if (this.error === null) this.error = logError(code, message, this.pos);
    this.pos = this.end;
  }

  private need(n: number, what: string): boolean {
    if (this.end - this.pos >= n) return true;
    this.fail("CORRUPT_MESSAGE", `${what}: needs ${n} bytes, ${this.end - this.pos} remain`);
    return false;
  }

  int8(what: string): number {
    if (!this.need(1, what)) return 0;
    const v = this.view.getInt8(this.pos);
    this.pos += 1;
    return v;
  }

  int16(what: string): number {
    if (!this.need(2, what)) return 0;
    const v = this.view.getInt16(this.pos);
    this.pos += 2;
    return v;
  }

  int32(what: string): number {
    if (!this.need(4, what)) return 0;
    const v = this.view.getInt32(this.pos);
    this.pos += 4;
    return v;
  }

  uint32(what: string): number {
    if (!this.need(4, what)) return 0;
    const v = this.view.getUint32(this.pos);
    this.pos += 4;
    return v;
  }

  int64(what: string): bigint {
    if (!this.need(8, what)) return 0n;
    const v = this.view.getBigInt64(this.pos);
    this.pos += 8;
    return v;
  }

  /**
   * A zigzag varint of at most 5 bytes, as Kafka's `ByteUtils.readVarint`: a
   * fifth byte with its continuation bit set is an error; bits past 32 are dropped.
   */
  varint(what: string): number {
    let value = 0;
    let shift = 0;
    const buf = this.buf;
    for (;;) {
      if (this.pos >= this.end) {
        this.fail("CORRUPT_MESSAGE", `${what}: varint runs past the end of its region`);
        return 0;
      }
      const b = buf[this.pos++] as number;
      if ((b & 0x80) === 0) {
        value |= b << shift;
        return (value >>> 1) ^ -(value & 1);
      }
      value |= (b & 0x7f) << shift;
      shift += 7;
      if (shift > 28) {
        this.fail("CORRUPT_MESSAGE", `${what}: varint longer than 5 bytes`);
        return 0;
      }
    }
  }

  /**
   * A zigzag varlong of at most 10 bytes, as Kafka's `ByteUtils.readVarlong`:
   * a tenth byte with its continuation bit set is an error; bits past 64 are dropped.
   */
  varlong(what: string): bigint {
    const buf = this.buf;
    // Fast path: up to 7 bytes (49 bits) accumulate exactly in a double.
    let small = 0;
    let scale = 1;
    for (let i = 0; i < 7; i++) {
      if (this.pos >= this.end) {
        this.fail("CORRUPT_MESSAGE", `${what}: varlong runs past the end of its region`);
        return 0n;
      }
      const b = buf[this.pos++] as number;
      small += (b & 0x7f) * scale;
      scale *= 128;
      if ((b & 0x80) === 0) {
        // zigzag decode on a non-negative integer below 2^49
        const half = Math.floor(small / 2);
        return BigInt(small % 2 === 0 ? half : -half - 1);
      }
    }
    let value = BigInt(small);
    let shift = 49n;
    for (;;) {
      if (this.pos >= this.end) {
        this.fail("CORRUPT_MESSAGE", `${what}: varlong runs past the end of its region`);
        return 0n;
      }
      const b = buf[this.pos++] as number;
      value |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) break;
      shift += 7n;
      if (shift > 63n) {
        this.fail("CORRUPT_MESSAGE", `${what}: varlong longer than 10 bytes`);
        return 0n;
      }
    }
    value = BigInt.asUintN(64, value);
    return BigInt.asIntN(64, (value >> 1n) ^ -(value & 1n));
  }

  /** `n` bytes as a view into the input. */
  bytes(n: number, what: string): Uint8Array {
    if (n < 0) {
      this.fail("CORRUPT_MESSAGE", `${what}: negative length ${n}`);
      return EMPTY;
    }
    if (!this.need(n, what)) return EMPTY;
    const v = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return v;
  }

  /** Varint length then bytes; -1 is null, anything below is an error. */
  nullableVarBytes(what: string): Uint8Array | null {
    const n = this.varint(what);
    if (n === -1) return null;
    if (n < -1) {
      this.fail("CORRUPT_MESSAGE", `${what}: invalid length ${n}`);
      return null;
    }
    return this.bytes(n, what);
  }

  /** Varint length then UTF-8; negative lengths are an error (header keys are never null). */
  varString(what: string): string {
    const n = this.varint(what);
    if (n < 0) {
      this.fail("CORRUPT_MESSAGE", `${what}: invalid length ${n}`);
      return "";
    }
    const b = this.bytes(n, what);
    return b.length === 0 ? "" : utf8.decode(b);
  }
}
