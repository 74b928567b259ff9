// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// Produce (API key 0): stable versions 0-11, flexible from 9.

import { type Reader, type TaggedField, type Writer, isDefaultValue, notInVersion, readArray, sortedTaggedFields, writeArray } from "../../codec/runtime.js";

export interface ProduceRequestPartitionProduceData {
  /** The partition index. Versions 0-11. */
  index: number;
  /** The record data to be produced. Versions 0-11; nullable in 0-11. */
  records: Uint8Array | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultProduceRequestPartitionProduceData(): ProduceRequestPartitionProduceData {
  return {
    index: 0,
    records: null,
  };
}

export function readProduceRequestPartitionProduceData(r: Reader, v: number): ProduceRequestPartitionProduceData {
  const flex = v >= 9;
  const index = r.int32();
  const records = (v >= 9 ? r.compactNullableBytes() : r.nullableBytes());
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ProduceRequestPartitionProduceData = {
    index,
    records,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeProduceRequestPartitionProduceData(w: Writer, o: ProduceRequestPartitionProduceData, v: number): void {
  const flex = v >= 9;
  w.int32(o.index);
  if (v >= 9) w.compactNullableBytes(o.records); else w.nullableBytes(o.records);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ProduceRequestTopicProduceData {
  /** The topic name. Versions 0-11; map key; entity: topicName. */
  name: string;
  /** Each partition to produce to. Versions 0-11. */
  partitionData: ProduceRequestPartitionProduceData[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultProduceRequestTopicProduceData(): ProduceRequestTopicProduceData {
  return {
    name: "",
    partitionData: [],
  };
}

export function readProduceRequestTopicProduceData(r: Reader, v: number): ProduceRequestTopicProduceData {
  const flex = v >= 9;
  const name = (v >= 9 ? r.compactString() : r.string());
  const partitionData = readArray(r, v, v >= 9, false, 5, readProduceRequestPartitionProduceData);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ProduceRequestTopicProduceData = {
    name,
    partitionData,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeProduceRequestTopicProduceData(w: Writer, o: ProduceRequestTopicProduceData, v: number): void {
  const flex = v >= 9;
  if (v >= 9) w.compactString(o.name); else w.string(o.name);
  writeArray(w, v, v >= 9, o.partitionData, writeProduceRequestPartitionProduceData);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ProduceRequest {
  /** The transactional ID, or null if the producer is not transactional. Versions 3-11; nullable in 3-11; entity: transactionalId. */
  transactionalId: string | null;
  /** The number of acknowledgments the producer requires the leader to have received before considering a request complete. Allowed values: 0 for no acknowledgments, 1 for only the leader and -1 for the full ISR. Versions 0-11. */
  acks: number;
  /** The timeout to await a response in milliseconds. Versions 0-11. */
  timeoutMs: number;
  /** Each topic to produce to. Versions 0-11. */
  topicData: ProduceRequestTopicProduceData[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultProduceRequest(): ProduceRequest {
  return {
    transactionalId: null,
    acks: 0,
    timeoutMs: 0,
    topicData: [],
  };
}

export function readProduceRequest(r: Reader, v: number): ProduceRequest {
  const flex = v >= 9;
  const transactionalId = (v >= 3 ? (v >= 9 ? r.compactNullableString() : r.nullableString()) : null);
  const acks = r.int16();
  const timeoutMs = r.int32();
  const topicData = readArray(r, v, v >= 9, false, 2, readProduceRequestTopicProduceData);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ProduceRequest = {
    transactionalId,
    acks,
    timeoutMs,
    topicData,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeProduceRequest(w: Writer, o: ProduceRequest, v: number): void {
  const flex = v >= 9;
  if (v >= 3) {
    if (v >= 9) w.compactNullableString(o.transactionalId); else w.nullableString(o.transactionalId);
  } else if (!(v >= 3) && o.transactionalId !== null) {
    throw notInVersion("ProduceRequest.transactionalId", v);
  }
  w.int16(o.acks);
  w.int32(o.timeoutMs);
  writeArray(w, v, v >= 9, o.topicData, writeProduceRequestTopicProduceData);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ProduceResponseBatchIndexAndErrorMessage {
  /** The batch index of the record that cause the batch to be dropped Versions 8-11. */
  batchIndex: number;
  /** The error message of the record that caused the batch to be dropped Versions 8-11; nullable in 8-11. */
  batchIndexErrorMessage: string | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultProduceResponseBatchIndexAndErrorMessage(): ProduceResponseBatchIndexAndErrorMessage {
  return {
    batchIndex: 0,
    batchIndexErrorMessage: null,
  };
}

export function readProduceResponseBatchIndexAndErrorMessage(r: Reader, v: number): ProduceResponseBatchIndexAndErrorMessage {
  const flex = v >= 9;
  const batchIndex = (v >= 8 ? r.int32() : 0);
  const batchIndexErrorMessage = (v >= 8 ? (v >= 9 ? r.compactNullableString() : r.nullableString()) : null);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ProduceResponseBatchIndexAndErrorMessage = {
    batchIndex,
    batchIndexErrorMessage,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeProduceResponseBatchIndexAndErrorMessage(w: Writer, o: ProduceResponseBatchIndexAndErrorMessage, v: number): void {
  const flex = v >= 9;
  if (v >= 8) {
    w.int32(o.batchIndex);
  } else if (!(v >= 8) && o.batchIndex !== 0) {
    throw notInVersion("ProduceResponseBatchIndexAndErrorMessage.batchIndex", v);
  }
  if (v >= 8) {
    if (v >= 9) w.compactNullableString(o.batchIndexErrorMessage); else w.nullableString(o.batchIndexErrorMessage);
  } else if (!(v >= 8) && o.batchIndexErrorMessage !== null) {
    throw notInVersion("ProduceResponseBatchIndexAndErrorMessage.batchIndexErrorMessage", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ProduceResponseLeaderIdAndEpoch {
  /** The ID of the current leader or -1 if the leader is unknown. Versions 10-11; entity: brokerId. */
  leaderId: number;
  /** The latest known leader epoch Versions 10-11. */
  leaderEpoch: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultProduceResponseLeaderIdAndEpoch(): ProduceResponseLeaderIdAndEpoch {
  return {
    leaderId: -1,
    leaderEpoch: -1,
  };
}

export function readProduceResponseLeaderIdAndEpoch(r: Reader, v: number): ProduceResponseLeaderIdAndEpoch {
  const flex = v >= 9;
  const leaderId = (v >= 10 ? r.int32() : -1);
  const leaderEpoch = (v >= 10 ? r.int32() : -1);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ProduceResponseLeaderIdAndEpoch = {
    leaderId,
    leaderEpoch,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeProduceResponseLeaderIdAndEpoch(w: Writer, o: ProduceResponseLeaderIdAndEpoch, v: number): void {
  const flex = v >= 9;
  if (v >= 10) {
    w.int32(o.leaderId);
  } else if (!(v >= 10) && o.leaderId !== -1) {
    throw notInVersion("ProduceResponseLeaderIdAndEpoch.leaderId", v);
  }
  if (v >= 10) {
    w.int32(o.leaderEpoch);
  } else if (!(v >= 10) && o.leaderEpoch !== -1) {
    throw notInVersion("ProduceResponseLeaderIdAndEpoch.leaderEpoch", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ProduceResponsePartitionProduceResponse {
  /** The partition index. Versions 0-11. */
  index: number;
  /** The error code, or 0 if there was no error. Versions 0-11. */
  errorCode: number;
  /** The base offset. Versions 0-11. */
  baseOffset: bigint;
  /** The timestamp returned by broker after appending the messages. If CreateTime is used for the topic, the timestamp will be -1.  If LogAppendTime is used for the topic, the timestamp will be the broker local time when the messages are appended. Versions 2-11. */
  logAppendTimeMs: bigint;
  /** The log start offset. Versions 5-11. */
  logStartOffset: bigint;
  /** The batch indices of records that caused the batch to be dropped Versions 8-11. */
  recordErrors: ProduceResponseBatchIndexAndErrorMessage[];
  /** The global error message summarizing the common root cause of the records that caused the batch to be dropped Versions 8-11; nullable in 8-11. */
  errorMessage: string | null;
  /** Versions 10-11; tagged (tag 0) in 10-11. */
  currentLeader: ProduceResponseLeaderIdAndEpoch;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultProduceResponsePartitionProduceResponse(): ProduceResponsePartitionProduceResponse {
  return {
    index: 0,
    errorCode: 0,
    baseOffset: 0n,
    logAppendTimeMs: -1n,
    logStartOffset: -1n,
    recordErrors: [],
    errorMessage: null,
    currentLeader: defaultProduceResponseLeaderIdAndEpoch(),
  };
}

export function readProduceResponsePartitionProduceResponse(r: Reader, v: number): ProduceResponsePartitionProduceResponse {
  const flex = v >= 9;
  const index = r.int32();
  const errorCode = r.int16();
  const baseOffset = r.int64();
  const logAppendTimeMs = (v >= 2 ? r.int64() : -1n);
  const logStartOffset = (v >= 5 ? r.int64() : -1n);
  const recordErrors = (v >= 8 ? readArray(r, v, v >= 9, false, 5, readProduceResponseBatchIndexAndErrorMessage) : []);
  const errorMessage = (v >= 8 ? (v >= 9 ? r.compactNullableString() : r.nullableString()) : null);
  let currentLeader: ProduceResponseLeaderIdAndEpoch = defaultProduceResponseLeaderIdAndEpoch();
  let unknown: TaggedField[] | undefined;
  if (flex) {
    const count = r.taggedFieldCount();
    for (let i = 0; i < count; i++) {
      const tag = r.uvarint();
      const fieldEnd = r.beginTaggedField(tag);
      if (fieldEnd < 0) break;
      if (tag === 0 && v >= 10) {
        const savedEnd = r.end;
        r.end = fieldEnd;
        currentLeader = readProduceResponseLeaderIdAndEpoch(r, v);
        r.endTaggedField(tag, fieldEnd, savedEnd);
      } else {
        (unknown ??= []).push(r.unknownTaggedField(tag, fieldEnd));
      }
    }
  }
  const o: ProduceResponsePartitionProduceResponse = {
    index,
    errorCode,
    baseOffset,
    logAppendTimeMs,
    logStartOffset,
    recordErrors,
    errorMessage,
    currentLeader,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeProduceResponsePartitionProduceResponse(w: Writer, o: ProduceResponsePartitionProduceResponse, v: number): void {
  const flex = v >= 9;
  w.int32(o.index);
  w.int16(o.errorCode);
  w.int64(o.baseOffset);
  if (v >= 2) {
    w.int64(o.logAppendTimeMs);
  }
  if (v >= 5) {
    w.int64(o.logStartOffset);
  }
  if (v >= 8) {
    writeArray(w, v, v >= 9, o.recordErrors, writeProduceResponseBatchIndexAndErrorMessage);
  }
  if (v >= 8) {
    if (v >= 9) w.compactNullableString(o.errorMessage); else w.nullableString(o.errorMessage);
  }
  if (flex) {
    const unknown = sortedTaggedFields(o._unknownTaggedFields);
    const hasCurrentLeader = v >= 10 && !isDefaultValue(o.currentLeader, defaultProduceResponseLeaderIdAndEpoch());
    w.uvarint((hasCurrentLeader ? 1 : 0) + (unknown === undefined ? 0 : unknown.length));
    let next = 0;
    if (hasCurrentLeader) {
      next = w.unknownTaggedFieldsBelow(unknown, next, 0);
      w.uvarint(0);
      const start = w.beginSized();
      writeProduceResponseLeaderIdAndEpoch(w, o.currentLeader, v);
      w.endSized(start);
    }
    w.unknownTaggedFieldsBelow(unknown, next, Number.POSITIVE_INFINITY);
  }
}

export interface ProduceResponseTopicProduceResponse {
  /** The topic name Versions 0-11; map key; entity: topicName. */
  name: string;
  /** Each partition that we produced to within the topic. Versions 0-11. */
  partitionResponses: ProduceResponsePartitionProduceResponse[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultProduceResponseTopicProduceResponse(): ProduceResponseTopicProduceResponse {
  return {
    name: "",
    partitionResponses: [],
  };
}

export function readProduceResponseTopicProduceResponse(r: Reader, v: number): ProduceResponseTopicProduceResponse {
  const flex = v >= 9;
  const name = (v >= 9 ? r.compactString() : r.string());
  const partitionResponses = readArray(r, v, v >= 9, false, 14, readProduceResponsePartitionProduceResponse);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ProduceResponseTopicProduceResponse = {
    name,
    partitionResponses,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeProduceResponseTopicProduceResponse(w: Writer, o: ProduceResponseTopicProduceResponse, v: number): void {
  const flex = v >= 9;
  if (v >= 9) w.compactString(o.name); else w.string(o.name);
  writeArray(w, v, v >= 9, o.partitionResponses, writeProduceResponsePartitionProduceResponse);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ProduceResponseNodeEndpoint {
  /** The ID of the associated node. Versions 10-11; map key; entity: brokerId. */
  nodeId: number;
  /** The node's hostname. Versions 10-11. */
  host: string;
  /** The node's port. Versions 10-11. */
  port: number;
  /** The rack of the node, or null if it has not been assigned to a rack. Versions 10-11; nullable in 10-11. */
  rack: string | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultProduceResponseNodeEndpoint(): ProduceResponseNodeEndpoint {
  return {
    nodeId: 0,
    host: "",
    port: 0,
    rack: null,
  };
}

export function readProduceResponseNodeEndpoint(r: Reader, v: number): ProduceResponseNodeEndpoint {
  const flex = v >= 9;
  const nodeId = (v >= 10 ? r.int32() : 0);
  const host = (v >= 10 ? r.compactString() : "");
  const port = (v >= 10 ? r.int32() : 0);
  const rack = (v >= 10 ? r.compactNullableString() : null);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ProduceResponseNodeEndpoint = {
    nodeId,
    host,
    port,
    rack,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeProduceResponseNodeEndpoint(w: Writer, o: ProduceResponseNodeEndpoint, v: number): void {
  const flex = v >= 9;
  if (v >= 10) {
    w.int32(o.nodeId);
  } else if (!(v >= 10) && o.nodeId !== 0) {
    throw notInVersion("ProduceResponseNodeEndpoint.nodeId", v);
  }
  if (v >= 10) {
    w.compactString(o.host);
  } else if (!(v >= 10) && o.host !== "") {
    throw notInVersion("ProduceResponseNodeEndpoint.host", v);
  }
  if (v >= 10) {
    w.int32(o.port);
  } else if (!(v >= 10) && o.port !== 0) {
    throw notInVersion("ProduceResponseNodeEndpoint.port", v);
  }
  if (v >= 10) {
    w.compactNullableString(o.rack);
  } else if (!(v >= 10) && o.rack !== null) {
    throw notInVersion("ProduceResponseNodeEndpoint.rack", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ProduceResponse {
  /** Each produce response Versions 0-11. */
  responses: ProduceResponseTopicProduceResponse[];
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 1-11. */
  throttleTimeMs: number;
  /** Endpoints for all current-leaders enumerated in PartitionProduceResponses, with errors NOT_LEADER_OR_FOLLOWER. Versions 10-11; tagged (tag 0) in 10-11. */
  nodeEndpoints: ProduceResponseNodeEndpoint[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultProduceResponse(): ProduceResponse {
  return {
    responses: [],
    throttleTimeMs: 0,
    nodeEndpoints: [],
  };
}

export function readProduceResponse(r: Reader, v: number): ProduceResponse {
  const flex = v >= 9;
  const responses = readArray(r, v, v >= 9, false, 2, readProduceResponseTopicProduceResponse);
  const throttleTimeMs = (v >= 1 ? r.int32() : 0);
  let nodeEndpoints: ProduceResponseNodeEndpoint[] = [];
  let unknown: TaggedField[] | undefined;
  if (flex) {
    const count = r.taggedFieldCount();
    for (let i = 0; i < count; i++) {
      const tag = r.uvarint();
      const fieldEnd = r.beginTaggedField(tag);
      if (fieldEnd < 0) break;
      if (tag === 0 && v >= 10) {
        const savedEnd = r.end;
        r.end = fieldEnd;
        nodeEndpoints = readArray(r, v, true, false, 10, readProduceResponseNodeEndpoint);
        r.endTaggedField(tag, fieldEnd, savedEnd);
      } else {
        (unknown ??= []).push(r.unknownTaggedField(tag, fieldEnd));
      }
    }
  }
  const o: ProduceResponse = {
    responses,
    throttleTimeMs,
    nodeEndpoints,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeProduceResponse(w: Writer, o: ProduceResponse, v: number): void {
  const flex = v >= 9;
  writeArray(w, v, v >= 9, o.responses, writeProduceResponseTopicProduceResponse);
  if (v >= 1) {
    w.int32(o.throttleTimeMs);
  }
  if (flex) {
    const unknown = sortedTaggedFields(o._unknownTaggedFields);
    const hasNodeEndpoints = v >= 10 && o.nodeEndpoints !== null && o.nodeEndpoints.length > 0;
    w.uvarint((hasNodeEndpoints ? 1 : 0) + (unknown === undefined ? 0 : unknown.length));
    let next = 0;
    if (hasNodeEndpoints) {
      next = w.unknownTaggedFieldsBelow(unknown, next, 0);
      w.uvarint(0);
      const start = w.beginSized();
      writeArray(w, v, true, o.nodeEndpoints, writeProduceResponseNodeEndpoint);
      w.endSized(start);
    }
    w.unknownTaggedFieldsBelow(unknown, next, Number.POSITIVE_INFINITY);
  }
}
