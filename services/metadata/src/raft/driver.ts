/**
 * The Raft shell: drives the pure core (`@runnel/raft`) with ticks, peer
 * messages and proposals, and carries out each `Ready` in the order the core
 * requires: persist (and fsync), then send, then apply, then advance.
 *
 * All work on the core runs one step at a time through `exclusive`, so the
 * core never sees two inputs at once and a Ready is always finished before the
 * next input.
 */
import {
  bootstrapState,
  type Entry,
  type HardState,
  type Message,
  type NodeId,
  type ProposeResult,
  RaftNode,
  type Ready,
  type Role,
  type Snapshot,
  type Status,
} from "@runnel/raft";
import type { Clock, Logger, Random } from "@runnel/runtime";
import type { RaftStorage } from "../storage/index.js";
import {
  fromLogEntry,
  fromStoredHardState,
  fromStoredSnapshot,
  toLogEntry,
  toStoredHardState,
  toStoredSnapshot,
} from "./codec.js";

/** What the replicated log drives: the metadata image, in the metadata service. */
export interface StateMachine {
  /** Applies one committed entry, in log order. Normal entries carry application data. */
  apply(entry: Entry): void;
  /** Replaces the whole state with a snapshot's (a follower installing the leader's snapshot). */
  restore(snapshot: Snapshot): void;
  /** The state as of the last applied entry, for a snapshot. */
  snapshotData(): Uint8Array;
}

/** Where outgoing messages go. A response to a request being served is returned instead. */
export interface MessageSink {
  send(message: Message): void;
}

export interface DriverOptions {
  readonly id: NodeId;
  readonly storage: RaftStorage;
  readonly stateMachine: StateMachine;
  readonly clock: Clock;
  readonly random: Random;
  readonly logger: Logger;
  readonly tickMs: number;
  readonly electionTicks: number;
  readonly heartbeatTicks: number;
  /** Take a snapshot and compact the log once this many entries were applied since the last one. */
  readonly snapshotEveryEntries: number;
  /** Voters to bootstrap a brand-new (empty) data directory with. */
  readonly initialVoters: readonly NodeId[];
}

export class NotLeaderError extends Error {
  override readonly name = "NotLeaderError";
  constructor(readonly leaderId: NodeId) {
    super(leaderId === 0 ? "no leader is known yet" : `node ${leaderId} leads`);
  }
}

interface Pending {
  readonly term: number;
  readonly resolve: (index: number) => void;
  readonly reject: (e: Error) => void;
}

/** How often a commit index that changed alone is written to disk. */
const COMMIT_PERSIST_EVERY_MS = 1_000;

/** Response types a served request waits for, by request type. */
const RESPONSE_TO: Partial<Record<Message["type"], Message["type"]>> = {
  vote: "vote-response",
  append: "append-response",
  snapshot: "snapshot-response",
};

export class RaftDriver {
  private readonly node: RaftNode;
  private chain: Promise<unknown> = Promise.resolve();
  private readonly pending = new Map<number, Pending>();
  private sink: MessageSink = { send: () => {} };
  private tickTimer: { cancel(): void } | null = null;
  private stopped = false;
  private appliedSinceSnapshot = 0;
  /** Responses the current step produced for a request being served, by receiver and type. */
  private capture: { to: NodeId; type: Message["type"]; found: Message | null } | null = null;
  private lastContact = new Map<NodeId, number>();
  private roleListeners: ((role: Role, leaderId: NodeId) => void)[] = [];
  private persistedHardState: HardState | undefined;
  private persistedAtMs = 0;
  /** Term of the last applied leader-change entry: a leader has caught up once it equals its term. */
  private appliedLeaderTerm = 0;

  private constructor(
    private readonly options: DriverOptions,
    node: RaftNode,
  ) {
    this.node = node;
  }

  /** Rebuilds the core from what the storage recovered (or bootstraps an empty directory). */
  static async open(options: DriverOptions): Promise<RaftDriver> {
    const { storage } = options;
    const stored = await storage.snapshot();
    let hardState = fromStoredHardState(await storage.hardState());
    const first = await storage.firstIndex();
    let last = await storage.lastIndex();
    let entries = last >= first ? (await storage.entries(first, last + 1)).map(fromLogEntry) : [];
    let snapshot: Snapshot;
    if (stored !== null) {
      snapshot = fromStoredSnapshot(stored);
    } else if (last === 0 && hardState.term === 0) {
      // A founding voter's first start: its log begins with the initial voter set, the
      // same committed entry on every founder (see bootstrapState).
      const boot = bootstrapState(options.initialVoters);
      await storage.append(boot.entries.map(toLogEntry));
      await storage.setHardState(toStoredHardState(boot.hardState));
      await storage.sync();
      ({ hardState, snapshot, entries } = {
        hardState: boot.hardState,
        snapshot: boot.snapshot,
        entries: [...boot.entries],
      });
      last = entries.length;
    } else {
      snapshot = { index: 0, term: 0, voters: [], data: new Uint8Array(0) };
    }
    if (stored !== null) options.stateMachine.restore(snapshot);
    const node = new RaftNode({
      id: options.id,
      storage: { hardState, snapshot, entries },
      random: options.random,
      electionTicks: options.electionTicks,
      heartbeatTicks: options.heartbeatTicks,
    });
    const driver = new RaftDriver(options, node);
    options.logger.info(
      {
        term: hardState.term,
        commit: hardState.commit,
        snapshotIndex: snapshot.index,
        lastIndex: last,
        voters: snapshot.voters,
      },
      "raft state recovered",
    );
    return driver;
  }

  setSink(sink: MessageSink): void {
    this.sink = sink;
  }

  /** Calls `listener` whenever this node's role or known leader changes. */
  onRoleChange(listener: (role: Role, leaderId: NodeId) => void): void {
    this.roleListeners.push(listener);
  }

  start(): void {
    const loop = (): void => {
      if (this.stopped) return;
      this.tickTimer = this.options.clock.setTimeout(() => {
        void this.exclusive(async () => {
          this.node.tick();
          await this.pump();
        }).finally(loop);
      }, this.options.tickMs);
    };
    loop();
    // Apply anything committed before a restart, without waiting for a leader.
    void this.exclusive(() => this.pump());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.tickTimer?.cancel();
    await this.chain.catch(() => {});
    for (const [, p] of this.pending) p.reject(new Error("the metadata node is shutting down"));
    this.pending.clear();
  }

  /** Runs `fn` after every earlier step has finished. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn, fn);
    this.chain = next.catch(() => {});
    return next;
  }

  /** A message from a peer that needs no answer (a response to one of our requests). */
  receive(message: Message): Promise<void> {
    this.lastContact.set(message.from, this.options.clock.now());
    return this.exclusive(async () => {
      if (this.stopped) return;
      this.node.step(message);
      this.schedulePump();
    });
  }

  private pumpScheduled = false;

  /** Runs one pump after the inputs queued so far, so that they share a Ready (and an fsync). */
  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    void this.exclusive(async () => {
      this.pumpScheduled = false;
      if (!this.stopped) await this.pump();
    });
  }

  /**
   * A request from a peer: steps it and returns the core's response to it,
   * once everything the response depends on is durable; null if the core
   * chose not to answer (a message it ignores).
   */
  serve(message: Message): Promise<Message | null> {
    this.lastContact.set(message.from, this.options.clock.now());
    return this.exclusive(async () => {
      if (this.stopped) return null;
      const type = RESPONSE_TO[message.type];
      this.capture = type === undefined ? null : { to: message.from, type, found: null };
      try {
        this.node.step(message);
        await this.pump();
        return this.capture?.found ?? null;
      } finally {
        this.capture = null;
      }
    });
  }

  /**
   * Proposes application data; resolves with its log index once it is
   * committed and applied here, rejects with NotLeaderError when this node
   * does not lead, or when another leader's entry took the index.
   */
  /**
   * Proposes application data. Resolves once the entry is appended here, with
   * its index and a promise that settles when it is committed and applied
   * (rejected with NotLeaderError if another leader's entry took the index).
   * Rejects at once with NotLeaderError when this node does not lead.
   */
  proposeAsync(data: Uint8Array): Promise<{ index: number; committed: Promise<number> }> {
    return this.exclusive(async () => {
      const result: ProposeResult = this.node.propose(data);
      if (!result.ok) {
        if (result.reason === "not-leader" || result.reason === "transferring")
          throw new NotLeaderError(result.leaderId);
        throw new Error(`proposal refused: ${result.reason}`);
      }
      const committed = new Promise<number>((resolve, reject) => {
        this.pending.set(result.index, { term: result.term, resolve, reject });
      });
      // The caller may not await it (it may fail over first); the rejection is theirs to see.
      committed.catch(() => {});
      // Proposals that arrive while a Ready is being persisted share the next fsync.
      this.schedulePump();
      return { index: result.index, committed };
    });
  }

  /** Proposes and waits for the commit (see proposeAsync). */
  async propose(data: Uint8Array): Promise<number> {
    return (await this.proposeAsync(data)).committed;
  }

  /**
   * Whether this node leads and has applied every entry before its own term's
   * first entry, so that its state machine shows everything committed before
   * it took over. A new leader must not validate requests against less.
   */
  leaderCaughtUp(): boolean {
    const s = this.node.status();
    return s.role === "leader" && this.appliedLeaderTerm === s.term;
  }

  /**
   * On a graceful stop: when leading, hands leadership to the most caught-up
   * voter and waits (up to `waitMs`) until this node no longer leads, so the
   * quorum does not sit out an election timeout.
   */
  async handOffLeadership(waitMs: number): Promise<void> {
    const status = this.node.status();
    const progress = this.node.progress();
    if (status.role !== "leader" || progress === undefined) return;
    let best: NodeId = 0;
    let bestMatch = -1;
    for (const [id, p] of progress) {
      if (id !== status.id && p.match > bestMatch) {
        best = id;
        bestMatch = p.match;
      }
    }
    if (best === 0) return;
    this.options.logger.info({ to: best }, "handing leadership over before stopping");
    try {
      await this.transferLeadership(best);
    } catch {
      return;
    }
    const deadline = this.options.clock.now() + waitMs;
    while (this.node.status().role === "leader" && this.options.clock.now() < deadline) {
      await this.options.clock.sleep(this.options.tickMs);
    }
  }

  transferLeadership(to: NodeId): Promise<void> {
    return this.exclusive(async () => {
      const r = this.node.transferLeadership(to);
      if (!r.ok) throw new NotLeaderError(r.leaderId);
      await this.pump();
    });
  }

  status(): Status {
    return this.node.status();
  }

  progress(): ReturnType<RaftNode["progress"]> {
    return this.node.progress();
  }

  /** Milliseconds since a message from each peer last arrived. */
  lastContactMs(peer: NodeId): number {
    const t = this.lastContact.get(peer);
    return t === undefined ? -1 : this.options.clock.now() - t;
  }

  private async pump(): Promise<void> {
    while (this.node.hasReady()) {
      const rd = this.node.ready();
      await this.persist(rd);
      for (const m of rd.messages) {
        const c = this.capture;
        if (c !== null && c.found === null && m.to === c.to && m.type === c.type) c.found = m;
        else this.sink.send(m);
      }
      if (rd.softState !== undefined) {
        const { role, leaderId } = rd.softState;
        this.options.logger.info(
          { role, leader: leaderId, term: this.node.status().term },
          "raft role changed",
        );
        for (const l of this.roleListeners) l(role, leaderId);
      }
      if (rd.snapshot !== undefined) {
        this.options.stateMachine.restore(rd.snapshot);
        this.appliedSinceSnapshot = 0;
        this.options.logger.info(
          { index: rd.snapshot.index, term: rd.snapshot.term, bytes: rd.snapshot.data.byteLength },
          "installed a snapshot from the leader",
        );
      }
      for (const e of rd.committed) this.applyEntry(e);
      this.node.advance(rd);
      await this.maybeSnapshot();
    }
  }

  /**
   * Term and vote must be durable before any message that depends on them is
   * sent. The commit index need not be (a restarted node relearns it from the
   * leader); writing it costs two extra fsyncs (the file and its directory), so
   * a change of commit alone is written only every `COMMIT_PERSIST_EVERY_MS`.
   */
  private mustPersist(h: HardState): boolean {
    const p = this.persistedHardState;
    if (p === undefined || h.term !== p.term || h.votedFor !== p.votedFor) return true;
    return h.commit !== p.commit && this.options.clock.now() - this.persistedAtMs >= COMMIT_PERSIST_EVERY_MS;
  }

  private async persist(rd: Ready): Promise<void> {
    const { storage } = this.options;
    let dirty = false;
    if (rd.snapshot !== undefined) {
      await storage.saveSnapshot(toStoredSnapshot(rd.snapshot));
      dirty = true;
    }
    if (rd.truncateFrom !== undefined) {
      await storage.truncateSuffix(rd.truncateFrom);
      dirty = true;
    }
    if (rd.entries.length > 0) {
      await storage.append(rd.entries.map(toLogEntry));
      dirty = true;
    }
    if (rd.hardState !== undefined && this.mustPersist(rd.hardState)) {
      await storage.setHardState(toStoredHardState(rd.hardState));
      this.persistedHardState = rd.hardState;
      this.persistedAtMs = this.options.clock.now();
      dirty = true;
    }
    // A vote or an acknowledgement counts only once it is on disk.
    if (dirty) await storage.sync();
  }

  private applyEntry(e: Entry): void {
    this.options.stateMachine.apply(e);
    if (e.type === "leader-change") this.appliedLeaderTerm = e.term;
    this.appliedSinceSnapshot++;
    const p = this.pending.get(e.index);
    if (p === undefined) return;
    this.pending.delete(e.index);
    if (p.term === e.term) p.resolve(e.index);
    else p.reject(new NotLeaderError(this.node.status().leaderId));
  }

  private async maybeSnapshot(): Promise<void> {
    if (this.appliedSinceSnapshot < this.options.snapshotEveryEntries) return;
    const applied = this.node.status().applied;
    if (applied <= this.node.status().snapshotIndex) return;
    const snapshot = this.node.compact(applied, this.options.stateMachine.snapshotData());
    await this.options.storage.saveSnapshot(toStoredSnapshot(snapshot));
    await this.options.storage.compact(snapshot.index);
    this.appliedSinceSnapshot = 0;
    this.options.logger.info(
      { index: snapshot.index, bytes: snapshot.data.byteLength },
      "snapshot taken, log compacted",
    );
  }
}
