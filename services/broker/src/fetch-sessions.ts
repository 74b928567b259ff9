/**
 * Incremental fetch sessions (KIP-227): the broker's cache of sessions and
 * what each Fetch request means for them. Pure logic with the time passed in;
 * the Fetch handler reads the partitions a context names and hands the
 * results back.
 *
 * Kafka's rules, as the Java broker's FetchSession/FetchSessionCache apply them:
 *
 * - Sessions belong to the broker, not to a connection: a fetcher may carry
 *   its session over to a new connection.
 * - Session id 0 and epoch 0: a full fetch that asks for a session; the broker
 *   creates one if it has room (below) and answers with its id, else 0.
 *   Epoch -1: a full fetch without a session. Either, with a non-zero session
 *   id, first closes that session (epoch -1 with its id is how a fetcher
 *   closes one). Versions before 7 have no sessions.
 * - Any other epoch is an incremental fetch on an existing session: an unknown
 *   id is FETCH_SESSION_ID_NOT_FOUND; an epoch other than the one the session
 *   expects is INVALID_FETCH_SESSION_EPOCH; a session made with topic ids (v13+)
 *   continued without them, or the reverse, is FETCH_SESSION_TOPIC_ID_ERROR.
 *   A session made by a full fetch expects epoch 1 next; each incremental
 *   fetch moves it on by one, from 2^31-1 back to 1.
 * - An incremental request lists only the partitions whose fetch parameters
 *   changed (they are added to, or updated in, the session) and names in
 *   `forgotten_topics_data` those to drop (applied after the additions). The
 *   broker then reads every partition of the session. A session left with no
 *   partitions is closed, and the request is answered as a sessionless fetch.
 * - An incremental response carries only the partitions with records, a high
 *   watermark or log start offset other than last sent, an error (which also
 *   forgets the sent high watermark, so the partition comes back once the
 *   error clears), a diverging epoch or a preferred read replica. A partition
 *   just added has no high watermark sent yet, so it always appears; one whose
 *   fetch offset merely changed appears only if one of the above holds, as in
 *   the Java broker. Partitions that returned records move to the end of the
 *   session's order, so under byte limits every partition gets its turn.
 * - A session's epoch is checked again when the response is made: if another
 *   request moved the session on meanwhile (a duplicate after a timeout), this
 *   one is answered INVALID_FETCH_SESSION_EPOCH.
 * - Topics are named by topic id in sessions of v13+, by name before.
 *
 * Cache size: `max.incremental.fetch.session.cache.slots` sessions (default
 * 1000). With no free slot, a new session may take the slot of (in this
 * order) the least recently used session if it was unused for longer than
 * `min.incremental.fetch.session.eviction.ms` (120 s, fixed in Kafka); else
 * the least valuable session among those already older than that when last
 * used, if the new one is worth more. Value orders privileged (follower)
 * sessions over consumers' and then more partitions over fewer; a privileged
 * newcomer may also displace a young consumer session. Otherwise the fetch is
 * answered with session id 0 and the fetcher carries on with full fetches.
 * This broker's Kafka listener serves consumers only (replicas fetch over
 * gRPC), so its sessions are all unprivileged.
 */
import { ErrorCode, type FetchResponsePartitionData } from "@runnel/kafka-protocol";
import type { Meter, Random } from "@runnel/runtime";

/** The session id of "no session". */
export const INVALID_SESSION_ID = 0;
/** The epoch of a full fetch that asks for a new session. */
export const INITIAL_EPOCH = 0;
/** The epoch of a full fetch without a session; with a session id, it closes that session. */
export const FINAL_EPOCH = -1;
/** `max.incremental.fetch.session.cache.slots` default. */
export const DEFAULT_FETCH_SESSION_CACHE_SLOTS = 1000;
/** `min.incremental.fetch.session.eviction.ms`: Kafka's fixed 120 s. */
export const MIN_FETCH_SESSION_EVICTION_MS = 120_000;

const MAX_EPOCH = 0x7fff_ffff;

/** The epoch a session expects after `epoch`: one more, wrapping from 2^31-1 to 1; -1 stays -1. */
export function nextEpoch(epoch: number): number {
  if (epoch < 0) return FINAL_EPOCH;
  if (epoch >= MAX_EPOCH) return 1;
  return epoch + 1;
}

/** A partition as a request names it: by topic id (v13+) or by topic name (before). */
export interface PartitionRef {
  /** The topic id; ignored in sessions without topic ids. */
  readonly topicId: string;
  /** The topic name; ignored in sessions with topic ids. */
  readonly topic: string;
  readonly partition: number;
}

/** What a fetcher asks of one partition; a session remembers it between requests. */
export interface FetchTarget extends PartitionRef {
  readonly fetchOffset: bigint;
  readonly partitionMaxBytes: number;
  readonly currentLeaderEpoch: number;
  readonly lastFetchedEpoch: number;
  /** The fetcher's own log start offset (followers only). */
  readonly logStartOffset: bigint;
}

/** A Fetch request as the session logic sees it. */
export interface FetchRequestView {
  readonly apiVersion: number;
  readonly sessionId: number;
  readonly sessionEpoch: number;
  /** Whether the fetcher is a follower replica (privileged in the cache). */
  readonly privileged: boolean;
  /**
   * Whose the session is: the connection's logical cluster ("" for none). A session is found,
   * moved on or closed only by requests of its owner; to anyone else its id is unknown.
   */
  readonly owner?: string;
  /** The request's partitions, in request order. */
  readonly partitions: readonly FetchTarget[];
  /** `forgotten_topics_data`, flattened. */
  readonly forgotten: readonly PartitionRef[];
}

/** What to answer once the partitions are read. */
export interface FetchOutcome {
  /** The response's top-level error; with an error, no partitions are sent. */
  readonly errorCode: number;
  readonly sessionId: number;
  /** Indexes into `FetchContext.partitions` of the partitions to send, in order. */
  readonly send: readonly number[];
}

/** One Fetch request's relation to the session cache. */
export interface FetchContext {
  readonly kind: "error" | "sessionless" | "full" | "incremental";
  /** The partitions to read, in the order to read them (none for a session error). */
  readonly partitions: readonly FetchTarget[];
  /**
   * Called once, with the read results in `partitions` order: creates or
   * updates the session and picks the partitions to send.
   */
  finish(results: readonly FetchResponsePartitionData[], nowMs: number): FetchOutcome;
}

/** One partition of a session: the fetch parameters last asked and the state last sent. */
interface CachedPartition {
  target: FetchTarget;
  /** The high watermark last sent; -1 when none was, or after an error. */
  highWatermark: bigint;
  /** This broker's log start offset last sent; -1 when none was. */
  localLogStartOffset: bigint;
}

class FetchSession {
  /** The epoch the next incremental request must carry. */
  epoch = nextEpoch(INITIAL_EPOCH);
  lastUsedMs: number;
  /** See `FetchRequestView.owner`. */
  owner = "";

  constructor(
    readonly id: number,
    readonly privileged: boolean,
    readonly usesTopicIds: boolean,
    readonly creationMs: number,
    /** In fetch order: a Map iterates in insertion order, and re-inserting moves an entry to the end. */
    readonly partitions: Map<string, CachedPartition>,
  ) {
    this.lastUsedMs = creationMs;
  }
}

/** What tests and metrics may see of a session. */
export interface FetchSessionInfo {
  readonly id: number;
  readonly epoch: number;
  readonly privileged: boolean;
  readonly usesTopicIds: boolean;
  readonly creationMs: number;
  readonly lastUsedMs: number;
  /** The session's partitions, in fetch order, with their cached fetch offsets. */
  readonly partitions: readonly (PartitionRef & { fetchOffset: bigint })[];
}

export interface FetchSessionCacheOptions {
  /** `max.incremental.fetch.session.cache.slots`. */
  readonly slots: number;
  /** `min.incremental.fetch.session.eviction.ms`; defaults to Kafka's 120 s. */
  readonly evictionMs?: number;
  /** Draws session ids. */
  readonly random: Random;
}

function keyOf(ref: PartitionRef, usesTopicIds: boolean): string {
  // The partition number first and then the topic, so no topic string can make two keys collide.
  return `${ref.partition} ${usesTopicIds ? ref.topicId : ref.topic}`;
}

/** The request's partitions without repeats: first position, last parameters (as a Java LinkedHashMap). */
function dedupe(partitions: readonly FetchTarget[], usesTopicIds: boolean): FetchTarget[] {
  const byKey = new Map<string, FetchTarget>();
  for (const p of partitions) byKey.set(keyOf(p, usesTopicIds), p);
  return byKey.size === partitions.length ? [...partitions] : [...byKey.values()];
}

function allIndexes(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function recordsSize(data: FetchResponsePartitionData): number {
  return data.records?.byteLength ?? 0;
}

/**
 * Whether an incremental response must carry a partition, updating what the
 * session remembers as sent.
 */
function mustSend(cached: CachedPartition, data: FetchResponsePartitionData): boolean {
  let send = recordsSize(data) > 0;
  if (cached.highWatermark !== data.highWatermark) {
    send = true;
    cached.highWatermark = data.highWatermark;
  }
  if (cached.localLogStartOffset !== data.logStartOffset) {
    send = true;
    cached.localLogStartOffset = data.logStartOffset;
  }
  if (data.preferredReadReplica >= 0) send = true;
  if (data.errorCode !== ErrorCode.NONE) {
    // Forget the high watermark sent, so the partition is sent again when the error clears.
    cached.highWatermark = -1n;
    send = true;
  }
  if (data.divergingEpoch.epoch >= 0 || data.divergingEpoch.endOffset >= 0n) send = true;
  return send;
}

export class FetchSessionCache {
  private readonly sessions = new Map<number, FetchSession>();
  private readonly slots: number;
  private readonly evictionMs: number;
  private readonly random: Random;
  private cachedPartitions = 0;
  private evictionCount = 0;
  private createdCount = 0;
  private incrementalCount = 0;

  constructor(options: FetchSessionCacheOptions) {
    if (!Number.isInteger(options.slots) || options.slots < 0) {
      throw new RangeError(`fetch session cache slots must be a non-negative integer, got ${options.slots}`);
    }
    this.slots = options.slots;
    this.evictionMs = options.evictionMs ?? MIN_FETCH_SESSION_EVICTION_MS;
    this.random = options.random;
  }

  /** Sessions in the cache (Kafka's NumIncrementalFetchSessions). */
  get size(): number {
    return this.sessions.size;
  }

  /** Partitions over all sessions (Kafka's NumIncrementalFetchPartitionsCached). */
  get totalPartitions(): number {
    return this.cachedPartitions;
  }

  /** Sessions evicted to make room for new ones, since start. */
  get evictions(): number {
    return this.evictionCount;
  }

  /** Sessions created, since start. */
  get created(): number {
    return this.createdCount;
  }

  /** Incremental fetches accepted on a session, since start. */
  get incrementalFetches(): number {
    return this.incrementalCount;
  }

  get(sessionId: number): FetchSessionInfo | undefined {
    const s = this.sessions.get(sessionId);
    if (s === undefined) return undefined;
    return {
      id: s.id,
      epoch: s.epoch,
      privileged: s.privileged,
      usesTopicIds: s.usesTopicIds,
      creationMs: s.creationMs,
      lastUsedMs: s.lastUsedMs,
      partitions: [...s.partitions.values()].map((c) => ({
        topicId: c.target.topicId,
        topic: c.target.topic,
        partition: c.target.partition,
        fetchOffset: c.target.fetchOffset,
      })),
    };
  }

  /** Removes a session; true if it was there. */
  remove(sessionId: number): boolean {
    const s = this.sessions.get(sessionId);
    if (s === undefined) return false;
    this.sessions.delete(sessionId);
    this.cachedPartitions -= s.partitions.size;
    return true;
  }

  /** Decides what a Fetch request means for the sessions (the Java broker's FetchManager.newContext). */
  newContext(request: FetchRequestView, nowMs: number): FetchContext {
    const usesTopicIds = request.apiVersion >= 13;
    if (request.apiVersion < 7) return this.sessionless(dedupe(request.partitions, usesTopicIds));
    const { sessionId, sessionEpoch } = request;
    const owner = request.owner ?? "";
    if (sessionEpoch === INITIAL_EPOCH || sessionEpoch === FINAL_EPOCH) {
      // A full fetch closes any session of its owner it names.
      if (sessionId !== INVALID_SESSION_ID && this.sessions.get(sessionId)?.owner === owner)
        this.remove(sessionId);
      const partitions = dedupe(request.partitions, usesTopicIds);
      if (sessionEpoch === FINAL_EPOCH) return this.sessionless(partitions);
      return this.full(partitions, request.privileged, usesTopicIds, owner);
    }
    const session = this.sessions.get(sessionId);
    if (session === undefined || session.owner !== owner)
      return sessionError(ErrorCode.FETCH_SESSION_ID_NOT_FOUND);
    if (session.epoch !== sessionEpoch) return sessionError(ErrorCode.INVALID_FETCH_SESSION_EPOCH);
    if (session.usesTopicIds !== usesTopicIds) return sessionError(ErrorCode.FETCH_SESSION_TOPIC_ID_ERROR);

    const sizeBefore = session.partitions.size;
    for (const target of request.partitions) {
      const key = keyOf(target, usesTopicIds);
      const cached = session.partitions.get(key);
      if (cached === undefined) {
        session.partitions.set(key, { target, highWatermark: -1n, localLogStartOffset: -1n });
      } else {
        cached.target = target;
      }
    }
    for (const ref of request.forgotten) session.partitions.delete(keyOf(ref, usesTopicIds));
    this.cachedPartitions += session.partitions.size - sizeBefore;
    if (session.partitions.size === 0) {
      this.remove(session.id);
      return this.sessionless(dedupe(request.partitions, usesTopicIds));
    }
    session.lastUsedMs = nowMs;
    session.epoch = nextEpoch(session.epoch);
    this.incrementalCount++;
    return this.incremental(session);
  }

  private sessionless(partitions: FetchTarget[]): FetchContext {
    return {
      kind: "sessionless",
      partitions,
      finish: () => ({
        errorCode: ErrorCode.NONE,
        sessionId: INVALID_SESSION_ID,
        send: allIndexes(partitions.length),
      }),
    };
  }

  private full(
    partitions: FetchTarget[],
    privileged: boolean,
    usesTopicIds: boolean,
    owner: string,
  ): FetchContext {
    return {
      kind: "full",
      partitions,
      finish: (results, nowMs) => {
        const sessionId = this.maybeCreateSession(nowMs, privileged, usesTopicIds, partitions.length, () => {
          const cached = new Map<string, CachedPartition>();
          partitions.forEach((target, i) => {
            const data = results[i] as FetchResponsePartitionData;
            cached.set(keyOf(target, usesTopicIds), {
              target,
              highWatermark: data.highWatermark,
              localLogStartOffset: data.logStartOffset,
            });
          });
          return cached;
        });
        const created = this.sessions.get(sessionId);
        if (created !== undefined) created.owner = owner;
        return { errorCode: ErrorCode.NONE, sessionId, send: allIndexes(partitions.length) };
      },
    };
  }

  private incremental(session: FetchSession): FetchContext {
    const expectedEpoch = session.epoch;
    const keys = [...session.partitions.keys()];
    const partitions = [...session.partitions.values()].map((c) => c.target);
    return {
      kind: "incremental",
      partitions,
      finish: (results) => {
        if (session.epoch !== expectedEpoch) {
          // Another request moved the session on while this one was being read.
          return { errorCode: ErrorCode.INVALID_FETCH_SESSION_EPOCH, sessionId: session.id, send: [] };
        }
        const send: number[] = [];
        keys.forEach((key, i) => {
          const data = results[i] as FetchResponsePartitionData;
          const cached = session.partitions.get(key);
          if (cached === undefined) return;
          if (!mustSend(cached, data)) return;
          send.push(i);
          if (recordsSize(data) > 0) {
            // To the back of the line, so the partitions after it are read first next time.
            session.partitions.delete(key);
            session.partitions.set(key, cached);
          }
        });
        return { errorCode: ErrorCode.NONE, sessionId: session.id, send };
      },
    };
  }

  private maybeCreateSession(
    nowMs: number,
    privileged: boolean,
    usesTopicIds: boolean,
    size: number,
    partitions: () => Map<string, CachedPartition>,
  ): number {
    if (this.sessions.size >= this.slots && !this.tryEvict(privileged, size, nowMs)) {
      return INVALID_SESSION_ID;
    }
    const cached = partitions();
    const session = new FetchSession(this.newSessionId(), privileged, usesTopicIds, nowMs, cached);
    this.sessions.set(session.id, session);
    this.cachedPartitions += cached.size;
    this.createdCount++;
    return session.id;
  }

  private newSessionId(): number {
    for (;;) {
      const id = this.random.int(1, MAX_EPOCH);
      if (!this.sessions.has(id)) return id;
    }
  }

  /** Whether `s` may give way to a newcomer that is not privileged: it was already old when last used. */
  private evictableByAll(s: FetchSession): boolean {
    return s.lastUsedMs - s.creationMs > this.evictionMs;
  }

  /**
   * Frees a slot for a new session of `size` partitions if the policy allows
   * (see the file comment); true if it did.
   */
  private tryEvict(privileged: boolean, size: number, nowMs: number): boolean {
    let lru: FetchSession | undefined;
    for (const s of this.sessions.values()) {
      if (
        lru === undefined ||
        s.lastUsedMs < lru.lastUsedMs ||
        (s.lastUsedMs === lru.lastUsedMs && s.id < lru.id)
      ) {
        lru = s;
      }
    }
    if (lru === undefined) return false;
    if (nowMs - lru.lastUsedMs > this.evictionMs) {
      this.evict(lru);
      return true;
    }
    let least: FetchSession | undefined;
    for (const s of this.sessions.values()) {
      const evictable = privileged ? !s.privileged || this.evictableByAll(s) : this.evictableByAll(s);
      if (!evictable) continue;
      if (least === undefined || compareValue(s, least) < 0) least = s;
    }
    if (least === undefined) return false;
    const worthMore =
      (privileged && !least.privileged) || (privileged === least.privileged && size > least.partitions.size);
    if (!worthMore) return false;
    this.evict(least);
    return true;
  }

  private evict(session: FetchSession): void {
    this.remove(session.id);
    this.evictionCount++;
  }
}

/** Orders sessions from least to most valuable: unprivileged first, then fewer partitions, then lower id. */
function compareValue(a: FetchSession, b: FetchSession): number {
  if (a.privileged !== b.privileged) return a.privileged ? 1 : -1;
  if (a.partitions.size !== b.partitions.size) return a.partitions.size - b.partitions.size;
  return a.id - b.id;
}

function sessionError(errorCode: number): FetchContext {
  return {
    kind: "error",
    partitions: [],
    finish: () => ({ errorCode, sessionId: INVALID_SESSION_ID, send: [] }),
  };
}

/** The cache's gauges and counters on `/metrics`, after Kafka's fetch session metrics. */
export function registerFetchSessionMetrics(meter: Meter, cache: FetchSessionCache): void {
  const sessions = meter.createObservableGauge("fetch_session.sessions", {
    description: "Incremental fetch sessions in the cache (Kafka's NumIncrementalFetchSessions).",
  });
  const partitions = meter.createObservableGauge("fetch_session.partitions", {
    description: "Partitions cached over all fetch sessions (Kafka's NumIncrementalFetchPartitionsCached).",
  });
  const evictions = meter.createObservableCounter("fetch_session.evictions", {
    description: "Fetch sessions evicted to make room for new ones.",
  });
  const created = meter.createObservableCounter("fetch_session.created", {
    description: "Fetch sessions created.",
  });
  const incremental = meter.createObservableCounter("fetch_session.incremental_fetches", {
    description: "Incremental fetch requests accepted on a session.",
  });
  meter.addBatchObservableCallback(
    (result) => {
      result.observe(sessions, cache.size);
      result.observe(partitions, cache.totalPartitions);
      result.observe(evictions, cache.evictions);
      result.observe(created, cache.created);
      result.observe(incremental, cache.incrementalFetches);
    },
    [sessions, partitions, evictions, created, incremental],
  );
}
