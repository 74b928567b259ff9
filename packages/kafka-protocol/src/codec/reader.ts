import { type DecodeError, type DecodeErrorCode, decodeError } from "./errors.js";
import { type TaggedField, uuidFromBytes } from "./types.js";

/** The largest single tagged field a decoder accepts. Real clients send a few bytes. */
export const TAGGED_FIELD_MAX_BYTES = 128 * 1024;

const EMPTY = new Uint8Array(0);

/** Node's Buffer has a native UTF-8 slice that skips the argument checks of `toString`. */
interface FastBuffer extends Buffer {
  utf8Slice(start: number, end: number): string;
}

/**
 * A bounded reader over one buffer with a sticky first error.
 *
 * Every read checks the bytes remaining; on the first failure the reader records
 * the error, jumps to the end, and from then on returns zero values. Generated
 * decoders read everything and check `error` once at the end, so a hostile input
 * costs at most one pass over its own bytes. Every length and count is compared
 * with the bytes remaining before anything is allocated, so no input can make the
 * decoder allocate more than a small multiple of its own size.
 *
 * `bytes` and `records` values are views into the input (zero-copy): they stay
 * valid only as long as the caller keeps the input buffer unchanged.
 */
export class Reader {
  readonly buf: Buffer;
  private readonly view: DataView;
  pos: number;
  end: number;
  error: DecodeError | null = null;

  constructor(input: Uint8Array, start = 0, end = input.byteLength) {
    this.buf = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
    this.pos = start;
    this.end = end;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  get ok(): boolean {
    return this.error === null;
  }

  fail(code: DecodeErrorCode, message: string): void {
    if (this.error === null) this.error = decodeError(code, message, this.pos);
    this.pos = this.end;
  }

  private need(n: number, what: string): boolean {
    if (this.end - this.pos >= n) return true;
    if (this.error === null)
      this.fail("TRUNCATED", `${what}: needs ${n} bytes, ${this.end - this.pos} remain`);
    return false;
  }

  int8(): number {
    if (!this.need(1, "int8")) return 0;
    return this.view.getInt8(this.pos++);
  }

  bool(): boolean {
    if (!this.need(1, "bool")) return false;
    return this.buf[this.pos++] !== 0;
  }

  int16(): number {
    if (!this.need(2, "int16")) return 0;
    const v = this.view.getInt16(this.pos);
    this.pos += 2;
    return v;
  }

  uint16(): number {
    if (!this.need(2, "uint16")) return 0;
    const v = this.view.getUint16(this.pos);
    this.pos += 2;
    return v;
  }

  int32(): number {
    if (!this.need(4, "int32")) return 0;
    const v = this.view.getInt32(this.pos);
    this.pos += 4;
    return v;
  }

  uint32(): number {
    if (!this.need(4, "uint32")) return 0;
    const v = this.view.getUint32(this.pos);
    this.pos += 4;
    return v;
  }

  int64(): bigint {
    if (!this.need(8, "int64")) return 0n;
    const v = this.view.getBigInt64(this.pos);
    this.pos += 8;
    return v;
  }

  float64(): number {
    if (!this.need(8, "float64")) return 0;
    const v = this.view.getFloat64(this.pos);
    this.pos += 8;
    return v;
  }

  uuid(): string {
    if (!this.need(16, "uuid")) return uuidFromBytes(EMPTY16);
    const v = uuidFromBytes(this.buf.subarray(this.pos, this.pos + 16));
    this.pos += 16;
    return v;
  }

  /** An unsigned varint of at most 5 bytes (32 bits), as used for compact lengths and tags. */
  uvarint(): number {
    let result = 0;
    let shift = 0;
    for (let i = 0; i < 5; i++) {
      if (this.pos >= this.end) {
        this.need(1, "varint");
        return 0;
      }
      const b = this.buf[this.pos++] as number;
      if (i === 4 && b > 0x0f) break;
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
      shift += 7;
    }
    this.fail("INVALID_VARINT", "unsigned varint longer than 32 bits");
    return 0;
  }

  private utf8(len: number): string {
    const start = this.pos;
    this.pos += len;
    return (this.buf as FastBuffer).utf8Slice(start, start + len);
  }

  private sliceLen(len: number): Uint8Array {
    const start = this.pos;
    this.pos += len;
    return this.buf.subarray(start, start + len);
  }

  private checkLength(len: number, what: string, nullable: boolean): boolean {
    if (len < 0) {
      if (len === -1 && nullable) return false;
      this.fail(len === -1 ? "UNEXPECTED_NULL" : "INVALID_LENGTH", `${what}: length ${len}`);
      return false;
    }
    if (len > this.end - this.pos) {
      this.fail(
        "INVALID_LENGTH",
        `${what}: length ${len} exceeds the ${this.end - this.pos} bytes remaining`,
      );
      return false;
    }
    return true;
  }

  string(): string {
    const len = this.int16();
    return this.checkLength(len, "string", false) ? this.utf8(len) : "";
  }

  nullableString(): string | null {
    const len = this.int16();
    if (this.checkLength(len, "nullable string", true)) return this.utf8(len);
    return len === -1 && this.error === null ? null : "";
  }

  compactString(): string {
    const len = this.uvarint() - 1;
    return this.checkLength(len, "compact string", false) ? this.utf8(len) : "";
  }

  compactNullableString(): string | null {
    const len = this.uvarint() - 1;
    if (this.checkLength(len, "compact nullable string", true)) return this.utf8(len);
    return len === -1 && this.error === null ? null : "";
  }

  bytes(): Uint8Array {
    const len = this.int32();
    return this.checkLength(len, "bytes", false) ? this.sliceLen(len) : EMPTY;
  }

  nullableBytes(): Uint8Array | null {
    const len = this.int32();
    if (this.checkLength(len, "nullable bytes", true)) return this.sliceLen(len);
    return len === -1 && this.error === null ? null : EMPTY;
  }

  compactBytes(): Uint8Array {
    const len = this.uvarint() - 1;
    return this.checkLength(len, "compact bytes", false) ? this.sliceLen(len) : EMPTY;
  }

  compactNullableBytes(): Uint8Array | null {
    const len = this.uvarint() - 1;
    if (this.checkLength(len, "compact nullable bytes", true)) return this.sliceLen(len);
    return len === -1 && this.error === null ? null : EMPTY;
  }

  /**
   * An array count, checked so that `count * minElementBytes` fits in the bytes
   * remaining. Returns -1 for a null array (only when `nullable`), 0 after an error.
   */
  arrayLength(minElementBytes: number, nullable: boolean): number {
    return this.checkCount(this.int32(), minElementBytes, nullable);
  }

  compactArrayLength(minElementBytes: number, nullable: boolean): number {
    return this.checkCount(this.uvarint() - 1, minElementBytes, nullable);
  }

  private checkCount(n: number, minElementBytes: number, nullable: boolean): number {
    if (n < 0) {
      if (n === -1 && nullable) return this.error === null ? -1 : 0;
      this.fail(n === -1 ? "UNEXPECTED_NULL" : "INVALID_LENGTH", `array: count ${n}`);
      return 0;
    }
    if (n * minElementBytes > this.end - this.pos) {
      this.fail(
        "INVALID_LENGTH",
        `array: ${n} elements of at least ${minElementBytes} bytes exceed the ${this.end - this.pos} bytes remaining`,
      );
      return 0;
    }
    return n;
  }

  /** A nullable struct's presence marker: a negative int8 means null. */
  structPresent(): boolean {
    return this.int8() >= 0;
  }

  /**
   * The count of a tagged-field section; each field needs at least two bytes
   * (tag and size), which bounds the loop that follows.
   */
  taggedFieldCount(): number {
    const n = this.uvarint();
    if (n * 2 > this.end - this.pos) {
      this.fail("INVALID_LENGTH", `tagged fields: count ${n} exceeds the bytes remaining`);
      return 0;
    }
    return n;
  }

  /**
   * Reads a tagged field's size and narrows the reader to it. Returns the end
   * of the field (to pass to `endTaggedField`), or -1 after an error.
   */
  beginTaggedField(tag: number): number {
    const size = this.uvarint();
    if (this.error !== null) return -1;
    if (size > TAGGED_FIELD_MAX_BYTES) {
      this.fail(
        "TAGGED_FIELD_TOO_LARGE",
        `tagged field ${tag}: ${size} bytes exceeds the ${TAGGED_FIELD_MAX_BYTES} byte cap`,
      );
      return -1;
    }
    if (size > this.end - this.pos) {
      this.fail(
        "INVALID_LENGTH",
        `tagged field ${tag}: size ${size} exceeds the ${this.end - this.pos} bytes remaining`,
      );
      return -1;
    }
    return this.pos + size;
  }

  /** Reads an unknown tagged field's payload, kept as a view so it can be re-encoded unchanged. */
  unknownTaggedField(tag: number, fieldEnd: number): TaggedField {
    const data = this.buf.subarray(this.pos, fieldEnd);
    this.pos = fieldEnd;
    return { tag, data };
  }

  /** Checks that a known tagged field used exactly its declared size. */
  endTaggedField(tag: number, fieldEnd: number, savedEnd: number): void {
    this.end = savedEnd;
    if (this.error !== null) {
      this.pos = savedEnd;
    } else if (this.pos !== fieldEnd) {
      this.fail(
        "TAGGED_FIELD_SIZE_MISMATCH",
        `tagged field ${tag}: declared size does not match its contents`,
      );
    }
  }

  /** Reads a tagged-field section where the struct knows no tags: every field is kept as unknown. */
  unknownTaggedFields(): TaggedField[] | undefined {
    const count = this.taggedFieldCount();
    let out: TaggedField[] | undefined;
    for (let i = 0; i < count; i++) {
      const tag = this.uvarint();
      const fieldEnd = this.beginTaggedField(tag);
      if (fieldEnd < 0) break;
      if (out === undefined) out = [];
      out.push(this.unknownTaggedField(tag, fieldEnd));
    }
    return out;
  }
}

const EMPTY16 = new Uint8Array(16);
