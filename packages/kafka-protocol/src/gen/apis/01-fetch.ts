// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// Fetch (API key 1): stable versions 0-17, flexible from 12.

import { type Reader, type TaggedField, type Uuid, type Writer, ZERO_UUID, isDefaultValue, notInVersion, readArray, readElement_int32, sortedTaggedFields, writeArray, writeElement_int32 } from "../../codec/runtime.js";

export interface FetchRequestReplicaState {
  /** The replica ID of the follower, or -1 if this request is from a consumer. Versions 15-17; entity: brokerId. */
  replicaId: number;
  /** The epoch of this follower, or -1 if not available. Versions 15-17. */
  replicaEpoch: bigint;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultFetchRequestReplicaState(): FetchRequestReplicaState {
  return {
    replicaId: -1,
    replicaEpoch: -1n,
  };
}

export function readFetchRequestReplicaState(r: Reader, v: number): FetchRequestReplicaState {
  const flex = v >= 12;
  const replicaId = (v >= 15 ? r.int32() : -1);
  const replicaEpoch = (v >= 15 ? r.int64() : -1n);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: FetchRequestReplicaState = {
    replicaId,
    replicaEpoch,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeFetchRequestReplicaState(w: Writer, o: FetchRequestReplicaState, v: number): void {
  const flex = v >= 12;
  if (v >= 15) {
    w.int32(o.replicaId);
  } else if (!(v >= 15) && o.replicaId !== -1) {
    throw notInVersion("FetchRequestReplicaState.replicaId", v);
  }
  if (v >= 15) {
    w.int64(o.replicaEpoch);
  } else if (!(v >= 15) && o.replicaEpoch !== -1n) {
    throw notInVersion("FetchRequestReplicaState.replicaEpoch", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface FetchRequestFetchPartition {
  /** The partition index. Versions 0-17. */
  partition: number;
  /** The current leader epoch of the partition. Versions 9-17. */
  currentLeaderEpoch: number;
  /** The message offset. Versions 0-17. */
  fetchOffset: bigint;
  /** The epoch of the last fetched record or -1 if there is none Versions 12-17. */
  lastFetchedEpoch: number;
  /** The earliest available offset of the follower replica.  The field is only used when the request is sent by the follower. Versions 5-17. */
  logStartOffset: bigint;
  /** The maximum bytes to fetch from this partition.  See KIP-74 for cases where this limit may not be honored. Versions 0-17. */
  partitionMaxBytes: number;
  /** The directory id of the follower fetching Versions 17; tagged (tag 0) in 17. */
  replicaDirectoryId: Uuid;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultFetchRequestFetchPartition(): FetchRequestFetchPartition {
  return {
    partition: 0,
    currentLeaderEpoch: -1,
    fetchOffset: 0n,
    lastFetchedEpoch: -1,
    logStartOffset: -1n,
    partitionMaxBytes: 0,
    replicaDirectoryId: ZERO_UUID,
  };
}

export function readFetchRequestFetchPartition(r: Reader, v: number): FetchRequestFetchPartition {
  const flex = v >= 12;
  const partition = r.int32();
  const currentLeaderEpoch = (v >= 9 ? r.int32() : -1);
  const fetchOffset = r.int64();
  const lastFetchedEpoch = (v >= 12 ? r.int32() : -1);
  const logStartOffset = (v >= 5 ? r.int64() : -1n);
  const partitionMaxBytes = r.int32();
  let replicaDirectoryId: Uuid = ZERO_UUID;
  let unknown: TaggedField[] | undefined;
  if (flex) {
    const count = r.taggedFieldCount();
    for (let i = 0; i < count; i++) {
      const tag = r.uvarint();
      const fieldEnd = r.beginTaggedField(tag);
      if (fieldEnd < 0) break;
      if (tag === 0 && v === 17) {
        const savedEnd = r.end;
        r.end = fieldEnd;
        replicaDirectoryId = r.uuid();
        r.endTaggedField(tag, fieldEnd, savedEnd);
      } else {
        (unknown ??= []).push(r.unknownTaggedField(tag, fieldEnd));
      }
    }
  }
  const o: FetchRequestFetchPartition = {
    partition,
    currentLeaderEpoch,
    fetchOffset,
    lastFetchedEpoch,
    logStartOffset,
    partitionMaxBytes,
    replicaDirectoryId,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeFetchRequestFetchPartition(w: Writer, o: FetchRequestFetchPartition, v: number): void {
  const flex = v >= 12;
  w.int32(o.partition);
  if (v >= 9) {
    w.int32(o.currentLeaderEpoch);
  }
  w.int64(o.fetchOffset);
  if (v >= 12) {
    w.int32(o.lastFetchedEpoch);
  } else if (!(v >= 12) && o.lastFetchedEpoch !== -1) {
    throw notInVersion("FetchRequestFetchPartition.lastFetchedEpoch", v);
  }
  if (v >= 5) {
    w.int64(o.logStartOffset);
  }
  w.int32(o.partitionMaxBytes);
  if (flex) {
    const unknown = sortedTaggedFields(o._unknownTaggedFields);
    const hasReplicaDirectoryId = v === 17 && o.replicaDirectoryId !== ZERO_UUID;
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

export interface FetchRequestFetchTopic {
  /** The name of the topic to fetch. Versions 0-12; entity: topicName. */
  topic: string;
  /** The unique topic ID Versions 13-17. */
  topicId: Uuid;
  /** The partitions to fetch. Versions 0-17. */
  partitions: FetchRequestFetchPartition[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultFetchRequestFetchTopic(): FetchRequestFetchTopic {
  return {
    topic: "",
    topicId: ZERO_UUID,
    partitions: [],
  };
}

export function readFetchRequestFetchTopic(r: Reader, v: number): FetchRequestFetchTopic {
  const flex = v >= 12;
  const topic = (v <= 12 ? (v === 12 ? r.compactString() : r.string()) : "");
  const topicId = (v >= 13 ? r.uuid() : ZERO_UUID);
  const partitions = readArray(r, v, v >= 12, false, 16, readFetchRequestFetchPartition);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: FetchRequestFetchTopic = {
    topic,
    topicId,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeFetchRequestFetchTopic(w: Writer, o: FetchRequestFetchTopic, v: number): void {
  const flex = v >= 12;
  if (v <= 12) {
    if (v === 12) w.compactString(o.topic); else w.string(o.topic);
  }
  if (v >= 13) {
    w.uuid(o.topicId);
  }
  writeArray(w, v, v >= 12, o.partitions, writeFetchRequestFetchPartition);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface FetchRequestForgottenTopic {
  /** The topic name. Versions 7-12; entity: topicName. */
  topic: string;
  /** The unique topic ID Versions 13-17. */
  topicId: Uuid;
  /** The partitions indexes to forget. Versions 7-17. */
  partitions: number[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultFetchRequestForgottenTopic(): FetchRequestForgottenTopic {
  return {
    topic: "",
    topicId: ZERO_UUID,
    partitions: [],
  };
}

export function readFetchRequestForgottenTopic(r: Reader, v: number): FetchRequestForgottenTopic {
  const flex = v >= 12;
  const topic = ((v >= 7 && v <= 12) ? (v === 12 ? r.compactString() : r.string()) : "");
  const topicId = (v >= 13 ? r.uuid() : ZERO_UUID);
  const partitions = (v >= 7 ? readArray(r, v, v >= 12, false, 4, readElement_int32) : []);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: FetchRequestForgottenTopic = {
    topic,
    topicId,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeFetchRequestForgottenTopic(w: Writer, o: FetchRequestForgottenTopic, v: number): void {
  const flex = v >= 12;
  if ((v >= 7 && v <= 12)) {
    if (v === 12) w.compactString(o.topic); else w.string(o.topic);
  }
  if (v >= 13) {
    w.uuid(o.topicId);
  }
  if (v >= 7) {
    writeArray(w, v, v >= 12, o.partitions, writeElement_int32);
  } else if (!(v >= 7) && o.partitions !== null && o.partitions.length > 0) {
    throw notInVersion("FetchRequestForgottenTopic.partitions", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface FetchRequest {
  /** The clusterId if known. This is used to validate metadata fetches prior to broker registration. Versions 12-17; tagged (tag 0) in 12-17; nullable in 12-17. */
  clusterId: string | null;
  /** The broker ID of the follower, of -1 if this request is from a consumer. Versions 0-14; entity: brokerId. */
  replicaId: number;
  /** Versions 15-17; tagged (tag 1) in 15-17. */
  replicaState: FetchRequestReplicaState;
  /** The maximum time in milliseconds to wait for the response. Versions 0-17. */
  maxWaitMs: number;
  /** The minimum bytes to accumulate in the response. Versions 0-17. */
  minBytes: number;
  /** The maximum bytes to fetch.  See KIP-74 for cases where this limit may not be honored. Versions 3-17. */
  maxBytes: number;
  /** This setting controls the visibility of transactional records. Using READ_UNCOMMITTED (isolation_level = 0) makes all records visible. With READ_COMMITTED (isolation_level = 1), non-transactional and COMMITTED transactional records are visible. To be more concrete, READ_COMMITTED returns all data from offsets smaller than the current LSO (last stable offset), and enables the inclusion of the list of aborted transactions in the result, which allows consumers to discard ABORTED transactional records Versions 4-17. */
  isolationLevel: number;
  /** The fetch session ID. Versions 7-17. */
  sessionId: number;
  /** The fetch session epoch, which is used for ordering requests in a session. Versions 7-17. */
  sessionEpoch: number;
  /** The topics to fetch. Versions 0-17. */
  topics: FetchRequestFetchTopic[];
  /** In an incremental fetch request, the partitions to remove. Versions 7-17. */
  forgottenTopicsData: FetchRequestForgottenTopic[];
  /** Rack ID of the consumer making this request Versions 11-17. */
  rackId: string;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultFetchRequest(): FetchRequest {
  return {
    clusterId: null,
    replicaId: -1,
    replicaState: defaultFetchRequestReplicaState(),
    maxWaitMs: 0,
    minBytes: 0,
    maxBytes: 2147483647,
    isolationLevel: 0,
    sessionId: 0,
    sessionEpoch: -1,
    topics: [],
    forgottenTopicsData: [],
    rackId: "",
  };
}

export function readFetchRequest(r: Reader, v: number): FetchRequest {
  const flex = v >= 12;
  let clusterId: string | null = null;
  const replicaId = (v <= 14 ? r.int32() : -1);
  let replicaState: FetchRequestReplicaState = defaultFetchRequestReplicaState();
  const maxWaitMs = r.int32();
  const minBytes = r.int32();
  const maxBytes = (v >= 3 ? r.int32() : 2147483647);
  const isolationLevel = (v >= 4 ? r.int8() : 0);
  const sessionId = (v >= 7 ? r.int32() : 0);
  const sessionEpoch = (v >= 7 ? r.int32() : -1);
  const topics = readArray(r, v, v >= 12, false, 2, readFetchRequestFetchTopic);
  const forgottenTopicsData = (v >= 7 ? readArray(r, v, v >= 12, false, 2, readFetchRequestForgottenTopic) : []);
  const rackId = (v >= 11 ? (v >= 12 ? r.compactString() : r.string()) : "");
  let unknown: TaggedField[] | undefined;
  if (flex) {
    const count = r.taggedFieldCount();
    for (let i = 0; i < count; i++) {
      const tag = r.uvarint();
      const fieldEnd = r.beginTaggedField(tag);
      if (fieldEnd < 0) break;
      if (tag === 0 && v >= 12) {
        const savedEnd = r.end;
        r.end = fieldEnd;
        clusterId = r.compactNullableString();
        r.endTaggedField(tag, fieldEnd, savedEnd);
      } else if (tag === 1 && v >= 15) {
        const savedEnd = r.end;
        r.end = fieldEnd;
        replicaState = readFetchRequestReplicaState(r, v);
        r.endTaggedField(tag, fieldEnd, savedEnd);
      } else {
        (unknown ??= []).push(r.unknownTaggedField(tag, fieldEnd));
      }
    }
  }
  const o: FetchRequest = {
    clusterId,
    replicaId,
    replicaState,
    maxWaitMs,
    minBytes,
    maxBytes,
    isolationLevel,
    sessionId,
    sessionEpoch,
    topics,
    forgottenTopicsData,
    rackId,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeFetchRequest(w: Writer, o: FetchRequest, v: number): void {
  const flex = v >= 12;
  if (v <= 14) {
    w.int32(o.replicaId);
  } else if (!(v <= 14) && o.replicaId !== -1) {
    throw notInVersion("FetchRequest.replicaId", v);
  }
  w.int32(o.maxWaitMs);
  w.int32(o.minBytes);
  if (v >= 3) {
    w.int32(o.maxBytes);
  }
  if (v >= 4) {
    w.int8(o.isolationLevel);
  }
  if (v >= 7) {
    w.int32(o.sessionId);
  }
  if (v >= 7) {
    w.int32(o.sessionEpoch);
  }
  writeArray(w, v, v >= 12, o.topics, writeFetchRequestFetchTopic);
  if (v >= 7) {
    writeArray(w, v, v >= 12, o.forgottenTopicsData, writeFetchRequestForgottenTopic);
  } else if (!(v >= 7) && o.forgottenTopicsData !== null && o.forgottenTopicsData.length > 0) {
    throw notInVersion("FetchRequest.forgottenTopicsData", v);
  }
  if (v >= 11) {
    if (v >= 12) w.compactString(o.rackId); else w.string(o.rackId);
  }
  if (flex) {
    const unknown = sortedTaggedFields(o._unknownTaggedFields);
    const hasClusterId = v >= 12 && o.clusterId !== null;
    const hasReplicaState = v >= 15 && !isDefaultValue(o.replicaState, defaultFetchRequestReplicaState());
    w.uvarint((hasClusterId ? 1 : 0) + (hasReplicaState ? 1 : 0) + (unknown === undefined ? 0 : unknown.length));
    let next = 0;
    if (hasClusterId) {
      next = w.unknownTaggedFieldsBelow(unknown, next, 0);
      w.uvarint(0);
      const start = w.beginSized();
      w.compactNullableString(o.clusterId);
      w.endSized(start);
    }
    if (hasReplicaState) {
      next = w.unknownTaggedFieldsBelow(unknown, next, 1);
      w.uvarint(1);
      const start = w.beginSized();
      writeFetchRequestReplicaState(w, o.replicaState, v);
      w.endSized(start);
    }
    w.unknownTaggedFieldsBelow(unknown, next, Number.POSITIVE_INFINITY);
  }
}

export interface FetchResponseEpochEndOffset {
  /** Versions 12-17. */
  epoch: number;
  /** Versions 12-17. */
  endOffset: bigint;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultFetchResponseEpochEndOffset(): FetchResponseEpochEndOffset {
  return {
    epoch: -1,
    endOffset: -1n,
  };
}

export function readFetchResponseEpochEndOffset(r: Reader, v: number): FetchResponseEpochEndOffset {
  const flex = v >= 12;
  const epoch = (v >= 12 ? r.int32() : -1);
  const endOffset = (v >= 12 ? r.int64() : -1n);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: FetchResponseEpochEndOffset = {
    epoch,
    endOffset,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeFetchResponseEpochEndOffset(w: Writer, o: FetchResponseEpochEndOffset, v: number): void {
  const flex = v >= 12;
  if (v >= 12) {
    w.int32(o.epoch);
  } else if (!(v >= 12) && o.epoch !== -1) {
    throw notInVersion("FetchResponseEpochEndOffset.epoch", v);
  }
  if (v >= 12) {
    w.int64(o.endOffset);
  } else if (!(v >= 12) && o.endOffset !== -1n) {
    throw notInVersion("FetchResponseEpochEndOffset.endOffset", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface FetchResponseLeaderIdAndEpoch {
  /** The ID of the current leader or -1 if the leader is unknown. Versions 12-17; entity: brokerId. */
  leaderId: number;
  /** The latest known leader epoch Versions 12-17. */
  leaderEpoch: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultFetchResponseLeaderIdAndEpoch(): FetchResponseLeaderIdAndEpoch {
  return {
    leaderId: -1,
    leaderEpoch: -1,
  };
}

export function readFetchResponseLeaderIdAndEpoch(r: Reader, v: number): FetchResponseLeaderIdAndEpoch {
  const flex = v >= 12;
  const leaderId = (v >= 12 ? r.int32() : -1);
  const leaderEpoch = (v >= 12 ? r.int32() : -1);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: FetchResponseLeaderIdAndEpoch = {
    leaderId,
    leaderEpoch,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeFetchResponseLeaderIdAndEpoch(w: Writer, o: FetchResponseLeaderIdAndEpoch, v: number): void {
  const flex = v >= 12;
  if (v >= 12) {
    w.int32(o.leaderId);
  } else if (!(v >= 12) && o.leaderId !== -1) {
    throw notInVersion("FetchResponseLeaderIdAndEpoch.leaderId", v);
  }
  if (v >= 12) {
    w.int32(o.leaderEpoch);
  } else if (!(v >= 12) && o.leaderEpoch !== -1) {
    throw notInVersion("FetchResponseLeaderIdAndEpoch.leaderEpoch", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface FetchResponseSnapshotId {
  /** Versions 0-17. */
  endOffset: bigint;
  /** Versions 0-17. */
  epoch: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultFetchResponseSnapshotId(): FetchResponseSnapshotId {
  return {
    endOffset: -1n,
    epoch: -1,
  };
}

export function readFetchResponseSnapshotId(r: Reader, v: number): FetchResponseSnapshotId {
  const flex = v >= 12;
  const endOffset = r.int64();
  const epoch = r.int32();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: FetchResponseSnapshotId = {
    endOffset,
    epoch,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeFetchResponseSnapshotId(w: Writer, o: FetchResponseSnapshotId, v: number): void {
  const flex = v >= 12;
  w.int64(o.endOffset);
  w.int32(o.epoch);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface FetchResponseAbortedTransaction {
  /** The producer id associated with the aborted transaction. Versions 4-17; entity: producerId. */
  producerId: bigint;
  /** The first offset in the aborted transaction. Versions 4-17. */
  firstOffset: bigint;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultFetchResponseAbortedTransaction(): FetchResponseAbortedTransaction {
  return {
    producerId: 0n,
    firstOffset: 0n,
  };
}

export function readFetchResponseAbortedTransaction(r: Reader, v: number): FetchResponseAbortedTransaction {
  const flex = v >= 12;
  const producerId = (v >= 4 ? r.int64() : 0n);
  const firstOffset = (v >= 4 ? r.int64() : 0n);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: FetchResponseAbortedTransaction = {
    producerId,
    firstOffset,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeFetchResponseAbortedTransaction(w: Writer, o: FetchResponseAbortedTransaction, v: number): void {
  const flex = v >= 12;
  if (v >= 4) {
    w.int64(o.producerId);
  } else if (!(v >= 4) && o.producerId !== 0n) {
    throw notInVersion("FetchResponseAbortedTransaction.producerId", v);
  }
  if (v >= 4) {
    w.int64(o.firstOffset);
  } else if (!(v >= 4) && o.firstOffset !== 0n) {
    throw notInVersion("FetchResponseAbortedTransaction.firstOffset", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface FetchResponsePartitionData {
  /** The partition index. Versions 0-17. */
  partitionIndex: number;
  /** The error code, or 0 if there was no fetch error. Versions 0-17. */
  errorCode: number;
  /** The current high water mark. Versions 0-17. */
  highWatermark: bigint;
  /** The last stable offset (or LSO) of the partition. This is the last offset such that the state of all transactional records prior to this offset have been decided (ABORTED or COMMITTED) Versions 4-17. */
  lastStableOffset: bigint;
  /** The current log start offset. Versions 5-17. */
  logStartOffset: bigint;
  /** In case divergence is detected based on the `LastFetchedEpoch` and `FetchOffset` in the request, this field indicates the largest epoch and its end offset such that subsequent records are known to diverge Versions 12-17; tagged (tag 0) in 12-17. */
  divergingEpoch: FetchResponseEpochEndOffset;
  /** Versions 12-17; tagged (tag 1) in 12-17. */
  currentLeader: FetchResponseLeaderIdAndEpoch;
  /** In the case of fetching an offset less than the LogStartOffset, this is the end offset and epoch that should be used in the FetchSnapshot request. Versions 12-17; tagged (tag 2) in 12-17. */
  snapshotId: FetchResponseSnapshotId;
  /** The aborted transactions. Versions 4-17; nullable in 4-17. */
  abortedTransactions: FetchResponseAbortedTransaction[] | null;
  /** The preferred read replica for the consumer to use on its next fetch request Versions 11-17; entity: brokerId. */
  preferredReadReplica: number;
  /** The record data. Versions 0-17; nullable in 0-17. */
  records: Uint8Array | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultFetchResponsePartitionData(): FetchResponsePartitionData {
  return {
    partitionIndex: 0,
    errorCode: 0,
    highWatermark: 0n,
    lastStableOffset: -1n,
    logStartOffset: -1n,
    divergingEpoch: defaultFetchResponseEpochEndOffset(),
    currentLeader: defaultFetchResponseLeaderIdAndEpoch(),
    snapshotId: defaultFetchResponseSnapshotId(),
    abortedTransactions: [],
    preferredReadReplica: -1,
    records: null,
  };
}

export function readFetchResponsePartitionData(r: Reader, v: number): FetchResponsePartitionData {
  const flex = v >= 12;
  const partitionIndex = r.int32();
  const errorCode = r.int16();
  const highWatermark = r.int64();
  const lastStableOffset = (v >= 4 ? r.int64() : -1n);
  const logStartOffset = (v >= 5 ? r.int64() : -1n);
  let divergingEpoch: FetchResponseEpochEndOffset = defaultFetchResponseEpochEndOffset();
  let currentLeader: FetchResponseLeaderIdAndEpoch = defaultFetchResponseLeaderIdAndEpoch();
  let snapshotId: FetchResponseSnapshotId = defaultFetchResponseSnapshotId();
  const abortedTransactions = (v >= 4 ? readArray(r, v, v >= 12, true, 16, readFetchResponseAbortedTransaction) : []);
  const preferredReadReplica = (v >= 11 ? r.int32() : -1);
  const records = (v >= 12 ? r.compactNullableBytes() : r.nullableBytes());
  let unknown: TaggedField[] | undefined;
  if (flex) {
    const count = r.taggedFieldCount();
    for (let i = 0; i < count; i++) {
      const tag = r.uvarint();
      const fieldEnd = r.beginTaggedField(tag);
      if (fieldEnd < 0) break;
      if (tag === 0 && v >= 12) {
        const savedEnd = r.end;
        r.end = fieldEnd;
        divergingEpoch = readFetchResponseEpochEndOffset(r, v);
        r.endTaggedField(tag, fieldEnd, savedEnd);
      } else if (tag === 1 && v >= 12) {
        const savedEnd = r.end;
        r.end = fieldEnd;
        currentLeader = readFetchResponseLeaderIdAndEpoch(r, v);
        r.endTaggedField(tag, fieldEnd, savedEnd);
      } else if (tag === 2 && v >= 12) {
        const savedEnd = r.end;
        r.end = fieldEnd;
        snapshotId = readFetchResponseSnapshotId(r, v);
        r.endTaggedField(tag, fieldEnd, savedEnd);
      } else {
        (unknown ??= []).push(r.unknownTaggedField(tag, fieldEnd));
      }
    }
  }
  const o: FetchResponsePartitionData = {
    partitionIndex,
    errorCode,
    highWatermark,
    lastStableOffset,
    logStartOffset,
    divergingEpoch,
    currentLeader,
    snapshotId,
    abortedTransactions,
    preferredReadReplica,
    records,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeFetchResponsePartitionData(w: Writer, o: FetchResponsePartitionData, v: number): void {
  const flex = v >= 12;
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
  w.int64(o.highWatermark);
  if (v >= 4) {
    w.int64(o.lastStableOffset);
  }
  if (v >= 5) {
    w.int64(o.logStartOffset);
  }
  if (v >= 4) {
    writeArray(w, v, v >= 12, o.abortedTransactions, writeFetchResponseAbortedTransaction);
  }
  if (v >= 11) {
    w.int32(o.preferredReadReplica);
  } else if (!(v >= 11) && o.preferredReadReplica !== -1) {
    throw notInVersion("FetchResponsePartitionData.preferredReadReplica", v);
  }
  if (v >= 12) w.compactNullableBytes(o.records); else w.nullableBytes(o.records);
  if (flex) {
    const unknown = sortedTaggedFields(o._unknownTaggedFields);
    const hasDivergingEpoch = v >= 12 && !isDefaultValue(o.divergingEpoch, defaultFetchResponseEpochEndOffset());
    const hasCurrentLeader = v >= 12 && !isDefaultValue(o.currentLeader, defaultFetchResponseLeaderIdAndEpoch());
    const hasSnapshotId = v >= 12 && !isDefaultValue(o.snapshotId, defaultFetchResponseSnapshotId());
    w.uvarint((hasDivergingEpoch ? 1 : 0) + (hasCurrentLeader ? 1 : 0) + (hasSnapshotId ? 1 : 0) + (unknown === undefined ? 0 : unknown.length));
    let next = 0;
    if (hasDivergingEpoch) {
      next = w.unknownTaggedFieldsBelow(unknown, next, 0);
      w.uvarint(0);
      const start = w.beginSized();
      writeFetchResponseEpochEndOffset(w, o.divergingEpoch, v);
      w.endSized(start);
    }
    if (hasCurrentLeader) {
      next = w.unknownTaggedFieldsBelow(unknown, next, 1);
      w.uvarint(1);
      const start = w.beginSized();
      writeFetchResponseLeaderIdAndEpoch(w, o.currentLeader, v);
      w.endSized(start);
    }
    if (hasSnapshotId) {
      next = w.unknownTaggedFieldsBelow(unknown, next, 2);
      w.uvarint(2);
      const start = w.beginSized();
      writeFetchResponseSnapshotId(w, o.snapshotId, v);
      w.endSized(start);
    }
    w.unknownTaggedFieldsBelow(unknown, next, Number.POSITIVE_INFINITY);
  }
}

export interface FetchResponseFetchableTopicResponse {
  /** The topic name. Versions 0-12; entity: topicName. */
  topic: string;
  /** The unique topic ID Versions 13-17. */
  topicId: Uuid;
  /** The topic partitions. Versions 0-17. */
  partitions: FetchResponsePartitionData[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultFetchResponseFetchableTopicResponse(): FetchResponseFetchableTopicResponse {
  return {
    topic: "",
    topicId: ZERO_UUID,
    partitions: [],
  };
}

export function readFetchResponseFetchableTopicResponse(r: Reader, v: number): FetchResponseFetchableTopicResponse {
  const flex = v >= 12;
  const topic = (v <= 12 ? (v === 12 ? r.compactString() : r.string()) : "");
  const topicId = (v >= 13 ? r.uuid() : ZERO_UUID);
  const partitions = readArray(r, v, v >= 12, false, 15, readFetchResponsePartitionData);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: FetchResponseFetchableTopicResponse = {
    topic,
    topicId,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeFetchResponseFetchableTopicResponse(w: Writer, o: FetchResponseFetchableTopicResponse, v: number): void {
  const flex = v >= 12;
  if (v <= 12) {
    if (v === 12) w.compactString(o.topic); else w.string(o.topic);
  }
  if (v >= 13) {
    w.uuid(o.topicId);
  }
  writeArray(w, v, v >= 12, o.partitions, writeFetchResponsePartitionData);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface FetchResponseNodeEndpoint {
  /** The ID of the associated node. Versions 16-17; map key; entity: brokerId. */
  nodeId: number;
  /** The node's hostname. Versions 16-17. */
  host: string;
  /** The node's port. Versions 16-17. */
  port: number;
  /** The rack of the node, or null if it has not been assigned to a rack. Versions 16-17; nullable in 16-17. */
  rack: string | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultFetchResponseNodeEndpoint(): FetchResponseNodeEndpoint {
  return {
    nodeId: 0,
    host: "",
    port: 0,
    rack: null,
  };
}

export function readFetchResponseNodeEndpoint(r: Reader, v: number): FetchResponseNodeEndpoint {
  const flex = v >= 12;
  const nodeId = (v >= 16 ? r.int32() : 0);
  const host = (v >= 16 ? r.compactString() : "");
  const port = (v >= 16 ? r.int32() : 0);
  const rack = (v >= 16 ? r.compactNullableString() : null);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: FetchResponseNodeEndpoint = {
    nodeId,
    host,
    port,
    rack,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeFetchResponseNodeEndpoint(w: Writer, o: FetchResponseNodeEndpoint, v: number): void {
  const flex = v >= 12;
  if (v >= 16) {
    w.int32(o.nodeId);
  } else if (!(v >= 16) && o.nodeId !== 0) {
    throw notInVersion("FetchResponseNodeEndpoint.nodeId", v);
  }
  if (v >= 16) {
    w.compactString(o.host);
  } else if (!(v >= 16) && o.host !== "") {
    throw notInVersion("FetchResponseNodeEndpoint.host", v);
  }
  if (v >= 16) {
    w.int32(o.port);
  } else if (!(v >= 16) && o.port !== 0) {
    throw notInVersion("FetchResponseNodeEndpoint.port", v);
  }
  if (v >= 16) {
    w.compactNullableString(o.rack);
  } else if (!(v >= 16) && o.rack !== null) {
    throw notInVersion("FetchResponseNodeEndpoint.rack", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface FetchResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 1-17. */
  throttleTimeMs: number;
  /** The top level response error code. Versions 7-17. */
  errorCode: number;
  /** The fetch session ID, or 0 if this is not part of a fetch session. Versions 7-17. */
  sessionId: number;
  /** The response topics. Versions 0-17. */
  responses: FetchResponseFetchableTopicResponse[];
  /** Endpoints for all current-leaders enumerated in PartitionData, with errors NOT_LEADER_OR_FOLLOWER & FENCED_LEADER_EPOCH. Versions 16-17; tagged (tag 0) in 16-17. */
  nodeEndpoints: FetchResponseNodeEndpoint[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultFetchResponse(): FetchResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    sessionId: 0,
    responses: [],
    nodeEndpoints: [],
  };
}

export function readFetchResponse(r: Reader, v: number): FetchResponse {
  const flex = v >= 12;
  const throttleTimeMs = (v >= 1 ? r.int32() : 0);
  const errorCode = (v >= 7 ? r.int16() : 0);
  const sessionId = (v >= 7 ? r.int32() : 0);
  const responses = readArray(r, v, v >= 12, false, 2, readFetchResponseFetchableTopicResponse);
  let nodeEndpoints: FetchResponseNodeEndpoint[] = [];
  let unknown: TaggedField[] | undefined;
  if (flex) {
    const count = r.taggedFieldCount();
    for (let i = 0; i < count; i++) {
      const tag = r.uvarint();
      const fieldEnd = r.beginTaggedField(tag);
      if (fieldEnd < 0) break;
      if (tag === 0 && v >= 16) {
        const savedEnd = r.end;
        r.end = fieldEnd;
        nodeEndpoints = readArray(r, v, true, false, 10, readFetchResponseNodeEndpoint);
        r.endTaggedField(tag, fieldEnd, savedEnd);
      } else {
        (unknown ??= []).push(r.unknownTaggedField(tag, fieldEnd));
      }
    }
  }
  const o: FetchResponse = {
    throttleTimeMs,
    errorCode,
    sessionId,
    responses,
    nodeEndpoints,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeFetchResponse(w: Writer, o: FetchResponse, v: number): void {
  const flex = v >= 12;
  if (v >= 1) {
    w.int32(o.throttleTimeMs);
  }
  if (v >= 7) {
    w.int16(o.errorCode);
  }
  if (v >= 7) {
    w.int32(o.sessionId);
  } else if (!(v >= 7) && o.sessionId !== 0) {
    throw notInVersion("FetchResponse.sessionId", v);
  }
  writeArray(w, v, v >= 12, o.responses, writeFetchResponseFetchableTopicResponse);
  if (flex) {
    const unknown = sortedTaggedFields(o._unknownTaggedFields);
    const hasNodeEndpoints = v >= 16 && o.nodeEndpoints !== null && o.nodeEndpoints.length > 0;
    w.uvarint((hasNodeEndpoints ? 1 : 0) + (unknown === undefined ? 0 : unknown.length));
    let next = 0;
    if (hasNodeEndpoints) {
      next = w.unknownTaggedFieldsBelow(unknown, next, 0);
      w.uvarint(0);
      const start = w.beginSized();
      writeArray(w, v, true, o.nodeEndpoints, writeFetchResponseNodeEndpoint);
      w.endSized(start);
    }
    w.unknownTaggedFieldsBelow(unknown, next, Number.POSITIVE_INFINITY);
  }
}
