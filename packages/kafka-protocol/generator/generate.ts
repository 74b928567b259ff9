/**
 * Writes `src/gen/` from the Kafka message specs and the error-code table.
 *
 *   pnpm --filter @runnel/kafka-protocol gen
 *
 * The spec directory is `shared/kafka-protocol` beside the repository (see
 * `paths.ts`). The output is deterministic: CI regenerates it and fails on any
 * difference from what is committed.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { emitMessage, rangeText } from "./emit.js";
import { packageDir, specRoot } from "./paths.js";
import { isEmpty, loadSpecs, type MessageSpec, type VersionRange } from "./spec.js";

const outDir = join(packageDir, "src/gen");

const BANNER = [
  "// Generated from the Kafka message specs by packages/kafka-protocol/generator.",
  "// Do not edit: run `pnpm gen` instead.",
  "",
];

const RUNTIME_NAMES = [
  "Reader",
  "Writer",
  "TaggedField",
  "Uuid",
  "ZERO_UUID",
  "EMPTY_BYTES",
  "readArray",
  "writeArray",
  "notNullable",
  "notInVersion",
  "sortedTaggedFields",
  "isDefaultValue",
];
const TYPE_ONLY = new Set(["Reader", "Writer", "TaggedField", "Uuid"]);

function runtimeImports(code: string[], from: string): string[] {
  const text = code.join("\n");
  const names = RUNTIME_NAMES.filter((n) => new RegExp(`\\b${n}\\b`).test(text));
  for (const m of text.matchAll(/\b((?:read|write)Element(?:_\w+|String|Bytes))\b/g)) {
    if (!names.includes(m[1] as string)) names.push(m[1] as string);
  }
  names.sort();
  if (names.length === 0) return [];
  const spec = names.map((n) => (TYPE_ONLY.has(n) ? `type ${n}` : n)).join(", ");
  return [`import { ${spec} } from "${from}";`, ""];
}

function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

function apiName(requestName: string): string {
  return requestName.replace(/Request$/, "");
}

function writeFile(path: string, lines: string[]): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${lines.join("\n").replace(/\n+$/, "")}\n`);
}

function firstFlexible(m: MessageSpec): number {
  const f = m.flexibleVersions;
  if (isEmpty(f)) return -1;
  return f.lo;
}

function rangeLiteral(r: VersionRange): string {
  return isEmpty(r) ? "null" : `{ min: ${r.lo}, max: ${Number.isFinite(r.hi) ? r.hi : 32767} }`;
}

function main(): void {
  const specs = loadSpecs(join(specRoot, "message"));
  rmSync(outDir, { recursive: true, force: true });

  const requests = new Map<number, MessageSpec>();
  const responses = new Map<number, MessageSpec>();
  const others: MessageSpec[] = [];
  for (const s of specs) {
    if (s.type === "request" && s.apiKey !== undefined) requests.set(s.apiKey, s);
    else if (s.type === "response" && s.apiKey !== undefined) responses.set(s.apiKey, s);
    else others.push(s);
  }

  const indexLines = [...BANNER];
  const tableImports: string[] = [];
  const tableEntries: string[] = [];
  const requestTypes: string[] = [];
  const responseTypes: string[] = [];
  const keyNames: string[] = [];
  const unstable: string[] = [];

  const keys = [...requests.keys()].sort((a, b) => a - b);
  for (const key of keys) {
    const req = requests.get(key) as MessageSpec;
    const res = responses.get(key);
    if (res === undefined) throw new Error(`API key ${key} has a request but no response`);
    const name = apiName(req.name);
    keyNames.push(`  ${name}: ${key},`);
    const stable = req.stableVersions;
    if (isEmpty(stable)) {
      unstable.push(`  { key: ${key}, name: "${name}" },`);
      continue;
    }
    // The response carries whatever versions the request does.
    const resSpec: MessageSpec = { ...res, stableVersions: stable };
    const file = `apis/${String(key).padStart(2, "0")}-${kebab(name)}`;
    const body = [...emitMessage(req), ...emitMessage(resSpec)];
    const header = [
      ...BANNER,
      `// ${name} (API key ${key}): stable versions ${rangeText(stable)}` +
        (isEmpty(req.flexibleVersions) ? ", never flexible." : `, flexible from ${req.flexibleVersions.lo}.`),
      "",
    ];
    writeFile(join(outDir, `${file}.ts`), [
      ...header,
      ...runtimeImports(body, "../../codec/runtime.js"),
      ...body,
    ]);
    indexLines.push(`export * from "./${file}.js";`);
    const reqT = req.name;
    const resT = res.name;
    tableImports.push(
      `import { type ${reqT}, type ${resT}, default${reqT}, default${resT}, read${reqT}, read${resT}, write${reqT}, write${resT} } from "./${file}.js";`,
    );
    requestTypes.push(`  ${key}: ${reqT};`);
    responseTypes.push(`  ${key}: ${resT};`);
    tableEntries.push(
      [
        `  ${key}: {`,
        `    key: ${key},`,
        `    name: "${name}",`,
        `    minVersion: ${stable.lo},`,
        `    maxVersion: ${stable.hi},`,
        `    requestFlexibleFrom: ${firstFlexible(req)},`,
        `    responseFlexibleFrom: ${firstFlexible(res)},`,
        `    deprecatedVersions: ${rangeLiteral(req.deprecatedVersions)},`,
        `    listeners: ${JSON.stringify(req.listeners)},`,
        `    readRequest: read${reqT},`,
        `    writeRequest: write${reqT},`,
        `    defaultRequest: default${reqT},`,
        `    readResponse: read${resT},`,
        `    writeResponse: write${resT},`,
        `    defaultResponse: default${resT},`,
        "  },",
      ].join("\n"),
    );
  }

  for (const m of others) {
    const file = `${m.type === "header" ? "headers" : "data"}/${kebab(m.name)}`;
    const body = emitMessage(m);
    const header = [...BANNER, `// ${m.name} (${m.type}): versions ${rangeText(m.stableVersions)}.`, ""];
    writeFile(join(outDir, `${file}.ts`), [
      ...header,
      ...runtimeImports(body, "../../codec/runtime.js"),
      ...body,
    ]);
    indexLines.push(`export * from "./${file}.js";`);
  }

  writeFile(join(outDir, "api-table.ts"), [
    ...BANNER,
    'import type { ApiDefinition } from "../codec/api.js";',
    ...tableImports,
    "",
    "/** Every API key in the specs, by name. */",
    "export const ApiKeys = {",
    ...keyNames,
    "} as const;",
    "",
    "/** The request body type of each API key with stable versions. */",
    "export interface ApiRequests {",
    ...requestTypes,
    "}",
    "",
    "/** The response body type of each API key with stable versions. */",
    "export interface ApiResponses {",
    ...responseTypes,
    "}",
    "",
    "/** API keys that have at least one stable version, and so a codec. */",
    "export type ApiKey = keyof ApiRequests & keyof ApiResponses;",
    "",
    "/** The codec of every API with stable versions, by key. */",
    "export const apiTable: { readonly [K in ApiKey]: ApiDefinition<ApiRequests[K], ApiResponses[K]> } = {",
    ...tableEntries,
    "};",
    "",
    "/** API keys whose every version the specs mark unstable: no codec is generated for them. */",
    "export const unstableApis: readonly { key: number; name: string }[] = [",
    ...unstable,
    "];",
  ]);
  indexLines.push('export * from "./api-table.js";');
  indexLines.push('export * from "./error-codes.js";');

  writeFile(join(outDir, "error-codes.ts"), errorCodes());
  writeFile(join(outDir, "index.ts"), indexLines);
}

function errorCodes(): string[] {
  const rows = readFileSync(join(specRoot, "error-codes.tsv"), "utf8")
    .split("\n")
    .slice(1)
    .filter((l) => l.trim() !== "")
    .map((l) => {
      const [code, name] = l.split("\t");
      return { code: Number(code), name: (name as string).trim() };
    })
    .sort((a, b) => a.code - b.code);
  return [
    ...BANNER,
    "/** Every Kafka protocol error code, by name. */",
    "export const ErrorCode = {",
    ...rows.map((r) => `  ${r.name}: ${r.code},`),
    "} as const;",
    "",
    "export type ErrorCodeName = keyof typeof ErrorCode;",
    "",
    "const names: ReadonlyMap<number, ErrorCodeName> = new Map(",
    "  Object.entries(ErrorCode).map(([name, code]) => [code, name as ErrorCodeName]),",
    ");",
    "",
    "/** The name of an error code, or undefined for a code the table does not know. */",
    "export function errorCodeName(code: number): ErrorCodeName | undefined {",
    "  return names.get(code);",
    "}",
  ];
}

main();
