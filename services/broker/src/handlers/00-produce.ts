/**
 * Produce (key 0), versions 3-11 (record batch v2: the Kafka 2.1 baseline to 3.9).
 *
 * - acks must be -1, 0 or 1 (else INVALID_REQUIRED_ACKS). acks=0 gets no
 *   response; with one replica per partition, acks=1 and acks=-1 both answer
 *   once the batch is in the leader's log.
 * - Each partition's records must be exactly one record batch v2 (INVALID_RECORD
 *   otherwise; legacy magic 0/1 is UNSUPPORTED_FOR_MESSAGE_FORMAT) with a valid
 *   CRC and well-formed records (CORRUPT_MESSAGE), no larger than the topic's
 *   `max.message.bytes` (MESSAGE_TOO_LARGE); a compacted topic refuses records
 *   without a key (INVALID_RECORD, with the record's index in `recordErrors`, v8+).
 * - Offsets are assigned by rewriting the batch header in place; the payload is
 *   stored as received. Idempotent batches are checked against the producer's
 *   last five: a duplicate is acknowledged with its original offsets without a
 *   second append; a gap is OUT_OF_ORDER_SEQUENCE_NUMBER; an old epoch
 *   INVALID_PRODUCER_EPOCH.
 * - `message.timestamp.type=LogAppendTime` topics get the broker's time.
 * - Not the leader: NOT_LEADER_OR_FOLLOWER; unknown topic or partition:
 *   UNKNOWN_TOPIC_OR_PARTITION; internal topics (`__consumer_offsets`) are
 *   written only by the broker itself (INVALID_TOPIC_EXCEPTION). Transactional batches are refused until
 *   transactions land (TRANSACTIONAL_ID_AUTHORIZATION_FAILED is not used: the
 *   transaction APIs are simply not advertised).
 */
import {
  ApiKeys,
  ErrorCode,
  type ProduceResponsePartitionProduceResponse,
  type ProduceResponseTopicProduceResponse,
} from "@runnel/kafka-protocol";
import { decodeRecordBatch, isLogStorageError, splitBatches } from "@runnel/log";
import type { BrokerContext } from "../context.js";
import type { Handler } from "../kafka/server.js";
import { kafkaErrorOf } from "../log-errors.js";
import type { ReplicaManager } from "../replica-manager.js";
import { topicConfig } from "../topic-configs.js";
import { INTERNAL_TOPICS } from "./03-metadata.js";

export function produceHandler(
  broker: BrokerContext,
  replicas: ReplicaManager,
): Handler<typeof ApiKeys.Produce> {
  return {
    apiKey: ApiKeys.Produce,
    minVersion: 3,
    maxVersion: 11,
    async handle(request, ctx) {
      const image = broker.image();
      const acksValid = request.acks === -1 || request.acks === 0 || request.acks === 1;
      const responses: ProduceResponseTopicProduceResponse[] = [];
      let appended = false;
      for (const t of request.topicData) {
        const key = image.topicKeysByName.get(t.name);
        const topic = key === undefined ? undefined : image.topics.get(key);
        const partitionResponses: ProduceResponsePartitionProduceResponse[] = [];
        for (const p of t.partitionData) {
          const out = partitionResponse(p.index);
          partitionResponses.push(out);
          if (!acksValid) {
            out.errorCode = ErrorCode.INVALID_REQUIRED_ACKS;
            continue;
          }
          const found = await replicas.leaderPartition(topic, p.index);
          if (found.kind === "unknown-topic" || found.kind === "unknown-partition") {
            out.errorCode = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
            continue;
          }
          if (found.kind === "storage-error") {
            out.errorCode = ErrorCode.KAFKA_STORAGE_ERROR;
            out.errorMessage = found.message;
            continue;
          }
          if (found.kind === "not-leader") {
            out.errorCode = ErrorCode.NOT_LEADER_OR_FOLLOWER;
            out.currentLeader = { leaderId: found.state.leader, leaderEpoch: found.state.leaderEpoch };
            continue;
          }
          if (INTERNAL_TOPICS.has(t.name)) {
            // Only the group coordinator writes __consumer_offsets, as in Kafka.
            out.errorCode = ErrorCode.INVALID_TOPIC_EXCEPTION;
            out.errorMessage = `Cannot append to internal topic ${t.name}.`;
            continue;
          }
          const { hosted } = found;
          const configs = image.topicConfigs.get(t.name);
          const records = p.records;
          const problem = validate(
            records,
            topicConfig(configs, "max.message.bytes"),
            topicConfig(configs, "cleanup.policy"),
          );
          if (problem !== undefined) {
            out.errorCode = problem.code;
            out.errorMessage = problem.message;
            if (problem.recordIndex !== undefined) {
              out.recordErrors = [
                { batchIndex: problem.recordIndex, batchIndexErrorMessage: problem.message },
              ];
            }
            continue;
          }
          try {
            const logAppendTime = topicConfig(configs, "message.timestamp.type") === "LogAppendTime";
            const r = await hosted.log.append(records as Uint8Array, {
              leaderEpoch: hosted.state.leaderEpoch,
              assignOffsets: true,
              ...(logAppendTime ? { logAppendTimeMs: Date.now() } : {}),
            });
            appended ||= !r.duplicate;
            out.baseOffset = r.firstOffset;
            out.logAppendTimeMs = BigInt(r.logAppendTimeMs);
            out.logStartOffset = r.logStartOffset;
          } catch (e) {
            if (!isLogStorageError(e)) throw e;
            out.errorCode = kafkaErrorOf(e);
            out.errorMessage = e.message;
          }
        }
        responses.push({ name: t.name, partitionResponses });
      }
      if (appended) replicas.notifyAppend();
      if (request.acks === 0) return null;
      void ctx;
      return { responses, throttleTimeMs: 0, nodeEndpoints: [] };
    },
  };
}

function partitionResponse(index: number): ProduceResponsePartitionProduceResponse {
  return {
    index,
    errorCode: ErrorCode.NONE,
    baseOffset: -1n,
    logAppendTimeMs: -1n,
    logStartOffset: -1n,
    recordErrors: [],
    errorMessage: null,
    currentLeader: { leaderId: -1, leaderEpoch: -1 },
  };
}

interface Problem {
  readonly code: number;
  readonly message: string;
  readonly recordIndex?: number;
}

function validate(
  records: Uint8Array | null,
  maxMessageBytes: string,
  cleanupPolicy: string,
): Problem | undefined {
  if (records === null || records.byteLength === 0) {
    return {
      code: ErrorCode.INVALID_RECORD,
      message: "The produce request carries no records for this partition.",
    };
  }
  const slices = [...splitBatches(records)];
  const first = slices[0];
  if (first?.kind === "error") {
    const legacy = first.error.code === "UNSUPPORTED_MAGIC";
    return {
      code: legacy ? ErrorCode.UNSUPPORTED_FOR_MESSAGE_FORMAT : ErrorCode.CORRUPT_MESSAGE,
      message: first.error.message,
    };
  }
  if (slices.length !== 1 || first?.kind !== "batch") {
    return {
      code: ErrorCode.INVALID_RECORD,
      message: "A produce request must carry exactly one whole record batch per partition.",
    };
  }
  if (first.bytes.byteLength > Number(maxMessageBytes)) {
    return {
      code: ErrorCode.MESSAGE_TOO_LARGE,
      message: `The record batch is ${first.bytes.byteLength} bytes, larger than max.message.bytes (${maxMessageBytes}).`,
    };
  }
  const decoded = decodeRecordBatch(first.bytes);
  if (!decoded.ok) return { code: ErrorCode.CORRUPT_MESSAGE, message: decoded.error.message };
  const batch = decoded.value;
  if (batch.isTransactional || batch.isControl) {
    return {
      code: ErrorCode.INVALID_RECORD,
      message: "Transactional and control batches are not supported yet.",
    };
  }
  if (cleanupPolicy.split(",").includes("compact")) {
    const i = batch.records.findIndex((r) => r.key === null);
    if (i >= 0) {
      return {
        code: ErrorCode.INVALID_RECORD,
        message: "Compacted topics accept only records with a key.",
        recordIndex: i,
      };
    }
  }
  return undefined;
}
