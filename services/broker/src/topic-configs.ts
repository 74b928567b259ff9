/**
 * Topic configs as the broker applies them. Every value comes from
 * `resolveTopicConfig` (config-view.ts), the same function DescribeConfigs
 * reports with: the topic's own value, then the broker-level synonym set for
 * this broker, then the cluster-wide default (broker resource ""), then the
 * broker's start-up setting, then Kafka's default. So what a client reads
 * with DescribeConfigs is what the broker does.
 *
 * Where each config takes effect:
 * - the partition log (`logConfigOf`, pushed live by the replica manager):
 *   segment.bytes, segment.ms, segment.jitter.ms, segment.index.bytes,
 *   index.interval.bytes, cleanup.policy, retention.ms, retention.bytes,
 *   delete.retention.ms, min.compaction.lag.ms, max.compaction.lag.ms,
 *   min.cleanable.dirty.ratio, flush.messages, flush.ms;
 * - Produce (`produceConfigOf`): max.message.bytes, message.timestamp.type,
 *   message.timestamp.before.max.ms and .after.max.ms (falling back to the
 *   deprecated message.timestamp.difference.max.ms while they are unset, as
 *   Kafka 3.9 does), compression.type with compression.gzip.level and
 *   compression.zstd.level, min.insync.replicas, and cleanup.policy's
 *   keyed-records rule.
 * - No effect needed: file.delete.delay.ms (segment files can be deleted at
 *   once here, see the partition log), message.format.version (ignored since
 *   Kafka 3.0), message.downconversion.enable (every Fetch version served
 *   reads record batch v2, so nothing is ever converted),
 *   compression.lz4.level (the lz4 encoder has one level), the replication
 *   throttles (partitions have one replica: nothing replicates),
 *   local.retention.* and remote.log.* (tiered storage cannot be enabled:
 *   the controller refuses remote.storage.enable=true, as it refuses
 *   preallocate=true and unclean.leader.election.enable=true).
 */
import type { CompressionCodec, LogConfig, TopicCompressionType } from "@runnel/log";
import type { MetadataImage } from "@runnel/metadata";
import { TOPIC_CONFIG_DEFS } from "./config-defs.js";
import { brokerLayersOf, resolveTopicConfig } from "./config-view.js";

/** A topic's effective configs: every topic config Kafka lists, by name. */
export interface EffectiveTopicConfig {
  /** The effective value of `name`, a topic config Kafka lists ("" for one without a value). */
  get(name: string): string;
  readonly values: ReadonlyMap<string, string>;
}

/**
 * Works out a topic's effective configs from a metadata image, for this
 * broker (its id picks its per-broker overrides; `staticConfigs` are its
 * start-up settings under their Kafka names). Results are cached per image,
 * which is replaced, never changed, on every metadata update.
 */
export class TopicConfigResolver {
  private readonly cache = new WeakMap<MetadataImage, Map<string, EffectiveTopicConfig>>();

  constructor(
    private readonly nodeId: number,
    private readonly staticConfigs: ReadonlyMap<string, string>,
  ) {}

  of(image: MetadataImage, topic: string): EffectiveTopicConfig {
    let byTopic = this.cache.get(image);
    if (byTopic === undefined) {
      byTopic = new Map();
      this.cache.set(image, byTopic);
    }
    let effective = byTopic.get(topic);
    if (effective === undefined) {
      effective = effectiveTopicConfig(image, topic, this.nodeId, this.staticConfigs);
      byTopic.set(topic, effective);
    }
    return effective;
  }
}

/** A topic's effective configs, uncached. */
export function effectiveTopicConfig(
  image: MetadataImage,
  topic: string,
  nodeId: number,
  staticConfigs: ReadonlyMap<string, string>,
): EffectiveTopicConfig {
  const layers = brokerLayersOf(image.brokerConfigs, nodeId, staticConfigs);
  const own = image.topicConfigs.get(topic);
  const values = new Map<string, string>();
  for (const def of TOPIC_CONFIG_DEFS.values()) {
    values.set(def.name, resolveTopicConfig(def, own, layers).value ?? "");
  }
  return {
    values,
    get(name) {
      const v = values.get(name);
      if (v === undefined) throw new Error(`not a topic config: ${name}`);
      return v;
    },
  };
}

/** `cleanup.policy` as a list ("" is neither policy). */
export function cleanupPolicies(c: EffectiveTopicConfig): ("delete" | "compact")[] {
  return c
    .get("cleanup.policy")
    .split(",")
    .map((s) => s.trim())
    .filter((s): s is "delete" | "compact" => s === "delete" || s === "compact");
}

const SAFE_MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** A long config as a number; Kafka's Long.MAX_VALUE ("never") becomes Number.MAX_SAFE_INTEGER. */
function longOf(c: EffectiveTopicConfig, name: string): number | undefined {
  const v = c.get(name);
  if (!/^-?[0-9]+$/.test(v)) return undefined;
  const n = BigInt(v);
  return Number(n > SAFE_MAX ? SAFE_MAX : n);
}

/** The partition-log settings a topic's configs give. */
export function logConfigOf(c: EffectiveTopicConfig): Partial<LogConfig> {
  const out: { -readonly [K in keyof LogConfig]?: LogConfig[K] } = {};
  const set = <K extends keyof LogConfig>(key: K, value: LogConfig[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  set("segmentBytes", longOf(c, "segment.bytes"));
  set("segmentMs", longOf(c, "segment.ms"));
  set("segmentJitterMs", longOf(c, "segment.jitter.ms"));
  set("segmentIndexBytes", longOf(c, "segment.index.bytes"));
  set("indexIntervalBytes", longOf(c, "index.interval.bytes"));
  set("cleanupPolicy", cleanupPolicies(c));
  set("retentionMs", longOf(c, "retention.ms"));
  set("retentionBytes", longOf(c, "retention.bytes"));
  set("deleteRetentionMs", longOf(c, "delete.retention.ms"));
  set("minCompactionLagMs", longOf(c, "min.compaction.lag.ms"));
  set("maxCompactionLagMs", longOf(c, "max.compaction.lag.ms"));
  const ratio = Number(c.get("min.cleanable.dirty.ratio"));
  if (c.get("min.cleanable.dirty.ratio").trim() !== "" && ratio >= 0 && ratio <= 1) {
    out.minCleanableDirtyRatio = ratio;
  }
  set("flushMessages", longOf(c, "flush.messages"));
  set("flushMs", longOf(c, "flush.ms"));
  return out;
}

/** What the Produce path checks and does by a topic's configs. */
export interface ProduceConfig {
  readonly maxMessageBytes: number;
  readonly logAppendTime: boolean;
  /** A CreateTime timestamp more than this before the broker's clock is refused. */
  readonly timestampBeforeMaxMs: bigint;
  /** A CreateTime timestamp more than this after the broker's clock is refused. */
  readonly timestampAfterMaxMs: bigint;
  readonly compressionType: TopicCompressionType;
  /** The topic's level for a codec (gzip, lz4, zstd), or undefined for the codec's default. */
  compressionLevel(codec: CompressionCodec): number | undefined;
  readonly minInsyncReplicas: number;
  /** cleanup.policy includes compact: records must carry keys. */
  readonly compacted: boolean;
}

const LONG_MAX = 2n ** 63n - 1n;

function bigintOf(c: EffectiveTopicConfig, name: string): bigint {
  const v = c.get(name);
  return /^-?[0-9]+$/.test(v) ? BigInt(v) : LONG_MAX;
}

const COMPRESSION_TYPES: readonly TopicCompressionType[] = [
  "producer",
  "uncompressed",
  "gzip",
  "snappy",
  "lz4",
  "zstd",
];

export function produceConfigOf(c: EffectiveTopicConfig): ProduceConfig {
  // Kafka 3.9: the deprecated difference.max.ms stands in while before/after keep their default.
  const difference = bigintOf(c, "message.timestamp.difference.max.ms");
  const before = bigintOf(c, "message.timestamp.before.max.ms");
  const after = bigintOf(c, "message.timestamp.after.max.ms");
  const compression = c.get("compression.type") as TopicCompressionType;
  return {
    maxMessageBytes: longOf(c, "max.message.bytes") ?? 1048588,
    logAppendTime: c.get("message.timestamp.type") === "LogAppendTime",
    timestampBeforeMaxMs: before === LONG_MAX ? difference : before,
    timestampAfterMaxMs: after === LONG_MAX ? difference : after,
    compressionType: COMPRESSION_TYPES.includes(compression) ? compression : "producer",
    compressionLevel(codec) {
      if (codec !== "gzip" && codec !== "lz4" && codec !== "zstd") return undefined;
      return longOf(c, `compression.${codec}.level`);
    },
    minInsyncReplicas: longOf(c, "min.insync.replicas") ?? 1,
    compacted: cleanupPolicies(c).includes("compact"),
  };
}
