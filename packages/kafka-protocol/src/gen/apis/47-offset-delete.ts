// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// OffsetDelete (API key 47): stable versions 0, never flexible.

import { type Reader, type Writer, readArray, writeArray } from "../../codec/runtime.js";

export interface OffsetDeleteRequestOffsetDeleteRequestPartition {
  /** The partition index. Versions 0. */
  partitionIndex: number;
}

export function defaultOffsetDeleteRequestOffsetDeleteRequestPartition(): OffsetDeleteRequestOffsetDeleteRequestPartition {
  return {
    partitionIndex: 0,
  };
}

export function readOffsetDeleteRequestOffsetDeleteRequestPartition(r: Reader, v: number): OffsetDeleteRequestOffsetDeleteRequestPartition {
  const partitionIndex = r.int32();
  const o: OffsetDeleteRequestOffsetDeleteRequestPartition = {
    partitionIndex,
  };
  return o;
}

export function writeOffsetDeleteRequestOffsetDeleteRequestPartition(w: Writer, o: OffsetDeleteRequestOffsetDeleteRequestPartition, v: number): void {
  w.int32(o.partitionIndex);
}

export interface OffsetDeleteRequestOffsetDeleteRequestTopic {
  /** The topic name. Versions 0; map key; entity: topicName. */
  name: string;
  /** Each partition to delete offsets for. Versions 0. */
  partitions: OffsetDeleteRequestOffsetDeleteRequestPartition[];
}

export function defaultOffsetDeleteRequestOffsetDeleteRequestTopic(): OffsetDeleteRequestOffsetDeleteRequestTopic {
  return {
    name: "",
    partitions: [],
  };
}

export function readOffsetDeleteRequestOffsetDeleteRequestTopic(r: Reader, v: number): OffsetDeleteRequestOffsetDeleteRequestTopic {
  const name = r.string();
  const partitions = readArray(r, v, false, false, 4, readOffsetDeleteRequestOffsetDeleteRequestPartition);
  const o: OffsetDeleteRequestOffsetDeleteRequestTopic = {
    name,
    partitions,
  };
  return o;
}

export function writeOffsetDeleteRequestOffsetDeleteRequestTopic(w: Writer, o: OffsetDeleteRequestOffsetDeleteRequestTopic, v: number): void {
  w.string(o.name);
  writeArray(w, v, false, o.partitions, writeOffsetDeleteRequestOffsetDeleteRequestPartition);
}

export interface OffsetDeleteRequest {
  /** The unique group identifier. Versions 0; entity: groupId. */
  groupId: string;
  /** The topics to delete offsets for Versions 0. */
  topics: OffsetDeleteRequestOffsetDeleteRequestTopic[];
}

export function defaultOffsetDeleteRequest(): OffsetDeleteRequest {
  return {
    groupId: "",
    topics: [],
  };
}

export function readOffsetDeleteRequest(r: Reader, v: number): OffsetDeleteRequest {
  const groupId = r.string();
  const topics = readArray(r, v, false, false, 6, readOffsetDeleteRequestOffsetDeleteRequestTopic);
  const o: OffsetDeleteRequest = {
    groupId,
    topics,
  };
  return o;
}

export function writeOffsetDeleteRequest(w: Writer, o: OffsetDeleteRequest, v: number): void {
  w.string(o.groupId);
  writeArray(w, v, false, o.topics, writeOffsetDeleteRequestOffsetDeleteRequestTopic);
}

export interface OffsetDeleteResponseOffsetDeleteResponsePartition {
  /** The partition index. Versions 0; map key. */
  partitionIndex: number;
  /** The error code, or 0 if there was no error. Versions 0. */
  errorCode: number;
}

export function defaultOffsetDeleteResponseOffsetDeleteResponsePartition(): OffsetDeleteResponseOffsetDeleteResponsePartition {
  return {
    partitionIndex: 0,
    errorCode: 0,
  };
}

export function readOffsetDeleteResponseOffsetDeleteResponsePartition(r: Reader, v: number): OffsetDeleteResponseOffsetDeleteResponsePartition {
  const partitionIndex = r.int32();
  const errorCode = r.int16();
  const o: OffsetDeleteResponseOffsetDeleteResponsePartition = {
    partitionIndex,
    errorCode,
  };
  return o;
}

export function writeOffsetDeleteResponseOffsetDeleteResponsePartition(w: Writer, o: OffsetDeleteResponseOffsetDeleteResponsePartition, v: number): void {
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
}

export interface OffsetDeleteResponseOffsetDeleteResponseTopic {
  /** The topic name. Versions 0; map key; entity: topicName. */
  name: string;
  /** The responses for each partition in the topic. Versions 0. */
  partitions: OffsetDeleteResponseOffsetDeleteResponsePartition[];
}

export function defaultOffsetDeleteResponseOffsetDeleteResponseTopic(): OffsetDeleteResponseOffsetDeleteResponseTopic {
  return {
    name: "",
    partitions: [],
  };
}

export function readOffsetDeleteResponseOffsetDeleteResponseTopic(r: Reader, v: number): OffsetDeleteResponseOffsetDeleteResponseTopic {
  const name = r.string();
  const partitions = readArray(r, v, false, false, 6, readOffsetDeleteResponseOffsetDeleteResponsePartition);
  const o: OffsetDeleteResponseOffsetDeleteResponseTopic = {
    name,
    partitions,
  };
  return o;
}

export function writeOffsetDeleteResponseOffsetDeleteResponseTopic(w: Writer, o: OffsetDeleteResponseOffsetDeleteResponseTopic, v: number): void {
  w.string(o.name);
  writeArray(w, v, false, o.partitions, writeOffsetDeleteResponseOffsetDeleteResponsePartition);
}

export interface OffsetDeleteResponse {
  /** The top-level error code, or 0 if there was no error. Versions 0. */
  errorCode: number;
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0. */
  throttleTimeMs: number;
  /** The responses for each topic. Versions 0. */
  topics: OffsetDeleteResponseOffsetDeleteResponseTopic[];
}

export function defaultOffsetDeleteResponse(): OffsetDeleteResponse {
  return {
    errorCode: 0,
    throttleTimeMs: 0,
    topics: [],
  };
}

export function readOffsetDeleteResponse(r: Reader, v: number): OffsetDeleteResponse {
  const errorCode = r.int16();
  const throttleTimeMs = r.int32();
  const topics = readArray(r, v, false, false, 6, readOffsetDeleteResponseOffsetDeleteResponseTopic);
  const o: OffsetDeleteResponse = {
    errorCode,
    throttleTimeMs,
    topics,
  };
  return o;
}

export function writeOffsetDeleteResponse(w: Writer, o: OffsetDeleteResponse, v: number): void {
  w.int16(o.errorCode);
  w.int32(o.throttleTimeMs);
  writeArray(w, v, false, o.topics, writeOffsetDeleteResponseOffsetDeleteResponseTopic);
}
