// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// CreateAcls (API key 30): stable versions 0-3, flexible from 2.

import { type Reader, type TaggedField, type Writer, notInVersion, readArray, writeArray } from "../../codec/runtime.js";

export interface CreateAclsRequestAclCreation {
  /** The type of the resource. Versions 0-3. */
  resourceType: number;
  /** The resource name for the ACL. Versions 0-3. */
  resourceName: string;
  /** The pattern type for the ACL. Versions 1-3. */
  resourcePatternType: number;
  /** The principal for the ACL. Versions 0-3. */
  principal: string;
  /** The host for the ACL. Versions 0-3. */
  host: string;
  /** The operation type for the ACL (read, write, etc.). Versions 0-3. */
  operation: number;
  /** The permission type for the ACL (allow, deny, etc.). Versions 0-3. */
  permissionType: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultCreateAclsRequestAclCreation(): CreateAclsRequestAclCreation {
  return {
    resourceType: 0,
    resourceName: "",
    resourcePatternType: 3,
    principal: "",
    host: "",
    operation: 0,
    permissionType: 0,
  };
}

export function readCreateAclsRequestAclCreation(r: Reader, v: number): CreateAclsRequestAclCreation {
  const flex = v >= 2;
  const resourceType = r.int8();
  const resourceName = (v >= 2 ? r.compactString() : r.string());
  const resourcePatternType = (v >= 1 ? r.int8() : 3);
  const principal = (v >= 2 ? r.compactString() : r.string());
  const host = (v >= 2 ? r.compactString() : r.string());
  const operation = r.int8();
  const permissionType = r.int8();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: CreateAclsRequestAclCreation = {
    resourceType,
    resourceName,
    resourcePatternType,
    principal,
    host,
    operation,
    permissionType,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeCreateAclsRequestAclCreation(w: Writer, o: CreateAclsRequestAclCreation, v: number): void {
  const flex = v >= 2;
  w.int8(o.resourceType);
  if (v >= 2) w.compactString(o.resourceName); else w.string(o.resourceName);
  if (v >= 1) {
    w.int8(o.resourcePatternType);
  } else if (!(v >= 1) && o.resourcePatternType !== 3) {
    throw notInVersion("CreateAclsRequestAclCreation.resourcePatternType", v);
  }
  if (v >= 2) w.compactString(o.principal); else w.string(o.principal);
  if (v >= 2) w.compactString(o.host); else w.string(o.host);
  w.int8(o.operation);
  w.int8(o.permissionType);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface CreateAclsRequest {
  /** The ACLs that we want to create. Versions 0-3. */
  creations: CreateAclsRequestAclCreation[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultCreateAclsRequest(): CreateAclsRequest {
  return {
    creations: [],
  };
}

export function readCreateAclsRequest(r: Reader, v: number): CreateAclsRequest {
  const flex = v >= 2;
  const creations = readArray(r, v, v >= 2, false, 6, readCreateAclsRequestAclCreation);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: CreateAclsRequest = {
    creations,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeCreateAclsRequest(w: Writer, o: CreateAclsRequest, v: number): void {
  const flex = v >= 2;
  writeArray(w, v, v >= 2, o.creations, writeCreateAclsRequestAclCreation);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface CreateAclsResponseAclCreationResult {
  /** The result error, or zero if there was no error. Versions 0-3. */
  errorCode: number;
  /** The result message, or null if there was no error. Versions 0-3; nullable in 0-3. */
  errorMessage: string | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultCreateAclsResponseAclCreationResult(): CreateAclsResponseAclCreationResult {
  return {
    errorCode: 0,
    errorMessage: "",
  };
}

export function readCreateAclsResponseAclCreationResult(r: Reader, v: number): CreateAclsResponseAclCreationResult {
  const flex = v >= 2;
  const errorCode = r.int16();
  const errorMessage = (v >= 2 ? r.compactNullableString() : r.nullableString());
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: CreateAclsResponseAclCreationResult = {
    errorCode,
    errorMessage,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeCreateAclsResponseAclCreationResult(w: Writer, o: CreateAclsResponseAclCreationResult, v: number): void {
  const flex = v >= 2;
  w.int16(o.errorCode);
  if (v >= 2) w.compactNullableString(o.errorMessage); else w.nullableString(o.errorMessage);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface CreateAclsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-3. */
  throttleTimeMs: number;
  /** The results for each ACL creation. Versions 0-3. */
  results: CreateAclsResponseAclCreationResult[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultCreateAclsResponse(): CreateAclsResponse {
  return {
    throttleTimeMs: 0,
    results: [],
  };
}

export function readCreateAclsResponse(r: Reader, v: number): CreateAclsResponse {
  const flex = v >= 2;
  const throttleTimeMs = r.int32();
  const results = readArray(r, v, v >= 2, false, 3, readCreateAclsResponseAclCreationResult);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: CreateAclsResponse = {
    throttleTimeMs,
    results,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeCreateAclsResponse(w: Writer, o: CreateAclsResponse, v: number): void {
  const flex = v >= 2;
  w.int32(o.throttleTimeMs);
  writeArray(w, v, v >= 2, o.results, writeCreateAclsResponseAclCreationResult);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
