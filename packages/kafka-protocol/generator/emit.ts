/**
 * Emits the TypeScript codec of one message spec: one interface per struct
 * (covering every stable version), a reader and a writer that take the version,
 * and a factory of default values. Every version branch in the output comes
 * from the spec; none is written by hand.
 */
import {
  contains,
  type FieldSpec,
  type FieldType,
  intersect,
  isEmpty,
  liveFields,
  type MessageSpec,
  type StructSpec,
  type VersionRange,
} from "./spec.js";

/** A condition on `v` that is true exactly for the versions of `r` within `within`. */
export function versionCond(r: VersionRange, within: VersionRange): string {
  const x = intersect(r, within);
  if (isEmpty(x)) return "false";
  const lo = x.lo <= within.lo;
  const hi = x.hi >= within.hi;
  if (lo && hi) return "true";
  if (x.lo === x.hi) return `v === ${x.lo}`;
  if (lo) return `v <= ${x.hi}`;
  if (hi) return `v >= ${x.lo}`;
  return `(v >= ${x.lo} && v <= ${x.hi})`;
}

/** `a ? b : c`, folded when the condition is constant. */
function pick(cond: string, a: string, b: string): string {
  if (cond === "true" || a === b) return a;
  if (cond === "false") return b;
  return `(${cond} ? ${a} : ${b})`;
}

function and(a: string, b: string): string {
  if (a === "false" || b === "false") return "false";
  if (a === "true") return b;
  if (b === "true") return a;
  return `${a} && ${b}`;
}

export function tsType(t: FieldType): string {
  switch (t.kind) {
    case "primitive":
      switch (t.name) {
        case "int64":
          return "bigint";
        case "bool":
          return "boolean";
        case "uuid":
          return "Uuid";
        case "string":
          return "string";
        case "bytes":
        case "records":
          return "Uint8Array";
        default:
          return "number";
      }
    case "struct":
      return t.struct.tsName;
    case "array":
      return `${tsType(t.element)}[]`;
  }
}

/** Whether the field can be null at some stable version. */
function everNullable(f: FieldSpec, stable: VersionRange): boolean {
  return !isEmpty(intersect(intersect(f.nullableVersions, f.versions), stable));
}

function fieldTsType(f: FieldSpec, stable: VersionRange): string {
  const base = tsType(f.type);
  const nullable = everNullable(f, stable) || f.rawDefault === "null";
  return nullable ? `${base} | null` : base;
}

/** The default value of a field as a TypeScript expression. */
export function defaultExpr(f: FieldSpec): string {
  const d = f.rawDefault;
  const t = f.type;
  if (t.kind === "array") return d === "null" ? "null" : "[]";
  if (t.kind === "struct") return d === "null" ? "null" : `default${t.struct.tsName}()`;
  switch (t.name) {
    case "int8":
    case "int16":
    case "int32":
    case "uint16":
    case "uint32":
      return d === undefined ? "0" : String(Number(d));
    case "int64":
      return d === undefined ? "0n" : `${BigInt(d)}n`;
    case "float64":
      return d === undefined ? "0" : String(Number(d));
    case "bool":
      return d !== undefined && d.toLowerCase() === "true" ? "true" : "false";
    case "uuid":
      return "ZERO_UUID";
    case "string":
      return d === "null" ? "null" : JSON.stringify(d ?? "");
    case "bytes":
      return d === "null" ? "null" : "EMPTY_BYTES";
    case "records":
      return isEmpty(f.nullableVersions) ? "EMPTY_BYTES" : "null";
  }
}

/** An expression that is true when the field's value differs from its default. */
function nonDefaultExpr(f: FieldSpec, value: string): string {
  const t = f.type;
  const d = defaultExpr(f);
  if (t.kind === "array") return `${value} !== null && ${value}.length > 0`;
  if (t.kind === "struct") return d === "null" ? `${value} !== null` : `!isDefaultValue(${value}, ${d})`;
  switch (t.name) {
    case "bytes":
      return d === "null" ? `${value} !== null` : `${value}.byteLength > 0`;
    case "records":
      return d === "null" ? `${value} !== null` : `${value}.byteLength > 0`;
    default:
      return `${value} !== ${d}`;
  }
}

/**
 * A lower bound on the bytes a value of this type takes at any version of
 * `range`. It bounds array counts by the bytes remaining, so it must never
 * exceed the true size (strings count as compact wherever any version is flexible).
 */
export function minBytes(t: FieldType, range: VersionRange, flexibleSomewhere: boolean): number {
  switch (t.kind) {
    case "primitive":
      switch (t.name) {
        case "int8":
        case "bool":
          return 1;
        case "int16":
        case "uint16":
          return 2;
        case "int32":
        case "uint32":
          return 4;
        case "int64":
        case "float64":
          return 8;
        case "uuid":
          return 16;
        default:
          return flexibleSomewhere ? 1 : 2;
      }
    case "array":
      return flexibleSomewhere ? 1 : 4;
    case "struct": {
      let min = Number.POSITIVE_INFINITY;
      for (let v = range.lo; v <= range.hi; v++) {
        let n = 0;
        for (const f of t.struct.fields) {
          if (contains(f.versions, v) && !contains(f.taggedVersions, v)) {
            const at = { lo: v, hi: v };
            n +=
              contains(f.nullableVersions, v) && f.type.kind === "struct"
                ? 1
                : minBytes(f.type, at, flexibleSomewhere);
          }
        }
        min = Math.min(min, n);
      }
      return Number.isFinite(min) ? min : 0;
    }
  }
}

class Emitter {
  readonly lines: string[] = [];
  private depth = 0;

  line(s = ""): void {
    for (const l of s.split("\n")) this.lines.push(l === "" ? "" : "  ".repeat(this.depth) + l);
  }

  open(s: string): void {
    this.line(s);
    this.depth++;
  }

  close(s = "}"): void {
    this.depth--;
    this.line(s);
  }

  /** Closes one block and opens the next at the same depth (`} else {`). */
  reopen(s: string): void {
    this.depth--;
    this.open(s);
  }
}

interface Ctx {
  readonly msg: MessageSpec;
  readonly stable: VersionRange;
  readonly flexSomewhere: boolean;
}

/** The read expression for one value of type t; `flex` and `nullable` are TS conditions. */
function readExpr(ctx: Ctx, t: FieldType, flex: string, nullable: string, present: VersionRange): string {
  if (t.kind === "struct") {
    const read = `read${t.struct.tsName}(r, v)`;
    return nullable === "false" ? read : pick(nullable, `(r.structPresent() ? ${read} : null)`, read);
  }
  if (t.kind === "array") {
    const min = Math.max(1, minBytes(t.element, intersect(present, ctx.stable), ctx.flexSomewhere));
    return `readArray(r, v, ${flex}, ${nullable}, ${min}, ${elementReader(ctx, t.element)})`;
  }
  const variable = (plain: string, compact: string, nullablePlain: string, nullableCompact: string): string =>
    pick(
      nullable,
      pick(flex, `r.${nullableCompact}()`, `r.${nullablePlain}()`),
      pick(flex, `r.${compact}()`, `r.${plain}()`),
    );
  switch (t.name) {
    case "string":
      return variable("string", "compactString", "nullableString", "compactNullableString");
    case "bytes":
      return variable("bytes", "compactBytes", "nullableBytes", "compactNullableBytes");
    case "records":
      return variable("bytes", "compactBytes", "nullableBytes", "compactNullableBytes");
    default:
      return `r.${t.name}()`;
  }
}

function elementReader(ctx: Ctx, t: FieldType): string {
  if (t.kind === "struct") return `read${t.struct.tsName}`;
  if (t.kind === "array") throw new Error(`${ctx.msg.name}: arrays of arrays are not in the spec`);
  switch (t.name) {
    case "string":
      return "readElementString";
    case "bytes":
      return "readElementBytes";
    case "records":
      throw new Error("arrays of records are not in the spec");
    default:
      return `readElement_${t.name}`;
  }
}

/**
 * The statement writing one value. `nonNull` is the value as the branches that
 * cannot hold null see it (a cast, where the type admits null only at other versions).
 */
function writeStmt(t: FieldType, flex: string, nullable: string, value: string, nonNull = value): string {
  if (t.kind === "struct") {
    const write = `write${t.struct.tsName}(w, ${nonNull}, v);`;
    if (nullable === "false") return write;
    const n = `if (${value} === null) w.int8(-1); else { w.int8(1); write${t.struct.tsName}(w, ${value}, v); }`;
    return nullable === "true" ? n : `if (${nullable}) { ${n} } else ${write}`;
  }
  if (t.kind === "array") {
    const arg = nullable === "false" ? nonNull : value;
    return `writeArray(w, v, ${flex}, ${arg}, ${elementWriter(t.element)});`;
  }
  const variable = (
    plain: string,
    compact: string,
    nullablePlain: string,
    nullableCompact: string,
  ): string => {
    const call = (fn: string): string => `w.${fn}(${fn === plain || fn === compact ? nonNull : value});`;
    const byFlex = (a: string, b: string): string =>
      flex === "true" ? call(a) : flex === "false" ? call(b) : `if (${flex}) ${call(a)} else ${call(b)}`;
    if (nullable === "true") return byFlex(nullableCompact, nullablePlain);
    if (nullable === "false") return byFlex(compact, plain);
    return `if (${nullable}) { ${byFlex(nullableCompact, nullablePlain)} } else { ${byFlex(compact, plain)} }`;
  };
  switch (t.name) {
    case "string":
      return variable("string", "compactString", "nullableString", "compactNullableString");
    case "bytes":
    case "records":
      return variable("bytes", "compactBytes", "nullableBytes", "compactNullableBytes");
    default:
      return `w.${t.name}(${value});`;
  }
}

function elementWriter(t: FieldType): string {
  if (t.kind === "struct") return `write${t.struct.tsName}`;
  if (t.kind === "array") throw new Error("arrays of arrays are not in the spec");
  switch (t.name) {
    case "string":
      return "writeElementString";
    case "bytes":
      return "writeElementBytes";
    default:
      return `writeElement_${t.name}`;
  }
}

/** The value of a field's type, with nulls where the field is nullable, written in the field's position. */
function nullableCond(ctx: Ctx, f: FieldSpec): string {
  return versionCond(f.nullableVersions, intersect(f.versions, ctx.stable));
}

function docComment(e: Emitter, f: FieldSpec, ctx: Ctx): void {
  const parts: string[] = [];
  if (f.about !== "") parts.push(f.about.replace(/\*\//g, "*\\/"));
  const present = intersect(f.versions, ctx.stable);
  const notes = [`Versions ${rangeText(present)}`];
  if (!isEmpty(intersect(f.taggedVersions, present))) {
    notes.push(`tagged (tag ${f.tag}) in ${rangeText(intersect(f.taggedVersions, present))}`);
  }
  if (!isEmpty(intersect(f.nullableVersions, present))) {
    notes.push(`nullable in ${rangeText(intersect(f.nullableVersions, present))}`);
  }
  if (f.mapKey) notes.push("map key");
  if (f.entityType !== undefined) notes.push(`entity: ${f.entityType}`);
  parts.push(`${notes.join("; ")}.`);
  e.line(`/** ${parts.join(" ")} */`);
}

export function rangeText(r: VersionRange): string {
  if (isEmpty(r)) return "none";
  if (r.lo === r.hi) return String(r.lo);
  return `${r.lo}-${r.hi}`;
}

function emitStruct(e: Emitter, ctx: Ctx, s: StructSpec): void {
  const stable = ctx.stable;
  const fields = liveFields(s, stable);
  const flexCond = versionCond(ctx.msg.flexibleVersions, stable);
  const hasFlex = flexCond !== "false";

  // Interface.
  e.open(`export interface ${s.tsName} {`);
  for (const f of fields) {
    docComment(e, f, ctx);
    e.line(`${f.prop}: ${fieldTsType(f, stable)};`);
  }
  if (hasFlex) {
    e.line("/** Tagged fields this codec does not know, preserved for re-encoding. */");
    e.line("_unknownTaggedFields?: TaggedField[];");
  }
  e.close();
  e.line();

  // Defaults.
  e.open(`export function default${s.tsName}(): ${s.tsName} {`);
  e.open("return {");
  for (const f of fields) e.line(`${f.prop}: ${defaultExpr(f)},`);
  e.close("};");
  e.close();
  e.line();

  const regular = fields.filter((f) => !isEmpty(intersect(f.versions, stable)));
  const tagged = fields
    .filter((f) => !isEmpty(intersect(intersect(f.taggedVersions, f.versions), stable)))
    .sort((a, b) => (a.tag ?? 0) - (b.tag ?? 0));

  // Reader.
  e.open(`export function read${s.tsName}(r: Reader, v: number): ${s.tsName} {`);
  if (hasFlex) e.line(`const flex = ${flexCond};`);
  for (const f of regular) {
    const present = versionCond(f.versions, stable);
    const taggedCond = versionCond(f.taggedVersions, intersect(f.versions, stable));
    const readCond = and(
      present,
      taggedCond === "false" ? "true" : taggedCond === "true" ? "false" : `!(${taggedCond})`,
    );
    const flex = hasFlex ? fieldFlex(ctx, f) : "false";
    const expr = readExpr(ctx, f.type, flex, nullableCond(ctx, f), f.versions);
    const isTagged = tagged.includes(f);
    const decl = isTagged ? "let" : "const";
    const type = isTagged ? `: ${fieldTsType(f, stable)}` : "";
    e.line(`${decl} ${local(f)}${type} = ${pick(readCond, expr, defaultExpr(f))};`);
  }
  for (const f of tagged) {
    if (!regular.includes(f)) e.line(`let ${local(f)}: ${fieldTsType(f, stable)} = ${defaultExpr(f)};`);
  }
  if (hasFlex && tagged.length === 0) {
    e.line("const unknown = flex ? r.unknownTaggedFields() : undefined;");
  } else if (hasFlex) {
    e.line("let unknown: TaggedField[] | undefined;");
    e.open("if (flex) {");
    e.line("const count = r.taggedFieldCount();");
    e.open("for (let i = 0; i < count; i++) {");
    e.line("const tag = r.uvarint();");
    e.line("const fieldEnd = r.beginTaggedField(tag);");
    e.line("if (fieldEnd < 0) break;");
    let first = true;
    for (const f of tagged) {
      const cond = versionCond(intersect(f.taggedVersions, f.versions), stable);
      const head = `if (tag === ${f.tag} && ${cond}) {`;
      if (first) e.open(head);
      else e.reopen(`} else ${head}`);
      e.line("const savedEnd = r.end;");
      e.line("r.end = fieldEnd;");
      e.line(`${local(f)} = ${readExpr(ctx, f.type, "true", nullableCond(ctx, f), f.versions)};`);
      e.line("r.endTaggedField(tag, fieldEnd, savedEnd);");
      first = false;
    }
    e.reopen("} else {");
    e.line("(unknown ??= []).push(r.unknownTaggedField(tag, fieldEnd));");
    e.close();
    e.close();
    e.close();
  }
  e.open(`const o: ${s.tsName} = {`);
  for (const f of fields) e.line(f.prop === local(f) ? `${f.prop},` : `${f.prop}: ${local(f)},`);
  e.close("};");
  if (hasFlex) e.line("if (unknown !== undefined) o._unknownTaggedFields = unknown;");
  e.line("return o;");
  e.close();
  e.line();

  // Writer.
  e.open(`export function write${s.tsName}(w: Writer, o: ${s.tsName}, v: number): void {`);
  if (hasFlex) e.line(`const flex = ${flexCond};`);
  for (const f of regular) {
    const present = versionCond(f.versions, stable);
    const taggedCond = versionCond(f.taggedVersions, intersect(f.versions, stable));
    const writeCond = and(
      present,
      taggedCond === "false" ? "true" : taggedCond === "true" ? "false" : `!(${taggedCond})`,
    );
    const flex = hasFlex ? fieldFlex(ctx, f) : "false";
    const nullable = nullableCond(ctx, f);
    const value = `o.${f.prop}`;
    const admitsNull = fieldTsType(f, stable).endsWith("| null");
    let stmt = writeStmt(
      f.type,
      flex,
      nullable,
      value,
      admitsNull ? `(${value} as ${tsType(f.type)})` : value,
    );
    if (nullable !== "true" && admitsNull) {
      // The type admits null because another version (or the default) does; this version may not.
      const guard = nullable === "false" ? `${value} === null` : `${value} === null && !(${nullable})`;
      stmt = `if (${guard}) throw notNullable("${s.tsName}.${f.prop}", v);\n${stmt}`;
    }
    const onlyTagged = tagged.includes(f) && writeCond === "false";
    if (writeCond === "true") {
      e.line(stmt);
    } else if (!onlyTagged) {
      e.open(`if (${writeCond}) {`);
      e.line(stmt);
      const check = f.ignorable ? undefined : nonDefaultExpr(f, value);
      if (check !== undefined && present !== "true") {
        // Like Kafka's own encoders: a value the version cannot carry is a bug in the caller.
        e.reopen(`} else if (!(${present}) && ${check}) {`);
        e.line(`throw notInVersion("${s.tsName}.${f.prop}", v);`);
      }
      e.close();
    }
  }
  if (hasFlex && tagged.length === 0) {
    e.line("if (flex) w.unknownTaggedFields(o._unknownTaggedFields);");
  } else if (hasFlex) {
    e.open("if (flex) {");
    e.line("const unknown = sortedTaggedFields(o._unknownTaggedFields);");
    const hasNames: string[] = [];
    for (const f of tagged) {
      const cond = versionCond(intersect(f.taggedVersions, f.versions), stable);
      const name = `has${f.name}`;
      hasNames.push(name);
      e.line(`const ${name} = ${and(cond, nonDefaultExpr(f, `o.${f.prop}`))};`);
    }
    const sum = [
      ...hasNames.map((h) => `(${h} ? 1 : 0)`),
      "(unknown === undefined ? 0 : unknown.length)",
    ].join(" + ");
    e.line(`w.uvarint(${sum});`);
    e.line("let next = 0;");
    for (const f of tagged) {
      e.open(`if (has${f.name}) {`);
      e.line(`next = w.unknownTaggedFieldsBelow(unknown, next, ${f.tag});`);
      e.line(`w.uvarint(${f.tag});`);
      e.line("const start = w.beginSized();");
      e.line(writeStmt(f.type, "true", nullableCond(ctx, f), `o.${f.prop}`));
      e.line("w.endSized(start);");
      e.close();
    }
    e.line("w.unknownTaggedFieldsBelow(unknown, next, Number.POSITIVE_INFINITY);");
    e.close();
  }
  e.close();
  e.line();
}

function fieldFlex(ctx: Ctx, f: FieldSpec): string {
  return versionCond(f.flexibleVersions, intersect(f.versions, ctx.stable));
}

function local(f: FieldSpec): string {
  // Some spec field names are reserved words in JavaScript.
  return RESERVED.has(f.prop) ? `${f.prop}_` : f.prop;
}

const RESERVED = new Set(["default", "delete", "new", "class", "function", "var", "const", "let", "return"]);

export interface EmittedMessage {
  readonly spec: MessageSpec;
  readonly code: string[];
}

/** The codec of one message: interfaces, defaults, readers and writers of all its structs. */
export function emitMessage(msg: MessageSpec): string[] {
  const e = new Emitter();
  const ctx: Ctx = {
    msg,
    stable: msg.stableVersions,
    flexSomewhere: !isEmpty(intersect(msg.flexibleVersions, msg.stableVersions)),
  };
  for (const s of msg.structs) emitStruct(e, ctx, s);
  return e.lines;
}
