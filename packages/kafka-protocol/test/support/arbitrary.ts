/**
 * fast-check arbitraries built from the message specs: for a message and a
 * version, values whose every field the version carries is random (nulls where
 * the version allows them, unknown tagged fields where it is flexible), and
 * whose other fields hold the generated defaults.
 */

import { join } from "node:path";
import fc from "fast-check";
import { specRoot } from "../../generator/paths.js";
import {
  contains,
  type FieldSpec,
  type FieldType,
  intersect,
  isEmpty,
  liveFields,
  loadSpecs,
  type MessageSpec,
  type StructSpec,
} from "../../generator/spec.js";
import * as gen from "../../src/gen/index.js";
import { uuidFromBytes } from "../../src/index.js";

export const specs: MessageSpec[] = loadSpecs(join(specRoot, "message"));

type Factory = () => Record<string, unknown>;

function defaults(s: StructSpec): Record<string, unknown> {
  const f = (gen as unknown as Record<string, Factory>)[`default${s.tsName}`];
  if (f === undefined) throw new Error(`no generated default for ${s.tsName}`);
  return f();
}

const string = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 4 }),
  fc.constantFrom("", "topic-a", "__consumer_offsets"),
);

function primitive(name: string): fc.Arbitrary<unknown> {
  switch (name) {
    case "int8":
      return fc.integer({ min: -128, max: 127 });
    case "int16":
      return fc.integer({ min: -32768, max: 32767 });
    case "uint16":
      return fc.integer({ min: 0, max: 65535 });
    case "int32":
      return fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
    case "uint32":
      return fc.integer({ min: 0, max: 2 ** 32 - 1 });
    case "int64":
      return fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
    case "float64":
      return fc.double({ noNaN: true });
    case "bool":
      return fc.boolean();
    case "uuid":
      return fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => uuidFromBytes(b));
    case "string":
      return string;
    case "bytes":
    case "records":
      return fc.uint8Array({ maxLength: 24 });
    default:
      throw new Error(`unknown primitive ${name}`);
  }
}

interface Ctx {
  readonly msg: MessageSpec;
  readonly v: number;
  readonly flexible: boolean;
}

function typeArb(ctx: Ctx, t: FieldType, depth: number): fc.Arbitrary<unknown> {
  switch (t.kind) {
    case "primitive":
      return primitive(t.name);
    case "array":
      return fc.array(typeArb(ctx, t.element, depth + 1), { maxLength: depth > 2 ? 1 : 3 });
    case "struct":
      return structArb(ctx, t.struct, depth + 1);
  }
}

function fieldArb(ctx: Ctx, f: FieldSpec, depth: number): fc.Arbitrary<unknown> {
  const base = typeArb(ctx, f.type, depth);
  return contains(f.nullableVersions, ctx.v) ? fc.option(base, { nil: null, freq: 4 }) : base;
}

const unknownTagged = (known: Set<number>): fc.Arbitrary<{ tag: number; data: Uint8Array }[]> =>
  fc.uniqueArray(fc.integer({ min: 0, max: 70000 }), { maxLength: 3 }).chain((tags) => {
    const free = tags.filter((t) => !known.has(t)).sort((a, b) => a - b);
    return fc.tuple(...free.map((tag) => fc.uint8Array({ maxLength: 8 }).map((data) => ({ tag, data }))));
  });

export function structArb(ctx: Ctx, s: StructSpec, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const fields = liveFields(s, { lo: ctx.v, hi: ctx.v });
  const parts: Record<string, fc.Arbitrary<unknown>> = {};
  for (const f of fields) parts[f.prop] = fieldArb(ctx, f, depth);
  const known = new Set(s.fields.filter((f) => f.tag !== undefined).map((f) => f.tag as number));
  const tagged = ctx.flexible
    ? fc.option(unknownTagged(known), { nil: undefined, freq: 2 })
    : fc.constant(undefined);
  return fc.record(parts).chain((values) =>
    tagged.map((unknown) => {
      const o = { ...defaults(s), ...values };
      if (unknown !== undefined && unknown.length > 0) o._unknownTaggedFields = unknown;
      return o;
    }),
  );
}

/** Values of the message's root struct at version v. */
export function messageArb(msg: MessageSpec, v: number): fc.Arbitrary<Record<string, unknown>> {
  const flexible = contains(msg.flexibleVersions, v);
  return structArb({ msg, v, flexible }, msg.root);
}

export function stableVersions(msg: MessageSpec, within = msg.stableVersions): number[] {
  const r = intersect(msg.stableVersions, within);
  if (isEmpty(r)) return [];
  const out: number[] = [];
  for (let v = r.lo; v <= r.hi; v++) out.push(v);
  return out;
}

/** A form of a decoded value with byte views turned into hex, for deep comparison. */
export function normalize(x: unknown): unknown {
  if (x instanceof Uint8Array)
    return `bytes:${Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString("hex")}`;
  if (Array.isArray(x)) return x.map(normalize);
  if (typeof x === "object" && x !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) if (v !== undefined) out[k] = normalize(v);
    return out;
  }
  return x;
}
