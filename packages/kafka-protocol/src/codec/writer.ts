import { EncodeError } from "./errors.js";
import { type TaggedField, uuidToBytes } from "./types.js";

interface FastBuffer extends Buffer {
  utf8Write(s: string, offset: number, length: number): number;
}

const INITIAL_BYTES = 256;

export interface WriterOptions {
  /** Initial buffer size; the buffer doubles as needed. */
  readonly initialBytes?: number;
  /**
   * Byte fields at least this large are not copied: the writer keeps a
   * reference and `finishChunks()` hands them out as separate chunks, ready for
   * a vectored socket write. 0 (the default) copies everything.
   */
  readonly zeroCopyMinBytes?: number;
}

/**
 * A growable big-endian writer. Generated encoders write into it field by
 * field; `finish()` returns exactly the bytes written. With `zeroCopyMinBytes`
 * set, large byte fields (record batches) are referenced instead of copied,
 * and `finishChunks()` returns the output as a list of chunks, so re-encoding
 * a Fetch response costs only its small fields.
 */
export class Writer {
  private buf: Buffer;
  private view: DataView;
  pos = 0;
  private readonly zeroCopyMinBytes: number;
  /** Finished chunks before the current segment, when zero-copy fields were written. */
  private chunks: Buffer[] | null = null;
  private chunkBytes = 0;
  /** Start of the segment of `buf` not yet moved to `chunks`. */
  private segmentStart = 0;
  /** Depth of open size-prefixed regions, which must stay contiguous. */
  private sizedDepth = 0;

  constructor(options: WriterOptions | number = {}) {
    const o = typeof options === "number" ? { initialBytes: options } : options;
    this.buf = Buffer.allocUnsafe(Math.max(16, o.initialBytes ?? INITIAL_BYTES));
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
    this.zeroCopyMinBytes = o.zeroCopyMinBytes ?? 0;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
    this.view = new DataView(next.buffer, next.byteOffset, next.byteLength);
  }

  /** Total bytes written, referenced chunks included. */
  get length(): number {
    return this.chunkBytes + this.pos - this.segmentStart;
  }

  /** The bytes written, as one buffer: a view when nothing was referenced, else one copy. */
  finish(): Buffer {
    if (this.chunks === null) return this.buf.subarray(0, this.pos);
    return Buffer.concat(this.finishChunks(), this.length);
  }

  /** The bytes written, as chunks to send in order; referenced fields are not copied. */
  finishChunks(): Buffer[] {
    const tail = this.buf.subarray(this.segmentStart, this.pos);
    if (this.chunks === null) return [tail];
    return tail.byteLength > 0 ? [...this.chunks, tail] : [...this.chunks];
  }

  int8(v: number): void {
    this.ensure(1);
    this.view.setInt8(this.pos, v);
    this.pos += 1;
  }

  bool(v: boolean): void {
    this.ensure(1);
    this.buf[this.pos++] = v ? 1 : 0;
  }

  int16(v: number): void {
    this.ensure(2);
    this.view.setInt16(this.pos, v);
    this.pos += 2;
  }

  uint16(v: number): void {
    this.ensure(2);
    this.view.setUint16(this.pos, v);
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

  float64(v: number): void {
    this.ensure(8);
    this.view.setFloat64(this.pos, v);
    this.pos += 8;
  }

  uuid(v: string): void {
    this.raw(uuidToBytes(v));
  }

  uvarint(v: number): void {
    this.ensure(5);
    let n = v >>> 0;
    while (n >= 0x80) {
      this.buf[this.pos++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    this.buf[this.pos++] = n;
  }

  raw(bytes: Uint8Array): void {
    if (this.zeroCopyMinBytes > 0 && bytes.byteLength >= this.zeroCopyMinBytes && this.sizedDepth === 0) {
      const chunks = this.chunks ?? [];
      this.chunks = chunks;
      if (this.pos > this.segmentStart) chunks.push(this.buf.subarray(this.segmentStart, this.pos));
      chunks.push(
        Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      );
      this.chunkBytes += this.pos - this.segmentStart + bytes.byteLength;
      this.segmentStart = this.pos;
      return;
    }
    this.ensure(bytes.byteLength);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.byteLength;
  }

  private utf8(s: string, len: number): void {
    this.ensure(len);
    (this.buf as FastBuffer).utf8Write(s, this.pos, len);
    this.pos += len;
  }

  string(s: string): void {
    const len = Buffer.byteLength(s);
    if (len > 0x7fff) throw new EncodeError(`string of ${len} bytes exceeds the int16 length prefix`);
    this.int16(len);
    this.utf8(s, len);
  }

  nullableString(s: string | null): void {
    if (s === null) this.int16(-1);
    else this.string(s);
  }

  compactString(s: string): void {
    const len = Buffer.byteLength(s);
    if (len > 0x7fff) throw new EncodeError(`string of ${len} bytes exceeds the int16 length limit`);
    this.uvarint(len + 1);
    this.utf8(s, len);
  }

  compactNullableString(s: string | null): void {
    if (s === null) this.uvarint(0);
    else this.compactString(s);
  }

  bytes(b: Uint8Array): void {
    this.int32(b.byteLength);
    this.raw(b);
  }

  nullableBytes(b: Uint8Array | null): void {
    if (b === null) this.int32(-1);
    else this.bytes(b);
  }

  compactBytes(b: Uint8Array): void {
    this.uvarint(b.byteLength + 1);
    this.raw(b);
  }

  compactNullableBytes(b: Uint8Array | null): void {
    if (b === null) this.uvarint(0);
    else this.compactBytes(b);
  }

  arrayLength(n: number): void {
    this.int32(n);
  }

  compactArrayLength(n: number): void {
    this.uvarint(n + 1);
  }

  /**
   * Starts a size-prefixed region (a tagged field's payload). The payload is
   * written in place and moved right by the width of its uvarint size in
   * `endSized`; tagged payloads are small, so the move is cheap.
   */
  beginSized(): number {
    this.sizedDepth++;
    return this.pos;
  }

  endSized(start: number): void {
    this.sizedDepth--;
    const size = this.pos - start;
    const width = uvarintWidth(size);
    // Room for the shift and for the varint write below, which must not grow
    // (and so copy only up to) the buffer while the payload sits past `pos`.
    this.ensure(width + 5);
    this.buf.copyWithin(start + width, start, this.pos);
    const end = this.pos + width;
    this.pos = start;
    this.uvarint(size);
    this.pos = end;
  }

  /** Writes a tagged-field section holding only fields this codec does not know. */
  unknownTaggedFields(fields: readonly TaggedField[] | undefined): void {
    if (fields === undefined) {
      this.uvarint(0);
      return;
    }
    const sorted = fields.every((f, i) => i === 0 || (fields[i - 1] as TaggedField).tag <= f.tag)
      ? fields
      : [...fields].sort((a, b) => a.tag - b.tag);
    this.uvarint(sorted.length);
    this.unknownTaggedFieldsBelow(sorted, 0, Number.POSITIVE_INFINITY);
  }

  /** Writes unknown tagged fields with tags below `below`, starting at index `from`; returns the next index. */
  unknownTaggedFieldsBelow(fields: readonly TaggedField[] | undefined, from: number, below: number): number {
    if (fields === undefined) return from;
    let i = from;
    while (i < fields.length && (fields[i] as TaggedField).tag < below) {
      const f = fields[i] as TaggedField;
      this.uvarint(f.tag);
      this.uvarint(f.data.byteLength);
      this.raw(f.data);
      i++;
    }
    return i;
  }
}

export function uvarintWidth(v: number): number {
  if (v < 0x80) return 1;
  if (v < 0x4000) return 2;
  if (v < 0x200000) return 3;
  if (v < 0x10000000) return 4;
  return 5;
}
