/**
 * Mapping between the pure Raft core's data (`@runnel/raft`), the wire
 * (`runnel.v1.RaftService`) and the disk (`../storage`). Nothing here decides
 * anything: each function is a one-to-one translation.
 */
import { create } from "@bufbuild/protobuf";
import {
  decodeConfig,
  decodeLeaderChange,
  type Entry,
  type EntryType,
  encodeConfig,
  encodeLeaderChange,
  type HardState,
  type Message,
  type Snapshot,
} from "@runnel/raft";
import {
  type AppendEntriesRequest,
  AppendEntriesRequestSchema,
  type AppendEntriesResponse,
  AppendEntriesResponseSchema,
  type RaftEntry,
  RaftEntrySchema,
  type TimeoutNowRequest,
  TimeoutNowRequestSchema,
  type VoteRequest,
  VoteRequestSchema,
  type VoteResponse,
  VoteResponseSchema,
} from "@runnel/rpc";
import type { LogEntry, HardState as StoredHardState, Snapshot as StoredSnapshot } from "../storage/index.js";

const ENTRY_TYPE_CODES: Record<EntryType, number> = { normal: 0, config: 1, "leader-change": 2 };
const ENTRY_TYPES: readonly EntryType[] = ["normal", "config", "leader-change"];

export function toLogEntry(e: Entry): LogEntry {
  return { index: e.index, term: e.term, type: ENTRY_TYPE_CODES[e.type], data: e.data };
}

export function fromLogEntry(e: LogEntry): Entry {
  const type = ENTRY_TYPES[e.type];
  if (type === undefined) throw new Error(`log entry ${e.index} has unknown type ${e.type}`);
  return { index: e.index, term: e.term, type, data: e.data };
}

export function toStoredSnapshot(s: Snapshot): StoredSnapshot {
  return { index: s.index, term: s.term, config: encodeConfig(s.voters), data: s.data };
}

export function fromStoredSnapshot(s: StoredSnapshot): Snapshot {
  return { index: s.index, term: s.term, voters: decodeConfig(s.config), data: s.data };
}

export function toStoredHardState(h: HardState): StoredHardState {
  return { term: h.term, votedFor: h.votedFor === 0 ? null : h.votedFor, commit: h.commit };
}

export function fromStoredHardState(h: StoredHardState): HardState {
  return { term: h.term, votedFor: h.votedFor ?? 0, commit: h.commit };
}

export function toWireEntry(e: Entry): RaftEntry {
  switch (e.type) {
    case "normal":
      return create(RaftEntrySchema, {
        term: e.term,
        index: BigInt(e.index),
        payload: { case: "data", value: e.data },
      });
    case "config":
      return create(RaftEntrySchema, {
        term: e.term,
        index: BigInt(e.index),
        payload: { case: "configChange", value: { voters: decodeConfig(e.data) } },
      });
    case "leader-change": {
      const { leaderId, voters } = decodeLeaderChange(e.data);
      return create(RaftEntrySchema, {
        term: e.term,
        index: BigInt(e.index),
        payload: { case: "leaderChange", value: { leaderId, voters } },
      });
    }
  }
}

/** A wire entry as a core entry, or a reason it is malformed. */
export function fromWireEntry(e: RaftEntry): Entry | string {
  try {
    return wireEntry(e);
  } catch (err) {
    return `entry ${e.index}: ${err instanceof Error ? err.message : String(err)}`;
  }
}

function wireEntry(e: RaftEntry): Entry | string {
  const index = Number(e.index);
  switch (e.payload.case) {
    case "data":
      return { index, term: e.term, type: "normal", data: e.payload.value };
    case "configChange":
      return { index, term: e.term, type: "config", data: encodeConfig(e.payload.value.voters) };
    case "leaderChange":
      return {
        index,
        term: e.term,
        type: "leader-change",
        data: encodeLeaderChange(e.payload.value.leaderId, e.payload.value.voters),
      };
    default:
      return `entry ${index} has no payload`;
  }
}

export function toVoteRequest(clusterId: string, m: Message & { type: "vote" }): VoteRequest {
  return create(VoteRequestSchema, {
    clusterId,
    candidateId: m.from,
    toId: m.to,
    term: m.term,
    lastLogIndex: BigInt(m.lastLogIndex),
    lastLogTerm: m.lastLogTerm,
    preVote: m.preVote,
    leadershipTransfer: m.transfer,
  });
}

export function fromVoteRequest(r: VoteRequest): Message {
  return {
    type: "vote",
    from: r.candidateId,
    to: r.toId,
    term: r.term,
    lastLogIndex: Number(r.lastLogIndex),
    lastLogTerm: r.lastLogTerm,
    preVote: r.preVote,
    transfer: r.leadershipTransfer,
  };
}

export function toVoteResponse(m: Message & { type: "vote-response" }): VoteResponse {
  return create(VoteResponseSchema, {
    voterId: m.from,
    term: m.term,
    voteGranted: m.granted,
    preVote: m.preVote,
  });
}

export function fromVoteResponse(r: VoteResponse, to: number): Message {
  return {
    type: "vote-response",
    from: r.voterId,
    to,
    term: r.term,
    granted: r.voteGranted,
    preVote: r.preVote,
  };
}

export function toAppendRequest(clusterId: string, m: Message & { type: "append" }): AppendEntriesRequest {
  return create(AppendEntriesRequestSchema, {
    clusterId,
    leaderId: m.from,
    toId: m.to,
    term: m.term,
    prevLogIndex: BigInt(m.prevLogIndex),
    prevLogTerm: m.prevLogTerm,
    entries: m.entries.map(toWireEntry),
    leaderCommit: BigInt(m.leaderCommit),
  });
}

export function fromAppendRequest(r: AppendEntriesRequest): Message | string {
  const entries: Entry[] = [];
  for (const w of r.entries) {
    const e = fromWireEntry(w);
    if (typeof e === "string") return e;
    entries.push(e);
  }
  return {
    type: "append",
    from: r.leaderId,
    to: r.toId,
    term: r.term,
    prevLogIndex: Number(r.prevLogIndex),
    prevLogTerm: r.prevLogTerm,
    entries,
    leaderCommit: Number(r.leaderCommit),
  };
}

export function toAppendResponse(m: Message & { type: "append-response" }): AppendEntriesResponse {
  return create(AppendEntriesResponseSchema, {
    followerId: m.from,
    term: m.term,
    success: m.success,
    matchIndex: BigInt(m.matchIndex),
    conflictTerm: m.conflictTerm,
    conflictIndex: BigInt(m.conflictIndex),
  });
}

export function fromAppendResponse(r: AppendEntriesResponse, to: number): Message {
  return {
    type: "append-response",
    from: r.followerId,
    to,
    term: r.term,
    success: r.success,
    matchIndex: Number(r.matchIndex),
    conflictTerm: r.conflictTerm,
    conflictIndex: Number(r.conflictIndex),
  };
}

export function toTimeoutNow(clusterId: string, m: Message & { type: "timeout-now" }): TimeoutNowRequest {
  return create(TimeoutNowRequestSchema, { clusterId, leaderId: m.from, toId: m.to, term: m.term });
}

export function fromTimeoutNow(r: TimeoutNowRequest): Message {
  return { type: "timeout-now", from: r.leaderId, to: r.toId, term: r.term };
}
