// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// DescribeTopicPartitions (API key 75): stable versions 0, flexible from 0.

import { type Reader, type TaggedField, type Uuid, type Writer, ZERO_UUID, readArray, readElement_int32, writeArray, writeElement_int32 } from "../../codec/runtime.js";

export interface DescribeTopicPartitionsRequestTopicRequest {
  /** The topic name Versions 0; entity: topicName. */
  name: string;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeTopicPartitionsRequestTopicRequest(): DescribeTopicPartitionsRequestTopicRequest {
  return {
    name: "",
  };
}

export function readDescribeTopicPartitionsRequestTopicRequest(r: Reader, v: number): DescribeTopicPartitionsRequestTopicRequest {
  const flex = true;
  const name = r.compactString();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeTopicPartitionsRequestTopicRequest = {
    name,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeTopicPartitionsRequestTopicRequest(w: Writer, o: DescribeTopicPartitionsRequestTopicRequest, v: number): void {
  const flex = true;
  w.compactString(o.name);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeTopicPartitionsRequestCursor {
  /** The name for the first topic to process Versions 0; entity: topicName. */
  topicName: string;
  /** The partition index to start with Versions 0. */
  partitionIndex: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeTopicPartitionsRequestCursor(): DescribeTopicPartitionsRequestCursor {
  return {
    topicName: "",
    partitionIndex: 0,
  };
}

export function readDescribeTopicPartitionsRequestCursor(r: Reader, v: number): DescribeTopicPartitionsRequestCursor {
  const flex = true;
  const topicName = r.compactString();
  const partitionIndex = r.int32();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeTopicPartitionsRequestCursor = {
    topicName,
    partitionIndex,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeTopicPartitionsRequestCursor(w: Writer, o: DescribeTopicPartitionsRequestCursor, v: number): void {
  const flex = true;
  w.compactString(o.topicName);
  w.int32(o.partitionIndex);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeTopicPartitionsRequest {
  /** The topics to fetch details for. Versions 0. */
  topics: DescribeTopicPartitionsRequestTopicRequest[];
  /** The maximum number of partitions included in the response. Versions 0. */
  responsePartitionLimit: number;
  /** The first topic and partition index to fetch details for. Versions 0; nullable in 0. */
  cursor: DescribeTopicPartitionsRequestCursor | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeTopicPartitionsRequest(): DescribeTopicPartitionsRequest {
  return {
    topics: [],
    responsePartitionLimit: 2000,
    cursor: null,
  };
}

export function readDescribeTopicPartitionsRequest(r: Reader, v: number): DescribeTopicPartitionsRequest {
  const flex = true;
  const topics = readArray(r, v, true, false, 1, readDescribeTopicPartitionsRequestTopicRequest);
  const responsePartitionLimit = r.int32();
  const cursor = (r.structPresent() ? readDescribeTopicPartitionsRequestCursor(r, v) : null);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeTopicPartitionsRequest = {
    topics,
    responsePartitionLimit,
    cursor,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeTopicPartitionsRequest(w: Writer, o: DescribeTopicPartitionsRequest, v: number): void {
  const flex = true;
  writeArray(w, v, true, o.topics, writeDescribeTopicPartitionsRequestTopicRequest);
  w.int32(o.responsePartitionLimit);
  if (o.cursor === null) w.int8(-1); else { w.int8(1); writeDescribeTopicPartitionsRequestCursor(w, o.cursor, v); }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeTopicPartitionsResponseDescribeTopicPartitionsResponsePartition {
  /** The partition error, or 0 if there was no error. Versions 0. */
  errorCode: number;
  /** The partition index. Versions 0. */
  partitionIndex: number;
  /** The ID of the leader broker. Versions 0; entity: brokerId. */
  leaderId: number;
  /** The leader epoch of this partition. Versions 0. */
  leaderEpoch: number;
  /** The set of all nodes that host this partition. Versions 0; entity: brokerId. */
  replicaNodes: number[];
  /** The set of nodes that are in sync with the leader for this partition. Versions 0; entity: brokerId. */
  isrNodes: number[];
  /** The new eligible leader replicas otherwise. Versions 0; nullable in 0; entity: brokerId. */
  eligibleLeaderReplicas: number[] | null;
  /** The last known ELR. Versions 0; nullable in 0; entity: brokerId. */
  lastKnownElr: number[] | null;
  /** The set of offline replicas of this partition. Versions 0; entity: brokerId. */
  offlineReplicas: number[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeTopicPartitionsResponseDescribeTopicPartitionsResponsePartition(): DescribeTopicPartitionsResponseDescribeTopicPartitionsResponsePartition {
  return {
    errorCode: 0,
    partitionIndex: 0,
    leaderId: 0,
    leaderEpoch: -1,
    replicaNodes: [],
    isrNodes: [],
    eligibleLeaderReplicas: null,
    lastKnownElr: null,
    offlineReplicas: [],
  };
}

export function readDescribeTopicPartitionsResponseDescribeTopicPartitionsResponsePartition(r: Reader, v: number): DescribeTopicPartitionsResponseDescribeTopicPartitionsResponsePartition {
  const flex = true;
  const errorCode = r.int16();
  const partitionIndex = r.int32();
  const leaderId = r.int32();
  const leaderEpoch = r.int32();
  const replicaNodes = readArray(r, v, true, false, 4, readElement_int32);
  const isrNodes = readArray(r, v, true, false, 4, readElement_int32);
  const eligibleLeaderReplicas = readArray(r, v, true, true, 4, readElement_int32);
  const lastKnownElr = readArray(r, v, true, true, 4, readElement_int32);
  const offlineReplicas = readArray(r, v, true, false, 4, readElement_int32);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeTopicPartitionsResponseDescribeTopicPartitionsResponsePartition = {
    errorCode,
    partitionIndex,
    leaderId,
    leaderEpoch,
    replicaNodes,
    isrNodes,
    eligibleLeaderReplicas,
    lastKnownElr,
    offlineReplicas,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeTopicPartitionsResponseDescribeTopicPartitionsResponsePartition(w: Writer, o: DescribeTopicPartitionsResponseDescribeTopicPartitionsResponsePartition, v: number): void {
  const flex = true;
  w.int16(o.errorCode);
  w.int32(o.partitionIndex);
  w.int32(o.leaderId);
  w.int32(o.leaderEpoch);
  writeArray(w, v, true, o.replicaNodes, writeElement_int32);
  writeArray(w, v, true, o.isrNodes, writeElement_int32);
  writeArray(w, v, true, o.eligibleLeaderReplicas, writeElement_int32);
  writeArray(w, v, true, o.lastKnownElr, writeElement_int32);
  writeArray(w, v, true, o.offlineReplicas, writeElement_int32);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic {
  /** The topic error, or 0 if there was no error. Versions 0. */
  errorCode: number;
  /** The topic name. Versions 0; nullable in 0; map key; entity: topicName. */
  name: string | null;
  /** The topic id. Versions 0. */
  topicId: Uuid;
  /** True if the topic is internal. Versions 0. */
  isInternal: boolean;
  /** Each partition in the topic. Versions 0. */
  partitions: DescribeTopicPartitionsResponseDescribeTopicPartitionsResponsePartition[];
  /** 32-bit bitfield to represent authorized operations for this topic. Versions 0. */
  topicAuthorizedOperations: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic(): DescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic {
  return {
    errorCode: 0,
    name: "",
    topicId: ZERO_UUID,
    isInternal: false,
    partitions: [],
    topicAuthorizedOperations: -2147483648,
  };
}

export function readDescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic(r: Reader, v: number): DescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic {
  const flex = true;
  const errorCode = r.int16();
  const name = r.compactNullableString();
  const topicId = r.uuid();
  const isInternal = r.bool();
  const partitions = readArray(r, v, true, false, 19, readDescribeTopicPartitionsResponseDescribeTopicPartitionsResponsePartition);
  const topicAuthorizedOperations = r.int32();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic = {
    errorCode,
    name,
    topicId,
    isInternal,
    partitions,
    topicAuthorizedOperations,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic(w: Writer, o: DescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic, v: number): void {
  const flex = true;
  w.int16(o.errorCode);
  w.compactNullableString(o.name);
  w.uuid(o.topicId);
  w.bool(o.isInternal);
  writeArray(w, v, true, o.partitions, writeDescribeTopicPartitionsResponseDescribeTopicPartitionsResponsePartition);
  w.int32(o.topicAuthorizedOperations);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeTopicPartitionsResponseCursor {
  /** The name for the first topic to process Versions 0; entity: topicName. */
  topicName: string;
  /** The partition index to start with Versions 0. */
  partitionIndex: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeTopicPartitionsResponseCursor(): DescribeTopicPartitionsResponseCursor {
  return {
    topicName: "",
    partitionIndex: 0,
  };
}

export function readDescribeTopicPartitionsResponseCursor(r: Reader, v: number): DescribeTopicPartitionsResponseCursor {
  const flex = true;
  const topicName = r.compactString();
  const partitionIndex = r.int32();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeTopicPartitionsResponseCursor = {
    topicName,
    partitionIndex,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeTopicPartitionsResponseCursor(w: Writer, o: DescribeTopicPartitionsResponseCursor, v: number): void {
  const flex = true;
  w.compactString(o.topicName);
  w.int32(o.partitionIndex);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeTopicPartitionsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0. */
  throttleTimeMs: number;
  /** Each topic in the response. Versions 0. */
  topics: DescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic[];
  /** The next topic and partition index to fetch details for. Versions 0; nullable in 0. */
  nextCursor: DescribeTopicPartitionsResponseCursor | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeTopicPartitionsResponse(): DescribeTopicPartitionsResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
    nextCursor: null,
  };
}

export function readDescribeTopicPartitionsResponse(r: Reader, v: number): DescribeTopicPartitionsResponse {
  const flex = true;
  const throttleTimeMs = r.int32();
  const topics = readArray(r, v, true, false, 25, readDescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic);
  const nextCursor = (r.structPresent() ? readDescribeTopicPartitionsResponseCursor(r, v) : null);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeTopicPartitionsResponse = {
    throttleTimeMs,
    topics,
    nextCursor,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeTopicPartitionsResponse(w: Writer, o: DescribeTopicPartitionsResponse, v: number): void {
  const flex = true;
  w.int32(o.throttleTimeMs);
  writeArray(w, v, true, o.topics, writeDescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic);
  if (o.nextCursor === null) w.int8(-1); else { w.int8(1); writeDescribeTopicPartitionsResponseCursor(w, o.nextCursor, v); }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
