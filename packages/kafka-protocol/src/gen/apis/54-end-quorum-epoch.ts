// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// EndQuorumEpoch (API key 54): stable versions 0-1, flexible from 1.

import { type Reader, type TaggedField, type Uuid, type Writer, ZERO_UUID, notInVersion, readArray, readElement_int32, sortedTaggedFields, writeArray, writeElement_int32 } from "../../codec/runtime.js";

export interface EndQuorumEpochRequestReplicaInfo {
  /** Versions 1; entity: brokerId. */
  candidateId: number;
  /** Versions 1. */
  candidateDirectoryId: Uuid;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultEndQuorumEpochRequestReplicaInfo(): EndQuorumEpochRequestReplicaInfo {
  return {
    candidateId: 0,
    candidateDirectoryId: ZERO_UUID,
  };
}

export function readEndQuorumEpochRequestReplicaInfo(r: Reader, v: number): EndQuorumEpochRequestReplicaInfo {
  const flex = v === 1;
  const candidateId = (v === 1 ? r.int32() : 0);
  const candidateDirectoryId = (v === 1 ? r.uuid() : ZERO_UUID);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: EndQuorumEpochRequestReplicaInfo = {
    candidateId,
    candidateDirectoryId,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeEndQuorumEpochRequestReplicaInfo(w: Writer, o: EndQuorumEpochRequestReplicaInfo, v: number): void {
  const flex = v === 1;
  if (v === 1) {
    w.int32(o.candidateId);
  } else if (!(v === 1) && o.candidateId !== 0) {
    throw notInVersion("EndQuorumEpochRequestReplicaInfo.candidateId", v);
  }
  if (v === 1) {
    w.uuid(o.candidateDirectoryId);
  } else if (!(v === 1) && o.candidateDirectoryId !== ZERO_UUID) {
    throw notInVersion("EndQuorumEpochRequestReplicaInfo.candidateDirectoryId", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface EndQuorumEpochRequestPartitionData {
  /** The partition index. Versions 0-1. */
  partitionIndex: number;
  /** The current leader ID that is resigning Versions 0-1; entity: brokerId. */
  leaderId: number;
  /** The current epoch Versions 0-1. */
  leaderEpoch: number;
  /** A sorted list of preferred successors to start the election Versions 0. */
  preferredSuccessors: number[];
  /** A sorted list of preferred candidates to start the election Versions 1. */
  preferredCandidates: EndQuorumEpochRequestReplicaInfo[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultEndQuorumEpochRequestPartitionData(): EndQuorumEpochRequestPartitionData {
  return {
    partitionIndex: 0,
    leaderId: 0,
    leaderEpoch: 0,
    preferredSuccessors: [],
    preferredCandidates: [],
  };
}

export function readEndQuorumEpochRequestPartitionData(r: Reader, v: number): EndQuorumEpochRequestPartitionData {
  const flex = v === 1;
  const partitionIndex = r.int32();
  const leaderId = r.int32();
  const leaderEpoch = r.int32();
  const preferredSuccessors = (v === 0 ? readArray(r, v, false, false, 4, readElement_int32) : []);
  const preferredCandidates = (v === 1 ? readArray(r, v, true, false, 20, readEndQuorumEpochRequestReplicaInfo) : []);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: EndQuorumEpochRequestPartitionData = {
    partitionIndex,
    leaderId,
    leaderEpoch,
    preferredSuccessors,
    preferredCandidates,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeEndQuorumEpochRequestPartitionData(w: Writer, o: EndQuorumEpochRequestPartitionData, v: number): void {
  const flex = v === 1;
  w.int32(o.partitionIndex);
  w.int32(o.leaderId);
  w.int32(o.leaderEpoch);
  if (v === 0) {
    writeArray(w, v, false, o.preferredSuccessors, writeElement_int32);
  }
  if (v === 1) {
    writeArray(w, v, true, o.preferredCandidates, writeEndQuorumEpochRequestReplicaInfo);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface EndQuorumEpochRequestTopicData {
  /** The topic name. Versions 0-1; entity: topicName. */
  topicName: string;
  /** Versions 0-1. */
  partitions: EndQuorumEpochRequestPartitionData[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultEndQuorumEpochRequestTopicData(): EndQuorumEpochRequestTopicData {
  return {
    topicName: "",
    partitions: [],
  };
}

export function readEndQuorumEpochRequestTopicData(r: Reader, v: number): EndQuorumEpochRequestTopicData {
  const flex = v === 1;
  const topicName = (v === 1 ? r.compactString() : r.string());
  const partitions = readArray(r, v, v === 1, false, 13, readEndQuorumEpochRequestPartitionData);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: EndQuorumEpochRequestTopicData = {
    topicName,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeEndQuorumEpochRequestTopicData(w: Writer, o: EndQuorumEpochRequestTopicData, v: number): void {
  const flex = v === 1;
  if (v === 1) w.compactString(o.topicName); else w.string(o.topicName);
  writeArray(w, v, v === 1, o.partitions, writeEndQuorumEpochRequestPartitionData);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface EndQuorumEpochRequestLeaderEndpoint {
  /** The name of the endpoint Versions 1; map key. */
  name: string;
  /** The node's hostname Versions 1. */
  host: string;
  /** The node's port Versions 1. */
  port: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultEndQuorumEpochRequestLeaderEndpoint(): EndQuorumEpochRequestLeaderEndpoint {
  return {
    name: "",
    host: "",
    port: 0,
  };
}

export function readEndQuorumEpochRequestLeaderEndpoint(r: Reader, v: number): EndQuorumEpochRequestLeaderEndpoint {
  const flex = v === 1;
  const name = (v === 1 ? r.compactString() : "");
  const host = (v === 1 ? r.compactString() : "");
  const port = (v === 1 ? r.uint16() : 0);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: EndQuorumEpochRequestLeaderEndpoint = {
    name,
    host,
    port,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeEndQuorumEpochRequestLeaderEndpoint(w: Writer, o: EndQuorumEpochRequestLeaderEndpoint, v: number): void {
  const flex = v === 1;
  if (v === 1) {
    w.compactString(o.name);
  } else if (!(v === 1) && o.name !== "") {
    throw notInVersion("EndQuorumEpochRequestLeaderEndpoint.name", v);
  }
  if (v === 1) {
    w.compactString(o.host);
  } else if (!(v === 1) && o.host !== "") {
    throw notInVersion("EndQuorumEpochRequestLeaderEndpoint.host", v);
  }
  if (v === 1) {
    w.uint16(o.port);
  } else if (!(v === 1) && o.port !== 0) {
    throw notInVersion("EndQuorumEpochRequestLeaderEndpoint.port", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface EndQuorumEpochRequest {
  /** Versions 0-1; nullable in 0-1. */
  clusterId: string | null;
  /** Versions 0-1. */
  topics: EndQuorumEpochRequestTopicData[];
  /** Endpoints for the leader Versions 1. */
  leaderEndpoints: EndQuorumEpochRequestLeaderEndpoint[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultEndQuorumEpochRequest(): EndQuorumEpochRequest {
  return {
    clusterId: null,
    topics: [],
    leaderEndpoints: [],
  };
}

export function readEndQuorumEpochRequest(r: Reader, v: number): EndQuorumEpochRequest {
  const flex = v === 1;
  const clusterId = (v === 1 ? r.compactNullableString() : r.nullableString());
  const topics = readArray(r, v, v === 1, false, 2, readEndQuorumEpochRequestTopicData);
  const leaderEndpoints = (v === 1 ? readArray(r, v, true, false, 4, readEndQuorumEpochRequestLeaderEndpoint) : []);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: EndQuorumEpochRequest = {
    clusterId,
    topics,
    leaderEndpoints,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeEndQuorumEpochRequest(w: Writer, o: EndQuorumEpochRequest, v: number): void {
  const flex = v === 1;
  if (v === 1) w.compactNullableString(o.clusterId); else w.nullableString(o.clusterId);
  writeArray(w, v, v === 1, o.topics, writeEndQuorumEpochRequestTopicData);
  if (v === 1) {
    writeArray(w, v, true, o.leaderEndpoints, writeEndQuorumEpochRequestLeaderEndpoint);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface EndQuorumEpochResponsePartitionData {
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

export function defaultEndQuorumEpochResponsePartitionData(): EndQuorumEpochResponsePartitionData {
  return {
    partitionIndex: 0,
    errorCode: 0,
    leaderId: 0,
    leaderEpoch: 0,
  };
}

export function readEndQuorumEpochResponsePartitionData(r: Reader, v: number): EndQuorumEpochResponsePartitionData {
  const flex = v === 1;
  const partitionIndex = r.int32();
  const errorCode = r.int16();
  const leaderId = r.int32();
  const leaderEpoch = r.int32();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: EndQuorumEpochResponsePartitionData = {
    partitionIndex,
    errorCode,
    leaderId,
    leaderEpoch,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeEndQuorumEpochResponsePartitionData(w: Writer, o: EndQuorumEpochResponsePartitionData, v: number): void {
  const flex = v === 1;
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
  w.int32(o.leaderId);
  w.int32(o.leaderEpoch);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface EndQuorumEpochResponseTopicData {
  /** The topic name. Versions 0-1; entity: topicName. */
  topicName: string;
  /** Versions 0-1. */
  partitions: EndQuorumEpochResponsePartitionData[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultEndQuorumEpochResponseTopicData(): EndQuorumEpochResponseTopicData {
  return {
    topicName: "",
    partitions: [],
  };
}

export function readEndQuorumEpochResponseTopicData(r: Reader, v: number): EndQuorumEpochResponseTopicData {
  const flex = v === 1;
  const topicName = (v === 1 ? r.compactString() : r.string());
  const partitions = readArray(r, v, v === 1, false, 14, readEndQuorumEpochResponsePartitionData);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: EndQuorumEpochResponseTopicData = {
    topicName,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeEndQuorumEpochResponseTopicData(w: Writer, o: EndQuorumEpochResponseTopicData, v: number): void {
  const flex = v === 1;
  if (v === 1) w.compactString(o.topicName); else w.string(o.topicName);
  writeArray(w, v, v === 1, o.partitions, writeEndQuorumEpochResponsePartitionData);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface EndQuorumEpochResponseNodeEndpoint {
  /** The ID of the associated node Versions 1; map key; entity: brokerId. */
  nodeId: number;
  /** The node's hostname Versions 1. */
  host: string;
  /** The node's port Versions 1. */
  port: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultEndQuorumEpochResponseNodeEndpoint(): EndQuorumEpochResponseNodeEndpoint {
  return {
    nodeId: 0,
    host: "",
    port: 0,
  };
}

export function readEndQuorumEpochResponseNodeEndpoint(r: Reader, v: number): EndQuorumEpochResponseNodeEndpoint {
  const flex = v === 1;
  const nodeId = (v === 1 ? r.int32() : 0);
  const host = (v === 1 ? r.compactString() : "");
  const port = (v === 1 ? r.uint16() : 0);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: EndQuorumEpochResponseNodeEndpoint = {
    nodeId,
    host,
    port,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeEndQuorumEpochResponseNodeEndpoint(w: Writer, o: EndQuorumEpochResponseNodeEndpoint, v: number): void {
  const flex = v === 1;
  if (v === 1) {
    w.int32(o.nodeId);
  } else if (!(v === 1) && o.nodeId !== 0) {
    throw notInVersion("EndQuorumEpochResponseNodeEndpoint.nodeId", v);
  }
  if (v === 1) {
    w.compactString(o.host);
  } else if (!(v === 1) && o.host !== "") {
    throw notInVersion("EndQuorumEpochResponseNodeEndpoint.host", v);
  }
  if (v === 1) {
    w.uint16(o.port);
  } else if (!(v === 1) && o.port !== 0) {
    throw notInVersion("EndQuorumEpochResponseNodeEndpoint.port", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface EndQuorumEpochResponse {
  /** The top level error code. Versions 0-1. */
  errorCode: number;
  /** Versions 0-1. */
  topics: EndQuorumEpochResponseTopicData[];
  /** Endpoints for all leaders enumerated in PartitionData Versions 1; tagged (tag 0) in 1. */
  nodeEndpoints: EndQuorumEpochResponseNodeEndpoint[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultEndQuorumEpochResponse(): EndQuorumEpochResponse {
  return {
    errorCode: 0,
    topics: [],
    nodeEndpoints: [],
  };
}

export function readEndQuorumEpochResponse(r: Reader, v: number): EndQuorumEpochResponse {
  const flex = v === 1;
  const errorCode = r.int16();
  const topics = readArray(r, v, v === 1, false, 2, readEndQuorumEpochResponseTopicData);
  let nodeEndpoints: EndQuorumEpochResponseNodeEndpoint[] = [];
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
        nodeEndpoints = readArray(r, v, true, false, 7, readEndQuorumEpochResponseNodeEndpoint);
        r.endTaggedField(tag, fieldEnd, savedEnd);
      } else {
        (unknown ??= []).push(r.unknownTaggedField(tag, fieldEnd));
      }
    }
  }
  const o: EndQuorumEpochResponse = {
    errorCode,
    topics,
    nodeEndpoints,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeEndQuorumEpochResponse(w: Writer, o: EndQuorumEpochResponse, v: number): void {
  const flex = v === 1;
  w.int16(o.errorCode);
  writeArray(w, v, v === 1, o.topics, writeEndQuorumEpochResponseTopicData);
  if (flex) {
    const unknown = sortedTaggedFields(o._unknownTaggedFields);
    const hasNodeEndpoints = v === 1 && o.nodeEndpoints !== null && o.nodeEndpoints.length > 0;
    w.uvarint((hasNodeEndpoints ? 1 : 0) + (unknown === undefined ? 0 : unknown.length));
    let next = 0;
    if (hasNodeEndpoints) {
      next = w.unknownTaggedFieldsBelow(unknown, next, 0);
      w.uvarint(0);
      const start = w.beginSized();
      writeArray(w, v, true, o.nodeEndpoints, writeEndQuorumEpochResponseNodeEndpoint);
      w.endSized(start);
    }
    w.unknownTaggedFieldsBelow(unknown, next, Number.POSITIVE_INFINITY);
  }
}
