/**
 * DescribeProducers (key 61), version 0 (KIP-664; kafka-transactions.sh
 * describe-producers and AdminClient.describeProducers).
 *
 * - Per partition, the producers the partition log keeps idempotent state for
 *   (until they idle past `producer.id.expiration.ms`): producer id and epoch, the
 *   sequence of its last record (-1 when its current epoch has written
 *   nothing yet), the largest timestamp it wrote, the coordinator epoch of
 *   its last transaction marker (-1 before any), and the first offset of its
 *   open transaction (-1 when none). Ordered by producer id.
 * - An illegal topic name: INVALID_TOPIC_EXCEPTION; an unknown topic:
 *   UNKNOWN_TOPIC_OR_PARTITION, both with Kafka's message, for every
 *   partition asked for. An unknown partition: UNKNOWN_TOPIC_OR_PARTITION.
 * - Leader only: a partition this broker does not host answers
 *   NOT_LEADER_OR_FOLLOWER (Kafka serves followers' state too; a broker here
 *   hosts only the partitions it leads until replication lands); a log that
 *   cannot be read, KAFKA_STORAGE_ERROR.
 */
import {
  ApiKeys,
  type DescribeProducersResponsePartitionResponse,
  type DescribeProducersResponseTopicResponse,
  ErrorCode,
} from "@runnel/kafka-protocol";
import { isLogStorageError } from "@runnel/log";
import { topicNameError } from "@runnel/metadata";
import type { BrokerContext } from "../context.js";
import type { Handler } from "../kafka/server.js";
import { kafkaErrorOf } from "../log-errors.js";
import { lookupErrorCode, type ReplicaManager } from "../replica-manager.js";

/** Kafka's message for UNKNOWN_TOPIC_OR_PARTITION. */
const UNKNOWN_TOPIC_MESSAGE = "This server does not host this topic-partition.";

export function describeProducersHandler(
  broker: BrokerContext,
  replicas: ReplicaManager,
): Handler<typeof ApiKeys.DescribeProducers> {
  return {
    apiKey: ApiKeys.DescribeProducers,
    minVersion: 0,
    maxVersion: 0,
    async handle(request) {
      const image = broker.image();
      const topics: DescribeProducersResponseTopicResponse[] = [];
      for (const t of request.topics) {
        const partitions: DescribeProducersResponsePartitionResponse[] = [];
        topics.push({ name: t.name, partitions });
        const key = image.topicKeysByName.get(t.name);
        const topic = key === undefined ? undefined : image.topics.get(key);
        const invalid = topicNameError(t.name);
        const topicError =
          invalid !== undefined
            ? { code: ErrorCode.INVALID_TOPIC_EXCEPTION, message: invalid }
            : topic === undefined
              ? { code: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, message: UNKNOWN_TOPIC_MESSAGE }
              : null;
        for (const partitionIndex of t.partitionIndexes) {
          const out: DescribeProducersResponsePartitionResponse = {
            partitionIndex,
            errorCode: ErrorCode.NONE,
            errorMessage: null,
            activeProducers: [],
          };
          partitions.push(out);
          if (topicError !== null) {
            out.errorCode = topicError.code;
            out.errorMessage = topicError.message;
            continue;
          }
          const found = await replicas.leaderPartition(topic, partitionIndex);
          if (found.kind !== "ok") {
            out.errorCode = lookupErrorCode(found);
            continue;
          }
          try {
            const producers = await found.hosted.log.activeProducers();
            out.activeProducers = producers
              .sort((a, b) => (a.producerId < b.producerId ? -1 : a.producerId > b.producerId ? 1 : 0))
              .map((e) => ({
                producerId: e.producerId,
                producerEpoch: e.producerEpoch,
                lastSequence: e.batches.at(-1)?.lastSeq ?? -1,
                lastTimestamp: e.lastTimestampMs,
                coordinatorEpoch: e.coordinatorEpoch,
                currentTxnStartOffset: e.currentTxnFirstOffset,
              }));
          } catch (e) {
            if (!isLogStorageError(e)) throw e;
            out.errorCode = kafkaErrorOf(e);
            out.errorMessage = e.message;
          }
        }
      }
      return { throttleTimeMs: 0, topics };
    },
  };
}
