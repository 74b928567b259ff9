// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// AlterClientQuotas (API key 49): stable versions 0-1, flexible from 1.

import { type Reader, type TaggedField, type Writer, readArray, writeArray } from "../../codec/runtime.js";

export interface AlterClientQuotasRequestEntityData {
  /** The entity type. Versions 0-1. */
  entityType: string;
  /** The name of the entity, or null if the default. Versions 0-1; nullable in 0-1. */
  entityName: string | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterClientQuotasRequestEntityData(): AlterClientQuotasRequestEntityData {
  return {
    entityType: "",
    entityName: "",
  };
}

export function readAlterClientQuotasRequestEntityData(r: Reader, v: number): AlterClientQuotasRequestEntityData {
  const flex = v === 1;
  const entityType = (v === 1 ? r.compactString() : r.string());
  const entityName = (v === 1 ? r.compactNullableString() : r.nullableString());
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AlterClientQuotasRequestEntityData = {
    entityType,
    entityName,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAlterClientQuotasRequestEntityData(w: Writer, o: AlterClientQuotasRequestEntityData, v: number): void {
  const flex = v === 1;
  if (v === 1) w.compactString(o.entityType); else w.string(o.entityType);
  if (v === 1) w.compactNullableString(o.entityName); else w.nullableString(o.entityName);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AlterClientQuotasRequestOpData {
  /** The quota configuration key. Versions 0-1. */
  key: string;
  /** The value to set, otherwise ignored if the value is to be removed. Versions 0-1. */
  value: number;
  /** Whether the quota configuration value should be removed, otherwise set. Versions 0-1. */
  remove: boolean;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterClientQuotasRequestOpData(): AlterClientQuotasRequestOpData {
  return {
    key: "",
    value: 0,
    remove: false,
  };
}

export function readAlterClientQuotasRequestOpData(r: Reader, v: number): AlterClientQuotasRequestOpData {
  const flex = v === 1;
  const key = (v === 1 ? r.compactString() : r.string());
  const value = r.float64();
  const remove = r.bool();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AlterClientQuotasRequestOpData = {
    key,
    value,
    remove,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAlterClientQuotasRequestOpData(w: Writer, o: AlterClientQuotasRequestOpData, v: number): void {
  const flex = v === 1;
  if (v === 1) w.compactString(o.key); else w.string(o.key);
  w.float64(o.value);
  w.bool(o.remove);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AlterClientQuotasRequestEntryData {
  /** The quota entity to alter. Versions 0-1. */
  entity: AlterClientQuotasRequestEntityData[];
  /** An individual quota configuration entry to alter. Versions 0-1. */
  ops: AlterClientQuotasRequestOpData[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterClientQuotasRequestEntryData(): AlterClientQuotasRequestEntryData {
  return {
    entity: [],
    ops: [],
  };
}

export function readAlterClientQuotasRequestEntryData(r: Reader, v: number): AlterClientQuotasRequestEntryData {
  const flex = v === 1;
  const entity = readArray(r, v, v === 1, false, 2, readAlterClientQuotasRequestEntityData);
  const ops = readArray(r, v, v === 1, false, 10, readAlterClientQuotasRequestOpData);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AlterClientQuotasRequestEntryData = {
    entity,
    ops,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAlterClientQuotasRequestEntryData(w: Writer, o: AlterClientQuotasRequestEntryData, v: number): void {
  const flex = v === 1;
  writeArray(w, v, v === 1, o.entity, writeAlterClientQuotasRequestEntityData);
  writeArray(w, v, v === 1, o.ops, writeAlterClientQuotasRequestOpData);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AlterClientQuotasRequest {
  /** The quota configuration entries to alter. Versions 0-1. */
  entries: AlterClientQuotasRequestEntryData[];
  /** Whether the alteration should be validated, but not performed. Versions 0-1. */
  validateOnly: boolean;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterClientQuotasRequest(): AlterClientQuotasRequest {
  return {
    entries: [],
    validateOnly: false,
  };
}

export function readAlterClientQuotasRequest(r: Reader, v: number): AlterClientQuotasRequest {
  const flex = v === 1;
  const entries = readArray(r, v, v === 1, false, 2, readAlterClientQuotasRequestEntryData);
  const validateOnly = r.bool();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AlterClientQuotasRequest = {
    entries,
    validateOnly,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAlterClientQuotasRequest(w: Writer, o: AlterClientQuotasRequest, v: number): void {
  const flex = v === 1;
  writeArray(w, v, v === 1, o.entries, writeAlterClientQuotasRequestEntryData);
  w.bool(o.validateOnly);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AlterClientQuotasResponseEntityData {
  /** The entity type. Versions 0-1. */
  entityType: string;
  /** The name of the entity, or null if the default. Versions 0-1; nullable in 0-1. */
  entityName: string | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterClientQuotasResponseEntityData(): AlterClientQuotasResponseEntityData {
  return {
    entityType: "",
    entityName: "",
  };
}

export function readAlterClientQuotasResponseEntityData(r: Reader, v: number): AlterClientQuotasResponseEntityData {
  const flex = v === 1;
  const entityType = (v === 1 ? r.compactString() : r.string());
  const entityName = (v === 1 ? r.compactNullableString() : r.nullableString());
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AlterClientQuotasResponseEntityData = {
    entityType,
    entityName,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAlterClientQuotasResponseEntityData(w: Writer, o: AlterClientQuotasResponseEntityData, v: number): void {
  const flex = v === 1;
  if (v === 1) w.compactString(o.entityType); else w.string(o.entityType);
  if (v === 1) w.compactNullableString(o.entityName); else w.nullableString(o.entityName);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AlterClientQuotasResponseEntryData {
  /** The error code, or `0` if the quota alteration succeeded. Versions 0-1. */
  errorCode: number;
  /** The error message, or `null` if the quota alteration succeeded. Versions 0-1; nullable in 0-1. */
  errorMessage: string | null;
  /** The quota entity to alter. Versions 0-1. */
  entity: AlterClientQuotasResponseEntityData[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterClientQuotasResponseEntryData(): AlterClientQuotasResponseEntryData {
  return {
    errorCode: 0,
    errorMessage: "",
    entity: [],
  };
}

export function readAlterClientQuotasResponseEntryData(r: Reader, v: number): AlterClientQuotasResponseEntryData {
  const flex = v === 1;
  const errorCode = r.int16();
  const errorMessage = (v === 1 ? r.compactNullableString() : r.nullableString());
  const entity = readArray(r, v, v === 1, false, 2, readAlterClientQuotasResponseEntityData);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AlterClientQuotasResponseEntryData = {
    errorCode,
    errorMessage,
    entity,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAlterClientQuotasResponseEntryData(w: Writer, o: AlterClientQuotasResponseEntryData, v: number): void {
  const flex = v === 1;
  w.int16(o.errorCode);
  if (v === 1) w.compactNullableString(o.errorMessage); else w.nullableString(o.errorMessage);
  writeArray(w, v, v === 1, o.entity, writeAlterClientQuotasResponseEntityData);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AlterClientQuotasResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-1. */
  throttleTimeMs: number;
  /** The quota configuration entries to alter. Versions 0-1. */
  entries: AlterClientQuotasResponseEntryData[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterClientQuotasResponse(): AlterClientQuotasResponse {
  return {
    throttleTimeMs: 0,
    entries: [],
  };
}

export function readAlterClientQuotasResponse(r: Reader, v: number): AlterClientQuotasResponse {
  const flex = v === 1;
  const throttleTimeMs = r.int32();
  const entries = readArray(r, v, v === 1, false, 4, readAlterClientQuotasResponseEntryData);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AlterClientQuotasResponse = {
    throttleTimeMs,
    entries,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAlterClientQuotasResponse(w: Writer, o: AlterClientQuotasResponse, v: number): void {
  const flex = v === 1;
  w.int32(o.throttleTimeMs);
  writeArray(w, v, v === 1, o.entries, writeAlterClientQuotasResponseEntryData);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
