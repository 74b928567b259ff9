/**
 * The config schema: which topic and broker config keys the controller accepts, and which
 * values. Unknown keys and malformed values are refused with INVALID_CONFIG, as Kafka does,
 * so a typo never lands silently in the log. Unclean leader election is off in Runnel, so
 * turning it on is a POLICY_VIOLATION. Values Kafka accepts but Runnel cannot honour are
 * INVALID_CONFIG with the reason, so a setting is never accepted and then ignored:
 * `remote.storage.enable=true` (no tiered storage: Kafka's own refusal when the broker's
 * remote storage system is off) and `preallocate=true` / `log.preallocate=true` (segment files
 * grow as they are written).
 *
 * Broker configs are the dynamic ones Kafka lets an operator change at run time, set either
 * for one broker (resource name = its id) or as the cluster default (resource name "").
 *
 * Which configs are LIST configs (comma-separated, taking IncrementalAlterConfigs' APPEND and
 * SUBTRACT) and their Kafka defaults are defined here only; the broker's DescribeConfigs
 * definitions take them from `listConfigDefault`.
 */
import { type ControllerError, controllerError } from "./errors.js";

type ValueKind =
  | { readonly kind: "long"; readonly min: number }
  | {
      readonly kind: "int";
      readonly min: number;
      readonly max?: number;
      /** Values accepted outside [min, max] (gzip's -1, "the codec's default"). */
      readonly also?: readonly number[];
    }
  | { readonly kind: "ratio" }
  | { readonly kind: "boolean" }
  | { readonly kind: "enum"; readonly values: readonly string[] }
  /**
   * A comma-separated list of some of `values`; the empty list is accepted, as Kafka 3.9 does.
   * `default` is Kafka's default, where APPEND and SUBTRACT start when the key has no value.
   */
  | { readonly kind: "list"; readonly values: readonly string[]; readonly default: string }
  /** A throttled-replica list: "", "*", or `partition:broker` pairs separated by commas; Kafka's default is "". */
  | { readonly kind: "throttled" }
  /** A Kafka release or metadata version (`message.format.version`), e.g. 2.8 or 3.0-IV1. */
  | { readonly kind: "version" };

const INT32_MAX = 2 ** 31 - 1;

const long = (min: number): ValueKind => ({ kind: "long", min });
const int = (min: number, max?: number, also?: readonly number[]): ValueKind => ({
  kind: "int",
  min,
  ...(max === undefined ? {} : { max }),
  ...(also === undefined ? {} : { also }),
});
const BOOLEAN: ValueKind = { kind: "boolean" };
const COMPRESSION: ValueKind = {
  kind: "enum",
  values: ["uncompressed", "zstd", "lz4", "snappy", "gzip", "producer"],
};
const CLEANUP_POLICY: ValueKind = { kind: "list", values: ["delete", "compact"], default: "delete" };
const TIMESTAMP_TYPE: ValueKind = { kind: "enum", values: ["CreateTime", "LogAppendTime"] };
const THROTTLED: ValueKind = { kind: "throttled" };
// Compression levels as Kafka bounds them: gzip 1-9 (or -1, the codec's default), lz4 1-17,
// zstd -131072 to 22.
const GZIP_LEVEL = int(1, 9, [-1]);
const LZ4_LEVEL = int(1, 17);
const ZSTD_LEVEL = int(-131072, 22);

/** Topic-level configs (Kafka's TopicConfig), with the values each accepts. */
export const TOPIC_CONFIGS: ReadonlyMap<string, ValueKind> = new Map([
  ["cleanup.policy", CLEANUP_POLICY],
  ["compression.gzip.level", GZIP_LEVEL],
  ["compression.lz4.level", LZ4_LEVEL],
  ["compression.type", COMPRESSION],
  ["compression.zstd.level", ZSTD_LEVEL],
  ["delete.retention.ms", long(0)],
  ["file.delete.delay.ms", long(0)],
  ["flush.messages", long(1)],
  ["flush.ms", long(0)],
  ["follower.replication.throttled.replicas", THROTTLED],
  ["index.interval.bytes", int(0)],
  ["leader.replication.throttled.replicas", THROTTLED],
  ["local.retention.bytes", long(-2)],
  ["local.retention.ms", long(-2)],
  ["max.compaction.lag.ms", long(1)],
  ["max.message.bytes", int(0)],
  ["message.downconversion.enable", BOOLEAN],
  ["message.format.version", { kind: "version" }],
  ["message.timestamp.after.max.ms", long(0)],
  ["message.timestamp.before.max.ms", long(0)],
  ["message.timestamp.difference.max.ms", long(0)],
  ["message.timestamp.type", TIMESTAMP_TYPE],
  ["min.cleanable.dirty.ratio", { kind: "ratio" }],
  ["min.compaction.lag.ms", long(0)],
  ["min.insync.replicas", int(1)],
  ["preallocate", BOOLEAN],
  ["remote.log.copy.disable", BOOLEAN],
  ["remote.log.delete.on.disable", BOOLEAN],
  ["remote.storage.enable", BOOLEAN],
  ["retention.bytes", long(-1)],
  ["retention.ms", long(-1)],
  ["segment.bytes", int(14)],
  ["segment.index.bytes", int(4)],
  ["segment.jitter.ms", long(0)],
  ["segment.ms", long(1)],
  ["unclean.leader.election.enable", BOOLEAN],
]);

/**
 * Dynamic broker configs (per broker or cluster default): as in Kafka, the broker-level
 * synonym of every topic config that has one, except the read-only hour and minute forms and
 * `log.message.format.version`.
 */
export const BROKER_CONFIGS: ReadonlyMap<string, ValueKind> = new Map([
  ["compression.gzip.level", GZIP_LEVEL],
  ["compression.lz4.level", LZ4_LEVEL],
  ["compression.type", COMPRESSION],
  ["compression.zstd.level", ZSTD_LEVEL],
  ["log.cleaner.delete.retention.ms", long(0)],
  ["log.cleaner.max.compaction.lag.ms", long(1)],
  ["log.cleaner.min.cleanable.ratio", { kind: "ratio" }],
  ["log.cleaner.min.compaction.lag.ms", long(0)],
  ["log.cleanup.policy", CLEANUP_POLICY],
  ["log.flush.interval.messages", long(1)],
  ["log.flush.interval.ms", long(0)],
  ["log.index.interval.bytes", int(0)],
  ["log.index.size.max.bytes", int(4)],
  ["log.local.retention.bytes", long(-2)],
  ["log.local.retention.ms", long(-2)],
  ["log.message.downconversion.enable", BOOLEAN],
  ["log.message.timestamp.after.max.ms", long(0)],
  ["log.message.timestamp.before.max.ms", long(0)],
  ["log.message.timestamp.difference.max.ms", long(0)],
  ["log.message.timestamp.type", TIMESTAMP_TYPE],
  ["log.preallocate", BOOLEAN],
  ["log.retention.bytes", long(-1)],
  ["log.retention.ms", long(-1)],
  ["log.roll.jitter.ms", long(0)],
  ["log.roll.ms", long(1)],
  ["log.segment.bytes", int(14)],
  ["log.segment.delete.delay.ms", long(0)],
  ["message.max.bytes", int(0)],
  ["min.insync.replicas", int(1)],
  ["unclean.leader.election.enable", BOOLEAN],
]);

/** Longest config value accepted, in characters: a bound on what one record carries. */
export const CONFIG_VALUE_CHARS_MAX = 4096;

const UNCLEAN_KEYS = new Set(["unclean.leader.election.enable"]);

const NO_PREALLOCATION =
  "is not supported: Runnel's segment files grow as they are written and are never preallocated.";

/** Valid values Runnel cannot honour, by key: the value and why it is refused. */
const UNHONOURED_VALUES: ReadonlyMap<string, { readonly value: string; readonly reason: string }> = new Map([
  [
    "remote.storage.enable",
    {
      value: "true",
      reason:
        "Tiered Storage functionality is disabled in the broker. Topic cannot be configured with remote log storage.",
    },
  ],
  ["preallocate", { value: "true", reason: `preallocate=true ${NO_PREALLOCATION}` }],
  ["log.preallocate", { value: "true", reason: `log.preallocate=true ${NO_PREALLOCATION}` }],
]);

/**
 * Kafka's default of a LIST config (comma-separated, the only type APPEND and SUBTRACT take),
 * or undefined when `key` is not a LIST config of `schema`. The broker takes which configs are
 * lists, and their defaults, from here.
 */
export function listConfigDefault(schema: ReadonlyMap<string, ValueKind>, key: string): string | undefined {
  const kind = schema.get(key);
  if (kind?.kind === "list") return kind.default;
  if (kind?.kind === "throttled") return "";
  return undefined;
}

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
      const max = kind.kind === "int" ? BigInt(kind.max ?? INT32_MAX) : 2n ** 63n - 1n;
      const also = kind.kind === "int" ? (kind.also ?? []) : [];
      if ((n < BigInt(kind.min) || n > max) && !also.some((a) => BigInt(a) === n)) return bad();
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
      if (value.trim() === "") break;
      const items = value.split(",").map((s) => s.trim());
      if (!items.every((item) => kind.values.includes(item))) return bad();
      break;
    }
    case "throttled": {
      const v = value.trim();
      if (v === "" || v === "*") break;
      if (!v.split(",").every((item) => /^[0-9]+:[0-9]+$/.test(item.trim()))) return bad();
      break;
    }
    case "version":
      if (!/^[0-9]+\.[0-9]+(\.[0-9]+)?(-IV[0-9]+)?$/.test(value)) return bad();
      break;
  }
  const unhonoured = UNHONOURED_VALUES.get(key);
  if (unhonoured !== undefined && unhonoured.value === value) {
    return controllerError("INVALID_CONFIG", unhonoured.reason);
  }
  if (UNCLEAN_KEYS.has(key) && value === "true") {
    return controllerError(
      "POLICY_VIOLATION",
      "Unclean leader election is off in Runnel and cannot be enabled.",
    );
  }
  return undefined;
}
