import { describe, expect, it } from "vitest";
import {
  bootstrapState,
  decodeConfig,
  decodeLeaderChange,
  type Entry,
  type Message,
  type PersistedState,
  RaftNode,
} from "../src/index.js";
import { must, seeded, TestCluster } from "./harness.js";

const enc = (s: string) => new TextEncoder().encode(s);

function entry(index: number, term: number): Entry {
  return { index, term, type: "normal", data: enc(`${index}@${term}`) };
}

/** A node's persisted state whose voter set comes from a snapshot at index 0. */
function persisted(voters: number[], term: number, terms: number[], commit = 0): PersistedState {
  return {
    hardState: { term, votedFor: 0, commit },
    snapshot: { index: 0, term: 0, voters, data: new Uint8Array(0) },
    entries: terms.map((t, i) => entry(i + 1, t)),
  };
}

/** Everything needed for a leader to commit its no-op and for followers to learn the commit. */
function settle(c: TestCluster, rounds = 3): void {
  for (let i = 0; i < rounds; i++) {
    for (const id of c.leaders()) c.tick(id);
    c.deliver();
  }
}

describe("election", () => {
  it("elects a leader through pre-vote then vote, and commits its no-op", () => {
    const c = new TestCluster([1, 2, 3]);
    c.raft(1).campaign();
    c.process(1);
    const preVotes = c.queue;
    expect(preVotes.map((m) => [m.type, m.to, m.term, m.type === "vote" && m.preVote])).toEqual([
      ["vote", 2, 1, true],
      ["vote", 3, 1, true],
    ]);
    // A pre-vote changes no term.
    expect(c.raft(1).status().term).toBe(0);
    c.deliver();
    expect(c.leaders()).toEqual([1]);
    settle(c);
    for (const id of [1, 2, 3]) {
      const s = c.raft(id).status();
      // Index 1 is the bootstrap config entry every founder starts with; 2 is the leader's no-op.
      expect(s).toMatchObject({ term: 1, leaderId: 1, commit: 2 });
      expect(must(c.raft(id).entries(1, 1)[0])).toMatchObject({ index: 1, term: 0, type: "config" });
      const noop = must(c.raft(id).entries(2, 2)[0]);
      expect(noop.type).toBe("leader-change");
      expect(decodeLeaderChange(noop.data)).toEqual({ leaderId: 1, voters: [1, 2, 3] });
    }
  });

  it("a single voter elects itself and commits once its own log is durable", () => {
    const c = new TestCluster([1]);
    c.raft(1).campaign();
    expect(c.raft(1).status().role).toBe("leader");
    expect(c.raft(1).status().commit).toBe(1); // not the no-op, before it is persisted
    c.process(1);
    expect(c.raft(1).status().commit).toBe(2);
    expect(c.propose(1, "a")).toMatchObject({ ok: true, index: 3, term: 1 });
    expect(c.node(1).applied).toEqual(["a"]);
  });

  it("times out into an election after the randomized timeout", () => {
    const c = new TestCluster([1, 2, 3]);
    c.tick(1, 19);
    c.deliver();
    c.tick(1, 1);
    c.deliver();
    expect(c.leaders()).toEqual([1]);
  });

  it("a candidate that loses the vote falls back to follower", () => {
    const c = new TestCluster([1, 2, 3]);
    c.elect(1);
    settle(c);
    // 2 and 3 hold a longer log than 4-less candidate 1 after a restart with an empty log.
    c.propose(1, "x");
    settle(c);
    c.add(1, bootstrapState([1, 2, 3]));
    c.tickAll(25);
    c.deliver();
    expect(c.raft(1).status().role).not.toBe("leader");
  });

  it("pre-vote: an isolated node does not inflate its term and cannot depose the leader on return", () => {
    const c = new TestCluster([1, 2, 3]);
    c.elect(1);
    settle(c);
    c.isolate(3);
    for (let i = 0; i < 100; i++) {
      c.tickAll();
      c.deliver();
    }
    expect(c.raft(3).status().term).toBe(1);
    c.heal();
    for (let i = 0; i < 50; i++) {
      c.tickAll();
      c.deliver();
    }
    expect(c.leaders()).toEqual([1]);
    expect(c.raft(1).status().term).toBe(1);
    expect(c.raft(3).status()).toMatchObject({ leaderId: 1, term: 1 });
  });

  it("leader lease: a follower that heard from the leader refuses a (pre-)vote without adopting its term", () => {
    const c = new TestCluster([1, 2, 3]);
    c.elect(1);
    settle(c);
    for (const preVote of [true, false]) {
      c.raft(2).step({
        type: "vote",
        from: 3,
        to: 2,
        term: 5,
        lastLogIndex: 99,
        lastLogTerm: 9,
        preVote,
        transfer: false,
      });
      c.process(2);
      const reply = c.queue.pop() as Message;
      expect(reply).toMatchObject({ type: "vote-response", granted: false, term: 1, preVote });
      expect(c.raft(2).status()).toMatchObject({ term: 1, leaderId: 1 });
    }
  });

  it("check-quorum: a leader that loses its majority steps down, and the majority elects another", () => {
    const c = new TestCluster([1, 2, 3]);
    c.elect(1);
    settle(c);
    c.isolate(1);
    for (let i = 0; i < 40; i++) {
      c.tickAll();
      c.deliver();
    }
    // It stepped down without a new term (a pre-vote bumps none).
    expect(c.raft(1).status().role).not.toBe("leader");
    expect(c.raft(1).status().term).toBe(1);
    const leaders = c.leaders();
    expect(leaders).toHaveLength(1);
    expect(c.raft(must(leaders[0])).status().term).toBe(2);
    // The old leader rejoins as a follower of the new term.
    c.heal();
    settle(c);
    expect(c.raft(1).status()).toMatchObject({ term: 2, leaderId: leaders[0] });
  });

  it("a stale leader that rejoins learns the new term from the first answer and steps down", () => {
    const c = new TestCluster([1, 2, 3], { electionTicks: 10 });
    c.elect(1);
    settle(c);
    c.isolate(1);
    for (let i = 0; i < 40 && c.leaders().length < 2; i++) {
      c.tick(2);
      c.tick(3);
      c.deliver();
    }
    const [, other] = c.leaders();
    expect(c.raft(must(other)).status()).toMatchObject({ role: "leader", term: 2 });
    expect(c.raft(1).status().role).toBe("leader"); // It has not noticed yet.
    c.heal();
    c.tick(1);
    c.deliver();
    expect(c.raft(1).status()).toMatchObject({ role: "follower", term: 2 });
    expect(c.leaders()).toEqual([other]);
  });
});

describe("replication", () => {
  it("replicates proposals, commits them on a majority and applies them everywhere", () => {
    const c = new TestCluster([1, 2, 3]);
    c.elect(1);
    for (const s of ["a", "b", "c"]) expect(c.propose(1, s).ok).toBe(true);
    settle(c);
    for (const id of [1, 2, 3]) expect(c.node(id).applied).toEqual(["a", "b", "c"]);
    expect(c.propose(2, "x")).toEqual({ ok: false, reason: "not-leader", leaderId: 1 });
  });

  it("backtracks quickly over divergent logs with the conflict hints (Raft figure 7)", () => {
    const c = new TestCluster([1, 2, 3]);
    // Leader-to-be holds 1 1 1 4 4 5 5 6 6 6; follower 2 misses the last entry; follower 3 has
    // a long suffix from terms 2 and 3 that never committed.
    c.add(1, persisted([1, 2, 3], 7, [1, 1, 1, 4, 4, 5, 5, 6, 6, 6], 3));
    c.add(2, persisted([1, 2, 3], 7, [1, 1, 1, 4, 4, 5, 5, 6, 6], 3));
    c.add(3, persisted([1, 2, 3], 7, [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3], 3));
    c.elect(1);
    expect(c.raft(1).status()).toMatchObject({ role: "leader", term: 8 });
    settle(c);
    // Two hints suffice: "term 3 starts at 7" (the leader has no term 3), then "term 2 starts at 4".
    const hints = new Set(
      c
        .node(3)
        .readies.flatMap((r) => r.messages)
        .flatMap((m) =>
          m.type === "append-response" && !m.success ? [`${m.conflictTerm}@${m.conflictIndex}`] : [],
        ),
    );
    expect([...hints]).toEqual(["3@7", "2@4"]);
    expect(
      c
        .node(3)
        .readies.map((r) => r.truncateFrom)
        .filter((t) => t !== undefined),
    ).toEqual([4]);
    const leaderTerms = c
      .raft(1)
      .entries(1, 11)
      .map((e) => e.term);
    expect(leaderTerms).toEqual([1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 8]);
    for (const id of [2, 3]) {
      expect(
        c
          .raft(id)
          .entries(1, 11)
          .map((e) => e.term),
      ).toEqual(leaderTerms);
      expect(c.node(id).storage.entries.map((e) => e.term)).toEqual(leaderTerms);
      expect(c.raft(id).status().commit).toBe(11);
    }
  });

  it("commits an earlier term's entry only by committing one of its own term (Raft figure 8)", () => {
    const c = new TestCluster([1, 2, 3, 4, 5]);
    // S1 wrote index 2 in term 2 to S2 and S3; S5 wrote a different index 2 in term 3.
    c.add(1, persisted([1, 2, 3, 4, 5], 3, [1, 2], 1));
    c.add(2, persisted([1, 2, 3, 4, 5], 3, [1, 2], 1));
    c.add(3, persisted([1, 2, 3, 4, 5], 3, [1, 2], 1));
    c.add(4, persisted([1, 2, 3, 4, 5], 3, [1], 1));
    c.add(5, persisted([1, 2, 3, 4, 5], 3, [1, 3], 1));
    c.elect(1);
    expect(c.raft(1).status()).toMatchObject({ role: "leader", term: 4 });
    c.queue = []; // The no-op never reaches anyone.
    // A majority (S1, S2, S3) holds index 2, but it is from term 2: it must not commit.
    for (const from of [2, 3]) {
      c.raft(1).step({
        type: "append-response",
        from,
        to: 1,
        term: 4,
        success: true,
        matchIndex: 2,
        conflictTerm: 0,
        conflictIndex: 0,
      });
    }
    c.process(1);
    expect(c.raft(1).status().commit).toBe(1);
    // So S5 may still win (its last term 3 beats 2) and overwrite index 2 everywhere.
    c.isolate(1);
    c.queue = [];
    for (let i = 0; i < 3 && c.leaders().filter((id) => id !== 1).length === 0; i++) c.elect(5);
    expect(c.raft(5).status().role).toBe("leader");
    settle(c);
    for (const id of [2, 3, 4, 5]) {
      expect(must(c.raft(id).entries(2, 2)[0]).term).toBe(3);
      expect(c.raft(id).status().commit).toBeGreaterThanOrEqual(3);
    }
  });

  it("once an entry of its own term is acknowledged by a majority, earlier entries commit with it", () => {
    const c = new TestCluster([1, 2, 3]);
    c.add(1, persisted([1, 2, 3], 3, [1, 2], 1));
    c.add(2, persisted([1, 2, 3], 3, [1, 2], 1));
    c.add(3, persisted([1, 2, 3], 3, [1], 1));
    c.elect(1);
    settle(c);
    expect(c.raft(1).status().commit).toBe(3);
    expect(
      c
        .raft(3)
        .entries(1, 3)
        .map((e) => e.term),
    ).toEqual([1, 2, 4]);
  });

  it("a follower that lost entries in flight is repaired by the next heartbeat", () => {
    const c = new TestCluster([1, 2, 3]);
    c.elect(1);
    settle(c);
    c.propose(1, "lost");
    c.queue = c.queue.filter((m) => m.to !== 3);
    c.deliver();
    c.propose(1, "next");
    c.deliver();
    settle(c);
    expect(c.node(3).applied).toEqual(["lost", "next"]);
  });

  it("stale, duplicated and reordered messages never throw and never move commit backwards", () => {
    const c = new TestCluster([1, 2, 3]);
    const history: Message[] = [];
    const record = () => history.push(...c.queue);
    const rnd = seeded(42);
    for (let round = 0; round < 30; round++) {
      const leader = c.leaders()[0];
      if (leader) c.propose(leader, `p${round}`);
      if (round % 7 === 0) c.isolate(1 + (round % 3));
      if (round % 7 === 3) c.heal();
      c.tickAll(3);
      record();
      c.deliver();
    }
    c.heal();
    const commits = [1, 2, 3].map((id) => c.raft(id).status().commit);
    for (let i = history.length - 1; i > 0; i--) {
      const j = rnd.int(0, i + 1);
      [history[i], history[j]] = [must(history[j]), must(history[i])];
    }
    for (const m of history) {
      expect(() => c.raft(m.to).step(m)).not.toThrow();
      c.process(m.to);
    }
    [1, 2, 3].forEach((id, i) => {
      expect(c.raft(id).status().commit).toBeGreaterThanOrEqual(must(commits[i]));
    });
  });
});

describe("restart", () => {
  it("restores term, vote, commit and log from persisted state and re-applies from the snapshot", () => {
    const c = new TestCluster([1, 2, 3]);
    c.elect(1);
    c.propose(1, "a");
    c.propose(1, "b");
    settle(c);
    const before = c.raft(2).status();
    c.restart(2);
    const after = c.raft(2).status();
    expect(after).toMatchObject({
      term: before.term,
      votedFor: before.votedFor,
      commit: before.commit,
      lastIndex: before.lastIndex,
      applied: 0,
      role: "follower",
    });
    c.process(2);
    expect(c.node(2).applied).toEqual(["a", "b"]);
  });

  it("accepts what a crash before the fsync may leave: entries without their hard state", () => {
    // Entries of term 2 survived, the hard state naming term 2 (and any vote in it) did not.
    const torn = persisted([1, 2, 3], 1, [1, 2], 1);
    const r = new RaftNode({ id: 1, storage: torn, random: seeded(1) });
    expect(r.status()).toMatchObject({ term: 2, votedFor: 0, commit: 1 });
    // A snapshot survived, the hard state committing it did not: a snapshot is committed anyway.
    const snap: PersistedState = {
      hardState: { term: 1, votedFor: 0, commit: 0 },
      snapshot: { index: 4, term: 1, voters: [1, 2, 3], data: enc("s") },
      entries: [],
    };
    expect(new RaftNode({ id: 1, storage: snap, random: seeded(1) }).status().commit).toBe(4);
  });

  it("refuses a corrupt persisted state loudly", () => {
    const bad = { ...persisted([1], 1, [1, 1], 5) };
    expect(() => new RaftNode({ id: 1, storage: bad, random: seeded(1) })).toThrow(/commit/);
    const gap: PersistedState = { ...persisted([1], 1, []), entries: [entry(2, 1)] };
    expect(() => new RaftNode({ id: 1, storage: gap, random: seeded(1) })).toThrow(/consecutive/);
    const r = new RaftNode({ id: 1, storage: bootstrapState([1]), random: seeded(1) });
    expect(() => r.advance({ entries: [], messages: [], committed: [] })).toThrow(/advance/);
    expect(() => r.compact(1, new Uint8Array())).toThrow(RangeError);
  });
});

describe("snapshots", () => {
  it("the leader sends a snapshot to a follower whose next entry was compacted, which installs it", () => {
    const c = new TestCluster([1, 2, 3]);
    c.elect(1);
    settle(c);
    c.isolate(3);
    for (let i = 0; i < 10; i++) c.propose(1, `e${i}`);
    settle(c);
    const applied = c.raft(1).status().applied;
    expect(applied).toBe(12);
    const snap = c.raft(1).compact(applied, enc("state@12"));
    expect(snap).toMatchObject({ index: 12, term: 1, voters: [1, 2, 3] });
    c.node(1).storage.compacted(snap);
    expect(c.raft(1).status().snapshotIndex).toBe(12);
    c.heal();
    c.propose(1, "after");
    settle(c);
    const installed = c.node(3).readies.find((r) => r.snapshot !== undefined);
    expect(installed?.snapshot).toMatchObject({ index: 12, term: 1 });
    expect(new TextDecoder().decode(must(installed?.snapshot).data)).toBe("state@12");
    expect(c.node(3).storage.snapshot.index).toBe(12);
    expect(c.raft(3).status()).toMatchObject({ commit: 13, applied: 13, snapshotIndex: 12 });
    expect(c.node(3).applied).toEqual(["after"]);
  });

  it("a follower whose log already holds the snapshot's last entry keeps its log", () => {
    const c = new TestCluster([1, 2]);
    c.elect(1);
    c.propose(1, "a");
    settle(c);
    c.raft(2).step({ type: "snapshot", from: 1, to: 2, term: 1, snapshot: c.raft(1).compact(3, enc("s")) });
    c.process(2);
    expect(c.raft(2).status().snapshotIndex).toBe(0);
  });
});

describe("leadership transfer", () => {
  it("catches the target up, sends TimeoutNow, and the target wins the next term", () => {
    const c = new TestCluster([1, 2, 3]);
    c.elect(1);
    settle(c);
    c.isolate(3);
    c.propose(1, "a");
    settle(c);
    c.heal();
    expect(c.raft(1).transferLeadership(3)).toEqual({ ok: true });
    expect(c.propose(1, "refused")).toMatchObject({ ok: false, reason: "transferring" });
    const delivered = c.deliver();
    expect(delivered.some((m) => m.type === "timeout-now" && m.to === 3)).toBe(true);
    expect(c.leaders()).toEqual([3]);
    expect(c.raft(3).status().term).toBe(2);
    settle(c);
    expect(c.raft(1).status()).toMatchObject({ role: "follower", leaderId: 3 });
    expect(c.node(3).applied).toEqual(["a"]);
  });

  it("is abandoned after an election timeout if the target never answers", () => {
    const c = new TestCluster([1, 2, 3]);
    c.elect(1);
    settle(c);
    c.isolate(3);
    c.raft(1).transferLeadership(3);
    for (let i = 0; i < 12; i++) {
      c.tick(1);
      c.deliver();
    }
    expect(c.raft(1).status()).toMatchObject({ role: "leader", transferee: 0 });
    expect(c.propose(1, "ok").ok).toBe(true);
  });
});

describe("membership", () => {
  it("adds a fresh voter that catches up from a snapshot, then removes the leader, which steps down", () => {
    const c = new TestCluster([1, 2, 3]);
    c.elect(1);
    expect(c.raft(1).proposeConfChange({ type: "add-voter", node: 4 })).toMatchObject({
      ok: false,
      reason: "leader-not-ready",
    });
    settle(c);
    for (let i = 0; i < 5; i++) c.propose(1, `e${i}`);
    settle(c);
    c.node(1).storage.compacted(c.raft(1).compact(c.raft(1).status().applied, enc("snap")));
    c.add(4, bootstrapState([]));
    expect(c.raft(4).status().voters).toEqual([]);
    const add = c.raft(1).proposeConfChange({ type: "add-voter", node: 4 });
    expect(add).toMatchObject({ ok: true, index: 8 });
    // The new voter set is in effect on the leader as soon as it is appended.
    expect(c.raft(1).status().voters).toEqual([1, 2, 3, 4]);
    expect(c.raft(1).proposeConfChange({ type: "remove-voter", node: 2 })).toMatchObject({
      reason: "config-change-pending",
    });
    c.process(1);
    settle(c);
    expect(c.node(4).readies.some((r) => r.snapshot?.index === 7)).toBe(true);
    for (const id of [1, 2, 3, 4])
      expect(c.raft(id).status()).toMatchObject({ voters: [1, 2, 3, 4], commit: 8 });
    expect(decodeConfig(must(c.raft(4).entries(8, 8)[0]).data)).toEqual([1, 2, 3, 4]);

    expect(c.raft(1).proposeConfChange({ type: "remove-voter", node: 1 }).ok).toBe(true);
    c.process(1);
    settle(c);
    expect(c.raft(1).status()).toMatchObject({ role: "follower", voters: [2, 3, 4], commit: 9 });
    // The removed node never campaigns; the others elect a leader among themselves.
    for (let i = 0; i < 60 && c.leaders().length === 0; i++) {
      c.tickAll();
      c.deliver();
    }
    const [leader] = c.leaders();
    expect([2, 3, 4]).toContain(leader);
    expect(c.raft(must(leader)).status().term).toBe(2);
    expect(c.propose(must(leader), "after").ok).toBe(true);
    settle(c);
    for (const id of [2, 3, 4]) expect(c.node(id).applied.at(-1)).toBe("after");
    expect(c.raft(1).status().role).toBe("follower");
  });

  it("rejects changes that are no-ops or would leave no voter", () => {
    const c = new TestCluster([1]);
    c.elect(1);
    c.process(1);
    expect(c.raft(1).proposeConfChange({ type: "add-voter", node: 1 })).toMatchObject({
      reason: "invalid-config-change",
    });
    expect(c.raft(1).proposeConfChange({ type: "remove-voter", node: 1 })).toMatchObject({
      reason: "invalid-config-change",
    });
    expect(c.raft(1).proposeConfChange({ type: "remove-voter", node: 9 })).toMatchObject({
      reason: "invalid-config-change",
    });
  });

  it("a node reverts a config entry that a new leader truncates", () => {
    const c = new TestCluster([1, 2, 3]);
    c.elect(1);
    settle(c);
    c.isolate(1);
    expect(c.raft(1).proposeConfChange({ type: "add-voter", node: 4 }).ok).toBe(true);
    c.process(1);
    expect(c.raft(1).status().voters).toEqual([1, 2, 3, 4]);
    for (let i = 0; i < 40 && !c.leaders().some((id) => id !== 1); i++) {
      c.tick(2);
      c.tick(3);
      c.deliver();
    }
    c.heal();
    settle(c);
    expect(c.raft(1).status()).toMatchObject({ role: "follower", term: 2, voters: [1, 2, 3] });
    expect(c.node(1).readies.some((r) => r.truncateFrom === 3)).toBe(true);
    expect(c.raft(1).entries(3, 3)[0]).toMatchObject({ term: 2, type: "leader-change" });
  });
});

describe("unsafe options", () => {
  it("commitOnMinority commits on the leader alone (and is off by default)", () => {
    for (const unsafe of [false, true]) {
      const c = new TestCluster([1, 2, 3], unsafe ? { unsafe: { commitOnMinority: true } } : {});
      c.elect(1);
      settle(c);
      c.isolate(1);
      c.propose(1, "x");
      expect(c.raft(1).status().commit).toBe(unsafe ? 3 : 2);
    }
  });
});
