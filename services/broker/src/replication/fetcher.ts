/**
 * The follower side of replication: one fetch loop per leader broker,
 * fetching every partition this broker follows from it over
 * ReplicationService.ReplicaFetch (Kafka's replica fetcher threads).
 *
 * Each fetch names the follower's log end as the fetch offset and the
 * latest epoch in its leader-epoch cache as the last fetched epoch. The
 * answer is, per partition:
 * - records: appended as they are (offsets and epochs kept), then the high
 *   watermark becomes min(the leader's, the log end) and the log start
 *   follows the leader's;
 * - a diverging epoch: the follower's log holds records the leader's does
 *   not. It truncates to where the two agree: the leader's end offset for
 *   that epoch, or its own end for the largest epoch it has at most that
 *   one, whichever is smaller (KIP-320); an answer with no epoch (the
 *   leader knows none at most the one asked) falls back to the high
 *   watermark, as Kafka's follower does;
 * - OFFSET_OUT_OF_RANGE: below the leader's log start, the follower empties
 *   its log and starts again there; beyond the leader's log end, it
 *   truncates to the leader's high watermark;
 * - a fenced or unknown leader epoch, or not the leader: the partition
 *   waits for the metadata image to name its leader again.
 *
 * Catching up from far behind is throttled per broker
 * (`replicationThrottleBytesPerSec`): partitions outside the ISR fetch
 * only while the bytes they fetched in the last second stay under the
 * rate, and ask for no more than what is left of it (at least one batch
 * comes anyway), so rebuilding a replica cannot take all the bandwidth
 * from the partitions that clients are waiting on.
 */
import { create } from "@bufbuild/protobuf";
import { ErrorCode } from "@runnel/kafka-protocol";
import { isLogStorageError } from "@runnel/log";
import type { MetadataImage } from "@runnel/metadata";
import {
  createClient,
  grpcTransport,
  ReplicaFetchPartitionSchema,
  type ReplicaFetchResponse,
  ReplicationService,
  type Transport,
} from "@runnel/rpc";
import type { Logger } from "@runnel/runtime";
import type { Partition } from "./partition.js";

/** The listener name a broker registers its replication endpoint under. */
export const REPLICATION_LISTENER = "REPLICATION";

export interface FetcherOptions {
  readonly nodeId: number;
  readonly brokerEpoch: () => bigint | null;
  readonly image: () => MetadataImage;
  readonly logger: Logger;
  /** Called after records were appended to a followed partition (wakes waiting fetches). */
  readonly onAppend: () => void;
  /** `replica.fetch.wait.max.ms` */
  readonly maxWaitMs?: number;
  /** `replica.fetch.max.bytes` per partition */
  readonly partitionMaxBytes?: number;
  /** `replica.fetch.response.max.bytes` */
  readonly maxBytes?: number;
  /** `replica.fetch.backoff.ms` */
  readonly backoffMs?: number;
  /** Bytes per second a replica outside the ISR may fetch at; 0 for no limit. */
  readonly throttleBytesPerSec?: number;
}

interface Followed {
  readonly partition: Partition;
  /** The leader epoch this follower fetches at. */
  readonly leaderEpoch: number;
  /** Not fetched before this time (ms) after an error. */
  delayedUntil: number;
}

const key = (p: Partition) => `${p.topic.key}:${p.index}`;

/** Every leader's fetch loop. */
export class ReplicaFetchers {
  private readonly loops = new Map<number, LeaderFetchLoop>();
  private readonly throttle: ByteRate;

  constructor(private readonly o: FetcherOptions) {
    this.throttle = new ByteRate(o.throttleBytesPerSec ?? 0);
  }

  /** Fetches `partition` from its current leader at its current leader epoch (moving it off any other leader). */
  follow(partition: Partition): void {
    for (const [leader, loop] of this.loops) {
      if (leader !== partition.leaderId) loop.remove(partition);
    }
    let loop = this.loops.get(partition.leaderId);
    if (loop === undefined) {
      loop = new LeaderFetchLoop(partition.leaderId, this.o, this.throttle);
      this.loops.set(partition.leaderId, loop);
      loop.start();
    }
    loop.add(partition);
  }

  /** Stops fetching `partition`. */
  unfollow(partition: Partition): void {
    for (const loop of this.loops.values()) loop.remove(partition);
  }

  close(): void {
    for (const loop of this.loops.values()) loop.stop();
    this.loops.clear();
  }
}

class LeaderFetchLoop {
  private readonly partitions = new Map<string, Followed>();
  private stopped = false;
  private readonly abort = new AbortController();
  private wake: (() => void) | null = null;
  private transport: { address: string; transport: Transport } | null = null;

  constructor(
    private readonly leaderId: number,
    private readonly o: FetcherOptions,
    private readonly throttle: ByteRate,
  ) {}

  add(partition: Partition): void {
    const current = this.partitions.get(key(partition));
    if (
      current !== undefined &&
      current.leaderEpoch === partition.leaderEpoch &&
      current.partition === partition
    )
      return;
    this.partitions.set(key(partition), { partition, leaderEpoch: partition.leaderEpoch, delayedUntil: 0 });
    this.wake?.();
  }

  remove(partition: Partition): void {
    const current = this.partitions.get(key(partition));
    if (current?.partition === partition) this.partitions.delete(key(partition));
  }

  start(): void {
    void this.run();
  }

  stop(): void {
    this.stopped = true;
    this.abort.abort();
    this.wake?.();
    this.transport?.transport.close();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }

  private endpoint(): string | null {
    const broker = this.o.image().brokers.get(this.leaderId);
    const e = broker?.endpoints.find((x) => x.name === REPLICATION_LISTENER);
    return e === undefined ? null : `${e.host}:${e.port}`;
  }

  private clientFor(address: string) {
    if (this.transport?.address !== address) {
      this.transport?.transport.close();
      this.transport = { address, transport: grpcTransport(address) };
    }
    return createClient(ReplicationService, this.transport.transport);
  }

  private async run(): Promise<void> {
    const backoffMs = this.o.backoffMs ?? 1_000;
    while (!this.stopped) {
      const now = Date.now();
      const ready = [...this.partitions.values()].filter(
        (f) =>
          f.delayedUntil <= now &&
          f.partition.role === "follower" &&
          f.partition.leaderEpoch === f.leaderEpoch,
      );
      // Replicas outside the ISR (catching up) fetch only within the throttle's budget.
      const budget = this.throttle.remaining(now);
      const inIsr = (f: Followed) => f.partition.isr.includes(this.o.nodeId);
      const allowed = ready.filter((f) => inIsr(f) || budget > 0);
      const epoch = this.o.brokerEpoch();
      const address = this.endpoint();
      if (allowed.length === 0 || epoch === null || address === null) {
        const soonest = Math.min(
          ...[...this.partitions.values()].map((f) => f.delayedUntil - now).filter((d) => d > 0),
          ready.length > allowed.length ? 100 : backoffMs,
        );
        await this.sleep(Math.max(10, soonest));
        continue;
      }
      const sent = allowed.map((f) => ({ f, fetchOffset: f.partition.log.logEndOffset }));
      const partitionMaxBytes = this.o.partitionMaxBytes ?? 1024 * 1024;
      let response: ReplicaFetchResponse;
      try {
        response = await this.clientFor(address).replicaFetch(
          {
            replicaId: this.o.nodeId,
            brokerEpoch: epoch,
            maxWaitMs: this.o.maxWaitMs ?? 500,
            minBytes: 1,
            maxBytes: this.o.maxBytes ?? 10 * 1024 * 1024,
            partitions: sent.map(({ f, fetchOffset }) =>
              create(ReplicaFetchPartitionSchema, {
                topicId: f.partition.topic.id,
                partition: f.partition.index,
                currentLeaderEpoch: f.leaderEpoch,
                fetchOffset,
                lastFetchedEpoch: f.partition.log.latestLeaderEpoch,
                logStartOffset: f.partition.log.logStartOffset,
                partitionMaxBytes: inIsr(f)
                  ? partitionMaxBytes
                  : Math.max(1, Math.min(partitionMaxBytes, budget)),
              }),
            ),
          },
          { signal: this.abort.signal, timeoutMs: (this.o.maxWaitMs ?? 500) + 10_000 },
        );
      } catch (e) {
        if (this.stopped) return;
        this.o.logger.debug({ leader: this.leaderId, address, error: String(e) }, "replica fetch failed");
        await this.sleep(backoffMs);
        continue;
      }
      if (response.errorCode !== ErrorCode.NONE) {
        this.o.logger.info({ leader: this.leaderId, errorCode: response.errorCode }, "replica fetch refused");
        await this.sleep(backoffMs);
        continue;
      }
      let appended = false;
      // Partitions are independent (each has its own log and order): apply their answers together.
      await Promise.all(
        sent.map(async ({ f, fetchOffset }, i) => {
          const result = response.partitions[i];
          if (result === undefined) return;
          try {
            const bytes = await this.handle(f, fetchOffset, result);
            if (bytes > 0) {
              appended = true;
              if (!f.partition.isr.includes(this.o.nodeId)) this.throttle.record(Date.now(), bytes);
            }
          } catch (e) {
            f.delayedUntil = Date.now() + backoffMs;
            this.o.logger.warn(
              { topic: f.partition.topic.name, partition: f.partition.index, error: String(e) },
              isLogStorageError(e) ? "follower log failed" : "replica fetch answer not applied",
            );
          }
        }),
      );
      if (appended) this.o.onAppend();
    }
  }

  /** Applies one partition's answer; returns the record bytes appended. */
  private handle(
    f: Followed,
    fetchOffset: bigint,
    result: ReplicaFetchResponse["partitions"][number],
  ): Promise<number> {
    const p = f.partition;
    return p.exclusive(async () => {
      // The partition moved on (new leader epoch, or this broker leads it now): drop the answer.
      if (p.role !== "follower" || p.leaderEpoch !== f.leaderEpoch || this.partitions.get(key(p)) !== f)
        return 0;
      const where = { topic: p.topic.name, partition: p.index, leader: this.leaderId };
      switch (result.errorCode) {
        case ErrorCode.NONE:
          break;
        case ErrorCode.OFFSET_OUT_OF_RANGE:
          if (fetchOffset < result.logStartOffset) {
            this.o.logger.info(
              { ...where, fetchOffset: String(fetchOffset), leaderLogStart: String(result.logStartOffset) },
              "follower behind the leader's log start: starting again there",
            );
            await p.log.truncateFullyAndStartAt(result.logStartOffset);
          } else {
            this.o.logger.info(
              { ...where, fetchOffset: String(fetchOffset), to: String(result.highWatermark) },
              "follower beyond the leader's log end: truncating to its high watermark",
            );
            await p.log.truncateTo(result.highWatermark);
          }
          p.clampHighWatermark();
          return 0;
        case ErrorCode.UNKNOWN_LEADER_EPOCH:
          // The leader has not seen this epoch yet: try again shortly.
          f.delayedUntil = Date.now() + 100;
          return 0;
        default:
          // Fenced, not the leader, unknown topic: wait for the image to say more.
          f.delayedUntil = Date.now() + (this.o.backoffMs ?? 1_000);
          return 0;
      }
      const div = result.divergingEpoch;
      if (div !== undefined && (div.epoch >= 0 || div.endOffset >= 0n)) {
        let to: bigint;
        if (div.epoch < 0 || div.endOffset < 0n) {
          to = p.highWatermark;
        } else {
          const mine = await p.log.endOffsetForEpoch(div.epoch);
          to =
            mine.leaderEpoch < 0 || mine.endOffset < 0n ? div.endOffset : min(div.endOffset, mine.endOffset);
        }
        if (to < p.log.logEndOffset) {
          this.o.logger.info(
            {
              ...where,
              logEndOffset: String(p.log.logEndOffset),
              to: String(to),
              divergingEpoch: div.epoch,
              leaderEndOffset: String(div.endOffset),
            },
            "follower log diverges from the leader's: truncating",
          );
          await p.log.truncateTo(to);
          p.clampHighWatermark();
        }
        return 0;
      }
      let appended = 0;
      if (result.records.byteLength > 0 && p.log.logEndOffset === fetchOffset) {
        await p.log.append(result.records, { leaderEpoch: -1, assignOffsets: false });
        appended = result.records.byteLength;
      }
      if (result.logStartOffset > p.log.logStartOffset) {
        await p.log.deleteRecordsBefore(min(result.logStartOffset, p.log.logEndOffset));
      }
      p.updateFollowerHighWatermark(result.highWatermark);
      return appended;
    });
  }
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

/** Bytes fetched in the last second, against a per-second limit (0: none). */
class ByteRate {
  private readonly events: { at: number; bytes: number }[] = [];
  private total = 0;
  constructor(private readonly perSec: number) {}

  record(now: number, bytes: number): void {
    if (this.perSec <= 0) return;
    this.events.push({ at: now, bytes });
    this.total += bytes;
  }

  /** Bytes still allowed in the current second (unbounded without a limit). */
  remaining(now: number): number {
    if (this.perSec <= 0) return Number.MAX_SAFE_INTEGER;
    while (this.events.length > 0 && (this.events[0] as { at: number }).at <= now - 1_000) {
      this.total -= (this.events.shift() as { bytes: number }).bytes;
    }
    return this.perSec - this.total;
  }
}
