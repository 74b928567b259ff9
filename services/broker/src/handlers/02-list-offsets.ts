/**
 * ListOffsets (key 2), versions 1-9 (the Kafka 2.1 baseline to 3.9).
 *
 * - timestamp -2: the log start offset (earliest); -1: the high watermark
 *   (latest: the end of what consumers can read); -3 (v7+): the offset
 *   and timestamp of the record with the largest timestamp; -4 (v8+): the
 *   earliest local offset (everything is local until tiering lands); -5 (v9+):
 *   the latest tiered offset, -1 while nothing is tiered; a timestamp >= 0: the
 *   first offset whose record timestamp is at or after it, or -1 if none.
 * - Leader only (NOT_LEADER_OR_FOLLOWER elsewhere); a request from a replica
 *   id is served like a consumer's. read_committed equals read_uncommitted
 *   until transactions land.
 * - v4+: the leader epoch returned is the one that wrote the offset found
 *   (from the log's leader-epoch cache), the latest one for the log end, as
 *   Kafka answers (the current leader epoch for the latest offset).
 */
import {
  ApiKeys,
  ErrorCode,
  type ListOffsetsResponseListOffsetsPartitionResponse,
} from "@runnel/kafka-protocol";
import { isLogStorageError } from "@runnel/log";
import type { BrokerContext } from "../context.js";
import type { Handler } from "../kafka/server.js";
import { kafkaErrorOf } from "../log-errors.js";
import { lookupErrorCode, type ReplicaManager } from "../replica-manager.js";

const EARLIEST = -2n;
const LATEST = -1n;
const MAX_TIMESTAMP = -3n;
const EARLIEST_LOCAL = -4n;
const LATEST_TIERED = -5n;

export function listOffsetsHandler(
  broker: BrokerContext,
  replicas: ReplicaManager,
): Handler<typeof ApiKeys.ListOffsets> {
  return {
    apiKey: ApiKeys.ListOffsets,
    minVersion: 1,
    maxVersion: 9,
    async handle(request, ctx) {
      const image = broker.image();
      const v = ctx.apiVersion;
      const topics = [];
      for (const t of request.topics) {
        const key = image.topicKeysByName.get(t.name);
        const topic = key === undefined ? undefined : image.topics.get(key);
        const partitions: ListOffsetsResponseListOffsetsPartitionResponse[] = [];
        for (const p of t.partitions) {
          const out: ListOffsetsResponseListOffsetsPartitionResponse = {
            partitionIndex: p.partitionIndex,
            errorCode: ErrorCode.NONE,
            oldStyleOffsets: [],
            timestamp: -1n,
            offset: -1n,
            leaderEpoch: -1,
          };
          partitions.push(out);
          const found = await replicas.leaderPartition(topic, p.partitionIndex);
          if (found.kind !== "ok") {
            out.errorCode = lookupErrorCode(found);
            continue;
          }
          const { log, state, replica } = found.hosted;
          if (p.currentLeaderEpoch >= 0 && p.currentLeaderEpoch !== state.leaderEpoch) {
            out.errorCode =
              p.currentLeaderEpoch < state.leaderEpoch
                ? ErrorCode.FENCED_LEADER_EPOCH
                : ErrorCode.UNKNOWN_LEADER_EPOCH;
            continue;
          }
          const ts = p.timestamp;
          const unsupported =
            (ts === MAX_TIMESTAMP && v < 7) ||
            (ts === EARLIEST_LOCAL && v < 8) ||
            (ts === LATEST_TIERED && v < 9) ||
            ts < LATEST_TIERED;
          if (unsupported) {
            out.errorCode = ErrorCode.UNSUPPORTED_VERSION;
            continue;
          }
          try {
            // v4+ carries the epoch of the offset found, as Kafka answers it:
            // the epoch that wrote it, the latest epoch for the log end.
            if (state.leaderEpoch > log.latestLeaderEpoch) await log.assignLeaderEpoch(state.leaderEpoch);
            let epoch = -1;
            if (ts === EARLIEST || ts === EARLIEST_LOCAL) {
              out.offset = log.logStartOffset;
              epoch = log.epochForOffset(out.offset);
            } else if (ts === LATEST) {
              // Consumers read up to the high watermark: the latest offset they can see.
              out.offset = replica.highWatermark;
              epoch = log.latestLeaderEpoch;
            } else if (ts === LATEST_TIERED) out.offset = -1n;
            else {
              const found =
                ts === MAX_TIMESTAMP ? await log.maxTimestampOffset() : await log.offsetForTimestamp(ts);
              // Only committed records (below the high watermark) are found, as in Kafka.
              if (found !== null && found.offset < replica.highWatermark) {
                out.offset = found.offset;
                out.timestamp = found.timestamp;
                epoch = log.epochForOffset(found.offset);
              }
            }
            if (v >= 4) out.leaderEpoch = epoch;
          } catch (e) {
            if (!isLogStorageError(e)) throw e;
            out.errorCode = kafkaErrorOf(e);
          }
        }
        topics.push({ name: t.name, partitions });
      }
      return { throttleTimeMs: 0, topics };
    },
  };
}
