// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// ListClientMetricsResources (API key 74): stable versions 0, flexible from 0.

import { type Reader, type TaggedField, type Writer, readArray, writeArray } from "../../codec/runtime.js";

export interface ListClientMetricsResourcesRequest {
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultListClientMetricsResourcesRequest(): ListClientMetricsResourcesRequest {
  return {
  };
}

export function readListClientMetricsResourcesRequest(r: Reader, v: number): ListClientMetricsResourcesRequest {
  const flex = true;
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ListClientMetricsResourcesRequest = {
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeListClientMetricsResourcesRequest(w: Writer, o: ListClientMetricsResourcesRequest, v: number): void {
  const flex = true;
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ListClientMetricsResourcesResponseClientMetricsResource {
  /** The resource name. Versions 0. */
  name: string;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultListClientMetricsResourcesResponseClientMetricsResource(): ListClientMetricsResourcesResponseClientMetricsResource {
  return {
    name: "",
  };
}

export function readListClientMetricsResourcesResponseClientMetricsResource(r: Reader, v: number): ListClientMetricsResourcesResponseClientMetricsResource {
  const flex = true;
  const name = r.compactString();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ListClientMetricsResourcesResponseClientMetricsResource = {
    name,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeListClientMetricsResourcesResponseClientMetricsResource(w: Writer, o: ListClientMetricsResourcesResponseClientMetricsResource, v: number): void {
  const flex = true;
  w.compactString(o.name);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ListClientMetricsResourcesResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. Versions 0. */
  errorCode: number;
  /** Each client metrics resource in the response. Versions 0. */
  clientMetricsResources: ListClientMetricsResourcesResponseClientMetricsResource[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultListClientMetricsResourcesResponse(): ListClientMetricsResourcesResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    clientMetricsResources: [],
  };
}

export function readListClientMetricsResourcesResponse(r: Reader, v: number): ListClientMetricsResourcesResponse {
  const flex = true;
  const throttleTimeMs = r.int32();
  const errorCode = r.int16();
  const clientMetricsResources = readArray(r, v, true, false, 1, readListClientMetricsResourcesResponseClientMetricsResource);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ListClientMetricsResourcesResponse = {
    throttleTimeMs,
    errorCode,
    clientMetricsResources,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeListClientMetricsResourcesResponse(w: Writer, o: ListClientMetricsResourcesResponse, v: number): void {
  const flex = true;
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  writeArray(w, v, true, o.clientMetricsResources, writeListClientMetricsResourcesResponseClientMetricsResource);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
