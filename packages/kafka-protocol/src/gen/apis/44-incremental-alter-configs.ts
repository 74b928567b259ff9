// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// IncrementalAlterConfigs (API key 44): stable versions 0-1, flexible from 1.

import { type Reader, type TaggedField, type Writer, readArray, writeArray } from "../../codec/runtime.js";

export interface IncrementalAlterConfigsRequestAlterableConfig {
  /** The configuration key name. Versions 0-1; map key. */
  name: string;
  /** The type (Set, Delete, Append, Subtract) of operation. Versions 0-1; map key. */
  configOperation: number;
  /** The value to set for the configuration key. Versions 0-1; nullable in 0-1. */
  value: string | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultIncrementalAlterConfigsRequestAlterableConfig(): IncrementalAlterConfigsRequestAlterableConfig {
  return {
    name: "",
    configOperation: 0,
    value: "",
  };
}

export function readIncrementalAlterConfigsRequestAlterableConfig(r: Reader, v: number): IncrementalAlterConfigsRequestAlterableConfig {
  const flex = v === 1;
  const name = (v === 1 ? r.compactString() : r.string());
  const configOperation = r.int8();
  const value = (v === 1 ? r.compactNullableString() : r.nullableString());
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: IncrementalAlterConfigsRequestAlterableConfig = {
    name,
    configOperation,
    value,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeIncrementalAlterConfigsRequestAlterableConfig(w: Writer, o: IncrementalAlterConfigsRequestAlterableConfig, v: number): void {
  const flex = v === 1;
  if (v === 1) w.compactString(o.name); else w.string(o.name);
  w.int8(o.configOperation);
  if (v === 1) w.compactNullableString(o.value); else w.nullableString(o.value);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface IncrementalAlterConfigsRequestAlterConfigsResource {
  /** The resource type. Versions 0-1; map key. */
  resourceType: number;
  /** The resource name. Versions 0-1; map key. */
  resourceName: string;
  /** The configurations. Versions 0-1. */
  configs: IncrementalAlterConfigsRequestAlterableConfig[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultIncrementalAlterConfigsRequestAlterConfigsResource(): IncrementalAlterConfigsRequestAlterConfigsResource {
  return {
    resourceType: 0,
    resourceName: "",
    configs: [],
  };
}

export function readIncrementalAlterConfigsRequestAlterConfigsResource(r: Reader, v: number): IncrementalAlterConfigsRequestAlterConfigsResource {
  const flex = v === 1;
  const resourceType = r.int8();
  const resourceName = (v === 1 ? r.compactString() : r.string());
  const configs = readArray(r, v, v === 1, false, 3, readIncrementalAlterConfigsRequestAlterableConfig);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: IncrementalAlterConfigsRequestAlterConfigsResource = {
    resourceType,
    resourceName,
    configs,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeIncrementalAlterConfigsRequestAlterConfigsResource(w: Writer, o: IncrementalAlterConfigsRequestAlterConfigsResource, v: number): void {
  const flex = v === 1;
  w.int8(o.resourceType);
  if (v === 1) w.compactString(o.resourceName); else w.string(o.resourceName);
  writeArray(w, v, v === 1, o.configs, writeIncrementalAlterConfigsRequestAlterableConfig);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface IncrementalAlterConfigsRequest {
  /** The incremental updates for each resource. Versions 0-1. */
  resources: IncrementalAlterConfigsRequestAlterConfigsResource[];
  /** True if we should validate the request, but not change the configurations. Versions 0-1. */
  validateOnly: boolean;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultIncrementalAlterConfigsRequest(): IncrementalAlterConfigsRequest {
  return {
    resources: [],
    validateOnly: false,
  };
}

export function readIncrementalAlterConfigsRequest(r: Reader, v: number): IncrementalAlterConfigsRequest {
  const flex = v === 1;
  const resources = readArray(r, v, v === 1, false, 3, readIncrementalAlterConfigsRequestAlterConfigsResource);
  const validateOnly = r.bool();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: IncrementalAlterConfigsRequest = {
    resources,
    validateOnly,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeIncrementalAlterConfigsRequest(w: Writer, o: IncrementalAlterConfigsRequest, v: number): void {
  const flex = v === 1;
  writeArray(w, v, v === 1, o.resources, writeIncrementalAlterConfigsRequestAlterConfigsResource);
  w.bool(o.validateOnly);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface IncrementalAlterConfigsResponseAlterConfigsResourceResponse {
  /** The resource error code. Versions 0-1. */
  errorCode: number;
  /** The resource error message, or null if there was no error. Versions 0-1; nullable in 0-1. */
  errorMessage: string | null;
  /** The resource type. Versions 0-1. */
  resourceType: number;
  /** The resource name. Versions 0-1. */
  resourceName: string;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultIncrementalAlterConfigsResponseAlterConfigsResourceResponse(): IncrementalAlterConfigsResponseAlterConfigsResourceResponse {
  return {
    errorCode: 0,
    errorMessage: "",
    resourceType: 0,
    resourceName: "",
  };
}

export function readIncrementalAlterConfigsResponseAlterConfigsResourceResponse(r: Reader, v: number): IncrementalAlterConfigsResponseAlterConfigsResourceResponse {
  const flex = v === 1;
  const errorCode = r.int16();
  const errorMessage = (v === 1 ? r.compactNullableString() : r.nullableString());
  const resourceType = r.int8();
  const resourceName = (v === 1 ? r.compactString() : r.string());
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: IncrementalAlterConfigsResponseAlterConfigsResourceResponse = {
    errorCode,
    errorMessage,
    resourceType,
    resourceName,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeIncrementalAlterConfigsResponseAlterConfigsResourceResponse(w: Writer, o: IncrementalAlterConfigsResponseAlterConfigsResourceResponse, v: number): void {
  const flex = v === 1;
  w.int16(o.errorCode);
  if (v === 1) w.compactNullableString(o.errorMessage); else w.nullableString(o.errorMessage);
  w.int8(o.resourceType);
  if (v === 1) w.compactString(o.resourceName); else w.string(o.resourceName);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface IncrementalAlterConfigsResponse {
  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-1. */
  throttleTimeMs: number;
  /** The responses for each resource. Versions 0-1. */
  responses: IncrementalAlterConfigsResponseAlterConfigsResourceResponse[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultIncrementalAlterConfigsResponse(): IncrementalAlterConfigsResponse {
  return {
    throttleTimeMs: 0,
    responses: [],
  };
}

export function readIncrementalAlterConfigsResponse(r: Reader, v: number): IncrementalAlterConfigsResponse {
  const flex = v === 1;
  const throttleTimeMs = r.int32();
  const responses = readArray(r, v, v === 1, false, 5, readIncrementalAlterConfigsResponseAlterConfigsResourceResponse);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: IncrementalAlterConfigsResponse = {
    throttleTimeMs,
    responses,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeIncrementalAlterConfigsResponse(w: Writer, o: IncrementalAlterConfigsResponse, v: number): void {
  const flex = v === 1;
  w.int32(o.throttleTimeMs);
  writeArray(w, v, v === 1, o.responses, writeIncrementalAlterConfigsResponseAlterConfigsResourceResponse);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
