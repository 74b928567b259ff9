/**
 * The classic rebalance protocol driven the way clients drive it, on a virtual
 * clock: join, leader election, sync, heartbeats, leaving, session expiry,
 * rebalance timeout, static membership (KIP-345), member ids (KIP-394),
 * protocol selection, and the initial rebalance delay.
 */

import { ErrorCode } from "@runnel/kafka-protocol";
import { describe, expect, it } from "vitest";
import { bytes, Harness, NONE, subscription } from "./harness.js";

/** Three dynamic members a, b, c in a stable generation 1 with assignments "A", "B", "C". */
function stableGroupOfThree(h: Harness) {
  const a = h.joinNew({ clientId: "a" });
  const b = h.joinNew({ clientId: "b" });
  const c = h.joinNew({ clientId: "c" });
  h.advance(0);
  const ids = [a.memberId, b.memberId, c.memberId] as const;
  const gen = h.joinResponse(a.ticket)?.generationId as number;
  const [sb, sc] = [h.sync(ids[1], gen), h.sync(ids[2], gen)];
  const sa = h.sync(ids[0], gen, [
    { memberId: ids[0], assignment: bytes("A") },
    { memberId: ids[1], assignment: bytes("B") },
    { memberId: ids[2], assignment: bytes("C") },
  ]);
  expect(h.state()?.state).toBe("Stable");
  return { ids, gen, tickets: { a, b, c, sa, sb, sc } };
}

describe("a full rebalance of three members", () => {
  it("elects the first joiner leader, hands it every member's metadata, and delivers each assignment", () => {
    const h = new Harness({ groupInitialRebalanceDelayMs: 3_000 });
    const a = h.joinNew({ clientId: "a", protocols: [{ name: "range", metadata: subscription(["t1"]) }] });
    h.advance(100);
    const b = h.joinNew({ clientId: "b", protocols: [{ name: "range", metadata: subscription(["t2"]) }] });
    h.advance(100);
    const c = h.joinNew({ clientId: "c", protocols: [{ name: "range", metadata: subscription(["t1"]) }] });
    expect(a.memberId).toBe("a-uuid1");
    expect(h.state()?.state).toBe("PreparingRebalance");

    // The initial delay (3 s) is extended once more because members kept arriving.
    h.advanceTo(5_999);
    expect(h.joinResponse(a.ticket)).toBeUndefined();
    h.advanceTo(6_000);
    const [ra, rb, rc] = [a, b, c].map((m) => h.joinResponse(m.ticket));
    expect(ra).toMatchObject({ errorCode: NONE, generationId: 1, leader: a.memberId, protocolName: "range" });
    expect(ra?.members.map((m) => m.memberId)).toEqual([a.memberId, b.memberId, c.memberId]);
    expect(ra?.members[1]?.metadata).toEqual(subscription(["t2"]));
    expect(rb).toMatchObject({ errorCode: NONE, generationId: 1, leader: a.memberId, members: [] });
    expect(rc?.memberId).toBe(c.memberId);
    expect(h.state()?.state).toBe("CompletingRebalance");

    // Followers wait in SyncGroup until the leader sends the assignments.
    const sb = h.sync(b.memberId, 1);
    const sc = h.sync(c.memberId, 1);
    expect(h.syncResponse(sb)).toBeUndefined();
    const recordsBefore = h.records.length;
    const sa = h.sync(a.memberId, 1, [
      { memberId: a.memberId, assignment: bytes("A") },
      { memberId: b.memberId, assignment: bytes("B") },
      { memberId: c.memberId, assignment: bytes("C") },
    ]);
    expect(h.syncResponse(sa)).toMatchObject({
      errorCode: NONE,
      assignment: bytes("A"),
      protocolName: "range",
    });
    expect(h.syncResponse(sb)?.assignment).toEqual(bytes("B"));
    expect(h.syncResponse(sc)?.assignment).toEqual(bytes("C"));
    expect(h.records.length).toBe(recordsBefore + 1);
    expect(h.state()).toMatchObject({ state: "Stable", generationId: 1, leaderId: a.memberId });

    // Heartbeats keep everyone in, well past the 10 s session timeout.
    for (let i = 0; i < 5; i++) {
      h.advance(5_000);
      for (const m of [a, b, c]) expect(h.heartbeat(m.memberId, 1)).toBe(NONE);
    }
    expect(h.state()?.members).toHaveLength(3);
    expect(h.state()?.state).toBe("Stable");
  });

  it("answers a late follower's SyncGroup at once once the group is stable", () => {
    const h = new Harness();
    const { ids, gen } = stableGroupOfThree(h);
    const again = h.sync(ids[2], gen);
    expect(h.syncResponse(again)).toMatchObject({ errorCode: NONE, assignment: bytes("C") });
  });
});

describe("membership changes", () => {
  it("a member leaving triggers a rebalance with the remaining two", () => {
    const h = new Harness();
    const { ids, gen } = stableGroupOfThree(h);
    const response = h.leave([{ memberId: ids[2] }]);
    expect(response.members).toEqual([{ memberId: ids[2], groupInstanceId: null, errorCode: NONE }]);
    expect(h.state()?.state).toBe("PreparingRebalance");
    expect(h.heartbeat(ids[0], gen)).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
    expect(h.heartbeat(ids[2], gen)).toBe(ErrorCode.UNKNOWN_MEMBER_ID);

    const ja = h.join({ memberId: ids[0] });
    expect(h.joinResponse(ja)).toBeUndefined();
    const jb = h.join({ memberId: ids[1] });
    // Everyone is back: the join phase ends without waiting for the timeout.
    expect(h.joinResponse(ja)).toMatchObject({ generationId: gen + 1, leader: ids[0] });
    expect(h.joinResponse(ja)?.members.map((m) => m.memberId)).toEqual([ids[0], ids[1]]);
    expect(h.joinResponse(jb)?.members).toEqual([]);
  });

  it("a member whose session expires is removed and the others rebalance", () => {
    const h = new Harness();
    const { ids, gen } = stableGroupOfThree(h);
    for (let t = 3_000; t <= 9_000; t += 3_000) {
      h.advanceTo(t);
      expect(h.heartbeat(ids[0], gen)).toBe(NONE);
      expect(h.heartbeat(ids[1], gen)).toBe(NONE);
    }
    expect(h.state()?.members).toHaveLength(3);
    h.advanceTo(10_000); // c's last heartbeat was its SyncGroup at 0; session timeout 10 s
    expect(h.state()?.members.map((m) => m.memberId)).toEqual([ids[0], ids[1]]);
    expect(h.state()?.state).toBe("PreparingRebalance");
    expect(h.heartbeat(ids[0], gen)).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
  });

  it("members that do not rejoin within the rebalance timeout are dropped from the next generation", () => {
    const h = new Harness();
    const { ids, gen } = stableGroupOfThree(h);
    const ja = h.join({ memberId: ids[0], rebalanceTimeoutMs: 30_000 }); // the leader asks for a rebalance
    // b keeps heartbeating but never rejoins; c goes silent and its session ends at 10 s.
    for (let t = 3_000; t < 30_000; t += 3_000) {
      h.advanceTo(t);
      expect(h.heartbeat(ids[1], gen)).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
    }
    expect(h.state()?.members).toHaveLength(2);
    h.advanceTo(29_999);
    expect(h.joinResponse(ja)).toBeUndefined();
    h.advanceTo(30_000);
    expect(h.joinResponse(ja)).toMatchObject({ errorCode: NONE, generationId: gen + 1, leader: ids[0] });
    expect(h.joinResponse(ja)?.members.map((m) => m.memberId)).toEqual([ids[0]]);
    expect(h.heartbeat(ids[1], gen)).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
  });

  it("a new leader is chosen among the rejoined members when the old one does not come back", () => {
    const h = new Harness();
    const { ids, gen } = stableGroupOfThree(h);
    // b's subscription changed, so its rejoin starts a rebalance; a heartbeats but never rejoins.
    h.join({ memberId: ids[1], protocols: [{ name: "range", metadata: subscription(["t1", "t2"]) }] });
    const jc = h.join({ memberId: ids[2] });
    expect(h.joinResponse(jc)).toBeUndefined();
    for (let t = 3_000; t < 30_000; t += 3_000) {
      h.advanceTo(t);
      expect(h.heartbeat(ids[0], gen)).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
    }
    h.advanceTo(30_000);
    expect(h.joinResponse(jc)?.leader).toBe(ids[1]);
    expect(h.state()).toMatchObject({ generationId: gen + 1, leaderId: ids[1] });
  });

  it("members that never send SyncGroup are removed after the rebalance timeout", () => {
    const h = new Harness();
    const a = h.joinNew({ clientId: "a" });
    const b = h.joinNew({ clientId: "b" });
    h.advance(0);
    const sa = h.sync(a.memberId, 1, [{ memberId: a.memberId, assignment: bytes("A") }]);
    expect(h.syncResponse(sa)?.errorCode).toBe(NONE);
    // Both heartbeat, but b never sends SyncGroup.
    for (let t = 3_000; t < 30_000; t += 3_000) {
      h.advanceTo(t);
      expect(h.heartbeat(a.memberId, 1)).toBe(NONE);
      expect(h.heartbeat(b.memberId, 1)).toBe(NONE);
    }
    expect(h.state()?.members).toHaveLength(2);
    h.advanceTo(30_000);
    expect(h.state()?.members.map((m) => m.memberId)).toEqual([a.memberId]);
    expect(h.heartbeat(b.memberId, 1)).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
  });

  it("the last member leaving empties the group, bumps the generation and persists it", () => {
    const h = new Harness();
    const a = h.joinNew({ clientId: "a" });
    h.advance(0);
    h.sync(a.memberId, 1, [{ memberId: a.memberId, assignment: bytes("A") }]);
    const before = h.records.length;
    h.leave([{ memberId: a.memberId }]);
    expect(h.state()).toMatchObject({ state: "Empty", generationId: 2, members: [], leaderId: null });
    expect(h.records.length).toBe(before + 1);
  });
});

describe("KIP-394: a new member must learn its id first", () => {
  it("JoinGroup v4+ without a member id answers MEMBER_ID_REQUIRED with the id to use", () => {
    const h = new Harness();
    const first = h.joinResponse(h.join({ v: 4, clientId: "cli" }));
    expect(first).toMatchObject({
      errorCode: ErrorCode.MEMBER_ID_REQUIRED,
      memberId: "cli-uuid1",
      generationId: -1,
    });
    expect(h.state()?.members).toEqual([]);
    const second = h.join({ v: 4, memberId: "cli-uuid1" });
    h.advance(0);
    expect(h.joinResponse(second)).toMatchObject({
      errorCode: NONE,
      memberId: "cli-uuid1",
      leader: "cli-uuid1",
    });
  });

  it("JoinGroup v3 joins directly", () => {
    const h = new Harness();
    const t = h.join({ v: 3, clientId: "old" });
    h.advance(0);
    expect(h.joinResponse(t)).toMatchObject({ errorCode: NONE, memberId: "old-uuid1", generationId: 1 });
  });

  it("a pending member holds the rebalance until it joins or its session timeout passes", () => {
    const h = new Harness();
    const { ids, gen } = stableGroupOfThree(h);
    h.join({ clientId: "d" }); // MEMBER_ID_REQUIRED; d never comes back
    const joins = ids.map((memberId) => h.join({ memberId }));
    expect(h.joinResponse(joins[0] as number)).toBeUndefined();
    h.advance(10_000);
    expect(h.joinResponse(joins[0] as number)).toMatchObject({ generationId: gen + 1 });
    expect(h.joinResponse(joins[0] as number)?.members).toHaveLength(3);
  });

  it("an unknown member id is refused", () => {
    const h = new Harness();
    stableGroupOfThree(h);
    expect(h.joinResponse(h.join({ memberId: "nobody" }))?.errorCode).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect(h.joinResponse(h.join({ group: "other", memberId: "nobody" }))?.errorCode).toBe(
      ErrorCode.UNKNOWN_MEMBER_ID,
    );
  });
});

describe("KIP-345: static membership", () => {
  function staticGroup(
    h: Harness,
    timeouts: { sessionTimeoutMs?: number; rebalanceTimeoutMs?: number } = {},
  ) {
    const ta = h.join({ instanceId: "ia", clientId: "a", ...timeouts });
    const tb = h.join({ instanceId: "ib", clientId: "b", ...timeouts });
    h.advance(0);
    const a = h.joinResponse(ta)?.memberId as string;
    const b = h.joinResponse(tb)?.memberId as string;
    h.sync(b, 1, [], { instanceId: "ib" });
    h.sync(
      a,
      1,
      [
        { memberId: a, assignment: bytes("A") },
        { memberId: b, assignment: bytes("B") },
      ],
      { instanceId: "ia" },
    );
    return { a, b };
  }

  it("static members skip MEMBER_ID_REQUIRED and get ids derived from their instance id", () => {
    const h = new Harness();
    const { a, b } = staticGroup(h);
    expect([a, b]).toEqual(["ia-uuid1", "ib-uuid2"]);
    expect(h.state()?.members.map((m) => m.groupInstanceId)).toEqual(["ia", "ib"]);
  });

  it("a restarted follower takes its place back without a rebalance, and its old id is fenced", () => {
    const h = new Harness();
    const { a, b } = staticGroup(h);
    const records = h.records.length;
    const t = h.join({ instanceId: "ib", clientId: "b" });
    const r = h.joinResponse(t);
    expect(r).toMatchObject({
      errorCode: NONE,
      generationId: 1,
      leader: a,
      members: [],
      skipAssignment: false,
    });
    const newB = r?.memberId as string;
    expect(newB).not.toBe(b);
    expect(h.state()).toMatchObject({ state: "Stable", generationId: 1 });
    expect(h.records.length).toBe(records + 1); // the new member id is persisted
    expect(h.syncResponse(h.sync(newB, 1, [], { instanceId: "ib" }))?.assignment).toEqual(bytes("B"));
    expect(h.heartbeat(b, 1, { instanceId: "ib" })).toBe(ErrorCode.FENCED_INSTANCE_ID);
    expect(h.joinResponse(h.join({ memberId: b, instanceId: "ib" }))?.errorCode).toBe(
      ErrorCode.FENCED_INSTANCE_ID,
    );
    expect(h.heartbeat(newB, 1, { instanceId: "ib" })).toBe(NONE);
  });

  it("a restarted leader on JoinGroup v9 gets the members with skipAssignment; older ones see the old leader id", () => {
    const h = new Harness();
    const { a } = staticGroup(h);
    const r9 = h.joinResponse(h.join({ instanceId: "ia", clientId: "a", v: 9 }));
    expect(r9).toMatchObject({
      errorCode: NONE,
      generationId: 1,
      skipAssignment: true,
      leader: r9?.memberId,
    });
    expect(r9?.members).toHaveLength(2);
    const newA = r9?.memberId as string;
    const r5 = h.joinResponse(h.join({ instanceId: "ia", clientId: "a", v: 5 }));
    expect(r5).toMatchObject({ errorCode: NONE, leader: newA, members: [], skipAssignment: false });
    expect(r5?.memberId).not.toBe(newA);
    expect(h.state()?.state).toBe("Stable");
    expect(a).not.toBe(newA);
  });

  it("a restart with different protocols rebalances", () => {
    const h = new Harness();
    staticGroup(h);
    h.join({ instanceId: "ib", protocols: [{ name: "roundrobin", metadata: subscription(["t1"]) }] });
    expect(h.state()?.state).toBe("Stable"); // range is still the only common protocol
    h.join({ instanceId: "ib", protocols: [{ name: "range", metadata: subscription(["t9"]) }] });
    expect(h.state()?.state).toBe("Stable"); // same protocol, new subscription: still no rebalance
  });

  it("a static member that misses the rebalance stays in the next generation, and leaves it when it does not sync", () => {
    const h = new Harness();
    const timeouts = { sessionTimeoutMs: 60_000, rebalanceTimeoutMs: 5_000 };
    const { a, b } = staticGroup(h, timeouts);
    const ja = h.join({ memberId: a, instanceId: "ia", ...timeouts }); // the leader asks for a rebalance
    h.advanceTo(5_000);
    // b did not rejoin in time, but a static member may just be restarting: it stays in generation 2.
    expect(h.joinResponse(ja)).toMatchObject({ generationId: 2, leader: a });
    expect(h.joinResponse(ja)?.members.map((m) => m.memberId)).toEqual([a, b]);
    h.sync(a, 2, [], { instanceId: "ia" });
    h.advanceTo(9_999);
    expect(h.state()?.members.map((m) => m.memberId)).toEqual([a, b]);
    // Every member of a generation must sync within the rebalance timeout; b never did.
    h.advanceTo(10_000);
    expect(h.state()?.members.map((m) => m.memberId)).toEqual([a]);
    expect(h.state()?.state).toBe("PreparingRebalance");
  });

  it("an admin can remove a static member by instance id", () => {
    const h = new Harness();
    const { b } = staticGroup(h);
    const response = h.leave([
      { memberId: "", groupInstanceId: "ib" },
      { memberId: "", groupInstanceId: "nope" },
    ]);
    expect(response.members.map((m) => m.errorCode)).toEqual([NONE, ErrorCode.UNKNOWN_MEMBER_ID]);
    expect(h.state()?.members.map((m) => m.memberId)).not.toContain(b);
  });
});

describe("protocol selection", () => {
  it("picks the protocol every member supports with the most first-choice votes", () => {
    const h = new Harness();
    const meta = subscription(["t"]);
    const p = (...names: string[]) => names.map((name) => ({ name, metadata: meta }));
    const a = h.joinNew({ clientId: "a", protocols: p("range", "roundrobin", "sticky") });
    h.joinNew({ clientId: "b", protocols: p("roundrobin", "range") });
    h.joinNew({ clientId: "c", protocols: p("sticky", "roundrobin") });
    h.advance(0);
    // range is not supported by c and sticky not by b: roundrobin is the only candidate.
    expect(h.joinResponse(a.ticket)?.protocolName).toBe("roundrobin");
  });

  it("breaks a tie by the leader's preference", () => {
    const h = new Harness();
    const meta = subscription(["t"]);
    const p = (...names: string[]) => names.map((name) => ({ name, metadata: meta }));
    const a = h.joinNew({ clientId: "a", protocols: p("sticky", "range") });
    h.joinNew({ clientId: "b", protocols: p("range", "sticky") });
    h.advance(0);
    expect(h.joinResponse(a.ticket)?.protocolName).toBe("sticky");
  });

  it("refuses a member that shares no protocol or protocol type with the group", () => {
    const h = new Harness();
    stableGroupOfThree(h);
    const other = h.join({ clientId: "x", protocols: [{ name: "cooperative", metadata: bytes("") }] });
    expect(h.joinResponse(other)?.errorCode).toBe(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
    const connect = h.join({ clientId: "y", protocolType: "connect" });
    expect(h.joinResponse(connect)?.errorCode).toBe(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
  });

  it("SyncGroup v5 checks the protocol name", () => {
    const h = new Harness();
    const { ids, gen } = stableGroupOfThree(h);
    expect(h.syncResponse(h.sync(ids[1], gen, [], { protocolName: "roundrobin" }))?.errorCode).toBe(
      ErrorCode.INCONSISTENT_GROUP_PROTOCOL,
    );
    expect(h.syncResponse(h.sync(ids[1], gen, [], { protocolName: "range" }))?.errorCode).toBe(NONE);
  });
});

describe("request validation", () => {
  it("refuses session timeouts outside the configured bounds", () => {
    const h = new Harness({ groupMinSessionTimeoutMs: 6_000, groupMaxSessionTimeoutMs: 300_000 });
    expect(h.joinResponse(h.join({ sessionTimeoutMs: 5_999 }))?.errorCode).toBe(
      ErrorCode.INVALID_SESSION_TIMEOUT,
    );
    expect(h.joinResponse(h.join({ sessionTimeoutMs: 300_001 }))?.errorCode).toBe(
      ErrorCode.INVALID_SESSION_TIMEOUT,
    );
    expect(h.coordinator.snapshot()).toEqual([]);
  });

  it("caps the group at group.max.size", () => {
    const h = new Harness({ groupMaxSize: 2 });
    h.joinNew({ clientId: "a" });
    h.joinNew({ clientId: "b" });
    h.advance(0);
    const c = h.join({ v: 3, clientId: "c" });
    expect(h.joinResponse(c)?.errorCode).toBe(ErrorCode.GROUP_MAX_SIZE_REACHED);
  });

  it("rejects stale generations and unknown members in heartbeats and syncs", () => {
    const h = new Harness();
    const { ids, gen } = stableGroupOfThree(h);
    expect(h.heartbeat(ids[0], gen - 1)).toBe(ErrorCode.ILLEGAL_GENERATION);
    expect(h.heartbeat("ghost", gen)).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect(h.heartbeat(ids[0], gen, { group: "nope" })).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect(h.syncResponse(h.sync(ids[0], gen + 1))?.errorCode).toBe(ErrorCode.ILLEGAL_GENERATION);
    expect(h.syncResponse(h.sync("ghost", gen))?.errorCode).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
  });

  it("answers a follower waiting in SyncGroup with REBALANCE_IN_PROGRESS when a rebalance starts", () => {
    const h = new Harness();
    const a = h.joinNew({ clientId: "a" });
    const b = h.joinNew({ clientId: "b" });
    h.advance(0);
    const sb = h.sync(b.memberId, 1);
    h.joinNew({ clientId: "c" });
    expect(h.syncResponse(sb)?.errorCode).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
    expect(h.syncResponse(h.sync(a.memberId, 1))?.errorCode).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
  });

  it("re-sends the JoinGroup result to a member that rejoins unchanged while the leader assigns", () => {
    const h = new Harness();
    const a = h.joinNew({ clientId: "a" });
    const b = h.joinNew({ clientId: "b" });
    h.advance(0);
    const again = h.joinResponse(h.join({ clientId: "b", memberId: b.memberId }));
    expect(again).toMatchObject({ errorCode: NONE, generationId: 1, leader: a.memberId, members: [] });
    expect(h.state()?.state).toBe("CompletingRebalance");
  });
});
