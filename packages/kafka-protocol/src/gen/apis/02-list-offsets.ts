// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// ListOffsets (API key 2): stable versions 0-10, flexible from 6.

import { type Reader, type TaggedField, type Writer, notInVersion, readArray, readElement_int64, writeArray, writeElement_int64 } from "../../codec/runtime.js";

export interface ListOffsetsRequestListOffsetsPartition {
  /** The partition index. Versions 0-10. */
  partitionIndex: number;
  /** The current leader epoch. Versions 4-10. */
  currentLeaderEpoch: number;
  /** The current timestamp. Versions 0-10. */
  timestamp: bigint;
  /** The maximum number of offsets to report. Versions 0. */
  maxNumOffsets: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultListOffsetsRequestListOffsetsPartition(): ListOffsetsRequestListOffsetsPartition {
  return {
    partitionIndex: 0,
    currentLeaderEpoch: -1,
    timestamp: 0n,
    maxNumOffsets: 1,
  };
}

export function readListOffsetsRequestListOffsetsPartition(r: Reader, v: number): ListOffsetsRequestListOffsetsPartition {
  const flex = v >= 6;
  const partitionIndex = r.int32();
  const currentLeaderEpoch = (v >= 4 ? r.int32() : -1);
  const timestamp = r.int64();
  const maxNumOffsets = (v === 0 ? r.int32() : 1);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ListOffsetsRequestListOffsetsPartition = {
    partitionIndex,
    currentLeaderEpoch,
    timestamp,
    maxNumOffsets,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeListOffsetsRequestListOffsetsPartition(w: Writer, o: ListOffsetsRequestListOffsetsPartition, v: number): void {
  const flex = v >= 6;
  w.int32(o.partitionIndex);
  if (v >= 4) {
    w.int32(o.currentLeaderEpoch);
  }
  w.int64(o.timestamp);
  if (v === 0) {
    w.int32(o.maxNumOffsets);
  } else if (!(v === 0) && o.maxNumOffsets !== 1) {
    throw notInVersion("ListOffsetsRequestListOffsetsPartition.maxNumOffsets", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ListOffsetsRequestListOffsetsTopic {
  /** The topic name. Versions 0-10; entity: topicName. */
  name: string;
  /** Each partition in the request. Versions 0-10. */
  partitions: ListOffsetsRequestListOffsetsPartition[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultListOffsetsRequestListOffsetsTopic(): ListOffsetsRequestListOffsetsTopic {
  return {
    name: "",
    partitions: [],
  };
}

export function readListOffsetsRequestListOffsetsTopic(r: Reader, v: number): ListOffsetsRequestListOffsetsTopic {
  const flex = v >= 6;
  const name = (v >= 6 ? r.compactString() : r.string());
  const partitions = readArray(r, v, v >= 6, false, 12, readListOffsetsRequestListOffsetsPartition);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ListOffsetsRequestListOffsetsTopic = {
    name,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeListOffsetsRequestListOffsetsTopic(w: Writer, o: ListOffsetsRequestListOffsetsTopic, v: number): void {
  const flex = v >= 6;
  if (v >= 6) w.compactString(o.name); else w.string(o.name);
  writeArray(w, v, v >= 6, o.partitions, writeListOffsetsRequestListOffsetsPartition);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ListOffsetsRequest {
  /** The broker ID of the requester, or -1 if this request is being made by a normal consumer. Versions 0-10; entity: brokerId. */
  replicaId: number;
  /** This setting controls the visibility of transactional records. Using READ_UNCOMMITTED (isolation_level = 0) makes all records visible. With READ_COMMITTED (isolation_level = 1), non-transactional and COMMITTED transactional records are visible. To be more concrete, READ_COMMITTED returns all data from offsets smaller than the current LSO (last stable offset), and enables the inclusion of the list of aborted transactions in the result, which allows consumers to discard ABORTED transactional records Versions 2-10. */
  isolationLevel: number;
  /** Each topic in the request. Versions 0-10. */
  topics: ListOffsetsRequestListOffsetsTopic[];
  /** The timeout to await a response in milliseconds for requests that require reading from remote storage for topics enabled with tiered storage. Versions 10. */
  timeoutMs: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultListOffsetsRequest(): ListOffsetsRequest {
  return {
    replicaId: 0,
    isolationLevel: 0,
    topics: [],
    timeoutMs: 0,
  };
}

export function readListOffsetsRequest(r: Reader, v: number): ListOffsetsRequest {
  const flex = v >= 6;
  const replicaId = r.int32();
  const isolationLevel = (v >= 2 ? r.int8() : 0);
  const topics = readArray(r, v, v >= 6, false, 2, readListOffsetsRequestListOffsetsTopic);
  const timeoutMs = (v === 10 ? r.int32() : 0);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ListOffsetsRequest = {
    replicaId,
    isolationLevel,
    topics,
    timeoutMs,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeListOffsetsRequest(w: Writer, o: ListOffsetsRequest, v: number): void {
  const flex = v >= 6;
  w.int32(o.replicaId);
  if (v >= 2) {
    w.int8(o.isolationLevel);
  } else if (!(v >= 2) && o.isolationLevel !== 0) {
    throw notInVersion("ListOffsetsRequest.isolationLevel", v);
  }
  writeArray(w, v, v >= 6, o.topics, writeListOffsetsRequestListOffsetsTopic);
  if (v === 10) {
    w.int32(o.timeoutMs);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ListOffsetsResponseListOffsetsPartitionResponse {
  /** The partition index. Versions 0-10. */
  partitionIndex: number;
  /** The partition error code, or 0 if there was no error. Versions 0-10. */
  errorCode: number;
  /** The result offsets. Versions 0. */
  oldStyleOffsets: bigint[];
  /** The timestamp associated with the returned offset. Versions 1-10. */
  timestamp: bigint;
  /** The returned offset. Versions 1-10. */
  offset: bigint;
  /** Versions 4-10. */
  leaderEpoch: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultListOffsetsResponseListOffsetsPartitionResponse(): ListOffsetsResponseListOffsetsPartitionResponse {
  return {
    partitionIndex: 0,
    errorCode: 0,
    oldStyleOffsets: [],
    timestamp: -1n,
    offset: -1n,
    leaderEpoch: -1,
  };
}

export function readListOffsetsResponseListOffsetsPartitionResponse(r: Reader, v: number): ListOffsetsResponseListOffsetsPartitionResponse {
  const flex = v >= 6;
  const partitionIndex = r.int32();
  const errorCode = r.int16();
  const oldStyleOffsets = (v === 0 ? readArray(r, v, false, false, 8, readElement_int64) : []);
  const timestamp = (v >= 1 ? r.int64() : -1n);
  const offset = (v >= 1 ? r.int64() : -1n);
  const leaderEpoch = (v >= 4 ? r.int32() : -1);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ListOffsetsResponseListOffsetsPartitionResponse = {
    partitionIndex,
    errorCode,
    oldStyleOffsets,
    timestamp,
    offset,
    leaderEpoch,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeListOffsetsResponseListOffsetsPartitionResponse(w: Writer, o: ListOffsetsResponseListOffsetsPartitionResponse, v: number): void {
  const flex = v >= 6;
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
  if (v === 0) {
    writeArray(w, v, false, o.oldStyleOffsets, writeElement_int64);
  } else if (!(v === 0) && o.oldStyleOffsets !== null && o.oldStyleOffsets.length > 0) {
    throw notInVersion("ListOffsetsResponseListOffsetsPartitionResponse.oldStyleOffsets", v);
  }
  if (v >= 1) {
    w.int64(o.timestamp);
  } else if (!(v >= 1) && o.timestamp !== -1n) {
    throw notInVersion("ListOffsetsResponseListOffsetsPartitionResponse.timestamp", v);
  }
  if (v >= 1) {
    w.int64(o.offset);
  } else if (!(v >= 1) && o.offset !== -1n) {
    throw notInVersion("ListOffsetsResponseListOffsetsPartitionResponse.offset", v);
  }
  if (v >= 4) {
    w.int32(o.leaderEpoch);
  } else if (!(v >= 4) && o.leaderEpoch !== -1) {
    throw notInVersion("ListOffsetsResponseListOffsetsPartitionResponse.leaderEpoch", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ListOffsetsResponseListOffsetsTopicResponse {
  /** The topic name Versions 0-10; entity: topicName. */
  name: string;
  /** Each partition in the response. Versions 0-10. */
  partitions: ListOffsetsResponseListOffsetsPartitionResponse[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultListOffsetsResponseListOffsetsTopicResponse(): ListOffsetsResponseListOffsetsTopicResponse {
  return {
    name: "",
    partitions: [],
  };
}

export function readListOffsetsResponseListOffsetsTopicResponse(r: Reader, v: number): ListOffsetsResponseListOffsetsTopicResponse {
  const flex = v >= 6;
  const name = (v >= 6 ? r.compactString() : r.string());
  const partitions = readArray(r, v, v >= 6, false, 7, readListOffsetsResponseListOffsetsPartitionResponse);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ListOffsetsResponseListOffsetsTopicResponse = {
    name,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeListOffsetsResponseListOffsetsTopicResponse(w: Writer, o: ListOffsetsResponseListOffsetsTopicResponse, v: number): void {
  const flex = v >= 6;
  if (v >= 6) w.compactString(o.name); else w.string(o.name);
  writeArray(w, v, v >= 6, o.partitions, writeListOffsetsResponseListOffsetsPartitionResponse);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ListOffsetsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 2-10. */
  throttleTimeMs: number;
  /** Each topic in the response. Versions 0-10. */
  topics: ListOffsetsResponseListOffsetsTopicResponse[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultListOffsetsResponse(): ListOffsetsResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

export function readListOffsetsResponse(r: Reader, v: number): ListOffsetsResponse {
  const flex = v >= 6;
  const throttleTimeMs = (v >= 2 ? r.int32() : 0);
  const topics = readArray(r, v, v >= 6, false, 2, readListOffsetsResponseListOffsetsTopicResponse);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ListOffsetsResponse = {
    throttleTimeMs,
    topics,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeListOffsetsResponse(w: Writer, o: ListOffsetsResponse, v: number): void {
  const flex = v >= 6;
  if (v >= 2) {
    w.int32(o.throttleTimeMs);
  }
  writeArray(w, v, v >= 6, o.topics, writeListOffsetsResponseListOffsetsTopicResponse);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
