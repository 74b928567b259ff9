/**
 * The partitions this broker hosts: one PartitionLog per partition it is a
 * replica of, opened on first use and closed (and deleted) when its topic
 * goes away. Also the signal long-polling fetches wait on.
 */
import { rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { PartitionLog } from "@runnel/log";
import type { MetadataImage, PartitionImage, TopicImage } from "@runnel/metadata";
import type { Logger } from "@runnel/runtime";
import { topicConfig } from "./topic-configs.js";

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

export class ReplicaManager {
  private readonly logs = new Map<string, Promise<PartitionLog>>();
  private readonly appendWaiters = new Set<() => void>();

  constructor(
    private readonly o: {
      readonly nodeId: number;
      readonly dataDir: string;
      readonly image: () => MetadataImage;
      readonly logger: Logger;
      /** Roll segments at this size (`log.segment.bytes`). */
      readonly segmentBytes: number;
    },
  ) {}

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
      log = PartitionLog.open(this.dirOf(topic, partition), { segmentBytes: this.o.segmentBytes }).then(
        (l) => {
          this.o.logger.info(
            { topic: topic.name, partition, logEndOffset: l.logEndOffset.toString() },
            "partition log opened",
          );
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

  /** Closes and deletes the logs of partitions whose topic is gone from the image. */
  async reconcile(image: MetadataImage): Promise<void> {
    for (const [key, log] of [...this.logs]) {
      const [topicKey] = key.split(":");
      if (topicKey !== undefined && image.topics.has(topicKey)) continue;
      this.logs.delete(key);
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
   * One round of log housekeeping over every open partition log: retention by
   * time and bytes (`retention.ms`, `retention.bytes`; whole closed segments),
   * compaction for `cleanup.policy=compact` (`delete.retention.ms`), and
   * forgetting idle producers. The log runs each on its own queue, so this
   * never races appends. Failures are logged; the next round tries again.
   */
  async housekeep(now: number): Promise<void> {
    const image = this.o.image();
    for (const [key, pending] of [...this.logs]) {
      const [topicKey] = key.split(":");
      const topic = topicKey === undefined ? undefined : image.topics.get(topicKey);
      if (topic === undefined) continue;
      const configs = image.topicConfigs.get(topic.name);
      try {
        const log = await pending;
        const policies = topicConfig(configs, "cleanup.policy").split(",");
        if (policies.includes("delete")) {
          await log.applyRetention({
            retentionMs: Number(topicConfig(configs, "retention.ms")),
            retentionBytes: Number(topicConfig(configs, "retention.bytes")),
            now,
          });
        }
        if (policies.includes("compact")) {
          await log.compact({ deleteRetentionMs: Number(topicConfig(configs, "delete.retention.ms")), now });
        }
        await log.expireProducers(now);
      } catch (e) {
        this.o.logger.warn({ key, error: String(e) }, "log housekeeping failed");
      }
    }
  }

  async close(): Promise<void> {
    for (const log of this.logs.values()) {
      try {
        await (await log).close();
      } catch {
        // Closing at shutdown: nothing more to do.
      }
    }
    this.logs.clear();
  }
}
