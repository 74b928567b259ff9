import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { durationMs } from "./duration.js";

/** The environment variable naming the config file, when `loadConfig` is not given one. */
export const CONFIG_FILE_ENV = "RUNNEL_CONFIG";

/** One problem with the configuration, with where the offending value came from. */
export interface ConfigIssue {
  /** Dotted path of the setting, e.g. `nodeId` or `objstore.bucket`. */
  key: string;
  message: string;
  /** e.g. `env RUNNEL_BROKER_NODE_ID`, `file broker.json`, `default`, `not set`. */
  source: string;
}

/** Thrown when configuration cannot be read or does not match the schema. Lists every problem. */
export class ConfigError extends Error {
  readonly issues: readonly ConfigIssue[];

  constructor(service: string, issues: readonly ConfigIssue[]) {
    const lines = issues.map((i) => `  - ${i.key}: ${i.message} (${i.source})`);
    const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
    super(`invalid configuration for service "${service}" (${count}):\n${lines.join("\n")}`);
    this.name = "ConfigError";
    this.issues = issues;
  }
}

/**
 * Settings every service has. A service's own schema is merged over this one, so a service may
 * redeclare a key to change its default (e.g. a fixed `adminPort`).
 */
export const runtimeConfigSchema = z.object({
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Identifies this process in logs and metrics; defaults to `<hostname>-<pid>`. */
  instanceId: z.string().min(1).optional(),
  adminHost: z.string().min(1).default("0.0.0.0"),
  /** 0 binds an ephemeral port; the bound address is logged and returned. */
  adminPort: z.number().int().min(0).max(65_535).default(0),
  /** Bound on the whole shutdown: every hook together, then closing the admin server. */
  shutdownTimeoutMs: durationMs().default(10_000),
  /** Bound on each readiness check; a check that takes longer counts as failing. */
  readinessCheckTimeoutMs: durationMs().default(2_000),
  /** Whether to export process metrics (CPU, memory, event-loop delay). */
  processMetrics: z.boolean().default(true),
});

export type RuntimeConfig = z.output<typeof runtimeConfigSchema>;

export interface LoadConfigOptions {
  /** Service name; the env prefix is `RUNNEL_<NAME>_`, with non-alphanumerics turned into `_`. */
  service: string;
  /** Environment to read; defaults to `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Config file (JSON, or YAML by a .yaml/.yml extension); defaults to `$RUNNEL_CONFIG` if set. */
  configFile?: string;
}

/** `RUNNEL_BROKER_` for service `broker`. */
export function envPrefix(service: string): string {
  return `RUNNEL_${service.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}_`;
}

/** `nodeId` → `NODE_ID`, `maxIOBytes` → `MAX_IO_BYTES`; nested keys are joined with `__`. */
export function envKey(path: readonly string[]): string {
  return path
    .map((segment) =>
      segment
        .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
        .replace(/([A-Z])([A-Z][a-z])/g, "$1_$2")
        .toUpperCase(),
    )
    .join("__");
}

type Kind =
  | { kind: "object"; shape: Record<string, z.ZodType> }
  | { kind: "number" | "boolean" | "text" }
  | { kind: "array"; element: Kind };

/** What an env string must be turned into for this schema, looking through wrappers and pipes. */
function kindOf(schema: z.ZodType): Kind {
  let s: z.ZodType = schema;
  for (;;) {
    if (
      s instanceof z.ZodDefault ||
      s instanceof z.ZodPrefault ||
      s instanceof z.ZodOptional ||
      s instanceof z.ZodNullable ||
      s instanceof z.ZodReadonly ||
      s instanceof z.ZodCatch
    ) {
      s = s.unwrap() as z.ZodType;
    } else if (s instanceof z.ZodPipe) {
      s = s.in as z.ZodType;
    } else {
      break;
    }
  }
  if (s instanceof z.ZodObject) return { kind: "object", shape: s.shape as Record<string, z.ZodType> };
  if (s instanceof z.ZodNumber) return { kind: "number" };
  if (s instanceof z.ZodBoolean) return { kind: "boolean" };
  if (s instanceof z.ZodArray) return { kind: "array", element: kindOf(s.element as z.ZodType) };
  return { kind: "text" };
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;
const TRUE = new Set(["true", "1", "yes", "on"]);
const FALSE = new Set(["false", "0", "no", "off"]);

/**
 * Turns an env string into the type the schema expects. A string that does not convert is passed
 * through unchanged, so the schema rejects it with its own message naming the expected type.
 */
function coerce(raw: string, kind: Kind): unknown {
  switch (kind.kind) {
    case "number":
      return NUMBER.test(raw.trim()) ? Number(raw) : raw;
    case "boolean": {
      const lower = raw.trim().toLowerCase();
      return TRUE.has(lower) ? true : FALSE.has(lower) ? false : raw;
    }
    case "array": {
      if (raw.trim().startsWith("[")) return JSON.parse(raw) as unknown;
      const parts = raw
        .split(",")
        .map((p) => p.trim())
        .filter((p) => p !== "");
      return parts.map((p) => coerce(p, kind.element));
    }
    default:
      return raw;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const segment of path.slice(0, -1)) {
    const child = node[segment];
    if (!isPlainObject(child)) node[segment] = {};
    node = node[segment] as Record<string, unknown>;
  }
  node[path[path.length - 1] as string] = value;
}

function getPath(target: unknown, path: readonly PropertyKey[]): unknown {
  let node = target;
  for (const segment of path) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[segment];
  }
  return node;
}

function readConfigFile(file: string): unknown {
  const text = readFileSync(file, "utf8");
  const ext = extname(file).toLowerCase();
  return ext === ".yaml" || ext === ".yml" ? (parseYaml(text) as unknown) : (JSON.parse(text) as unknown);
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Builds a service's configuration from, in increasing precedence: the schema's defaults, the
 * config file, and `RUNNEL_<SERVICE>_*` environment variables. Unknown keys in the file and unknown
 * variables under the service's prefix are errors, so a misspelt setting is never silently ignored.
 * Throws a `ConfigError` naming every bad key and where its value came from.
 */
export function loadConfig<S extends z.ZodObject>(schema: S, options: LoadConfigOptions): z.output<S> {
  const env = options.env ?? process.env;
  const prefix = envPrefix(options.service);
  const issues: ConfigIssue[] = [];
  const raw: Record<string, unknown> = {};
  /** Where each value in `raw` came from, by dotted key. */
  const sources = new Map<string, string>();
  const rootShape = schema.shape as Record<string, z.ZodType>;

  const configFile = options.configFile ?? env[CONFIG_FILE_ENV];
  if (configFile !== undefined && configFile !== "") {
    let contents: unknown;
    try {
      contents = readConfigFile(configFile);
    } catch (err) {
      issues.push({
        key: "(file)",
        message: `cannot read config file: ${errorMessage(err)}`,
        source: `file ${configFile}`,
      });
    }
    if (contents !== undefined && contents !== null && !isPlainObject(contents)) {
      issues.push({
        key: "(file)",
        message: "config file must hold an object",
        source: `file ${configFile}`,
      });
    } else if (isPlainObject(contents)) {
      const fromFile = (obj: Record<string, unknown>, shape: Record<string, z.ZodType>, path: string[]) => {
        for (const [key, value] of Object.entries(obj)) {
          const keyPath = [...path, key];
          const dotted = keyPath.join(".");
          const field = shape[key];
          if (field === undefined) {
            issues.push({ key: dotted, message: "unknown setting", source: `file ${configFile}` });
            continue;
          }
          const kind = kindOf(field);
          if (kind.kind === "object" && isPlainObject(value)) {
            fromFile(value, kind.shape, keyPath);
          } else {
            setPath(raw, keyPath, value);
            sources.set(dotted, `file ${configFile}`);
          }
        }
      };
      fromFile(contents, rootShape, []);
    }
  }

  const knownEnv = new Set<string>();
  const fromEnv = (shape: Record<string, z.ZodType>, path: string[]) => {
    for (const [key, field] of Object.entries(shape)) {
      const keyPath = [...path, key];
      const kind = kindOf(field);
      if (kind.kind === "object") {
        // A required section absent from the file is filled in from its fields' env vars and
        // defaults, so a missing field is reported by its own name rather than the section's.
        if (getPath(raw, keyPath) === undefined && !field.safeParse(undefined).success)
          setPath(raw, keyPath, {});
        fromEnv(kind.shape, keyPath);
        continue;
      }
      const name = prefix + envKey(keyPath);
      knownEnv.add(name);
      const value = env[name];
      if (value === undefined) continue;
      const dotted = keyPath.join(".");
      try {
        setPath(raw, keyPath, coerce(value, kind));
        sources.set(dotted, `env ${name}`);
      } catch (err) {
        issues.push({ key: dotted, message: `cannot parse: ${errorMessage(err)}`, source: `env ${name}` });
      }
    }
  };
  fromEnv(rootShape, []);
  for (const name of Object.keys(env)) {
    if (name.startsWith(prefix) && !knownEnv.has(name)) {
      issues.push({ key: name.slice(prefix.length), message: "unknown setting", source: `env ${name}` });
    }
  }

  const sourceOf = (path: readonly PropertyKey[]): string => {
    for (let n = path.length; n > 0; n--) {
      const source = sources.get(path.slice(0, n).map(String).join("."));
      if (source !== undefined) return source;
    }
    return "default";
  };

  const result = schema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path;
      const key = path.length === 0 ? "(root)" : path.map(String).join(".");
      const isMissing = issue.code === "invalid_type" && getPath(raw, path) === undefined;
      if (isMissing) {
        const hint = path.every((p) => typeof p === "string")
          ? `; set ${prefix}${envKey(path as string[])} or "${key}" in the config file`
          : "";
        issues.push({ key, message: `required${hint}`, source: "not set" });
      } else {
        issues.push({ key, message: issue.message, source: sourceOf(path) });
      }
    }
  }
  if (issues.length > 0 || !result.success) throw new ConfigError(options.service, issues);
  return result.data;
}
