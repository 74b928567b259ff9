import { assertNodeId, decodeConfig, encodeConfig, encodeLeaderChange } from "./codec.js";
import { RaftLog } from "./log.js";
import type {
  AppendMessage,
  AppendResponseMessage,
  ConfChange,
  Entry,
  HardState,
  Message,
  NodeId,
  ProgressState,
  ProgressStatus,
  ProposeRejection,
  ProposeResult,
  RaftOptions,
  RandomSource,
  Ready,
  Role,
  Snapshot,
  SnapshotMessage,
  SnapshotResponseMessage,
  SoftState,
  Status,
  TransferResult,
  UnsafeOptions,
  VoteMessage,
  VoteResponseMessage,
} from "./types.js";
import { NONE } from "./types.js";

interface Progress {
  match: number;
  next: number;
  state: ProgressState;
  /** In probe state: an append was sent and neither answered nor timed out by a heartbeat. */
  probeSent: boolean;
  /** In snapshot state: the index of the snapshot sent. */
  pendingSnapshot: number;
  /** In snapshot state: heartbeats left before the snapshot is considered lost and resent. */
  snapshotHeartbeatsLeft: number;
  /** Heard from since the last check-quorum round. */
  recentActive: boolean;
}

const DEFAULTS = {
  electionTicks: 10,
  heartbeatTicks: 1,
  maxEntriesPerAppend: 64,
  maxInflightEntries: 512,
  maxUncommittedEntries: 4096,
  maxCommittedPerReady: 1024,
};

function positiveInt(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}

function quorum(n: number): number {
  return Math.floor(n / 2) + 1;
}

/**
 * A Raft node as a pure state machine. Inputs are method calls (`tick`, `step`, `propose`, ...);
 * outputs are collected into a `Ready`, which the shell takes with `ready()`, carries out (persist,
 * send, apply) and acknowledges with `advance()`. Nothing here reads a clock, draws unseeded
 * randomness or does I/O.
 *
 * Programmer errors (a bad option, `advance` without `ready`, a corrupt persisted state) throw.
 * Messages from peers never throw: stale, duplicated, reordered or misdirected ones are ignored or
 * answered as Raft prescribes. The one exception is a message that proves Raft's safety is already
 * broken (a leader overwriting a committed entry), which throws as an invariant violation.
 */
export class RaftNode {
  readonly id: NodeId;
  private readonly random: RandomSource;
  private readonly electionTicks: number;
  private readonly heartbeatTicks: number;
  private readonly maxEntriesPerAppend: number;
  private readonly maxInflightEntries: number;
  private readonly maxUncommittedEntries: number;
  private readonly maxCommittedPerReady: number;
  private readonly unsafe: UnsafeOptions;

  private readonly log: RaftLog;
  private term: number;
  private votedFor: NodeId;
  private role: Role = "follower";
  private leaderId: NodeId = NONE;

  /** The voter set in effect: from the latest config entry in the log, else the snapshot. */
  private voters: Set<NodeId>;
  /** Index of the entry (or snapshot) that defined `voters`. */
  private configIndex: number;
  /** The voter set before `configIndex` (equal to `voters` when the config came from a snapshot). */
  private previousVoters: Set<NodeId>;

  /** Ticks since the last valid leader contact (follower) or the last check-quorum round (leader). */
  private electionElapsed = 0;
  private heartbeatElapsed = 0;
  private randomizedElectionTimeout = 0;
  private votes = new Map<NodeId, boolean>();
  private peers = new Map<NodeId, Progress>();
  private transferee: NodeId = NONE;
  private transferElapsed = 0;

  private messages: Message[] = [];
  private lastHardState: HardState;
  private lastSoftState: SoftState;
  /** Last index handed to the application in `committed`, ahead of `applied` until `advance`. */
  private applying: number;
  private readyOutstanding = false;

  constructor(options: RaftOptions) {
    assertNodeId(options.id);
    this.id = options.id;
    this.random = options.random;
    this.electionTicks = positiveInt("electionTicks", options.electionTicks ?? DEFAULTS.electionTicks);
    this.heartbeatTicks = positiveInt("heartbeatTicks", options.heartbeatTicks ?? DEFAULTS.heartbeatTicks);
    if (this.heartbeatTicks >= this.electionTicks) {
      throw new RangeError(
        `heartbeatTicks (${this.heartbeatTicks}) must be below electionTicks (${this.electionTicks})`,
      );
    }
    this.maxEntriesPerAppend = positiveInt(
      "maxEntriesPerAppend",
      options.maxEntriesPerAppend ?? DEFAULTS.maxEntriesPerAppend,
    );
    this.maxInflightEntries = positiveInt(
      "maxInflightEntries",
      options.maxInflightEntries ?? DEFAULTS.maxInflightEntries,
    );
    this.maxUncommittedEntries = positiveInt(
      "maxUncommittedEntries",
      options.maxUncommittedEntries ?? DEFAULTS.maxUncommittedEntries,
    );
    this.maxCommittedPerReady = positiveInt(
      "maxCommittedPerReady",
      options.maxCommittedPerReady ?? DEFAULTS.maxCommittedPerReady,
    );
    this.unsafe = options.unsafe ?? {};

    const { hardState, snapshot, entries } = options.storage;
    if (hardState.votedFor !== NONE) assertNodeId(hardState.votedFor);
    for (const v of snapshot.voters) assertNodeId(v);
    this.log = new RaftLog(snapshot, entries, hardState.commit);
    this.term = hardState.term;
    this.votedFor = hardState.votedFor;
    const lastTerm = this.log.lastTerm();
    if (this.term < lastTerm) {
      // The shell writes a Ready's entries before its hard state; a crash before the fsync may
      // keep the entries and lose the hard state. Nothing of that Ready was sent (messages go out
      // only after the fsync), so no vote was cast in the newer term: adopt it, without a vote.
      this.term = lastTerm;
      this.votedFor = NONE;
    }
    this.applying = this.log.applied;
    this.voters = new Set();
    this.previousVoters = new Set();
    this.configIndex = 0;
    this.recomputeConfig();
    this.lastHardState = { term: this.term, votedFor: this.votedFor, commit: this.log.commit };
    this.lastSoftState = { role: this.role, leaderId: this.leaderId };
    this.resetRandomizedTimeout();
  }

  // ---------------------------------------------------------------------------------------------
  // Inputs

  /** One unit of logical time. The shell calls it at a fixed interval. */
  tick(): void {
    if (this.role === "leader") {
      this.tickLeader();
    } else {
      this.electionElapsed++;
      if (this.electionElapsed >= this.randomizedElectionTimeout && this.isPromotable()) this.startPreVote();
    }
  }

  /** Starts an election now (with pre-vote), as if the election timeout had passed. */
  campaign(): void {
    if (this.role !== "leader" && this.isPromotable()) this.startPreVote();
  }

  /** Feeds one message from a peer. */
  step(m: Message): void {
    if (m.to !== this.id || m.from === this.id || m.from === NONE) return;

    if (m.term > this.term) {
      if (m.type === "vote" && !m.transfer && this.inLease()) {
        // A leader was heard within the election timeout: refuse without adopting the term, so a
        // node that was partitioned away (and wants an election) cannot depose a healthy leader.
        this.send(this.voteResponse(m, false));
        return;
      }
      if (m.type === "vote" && m.preVote) {
        // A pre-vote never changes the voter's term.
      } else if (m.type === "vote-response" && m.preVote && m.granted) {
        // A granted pre-vote echoes the requested term, one above ours; nothing to adopt.
      } else {
        const leader = m.type === "append" || m.type === "snapshot" ? m.from : NONE;
        this.becomeFollower(m.term, leader);
      }
    } else if (m.term < this.term) {
      this.answerStale(m);
      return;
    }

    switch (m.type) {
      case "vote":
        this.handleVote(m);
        return;
      case "vote-response":
        this.handleVoteResponse(m);
        return;
      case "append":
        if (this.role === "leader") return; // Another leader in our term is impossible; ignore.
        if (this.role !== "follower") this.becomeFollower(this.term, m.from);
        this.leaderId = m.from;
        this.electionElapsed = 0;
        this.handleAppend(m);
        return;
      case "snapshot":
        if (this.role === "leader") return;
        if (this.role !== "follower") this.becomeFollower(this.term, m.from);
        this.leaderId = m.from;
        this.electionElapsed = 0;
        this.handleSnapshot(m);
        return;
      case "append-response":
        if (this.role === "leader") this.handleAppendResponse(m);
        return;
      case "snapshot-response":
        if (this.role === "leader") this.handleSnapshotResponse(m);
        return;
      case "timeout-now":
        if (this.role === "follower" && this.isPromotable()) this.startElection(true);
        return;
    }
  }

  /** Appends application data. Only the leader accepts proposals. */
  propose(data: Uint8Array): ProposeResult {
    if (!(data instanceof Uint8Array)) throw new TypeError("propose(data) needs a Uint8Array");
    return this.appendProposal("normal", data);
  }

  /**
   * Proposes adding or removing one voter. The new voter set takes effect on each node when the
   * entry is appended there. One change at a time, and only once the leader has committed an entry
   * of its own term (which rules out the known single-server-change hazard across leader changes).
   */
  proposeConfChange(change: ConfChange): ProposeResult {
    assertNodeId(change.node);
    if (this.role !== "leader") return this.reject("not-leader");
    if (this.configIndex > this.log.commit) return this.reject("config-change-pending");
    if (this.log.termAt(this.log.commit) !== this.term) return this.reject("leader-not-ready");
    const next = new Set(this.voters);
    if (change.type === "add-voter") {
      if (next.has(change.node)) return this.reject("invalid-config-change");
      next.add(change.node);
    } else {
      if (!next.has(change.node) || next.size === 1) return this.reject("invalid-config-change");
      next.delete(change.node);
    }
    return this.appendProposal("config", encodeConfig([...next]));
  }

  /**
   * Hands leadership to `to`: the leader stops taking proposals, brings `to` up to date, then sends
   * it TimeoutNow. Abandoned if `to` has not taken over within an election timeout.
   */
  transferLeadership(to: NodeId): TransferResult {
    assertNodeId(to);
    if (this.role !== "leader") return { ok: false, reason: "not-leader", leaderId: this.leaderId };
    if (to === this.id) return { ok: true };
    if (!this.voters.has(to)) return { ok: false, reason: "not-a-voter", leaderId: this.leaderId };
    this.transferee = to;
    this.transferElapsed = 0;
    const pr = this.peers.get(to) as Progress;
    if (pr.match === this.log.lastIndex()) {
      this.sendTimeoutNow(to);
    } else {
      pr.probeSent = false;
      this.sendAppend(to, true);
    }
    return { ok: true };
  }

  /**
   * The application has a snapshot of its state at `index` (at most the applied index) and has
   * stored it; the core drops the entries it covers. Returns the snapshot with its term and voter
   * set filled in: the shell must persist exactly that before dropping stored entries.
   */
  compact(index: number, data: Uint8Array): Snapshot {
    if (!Number.isSafeInteger(index) || index <= this.log.snapshot.index || index > this.log.applied) {
      throw new RangeError(
        `compact(${index}) needs an index in (${this.log.snapshot.index}, ${this.log.applied}] (snapshot, applied]`,
      );
    }
    const snapshot: Snapshot = {
      index,
      term: this.log.termAt(index) as number,
      voters: [...this.configAt(index)].sort((a, b) => a - b),
      data,
    };
    this.log.compact(snapshot);
    return snapshot;
  }

  // ---------------------------------------------------------------------------------------------
  // Outputs

  hasReady(): boolean {
    if (this.readyOutstanding) return false;
    const hs = this.lastHardState;
    return (
      this.messages.length > 0 ||
      this.log.hasUnstable() ||
      this.log.pendingSnapshot !== undefined ||
      this.log.pendingTruncateFrom !== undefined ||
      this.log.commit > this.applying ||
      hs.term !== this.term ||
      hs.votedFor !== this.votedFor ||
      hs.commit !== this.log.commit ||
      this.lastSoftState.role !== this.role ||
      this.lastSoftState.leaderId !== this.leaderId
    );
  }

  /** Takes everything the shell must do next. Call `advance` with it before the next `ready`. */
  ready(): Ready {
    if (this.readyOutstanding) throw new Error("ready() called again before advance()");
    this.readyOutstanding = true;
    const snapshot = this.log.pendingSnapshot;
    this.log.pendingSnapshot = undefined;
    const truncateFrom = this.log.pendingTruncateFrom;
    this.log.pendingTruncateFrom = undefined;
    const entries = this.log.takeUnstable();
    if (snapshot !== undefined) this.applying = Math.max(this.applying, snapshot.index);
    const committed = this.log.slice(
      this.applying + 1,
      Math.min(this.log.commit, this.applying + this.maxCommittedPerReady),
    );
    this.applying = committed.at(-1)?.index ?? this.applying;
    const messages = this.messages;
    this.messages = [];

    const rd: {
      -readonly [K in keyof Ready]: Ready[K];
    } = { entries, messages, committed };
    const hs = { term: this.term, votedFor: this.votedFor, commit: this.log.commit };
    const prev = this.lastHardState;
    if (hs.term !== prev.term || hs.votedFor !== prev.votedFor || hs.commit !== prev.commit) {
      rd.hardState = hs;
      this.lastHardState = hs;
    }
    if (this.lastSoftState.role !== this.role || this.lastSoftState.leaderId !== this.leaderId) {
      rd.softState = { role: this.role, leaderId: this.leaderId };
      this.lastSoftState = rd.softState;
    }
    if (snapshot !== undefined) rd.snapshot = snapshot;
    if (truncateFrom !== undefined) rd.truncateFrom = truncateFrom;
    return rd;
  }

  /** The shell persisted, sent and applied everything in `rd`. */
  advance(rd: Ready): void {
    if (!this.readyOutstanding) throw new Error("advance() without an outstanding ready()");
    this.readyOutstanding = false;
    if (rd.snapshot !== undefined && this.log.snapshot.index >= rd.snapshot.index) {
      this.log.stableLast = Math.max(this.log.stableLast, rd.snapshot.index);
      this.log.applied = Math.max(this.log.applied, rd.snapshot.index);
    }
    const last = rd.entries.at(-1);
    if (last !== undefined && this.log.termAt(last.index) === last.term) {
      // Same index and term means the same entry and the same log before it (Log Matching), even
      // if a conflict truncated and re-appended the log since `ready()`.
      this.log.stableLast = Math.max(this.log.stableLast, last.index);
    }
    const applied = rd.committed.at(-1);
    if (applied !== undefined) this.log.applied = Math.max(this.log.applied, applied.index);
    // The leader counts itself towards a quorum only for entries it has made durable.
    if (this.role === "leader") this.maybeCommit();
  }

  status(): Status {
    return {
      id: this.id,
      term: this.term,
      votedFor: this.votedFor,
      role: this.role,
      leaderId: this.leaderId,
      commit: this.log.commit,
      applied: this.log.applied,
      snapshotIndex: this.log.snapshot.index,
      lastIndex: this.log.lastIndex(),
      lastTerm: this.log.lastTerm(),
      voters: [...this.voters].sort((a, b) => a - b),
      transferee: this.transferee,
    };
  }

  /** On the leader, its view of each peer it replicates to, by id; undefined elsewhere. */
  progress(): ReadonlyMap<NodeId, ProgressStatus> | undefined {
    if (this.role !== "leader") return undefined;
    const out = new Map<NodeId, ProgressStatus>();
    for (const [id, pr] of [...this.peers].sort((a, b) => a[0] - b[0])) {
      out.set(id, { match: pr.match, next: pr.next, state: pr.state, recentActive: pr.recentActive });
    }
    return out;
  }

  /** The in-memory entries in [lo, hi] (for tests and debugging tools). */
  entries(lo: number, hi: number): Entry[] {
    return this.log.slice(lo, hi);
  }

  /** The latest snapshot the core holds (installed or compacted). */
  snapshot(): Snapshot {
    return this.log.snapshot;
  }

  // ---------------------------------------------------------------------------------------------
  // Roles

  private becomeFollower(term: number, leaderId: NodeId): void {
    if (term !== this.term) {
      this.term = term;
      this.votedFor = NONE;
    }
    this.role = "follower";
    this.leaderId = leaderId;
    this.electionElapsed = 0;
    this.transferee = NONE;
    this.peers.clear();
    this.votes.clear();
    this.resetRandomizedTimeout();
  }

  private startPreVote(): void {
    this.role = "pre-candidate";
    this.leaderId = NONE;
    this.electionElapsed = 0;
    this.resetRandomizedTimeout();
    this.votes = new Map([[this.id, true]]);
    if (this.tally() === "won") {
      this.startElection(false);
      return;
    }
    for (const id of this.voters) {
      if (id === this.id) continue;
      this.send({
        type: "vote",
        from: this.id,
        to: id,
        term: this.term + 1,
        lastLogIndex: this.log.lastIndex(),
        lastLogTerm: this.log.lastTerm(),
        preVote: true,
        transfer: false,
      });
    }
  }

  private startElection(transfer: boolean): void {
    this.term++;
    this.votedFor = this.id;
    this.role = "candidate";
    this.leaderId = NONE;
    this.electionElapsed = 0;
    this.resetRandomizedTimeout();
    this.votes = new Map([[this.id, true]]);
    if (this.tally() === "won") {
      this.becomeLeader();
      return;
    }
    for (const id of this.voters) {
      if (id === this.id) continue;
      this.send({
        type: "vote",
        from: this.id,
        to: id,
        term: this.term,
        lastLogIndex: this.log.lastIndex(),
        lastLogTerm: this.log.lastTerm(),
        preVote: false,
        transfer,
      });
    }
  }

  private becomeLeader(): void {
    this.role = "leader";
    this.leaderId = this.id;
    this.electionElapsed = 0;
    this.heartbeatElapsed = 0;
    this.transferee = NONE;
    this.votes.clear();
    this.peers.clear();
    this.syncProgress();
    // The no-op of the new term: committing it commits every earlier entry (Raft §5.4.2), and the
    // application learns of the new leader from it.
    this.log.append([
      {
        index: this.log.lastIndex() + 1,
        term: this.term,
        type: "leader-change",
        data: encodeLeaderChange(this.id, [...this.voters]),
      },
    ]);
    this.maybeCommit();
    for (const id of this.peers.keys()) this.sendAppend(id, true);
  }

  private tickLeader(): void {
    this.heartbeatElapsed++;
    this.electionElapsed++;
    if (this.transferee !== NONE && ++this.transferElapsed >= this.electionTicks) {
      this.transferee = NONE; // A transfer not done within an election timeout is abandoned.
    }
    if (this.electionElapsed >= this.electionTicks) {
      this.electionElapsed = 0;
      // Check quorum: a leader that has not heard from a majority in an election timeout steps
      // down, so that a partitioned leader stops acting as one and clients look elsewhere.
      let active = this.voters.has(this.id) ? 1 : 0;
      for (const [id, pr] of this.peers) {
        if (pr.recentActive && this.voters.has(id)) active++;
        pr.recentActive = false;
      }
      if (active < quorum(this.voters.size)) {
        this.becomeFollower(this.term, NONE);
        return;
      }
    }
    if (this.heartbeatElapsed >= this.heartbeatTicks) {
      this.heartbeatElapsed = 0;
      for (const id of this.peers.keys()) this.sendHeartbeat(id);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Votes

  /** Whether this node heard from a leader within the election timeout (or is the leader). */
  private inLease(): boolean {
    return this.leaderId !== NONE && this.electionElapsed < this.electionTicks;
  }

  private handleVote(m: VoteMessage): void {
    // Here m.term >= this.term (stale requests were answered already).
    const canVote =
      this.votedFor === m.from ||
      (this.votedFor === NONE && this.leaderId === NONE) ||
      (m.preVote && m.term > this.term);
    const grant = canVote && this.log.isUpToDate(m.lastLogIndex, m.lastLogTerm);
    if (grant && !m.preVote) {
      this.votedFor = m.from;
      this.electionElapsed = 0;
    }
    this.send(this.voteResponse(m, grant));
  }

  private voteResponse(m: VoteMessage, granted: boolean): VoteResponseMessage {
    return {
      type: "vote-response",
      from: this.id,
      to: m.from,
      term: granted && m.preVote ? m.term : this.term,
      granted,
      preVote: m.preVote,
    };
  }

  private handleVoteResponse(m: VoteResponseMessage): void {
    if (this.role === "pre-candidate") {
      if (!m.preVote || (m.granted && m.term !== this.term + 1)) return;
    } else if (this.role === "candidate") {
      if (m.preVote || m.term !== this.term) return;
    } else {
      return;
    }
    if (!this.votes.has(m.from)) this.votes.set(m.from, m.granted);
    const outcome = this.tally();
    if (outcome === "won") {
      if (this.role === "pre-candidate") this.startElection(false);
      else this.becomeLeader();
    } else if (outcome === "lost") {
      this.becomeFollower(this.term, NONE);
    }
  }

  private tally(): "won" | "lost" | "pending" {
    let granted = 0;
    let rejected = 0;
    for (const id of this.voters) {
      const v = this.votes.get(id);
      if (v === true) granted++;
      else if (v === false) rejected++;
    }
    const q = quorum(this.voters.size);
    if (granted >= q) return "won";
    if (rejected > this.voters.size - q) return "lost";
    return "pending";
  }

  // ---------------------------------------------------------------------------------------------
  // Replication, follower side

  private handleAppend(m: AppendMessage): void {
    let prevIndex = m.prevLogIndex;
    let prevTerm = m.prevLogTerm;
    let entries = m.entries;
    const commit = this.log.commit;
    if (prevIndex < commit) {
      // Everything up to our commit index is known to match the leader's log (leader
      // completeness), and may be compacted here; check from the commit index instead.
      const skip = Math.min(commit - prevIndex, entries.length);
      entries = entries.slice(skip);
      if (prevIndex + skip < commit) {
        this.send(this.appendResponse(m.from, true, commit, 0, 0));
        return;
      }
      prevIndex = commit;
      prevTerm = this.log.termAt(commit) as number;
    }
    const localTerm = this.log.termAt(prevIndex);
    if (localTerm === undefined) {
      this.send(this.appendResponse(m.from, false, 0, 0, this.log.lastIndex() + 1));
      return;
    }
    if (localTerm !== prevTerm) {
      const first = this.log.firstIndexOfTerm(
        prevIndex,
        localTerm,
        Math.max(commit + 1, this.log.firstIndex()),
      );
      this.send(this.appendResponse(m.from, false, 0, localTerm, first));
      return;
    }
    if (entries.length > 0) {
      const truncatedAt = this.log.merge(entries);
      // A config entry takes effect when appended, and stops having effect when truncated.
      if (
        (truncatedAt !== undefined && truncatedAt <= this.configIndex) ||
        entries.some((e) => e.type === "config")
      ) {
        this.recomputeConfig();
      }
    }
    const lastNew = prevIndex + entries.length;
    const newCommit = Math.min(m.leaderCommit, lastNew);
    if (newCommit > this.log.commit) this.log.commit = newCommit;
    this.send(this.appendResponse(m.from, true, lastNew, 0, 0));
  }

  private appendResponse(
    to: NodeId,
    success: boolean,
    matchIndex: number,
    conflictTerm: number,
    conflictIndex: number,
  ): AppendResponseMessage {
    return {
      type: "append-response",
      from: this.id,
      to,
      term: this.term,
      success,
      matchIndex,
      conflictTerm,
      conflictIndex,
    };
  }

  private handleSnapshot(m: SnapshotMessage): void {
    const s = m.snapshot;
    if (s.index <= this.log.commit) {
      this.send(this.snapshotResponse(m.from, false, this.log.commit));
      return;
    }
    if (this.log.termAt(s.index) === s.term) {
      // Our log already holds the snapshot's last entry: just learn that it is committed.
      this.log.commit = s.index;
    } else {
      this.log.restore(s);
      this.recomputeConfig();
    }
    this.send(this.snapshotResponse(m.from, true, s.index));
  }

  private snapshotResponse(to: NodeId, installed: boolean, matchIndex: number): SnapshotResponseMessage {
    return { type: "snapshot-response", from: this.id, to, term: this.term, installed, matchIndex };
  }

  /** Answers a message from an older term so that its sender (a deposed leader) learns our term. */
  private answerStale(m: Message): void {
    switch (m.type) {
      case "vote":
        this.send(this.voteResponse(m, false));
        return;
      case "append":
        this.send(this.appendResponse(m.from, false, 0, 0, 0));
        return;
      case "snapshot":
        this.send(this.snapshotResponse(m.from, false, 0));
        return;
      default:
        return; // Responses and TimeoutNow from an older term mean nothing now.
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Replication, leader side

  private handleAppendResponse(m: AppendResponseMessage): void {
    const pr = this.peers.get(m.from);
    if (pr === undefined) return;
    pr.recentActive = true;
    if (m.success) {
      this.acknowledge(m.from, pr, m.matchIndex);
      return;
    }
    if (m.conflictIndex === 0 || pr.state === "snapshot") return;
    let hint = m.conflictIndex;
    if (m.conflictTerm > 0) {
      const last = this.log.lastIndexOfTerm(m.conflictTerm);
      if (last !== undefined) hint = last + 1;
    }
    // Never back up past what is known to match, and never move forward on a rejection (a late
    // rejection may describe an older state of the follower's log).
    pr.next = Math.max(pr.match + 1, Math.min(hint, pr.next));
    pr.state = "probe";
    pr.probeSent = false;
    this.sendAppend(m.from, false);
  }

  private handleSnapshotResponse(m: SnapshotResponseMessage): void {
    const pr = this.peers.get(m.from);
    if (pr === undefined) return;
    pr.recentActive = true;
    if (m.matchIndex === 0) return;
    this.acknowledge(m.from, pr, m.matchIndex);
  }

  private acknowledge(from: NodeId, pr: Progress, matchIndex: number): void {
    const advanced = matchIndex > pr.match;
    if (advanced) pr.match = matchIndex;
    if (pr.state === "snapshot" && pr.match < pr.pendingSnapshot) return;
    if (pr.state !== "replicate") {
      pr.state = "replicate";
      pr.next = pr.match + 1;
      pr.probeSent = false;
    } else {
      pr.next = Math.max(pr.next, pr.match + 1);
    }
    if (advanced) this.maybeCommit();
    if (this.role !== "leader") return; // Committing our own removal stepped us down.
    if (this.transferee === from && pr.match === this.log.lastIndex()) this.sendTimeoutNow(from);
    this.sendAppend(from, false);
  }

  /** Sends entries from `next` (or a snapshot if they are compacted), unless the window is full. */
  private sendAppend(to: NodeId, allowEmpty: boolean): void {
    const pr = this.peers.get(to);
    if (pr === undefined || pr.state === "snapshot") return;
    if (pr.state === "probe" && pr.probeSent) return;
    if (pr.state === "replicate" && pr.next - 1 - pr.match >= this.maxInflightEntries) return;
    const prevIndex = pr.next - 1;
    const prevTerm = this.log.termAt(prevIndex);
    if (prevTerm === undefined) {
      this.sendSnapshot(to, pr);
      return;
    }
    const hi = Math.min(this.log.lastIndex(), pr.next + this.maxEntriesPerAppend - 1);
    const entries = this.log.slice(pr.next, hi);
    if (entries.length === 0 && !allowEmpty) return;
    this.send({
      type: "append",
      from: this.id,
      to,
      term: this.term,
      prevLogIndex: prevIndex,
      prevLogTerm: prevTerm,
      entries,
      leaderCommit: this.log.commit,
    });
    if (pr.state === "replicate") pr.next = hi + 1;
    else pr.probeSent = true;
  }

  private sendHeartbeat(to: NodeId): void {
    const pr = this.peers.get(to) as Progress;
    switch (pr.state) {
      case "snapshot":
        // The snapshot (or its answer) may have been lost: resend after a while.
        if (--pr.snapshotHeartbeatsLeft <= 0) {
          pr.state = "probe";
          pr.probeSent = false;
          this.sendAppend(to, true);
        }
        return;
      case "probe":
        pr.probeSent = false;
        this.sendAppend(to, true);
        return;
      case "replicate": {
        // An empty append at the replication cursor: acknowledged if everything in flight
        // arrived, rejected with a hint if some of it was lost.
        const prevTerm = this.log.termAt(pr.next - 1);
        if (prevTerm === undefined) {
          pr.state = "probe";
          pr.probeSent = false;
          this.sendAppend(to, true);
          return;
        }
        this.send({
          type: "append",
          from: this.id,
          to,
          term: this.term,
          prevLogIndex: pr.next - 1,
          prevLogTerm: prevTerm,
          entries: [],
          leaderCommit: this.log.commit,
        });
      }
    }
  }

  private sendSnapshot(to: NodeId, pr: Progress): void {
    const snapshot = this.log.snapshot;
    pr.state = "snapshot";
    pr.pendingSnapshot = snapshot.index;
    pr.snapshotHeartbeatsLeft = Math.ceil(this.electionTicks / this.heartbeatTicks);
    this.send({ type: "snapshot", from: this.id, to, term: this.term, snapshot });
  }

  private sendTimeoutNow(to: NodeId): void {
    this.send({ type: "timeout-now", from: this.id, to, term: this.term });
  }

  /** Advances the commit index to the highest current-term index a quorum holds (Raft §5.4.2). */
  private maybeCommit(): void {
    const matches: number[] = [];
    for (const id of this.voters) {
      if (id === this.id) matches.push(this.log.stableLast);
      else matches.push(this.peers.get(id)?.match ?? 0);
    }
    matches.sort((a, b) => b - a);
    const needed = this.unsafe.commitOnMinority ? 1 : quorum(this.voters.size);
    const candidate = matches[needed - 1] ?? 0;
    if (candidate <= this.log.commit || this.log.termAt(candidate) !== this.term) return;
    this.log.commit = candidate;
    if (this.configIndex <= candidate) {
      // The latest config is committed: stop replicating to voters it removed.
      this.previousVoters = new Set(this.voters);
      this.syncProgress();
      if (!this.voters.has(this.id)) {
        // Our own removal is committed. Tell the others the commit index, then step down.
        for (const id of this.peers.keys()) this.sendHeartbeat(id);
        this.becomeFollower(this.term, NONE);
      }
    }
  }

  private appendProposal(type: "normal" | "config", data: Uint8Array): ProposeResult {
    if (this.role !== "leader") return this.reject("not-leader");
    if (this.transferee !== NONE) return this.reject("transferring");
    if (this.log.lastIndex() - this.log.commit >= this.maxUncommittedEntries)
      return this.reject("too-many-uncommitted");
    const entry: Entry = { index: this.log.lastIndex() + 1, term: this.term, type, data };
    this.log.append([entry]);
    if (type === "config") this.recomputeConfig();
    this.maybeCommit();
    for (const id of this.peers.keys()) this.sendAppend(id, false);
    return { ok: true, index: entry.index, term: entry.term };
  }

  private reject(reason: ProposeRejection): ProposeResult {
    return { ok: false, reason, leaderId: this.leaderId };
  }

  // ---------------------------------------------------------------------------------------------
  // Membership

  /**
   * Whether this node may campaign: it is a voter, or it was one before a change that is still
   * uncommitted. The second case keeps the cluster live when a leader removes itself and loses
   * leadership before the change commits: it may hold the only copy of that change, and if it
   * could not campaign nobody with the newest log could.
   */
  private isPromotable(): boolean {
    return (
      this.voters.has(this.id) || (this.configIndex > this.log.commit && this.previousVoters.has(this.id))
    );
  }

  /** The voter set in effect at `index` (at or after the snapshot). */
  private configAt(index: number): Set<NodeId> {
    for (let i = index; i > this.log.snapshot.index; i--) {
      const e = this.log.entryAt(i) as Entry;
      if (e.type === "config") return new Set(decodeConfig(e.data));
    }
    return new Set(this.log.snapshot.voters);
  }

  /** Re-reads the voter set (and the one before it) from the log and the snapshot. */
  private recomputeConfig(): void {
    const snapIndex = this.log.snapshot.index;
    const found: Entry[] = [];
    for (let i = this.log.lastIndex(); i > snapIndex && found.length < 2; i--) {
      const e = this.log.entryAt(i) as Entry;
      if (e.type === "config") found.push(e);
    }
    const [latest, before] = found;
    const fromSnapshot = new Set(this.log.snapshot.voters);
    this.configIndex = latest?.index ?? snapIndex;
    this.voters = latest === undefined ? fromSnapshot : new Set(decodeConfig(latest.data));
    this.previousVoters = before === undefined ? fromSnapshot : new Set(decodeConfig(before.data));
    if (this.role === "leader") this.syncProgress();
  }

  /**
   * The leader replicates to every voter, and, while a change is uncommitted, also to the voters
   * of the previous config, so that a removed node learns of its removal.
   */
  private syncProgress(): void {
    const peers = new Set([
      ...this.voters,
      ...(this.configIndex > this.log.commit ? this.previousVoters : []),
    ]);
    peers.delete(this.id);
    for (const id of this.peers.keys()) if (!peers.has(id)) this.peers.delete(id);
    for (const id of peers) {
      if (this.peers.has(id)) continue;
      this.peers.set(id, {
        match: 0,
        next: this.log.lastIndex() + 1,
        state: "probe",
        probeSent: false,
        pendingSnapshot: 0,
        snapshotHeartbeatsLeft: 0,
        recentActive: false,
      });
    }
  }

  // ---------------------------------------------------------------------------------------------

  private send(m: Message): void {
    this.messages.push(m);
  }

  private resetRandomizedTimeout(): void {
    this.randomizedElectionTimeout = this.random.int(this.electionTicks, 2 * this.electionTicks);
  }
}
