// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// AssignReplicasToDirs (API key 73): stable versions 0, flexible from 0.

import { type Reader, type TaggedField, type Uuid, type Writer, ZERO_UUID, readArray, writeArray } from "../../codec/runtime.js";

export interface AssignReplicasToDirsRequestPartitionData {
  /** The partition index Versions 0. */
  partitionIndex: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAssignReplicasToDirsRequestPartitionData(): AssignReplicasToDirsRequestPartitionData {
  return {
    partitionIndex: 0,
  };
}

export function readAssignReplicasToDirsRequestPartitionData(r: Reader, v: number): AssignReplicasToDirsRequestPartitionData {
  const flex = true;
  const partitionIndex = r.int32();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AssignReplicasToDirsRequestPartitionData = {
    partitionIndex,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAssignReplicasToDirsRequestPartitionData(w: Writer, o: AssignReplicasToDirsRequestPartitionData, v: number): void {
  const flex = true;
  w.int32(o.partitionIndex);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AssignReplicasToDirsRequestTopicData {
  /** The ID of the assigned topic Versions 0. */
  topicId: Uuid;
  /** Versions 0. */
  partitions: AssignReplicasToDirsRequestPartitionData[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAssignReplicasToDirsRequestTopicData(): AssignReplicasToDirsRequestTopicData {
  return {
    topicId: ZERO_UUID,
    partitions: [],
  };
}

export function readAssignReplicasToDirsRequestTopicData(r: Reader, v: number): AssignReplicasToDirsRequestTopicData {
  const flex = true;
  const topicId = r.uuid();
  const partitions = readArray(r, v, true, false, 4, readAssignReplicasToDirsRequestPartitionData);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AssignReplicasToDirsRequestTopicData = {
    topicId,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAssignReplicasToDirsRequestTopicData(w: Writer, o: AssignReplicasToDirsRequestTopicData, v: number): void {
  const flex = true;
  w.uuid(o.topicId);
  writeArray(w, v, true, o.partitions, writeAssignReplicasToDirsRequestPartitionData);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AssignReplicasToDirsRequestDirectoryData {
  /** The ID of the directory Versions 0. */
  id: Uuid;
  /** Versions 0. */
  topics: AssignReplicasToDirsRequestTopicData[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAssignReplicasToDirsRequestDirectoryData(): AssignReplicasToDirsRequestDirectoryData {
  return {
    id: ZERO_UUID,
    topics: [],
  };
}

export function readAssignReplicasToDirsRequestDirectoryData(r: Reader, v: number): AssignReplicasToDirsRequestDirectoryData {
  const flex = true;
  const id = r.uuid();
  const topics = readArray(r, v, true, false, 17, readAssignReplicasToDirsRequestTopicData);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AssignReplicasToDirsRequestDirectoryData = {
    id,
    topics,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAssignReplicasToDirsRequestDirectoryData(w: Writer, o: AssignReplicasToDirsRequestDirectoryData, v: number): void {
  const flex = true;
  w.uuid(o.id);
  writeArray(w, v, true, o.topics, writeAssignReplicasToDirsRequestTopicData);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AssignReplicasToDirsRequest {
  /** The ID of the requesting broker Versions 0; entity: brokerId. */
  brokerId: number;
  /** The epoch of the requesting broker Versions 0. */
  brokerEpoch: bigint;
  /** Versions 0. */
  directories: AssignReplicasToDirsRequestDirectoryData[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAssignReplicasToDirsRequest(): AssignReplicasToDirsRequest {
  return {
    brokerId: 0,
    brokerEpoch: -1n,
    directories: [],
  };
}

export function readAssignReplicasToDirsRequest(r: Reader, v: number): AssignReplicasToDirsRequest {
  const flex = true;
  const brokerId = r.int32();
  const brokerEpoch = r.int64();
  const directories = readArray(r, v, true, false, 17, readAssignReplicasToDirsRequestDirectoryData);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AssignReplicasToDirsRequest = {
    brokerId,
    brokerEpoch,
    directories,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAssignReplicasToDirsRequest(w: Writer, o: AssignReplicasToDirsRequest, v: number): void {
  const flex = true;
  w.int32(o.brokerId);
  w.int64(o.brokerEpoch);
  writeArray(w, v, true, o.directories, writeAssignReplicasToDirsRequestDirectoryData);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AssignReplicasToDirsResponsePartitionData {
  /** The partition index Versions 0. */
  partitionIndex: number;
  /** The partition level error code Versions 0. */
  errorCode: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAssignReplicasToDirsResponsePartitionData(): AssignReplicasToDirsResponsePartitionData {
  return {
    partitionIndex: 0,
    errorCode: 0,
  };
}

export function readAssignReplicasToDirsResponsePartitionData(r: Reader, v: number): AssignReplicasToDirsResponsePartitionData {
  const flex = true;
  const partitionIndex = r.int32();
  const errorCode = r.int16();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AssignReplicasToDirsResponsePartitionData = {
    partitionIndex,
    errorCode,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAssignReplicasToDirsResponsePartitionData(w: Writer, o: AssignReplicasToDirsResponsePartitionData, v: number): void {
  const flex = true;
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AssignReplicasToDirsResponseTopicData {
  /** The ID of the assigned topic Versions 0. */
  topicId: Uuid;
  /** Versions 0. */
  partitions: AssignReplicasToDirsResponsePartitionData[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAssignReplicasToDirsResponseTopicData(): AssignReplicasToDirsResponseTopicData {
  return {
    topicId: ZERO_UUID,
    partitions: [],
  };
}

export function readAssignReplicasToDirsResponseTopicData(r: Reader, v: number): AssignReplicasToDirsResponseTopicData {
  const flex = true;
  const topicId = r.uuid();
  const partitions = readArray(r, v, true, false, 6, readAssignReplicasToDirsResponsePartitionData);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AssignReplicasToDirsResponseTopicData = {
    topicId,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAssignReplicasToDirsResponseTopicData(w: Writer, o: AssignReplicasToDirsResponseTopicData, v: number): void {
  const flex = true;
  w.uuid(o.topicId);
  writeArray(w, v, true, o.partitions, writeAssignReplicasToDirsResponsePartitionData);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AssignReplicasToDirsResponseDirectoryData {
  /** The ID of the directory Versions 0. */
  id: Uuid;
  /** Versions 0. */
  topics: AssignReplicasToDirsResponseTopicData[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAssignReplicasToDirsResponseDirectoryData(): AssignReplicasToDirsResponseDirectoryData {
  return {
    id: ZERO_UUID,
    topics: [],
  };
}

export function readAssignReplicasToDirsResponseDirectoryData(r: Reader, v: number): AssignReplicasToDirsResponseDirectoryData {
  const flex = true;
  const id = r.uuid();
  const topics = readArray(r, v, true, false, 17, readAssignReplicasToDirsResponseTopicData);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AssignReplicasToDirsResponseDirectoryData = {
    id,
    topics,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAssignReplicasToDirsResponseDirectoryData(w: Writer, o: AssignReplicasToDirsResponseDirectoryData, v: number): void {
  const flex = true;
  w.uuid(o.id);
  writeArray(w, v, true, o.topics, writeAssignReplicasToDirsResponseTopicData);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AssignReplicasToDirsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0. */
  throttleTimeMs: number;
  /** The top level response error code Versions 0. */
  errorCode: number;
  /** Versions 0. */
  directories: AssignReplicasToDirsResponseDirectoryData[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAssignReplicasToDirsResponse(): AssignReplicasToDirsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    directories: [],
  };
}

export function readAssignReplicasToDirsResponse(r: Reader, v: number): AssignReplicasToDirsResponse {
  const flex = true;
  const throttleTimeMs = r.int32();
  const errorCode = r.int16();
  const directories = readArray(r, v, true, false, 17, readAssignReplicasToDirsResponseDirectoryData);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AssignReplicasToDirsResponse = {
    throttleTimeMs,
    errorCode,
    directories,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAssignReplicasToDirsResponse(w: Writer, o: AssignReplicasToDirsResponse, v: number): void {
  const flex = true;
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  writeArray(w, v, true, o.directories, writeAssignReplicasToDirsResponseDirectoryData);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
