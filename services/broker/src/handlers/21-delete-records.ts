/**
 * DeleteRecords (key 21), versions 0-2 (the Kafka 2.1 baseline to 3.9).
 * Used by kafka-delete-records.sh, AdminClient.deleteRecords and kafkajs
 * admin.deleteTopicRecords.
 *
 * - Moves each partition's log start offset (its low watermark) up to the
 *   offset given; offset -1 means the high watermark. The new start is checkpointed before the answer, so it
 *   survives a restart; segments wholly below it are deleted. Reads below it
 *   get OFFSET_OUT_OF_RANGE, ListOffsets earliest returns it. An offset at or
 *   below the current start changes nothing and is answered with the
 *   current start.
 * - Answers low_watermark: the log start after the deletion (-1 on error).
 * - Errors, in Kafka's order: a topic or partition not in the metadata,
 *   UNKNOWN_TOPIC_OR_PARTITION; an internal topic (`__consumer_offsets`,
 *   `__transaction_state`), INVALID_TOPIC_EXCEPTION; a partition this broker
 *   does not lead, NOT_LEADER_OR_FOLLOWER; a topic whose `cleanup.policy`
 *   does not include `delete` (compact only), POLICY_VIOLATION; an offset
 *   past the high watermark or below -1, OFFSET_OUT_OF_RANGE; a log that
 *   cannot be written, KAFKA_STORAGE_ERROR.
 * - timeout_ms: Kafka deletes on the leader, then waits up to timeout_ms for
 *   every replica's low watermark to reach the offset, answering
 *   REQUEST_TIMED_OUT for partitions that do not. Here followers take the
 *   leader's log start from their next fetch answer, and the answer waits
 *   only for the leader's own deletion: it waits up to timeout_ms for it, and a partition whose deletion is
 *   not done by then answers REQUEST_TIMED_OUT with its current log start
 *   (the deletion still completes). A timeout of 0 or less waits for the
 *   deletion, as Kafka's leader-side step is never cut short.
 */
import {
  ApiKeys,
  type DeleteRecordsResponseDeleteRecordsPartitionResult,
  type DeleteRecordsResponseDeleteRecordsTopicResult,
  ErrorCode,
} from "@runnel/kafka-protocol";
import { isLogStorageError, type PartitionLog } from "@runnel/log";
import type { BrokerContext } from "../context.js";
import type { Handler } from "../kafka/server.js";
import { kafkaErrorOf } from "../log-errors.js";
import { lookupErrorCode, type ReplicaManager } from "../replica-manager.js";
import { cleanupPolicies } from "../topic-configs.js";
import { INTERNAL_TOPICS } from "./03-metadata.js";

/** The offset meaning "the high watermark". */
const HIGH_WATERMARK = -1n;
const INVALID_LOW_WATERMARK = -1n;

interface Deletion {
  readonly out: DeleteRecordsResponseDeleteRecordsPartitionResult;
  readonly log: PartitionLog;
  done: boolean;
}

export function deleteRecordsHandler(
  broker: BrokerContext,
  replicas: ReplicaManager,
): Handler<typeof ApiKeys.DeleteRecords> {
  return {
    apiKey: ApiKeys.DeleteRecords,
    minVersion: 0,
    maxVersion: 2,
    async handle(request) {
      const image = broker.image();
      const topics: DeleteRecordsResponseDeleteRecordsTopicResult[] = [];
      const deletions: Promise<void>[] = [];
      const pending: Deletion[] = [];
      let expired = false;
      for (const t of request.topics) {
        const partitions: DeleteRecordsResponseDeleteRecordsPartitionResult[] = [];
        topics.push({ name: t.name, partitions });
        const key = image.topicKeysByName.get(t.name);
        const topic = key === undefined ? undefined : image.topics.get(key);
        const policies = cleanupPolicies(replicas.topicConfig(image, t.name));
        for (const p of t.partitions) {
          const out: DeleteRecordsResponseDeleteRecordsPartitionResult = {
            partitionIndex: p.partitionIndex,
            lowWatermark: INVALID_LOW_WATERMARK,
            errorCode: ErrorCode.NONE,
          };
          partitions.push(out);
          if (topic?.partitions[p.partitionIndex] === undefined) {
            out.errorCode = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
            continue;
          }
          if (INTERNAL_TOPICS.has(t.name)) {
            out.errorCode = ErrorCode.INVALID_TOPIC_EXCEPTION;
            continue;
          }
          const found = await replicas.leaderPartition(topic, p.partitionIndex);
          if (found.kind !== "ok") {
            out.errorCode = lookupErrorCode(found);
            continue;
          }
          if (!policies.includes("delete")) {
            out.errorCode = ErrorCode.POLICY_VIOLATION;
            continue;
          }
          const { log, replica } = found.hosted;
          const hw = replica.highWatermark;
          const offset = p.offset === HIGH_WATERMARK ? hw : p.offset;
          // Kafka's rule: the log start may not pass the high watermark (committed records only).
          if (offset < 0n || offset > hw) {
            out.errorCode = ErrorCode.OFFSET_OUT_OF_RANGE;
            continue;
          }
          const deletion: Deletion = { out, log, done: false };
          pending.push(deletion);
          deletions.push(
            log.deleteRecordsBefore(offset).then(
              (logStartOffset) => {
                deletion.done = true;
                if (!expired) out.lowWatermark = logStartOffset;
              },
              (e: unknown) => {
                deletion.done = true;
                if (!isLogStorageError(e)) throw e;
                if (!expired) out.errorCode = kafkaErrorOf(e);
              },
            ),
          );
        }
      }
      const all = Promise.all(deletions);
      if (request.timeoutMs <= 0 || deletions.length === 0) {
        await all;
      } else {
        let timer: NodeJS.Timeout | undefined;
        const timedOut = await Promise.race([
          all.then(() => false),
          new Promise<boolean>((resolve) => {
            timer = setTimeout(() => resolve(true), request.timeoutMs);
          }),
        ]);
        clearTimeout(timer);
        if (timedOut) {
          expired = true;
          // The deletions go on; a failure after the answer has left has no one to tell.
          all.catch(() => undefined);
          for (const d of pending) {
            if (d.done) continue;
            d.out.errorCode = ErrorCode.REQUEST_TIMED_OUT;
            d.out.lowWatermark = d.log.logStartOffset;
          }
        }
      }
      return { throttleTimeMs: 0, topics };
    },
  };
}
