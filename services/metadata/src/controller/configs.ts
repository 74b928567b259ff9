/**
 * The config schema: which topic and broker config keys the controller accepts, and which
 * values. Unknown keys and malformed values are refused with INVALID_CONFIG, as Kafka does,
 * so a typo never lands silently in the log. Unclean leader election is off in Runnel, so
 * turning it on is a POLICY_VIOLATION.
 *
 * Broker configs are the dynamic ones Kafka lets an operator change at run time, set either
 * for one broker (resource name = its id) or as the cluster default (resource name "").
 */
import { type ControllerError, controllerError } from "./errors.js";

type ValueKind =
  | { readonly kind: "long"; readonly min: number }
  | { readonly kind: "int"; readonly min: number }
  | { readonly kind: "ratio" }
  | { readonly kind: "boolean" }
  | { readonly kind: "enum"; readonly values: readonly string[] }
  | { readonly kind: "list"; readonly values: readonly string[] };

const INT32_MAX = 2 ** 31 - 1;

const long = (min: number): ValueKind => ({ kind: "long", min });
const int = (min: number): ValueKind => ({ kind: "int", min });
const BOOLEAN: ValueKind = { kind: "boolean" };
const COMPRESSION: ValueKind = {
  kind: "enum",
  values: ["uncompressed", "zstd", "lz4", "snappy", "gzip", "producer"],
};
const CLEANUP_POLICY: ValueKind = { kind: "list", values: ["delete", "compact"] };
const TIMESTAMP_TYPE: ValueKind = { kind: "enum", values: ["CreateTime", "LogAppendTime"] };

/** Topic-level configs (Kafka's TopicConfig), with the values each accepts. */
export const TOPIC_CONFIGS: ReadonlyMap<string, ValueKind> = new Map([
  ["cleanup.policy", CLEANUP_POLICY],
  ["compression.type", COMPRESSION],
  ["delete.retention.ms", long(0)],
  ["file.delete.delay.ms", long(0)],
  ["flush.messages", long(1)],
  ["flush.ms", long(0)],
  ["index.interval.bytes", int(0)],
  ["local.retention.bytes", long(-2)],
  ["local.retention.ms", long(-2)],
  ["max.compaction.lag.ms", long(1)],
  ["max.message.bytes", int(0)],
  ["message.timestamp.after.max.ms", long(0)],
  ["message.timestamp.before.max.ms", long(0)],
  ["message.timestamp.type", TIMESTAMP_TYPE],
  ["min.cleanable.dirty.ratio", { kind: "ratio" }],
  ["min.compaction.lag.ms", long(0)],
  ["min.insync.replicas", int(1)],
  ["preallocate", BOOLEAN],
  ["remote.storage.enable", BOOLEAN],
  ["retention.bytes", long(-1)],
  ["retention.ms", long(-1)],
  ["segment.bytes", int(14)],
  ["segment.index.bytes", int(4)],
  ["segment.jitter.ms", long(0)],
  ["segment.ms", long(1)],
  ["unclean.leader.election.enable", BOOLEAN],
]);

/** Dynamic broker configs (per broker or cluster default). */
export const BROKER_CONFIGS: ReadonlyMap<string, ValueKind> = new Map([
  ["compression.type", COMPRESSION],
  ["log.cleanup.policy", CLEANUP_POLICY],
  ["log.local.retention.bytes", long(-2)],
  ["log.local.retention.ms", long(-2)],
  ["log.message.timestamp.type", TIMESTAMP_TYPE],
  ["log.retention.bytes", long(-1)],
  ["log.retention.ms", long(-1)],
  ["log.segment.bytes", int(14)],
  ["message.max.bytes", int(0)],
  ["min.insync.replicas", int(1)],
  ["unclean.leader.election.enable", BOOLEAN],
]);

/** Longest config value accepted, in characters: a bound on what one record carries. */
export const CONFIG_VALUE_CHARS_MAX = 4096;

const UNCLEAN_KEYS = new Set(["unclean.leader.election.enable"]);

/** Checks one key and value against a schema; undefined when it is acceptable. */
export function checkConfig(
  schema: ReadonlyMap<string, ValueKind>,
  what: string,
  key: string,
  value: string,
): ControllerError | undefined {
  const kind = schema.get(key);
  if (kind === undefined) return controllerError("INVALID_CONFIG", `Unknown ${what} config name: ${key}.`);
  const bad = () => controllerError("INVALID_CONFIG", `Invalid value "${value}" for ${what} config ${key}.`);
  if (value.length > CONFIG_VALUE_CHARS_MAX) {
    return controllerError(
      "INVALID_CONFIG",
      `The value of ${key} is longer than ${CONFIG_VALUE_CHARS_MAX} characters.`,
    );
  }
  switch (kind.kind) {
    case "long":
    case "int": {
      if (!/^-?[0-9]+$/.test(value)) return bad();
      const n = BigInt(value);
      const max = kind.kind === "int" ? BigInt(INT32_MAX) : 2n ** 63n - 1n;
      if (n < BigInt(kind.min) || n > max) return bad();
      break;
    }
    case "ratio": {
      const n = Number(value);
      if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n > 1) return bad();
      break;
    }
    case "boolean":
      if (value !== "true" && value !== "false") return bad();
      break;
    case "enum":
      if (!kind.values.includes(value)) return bad();
      break;
    case "list": {
      const items = value.split(",").map((s) => s.trim());
      if (items.length === 0 || !items.every((item) => kind.values.includes(item))) return bad();
      break;
    }
  }
  if (UNCLEAN_KEYS.has(key) && value === "true") {
    return controllerError(
      "POLICY_VIOLATION",
      "Unclean leader election is off in Runnel and cannot be enabled.",
    );
  }
  return undefined;
}
