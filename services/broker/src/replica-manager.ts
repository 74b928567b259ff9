/**
 * The partitions this broker hosts: one PartitionLog per partition it is a
 * replica of, opened on first use and closed (and deleted) when its topic
 * goes away. Also the signal long-polling fetches wait on.
 *
 * Topic configs are applied live: every log is opened with its topic's
 * effective configs (see topic-configs.ts: the same values DescribeConfigs
 * reports), and every metadata image change (`reconcile`) pushes the
 * changed ones to each open log, so an AlterConfigs, a per-broker override
 * or a cluster-wide default takes effect without a restart. Housekeeping
 * (`housekeep`, every `log.retention.check.interval.ms`) runs each log's
 * maintenance by those configs: roll by segment.ms, retention, compaction
 * when due, flush.ms, producer expiry. flush.ms is also checked on its own
 * timer, as often as the smallest flush.ms of an open log asks (at most
 * every 10 ms), since the housekeeping interval is usually much longer.
 */
import { rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { ErrorCode } from "@runnel/kafka-protocol";
import { type LogConfig, PartitionLog, resolveLogConfig } from "@runnel/log";
import type { MetadataImage, PartitionImage, TopicImage } from "@runnel/metadata";
import type { Clock, Logger } from "@runnel/runtime";
import { type EffectiveTopicConfig, logConfigOf, TopicConfigResolver } from "./topic-configs.js";

/** The flush.ms timer never ticks more often than this. */
const FLUSH_CHECK_MIN_MS = 10;

export interface HostedPartition {
  readonly topic: TopicImage;
  readonly partition: number;
  readonly state: PartitionImage;
  readonly log: PartitionLog;
}

export type PartitionLookup =
  | { readonly kind: "ok"; readonly hosted: HostedPartition }
  | { readonly kind: "unknown-topic" }
  | { readonly kind: "unknown-partition" }
  | { readonly kind: "not-leader"; readonly state: PartitionImage }
  /** The partition's log could not be opened (KAFKA_STORAGE_ERROR). */
  | { readonly kind: "storage-error"; readonly message: string };

/**
 * The Kafka error for a partition this broker cannot serve as leader:
 * NOT_LEADER_OR_FOLLOWER, KAFKA_STORAGE_ERROR, else UNKNOWN_TOPIC_OR_PARTITION.
 */
export function lookupErrorCode(found: Exclude<PartitionLookup, { kind: "ok" }>): number {
  switch (found.kind) {
    case "not-leader":
      return ErrorCode.NOT_LEADER_OR_FOLLOWER;
    case "storage-error":
      return ErrorCode.KAFKA_STORAGE_ERROR;
    default:
      return ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
  }
}

export class ReplicaManager {
  private readonly logs = new Map<string, Promise<PartitionLog>>();
  /** The logs that finished opening, by the same key. */
  private readonly opened = new Map<string, PartitionLog>();
  private readonly appendWaiters = new Set<() => void>();
  private readonly resolver: TopicConfigResolver;
  private readonly clock: Pick<Clock, "now" | "setTimeout">;
  private flushTimer: { cancel(): void; intervalMs: number } | null = null;
  private closed = false;

  constructor(
    private readonly o: {
      readonly nodeId: number;
      readonly dataDir: string;
      readonly image: () => MetadataImage;
      readonly logger: Logger;
      /** The broker's start-up settings under their Kafka names (`log.segment.bytes`, ...): the static layer of topic configs. */
      readonly staticConfigs?: ReadonlyMap<string, string>;
      /** The start-up `log.segment.bytes`, when `staticConfigs` does not give it. */
      readonly segmentBytes?: number;
      /** Time for the flush.ms timer; default the real clock. */
      readonly clock?: Pick<Clock, "now" | "setTimeout">;
    },
  ) {
    const statics = new Map(o.staticConfigs ?? []);
    if (o.segmentBytes !== undefined && !statics.has("log.segment.bytes")) {
      statics.set("log.segment.bytes", String(o.segmentBytes));
    }
    this.resolver = new TopicConfigResolver(o.nodeId, statics);
    this.clock = o.clock ?? {
      now: () => Date.now(),
      setTimeout: (fn, ms) => {
        const t = setTimeout(fn, ms);
        return { cancel: () => clearTimeout(t) };
      },
    };
  }

  /** A topic's effective configs in `image`, as this broker applies them (and DescribeConfigs reports them). */
  topicConfig(image: MetadataImage, topic: string): EffectiveTopicConfig {
    return this.resolver.of(image, topic);
  }

  /**
   * The log settings `topic`'s configs give in `image`. A value the log
   * cannot take (only possible for one stored before the controller checked
   * it) is left at the log's default and logged.
   */
  private logConfigFor(image: MetadataImage, topic: string): Partial<LogConfig> {
    const wanted = logConfigOf(this.topicConfig(image, topic));
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(wanted)) {
      try {
        resolveLogConfig({ [key]: value });
        out[key] = value;
      } catch (e) {
        this.o.logger.warn(
          { topic, key, value, error: String(e) },
          "topic config cannot be applied; default kept",
        );
      }
    }
    return out as Partial<LogConfig>;
  }

  /** The directory holding every partition log of this broker, as an absolute path (DescribeLogDirs names it). */
  get logDir(): string {
    return resolve(this.o.dataDir);
  }

  private dirOf(topic: TopicImage, partition: number): string {
    // Topic ids, not names: a topic deleted and created again never finds the old data.
    return join(this.o.dataDir, `${topic.key}-${partition}`);
  }

  private open(topic: TopicImage, partition: number): Promise<PartitionLog> {
    const key = `${topic.key}:${partition}`;
    let log = this.logs.get(key);
    if (log === undefined) {
      const config = this.logConfigFor(this.o.image(), topic.name);
      log = PartitionLog.open(this.dirOf(topic, partition), config, { clock: () => this.clock.now() }).then(
        (l) => {
          this.o.logger.info(
            { topic: topic.name, partition, logEndOffset: l.logEndOffset.toString() },
            "partition log opened",
          );
          if (this.logs.get(key) === log) {
            this.opened.set(key, l);
            // The image may have changed while the log opened.
            this.applyTopicConfigs(this.o.image());
          }
          return l;
        },
      );
      this.logs.set(key, log);
      log.catch(() => this.logs.delete(key));
    }
    return log;
  }

  /** The partition as its leader sees it, if this broker leads it. */
  async leaderPartition(topic: TopicImage | undefined, partition: number): Promise<PartitionLookup> {
    if (topic === undefined) return { kind: "unknown-topic" };
    const state = topic.partitions[partition];
    if (state === undefined) return { kind: "unknown-partition" };
    if (state.leader !== this.o.nodeId) return { kind: "not-leader", state };
    try {
      return { kind: "ok", hosted: { topic, partition, state, log: await this.open(topic, partition) } };
    } catch (e) {
      this.o.logger.error(
        { topic: topic.name, partition, error: String(e) },
        "partition log cannot be opened",
      );
      return { kind: "storage-error", message: e instanceof Error ? e.message : String(e) };
    }
  }

  /** Wakes fetches waiting for data. */
  notifyAppend(): void {
    for (const w of this.appendWaiters) w();
  }

  /** Resolves at the next append anywhere, or after `ms`, or when `signal` aborts. */
  waitForAppend(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.appendWaiters.delete(done);
        signal.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.appendWaiters.add(done);
      signal.addEventListener("abort", done);
    });
  }

  /**
   * Follows a new metadata image: closes and deletes the logs of partitions
   * whose topic is gone, and pushes changed topic configs to the others.
   */
  async reconcile(image: MetadataImage): Promise<void> {
    this.applyTopicConfigs(image);
    for (const [key, log] of [...this.logs]) {
      const [topicKey] = key.split(":");
      if (topicKey !== undefined && image.topics.has(topicKey)) continue;
      this.logs.delete(key);
      this.opened.delete(key);
      try {
        const l = await log;
        await l.close();
        await rm(l.dir, { recursive: true, force: true });
        this.o.logger.info({ dir: l.dir }, "partition of a deleted topic removed");
      } catch (e) {
        this.o.logger.warn({ key, error: String(e) }, "could not remove a deleted partition");
      }
    }
  }

  /**
   * Pushes each open log's topic configs from `image` to it when they
   * changed, then re-arms the flush.ms timer.
   */
  private applyTopicConfigs(image: MetadataImage): void {
    if (this.closed) return;
    for (const [key, log] of this.opened) {
      const [topicKey, partition] = key.split(":");
      const topic = topicKey === undefined ? undefined : image.topics.get(topicKey);
      if (topic === undefined) continue;
      const wanted = this.logConfigFor(image, topic.name);
      const changes: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(wanted)) {
        const current = log.config[k as keyof LogConfig];
        if (String(current) !== String(v)) changes[k] = v;
      }
      if (Object.keys(changes).length === 0) continue;
      try {
        log.updateConfig(changes as Partial<LogConfig>);
        this.o.logger.info(
          { topic: topic.name, partition, changes },
          "topic configs applied to the partition log",
        );
      } catch (e) {
        this.o.logger.warn({ topic: topic.name, partition, error: String(e) }, "topic configs not applied");
      }
    }
    this.armFlushTimer();
  }

  /** Runs flush.ms checks as often as the smallest flush.ms of an open log asks; stops when none sets one. */
  private armFlushTimer(): void {
    let smallest = Number.MAX_SAFE_INTEGER;
    for (const log of this.opened.values()) smallest = Math.min(smallest, log.config.flushMs);
    const intervalMs = smallest >= Number.MAX_SAFE_INTEGER ? null : Math.max(FLUSH_CHECK_MIN_MS, smallest);
    if (this.flushTimer !== null && this.flushTimer.intervalMs === intervalMs) return;
    this.flushTimer?.cancel();
    this.flushTimer = null;
    if (intervalMs === null || this.closed) return;
    const tick = async () => {
      const now = this.clock.now();
      for (const [key, log] of [...this.opened]) {
        try {
          await log.flushIfDue(now);
        } catch (e) {
          this.o.logger.warn({ key, error: String(e) }, "flush.ms flush failed");
        }
      }
      if (this.flushTimer === timer) {
        this.flushTimer = null;
        this.armFlushTimer();
      }
    };
    const handle = this.clock.setTimeout(() => void tick(), intervalMs);
    const timer = { cancel: () => handle.cancel(), intervalMs };
    this.flushTimer = timer;
  }

  /**
   * One round of log housekeeping over every open partition log, by its
   * topic's configs (pushed again first, in case an image change is still
   * on its way here): see `PartitionLog.maintain`. The log runs each step on
   * its own queue, so this never races appends. Failures are logged; the
   * next round tries again.
   */
  async housekeep(now: number): Promise<void> {
    const image = this.o.image();
    this.applyTopicConfigs(image);
    for (const [key, pending] of [...this.logs]) {
      const [topicKey] = key.split(":");
      const topic = topicKey === undefined ? undefined : image.topics.get(topicKey);
      if (topic === undefined) continue;
      try {
        const log = await pending;
        const report = await log.maintain(now);
        if (report.rolled || (report.retention?.segmentsDeleted ?? 0) > 0 || report.compaction !== null) {
          this.o.logger.info(
            {
              topic: topic.name,
              key,
              rolled: report.rolled,
              segmentsDeleted: report.retention?.segmentsDeleted ?? 0,
              logStartOffset: log.logStartOffset.toString(),
              segmentsCompacted: report.compaction?.segmentsCleaned ?? 0,
            },
            "log housekeeping",
          );
        }
      } catch (e) {
        this.o.logger.warn({ key, error: String(e) }, "log housekeeping failed");
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.flushTimer?.cancel();
    this.flushTimer = null;
    for (const log of this.logs.values()) {
      try {
        await (await log).close();
      } catch {
        // Closing at shutdown: nothing more to do.
      }
    }
    this.logs.clear();
    this.opened.clear();
  }
}
