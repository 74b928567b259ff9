// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// TxnOffsetCommit (API key 28): stable versions 0-4, flexible from 3.

import { type Reader, type TaggedField, type Writer, notInVersion, readArray, writeArray } from "../../codec/runtime.js";

export interface TxnOffsetCommitRequestTxnOffsetCommitRequestPartition {
  /** The index of the partition within the topic. Versions 0-4. */
  partitionIndex: number;
  /** The message offset to be committed. Versions 0-4. */
  committedOffset: bigint;
  /** The leader epoch of the last consumed record. Versions 2-4. */
  committedLeaderEpoch: number;
  /** Any associated metadata the client wants to keep. Versions 0-4; nullable in 0-4. */
  committedMetadata: string | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultTxnOffsetCommitRequestTxnOffsetCommitRequestPartition(): TxnOffsetCommitRequestTxnOffsetCommitRequestPartition {
  return {
    partitionIndex: 0,
    committedOffset: 0n,
    committedLeaderEpoch: -1,
    committedMetadata: "",
  };
}

export function readTxnOffsetCommitRequestTxnOffsetCommitRequestPartition(r: Reader, v: number): TxnOffsetCommitRequestTxnOffsetCommitRequestPartition {
  const flex = v >= 3;
  const partitionIndex = r.int32();
  const committedOffset = r.int64();
  const committedLeaderEpoch = (v >= 2 ? r.int32() : -1);
  const committedMetadata = (v >= 3 ? r.compactNullableString() : r.nullableString());
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: TxnOffsetCommitRequestTxnOffsetCommitRequestPartition = {
    partitionIndex,
    committedOffset,
    committedLeaderEpoch,
    committedMetadata,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeTxnOffsetCommitRequestTxnOffsetCommitRequestPartition(w: Writer, o: TxnOffsetCommitRequestTxnOffsetCommitRequestPartition, v: number): void {
  const flex = v >= 3;
  w.int32(o.partitionIndex);
  w.int64(o.committedOffset);
  if (v >= 2) {
    w.int32(o.committedLeaderEpoch);
  }
  if (v >= 3) w.compactNullableString(o.committedMetadata); else w.nullableString(o.committedMetadata);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface TxnOffsetCommitRequestTxnOffsetCommitRequestTopic {
  /** The topic name. Versions 0-4; entity: topicName. */
  name: string;
  /** The partitions inside the topic that we want to commit offsets for. Versions 0-4. */
  partitions: TxnOffsetCommitRequestTxnOffsetCommitRequestPartition[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultTxnOffsetCommitRequestTxnOffsetCommitRequestTopic(): TxnOffsetCommitRequestTxnOffsetCommitRequestTopic {
  return {
    name: "",
    partitions: [],
  };
}

export function readTxnOffsetCommitRequestTxnOffsetCommitRequestTopic(r: Reader, v: number): TxnOffsetCommitRequestTxnOffsetCommitRequestTopic {
  const flex = v >= 3;
  const name = (v >= 3 ? r.compactString() : r.string());
  const partitions = readArray(r, v, v >= 3, false, 13, readTxnOffsetCommitRequestTxnOffsetCommitRequestPartition);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: TxnOffsetCommitRequestTxnOffsetCommitRequestTopic = {
    name,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeTxnOffsetCommitRequestTxnOffsetCommitRequestTopic(w: Writer, o: TxnOffsetCommitRequestTxnOffsetCommitRequestTopic, v: number): void {
  const flex = v >= 3;
  if (v >= 3) w.compactString(o.name); else w.string(o.name);
  writeArray(w, v, v >= 3, o.partitions, writeTxnOffsetCommitRequestTxnOffsetCommitRequestPartition);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface TxnOffsetCommitRequest {
  /** The ID of the transaction. Versions 0-4; entity: transactionalId. */
  transactionalId: string;
  /** The ID of the group. Versions 0-4; entity: groupId. */
  groupId: string;
  /** The current producer ID in use by the transactional ID. Versions 0-4; entity: producerId. */
  producerId: bigint;
  /** The current epoch associated with the producer ID. Versions 0-4. */
  producerEpoch: number;
  /** The generation of the consumer. Versions 3-4. */
  generationId: number;
  /** The member ID assigned by the group coordinator. Versions 3-4. */
  memberId: string;
  /** The unique identifier of the consumer instance provided by end user. Versions 3-4; nullable in 3-4. */
  groupInstanceId: string | null;
  /** Each topic that we want to commit offsets for. Versions 0-4. */
  topics: TxnOffsetCommitRequestTxnOffsetCommitRequestTopic[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultTxnOffsetCommitRequest(): TxnOffsetCommitRequest {
  return {
    transactionalId: "",
    groupId: "",
    producerId: 0n,
    producerEpoch: 0,
    generationId: -1,
    memberId: "",
    groupInstanceId: null,
    topics: [],
  };
}

export function readTxnOffsetCommitRequest(r: Reader, v: number): TxnOffsetCommitRequest {
  const flex = v >= 3;
  const transactionalId = (v >= 3 ? r.compactString() : r.string());
  const groupId = (v >= 3 ? r.compactString() : r.string());
  const producerId = r.int64();
  const producerEpoch = r.int16();
  const generationId = (v >= 3 ? r.int32() : -1);
  const memberId = (v >= 3 ? r.compactString() : "");
  const groupInstanceId = (v >= 3 ? r.compactNullableString() : null);
  const topics = readArray(r, v, v >= 3, false, 2, readTxnOffsetCommitRequestTxnOffsetCommitRequestTopic);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: TxnOffsetCommitRequest = {
    transactionalId,
    groupId,
    producerId,
    producerEpoch,
    generationId,
    memberId,
    groupInstanceId,
    topics,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeTxnOffsetCommitRequest(w: Writer, o: TxnOffsetCommitRequest, v: number): void {
  const flex = v >= 3;
  if (v >= 3) w.compactString(o.transactionalId); else w.string(o.transactionalId);
  if (v >= 3) w.compactString(o.groupId); else w.string(o.groupId);
  w.int64(o.producerId);
  w.int16(o.producerEpoch);
  if (v >= 3) {
    w.int32(o.generationId);
  } else if (!(v >= 3) && o.generationId !== -1) {
    throw notInVersion("TxnOffsetCommitRequest.generationId", v);
  }
  if (v >= 3) {
    w.compactString(o.memberId);
  } else if (!(v >= 3) && o.memberId !== "") {
    throw notInVersion("TxnOffsetCommitRequest.memberId", v);
  }
  if (v >= 3) {
    w.compactNullableString(o.groupInstanceId);
  } else if (!(v >= 3) && o.groupInstanceId !== null) {
    throw notInVersion("TxnOffsetCommitRequest.groupInstanceId", v);
  }
  writeArray(w, v, v >= 3, o.topics, writeTxnOffsetCommitRequestTxnOffsetCommitRequestTopic);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface TxnOffsetCommitResponseTxnOffsetCommitResponsePartition {
  /** The partition index. Versions 0-4. */
  partitionIndex: number;
  /** The error code, or 0 if there was no error. Versions 0-4. */
  errorCode: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultTxnOffsetCommitResponseTxnOffsetCommitResponsePartition(): TxnOffsetCommitResponseTxnOffsetCommitResponsePartition {
  return {
    partitionIndex: 0,
    errorCode: 0,
  };
}

export function readTxnOffsetCommitResponseTxnOffsetCommitResponsePartition(r: Reader, v: number): TxnOffsetCommitResponseTxnOffsetCommitResponsePartition {
  const flex = v >= 3;
  const partitionIndex = r.int32();
  const errorCode = r.int16();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: TxnOffsetCommitResponseTxnOffsetCommitResponsePartition = {
    partitionIndex,
    errorCode,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeTxnOffsetCommitResponseTxnOffsetCommitResponsePartition(w: Writer, o: TxnOffsetCommitResponseTxnOffsetCommitResponsePartition, v: number): void {
  const flex = v >= 3;
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface TxnOffsetCommitResponseTxnOffsetCommitResponseTopic {
  /** The topic name. Versions 0-4; entity: topicName. */
  name: string;
  /** The responses for each partition in the topic. Versions 0-4. */
  partitions: TxnOffsetCommitResponseTxnOffsetCommitResponsePartition[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultTxnOffsetCommitResponseTxnOffsetCommitResponseTopic(): TxnOffsetCommitResponseTxnOffsetCommitResponseTopic {
  return {
    name: "",
    partitions: [],
  };
}

export function readTxnOffsetCommitResponseTxnOffsetCommitResponseTopic(r: Reader, v: number): TxnOffsetCommitResponseTxnOffsetCommitResponseTopic {
  const flex = v >= 3;
  const name = (v >= 3 ? r.compactString() : r.string());
  const partitions = readArray(r, v, v >= 3, false, 6, readTxnOffsetCommitResponseTxnOffsetCommitResponsePartition);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: TxnOffsetCommitResponseTxnOffsetCommitResponseTopic = {
    name,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeTxnOffsetCommitResponseTxnOffsetCommitResponseTopic(w: Writer, o: TxnOffsetCommitResponseTxnOffsetCommitResponseTopic, v: number): void {
  const flex = v >= 3;
  if (v >= 3) w.compactString(o.name); else w.string(o.name);
  writeArray(w, v, v >= 3, o.partitions, writeTxnOffsetCommitResponseTxnOffsetCommitResponsePartition);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface TxnOffsetCommitResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-4. */
  throttleTimeMs: number;
  /** The responses for each topic. Versions 0-4. */
  topics: TxnOffsetCommitResponseTxnOffsetCommitResponseTopic[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultTxnOffsetCommitResponse(): TxnOffsetCommitResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

export function readTxnOffsetCommitResponse(r: Reader, v: number): TxnOffsetCommitResponse {
  const flex = v >= 3;
  const throttleTimeMs = r.int32();
  const topics = readArray(r, v, v >= 3, false, 2, readTxnOffsetCommitResponseTxnOffsetCommitResponseTopic);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: TxnOffsetCommitResponse = {
    throttleTimeMs,
    topics,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeTxnOffsetCommitResponse(w: Writer, o: TxnOffsetCommitResponse, v: number): void {
  const flex = v >= 3;
  w.int32(o.throttleTimeMs);
  writeArray(w, v, v >= 3, o.topics, writeTxnOffsetCommitResponseTxnOffsetCommitResponseTopic);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
