// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// AlterPartitionReassignments (API key 45): stable versions 0, flexible from 0.

import { type Reader, type TaggedField, type Writer, readArray, readElement_int32, writeArray, writeElement_int32 } from "../../codec/runtime.js";

export interface AlterPartitionReassignmentsRequestReassignablePartition {
  /** The partition index. Versions 0. */
  partitionIndex: number;
  /** The replicas to place the partitions on, or null to cancel a pending reassignment for this partition. Versions 0; nullable in 0; entity: brokerId. */
  replicas: number[] | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterPartitionReassignmentsRequestReassignablePartition(): AlterPartitionReassignmentsRequestReassignablePartition {
  return {
    partitionIndex: 0,
    replicas: null,
  };
}

export function readAlterPartitionReassignmentsRequestReassignablePartition(r: Reader, v: number): AlterPartitionReassignmentsRequestReassignablePartition {
  const flex = true;
  const partitionIndex = r.int32();
  const replicas = readArray(r, v, true, true, 4, readElement_int32);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AlterPartitionReassignmentsRequestReassignablePartition = {
    partitionIndex,
    replicas,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAlterPartitionReassignmentsRequestReassignablePartition(w: Writer, o: AlterPartitionReassignmentsRequestReassignablePartition, v: number): void {
  const flex = true;
  w.int32(o.partitionIndex);
  writeArray(w, v, true, o.replicas, writeElement_int32);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AlterPartitionReassignmentsRequestReassignableTopic {
  /** The topic name. Versions 0; entity: topicName. */
  name: string;
  /** The partitions to reassign. Versions 0. */
  partitions: AlterPartitionReassignmentsRequestReassignablePartition[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterPartitionReassignmentsRequestReassignableTopic(): AlterPartitionReassignmentsRequestReassignableTopic {
  return {
    name: "",
    partitions: [],
  };
}

export function readAlterPartitionReassignmentsRequestReassignableTopic(r: Reader, v: number): AlterPartitionReassignmentsRequestReassignableTopic {
  const flex = true;
  const name = r.compactString();
  const partitions = readArray(r, v, true, false, 5, readAlterPartitionReassignmentsRequestReassignablePartition);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AlterPartitionReassignmentsRequestReassignableTopic = {
    name,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAlterPartitionReassignmentsRequestReassignableTopic(w: Writer, o: AlterPartitionReassignmentsRequestReassignableTopic, v: number): void {
  const flex = true;
  w.compactString(o.name);
  writeArray(w, v, true, o.partitions, writeAlterPartitionReassignmentsRequestReassignablePartition);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AlterPartitionReassignmentsRequest {
  /** The time in ms to wait for the request to complete. Versions 0. */
  timeoutMs: number;
  /** The topics to reassign. Versions 0. */
  topics: AlterPartitionReassignmentsRequestReassignableTopic[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterPartitionReassignmentsRequest(): AlterPartitionReassignmentsRequest {
  return {
    timeoutMs: 60000,
    topics: [],
  };
}

export function readAlterPartitionReassignmentsRequest(r: Reader, v: number): AlterPartitionReassignmentsRequest {
  const flex = true;
  const timeoutMs = r.int32();
  const topics = readArray(r, v, true, false, 2, readAlterPartitionReassignmentsRequestReassignableTopic);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AlterPartitionReassignmentsRequest = {
    timeoutMs,
    topics,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAlterPartitionReassignmentsRequest(w: Writer, o: AlterPartitionReassignmentsRequest, v: number): void {
  const flex = true;
  w.int32(o.timeoutMs);
  writeArray(w, v, true, o.topics, writeAlterPartitionReassignmentsRequestReassignableTopic);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AlterPartitionReassignmentsResponseReassignablePartitionResponse {
  /** The partition index. Versions 0. */
  partitionIndex: number;
  /** The error code for this partition, or 0 if there was no error. Versions 0. */
  errorCode: number;
  /** The error message for this partition, or null if there was no error. Versions 0; nullable in 0. */
  errorMessage: string | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterPartitionReassignmentsResponseReassignablePartitionResponse(): AlterPartitionReassignmentsResponseReassignablePartitionResponse {
  return {
    partitionIndex: 0,
    errorCode: 0,
    errorMessage: "",
  };
}

export function readAlterPartitionReassignmentsResponseReassignablePartitionResponse(r: Reader, v: number): AlterPartitionReassignmentsResponseReassignablePartitionResponse {
  const flex = true;
  const partitionIndex = r.int32();
  const errorCode = r.int16();
  const errorMessage = r.compactNullableString();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AlterPartitionReassignmentsResponseReassignablePartitionResponse = {
    partitionIndex,
    errorCode,
    errorMessage,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAlterPartitionReassignmentsResponseReassignablePartitionResponse(w: Writer, o: AlterPartitionReassignmentsResponseReassignablePartitionResponse, v: number): void {
  const flex = true;
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AlterPartitionReassignmentsResponseReassignableTopicResponse {
  /** The topic name Versions 0; entity: topicName. */
  name: string;
  /** The responses to partitions to reassign Versions 0. */
  partitions: AlterPartitionReassignmentsResponseReassignablePartitionResponse[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterPartitionReassignmentsResponseReassignableTopicResponse(): AlterPartitionReassignmentsResponseReassignableTopicResponse {
  return {
    name: "",
    partitions: [],
  };
}

export function readAlterPartitionReassignmentsResponseReassignableTopicResponse(r: Reader, v: number): AlterPartitionReassignmentsResponseReassignableTopicResponse {
  const flex = true;
  const name = r.compactString();
  const partitions = readArray(r, v, true, false, 7, readAlterPartitionReassignmentsResponseReassignablePartitionResponse);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AlterPartitionReassignmentsResponseReassignableTopicResponse = {
    name,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAlterPartitionReassignmentsResponseReassignableTopicResponse(w: Writer, o: AlterPartitionReassignmentsResponseReassignableTopicResponse, v: number): void {
  const flex = true;
  w.compactString(o.name);
  writeArray(w, v, true, o.partitions, writeAlterPartitionReassignmentsResponseReassignablePartitionResponse);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AlterPartitionReassignmentsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0. */
  throttleTimeMs: number;
  /** The top-level error code, or 0 if there was no error. Versions 0. */
  errorCode: number;
  /** The top-level error message, or null if there was no error. Versions 0; nullable in 0. */
  errorMessage: string | null;
  /** The responses to topics to reassign. Versions 0. */
  responses: AlterPartitionReassignmentsResponseReassignableTopicResponse[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterPartitionReassignmentsResponse(): AlterPartitionReassignmentsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
    responses: [],
  };
}

export function readAlterPartitionReassignmentsResponse(r: Reader, v: number): AlterPartitionReassignmentsResponse {
  const flex = true;
  const throttleTimeMs = r.int32();
  const errorCode = r.int16();
  const errorMessage = r.compactNullableString();
  const responses = readArray(r, v, true, false, 2, readAlterPartitionReassignmentsResponseReassignableTopicResponse);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AlterPartitionReassignmentsResponse = {
    throttleTimeMs,
    errorCode,
    errorMessage,
    responses,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAlterPartitionReassignmentsResponse(w: Writer, o: AlterPartitionReassignmentsResponse, v: number): void {
  const flex = true;
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  writeArray(w, v, true, o.responses, writeAlterPartitionReassignmentsResponseReassignableTopicResponse);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
