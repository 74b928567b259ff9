// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// AlterConfigs (API key 33): stable versions 0-2, flexible from 2.

import { type Reader, type TaggedField, type Writer, readArray, writeArray } from "../../codec/runtime.js";

export interface AlterConfigsRequestAlterableConfig {
  /** The configuration key name. Versions 0-2; map key. */
  name: string;
  /** The value to set for the configuration key. Versions 0-2; nullable in 0-2. */
  value: string | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterConfigsRequestAlterableConfig(): AlterConfigsRequestAlterableConfig {
  return {
    name: "",
    value: "",
  };
}

export function readAlterConfigsRequestAlterableConfig(r: Reader, v: number): AlterConfigsRequestAlterableConfig {
  const flex = v === 2;
  const name = (v === 2 ? r.compactString() : r.string());
  const value = (v === 2 ? r.compactNullableString() : r.nullableString());
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AlterConfigsRequestAlterableConfig = {
    name,
    value,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAlterConfigsRequestAlterableConfig(w: Writer, o: AlterConfigsRequestAlterableConfig, v: number): void {
  const flex = v === 2;
  if (v === 2) w.compactString(o.name); else w.string(o.name);
  if (v === 2) w.compactNullableString(o.value); else w.nullableString(o.value);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AlterConfigsRequestAlterConfigsResource {
  /** The resource type. Versions 0-2; map key. */
  resourceType: number;
  /** The resource name. Versions 0-2; map key. */
  resourceName: string;
  /** The configurations. Versions 0-2. */
  configs: AlterConfigsRequestAlterableConfig[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterConfigsRequestAlterConfigsResource(): AlterConfigsRequestAlterConfigsResource {
  return {
    resourceType: 0,
    resourceName: "",
    configs: [],
  };
}

export function readAlterConfigsRequestAlterConfigsResource(r: Reader, v: number): AlterConfigsRequestAlterConfigsResource {
  const flex = v === 2;
  const resourceType = r.int8();
  const resourceName = (v === 2 ? r.compactString() : r.string());
  const configs = readArray(r, v, v === 2, false, 2, readAlterConfigsRequestAlterableConfig);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AlterConfigsRequestAlterConfigsResource = {
    resourceType,
    resourceName,
    configs,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAlterConfigsRequestAlterConfigsResource(w: Writer, o: AlterConfigsRequestAlterConfigsResource, v: number): void {
  const flex = v === 2;
  w.int8(o.resourceType);
  if (v === 2) w.compactString(o.resourceName); else w.string(o.resourceName);
  writeArray(w, v, v === 2, o.configs, writeAlterConfigsRequestAlterableConfig);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AlterConfigsRequest {
  /** The updates for each resource. Versions 0-2. */
  resources: AlterConfigsRequestAlterConfigsResource[];
  /** True if we should validate the request, but not change the configurations. Versions 0-2. */
  validateOnly: boolean;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterConfigsRequest(): AlterConfigsRequest {
  return {
    resources: [],
    validateOnly: false,
  };
}

export function readAlterConfigsRequest(r: Reader, v: number): AlterConfigsRequest {
  const flex = v === 2;
  const resources = readArray(r, v, v === 2, false, 3, readAlterConfigsRequestAlterConfigsResource);
  const validateOnly = r.bool();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AlterConfigsRequest = {
    resources,
    validateOnly,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAlterConfigsRequest(w: Writer, o: AlterConfigsRequest, v: number): void {
  const flex = v === 2;
  writeArray(w, v, v === 2, o.resources, writeAlterConfigsRequestAlterConfigsResource);
  w.bool(o.validateOnly);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AlterConfigsResponseAlterConfigsResourceResponse {
  /** The resource error code. Versions 0-2. */
  errorCode: number;
  /** The resource error message, or null if there was no error. Versions 0-2; nullable in 0-2. */
  errorMessage: string | null;
  /** The resource type. Versions 0-2. */
  resourceType: number;
  /** The resource name. Versions 0-2. */
  resourceName: string;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterConfigsResponseAlterConfigsResourceResponse(): AlterConfigsResponseAlterConfigsResourceResponse {
  return {
    errorCode: 0,
    errorMessage: "",
    resourceType: 0,
    resourceName: "",
  };
}

export function readAlterConfigsResponseAlterConfigsResourceResponse(r: Reader, v: number): AlterConfigsResponseAlterConfigsResourceResponse {
  const flex = v === 2;
  const errorCode = r.int16();
  const errorMessage = (v === 2 ? r.compactNullableString() : r.nullableString());
  const resourceType = r.int8();
  const resourceName = (v === 2 ? r.compactString() : r.string());
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AlterConfigsResponseAlterConfigsResourceResponse = {
    errorCode,
    errorMessage,
    resourceType,
    resourceName,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAlterConfigsResponseAlterConfigsResourceResponse(w: Writer, o: AlterConfigsResponseAlterConfigsResourceResponse, v: number): void {
  const flex = v === 2;
  w.int16(o.errorCode);
  if (v === 2) w.compactNullableString(o.errorMessage); else w.nullableString(o.errorMessage);
  w.int8(o.resourceType);
  if (v === 2) w.compactString(o.resourceName); else w.string(o.resourceName);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AlterConfigsResponse {
  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-2. */
  throttleTimeMs: number;
  /** The responses for each resource. Versions 0-2. */
  responses: AlterConfigsResponseAlterConfigsResourceResponse[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterConfigsResponse(): AlterConfigsResponse {
  return {
    throttleTimeMs: 0,
    responses: [],
  };
}

export function readAlterConfigsResponse(r: Reader, v: number): AlterConfigsResponse {
  const flex = v === 2;
  const throttleTimeMs = r.int32();
  const responses = readArray(r, v, v === 2, false, 5, readAlterConfigsResponseAlterConfigsResourceResponse);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AlterConfigsResponse = {
    throttleTimeMs,
    responses,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAlterConfigsResponse(w: Writer, o: AlterConfigsResponse, v: number): void {
  const flex = v === 2;
  w.int32(o.throttleTimeMs);
  writeArray(w, v, v === 2, o.responses, writeAlterConfigsResponseAlterConfigsResourceResponse);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
