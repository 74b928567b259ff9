// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// OffsetForLeaderEpoch (API key 23): stable versions 0-4, flexible from 4.

import { type Reader, type TaggedField, type Writer, readArray, writeArray } from "../../codec/runtime.js";

export interface OffsetForLeaderEpochRequestOffsetForLeaderPartition {
  /** The partition index. Versions 0-4. */
  partition: number;
  /** An epoch used to fence consumers/replicas with old metadata. If the epoch provided by the client is larger than the current epoch known to the broker, then the UNKNOWN_LEADER_EPOCH error code will be returned. If the provided epoch is smaller, then the FENCED_LEADER_EPOCH error code will be returned. Versions 2-4. */
  currentLeaderEpoch: number;
  /** The epoch to look up an offset for. Versions 0-4. */
  leaderEpoch: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetForLeaderEpochRequestOffsetForLeaderPartition(): OffsetForLeaderEpochRequestOffsetForLeaderPartition {
  return {
    partition: 0,
    currentLeaderEpoch: -1,
    leaderEpoch: 0,
  };
}

export function readOffsetForLeaderEpochRequestOffsetForLeaderPartition(r: Reader, v: number): OffsetForLeaderEpochRequestOffsetForLeaderPartition {
  const flex = v === 4;
  const partition = r.int32();
  const currentLeaderEpoch = (v >= 2 ? r.int32() : -1);
  const leaderEpoch = r.int32();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: OffsetForLeaderEpochRequestOffsetForLeaderPartition = {
    partition,
    currentLeaderEpoch,
    leaderEpoch,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeOffsetForLeaderEpochRequestOffsetForLeaderPartition(w: Writer, o: OffsetForLeaderEpochRequestOffsetForLeaderPartition, v: number): void {
  const flex = v === 4;
  w.int32(o.partition);
  if (v >= 2) {
    w.int32(o.currentLeaderEpoch);
  }
  w.int32(o.leaderEpoch);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface OffsetForLeaderEpochRequestOffsetForLeaderTopic {
  /** The topic name. Versions 0-4; map key; entity: topicName. */
  topic: string;
  /** Each partition to get offsets for. Versions 0-4. */
  partitions: OffsetForLeaderEpochRequestOffsetForLeaderPartition[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetForLeaderEpochRequestOffsetForLeaderTopic(): OffsetForLeaderEpochRequestOffsetForLeaderTopic {
  return {
    topic: "",
    partitions: [],
  };
}

export function readOffsetForLeaderEpochRequestOffsetForLeaderTopic(r: Reader, v: number): OffsetForLeaderEpochRequestOffsetForLeaderTopic {
  const flex = v === 4;
  const topic = (v === 4 ? r.compactString() : r.string());
  const partitions = readArray(r, v, v === 4, false, 8, readOffsetForLeaderEpochRequestOffsetForLeaderPartition);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: OffsetForLeaderEpochRequestOffsetForLeaderTopic = {
    topic,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeOffsetForLeaderEpochRequestOffsetForLeaderTopic(w: Writer, o: OffsetForLeaderEpochRequestOffsetForLeaderTopic, v: number): void {
  const flex = v === 4;
  if (v === 4) w.compactString(o.topic); else w.string(o.topic);
  writeArray(w, v, v === 4, o.partitions, writeOffsetForLeaderEpochRequestOffsetForLeaderPartition);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface OffsetForLeaderEpochRequest {
  /** The broker ID of the follower, of -1 if this request is from a consumer. Versions 3-4; entity: brokerId. */
  replicaId: number;
  /** Each topic to get offsets for. Versions 0-4. */
  topics: OffsetForLeaderEpochRequestOffsetForLeaderTopic[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetForLeaderEpochRequest(): OffsetForLeaderEpochRequest {
  return {
    replicaId: -2,
    topics: [],
  };
}

export function readOffsetForLeaderEpochRequest(r: Reader, v: number): OffsetForLeaderEpochRequest {
  const flex = v === 4;
  const replicaId = (v >= 3 ? r.int32() : -2);
  const topics = readArray(r, v, v === 4, false, 2, readOffsetForLeaderEpochRequestOffsetForLeaderTopic);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: OffsetForLeaderEpochRequest = {
    replicaId,
    topics,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeOffsetForLeaderEpochRequest(w: Writer, o: OffsetForLeaderEpochRequest, v: number): void {
  const flex = v === 4;
  if (v >= 3) {
    w.int32(o.replicaId);
  }
  writeArray(w, v, v === 4, o.topics, writeOffsetForLeaderEpochRequestOffsetForLeaderTopic);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface OffsetForLeaderEpochResponseEpochEndOffset {
  /** The error code 0, or if there was no error. Versions 0-4. */
  errorCode: number;
  /** The partition index. Versions 0-4. */
  partition: number;
  /** The leader epoch of the partition. Versions 1-4. */
  leaderEpoch: number;
  /** The end offset of the epoch. Versions 0-4. */
  endOffset: bigint;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetForLeaderEpochResponseEpochEndOffset(): OffsetForLeaderEpochResponseEpochEndOffset {
  return {
    errorCode: 0,
    partition: 0,
    leaderEpoch: -1,
    endOffset: -1n,
  };
}

export function readOffsetForLeaderEpochResponseEpochEndOffset(r: Reader, v: number): OffsetForLeaderEpochResponseEpochEndOffset {
  const flex = v === 4;
  const errorCode = r.int16();
  const partition = r.int32();
  const leaderEpoch = (v >= 1 ? r.int32() : -1);
  const endOffset = r.int64();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: OffsetForLeaderEpochResponseEpochEndOffset = {
    errorCode,
    partition,
    leaderEpoch,
    endOffset,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeOffsetForLeaderEpochResponseEpochEndOffset(w: Writer, o: OffsetForLeaderEpochResponseEpochEndOffset, v: number): void {
  const flex = v === 4;
  w.int16(o.errorCode);
  w.int32(o.partition);
  if (v >= 1) {
    w.int32(o.leaderEpoch);
  }
  w.int64(o.endOffset);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface OffsetForLeaderEpochResponseOffsetForLeaderTopicResult {
  /** The topic name. Versions 0-4; map key; entity: topicName. */
  topic: string;
  /** Each partition in the topic we fetched offsets for. Versions 0-4. */
  partitions: OffsetForLeaderEpochResponseEpochEndOffset[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetForLeaderEpochResponseOffsetForLeaderTopicResult(): OffsetForLeaderEpochResponseOffsetForLeaderTopicResult {
  return {
    topic: "",
    partitions: [],
  };
}

export function readOffsetForLeaderEpochResponseOffsetForLeaderTopicResult(r: Reader, v: number): OffsetForLeaderEpochResponseOffsetForLeaderTopicResult {
  const flex = v === 4;
  const topic = (v === 4 ? r.compactString() : r.string());
  const partitions = readArray(r, v, v === 4, false, 14, readOffsetForLeaderEpochResponseEpochEndOffset);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: OffsetForLeaderEpochResponseOffsetForLeaderTopicResult = {
    topic,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeOffsetForLeaderEpochResponseOffsetForLeaderTopicResult(w: Writer, o: OffsetForLeaderEpochResponseOffsetForLeaderTopicResult, v: number): void {
  const flex = v === 4;
  if (v === 4) w.compactString(o.topic); else w.string(o.topic);
  writeArray(w, v, v === 4, o.partitions, writeOffsetForLeaderEpochResponseEpochEndOffset);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface OffsetForLeaderEpochResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 2-4. */
  throttleTimeMs: number;
  /** Each topic we fetched offsets for. Versions 0-4. */
  topics: OffsetForLeaderEpochResponseOffsetForLeaderTopicResult[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetForLeaderEpochResponse(): OffsetForLeaderEpochResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

export function readOffsetForLeaderEpochResponse(r: Reader, v: number): OffsetForLeaderEpochResponse {
  const flex = v === 4;
  const throttleTimeMs = (v >= 2 ? r.int32() : 0);
  const topics = readArray(r, v, v === 4, false, 2, readOffsetForLeaderEpochResponseOffsetForLeaderTopicResult);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: OffsetForLeaderEpochResponse = {
    throttleTimeMs,
    topics,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeOffsetForLeaderEpochResponse(w: Writer, o: OffsetForLeaderEpochResponse, v: number): void {
  const flex = v === 4;
  if (v >= 2) {
    w.int32(o.throttleTimeMs);
  }
  writeArray(w, v, v === 4, o.topics, writeOffsetForLeaderEpochResponseOffsetForLeaderTopicResult);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
