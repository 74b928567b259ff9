/**
 * The partitions this broker hosts: one PartitionLog per partition it is a
 * replica of, wrapped in a `Partition` that holds its replication role
 * (see replication/partition.ts), opened when the metadata image names this
 * broker a replica (or on first use) and closed (and deleted) when its topic
 * goes away. Also the signal long-polling fetches wait on.
 *
 * Replication: every metadata image is reconciled in order, one at a time
 * (`reconcile`): each partition this broker is a replica of takes its state
 * from the image, becoming leader (the new epoch assigned in the log first)
 * or follower, and the follower fetchers (replication/fetcher.ts) fetch
 * what this broker follows from each leader. Leaders answer the followers'
 * fetches (replication/leader.ts), keep the high watermark, and shrink or
 * expand the ISR through the controller (replication/isr.ts), checking for
 * lagging followers every half `replica.lag.time.max.ms`. Roles are taken
 * only from images the broker has caught up to (its own registration
 * applied): a restarted broker replaying the log must not act on the
 * leaderships of its past. A request handler may see an image before it
 * was reconciled: `leaderPartition` applies the partition's state itself
 * first, so a broker named leader serves at once.
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
import { type MetadataImage, type PartitionImage, type TopicImage, topicKey } from "@runnel/metadata";
import type { ControllerService, LeaderClient } from "@runnel/rpc";
import type { Clock, Logger } from "@runnel/runtime";
import { ReplicaFetchers } from "./replication/fetcher.js";
import { IsrChanges } from "./replication/isr.js";
import { Partition } from "./replication/partition.js";
import { type EffectiveTopicConfig, logConfigOf, TopicConfigResolver } from "./topic-configs.js";

/** The flush.ms timer never ticks more often than this. */
const FLUSH_CHECK_MIN_MS = 10;

export interface HostedPartition {
  readonly topic: TopicImage;
  readonly partition: number;
  readonly state: PartitionImage;
  readonly log: PartitionLog;
  /** The replica's replication state: leader epoch, ISR, high watermark. */
  readonly replica: Partition;
}

/** A partition this broker leads, looked up by topic id for a follower's fetch. */
export type LeaderLookup =
  | { readonly kind: "ok"; readonly partition: Partition }
  | { readonly kind: "unknown-topic" }
  | { readonly kind: "unknown-partition" }
  | { readonly kind: "not-leader" }
  | { readonly kind: "storage-error"; readonly message: string };

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
  private readonly logs = new Map<string, Promise<Partition>>();
  /** The replicas whose log finished opening, by the same key. */
  private readonly partitions = new Map<string, Partition>();
  private readonly fetchers: ReplicaFetchers | null;
  private readonly isrChanges: IsrChanges | null;
  private reconciling: Promise<void> = Promise.resolve();
  /** Whether an image this broker caught up to has been reconciled (roles apply only from then on). */
  private caughtUp = false;
  private isrTimer: { cancel(): void } | null = null;
  private readonly appendWaiters = new Set<() => void>();
  private appends = 0;
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
      /** Replication with other brokers; without it this broker only leads (unit tests). */
      readonly replication?: {
        readonly controller: LeaderClient<typeof ControllerService>;
        /** This broker's epoch, once registered. */
        readonly brokerEpoch: () => bigint | null;
        /** `replica.lag.time.max.ms` */
        readonly lagTimeMaxMs: number;
        /** `replica.fetch.wait.max.ms` */
        readonly fetchWaitMaxMs?: number;
        /** Bytes per second a replica outside the ISR may fetch at; 0 for no limit. */
        readonly throttleBytesPerSec?: number;
      };
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
    const r = o.replication;
    this.fetchers =
      r === undefined
        ? null
        : new ReplicaFetchers({
            nodeId: o.nodeId,
            brokerEpoch: r.brokerEpoch,
            image: o.image,
            logger: o.logger.child({ component: "replica-fetcher" }),
            onAppend: () => this.notifyAppend(),
            ...(r.fetchWaitMaxMs !== undefined ? { maxWaitMs: r.fetchWaitMaxMs } : {}),
            ...(r.throttleBytesPerSec !== undefined ? { throttleBytesPerSec: r.throttleBytesPerSec } : {}),
          });
    this.isrChanges =
      r === undefined
        ? null
        : new IsrChanges({
            nodeId: o.nodeId,
            controller: r.controller,
            brokerEpoch: r.brokerEpoch,
            logger: o.logger.child({ component: "isr" }),
          });
    if (r !== undefined) this.scheduleIsrCheck(Math.max(100, Math.floor(r.lagTimeMaxMs / 2)));
  }

  /** The metadata image this broker follows. */
  image(): MetadataImage {
    return this.o.image();
  }

  /** Every half replica.lag.time.max.ms: followers not caught up for longer leave the ISR. */
  private scheduleIsrCheck(everyMs: number): void {
    if (this.closed) return;
    this.isrTimer = this.clock.setTimeout(() => {
      const now = this.clock.now();
      const lag = this.o.replication?.lagTimeMaxMs ?? Number.MAX_SAFE_INTEGER;
      const checks = [...this.partitions.values()]
        .filter((p) => p.role === "leader")
        .map((p) => this.isrChanges?.shrinkIfLagging(p, now, lag));
      void Promise.allSettled(checks).finally(() => this.scheduleIsrCheck(everyMs));
    }, everyMs);
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

  private open(topic: TopicImage, partition: number): Promise<Partition> {
    const key = `${topic.key}:${partition}`;
    let opening = this.logs.get(key);
    if (opening === undefined) {
      const config = this.logConfigFor(this.o.image(), topic.name);
      opening = PartitionLog.open(this.dirOf(topic, partition), config, {
        clock: () => this.clock.now(),
      }).then((l) => {
        this.o.logger.info(
          { topic: topic.name, partition, logEndOffset: l.logEndOffset.toString() },
          "partition log opened",
        );
        const replica = new Partition(topic, partition, l, this.o.nodeId);
        if (this.logs.get(key) === opening) {
          this.partitions.set(key, replica);
          // The image may have changed while the log opened.
          this.applyTopicConfigs(this.o.image());
        }
        return replica;
      });
      this.logs.set(key, opening);
      opening.catch(() => this.logs.delete(key));
    }
    return opening;
  }

  /** Brings the replica's role up to `state` (a no-op when it is there already or further). */
  private async applyState(replica: Partition, state: PartitionImage): Promise<void> {
    const change = await replica.exclusive(() => replica.applyState(state, this.clock.now()));
    if (change === "became-leader") {
      this.fetchers?.unfollow(replica);
      this.o.logger.info(
        {
          topic: replica.topic.name,
          partition: replica.index,
          leaderEpoch: replica.leaderEpoch,
          isr: [...replica.isr],
          logEndOffset: String(replica.log.logEndOffset),
          highWatermark: String(replica.highWatermark),
        },
        "became leader",
      );
    } else if (change === "became-follower") {
      this.o.logger.info(
        {
          topic: replica.topic.name,
          partition: replica.index,
          leader: replica.leaderId,
          leaderEpoch: replica.leaderEpoch,
          logEndOffset: String(replica.log.logEndOffset),
        },
        "became follower",
      );
    }
    if (replica.role === "follower") this.fetchers?.follow(replica);
    else if (replica.role === "none") this.fetchers?.unfollow(replica);
  }

  /** The partition as its leader sees it, if this broker leads it. */
  async leaderPartition(topic: TopicImage | undefined, partition: number): Promise<PartitionLookup> {
    if (topic === undefined) return { kind: "unknown-topic" };
    const state = topic.partitions[partition];
    if (state === undefined) return { kind: "unknown-partition" };
    if (state.leader !== this.o.nodeId) return { kind: "not-leader", state };
    // Not caught up with the metadata log yet: this may be a leadership of the past.
    if (this.o.replication !== undefined && !this.caughtUp) return { kind: "not-leader", state };
    let replica: Partition;
    try {
      replica = await this.open(topic, partition);
    } catch (e) {
      this.o.logger.error(
        { topic: topic.name, partition, error: String(e) },
        "partition log cannot be opened",
      );
      return { kind: "storage-error", message: e instanceof Error ? e.message : String(e) };
    }
    if (!replica.leadsAt(state.leaderEpoch)) {
      try {
        await this.applyState(replica, state);
      } catch (e) {
        return { kind: "storage-error", message: e instanceof Error ? e.message : String(e) };
      }
    }
    // The image moved past this request's view (a newer leader epoch applied): not the leader it asked.
    if (!replica.leadsAt(state.leaderEpoch)) return { kind: "not-leader", state };
    return { kind: "ok", hosted: { topic, partition, state, log: replica.log, replica } };
  }

  /**
   * The partition as a consumer may read it here: from its leader, or (KIP-392,
   * `fromFollower`) from a follower at the leader epoch the image names.
   */
  async readablePartition(
    topic: TopicImage | undefined,
    partition: number,
    fromFollower: boolean,
  ): Promise<PartitionLookup> {
    const led = await this.leaderPartition(topic, partition);
    if (led.kind !== "not-leader" || !fromFollower || topic === undefined) return led;
    const replica = this.partitions.get(`${topic.key}:${partition}`);
    const state = led.state;
    if (replica === undefined || replica.role !== "follower" || replica.leaderEpoch !== state.leaderEpoch)
      return led;
    return { kind: "ok", hosted: { topic, partition, state, log: replica.log, replica } };
  }

  /** The partition with topic id `topicId`, if this broker leads it (a follower's fetch). */
  async replicaToLead(topicId: Uint8Array, partition: number): Promise<LeaderLookup> {
    const image = this.o.image();
    const topic = topicId.length === 16 ? image.topics.get(topicKey(topicId)) : undefined;
    if (topic === undefined) return { kind: "unknown-topic" };
    const found = await this.leaderPartition(topic, partition);
    if (found.kind === "ok") return { kind: "ok", partition: found.hosted.replica };
    if (found.kind === "storage-error") return found;
    return { kind: found.kind };
  }

  /** A follower fetched `replica` at `fetchOffset`: note it, and add the follower back to the ISR when it caught up. */
  followerFetched(replica: Partition, replicaId: number, fetchOffset: bigint): void {
    const canJoin = replica.recordFollowerFetch(replicaId, fetchOffset, this.clock.now());
    // The controller only lets active brokers join: wait until this image shows it unfenced.
    const active = this.o.image().brokers.get(replicaId);
    if (canJoin && active !== undefined && !active.fenced && !active.inControlledShutdown) {
      void this.isrChanges?.expand(replica, replicaId);
    }
  }

  /** The replica of a hosted partition, if its log is open. */
  replica(topic: TopicImage, partition: number): Partition | undefined {
    return this.partitions.get(`${topic.key}:${partition}`);
  }

  /** Wakes fetches waiting for data. */
  notifyAppend(): void {
    this.appends++;
    for (const w of this.appendWaiters) w();
  }

  /**
   * A count of appends (and high-watermark moves) so far: a fetch notes it
   * before reading, and waits with it, so an append that happens while it
   * reads is not missed.
   */
  get appendCount(): number {
    return this.appends;
  }

  /**
   * Resolves at the next append anywhere (at once if there was one since
   * `since`, an `appendCount` noted earlier), or after `ms`, or when `signal`
   * aborts.
   */
  waitForAppend(ms: number, signal: AbortSignal, since?: number): Promise<void> {
    if (since !== undefined && since !== this.appends) return Promise.resolve();
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
   * Follows a metadata image the broker has caught up to (see the top of
   * this file; earlier images of a replay must not be passed here): pushes
   * changed topic configs to open logs, applies each hosted partition's
   * role, and closes and deletes the logs of partitions whose topic is gone.
   */
  reconcile(image: MetadataImage): Promise<void> {
    const next = this.reconciling.then(() => this.doReconcile(image));
    this.reconciling = next.catch((e: unknown) => {
      this.o.logger.error({ error: String(e) }, "metadata image not reconciled");
    });
    return next;
  }

  private async doReconcile(given: MetadataImage): Promise<void> {
    if (this.closed) return;
    // Reconciles run one after another and may lag: act on the newest image, never an older one
    // than a handler already acted on (which could, say, delete a log a new topic just opened).
    const latest = this.o.image();
    const image = latest.lastOffset >= given.lastOffset ? latest : given;
    this.caughtUp = true;
    this.applyTopicConfigs(image);
    if (this.o.replication !== undefined) {
      for (const topic of image.topics.values()) {
        for (let index = 0; index < topic.partitions.length; index++) {
          const state = topic.partitions[index] as PartitionImage;
          const key = `${topic.key}:${index}`;
          if (!state.replicas.includes(this.o.nodeId) && !this.logs.has(key)) continue;
          try {
            const replica = await this.open(topic, index);
            replica.topic = topic;
            await this.applyState(replica, state);
          } catch (e) {
            this.o.logger.error(
              { topic: topic.name, partition: index, error: String(e) },
              "partition state not applied",
            );
          }
        }
      }
    }
    for (const [key, pending] of [...this.logs]) {
      const [topicKey] = key.split(":");
      // Checked against the newest image: a topic created meanwhile keeps its log.
      if (topicKey !== undefined && this.o.image().topics.has(topicKey)) continue;
      this.logs.delete(key);
      this.partitions.delete(key);
      try {
        const replica = await pending;
        this.fetchers?.unfollow(replica);
        const l = replica.log;
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
    for (const [key, { log }] of this.partitions) {
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
    for (const { log } of this.partitions.values()) smallest = Math.min(smallest, log.config.flushMs);
    const intervalMs = smallest >= Number.MAX_SAFE_INTEGER ? null : Math.max(FLUSH_CHECK_MIN_MS, smallest);
    if (this.flushTimer !== null && this.flushTimer.intervalMs === intervalMs) return;
    this.flushTimer?.cancel();
    this.flushTimer = null;
    if (intervalMs === null || this.closed) return;
    const tick = async () => {
      const now = this.clock.now();
      for (const [key, { log }] of [...this.partitions]) {
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
        const { log } = await pending;
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
    this.isrTimer?.cancel();
    this.fetchers?.close();
    for (const pending of this.logs.values()) {
      try {
        await (await pending).log.close();
      } catch {
        // Closing at shutdown: nothing more to do.
      }
    }
    this.logs.clear();
    this.partitions.clear();
  }
}
