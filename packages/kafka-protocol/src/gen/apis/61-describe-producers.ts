// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// DescribeProducers (API key 61): stable versions 0, flexible from 0.

import { type Reader, type TaggedField, type Writer, readArray, readElement_int32, writeArray, writeElement_int32 } from "../../codec/runtime.js";

export interface DescribeProducersRequestTopicRequest {
  /** The topic name. Versions 0; entity: topicName. */
  name: string;
  /** The indexes of the partitions to list producers for. Versions 0. */
  partitionIndexes: number[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeProducersRequestTopicRequest(): DescribeProducersRequestTopicRequest {
  return {
    name: "",
    partitionIndexes: [],
  };
}

export function readDescribeProducersRequestTopicRequest(r: Reader, v: number): DescribeProducersRequestTopicRequest {
  const flex = true;
  const name = r.compactString();
  const partitionIndexes = readArray(r, v, true, false, 4, readElement_int32);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeProducersRequestTopicRequest = {
    name,
    partitionIndexes,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeProducersRequestTopicRequest(w: Writer, o: DescribeProducersRequestTopicRequest, v: number): void {
  const flex = true;
  w.compactString(o.name);
  writeArray(w, v, true, o.partitionIndexes, writeElement_int32);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeProducersRequest {
  /** Versions 0. */
  topics: DescribeProducersRequestTopicRequest[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeProducersRequest(): DescribeProducersRequest {
  return {
    topics: [],
  };
}

export function readDescribeProducersRequest(r: Reader, v: number): DescribeProducersRequest {
  const flex = true;
  const topics = readArray(r, v, true, false, 2, readDescribeProducersRequestTopicRequest);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeProducersRequest = {
    topics,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeProducersRequest(w: Writer, o: DescribeProducersRequest, v: number): void {
  const flex = true;
  writeArray(w, v, true, o.topics, writeDescribeProducersRequestTopicRequest);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeProducersResponseProducerState {
  /** Versions 0; entity: producerId. */
  producerId: bigint;
  /** Versions 0. */
  producerEpoch: number;
  /** Versions 0. */
  lastSequence: number;
  /** Versions 0. */
  lastTimestamp: bigint;
  /** Versions 0. */
  coordinatorEpoch: number;
  /** Versions 0. */
  currentTxnStartOffset: bigint;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeProducersResponseProducerState(): DescribeProducersResponseProducerState {
  return {
    producerId: 0n,
    producerEpoch: 0,
    lastSequence: -1,
    lastTimestamp: -1n,
    coordinatorEpoch: 0,
    currentTxnStartOffset: -1n,
  };
}

export function readDescribeProducersResponseProducerState(r: Reader, v: number): DescribeProducersResponseProducerState {
  const flex = true;
  const producerId = r.int64();
  const producerEpoch = r.int32();
  const lastSequence = r.int32();
  const lastTimestamp = r.int64();
  const coordinatorEpoch = r.int32();
  const currentTxnStartOffset = r.int64();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeProducersResponseProducerState = {
    producerId,
    producerEpoch,
    lastSequence,
    lastTimestamp,
    coordinatorEpoch,
    currentTxnStartOffset,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeProducersResponseProducerState(w: Writer, o: DescribeProducersResponseProducerState, v: number): void {
  const flex = true;
  w.int64(o.producerId);
  w.int32(o.producerEpoch);
  w.int32(o.lastSequence);
  w.int64(o.lastTimestamp);
  w.int32(o.coordinatorEpoch);
  w.int64(o.currentTxnStartOffset);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeProducersResponsePartitionResponse {
  /** The partition index. Versions 0. */
  partitionIndex: number;
  /** The partition error code, or 0 if there was no error. Versions 0. */
  errorCode: number;
  /** The partition error message, which may be null if no additional details are available Versions 0; nullable in 0. */
  errorMessage: string | null;
  /** Versions 0. */
  activeProducers: DescribeProducersResponseProducerState[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeProducersResponsePartitionResponse(): DescribeProducersResponsePartitionResponse {
  return {
    partitionIndex: 0,
    errorCode: 0,
    errorMessage: null,
    activeProducers: [],
  };
}

export function readDescribeProducersResponsePartitionResponse(r: Reader, v: number): DescribeProducersResponsePartitionResponse {
  const flex = true;
  const partitionIndex = r.int32();
  const errorCode = r.int16();
  const errorMessage = r.compactNullableString();
  const activeProducers = readArray(r, v, true, false, 36, readDescribeProducersResponseProducerState);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeProducersResponsePartitionResponse = {
    partitionIndex,
    errorCode,
    errorMessage,
    activeProducers,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeProducersResponsePartitionResponse(w: Writer, o: DescribeProducersResponsePartitionResponse, v: number): void {
  const flex = true;
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  writeArray(w, v, true, o.activeProducers, writeDescribeProducersResponseProducerState);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeProducersResponseTopicResponse {
  /** The topic name Versions 0; entity: topicName. */
  name: string;
  /** Each partition in the response. Versions 0. */
  partitions: DescribeProducersResponsePartitionResponse[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeProducersResponseTopicResponse(): DescribeProducersResponseTopicResponse {
  return {
    name: "",
    partitions: [],
  };
}

export function readDescribeProducersResponseTopicResponse(r: Reader, v: number): DescribeProducersResponseTopicResponse {
  const flex = true;
  const name = r.compactString();
  const partitions = readArray(r, v, true, false, 8, readDescribeProducersResponsePartitionResponse);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeProducersResponseTopicResponse = {
    name,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeProducersResponseTopicResponse(w: Writer, o: DescribeProducersResponseTopicResponse, v: number): void {
  const flex = true;
  w.compactString(o.name);
  writeArray(w, v, true, o.partitions, writeDescribeProducersResponsePartitionResponse);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeProducersResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0. */
  throttleTimeMs: number;
  /** Each topic in the response. Versions 0. */
  topics: DescribeProducersResponseTopicResponse[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeProducersResponse(): DescribeProducersResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

export function readDescribeProducersResponse(r: Reader, v: number): DescribeProducersResponse {
  const flex = true;
  const throttleTimeMs = r.int32();
  const topics = readArray(r, v, true, false, 2, readDescribeProducersResponseTopicResponse);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeProducersResponse = {
    throttleTimeMs,
    topics,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeProducersResponse(w: Writer, o: DescribeProducersResponse, v: number): void {
  const flex = true;
  w.int32(o.throttleTimeMs);
  writeArray(w, v, true, o.topics, writeDescribeProducersResponseTopicResponse);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
