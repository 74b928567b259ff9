// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// AlterReplicaLogDirs (API key 34): stable versions 0-2, flexible from 2.

import { type Reader, type TaggedField, type Writer, readArray, readElement_int32, writeArray, writeElement_int32 } from "../../codec/runtime.js";

export interface AlterReplicaLogDirsRequestAlterReplicaLogDirTopic {
  /** The topic name. Versions 0-2; map key; entity: topicName. */
  name: string;
  /** The partition indexes. Versions 0-2. */
  partitions: number[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterReplicaLogDirsRequestAlterReplicaLogDirTopic(): AlterReplicaLogDirsRequestAlterReplicaLogDirTopic {
  return {
    name: "",
    partitions: [],
  };
}

export function readAlterReplicaLogDirsRequestAlterReplicaLogDirTopic(r: Reader, v: number): AlterReplicaLogDirsRequestAlterReplicaLogDirTopic {
  const flex = v === 2;
  const name = (v === 2 ? r.compactString() : r.string());
  const partitions = readArray(r, v, v === 2, false, 4, readElement_int32);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AlterReplicaLogDirsRequestAlterReplicaLogDirTopic = {
    name,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAlterReplicaLogDirsRequestAlterReplicaLogDirTopic(w: Writer, o: AlterReplicaLogDirsRequestAlterReplicaLogDirTopic, v: number): void {
  const flex = v === 2;
  if (v === 2) w.compactString(o.name); else w.string(o.name);
  writeArray(w, v, v === 2, o.partitions, writeElement_int32);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AlterReplicaLogDirsRequestAlterReplicaLogDir {
  /** The absolute directory path. Versions 0-2; map key. */
  path: string;
  /** The topics to add to the directory. Versions 0-2. */
  topics: AlterReplicaLogDirsRequestAlterReplicaLogDirTopic[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterReplicaLogDirsRequestAlterReplicaLogDir(): AlterReplicaLogDirsRequestAlterReplicaLogDir {
  return {
    path: "",
    topics: [],
  };
}

export function readAlterReplicaLogDirsRequestAlterReplicaLogDir(r: Reader, v: number): AlterReplicaLogDirsRequestAlterReplicaLogDir {
  const flex = v === 2;
  const path = (v === 2 ? r.compactString() : r.string());
  const topics = readArray(r, v, v === 2, false, 2, readAlterReplicaLogDirsRequestAlterReplicaLogDirTopic);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AlterReplicaLogDirsRequestAlterReplicaLogDir = {
    path,
    topics,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAlterReplicaLogDirsRequestAlterReplicaLogDir(w: Writer, o: AlterReplicaLogDirsRequestAlterReplicaLogDir, v: number): void {
  const flex = v === 2;
  if (v === 2) w.compactString(o.path); else w.string(o.path);
  writeArray(w, v, v === 2, o.topics, writeAlterReplicaLogDirsRequestAlterReplicaLogDirTopic);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AlterReplicaLogDirsRequest {
  /** The alterations to make for each directory. Versions 0-2. */
  dirs: AlterReplicaLogDirsRequestAlterReplicaLogDir[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterReplicaLogDirsRequest(): AlterReplicaLogDirsRequest {
  return {
    dirs: [],
  };
}

export function readAlterReplicaLogDirsRequest(r: Reader, v: number): AlterReplicaLogDirsRequest {
  const flex = v === 2;
  const dirs = readArray(r, v, v === 2, false, 2, readAlterReplicaLogDirsRequestAlterReplicaLogDir);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AlterReplicaLogDirsRequest = {
    dirs,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAlterReplicaLogDirsRequest(w: Writer, o: AlterReplicaLogDirsRequest, v: number): void {
  const flex = v === 2;
  writeArray(w, v, v === 2, o.dirs, writeAlterReplicaLogDirsRequestAlterReplicaLogDir);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult {
  /** The partition index. Versions 0-2. */
  partitionIndex: number;
  /** The error code, or 0 if there was no error. Versions 0-2. */
  errorCode: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult(): AlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult {
  return {
    partitionIndex: 0,
    errorCode: 0,
  };
}

export function readAlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult(r: Reader, v: number): AlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult {
  const flex = v === 2;
  const partitionIndex = r.int32();
  const errorCode = r.int16();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult = {
    partitionIndex,
    errorCode,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult(w: Writer, o: AlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult, v: number): void {
  const flex = v === 2;
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult {
  /** The name of the topic. Versions 0-2; entity: topicName. */
  topicName: string;
  /** The results for each partition. Versions 0-2. */
  partitions: AlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult(): AlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult {
  return {
    topicName: "",
    partitions: [],
  };
}

export function readAlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult(r: Reader, v: number): AlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult {
  const flex = v === 2;
  const topicName = (v === 2 ? r.compactString() : r.string());
  const partitions = readArray(r, v, v === 2, false, 6, readAlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult = {
    topicName,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult(w: Writer, o: AlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult, v: number): void {
  const flex = v === 2;
  if (v === 2) w.compactString(o.topicName); else w.string(o.topicName);
  writeArray(w, v, v === 2, o.partitions, writeAlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AlterReplicaLogDirsResponse {
  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-2. */
  throttleTimeMs: number;
  /** The results for each topic. Versions 0-2. */
  results: AlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterReplicaLogDirsResponse(): AlterReplicaLogDirsResponse {
  return {
    throttleTimeMs: 0,
    results: [],
  };
}

export function readAlterReplicaLogDirsResponse(r: Reader, v: number): AlterReplicaLogDirsResponse {
  const flex = v === 2;
  const throttleTimeMs = r.int32();
  const results = readArray(r, v, v === 2, false, 2, readAlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AlterReplicaLogDirsResponse = {
    throttleTimeMs,
    results,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAlterReplicaLogDirsResponse(w: Writer, o: AlterReplicaLogDirsResponse, v: number): void {
  const flex = v === 2;
  w.int32(o.throttleTimeMs);
  writeArray(w, v, v === 2, o.results, writeAlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
