/**
 * The data the Raft core takes in and hands out. Everything here is plain data: the shell maps it
 * onto the wire (`runnel.v1.RaftService`) and onto its disk, and nothing in it refers to time,
 * sockets or files.
 */

/** A voter's id: a positive 31-bit integer. 0 means "none" (no vote, no known leader). */
export type NodeId = number;

/** The "none" node id. */
export const NONE: NodeId = 0;

/**
 * - `normal`: application data, opaque to Raft.
 * - `config`: a new voter set (see `encodeConfig`), in effect on a node as soon as it is appended.
 * - `leader-change`: the first entry of each leader's term (see `encodeLeaderChange`); it lets
 *   entries of earlier terms commit and tells the application who leads.
 */
export type EntryType = "normal" | "config" | "leader-change";

export interface Entry {
  readonly index: number;
  readonly term: number;
  readonly type: EntryType;
  readonly data: Uint8Array;
}

/**
 * A snapshot of the application state at `index` (which has term `term`), with the voter set in
 * effect there. `data` is opaque to Raft. A snapshot at index 0 with empty data is how a cluster is
 * bootstrapped with its first voter set (see `bootstrapState`).
 */
export interface Snapshot {
  readonly index: number;
  readonly term: number;
  readonly voters: readonly NodeId[];
  readonly data: Uint8Array;
}

/** What must be durable before any message of the same `Ready` is sent. */
export interface HardState {
  readonly term: number;
  /** The candidate voted for in `term`, or 0. */
  readonly votedFor: NodeId;
  /** The highest index known committed. Persisting it lets a restarted node apply without a leader. */
  readonly commit: number;
}

/** What the core is built from on start and restart: everything the shell persisted. */
export interface PersistedState {
  readonly hardState: HardState;
  /** The latest snapshot; for a fresh node, the bootstrap snapshot at index 0. */
  readonly snapshot: Snapshot;
  /** The log entries after `snapshot.index`, consecutive. */
  readonly entries: readonly Entry[];
}

export type Role = "follower" | "pre-candidate" | "candidate" | "leader";

export interface SoftState {
  readonly role: Role;
  /** The leader this node follows (itself when leader), or 0 if unknown. */
  readonly leaderId: NodeId;
}

interface MessageBase {
  readonly from: NodeId;
  readonly to: NodeId;
  readonly term: number;
}

/** `VoteRequest`. For a pre-vote, `term` is the term the candidate would campaign in. */
export interface VoteMessage extends MessageBase {
  readonly type: "vote";
  readonly lastLogIndex: number;
  readonly lastLogTerm: number;
  readonly preVote: boolean;
  /** Sent because the leader handed over leadership: voters ignore their leader lease. */
  readonly transfer: boolean;
}

/**
 * `VoteResponse`. `term` is the voter's term, except for a granted pre-vote, which echoes the
 * request's term (the voter's own term may be lower and must not make the reply look stale).
 */
export interface VoteResponseMessage extends MessageBase {
  readonly type: "vote-response";
  readonly granted: boolean;
  readonly preVote: boolean;
}

/** `AppendEntriesRequest`; with no entries it is a heartbeat. */
export interface AppendMessage extends MessageBase {
  readonly type: "append";
  readonly prevLogIndex: number;
  readonly prevLogTerm: number;
  readonly entries: readonly Entry[];
  readonly leaderCommit: number;
}

/**
 * `AppendEntriesResponse`. On success `matchIndex` is the last index known to match the leader's
 * log. On a log mismatch `conflictTerm`/`conflictIndex` are the backtracking hint; a rejection with
 * `conflictIndex` 0 carries no log information (the request's term was stale).
 */
export interface AppendResponseMessage extends MessageBase {
  readonly type: "append-response";
  readonly success: boolean;
  readonly matchIndex: number;
  readonly conflictTerm: number;
  readonly conflictIndex: number;
}

/** `InstallSnapshotRequest`, whole; the shell splits it into chunks on the wire. */
export interface SnapshotMessage extends MessageBase {
  readonly type: "snapshot";
  readonly snapshot: Snapshot;
}

/**
 * `InstallSnapshotResponse` once the whole snapshot arrived. `matchIndex` is the index up to which
 * the follower's log now matches the leader's (the snapshot index, or its commit index if that was
 * already past the snapshot); 0 with `installed` false answers a stale term.
 */
export interface SnapshotResponseMessage extends MessageBase {
  readonly type: "snapshot-response";
  readonly installed: boolean;
  readonly matchIndex: number;
}

/** `TimeoutNowRequest`: start an election at once (leadership transfer). It needs no response. */
export interface TimeoutNowMessage extends MessageBase {
  readonly type: "timeout-now";
}

export type Message =
  | VoteMessage
  | VoteResponseMessage
  | AppendMessage
  | AppendResponseMessage
  | SnapshotMessage
  | SnapshotResponseMessage
  | TimeoutNowMessage;

export type MessageType = Message["type"];

/**
 * What the shell must do, in this order: persist `snapshot`, `truncateFrom`, `entries` and
 * `hardState` durably (fsync); then send `messages`; then restore the state machine from
 * `snapshot` and apply `committed`; then call `advance(ready)`.
 */
export interface Ready {
  /** Present when role or leader changed since the previous `Ready`. */
  readonly softState?: SoftState;
  /** Present when term, vote or commit changed since the previous `Ready`. */
  readonly hardState?: HardState;
  /**
   * A snapshot received from the leader. Persist it and drop every stored entry at or below its
   * index; the state machine is then restored from it (before applying `committed`).
   */
  readonly snapshot?: Snapshot;
  /** Drop every stored entry with index >= this (a follower's conflicting suffix), before appending. */
  readonly truncateFrom?: number;
  /** Append these (consecutive) entries to the stored log. */
  readonly entries: readonly Entry[];
  /** Send these, only after everything above is durable. Delivery may fail; the core retries. */
  readonly messages: readonly Message[];
  /** Apply these to the state machine, in order. All are durable once the above is persisted. */
  readonly committed: readonly Entry[];
}

/** A one-voter membership change (Raft's single-server change). */
export type ConfChange =
  | { readonly type: "add-voter"; readonly node: NodeId }
  | { readonly type: "remove-voter"; readonly node: NodeId };

export type ProposeRejection =
  /** Only the leader takes proposals; `leaderId` says where to go (0 if unknown). */
  | "not-leader"
  /** A leadership transfer is under way. */
  | "transferring"
  /** Too many entries appended but not committed (`maxUncommittedEntries`). */
  | "too-many-uncommitted"
  /** A membership change is appended but not committed yet; one at a time. */
  | "config-change-pending"
  /** The leader has not committed an entry of its own term yet, so it may not change membership. */
  | "leader-not-ready"
  /** The change is a no-op or would leave no voter (adding a voter, removing a non-voter or the last one). */
  | "invalid-config-change";

export type ProposeResult =
  | { readonly ok: true; readonly index: number; readonly term: number }
  | { readonly ok: false; readonly reason: ProposeRejection; readonly leaderId: NodeId };

export type TransferResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: "not-leader" | "not-a-voter"; readonly leaderId: NodeId };

/** A source of randomness; `@runnel/runtime`'s `Random` satisfies it. */
export interface RandomSource {
  /** A uniformly distributed integer in [min, max). */
  int(min: number, max: number): number;
}

export interface RaftOptions {
  readonly id: NodeId;
  /** What was persisted (see `bootstrapState` for a fresh node). */
  readonly storage: PersistedState;
  /** Election-timeout jitter comes only from here. */
  readonly random: RandomSource;
  /** A follower campaigns after a random timeout in [electionTicks, 2 * electionTicks). Default 10. */
  readonly electionTicks?: number;
  /** The leader sends heartbeats every heartbeatTicks ticks. Default 1; must be < electionTicks. */
  readonly heartbeatTicks?: number;
  /** Entries per AppendEntries message. Default 64. */
  readonly maxEntriesPerAppend?: number;
  /** Entries sent to one follower and not yet acknowledged. Default 512. */
  readonly maxInflightEntries?: number;
  /** Entries the leader accepts beyond its commit index before refusing proposals. Default 4096. */
  readonly maxUncommittedEntries?: number;
  /** Committed entries handed to the application per `Ready`. Default 1024. */
  readonly maxCommittedPerReady?: number;
  /**
   * TEST ONLY. Deliberately broken rules, so the simulator can prove it catches a broken core.
   * Never set outside tests.
   */
  readonly unsafe?: UnsafeOptions;
}

export interface UnsafeOptions {
  /** Commit an entry as soon as any one voter (the leader itself) holds it. Breaks safety. */
  readonly commitOnMinority?: boolean;
}

export type ProgressState = "probe" | "replicate" | "snapshot";

/** The leader's view of one follower. */
export interface ProgressStatus {
  readonly match: number;
  readonly next: number;
  readonly state: ProgressState;
  readonly recentActive: boolean;
}

export interface Status {
  readonly id: NodeId;
  readonly term: number;
  readonly votedFor: NodeId;
  readonly role: Role;
  readonly leaderId: NodeId;
  readonly commit: number;
  readonly applied: number;
  /** Index of the latest snapshot (0 if none); the log holds snapshotIndex + 1 .. lastIndex. */
  readonly snapshotIndex: number;
  readonly lastIndex: number;
  readonly lastTerm: number;
  readonly voters: readonly NodeId[];
  /** The transfer target while a leadership transfer is under way, else 0. */
  readonly transferee: NodeId;
}
