// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// ListPartitionReassignments (API key 46): stable versions 0, flexible from 0.

import { type Reader, type TaggedField, type Writer, readArray, readElement_int32, writeArray, writeElement_int32 } from "../../codec/runtime.js";

export interface ListPartitionReassignmentsRequestListPartitionReassignmentsTopics {
  /** The topic name Versions 0; entity: topicName. */
  name: string;
  /** The partitions to list partition reassignments for. Versions 0. */
  partitionIndexes: number[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultListPartitionReassignmentsRequestListPartitionReassignmentsTopics(): ListPartitionReassignmentsRequestListPartitionReassignmentsTopics {
  return {
    name: "",
    partitionIndexes: [],
  };
}

export function readListPartitionReassignmentsRequestListPartitionReassignmentsTopics(r: Reader, v: number): ListPartitionReassignmentsRequestListPartitionReassignmentsTopics {
  const flex = true;
  const name = r.compactString();
  const partitionIndexes = readArray(r, v, true, false, 4, readElement_int32);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ListPartitionReassignmentsRequestListPartitionReassignmentsTopics = {
    name,
    partitionIndexes,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeListPartitionReassignmentsRequestListPartitionReassignmentsTopics(w: Writer, o: ListPartitionReassignmentsRequestListPartitionReassignmentsTopics, v: number): void {
  const flex = true;
  w.compactString(o.name);
  writeArray(w, v, true, o.partitionIndexes, writeElement_int32);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ListPartitionReassignmentsRequest {
  /** The time in ms to wait for the request to complete. Versions 0. */
  timeoutMs: number;
  /** The topics to list partition reassignments for, or null to list everything. Versions 0; nullable in 0. */
  topics: ListPartitionReassignmentsRequestListPartitionReassignmentsTopics[] | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultListPartitionReassignmentsRequest(): ListPartitionReassignmentsRequest {
  return {
    timeoutMs: 60000,
    topics: null,
  };
}

export function readListPartitionReassignmentsRequest(r: Reader, v: number): ListPartitionReassignmentsRequest {
  const flex = true;
  const timeoutMs = r.int32();
  const topics = readArray(r, v, true, true, 2, readListPartitionReassignmentsRequestListPartitionReassignmentsTopics);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ListPartitionReassignmentsRequest = {
    timeoutMs,
    topics,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeListPartitionReassignmentsRequest(w: Writer, o: ListPartitionReassignmentsRequest, v: number): void {
  const flex = true;
  w.int32(o.timeoutMs);
  writeArray(w, v, true, o.topics, writeListPartitionReassignmentsRequestListPartitionReassignmentsTopics);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ListPartitionReassignmentsResponseOngoingPartitionReassignment {
  /** The index of the partition. Versions 0. */
  partitionIndex: number;
  /** The current replica set. Versions 0; entity: brokerId. */
  replicas: number[];
  /** The set of replicas we are currently adding. Versions 0; entity: brokerId. */
  addingReplicas: number[];
  /** The set of replicas we are currently removing. Versions 0; entity: brokerId. */
  removingReplicas: number[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultListPartitionReassignmentsResponseOngoingPartitionReassignment(): ListPartitionReassignmentsResponseOngoingPartitionReassignment {
  return {
    partitionIndex: 0,
    replicas: [],
    addingReplicas: [],
    removingReplicas: [],
  };
}

export function readListPartitionReassignmentsResponseOngoingPartitionReassignment(r: Reader, v: number): ListPartitionReassignmentsResponseOngoingPartitionReassignment {
  const flex = true;
  const partitionIndex = r.int32();
  const replicas = readArray(r, v, true, false, 4, readElement_int32);
  const addingReplicas = readArray(r, v, true, false, 4, readElement_int32);
  const removingReplicas = readArray(r, v, true, false, 4, readElement_int32);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ListPartitionReassignmentsResponseOngoingPartitionReassignment = {
    partitionIndex,
    replicas,
    addingReplicas,
    removingReplicas,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeListPartitionReassignmentsResponseOngoingPartitionReassignment(w: Writer, o: ListPartitionReassignmentsResponseOngoingPartitionReassignment, v: number): void {
  const flex = true;
  w.int32(o.partitionIndex);
  writeArray(w, v, true, o.replicas, writeElement_int32);
  writeArray(w, v, true, o.addingReplicas, writeElement_int32);
  writeArray(w, v, true, o.removingReplicas, writeElement_int32);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ListPartitionReassignmentsResponseOngoingTopicReassignment {
  /** The topic name. Versions 0; entity: topicName. */
  name: string;
  /** The ongoing reassignments for each partition. Versions 0. */
  partitions: ListPartitionReassignmentsResponseOngoingPartitionReassignment[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultListPartitionReassignmentsResponseOngoingTopicReassignment(): ListPartitionReassignmentsResponseOngoingTopicReassignment {
  return {
    name: "",
    partitions: [],
  };
}

export function readListPartitionReassignmentsResponseOngoingTopicReassignment(r: Reader, v: number): ListPartitionReassignmentsResponseOngoingTopicReassignment {
  const flex = true;
  const name = r.compactString();
  const partitions = readArray(r, v, true, false, 7, readListPartitionReassignmentsResponseOngoingPartitionReassignment);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ListPartitionReassignmentsResponseOngoingTopicReassignment = {
    name,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeListPartitionReassignmentsResponseOngoingTopicReassignment(w: Writer, o: ListPartitionReassignmentsResponseOngoingTopicReassignment, v: number): void {
  const flex = true;
  w.compactString(o.name);
  writeArray(w, v, true, o.partitions, writeListPartitionReassignmentsResponseOngoingPartitionReassignment);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ListPartitionReassignmentsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0. */
  throttleTimeMs: number;
  /** The top-level error code, or 0 if there was no error Versions 0. */
  errorCode: number;
  /** The top-level error message, or null if there was no error. Versions 0; nullable in 0. */
  errorMessage: string | null;
  /** The ongoing reassignments for each topic. Versions 0. */
  topics: ListPartitionReassignmentsResponseOngoingTopicReassignment[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultListPartitionReassignmentsResponse(): ListPartitionReassignmentsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
    topics: [],
  };
}

export function readListPartitionReassignmentsResponse(r: Reader, v: number): ListPartitionReassignmentsResponse {
  const flex = true;
  const throttleTimeMs = r.int32();
  const errorCode = r.int16();
  const errorMessage = r.compactNullableString();
  const topics = readArray(r, v, true, false, 2, readListPartitionReassignmentsResponseOngoingTopicReassignment);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ListPartitionReassignmentsResponse = {
    throttleTimeMs,
    errorCode,
    errorMessage,
    topics,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeListPartitionReassignmentsResponse(w: Writer, o: ListPartitionReassignmentsResponse, v: number): void {
  const flex = true;
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  writeArray(w, v, true, o.topics, writeListPartitionReassignmentsResponseOngoingTopicReassignment);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
