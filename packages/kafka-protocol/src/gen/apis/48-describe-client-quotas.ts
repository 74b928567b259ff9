// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// DescribeClientQuotas (API key 48): stable versions 0-1, flexible from 1.

import { type Reader, type TaggedField, type Writer, readArray, writeArray } from "../../codec/runtime.js";

export interface DescribeClientQuotasRequestComponentData {
  /** The entity type that the filter component applies to. Versions 0-1. */
  entityType: string;
  /** How to match the entity {0 = exact name, 1 = default name, 2 = any specified name}. Versions 0-1. */
  matchType: number;
  /** The string to match against, or null if unused for the match type. Versions 0-1; nullable in 0-1. */
  match: string | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeClientQuotasRequestComponentData(): DescribeClientQuotasRequestComponentData {
  return {
    entityType: "",
    matchType: 0,
    match: "",
  };
}

export function readDescribeClientQuotasRequestComponentData(r: Reader, v: number): DescribeClientQuotasRequestComponentData {
  const flex = v === 1;
  const entityType = (v === 1 ? r.compactString() : r.string());
  const matchType = r.int8();
  const match = (v === 1 ? r.compactNullableString() : r.nullableString());
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeClientQuotasRequestComponentData = {
    entityType,
    matchType,
    match,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeClientQuotasRequestComponentData(w: Writer, o: DescribeClientQuotasRequestComponentData, v: number): void {
  const flex = v === 1;
  if (v === 1) w.compactString(o.entityType); else w.string(o.entityType);
  w.int8(o.matchType);
  if (v === 1) w.compactNullableString(o.match); else w.nullableString(o.match);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeClientQuotasRequest {
  /** Filter components to apply to quota entities. Versions 0-1. */
  components: DescribeClientQuotasRequestComponentData[];
  /** Whether the match is strict, i.e. should exclude entities with unspecified entity types. Versions 0-1. */
  strict: boolean;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeClientQuotasRequest(): DescribeClientQuotasRequest {
  return {
    components: [],
    strict: false,
  };
}

export function readDescribeClientQuotasRequest(r: Reader, v: number): DescribeClientQuotasRequest {
  const flex = v === 1;
  const components = readArray(r, v, v === 1, false, 3, readDescribeClientQuotasRequestComponentData);
  const strict = r.bool();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeClientQuotasRequest = {
    components,
    strict,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeClientQuotasRequest(w: Writer, o: DescribeClientQuotasRequest, v: number): void {
  const flex = v === 1;
  writeArray(w, v, v === 1, o.components, writeDescribeClientQuotasRequestComponentData);
  w.bool(o.strict);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeClientQuotasResponseEntityData {
  /** The entity type. Versions 0-1. */
  entityType: string;
  /** The entity name, or null if the default. Versions 0-1; nullable in 0-1. */
  entityName: string | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeClientQuotasResponseEntityData(): DescribeClientQuotasResponseEntityData {
  return {
    entityType: "",
    entityName: "",
  };
}

export function readDescribeClientQuotasResponseEntityData(r: Reader, v: number): DescribeClientQuotasResponseEntityData {
  const flex = v === 1;
  const entityType = (v === 1 ? r.compactString() : r.string());
  const entityName = (v === 1 ? r.compactNullableString() : r.nullableString());
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeClientQuotasResponseEntityData = {
    entityType,
    entityName,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeClientQuotasResponseEntityData(w: Writer, o: DescribeClientQuotasResponseEntityData, v: number): void {
  const flex = v === 1;
  if (v === 1) w.compactString(o.entityType); else w.string(o.entityType);
  if (v === 1) w.compactNullableString(o.entityName); else w.nullableString(o.entityName);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeClientQuotasResponseValueData {
  /** The quota configuration key. Versions 0-1. */
  key: string;
  /** The quota configuration value. Versions 0-1. */
  value: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeClientQuotasResponseValueData(): DescribeClientQuotasResponseValueData {
  return {
    key: "",
    value: 0,
  };
}

export function readDescribeClientQuotasResponseValueData(r: Reader, v: number): DescribeClientQuotasResponseValueData {
  const flex = v === 1;
  const key = (v === 1 ? r.compactString() : r.string());
  const value = r.float64();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeClientQuotasResponseValueData = {
    key,
    value,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeClientQuotasResponseValueData(w: Writer, o: DescribeClientQuotasResponseValueData, v: number): void {
  const flex = v === 1;
  if (v === 1) w.compactString(o.key); else w.string(o.key);
  w.float64(o.value);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeClientQuotasResponseEntryData {
  /** The quota entity description. Versions 0-1. */
  entity: DescribeClientQuotasResponseEntityData[];
  /** The quota values for the entity. Versions 0-1. */
  values: DescribeClientQuotasResponseValueData[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeClientQuotasResponseEntryData(): DescribeClientQuotasResponseEntryData {
  return {
    entity: [],
    values: [],
  };
}

export function readDescribeClientQuotasResponseEntryData(r: Reader, v: number): DescribeClientQuotasResponseEntryData {
  const flex = v === 1;
  const entity = readArray(r, v, v === 1, false, 2, readDescribeClientQuotasResponseEntityData);
  const values = readArray(r, v, v === 1, false, 9, readDescribeClientQuotasResponseValueData);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeClientQuotasResponseEntryData = {
    entity,
    values,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeClientQuotasResponseEntryData(w: Writer, o: DescribeClientQuotasResponseEntryData, v: number): void {
  const flex = v === 1;
  writeArray(w, v, v === 1, o.entity, writeDescribeClientQuotasResponseEntityData);
  writeArray(w, v, v === 1, o.values, writeDescribeClientQuotasResponseValueData);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeClientQuotasResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-1. */
  throttleTimeMs: number;
  /** The error code, or `0` if the quota description succeeded. Versions 0-1. */
  errorCode: number;
  /** The error message, or `null` if the quota description succeeded. Versions 0-1; nullable in 0-1. */
  errorMessage: string | null;
  /** A result entry. Versions 0-1; nullable in 0-1. */
  entries: DescribeClientQuotasResponseEntryData[] | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeClientQuotasResponse(): DescribeClientQuotasResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
    entries: [],
  };
}

export function readDescribeClientQuotasResponse(r: Reader, v: number): DescribeClientQuotasResponse {
  const flex = v === 1;
  const throttleTimeMs = r.int32();
  const errorCode = r.int16();
  const errorMessage = (v === 1 ? r.compactNullableString() : r.nullableString());
  const entries = readArray(r, v, v === 1, true, 2, readDescribeClientQuotasResponseEntryData);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeClientQuotasResponse = {
    throttleTimeMs,
    errorCode,
    errorMessage,
    entries,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeClientQuotasResponse(w: Writer, o: DescribeClientQuotasResponse, v: number): void {
  const flex = v === 1;
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  if (v === 1) w.compactNullableString(o.errorMessage); else w.nullableString(o.errorMessage);
  writeArray(w, v, v === 1, o.entries, writeDescribeClientQuotasResponseEntryData);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
