/**
 * Fetch (key 1), versions 4-17 (the Kafka 2.1 baseline to 3.9).
 *
 * - Consumers only: a request claiming a replica id (or, v15+, a replica
 *   state) is refused with the request-level error; replicas fetch over gRPC.
 * - Each partition is read from its fetch offset: the whole batch that
 *   contains the offset comes back, then following batches up to the
 *   partition's byte limit and the response's, never past the high watermark
 *   (the log end, with one replica per partition). The first partition with
 *   data returns at least one whole batch even if larger than the limits, so a
 *   consumer always progresses.
 * - Long poll: with fewer than `min_bytes` available, the broker waits up to
 *   `max_wait_ms` for appends and reads again.
 * - Topics by name before v13, by topic id from v13 (UNKNOWN_TOPIC_ID).
 * - Out-of-range offsets: OFFSET_OUT_OF_RANGE with the log start offset; not
 *   the leader: NOT_LEADER_OR_FOLLOWER with the current leader (v12+).
 * - Fetch sessions (KIP-227): the broker creates none and answers session id
 *   0, which clients handle by sending full fetches; asking to continue a
 *   session this broker does not have is FETCH_SESSION_ID_NOT_FOUND.
 * - read_committed sees the same as read_uncommitted until transactions land
 *   (the last stable offset equals the high watermark).
 */
import {
  ApiKeys,
  ErrorCode,
  type FetchResponseFetchableTopicResponse,
  type FetchResponsePartitionData,
  ZERO_UUID,
} from "@runnel/kafka-protocol";
import { isLogStorageError } from "@runnel/log";
import type { TopicImage } from "@runnel/metadata";
import type { BrokerContext } from "../context.js";
import type { Handler } from "../kafka/server.js";
import { kafkaErrorOf } from "../log-errors.js";
import type { ReplicaManager } from "../replica-manager.js";

/** The longest a fetch may wait, whatever the client asks (`replica.fetch.wait.max.ms`-like bound). */
const MAX_WAIT_MS_CAP = 30_000;

export function fetchHandler(broker: BrokerContext, replicas: ReplicaManager): Handler<typeof ApiKeys.Fetch> {
  return {
    apiKey: ApiKeys.Fetch,
    minVersion: 4,
    maxVersion: 17,
    async handle(request, ctx) {
      const v = ctx.apiVersion;
      const empty = (errorCode: number) => ({
        throttleTimeMs: 0,
        errorCode,
        sessionId: 0,
        responses: [],
        nodeEndpoints: [],
      });
      if (request.replicaId >= 0 || (v >= 15 && request.replicaState.replicaId >= 0)) {
        return empty(ErrorCode.NOT_LEADER_OR_FOLLOWER);
      }
      if (v >= 7 && request.sessionId !== 0) return empty(ErrorCode.FETCH_SESSION_ID_NOT_FOUND);

      const deadline = Date.now() + Math.min(Math.max(0, request.maxWaitMs), MAX_WAIT_MS_CAP);
      for (;;) {
        const image = broker.image();
        let bytes = 0;
        let budget = request.maxBytes > 0 ? request.maxBytes : Number.MAX_SAFE_INTEGER;
        const responses: FetchResponseFetchableTopicResponse[] = [];
        for (const t of request.topics) {
          const topic: TopicImage | undefined =
            v >= 13
              ? image.topics.get(t.topicId)
              : (() => {
                  const key = image.topicKeysByName.get(t.topic);
                  return key === undefined ? undefined : image.topics.get(key);
                })();
          const partitions: FetchResponsePartitionData[] = [];
          for (const p of t.partitions) {
            const out = partitionData(p.partition);
            partitions.push(out);
            const found = await replicas.leaderPartition(topic, p.partition);
            if (found.kind === "unknown-topic") {
              out.errorCode = v >= 13 ? ErrorCode.UNKNOWN_TOPIC_ID : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
              continue;
            }
            if (found.kind === "unknown-partition") {
              out.errorCode = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
              continue;
            }
            if (found.kind === "storage-error") {
              out.errorCode = ErrorCode.KAFKA_STORAGE_ERROR;
              continue;
            }
            if (found.kind === "not-leader") {
              out.errorCode = ErrorCode.NOT_LEADER_OR_FOLLOWER;
              out.currentLeader = { leaderId: found.state.leader, leaderEpoch: found.state.leaderEpoch };
              continue;
            }
            const { log, state } = found.hosted;
            if (p.currentLeaderEpoch >= 0 && p.currentLeaderEpoch < state.leaderEpoch) {
              out.errorCode = ErrorCode.FENCED_LEADER_EPOCH;
              continue;
            }
            if (p.currentLeaderEpoch > state.leaderEpoch) {
              out.errorCode = ErrorCode.UNKNOWN_LEADER_EPOCH;
              continue;
            }
            const hw = log.logEndOffset;
            out.highWatermark = hw;
            out.lastStableOffset = hw;
            out.logStartOffset = log.logStartOffset;
            if (budget <= 0) continue;
            try {
              const limit = Math.min(p.partitionMaxBytes, budget);
              const r = await log.read(p.fetchOffset, limit, { maxOffset: hw, minOneBatch: bytes === 0 });
              out.records = r.bytes;
              bytes += r.bytes.byteLength;
              budget -= r.bytes.byteLength;
            } catch (e) {
              if (!isLogStorageError(e)) throw e;
              // A topic deleted while this fetch read it: its log was closed under us.
              const gone = topic !== undefined && !broker.image().topics.has(topic.key);
              out.errorCode = gone
                ? v >= 13
                  ? ErrorCode.UNKNOWN_TOPIC_ID
                  : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION
                : kafkaErrorOf(e);
            }
          }
          responses.push({
            topic: v >= 13 ? "" : t.topic,
            topicId: v >= 13 ? t.topicId : ZERO_UUID,
            partitions,
          });
        }
        const remaining = deadline - Date.now();
        if (bytes >= Math.max(1, request.minBytes) || remaining <= 0 || ctx.signal.aborted) {
          return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, sessionId: 0, responses, nodeEndpoints: [] };
        }
        // Only waiting is left: the connection's next request may run meanwhile.
        ctx.release();
        await replicas.waitForAppend(remaining, ctx.signal);
      }
    },
  };
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
