/**
 * The config definitions the broker describes: every topic config Kafka 3.9
 * lists for a topic, and the broker configs this broker has, each with its
 * type, Kafka's default and a line of documentation; plus the broker's
 * start-up settings under their Kafka names.
 *
 * Kafka rules kept here:
 * - A topic config without a value of its own takes its broker-level synonym
 *   (`retention.ms` ← `log.retention.ms`, `log.retention.minutes`,
 *   `log.retention.hours`); `brokerSynonyms` lists them in Kafka's order, the
 *   first being the one a dynamic override sets.
 * - A broker config is read-only unless it can be changed at run time; which
 *   ones can is the controller's schema (`BROKER_CONFIGS`), so the two never
 *   disagree. Likewise which configs are LIST configs (comma-separated, the
 *   ones APPEND and SUBTRACT change) and their defaults come from the
 *   controller's schema (`listConfigDefault`), which works those operations
 *   out.
 * - Only PASSWORD configs are sensitive (none here); their values are never
 *   sent.
 *
 * Every topic config listed is applied (see topic-configs.ts) or says in its
 * documentation why it has no effect here; values that cannot be honoured
 * (remote.storage.enable=true, preallocate=true, unclean leader election)
 * are refused by the controller.
 */
import { BROKER_CONFIGS, listConfigDefault, TOPIC_CONFIGS } from "@runnel/metadata";

/** DescribeConfigs' `config_type` (KIP-569). */
export const ConfigType = {
  UNKNOWN: 0,
  BOOLEAN: 1,
  STRING: 2,
  INT: 3,
  SHORT: 4,
  LONG: 5,
  DOUBLE: 6,
  LIST: 7,
  CLASS: 8,
  PASSWORD: 9,
} as const;
export type ConfigTypeId = (typeof ConfigType)[keyof typeof ConfigType];

/** DescribeConfigs' `config_source` (KIP-226). */
export const ConfigSource = {
  UNKNOWN: 0,
  DYNAMIC_TOPIC_CONFIG: 1,
  DYNAMIC_BROKER_CONFIG: 2,
  DYNAMIC_DEFAULT_BROKER_CONFIG: 3,
  STATIC_BROKER_CONFIG: 4,
  DEFAULT_CONFIG: 5,
  DYNAMIC_BROKER_LOGGER_CONFIG: 6,
} as const;
export type ConfigSourceId = (typeof ConfigSource)[keyof typeof ConfigSource];

export interface ConfigDef {
  readonly name: string;
  readonly type: ConfigTypeId;
  /** Kafka's default as Kafka prints it; null for a config without one. */
  readonly default: string | null;
  readonly doc: string;
}

export interface TopicConfigDef extends ConfigDef {
  /** The broker configs a topic without its own value falls back to, in Kafka's order. */
  readonly brokerSynonyms: readonly string[];
}

export interface BrokerConfigDef extends ConfigDef {
  /** The config and its other spellings (`log.retention.ms`, `.minutes`, `.hours`), in Kafka's order. */
  readonly synonyms: readonly string[];
  /** Whether DescribeConfigs reports it read-only: not changeable at run time. */
  readonly readOnly: boolean;
}

const LONG_MAX = "9223372036854775807";
const { BOOLEAN, STRING, INT, LONG, DOUBLE, LIST } = ConfigType;

/** The type and default of a LIST config, as the controller's schema defines them. */
function list(schema: typeof TOPIC_CONFIGS, name: string): readonly [type: ConfigTypeId, def: string] {
  const def = listConfigDefault(schema, name);
  if (def === undefined) throw new Error(`${name} is not a LIST config in the controller's schema`);
  return [LIST, def];
}

/** A definition says LIST exactly when the controller's schema does: a mismatch is a programmer error. */
function checkListType(schema: typeof TOPIC_CONFIGS, name: string, type: ConfigTypeId): void {
  if ((type === LIST) !== (listConfigDefault(schema, name) !== undefined)) {
    throw new Error(`${name}: its type here and the controller's schema disagree on whether it is a LIST`);
  }
}

type TopicRow = readonly [
  name: string,
  type: ConfigTypeId,
  def: string | null,
  synonyms: string[],
  doc: string,
];

const TOPIC_ROWS: readonly TopicRow[] = [
  [
    "cleanup.policy",
    ...list(TOPIC_CONFIGS, "cleanup.policy"),
    ["log.cleanup.policy"],
    'How old data leaves the log: "delete" drops whole segments past the retention limits, "compact" keeps the newest record of each key; both may be listed.',
  ],
  [
    "compression.gzip.level",
    INT,
    "-1",
    ["compression.gzip.level"],
    "The gzip level used when compression.type is gzip; -1 is the codec's default.",
  ],
  [
    "compression.lz4.level",
    INT,
    "9",
    ["compression.lz4.level"],
    "The lz4 level used when compression.type is lz4. Accepted but without effect in Runnel: its lz4 encoder has a single level.",
  ],
  [
    "compression.type",
    STRING,
    "producer",
    ["compression.type"],
    'The codec batches are stored with: a codec name, "uncompressed", or "producer" to keep whatever the producer sent.',
  ],
  [
    "compression.zstd.level",
    INT,
    "3",
    ["compression.zstd.level"],
    "The zstd level used when compression.type is zstd.",
  ],
  [
    "delete.retention.ms",
    LONG,
    "86400000",
    ["log.cleaner.delete.retention.ms"],
    "In a compacted topic, how long a tombstone (a record with a null value) is kept after compaction reaches it, so consumers can see the delete.",
  ],
  [
    "file.delete.delay.ms",
    LONG,
    "60000",
    ["log.segment.delete.delay.ms"],
    "How long a segment removed from the log waits before its files are deleted. Runnel deletes them at once, which is equivalent: its reads copy the bytes out before a deletion can run, so no read ever holds a deleted file.",
  ],
  [
    "flush.messages",
    LONG,
    LONG_MAX,
    ["log.flush.interval.messages"],
    "Force an fsync after this many records are appended; the default leaves flushing to the OS and durability to replication.",
  ],
  [
    "flush.ms",
    LONG,
    LONG_MAX,
    ["log.flush.interval.ms", "log.flush.scheduler.interval.ms"],
    "Force an fsync once this long has passed since the last one with records waiting; the default leaves flushing to the OS.",
  ],
  [
    "follower.replication.throttled.replicas",
    ...list(TOPIC_CONFIGS, "follower.replication.throttled.replicas"),
    [],
    'Replicas whose follower-side replication is throttled, as partition:broker pairs, or "*" for all. No effect: Runnel throttles every replica catching up from outside the ISR, at the broker\'s follower.replication.throttled.rate, whatever this lists.',
  ],
  [
    "index.interval.bytes",
    INT,
    "4096",
    ["log.index.interval.bytes"],
    "How many bytes of records lie between two entries of the offset index.",
  ],
  [
    "leader.replication.throttled.replicas",
    ...list(TOPIC_CONFIGS, "leader.replication.throttled.replicas"),
    [],
    'Replicas whose leader-side replication is throttled, as partition:broker pairs, or "*" for all. No effect: Runnel throttles on the follower side only (see follower.replication.throttled.replicas).',
  ],
  [
    "local.retention.bytes",
    LONG,
    "-2",
    ["log.local.retention.bytes"],
    "With tiered storage, the bytes a partition keeps on local disk; -2 means retention.bytes. No effect: tiered storage cannot be enabled in Runnel, so retention.bytes applies.",
  ],
  [
    "local.retention.ms",
    LONG,
    "-2",
    ["log.local.retention.ms"],
    "With tiered storage, how long segments stay on local disk; -2 means retention.ms. No effect: tiered storage cannot be enabled in Runnel, so retention.ms applies.",
  ],
  [
    "max.compaction.lag.ms",
    LONG,
    LONG_MAX,
    ["log.cleaner.max.compaction.lag.ms"],
    "The longest a record may stay uncompacted in a compacted topic.",
  ],
  [
    "max.message.bytes",
    INT,
    "1048588",
    ["message.max.bytes"],
    "The largest record batch the topic accepts, after compression.",
  ],
  [
    "message.downconversion.enable",
    BOOLEAN,
    "true",
    ["log.message.downconversion.enable"],
    "Whether fetches by old consumers may be answered with records converted to an older format. No effect in Runnel: every Fetch version it serves reads record batch v2, so nothing is ever converted.",
  ],
  [
    "message.format.version",
    STRING,
    "3.0-IV1",
    ["log.message.format.version"],
    "Deprecated: the record format version; ignored from Kafka 3.0 on, where batches are always v2.",
  ],
  [
    "message.timestamp.after.max.ms",
    LONG,
    LONG_MAX,
    ["log.message.timestamp.after.max.ms"],
    "How far past the broker's clock a CreateTime timestamp may be before the batch is refused.",
  ],
  [
    "message.timestamp.before.max.ms",
    LONG,
    LONG_MAX,
    ["log.message.timestamp.before.max.ms"],
    "How far before the broker's clock a CreateTime timestamp may be before the batch is refused.",
  ],
  [
    "message.timestamp.difference.max.ms",
    LONG,
    LONG_MAX,
    ["log.message.timestamp.difference.max.ms"],
    "Deprecated in favour of message.timestamp.before.max.ms and message.timestamp.after.max.ms: the largest difference allowed between a CreateTime timestamp and the broker's clock.",
  ],
  [
    "message.timestamp.type",
    STRING,
    "CreateTime",
    ["log.message.timestamp.type"],
    "Which timestamp records carry: CreateTime (the producer's) or LogAppendTime (the broker's at append).",
  ],
  [
    "min.cleanable.dirty.ratio",
    DOUBLE,
    "0.5",
    ["log.cleaner.min.cleanable.ratio"],
    "The share of a compacted log that must be uncompacted before the cleaner runs on it.",
  ],
  [
    "min.compaction.lag.ms",
    LONG,
    "0",
    ["log.cleaner.min.compaction.lag.ms"],
    "The shortest time a record stays uncompacted in a compacted topic.",
  ],
  [
    "min.insync.replicas",
    INT,
    "1",
    ["min.insync.replicas"],
    "With acks=all, how many in-sync replicas must hold a write before it is acknowledged.",
  ],
  [
    "preallocate",
    BOOLEAN,
    "false",
    ["log.preallocate"],
    "Whether a new segment's file is allocated in full when the segment is created. Runnel never preallocates: true is refused.",
  ],
  [
    "remote.log.copy.disable",
    BOOLEAN,
    "false",
    [],
    "With tiered storage, stop copying segments to remote storage while keeping what is there readable. No effect: tiered storage cannot be enabled in Runnel.",
  ],
  [
    "remote.log.delete.on.disable",
    BOOLEAN,
    "false",
    [],
    "With tiered storage, delete the remote copy when tiered storage is turned off for the topic. No effect: tiered storage cannot be enabled in Runnel.",
  ],
  [
    "remote.storage.enable",
    BOOLEAN,
    "false",
    [],
    "Whether the topic's segments are tiered to remote storage. Runnel has no tiered storage: true is refused.",
  ],
  [
    "retention.bytes",
    LONG,
    "-1",
    ["log.retention.bytes"],
    'With the "delete" policy, the most bytes a partition keeps before its oldest segments are dropped; -1 for no limit.',
  ],
  [
    "retention.ms",
    LONG,
    "604800000",
    ["log.retention.ms", "log.retention.minutes", "log.retention.hours"],
    'With the "delete" policy, how long records are kept before their segment is dropped; -1 for no limit.',
  ],
  [
    "segment.bytes",
    INT,
    "1073741824",
    ["log.segment.bytes"],
    "The size at which a partition's active segment is closed and a new one started.",
  ],
  [
    "segment.index.bytes",
    INT,
    "10485760",
    ["log.index.size.max.bytes"],
    "The size of a segment's offset and time indexes.",
  ],
  [
    "segment.jitter.ms",
    LONG,
    "0",
    ["log.roll.jitter.ms", "log.roll.jitter.hours"],
    "A random amount subtracted from segment.ms, so segments of many partitions do not roll together.",
  ],
  [
    "segment.ms",
    LONG,
    "604800000",
    ["log.roll.ms", "log.roll.hours"],
    "The age at which a partition's active segment is closed even if not full, so retention and compaction can reach it.",
  ],
  [
    "unclean.leader.election.enable",
    BOOLEAN,
    "false",
    ["unclean.leader.election.enable"],
    "Whether a replica outside the ISR may become leader, at the cost of losing acknowledged records. Always off in Runnel.",
  ],
];

/** Every topic config Kafka 3.9 lists for a topic, by name. */
export const TOPIC_CONFIG_DEFS: ReadonlyMap<string, TopicConfigDef> = new Map(
  TOPIC_ROWS.map(([name, type, def, brokerSynonyms, doc]) => {
    checkListType(TOPIC_CONFIGS, name, type);
    return [name, { name, type, default: def, brokerSynonyms, doc }];
  }),
);

type BrokerRow = readonly [
  name: string,
  type: ConfigTypeId,
  def: string | null,
  doc: string,
  synonyms?: string[],
];

const BROKER_ROWS: readonly BrokerRow[] = [
  // The broker-level defaults of the topic configs.
  ["compression.gzip.level", INT, "-1", "The default compression.gzip.level of topics."],
  [
    "compression.lz4.level",
    INT,
    "9",
    "The default compression.lz4.level of topics (no effect: the lz4 encoder has a single level).",
  ],
  ["compression.type", STRING, "producer", "The default compression.type of topics."],
  ["compression.zstd.level", INT, "3", "The default compression.zstd.level of topics."],
  ["log.cleaner.delete.retention.ms", LONG, "86400000", "The default delete.retention.ms of topics."],
  ["log.cleaner.max.compaction.lag.ms", LONG, LONG_MAX, "The default max.compaction.lag.ms of topics."],
  ["log.cleaner.min.cleanable.ratio", DOUBLE, "0.5", "The default min.cleanable.dirty.ratio of topics."],
  ["log.cleaner.min.compaction.lag.ms", LONG, "0", "The default min.compaction.lag.ms of topics."],
  [
    "log.cleanup.policy",
    ...list(BROKER_CONFIGS, "log.cleanup.policy"),
    "The default cleanup.policy of topics.",
  ],
  ["log.flush.interval.messages", LONG, LONG_MAX, "The default flush.messages of topics."],
  [
    "log.flush.interval.ms",
    LONG,
    null,
    "The default flush.ms of topics; when unset, log.flush.scheduler.interval.ms.",
    ["log.flush.interval.ms", "log.flush.scheduler.interval.ms"],
  ],
  [
    "log.flush.scheduler.interval.ms",
    LONG,
    LONG_MAX,
    "How often the flusher checks whether a log needs an fsync.",
  ],
  ["log.index.interval.bytes", INT, "4096", "The default index.interval.bytes of topics."],
  ["log.index.size.max.bytes", INT, "10485760", "The default segment.index.bytes of topics."],
  ["log.local.retention.bytes", LONG, "-2", "The default local.retention.bytes of topics."],
  ["log.local.retention.ms", LONG, "-2", "The default local.retention.ms of topics."],
  [
    "log.message.downconversion.enable",
    BOOLEAN,
    "true",
    "The default message.downconversion.enable of topics (no effect: nothing is ever down-converted).",
  ],
  [
    "log.message.format.version",
    STRING,
    "3.0-IV1",
    "Deprecated: the default message.format.version of topics.",
  ],
  [
    "log.message.timestamp.after.max.ms",
    LONG,
    LONG_MAX,
    "The default message.timestamp.after.max.ms of topics.",
  ],
  [
    "log.message.timestamp.before.max.ms",
    LONG,
    LONG_MAX,
    "The default message.timestamp.before.max.ms of topics.",
  ],
  [
    "log.message.timestamp.difference.max.ms",
    LONG,
    LONG_MAX,
    "Deprecated: the default message.timestamp.difference.max.ms of topics.",
  ],
  ["log.message.timestamp.type", STRING, "CreateTime", "The default message.timestamp.type of topics."],
  [
    "log.preallocate",
    BOOLEAN,
    "false",
    "The default preallocate of topics; Runnel never preallocates, so true is refused.",
  ],
  ["log.retention.bytes", LONG, "-1", "The default retention.bytes of topics."],
  [
    "log.retention.hours",
    INT,
    "168",
    "The default retention of topics in hours, used when neither log.retention.ms nor log.retention.minutes is set.",
  ],
  [
    "log.retention.minutes",
    INT,
    null,
    "The default retention of topics in minutes, used when log.retention.ms is not set.",
  ],
  [
    "log.retention.ms",
    LONG,
    null,
    "The default retention.ms of topics; when unset, log.retention.minutes, then log.retention.hours.",
    ["log.retention.ms", "log.retention.minutes", "log.retention.hours"],
  ],
  [
    "log.roll.hours",
    INT,
    "168",
    "The default segment roll age of topics in hours, used when log.roll.ms is not set.",
  ],
  [
    "log.roll.jitter.hours",
    INT,
    "0",
    "The default segment roll jitter of topics in hours, used when log.roll.jitter.ms is not set.",
  ],
  [
    "log.roll.jitter.ms",
    LONG,
    null,
    "The default segment.jitter.ms of topics; when unset, log.roll.jitter.hours.",
    ["log.roll.jitter.ms", "log.roll.jitter.hours"],
  ],
  [
    "log.roll.ms",
    LONG,
    null,
    "The default segment.ms of topics; when unset, log.roll.hours.",
    ["log.roll.ms", "log.roll.hours"],
  ],
  [
    "log.segment.bytes",
    INT,
    "1073741824",
    "The default segment.bytes of topics, and the size at which this broker rolls segments.",
  ],
  [
    "log.segment.delete.delay.ms",
    LONG,
    "60000",
    "The default file.delete.delay.ms of topics (Runnel deletes segment files at once, which is equivalent).",
  ],
  ["message.max.bytes", INT, "1048588", "The default max.message.bytes of topics."],
  ["min.insync.replicas", INT, "1", "The default min.insync.replicas of topics."],
  [
    "unclean.leader.election.enable",
    BOOLEAN,
    "false",
    "The default unclean.leader.election.enable of topics; always off in Runnel.",
  ],
  // The broker's own start-up settings.
  [
    "auto.create.topics.enable",
    BOOLEAN,
    "true",
    "Whether a Metadata request may create a topic it names that does not exist.",
  ],
  ["broker.id", INT, "-1", "This broker's id; the same as node.id."],
  ["broker.rack", STRING, null, "The rack (availability zone) of this broker, reported to clients."],
  [
    "default.replication.factor",
    INT,
    "1",
    "The replication factor of auto-created topics and of CreateTopics asking for -1.",
  ],
  [
    "group.initial.rebalance.delay.ms",
    INT,
    "3000",
    "How long the coordinator waits for more members before the first rebalance of a new group.",
  ],
  ["group.max.session.timeout.ms", INT, "1800000", "The longest session timeout a group member may ask for."],
  ["group.min.session.timeout.ms", INT, "6000", "The shortest session timeout a group member may ask for."],
  ["log.dirs", STRING, null, "The directory holding this broker's partition logs."],
  [
    "log.retention.check.interval.ms",
    LONG,
    "300000",
    "How often retention, compaction and producer expiry run over the logs.",
  ],
  [
    "max.incremental.fetch.session.cache.slots",
    INT,
    "1000",
    "How many incremental fetch sessions (KIP-227) this broker keeps.",
  ],
  ["node.id", INT, "-1", "This broker's node id."],
  [
    "num.partitions",
    INT,
    "1",
    "The partition count of auto-created topics and of CreateTopics asking for -1.",
  ],
  ["offsets.retention.minutes", INT, "10080", "How long committed offsets of an empty group are kept."],
  [
    "offsets.commit.timeout.ms",
    INT,
    "5000",
    "How long an offset commit waits for the in-sync replicas of its __consumer_offsets partition.",
  ],
  [
    "offsets.topic.replication.factor",
    INT,
    "3",
    "The replication factor of __consumer_offsets when it is created (creation waits for that many brokers).",
  ],
  [
    "replica.lag.time.max.ms",
    LONG,
    "30000",
    "A follower that has not caught up with its leader for this long leaves the ISR.",
  ],
  [
    "replica.fetch.wait.max.ms",
    INT,
    "500",
    "How long a follower's fetch waits at the leader for new records.",
  ],
  [
    "follower.replication.throttled.rate",
    LONG,
    "0",
    "Bytes per second this broker fetches at for replicas catching up from outside the ISR; 0 for no limit.",
  ],
  [
    "offsets.topic.num.partitions",
    INT,
    "50",
    "The partition count of __consumer_offsets when it is created.",
  ],
  ["socket.request.max.bytes", INT, "104857600", "The largest request this broker reads."],
];

/** The broker configs this broker describes, by name. */
export const BROKER_CONFIG_DEFS: ReadonlyMap<string, BrokerConfigDef> = new Map(
  BROKER_ROWS.map(([name, type, def, doc, synonyms]) => {
    checkListType(BROKER_CONFIGS, name, type);
    return [
      name,
      { name, type, default: def, doc, synonyms: synonyms ?? [name], readOnly: !BROKER_CONFIGS.has(name) },
    ];
  }),
);

/** Whether a broker config can be set at run time (per broker or as the cluster default). */
export function isDynamicBrokerConfig(name: string): boolean {
  return BROKER_CONFIGS.has(name);
}

/** The broker settings DescribeConfigs reports, under the names the broker's config schema gives them. */
export interface StaticBrokerSettings {
  readonly nodeId: number;
  readonly zone: string;
  readonly autoCreateTopics: boolean;
  readonly defaultPartitions: number;
  readonly defaultReplicationFactor: number;
  readonly maxFrameBytes: number;
  readonly logRetentionCheckIntervalMs: number;
  readonly offsetsTopicPartitions: number;
  readonly groupInitialRebalanceDelayMs: number;
  readonly groupMinSessionTimeoutMs: number;
  readonly groupMaxSessionTimeoutMs: number;
  readonly offsetsRetentionMs: number;
  readonly segmentBytes: number;
  readonly maxIncrementalFetchSessionCacheSlots?: number;
  readonly minInsyncReplicas?: number;
  readonly offsetsTopicReplicationFactor?: number;
  readonly offsetsCommitTimeoutMs?: number;
  readonly replicaLagTimeMaxMs?: number;
  readonly replicaFetchWaitMaxMs?: number;
  readonly replicationThrottleBytesPerSec?: number;
}

/**
 * The broker's start-up settings under their Kafka names, as DescribeConfigs
 * reports them (`log.dirs` comes from the replica manager, which owns the
 * directory). Kafka reports a setting as STATIC_BROKER_CONFIG when its
 * properties file sets it; the broker's config does not say which settings
 * were given, so a setting equal to Kafka's default is left to read as
 * DEFAULT_CONFIG.
 */
const optional = (n: number | undefined): string | undefined => (n === undefined ? undefined : String(n));

export function staticBrokerConfigs(s: StaticBrokerSettings): ReadonlyMap<string, string> {
  const all: [string, string | undefined][] = [
    ["node.id", String(s.nodeId)],
    ["broker.id", String(s.nodeId)],
    ["broker.rack", s.zone === "" ? undefined : s.zone],
    ["auto.create.topics.enable", String(s.autoCreateTopics)],
    ["num.partitions", String(s.defaultPartitions)],
    ["default.replication.factor", String(s.defaultReplicationFactor)],
    ["socket.request.max.bytes", String(s.maxFrameBytes)],
    ["log.retention.check.interval.ms", String(s.logRetentionCheckIntervalMs)],
    ["offsets.topic.num.partitions", String(s.offsetsTopicPartitions)],
    ["group.initial.rebalance.delay.ms", String(s.groupInitialRebalanceDelayMs)],
    ["group.min.session.timeout.ms", String(s.groupMinSessionTimeoutMs)],
    ["group.max.session.timeout.ms", String(s.groupMaxSessionTimeoutMs)],
    ["log.segment.bytes", String(s.segmentBytes)],
    // Kafka counts offsets retention in whole minutes; a setting that is not one is left out.
    [
      "offsets.retention.minutes",
      s.offsetsRetentionMs % 60_000 === 0 ? String(s.offsetsRetentionMs / 60_000) : undefined,
    ],
    [
      "max.incremental.fetch.session.cache.slots",
      s.maxIncrementalFetchSessionCacheSlots === undefined
        ? undefined
        : String(s.maxIncrementalFetchSessionCacheSlots),
    ],
    ["min.insync.replicas", optional(s.minInsyncReplicas)],
    ["offsets.topic.replication.factor", optional(s.offsetsTopicReplicationFactor)],
    ["offsets.commit.timeout.ms", optional(s.offsetsCommitTimeoutMs)],
    ["replica.lag.time.max.ms", optional(s.replicaLagTimeMaxMs)],
    ["replica.fetch.wait.max.ms", optional(s.replicaFetchWaitMaxMs)],
    ["follower.replication.throttled.rate", optional(s.replicationThrottleBytesPerSec)],
  ];
  return new Map(
    all.filter(
      (e): e is [string, string] => e[1] !== undefined && e[1] !== BROKER_CONFIG_DEFS.get(e[0])?.default,
    ),
  );
}
