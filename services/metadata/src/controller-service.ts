/**
 * The active controller: ControllerService over gRPC on every voter. Writes
 * are answered only by the Raft leader (others answer with the leader's
 * address); a write runs the controller frontend against the image, proposes
 * the records it returns as one batch, and answers once that batch is
 * committed and applied. Writes run one at a time, so each frontend sees every
 * earlier write. Watches are served by any voter from its applied image.
 *
 * While this voter leads, two timers write on the controller's own account, through the same
 * write queue as requests and never on a request's path: the lease check fences brokers that
 * stopped heartbeating, and the leader balance (when enabled) moves leadership back to
 * preferred replicas every `leaderBalance.intervalMs`.
 */

import type { NodeId } from "@runnel/raft";
import {
  Code,
  type ControllerService,
  notLeaderError,
  RpcError,
  type ServiceImpl,
  type WatchEvent,
} from "@runnel/rpc";
import type { Clock, Logger } from "@runnel/runtime";
import {
  allocateProducerIds,
  alterConfigs,
  alterPartition,
  alterScramCredentials,
  alterTenantQuotas,
  apply,
  brokerHeartbeat,
  type ControllerError,
  type ControllerOptions,
  createAcls,
  createApiKey,
  createLogicalCluster,
  createPartitions,
  createTopics,
  deleteAcls,
  deleteApiKey,
  deleteLogicalCluster,
  deleteTopics,
  electLeaders,
  expireLeases,
  initialLeases,
  isLeaseAlive,
  LEADER_BALANCE_ELECTIONS_MAX,
  type MetadataImage,
  nextOffsetOf,
  type Outcome,
  planLeaderBalance,
  type RandomBytes,
  type Result,
  registerBroker,
  statusCodeOf,
  unregisterBroker,
} from "./controller/index.js";
import { NotLeaderError, type RaftDriver } from "./raft/driver.js";
import { encodeBatch, type MetadataStateMachine, RESUBSCRIBE, WATCHER_QUEUE_MAX } from "./state-machine.js";

export interface ControllerServiceOptions {
  readonly clusterId: string;
  readonly driver: RaftDriver;
  readonly stateMachine: MetadataStateMachine;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly randomBytes: RandomBytes;
  readonly controller: ControllerOptions;
  /** A broker that has not heartbeaten for this long is fenced. */
  readonly sessionTimeoutMs: number;
  /** A write not committed within this long answers DeadlineExceeded (it may still commit). */
  readonly writeTimeoutMs: number;
  /** Voter addresses, to tell callers where the leader is. */
  readonly voterAddresses: ReadonlyMap<NodeId, string>;
  /** Automatic leader balancing (Kafka's auto.leader.rebalance.enable); absent: off. */
  readonly leaderBalance?: LeaderBalanceSettings;
}

export interface LeaderBalanceSettings {
  /** `leader.imbalance.check.interval.seconds`: time between checks while this voter leads. */
  readonly intervalMs: number;
  /** `leader.imbalance.per.broker.percentage`: see planLeaderBalance. */
  readonly imbalancePercentage: number;
}

export class ActiveController {
  private writes: Promise<unknown> = Promise.resolve();
  /** Soft state of the active controller: when each broker last heartbeat here. */
  private heartbeats = new Map<number, number>();
  private leader = false;
  private leaseTimer: { cancel(): void } | null = null;
  private balanceTimer: { cancel(): void } | null = null;
  private stopped = false;
  /** The leader image: the committed image plus every write proposed in `term` and not yet applied. */
  private speculative: { image: MetadataImage; term: number } | null = null;

  constructor(private readonly o: ControllerServiceOptions) {}

  /** Called when this voter becomes or stops being the Raft leader. */
  onRoleChange(isLeader: boolean): void {
    if (isLeader === this.leader) return;
    this.leader = isLeader;
    this.speculative = null;
    if (isLeader) {
      // Every known broker gets a fresh lease from the moment this controller took over:
      // heartbeats sent to the previous controller are not known here.
      this.heartbeats = initialLeases(this.o.stateMachine.image, this.o.clock.now());
      this.o.logger.info({ brokers: this.heartbeats.size }, "became the active controller");
      this.scheduleLeaseCheck();
      if (this.o.leaderBalance !== undefined) this.scheduleLeaderBalance(this.o.leaderBalance.intervalMs);
    } else {
      this.leaseTimer?.cancel();
      this.leaseTimer = null;
      this.balanceTimer?.cancel();
      this.balanceTimer = null;
    }
  }

  stop(): void {
    this.stopped = true;
    this.leaseTimer?.cancel();
    this.balanceTimer?.cancel();
  }

  private scheduleLeaseCheck(): void {
    if (this.stopped || !this.leader) return;
    const every = Math.max(50, Math.floor(this.o.sessionTimeoutMs / 10));
    this.leaseTimer = this.o.clock.setTimeout(() => {
      void this.checkLeases().finally(() => this.scheduleLeaseCheck());
    }, every);
  }

  private async checkLeases(): Promise<void> {
    await this.write((image) => {
      const expiry = expireLeases(image, this.o.clock.now(), this.o.sessionTimeoutMs, this.heartbeats);
      if (expiry.fenced.length > 0) {
        this.o.logger.warn({ brokers: expiry.fenced }, "broker leases lapsed: fencing");
      }
      return { records: expiry.records, response: undefined };
    }).catch((e: unknown) => {
      if (!(e instanceof RpcError)) this.o.logger.warn({ error: String(e) }, "lease check failed");
    });
  }

  /**
   * The next leader balance in `delayMs`. At most one is pending: a round still running when
   * leadership was lost and regained replaces the timer the regained leadership set.
   */
  private scheduleLeaderBalance(delayMs: number): void {
    const settings = this.o.leaderBalance;
    if (settings === undefined || this.stopped || !this.leader) return;
    this.balanceTimer?.cancel();
    this.balanceTimer = this.o.clock.setTimeout(() => {
      this.balanceTimer = null;
      void this.balanceLeaders(settings).then((more) =>
        // A round cut short by its election bound goes on at once, as Kafka's controller does.
        this.scheduleLeaderBalance(more ? 0 : settings.intervalMs),
      );
    }, delayMs);
  }

  /** One balancing round; whether elections were left for another. */
  private async balanceLeaders(settings: LeaderBalanceSettings): Promise<boolean> {
    try {
      const plan = await this.write((image) => {
        const p = planLeaderBalance(image, {
          imbalancePercentage: settings.imbalancePercentage,
          electionsMax: LEADER_BALANCE_ELECTIONS_MAX,
        });
        return { records: p.records, response: p };
      });
      if (plan.records.length > 0) {
        this.o.logger.info(
          { elections: plan.records.length, imbalanced: plan.imbalanced },
          "leader imbalance: elected preferred leaders",
        );
      }
      return plan.more;
    } catch (e) {
      if (!(e instanceof RpcError)) this.o.logger.warn({ error: String(e) }, "leader balance failed");
      return false;
    }
  }

  private notLeader(leaderId: NodeId): RpcError {
    return notLeaderError(
      {
        leaderId,
        leaderAddress: this.o.voterAddresses.get(leaderId) ?? "",
        leaderEpoch: this.o.driver.status().term,
      },
      leaderId === 0
        ? "no metadata leader is known yet; retry"
        : `not the metadata leader; node ${leaderId} leads`,
    );
  }

  /**
   * Runs one write. Writes are validated one at a time, each against the
   * leader image: the committed image with every write proposed before it
   * applied, so a frontend never passes a request that conflicts with one in
   * flight. Proposals do not wait for each other's commit, so concurrent
   * writes share Raft round trips and fsyncs. The response is returned once
   * the write's batch is committed and applied.
   */
  private write<R>(frontend: (image: MetadataImage) => Outcome<R>): Promise<R> {
    const propose = async (): Promise<{ response: R; committed?: Promise<number> }> => {
      const { driver, stateMachine } = this.o;
      const status = driver.status();
      if (status.role !== "leader") throw this.notLeader(status.leaderId);
      if (!driver.leaderCaughtUp()) {
        throw new RpcError(Code.Unavailable, "the new metadata leader is still applying the log; retry");
      }
      const spec = this.speculative;
      const base = spec !== null && spec.term === status.term ? spec.image : stateMachine.image;
      const outcome = frontend(base);
      if (outcome.records.length === 0) return { response: outcome.response };
      // Applying here first checks the records as every voter will; a bug in a frontend
      // fails this request instead of poisoning the log.
      const next = apply(base, outcome.records, nextOffsetOf(base), status.term);
      try {
        const proposal = await driver.proposeAsync(encodeBatch(outcome.records));
        this.speculative = { image: next, term: status.term };
        return { response: outcome.response, committed: proposal.committed };
      } catch (e) {
        this.speculative = null;
        throw e instanceof NotLeaderError ? this.notLeader(e.leaderId) : e;
      }
    };
    const proposed = this.writes.then(propose, propose);
    this.writes = proposed.catch(() => {});
    return proposed.then(async ({ response, committed }) => {
      if (committed === undefined) return response;
      try {
        await withTimeout(committed, this.o.writeTimeoutMs, this.o.clock);
      } catch (e) {
        this.speculative = null;
        if (e instanceof NotLeaderError) throw this.notLeader(e.leaderId);
        if (e instanceof TimeoutError) {
          throw new RpcError(
            Code.DeadlineExceeded,
            `the write was not committed within ${this.o.writeTimeoutMs} ms`,
          );
        }
        throw e;
      }
      return response;
    });
  }

  /** A frontend that reports whole-request errors as gRPC status codes. */
  private writeOrStatus<R>(frontend: (image: MetadataImage) => Result<Outcome<R>>): Promise<R> {
    return this.write((image) => {
      const r = frontend(image);
      if (!r.ok) throw statusError(r.error);
      return r.value;
    });
  }

  private tenantContext(): { randomBytes: RandomBytes; nowMs: bigint } {
    return { randomBytes: this.o.randomBytes, nowMs: BigInt(Math.floor(this.o.clock.now())) };
  }

  impl(): ServiceImpl<typeof ControllerService> {
    const o = this.o;
    return {
      brokerRegistration: (req) =>
        this.writeOrStatus((image) =>
          registerBroker(image, req, {
            clusterId: o.clusterId,
            nextOffset: nextOffsetOf(image),
            leaseAlive: (id) => isLeaseAlive(this.heartbeats, id, o.clock.now(), o.sessionTimeoutMs),
          }),
        ).then((response) => {
          this.heartbeats.set(req.brokerId, o.clock.now());
          return response;
        }),
      brokerHeartbeat: (req) =>
        this.writeOrStatus((image) => {
          const r = brokerHeartbeat(image, req);
          if (r.ok) this.heartbeats.set(req.brokerId, o.clock.now());
          return r;
        }).then((response) => {
          // A broker that finished its controlled shutdown holds no lease: its next
          // incarnation may register at once instead of waiting out the session timeout.
          if (response.shouldShutdown) this.heartbeats.delete(req.brokerId);
          return response;
        }),
      createTopics: (req) =>
        this.write((image) =>
          createTopics(image, req, { options: o.controller, randomBytes: o.randomBytes }),
        ),
      deleteTopics: (req) => this.write((image) => deleteTopics(image, req)),
      createPartitions: (req) => this.write((image) => createPartitions(image, req, o.controller)),
      alterConfigs: (req) => this.write((image) => alterConfigs(image, req)),
      allocateProducerIds: (req) => this.write((image) => allocateProducerIds(image, req, o.controller)),
      alterPartition: (req) => this.write((image) => alterPartition(image, req)),
      electLeaders: (req) => this.write((image) => electLeaders(image, req, o.controller)),
      unregisterBroker: (req) => this.write((image) => unregisterBroker(image, req)),
      createLogicalCluster: (req) =>
        this.writeOrStatus((image) => createLogicalCluster(image, req, this.tenantContext())),
      deleteLogicalCluster: (req) => this.writeOrStatus((image) => deleteLogicalCluster(image, req)),
      createApiKey: (req) => this.writeOrStatus((image) => createApiKey(image, req, this.tenantContext())),
      deleteApiKey: (req) => this.writeOrStatus((image) => deleteApiKey(image, req)),
      alterScramCredentials: (req) => this.write((image) => alterScramCredentials(image, req)),
      createAcls: (req) => this.write((image) => createAcls(image, req, this.tenantContext())),
      deleteAcls: (req) => this.write((image) => deleteAcls(image, req)),
      alterTenantQuotas: (req) => this.writeOrStatus((image) => alterTenantQuotas(image, req)),
      watch: (req, context) => this.watch(req.fromOffset, context.signal),
    };
  }

  private async *watch(fromOffset: bigint, signal: AbortSignal): AsyncIterable<WatchEvent> {
    const queue: WatchEvent[] = [];
    let wake: (() => void) | null = null;
    let overflow = false;
    const watcher = {
      push: (event: WatchEvent): boolean => {
        if (queue.length >= WATCHER_QUEUE_MAX) {
          overflow = true;
          wake?.();
          return false;
        }
        queue.push(event);
        wake?.();
        return true;
      },
    };
    const plan = this.o.stateMachine.watch(fromOffset, watcher);
    if (plan.kind === "out-of-range") throw new RpcError(Code.OutOfRange, plan.message);
    const onAbort = (): void => wake?.();
    signal.addEventListener("abort", onAbort);
    try {
      for (const e of plan.events) yield e;
      for (;;) {
        while (queue.length > 0) {
          const e = queue.shift() as WatchEvent;
          if (e === RESUBSCRIBE) {
            throw new RpcError(
              Code.Aborted,
              "the metadata image was replaced by a snapshot; watch again from your offset",
            );
          }
          yield e;
        }
        if (overflow)
          throw new RpcError(
            Code.ResourceExhausted,
            "the watcher fell too far behind; watch again from your offset",
          );
        if (signal.aborted) return;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = null;
      }
    } finally {
      signal.removeEventListener("abort", onAbort);
      this.o.stateMachine.unwatch(watcher);
    }
  }
}

function statusError(e: ControllerError): RpcError {
  return new RpcError(statusCodeOf(e), e.message);
}

class TimeoutError extends Error {}

function withTimeout<T>(p: Promise<T>, ms: number, clock: Clock): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = clock.setTimeout(() => reject(new TimeoutError()), ms);
    p.then(
      (v) => {
        timer.cancel();
        resolve(v);
      },
      (e: unknown) => {
        timer.cancel();
        reject(e);
      },
    );
  });
}
