// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// Vote (API key 52): stable versions 0-1, flexible from 0.

import { type Reader, type TaggedField, type Uuid, type Writer, ZERO_UUID, notInVersion, readArray, sortedTaggedFields, writeArray } from "../../codec/runtime.js";

export interface VoteRequestPartitionData {
  /** The partition index. Versions 0-1. */
  partitionIndex: number;
  /** The bumped epoch of the candidate sending the request Versions 0-1. */
  candidateEpoch: number;
  /** The replica id of the voter sending the request Versions 0-1; entity: brokerId. */
  candidateId: number;
  /** The directory id of the voter sending the request Versions 1. */
  candidateDirectoryId: Uuid;
  /** The ID of the voter sending the request Versions 1. */
  voterDirectoryId: Uuid;
  /** The epoch of the last record written to the metadata log Versions 0-1. */
  lastOffsetEpoch: number;
  /** The offset of the last record written to the metadata log Versions 0-1. */
  lastOffset: bigint;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultVoteRequestPartitionData(): VoteRequestPartitionData {
  return {
    partitionIndex: 0,
    candidateEpoch: 0,
    candidateId: 0,
    candidateDirectoryId: ZERO_UUID,
    voterDirectoryId: ZERO_UUID,
    lastOffsetEpoch: 0,
    lastOffset: 0n,
  };
}

export function readVoteRequestPartitionData(r: Reader, v: number): VoteRequestPartitionData {
  const flex = true;
  const partitionIndex = r.int32();
  const candidateEpoch = r.int32();
  const candidateId = r.int32();
  const candidateDirectoryId = (v === 1 ? r.uuid() : ZERO_UUID);
  const voterDirectoryId = (v === 1 ? r.uuid() : ZERO_UUID);
  const lastOffsetEpoch = r.int32();
  const lastOffset = r.int64();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: VoteRequestPartitionData = {
    partitionIndex,
    candidateEpoch,
    candidateId,
    candidateDirectoryId,
    voterDirectoryId,
    lastOffsetEpoch,
    lastOffset,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeVoteRequestPartitionData(w: Writer, o: VoteRequestPartitionData, v: number): void {
  const flex = true;
  w.int32(o.partitionIndex);
  w.int32(o.candidateEpoch);
  w.int32(o.candidateId);
  if (v === 1) {
    w.uuid(o.candidateDirectoryId);
  }
  if (v === 1) {
    w.uuid(o.voterDirectoryId);
  }
  w.int32(o.lastOffsetEpoch);
  w.int64(o.lastOffset);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface VoteRequestTopicData {
  /** The topic name. Versions 0-1; entity: topicName. */
  topicName: string;
  /** Versions 0-1. */
  partitions: VoteRequestPartitionData[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultVoteRequestTopicData(): VoteRequestTopicData {
  return {
    topicName: "",
    partitions: [],
  };
}

export function readVoteRequestTopicData(r: Reader, v: number): VoteRequestTopicData {
  const flex = true;
  const topicName = r.compactString();
  const partitions = readArray(r, v, true, false, 24, readVoteRequestPartitionData);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: VoteRequestTopicData = {
    topicName,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeVoteRequestTopicData(w: Writer, o: VoteRequestTopicData, v: number): void {
  const flex = true;
  w.compactString(o.topicName);
  writeArray(w, v, true, o.partitions, writeVoteRequestPartitionData);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface VoteRequest {
  /** Versions 0-1; nullable in 0-1. */
  clusterId: string | null;
  /** The replica id of the voter receiving the request Versions 1; entity: brokerId. */
  voterId: number;
  /** Versions 0-1. */
  topics: VoteRequestTopicData[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultVoteRequest(): VoteRequest {
  return {
    clusterId: null,
    voterId: -1,
    topics: [],
  };
}

export function readVoteRequest(r: Reader, v: number): VoteRequest {
  const flex = true;
  const clusterId = r.compactNullableString();
  const voterId = (v === 1 ? r.int32() : -1);
  const topics = readArray(r, v, true, false, 2, readVoteRequestTopicData);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: VoteRequest = {
    clusterId,
    voterId,
    topics,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeVoteRequest(w: Writer, o: VoteRequest, v: number): void {
  const flex = true;
  w.compactNullableString(o.clusterId);
  if (v === 1) {
    w.int32(o.voterId);
  }
  writeArray(w, v, true, o.topics, writeVoteRequestTopicData);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface VoteResponsePartitionData {
  /** The partition index. Versions 0-1. */
  partitionIndex: number;
  /** Versions 0-1. */
  errorCode: number;
  /** The ID of the current leader or -1 if the leader is unknown. Versions 0-1; entity: brokerId. */
  leaderId: number;
  /** The latest known leader epoch Versions 0-1. */
  leaderEpoch: number;
  /** True if the vote was granted and false otherwise Versions 0-1. */
  voteGranted: boolean;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultVoteResponsePartitionData(): VoteResponsePartitionData {
  return {
    partitionIndex: 0,
    errorCode: 0,
    leaderId: 0,
    leaderEpoch: 0,
    voteGranted: false,
  };
}

export function readVoteResponsePartitionData(r: Reader, v: number): VoteResponsePartitionData {
  const flex = true;
  const partitionIndex = r.int32();
  const errorCode = r.int16();
  const leaderId = r.int32();
  const leaderEpoch = r.int32();
  const voteGranted = r.bool();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: VoteResponsePartitionData = {
    partitionIndex,
    errorCode,
    leaderId,
    leaderEpoch,
    voteGranted,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeVoteResponsePartitionData(w: Writer, o: VoteResponsePartitionData, v: number): void {
  const flex = true;
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
  w.int32(o.leaderId);
  w.int32(o.leaderEpoch);
  w.bool(o.voteGranted);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface VoteResponseTopicData {
  /** The topic name. Versions 0-1; entity: topicName. */
  topicName: string;
  /** Versions 0-1. */
  partitions: VoteResponsePartitionData[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultVoteResponseTopicData(): VoteResponseTopicData {
  return {
    topicName: "",
    partitions: [],
  };
}

export function readVoteResponseTopicData(r: Reader, v: number): VoteResponseTopicData {
  const flex = true;
  const topicName = r.compactString();
  const partitions = readArray(r, v, true, false, 15, readVoteResponsePartitionData);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: VoteResponseTopicData = {
    topicName,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeVoteResponseTopicData(w: Writer, o: VoteResponseTopicData, v: number): void {
  const flex = true;
  w.compactString(o.topicName);
  writeArray(w, v, true, o.partitions, writeVoteResponsePartitionData);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface VoteResponseNodeEndpoint {
  /** The ID of the associated node Versions 1; map key; entity: brokerId. */
  nodeId: number;
  /** The node's hostname Versions 1. */
  host: string;
  /** The node's port Versions 1. */
  port: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultVoteResponseNodeEndpoint(): VoteResponseNodeEndpoint {
  return {
    nodeId: 0,
    host: "",
    port: 0,
  };
}

export function readVoteResponseNodeEndpoint(r: Reader, v: number): VoteResponseNodeEndpoint {
  const flex = true;
  const nodeId = (v === 1 ? r.int32() : 0);
  const host = (v === 1 ? r.compactString() : "");
  const port = (v === 1 ? r.uint16() : 0);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: VoteResponseNodeEndpoint = {
    nodeId,
    host,
    port,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeVoteResponseNodeEndpoint(w: Writer, o: VoteResponseNodeEndpoint, v: number): void {
  const flex = true;
  if (v === 1) {
    w.int32(o.nodeId);
  } else if (!(v === 1) && o.nodeId !== 0) {
    throw notInVersion("VoteResponseNodeEndpoint.nodeId", v);
  }
  if (v === 1) {
    w.compactString(o.host);
  } else if (!(v === 1) && o.host !== "") {
    throw notInVersion("VoteResponseNodeEndpoint.host", v);
  }
  if (v === 1) {
    w.uint16(o.port);
  } else if (!(v === 1) && o.port !== 0) {
    throw notInVersion("VoteResponseNodeEndpoint.port", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface VoteResponse {
  /** The top level error code. Versions 0-1. */
  errorCode: number;
  /** Versions 0-1. */
  topics: VoteResponseTopicData[];
  /** Endpoints for all current-leaders enumerated in PartitionData Versions 1; tagged (tag 0) in 1. */
  nodeEndpoints: VoteResponseNodeEndpoint[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultVoteResponse(): VoteResponse {
  return {
    errorCode: 0,
    topics: [],
    nodeEndpoints: [],
  };
}

export function readVoteResponse(r: Reader, v: number): VoteResponse {
  const flex = true;
  const errorCode = r.int16();
  const topics = readArray(r, v, true, false, 2, readVoteResponseTopicData);
  let nodeEndpoints: VoteResponseNodeEndpoint[] = [];
  let unknown: TaggedField[] | undefined;
  if (flex) {
    const count = r.taggedFieldCount();
    for (let i = 0; i < count; i++) {
      const tag = r.uvarint();
      const fieldEnd = r.beginTaggedField(tag);
      if (fieldEnd < 0) break;
      if (tag === 0 && v === 1) {
        const savedEnd = r.end;
        r.end = fieldEnd;
        nodeEndpoints = readArray(r, v, true, false, 7, readVoteResponseNodeEndpoint);
        r.endTaggedField(tag, fieldEnd, savedEnd);
      } else {
        (unknown ??= []).push(r.unknownTaggedField(tag, fieldEnd));
      }
    }
  }
  const o: VoteResponse = {
    errorCode,
    topics,
    nodeEndpoints,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeVoteResponse(w: Writer, o: VoteResponse, v: number): void {
  const flex = true;
  w.int16(o.errorCode);
  writeArray(w, v, true, o.topics, writeVoteResponseTopicData);
  if (flex) {
    const unknown = sortedTaggedFields(o._unknownTaggedFields);
    const hasNodeEndpoints = v === 1 && o.nodeEndpoints !== null && o.nodeEndpoints.length > 0;
    w.uvarint((hasNodeEndpoints ? 1 : 0) + (unknown === undefined ? 0 : unknown.length));
    let next = 0;
    if (hasNodeEndpoints) {
      next = w.unknownTaggedFieldsBelow(unknown, next, 0);
      w.uvarint(0);
      const start = w.beginSized();
      writeArray(w, v, true, o.nodeEndpoints, writeVoteResponseNodeEndpoint);
      w.endSized(start);
    }
    w.unknownTaggedFieldsBelow(unknown, next, Number.POSITIVE_INFINITY);
  }
}
