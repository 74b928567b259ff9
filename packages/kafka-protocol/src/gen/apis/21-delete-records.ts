// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// DeleteRecords (API key 21): stable versions 0-2, flexible from 2.

import { type Reader, type TaggedField, type Writer, readArray, writeArray } from "../../codec/runtime.js";

export interface DeleteRecordsRequestDeleteRecordsPartition {
  /** The partition index. Versions 0-2. */
  partitionIndex: number;
  /** The deletion offset. Versions 0-2. */
  offset: bigint;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteRecordsRequestDeleteRecordsPartition(): DeleteRecordsRequestDeleteRecordsPartition {
  return {
    partitionIndex: 0,
    offset: 0n,
  };
}

export function readDeleteRecordsRequestDeleteRecordsPartition(r: Reader, v: number): DeleteRecordsRequestDeleteRecordsPartition {
  const flex = v === 2;
  const partitionIndex = r.int32();
  const offset = r.int64();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DeleteRecordsRequestDeleteRecordsPartition = {
    partitionIndex,
    offset,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDeleteRecordsRequestDeleteRecordsPartition(w: Writer, o: DeleteRecordsRequestDeleteRecordsPartition, v: number): void {
  const flex = v === 2;
  w.int32(o.partitionIndex);
  w.int64(o.offset);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DeleteRecordsRequestDeleteRecordsTopic {
  /** The topic name. Versions 0-2; entity: topicName. */
  name: string;
  /** Each partition that we want to delete records from. Versions 0-2. */
  partitions: DeleteRecordsRequestDeleteRecordsPartition[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteRecordsRequestDeleteRecordsTopic(): DeleteRecordsRequestDeleteRecordsTopic {
  return {
    name: "",
    partitions: [],
  };
}

export function readDeleteRecordsRequestDeleteRecordsTopic(r: Reader, v: number): DeleteRecordsRequestDeleteRecordsTopic {
  const flex = v === 2;
  const name = (v === 2 ? r.compactString() : r.string());
  const partitions = readArray(r, v, v === 2, false, 12, readDeleteRecordsRequestDeleteRecordsPartition);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DeleteRecordsRequestDeleteRecordsTopic = {
    name,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDeleteRecordsRequestDeleteRecordsTopic(w: Writer, o: DeleteRecordsRequestDeleteRecordsTopic, v: number): void {
  const flex = v === 2;
  if (v === 2) w.compactString(o.name); else w.string(o.name);
  writeArray(w, v, v === 2, o.partitions, writeDeleteRecordsRequestDeleteRecordsPartition);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DeleteRecordsRequest {
  /** Each topic that we want to delete records from. Versions 0-2. */
  topics: DeleteRecordsRequestDeleteRecordsTopic[];
  /** How long to wait for the deletion to complete, in milliseconds. Versions 0-2. */
  timeoutMs: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteRecordsRequest(): DeleteRecordsRequest {
  return {
    topics: [],
    timeoutMs: 0,
  };
}

export function readDeleteRecordsRequest(r: Reader, v: number): DeleteRecordsRequest {
  const flex = v === 2;
  const topics = readArray(r, v, v === 2, false, 2, readDeleteRecordsRequestDeleteRecordsTopic);
  const timeoutMs = r.int32();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DeleteRecordsRequest = {
    topics,
    timeoutMs,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDeleteRecordsRequest(w: Writer, o: DeleteRecordsRequest, v: number): void {
  const flex = v === 2;
  writeArray(w, v, v === 2, o.topics, writeDeleteRecordsRequestDeleteRecordsTopic);
  w.int32(o.timeoutMs);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DeleteRecordsResponseDeleteRecordsPartitionResult {
  /** The partition index. Versions 0-2; map key. */
  partitionIndex: number;
  /** The partition low water mark. Versions 0-2. */
  lowWatermark: bigint;
  /** The deletion error code, or 0 if the deletion succeeded. Versions 0-2. */
  errorCode: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteRecordsResponseDeleteRecordsPartitionResult(): DeleteRecordsResponseDeleteRecordsPartitionResult {
  return {
    partitionIndex: 0,
    lowWatermark: 0n,
    errorCode: 0,
  };
}

export function readDeleteRecordsResponseDeleteRecordsPartitionResult(r: Reader, v: number): DeleteRecordsResponseDeleteRecordsPartitionResult {
  const flex = v === 2;
  const partitionIndex = r.int32();
  const lowWatermark = r.int64();
  const errorCode = r.int16();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DeleteRecordsResponseDeleteRecordsPartitionResult = {
    partitionIndex,
    lowWatermark,
    errorCode,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDeleteRecordsResponseDeleteRecordsPartitionResult(w: Writer, o: DeleteRecordsResponseDeleteRecordsPartitionResult, v: number): void {
  const flex = v === 2;
  w.int32(o.partitionIndex);
  w.int64(o.lowWatermark);
  w.int16(o.errorCode);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DeleteRecordsResponseDeleteRecordsTopicResult {
  /** The topic name. Versions 0-2; map key; entity: topicName. */
  name: string;
  /** Each partition that we wanted to delete records from. Versions 0-2. */
  partitions: DeleteRecordsResponseDeleteRecordsPartitionResult[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteRecordsResponseDeleteRecordsTopicResult(): DeleteRecordsResponseDeleteRecordsTopicResult {
  return {
    name: "",
    partitions: [],
  };
}

export function readDeleteRecordsResponseDeleteRecordsTopicResult(r: Reader, v: number): DeleteRecordsResponseDeleteRecordsTopicResult {
  const flex = v === 2;
  const name = (v === 2 ? r.compactString() : r.string());
  const partitions = readArray(r, v, v === 2, false, 14, readDeleteRecordsResponseDeleteRecordsPartitionResult);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DeleteRecordsResponseDeleteRecordsTopicResult = {
    name,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDeleteRecordsResponseDeleteRecordsTopicResult(w: Writer, o: DeleteRecordsResponseDeleteRecordsTopicResult, v: number): void {
  const flex = v === 2;
  if (v === 2) w.compactString(o.name); else w.string(o.name);
  writeArray(w, v, v === 2, o.partitions, writeDeleteRecordsResponseDeleteRecordsPartitionResult);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DeleteRecordsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-2. */
  throttleTimeMs: number;
  /** Each topic that we wanted to delete records from. Versions 0-2. */
  topics: DeleteRecordsResponseDeleteRecordsTopicResult[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteRecordsResponse(): DeleteRecordsResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

export function readDeleteRecordsResponse(r: Reader, v: number): DeleteRecordsResponse {
  const flex = v === 2;
  const throttleTimeMs = r.int32();
  const topics = readArray(r, v, v === 2, false, 2, readDeleteRecordsResponseDeleteRecordsTopicResult);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DeleteRecordsResponse = {
    throttleTimeMs,
    topics,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDeleteRecordsResponse(w: Writer, o: DeleteRecordsResponse, v: number): void {
  const flex = v === 2;
  w.int32(o.throttleTimeMs);
  writeArray(w, v, v === 2, o.topics, writeDeleteRecordsResponseDeleteRecordsTopicResult);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
