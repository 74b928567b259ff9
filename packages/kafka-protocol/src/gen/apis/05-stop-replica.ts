// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// StopReplica (API key 5): stable versions 0-4, flexible from 2.

import { type Reader, type TaggedField, type Writer, notInVersion, readArray, readElement_int32, writeArray, writeElement_int32 } from "../../codec/runtime.js";

export interface StopReplicaRequestStopReplicaPartitionV0 {
  /** The topic name. Versions 0; entity: topicName. */
  topicName: string;
  /** The partition index. Versions 0. */
  partitionIndex: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultStopReplicaRequestStopReplicaPartitionV0(): StopReplicaRequestStopReplicaPartitionV0 {
  return {
    topicName: "",
    partitionIndex: 0,
  };
}

export function readStopReplicaRequestStopReplicaPartitionV0(r: Reader, v: number): StopReplicaRequestStopReplicaPartitionV0 {
  const flex = v >= 2;
  const topicName = (v === 0 ? r.string() : "");
  const partitionIndex = (v === 0 ? r.int32() : 0);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: StopReplicaRequestStopReplicaPartitionV0 = {
    topicName,
    partitionIndex,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeStopReplicaRequestStopReplicaPartitionV0(w: Writer, o: StopReplicaRequestStopReplicaPartitionV0, v: number): void {
  const flex = v >= 2;
  if (v === 0) {
    w.string(o.topicName);
  } else if (!(v === 0) && o.topicName !== "") {
    throw notInVersion("StopReplicaRequestStopReplicaPartitionV0.topicName", v);
  }
  if (v === 0) {
    w.int32(o.partitionIndex);
  } else if (!(v === 0) && o.partitionIndex !== 0) {
    throw notInVersion("StopReplicaRequestStopReplicaPartitionV0.partitionIndex", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface StopReplicaRequestStopReplicaTopicV1 {
  /** The topic name. Versions 1-2; entity: topicName. */
  name: string;
  /** The partition indexes. Versions 1-2. */
  partitionIndexes: number[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultStopReplicaRequestStopReplicaTopicV1(): StopReplicaRequestStopReplicaTopicV1 {
  return {
    name: "",
    partitionIndexes: [],
  };
}

export function readStopReplicaRequestStopReplicaTopicV1(r: Reader, v: number): StopReplicaRequestStopReplicaTopicV1 {
  const flex = v >= 2;
  const name = ((v >= 1 && v <= 2) ? (v === 2 ? r.compactString() : r.string()) : "");
  const partitionIndexes = ((v >= 1 && v <= 2) ? readArray(r, v, v === 2, false, 4, readElement_int32) : []);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: StopReplicaRequestStopReplicaTopicV1 = {
    name,
    partitionIndexes,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeStopReplicaRequestStopReplicaTopicV1(w: Writer, o: StopReplicaRequestStopReplicaTopicV1, v: number): void {
  const flex = v >= 2;
  if ((v >= 1 && v <= 2)) {
    if (v === 2) w.compactString(o.name); else w.string(o.name);
  } else if (!((v >= 1 && v <= 2)) && o.name !== "") {
    throw notInVersion("StopReplicaRequestStopReplicaTopicV1.name", v);
  }
  if ((v >= 1 && v <= 2)) {
    writeArray(w, v, v === 2, o.partitionIndexes, writeElement_int32);
  } else if (!((v >= 1 && v <= 2)) && o.partitionIndexes !== null && o.partitionIndexes.length > 0) {
    throw notInVersion("StopReplicaRequestStopReplicaTopicV1.partitionIndexes", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface StopReplicaRequestStopReplicaPartitionState {
  /** The partition index. Versions 3-4. */
  partitionIndex: number;
  /** The leader epoch. Versions 3-4. */
  leaderEpoch: number;
  /** Whether this partition should be deleted. Versions 3-4. */
  deletePartition: boolean;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultStopReplicaRequestStopReplicaPartitionState(): StopReplicaRequestStopReplicaPartitionState {
  return {
    partitionIndex: 0,
    leaderEpoch: -1,
    deletePartition: false,
  };
}

export function readStopReplicaRequestStopReplicaPartitionState(r: Reader, v: number): StopReplicaRequestStopReplicaPartitionState {
  const flex = v >= 2;
  const partitionIndex = (v >= 3 ? r.int32() : 0);
  const leaderEpoch = (v >= 3 ? r.int32() : -1);
  const deletePartition = (v >= 3 ? r.bool() : false);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: StopReplicaRequestStopReplicaPartitionState = {
    partitionIndex,
    leaderEpoch,
    deletePartition,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeStopReplicaRequestStopReplicaPartitionState(w: Writer, o: StopReplicaRequestStopReplicaPartitionState, v: number): void {
  const flex = v >= 2;
  if (v >= 3) {
    w.int32(o.partitionIndex);
  } else if (!(v >= 3) && o.partitionIndex !== 0) {
    throw notInVersion("StopReplicaRequestStopReplicaPartitionState.partitionIndex", v);
  }
  if (v >= 3) {
    w.int32(o.leaderEpoch);
  } else if (!(v >= 3) && o.leaderEpoch !== -1) {
    throw notInVersion("StopReplicaRequestStopReplicaPartitionState.leaderEpoch", v);
  }
  if (v >= 3) {
    w.bool(o.deletePartition);
  } else if (!(v >= 3) && o.deletePartition !== false) {
    throw notInVersion("StopReplicaRequestStopReplicaPartitionState.deletePartition", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface StopReplicaRequestStopReplicaTopicState {
  /** The topic name. Versions 3-4; entity: topicName. */
  topicName: string;
  /** The state of each partition Versions 3-4. */
  partitionStates: StopReplicaRequestStopReplicaPartitionState[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultStopReplicaRequestStopReplicaTopicState(): StopReplicaRequestStopReplicaTopicState {
  return {
    topicName: "",
    partitionStates: [],
  };
}

export function readStopReplicaRequestStopReplicaTopicState(r: Reader, v: number): StopReplicaRequestStopReplicaTopicState {
  const flex = v >= 2;
  const topicName = (v >= 3 ? r.compactString() : "");
  const partitionStates = (v >= 3 ? readArray(r, v, true, false, 9, readStopReplicaRequestStopReplicaPartitionState) : []);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: StopReplicaRequestStopReplicaTopicState = {
    topicName,
    partitionStates,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeStopReplicaRequestStopReplicaTopicState(w: Writer, o: StopReplicaRequestStopReplicaTopicState, v: number): void {
  const flex = v >= 2;
  if (v >= 3) {
    w.compactString(o.topicName);
  } else if (!(v >= 3) && o.topicName !== "") {
    throw notInVersion("StopReplicaRequestStopReplicaTopicState.topicName", v);
  }
  if (v >= 3) {
    writeArray(w, v, true, o.partitionStates, writeStopReplicaRequestStopReplicaPartitionState);
  } else if (!(v >= 3) && o.partitionStates !== null && o.partitionStates.length > 0) {
    throw notInVersion("StopReplicaRequestStopReplicaTopicState.partitionStates", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface StopReplicaRequest {
  /** The controller id. Versions 0-4; entity: brokerId. */
  controllerId: number;
  /** If KRaft controller id is used during migration. See KIP-866 Versions 4. */
  isKRaftController: boolean;
  /** The controller epoch. Versions 0-4. */
  controllerEpoch: number;
  /** The broker epoch. Versions 1-4. */
  brokerEpoch: bigint;
  /** Whether these partitions should be deleted. Versions 0-2. */
  deletePartitions: boolean;
  /** The partitions to stop. Versions 0. */
  ungroupedPartitions: StopReplicaRequestStopReplicaPartitionV0[];
  /** The topics to stop. Versions 1-2. */
  topics: StopReplicaRequestStopReplicaTopicV1[];
  /** Each topic. Versions 3-4. */
  topicStates: StopReplicaRequestStopReplicaTopicState[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultStopReplicaRequest(): StopReplicaRequest {
  return {
    controllerId: 0,
    isKRaftController: false,
    controllerEpoch: 0,
    brokerEpoch: -1n,
    deletePartitions: false,
    ungroupedPartitions: [],
    topics: [],
    topicStates: [],
  };
}

export function readStopReplicaRequest(r: Reader, v: number): StopReplicaRequest {
  const flex = v >= 2;
  const controllerId = r.int32();
  const isKRaftController = (v === 4 ? r.bool() : false);
  const controllerEpoch = r.int32();
  const brokerEpoch = (v >= 1 ? r.int64() : -1n);
  const deletePartitions = (v <= 2 ? r.bool() : false);
  const ungroupedPartitions = (v === 0 ? readArray(r, v, false, false, 5, readStopReplicaRequestStopReplicaPartitionV0) : []);
  const topics = ((v >= 1 && v <= 2) ? readArray(r, v, v === 2, false, 2, readStopReplicaRequestStopReplicaTopicV1) : []);
  const topicStates = (v >= 3 ? readArray(r, v, true, false, 2, readStopReplicaRequestStopReplicaTopicState) : []);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: StopReplicaRequest = {
    controllerId,
    isKRaftController,
    controllerEpoch,
    brokerEpoch,
    deletePartitions,
    ungroupedPartitions,
    topics,
    topicStates,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeStopReplicaRequest(w: Writer, o: StopReplicaRequest, v: number): void {
  const flex = v >= 2;
  w.int32(o.controllerId);
  if (v === 4) {
    w.bool(o.isKRaftController);
  } else if (!(v === 4) && o.isKRaftController !== false) {
    throw notInVersion("StopReplicaRequest.isKRaftController", v);
  }
  w.int32(o.controllerEpoch);
  if (v >= 1) {
    w.int64(o.brokerEpoch);
  }
  if (v <= 2) {
    w.bool(o.deletePartitions);
  } else if (!(v <= 2) && o.deletePartitions !== false) {
    throw notInVersion("StopReplicaRequest.deletePartitions", v);
  }
  if (v === 0) {
    writeArray(w, v, false, o.ungroupedPartitions, writeStopReplicaRequestStopReplicaPartitionV0);
  } else if (!(v === 0) && o.ungroupedPartitions !== null && o.ungroupedPartitions.length > 0) {
    throw notInVersion("StopReplicaRequest.ungroupedPartitions", v);
  }
  if ((v >= 1 && v <= 2)) {
    writeArray(w, v, v === 2, o.topics, writeStopReplicaRequestStopReplicaTopicV1);
  } else if (!((v >= 1 && v <= 2)) && o.topics !== null && o.topics.length > 0) {
    throw notInVersion("StopReplicaRequest.topics", v);
  }
  if (v >= 3) {
    writeArray(w, v, true, o.topicStates, writeStopReplicaRequestStopReplicaTopicState);
  } else if (!(v >= 3) && o.topicStates !== null && o.topicStates.length > 0) {
    throw notInVersion("StopReplicaRequest.topicStates", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface StopReplicaResponseStopReplicaPartitionError {
  /** The topic name. Versions 0-4; entity: topicName. */
  topicName: string;
  /** The partition index. Versions 0-4. */
  partitionIndex: number;
  /** The partition error code, or 0 if there was no partition error. Versions 0-4. */
  errorCode: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultStopReplicaResponseStopReplicaPartitionError(): StopReplicaResponseStopReplicaPartitionError {
  return {
    topicName: "",
    partitionIndex: 0,
    errorCode: 0,
  };
}

export function readStopReplicaResponseStopReplicaPartitionError(r: Reader, v: number): StopReplicaResponseStopReplicaPartitionError {
  const flex = v >= 2;
  const topicName = (v >= 2 ? r.compactString() : r.string());
  const partitionIndex = r.int32();
  const errorCode = r.int16();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: StopReplicaResponseStopReplicaPartitionError = {
    topicName,
    partitionIndex,
    errorCode,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeStopReplicaResponseStopReplicaPartitionError(w: Writer, o: StopReplicaResponseStopReplicaPartitionError, v: number): void {
  const flex = v >= 2;
  if (v >= 2) w.compactString(o.topicName); else w.string(o.topicName);
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface StopReplicaResponse {
  /** The top-level error code, or 0 if there was no top-level error. Versions 0-4. */
  errorCode: number;
  /** The responses for each partition. Versions 0-4. */
  partitionErrors: StopReplicaResponseStopReplicaPartitionError[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultStopReplicaResponse(): StopReplicaResponse {
  return {
    errorCode: 0,
    partitionErrors: [],
  };
}

export function readStopReplicaResponse(r: Reader, v: number): StopReplicaResponse {
  const flex = v >= 2;
  const errorCode = r.int16();
  const partitionErrors = readArray(r, v, v >= 2, false, 7, readStopReplicaResponseStopReplicaPartitionError);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: StopReplicaResponse = {
    errorCode,
    partitionErrors,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeStopReplicaResponse(w: Writer, o: StopReplicaResponse, v: number): void {
  const flex = v >= 2;
  w.int16(o.errorCode);
  writeArray(w, v, v >= 2, o.partitionErrors, writeStopReplicaResponseStopReplicaPartitionError);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
