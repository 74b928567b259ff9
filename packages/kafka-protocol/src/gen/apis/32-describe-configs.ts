// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// DescribeConfigs (API key 32): stable versions 0-4, flexible from 4.

import { type Reader, type TaggedField, type Writer, notInVersion, readArray, readElementString, writeArray, writeElementString } from "../../codec/runtime.js";

export interface DescribeConfigsRequestDescribeConfigsResource {
  /** The resource type. Versions 0-4. */
  resourceType: number;
  /** The resource name. Versions 0-4. */
  resourceName: string;
  /** The configuration keys to list, or null to list all configuration keys. Versions 0-4; nullable in 0-4. */
  configurationKeys: string[] | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeConfigsRequestDescribeConfigsResource(): DescribeConfigsRequestDescribeConfigsResource {
  return {
    resourceType: 0,
    resourceName: "",
    configurationKeys: [],
  };
}

export function readDescribeConfigsRequestDescribeConfigsResource(r: Reader, v: number): DescribeConfigsRequestDescribeConfigsResource {
  const flex = v === 4;
  const resourceType = r.int8();
  const resourceName = (v === 4 ? r.compactString() : r.string());
  const configurationKeys = readArray(r, v, v === 4, true, 1, readElementString);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeConfigsRequestDescribeConfigsResource = {
    resourceType,
    resourceName,
    configurationKeys,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeConfigsRequestDescribeConfigsResource(w: Writer, o: DescribeConfigsRequestDescribeConfigsResource, v: number): void {
  const flex = v === 4;
  w.int8(o.resourceType);
  if (v === 4) w.compactString(o.resourceName); else w.string(o.resourceName);
  writeArray(w, v, v === 4, o.configurationKeys, writeElementString);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeConfigsRequest {
  /** The resources whose configurations we want to describe. Versions 0-4. */
  resources: DescribeConfigsRequestDescribeConfigsResource[];
  /** True if we should include all synonyms. Versions 1-4. */
  includeSynonyms: boolean;
  /** True if we should include configuration documentation. Versions 3-4. */
  includeDocumentation: boolean;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeConfigsRequest(): DescribeConfigsRequest {
  return {
    resources: [],
    includeSynonyms: false,
    includeDocumentation: false,
  };
}

export function readDescribeConfigsRequest(r: Reader, v: number): DescribeConfigsRequest {
  const flex = v === 4;
  const resources = readArray(r, v, v === 4, false, 3, readDescribeConfigsRequestDescribeConfigsResource);
  const includeSynonyms = (v >= 1 ? r.bool() : false);
  const includeDocumentation = (v >= 3 ? r.bool() : false);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeConfigsRequest = {
    resources,
    includeSynonyms,
    includeDocumentation,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeConfigsRequest(w: Writer, o: DescribeConfigsRequest, v: number): void {
  const flex = v === 4;
  writeArray(w, v, v === 4, o.resources, writeDescribeConfigsRequestDescribeConfigsResource);
  if (v >= 1) {
    w.bool(o.includeSynonyms);
  } else if (!(v >= 1) && o.includeSynonyms !== false) {
    throw notInVersion("DescribeConfigsRequest.includeSynonyms", v);
  }
  if (v >= 3) {
    w.bool(o.includeDocumentation);
  } else if (!(v >= 3) && o.includeDocumentation !== false) {
    throw notInVersion("DescribeConfigsRequest.includeDocumentation", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeConfigsResponseDescribeConfigsSynonym {
  /** The synonym name. Versions 1-4. */
  name: string;
  /** The synonym value. Versions 1-4; nullable in 1-4. */
  value: string | null;
  /** The synonym source. Versions 1-4. */
  source: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeConfigsResponseDescribeConfigsSynonym(): DescribeConfigsResponseDescribeConfigsSynonym {
  return {
    name: "",
    value: "",
    source: 0,
  };
}

export function readDescribeConfigsResponseDescribeConfigsSynonym(r: Reader, v: number): DescribeConfigsResponseDescribeConfigsSynonym {
  const flex = v === 4;
  const name = (v >= 1 ? (v === 4 ? r.compactString() : r.string()) : "");
  const value = (v >= 1 ? (v === 4 ? r.compactNullableString() : r.nullableString()) : "");
  const source = (v >= 1 ? r.int8() : 0);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeConfigsResponseDescribeConfigsSynonym = {
    name,
    value,
    source,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeConfigsResponseDescribeConfigsSynonym(w: Writer, o: DescribeConfigsResponseDescribeConfigsSynonym, v: number): void {
  const flex = v === 4;
  if (v >= 1) {
    if (v === 4) w.compactString(o.name); else w.string(o.name);
  } else if (!(v >= 1) && o.name !== "") {
    throw notInVersion("DescribeConfigsResponseDescribeConfigsSynonym.name", v);
  }
  if (v >= 1) {
    if (v === 4) w.compactNullableString(o.value); else w.nullableString(o.value);
  } else if (!(v >= 1) && o.value !== "") {
    throw notInVersion("DescribeConfigsResponseDescribeConfigsSynonym.value", v);
  }
  if (v >= 1) {
    w.int8(o.source);
  } else if (!(v >= 1) && o.source !== 0) {
    throw notInVersion("DescribeConfigsResponseDescribeConfigsSynonym.source", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeConfigsResponseDescribeConfigsResourceResult {
  /** The configuration name. Versions 0-4. */
  name: string;
  /** The configuration value. Versions 0-4; nullable in 0-4. */
  value: string | null;
  /** True if the configuration is read-only. Versions 0-4. */
  readOnly: boolean;
  /** True if the configuration is not set. Versions 0. */
  isDefault: boolean;
  /** The configuration source. Versions 1-4. */
  configSource: number;
  /** True if this configuration is sensitive. Versions 0-4. */
  isSensitive: boolean;
  /** The synonyms for this configuration key. Versions 1-4. */
  synonyms: DescribeConfigsResponseDescribeConfigsSynonym[];
  /** The configuration data type. Type can be one of the following values - BOOLEAN, STRING, INT, SHORT, LONG, DOUBLE, LIST, CLASS, PASSWORD Versions 3-4. */
  configType: number;
  /** The configuration documentation. Versions 3-4; nullable in 3-4. */
  documentation: string | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeConfigsResponseDescribeConfigsResourceResult(): DescribeConfigsResponseDescribeConfigsResourceResult {
  return {
    name: "",
    value: "",
    readOnly: false,
    isDefault: false,
    configSource: -1,
    isSensitive: false,
    synonyms: [],
    configType: 0,
    documentation: "",
  };
}

export function readDescribeConfigsResponseDescribeConfigsResourceResult(r: Reader, v: number): DescribeConfigsResponseDescribeConfigsResourceResult {
  const flex = v === 4;
  const name = (v === 4 ? r.compactString() : r.string());
  const value = (v === 4 ? r.compactNullableString() : r.nullableString());
  const readOnly = r.bool();
  const isDefault = (v === 0 ? r.bool() : false);
  const configSource = (v >= 1 ? r.int8() : -1);
  const isSensitive = r.bool();
  const synonyms = (v >= 1 ? readArray(r, v, v === 4, false, 3, readDescribeConfigsResponseDescribeConfigsSynonym) : []);
  const configType = (v >= 3 ? r.int8() : 0);
  const documentation = (v >= 3 ? (v === 4 ? r.compactNullableString() : r.nullableString()) : "");
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeConfigsResponseDescribeConfigsResourceResult = {
    name,
    value,
    readOnly,
    isDefault,
    configSource,
    isSensitive,
    synonyms,
    configType,
    documentation,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeConfigsResponseDescribeConfigsResourceResult(w: Writer, o: DescribeConfigsResponseDescribeConfigsResourceResult, v: number): void {
  const flex = v === 4;
  if (v === 4) w.compactString(o.name); else w.string(o.name);
  if (v === 4) w.compactNullableString(o.value); else w.nullableString(o.value);
  w.bool(o.readOnly);
  if (v === 0) {
    w.bool(o.isDefault);
  } else if (!(v === 0) && o.isDefault !== false) {
    throw notInVersion("DescribeConfigsResponseDescribeConfigsResourceResult.isDefault", v);
  }
  if (v >= 1) {
    w.int8(o.configSource);
  }
  w.bool(o.isSensitive);
  if (v >= 1) {
    writeArray(w, v, v === 4, o.synonyms, writeDescribeConfigsResponseDescribeConfigsSynonym);
  }
  if (v >= 3) {
    w.int8(o.configType);
  }
  if (v >= 3) {
    if (v === 4) w.compactNullableString(o.documentation); else w.nullableString(o.documentation);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeConfigsResponseDescribeConfigsResult {
  /** The error code, or 0 if we were able to successfully describe the configurations. Versions 0-4. */
  errorCode: number;
  /** The error message, or null if we were able to successfully describe the configurations. Versions 0-4; nullable in 0-4. */
  errorMessage: string | null;
  /** The resource type. Versions 0-4. */
  resourceType: number;
  /** The resource name. Versions 0-4. */
  resourceName: string;
  /** Each listed configuration. Versions 0-4. */
  configs: DescribeConfigsResponseDescribeConfigsResourceResult[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeConfigsResponseDescribeConfigsResult(): DescribeConfigsResponseDescribeConfigsResult {
  return {
    errorCode: 0,
    errorMessage: "",
    resourceType: 0,
    resourceName: "",
    configs: [],
  };
}

export function readDescribeConfigsResponseDescribeConfigsResult(r: Reader, v: number): DescribeConfigsResponseDescribeConfigsResult {
  const flex = v === 4;
  const errorCode = r.int16();
  const errorMessage = (v === 4 ? r.compactNullableString() : r.nullableString());
  const resourceType = r.int8();
  const resourceName = (v === 4 ? r.compactString() : r.string());
  const configs = readArray(r, v, v === 4, false, 5, readDescribeConfigsResponseDescribeConfigsResourceResult);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeConfigsResponseDescribeConfigsResult = {
    errorCode,
    errorMessage,
    resourceType,
    resourceName,
    configs,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeConfigsResponseDescribeConfigsResult(w: Writer, o: DescribeConfigsResponseDescribeConfigsResult, v: number): void {
  const flex = v === 4;
  w.int16(o.errorCode);
  if (v === 4) w.compactNullableString(o.errorMessage); else w.nullableString(o.errorMessage);
  w.int8(o.resourceType);
  if (v === 4) w.compactString(o.resourceName); else w.string(o.resourceName);
  writeArray(w, v, v === 4, o.configs, writeDescribeConfigsResponseDescribeConfigsResourceResult);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeConfigsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-4. */
  throttleTimeMs: number;
  /** The results for each resource. Versions 0-4. */
  results: DescribeConfigsResponseDescribeConfigsResult[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeConfigsResponse(): DescribeConfigsResponse {
  return {
    throttleTimeMs: 0,
    results: [],
  };
}

export function readDescribeConfigsResponse(r: Reader, v: number): DescribeConfigsResponse {
  const flex = v === 4;
  const throttleTimeMs = r.int32();
  const results = readArray(r, v, v === 4, false, 6, readDescribeConfigsResponseDescribeConfigsResult);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeConfigsResponse = {
    throttleTimeMs,
    results,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeConfigsResponse(w: Writer, o: DescribeConfigsResponse, v: number): void {
  const flex = v === 4;
  w.int32(o.throttleTimeMs);
  writeArray(w, v, v === 4, o.results, writeDescribeConfigsResponseDescribeConfigsResult);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
