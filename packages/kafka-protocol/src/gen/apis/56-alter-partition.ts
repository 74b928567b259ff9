// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// AlterPartition (API key 56): stable versions 0-3, flexible from 0.

import { type Reader, type TaggedField, type Uuid, type Writer, ZERO_UUID, notInVersion, readArray, readElement_int32, writeArray, writeElement_int32 } from "../../codec/runtime.js";

export interface AlterPartitionRequestBrokerState {
  /** The ID of the broker. Versions 3; entity: brokerId. */
  brokerId: number;
  /** The epoch of the broker. It will be -1 if the epoch check is not supported. Versions 3. */
  brokerEpoch: bigint;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterPartitionRequestBrokerState(): AlterPartitionRequestBrokerState {
  return {
    brokerId: 0,
    brokerEpoch: -1n,
  };
}

export function readAlterPartitionRequestBrokerState(r: Reader, v: number): AlterPartitionRequestBrokerState {
  const flex = true;
  const brokerId = (v === 3 ? r.int32() : 0);
  const brokerEpoch = (v === 3 ? r.int64() : -1n);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AlterPartitionRequestBrokerState = {
    brokerId,
    brokerEpoch,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAlterPartitionRequestBrokerState(w: Writer, o: AlterPartitionRequestBrokerState, v: number): void {
  const flex = true;
  if (v === 3) {
    w.int32(o.brokerId);
  } else if (!(v === 3) && o.brokerId !== 0) {
    throw notInVersion("AlterPartitionRequestBrokerState.brokerId", v);
  }
  if (v === 3) {
    w.int64(o.brokerEpoch);
  } else if (!(v === 3) && o.brokerEpoch !== -1n) {
    throw notInVersion("AlterPartitionRequestBrokerState.brokerEpoch", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AlterPartitionRequestPartitionData {
  /** The partition index Versions 0-3. */
  partitionIndex: number;
  /** The leader epoch of this partition Versions 0-3. */
  leaderEpoch: number;
  /** The ISR for this partition. Deprecated since version 3. Versions 0-2; entity: brokerId. */
  newIsr: number[];
  /** Versions 3. */
  newIsrWithEpochs: AlterPartitionRequestBrokerState[];
  /** 1 if the partition is recovering from an unclean leader election; 0 otherwise. Versions 1-3. */
  leaderRecoveryState: number;
  /** The expected epoch of the partition which is being updated. For legacy cluster this is the ZkVersion in the LeaderAndIsr request. Versions 0-3. */
  partitionEpoch: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterPartitionRequestPartitionData(): AlterPartitionRequestPartitionData {
  return {
    partitionIndex: 0,
    leaderEpoch: 0,
    newIsr: [],
    newIsrWithEpochs: [],
    leaderRecoveryState: 0,
    partitionEpoch: 0,
  };
}

export function readAlterPartitionRequestPartitionData(r: Reader, v: number): AlterPartitionRequestPartitionData {
  const flex = true;
  const partitionIndex = r.int32();
  const leaderEpoch = r.int32();
  const newIsr = (v <= 2 ? readArray(r, v, true, false, 4, readElement_int32) : []);
  const newIsrWithEpochs = (v === 3 ? readArray(r, v, true, false, 12, readAlterPartitionRequestBrokerState) : []);
  const leaderRecoveryState = (v >= 1 ? r.int8() : 0);
  const partitionEpoch = r.int32();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AlterPartitionRequestPartitionData = {
    partitionIndex,
    leaderEpoch,
    newIsr,
    newIsrWithEpochs,
    leaderRecoveryState,
    partitionEpoch,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAlterPartitionRequestPartitionData(w: Writer, o: AlterPartitionRequestPartitionData, v: number): void {
  const flex = true;
  w.int32(o.partitionIndex);
  w.int32(o.leaderEpoch);
  if (v <= 2) {
    writeArray(w, v, true, o.newIsr, writeElement_int32);
  } else if (!(v <= 2) && o.newIsr !== null && o.newIsr.length > 0) {
    throw notInVersion("AlterPartitionRequestPartitionData.newIsr", v);
  }
  if (v === 3) {
    writeArray(w, v, true, o.newIsrWithEpochs, writeAlterPartitionRequestBrokerState);
  } else if (!(v === 3) && o.newIsrWithEpochs !== null && o.newIsrWithEpochs.length > 0) {
    throw notInVersion("AlterPartitionRequestPartitionData.newIsrWithEpochs", v);
  }
  if (v >= 1) {
    w.int8(o.leaderRecoveryState);
  } else if (!(v >= 1) && o.leaderRecoveryState !== 0) {
    throw notInVersion("AlterPartitionRequestPartitionData.leaderRecoveryState", v);
  }
  w.int32(o.partitionEpoch);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AlterPartitionRequestTopicData {
  /** The name of the topic to alter ISRs for Versions 0-1; entity: topicName. */
  topicName: string;
  /** The ID of the topic to alter ISRs for Versions 2-3. */
  topicId: Uuid;
  /** Versions 0-3. */
  partitions: AlterPartitionRequestPartitionData[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterPartitionRequestTopicData(): AlterPartitionRequestTopicData {
  return {
    topicName: "",
    topicId: ZERO_UUID,
    partitions: [],
  };
}

export function readAlterPartitionRequestTopicData(r: Reader, v: number): AlterPartitionRequestTopicData {
  const flex = true;
  const topicName = (v <= 1 ? r.compactString() : "");
  const topicId = (v >= 2 ? r.uuid() : ZERO_UUID);
  const partitions = readArray(r, v, true, false, 13, readAlterPartitionRequestPartitionData);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AlterPartitionRequestTopicData = {
    topicName,
    topicId,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAlterPartitionRequestTopicData(w: Writer, o: AlterPartitionRequestTopicData, v: number): void {
  const flex = true;
  if (v <= 1) {
    w.compactString(o.topicName);
  }
  if (v >= 2) {
    w.uuid(o.topicId);
  }
  writeArray(w, v, true, o.partitions, writeAlterPartitionRequestPartitionData);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AlterPartitionRequest {
  /** The ID of the requesting broker Versions 0-3; entity: brokerId. */
  brokerId: number;
  /** The epoch of the requesting broker Versions 0-3. */
  brokerEpoch: bigint;
  /** Versions 0-3. */
  topics: AlterPartitionRequestTopicData[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterPartitionRequest(): AlterPartitionRequest {
  return {
    brokerId: 0,
    brokerEpoch: -1n,
    topics: [],
  };
}

export function readAlterPartitionRequest(r: Reader, v: number): AlterPartitionRequest {
  const flex = true;
  const brokerId = r.int32();
  const brokerEpoch = r.int64();
  const topics = readArray(r, v, true, false, 2, readAlterPartitionRequestTopicData);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AlterPartitionRequest = {
    brokerId,
    brokerEpoch,
    topics,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAlterPartitionRequest(w: Writer, o: AlterPartitionRequest, v: number): void {
  const flex = true;
  w.int32(o.brokerId);
  w.int64(o.brokerEpoch);
  writeArray(w, v, true, o.topics, writeAlterPartitionRequestTopicData);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AlterPartitionResponsePartitionData {
  /** The partition index Versions 0-3. */
  partitionIndex: number;
  /** The partition level error code Versions 0-3. */
  errorCode: number;
  /** The broker ID of the leader. Versions 0-3; entity: brokerId. */
  leaderId: number;
  /** The leader epoch. Versions 0-3. */
  leaderEpoch: number;
  /** The in-sync replica IDs. Versions 0-3; entity: brokerId. */
  isr: number[];
  /** 1 if the partition is recovering from an unclean leader election; 0 otherwise. Versions 1-3. */
  leaderRecoveryState: number;
  /** The current epoch for the partition for KRaft controllers. The current ZK version for the legacy controllers. Versions 0-3. */
  partitionEpoch: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterPartitionResponsePartitionData(): AlterPartitionResponsePartitionData {
  return {
    partitionIndex: 0,
    errorCode: 0,
    leaderId: 0,
    leaderEpoch: 0,
    isr: [],
    leaderRecoveryState: 0,
    partitionEpoch: 0,
  };
}

export function readAlterPartitionResponsePartitionData(r: Reader, v: number): AlterPartitionResponsePartitionData {
  const flex = true;
  const partitionIndex = r.int32();
  const errorCode = r.int16();
  const leaderId = r.int32();
  const leaderEpoch = r.int32();
  const isr = readArray(r, v, true, false, 4, readElement_int32);
  const leaderRecoveryState = (v >= 1 ? r.int8() : 0);
  const partitionEpoch = r.int32();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AlterPartitionResponsePartitionData = {
    partitionIndex,
    errorCode,
    leaderId,
    leaderEpoch,
    isr,
    leaderRecoveryState,
    partitionEpoch,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAlterPartitionResponsePartitionData(w: Writer, o: AlterPartitionResponsePartitionData, v: number): void {
  const flex = true;
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
  w.int32(o.leaderId);
  w.int32(o.leaderEpoch);
  writeArray(w, v, true, o.isr, writeElement_int32);
  if (v >= 1) {
    w.int8(o.leaderRecoveryState);
  }
  w.int32(o.partitionEpoch);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AlterPartitionResponseTopicData {
  /** The name of the topic Versions 0-1; entity: topicName. */
  topicName: string;
  /** The ID of the topic Versions 2-3. */
  topicId: Uuid;
  /** Versions 0-3. */
  partitions: AlterPartitionResponsePartitionData[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterPartitionResponseTopicData(): AlterPartitionResponseTopicData {
  return {
    topicName: "",
    topicId: ZERO_UUID,
    partitions: [],
  };
}

export function readAlterPartitionResponseTopicData(r: Reader, v: number): AlterPartitionResponseTopicData {
  const flex = true;
  const topicName = (v <= 1 ? r.compactString() : "");
  const topicId = (v >= 2 ? r.uuid() : ZERO_UUID);
  const partitions = readArray(r, v, true, false, 19, readAlterPartitionResponsePartitionData);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AlterPartitionResponseTopicData = {
    topicName,
    topicId,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAlterPartitionResponseTopicData(w: Writer, o: AlterPartitionResponseTopicData, v: number): void {
  const flex = true;
  if (v <= 1) {
    w.compactString(o.topicName);
  }
  if (v >= 2) {
    w.uuid(o.topicId);
  }
  writeArray(w, v, true, o.partitions, writeAlterPartitionResponsePartitionData);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AlterPartitionResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-3. */
  throttleTimeMs: number;
  /** The top level response error code Versions 0-3. */
  errorCode: number;
  /** Versions 0-3. */
  topics: AlterPartitionResponseTopicData[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterPartitionResponse(): AlterPartitionResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    topics: [],
  };
}

export function readAlterPartitionResponse(r: Reader, v: number): AlterPartitionResponse {
  const flex = true;
  const throttleTimeMs = r.int32();
  const errorCode = r.int16();
  const topics = readArray(r, v, true, false, 2, readAlterPartitionResponseTopicData);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AlterPartitionResponse = {
    throttleTimeMs,
    errorCode,
    topics,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAlterPartitionResponse(w: Writer, o: AlterPartitionResponse, v: number): void {
  const flex = true;
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  writeArray(w, v, true, o.topics, writeAlterPartitionResponseTopicData);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
