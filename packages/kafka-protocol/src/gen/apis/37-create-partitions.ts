// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// CreatePartitions (API key 37): stable versions 0-3, flexible from 2.

import { type Reader, type TaggedField, type Writer, readArray, readElement_int32, writeArray, writeElement_int32 } from "../../codec/runtime.js";

export interface CreatePartitionsRequestCreatePartitionsAssignment {
  /** The assigned broker IDs. Versions 0-3; entity: brokerId. */
  brokerIds: number[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultCreatePartitionsRequestCreatePartitionsAssignment(): CreatePartitionsRequestCreatePartitionsAssignment {
  return {
    brokerIds: [],
  };
}

export function readCreatePartitionsRequestCreatePartitionsAssignment(r: Reader, v: number): CreatePartitionsRequestCreatePartitionsAssignment {
  const flex = v >= 2;
  const brokerIds = readArray(r, v, v >= 2, false, 4, readElement_int32);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: CreatePartitionsRequestCreatePartitionsAssignment = {
    brokerIds,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeCreatePartitionsRequestCreatePartitionsAssignment(w: Writer, o: CreatePartitionsRequestCreatePartitionsAssignment, v: number): void {
  const flex = v >= 2;
  writeArray(w, v, v >= 2, o.brokerIds, writeElement_int32);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface CreatePartitionsRequestCreatePartitionsTopic {
  /** The topic name. Versions 0-3; map key; entity: topicName. */
  name: string;
  /** The new partition count. Versions 0-3. */
  count: number;
  /** The new partition assignments. Versions 0-3; nullable in 0-3. */
  assignments: CreatePartitionsRequestCreatePartitionsAssignment[] | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultCreatePartitionsRequestCreatePartitionsTopic(): CreatePartitionsRequestCreatePartitionsTopic {
  return {
    name: "",
    count: 0,
    assignments: [],
  };
}

export function readCreatePartitionsRequestCreatePartitionsTopic(r: Reader, v: number): CreatePartitionsRequestCreatePartitionsTopic {
  const flex = v >= 2;
  const name = (v >= 2 ? r.compactString() : r.string());
  const count = r.int32();
  const assignments = readArray(r, v, v >= 2, true, 1, readCreatePartitionsRequestCreatePartitionsAssignment);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: CreatePartitionsRequestCreatePartitionsTopic = {
    name,
    count,
    assignments,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeCreatePartitionsRequestCreatePartitionsTopic(w: Writer, o: CreatePartitionsRequestCreatePartitionsTopic, v: number): void {
  const flex = v >= 2;
  if (v >= 2) w.compactString(o.name); else w.string(o.name);
  w.int32(o.count);
  writeArray(w, v, v >= 2, o.assignments, writeCreatePartitionsRequestCreatePartitionsAssignment);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface CreatePartitionsRequest {
  /** Each topic that we want to create new partitions inside. Versions 0-3. */
  topics: CreatePartitionsRequestCreatePartitionsTopic[];
  /** The time in ms to wait for the partitions to be created. Versions 0-3. */
  timeoutMs: number;
  /** If true, then validate the request, but don't actually increase the number of partitions. Versions 0-3. */
  validateOnly: boolean;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultCreatePartitionsRequest(): CreatePartitionsRequest {
  return {
    topics: [],
    timeoutMs: 0,
    validateOnly: false,
  };
}

export function readCreatePartitionsRequest(r: Reader, v: number): CreatePartitionsRequest {
  const flex = v >= 2;
  const topics = readArray(r, v, v >= 2, false, 6, readCreatePartitionsRequestCreatePartitionsTopic);
  const timeoutMs = r.int32();
  const validateOnly = r.bool();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: CreatePartitionsRequest = {
    topics,
    timeoutMs,
    validateOnly,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeCreatePartitionsRequest(w: Writer, o: CreatePartitionsRequest, v: number): void {
  const flex = v >= 2;
  writeArray(w, v, v >= 2, o.topics, writeCreatePartitionsRequestCreatePartitionsTopic);
  w.int32(o.timeoutMs);
  w.bool(o.validateOnly);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface CreatePartitionsResponseCreatePartitionsTopicResult {
  /** The topic name. Versions 0-3; entity: topicName. */
  name: string;
  /** The result error, or zero if there was no error. Versions 0-3. */
  errorCode: number;
  /** The result message, or null if there was no error. Versions 0-3; nullable in 0-3. */
  errorMessage: string | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultCreatePartitionsResponseCreatePartitionsTopicResult(): CreatePartitionsResponseCreatePartitionsTopicResult {
  return {
    name: "",
    errorCode: 0,
    errorMessage: null,
  };
}

export function readCreatePartitionsResponseCreatePartitionsTopicResult(r: Reader, v: number): CreatePartitionsResponseCreatePartitionsTopicResult {
  const flex = v >= 2;
  const name = (v >= 2 ? r.compactString() : r.string());
  const errorCode = r.int16();
  const errorMessage = (v >= 2 ? r.compactNullableString() : r.nullableString());
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: CreatePartitionsResponseCreatePartitionsTopicResult = {
    name,
    errorCode,
    errorMessage,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeCreatePartitionsResponseCreatePartitionsTopicResult(w: Writer, o: CreatePartitionsResponseCreatePartitionsTopicResult, v: number): void {
  const flex = v >= 2;
  if (v >= 2) w.compactString(o.name); else w.string(o.name);
  w.int16(o.errorCode);
  if (v >= 2) w.compactNullableString(o.errorMessage); else w.nullableString(o.errorMessage);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface CreatePartitionsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-3. */
  throttleTimeMs: number;
  /** The partition creation results for each topic. Versions 0-3. */
  results: CreatePartitionsResponseCreatePartitionsTopicResult[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultCreatePartitionsResponse(): CreatePartitionsResponse {
  return {
    throttleTimeMs: 0,
    results: [],
  };
}

export function readCreatePartitionsResponse(r: Reader, v: number): CreatePartitionsResponse {
  const flex = v >= 2;
  const throttleTimeMs = r.int32();
  const results = readArray(r, v, v >= 2, false, 4, readCreatePartitionsResponseCreatePartitionsTopicResult);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: CreatePartitionsResponse = {
    throttleTimeMs,
    results,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeCreatePartitionsResponse(w: Writer, o: CreatePartitionsResponse, v: number): void {
  const flex = v >= 2;
  w.int32(o.throttleTimeMs);
  writeArray(w, v, v >= 2, o.results, writeCreatePartitionsResponseCreatePartitionsTopicResult);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
