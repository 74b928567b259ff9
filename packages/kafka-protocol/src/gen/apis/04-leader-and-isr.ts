// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// LeaderAndIsr (API key 4): stable versions 0-7, flexible from 4.

import { type Reader, type TaggedField, type Uuid, type Writer, ZERO_UUID, notInVersion, readArray, readElement_int32, writeArray, writeElement_int32 } from "../../codec/runtime.js";

export interface LeaderAndIsrRequestLeaderAndIsrPartitionState {
  /** The topic name.  This is only present in v0 or v1. Versions 0-1; entity: topicName. */
  topicName: string;
  /** The partition index. Versions 0-7. */
  partitionIndex: number;
  /** The controller epoch. Versions 0-7. */
  controllerEpoch: number;
  /** The broker ID of the leader. Versions 0-7; entity: brokerId. */
  leader: number;
  /** The leader epoch. Versions 0-7. */
  leaderEpoch: number;
  /** The in-sync replica IDs. Versions 0-7; entity: brokerId. */
  isr: number[];
  /** The current epoch for the partition. The epoch is a monotonically increasing value which is incremented after every partition change. (Since the LeaderAndIsr request is only used by the legacy controller, this corresponds to the zkVersion) Versions 0-7. */
  partitionEpoch: number;
  /** The replica IDs. Versions 0-7; entity: brokerId. */
  replicas: number[];
  /** The replica IDs that we are adding this partition to, or null if no replicas are being added. Versions 3-7; entity: brokerId. */
  addingReplicas: number[];
  /** The replica IDs that we are removing this partition from, or null if no replicas are being removed. Versions 3-7; entity: brokerId. */
  removingReplicas: number[];
  /** Whether the replica should have existed on the broker or not. Versions 1-7. */
  isNew: boolean;
  /** 1 if the partition is recovering from an unclean leader election; 0 otherwise. Versions 6-7. */
  leaderRecoveryState: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultLeaderAndIsrRequestLeaderAndIsrPartitionState(): LeaderAndIsrRequestLeaderAndIsrPartitionState {
  return {
    topicName: "",
    partitionIndex: 0,
    controllerEpoch: 0,
    leader: 0,
    leaderEpoch: 0,
    isr: [],
    partitionEpoch: 0,
    replicas: [],
    addingReplicas: [],
    removingReplicas: [],
    isNew: false,
    leaderRecoveryState: 0,
  };
}

export function readLeaderAndIsrRequestLeaderAndIsrPartitionState(r: Reader, v: number): LeaderAndIsrRequestLeaderAndIsrPartitionState {
  const flex = v >= 4;
  const topicName = (v <= 1 ? r.string() : "");
  const partitionIndex = r.int32();
  const controllerEpoch = r.int32();
  const leader = r.int32();
  const leaderEpoch = r.int32();
  const isr = readArray(r, v, v >= 4, false, 4, readElement_int32);
  const partitionEpoch = r.int32();
  const replicas = readArray(r, v, v >= 4, false, 4, readElement_int32);
  const addingReplicas = (v >= 3 ? readArray(r, v, v >= 4, false, 4, readElement_int32) : []);
  const removingReplicas = (v >= 3 ? readArray(r, v, v >= 4, false, 4, readElement_int32) : []);
  const isNew = (v >= 1 ? r.bool() : false);
  const leaderRecoveryState = (v >= 6 ? r.int8() : 0);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: LeaderAndIsrRequestLeaderAndIsrPartitionState = {
    topicName,
    partitionIndex,
    controllerEpoch,
    leader,
    leaderEpoch,
    isr,
    partitionEpoch,
    replicas,
    addingReplicas,
    removingReplicas,
    isNew,
    leaderRecoveryState,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeLeaderAndIsrRequestLeaderAndIsrPartitionState(w: Writer, o: LeaderAndIsrRequestLeaderAndIsrPartitionState, v: number): void {
  const flex = v >= 4;
  if (v <= 1) {
    w.string(o.topicName);
  }
  w.int32(o.partitionIndex);
  w.int32(o.controllerEpoch);
  w.int32(o.leader);
  w.int32(o.leaderEpoch);
  writeArray(w, v, v >= 4, o.isr, writeElement_int32);
  w.int32(o.partitionEpoch);
  writeArray(w, v, v >= 4, o.replicas, writeElement_int32);
  if (v >= 3) {
    writeArray(w, v, v >= 4, o.addingReplicas, writeElement_int32);
  }
  if (v >= 3) {
    writeArray(w, v, v >= 4, o.removingReplicas, writeElement_int32);
  }
  if (v >= 1) {
    w.bool(o.isNew);
  }
  if (v >= 6) {
    w.int8(o.leaderRecoveryState);
  } else if (!(v >= 6) && o.leaderRecoveryState !== 0) {
    throw notInVersion("LeaderAndIsrRequestLeaderAndIsrPartitionState.leaderRecoveryState", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface LeaderAndIsrRequestLeaderAndIsrTopicState {
  /** The topic name. Versions 2-7; entity: topicName. */
  topicName: string;
  /** The unique topic ID. Versions 5-7. */
  topicId: Uuid;
  /** The state of each partition Versions 2-7. */
  partitionStates: LeaderAndIsrRequestLeaderAndIsrPartitionState[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultLeaderAndIsrRequestLeaderAndIsrTopicState(): LeaderAndIsrRequestLeaderAndIsrTopicState {
  return {
    topicName: "",
    topicId: ZERO_UUID,
    partitionStates: [],
  };
}

export function readLeaderAndIsrRequestLeaderAndIsrTopicState(r: Reader, v: number): LeaderAndIsrRequestLeaderAndIsrTopicState {
  const flex = v >= 4;
  const topicName = (v >= 2 ? (v >= 4 ? r.compactString() : r.string()) : "");
  const topicId = (v >= 5 ? r.uuid() : ZERO_UUID);
  const partitionStates = (v >= 2 ? readArray(r, v, v >= 4, false, 23, readLeaderAndIsrRequestLeaderAndIsrPartitionState) : []);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: LeaderAndIsrRequestLeaderAndIsrTopicState = {
    topicName,
    topicId,
    partitionStates,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeLeaderAndIsrRequestLeaderAndIsrTopicState(w: Writer, o: LeaderAndIsrRequestLeaderAndIsrTopicState, v: number): void {
  const flex = v >= 4;
  if (v >= 2) {
    if (v >= 4) w.compactString(o.topicName); else w.string(o.topicName);
  } else if (!(v >= 2) && o.topicName !== "") {
    throw notInVersion("LeaderAndIsrRequestLeaderAndIsrTopicState.topicName", v);
  }
  if (v >= 5) {
    w.uuid(o.topicId);
  }
  if (v >= 2) {
    writeArray(w, v, v >= 4, o.partitionStates, writeLeaderAndIsrRequestLeaderAndIsrPartitionState);
  } else if (!(v >= 2) && o.partitionStates !== null && o.partitionStates.length > 0) {
    throw notInVersion("LeaderAndIsrRequestLeaderAndIsrTopicState.partitionStates", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface LeaderAndIsrRequestLeaderAndIsrLiveLeader {
  /** The leader's broker ID. Versions 0-7; entity: brokerId. */
  brokerId: number;
  /** The leader's hostname. Versions 0-7. */
  hostName: string;
  /** The leader's port. Versions 0-7. */
  port: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultLeaderAndIsrRequestLeaderAndIsrLiveLeader(): LeaderAndIsrRequestLeaderAndIsrLiveLeader {
  return {
    brokerId: 0,
    hostName: "",
    port: 0,
  };
}

export function readLeaderAndIsrRequestLeaderAndIsrLiveLeader(r: Reader, v: number): LeaderAndIsrRequestLeaderAndIsrLiveLeader {
  const flex = v >= 4;
  const brokerId = r.int32();
  const hostName = (v >= 4 ? r.compactString() : r.string());
  const port = r.int32();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: LeaderAndIsrRequestLeaderAndIsrLiveLeader = {
    brokerId,
    hostName,
    port,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeLeaderAndIsrRequestLeaderAndIsrLiveLeader(w: Writer, o: LeaderAndIsrRequestLeaderAndIsrLiveLeader, v: number): void {
  const flex = v >= 4;
  w.int32(o.brokerId);
  if (v >= 4) w.compactString(o.hostName); else w.string(o.hostName);
  w.int32(o.port);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface LeaderAndIsrRequest {
  /** The current controller ID. Versions 0-7; entity: brokerId. */
  controllerId: number;
  /** If KRaft controller id is used during migration. See KIP-866 Versions 7. */
  isKRaftController: boolean;
  /** The current controller epoch. Versions 0-7. */
  controllerEpoch: number;
  /** The current broker epoch. Versions 2-7. */
  brokerEpoch: bigint;
  /** The type that indicates whether all topics are included in the request Versions 5-7. */
  type: number;
  /** The state of each partition, in a v0 or v1 message. Versions 0-1. */
  ungroupedPartitionStates: LeaderAndIsrRequestLeaderAndIsrPartitionState[];
  /** Each topic. Versions 2-7. */
  topicStates: LeaderAndIsrRequestLeaderAndIsrTopicState[];
  /** The current live leaders. Versions 0-7. */
  liveLeaders: LeaderAndIsrRequestLeaderAndIsrLiveLeader[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultLeaderAndIsrRequest(): LeaderAndIsrRequest {
  return {
    controllerId: 0,
    isKRaftController: false,
    controllerEpoch: 0,
    brokerEpoch: -1n,
    type: 0,
    ungroupedPartitionStates: [],
    topicStates: [],
    liveLeaders: [],
  };
}

export function readLeaderAndIsrRequest(r: Reader, v: number): LeaderAndIsrRequest {
  const flex = v >= 4;
  const controllerId = r.int32();
  const isKRaftController = (v === 7 ? r.bool() : false);
  const controllerEpoch = r.int32();
  const brokerEpoch = (v >= 2 ? r.int64() : -1n);
  const type = (v >= 5 ? r.int8() : 0);
  const ungroupedPartitionStates = (v <= 1 ? readArray(r, v, false, false, 23, readLeaderAndIsrRequestLeaderAndIsrPartitionState) : []);
  const topicStates = (v >= 2 ? readArray(r, v, v >= 4, false, 2, readLeaderAndIsrRequestLeaderAndIsrTopicState) : []);
  const liveLeaders = readArray(r, v, v >= 4, false, 9, readLeaderAndIsrRequestLeaderAndIsrLiveLeader);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: LeaderAndIsrRequest = {
    controllerId,
    isKRaftController,
    controllerEpoch,
    brokerEpoch,
    type,
    ungroupedPartitionStates,
    topicStates,
    liveLeaders,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeLeaderAndIsrRequest(w: Writer, o: LeaderAndIsrRequest, v: number): void {
  const flex = v >= 4;
  w.int32(o.controllerId);
  if (v === 7) {
    w.bool(o.isKRaftController);
  } else if (!(v === 7) && o.isKRaftController !== false) {
    throw notInVersion("LeaderAndIsrRequest.isKRaftController", v);
  }
  w.int32(o.controllerEpoch);
  if (v >= 2) {
    w.int64(o.brokerEpoch);
  }
  if (v >= 5) {
    w.int8(o.type);
  } else if (!(v >= 5) && o.type !== 0) {
    throw notInVersion("LeaderAndIsrRequest.type", v);
  }
  if (v <= 1) {
    writeArray(w, v, false, o.ungroupedPartitionStates, writeLeaderAndIsrRequestLeaderAndIsrPartitionState);
  } else if (!(v <= 1) && o.ungroupedPartitionStates !== null && o.ungroupedPartitionStates.length > 0) {
    throw notInVersion("LeaderAndIsrRequest.ungroupedPartitionStates", v);
  }
  if (v >= 2) {
    writeArray(w, v, v >= 4, o.topicStates, writeLeaderAndIsrRequestLeaderAndIsrTopicState);
  } else if (!(v >= 2) && o.topicStates !== null && o.topicStates.length > 0) {
    throw notInVersion("LeaderAndIsrRequest.topicStates", v);
  }
  writeArray(w, v, v >= 4, o.liveLeaders, writeLeaderAndIsrRequestLeaderAndIsrLiveLeader);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface LeaderAndIsrResponseLeaderAndIsrPartitionError {
  /** The topic name. Versions 0-4; entity: topicName. */
  topicName: string;
  /** The partition index. Versions 0-7. */
  partitionIndex: number;
  /** The partition error code, or 0 if there was no error. Versions 0-7. */
  errorCode: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultLeaderAndIsrResponseLeaderAndIsrPartitionError(): LeaderAndIsrResponseLeaderAndIsrPartitionError {
  return {
    topicName: "",
    partitionIndex: 0,
    errorCode: 0,
  };
}

export function readLeaderAndIsrResponseLeaderAndIsrPartitionError(r: Reader, v: number): LeaderAndIsrResponseLeaderAndIsrPartitionError {
  const flex = v >= 4;
  const topicName = (v <= 4 ? (v === 4 ? r.compactString() : r.string()) : "");
  const partitionIndex = r.int32();
  const errorCode = r.int16();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: LeaderAndIsrResponseLeaderAndIsrPartitionError = {
    topicName,
    partitionIndex,
    errorCode,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeLeaderAndIsrResponseLeaderAndIsrPartitionError(w: Writer, o: LeaderAndIsrResponseLeaderAndIsrPartitionError, v: number): void {
  const flex = v >= 4;
  if (v <= 4) {
    if (v === 4) w.compactString(o.topicName); else w.string(o.topicName);
  }
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface LeaderAndIsrResponseLeaderAndIsrTopicError {
  /** The unique topic ID Versions 5-7; map key. */
  topicId: Uuid;
  /** Each partition. Versions 5-7. */
  partitionErrors: LeaderAndIsrResponseLeaderAndIsrPartitionError[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultLeaderAndIsrResponseLeaderAndIsrTopicError(): LeaderAndIsrResponseLeaderAndIsrTopicError {
  return {
    topicId: ZERO_UUID,
    partitionErrors: [],
  };
}

export function readLeaderAndIsrResponseLeaderAndIsrTopicError(r: Reader, v: number): LeaderAndIsrResponseLeaderAndIsrTopicError {
  const flex = v >= 4;
  const topicId = (v >= 5 ? r.uuid() : ZERO_UUID);
  const partitionErrors = (v >= 5 ? readArray(r, v, true, false, 6, readLeaderAndIsrResponseLeaderAndIsrPartitionError) : []);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: LeaderAndIsrResponseLeaderAndIsrTopicError = {
    topicId,
    partitionErrors,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeLeaderAndIsrResponseLeaderAndIsrTopicError(w: Writer, o: LeaderAndIsrResponseLeaderAndIsrTopicError, v: number): void {
  const flex = v >= 4;
  if (v >= 5) {
    w.uuid(o.topicId);
  } else if (!(v >= 5) && o.topicId !== ZERO_UUID) {
    throw notInVersion("LeaderAndIsrResponseLeaderAndIsrTopicError.topicId", v);
  }
  if (v >= 5) {
    writeArray(w, v, true, o.partitionErrors, writeLeaderAndIsrResponseLeaderAndIsrPartitionError);
  } else if (!(v >= 5) && o.partitionErrors !== null && o.partitionErrors.length > 0) {
    throw notInVersion("LeaderAndIsrResponseLeaderAndIsrTopicError.partitionErrors", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface LeaderAndIsrResponse {
  /** The error code, or 0 if there was no error. Versions 0-7. */
  errorCode: number;
  /** Each partition in v0 to v4 message. Versions 0-4. */
  partitionErrors: LeaderAndIsrResponseLeaderAndIsrPartitionError[];
  /** Each topic Versions 5-7. */
  topics: LeaderAndIsrResponseLeaderAndIsrTopicError[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultLeaderAndIsrResponse(): LeaderAndIsrResponse {
  return {
    errorCode: 0,
    partitionErrors: [],
    topics: [],
  };
}

export function readLeaderAndIsrResponse(r: Reader, v: number): LeaderAndIsrResponse {
  const flex = v >= 4;
  const errorCode = r.int16();
  const partitionErrors = (v <= 4 ? readArray(r, v, v === 4, false, 7, readLeaderAndIsrResponseLeaderAndIsrPartitionError) : []);
  const topics = (v >= 5 ? readArray(r, v, true, false, 17, readLeaderAndIsrResponseLeaderAndIsrTopicError) : []);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: LeaderAndIsrResponse = {
    errorCode,
    partitionErrors,
    topics,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeLeaderAndIsrResponse(w: Writer, o: LeaderAndIsrResponse, v: number): void {
  const flex = v >= 4;
  w.int16(o.errorCode);
  if (v <= 4) {
    writeArray(w, v, v === 4, o.partitionErrors, writeLeaderAndIsrResponseLeaderAndIsrPartitionError);
  } else if (!(v <= 4) && o.partitionErrors !== null && o.partitionErrors.length > 0) {
    throw notInVersion("LeaderAndIsrResponse.partitionErrors", v);
  }
  if (v >= 5) {
    writeArray(w, v, true, o.topics, writeLeaderAndIsrResponseLeaderAndIsrTopicError);
  } else if (!(v >= 5) && o.topics !== null && o.topics.length > 0) {
    throw notInVersion("LeaderAndIsrResponse.topics", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
