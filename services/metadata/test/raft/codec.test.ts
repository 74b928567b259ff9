import { type Entry, encodeConfig, encodeLeaderChange, type Message } from "@runnel/raft";
import { describe, expect, it } from "vitest";
import {
  fromAppendRequest,
  fromAppendResponse,
  fromLogEntry,
  fromStoredHardState,
  fromStoredSnapshot,
  fromTimeoutNow,
  fromVoteRequest,
  fromVoteResponse,
  fromWireEntry,
  toAppendRequest,
  toAppendResponse,
  toLogEntry,
  toStoredHardState,
  toStoredSnapshot,
  toTimeoutNow,
  toVoteRequest,
  toVoteResponse,
  toWireEntry,
} from "../../src/raft/codec.js";

const entries: Entry[] = [
  { index: 1, term: 0, type: "config", data: encodeConfig([3, 1, 2]) },
  { index: 2, term: 1, type: "leader-change", data: encodeLeaderChange(2, [1, 2, 3]) },
  { index: 3, term: 1, type: "normal", data: new Uint8Array([1, 2, 3]) },
];

describe("Raft codec: core ↔ wire ↔ disk", () => {
  it("maps every entry type to the wire and back unchanged", () => {
    for (const e of entries) expect(fromWireEntry(toWireEntry(e))).toEqual(e);
  });

  it("maps every entry type to the disk and back unchanged", () => {
    for (const e of entries) expect(fromLogEntry(toLogEntry(e))).toEqual(e);
    expect(() => fromLogEntry({ index: 4, term: 1, type: 9, data: new Uint8Array() })).toThrow(
      /unknown type 9/,
    );
  });

  it("reports a malformed wire entry instead of throwing", () => {
    const bad = toWireEntry(entries[0] as Entry);
    if (bad.payload.case === "configChange") bad.payload.value.voters = [-5];
    expect(typeof fromWireEntry(bad)).toBe("string");
  });

  it("round-trips each message through its proto", () => {
    const vote: Message = {
      type: "vote",
      from: 1,
      to: 2,
      term: 5,
      lastLogIndex: 9,
      lastLogTerm: 4,
      preVote: true,
      transfer: false,
    };
    expect(fromVoteRequest(toVoteRequest("c", vote))).toEqual(vote);
    const voteResponse: Message = {
      type: "vote-response",
      from: 2,
      to: 1,
      term: 5,
      granted: true,
      preVote: true,
    };
    expect(fromVoteResponse(toVoteResponse(voteResponse), 1)).toEqual(voteResponse);
    const append: Message = {
      type: "append",
      from: 1,
      to: 3,
      term: 5,
      prevLogIndex: 2,
      prevLogTerm: 1,
      entries: entries.slice(2),
      leaderCommit: 2,
    };
    expect(fromAppendRequest(toAppendRequest("c", append))).toEqual(append);
    const appendResponse: Message = {
      type: "append-response",
      from: 3,
      to: 1,
      term: 5,
      success: false,
      matchIndex: 0,
      conflictTerm: 1,
      conflictIndex: 2,
    };
    expect(fromAppendResponse(toAppendResponse(appendResponse), 1)).toEqual(appendResponse);
    const timeoutNow: Message = { type: "timeout-now", from: 1, to: 2, term: 5 };
    expect(fromTimeoutNow(toTimeoutNow("c", timeoutNow))).toEqual(timeoutNow);
  });

  it("maps hard state (0 is no vote) and snapshots (voters in the config bytes)", () => {
    expect(toStoredHardState({ term: 3, votedFor: 0, commit: 7 })).toEqual({
      term: 3,
      votedFor: null,
      commit: 7,
    });
    expect(fromStoredHardState({ term: 3, votedFor: 2, commit: 7 })).toEqual({
      term: 3,
      votedFor: 2,
      commit: 7,
    });
    const snap = { index: 10, term: 2, voters: [1, 2, 3], data: new Uint8Array([9]) };
    expect(fromStoredSnapshot(toStoredSnapshot(snap))).toEqual(snap);
  });
});
