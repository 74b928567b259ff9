// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// OffsetFetch (API key 9): stable versions 0-9, flexible from 6.

import { type Reader, type TaggedField, type Writer, notInVersion, notNullable, readArray, readElement_int32, writeArray, writeElement_int32 } from "../../codec/runtime.js";

export interface OffsetFetchRequestOffsetFetchRequestTopic {
  /** The topic name. Versions 0-7; entity: topicName. */
  name: string;
  /** The partition indexes we would like to fetch offsets for. Versions 0-7. */
  partitionIndexes: number[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetFetchRequestOffsetFetchRequestTopic(): OffsetFetchRequestOffsetFetchRequestTopic {
  return {
    name: "",
    partitionIndexes: [],
  };
}

export function readOffsetFetchRequestOffsetFetchRequestTopic(r: Reader, v: number): OffsetFetchRequestOffsetFetchRequestTopic {
  const flex = v >= 6;
  const name = (v <= 7 ? (v >= 6 ? r.compactString() : r.string()) : "");
  const partitionIndexes = (v <= 7 ? readArray(r, v, v >= 6, false, 4, readElement_int32) : []);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: OffsetFetchRequestOffsetFetchRequestTopic = {
    name,
    partitionIndexes,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeOffsetFetchRequestOffsetFetchRequestTopic(w: Writer, o: OffsetFetchRequestOffsetFetchRequestTopic, v: number): void {
  const flex = v >= 6;
  if (v <= 7) {
    if (v >= 6) w.compactString(o.name); else w.string(o.name);
  } else if (!(v <= 7) && o.name !== "") {
    throw notInVersion("OffsetFetchRequestOffsetFetchRequestTopic.name", v);
  }
  if (v <= 7) {
    writeArray(w, v, v >= 6, o.partitionIndexes, writeElement_int32);
  } else if (!(v <= 7) && o.partitionIndexes !== null && o.partitionIndexes.length > 0) {
    throw notInVersion("OffsetFetchRequestOffsetFetchRequestTopic.partitionIndexes", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface OffsetFetchRequestOffsetFetchRequestTopics {
  /** The topic name. Versions 8-9; entity: topicName. */
  name: string;
  /** The partition indexes we would like to fetch offsets for. Versions 8-9. */
  partitionIndexes: number[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetFetchRequestOffsetFetchRequestTopics(): OffsetFetchRequestOffsetFetchRequestTopics {
  return {
    name: "",
    partitionIndexes: [],
  };
}

export function readOffsetFetchRequestOffsetFetchRequestTopics(r: Reader, v: number): OffsetFetchRequestOffsetFetchRequestTopics {
  const flex = v >= 6;
  const name = (v >= 8 ? r.compactString() : "");
  const partitionIndexes = (v >= 8 ? readArray(r, v, true, false, 4, readElement_int32) : []);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: OffsetFetchRequestOffsetFetchRequestTopics = {
    name,
    partitionIndexes,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeOffsetFetchRequestOffsetFetchRequestTopics(w: Writer, o: OffsetFetchRequestOffsetFetchRequestTopics, v: number): void {
  const flex = v >= 6;
  if (v >= 8) {
    w.compactString(o.name);
  } else if (!(v >= 8) && o.name !== "") {
    throw notInVersion("OffsetFetchRequestOffsetFetchRequestTopics.name", v);
  }
  if (v >= 8) {
    writeArray(w, v, true, o.partitionIndexes, writeElement_int32);
  } else if (!(v >= 8) && o.partitionIndexes !== null && o.partitionIndexes.length > 0) {
    throw notInVersion("OffsetFetchRequestOffsetFetchRequestTopics.partitionIndexes", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface OffsetFetchRequestOffsetFetchRequestGroup {
  /** The group ID. Versions 8-9; entity: groupId. */
  groupId: string;
  /** The member ID assigned by the group coordinator if using the new consumer protocol (KIP-848). Versions 9; nullable in 9. */
  memberId: string | null;
  /** The member epoch if using the new consumer protocol (KIP-848). Versions 9. */
  memberEpoch: number;
  /** Each topic we would like to fetch offsets for, or null to fetch offsets for all topics. Versions 8-9; nullable in 8-9. */
  topics: OffsetFetchRequestOffsetFetchRequestTopics[] | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetFetchRequestOffsetFetchRequestGroup(): OffsetFetchRequestOffsetFetchRequestGroup {
  return {
    groupId: "",
    memberId: null,
    memberEpoch: -1,
    topics: [],
  };
}

export function readOffsetFetchRequestOffsetFetchRequestGroup(r: Reader, v: number): OffsetFetchRequestOffsetFetchRequestGroup {
  const flex = v >= 6;
  const groupId = (v >= 8 ? r.compactString() : "");
  const memberId = (v === 9 ? r.compactNullableString() : null);
  const memberEpoch = (v === 9 ? r.int32() : -1);
  const topics = (v >= 8 ? readArray(r, v, true, true, 2, readOffsetFetchRequestOffsetFetchRequestTopics) : []);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: OffsetFetchRequestOffsetFetchRequestGroup = {
    groupId,
    memberId,
    memberEpoch,
    topics,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeOffsetFetchRequestOffsetFetchRequestGroup(w: Writer, o: OffsetFetchRequestOffsetFetchRequestGroup, v: number): void {
  const flex = v >= 6;
  if (v >= 8) {
    w.compactString(o.groupId);
  } else if (!(v >= 8) && o.groupId !== "") {
    throw notInVersion("OffsetFetchRequestOffsetFetchRequestGroup.groupId", v);
  }
  if (v === 9) {
    w.compactNullableString(o.memberId);
  }
  if (v === 9) {
    w.int32(o.memberEpoch);
  }
  if (v >= 8) {
    writeArray(w, v, true, o.topics, writeOffsetFetchRequestOffsetFetchRequestTopics);
  } else if (!(v >= 8) && o.topics !== null && o.topics.length > 0) {
    throw notInVersion("OffsetFetchRequestOffsetFetchRequestGroup.topics", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface OffsetFetchRequest {
  /** The group to fetch offsets for. Versions 0-7; entity: groupId. */
  groupId: string;
  /** Each topic we would like to fetch offsets for, or null to fetch offsets for all topics. Versions 0-7; nullable in 2-7. */
  topics: OffsetFetchRequestOffsetFetchRequestTopic[] | null;
  /** Each group we would like to fetch offsets for Versions 8-9. */
  groups: OffsetFetchRequestOffsetFetchRequestGroup[];
  /** Whether broker should hold on returning unstable offsets but set a retriable error code for the partitions. Versions 7-9. */
  requireStable: boolean;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetFetchRequest(): OffsetFetchRequest {
  return {
    groupId: "",
    topics: [],
    groups: [],
    requireStable: false,
  };
}

export function readOffsetFetchRequest(r: Reader, v: number): OffsetFetchRequest {
  const flex = v >= 6;
  const groupId = (v <= 7 ? (v >= 6 ? r.compactString() : r.string()) : "");
  const topics = (v <= 7 ? readArray(r, v, v >= 6, v >= 2, 2, readOffsetFetchRequestOffsetFetchRequestTopic) : []);
  const groups = (v >= 8 ? readArray(r, v, true, false, 2, readOffsetFetchRequestOffsetFetchRequestGroup) : []);
  const requireStable = (v >= 7 ? r.bool() : false);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: OffsetFetchRequest = {
    groupId,
    topics,
    groups,
    requireStable,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeOffsetFetchRequest(w: Writer, o: OffsetFetchRequest, v: number): void {
  const flex = v >= 6;
  if (v <= 7) {
    if (v >= 6) w.compactString(o.groupId); else w.string(o.groupId);
  } else if (!(v <= 7) && o.groupId !== "") {
    throw notInVersion("OffsetFetchRequest.groupId", v);
  }
  if (v <= 7) {
    if (o.topics === null && !(v >= 2)) throw notNullable("OffsetFetchRequest.topics", v);
    writeArray(w, v, v >= 6, o.topics, writeOffsetFetchRequestOffsetFetchRequestTopic);
  } else if (!(v <= 7) && o.topics !== null && o.topics.length > 0) {
    throw notInVersion("OffsetFetchRequest.topics", v);
  }
  if (v >= 8) {
    writeArray(w, v, true, o.groups, writeOffsetFetchRequestOffsetFetchRequestGroup);
  } else if (!(v >= 8) && o.groups !== null && o.groups.length > 0) {
    throw notInVersion("OffsetFetchRequest.groups", v);
  }
  if (v >= 7) {
    w.bool(o.requireStable);
  } else if (!(v >= 7) && o.requireStable !== false) {
    throw notInVersion("OffsetFetchRequest.requireStable", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface OffsetFetchResponseOffsetFetchResponsePartition {
  /** The partition index. Versions 0-7. */
  partitionIndex: number;
  /** The committed message offset. Versions 0-7. */
  committedOffset: bigint;
  /** The leader epoch. Versions 5-7. */
  committedLeaderEpoch: number;
  /** The partition metadata. Versions 0-7; nullable in 0-7. */
  metadata: string | null;
  /** The error code, or 0 if there was no error. Versions 0-7. */
  errorCode: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetFetchResponseOffsetFetchResponsePartition(): OffsetFetchResponseOffsetFetchResponsePartition {
  return {
    partitionIndex: 0,
    committedOffset: 0n,
    committedLeaderEpoch: -1,
    metadata: "",
    errorCode: 0,
  };
}

export function readOffsetFetchResponseOffsetFetchResponsePartition(r: Reader, v: number): OffsetFetchResponseOffsetFetchResponsePartition {
  const flex = v >= 6;
  const partitionIndex = (v <= 7 ? r.int32() : 0);
  const committedOffset = (v <= 7 ? r.int64() : 0n);
  const committedLeaderEpoch = ((v >= 5 && v <= 7) ? r.int32() : -1);
  const metadata = (v <= 7 ? (v >= 6 ? r.compactNullableString() : r.nullableString()) : "");
  const errorCode = (v <= 7 ? r.int16() : 0);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: OffsetFetchResponseOffsetFetchResponsePartition = {
    partitionIndex,
    committedOffset,
    committedLeaderEpoch,
    metadata,
    errorCode,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeOffsetFetchResponseOffsetFetchResponsePartition(w: Writer, o: OffsetFetchResponseOffsetFetchResponsePartition, v: number): void {
  const flex = v >= 6;
  if (v <= 7) {
    w.int32(o.partitionIndex);
  } else if (!(v <= 7) && o.partitionIndex !== 0) {
    throw notInVersion("OffsetFetchResponseOffsetFetchResponsePartition.partitionIndex", v);
  }
  if (v <= 7) {
    w.int64(o.committedOffset);
  } else if (!(v <= 7) && o.committedOffset !== 0n) {
    throw notInVersion("OffsetFetchResponseOffsetFetchResponsePartition.committedOffset", v);
  }
  if ((v >= 5 && v <= 7)) {
    w.int32(o.committedLeaderEpoch);
  }
  if (v <= 7) {
    if (v >= 6) w.compactNullableString(o.metadata); else w.nullableString(o.metadata);
  } else if (!(v <= 7) && o.metadata !== "") {
    throw notInVersion("OffsetFetchResponseOffsetFetchResponsePartition.metadata", v);
  }
  if (v <= 7) {
    w.int16(o.errorCode);
  } else if (!(v <= 7) && o.errorCode !== 0) {
    throw notInVersion("OffsetFetchResponseOffsetFetchResponsePartition.errorCode", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface OffsetFetchResponseOffsetFetchResponseTopic {
  /** The topic name. Versions 0-7; entity: topicName. */
  name: string;
  /** The responses per partition Versions 0-7. */
  partitions: OffsetFetchResponseOffsetFetchResponsePartition[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetFetchResponseOffsetFetchResponseTopic(): OffsetFetchResponseOffsetFetchResponseTopic {
  return {
    name: "",
    partitions: [],
  };
}

export function readOffsetFetchResponseOffsetFetchResponseTopic(r: Reader, v: number): OffsetFetchResponseOffsetFetchResponseTopic {
  const flex = v >= 6;
  const name = (v <= 7 ? (v >= 6 ? r.compactString() : r.string()) : "");
  const partitions = (v <= 7 ? readArray(r, v, v >= 6, false, 15, readOffsetFetchResponseOffsetFetchResponsePartition) : []);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: OffsetFetchResponseOffsetFetchResponseTopic = {
    name,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeOffsetFetchResponseOffsetFetchResponseTopic(w: Writer, o: OffsetFetchResponseOffsetFetchResponseTopic, v: number): void {
  const flex = v >= 6;
  if (v <= 7) {
    if (v >= 6) w.compactString(o.name); else w.string(o.name);
  } else if (!(v <= 7) && o.name !== "") {
    throw notInVersion("OffsetFetchResponseOffsetFetchResponseTopic.name", v);
  }
  if (v <= 7) {
    writeArray(w, v, v >= 6, o.partitions, writeOffsetFetchResponseOffsetFetchResponsePartition);
  } else if (!(v <= 7) && o.partitions !== null && o.partitions.length > 0) {
    throw notInVersion("OffsetFetchResponseOffsetFetchResponseTopic.partitions", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface OffsetFetchResponseOffsetFetchResponsePartitions {
  /** The partition index. Versions 8-9. */
  partitionIndex: number;
  /** The committed message offset. Versions 8-9. */
  committedOffset: bigint;
  /** The leader epoch. Versions 8-9. */
  committedLeaderEpoch: number;
  /** The partition metadata. Versions 8-9; nullable in 8-9. */
  metadata: string | null;
  /** The partition-level error code, or 0 if there was no error. Versions 8-9. */
  errorCode: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetFetchResponseOffsetFetchResponsePartitions(): OffsetFetchResponseOffsetFetchResponsePartitions {
  return {
    partitionIndex: 0,
    committedOffset: 0n,
    committedLeaderEpoch: -1,
    metadata: "",
    errorCode: 0,
  };
}

export function readOffsetFetchResponseOffsetFetchResponsePartitions(r: Reader, v: number): OffsetFetchResponseOffsetFetchResponsePartitions {
  const flex = v >= 6;
  const partitionIndex = (v >= 8 ? r.int32() : 0);
  const committedOffset = (v >= 8 ? r.int64() : 0n);
  const committedLeaderEpoch = (v >= 8 ? r.int32() : -1);
  const metadata = (v >= 8 ? r.compactNullableString() : "");
  const errorCode = (v >= 8 ? r.int16() : 0);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: OffsetFetchResponseOffsetFetchResponsePartitions = {
    partitionIndex,
    committedOffset,
    committedLeaderEpoch,
    metadata,
    errorCode,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeOffsetFetchResponseOffsetFetchResponsePartitions(w: Writer, o: OffsetFetchResponseOffsetFetchResponsePartitions, v: number): void {
  const flex = v >= 6;
  if (v >= 8) {
    w.int32(o.partitionIndex);
  } else if (!(v >= 8) && o.partitionIndex !== 0) {
    throw notInVersion("OffsetFetchResponseOffsetFetchResponsePartitions.partitionIndex", v);
  }
  if (v >= 8) {
    w.int64(o.committedOffset);
  } else if (!(v >= 8) && o.committedOffset !== 0n) {
    throw notInVersion("OffsetFetchResponseOffsetFetchResponsePartitions.committedOffset", v);
  }
  if (v >= 8) {
    w.int32(o.committedLeaderEpoch);
  }
  if (v >= 8) {
    w.compactNullableString(o.metadata);
  } else if (!(v >= 8) && o.metadata !== "") {
    throw notInVersion("OffsetFetchResponseOffsetFetchResponsePartitions.metadata", v);
  }
  if (v >= 8) {
    w.int16(o.errorCode);
  } else if (!(v >= 8) && o.errorCode !== 0) {
    throw notInVersion("OffsetFetchResponseOffsetFetchResponsePartitions.errorCode", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface OffsetFetchResponseOffsetFetchResponseTopics {
  /** The topic name. Versions 8-9; entity: topicName. */
  name: string;
  /** The responses per partition Versions 8-9. */
  partitions: OffsetFetchResponseOffsetFetchResponsePartitions[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetFetchResponseOffsetFetchResponseTopics(): OffsetFetchResponseOffsetFetchResponseTopics {
  return {
    name: "",
    partitions: [],
  };
}

export function readOffsetFetchResponseOffsetFetchResponseTopics(r: Reader, v: number): OffsetFetchResponseOffsetFetchResponseTopics {
  const flex = v >= 6;
  const name = (v >= 8 ? r.compactString() : "");
  const partitions = (v >= 8 ? readArray(r, v, true, false, 19, readOffsetFetchResponseOffsetFetchResponsePartitions) : []);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: OffsetFetchResponseOffsetFetchResponseTopics = {
    name,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeOffsetFetchResponseOffsetFetchResponseTopics(w: Writer, o: OffsetFetchResponseOffsetFetchResponseTopics, v: number): void {
  const flex = v >= 6;
  if (v >= 8) {
    w.compactString(o.name);
  } else if (!(v >= 8) && o.name !== "") {
    throw notInVersion("OffsetFetchResponseOffsetFetchResponseTopics.name", v);
  }
  if (v >= 8) {
    writeArray(w, v, true, o.partitions, writeOffsetFetchResponseOffsetFetchResponsePartitions);
  } else if (!(v >= 8) && o.partitions !== null && o.partitions.length > 0) {
    throw notInVersion("OffsetFetchResponseOffsetFetchResponseTopics.partitions", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface OffsetFetchResponseOffsetFetchResponseGroup {
  /** The group ID. Versions 8-9; entity: groupId. */
  groupId: string;
  /** The responses per topic. Versions 8-9. */
  topics: OffsetFetchResponseOffsetFetchResponseTopics[];
  /** The group-level error code, or 0 if there was no error. Versions 8-9. */
  errorCode: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetFetchResponseOffsetFetchResponseGroup(): OffsetFetchResponseOffsetFetchResponseGroup {
  return {
    groupId: "",
    topics: [],
    errorCode: 0,
  };
}

export function readOffsetFetchResponseOffsetFetchResponseGroup(r: Reader, v: number): OffsetFetchResponseOffsetFetchResponseGroup {
  const flex = v >= 6;
  const groupId = (v >= 8 ? r.compactString() : "");
  const topics = (v >= 8 ? readArray(r, v, true, false, 2, readOffsetFetchResponseOffsetFetchResponseTopics) : []);
  const errorCode = (v >= 8 ? r.int16() : 0);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: OffsetFetchResponseOffsetFetchResponseGroup = {
    groupId,
    topics,
    errorCode,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeOffsetFetchResponseOffsetFetchResponseGroup(w: Writer, o: OffsetFetchResponseOffsetFetchResponseGroup, v: number): void {
  const flex = v >= 6;
  if (v >= 8) {
    w.compactString(o.groupId);
  } else if (!(v >= 8) && o.groupId !== "") {
    throw notInVersion("OffsetFetchResponseOffsetFetchResponseGroup.groupId", v);
  }
  if (v >= 8) {
    writeArray(w, v, true, o.topics, writeOffsetFetchResponseOffsetFetchResponseTopics);
  } else if (!(v >= 8) && o.topics !== null && o.topics.length > 0) {
    throw notInVersion("OffsetFetchResponseOffsetFetchResponseGroup.topics", v);
  }
  if (v >= 8) {
    w.int16(o.errorCode);
  } else if (!(v >= 8) && o.errorCode !== 0) {
    throw notInVersion("OffsetFetchResponseOffsetFetchResponseGroup.errorCode", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface OffsetFetchResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 3-9. */
  throttleTimeMs: number;
  /** The responses per topic. Versions 0-7. */
  topics: OffsetFetchResponseOffsetFetchResponseTopic[];
  /** The top-level error code, or 0 if there was no error. Versions 2-7. */
  errorCode: number;
  /** The responses per group id. Versions 8-9. */
  groups: OffsetFetchResponseOffsetFetchResponseGroup[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetFetchResponse(): OffsetFetchResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
    errorCode: 0,
    groups: [],
  };
}

export function readOffsetFetchResponse(r: Reader, v: number): OffsetFetchResponse {
  const flex = v >= 6;
  const throttleTimeMs = (v >= 3 ? r.int32() : 0);
  const topics = (v <= 7 ? readArray(r, v, v >= 6, false, 2, readOffsetFetchResponseOffsetFetchResponseTopic) : []);
  const errorCode = ((v >= 2 && v <= 7) ? r.int16() : 0);
  const groups = (v >= 8 ? readArray(r, v, true, false, 4, readOffsetFetchResponseOffsetFetchResponseGroup) : []);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: OffsetFetchResponse = {
    throttleTimeMs,
    topics,
    errorCode,
    groups,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeOffsetFetchResponse(w: Writer, o: OffsetFetchResponse, v: number): void {
  const flex = v >= 6;
  if (v >= 3) {
    w.int32(o.throttleTimeMs);
  }
  if (v <= 7) {
    writeArray(w, v, v >= 6, o.topics, writeOffsetFetchResponseOffsetFetchResponseTopic);
  } else if (!(v <= 7) && o.topics !== null && o.topics.length > 0) {
    throw notInVersion("OffsetFetchResponse.topics", v);
  }
  if ((v >= 2 && v <= 7)) {
    w.int16(o.errorCode);
  }
  if (v >= 8) {
    writeArray(w, v, true, o.groups, writeOffsetFetchResponseOffsetFetchResponseGroup);
  } else if (!(v >= 8) && o.groups !== null && o.groups.length > 0) {
    throw notInVersion("OffsetFetchResponse.groups", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
