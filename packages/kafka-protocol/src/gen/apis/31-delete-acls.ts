// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// DeleteAcls (API key 31): stable versions 0-3, flexible from 2.

import { type Reader, type TaggedField, type Writer, notInVersion, readArray, writeArray } from "../../codec/runtime.js";

export interface DeleteAclsRequestDeleteAclsFilter {
  /** The resource type. Versions 0-3. */
  resourceTypeFilter: number;
  /** The resource name. Versions 0-3; nullable in 0-3. */
  resourceNameFilter: string | null;
  /** The pattern type. Versions 1-3. */
  patternTypeFilter: number;
  /** The principal filter, or null to accept all principals. Versions 0-3; nullable in 0-3. */
  principalFilter: string | null;
  /** The host filter, or null to accept all hosts. Versions 0-3; nullable in 0-3. */
  hostFilter: string | null;
  /** The ACL operation. Versions 0-3. */
  operation: number;
  /** The permission type. Versions 0-3. */
  permissionType: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteAclsRequestDeleteAclsFilter(): DeleteAclsRequestDeleteAclsFilter {
  return {
    resourceTypeFilter: 0,
    resourceNameFilter: "",
    patternTypeFilter: 3,
    principalFilter: "",
    hostFilter: "",
    operation: 0,
    permissionType: 0,
  };
}

export function readDeleteAclsRequestDeleteAclsFilter(r: Reader, v: number): DeleteAclsRequestDeleteAclsFilter {
  const flex = v >= 2;
  const resourceTypeFilter = r.int8();
  const resourceNameFilter = (v >= 2 ? r.compactNullableString() : r.nullableString());
  const patternTypeFilter = (v >= 1 ? r.int8() : 3);
  const principalFilter = (v >= 2 ? r.compactNullableString() : r.nullableString());
  const hostFilter = (v >= 2 ? r.compactNullableString() : r.nullableString());
  const operation = r.int8();
  const permissionType = r.int8();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DeleteAclsRequestDeleteAclsFilter = {
    resourceTypeFilter,
    resourceNameFilter,
    patternTypeFilter,
    principalFilter,
    hostFilter,
    operation,
    permissionType,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDeleteAclsRequestDeleteAclsFilter(w: Writer, o: DeleteAclsRequestDeleteAclsFilter, v: number): void {
  const flex = v >= 2;
  w.int8(o.resourceTypeFilter);
  if (v >= 2) w.compactNullableString(o.resourceNameFilter); else w.nullableString(o.resourceNameFilter);
  if (v >= 1) {
    w.int8(o.patternTypeFilter);
  } else if (!(v >= 1) && o.patternTypeFilter !== 3) {
    throw notInVersion("DeleteAclsRequestDeleteAclsFilter.patternTypeFilter", v);
  }
  if (v >= 2) w.compactNullableString(o.principalFilter); else w.nullableString(o.principalFilter);
  if (v >= 2) w.compactNullableString(o.hostFilter); else w.nullableString(o.hostFilter);
  w.int8(o.operation);
  w.int8(o.permissionType);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DeleteAclsRequest {
  /** The filters to use when deleting ACLs. Versions 0-3. */
  filters: DeleteAclsRequestDeleteAclsFilter[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteAclsRequest(): DeleteAclsRequest {
  return {
    filters: [],
  };
}

export function readDeleteAclsRequest(r: Reader, v: number): DeleteAclsRequest {
  const flex = v >= 2;
  const filters = readArray(r, v, v >= 2, false, 6, readDeleteAclsRequestDeleteAclsFilter);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DeleteAclsRequest = {
    filters,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDeleteAclsRequest(w: Writer, o: DeleteAclsRequest, v: number): void {
  const flex = v >= 2;
  writeArray(w, v, v >= 2, o.filters, writeDeleteAclsRequestDeleteAclsFilter);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DeleteAclsResponseDeleteAclsMatchingAcl {
  /** The deletion error code, or 0 if the deletion succeeded. Versions 0-3. */
  errorCode: number;
  /** The deletion error message, or null if the deletion succeeded. Versions 0-3; nullable in 0-3. */
  errorMessage: string | null;
  /** The ACL resource type. Versions 0-3. */
  resourceType: number;
  /** The ACL resource name. Versions 0-3. */
  resourceName: string;
  /** The ACL resource pattern type. Versions 1-3. */
  patternType: number;
  /** The ACL principal. Versions 0-3. */
  principal: string;
  /** The ACL host. Versions 0-3. */
  host: string;
  /** The ACL operation. Versions 0-3. */
  operation: number;
  /** The ACL permission type. Versions 0-3. */
  permissionType: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteAclsResponseDeleteAclsMatchingAcl(): DeleteAclsResponseDeleteAclsMatchingAcl {
  return {
    errorCode: 0,
    errorMessage: "",
    resourceType: 0,
    resourceName: "",
    patternType: 3,
    principal: "",
    host: "",
    operation: 0,
    permissionType: 0,
  };
}

export function readDeleteAclsResponseDeleteAclsMatchingAcl(r: Reader, v: number): DeleteAclsResponseDeleteAclsMatchingAcl {
  const flex = v >= 2;
  const errorCode = r.int16();
  const errorMessage = (v >= 2 ? r.compactNullableString() : r.nullableString());
  const resourceType = r.int8();
  const resourceName = (v >= 2 ? r.compactString() : r.string());
  const patternType = (v >= 1 ? r.int8() : 3);
  const principal = (v >= 2 ? r.compactString() : r.string());
  const host = (v >= 2 ? r.compactString() : r.string());
  const operation = r.int8();
  const permissionType = r.int8();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DeleteAclsResponseDeleteAclsMatchingAcl = {
    errorCode,
    errorMessage,
    resourceType,
    resourceName,
    patternType,
    principal,
    host,
    operation,
    permissionType,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDeleteAclsResponseDeleteAclsMatchingAcl(w: Writer, o: DeleteAclsResponseDeleteAclsMatchingAcl, v: number): void {
  const flex = v >= 2;
  w.int16(o.errorCode);
  if (v >= 2) w.compactNullableString(o.errorMessage); else w.nullableString(o.errorMessage);
  w.int8(o.resourceType);
  if (v >= 2) w.compactString(o.resourceName); else w.string(o.resourceName);
  if (v >= 1) {
    w.int8(o.patternType);
  } else if (!(v >= 1) && o.patternType !== 3) {
    throw notInVersion("DeleteAclsResponseDeleteAclsMatchingAcl.patternType", v);
  }
  if (v >= 2) w.compactString(o.principal); else w.string(o.principal);
  if (v >= 2) w.compactString(o.host); else w.string(o.host);
  w.int8(o.operation);
  w.int8(o.permissionType);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DeleteAclsResponseDeleteAclsFilterResult {
  /** The error code, or 0 if the filter succeeded. Versions 0-3. */
  errorCode: number;
  /** The error message, or null if the filter succeeded. Versions 0-3; nullable in 0-3. */
  errorMessage: string | null;
  /** The ACLs which matched this filter. Versions 0-3. */
  matchingAcls: DeleteAclsResponseDeleteAclsMatchingAcl[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteAclsResponseDeleteAclsFilterResult(): DeleteAclsResponseDeleteAclsFilterResult {
  return {
    errorCode: 0,
    errorMessage: "",
    matchingAcls: [],
  };
}

export function readDeleteAclsResponseDeleteAclsFilterResult(r: Reader, v: number): DeleteAclsResponseDeleteAclsFilterResult {
  const flex = v >= 2;
  const errorCode = r.int16();
  const errorMessage = (v >= 2 ? r.compactNullableString() : r.nullableString());
  const matchingAcls = readArray(r, v, v >= 2, false, 9, readDeleteAclsResponseDeleteAclsMatchingAcl);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DeleteAclsResponseDeleteAclsFilterResult = {
    errorCode,
    errorMessage,
    matchingAcls,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDeleteAclsResponseDeleteAclsFilterResult(w: Writer, o: DeleteAclsResponseDeleteAclsFilterResult, v: number): void {
  const flex = v >= 2;
  w.int16(o.errorCode);
  if (v >= 2) w.compactNullableString(o.errorMessage); else w.nullableString(o.errorMessage);
  writeArray(w, v, v >= 2, o.matchingAcls, writeDeleteAclsResponseDeleteAclsMatchingAcl);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DeleteAclsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-3. */
  throttleTimeMs: number;
  /** The results for each filter. Versions 0-3. */
  filterResults: DeleteAclsResponseDeleteAclsFilterResult[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteAclsResponse(): DeleteAclsResponse {
  return {
    throttleTimeMs: 0,
    filterResults: [],
  };
}

export function readDeleteAclsResponse(r: Reader, v: number): DeleteAclsResponse {
  const flex = v >= 2;
  const throttleTimeMs = r.int32();
  const filterResults = readArray(r, v, v >= 2, false, 4, readDeleteAclsResponseDeleteAclsFilterResult);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DeleteAclsResponse = {
    throttleTimeMs,
    filterResults,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDeleteAclsResponse(w: Writer, o: DeleteAclsResponse, v: number): void {
  const flex = v >= 2;
  w.int32(o.throttleTimeMs);
  writeArray(w, v, v >= 2, o.filterResults, writeDeleteAclsResponseDeleteAclsFilterResult);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
