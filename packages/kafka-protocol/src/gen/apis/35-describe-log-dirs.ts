// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// DescribeLogDirs (API key 35): stable versions 0-4, flexible from 2.

import { type Reader, type TaggedField, type Writer, readArray, readElement_int32, writeArray, writeElement_int32 } from "../../codec/runtime.js";

export interface DescribeLogDirsRequestDescribableLogDirTopic {
  /** The topic name Versions 0-4; map key; entity: topicName. */
  topic: string;
  /** The partition indexes. Versions 0-4. */
  partitions: number[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeLogDirsRequestDescribableLogDirTopic(): DescribeLogDirsRequestDescribableLogDirTopic {
  return {
    topic: "",
    partitions: [],
  };
}

export function readDescribeLogDirsRequestDescribableLogDirTopic(r: Reader, v: number): DescribeLogDirsRequestDescribableLogDirTopic {
  const flex = v >= 2;
  const topic = (v >= 2 ? r.compactString() : r.string());
  const partitions = readArray(r, v, v >= 2, false, 4, readElement_int32);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeLogDirsRequestDescribableLogDirTopic = {
    topic,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeLogDirsRequestDescribableLogDirTopic(w: Writer, o: DescribeLogDirsRequestDescribableLogDirTopic, v: number): void {
  const flex = v >= 2;
  if (v >= 2) w.compactString(o.topic); else w.string(o.topic);
  writeArray(w, v, v >= 2, o.partitions, writeElement_int32);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeLogDirsRequest {
  /** Each topic that we want to describe log directories for, or null for all topics. Versions 0-4; nullable in 0-4. */
  topics: DescribeLogDirsRequestDescribableLogDirTopic[] | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeLogDirsRequest(): DescribeLogDirsRequest {
  return {
    topics: [],
  };
}

export function readDescribeLogDirsRequest(r: Reader, v: number): DescribeLogDirsRequest {
  const flex = v >= 2;
  const topics = readArray(r, v, v >= 2, true, 2, readDescribeLogDirsRequestDescribableLogDirTopic);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeLogDirsRequest = {
    topics,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeLogDirsRequest(w: Writer, o: DescribeLogDirsRequest, v: number): void {
  const flex = v >= 2;
  writeArray(w, v, v >= 2, o.topics, writeDescribeLogDirsRequestDescribableLogDirTopic);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeLogDirsResponseDescribeLogDirsPartition {
  /** The partition index. Versions 0-4. */
  partitionIndex: number;
  /** The size of the log segments in this partition in bytes. Versions 0-4. */
  partitionSize: bigint;
  /** The lag of the log's LEO w.r.t. partition's HW (if it is the current log for the partition) or current replica's LEO (if it is the future log for the partition) Versions 0-4. */
  offsetLag: bigint;
  /** True if this log is created by AlterReplicaLogDirsRequest and will replace the current log of the replica in the future. Versions 0-4. */
  isFutureKey: boolean;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeLogDirsResponseDescribeLogDirsPartition(): DescribeLogDirsResponseDescribeLogDirsPartition {
  return {
    partitionIndex: 0,
    partitionSize: 0n,
    offsetLag: 0n,
    isFutureKey: false,
  };
}

export function readDescribeLogDirsResponseDescribeLogDirsPartition(r: Reader, v: number): DescribeLogDirsResponseDescribeLogDirsPartition {
  const flex = v >= 2;
  const partitionIndex = r.int32();
  const partitionSize = r.int64();
  const offsetLag = r.int64();
  const isFutureKey = r.bool();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeLogDirsResponseDescribeLogDirsPartition = {
    partitionIndex,
    partitionSize,
    offsetLag,
    isFutureKey,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeLogDirsResponseDescribeLogDirsPartition(w: Writer, o: DescribeLogDirsResponseDescribeLogDirsPartition, v: number): void {
  const flex = v >= 2;
  w.int32(o.partitionIndex);
  w.int64(o.partitionSize);
  w.int64(o.offsetLag);
  w.bool(o.isFutureKey);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeLogDirsResponseDescribeLogDirsTopic {
  /** The topic name. Versions 0-4; entity: topicName. */
  name: string;
  /** Versions 0-4. */
  partitions: DescribeLogDirsResponseDescribeLogDirsPartition[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeLogDirsResponseDescribeLogDirsTopic(): DescribeLogDirsResponseDescribeLogDirsTopic {
  return {
    name: "",
    partitions: [],
  };
}

export function readDescribeLogDirsResponseDescribeLogDirsTopic(r: Reader, v: number): DescribeLogDirsResponseDescribeLogDirsTopic {
  const flex = v >= 2;
  const name = (v >= 2 ? r.compactString() : r.string());
  const partitions = readArray(r, v, v >= 2, false, 21, readDescribeLogDirsResponseDescribeLogDirsPartition);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeLogDirsResponseDescribeLogDirsTopic = {
    name,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeLogDirsResponseDescribeLogDirsTopic(w: Writer, o: DescribeLogDirsResponseDescribeLogDirsTopic, v: number): void {
  const flex = v >= 2;
  if (v >= 2) w.compactString(o.name); else w.string(o.name);
  writeArray(w, v, v >= 2, o.partitions, writeDescribeLogDirsResponseDescribeLogDirsPartition);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeLogDirsResponseDescribeLogDirsResult {
  /** The error code, or 0 if there was no error. Versions 0-4. */
  errorCode: number;
  /** The absolute log directory path. Versions 0-4. */
  logDir: string;
  /** Each topic. Versions 0-4. */
  topics: DescribeLogDirsResponseDescribeLogDirsTopic[];
  /** The total size in bytes of the volume the log directory is in. Versions 4. */
  totalBytes: bigint;
  /** The usable size in bytes of the volume the log directory is in. Versions 4. */
  usableBytes: bigint;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeLogDirsResponseDescribeLogDirsResult(): DescribeLogDirsResponseDescribeLogDirsResult {
  return {
    errorCode: 0,
    logDir: "",
    topics: [],
    totalBytes: -1n,
    usableBytes: -1n,
  };
}

export function readDescribeLogDirsResponseDescribeLogDirsResult(r: Reader, v: number): DescribeLogDirsResponseDescribeLogDirsResult {
  const flex = v >= 2;
  const errorCode = r.int16();
  const logDir = (v >= 2 ? r.compactString() : r.string());
  const topics = readArray(r, v, v >= 2, false, 2, readDescribeLogDirsResponseDescribeLogDirsTopic);
  const totalBytes = (v === 4 ? r.int64() : -1n);
  const usableBytes = (v === 4 ? r.int64() : -1n);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeLogDirsResponseDescribeLogDirsResult = {
    errorCode,
    logDir,
    topics,
    totalBytes,
    usableBytes,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeLogDirsResponseDescribeLogDirsResult(w: Writer, o: DescribeLogDirsResponseDescribeLogDirsResult, v: number): void {
  const flex = v >= 2;
  w.int16(o.errorCode);
  if (v >= 2) w.compactString(o.logDir); else w.string(o.logDir);
  writeArray(w, v, v >= 2, o.topics, writeDescribeLogDirsResponseDescribeLogDirsTopic);
  if (v === 4) {
    w.int64(o.totalBytes);
  }
  if (v === 4) {
    w.int64(o.usableBytes);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeLogDirsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-4. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. Versions 3-4. */
  errorCode: number;
  /** The log directories. Versions 0-4. */
  results: DescribeLogDirsResponseDescribeLogDirsResult[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeLogDirsResponse(): DescribeLogDirsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    results: [],
  };
}

export function readDescribeLogDirsResponse(r: Reader, v: number): DescribeLogDirsResponse {
  const flex = v >= 2;
  const throttleTimeMs = r.int32();
  const errorCode = (v >= 3 ? r.int16() : 0);
  const results = readArray(r, v, v >= 2, false, 4, readDescribeLogDirsResponseDescribeLogDirsResult);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeLogDirsResponse = {
    throttleTimeMs,
    errorCode,
    results,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeLogDirsResponse(w: Writer, o: DescribeLogDirsResponse, v: number): void {
  const flex = v >= 2;
  w.int32(o.throttleTimeMs);
  if (v >= 3) {
    w.int16(o.errorCode);
  }
  writeArray(w, v, v >= 2, o.results, writeDescribeLogDirsResponseDescribeLogDirsResult);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
