// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// UpdateMetadata (API key 6): stable versions 0-8, flexible from 6.

import { type Reader, type TaggedField, type Uuid, type Writer, ZERO_UUID, notInVersion, readArray, readElement_int32, sortedTaggedFields, writeArray, writeElement_int32 } from "../../codec/runtime.js";

export interface UpdateMetadataRequestUpdateMetadataPartitionState {
  /** In older versions of this RPC, the topic name. Versions 0-4; entity: topicName. */
  topicName: string;
  /** The partition index. Versions 0-8. */
  partitionIndex: number;
  /** The controller epoch. Versions 0-8. */
  controllerEpoch: number;
  /** The ID of the broker which is the current partition leader. Versions 0-8; entity: brokerId. */
  leader: number;
  /** The leader epoch of this partition. Versions 0-8. */
  leaderEpoch: number;
  /** The brokers which are in the ISR for this partition. Versions 0-8; entity: brokerId. */
  isr: number[];
  /** The Zookeeper version. Versions 0-8. */
  zkVersion: number;
  /** All the replicas of this partition. Versions 0-8; entity: brokerId. */
  replicas: number[];
  /** The replicas of this partition which are offline. Versions 4-8; entity: brokerId. */
  offlineReplicas: number[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultUpdateMetadataRequestUpdateMetadataPartitionState(): UpdateMetadataRequestUpdateMetadataPartitionState {
  return {
    topicName: "",
    partitionIndex: 0,
    controllerEpoch: 0,
    leader: 0,
    leaderEpoch: 0,
    isr: [],
    zkVersion: 0,
    replicas: [],
    offlineReplicas: [],
  };
}

export function readUpdateMetadataRequestUpdateMetadataPartitionState(r: Reader, v: number): UpdateMetadataRequestUpdateMetadataPartitionState {
  const flex = v >= 6;
  const topicName = (v <= 4 ? r.string() : "");
  const partitionIndex = r.int32();
  const controllerEpoch = r.int32();
  const leader = r.int32();
  const leaderEpoch = r.int32();
  const isr = readArray(r, v, v >= 6, false, 4, readElement_int32);
  const zkVersion = r.int32();
  const replicas = readArray(r, v, v >= 6, false, 4, readElement_int32);
  const offlineReplicas = (v >= 4 ? readArray(r, v, v >= 6, false, 4, readElement_int32) : []);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: UpdateMetadataRequestUpdateMetadataPartitionState = {
    topicName,
    partitionIndex,
    controllerEpoch,
    leader,
    leaderEpoch,
    isr,
    zkVersion,
    replicas,
    offlineReplicas,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeUpdateMetadataRequestUpdateMetadataPartitionState(w: Writer, o: UpdateMetadataRequestUpdateMetadataPartitionState, v: number): void {
  const flex = v >= 6;
  if (v <= 4) {
    w.string(o.topicName);
  }
  w.int32(o.partitionIndex);
  w.int32(o.controllerEpoch);
  w.int32(o.leader);
  w.int32(o.leaderEpoch);
  writeArray(w, v, v >= 6, o.isr, writeElement_int32);
  w.int32(o.zkVersion);
  writeArray(w, v, v >= 6, o.replicas, writeElement_int32);
  if (v >= 4) {
    writeArray(w, v, v >= 6, o.offlineReplicas, writeElement_int32);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface UpdateMetadataRequestUpdateMetadataTopicState {
  /** The topic name. Versions 5-8; entity: topicName. */
  topicName: string;
  /** The topic id. Versions 7-8. */
  topicId: Uuid;
  /** The partition that we would like to update. Versions 5-8. */
  partitionStates: UpdateMetadataRequestUpdateMetadataPartitionState[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultUpdateMetadataRequestUpdateMetadataTopicState(): UpdateMetadataRequestUpdateMetadataTopicState {
  return {
    topicName: "",
    topicId: ZERO_UUID,
    partitionStates: [],
  };
}

export function readUpdateMetadataRequestUpdateMetadataTopicState(r: Reader, v: number): UpdateMetadataRequestUpdateMetadataTopicState {
  const flex = v >= 6;
  const topicName = (v >= 5 ? (v >= 6 ? r.compactString() : r.string()) : "");
  const topicId = (v >= 7 ? r.uuid() : ZERO_UUID);
  const partitionStates = (v >= 5 ? readArray(r, v, v >= 6, false, 23, readUpdateMetadataRequestUpdateMetadataPartitionState) : []);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: UpdateMetadataRequestUpdateMetadataTopicState = {
    topicName,
    topicId,
    partitionStates,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeUpdateMetadataRequestUpdateMetadataTopicState(w: Writer, o: UpdateMetadataRequestUpdateMetadataTopicState, v: number): void {
  const flex = v >= 6;
  if (v >= 5) {
    if (v >= 6) w.compactString(o.topicName); else w.string(o.topicName);
  } else if (!(v >= 5) && o.topicName !== "") {
    throw notInVersion("UpdateMetadataRequestUpdateMetadataTopicState.topicName", v);
  }
  if (v >= 7) {
    w.uuid(o.topicId);
  }
  if (v >= 5) {
    writeArray(w, v, v >= 6, o.partitionStates, writeUpdateMetadataRequestUpdateMetadataPartitionState);
  } else if (!(v >= 5) && o.partitionStates !== null && o.partitionStates.length > 0) {
    throw notInVersion("UpdateMetadataRequestUpdateMetadataTopicState.partitionStates", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface UpdateMetadataRequestUpdateMetadataEndpoint {
  /** The port of this endpoint Versions 1-8. */
  port: number;
  /** The hostname of this endpoint Versions 1-8. */
  host: string;
  /** The listener name. Versions 3-8. */
  listener: string;
  /** The security protocol type. Versions 1-8. */
  securityProtocol: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultUpdateMetadataRequestUpdateMetadataEndpoint(): UpdateMetadataRequestUpdateMetadataEndpoint {
  return {
    port: 0,
    host: "",
    listener: "",
    securityProtocol: 0,
  };
}

export function readUpdateMetadataRequestUpdateMetadataEndpoint(r: Reader, v: number): UpdateMetadataRequestUpdateMetadataEndpoint {
  const flex = v >= 6;
  const port = (v >= 1 ? r.int32() : 0);
  const host = (v >= 1 ? (v >= 6 ? r.compactString() : r.string()) : "");
  const listener = (v >= 3 ? (v >= 6 ? r.compactString() : r.string()) : "");
  const securityProtocol = (v >= 1 ? r.int16() : 0);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: UpdateMetadataRequestUpdateMetadataEndpoint = {
    port,
    host,
    listener,
    securityProtocol,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeUpdateMetadataRequestUpdateMetadataEndpoint(w: Writer, o: UpdateMetadataRequestUpdateMetadataEndpoint, v: number): void {
  const flex = v >= 6;
  if (v >= 1) {
    w.int32(o.port);
  } else if (!(v >= 1) && o.port !== 0) {
    throw notInVersion("UpdateMetadataRequestUpdateMetadataEndpoint.port", v);
  }
  if (v >= 1) {
    if (v >= 6) w.compactString(o.host); else w.string(o.host);
  } else if (!(v >= 1) && o.host !== "") {
    throw notInVersion("UpdateMetadataRequestUpdateMetadataEndpoint.host", v);
  }
  if (v >= 3) {
    if (v >= 6) w.compactString(o.listener); else w.string(o.listener);
  }
  if (v >= 1) {
    w.int16(o.securityProtocol);
  } else if (!(v >= 1) && o.securityProtocol !== 0) {
    throw notInVersion("UpdateMetadataRequestUpdateMetadataEndpoint.securityProtocol", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface UpdateMetadataRequestUpdateMetadataBroker {
  /** The broker id. Versions 0-8; entity: brokerId. */
  id: number;
  /** The broker hostname. Versions 0. */
  v0Host: string;
  /** The broker port. Versions 0. */
  v0Port: number;
  /** The broker endpoints. Versions 1-8. */
  endpoints: UpdateMetadataRequestUpdateMetadataEndpoint[];
  /** The rack which this broker belongs to. Versions 2-8; nullable in 2-8. */
  rack: string | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultUpdateMetadataRequestUpdateMetadataBroker(): UpdateMetadataRequestUpdateMetadataBroker {
  return {
    id: 0,
    v0Host: "",
    v0Port: 0,
    endpoints: [],
    rack: "",
  };
}

export function readUpdateMetadataRequestUpdateMetadataBroker(r: Reader, v: number): UpdateMetadataRequestUpdateMetadataBroker {
  const flex = v >= 6;
  const id = r.int32();
  const v0Host = (v === 0 ? r.string() : "");
  const v0Port = (v === 0 ? r.int32() : 0);
  const endpoints = (v >= 1 ? readArray(r, v, v >= 6, false, 7, readUpdateMetadataRequestUpdateMetadataEndpoint) : []);
  const rack = (v >= 2 ? (v >= 6 ? r.compactNullableString() : r.nullableString()) : "");
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: UpdateMetadataRequestUpdateMetadataBroker = {
    id,
    v0Host,
    v0Port,
    endpoints,
    rack,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeUpdateMetadataRequestUpdateMetadataBroker(w: Writer, o: UpdateMetadataRequestUpdateMetadataBroker, v: number): void {
  const flex = v >= 6;
  w.int32(o.id);
  if (v === 0) {
    w.string(o.v0Host);
  }
  if (v === 0) {
    w.int32(o.v0Port);
  }
  if (v >= 1) {
    writeArray(w, v, v >= 6, o.endpoints, writeUpdateMetadataRequestUpdateMetadataEndpoint);
  }
  if (v >= 2) {
    if (v >= 6) w.compactNullableString(o.rack); else w.nullableString(o.rack);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface UpdateMetadataRequest {
  /** The controller id. Versions 0-8; entity: brokerId. */
  controllerId: number;
  /** If KRaft controller id is used during migration. See KIP-866 Versions 8. */
  isKRaftController: boolean;
  /** Indicates if this request is a Full metadata snapshot (2), Incremental (1), or Unknown (0). Using during ZK migration, see KIP-866 Versions 8; tagged (tag 0) in 8. */
  type: number;
  /** The controller epoch. Versions 0-8. */
  controllerEpoch: number;
  /** The broker epoch. Versions 5-8. */
  brokerEpoch: bigint;
  /** In older versions of this RPC, each partition that we would like to update. Versions 0-4. */
  ungroupedPartitionStates: UpdateMetadataRequestUpdateMetadataPartitionState[];
  /** In newer versions of this RPC, each topic that we would like to update. Versions 5-8. */
  topicStates: UpdateMetadataRequestUpdateMetadataTopicState[];
  /** Versions 0-8. */
  liveBrokers: UpdateMetadataRequestUpdateMetadataBroker[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultUpdateMetadataRequest(): UpdateMetadataRequest {
  return {
    controllerId: 0,
    isKRaftController: false,
    type: 0,
    controllerEpoch: 0,
    brokerEpoch: -1n,
    ungroupedPartitionStates: [],
    topicStates: [],
    liveBrokers: [],
  };
}

export function readUpdateMetadataRequest(r: Reader, v: number): UpdateMetadataRequest {
  const flex = v >= 6;
  const controllerId = r.int32();
  const isKRaftController = (v === 8 ? r.bool() : false);
  let type: number = 0;
  const controllerEpoch = r.int32();
  const brokerEpoch = (v >= 5 ? r.int64() : -1n);
  const ungroupedPartitionStates = (v <= 4 ? readArray(r, v, false, false, 23, readUpdateMetadataRequestUpdateMetadataPartitionState) : []);
  const topicStates = (v >= 5 ? readArray(r, v, v >= 6, false, 2, readUpdateMetadataRequestUpdateMetadataTopicState) : []);
  const liveBrokers = readArray(r, v, v >= 6, false, 5, readUpdateMetadataRequestUpdateMetadataBroker);
  let unknown: TaggedField[] | undefined;
  if (flex) {
    const count = r.taggedFieldCount();
    for (let i = 0; i < count; i++) {
      const tag = r.uvarint();
      const fieldEnd = r.beginTaggedField(tag);
      if (fieldEnd < 0) break;
      if (tag === 0 && v === 8) {
        const savedEnd = r.end;
        r.end = fieldEnd;
        type = r.int8();
        r.endTaggedField(tag, fieldEnd, savedEnd);
      } else {
        (unknown ??= []).push(r.unknownTaggedField(tag, fieldEnd));
      }
    }
  }
  const o: UpdateMetadataRequest = {
    controllerId,
    isKRaftController,
    type,
    controllerEpoch,
    brokerEpoch,
    ungroupedPartitionStates,
    topicStates,
    liveBrokers,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeUpdateMetadataRequest(w: Writer, o: UpdateMetadataRequest, v: number): void {
  const flex = v >= 6;
  w.int32(o.controllerId);
  if (v === 8) {
    w.bool(o.isKRaftController);
  } else if (!(v === 8) && o.isKRaftController !== false) {
    throw notInVersion("UpdateMetadataRequest.isKRaftController", v);
  }
  w.int32(o.controllerEpoch);
  if (v >= 5) {
    w.int64(o.brokerEpoch);
  }
  if (v <= 4) {
    writeArray(w, v, false, o.ungroupedPartitionStates, writeUpdateMetadataRequestUpdateMetadataPartitionState);
  } else if (!(v <= 4) && o.ungroupedPartitionStates !== null && o.ungroupedPartitionStates.length > 0) {
    throw notInVersion("UpdateMetadataRequest.ungroupedPartitionStates", v);
  }
  if (v >= 5) {
    writeArray(w, v, v >= 6, o.topicStates, writeUpdateMetadataRequestUpdateMetadataTopicState);
  } else if (!(v >= 5) && o.topicStates !== null && o.topicStates.length > 0) {
    throw notInVersion("UpdateMetadataRequest.topicStates", v);
  }
  writeArray(w, v, v >= 6, o.liveBrokers, writeUpdateMetadataRequestUpdateMetadataBroker);
  if (flex) {
    const unknown = sortedTaggedFields(o._unknownTaggedFields);
    const hasType = v === 8 && o.type !== 0;
    w.uvarint((hasType ? 1 : 0) + (unknown === undefined ? 0 : unknown.length));
    let next = 0;
    if (hasType) {
      next = w.unknownTaggedFieldsBelow(unknown, next, 0);
      w.uvarint(0);
      const start = w.beginSized();
      w.int8(o.type);
      w.endSized(start);
    }
    w.unknownTaggedFieldsBelow(unknown, next, Number.POSITIVE_INFINITY);
  }
}

export interface UpdateMetadataResponse {
  /** The error code, or 0 if there was no error. Versions 0-8. */
  errorCode: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultUpdateMetadataResponse(): UpdateMetadataResponse {
  return {
    errorCode: 0,
  };
}

export function readUpdateMetadataResponse(r: Reader, v: number): UpdateMetadataResponse {
  const flex = v >= 6;
  const errorCode = r.int16();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: UpdateMetadataResponse = {
    errorCode,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeUpdateMetadataResponse(w: Writer, o: UpdateMetadataResponse, v: number): void {
  const flex = v >= 6;
  w.int16(o.errorCode);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
