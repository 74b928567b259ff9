// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// ElectLeaders (API key 43): stable versions 0-2, flexible from 2.

import { type Reader, type TaggedField, type Writer, notInVersion, readArray, readElement_int32, writeArray, writeElement_int32 } from "../../codec/runtime.js";

export interface ElectLeadersRequestTopicPartitions {
  /** The name of a topic. Versions 0-2; map key; entity: topicName. */
  topic: string;
  /** The partitions of this topic whose leader should be elected. Versions 0-2. */
  partitions: number[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultElectLeadersRequestTopicPartitions(): ElectLeadersRequestTopicPartitions {
  return {
    topic: "",
    partitions: [],
  };
}

export function readElectLeadersRequestTopicPartitions(r: Reader, v: number): ElectLeadersRequestTopicPartitions {
  const flex = v === 2;
  const topic = (v === 2 ? r.compactString() : r.string());
  const partitions = readArray(r, v, v === 2, false, 4, readElement_int32);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ElectLeadersRequestTopicPartitions = {
    topic,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeElectLeadersRequestTopicPartitions(w: Writer, o: ElectLeadersRequestTopicPartitions, v: number): void {
  const flex = v === 2;
  if (v === 2) w.compactString(o.topic); else w.string(o.topic);
  writeArray(w, v, v === 2, o.partitions, writeElement_int32);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ElectLeadersRequest {
  /** Type of elections to conduct for the partition. A value of '0' elects the preferred replica. A value of '1' elects the first live replica if there are no in-sync replica. Versions 1-2. */
  electionType: number;
  /** The topic partitions to elect leaders. Versions 0-2; nullable in 0-2. */
  topicPartitions: ElectLeadersRequestTopicPartitions[] | null;
  /** The time in ms to wait for the election to complete. Versions 0-2. */
  timeoutMs: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultElectLeadersRequest(): ElectLeadersRequest {
  return {
    electionType: 0,
    topicPartitions: [],
    timeoutMs: 60000,
  };
}

export function readElectLeadersRequest(r: Reader, v: number): ElectLeadersRequest {
  const flex = v === 2;
  const electionType = (v >= 1 ? r.int8() : 0);
  const topicPartitions = readArray(r, v, v === 2, true, 2, readElectLeadersRequestTopicPartitions);
  const timeoutMs = r.int32();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ElectLeadersRequest = {
    electionType,
    topicPartitions,
    timeoutMs,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeElectLeadersRequest(w: Writer, o: ElectLeadersRequest, v: number): void {
  const flex = v === 2;
  if (v >= 1) {
    w.int8(o.electionType);
  } else if (!(v >= 1) && o.electionType !== 0) {
    throw notInVersion("ElectLeadersRequest.electionType", v);
  }
  writeArray(w, v, v === 2, o.topicPartitions, writeElectLeadersRequestTopicPartitions);
  w.int32(o.timeoutMs);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ElectLeadersResponsePartitionResult {
  /** The partition id Versions 0-2. */
  partitionId: number;
  /** The result error, or zero if there was no error. Versions 0-2. */
  errorCode: number;
  /** The result message, or null if there was no error. Versions 0-2; nullable in 0-2. */
  errorMessage: string | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultElectLeadersResponsePartitionResult(): ElectLeadersResponsePartitionResult {
  return {
    partitionId: 0,
    errorCode: 0,
    errorMessage: "",
  };
}

export function readElectLeadersResponsePartitionResult(r: Reader, v: number): ElectLeadersResponsePartitionResult {
  const flex = v === 2;
  const partitionId = r.int32();
  const errorCode = r.int16();
  const errorMessage = (v === 2 ? r.compactNullableString() : r.nullableString());
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ElectLeadersResponsePartitionResult = {
    partitionId,
    errorCode,
    errorMessage,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeElectLeadersResponsePartitionResult(w: Writer, o: ElectLeadersResponsePartitionResult, v: number): void {
  const flex = v === 2;
  w.int32(o.partitionId);
  w.int16(o.errorCode);
  if (v === 2) w.compactNullableString(o.errorMessage); else w.nullableString(o.errorMessage);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ElectLeadersResponseReplicaElectionResult {
  /** The topic name Versions 0-2; entity: topicName. */
  topic: string;
  /** The results for each partition Versions 0-2. */
  partitionResult: ElectLeadersResponsePartitionResult[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultElectLeadersResponseReplicaElectionResult(): ElectLeadersResponseReplicaElectionResult {
  return {
    topic: "",
    partitionResult: [],
  };
}

export function readElectLeadersResponseReplicaElectionResult(r: Reader, v: number): ElectLeadersResponseReplicaElectionResult {
  const flex = v === 2;
  const topic = (v === 2 ? r.compactString() : r.string());
  const partitionResult = readArray(r, v, v === 2, false, 7, readElectLeadersResponsePartitionResult);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ElectLeadersResponseReplicaElectionResult = {
    topic,
    partitionResult,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeElectLeadersResponseReplicaElectionResult(w: Writer, o: ElectLeadersResponseReplicaElectionResult, v: number): void {
  const flex = v === 2;
  if (v === 2) w.compactString(o.topic); else w.string(o.topic);
  writeArray(w, v, v === 2, o.partitionResult, writeElectLeadersResponsePartitionResult);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ElectLeadersResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-2. */
  throttleTimeMs: number;
  /** The top level response error code. Versions 1-2. */
  errorCode: number;
  /** The election results, or an empty array if the requester did not have permission and the request asks for all partitions. Versions 0-2. */
  replicaElectionResults: ElectLeadersResponseReplicaElectionResult[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultElectLeadersResponse(): ElectLeadersResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    replicaElectionResults: [],
  };
}

export function readElectLeadersResponse(r: Reader, v: number): ElectLeadersResponse {
  const flex = v === 2;
  const throttleTimeMs = r.int32();
  const errorCode = (v >= 1 ? r.int16() : 0);
  const replicaElectionResults = readArray(r, v, v === 2, false, 2, readElectLeadersResponseReplicaElectionResult);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ElectLeadersResponse = {
    throttleTimeMs,
    errorCode,
    replicaElectionResults,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeElectLeadersResponse(w: Writer, o: ElectLeadersResponse, v: number): void {
  const flex = v === 2;
  w.int32(o.throttleTimeMs);
  if (v >= 1) {
    w.int16(o.errorCode);
  } else if (!(v >= 1) && o.errorCode !== 0) {
    throw notInVersion("ElectLeadersResponse.errorCode", v);
  }
  writeArray(w, v, v === 2, o.replicaElectionResults, writeElectLeadersResponseReplicaElectionResult);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
