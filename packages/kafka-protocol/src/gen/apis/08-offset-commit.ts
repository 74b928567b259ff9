// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// OffsetCommit (API key 8): stable versions 0-9, flexible from 8.

import { type Reader, type TaggedField, type Writer, notInVersion, readArray, writeArray } from "../../codec/runtime.js";

export interface OffsetCommitRequestOffsetCommitRequestPartition {
  /** The partition index. Versions 0-9. */
  partitionIndex: number;
  /** The message offset to be committed. Versions 0-9. */
  committedOffset: bigint;
  /** The leader epoch of this partition. Versions 6-9. */
  committedLeaderEpoch: number;
  /** The timestamp of the commit. Versions 1. */
  commitTimestamp: bigint;
  /** Any associated metadata the client wants to keep. Versions 0-9; nullable in 0-9. */
  committedMetadata: string | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetCommitRequestOffsetCommitRequestPartition(): OffsetCommitRequestOffsetCommitRequestPartition {
  return {
    partitionIndex: 0,
    committedOffset: 0n,
    committedLeaderEpoch: -1,
    commitTimestamp: -1n,
    committedMetadata: "",
  };
}

export function readOffsetCommitRequestOffsetCommitRequestPartition(r: Reader, v: number): OffsetCommitRequestOffsetCommitRequestPartition {
  const flex = v >= 8;
  const partitionIndex = r.int32();
  const committedOffset = r.int64();
  const committedLeaderEpoch = (v >= 6 ? r.int32() : -1);
  const commitTimestamp = (v === 1 ? r.int64() : -1n);
  const committedMetadata = (v >= 8 ? r.compactNullableString() : r.nullableString());
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: OffsetCommitRequestOffsetCommitRequestPartition = {
    partitionIndex,
    committedOffset,
    committedLeaderEpoch,
    commitTimestamp,
    committedMetadata,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeOffsetCommitRequestOffsetCommitRequestPartition(w: Writer, o: OffsetCommitRequestOffsetCommitRequestPartition, v: number): void {
  const flex = v >= 8;
  w.int32(o.partitionIndex);
  w.int64(o.committedOffset);
  if (v >= 6) {
    w.int32(o.committedLeaderEpoch);
  }
  if (v === 1) {
    w.int64(o.commitTimestamp);
  } else if (!(v === 1) && o.commitTimestamp !== -1n) {
    throw notInVersion("OffsetCommitRequestOffsetCommitRequestPartition.commitTimestamp", v);
  }
  if (v >= 8) w.compactNullableString(o.committedMetadata); else w.nullableString(o.committedMetadata);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface OffsetCommitRequestOffsetCommitRequestTopic {
  /** The topic name. Versions 0-9; entity: topicName. */
  name: string;
  /** Each partition to commit offsets for. Versions 0-9. */
  partitions: OffsetCommitRequestOffsetCommitRequestPartition[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetCommitRequestOffsetCommitRequestTopic(): OffsetCommitRequestOffsetCommitRequestTopic {
  return {
    name: "",
    partitions: [],
  };
}

export function readOffsetCommitRequestOffsetCommitRequestTopic(r: Reader, v: number): OffsetCommitRequestOffsetCommitRequestTopic {
  const flex = v >= 8;
  const name = (v >= 8 ? r.compactString() : r.string());
  const partitions = readArray(r, v, v >= 8, false, 13, readOffsetCommitRequestOffsetCommitRequestPartition);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: OffsetCommitRequestOffsetCommitRequestTopic = {
    name,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeOffsetCommitRequestOffsetCommitRequestTopic(w: Writer, o: OffsetCommitRequestOffsetCommitRequestTopic, v: number): void {
  const flex = v >= 8;
  if (v >= 8) w.compactString(o.name); else w.string(o.name);
  writeArray(w, v, v >= 8, o.partitions, writeOffsetCommitRequestOffsetCommitRequestPartition);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface OffsetCommitRequest {
  /** The unique group identifier. Versions 0-9; entity: groupId. */
  groupId: string;
  /** The generation of the group if using the classic group protocol or the member epoch if using the consumer protocol. Versions 1-9. */
  generationIdOrMemberEpoch: number;
  /** The member ID assigned by the group coordinator. Versions 1-9. */
  memberId: string;
  /** The unique identifier of the consumer instance provided by end user. Versions 7-9; nullable in 7-9. */
  groupInstanceId: string | null;
  /** The time period in ms to retain the offset. Versions 2-4. */
  retentionTimeMs: bigint;
  /** The topics to commit offsets for. Versions 0-9. */
  topics: OffsetCommitRequestOffsetCommitRequestTopic[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetCommitRequest(): OffsetCommitRequest {
  return {
    groupId: "",
    generationIdOrMemberEpoch: -1,
    memberId: "",
    groupInstanceId: null,
    retentionTimeMs: -1n,
    topics: [],
  };
}

export function readOffsetCommitRequest(r: Reader, v: number): OffsetCommitRequest {
  const flex = v >= 8;
  const groupId = (v >= 8 ? r.compactString() : r.string());
  const generationIdOrMemberEpoch = (v >= 1 ? r.int32() : -1);
  const memberId = (v >= 1 ? (v >= 8 ? r.compactString() : r.string()) : "");
  const groupInstanceId = (v >= 7 ? (v >= 8 ? r.compactNullableString() : r.nullableString()) : null);
  const retentionTimeMs = ((v >= 2 && v <= 4) ? r.int64() : -1n);
  const topics = readArray(r, v, v >= 8, false, 2, readOffsetCommitRequestOffsetCommitRequestTopic);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: OffsetCommitRequest = {
    groupId,
    generationIdOrMemberEpoch,
    memberId,
    groupInstanceId,
    retentionTimeMs,
    topics,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeOffsetCommitRequest(w: Writer, o: OffsetCommitRequest, v: number): void {
  const flex = v >= 8;
  if (v >= 8) w.compactString(o.groupId); else w.string(o.groupId);
  if (v >= 1) {
    w.int32(o.generationIdOrMemberEpoch);
  }
  if (v >= 1) {
    if (v >= 8) w.compactString(o.memberId); else w.string(o.memberId);
  }
  if (v >= 7) {
    if (v >= 8) w.compactNullableString(o.groupInstanceId); else w.nullableString(o.groupInstanceId);
  } else if (!(v >= 7) && o.groupInstanceId !== null) {
    throw notInVersion("OffsetCommitRequest.groupInstanceId", v);
  }
  if ((v >= 2 && v <= 4)) {
    w.int64(o.retentionTimeMs);
  }
  writeArray(w, v, v >= 8, o.topics, writeOffsetCommitRequestOffsetCommitRequestTopic);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface OffsetCommitResponseOffsetCommitResponsePartition {
  /** The partition index. Versions 0-9. */
  partitionIndex: number;
  /** The error code, or 0 if there was no error. Versions 0-9. */
  errorCode: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetCommitResponseOffsetCommitResponsePartition(): OffsetCommitResponseOffsetCommitResponsePartition {
  return {
    partitionIndex: 0,
    errorCode: 0,
  };
}

export function readOffsetCommitResponseOffsetCommitResponsePartition(r: Reader, v: number): OffsetCommitResponseOffsetCommitResponsePartition {
  const flex = v >= 8;
  const partitionIndex = r.int32();
  const errorCode = r.int16();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: OffsetCommitResponseOffsetCommitResponsePartition = {
    partitionIndex,
    errorCode,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeOffsetCommitResponseOffsetCommitResponsePartition(w: Writer, o: OffsetCommitResponseOffsetCommitResponsePartition, v: number): void {
  const flex = v >= 8;
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface OffsetCommitResponseOffsetCommitResponseTopic {
  /** The topic name. Versions 0-9; entity: topicName. */
  name: string;
  /** The responses for each partition in the topic. Versions 0-9. */
  partitions: OffsetCommitResponseOffsetCommitResponsePartition[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetCommitResponseOffsetCommitResponseTopic(): OffsetCommitResponseOffsetCommitResponseTopic {
  return {
    name: "",
    partitions: [],
  };
}

export function readOffsetCommitResponseOffsetCommitResponseTopic(r: Reader, v: number): OffsetCommitResponseOffsetCommitResponseTopic {
  const flex = v >= 8;
  const name = (v >= 8 ? r.compactString() : r.string());
  const partitions = readArray(r, v, v >= 8, false, 6, readOffsetCommitResponseOffsetCommitResponsePartition);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: OffsetCommitResponseOffsetCommitResponseTopic = {
    name,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeOffsetCommitResponseOffsetCommitResponseTopic(w: Writer, o: OffsetCommitResponseOffsetCommitResponseTopic, v: number): void {
  const flex = v >= 8;
  if (v >= 8) w.compactString(o.name); else w.string(o.name);
  writeArray(w, v, v >= 8, o.partitions, writeOffsetCommitResponseOffsetCommitResponsePartition);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface OffsetCommitResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 3-9. */
  throttleTimeMs: number;
  /** The responses for each topic. Versions 0-9. */
  topics: OffsetCommitResponseOffsetCommitResponseTopic[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetCommitResponse(): OffsetCommitResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

export function readOffsetCommitResponse(r: Reader, v: number): OffsetCommitResponse {
  const flex = v >= 8;
  const throttleTimeMs = (v >= 3 ? r.int32() : 0);
  const topics = readArray(r, v, v >= 8, false, 2, readOffsetCommitResponseOffsetCommitResponseTopic);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: OffsetCommitResponse = {
    throttleTimeMs,
    topics,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeOffsetCommitResponse(w: Writer, o: OffsetCommitResponse, v: number): void {
  const flex = v >= 8;
  if (v >= 3) {
    w.int32(o.throttleTimeMs);
  }
  writeArray(w, v, v >= 8, o.topics, writeOffsetCommitResponseOffsetCommitResponseTopic);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
