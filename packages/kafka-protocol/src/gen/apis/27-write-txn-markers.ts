// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// WriteTxnMarkers (API key 27): stable versions 0-1, flexible from 1.

import { type Reader, type TaggedField, type Writer, readArray, readElement_int32, writeArray, writeElement_int32 } from "../../codec/runtime.js";

export interface WriteTxnMarkersRequestWritableTxnMarkerTopic {
  /** The topic name. Versions 0-1; entity: topicName. */
  name: string;
  /** The indexes of the partitions to write transaction markers for. Versions 0-1. */
  partitionIndexes: number[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultWriteTxnMarkersRequestWritableTxnMarkerTopic(): WriteTxnMarkersRequestWritableTxnMarkerTopic {
  return {
    name: "",
    partitionIndexes: [],
  };
}

export function readWriteTxnMarkersRequestWritableTxnMarkerTopic(r: Reader, v: number): WriteTxnMarkersRequestWritableTxnMarkerTopic {
  const flex = v === 1;
  const name = (v === 1 ? r.compactString() : r.string());
  const partitionIndexes = readArray(r, v, v === 1, false, 4, readElement_int32);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: WriteTxnMarkersRequestWritableTxnMarkerTopic = {
    name,
    partitionIndexes,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeWriteTxnMarkersRequestWritableTxnMarkerTopic(w: Writer, o: WriteTxnMarkersRequestWritableTxnMarkerTopic, v: number): void {
  const flex = v === 1;
  if (v === 1) w.compactString(o.name); else w.string(o.name);
  writeArray(w, v, v === 1, o.partitionIndexes, writeElement_int32);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface WriteTxnMarkersRequestWritableTxnMarker {
  /** The current producer ID. Versions 0-1; entity: producerId. */
  producerId: bigint;
  /** The current epoch associated with the producer ID. Versions 0-1. */
  producerEpoch: number;
  /** The result of the transaction to write to the partitions (false = ABORT, true = COMMIT). Versions 0-1. */
  transactionResult: boolean;
  /** Each topic that we want to write transaction marker(s) for. Versions 0-1. */
  topics: WriteTxnMarkersRequestWritableTxnMarkerTopic[];
  /** Epoch associated with the transaction state partition hosted by this transaction coordinator Versions 0-1. */
  coordinatorEpoch: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultWriteTxnMarkersRequestWritableTxnMarker(): WriteTxnMarkersRequestWritableTxnMarker {
  return {
    producerId: 0n,
    producerEpoch: 0,
    transactionResult: false,
    topics: [],
    coordinatorEpoch: 0,
  };
}

export function readWriteTxnMarkersRequestWritableTxnMarker(r: Reader, v: number): WriteTxnMarkersRequestWritableTxnMarker {
  const flex = v === 1;
  const producerId = r.int64();
  const producerEpoch = r.int16();
  const transactionResult = r.bool();
  const topics = readArray(r, v, v === 1, false, 2, readWriteTxnMarkersRequestWritableTxnMarkerTopic);
  const coordinatorEpoch = r.int32();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: WriteTxnMarkersRequestWritableTxnMarker = {
    producerId,
    producerEpoch,
    transactionResult,
    topics,
    coordinatorEpoch,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeWriteTxnMarkersRequestWritableTxnMarker(w: Writer, o: WriteTxnMarkersRequestWritableTxnMarker, v: number): void {
  const flex = v === 1;
  w.int64(o.producerId);
  w.int16(o.producerEpoch);
  w.bool(o.transactionResult);
  writeArray(w, v, v === 1, o.topics, writeWriteTxnMarkersRequestWritableTxnMarkerTopic);
  w.int32(o.coordinatorEpoch);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface WriteTxnMarkersRequest {
  /** The transaction markers to be written. Versions 0-1. */
  markers: WriteTxnMarkersRequestWritableTxnMarker[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultWriteTxnMarkersRequest(): WriteTxnMarkersRequest {
  return {
    markers: [],
  };
}

export function readWriteTxnMarkersRequest(r: Reader, v: number): WriteTxnMarkersRequest {
  const flex = v === 1;
  const markers = readArray(r, v, v === 1, false, 16, readWriteTxnMarkersRequestWritableTxnMarker);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: WriteTxnMarkersRequest = {
    markers,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeWriteTxnMarkersRequest(w: Writer, o: WriteTxnMarkersRequest, v: number): void {
  const flex = v === 1;
  writeArray(w, v, v === 1, o.markers, writeWriteTxnMarkersRequestWritableTxnMarker);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface WriteTxnMarkersResponseWritableTxnMarkerPartitionResult {
  /** The partition index. Versions 0-1. */
  partitionIndex: number;
  /** The error code, or 0 if there was no error. Versions 0-1. */
  errorCode: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultWriteTxnMarkersResponseWritableTxnMarkerPartitionResult(): WriteTxnMarkersResponseWritableTxnMarkerPartitionResult {
  return {
    partitionIndex: 0,
    errorCode: 0,
  };
}

export function readWriteTxnMarkersResponseWritableTxnMarkerPartitionResult(r: Reader, v: number): WriteTxnMarkersResponseWritableTxnMarkerPartitionResult {
  const flex = v === 1;
  const partitionIndex = r.int32();
  const errorCode = r.int16();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: WriteTxnMarkersResponseWritableTxnMarkerPartitionResult = {
    partitionIndex,
    errorCode,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeWriteTxnMarkersResponseWritableTxnMarkerPartitionResult(w: Writer, o: WriteTxnMarkersResponseWritableTxnMarkerPartitionResult, v: number): void {
  const flex = v === 1;
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface WriteTxnMarkersResponseWritableTxnMarkerTopicResult {
  /** The topic name. Versions 0-1; entity: topicName. */
  name: string;
  /** The results by partition. Versions 0-1. */
  partitions: WriteTxnMarkersResponseWritableTxnMarkerPartitionResult[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultWriteTxnMarkersResponseWritableTxnMarkerTopicResult(): WriteTxnMarkersResponseWritableTxnMarkerTopicResult {
  return {
    name: "",
    partitions: [],
  };
}

export function readWriteTxnMarkersResponseWritableTxnMarkerTopicResult(r: Reader, v: number): WriteTxnMarkersResponseWritableTxnMarkerTopicResult {
  const flex = v === 1;
  const name = (v === 1 ? r.compactString() : r.string());
  const partitions = readArray(r, v, v === 1, false, 6, readWriteTxnMarkersResponseWritableTxnMarkerPartitionResult);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: WriteTxnMarkersResponseWritableTxnMarkerTopicResult = {
    name,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeWriteTxnMarkersResponseWritableTxnMarkerTopicResult(w: Writer, o: WriteTxnMarkersResponseWritableTxnMarkerTopicResult, v: number): void {
  const flex = v === 1;
  if (v === 1) w.compactString(o.name); else w.string(o.name);
  writeArray(w, v, v === 1, o.partitions, writeWriteTxnMarkersResponseWritableTxnMarkerPartitionResult);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface WriteTxnMarkersResponseWritableTxnMarkerResult {
  /** The current producer ID in use by the transactional ID. Versions 0-1; entity: producerId. */
  producerId: bigint;
  /** The results by topic. Versions 0-1. */
  topics: WriteTxnMarkersResponseWritableTxnMarkerTopicResult[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultWriteTxnMarkersResponseWritableTxnMarkerResult(): WriteTxnMarkersResponseWritableTxnMarkerResult {
  return {
    producerId: 0n,
    topics: [],
  };
}

export function readWriteTxnMarkersResponseWritableTxnMarkerResult(r: Reader, v: number): WriteTxnMarkersResponseWritableTxnMarkerResult {
  const flex = v === 1;
  const producerId = r.int64();
  const topics = readArray(r, v, v === 1, false, 2, readWriteTxnMarkersResponseWritableTxnMarkerTopicResult);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: WriteTxnMarkersResponseWritableTxnMarkerResult = {
    producerId,
    topics,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeWriteTxnMarkersResponseWritableTxnMarkerResult(w: Writer, o: WriteTxnMarkersResponseWritableTxnMarkerResult, v: number): void {
  const flex = v === 1;
  w.int64(o.producerId);
  writeArray(w, v, v === 1, o.topics, writeWriteTxnMarkersResponseWritableTxnMarkerTopicResult);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface WriteTxnMarkersResponse {
  /** The results for writing makers. Versions 0-1. */
  markers: WriteTxnMarkersResponseWritableTxnMarkerResult[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultWriteTxnMarkersResponse(): WriteTxnMarkersResponse {
  return {
    markers: [],
  };
}

export function readWriteTxnMarkersResponse(r: Reader, v: number): WriteTxnMarkersResponse {
  const flex = v === 1;
  const markers = readArray(r, v, v === 1, false, 9, readWriteTxnMarkersResponseWritableTxnMarkerResult);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: WriteTxnMarkersResponse = {
    markers,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeWriteTxnMarkersResponse(w: Writer, o: WriteTxnMarkersResponse, v: number): void {
  const flex = v === 1;
  writeArray(w, v, v === 1, o.markers, writeWriteTxnMarkersResponseWritableTxnMarkerResult);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
