/**
 * Helpers the generated codecs call: arrays, array elements, and the encode
 * errors. Kept small and monomorphic so the generated readers stay fast.
 */
import { EncodeError } from "./errors.js";
import type { Reader } from "./reader.js";
import type { TaggedField } from "./types.js";
import type { Writer } from "./writer.js";

export { Reader } from "./reader.js";
export { type TaggedField, type Uuid, ZERO_UUID } from "./types.js";
export { Writer } from "./writer.js";

export const EMPTY_BYTES: Uint8Array = new Uint8Array(0);

export type ElementReader<T> = (r: Reader, v: number, flex: boolean) => T;
export type ElementWriter<T> = (w: Writer, value: T, v: number, flex: boolean) => void;

/**
 * Reads an array whose count has been checked against the bytes remaining
 * (`minElementBytes` per element), so a forged count cannot allocate more than
 * the input could describe.
 */
export function readArray<T>(
  r: Reader,
  v: number,
  flex: boolean,
  nullable: boolean,
  minElementBytes: number,
  element: ElementReader<T>,
): T[] {
  const n = flex ? r.compactArrayLength(minElementBytes, nullable) : r.arrayLength(minElementBytes, nullable);
  // A null array: the generated type admits null exactly where the spec does.
  if (n < 0) return null as unknown as T[];
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(element(r, v, flex));
  return out;
}

export function writeArray<T>(
  w: Writer,
  v: number,
  flex: boolean,
  values: readonly T[] | null,
  element: ElementWriter<T>,
): void {
  if (values === null) {
    if (flex) w.uvarint(0);
    else w.int32(-1);
    return;
  }
  if (flex) w.compactArrayLength(values.length);
  else w.arrayLength(values.length);
  for (let i = 0; i < values.length; i++) element(w, values[i] as T, v, flex);
}

export const readElement_int8: ElementReader<number> = (r) => r.int8();
export const readElement_int16: ElementReader<number> = (r) => r.int16();
export const readElement_uint16: ElementReader<number> = (r) => r.uint16();
export const readElement_int32: ElementReader<number> = (r) => r.int32();
export const readElement_uint32: ElementReader<number> = (r) => r.uint32();
export const readElement_int64: ElementReader<bigint> = (r) => r.int64();
export const readElement_float64: ElementReader<number> = (r) => r.float64();
export const readElement_bool: ElementReader<boolean> = (r) => r.bool();
export const readElement_uuid: ElementReader<string> = (r) => r.uuid();
export const readElementString: ElementReader<string> = (r, _v, flex) =>
  flex ? r.compactString() : r.string();
export const readElementBytes: ElementReader<Uint8Array> = (r, _v, flex) =>
  flex ? r.compactBytes() : r.bytes();

export const writeElement_int8: ElementWriter<number> = (w, x) => w.int8(x);
export const writeElement_int16: ElementWriter<number> = (w, x) => w.int16(x);
export const writeElement_uint16: ElementWriter<number> = (w, x) => w.uint16(x);
export const writeElement_int32: ElementWriter<number> = (w, x) => w.int32(x);
export const writeElement_uint32: ElementWriter<number> = (w, x) => w.uint32(x);
export const writeElement_int64: ElementWriter<bigint> = (w, x) => w.int64(x);
export const writeElement_float64: ElementWriter<number> = (w, x) => w.float64(x);
export const writeElement_bool: ElementWriter<boolean> = (w, x) => w.bool(x);
export const writeElement_uuid: ElementWriter<string> = (w, x) => w.uuid(x);
export const writeElementString: ElementWriter<string> = (w, x, _v, flex) =>
  flex ? w.compactString(x) : w.string(x);
export const writeElementBytes: ElementWriter<Uint8Array> = (w, x, _v, flex) =>
  flex ? w.compactBytes(x) : w.bytes(x);

export function notNullable(field: string, v: number): EncodeError {
  return new EncodeError(`${field} cannot be null at version ${v}`);
}

export function notInVersion(field: string, v: number): EncodeError {
  return new EncodeError(`${field} is not carried by version ${v}, but has a non-default value`);
}

/** Unknown tagged fields must be written in ascending tag order; decoded ones already are. */
export function sortedTaggedFields(fields: TaggedField[] | undefined): TaggedField[] | undefined {
  if (fields === undefined || fields.length < 2) return fields;
  for (let i = 1; i < fields.length; i++) {
    if ((fields[i - 1] as TaggedField).tag > (fields[i] as TaggedField).tag) {
      return [...fields].sort((a, b) => a.tag - b.tag);
    }
  }
  return fields;
}

/** Deep equality with a default value, for tagged struct fields (written only when not default). */
export function isDefaultValue(value: unknown, def: unknown): boolean {
  if (value === def) return true;
  if (value instanceof Uint8Array && def instanceof Uint8Array) {
    return value.byteLength === def.byteLength && Buffer.compare(value, def) === 0;
  }
  if (Array.isArray(value) && Array.isArray(def)) {
    return value.length === def.length && value.every((x, i) => isDefaultValue(x, def[i]));
  }
  if (typeof value === "object" && value !== null && typeof def === "object" && def !== null) {
    const a = value as Record<string, unknown>;
    const b = def as Record<string, unknown>;
    for (const k of Object.keys(b)) if (!isDefaultValue(a[k], b[k])) return false;
    const unknown = a._unknownTaggedFields as unknown[] | undefined;
    return unknown === undefined || unknown.length === 0;
  }
  return false;
}
