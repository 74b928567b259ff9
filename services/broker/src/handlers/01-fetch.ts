/**
 * Fetch (key 1), versions 4-17 (the Kafka 2.1 baseline to 3.9).
 *
 * - Consumers only: a request claiming a replica id (or, v15+, a replica
 *   state) is refused with the request-level error; replicas fetch over gRPC.
 * - Each partition is read from its fetch offset: the whole batch that
 *   contains the offset comes back, then following batches up to the
 *   partition's byte limit and the response's, never past the high watermark
 *   (the offset every in-sync replica has). The first partition with
 *   data returns at least one whole batch even if larger than the limits, so a
 *   consumer always progresses.
 * - Long poll: with fewer than `min_bytes` available and no partition in
 *   error, the broker waits up to `max_wait_ms` for appends and reads again
 *   (a partition error answers at once, as in the Java broker).
 * - Topics by name before v13, by topic id from v13 (UNKNOWN_TOPIC_ID).
 * - Out-of-range offsets: OFFSET_OUT_OF_RANGE with the log start offset; not
 *   the leader: NOT_LEADER_OR_FOLLOWER with the current leader (v12+).
 * - Fetch sessions (KIP-227, v7+; see ../fetch-sessions.ts): a full fetch with
 *   session id 0 and epoch 0 gets a session if the cache has room, and its id
 *   in the response; an incremental fetch (epoch > 0) reads every partition
 *   of its session and answers only those that changed; a session error
 *   (FETCH_SESSION_ID_NOT_FOUND, INVALID_FETCH_SESSION_EPOCH,
 *   FETCH_SESSION_TOPIC_ID_ERROR) is a top-level error with no partitions.
 *   Sessions are the broker's, so a fetcher may continue one on any connection.
 * - Response topics follow the order partitions were read, consecutive
 *   partitions of one topic sharing an entry (a request's order for a full
 *   fetch, the session's for an incremental one).
 * - Rack-aware reads (KIP-392, v11+): the leader answers a consumer that
 *   names its rack with the in-sync follower in that zone to read from
 *   (`preferred_read_replica`, no records, at once) unless the leader is in
 *   that zone itself; a follower serves v11+ consumers up to its own high
 *   watermark (which trails the leader's by up to one replica fetch).
 * - read_committed sees the same as read_uncommitted until transactions land
 *   (the last stable offset equals the high watermark).
 */
import {
  ApiKeys,
  ErrorCode,
  type FetchRequest,
  type FetchResponseFetchableTopicResponse,
  type FetchResponsePartitionData,
  ZERO_UUID,
} from "@runnel/kafka-protocol";
import { isLogStorageError } from "@runnel/log";
import type { TopicImage } from "@runnel/metadata";
import type { BrokerContext } from "../context.js";
import type { FetchRequestView, FetchSessionCache, FetchTarget } from "../fetch-sessions.js";
import type { Handler } from "../kafka/server.js";
import { kafkaErrorOf } from "../log-errors.js";
import type { ReplicaManager } from "../replica-manager.js";
import { preferredReadReplica } from "../replication/rack.js";

/** The longest a fetch may wait, whatever the client asks (`replica.fetch.wait.max.ms`-like bound). */
const MAX_WAIT_MS_CAP = 30_000;

export interface FetchHandlerOptions {
  /** The broker's fetch sessions. */
  readonly sessions: FetchSessionCache;
  /** Wall-clock milliseconds, for session use times and the long-poll deadline. */
  readonly now: () => number;
}

export function fetchHandler(
  broker: BrokerContext,
  replicas: ReplicaManager,
  options: FetchHandlerOptions,
): Handler<typeof ApiKeys.Fetch> {
  const { sessions, now } = options;
  const nodeId = broker.settings.nodeId;
  return {
    apiKey: ApiKeys.Fetch,
    minVersion: 4,
    maxVersion: 17,
    async handle(request, ctx) {
      const v = ctx.apiVersion;
      const empty = (errorCode: number, sessionId = 0) => ({
        throttleTimeMs: 0,
        errorCode,
        sessionId,
        responses: [],
        nodeEndpoints: [],
      });
      if (request.replicaId >= 0 || (v >= 15 && request.replicaState.replicaId >= 0)) {
        return empty(ErrorCode.NOT_LEADER_OR_FOLLOWER);
      }

      const context = sessions.newContext(
        { ...requestView(request, v), owner: ctx.session.logicalClusterId ?? "" },
        now(),
      );
      if (context.kind === "error") return empty(context.finish([], now()).errorCode);
      const targets = context.partitions;

      const deadline = now() + Math.min(Math.max(0, request.maxWaitMs), MAX_WAIT_MS_CAP);
      for (;;) {
        // Noted before reading: an append while this reads wakes the wait below at once.
        const seen = replicas.appendCount;
        const image = broker.image();
        let bytes = 0;
        let anyError = false;
        let answerNow = false;
        let budget = request.maxBytes > 0 ? request.maxBytes : Number.MAX_SAFE_INTEGER;
        const topics = new Map<string, TopicImage | undefined>();
        const resolve = (t: FetchTarget): TopicImage | undefined => {
          const key = v >= 13 ? t.topicId : t.topic;
          if (topics.has(key)) return topics.get(key);
          let topic: TopicImage | undefined;
          if (v >= 13) topic = image.topics.get(t.topicId);
          else {
            const id = image.topicKeysByName.get(t.topic);
            topic = id === undefined ? undefined : image.topics.get(id);
          }
          topics.set(key, topic);
          return topic;
        };
        const results: FetchResponsePartitionData[] = [];
        for (const p of targets) {
          const out = partitionData(p.partition);
          results.push(out);
          const topic = resolve(p);
          // v11+ consumers may read from a follower (KIP-392).
          const found = await replicas.readablePartition(topic, p.partition, v >= 11);
          if (found.kind !== "ok") {
            anyError = true;
            if (found.kind === "unknown-topic") {
              out.errorCode = v >= 13 ? ErrorCode.UNKNOWN_TOPIC_ID : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
            } else if (found.kind === "unknown-partition") {
              out.errorCode = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
            } else if (found.kind === "storage-error") {
              out.errorCode = ErrorCode.KAFKA_STORAGE_ERROR;
            } else {
              out.errorCode = ErrorCode.NOT_LEADER_OR_FOLLOWER;
              out.currentLeader = { leaderId: found.state.leader, leaderEpoch: found.state.leaderEpoch };
            }
            continue;
          }
          const { log, state, replica } = found.hosted;
          if (p.currentLeaderEpoch >= 0 && p.currentLeaderEpoch < state.leaderEpoch) {
            out.errorCode = ErrorCode.FENCED_LEADER_EPOCH;
            anyError = true;
            continue;
          }
          if (p.currentLeaderEpoch > state.leaderEpoch) {
            out.errorCode = ErrorCode.UNKNOWN_LEADER_EPOCH;
            anyError = true;
            continue;
          }
          // Consumers never read past the high watermark: what every ISR member holds.
          const hw = replica.highWatermark;
          out.highWatermark = hw;
          out.lastStableOffset = hw;
          out.logStartOffset = log.logStartOffset;
          if (v >= 11 && request.rackId !== "") {
            const preferred = preferredReadReplica(replica, image, nodeId, request.rackId, p.fetchOffset);
            if (preferred >= 0) {
              // Read from the replica in the client's zone instead: answered at once, without records.
              out.preferredReadReplica = preferred;
              out.records = NO_RECORDS;
              answerNow = true;
              continue;
            }
          }
          if (budget <= 0) continue;
          if (p.fetchOffset === hw) {
            // Caught up: nothing to read, and no turn to wait for in the log's queue.
            out.records = NO_RECORDS;
            continue;
          }
          try {
            const limit = Math.min(p.partitionMaxBytes, budget);
            const r = await log.read(p.fetchOffset, limit, { maxOffset: hw, minOneBatch: bytes === 0 });
            out.records = r.bytes;
            bytes += r.bytes.byteLength;
            budget -= r.bytes.byteLength;
          } catch (e) {
            if (!isLogStorageError(e)) throw e;
            anyError = true;
            // A topic deleted while this fetch read it: its log was closed under us.
            const gone = topic !== undefined && !broker.image().topics.has(topic.key);
            out.errorCode = gone
              ? v >= 13
                ? ErrorCode.UNKNOWN_TOPIC_ID
                : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION
              : kafkaErrorOf(e);
          }
        }
        const remaining = deadline - now();
        if (
          bytes >= Math.max(1, request.minBytes) ||
          anyError ||
          answerNow ||
          targets.length === 0 ||
          remaining <= 0 ||
          ctx.signal.aborted
        ) {
          const outcome = context.finish(results, now());
          if (outcome.errorCode !== ErrorCode.NONE) return empty(outcome.errorCode, outcome.sessionId);
          return {
            throttleTimeMs: 0,
            errorCode: ErrorCode.NONE,
            sessionId: outcome.sessionId,
            responses: groupByTopic(v, targets, results, outcome.send),
            nodeEndpoints: [],
          };
        }
        // Only waiting is left: the connection's next request may run meanwhile.
        ctx.release();
        await replicas.waitForAppend(remaining, ctx.signal, seen);
      }
    },
  };
}

const NO_RECORDS = new Uint8Array(0);

/** The request's partitions and forgotten partitions, flattened for the session logic. */
function requestView(request: FetchRequest, v: number): FetchRequestView {
  const byId = v >= 13;
  return {
    apiVersion: v,
    sessionId: v >= 7 ? request.sessionId : 0,
    sessionEpoch: v >= 7 ? request.sessionEpoch : -1,
    privileged: false,
    partitions: request.topics.flatMap((t) =>
      t.partitions.map(
        (p): FetchTarget => ({
          topicId: byId ? t.topicId : ZERO_UUID,
          topic: byId ? "" : t.topic,
          partition: p.partition,
          fetchOffset: p.fetchOffset,
          partitionMaxBytes: p.partitionMaxBytes,
          currentLeaderEpoch: v >= 9 ? p.currentLeaderEpoch : -1,
          lastFetchedEpoch: v >= 12 ? p.lastFetchedEpoch : -1,
          logStartOffset: p.logStartOffset,
        }),
      ),
    ),
    forgotten:
      v >= 7
        ? request.forgottenTopicsData.flatMap((t) =>
            t.partitions.map((partition) => ({
              topicId: byId ? t.topicId : ZERO_UUID,
              topic: byId ? "" : t.topic,
              partition,
            })),
          )
        : [],
  };
}

/** The partitions to send, consecutive partitions of one topic under one topic entry. */
function groupByTopic(
  v: number,
  targets: readonly FetchTarget[],
  results: readonly FetchResponsePartitionData[],
  send: readonly number[],
): FetchResponseFetchableTopicResponse[] {
  const out: FetchResponseFetchableTopicResponse[] = [];
  let last: FetchResponseFetchableTopicResponse | undefined;
  for (const i of send) {
    const t = targets[i] as FetchTarget;
    const data = results[i] as FetchResponsePartitionData;
    const same = last !== undefined && (v >= 13 ? last.topicId === t.topicId : last.topic === t.topic);
    if (!same || last === undefined) {
      last = { topic: v >= 13 ? "" : t.topic, topicId: v >= 13 ? t.topicId : ZERO_UUID, partitions: [] };
      out.push(last);
    }
    last.partitions.push(data);
  }
  return out;
}

function partitionData(partitionIndex: number): FetchResponsePartitionData {
  return {
    partitionIndex,
    errorCode: ErrorCode.NONE,
    highWatermark: -1n,
    lastStableOffset: -1n,
    logStartOffset: -1n,
    divergingEpoch: { epoch: -1, endOffset: -1n },
    currentLeader: { leaderId: -1, leaderEpoch: -1 },
    snapshotId: { endOffset: -1n, epoch: -1 },
    abortedTransactions: null,
    preferredReadReplica: -1,
    records: null,
  };
}
