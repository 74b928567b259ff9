// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// DeleteTopics (API key 20): stable versions 0-6, flexible from 4.

import { type Reader, type TaggedField, type Uuid, type Writer, ZERO_UUID, notInVersion, notNullable, readArray, readElementString, writeArray, writeElementString } from "../../codec/runtime.js";

export interface DeleteTopicsRequestDeleteTopicState {
  /** The topic name Versions 6; nullable in 6; entity: topicName. */
  name: string | null;
  /** The unique topic ID Versions 6. */
  topicId: Uuid;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteTopicsRequestDeleteTopicState(): DeleteTopicsRequestDeleteTopicState {
  return {
    name: null,
    topicId: ZERO_UUID,
  };
}

export function readDeleteTopicsRequestDeleteTopicState(r: Reader, v: number): DeleteTopicsRequestDeleteTopicState {
  const flex = v >= 4;
  const name = (v === 6 ? r.compactNullableString() : null);
  const topicId = (v === 6 ? r.uuid() : ZERO_UUID);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DeleteTopicsRequestDeleteTopicState = {
    name,
    topicId,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDeleteTopicsRequestDeleteTopicState(w: Writer, o: DeleteTopicsRequestDeleteTopicState, v: number): void {
  const flex = v >= 4;
  if (v === 6) {
    w.compactNullableString(o.name);
  } else if (!(v === 6) && o.name !== null) {
    throw notInVersion("DeleteTopicsRequestDeleteTopicState.name", v);
  }
  if (v === 6) {
    w.uuid(o.topicId);
  } else if (!(v === 6) && o.topicId !== ZERO_UUID) {
    throw notInVersion("DeleteTopicsRequestDeleteTopicState.topicId", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DeleteTopicsRequest {
  /** The name or topic ID of the topic Versions 6. */
  topics: DeleteTopicsRequestDeleteTopicState[];
  /** The names of the topics to delete Versions 0-5; entity: topicName. */
  topicNames: string[];
  /** The length of time in milliseconds to wait for the deletions to complete. Versions 0-6. */
  timeoutMs: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteTopicsRequest(): DeleteTopicsRequest {
  return {
    topics: [],
    topicNames: [],
    timeoutMs: 0,
  };
}

export function readDeleteTopicsRequest(r: Reader, v: number): DeleteTopicsRequest {
  const flex = v >= 4;
  const topics = (v === 6 ? readArray(r, v, true, false, 17, readDeleteTopicsRequestDeleteTopicState) : []);
  const topicNames = (v <= 5 ? readArray(r, v, v >= 4, false, 1, readElementString) : []);
  const timeoutMs = r.int32();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DeleteTopicsRequest = {
    topics,
    topicNames,
    timeoutMs,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDeleteTopicsRequest(w: Writer, o: DeleteTopicsRequest, v: number): void {
  const flex = v >= 4;
  if (v === 6) {
    writeArray(w, v, true, o.topics, writeDeleteTopicsRequestDeleteTopicState);
  } else if (!(v === 6) && o.topics !== null && o.topics.length > 0) {
    throw notInVersion("DeleteTopicsRequest.topics", v);
  }
  if (v <= 5) {
    writeArray(w, v, v >= 4, o.topicNames, writeElementString);
  }
  w.int32(o.timeoutMs);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DeleteTopicsResponseDeletableTopicResult {
  /** The topic name Versions 0-6; nullable in 6; map key; entity: topicName. */
  name: string | null;
  /** the unique topic ID Versions 6. */
  topicId: Uuid;
  /** The deletion error, or 0 if the deletion succeeded. Versions 0-6. */
  errorCode: number;
  /** The error message, or null if there was no error. Versions 5-6; nullable in 5-6. */
  errorMessage: string | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteTopicsResponseDeletableTopicResult(): DeleteTopicsResponseDeletableTopicResult {
  return {
    name: "",
    topicId: ZERO_UUID,
    errorCode: 0,
    errorMessage: null,
  };
}

export function readDeleteTopicsResponseDeletableTopicResult(r: Reader, v: number): DeleteTopicsResponseDeletableTopicResult {
  const flex = v >= 4;
  const name = (v === 6 ? (v >= 4 ? r.compactNullableString() : r.nullableString()) : (v >= 4 ? r.compactString() : r.string()));
  const topicId = (v === 6 ? r.uuid() : ZERO_UUID);
  const errorCode = r.int16();
  const errorMessage = (v >= 5 ? r.compactNullableString() : null);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DeleteTopicsResponseDeletableTopicResult = {
    name,
    topicId,
    errorCode,
    errorMessage,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDeleteTopicsResponseDeletableTopicResult(w: Writer, o: DeleteTopicsResponseDeletableTopicResult, v: number): void {
  const flex = v >= 4;
  if (o.name === null && !(v === 6)) throw notNullable("DeleteTopicsResponseDeletableTopicResult.name", v);
  if (v === 6) { if (v >= 4) w.compactNullableString(o.name); else w.nullableString(o.name); } else { if (v >= 4) w.compactString((o.name as string)); else w.string((o.name as string)); }
  if (v === 6) {
    w.uuid(o.topicId);
  }
  w.int16(o.errorCode);
  if (v >= 5) {
    w.compactNullableString(o.errorMessage);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DeleteTopicsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 1-6. */
  throttleTimeMs: number;
  /** The results for each topic we tried to delete. Versions 0-6. */
  responses: DeleteTopicsResponseDeletableTopicResult[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteTopicsResponse(): DeleteTopicsResponse {
  return {
    throttleTimeMs: 0,
    responses: [],
  };
}

export function readDeleteTopicsResponse(r: Reader, v: number): DeleteTopicsResponse {
  const flex = v >= 4;
  const throttleTimeMs = (v >= 1 ? r.int32() : 0);
  const responses = readArray(r, v, v >= 4, false, 3, readDeleteTopicsResponseDeletableTopicResult);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DeleteTopicsResponse = {
    throttleTimeMs,
    responses,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDeleteTopicsResponse(w: Writer, o: DeleteTopicsResponse, v: number): void {
  const flex = v >= 4;
  if (v >= 1) {
    w.int32(o.throttleTimeMs);
  }
  writeArray(w, v, v >= 4, o.responses, writeDeleteTopicsResponseDeletableTopicResult);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
