/**
 * DescribeTopicPartitions (key 75), version 0 (KIP-966; Kafka 3.9's
 * kafka-topics --describe and AdminClient.describeTopics use it).
 *
 * - Topics: every topic for an empty list, else the names asked for (once
 *   each); either way in name order (by UTF-16 code unit, as Java sorts
 *   strings) starting at the cursor's topic.
 * - Pagination: at most min(response_partition_limit, 2000) partitions, at
 *   least 1. When a topic's partitions do not all fit, the answer ends with
 *   that topic and next_cursor names the first partition left out; when the
 *   limit is used up exactly and topics remain, next_cursor names the next
 *   topic at partition 0. The cursor's partition index applies to its topic
 *   only; later topics start at 0.
 * - A cursor whose topic is not among the names asked for, or whose
 *   partition index is negative, is INVALID_REQUEST for every topic asked for.
 * - A name asked for that does not exist: UNKNOWN_TOPIC_OR_PARTITION (or
 *   INVALID_TOPIC_EXCEPTION for an illegal name) with no partitions; it uses
 *   none of the limit.
 * - Partitions: leader, leader epoch, replicas, ISR, offline replicas (fenced
 *   or gone); eligible leader replicas and last known ELR are empty lists,
 *   since the controller keeps no ELR (Kafka reports empty lists then too).
 * - Authorized operations report every topic operation until ACLs land.
 */
import {
  ApiKeys,
  type DescribeTopicPartitionsResponse,
  type DescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic,
  ErrorCode,
  ZERO_UUID,
} from "@runnel/kafka-protocol";
import { type MetadataImage, type TopicImage, topicNameError } from "@runnel/metadata";
import { ALL_TOPIC_OPERATIONS, OPERATIONS_NOT_REQUESTED, offlineReplicas } from "../cluster.js";
import type { BrokerContext } from "../context.js";
import type { Handler } from "../kafka/server.js";
import { INTERNAL_TOPICS } from "./03-metadata.js";

/** `max.request.partition.size.limit`: the most partitions one response describes. */
export const RESPONSE_PARTITIONS_MAX = 2000;

type TopicResult = DescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic;

/** Java's String.compareTo order (UTF-16 code units), which Kafka sorts topic names by. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function describeTopicPartitionsHandler(
  broker: BrokerContext,
): Handler<typeof ApiKeys.DescribeTopicPartitions> {
  return {
    apiKey: ApiKeys.DescribeTopicPartitions,
    minVersion: 0,
    maxVersion: 0,
    handle(request) {
      const image = broker.image();
      const all = request.topics.length === 0;
      const cursor = request.cursor;
      const from = cursor?.topicName ?? "";
      const names = all ? [...image.topicKeysByName.keys()] : [...new Set(request.topics.map((t) => t.name))];
      const selected = names.filter((n) => n >= from).sort(byCodeUnits);
      if (cursor !== null && ((!all && !selected.includes(cursor.topicName)) || cursor.partitionIndex < 0)) {
        // Kafka fails the whole request; its error response names each topic asked for.
        return {
          throttleTimeMs: 0,
          topics: request.topics.map((t) => errorTopic(t.name, ErrorCode.INVALID_REQUEST)),
          nextCursor: null,
        };
      }
      const response: DescribeTopicPartitionsResponse = { throttleTimeMs: 0, topics: [], nextCursor: null };
      let remaining = Math.max(Math.min(RESPONSE_PARTITIONS_MAX, request.responsePartitionLimit), 1);
      for (const name of selected) {
        if (remaining === 0) {
          response.nextCursor = { topicName: name, partitionIndex: 0 };
          break;
        }
        const key = image.topicKeysByName.get(name);
        const topic = key === undefined ? undefined : image.topics.get(key);
        if (topic === undefined) {
          if (!all) {
            const code =
              topicNameError(name) === undefined
                ? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION
                : ErrorCode.INVALID_TOPIC_EXCEPTION;
            response.topics.push(errorTopic(name, code));
          }
          continue;
        }
        const start = cursor !== null && name === cursor.topicName ? cursor.partitionIndex : 0;
        const end = Math.min(topic.partitions.length, start + remaining);
        response.topics.push(describeTopic(image, topic, start, end));
        if (end < topic.partitions.length) {
          response.nextCursor = { topicName: name, partitionIndex: end };
          break;
        }
        remaining -= Math.max(end - start, 0);
      }
      return response;
    },
  };
}

/** Partitions [start, end) of one topic. */
function describeTopic(image: MetadataImage, t: TopicImage, start: number, end: number): TopicResult {
  const partitions: TopicResult["partitions"] = [];
  for (let index = start; index < end; index++) {
    const p = t.partitions[index];
    if (p === undefined) continue;
    partitions.push({
      errorCode: ErrorCode.NONE,
      partitionIndex: index,
      leaderId: p.leader,
      leaderEpoch: p.leaderEpoch,
      replicaNodes: [...p.replicas],
      isrNodes: [...p.isr],
      eligibleLeaderReplicas: [],
      lastKnownElr: [],
      offlineReplicas: offlineReplicas(image, p),
    });
  }
  return {
    errorCode: ErrorCode.NONE,
    name: t.name,
    topicId: t.key,
    isInternal: INTERNAL_TOPICS.has(t.name),
    partitions,
    topicAuthorizedOperations: ALL_TOPIC_OPERATIONS,
  };
}

function errorTopic(name: string, errorCode: number): TopicResult {
  return {
    errorCode,
    name,
    topicId: ZERO_UUID,
    isInternal: errorCode !== ErrorCode.INVALID_REQUEST && INTERNAL_TOPICS.has(name),
    partitions: [],
    topicAuthorizedOperations:
      errorCode === ErrorCode.INVALID_REQUEST ? OPERATIONS_NOT_REQUESTED : ALL_TOPIC_OPERATIONS,
  };
}
