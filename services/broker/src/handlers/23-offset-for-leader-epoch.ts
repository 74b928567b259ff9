/**
 * OffsetForLeaderEpoch (key 23), versions 2-4 (the Kafka 2.1 baseline to 3.9).
 *
 * For each partition: the largest leader epoch at most the one asked for,
 * and the end offset of that epoch, from the partition log's leader-epoch
 * cache. Followers use it to find where their log diverged from the
 * leader's; consumers (KIP-320) to check their position after a leader change.
 *
 * - Answered by the leader only, for consumers (replica id -1) and followers
 *   (replica id >= 0) alike, as Kafka does; elsewhere NOT_LEADER_OR_FOLLOWER.
 *   An unknown topic or partition is UNKNOWN_TOPIC_OR_PARTITION; a log that
 *   cannot be opened, KAFKA_STORAGE_ERROR.
 * - current_leader_epoch fences stale callers before anything else on a
 *   replica of the partition: below the partition's epoch
 *   FENCED_LEADER_EPOCH, above it UNKNOWN_LEADER_EPOCH; -1 skips the check.
 * - The leader's current epoch is recorded in the cache at the log end before
 *   answering (Kafka records it when the replica becomes leader), so asking
 *   for it answers the log end even before its first append.
 * - Answers (Kafka's LeaderEpochFileCache): the latest epoch ends at the log
 *   end; an older known epoch ends where the next larger one starts; an epoch
 *   never led here is answered with the largest known epoch below it and
 *   the start of the next larger one; an epoch below every known one (its
 *   records deleted) with itself and the earliest entry's start; -1 or an
 *   epoch above every known one with leader_epoch -1 and end_offset -1.
 *
 * v3 adds replica_id (a v2 request counts as a debug consumer, -2); v4 is
 * flexible. The end offset is not capped at the high watermark: with one
 * replica per partition the high watermark is the log end.
 */
import {
  ApiKeys,
  ErrorCode,
  type OffsetForLeaderEpochResponseEpochEndOffset,
  type OffsetForLeaderEpochResponseOffsetForLeaderTopicResult,
} from "@runnel/kafka-protocol";
import { isLogStorageError } from "@runnel/log";
import type { BrokerContext } from "../context.js";
import type { Handler } from "../kafka/server.js";
import { kafkaErrorOf } from "../log-errors.js";
import type { ReplicaManager } from "../replica-manager.js";

/** RecordBatch.NO_PARTITION_LEADER_EPOCH: the caller does not know the current epoch. */
const NO_PARTITION_LEADER_EPOCH = -1;

/** Kafka's Partition.checkCurrentLeaderEpoch. */
function leaderEpochError(requested: number, current: number): number {
  if (requested === NO_PARTITION_LEADER_EPOCH || requested === current) return ErrorCode.NONE;
  return requested < current ? ErrorCode.FENCED_LEADER_EPOCH : ErrorCode.UNKNOWN_LEADER_EPOCH;
}

export function offsetForLeaderEpochHandler(
  broker: BrokerContext,
  replicas: ReplicaManager,
): Handler<typeof ApiKeys.OffsetForLeaderEpoch> {
  return {
    apiKey: ApiKeys.OffsetForLeaderEpoch,
    minVersion: 2,
    maxVersion: 4,
    async handle(request) {
      const image = broker.image();
      const topics: OffsetForLeaderEpochResponseOffsetForLeaderTopicResult[] = [];
      for (const t of request.topics) {
        const key = image.topicKeysByName.get(t.topic);
        const topic = key === undefined ? undefined : image.topics.get(key);
        const partitions: OffsetForLeaderEpochResponseEpochEndOffset[] = [];
        for (const p of t.partitions) {
          const out: OffsetForLeaderEpochResponseEpochEndOffset = {
            errorCode: ErrorCode.NONE,
            partition: p.partition,
            leaderEpoch: -1,
            endOffset: -1n,
          };
          partitions.push(out);
          const found = await replicas.leaderPartition(topic, p.partition);
          if (found.kind === "unknown-topic" || found.kind === "unknown-partition") {
            out.errorCode = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
            continue;
          }
          if (found.kind === "not-leader") {
            // A replica of the partition fences a stale epoch first, as Kafka's follower does.
            const fenced = found.state.replicas.includes(broker.settings.nodeId)
              ? leaderEpochError(p.currentLeaderEpoch, found.state.leaderEpoch)
              : ErrorCode.NONE;
            out.errorCode = fenced !== ErrorCode.NONE ? fenced : ErrorCode.NOT_LEADER_OR_FOLLOWER;
            continue;
          }
          if (found.kind === "storage-error") {
            out.errorCode = ErrorCode.KAFKA_STORAGE_ERROR;
            continue;
          }
          const { log, state } = found.hosted;
          const fenced = leaderEpochError(p.currentLeaderEpoch, state.leaderEpoch);
          if (fenced !== ErrorCode.NONE) {
            out.errorCode = fenced;
            continue;
          }
          try {
            await log.assignLeaderEpoch(state.leaderEpoch);
            const answer = await log.endOffsetForEpoch(p.leaderEpoch);
            out.leaderEpoch = answer.leaderEpoch;
            out.endOffset = answer.endOffset;
          } catch (e) {
            if (!isLogStorageError(e)) throw e;
            out.errorCode = kafkaErrorOf(e);
          }
        }
        topics.push({ topic: t.topic, partitions });
      }
      return { throttleTimeMs: 0, topics };
    },
  };
}
