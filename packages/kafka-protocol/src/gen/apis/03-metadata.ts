// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// Metadata (API key 3): stable versions 0-12, flexible from 9.

import { type Reader, type TaggedField, type Uuid, type Writer, ZERO_UUID, notInVersion, notNullable, readArray, readElement_int32, writeArray, writeElement_int32 } from "../../codec/runtime.js";

export interface MetadataRequestMetadataRequestTopic {
  /** The topic id. Versions 10-12. */
  topicId: Uuid;
  /** The topic name. Versions 0-12; nullable in 10-12; entity: topicName. */
  name: string | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultMetadataRequestMetadataRequestTopic(): MetadataRequestMetadataRequestTopic {
  return {
    topicId: ZERO_UUID,
    name: "",
  };
}

export function readMetadataRequestMetadataRequestTopic(r: Reader, v: number): MetadataRequestMetadataRequestTopic {
  const flex = v >= 9;
  const topicId = (v >= 10 ? r.uuid() : ZERO_UUID);
  const name = (v >= 10 ? (v >= 9 ? r.compactNullableString() : r.nullableString()) : (v >= 9 ? r.compactString() : r.string()));
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: MetadataRequestMetadataRequestTopic = {
    topicId,
    name,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeMetadataRequestMetadataRequestTopic(w: Writer, o: MetadataRequestMetadataRequestTopic, v: number): void {
  const flex = v >= 9;
  if (v >= 10) {
    w.uuid(o.topicId);
  }
  if (o.name === null && !(v >= 10)) throw notNullable("MetadataRequestMetadataRequestTopic.name", v);
  if (v >= 10) { if (v >= 9) w.compactNullableString(o.name); else w.nullableString(o.name); } else { if (v >= 9) w.compactString((o.name as string)); else w.string((o.name as string)); }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface MetadataRequest {
  /** The topics to fetch metadata for. Versions 0-12; nullable in 1-12. */
  topics: MetadataRequestMetadataRequestTopic[] | null;
  /** If this is true, the broker may auto-create topics that we requested which do not already exist, if it is configured to do so. Versions 4-12. */
  allowAutoTopicCreation: boolean;
  /** Whether to include cluster authorized operations. Versions 8-10. */
  includeClusterAuthorizedOperations: boolean;
  /** Whether to include topic authorized operations. Versions 8-12. */
  includeTopicAuthorizedOperations: boolean;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultMetadataRequest(): MetadataRequest {
  return {
    topics: [],
    allowAutoTopicCreation: true,
    includeClusterAuthorizedOperations: false,
    includeTopicAuthorizedOperations: false,
  };
}

export function readMetadataRequest(r: Reader, v: number): MetadataRequest {
  const flex = v >= 9;
  const topics = readArray(r, v, v >= 9, v >= 1, 1, readMetadataRequestMetadataRequestTopic);
  const allowAutoTopicCreation = (v >= 4 ? r.bool() : true);
  const includeClusterAuthorizedOperations = ((v >= 8 && v <= 10) ? r.bool() : false);
  const includeTopicAuthorizedOperations = (v >= 8 ? r.bool() : false);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: MetadataRequest = {
    topics,
    allowAutoTopicCreation,
    includeClusterAuthorizedOperations,
    includeTopicAuthorizedOperations,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeMetadataRequest(w: Writer, o: MetadataRequest, v: number): void {
  const flex = v >= 9;
  if (o.topics === null && !(v >= 1)) throw notNullable("MetadataRequest.topics", v);
  writeArray(w, v, v >= 9, o.topics, writeMetadataRequestMetadataRequestTopic);
  if (v >= 4) {
    w.bool(o.allowAutoTopicCreation);
  } else if (!(v >= 4) && o.allowAutoTopicCreation !== true) {
    throw notInVersion("MetadataRequest.allowAutoTopicCreation", v);
  }
  if ((v >= 8 && v <= 10)) {
    w.bool(o.includeClusterAuthorizedOperations);
  } else if (!((v >= 8 && v <= 10)) && o.includeClusterAuthorizedOperations !== false) {
    throw notInVersion("MetadataRequest.includeClusterAuthorizedOperations", v);
  }
  if (v >= 8) {
    w.bool(o.includeTopicAuthorizedOperations);
  } else if (!(v >= 8) && o.includeTopicAuthorizedOperations !== false) {
    throw notInVersion("MetadataRequest.includeTopicAuthorizedOperations", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface MetadataResponseMetadataResponseBroker {
  /** The broker ID. Versions 0-12; map key; entity: brokerId. */
  nodeId: number;
  /** The broker hostname. Versions 0-12. */
  host: string;
  /** The broker port. Versions 0-12. */
  port: number;
  /** The rack of the broker, or null if it has not been assigned to a rack. Versions 1-12; nullable in 1-12. */
  rack: string | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultMetadataResponseMetadataResponseBroker(): MetadataResponseMetadataResponseBroker {
  return {
    nodeId: 0,
    host: "",
    port: 0,
    rack: null,
  };
}

export function readMetadataResponseMetadataResponseBroker(r: Reader, v: number): MetadataResponseMetadataResponseBroker {
  const flex = v >= 9;
  const nodeId = r.int32();
  const host = (v >= 9 ? r.compactString() : r.string());
  const port = r.int32();
  const rack = (v >= 1 ? (v >= 9 ? r.compactNullableString() : r.nullableString()) : null);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: MetadataResponseMetadataResponseBroker = {
    nodeId,
    host,
    port,
    rack,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeMetadataResponseMetadataResponseBroker(w: Writer, o: MetadataResponseMetadataResponseBroker, v: number): void {
  const flex = v >= 9;
  w.int32(o.nodeId);
  if (v >= 9) w.compactString(o.host); else w.string(o.host);
  w.int32(o.port);
  if (v >= 1) {
    if (v >= 9) w.compactNullableString(o.rack); else w.nullableString(o.rack);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface MetadataResponseMetadataResponsePartition {
  /** The partition error, or 0 if there was no error. Versions 0-12. */
  errorCode: number;
  /** The partition index. Versions 0-12. */
  partitionIndex: number;
  /** The ID of the leader broker. Versions 0-12; entity: brokerId. */
  leaderId: number;
  /** The leader epoch of this partition. Versions 7-12. */
  leaderEpoch: number;
  /** The set of all nodes that host this partition. Versions 0-12; entity: brokerId. */
  replicaNodes: number[];
  /** The set of nodes that are in sync with the leader for this partition. Versions 0-12; entity: brokerId. */
  isrNodes: number[];
  /** The set of offline replicas of this partition. Versions 5-12; entity: brokerId. */
  offlineReplicas: number[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultMetadataResponseMetadataResponsePartition(): MetadataResponseMetadataResponsePartition {
  return {
    errorCode: 0,
    partitionIndex: 0,
    leaderId: 0,
    leaderEpoch: -1,
    replicaNodes: [],
    isrNodes: [],
    offlineReplicas: [],
  };
}

export function readMetadataResponseMetadataResponsePartition(r: Reader, v: number): MetadataResponseMetadataResponsePartition {
  const flex = v >= 9;
  const errorCode = r.int16();
  const partitionIndex = r.int32();
  const leaderId = r.int32();
  const leaderEpoch = (v >= 7 ? r.int32() : -1);
  const replicaNodes = readArray(r, v, v >= 9, false, 4, readElement_int32);
  const isrNodes = readArray(r, v, v >= 9, false, 4, readElement_int32);
  const offlineReplicas = (v >= 5 ? readArray(r, v, v >= 9, false, 4, readElement_int32) : []);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: MetadataResponseMetadataResponsePartition = {
    errorCode,
    partitionIndex,
    leaderId,
    leaderEpoch,
    replicaNodes,
    isrNodes,
    offlineReplicas,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeMetadataResponseMetadataResponsePartition(w: Writer, o: MetadataResponseMetadataResponsePartition, v: number): void {
  const flex = v >= 9;
  w.int16(o.errorCode);
  w.int32(o.partitionIndex);
  w.int32(o.leaderId);
  if (v >= 7) {
    w.int32(o.leaderEpoch);
  }
  writeArray(w, v, v >= 9, o.replicaNodes, writeElement_int32);
  writeArray(w, v, v >= 9, o.isrNodes, writeElement_int32);
  if (v >= 5) {
    writeArray(w, v, v >= 9, o.offlineReplicas, writeElement_int32);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface MetadataResponseMetadataResponseTopic {
  /** The topic error, or 0 if there was no error. Versions 0-12. */
  errorCode: number;
  /** The topic name. Null for non-existing topics queried by ID. This is never null when ErrorCode is zero. One of Name and TopicId is always populated. Versions 0-12; nullable in 12; map key; entity: topicName. */
  name: string | null;
  /** The topic id. Zero for non-existing topics queried by name. This is never zero when ErrorCode is zero. One of Name and TopicId is always populated. Versions 10-12. */
  topicId: Uuid;
  /** True if the topic is internal. Versions 1-12. */
  isInternal: boolean;
  /** Each partition in the topic. Versions 0-12. */
  partitions: MetadataResponseMetadataResponsePartition[];
  /** 32-bit bitfield to represent authorized operations for this topic. Versions 8-12. */
  topicAuthorizedOperations: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultMetadataResponseMetadataResponseTopic(): MetadataResponseMetadataResponseTopic {
  return {
    errorCode: 0,
    name: "",
    topicId: ZERO_UUID,
    isInternal: false,
    partitions: [],
    topicAuthorizedOperations: -2147483648,
  };
}

export function readMetadataResponseMetadataResponseTopic(r: Reader, v: number): MetadataResponseMetadataResponseTopic {
  const flex = v >= 9;
  const errorCode = r.int16();
  const name = (v === 12 ? (v >= 9 ? r.compactNullableString() : r.nullableString()) : (v >= 9 ? r.compactString() : r.string()));
  const topicId = (v >= 10 ? r.uuid() : ZERO_UUID);
  const isInternal = (v >= 1 ? r.bool() : false);
  const partitions = readArray(r, v, v >= 9, false, 12, readMetadataResponseMetadataResponsePartition);
  const topicAuthorizedOperations = (v >= 8 ? r.int32() : -2147483648);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: MetadataResponseMetadataResponseTopic = {
    errorCode,
    name,
    topicId,
    isInternal,
    partitions,
    topicAuthorizedOperations,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeMetadataResponseMetadataResponseTopic(w: Writer, o: MetadataResponseMetadataResponseTopic, v: number): void {
  const flex = v >= 9;
  w.int16(o.errorCode);
  if (o.name === null && !(v === 12)) throw notNullable("MetadataResponseMetadataResponseTopic.name", v);
  if (v === 12) { if (v >= 9) w.compactNullableString(o.name); else w.nullableString(o.name); } else { if (v >= 9) w.compactString((o.name as string)); else w.string((o.name as string)); }
  if (v >= 10) {
    w.uuid(o.topicId);
  }
  if (v >= 1) {
    w.bool(o.isInternal);
  }
  writeArray(w, v, v >= 9, o.partitions, writeMetadataResponseMetadataResponsePartition);
  if (v >= 8) {
    w.int32(o.topicAuthorizedOperations);
  } else if (!(v >= 8) && o.topicAuthorizedOperations !== -2147483648) {
    throw notInVersion("MetadataResponseMetadataResponseTopic.topicAuthorizedOperations", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface MetadataResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 3-12. */
  throttleTimeMs: number;
  /** A list of brokers present in the cluster. Versions 0-12. */
  brokers: MetadataResponseMetadataResponseBroker[];
  /** The cluster ID that responding broker belongs to. Versions 2-12; nullable in 2-12. */
  clusterId: string | null;
  /** The ID of the controller broker. Versions 1-12; entity: brokerId. */
  controllerId: number;
  /** Each topic in the response. Versions 0-12. */
  topics: MetadataResponseMetadataResponseTopic[];
  /** 32-bit bitfield to represent authorized operations for this cluster. Versions 8-10. */
  clusterAuthorizedOperations: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultMetadataResponse(): MetadataResponse {
  return {
    throttleTimeMs: 0,
    brokers: [],
    clusterId: null,
    controllerId: -1,
    topics: [],
    clusterAuthorizedOperations: -2147483648,
  };
}

export function readMetadataResponse(r: Reader, v: number): MetadataResponse {
  const flex = v >= 9;
  const throttleTimeMs = (v >= 3 ? r.int32() : 0);
  const brokers = readArray(r, v, v >= 9, false, 9, readMetadataResponseMetadataResponseBroker);
  const clusterId = (v >= 2 ? (v >= 9 ? r.compactNullableString() : r.nullableString()) : null);
  const controllerId = (v >= 1 ? r.int32() : -1);
  const topics = readArray(r, v, v >= 9, false, 4, readMetadataResponseMetadataResponseTopic);
  const clusterAuthorizedOperations = ((v >= 8 && v <= 10) ? r.int32() : -2147483648);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: MetadataResponse = {
    throttleTimeMs,
    brokers,
    clusterId,
    controllerId,
    topics,
    clusterAuthorizedOperations,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeMetadataResponse(w: Writer, o: MetadataResponse, v: number): void {
  const flex = v >= 9;
  if (v >= 3) {
    w.int32(o.throttleTimeMs);
  }
  writeArray(w, v, v >= 9, o.brokers, writeMetadataResponseMetadataResponseBroker);
  if (v >= 2) {
    if (v >= 9) w.compactNullableString(o.clusterId); else w.nullableString(o.clusterId);
  }
  if (v >= 1) {
    w.int32(o.controllerId);
  }
  writeArray(w, v, v >= 9, o.topics, writeMetadataResponseMetadataResponseTopic);
  if ((v >= 8 && v <= 10)) {
    w.int32(o.clusterAuthorizedOperations);
  } else if (!((v >= 8 && v <= 10)) && o.clusterAuthorizedOperations !== -2147483648) {
    throw notInVersion("MetadataResponse.clusterAuthorizedOperations", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
