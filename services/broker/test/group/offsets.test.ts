/**
 * Committed offsets and the group administration APIs: OffsetCommit's
 * generation and member checks, OffsetFetch (single and multi-group),
 * KIP-211 retention, ListGroups, DescribeGroups, DeleteGroups, OffsetDelete,
 * and `load` rebuilding exactly the state the coordinator's own records describe.
 */

import { ErrorCode, type OffsetCommitRequest, type OffsetFetchResponse } from "@runnel/kafka-protocol";
import { describe, expect, it } from "vitest";
import {
  decodeOffsetCommitValue,
  decodeOffsetsKey,
  encodeOffsetCommitKey,
  GroupCoordinator,
  type OffsetsRecord,
} from "../../src/group/index.js";
import { bytes, Harness, NONE, subscription } from "./harness.js";

interface Commit {
  group?: string;
  generation?: number;
  memberId?: string;
  instanceId?: string | null;
  retentionMs?: bigint;
  v?: number;
  offsets: [topic: string, partition: number, offset: bigint, metadata?: string | null, epoch?: number][];
}

function commit(h: Harness, c: Commit): number[] {
  const topics = new Map<string, OffsetCommitRequest["topics"][number]>();
  for (const [topic, partition, offset, metadata, epoch] of c.offsets) {
    const t = topics.get(topic) ?? { name: topic, partitions: [] };
    topics.set(topic, t);
    t.partitions.push({
      partitionIndex: partition,
      committedOffset: offset,
      committedLeaderEpoch: epoch ?? -1,
      commitTimestamp: -1n,
      committedMetadata: metadata === undefined ? "" : metadata,
    });
  }
  const out = h.absorb(
    h.coordinator.offsetCommit(
      {
        groupId: c.group ?? "g",
        generationIdOrMemberEpoch: c.generation ?? -1,
        memberId: c.memberId ?? "",
        groupInstanceId: c.instanceId ?? null,
        retentionTimeMs: c.retentionMs ?? -1n,
        topics: [...topics.values()],
      },
      h.ctx(c.v ?? 8),
      h.nowMs,
    ),
  );
  return out.response.topics.flatMap((t) => t.partitions.map((p) => p.errorCode));
}

function fetch(
  h: Harness,
  group: string,
  topics: { name: string; partitionIndexes: number[] }[] | null,
  v = 7,
) {
  return h.coordinator.offsetFetch(
    { groupId: group, topics, groups: [], requireStable: false },
    h.ctx(v),
    h.nowMs,
  ).response;
}

/** A consumer group "g" of two members subscribed to t1, stable in generation 1. */
function stableConsumers(h: Harness) {
  const a = h.joinNew({ clientId: "a" });
  const b = h.joinNew({ clientId: "b" });
  h.advance(0);
  h.sync(b.memberId, 1);
  h.sync(a.memberId, 1, [
    { memberId: a.memberId, assignment: bytes("A") },
    { memberId: b.memberId, assignment: bytes("B") },
  ]);
  return { a: a.memberId, b: b.memberId };
}

describe("OffsetCommit and OffsetFetch", () => {
  it("a standalone commit creates the group, and fetch returns offset, leader epoch and metadata unchanged", () => {
    const h = new Harness();
    const metadata = 'ünïcødé ✓ {"k":1}';
    expect(
      commit(h, {
        group: "simple",
        offsets: [
          ["t", 0, 42n, metadata, 7],
          ["t", 1, 43n, null],
        ],
      }),
    ).toEqual([NONE, NONE]);
    expect(h.state("simple")).toMatchObject({ state: "Empty", protocolType: null });
    const r = fetch(h, "simple", [{ name: "t", partitionIndexes: [0, 1, 2] }]);
    expect(r.topics[0]?.partitions).toEqual([
      { partitionIndex: 0, committedOffset: 42n, committedLeaderEpoch: 7, metadata, errorCode: NONE },
      // A null metadata is stored as the empty string, as Kafka does.
      { partitionIndex: 1, committedOffset: 43n, committedLeaderEpoch: -1, metadata: "", errorCode: NONE },
      { partitionIndex: 2, committedOffset: -1n, committedLeaderEpoch: -1, metadata: "", errorCode: NONE },
    ]);
    // One record per partition, in Kafka's format.
    expect(h.records.map((r) => decodeOffsetsKey(r.key))).toEqual([
      { type: "offset", group: "simple", topic: "t", partition: 0 },
      { type: "offset", group: "simple", topic: "t", partition: 1 },
    ]);
    expect(decodeOffsetCommitValue(h.records[0]?.value as Uint8Array)).toEqual({
      offset: 42n,
      leaderEpoch: 7,
      metadata,
      commitTimestampMs: 0,
      expireTimestampMs: -1,
    });
  });

  it("fetching all topics (null) returns every committed offset; an unknown group has none", () => {
    const h = new Harness();
    commit(h, {
      offsets: [
        ["b", 1, 5n],
        ["a", 0, 1n],
        ["b", 0, 4n],
      ],
    });
    const r = fetch(h, "g", null);
    expect(
      r.topics.map((t) => [t.name, t.partitions.map((p) => [p.partitionIndex, p.committedOffset])]),
    ).toEqual([
      ["a", [[0, 1n]]],
      [
        "b",
        [
          [0, 4n],
          [1, 5n],
        ],
      ],
    ]);
    expect(fetch(h, "nobody", null).topics).toEqual([]);
  });

  it("OffsetFetch v8 answers several groups at once", () => {
    const h = new Harness();
    commit(h, { group: "g1", offsets: [["t", 0, 10n]] });
    commit(h, { group: "g2", offsets: [["t", 0, 20n]] });
    const r: OffsetFetchResponse = h.coordinator.offsetFetch(
      {
        groupId: "",
        topics: [],
        requireStable: true,
        groups: [
          { groupId: "g1", memberId: null, memberEpoch: -1, topics: null },
          { groupId: "g2", memberId: null, memberEpoch: -1, topics: [{ name: "t", partitionIndexes: [0] }] },
        ],
      },
      h.ctx(8),
      h.nowMs,
    ).response;
    expect(
      r.groups.map((g) => [g.groupId, g.errorCode, g.topics[0]?.partitions[0]?.committedOffset]),
    ).toEqual([
      ["g1", NONE, 10n],
      ["g2", NONE, 20n],
    ]);
  });

  it("group members commit with their generation; strangers and stale generations are refused", () => {
    const h = new Harness();
    const { a } = stableConsumers(h);
    expect(commit(h, { generation: 1, memberId: a, offsets: [["t1", 0, 100n]] })).toEqual([NONE]);
    expect(commit(h, { generation: 0, memberId: a, offsets: [["t1", 0, 1n]] })).toEqual([
      ErrorCode.ILLEGAL_GENERATION,
    ]);
    expect(commit(h, { generation: 1, memberId: "ghost", offsets: [["t1", 0, 1n]] })).toEqual([
      ErrorCode.UNKNOWN_MEMBER_ID,
    ]);
    // Without member id and generation, only an empty group accepts commits.
    expect(commit(h, { offsets: [["t1", 0, 1n]] })).toEqual([ErrorCode.UNKNOWN_MEMBER_ID]);
    // A generation for a group that does not exist is stale by definition.
    expect(commit(h, { group: "new", generation: 3, memberId: "x", offsets: [["t1", 0, 1n]] })).toEqual([
      ErrorCode.ILLEGAL_GENERATION,
    ]);
    expect(h.state("new")).toBeUndefined();
    expect(
      fetch(h, "g", [{ name: "t1", partitionIndexes: [0] }]).topics[0]?.partitions[0]?.committedOffset,
    ).toBe(100n);
  });

  it("commits during a rebalance: allowed before the join phase ends, REBALANCE_IN_PROGRESS while the leader assigns", () => {
    const h = new Harness();
    const { a, b } = stableConsumers(h);
    h.join({ memberId: a }); // leader rejoins: PreparingRebalance
    expect(commit(h, { generation: 1, memberId: b, offsets: [["t1", 1, 7n]] })).toEqual([NONE]);
    h.join({ memberId: b });
    expect(h.state()?.state).toBe("CompletingRebalance");
    expect(commit(h, { generation: 2, memberId: b, offsets: [["t1", 1, 8n]] })).toEqual([
      ErrorCode.REBALANCE_IN_PROGRESS,
    ]);
  });

  it("refuses metadata longer than offset.metadata.max.bytes", () => {
    const h = new Harness({ offsetMetadataMaxBytes: 8 });
    expect(
      commit(h, {
        offsets: [
          ["t", 0, 1n, "12345678"],
          ["t", 1, 1n, "123456789"],
        ],
      }),
    ).toEqual([NONE, ErrorCode.OFFSET_METADATA_TOO_LARGE]);
  });
});

describe("KIP-211 offset retention", () => {
  const DAY = 24 * 60 * 60 * 1000;

  it("a standalone group's offsets expire a retention period after their commit, then the group goes", () => {
    const h = new Harness({ offsetsRetentionMs: DAY, offsetsRetentionCheckIntervalMs: 60_000 });
    commit(h, { group: "s", offsets: [["t", 0, 1n]] });
    h.advance(DAY / 2);
    commit(h, { group: "s", offsets: [["t", 1, 2n]] });
    h.advanceTo(DAY + 60_000);
    expect(h.state("s")?.offsets.map((o) => o.partition)).toEqual([1]);
    const before = h.records.length;
    h.advanceTo(DAY + DAY / 2 + 60_000);
    expect(h.state("s")).toBeUndefined();
    // An offset tombstone, then the group's tombstone.
    expect(h.records.slice(before).map((r) => [decodeOffsetsKey(r.key).type, r.value])).toEqual([
      ["offset", null],
      ["group", null],
    ]);
  });

  it("a consumer group's offsets are kept while it is active and expire a period after it became empty", () => {
    const h = new Harness({ offsetsRetentionMs: DAY, offsetsRetentionCheckIntervalMs: 60_000 });
    const { a, b } = stableConsumers(h);
    commit(h, { generation: 1, memberId: a, offsets: [["t1", 0, 5n]] });
    for (let t = 5_000; t <= 2 * DAY; t += 5_000) {
      h.advanceTo(t);
      h.heartbeat(a, 1);
      h.heartbeat(b, 1);
    }
    expect(h.state()?.offsets).toHaveLength(1);
    h.leave([{ memberId: a }, { memberId: b }]);
    const emptyAt = h.nowMs;
    expect(h.state()?.state).toBe("Empty");
    h.advanceTo(emptyAt + DAY - 60_000);
    expect(h.state()?.offsets).toHaveLength(1);
    h.advanceTo(emptyAt + DAY + 60_000);
    expect(h.state()).toBeUndefined();
  });

  it("an explicit retention time (OffsetCommit v2-v4) is kept in a version 1 record", () => {
    const h = new Harness();
    commit(h, { v: 2, retentionMs: 5_000n, offsets: [["t", 0, 9n]] });
    const value = h.records[0]?.value as Uint8Array;
    expect(value[1]).toBe(1);
    expect(decodeOffsetCommitValue(value)).toMatchObject({ offset: 9n, expireTimestampMs: 5_000 });
  });
});

describe("group administration", () => {
  it("ListGroups lists every group, filtered by state from v4", () => {
    const h = new Harness();
    stableConsumers(h);
    commit(h, { group: "simple", offsets: [["t", 0, 1n]] });
    const list = (states: string[], v = 4) =>
      h.coordinator.listGroups({ statesFilter: states, typesFilter: [] }, h.ctx(v), h.nowMs).response.groups;
    expect(list([]).map((g) => [g.groupId, g.protocolType, g.groupState])).toEqual([
      ["g", "consumer", "Stable"],
      ["simple", "", "Empty"],
    ]);
    expect(list(["Stable"]).map((g) => g.groupId)).toEqual(["g"]);
    expect(list(["Stable"], 3).map((g) => g.groupId)).toEqual(["g", "simple"]);
  });

  it("DescribeGroups shows members with metadata and assignments once stable, and Dead for unknown groups", () => {
    const h = new Harness();
    const { a, b } = stableConsumers(h);
    const [g, unknown] = h.coordinator.describeGroups(
      { groups: ["g", "nope"], includeAuthorizedOperations: false },
      h.ctx(5),
      h.nowMs,
    ).response.groups;
    expect(g).toMatchObject({
      errorCode: NONE,
      groupState: "Stable",
      protocolType: "consumer",
      protocolData: "range",
    });
    expect(g?.members.map((m) => [m.memberId, m.clientId, m.clientHost, m.memberAssignment])).toEqual([
      [a, "a", "/10.0.0.1", bytes("A")],
      [b, "b", "/10.0.0.1", bytes("B")],
    ]);
    expect(g?.members[0]?.memberMetadata).toEqual(subscription(["t1"]));
    expect(unknown).toMatchObject({ errorCode: NONE, groupState: "Dead", members: [] });
  });

  it("DeleteGroups removes only empty groups, writing tombstones for the group and its offsets", () => {
    const h = new Harness();
    stableConsumers(h);
    commit(h, {
      group: "idle",
      offsets: [
        ["t", 0, 1n],
        ["u", 3, 2n],
      ],
    });
    const before = h.records.length;
    const results = h.absorb(
      h.coordinator.deleteGroups({ groupsNames: ["g", "idle", "nope"] }, h.ctx(2), h.nowMs),
    ).response.results;
    expect(results).toEqual([
      { groupId: "g", errorCode: ErrorCode.NON_EMPTY_GROUP },
      { groupId: "idle", errorCode: NONE },
      { groupId: "nope", errorCode: ErrorCode.GROUP_ID_NOT_FOUND },
    ]);
    // Two offset tombstones and the group's; nothing for the refused groups.
    expect(h.records.length).toBe(before + 3);
  });

  it("DeleteGroups emits one tombstone per offset and one for the group", () => {
    const h = new Harness();
    commit(h, {
      group: "idle",
      offsets: [
        ["t", 0, 1n],
        ["u", 3, 2n],
      ],
    });
    const out = h.coordinator.deleteGroups({ groupsNames: ["idle"] }, h.ctx(2), h.nowMs);
    expect(out.records.map((r) => [decodeOffsetsKey(r.key), r.value])).toEqual([
      [{ type: "offset", group: "idle", topic: "t", partition: 0 }, null],
      [{ type: "offset", group: "idle", topic: "u", partition: 3 }, null],
      [{ type: "group", group: "idle" }, null],
    ]);
    expect(h.coordinator.snapshot()).toEqual([]);
  });

  it("OffsetDelete refuses topics a live consumer group subscribes to and deletes the others", () => {
    const h = new Harness();
    const { a } = stableConsumers(h);
    commit(h, {
      generation: 1,
      memberId: a,
      offsets: [
        ["t1", 0, 5n],
        ["old", 0, 3n],
      ],
    });
    const out = h.coordinator.offsetDelete(
      {
        groupId: "g",
        topics: [
          { name: "t1", partitions: [{ partitionIndex: 0 }] },
          { name: "old", partitions: [{ partitionIndex: 0 }] },
        ],
      },
      h.ctx(0),
      h.nowMs,
    );
    expect(out.response.topics.map((t) => [t.name, t.partitions[0]?.errorCode])).toEqual([
      ["t1", ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC],
      ["old", NONE],
    ]);
    expect(out.records).toEqual([{ key: encodeOffsetCommitKey("g", "old", 0), value: null }]);
    expect(h.state()?.offsets.map((o) => o.topic)).toEqual(["t1"]);
    const missing = h.coordinator.offsetDelete({ groupId: "nope", topics: [] }, h.ctx(0), h.nowMs).response;
    expect(missing.errorCode).toBe(ErrorCode.GROUP_ID_NOT_FOUND);
  });
});

describe("load(records): a coordinator restart loses nothing", () => {
  it("rebuilds identical groups and offsets from the records the coordinator produced", () => {
    const h = new Harness();
    // A stable consumer group with offsets, one of them overwritten and one deleted.
    const { a, b } = stableConsumers(h);
    commit(h, {
      generation: 1,
      memberId: a,
      offsets: [
        ["t1", 0, 5n, "first"],
        ["t1", 1, 6n],
        ["gone", 0, 1n],
      ],
    });
    commit(h, { generation: 1, memberId: b, offsets: [["t1", 0, 50n, "second", 3]] });
    h.absorb(
      h.coordinator.offsetDelete(
        { groupId: "g", topics: [{ name: "gone", partitions: [{ partitionIndex: 0 }] }] },
        h.ctx(0),
        h.nowMs,
      ),
    );
    // A static group whose member restarted (a new member id, persisted without a rebalance).
    const ts = h.join({ group: "static", instanceId: "i1", clientId: "s" });
    h.advance(0);
    const s1 = h.joinResponse(ts)?.memberId as string;
    h.sync(s1, 1, [{ memberId: s1, assignment: bytes("S") }], { group: "static", instanceId: "i1" });
    h.join({ group: "static", instanceId: "i1", clientId: "s" });
    // A group whose members all left (Empty, generation 2, offsets kept), a standalone group, a deleted group.
    const e = h.joinNew({ group: "emptied", clientId: "e" });
    h.advance(0);
    h.sync(e.memberId, 1, [], { group: "emptied" });
    commit(h, { group: "emptied", generation: 1, memberId: e.memberId, offsets: [["t1", 2, 9n]] });
    h.leave([{ memberId: e.memberId }], "emptied");
    commit(h, { group: "simple", v: 2, retentionMs: 86_400_000n, offsets: [["x", 0, 77n, "meta"]] });
    commit(h, { group: "deleted", offsets: [["x", 0, 1n]] });
    h.absorb(h.coordinator.deleteGroups({ groupsNames: ["deleted"] }, h.ctx(2), h.nowMs));

    const expected = h.coordinator.snapshot();
    expect(expected.map((g) => [g.groupId, g.state, g.generationId])).toEqual([
      ["emptied", "Empty", 2],
      ["g", "Stable", 1],
      ["simple", "Empty", 0],
      ["static", "Stable", 1],
    ]);

    // Records of later protocols (here a KIP-848 key, version 3) are skipped, not misread.
    const foreign: OffsetsRecord = { key: Uint8Array.of(0, 3, 0, 1, 0x67), value: Uint8Array.of(0, 0) };
    const restarted = new GroupCoordinator({}, { randomId: () => "fresh" });
    const summary = restarted.load([...h.records, foreign], h.nowMs + 1_000);
    expect(summary).toMatchObject({ groups: 4, skippedRecords: 1 });
    expect(restarted.snapshot()).toEqual(expected);

    // The reloaded group carries on: its members heartbeat in the same generation.
    const ctx = h.ctx(4);
    const hb = restarted.heartbeat(
      { groupId: "g", generationId: 1, memberId: b, groupInstanceId: null },
      ctx,
      h.nowMs + 5_000,
    );
    expect(hb.response.errorCode).toBe(NONE);
    // ... and members that are gone expire a session timeout after the load.
    const later = restarted.tick(h.nowMs + 1_000 + 10_000);
    expect(later.replies).toEqual([]);
    expect(restarted.snapshot().find((g) => g.groupId === "g")?.state).toBe("PreparingRebalance");
  });
});
