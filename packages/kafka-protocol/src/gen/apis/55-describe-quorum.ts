// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// DescribeQuorum (API key 55): stable versions 0-2, flexible from 0.

import { type Reader, type TaggedField, type Uuid, type Writer, ZERO_UUID, notInVersion, readArray, writeArray } from "../../codec/runtime.js";

export interface DescribeQuorumRequestPartitionData {
  /** The partition index. Versions 0-2. */
  partitionIndex: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeQuorumRequestPartitionData(): DescribeQuorumRequestPartitionData {
  return {
    partitionIndex: 0,
  };
}

export function readDescribeQuorumRequestPartitionData(r: Reader, v: number): DescribeQuorumRequestPartitionData {
  const flex = true;
  const partitionIndex = r.int32();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeQuorumRequestPartitionData = {
    partitionIndex,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeQuorumRequestPartitionData(w: Writer, o: DescribeQuorumRequestPartitionData, v: number): void {
  const flex = true;
  w.int32(o.partitionIndex);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeQuorumRequestTopicData {
  /** The topic name. Versions 0-2; entity: topicName. */
  topicName: string;
  /** Versions 0-2. */
  partitions: DescribeQuorumRequestPartitionData[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeQuorumRequestTopicData(): DescribeQuorumRequestTopicData {
  return {
    topicName: "",
    partitions: [],
  };
}

export function readDescribeQuorumRequestTopicData(r: Reader, v: number): DescribeQuorumRequestTopicData {
  const flex = true;
  const topicName = r.compactString();
  const partitions = readArray(r, v, true, false, 4, readDescribeQuorumRequestPartitionData);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeQuorumRequestTopicData = {
    topicName,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeQuorumRequestTopicData(w: Writer, o: DescribeQuorumRequestTopicData, v: number): void {
  const flex = true;
  w.compactString(o.topicName);
  writeArray(w, v, true, o.partitions, writeDescribeQuorumRequestPartitionData);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeQuorumRequest {
  /** Versions 0-2. */
  topics: DescribeQuorumRequestTopicData[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeQuorumRequest(): DescribeQuorumRequest {
  return {
    topics: [],
  };
}

export function readDescribeQuorumRequest(r: Reader, v: number): DescribeQuorumRequest {
  const flex = true;
  const topics = readArray(r, v, true, false, 2, readDescribeQuorumRequestTopicData);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeQuorumRequest = {
    topics,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeQuorumRequest(w: Writer, o: DescribeQuorumRequest, v: number): void {
  const flex = true;
  writeArray(w, v, true, o.topics, writeDescribeQuorumRequestTopicData);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeQuorumResponseReplicaState {
  /** Versions 0-2; entity: brokerId. */
  replicaId: number;
  /** Versions 2. */
  replicaDirectoryId: Uuid;
  /** The last known log end offset of the follower or -1 if it is unknown Versions 0-2. */
  logEndOffset: bigint;
  /** The last known leader wall clock time time when a follower fetched from the leader. This is reported as -1 both for the current leader or if it is unknown for a voter Versions 1-2. */
  lastFetchTimestamp: bigint;
  /** The leader wall clock append time of the offset for which the follower made the most recent fetch request. This is reported as the current time for the leader and -1 if unknown for a voter Versions 1-2. */
  lastCaughtUpTimestamp: bigint;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeQuorumResponseReplicaState(): DescribeQuorumResponseReplicaState {
  return {
    replicaId: 0,
    replicaDirectoryId: ZERO_UUID,
    logEndOffset: 0n,
    lastFetchTimestamp: -1n,
    lastCaughtUpTimestamp: -1n,
  };
}

export function readDescribeQuorumResponseReplicaState(r: Reader, v: number): DescribeQuorumResponseReplicaState {
  const flex = true;
  const replicaId = r.int32();
  const replicaDirectoryId = (v === 2 ? r.uuid() : ZERO_UUID);
  const logEndOffset = r.int64();
  const lastFetchTimestamp = (v >= 1 ? r.int64() : -1n);
  const lastCaughtUpTimestamp = (v >= 1 ? r.int64() : -1n);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeQuorumResponseReplicaState = {
    replicaId,
    replicaDirectoryId,
    logEndOffset,
    lastFetchTimestamp,
    lastCaughtUpTimestamp,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeQuorumResponseReplicaState(w: Writer, o: DescribeQuorumResponseReplicaState, v: number): void {
  const flex = true;
  w.int32(o.replicaId);
  if (v === 2) {
    w.uuid(o.replicaDirectoryId);
  } else if (!(v === 2) && o.replicaDirectoryId !== ZERO_UUID) {
    throw notInVersion("DescribeQuorumResponseReplicaState.replicaDirectoryId", v);
  }
  w.int64(o.logEndOffset);
  if (v >= 1) {
    w.int64(o.lastFetchTimestamp);
  }
  if (v >= 1) {
    w.int64(o.lastCaughtUpTimestamp);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeQuorumResponsePartitionData {
  /** The partition index. Versions 0-2. */
  partitionIndex: number;
  /** Versions 0-2. */
  errorCode: number;
  /** The error message, or null if there was no error. Versions 2; nullable in 2. */
  errorMessage: string | null;
  /** The ID of the current leader or -1 if the leader is unknown. Versions 0-2; entity: brokerId. */
  leaderId: number;
  /** The latest known leader epoch Versions 0-2. */
  leaderEpoch: number;
  /** Versions 0-2. */
  highWatermark: bigint;
  /** Versions 0-2. */
  currentVoters: DescribeQuorumResponseReplicaState[];
  /** Versions 0-2. */
  observers: DescribeQuorumResponseReplicaState[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeQuorumResponsePartitionData(): DescribeQuorumResponsePartitionData {
  return {
    partitionIndex: 0,
    errorCode: 0,
    errorMessage: "",
    leaderId: 0,
    leaderEpoch: 0,
    highWatermark: 0n,
    currentVoters: [],
    observers: [],
  };
}

export function readDescribeQuorumResponsePartitionData(r: Reader, v: number): DescribeQuorumResponsePartitionData {
  const flex = true;
  const partitionIndex = r.int32();
  const errorCode = r.int16();
  const errorMessage = (v === 2 ? r.compactNullableString() : "");
  const leaderId = r.int32();
  const leaderEpoch = r.int32();
  const highWatermark = r.int64();
  const currentVoters = readArray(r, v, true, false, 12, readDescribeQuorumResponseReplicaState);
  const observers = readArray(r, v, true, false, 12, readDescribeQuorumResponseReplicaState);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeQuorumResponsePartitionData = {
    partitionIndex,
    errorCode,
    errorMessage,
    leaderId,
    leaderEpoch,
    highWatermark,
    currentVoters,
    observers,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeQuorumResponsePartitionData(w: Writer, o: DescribeQuorumResponsePartitionData, v: number): void {
  const flex = true;
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
  if (v === 2) {
    w.compactNullableString(o.errorMessage);
  }
  w.int32(o.leaderId);
  w.int32(o.leaderEpoch);
  w.int64(o.highWatermark);
  writeArray(w, v, true, o.currentVoters, writeDescribeQuorumResponseReplicaState);
  writeArray(w, v, true, o.observers, writeDescribeQuorumResponseReplicaState);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeQuorumResponseTopicData {
  /** The topic name. Versions 0-2; entity: topicName. */
  topicName: string;
  /** Versions 0-2. */
  partitions: DescribeQuorumResponsePartitionData[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeQuorumResponseTopicData(): DescribeQuorumResponseTopicData {
  return {
    topicName: "",
    partitions: [],
  };
}

export function readDescribeQuorumResponseTopicData(r: Reader, v: number): DescribeQuorumResponseTopicData {
  const flex = true;
  const topicName = r.compactString();
  const partitions = readArray(r, v, true, false, 24, readDescribeQuorumResponsePartitionData);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeQuorumResponseTopicData = {
    topicName,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeQuorumResponseTopicData(w: Writer, o: DescribeQuorumResponseTopicData, v: number): void {
  const flex = true;
  w.compactString(o.topicName);
  writeArray(w, v, true, o.partitions, writeDescribeQuorumResponsePartitionData);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeQuorumResponseListener {
  /** The name of the endpoint Versions 2; map key. */
  name: string;
  /** The hostname Versions 2. */
  host: string;
  /** The port Versions 2. */
  port: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeQuorumResponseListener(): DescribeQuorumResponseListener {
  return {
    name: "",
    host: "",
    port: 0,
  };
}

export function readDescribeQuorumResponseListener(r: Reader, v: number): DescribeQuorumResponseListener {
  const flex = true;
  const name = (v === 2 ? r.compactString() : "");
  const host = (v === 2 ? r.compactString() : "");
  const port = (v === 2 ? r.uint16() : 0);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeQuorumResponseListener = {
    name,
    host,
    port,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeQuorumResponseListener(w: Writer, o: DescribeQuorumResponseListener, v: number): void {
  const flex = true;
  if (v === 2) {
    w.compactString(o.name);
  } else if (!(v === 2) && o.name !== "") {
    throw notInVersion("DescribeQuorumResponseListener.name", v);
  }
  if (v === 2) {
    w.compactString(o.host);
  } else if (!(v === 2) && o.host !== "") {
    throw notInVersion("DescribeQuorumResponseListener.host", v);
  }
  if (v === 2) {
    w.uint16(o.port);
  } else if (!(v === 2) && o.port !== 0) {
    throw notInVersion("DescribeQuorumResponseListener.port", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeQuorumResponseNode {
  /** The ID of the associated node Versions 2; map key; entity: brokerId. */
  nodeId: number;
  /** The listeners of this controller Versions 2. */
  listeners: DescribeQuorumResponseListener[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeQuorumResponseNode(): DescribeQuorumResponseNode {
  return {
    nodeId: 0,
    listeners: [],
  };
}

export function readDescribeQuorumResponseNode(r: Reader, v: number): DescribeQuorumResponseNode {
  const flex = true;
  const nodeId = (v === 2 ? r.int32() : 0);
  const listeners = (v === 2 ? readArray(r, v, true, false, 4, readDescribeQuorumResponseListener) : []);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeQuorumResponseNode = {
    nodeId,
    listeners,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeQuorumResponseNode(w: Writer, o: DescribeQuorumResponseNode, v: number): void {
  const flex = true;
  if (v === 2) {
    w.int32(o.nodeId);
  } else if (!(v === 2) && o.nodeId !== 0) {
    throw notInVersion("DescribeQuorumResponseNode.nodeId", v);
  }
  if (v === 2) {
    writeArray(w, v, true, o.listeners, writeDescribeQuorumResponseListener);
  } else if (!(v === 2) && o.listeners !== null && o.listeners.length > 0) {
    throw notInVersion("DescribeQuorumResponseNode.listeners", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeQuorumResponse {
  /** The top level error code. Versions 0-2. */
  errorCode: number;
  /** The error message, or null if there was no error. Versions 2; nullable in 2. */
  errorMessage: string | null;
  /** Versions 0-2. */
  topics: DescribeQuorumResponseTopicData[];
  /** Versions 2. */
  nodes: DescribeQuorumResponseNode[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeQuorumResponse(): DescribeQuorumResponse {
  return {
    errorCode: 0,
    errorMessage: "",
    topics: [],
    nodes: [],
  };
}

export function readDescribeQuorumResponse(r: Reader, v: number): DescribeQuorumResponse {
  const flex = true;
  const errorCode = r.int16();
  const errorMessage = (v === 2 ? r.compactNullableString() : "");
  const topics = readArray(r, v, true, false, 2, readDescribeQuorumResponseTopicData);
  const nodes = (v === 2 ? readArray(r, v, true, false, 5, readDescribeQuorumResponseNode) : []);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeQuorumResponse = {
    errorCode,
    errorMessage,
    topics,
    nodes,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeQuorumResponse(w: Writer, o: DescribeQuorumResponse, v: number): void {
  const flex = true;
  w.int16(o.errorCode);
  if (v === 2) {
    w.compactNullableString(o.errorMessage);
  }
  writeArray(w, v, true, o.topics, writeDescribeQuorumResponseTopicData);
  if (v === 2) {
    writeArray(w, v, true, o.nodes, writeDescribeQuorumResponseNode);
  } else if (!(v === 2) && o.nodes !== null && o.nodes.length > 0) {
    throw notInVersion("DescribeQuorumResponse.nodes", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
