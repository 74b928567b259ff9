// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// CreateTopics (API key 19): stable versions 0-7, flexible from 5.

import { type Reader, type TaggedField, type Uuid, type Writer, ZERO_UUID, notInVersion, readArray, readElement_int32, sortedTaggedFields, writeArray, writeElement_int32 } from "../../codec/runtime.js";

export interface CreateTopicsRequestCreatableReplicaAssignment {
  /** The partition index. Versions 0-7; map key. */
  partitionIndex: number;
  /** The brokers to place the partition on. Versions 0-7; entity: brokerId. */
  brokerIds: number[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultCreateTopicsRequestCreatableReplicaAssignment(): CreateTopicsRequestCreatableReplicaAssignment {
  return {
    partitionIndex: 0,
    brokerIds: [],
  };
}

export function readCreateTopicsRequestCreatableReplicaAssignment(r: Reader, v: number): CreateTopicsRequestCreatableReplicaAssignment {
  const flex = v >= 5;
  const partitionIndex = r.int32();
  const brokerIds = readArray(r, v, v >= 5, false, 4, readElement_int32);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: CreateTopicsRequestCreatableReplicaAssignment = {
    partitionIndex,
    brokerIds,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeCreateTopicsRequestCreatableReplicaAssignment(w: Writer, o: CreateTopicsRequestCreatableReplicaAssignment, v: number): void {
  const flex = v >= 5;
  w.int32(o.partitionIndex);
  writeArray(w, v, v >= 5, o.brokerIds, writeElement_int32);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface CreateTopicsRequestCreatableTopicConfig {
  /** The configuration name. Versions 0-7; map key. */
  name: string;
  /** The configuration value. Versions 0-7; nullable in 0-7. */
  value: string | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultCreateTopicsRequestCreatableTopicConfig(): CreateTopicsRequestCreatableTopicConfig {
  return {
    name: "",
    value: "",
  };
}

export function readCreateTopicsRequestCreatableTopicConfig(r: Reader, v: number): CreateTopicsRequestCreatableTopicConfig {
  const flex = v >= 5;
  const name = (v >= 5 ? r.compactString() : r.string());
  const value = (v >= 5 ? r.compactNullableString() : r.nullableString());
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: CreateTopicsRequestCreatableTopicConfig = {
    name,
    value,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeCreateTopicsRequestCreatableTopicConfig(w: Writer, o: CreateTopicsRequestCreatableTopicConfig, v: number): void {
  const flex = v >= 5;
  if (v >= 5) w.compactString(o.name); else w.string(o.name);
  if (v >= 5) w.compactNullableString(o.value); else w.nullableString(o.value);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface CreateTopicsRequestCreatableTopic {
  /** The topic name. Versions 0-7; map key; entity: topicName. */
  name: string;
  /** The number of partitions to create in the topic, or -1 if we are either specifying a manual partition assignment or using the default partitions. Versions 0-7. */
  numPartitions: number;
  /** The number of replicas to create for each partition in the topic, or -1 if we are either specifying a manual partition assignment or using the default replication factor. Versions 0-7. */
  replicationFactor: number;
  /** The manual partition assignment, or the empty array if we are using automatic assignment. Versions 0-7. */
  assignments: CreateTopicsRequestCreatableReplicaAssignment[];
  /** The custom topic configurations to set. Versions 0-7. */
  configs: CreateTopicsRequestCreatableTopicConfig[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultCreateTopicsRequestCreatableTopic(): CreateTopicsRequestCreatableTopic {
  return {
    name: "",
    numPartitions: 0,
    replicationFactor: 0,
    assignments: [],
    configs: [],
  };
}

export function readCreateTopicsRequestCreatableTopic(r: Reader, v: number): CreateTopicsRequestCreatableTopic {
  const flex = v >= 5;
  const name = (v >= 5 ? r.compactString() : r.string());
  const numPartitions = r.int32();
  const replicationFactor = r.int16();
  const assignments = readArray(r, v, v >= 5, false, 5, readCreateTopicsRequestCreatableReplicaAssignment);
  const configs = readArray(r, v, v >= 5, false, 2, readCreateTopicsRequestCreatableTopicConfig);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: CreateTopicsRequestCreatableTopic = {
    name,
    numPartitions,
    replicationFactor,
    assignments,
    configs,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeCreateTopicsRequestCreatableTopic(w: Writer, o: CreateTopicsRequestCreatableTopic, v: number): void {
  const flex = v >= 5;
  if (v >= 5) w.compactString(o.name); else w.string(o.name);
  w.int32(o.numPartitions);
  w.int16(o.replicationFactor);
  writeArray(w, v, v >= 5, o.assignments, writeCreateTopicsRequestCreatableReplicaAssignment);
  writeArray(w, v, v >= 5, o.configs, writeCreateTopicsRequestCreatableTopicConfig);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface CreateTopicsRequest {
  /** The topics to create. Versions 0-7. */
  topics: CreateTopicsRequestCreatableTopic[];
  /** How long to wait in milliseconds before timing out the request. Versions 0-7. */
  timeoutMs: number;
  /** If true, check that the topics can be created as specified, but don't create anything. Versions 1-7. */
  validateOnly: boolean;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultCreateTopicsRequest(): CreateTopicsRequest {
  return {
    topics: [],
    timeoutMs: 60000,
    validateOnly: false,
  };
}

export function readCreateTopicsRequest(r: Reader, v: number): CreateTopicsRequest {
  const flex = v >= 5;
  const topics = readArray(r, v, v >= 5, false, 9, readCreateTopicsRequestCreatableTopic);
  const timeoutMs = r.int32();
  const validateOnly = (v >= 1 ? r.bool() : false);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: CreateTopicsRequest = {
    topics,
    timeoutMs,
    validateOnly,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeCreateTopicsRequest(w: Writer, o: CreateTopicsRequest, v: number): void {
  const flex = v >= 5;
  writeArray(w, v, v >= 5, o.topics, writeCreateTopicsRequestCreatableTopic);
  w.int32(o.timeoutMs);
  if (v >= 1) {
    w.bool(o.validateOnly);
  } else if (!(v >= 1) && o.validateOnly !== false) {
    throw notInVersion("CreateTopicsRequest.validateOnly", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface CreateTopicsResponseCreatableTopicConfigs {
  /** The configuration name. Versions 5-7. */
  name: string;
  /** The configuration value. Versions 5-7; nullable in 5-7. */
  value: string | null;
  /** True if the configuration is read-only. Versions 5-7. */
  readOnly: boolean;
  /** The configuration source. Versions 5-7. */
  configSource: number;
  /** True if this configuration is sensitive. Versions 5-7. */
  isSensitive: boolean;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultCreateTopicsResponseCreatableTopicConfigs(): CreateTopicsResponseCreatableTopicConfigs {
  return {
    name: "",
    value: "",
    readOnly: false,
    configSource: -1,
    isSensitive: false,
  };
}

export function readCreateTopicsResponseCreatableTopicConfigs(r: Reader, v: number): CreateTopicsResponseCreatableTopicConfigs {
  const flex = v >= 5;
  const name = (v >= 5 ? r.compactString() : "");
  const value = (v >= 5 ? r.compactNullableString() : "");
  const readOnly = (v >= 5 ? r.bool() : false);
  const configSource = (v >= 5 ? r.int8() : -1);
  const isSensitive = (v >= 5 ? r.bool() : false);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: CreateTopicsResponseCreatableTopicConfigs = {
    name,
    value,
    readOnly,
    configSource,
    isSensitive,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeCreateTopicsResponseCreatableTopicConfigs(w: Writer, o: CreateTopicsResponseCreatableTopicConfigs, v: number): void {
  const flex = v >= 5;
  if (v >= 5) {
    w.compactString(o.name);
  } else if (!(v >= 5) && o.name !== "") {
    throw notInVersion("CreateTopicsResponseCreatableTopicConfigs.name", v);
  }
  if (v >= 5) {
    w.compactNullableString(o.value);
  } else if (!(v >= 5) && o.value !== "") {
    throw notInVersion("CreateTopicsResponseCreatableTopicConfigs.value", v);
  }
  if (v >= 5) {
    w.bool(o.readOnly);
  } else if (!(v >= 5) && o.readOnly !== false) {
    throw notInVersion("CreateTopicsResponseCreatableTopicConfigs.readOnly", v);
  }
  if (v >= 5) {
    w.int8(o.configSource);
  }
  if (v >= 5) {
    w.bool(o.isSensitive);
  } else if (!(v >= 5) && o.isSensitive !== false) {
    throw notInVersion("CreateTopicsResponseCreatableTopicConfigs.isSensitive", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface CreateTopicsResponseCreatableTopicResult {
  /** The topic name. Versions 0-7; map key; entity: topicName. */
  name: string;
  /** The unique topic ID Versions 7. */
  topicId: Uuid;
  /** The error code, or 0 if there was no error. Versions 0-7. */
  errorCode: number;
  /** The error message, or null if there was no error. Versions 1-7; nullable in 1-7. */
  errorMessage: string | null;
  /** Optional topic config error returned if configs are not returned in the response. Versions 5-7; tagged (tag 0) in 5-7. */
  topicConfigErrorCode: number;
  /** Number of partitions of the topic. Versions 5-7. */
  numPartitions: number;
  /** Replication factor of the topic. Versions 5-7. */
  replicationFactor: number;
  /** Configuration of the topic. Versions 5-7; nullable in 5-7. */
  configs: CreateTopicsResponseCreatableTopicConfigs[] | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultCreateTopicsResponseCreatableTopicResult(): CreateTopicsResponseCreatableTopicResult {
  return {
    name: "",
    topicId: ZERO_UUID,
    errorCode: 0,
    errorMessage: "",
    topicConfigErrorCode: 0,
    numPartitions: -1,
    replicationFactor: -1,
    configs: [],
  };
}

export function readCreateTopicsResponseCreatableTopicResult(r: Reader, v: number): CreateTopicsResponseCreatableTopicResult {
  const flex = v >= 5;
  const name = (v >= 5 ? r.compactString() : r.string());
  const topicId = (v === 7 ? r.uuid() : ZERO_UUID);
  const errorCode = r.int16();
  const errorMessage = (v >= 1 ? (v >= 5 ? r.compactNullableString() : r.nullableString()) : "");
  let topicConfigErrorCode: number = 0;
  const numPartitions = (v >= 5 ? r.int32() : -1);
  const replicationFactor = (v >= 5 ? r.int16() : -1);
  const configs = (v >= 5 ? readArray(r, v, true, true, 5, readCreateTopicsResponseCreatableTopicConfigs) : []);
  let unknown: TaggedField[] | undefined;
  if (flex) {
    const count = r.taggedFieldCount();
    for (let i = 0; i < count; i++) {
      const tag = r.uvarint();
      const fieldEnd = r.beginTaggedField(tag);
      if (fieldEnd < 0) break;
      if (tag === 0 && v >= 5) {
        const savedEnd = r.end;
        r.end = fieldEnd;
        topicConfigErrorCode = r.int16();
        r.endTaggedField(tag, fieldEnd, savedEnd);
      } else {
        (unknown ??= []).push(r.unknownTaggedField(tag, fieldEnd));
      }
    }
  }
  const o: CreateTopicsResponseCreatableTopicResult = {
    name,
    topicId,
    errorCode,
    errorMessage,
    topicConfigErrorCode,
    numPartitions,
    replicationFactor,
    configs,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeCreateTopicsResponseCreatableTopicResult(w: Writer, o: CreateTopicsResponseCreatableTopicResult, v: number): void {
  const flex = v >= 5;
  if (v >= 5) w.compactString(o.name); else w.string(o.name);
  if (v === 7) {
    w.uuid(o.topicId);
  }
  w.int16(o.errorCode);
  if (v >= 1) {
    if (v >= 5) w.compactNullableString(o.errorMessage); else w.nullableString(o.errorMessage);
  }
  if (v >= 5) {
    w.int32(o.numPartitions);
  }
  if (v >= 5) {
    w.int16(o.replicationFactor);
  }
  if (v >= 5) {
    writeArray(w, v, true, o.configs, writeCreateTopicsResponseCreatableTopicConfigs);
  }
  if (flex) {
    const unknown = sortedTaggedFields(o._unknownTaggedFields);
    const hasTopicConfigErrorCode = v >= 5 && o.topicConfigErrorCode !== 0;
    w.uvarint((hasTopicConfigErrorCode ? 1 : 0) + (unknown === undefined ? 0 : unknown.length));
    let next = 0;
    if (hasTopicConfigErrorCode) {
      next = w.unknownTaggedFieldsBelow(unknown, next, 0);
      w.uvarint(0);
      const start = w.beginSized();
      w.int16(o.topicConfigErrorCode);
      w.endSized(start);
    }
    w.unknownTaggedFieldsBelow(unknown, next, Number.POSITIVE_INFINITY);
  }
}

export interface CreateTopicsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 2-7. */
  throttleTimeMs: number;
  /** Results for each topic we tried to create. Versions 0-7. */
  topics: CreateTopicsResponseCreatableTopicResult[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultCreateTopicsResponse(): CreateTopicsResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

export function readCreateTopicsResponse(r: Reader, v: number): CreateTopicsResponse {
  const flex = v >= 5;
  const throttleTimeMs = (v >= 2 ? r.int32() : 0);
  const topics = readArray(r, v, v >= 5, false, 3, readCreateTopicsResponseCreatableTopicResult);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: CreateTopicsResponse = {
    throttleTimeMs,
    topics,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeCreateTopicsResponse(w: Writer, o: CreateTopicsResponse, v: number): void {
  const flex = v >= 5;
  if (v >= 2) {
    w.int32(o.throttleTimeMs);
  }
  writeArray(w, v, v >= 5, o.topics, writeCreateTopicsResponseCreatableTopicResult);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
