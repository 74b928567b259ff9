/**
 * The fetch session cache (KIP-227) as the Java broker runs it: which
 * requests open, continue, close or fail a session; which partitions an
 * incremental response carries and in what order the session reads them
 * next; and which sessions give way when the cache is full.
 */
import { ErrorCode, type FetchResponsePartitionData, ZERO_UUID } from "@runnel/kafka-protocol";
import { SeededRandom } from "@runnel/runtime";
import { describe, expect, it } from "vitest";
import {
  type FetchRequestView,
  FetchSessionCache,
  type FetchTarget,
  MIN_FETCH_SESSION_EVICTION_MS,
  nextEpoch,
  type PartitionRef,
} from "../src/fetch-sessions.js";

const T1 = "AAAAAAAAAAAAAAAAAAAAAQ";
const T2 = "AAAAAAAAAAAAAAAAAAAAAg";

function cache(slots = 10): FetchSessionCache {
  return new FetchSessionCache({ slots, random: new SeededRandom(7) });
}

/** A partition by topic id (v13+); `topic` doubles as the name for v12 requests. */
function target(topicId: string, partition: number, fetchOffset = 0n, topic = ""): FetchTarget {
  return {
    topicId,
    topic,
    partition,
    fetchOffset,
    partitionMaxBytes: 1 << 20,
    currentLeaderEpoch: -1,
    lastFetchedEpoch: -1,
    logStartOffset: -1n,
  };
}

function ref(topicId: string, partition: number, topic = ""): PartitionRef {
  return { topicId, topic, partition };
}

function request(
  sessionId: number,
  sessionEpoch: number,
  partitions: FetchTarget[],
  forgotten: PartitionRef[] = [],
  apiVersion = 16,
): FetchRequestView {
  return { apiVersion, sessionId, sessionEpoch, privileged: false, partitions, forgotten };
}

function data(
  partition: number,
  o: {
    hw?: bigint;
    lso?: bigint;
    records?: number;
    error?: number;
    preferred?: number;
    diverging?: number;
  } = {},
): FetchResponsePartitionData {
  return {
    partitionIndex: partition,
    errorCode: o.error ?? ErrorCode.NONE,
    highWatermark: o.hw ?? 10n,
    lastStableOffset: o.hw ?? 10n,
    logStartOffset: o.lso ?? 0n,
    divergingEpoch: { epoch: o.diverging ?? -1, endOffset: o.diverging === undefined ? -1n : 5n },
    currentLeader: { leaderId: -1, leaderEpoch: -1 },
    snapshotId: { endOffset: -1n, epoch: -1 },
    abortedTransactions: null,
    preferredReadReplica: o.preferred ?? -1,
    records: o.records === undefined ? null : new Uint8Array(o.records),
  };
}

/** Opens a session on T1 partitions 0..n-1 (high watermark 10, nothing new) and returns its id. */
function open(c: FetchSessionCache, n: number, nowMs = 0, topicId = T1): number {
  const ctx = c.newContext(
    request(
      0,
      0,
      Array.from({ length: n }, (_, i) => target(topicId, i)),
    ),
    nowMs,
  );
  expect(ctx.kind).toBe("full");
  const out = ctx.finish(
    ctx.partitions.map((p) => data(p.partition)),
    nowMs,
  );
  return out.sessionId;
}

/** The partitions an incremental fetch reads, as "partition" numbers, and the ones it sends. */
function incremental(
  c: FetchSessionCache,
  sessionId: number,
  epoch: number,
  changed: FetchTarget[],
  results: (p: FetchTarget) => FetchResponsePartitionData,
  forgotten: PartitionRef[] = [],
  nowMs = 1,
) {
  const ctx = c.newContext(request(sessionId, epoch, changed, forgotten), nowMs);
  const read = ctx.partitions.map((p) => p.partition);
  const out = ctx.finish(
    ctx.partitions.map((p) => results(p)),
    nowMs,
  );
  return { kind: ctx.kind, read, out, sent: out.send.map((i) => ctx.partitions[i]?.partition) };
}

describe("session epochs", () => {
  it("counts up by one and wraps from 2^31-1 to 1; the final epoch stays final", () => {
    expect(nextEpoch(0)).toBe(1);
    expect(nextEpoch(1)).toBe(2);
    expect(nextEpoch(0x7fff_fffe)).toBe(0x7fff_ffff);
    expect(nextEpoch(0x7fff_ffff)).toBe(1);
    expect(nextEpoch(-1)).toBe(-1);
  });
});

describe("opening, continuing and closing sessions", () => {
  it("answers a sessionless full fetch (epoch -1, and every fetch before v7) without a session", () => {
    const c = cache();
    for (const r of [request(0, -1, [target(T1, 0)]), request(0, 0, [target("", 0, 0n, "t")], [], 6)]) {
      const ctx = c.newContext(r, 0);
      expect(ctx.kind).toBe("sessionless");
      expect(ctx.finish([data(0)], 0)).toEqual({ errorCode: ErrorCode.NONE, sessionId: 0, send: [0] });
    }
    expect(c.size).toBe(0);
  });

  it("creates a session for session id 0 and epoch 0, expecting epoch 1 next", () => {
    const c = cache();
    const id = open(c, 3);
    expect(id).toBeGreaterThan(0);
    const s = c.get(id);
    expect(s?.epoch).toBe(1);
    expect(s?.usesTopicIds).toBe(true);
    expect(s?.partitions.map((p) => p.partition)).toEqual([0, 1, 2]);
    expect(c.size).toBe(1);
    expect(c.totalPartitions).toBe(3);
    expect(c.created).toBe(1);
  });

  it("keeps a partition listed twice once, at its first place with its last parameters", () => {
    const c = cache();
    const ctx = c.newContext(request(0, 0, [target(T1, 0, 1n), target(T1, 1), target(T1, 0, 5n)]), 0);
    expect(ctx.partitions.map((p) => [p.partition, p.fetchOffset])).toEqual([
      [0, 5n],
      [1, 0n],
    ]);
  });

  it("continues a session epoch by epoch, and refuses an unknown id, a wrong epoch or a changed topic-id mode", () => {
    const c = cache();
    const id = open(c, 2);
    const same = () => data(0);
    expect(incremental(c, id, 1, [], same).out.errorCode).toBe(ErrorCode.NONE);
    expect(incremental(c, id, 2, [], same).out.sessionId).toBe(id);
    expect(c.get(id)?.epoch).toBe(3);
    expect(c.incrementalFetches).toBe(2);

    const wrongEpoch = c.newContext(request(id, 2, []), 2);
    expect(wrongEpoch.kind).toBe("error");
    expect(wrongEpoch.partitions).toEqual([]);
    expect(wrongEpoch.finish([], 2)).toEqual({
      errorCode: ErrorCode.INVALID_FETCH_SESSION_EPOCH,
      sessionId: 0,
      send: [],
    });
    expect(c.newContext(request(id + 1, 3, []), 2).finish([], 2).errorCode).toBe(
      ErrorCode.FETCH_SESSION_ID_NOT_FOUND,
    );
    expect(c.newContext(request(0, 1, []), 2).finish([], 2).errorCode).toBe(
      ErrorCode.FETCH_SESSION_ID_NOT_FOUND,
    );
    // Made with topic ids (v16), continued by name (v12).
    expect(c.newContext(request(id, 3, [], [], 12), 2).finish([], 2).errorCode).toBe(
      ErrorCode.FETCH_SESSION_TOPIC_ID_ERROR,
    );
    // A refused request leaves the session as it was.
    expect(c.get(id)?.epoch).toBe(3);
    expect(incremental(c, id, 3, [], same).out.errorCode).toBe(ErrorCode.NONE);
  });

  it("closes a session on epoch -1 with its id, and replaces it on epoch 0 with its id", () => {
    const c = cache();
    const a = open(c, 2);
    const closing = c.newContext(request(a, -1, [target(T1, 0)]), 1);
    expect(closing.kind).toBe("sessionless");
    expect(closing.finish([data(0)], 1).sessionId).toBe(0);
    expect(c.get(a)).toBeUndefined();
    expect(c.size).toBe(0);
    expect(c.totalPartitions).toBe(0);

    const b = open(c, 2);
    const renewed = c.newContext(request(b, 0, [target(T1, 5)]), 2);
    expect(renewed.kind).toBe("full");
    const id = renewed.finish([data(5)], 2).sessionId;
    expect(id).not.toBe(b);
    expect(c.get(b)).toBeUndefined();
    expect(c.get(id)?.partitions.map((p) => p.partition)).toEqual([5]);
    expect(c.size).toBe(1);
    expect(c.totalPartitions).toBe(1);
  });

  it("answers INVALID_FETCH_SESSION_EPOCH with the session id when another request moved the session on meanwhile", () => {
    const c = cache();
    const id = open(c, 1);
    const first = c.newContext(request(id, 1, []), 1);
    // A retry of the next request, say on another connection, while the first still long-polls.
    const second = c.newContext(request(id, 2, []), 2);
    expect(second.finish([data(0, { records: 10 })], 2).errorCode).toBe(ErrorCode.NONE);
    expect(first.finish([data(0, { records: 10 })], 3)).toEqual({
      errorCode: ErrorCode.INVALID_FETCH_SESSION_EPOCH,
      sessionId: id,
      send: [],
    });
  });

  it("names topics by name in sessions of v7-12", () => {
    const c = cache();
    const ctx = c.newContext(
      request(0, 0, [target(ZERO_UUID, 0, 0n, "a"), target(ZERO_UUID, 0, 0n, "b")], [], 12),
      0,
    );
    expect(ctx.partitions).toHaveLength(2);
    const id = ctx.finish([data(0), data(0)], 0).sessionId;
    expect(c.get(id)?.usesTopicIds).toBe(false);
    const next = c.newContext(request(id, 1, [], [ref(ZERO_UUID, 0, "a")], 12), 1);
    expect(next.kind).toBe("incremental");
    expect(c.get(id)?.partitions.map((p) => p.topic)).toEqual(["b"]);
  });
});

describe("incremental fetches", () => {
  it("reads every partition of the session but sends only those with records or a changed offset mark", () => {
    const c2 = cache();
    const id2 = open(c2, 4); // all sent with high watermark 10, log start 0
    const r2 = incremental(c2, id2, 1, [], (p) => {
      if (p.partition === 1) return data(1, { hw: 12n, records: 100 });
      if (p.partition === 2) return data(2, { hw: 11n });
      if (p.partition === 3) return data(3, { lso: 4n });
      return data(p.partition);
    });
    expect(r2.read).toEqual([0, 1, 2, 3]);
    expect(r2.sent).toEqual([1, 2, 3]);
    // Nothing changed since: nothing is sent.
    const r3 = incremental(c2, id2, 2, [], (p) => {
      if (p.partition === 1) return data(1, { hw: 12n });
      if (p.partition === 2) return data(2, { hw: 11n });
      if (p.partition === 3) return data(3, { lso: 4n });
      return data(p.partition);
    });
    expect(r3.out).toEqual({ errorCode: ErrorCode.NONE, sessionId: id2, send: [] });
  });

  it("moves partitions that returned records to the back of the session's order", () => {
    const c = cache();
    const id = open(c, 4);
    const r = incremental(c, id, 1, [], (p) => data(p.partition, p.partition < 2 ? { records: 10 } : {}));
    expect(r.sent).toEqual([0, 1]);
    expect(c.get(id)?.partitions.map((p) => p.partition)).toEqual([2, 3, 0, 1]);
    const next = incremental(c, id, 2, [], (p) => data(p.partition));
    expect(next.read).toEqual([2, 3, 0, 1]);
  });

  it("adds and updates the partitions a request lists, sends an added one at once, and not one whose offset alone changed", () => {
    const c = cache();
    const id = open(c, 2);
    const r = incremental(c, id, 1, [target(T1, 0, 7n), target(T2, 0, 3n)], (p) => data(p.partition));
    expect(r.read).toEqual([0, 1, 0]);
    const session = c.get(id);
    expect(session?.partitions.map((p) => [p.topicId, p.partition, p.fetchOffset])).toEqual([
      [T1, 0, 7n],
      [T1, 1, 0n],
      [T2, 0, 3n],
    ]);
    // Only the added partition (T2-0) is new to the fetcher.
    expect(r.out.send).toEqual([2]);
    expect(c.totalPartitions).toBe(3);
  });

  it("drops forgotten partitions after adding the listed ones, and closes a session left empty", () => {
    const c = cache();
    const id = open(c, 3);
    const r = incremental(c, id, 1, [target(T2, 0)], () => data(0), [ref(T1, 1), ref(T2, 0), ref(T1, 9)]);
    expect(r.kind).toBe("incremental");
    expect(c.get(id)?.partitions.map((p) => `${p.topicId}-${p.partition}`)).toEqual([`${T1}-0`, `${T1}-2`]);
    expect(c.totalPartitions).toBe(2);

    const emptied = c.newContext(request(id, 2, [], [ref(T1, 0), ref(T1, 2)]), 2);
    expect(emptied.kind).toBe("sessionless");
    expect(emptied.finish([], 2).sessionId).toBe(0);
    expect(c.get(id)).toBeUndefined();
    expect(c.size).toBe(0);
    expect(c.totalPartitions).toBe(0);
  });

  it("always sends a partition in error, and sends it again once the error clears", () => {
    const c = cache();
    const id = open(c, 2);
    // With the same marks as last sent, so only the error makes it news.
    const notLeader = data(1, { error: ErrorCode.NOT_LEADER_OR_FOLLOWER });
    expect(incremental(c, id, 1, [], (p) => (p.partition === 1 ? notLeader : data(0))).sent).toEqual([1]);
    expect(incremental(c, id, 2, [], (p) => (p.partition === 1 ? notLeader : data(0))).sent).toEqual([1]);
    // Back to the state sent before the error: sent anyway, as the fetcher last saw an error.
    expect(incremental(c, id, 3, [], (p) => data(p.partition)).sent).toEqual([1]);
    expect(incremental(c, id, 4, [], (p) => data(p.partition)).sent).toEqual([]);
  });

  it("sends a partition with a preferred read replica or a diverging epoch", () => {
    const c = cache();
    const id = open(c, 3);
    const r = incremental(c, id, 1, [], (p) =>
      p.partition === 0 ? data(0, { preferred: 2 }) : p.partition === 1 ? data(1, { diverging: 3 }) : data(2),
    );
    expect(r.sent).toEqual([0, 1]);
  });

  it("keeps sessions broker-wide: a session continues from any caller, and sessions do not share partitions", () => {
    const c = cache();
    const a = open(c, 2, 0, T1);
    const b = open(c, 1, 0, T2);
    expect(a).not.toBe(b);
    incremental(c, a, 1, [], (p) => data(p.partition), [ref(T1, 0)]);
    expect(c.get(a)?.partitions).toHaveLength(1);
    expect(c.get(b)?.partitions.map((p) => p.topicId)).toEqual([T2]);
    expect(c.totalPartitions).toBe(2);
  });
});

describe("cache slots and eviction", () => {
  const E = MIN_FETCH_SESSION_EVICTION_MS;

  it("answers session id 0 when full of sessions used recently, and never creates one with 0 slots", () => {
    const c = cache(2);
    open(c, 1, 0);
    open(c, 1, 0);
    expect(open(c, 50, 1_000)).toBe(0);
    expect(c.size).toBe(2);
    expect(c.evictions).toBe(0);
    expect(open(cache(0), 1, 0)).toBe(0);
  });

  it("evicts the least recently used session once it has been idle longer than the eviction time", () => {
    const c = cache(2);
    const old = open(c, 5, 0);
    const used = open(c, 5, 0);
    incremental(c, used, 1, [], (p) => data(p.partition), [], 10_000);
    expect(open(c, 1, E)).toBe(0); // `old` idle exactly E ms: not yet
    const fresh = open(c, 1, E + 1);
    expect(fresh).toBeGreaterThan(0);
    expect(c.get(old)).toBeUndefined();
    expect(c.get(used)).toBeDefined();
    expect(c.evictions).toBe(1);
    expect(c.totalPartitions).toBe(6);
  });

  it("lets a larger session displace the smallest one that was already old when last used", () => {
    const c = cache(2);
    const small = open(c, 2, 0);
    const big = open(c, 4, 0);
    // Both stay in use; at E+1 they are older than E when used.
    incremental(c, small, 1, [], (p) => data(p.partition), [], E + 1);
    incremental(c, big, 1, [], (p) => data(p.partition), [], E + 1);
    // No more partitions than the smallest: refused.
    expect(open(c, 2, E + 2)).toBe(0);
    const larger = open(c, 3, E + 2);
    expect(larger).toBeGreaterThan(0);
    expect(c.get(small)).toBeUndefined();
    expect(c.get(big)).toBeDefined();
    expect(c.evictions).toBe(1);
  });

  it("does not displace a session that was young when last used, whatever the newcomer's size", () => {
    const c = cache(1);
    const young = open(c, 1, 0);
    incremental(c, young, 1, [], (p) => data(p.partition), [], E - 1_000);
    expect(open(c, 100, E + 10_000)).toBe(0);
    expect(c.get(young)).toBeDefined();
  });

  it("lets a privileged (follower) session displace a young consumer session", () => {
    const c = cache(1);
    const consumer = open(c, 10, 0);
    const follower = c.newContext({ ...request(0, 0, [target(T2, 0)]), privileged: true }, 1_000);
    const id = follower.finish([data(0)], 1_000).sessionId;
    expect(id).toBeGreaterThan(0);
    expect(c.get(consumer)).toBeUndefined();
    expect(c.get(id)?.privileged).toBe(true);
    // A consumer cannot displace it back.
    expect(open(c, 50, 2_000)).toBe(0);
  });
});

describe("sessions of logical clusters", () => {
  it("are found, moved on and closed only by their owner; to another tenant their id is unknown", () => {
    const c = cache();
    const ctx = c.newContext({ ...request(0, 0, [target(T1, 0)]), owner: "lkc-aaaaaa" }, 0);
    const id = ctx.finish([data(0)], 0).sessionId;
    expect(id).not.toBe(0);
    const foreign = c.newContext({ ...request(id, 1, []), owner: "lkc-bbbbbb" }, 1);
    expect(foreign.finish([], 1).errorCode).toBe(ErrorCode.FETCH_SESSION_ID_NOT_FOUND);
    // A full fetch of another tenant naming the id does not close it.
    c.newContext({ ...request(id, 0, [target(T1, 0)]), owner: "lkc-bbbbbb" }, 1).finish([data(0)], 1);
    expect(c.get(id)).toBeDefined();
    const own = c.newContext({ ...request(id, 1, []), owner: "lkc-aaaaaa" }, 2);
    expect(own.kind).toBe("incremental");
    expect(own.finish([data(0)], 2).errorCode).toBe(ErrorCode.NONE);
  });
});
