/**
 * The Kafka message specs as a typed model: parsing of the JSON-with-comments
 * files, version ranges, and the questions the emitter and the property tests
 * both ask (is this field present at version v? nullable? tagged?).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface VersionRange {
  readonly lo: number;
  /** Inclusive; Infinity for "N+". lo > hi means the empty range ("none"). */
  readonly hi: number;
}

export const NONE: VersionRange = { lo: 1, hi: 0 };

export function parseVersions(text: string | undefined, fallback: VersionRange = NONE): VersionRange {
  if (text === undefined) return fallback;
  const t = text.trim();
  if (t === "none") return NONE;
  if (t.endsWith("+")) return { lo: Number(t.slice(0, -1)), hi: Number.POSITIVE_INFINITY };
  const dash = t.indexOf("-");
  if (dash > 0) return { lo: Number(t.slice(0, dash)), hi: Number(t.slice(dash + 1)) };
  const n = Number(t);
  if (!Number.isInteger(n)) throw new Error(`bad version range: ${text}`);
  return { lo: n, hi: n };
}

export function contains(r: VersionRange, v: number): boolean {
  return v >= r.lo && v <= r.hi;
}

export function intersect(a: VersionRange, b: VersionRange): VersionRange {
  return { lo: Math.max(a.lo, b.lo), hi: Math.min(a.hi, b.hi) };
}

export function isEmpty(r: VersionRange): boolean {
  return r.lo > r.hi;
}

export interface RawField {
  name: string;
  type: string;
  versions?: string;
  nullableVersions?: string;
  taggedVersions?: string;
  flexibleVersions?: string;
  tag?: number | string;
  default?: string | number | boolean;
  ignorable?: boolean;
  mapKey?: boolean;
  entityType?: string;
  about?: string;
  zeroCopy?: boolean;
  fields?: RawField[];
}

export interface RawMessage {
  apiKey?: number;
  type: "request" | "response" | "header" | "data" | "metadata";
  name: string;
  validVersions: string;
  flexibleVersions: string;
  latestVersionUnstable?: boolean;
  deprecatedVersions?: string;
  listeners?: string[];
  fields: RawField[];
  commonStructs?: { name: string; versions: string; fields: RawField[] }[];
}

export type Primitive =
  | "int8"
  | "int16"
  | "int32"
  | "int64"
  | "uint16"
  | "uint32"
  | "float64"
  | "bool"
  | "uuid"
  | "string"
  | "bytes"
  | "records";

export const PRIMITIVES: ReadonlySet<string> = new Set<Primitive>([
  "int8",
  "int16",
  "int32",
  "int64",
  "uint16",
  "uint32",
  "float64",
  "bool",
  "uuid",
  "string",
  "bytes",
  "records",
]);

export type FieldType =
  | { readonly kind: "primitive"; readonly name: Primitive }
  | { readonly kind: "struct"; readonly struct: StructSpec }
  | { readonly kind: "array"; readonly element: FieldType };

export interface FieldSpec {
  readonly name: string;
  /** camelCase property name. */
  readonly prop: string;
  readonly type: FieldType;
  readonly versions: VersionRange;
  readonly nullableVersions: VersionRange;
  readonly taggedVersions: VersionRange;
  readonly tag: number | undefined;
  /** Flexible versions of the field itself, already intersected with the message's. */
  readonly flexibleVersions: VersionRange;
  readonly ignorable: boolean;
  readonly mapKey: boolean;
  readonly entityType: string | undefined;
  readonly about: string;
  /** The spec's default, still as written. */
  readonly rawDefault: string | undefined;
}

export interface StructSpec {
  readonly name: string;
  /** TypeScript type name, prefixed with the message name. */
  readonly tsName: string;
  readonly fields: FieldSpec[];
}

export interface MessageSpec {
  readonly name: string;
  readonly type: RawMessage["type"];
  readonly apiKey: number | undefined;
  readonly validVersions: VersionRange;
  /** The versions this codec supports: validVersions less an unstable latest version. */
  readonly stableVersions: VersionRange;
  readonly flexibleVersions: VersionRange;
  readonly deprecatedVersions: VersionRange;
  readonly listeners: readonly string[];
  readonly root: StructSpec;
  /** Every struct of the message, the root last, each after the structs it uses. */
  readonly structs: StructSpec[];
}

/** Removes `//` comments that are outside strings. */
export function stripComments(text: string): string {
  let out = "";
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === "\\") {
        out += text[i + 1] ?? "";
        i++;
      } else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
      out += "\n";
    } else out += c;
  }
  return out;
}

export function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

export function parseMessage(raw: RawMessage): MessageSpec {
  const validVersions = parseVersions(raw.validVersions);
  const stableVersions: VersionRange = raw.latestVersionUnstable
    ? { lo: validVersions.lo, hi: validVersions.hi - 1 }
    : validVersions;
  const flexibleVersions = parseVersions(raw.flexibleVersions);
  const structs: StructSpec[] = [];
  const byName = new Map<string, StructSpec>();
  const common = new Map((raw.commonStructs ?? []).map((s) => [s.name, s]));

  const structFor = (name: string, fields: RawField[] | undefined): StructSpec => {
    const existing = byName.get(name);
    if (existing !== undefined) {
      if (fields !== undefined && !common.has(name))
        throw new Error(`${raw.name}: struct ${name} defined twice`);
      return existing;
    }
    const def = fields ?? common.get(name)?.fields;
    if (def === undefined) throw new Error(`${raw.name}: unknown struct type ${name}`);
    const struct: StructSpec = { name, tsName: `${raw.name}${name}`, fields: [] };
    byName.set(name, struct);
    struct.fields.push(...def.map(parseField));
    structs.push(struct);
    return struct;
  };

  const typeOf = (type: string, fields: RawField[] | undefined): FieldType => {
    if (type.startsWith("[]")) return { kind: "array", element: typeOf(type.slice(2), fields) };
    if (PRIMITIVES.has(type)) return { kind: "primitive", name: type as Primitive };
    return { kind: "struct", struct: structFor(type, fields) };
  };

  const parseField = (f: RawField): FieldSpec => {
    const versions = parseVersions(f.versions);
    const fieldFlex = parseVersions(f.flexibleVersions, flexibleVersions);
    return {
      name: f.name,
      prop: camel(f.name),
      type: typeOf(f.type, f.fields),
      versions,
      nullableVersions: parseVersions(f.nullableVersions),
      taggedVersions: parseVersions(f.taggedVersions),
      tag: f.tag === undefined ? undefined : Number(f.tag),
      flexibleVersions: intersect(fieldFlex, flexibleVersions),
      ignorable: f.ignorable === true,
      mapKey: f.mapKey === true,
      entityType: f.entityType,
      about: f.about ?? "",
      rawDefault: f.default === undefined ? undefined : String(f.default),
    };
  };

  const root: StructSpec = { name: raw.name, tsName: raw.name, fields: [] };
  root.fields.push(...raw.fields.map(parseField));
  structs.push(root);
  return {
    name: raw.name,
    type: raw.type,
    apiKey: raw.apiKey,
    validVersions,
    stableVersions,
    flexibleVersions,
    deprecatedVersions: parseVersions(raw.deprecatedVersions),
    listeners: raw.listeners ?? [],
    root,
    structs,
  };
}

export function loadSpecs(dir: string): MessageSpec[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => parseMessage(JSON.parse(stripComments(readFileSync(join(dir, f), "utf8"))) as RawMessage));
}

/** Whether a field is carried at version v, in the fixed part of its struct. */
export function isRegularAt(f: FieldSpec, v: number): boolean {
  return contains(f.versions, v) && !contains(f.taggedVersions, v);
}

export function isTaggedAt(f: FieldSpec, v: number): boolean {
  return contains(f.versions, v) && contains(f.taggedVersions, v);
}

export function isNullableAt(f: FieldSpec, v: number): boolean {
  return contains(f.nullableVersions, v);
}

/** The fields of a struct that exist at some version of the given range. */
export function liveFields(s: StructSpec, range: VersionRange): FieldSpec[] {
  return s.fields.filter((f) => !isEmpty(intersect(f.versions, range)));
}
