/**
 * The leader side of replication: ReplicationService.ReplicaFetch, answered
 * from the partitions this broker leads (Kafka's follower fetch, KIP-101,
 * KIP-279, KIP-320).
 *
 * The request fails as a whole with STALE_BROKER_EPOCH when the follower's
 * broker epoch is not the one in this broker's image (an older incarnation),
 * and with BROKER_ID_NOT_REGISTERED for an unknown broker. Per partition, in
 * order:
 * - the topic id and partition must exist (UNKNOWN_TOPIC_ID,
 *   UNKNOWN_TOPIC_OR_PARTITION), this broker must lead it and the follower
 *   must be one of its replicas (NOT_LEADER_OR_FOLLOWER);
 * - the follower's current leader epoch must be this leader's
 *   (FENCED_LEADER_EPOCH when older, UNKNOWN_LEADER_EPOCH when newer);
 * - when the follower's last fetched epoch ends earlier here than its fetch
 *   offset, or is not this leader's epoch at that point, the answer is the
 *   diverging epoch (the largest epoch here at most its own, and where it
 *   ends) and no records;
 * - a fetch offset outside [log start, log end] is OFFSET_OUT_OF_RANGE;
 * - otherwise the fetch offset is the follower's log end: the leader notes
 *   it (catching up, the high watermark, ISR expansion) and returns whole
 *   batches from there, without the high-watermark limit consumers have.
 * The request waits up to max_wait_ms for min_bytes when nothing is there.
 */

import type { MessageInitShape } from "@bufbuild/protobuf";
import { ErrorCode } from "@runnel/kafka-protocol";
import { isLogStorageError } from "@runnel/log";
import type {
  ReplicaFetchPartitionResult,
  ReplicaFetchRequest,
  ReplicaFetchResponseSchema,
  ReplicationService,
  ServiceImpl,
} from "@runnel/rpc";
import { kafkaErrorOf } from "../log-errors.js";
import type { ReplicaManager } from "../replica-manager.js";

/** The longest a replica fetch waits, whatever it asks for. */
const MAX_WAIT_MS_CAP = 10_000;

type PartitionResult = Omit<ReplicaFetchPartitionResult, "$typeName" | "divergingEpoch"> & {
  divergingEpoch?: { epoch: number; endOffset: bigint };
};

export function replicationService(replicas: ReplicaManager): ServiceImpl<typeof ReplicationService> {
  return {
    async replicaFetch(
      request: ReplicaFetchRequest,
      context,
    ): Promise<MessageInitShape<typeof ReplicaFetchResponseSchema>> {
      const image = replicas.image();
      const follower = image.brokers.get(request.replicaId);
      if (follower === undefined) return { errorCode: ErrorCode.BROKER_ID_NOT_REGISTERED, partitions: [] };
      if (follower.epoch !== request.brokerEpoch)
        return { errorCode: ErrorCode.STALE_BROKER_EPOCH, partitions: [] };
      const deadline = Date.now() + Math.min(Math.max(0, request.maxWaitMs), MAX_WAIT_MS_CAP);
      for (;;) {
        // Noted before reading: an append while this reads wakes the wait below at once.
        const seen = replicas.appendCount;
        let bytes = 0;
        let stop = false;
        let budget = request.maxBytes > 0 ? request.maxBytes : Number.MAX_SAFE_INTEGER;
        const results: PartitionResult[] = [];
        for (const p of request.partitions) {
          const out: PartitionResult = {
            topicId: p.topicId,
            partition: p.partition,
            errorCode: ErrorCode.NONE,
            highWatermark: -1n,
            logStartOffset: -1n,
            leaderEpoch: -1,
            records: NO_RECORDS,
          };
          results.push(out);
          const found = await replicas.replicaToLead(p.topicId, p.partition);
          if (found.kind !== "ok") {
            out.errorCode =
              found.kind === "unknown-topic"
                ? ErrorCode.UNKNOWN_TOPIC_ID
                : found.kind === "unknown-partition"
                  ? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION
                  : found.kind === "storage-error"
                    ? ErrorCode.KAFKA_STORAGE_ERROR
                    : ErrorCode.NOT_LEADER_OR_FOLLOWER;
            stop = true;
            continue;
          }
          const part = found.partition;
          const log = part.log;
          out.leaderEpoch = part.leaderEpoch;
          if (!part.replicas.includes(request.replicaId)) {
            out.errorCode = ErrorCode.NOT_LEADER_OR_FOLLOWER;
            stop = true;
            continue;
          }
          if (p.currentLeaderEpoch !== part.leaderEpoch) {
            out.errorCode =
              p.currentLeaderEpoch < part.leaderEpoch
                ? ErrorCode.FENCED_LEADER_EPOCH
                : ErrorCode.UNKNOWN_LEADER_EPOCH;
            stop = true;
            continue;
          }
          out.highWatermark = part.highWatermark;
          out.logStartOffset = log.logStartOffset;
          try {
            if (p.lastFetchedEpoch >= 0) {
              const here = await log.endOffsetForEpoch(p.lastFetchedEpoch);
              if (here.leaderEpoch !== p.lastFetchedEpoch || here.endOffset < p.fetchOffset) {
                out.divergingEpoch = { epoch: here.leaderEpoch, endOffset: here.endOffset };
                stop = true;
                continue;
              }
            }
            if (p.fetchOffset < log.logStartOffset || p.fetchOffset > log.logEndOffset) {
              out.errorCode = ErrorCode.OFFSET_OUT_OF_RANGE;
              stop = true;
              continue;
            }
            replicas.followerFetched(part, request.replicaId, p.fetchOffset);
            out.highWatermark = part.highWatermark;
            if (budget <= 0 || p.fetchOffset === log.logEndOffset) continue;
            const limit = Math.min(p.partitionMaxBytes > 0 ? p.partitionMaxBytes : budget, budget);
            const r = await log.read(p.fetchOffset, limit, { minOneBatch: bytes === 0 });
            out.records = r.bytes;
            bytes += r.bytes.byteLength;
            budget -= r.bytes.byteLength;
          } catch (e) {
            if (!isLogStorageError(e)) throw e;
            out.errorCode = kafkaErrorOf(e);
            stop = true;
          }
        }
        const remaining = deadline - Date.now();
        if (stop || bytes >= Math.max(1, request.minBytes) || remaining <= 0 || context.signal.aborted) {
          return { errorCode: ErrorCode.NONE, partitions: results };
        }
        await replicas.waitForAppend(remaining, context.signal, seen);
      }
    },
  };
}

const NO_RECORDS = new Uint8Array(0);
