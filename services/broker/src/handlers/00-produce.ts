/**
 * Produce (key 0), versions 3-11 (record batch v2: the Kafka 2.1 baseline to 3.9).
 *
 * - acks must be -1, 0 or 1 (else INVALID_REQUIRED_ACKS). acks=0 gets no
 *   response; acks=1 answers once the batch is in the leader's log; acks=-1
 *   once the high watermark passed it, that is once every ISR member has it
 *   (the connection is released meanwhile, so later requests append in
 *   order and their answers follow). acks=-1 is refused with
 *   NOT_ENOUGH_REPLICAS when the ISR is smaller than the topic's
 *   `min.insync.replicas`, capped at the partition's replica count as
 *   Kafka's effective min ISR is (Kafka's check before appending), and answered
 *   NOT_ENOUGH_REPLICAS_AFTER_APPEND when the ISR shrank below it by the time
 *   the high watermark passed the batch; REQUEST_TIMED_OUT when that takes
 *   longer than the request's timeout, NOT_LEADER_OR_FOLLOWER when the
 *   broker lost leadership meanwhile (the batch may still be committed by
 *   the new leader, as in Kafka: the idempotent producer's retry finds it).
 * - Topic configs are the effective ones (topic, broker override, cluster
 *   default, start-up setting, Kafka's default), as DescribeConfigs reports
 *   them (see topic-configs.ts).
 * - Each partition's records must be exactly one record batch v2 (INVALID_RECORD
 *   otherwise; legacy magic 0/1 is UNSUPPORTED_FOR_MESSAGE_FORMAT) with a valid
 *   CRC and well-formed records (CORRUPT_MESSAGE), no larger than the topic's
 *   `max.message.bytes` (MESSAGE_TOO_LARGE); a compacted topic refuses records
 *   without a key (INVALID_RECORD, with the record's index in `recordErrors`, v8+).
 * - CreateTime topics check each record's timestamp as Kafka's LogValidator
 *   does: more than `message.timestamp.before.max.ms` before the broker's
 *   clock or `message.timestamp.after.max.ms` after it (each falling back to
 *   the deprecated `message.timestamp.difference.max.ms`) is
 *   INVALID_TIMESTAMP, every such record in `recordErrors` with Kafka's
 *   message, the partition's message "One or more records have been
 *   rejected due to invalid timestamp"; a batch typed LogAppendTime by the
 *   producer is refused the same way on a LogAppendTime topic.
 * - `compression.type`: a batch in another codec than the topic's (not
 *   `producer`; `uncompressed` means none) is re-encoded on the leader with
 *   the topic's codec and level (`compression.gzip.level`,
 *   `compression.zstd.level`), as Kafka does; the result must also fit
 *   `max.message.bytes`.
 * - Offsets are assigned by rewriting the batch header in place; the payload is
 *   stored as received unless `compression.type` asks for another codec. Idempotent batches are checked against the producer's
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
import {
  decodeRecordBatch,
  isLogStorageError,
  type RecordBatch,
  recompressBatch,
  splitBatches,
  targetCompression,
} from "@runnel/log";
import type { BrokerContext } from "../context.js";
import type { Handler } from "../kafka/server.js";
import { kafkaErrorOf } from "../log-errors.js";
import type { ReplicaManager } from "../replica-manager.js";
import type { Partition } from "../replication/partition.js";
import { type ProduceConfig, produceConfigOf } from "../topic-configs.js";
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
      /** acks=-1 partitions appended and waiting for the high watermark. */
      const waiting: {
        out: ProduceResponsePartitionProduceResponse;
        replica: Partition;
        epoch: number;
        lastOffset: bigint;
        minIsr: number;
        topicPartition: string;
      }[] = [];
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
          const config = produceConfigOf(replicas.topicConfig(image, t.name));
          const isr = hosted.replica.isr;
          // Kafka's effective min ISR: never more than the partition has replicas.
          const minIsr = Math.min(config.minInsyncReplicas, hosted.replica.replicas.length);
          if (request.acks === -1 && isr.length < minIsr) {
            // Kafka's check in Partition.appendRecordsToLeader, before anything is appended.
            out.errorCode = ErrorCode.NOT_ENOUGH_REPLICAS;
            out.errorMessage = `The size of the current ISR Set(${isr.join(", ")}) is insufficient to satisfy the min.isr requirement of ${minIsr} for partition ${t.name}-${p.index}`;
            continue;
          }
          const records = p.records;
          const now = Date.now();
          const checked = validate(records, config, now, `${t.name}-${p.index}`);
          if ("code" in checked) {
            out.errorCode = checked.code;
            out.errorMessage = checked.message;
            if (checked.recordErrors !== undefined) {
              out.recordErrors = checked.recordErrors.map((e) => ({
                batchIndex: e.index,
                batchIndexErrorMessage: e.message,
              }));
            }
            continue;
          }
          const codec = targetCompression(config.compressionType, checked.compression);
          const rebuilt = recompressBatch(checked, codec, config.compressionLevel(codec));
          if (rebuilt !== null && rebuilt.byteLength > config.maxMessageBytes) {
            out.errorCode = ErrorCode.MESSAGE_TOO_LARGE;
            out.errorMessage = `Message batch size is ${rebuilt.byteLength} bytes in append to partition ${t.name}-${p.index} which exceeds the maximum configured size of ${config.maxMessageBytes}.`;
            continue;
          }
          try {
            const r = await hosted.replica.appendAsLeader(rebuilt ?? (records as Uint8Array), {
              leaderEpoch: hosted.state.leaderEpoch,
              ...(config.logAppendTime ? { logAppendTimeMs: now } : {}),
            });
            appended ||= !r.duplicate;
            out.baseOffset = r.firstOffset;
            out.logAppendTimeMs = BigInt(r.logAppendTimeMs);
            out.logStartOffset = r.logStartOffset;
            if (request.acks === -1) {
              waiting.push({
                out,
                replica: hosted.replica,
                epoch: hosted.state.leaderEpoch,
                lastOffset: r.lastOffset,
                minIsr,
                topicPartition: `${t.name}-${p.index}`,
              });
            }
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
      if (waiting.some((w) => w.replica.highWatermark <= w.lastOffset)) {
        // Only waiting for the followers is left: the connection's next request may run meanwhile.
        ctx.release();
      }
      await Promise.all(
        waiting.map(async (w) => {
          const outcome = await w.replica.waitForHighWatermark(
            w.lastOffset,
            w.epoch,
            request.timeoutMs,
            ctx.signal,
          );
          if (outcome === "reached") {
            if (w.replica.isr.length < w.minIsr) {
              // Kafka's check once the batch is committed: fewer in-sync replicas hold it than asked for.
              w.out.errorCode = ErrorCode.NOT_ENOUGH_REPLICAS_AFTER_APPEND;
              w.out.errorMessage = `The size of the current ISR Set(${w.replica.isr.join(", ")}) is insufficient to satisfy the min.isr requirement of ${w.minIsr} for partition ${w.topicPartition}`;
            }
            return;
          }
          w.out.baseOffset = -1n;
          w.out.logAppendTimeMs = -1n;
          if (outcome === "timeout") {
            w.out.errorCode = ErrorCode.REQUEST_TIMED_OUT;
            w.out.errorMessage = `The in-sync replicas did not acknowledge the batch within ${request.timeoutMs} ms.`;
          } else {
            w.out.errorCode = ErrorCode.NOT_LEADER_OR_FOLLOWER;
            w.out.errorMessage = "Leadership moved before the in-sync replicas acknowledged the batch.";
          }
        }),
      );
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
  /** Per-record errors (Produce v8+ `record_errors`): the record's index in the batch and why. */
  readonly recordErrors?: readonly { readonly index: number; readonly message: string }[];
}

/** The batch's problem, or the decoded batch when it may be appended. */
function validate(
  records: Uint8Array | null,
  config: ProduceConfig,
  now: number,
  topicPartition: string,
): Problem | RecordBatch {
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
  if (first.bytes.byteLength > config.maxMessageBytes) {
    return {
      code: ErrorCode.MESSAGE_TOO_LARGE,
      message: `The record batch is ${first.bytes.byteLength} bytes, larger than max.message.bytes (${config.maxMessageBytes}).`,
    };
  }
  const decoded = decodeRecordBatch(first.bytes);
  if (!decoded.ok) return { code: ErrorCode.CORRUPT_MESSAGE, message: decoded.error.message };
  const batch = decoded.value;
  const offsetRange = offsetRangeProblem(batch, topicPartition);
  if (offsetRange !== undefined) return { code: ErrorCode.INVALID_RECORD, message: offsetRange };
  if (batch.isTransactional || batch.isControl) {
    return {
      code: ErrorCode.INVALID_RECORD,
      message: "Transactional and control batches are not supported yet.",
    };
  }
  return recordProblems(batch, config, now, topicPartition) ?? batch;
}

/**
 * Kafka's LogValidator.validateBatch: the batch's offset range (base offset
 * to base offset + last offset delta) must hold exactly its record count.
 */
function offsetRangeProblem(batch: RecordBatch, topicPartition: string): string | undefined {
  const lastOffset = batch.baseOffset + BigInt(batch.lastOffsetDelta);
  const fromOffsets = BigInt(batch.lastOffsetDelta) + 1n;
  const count = batch.records.length;
  if (fromOffsets <= 0n) {
    return `Batch has an invalid offset range: [${batch.baseOffset}, ${lastOffset}] in topic partition ${topicPartition}.`;
  }
  if (count <= 0)
    return `Invalid reported count for record batch: ${count} in topic partition ${topicPartition}.`;
  if (fromOffsets !== BigInt(count)) {
    return `Inconsistent batch offset range [${batch.baseOffset}, ${lastOffset}] and count of records ${count} in topic partition ${topicPartition}.`;
  }
  return undefined;
}

/** Java's long arithmetic (Kafka prints its bounds with it, overflow and all). */
const long = (n: bigint) => BigInt.asIntN(64, n);

/**
 * Kafka's LogValidator.validateRecord for every record, the first problem of
 * each: on a compacted topic a record must have a key; on a CreateTime topic
 * a record with a timestamp must lie within
 * [now - before.max.ms, now + after.max.ms]; a producer may not type a batch
 * LogAppendTime (unless its records can be checked as CreateTime ones). As
 * Kafka's processRecordErrors: INVALID_TIMESTAMP if any record has a bad
 * timestamp, else INVALID_RECORD, with every record's error.
 */
function recordProblems(
  batch: RecordBatch,
  config: ProduceConfig,
  now: number,
  topicPartition: string,
): Problem | undefined {
  const errors: { index: number; message: string; timestamp: boolean }[] = [];
  const nowMs = BigInt(now);
  const appendTimeBatch = batch.timestampType === "log-append-time";
  batch.records.forEach((r, index) => {
    const timestamp = appendTimeBatch ? batch.maxTimestamp : batch.baseTimestamp + r.timestampDelta;
    const offset = batch.baseOffset + BigInt(r.offsetDelta);
    if (config.compacted && r.key === null) {
      errors.push({
        index,
        message: `Compacted topic cannot accept message without key in topic partition ${topicPartition}.`,
        timestamp: false,
      });
    } else if (!config.logAppendTime && timestamp !== -1n) {
      const diff = nowMs - timestamp;
      if (diff > config.timestampBeforeMaxMs || -diff > config.timestampAfterMaxMs) {
        errors.push({
          index,
          message: `Timestamp ${timestamp} of message with offset ${offset} is out of range. The timestamp should be within [${long(nowMs - config.timestampBeforeMaxMs)}, ${long(nowMs + config.timestampAfterMaxMs)}]`,
          timestamp: true,
        });
      }
    } else if (appendTimeBatch) {
      const record = `DefaultRecord(offset=${offset}, timestamp=${timestamp}, key=${r.key?.byteLength ?? 0} bytes, value=${r.value?.byteLength ?? 0} bytes)`;
      errors.push({
        index,
        message: `Invalid timestamp type in message ${record}. Producer should not set timestamp type to LogAppendTime.`,
        timestamp: true,
      });
    }
  });
  if (errors.length === 0) return undefined;
  const recordErrors = errors.map(({ index, message }) => ({ index, message }));
  if (errors.some((e) => e.timestamp)) {
    return {
      code: ErrorCode.INVALID_TIMESTAMP,
      message: "One or more records have been rejected due to invalid timestamp",
      recordErrors,
    };
  }
  const shown = recordErrors
    .slice(0, 3)
    .map((e) => `RecordError(batchIndex=${e.index}, message='${e.message}')`)
    .join(", ");
  return {
    code: ErrorCode.INVALID_RECORD,
    message: `One or more records have been rejected due to ${errors.length} record errors in total, and only showing the first three errors at most: [${shown}]`,
    recordErrors,
  };
}
