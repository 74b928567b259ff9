/**
 * The group coordination shell: runs one pure `GroupCoordinator` per
 * `__consumer_offsets` partition this broker leads, and does its I/O.
 *
 * - Leadership: `onImage` follows the metadata image. Leading a partition (or
 *   a new leader epoch of it) starts a coordinator that loads the partition's
 *   log from start to end; losing it unloads the coordinator, which answers
 *   every waiting JoinGroup/SyncGroup with NOT_COORDINATOR. Requests for a
 *   partition being loaded get COORDINATOR_LOAD_IN_PROGRESS; for a partition
 *   this broker does not lead, NOT_COORDINATOR.
 * - Ordering: every call into one coordinator (requests, timer ticks, load,
 *   unload) runs on that coordinator's promise chain, one at a time, so its
 *   effects are applied in the order the coordinator produced them.
 * - Durability before replies: the records of a call are appended to the
 *   partition as one batch (with the partition's leader epoch) and only then
 *   are the call's replies sent. A failed append answers the call's requests
 *   NOT_COORDINATOR, discards the coordinator and loads a fresh one from what
 *   the log holds.
 * - Deferred replies: JoinGroup and SyncGroup carry a ticket; the handler
 *   waits for the reply to its ticket, which may come from a later call or a
 *   timer. A ticket whose connection has closed is still answered, and dropped.
 * - Timers: one per coordinator, re-armed from every call's `wakeAtMs`.
 * - The `__consumer_offsets` topic is created through the controller the first
 *   time a client looks for a coordinator and it is missing (compacted;
 *   replication factor 1 until replication between brokers lands).
 */
import { create } from "@bufbuild/protobuf";
import { ErrorCode, type JoinGroupResponse, type SyncGroupResponse } from "@runnel/kafka-protocol";
import type { MetadataImage, TopicImage } from "@runnel/metadata";
import { CreatableTopicSchema } from "@runnel/rpc";
import type { Clock, Logger, Timer } from "@runnel/runtime";
import type { BrokerContext } from "../context.js";
import { groupHandlers } from "../handlers/groups.js";
import type { AnyHandler, RequestContext as KafkaRequestContext } from "../kafka/server.js";
import type { ReplicaManager } from "../replica-manager.js";
import type { Partition } from "../replication/partition.js";
import {
  DEFAULT_GROUP_COORDINATOR_CONFIG,
  type Effects,
  GroupCoordinator,
  type GroupCoordinatorConfig,
  type Outcome,
  type Reply,
  type RequestContext,
} from "./coordinator.js";
import type { Ticket } from "./group.js";
import {
  encodeOffsetsBatch,
  OFFSETS_LOAD_BUFFER_BYTES_DEFAULT,
  readOffsetsPartition,
} from "./offsets-partition.js";
import { OFFSETS_TOPIC_NAME, OFFSETS_TOPIC_PARTITIONS_DEFAULT, partitionForGroup } from "./offsets-topic.js";

export interface GroupCoordinationSettings extends GroupCoordinatorConfig {
  /** `offsets.topic.num.partitions`: partitions of `__consumer_offsets` when this broker creates it. */
  readonly offsetsTopicPartitions: number;
  /** `offsets.topic.replication.factor`: its replication factor (creation fails while fewer brokers are available). */
  readonly offsetsTopicReplicationFactor: number;
  /** `offsets.commit.timeout.ms`: how long a commit waits for the in-sync replicas before it fails. */
  readonly offsetsCommitTimeoutMs: number;
  /** `offsets.topic.segment.bytes`, set as the topic's `segment.bytes`. */
  readonly offsetsTopicSegmentBytes: number;
  /** `offsets.load.buffer.size`: the most bytes one read asks for while loading a partition. */
  readonly offsetsLoadBufferBytes: number;
  /** How long a coordinator whose partition could not be loaded waits before trying again. */
  readonly loadRetryMs: number;
}

export const DEFAULT_GROUP_COORDINATION_SETTINGS: GroupCoordinationSettings = {
  ...DEFAULT_GROUP_COORDINATOR_CONFIG,
  offsetsTopicPartitions: OFFSETS_TOPIC_PARTITIONS_DEFAULT,
  offsetsTopicReplicationFactor: 1,
  offsetsCommitTimeoutMs: 5_000,
  offsetsTopicSegmentBytes: 100 * 1024 * 1024,
  offsetsLoadBufferBytes: OFFSETS_LOAD_BUFFER_BYTES_DEFAULT,
  loadRetryMs: 1_000,
};

export interface GroupCoordinationOptions {
  readonly broker: BrokerContext;
  readonly replicas: ReplicaManager;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly settings?: Partial<GroupCoordinationSettings>;
}

/** Where a group request goes: a coordinator of this broker, or the error to answer. */
export type GroupRoute =
  | { readonly kind: "ok"; readonly coordinator: PartitionCoordinator }
  | { readonly kind: "error"; readonly errorCode: number };

/** A FindCoordinator answer for one key. */
export interface CoordinatorLocation {
  readonly errorCode: number;
  readonly errorMessage: string | null;
  readonly nodeId: number;
  readonly host: string;
  readonly port: number;
}

/** The longest a timer is armed for in one go (setTimeout's limit is 2^31-1 ms). */
const TIMER_DELAY_MAX_MS = 0x7fff_ffff;
/** How long topic creation waits for the new topic to show in this broker's image. */
const TOPIC_CREATION_WAIT_MS = 10_000;

export class GroupCoordination {
  readonly settings: GroupCoordinationSettings;
  private readonly partitions = new Map<number, PartitionCoordinator>();
  private readonly tickets = new Map<Ticket, (response: JoinGroupResponse | SyncGroupResponse) => void>();
  private nextTicket = 1;
  private topicKey: string | null = null;
  private creating: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly o: GroupCoordinationOptions) {
    this.settings = { ...DEFAULT_GROUP_COORDINATION_SETTINGS, ...o.settings };
  }

  get broker(): BrokerContext {
    return this.o.broker;
  }

  // ------------------------------------------------------------- leadership

  /** Starts and stops coordinators as leadership of `__consumer_offsets` partitions moves. */
  onImage(image: MetadataImage): void {
    if (this.closed) return;
    const topic = offsetsTopic(image);
    const key = topic?.key ?? null;
    if (key !== this.topicKey) {
      // Deleted, or deleted and created again: nothing of the old partitions applies.
      for (const [p, c] of [...this.partitions]) {
        this.partitions.delete(p);
        void c.unload();
      }
      this.topicKey = key;
    }
    if (topic === undefined) return;
    for (let p = 0; p < topic.partitions.length; p++) {
      const state = topic.partitions[p];
      if (state === undefined) continue;
      const leads = state.leader === this.o.broker.settings.nodeId;
      let current = this.partitions.get(p);
      let previous: Promise<void> = Promise.resolve();
      if (current !== undefined && (!leads || current.leaderEpoch !== state.leaderEpoch)) {
        this.partitions.delete(p);
        previous = current.unload();
        current = undefined;
      }
      if (leads && current === undefined) {
        const c = new PartitionCoordinator(this, this.o, topic, p, state.leaderEpoch);
        this.partitions.set(p, c);
        // The new coordinator reads the log only once the old one has stopped appending to it.
        void previous.then(() => c.start());
      }
    }
  }

  /** Unloads every coordinator (answering waiting requests) and stops creating the topic. */
  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.partitions.values()];
    this.partitions.clear();
    await Promise.all(all.map((c) => c.unload()));
  }

  // ------------------------------------------------------------- routing

  /** The coordinator of `groupId` on this broker, or the error a group request gets. */
  route(groupId: string): GroupRoute {
    if (groupId === "") return { kind: "error", errorCode: ErrorCode.INVALID_GROUP_ID };
    const topic = offsetsTopic(this.o.broker.image());
    if (topic === undefined || topic.key !== this.topicKey || topic.partitions.length === 0) {
      return { kind: "error", errorCode: ErrorCode.NOT_COORDINATOR };
    }
    const c = this.partitions.get(partitionForGroup(groupId, topic.partitions.length));
    if (c === undefined) return { kind: "error", errorCode: ErrorCode.NOT_COORDINATOR };
    if (!c.active) return { kind: "error", errorCode: ErrorCode.COORDINATOR_LOAD_IN_PROGRESS };
    return { kind: "ok", coordinator: c };
  }

  /** Every coordinator of this broker, and whether some partition is still loading. */
  all(): { coordinators: PartitionCoordinator[]; loading: boolean } {
    const coordinators = [...this.partitions.values()];
    return {
      coordinators: coordinators.filter((c) => c.active),
      loading: coordinators.some((c) => !c.active),
    };
  }

  /** FindCoordinator: the broker leading the group's partition, from the metadata image. */
  locate(groupId: string): CoordinatorLocation {
    const image = this.o.broker.image();
    const topic = offsetsTopic(image);
    const unavailable = (errorMessage: string): CoordinatorLocation => ({
      errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE,
      errorMessage,
      nodeId: -1,
      host: "",
      port: -1,
    });
    if (topic === undefined || topic.partitions.length === 0) {
      this.ensureOffsetsTopic();
      return unavailable(`The ${OFFSETS_TOPIC_NAME} topic is being created.`);
    }
    const p = partitionForGroup(groupId, topic.partitions.length);
    const leader = topic.partitions[p]?.leader ?? -1;
    const b = image.brokers.get(leader);
    const endpoint = b?.endpoints[0];
    if (b === undefined || b.fenced || endpoint === undefined) {
      return unavailable(`Partition ${p} of ${OFFSETS_TOPIC_NAME} has no available leader.`);
    }
    return {
      errorCode: ErrorCode.NONE,
      errorMessage: null,
      nodeId: b.id,
      host: endpoint.host,
      port: endpoint.port,
    };
  }

  /** Asks the controller for `__consumer_offsets`, once at a time; an existing topic is success. */
  ensureOffsetsTopic(): void {
    if (this.creating !== null || this.closed) return;
    const s = this.settings;
    const { broker, logger } = this.o;
    this.creating = (async () => {
      try {
        const topic = create(CreatableTopicSchema, {
          name: OFFSETS_TOPIC_NAME,
          numPartitions: s.offsetsTopicPartitions,
          replicationFactor: s.offsetsTopicReplicationFactor,
          configs: [
            { key: "cleanup.policy", value: "compact" },
            { key: "segment.bytes", value: String(s.offsetsTopicSegmentBytes) },
          ],
        });
        const r = await broker.controller.call((c, o) =>
          c.createTopics({ topics: [topic], validateOnly: false }, o),
        );
        const result = r.topics[0];
        if (
          result !== undefined &&
          result.errorCode !== ErrorCode.NONE &&
          result.errorCode !== ErrorCode.TOPIC_ALREADY_EXISTS
        ) {
          logger.warn(
            { errorCode: result.errorCode, error: result.errorMessage },
            `could not create ${OFFSETS_TOPIC_NAME}`,
          );
          return;
        }
        if (result?.errorCode === ErrorCode.NONE) {
          logger.info({ partitions: s.offsetsTopicPartitions }, `created ${OFFSETS_TOPIC_NAME}`);
        }
        await broker.waitForImage(
          (image) => image.topicKeysByName.has(OFFSETS_TOPIC_NAME),
          TOPIC_CREATION_WAIT_MS,
        );
      } catch (e) {
        logger.warn({ error: String(e) }, `could not create ${OFFSETS_TOPIC_NAME}`);
      } finally {
        this.creating = null;
      }
    })();
  }

  // ------------------------------------------------------------- requests

  /** What the coordinator learns about a request besides its body. */
  requestContext(ctx: KafkaRequestContext): RequestContext {
    const at = ctx.remoteAddress.lastIndexOf(":");
    return {
      apiVersion: ctx.apiVersion,
      clientId: ctx.header.clientId ?? "",
      // Kafka reports the client's address as `/ip`.
      clientHost: `/${at >= 0 ? ctx.remoteAddress.slice(0, at) : ctx.remoteAddress}`,
    };
  }

  /**
   * Runs a JoinGroup or SyncGroup: resolves with the reply to its ticket,
   * whenever the coordinator gives it, or null if the coordinator was gone
   * before the request reached it. Once the coordinator has taken the request
   * it releases the connection (`ctx.release`): the rest is waiting.
   */
  async deferred<R extends JoinGroupResponse | SyncGroupResponse>(
    coordinator: PartitionCoordinator,
    ctx: KafkaRequestContext,
    call: (c: GroupCoordinator, ticket: Ticket, nowMs: number) => Effects,
  ): Promise<R | null> {
    const ticket = this.nextTicket++;
    const answer = new Promise<R>((resolve) => this.tickets.set(ticket, resolve as (r: unknown) => void));
    const ran = await coordinator.run((c, now) => ({ ...call(c, ticket, now), response: true }));
    if (ran === null) {
      this.tickets.delete(ticket);
      return null;
    }
    ctx.release();
    return answer;
  }

  /** Hands each reply to the request waiting for its ticket. */
  deliver(replies: readonly Reply[]): void {
    for (const r of replies) {
      const resolve = this.tickets.get(r.ticket);
      if (resolve === undefined) throw new Error(`reply for ticket ${r.ticket}, which nobody waits for`);
      this.tickets.delete(r.ticket);
      resolve(r.response);
    }
  }
}

/** The coordinator of one led `__consumer_offsets` partition, with its chain, timer and log. */
export class PartitionCoordinator {
  private coordinator: GroupCoordinator | null = null;
  private state: "loading" | "active" | "unloaded" = "loading";
  private chain: Promise<unknown> = Promise.resolve();
  private timer: Timer | null = null;
  private replica: Partition | null = null;

  constructor(
    private readonly shell: GroupCoordination,
    private readonly o: GroupCoordinationOptions,
    private readonly topic: TopicImage,
    readonly partition: number,
    readonly leaderEpoch: number,
  ) {}

  get active(): boolean {
    return this.state === "active";
  }

  /** A method, not a field read: the state changes across awaits. */
  private unloaded(): boolean {
    return this.state === "unloaded";
  }

  /** Loads the partition; called once, after any previous coordinator of it has unloaded. */
  start(): Promise<void> {
    return this.enqueue(() => this.load());
  }

  /**
   * Runs one call into the coordinator on its chain and applies the effects.
   * Resolves with the call's response once its records are in the log; null if
   * the coordinator was unloaded before the call reached it or the append failed
   * (the caller answers NOT_COORDINATOR).
   */
  run<R>(call: (c: GroupCoordinator, nowMs: number) => Outcome<R>): Promise<R | null> {
    return this.enqueue(async () => {
      const c = this.coordinator;
      if (c === null || this.state !== "active") return null;
      const outcome = call(c, this.o.clock.now());
      return (await this.apply(outcome)) ? outcome.response : null;
    });
  }

  /** Resigns: waiting requests get NOT_COORDINATOR, the timer stops. */
  unload(): Promise<void> {
    if (this.state === "unloaded") return this.chain.then(() => undefined);
    this.state = "unloaded";
    this.cancelTimer();
    return this.enqueue(async () => {
      const c = this.coordinator;
      this.coordinator = null;
      if (c !== null) this.shell.deliver(c.unload(this.o.clock.now()).replies);
      this.o.logger.info({ partition: this.partition }, "group coordinator unloaded");
    });
  }

  private enqueue<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn);
    this.chain = next.catch((e: unknown) => {
      this.o.logger.error({ partition: this.partition, error: String(e) }, "group coordinator call failed");
    });
    return next;
  }

  private async load(): Promise<void> {
    if (this.state === "unloaded") return;
    const { replicas, logger, clock } = this.o;
    const started = clock.now();
    try {
      const found = await replicas.leaderPartition(this.topic, this.partition);
      if (found.kind !== "ok") throw new Error(`the partition log is not available here (${found.kind})`);
      this.replica = found.hosted.replica;
      const records = await readOffsetsPartition(
        found.hosted.log,
        this.shell.settings.offsetsLoadBufferBytes,
      );
      if (this.unloaded()) return;
      const c = new GroupCoordinator(this.shell.settings);
      const effects = c.load(records, clock.now());
      this.coordinator = c;
      this.state = "active";
      logger.info(
        {
          partition: this.partition,
          leaderEpoch: this.leaderEpoch,
          records: records.length,
          groups: effects.groups,
          offsets: effects.offsets,
          skippedRecords: effects.skippedRecords,
          tookMs: clock.now() - started,
        },
        "group coordinator loaded",
      );
      await this.apply(effects);
    } catch (e) {
      if (this.unloaded()) return;
      this.coordinator = null;
      this.state = "loading";
      logger.error(
        { partition: this.partition, error: String(e), retryInMs: this.shell.settings.loadRetryMs },
        "group coordinator could not load its partition",
      );
      this.arm(clock.now() + this.shell.settings.loadRetryMs, () => this.load());
    }
  }

  /**
   * Persists the effects' records, then sends their replies and re-arms the
   * timer. On a failed append the replies become NOT_COORDINATOR and the
   * coordinator is rebuilt from the log; returns false.
   */
  private async apply(effects: Effects): Promise<boolean> {
    if (effects.records.length > 0) {
      const replica = this.replica as Partition;
      try {
        const r = await replica.appendAsLeader(encodeOffsetsBatch(effects.records, this.o.clock.now()), {
          leaderEpoch: this.leaderEpoch,
        });
        this.o.replicas.notifyAppend();
        // As Kafka's coordinator (acks=-1): a reply goes out once every in-sync replica has the records.
        const outcome = await replica.waitForHighWatermark(
          r.lastOffset,
          this.leaderEpoch,
          this.shell.settings.offsetsCommitTimeoutMs,
        );
        if (outcome !== "reached") {
          throw new Error(
            outcome === "timeout"
              ? `the in-sync replicas did not acknowledge within ${this.shell.settings.offsetsCommitTimeoutMs} ms`
              : "leadership of the partition moved",
          );
        }
      } catch (e) {
        this.o.logger.error(
          { partition: this.partition, error: String(e) },
          "group coordinator append failed; reloading from the log",
        );
        this.shell.deliver(effects.replies.map(notCoordinator));
        const c = this.coordinator;
        this.coordinator = null;
        this.cancelTimer();
        if (c !== null) this.shell.deliver(c.unload(this.o.clock.now()).replies);
        if (this.state === "active") {
          this.state = "loading";
          await this.load();
        }
        return false;
      }
    }
    this.shell.deliver(effects.replies);
    if (this.state === "active") {
      if (effects.wakeAtMs === null) this.cancelTimer();
      else this.arm(effects.wakeAtMs, () => this.tick());
    }
    return true;
  }

  private async tick(): Promise<void> {
    const c = this.coordinator;
    if (c === null || this.state !== "active") return;
    await this.apply(c.tick(this.o.clock.now()));
  }

  private arm(atMs: number, fn: () => Promise<void>): void {
    this.cancelTimer();
    const delay = Math.min(Math.max(0, atMs - this.o.clock.now()), TIMER_DELAY_MAX_MS);
    this.timer = this.o.clock.setTimeout(() => {
      this.timer = null;
      if (this.state !== "unloaded") void this.enqueue(fn);
    }, delay);
  }

  private cancelTimer(): void {
    this.timer?.cancel();
    this.timer = null;
  }
}

function notCoordinator(r: Reply): Reply {
  if (r.api === "JoinGroup") {
    return {
      ...r,
      response: {
        ...r.response,
        errorCode: ErrorCode.NOT_COORDINATOR,
        generationId: -1,
        leader: "",
        members: [],
      },
    };
  }
  return {
    ...r,
    response: { ...r.response, errorCode: ErrorCode.NOT_COORDINATOR, assignment: new Uint8Array(0) },
  };
}

function offsetsTopic(image: MetadataImage): TopicImage | undefined {
  const key = image.topicKeysByName.get(OFFSETS_TOPIC_NAME);
  return key === undefined ? undefined : image.topics.get(key);
}

/** What the broker service needs to run group coordination. */
export interface AttachedGroupCoordination {
  readonly coordination: GroupCoordination;
  /** The Kafka handlers of the group APIs, to register with the listener. */
  readonly handlers: AnyHandler[];
  /** Feed every new metadata image (hook it to the metadata follower's changes). */
  onImage(image: MetadataImage): void;
}

/**
 * Wires group coordination into a broker: builds the shell from the broker's
 * settings, registers its shutdown (which must run before the partition logs
 * close: register this after the replica manager), and returns its handlers
 * and the image hook.
 */
export function attachGroupCoordination(
  ctx: {
    readonly clock: Clock;
    readonly logger: Logger;
    onShutdown(hook: () => Promise<void> | void, name?: string): void;
  },
  broker: BrokerContext,
  replicas: ReplicaManager,
  settings: Partial<GroupCoordinationSettings> = {},
): AttachedGroupCoordination {
  const coordination = new GroupCoordination({
    broker,
    replicas,
    clock: ctx.clock,
    logger: ctx.logger.child({ component: "groups" }),
    settings: pickSettings(settings),
  });
  ctx.onShutdown(() => coordination.close(), "group-coordinators");
  return {
    coordination,
    handlers: groupHandlers(broker, coordination),
    onImage: (image) => coordination.onImage(image),
  };
}

/** Only the group settings (a broker config object carries many other keys). */
function pickSettings(from: Partial<GroupCoordinationSettings>): Partial<GroupCoordinationSettings> {
  const out: Record<string, number> = {};
  for (const key of Object.keys(DEFAULT_GROUP_COORDINATION_SETTINGS)) {
    const value = (from as Record<string, unknown>)[key];
    if (typeof value === "number") out[key] = value;
  }
  return out as Partial<GroupCoordinationSettings>;
}
