// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// FetchSnapshot (API key 59): stable versions 0-1, flexible from 0.

import { EMPTY_BYTES, type Reader, type TaggedField, type Uuid, type Writer, ZERO_UUID, isDefaultValue, notInVersion, readArray, sortedTaggedFields, writeArray } from "../../codec/runtime.js";

export interface FetchSnapshotRequestSnapshotId {
  /** Versions 0-1. */
  endOffset: bigint;
  /** Versions 0-1. */
  epoch: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultFetchSnapshotRequestSnapshotId(): FetchSnapshotRequestSnapshotId {
  return {
    endOffset: 0n,
    epoch: 0,
  };
}

export function readFetchSnapshotRequestSnapshotId(r: Reader, v: number): FetchSnapshotRequestSnapshotId {
  const flex = true;
  const endOffset = r.int64();
  const epoch = r.int32();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: FetchSnapshotRequestSnapshotId = {
    endOffset,
    epoch,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeFetchSnapshotRequestSnapshotId(w: Writer, o: FetchSnapshotRequestSnapshotId, v: number): void {
  const flex = true;
  w.int64(o.endOffset);
  w.int32(o.epoch);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface FetchSnapshotRequestPartitionSnapshot {
  /** The partition index Versions 0-1. */
  partition: number;
  /** The current leader epoch of the partition, -1 for unknown leader epoch Versions 0-1. */
  currentLeaderEpoch: number;
  /** The snapshot endOffset and epoch to fetch Versions 0-1. */
  snapshotId: FetchSnapshotRequestSnapshotId;
  /** The byte position within the snapshot to start fetching from Versions 0-1. */
  position: bigint;
  /** The directory id of the follower fetching Versions 1; tagged (tag 0) in 1. */
  replicaDirectoryId: Uuid;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultFetchSnapshotRequestPartitionSnapshot(): FetchSnapshotRequestPartitionSnapshot {
  return {
    partition: 0,
    currentLeaderEpoch: 0,
    snapshotId: defaultFetchSnapshotRequestSnapshotId(),
    position: 0n,
    replicaDirectoryId: ZERO_UUID,
  };
}

export function readFetchSnapshotRequestPartitionSnapshot(r: Reader, v: number): FetchSnapshotRequestPartitionSnapshot {
  const flex = true;
  const partition = r.int32();
  const currentLeaderEpoch = r.int32();
  const snapshotId = readFetchSnapshotRequestSnapshotId(r, v);
  const position = r.int64();
  let replicaDirectoryId: Uuid = ZERO_UUID;
  let unknown: TaggedField[] | undefined;
  if (flex) {
    const count = r.taggedFieldCount();
    for (let i = 0; i < count; i++) {
      const tag = r.uvarint();
      const fieldEnd = r.beginTaggedField(tag);
      if (fieldEnd < 0) break;
      if (tag === 0 && v === 1) {
        const savedEnd = r.end;
        r.end = fieldEnd;
        replicaDirectoryId = r.uuid();
        r.endTaggedField(tag, fieldEnd, savedEnd);
      } else {
        (unknown ??= []).push(r.unknownTaggedField(tag, fieldEnd));
      }
    }
  }
  const o: FetchSnapshotRequestPartitionSnapshot = {
    partition,
    currentLeaderEpoch,
    snapshotId,
    position,
    replicaDirectoryId,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeFetchSnapshotRequestPartitionSnapshot(w: Writer, o: FetchSnapshotRequestPartitionSnapshot, v: number): void {
  const flex = true;
  w.int32(o.partition);
  w.int32(o.currentLeaderEpoch);
  writeFetchSnapshotRequestSnapshotId(w, o.snapshotId, v);
  w.int64(o.position);
  if (flex) {
    const unknown = sortedTaggedFields(o._unknownTaggedFields);
    const hasReplicaDirectoryId = v === 1 && o.replicaDirectoryId !== ZERO_UUID;
    w.uvarint((hasReplicaDirectoryId ? 1 : 0) + (unknown === undefined ? 0 : unknown.length));
    let next = 0;
    if (hasReplicaDirectoryId) {
      next = w.unknownTaggedFieldsBelow(unknown, next, 0);
      w.uvarint(0);
      const start = w.beginSized();
      w.uuid(o.replicaDirectoryId);
      w.endSized(start);
    }
    w.unknownTaggedFieldsBelow(unknown, next, Number.POSITIVE_INFINITY);
  }
}

export interface FetchSnapshotRequestTopicSnapshot {
  /** The name of the topic to fetch Versions 0-1; entity: topicName. */
  name: string;
  /** The partitions to fetch Versions 0-1. */
  partitions: FetchSnapshotRequestPartitionSnapshot[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultFetchSnapshotRequestTopicSnapshot(): FetchSnapshotRequestTopicSnapshot {
  return {
    name: "",
    partitions: [],
  };
}

export function readFetchSnapshotRequestTopicSnapshot(r: Reader, v: number): FetchSnapshotRequestTopicSnapshot {
  const flex = true;
  const name = r.compactString();
  const partitions = readArray(r, v, true, false, 28, readFetchSnapshotRequestPartitionSnapshot);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: FetchSnapshotRequestTopicSnapshot = {
    name,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeFetchSnapshotRequestTopicSnapshot(w: Writer, o: FetchSnapshotRequestTopicSnapshot, v: number): void {
  const flex = true;
  w.compactString(o.name);
  writeArray(w, v, true, o.partitions, writeFetchSnapshotRequestPartitionSnapshot);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface FetchSnapshotRequest {
  /** The clusterId if known, this is used to validate metadata fetches prior to broker registration Versions 0-1; tagged (tag 0) in 0-1; nullable in 0-1. */
  clusterId: string | null;
  /** The broker ID of the follower Versions 0-1; entity: brokerId. */
  replicaId: number;
  /** The maximum bytes to fetch from all of the snapshots Versions 0-1. */
  maxBytes: number;
  /** The topics to fetch Versions 0-1. */
  topics: FetchSnapshotRequestTopicSnapshot[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultFetchSnapshotRequest(): FetchSnapshotRequest {
  return {
    clusterId: null,
    replicaId: -1,
    maxBytes: 2147483647,
    topics: [],
  };
}

export function readFetchSnapshotRequest(r: Reader, v: number): FetchSnapshotRequest {
  const flex = true;
  let clusterId: string | null = null;
  const replicaId = r.int32();
  const maxBytes = r.int32();
  const topics = readArray(r, v, true, false, 2, readFetchSnapshotRequestTopicSnapshot);
  let unknown: TaggedField[] | undefined;
  if (flex) {
    const count = r.taggedFieldCount();
    for (let i = 0; i < count; i++) {
      const tag = r.uvarint();
      const fieldEnd = r.beginTaggedField(tag);
      if (fieldEnd < 0) break;
      if (tag === 0 && true) {
        const savedEnd = r.end;
        r.end = fieldEnd;
        clusterId = r.compactNullableString();
        r.endTaggedField(tag, fieldEnd, savedEnd);
      } else {
        (unknown ??= []).push(r.unknownTaggedField(tag, fieldEnd));
      }
    }
  }
  const o: FetchSnapshotRequest = {
    clusterId,
    replicaId,
    maxBytes,
    topics,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeFetchSnapshotRequest(w: Writer, o: FetchSnapshotRequest, v: number): void {
  const flex = true;
  w.int32(o.replicaId);
  w.int32(o.maxBytes);
  writeArray(w, v, true, o.topics, writeFetchSnapshotRequestTopicSnapshot);
  if (flex) {
    const unknown = sortedTaggedFields(o._unknownTaggedFields);
    const hasClusterId = o.clusterId !== null;
    w.uvarint((hasClusterId ? 1 : 0) + (unknown === undefined ? 0 : unknown.length));
    let next = 0;
    if (hasClusterId) {
      next = w.unknownTaggedFieldsBelow(unknown, next, 0);
      w.uvarint(0);
      const start = w.beginSized();
      w.compactNullableString(o.clusterId);
      w.endSized(start);
    }
    w.unknownTaggedFieldsBelow(unknown, next, Number.POSITIVE_INFINITY);
  }
}

export interface FetchSnapshotResponseSnapshotId {
  /** Versions 0-1. */
  endOffset: bigint;
  /** Versions 0-1. */
  epoch: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultFetchSnapshotResponseSnapshotId(): FetchSnapshotResponseSnapshotId {
  return {
    endOffset: 0n,
    epoch: 0,
  };
}

export function readFetchSnapshotResponseSnapshotId(r: Reader, v: number): FetchSnapshotResponseSnapshotId {
  const flex = true;
  const endOffset = r.int64();
  const epoch = r.int32();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: FetchSnapshotResponseSnapshotId = {
    endOffset,
    epoch,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeFetchSnapshotResponseSnapshotId(w: Writer, o: FetchSnapshotResponseSnapshotId, v: number): void {
  const flex = true;
  w.int64(o.endOffset);
  w.int32(o.epoch);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface FetchSnapshotResponseLeaderIdAndEpoch {
  /** The ID of the current leader or -1 if the leader is unknown. Versions 0-1; entity: brokerId. */
  leaderId: number;
  /** The latest known leader epoch Versions 0-1. */
  leaderEpoch: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultFetchSnapshotResponseLeaderIdAndEpoch(): FetchSnapshotResponseLeaderIdAndEpoch {
  return {
    leaderId: 0,
    leaderEpoch: 0,
  };
}

export function readFetchSnapshotResponseLeaderIdAndEpoch(r: Reader, v: number): FetchSnapshotResponseLeaderIdAndEpoch {
  const flex = true;
  const leaderId = r.int32();
  const leaderEpoch = r.int32();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: FetchSnapshotResponseLeaderIdAndEpoch = {
    leaderId,
    leaderEpoch,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeFetchSnapshotResponseLeaderIdAndEpoch(w: Writer, o: FetchSnapshotResponseLeaderIdAndEpoch, v: number): void {
  const flex = true;
  w.int32(o.leaderId);
  w.int32(o.leaderEpoch);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface FetchSnapshotResponsePartitionSnapshot {
  /** The partition index. Versions 0-1. */
  index: number;
  /** The error code, or 0 if there was no fetch error. Versions 0-1. */
  errorCode: number;
  /** The snapshot endOffset and epoch fetched Versions 0-1. */
  snapshotId: FetchSnapshotResponseSnapshotId;
  /** Versions 0-1; tagged (tag 0) in 0-1. */
  currentLeader: FetchSnapshotResponseLeaderIdAndEpoch;
  /** The total size of the snapshot. Versions 0-1. */
  size: bigint;
  /** The starting byte position within the snapshot included in the Bytes field. Versions 0-1. */
  position: bigint;
  /** Snapshot data in records format which may not be aligned on an offset boundary Versions 0-1. */
  unalignedRecords: Uint8Array;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultFetchSnapshotResponsePartitionSnapshot(): FetchSnapshotResponsePartitionSnapshot {
  return {
    index: 0,
    errorCode: 0,
    snapshotId: defaultFetchSnapshotResponseSnapshotId(),
    currentLeader: defaultFetchSnapshotResponseLeaderIdAndEpoch(),
    size: 0n,
    position: 0n,
    unalignedRecords: EMPTY_BYTES,
  };
}

export function readFetchSnapshotResponsePartitionSnapshot(r: Reader, v: number): FetchSnapshotResponsePartitionSnapshot {
  const flex = true;
  const index = r.int32();
  const errorCode = r.int16();
  const snapshotId = readFetchSnapshotResponseSnapshotId(r, v);
  let currentLeader: FetchSnapshotResponseLeaderIdAndEpoch = defaultFetchSnapshotResponseLeaderIdAndEpoch();
  const size = r.int64();
  const position = r.int64();
  const unalignedRecords = r.compactBytes();
  let unknown: TaggedField[] | undefined;
  if (flex) {
    const count = r.taggedFieldCount();
    for (let i = 0; i < count; i++) {
      const tag = r.uvarint();
      const fieldEnd = r.beginTaggedField(tag);
      if (fieldEnd < 0) break;
      if (tag === 0 && true) {
        const savedEnd = r.end;
        r.end = fieldEnd;
        currentLeader = readFetchSnapshotResponseLeaderIdAndEpoch(r, v);
        r.endTaggedField(tag, fieldEnd, savedEnd);
      } else {
        (unknown ??= []).push(r.unknownTaggedField(tag, fieldEnd));
      }
    }
  }
  const o: FetchSnapshotResponsePartitionSnapshot = {
    index,
    errorCode,
    snapshotId,
    currentLeader,
    size,
    position,
    unalignedRecords,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeFetchSnapshotResponsePartitionSnapshot(w: Writer, o: FetchSnapshotResponsePartitionSnapshot, v: number): void {
  const flex = true;
  w.int32(o.index);
  w.int16(o.errorCode);
  writeFetchSnapshotResponseSnapshotId(w, o.snapshotId, v);
  w.int64(o.size);
  w.int64(o.position);
  w.compactBytes(o.unalignedRecords);
  if (flex) {
    const unknown = sortedTaggedFields(o._unknownTaggedFields);
    const hasCurrentLeader = !isDefaultValue(o.currentLeader, defaultFetchSnapshotResponseLeaderIdAndEpoch());
    w.uvarint((hasCurrentLeader ? 1 : 0) + (unknown === undefined ? 0 : unknown.length));
    let next = 0;
    if (hasCurrentLeader) {
      next = w.unknownTaggedFieldsBelow(unknown, next, 0);
      w.uvarint(0);
      const start = w.beginSized();
      writeFetchSnapshotResponseLeaderIdAndEpoch(w, o.currentLeader, v);
      w.endSized(start);
    }
    w.unknownTaggedFieldsBelow(unknown, next, Number.POSITIVE_INFINITY);
  }
}

export interface FetchSnapshotResponseTopicSnapshot {
  /** The name of the topic to fetch. Versions 0-1; entity: topicName. */
  name: string;
  /** The partitions to fetch. Versions 0-1. */
  partitions: FetchSnapshotResponsePartitionSnapshot[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultFetchSnapshotResponseTopicSnapshot(): FetchSnapshotResponseTopicSnapshot {
  return {
    name: "",
    partitions: [],
  };
}

export function readFetchSnapshotResponseTopicSnapshot(r: Reader, v: number): FetchSnapshotResponseTopicSnapshot {
  const flex = true;
  const name = r.compactString();
  const partitions = readArray(r, v, true, false, 35, readFetchSnapshotResponsePartitionSnapshot);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: FetchSnapshotResponseTopicSnapshot = {
    name,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeFetchSnapshotResponseTopicSnapshot(w: Writer, o: FetchSnapshotResponseTopicSnapshot, v: number): void {
  const flex = true;
  w.compactString(o.name);
  writeArray(w, v, true, o.partitions, writeFetchSnapshotResponsePartitionSnapshot);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface FetchSnapshotResponseNodeEndpoint {
  /** The ID of the associated node Versions 1; map key; entity: brokerId. */
  nodeId: number;
  /** The node's hostname Versions 1. */
  host: string;
  /** The node's port Versions 1. */
  port: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultFetchSnapshotResponseNodeEndpoint(): FetchSnapshotResponseNodeEndpoint {
  return {
    nodeId: 0,
    host: "",
    port: 0,
  };
}

export function readFetchSnapshotResponseNodeEndpoint(r: Reader, v: number): FetchSnapshotResponseNodeEndpoint {
  const flex = true;
  const nodeId = (v === 1 ? r.int32() : 0);
  const host = (v === 1 ? r.compactString() : "");
  const port = (v === 1 ? r.uint16() : 0);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: FetchSnapshotResponseNodeEndpoint = {
    nodeId,
    host,
    port,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeFetchSnapshotResponseNodeEndpoint(w: Writer, o: FetchSnapshotResponseNodeEndpoint, v: number): void {
  const flex = true;
  if (v === 1) {
    w.int32(o.nodeId);
  } else if (!(v === 1) && o.nodeId !== 0) {
    throw notInVersion("FetchSnapshotResponseNodeEndpoint.nodeId", v);
  }
  if (v === 1) {
    w.compactString(o.host);
  } else if (!(v === 1) && o.host !== "") {
    throw notInVersion("FetchSnapshotResponseNodeEndpoint.host", v);
  }
  if (v === 1) {
    w.uint16(o.port);
  } else if (!(v === 1) && o.port !== 0) {
    throw notInVersion("FetchSnapshotResponseNodeEndpoint.port", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface FetchSnapshotResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-1. */
  throttleTimeMs: number;
  /** The top level response error code. Versions 0-1. */
  errorCode: number;
  /** The topics to fetch. Versions 0-1. */
  topics: FetchSnapshotResponseTopicSnapshot[];
  /** Endpoints for all current-leaders enumerated in PartitionSnapshot Versions 1; tagged (tag 0) in 1. */
  nodeEndpoints: FetchSnapshotResponseNodeEndpoint[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultFetchSnapshotResponse(): FetchSnapshotResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    topics: [],
    nodeEndpoints: [],
  };
}

export function readFetchSnapshotResponse(r: Reader, v: number): FetchSnapshotResponse {
  const flex = true;
  const throttleTimeMs = r.int32();
  const errorCode = r.int16();
  const topics = readArray(r, v, true, false, 2, readFetchSnapshotResponseTopicSnapshot);
  let nodeEndpoints: FetchSnapshotResponseNodeEndpoint[] = [];
  let unknown: TaggedField[] | undefined;
  if (flex) {
    const count = r.taggedFieldCount();
    for (let i = 0; i < count; i++) {
      const tag = r.uvarint();
      const fieldEnd = r.beginTaggedField(tag);
      if (fieldEnd < 0) break;
      if (tag === 0 && v === 1) {
        const savedEnd = r.end;
        r.end = fieldEnd;
        nodeEndpoints = readArray(r, v, true, false, 7, readFetchSnapshotResponseNodeEndpoint);
        r.endTaggedField(tag, fieldEnd, savedEnd);
      } else {
        (unknown ??= []).push(r.unknownTaggedField(tag, fieldEnd));
      }
    }
  }
  const o: FetchSnapshotResponse = {
    throttleTimeMs,
    errorCode,
    topics,
    nodeEndpoints,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeFetchSnapshotResponse(w: Writer, o: FetchSnapshotResponse, v: number): void {
  const flex = true;
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  writeArray(w, v, true, o.topics, writeFetchSnapshotResponseTopicSnapshot);
  if (flex) {
    const unknown = sortedTaggedFields(o._unknownTaggedFields);
    const hasNodeEndpoints = v === 1 && o.nodeEndpoints !== null && o.nodeEndpoints.length > 0;
    w.uvarint((hasNodeEndpoints ? 1 : 0) + (unknown === undefined ? 0 : unknown.length));
    let next = 0;
    if (hasNodeEndpoints) {
      next = w.unknownTaggedFieldsBelow(unknown, next, 0);
      w.uvarint(0);
      const start = w.beginSized();
      writeArray(w, v, true, o.nodeEndpoints, writeFetchSnapshotResponseNodeEndpoint);
      w.endSized(start);
    }
    w.unknownTaggedFieldsBelow(unknown, next, Number.POSITIVE_INFINITY);
  }
}
