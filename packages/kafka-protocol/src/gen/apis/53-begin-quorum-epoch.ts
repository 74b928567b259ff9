// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// BeginQuorumEpoch (API key 53): stable versions 0-1, flexible from 1.

import { type Reader, type TaggedField, type Uuid, type Writer, ZERO_UUID, notInVersion, readArray, sortedTaggedFields, writeArray } from "../../codec/runtime.js";

export interface BeginQuorumEpochRequestPartitionData {
  /** The partition index Versions 0-1. */
  partitionIndex: number;
  /** The directory id of the receiving replica Versions 1. */
  voterDirectoryId: Uuid;
  /** The ID of the newly elected leader Versions 0-1; entity: brokerId. */
  leaderId: number;
  /** The epoch of the newly elected leader Versions 0-1. */
  leaderEpoch: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultBeginQuorumEpochRequestPartitionData(): BeginQuorumEpochRequestPartitionData {
  return {
    partitionIndex: 0,
    voterDirectoryId: ZERO_UUID,
    leaderId: 0,
    leaderEpoch: 0,
  };
}

export function readBeginQuorumEpochRequestPartitionData(r: Reader, v: number): BeginQuorumEpochRequestPartitionData {
  const flex = v === 1;
  const partitionIndex = r.int32();
  const voterDirectoryId = (v === 1 ? r.uuid() : ZERO_UUID);
  const leaderId = r.int32();
  const leaderEpoch = r.int32();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: BeginQuorumEpochRequestPartitionData = {
    partitionIndex,
    voterDirectoryId,
    leaderId,
    leaderEpoch,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeBeginQuorumEpochRequestPartitionData(w: Writer, o: BeginQuorumEpochRequestPartitionData, v: number): void {
  const flex = v === 1;
  w.int32(o.partitionIndex);
  if (v === 1) {
    w.uuid(o.voterDirectoryId);
  }
  w.int32(o.leaderId);
  w.int32(o.leaderEpoch);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface BeginQuorumEpochRequestTopicData {
  /** The topic name Versions 0-1; entity: topicName. */
  topicName: string;
  /** Versions 0-1. */
  partitions: BeginQuorumEpochRequestPartitionData[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultBeginQuorumEpochRequestTopicData(): BeginQuorumEpochRequestTopicData {
  return {
    topicName: "",
    partitions: [],
  };
}

export function readBeginQuorumEpochRequestTopicData(r: Reader, v: number): BeginQuorumEpochRequestTopicData {
  const flex = v === 1;
  const topicName = (v === 1 ? r.compactString() : r.string());
  const partitions = readArray(r, v, v === 1, false, 12, readBeginQuorumEpochRequestPartitionData);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: BeginQuorumEpochRequestTopicData = {
    topicName,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeBeginQuorumEpochRequestTopicData(w: Writer, o: BeginQuorumEpochRequestTopicData, v: number): void {
  const flex = v === 1;
  if (v === 1) w.compactString(o.topicName); else w.string(o.topicName);
  writeArray(w, v, v === 1, o.partitions, writeBeginQuorumEpochRequestPartitionData);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface BeginQuorumEpochRequestLeaderEndpoint {
  /** The name of the endpoint Versions 1; map key. */
  name: string;
  /** The node's hostname Versions 1. */
  host: string;
  /** The node's port Versions 1. */
  port: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultBeginQuorumEpochRequestLeaderEndpoint(): BeginQuorumEpochRequestLeaderEndpoint {
  return {
    name: "",
    host: "",
    port: 0,
  };
}

export function readBeginQuorumEpochRequestLeaderEndpoint(r: Reader, v: number): BeginQuorumEpochRequestLeaderEndpoint {
  const flex = v === 1;
  const name = (v === 1 ? r.compactString() : "");
  const host = (v === 1 ? r.compactString() : "");
  const port = (v === 1 ? r.uint16() : 0);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: BeginQuorumEpochRequestLeaderEndpoint = {
    name,
    host,
    port,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeBeginQuorumEpochRequestLeaderEndpoint(w: Writer, o: BeginQuorumEpochRequestLeaderEndpoint, v: number): void {
  const flex = v === 1;
  if (v === 1) {
    w.compactString(o.name);
  } else if (!(v === 1) && o.name !== "") {
    throw notInVersion("BeginQuorumEpochRequestLeaderEndpoint.name", v);
  }
  if (v === 1) {
    w.compactString(o.host);
  } else if (!(v === 1) && o.host !== "") {
    throw notInVersion("BeginQuorumEpochRequestLeaderEndpoint.host", v);
  }
  if (v === 1) {
    w.uint16(o.port);
  } else if (!(v === 1) && o.port !== 0) {
    throw notInVersion("BeginQuorumEpochRequestLeaderEndpoint.port", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface BeginQuorumEpochRequest {
  /** Versions 0-1; nullable in 0-1. */
  clusterId: string | null;
  /** The replica id of the voter receiving the request Versions 1; entity: brokerId. */
  voterId: number;
  /** Versions 0-1. */
  topics: BeginQuorumEpochRequestTopicData[];
  /** Endpoints for the leader Versions 1. */
  leaderEndpoints: BeginQuorumEpochRequestLeaderEndpoint[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultBeginQuorumEpochRequest(): BeginQuorumEpochRequest {
  return {
    clusterId: null,
    voterId: -1,
    topics: [],
    leaderEndpoints: [],
  };
}

export function readBeginQuorumEpochRequest(r: Reader, v: number): BeginQuorumEpochRequest {
  const flex = v === 1;
  const clusterId = (v === 1 ? r.compactNullableString() : r.nullableString());
  const voterId = (v === 1 ? r.int32() : -1);
  const topics = readArray(r, v, v === 1, false, 2, readBeginQuorumEpochRequestTopicData);
  const leaderEndpoints = (v === 1 ? readArray(r, v, true, false, 4, readBeginQuorumEpochRequestLeaderEndpoint) : []);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: BeginQuorumEpochRequest = {
    clusterId,
    voterId,
    topics,
    leaderEndpoints,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeBeginQuorumEpochRequest(w: Writer, o: BeginQuorumEpochRequest, v: number): void {
  const flex = v === 1;
  if (v === 1) w.compactNullableString(o.clusterId); else w.nullableString(o.clusterId);
  if (v === 1) {
    w.int32(o.voterId);
  }
  writeArray(w, v, v === 1, o.topics, writeBeginQuorumEpochRequestTopicData);
  if (v === 1) {
    writeArray(w, v, true, o.leaderEndpoints, writeBeginQuorumEpochRequestLeaderEndpoint);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface BeginQuorumEpochResponsePartitionData {
  /** The partition index. Versions 0-1. */
  partitionIndex: number;
  /** Versions 0-1. */
  errorCode: number;
  /** The ID of the current leader or -1 if the leader is unknown. Versions 0-1; entity: brokerId. */
  leaderId: number;
  /** The latest known leader epoch Versions 0-1. */
  leaderEpoch: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultBeginQuorumEpochResponsePartitionData(): BeginQuorumEpochResponsePartitionData {
  return {
    partitionIndex: 0,
    errorCode: 0,
    leaderId: 0,
    leaderEpoch: 0,
  };
}

export function readBeginQuorumEpochResponsePartitionData(r: Reader, v: number): BeginQuorumEpochResponsePartitionData {
  const flex = v === 1;
  const partitionIndex = r.int32();
  const errorCode = r.int16();
  const leaderId = r.int32();
  const leaderEpoch = r.int32();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: BeginQuorumEpochResponsePartitionData = {
    partitionIndex,
    errorCode,
    leaderId,
    leaderEpoch,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeBeginQuorumEpochResponsePartitionData(w: Writer, o: BeginQuorumEpochResponsePartitionData, v: number): void {
  const flex = v === 1;
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
  w.int32(o.leaderId);
  w.int32(o.leaderEpoch);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface BeginQuorumEpochResponseTopicData {
  /** The topic name. Versions 0-1; entity: topicName. */
  topicName: string;
  /** Versions 0-1. */
  partitions: BeginQuorumEpochResponsePartitionData[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultBeginQuorumEpochResponseTopicData(): BeginQuorumEpochResponseTopicData {
  return {
    topicName: "",
    partitions: [],
  };
}

export function readBeginQuorumEpochResponseTopicData(r: Reader, v: number): BeginQuorumEpochResponseTopicData {
  const flex = v === 1;
  const topicName = (v === 1 ? r.compactString() : r.string());
  const partitions = readArray(r, v, v === 1, false, 14, readBeginQuorumEpochResponsePartitionData);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: BeginQuorumEpochResponseTopicData = {
    topicName,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeBeginQuorumEpochResponseTopicData(w: Writer, o: BeginQuorumEpochResponseTopicData, v: number): void {
  const flex = v === 1;
  if (v === 1) w.compactString(o.topicName); else w.string(o.topicName);
  writeArray(w, v, v === 1, o.partitions, writeBeginQuorumEpochResponsePartitionData);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface BeginQuorumEpochResponseNodeEndpoint {
  /** The ID of the associated node Versions 1; map key; entity: brokerId. */
  nodeId: number;
  /** The node's hostname Versions 1. */
  host: string;
  /** The node's port Versions 1. */
  port: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultBeginQuorumEpochResponseNodeEndpoint(): BeginQuorumEpochResponseNodeEndpoint {
  return {
    nodeId: 0,
    host: "",
    port: 0,
  };
}

export function readBeginQuorumEpochResponseNodeEndpoint(r: Reader, v: number): BeginQuorumEpochResponseNodeEndpoint {
  const flex = v === 1;
  const nodeId = (v === 1 ? r.int32() : 0);
  const host = (v === 1 ? r.compactString() : "");
  const port = (v === 1 ? r.uint16() : 0);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: BeginQuorumEpochResponseNodeEndpoint = {
    nodeId,
    host,
    port,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeBeginQuorumEpochResponseNodeEndpoint(w: Writer, o: BeginQuorumEpochResponseNodeEndpoint, v: number): void {
  const flex = v === 1;
  if (v === 1) {
    w.int32(o.nodeId);
  } else if (!(v === 1) && o.nodeId !== 0) {
    throw notInVersion("BeginQuorumEpochResponseNodeEndpoint.nodeId", v);
  }
  if (v === 1) {
    w.compactString(o.host);
  } else if (!(v === 1) && o.host !== "") {
    throw notInVersion("BeginQuorumEpochResponseNodeEndpoint.host", v);
  }
  if (v === 1) {
    w.uint16(o.port);
  } else if (!(v === 1) && o.port !== 0) {
    throw notInVersion("BeginQuorumEpochResponseNodeEndpoint.port", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface BeginQuorumEpochResponse {
  /** The top level error code. Versions 0-1. */
  errorCode: number;
  /** Versions 0-1. */
  topics: BeginQuorumEpochResponseTopicData[];
  /** Endpoints for all leaders enumerated in PartitionData Versions 1; tagged (tag 0) in 1. */
  nodeEndpoints: BeginQuorumEpochResponseNodeEndpoint[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultBeginQuorumEpochResponse(): BeginQuorumEpochResponse {
  return {
    errorCode: 0,
    topics: [],
    nodeEndpoints: [],
  };
}

export function readBeginQuorumEpochResponse(r: Reader, v: number): BeginQuorumEpochResponse {
  const flex = v === 1;
  const errorCode = r.int16();
  const topics = readArray(r, v, v === 1, false, 2, readBeginQuorumEpochResponseTopicData);
  let nodeEndpoints: BeginQuorumEpochResponseNodeEndpoint[] = [];
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
        nodeEndpoints = readArray(r, v, true, false, 7, readBeginQuorumEpochResponseNodeEndpoint);
        r.endTaggedField(tag, fieldEnd, savedEnd);
      } else {
        (unknown ??= []).push(r.unknownTaggedField(tag, fieldEnd));
      }
    }
  }
  const o: BeginQuorumEpochResponse = {
    errorCode,
    topics,
    nodeEndpoints,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeBeginQuorumEpochResponse(w: Writer, o: BeginQuorumEpochResponse, v: number): void {
  const flex = v === 1;
  w.int16(o.errorCode);
  writeArray(w, v, v === 1, o.topics, writeBeginQuorumEpochResponseTopicData);
  if (flex) {
    const unknown = sortedTaggedFields(o._unknownTaggedFields);
    const hasNodeEndpoints = v === 1 && o.nodeEndpoints !== null && o.nodeEndpoints.length > 0;
    w.uvarint((hasNodeEndpoints ? 1 : 0) + (unknown === undefined ? 0 : unknown.length));
    let next = 0;
    if (hasNodeEndpoints) {
      next = w.unknownTaggedFieldsBelow(unknown, next, 0);
      w.uvarint(0);
      const start = w.beginSized();
      writeArray(w, v, true, o.nodeEndpoints, writeBeginQuorumEpochResponseNodeEndpoint);
      w.endSized(start);
    }
    w.unknownTaggedFieldsBelow(unknown, next, Number.POSITIVE_INFINITY);
  }
}
