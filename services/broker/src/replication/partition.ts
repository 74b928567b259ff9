/**
 * One replica of a partition on this broker: its log and its role in the
 * partition's replication, following Kafka's Partition.
 *
 * - Roles come from the metadata image (`applyState`): the leader of the
 *   partition at a leader epoch, a follower of another broker, or neither
 *   (not a replica, or no leader known). Becoming leader assigns the new
 *   epoch in the log's leader-epoch cache before anything is appended, and
 *   forgets what it knew of the followers.
 * - The leader tracks each follower's log end offset, learned from its
 *   fetches, and the last time it was caught up (its fetch reached the
 *   leader's log end, or the log end the leader had at its previous fetch).
 * - The high watermark is the smallest log end offset of the ISR members,
 *   the leader's own included, counted over the "maximal" ISR while an ISR
 *   change is on its way to the controller (the old and the proposed members
 *   both), so an expansion counts the new member at once and a shrink only
 *   once the controller has written it. It never goes backwards on the
 *   leader; a follower takes min(the leader's high watermark, its log end).
 *   It is not persisted: a restarted replica starts from its log start
 *   offset (one replica alone: its log end), and the leader's is back as
 *   soon as the ISR has fetched once.
 * - Role changes, follower appends and truncations of one partition run one
 *   at a time (`exclusive`), so a fetch answer from an old leader epoch can
 *   never land after the replica became leader.
 */
import type { AppendOptions, AppendResult, PartitionLog } from "@runnel/log";
import { NO_LEADER, type PartitionImage, sameMembers, type TopicImage } from "@runnel/metadata";

export type Role = "leader" | "follower" | "none";

/** What the leader knows of one follower. */
export interface FollowerState {
  /** The follower's log end offset, from its last fetch; -1n until it fetched at this leader epoch. */
  logEndOffset: bigint;
  /** When the follower was last caught up with the leader's log end (ms). */
  lastCaughtUpMs: number;
  /** When it last fetched, and the leader's log end then. */
  lastFetchMs: number;
  lastFetchLeaderLogEnd: bigint;
}

export type HighWatermarkWait = "reached" | "timeout" | "not-leader";

export class Partition {
  private _role: Role = "none";
  private _leaderId = NO_LEADER;
  private _leaderEpoch = -1;
  private _partitionEpoch = -1;
  private _replicas: readonly number[] = [];
  private _isr: readonly number[] = [];
  /** The ISR proposed to the controller and not yet answered. */
  private _pendingIsr: readonly number[] | null = null;
  private hw: bigint;
  /** Where this leader's epoch starts in the log (a follower rejoining the ISR must hold it). */
  private epochStartOffset = 0n;
  private readonly followers = new Map<number, FollowerState>();
  private readonly hwWaiters = new Set<() => void>();
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    public topic: TopicImage,
    readonly index: number,
    readonly log: PartitionLog,
    private readonly nodeId: number,
    /** Called whenever the high watermark moves up (consumers waiting for records can read more). */
    private readonly onHighWatermark: () => void = () => {},
  ) {
    this.hw = log.logStartOffset;
  }

  get role(): Role {
    return this._role;
  }
  get leaderId(): number {
    return this._leaderId;
  }
  get leaderEpoch(): number {
    return this._leaderEpoch;
  }
  get partitionEpoch(): number {
    return this._partitionEpoch;
  }
  get replicas(): readonly number[] {
    return this._replicas;
  }
  /** The ISR as the controller last confirmed it. */
  get isr(): readonly number[] {
    return this._isr;
  }
  get pendingIsr(): readonly number[] | null {
    return this._pendingIsr;
  }
  /** The ISR the high watermark waits for: the confirmed one and any proposed members. */
  get maximalIsr(): readonly number[] {
    if (this._pendingIsr === null) return this._isr;
    return [...new Set([...this._isr, ...this._pendingIsr])];
  }
  get highWatermark(): bigint {
    return this.hw;
  }
  follower(id: number): Readonly<FollowerState> | undefined {
    return this.followers.get(id);
  }

  /** Whether this replica leads the partition at `epoch`. */
  leadsAt(epoch: number): boolean {
    return this._role === "leader" && this._leaderEpoch === epoch;
  }

  /** Runs `op` after every earlier role change, follower append or truncation of this partition. */
  exclusive<T>(op: () => Promise<T>): Promise<T> {
    const next = this.chain.then(op);
    this.chain = next.catch(() => undefined);
    return next;
  }

  /**
   * Takes the partition's state from the image. Returns the role change it
   * caused ("none" when the role and leader epoch stay). Call inside
   * `exclusive`.
   */
  async applyState(
    state: PartitionImage,
    now: number,
  ): Promise<"became-leader" | "became-follower" | "none"> {
    // A handler may pass an image older than the one already applied: never go back.
    if (
      state.leaderEpoch < this._leaderEpoch ||
      (state.leaderEpoch === this._leaderEpoch && state.partitionEpoch < this._partitionEpoch)
    ) {
      return "none";
    }
    this._replicas = state.replicas;
    if (state.leader === this.nodeId) {
      if (this.leadsAt(state.leaderEpoch)) {
        // Same leadership: take ISR changes the controller wrote (ours, or its own on fencing).
        if (state.partitionEpoch > this._partitionEpoch) {
          this._isr = state.isr;
          this._partitionEpoch = state.partitionEpoch;
          if (this._pendingIsr !== null && sameMembers(this._pendingIsr, state.isr)) this._pendingIsr = null;
        }
        this.maybeAdvanceHighWatermark();
        return "none";
      }
      await this.log.assignLeaderEpoch(state.leaderEpoch);
      this.epochStartOffset =
        this.log.leaderEpochEntries().find((e) => e.epoch === state.leaderEpoch)?.startOffset ??
        this.log.logEndOffset;
      this._role = "leader";
      this._leaderId = this.nodeId;
      this._leaderEpoch = state.leaderEpoch;
      this._partitionEpoch = state.partitionEpoch;
      this._isr = state.isr;
      this._pendingIsr = null;
      this.followers.clear();
      for (const id of state.replicas) {
        if (id === this.nodeId) continue;
        // Kafka resets remote replicas on a leader change: ISR members count as caught up now.
        this.followers.set(id, {
          logEndOffset: -1n,
          lastCaughtUpMs: state.isr.includes(id) ? now : 0,
          lastFetchMs: 0,
          lastFetchLeaderLogEnd: -1n,
        });
      }
      this.clampHighWatermark();
      // Waiters of an earlier leader epoch of this broker learn it is over.
      this.wakeHighWatermarkWaiters();
      this.maybeAdvanceHighWatermark();
      return "became-leader";
    }
    const wasLeader = this._role === "leader";
    const changed = this._role !== "follower" || this._leaderEpoch !== state.leaderEpoch;
    this._role = state.replicas.includes(this.nodeId) && state.leader !== NO_LEADER ? "follower" : "none";
    this._leaderId = state.leader;
    this._leaderEpoch = state.leaderEpoch;
    this._partitionEpoch = state.partitionEpoch;
    this._isr = state.isr;
    this._pendingIsr = null;
    this.followers.clear();
    if (wasLeader) this.wakeHighWatermarkWaiters();
    return changed && this._role === "follower" ? "became-follower" : "none";
  }

  /** Appends producer (or coordinator) batches as leader at `leaderEpoch`, then moves the high watermark if it can. */
  async appendAsLeader(
    bytes: Uint8Array,
    options: Omit<AppendOptions, "assignOffsets">,
  ): Promise<AppendResult> {
    const r = await this.log.append(bytes, { ...options, assignOffsets: true });
    this.maybeAdvanceHighWatermark();
    return r;
  }

  /**
   * A follower's fetch at `fetchOffset` (its log end), seen by the leader at
   * `now`: updates what the leader knows of it and the high watermark.
   * Returns whether the follower may rejoin the ISR (it is outside it, has
   * every record up to the high watermark and every record of this leader
   * epoch written so far below it).
   */
  recordFollowerFetch(replicaId: number, fetchOffset: bigint, now: number): boolean {
    const s = this.followers.get(replicaId);
    if (s === undefined || this._role !== "leader") return false;
    const leaderEnd = this.log.logEndOffset;
    if (fetchOffset >= leaderEnd) s.lastCaughtUpMs = now;
    else if (s.lastFetchLeaderLogEnd >= 0n && fetchOffset >= s.lastFetchLeaderLogEnd) {
      s.lastCaughtUpMs = Math.max(s.lastCaughtUpMs, s.lastFetchMs);
    }
    s.lastFetchMs = now;
    s.lastFetchLeaderLogEnd = leaderEnd;
    s.logEndOffset = fetchOffset;
    this.maybeAdvanceHighWatermark();
    return (
      !this.maximalIsr.includes(replicaId) && fetchOffset >= this.hw && fetchOffset >= this.epochStartOffset
    );
  }

  /** ISR members (not the leader) that have not been caught up for longer than `lagMaxMs`. */
  laggingFollowers(now: number, lagMaxMs: number): number[] {
    if (this._role !== "leader") return [];
    return this._isr.filter((id) => {
      if (id === this.nodeId) return false;
      const s = this.followers.get(id);
      return s === undefined || now - s.lastCaughtUpMs > lagMaxMs;
    });
  }

  /** Notes an ISR change sent to the controller; the high watermark counts both ISRs until it is answered. */
  proposeIsr(isr: readonly number[]): void {
    this._pendingIsr = isr;
  }

  /** The controller's answer to a proposed ISR: `null` when it refused it. */
  completeIsrChange(
    result: { isr: readonly number[]; partitionEpoch: number; leaderEpoch: number } | null,
  ): void {
    this._pendingIsr = null;
    if (
      result !== null &&
      result.leaderEpoch === this._leaderEpoch &&
      result.partitionEpoch > this._partitionEpoch
    ) {
      this._isr = result.isr;
      this._partitionEpoch = result.partitionEpoch;
    }
    this.maybeAdvanceHighWatermark();
  }

  /** The high watermark a follower takes from its leader's fetch answer. */
  updateFollowerHighWatermark(leaderHighWatermark: bigint): void {
    const before = this.hw;
    this.hw = leaderHighWatermark;
    this.clampHighWatermark();
    if (this.hw > before) this.onHighWatermark();
  }

  /** After a truncation: the high watermark never exceeds the log end. */
  clampHighWatermark(): void {
    if (this.hw > this.log.logEndOffset) this.hw = this.log.logEndOffset;
    if (this.hw < this.log.logStartOffset) this.hw = this.log.logStartOffset;
  }

  /** The leader's rule: the smallest log end of the maximal ISR. Only moves forward. */
  maybeAdvanceHighWatermark(): boolean {
    if (this._role !== "leader") return false;
    let candidate = this.log.logEndOffset;
    for (const id of this.maximalIsr) {
      if (id === this.nodeId) continue;
      const s = this.followers.get(id);
      if (s === undefined || s.logEndOffset < 0n) return false;
      if (s.logEndOffset < candidate) candidate = s.logEndOffset;
    }
    if (candidate <= this.hw) return false;
    this.hw = candidate;
    this.wakeHighWatermarkWaiters();
    this.onHighWatermark();
    return true;
  }

  /**
   * Resolves "reached" once the high watermark passes `offset` (that is,
   * offset < high watermark) while this replica leads at `epoch`,
   * "not-leader" when it stops leading at it, "timeout" after `timeoutMs`
   * or when `signal` aborts.
   */
  waitForHighWatermark(
    offset: bigint,
    epoch: number,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<HighWatermarkWait> {
    const check = (): HighWatermarkWait | null => {
      if (!this.leadsAt(epoch)) return "not-leader";
      return this.hw > offset ? "reached" : null;
    };
    const now = check();
    if (now !== null) return Promise.resolve(now);
    return new Promise((resolve) => {
      const finish = (outcome: HighWatermarkWait): void => {
        clearTimeout(timer);
        this.hwWaiters.delete(wake);
        signal?.removeEventListener("abort", onAbort);
        resolve(outcome);
      };
      const wake = (): void => {
        const outcome = check();
        if (outcome !== null) finish(outcome);
      };
      const onAbort = (): void => finish("timeout");
      const timer = setTimeout(() => finish("timeout"), Math.max(0, timeoutMs));
      this.hwWaiters.add(wake);
      signal?.addEventListener("abort", onAbort);
    });
  }

  private wakeHighWatermarkWaiters(): void {
    for (const w of [...this.hwWaiters]) w();
  }
}
