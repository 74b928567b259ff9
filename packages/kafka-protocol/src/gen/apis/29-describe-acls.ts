// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// DescribeAcls (API key 29): stable versions 0-3, flexible from 2.

import { type Reader, type TaggedField, type Writer, notInVersion, readArray, writeArray } from "../../codec/runtime.js";

export interface DescribeAclsRequest {
  /** The resource type. Versions 0-3. */
  resourceTypeFilter: number;
  /** The resource name, or null to match any resource name. Versions 0-3; nullable in 0-3. */
  resourceNameFilter: string | null;
  /** The resource pattern to match. Versions 1-3. */
  patternTypeFilter: number;
  /** The principal to match, or null to match any principal. Versions 0-3; nullable in 0-3. */
  principalFilter: string | null;
  /** The host to match, or null to match any host. Versions 0-3; nullable in 0-3. */
  hostFilter: string | null;
  /** The operation to match. Versions 0-3. */
  operation: number;
  /** The permission type to match. Versions 0-3. */
  permissionType: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeAclsRequest(): DescribeAclsRequest {
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

export function readDescribeAclsRequest(r: Reader, v: number): DescribeAclsRequest {
  const flex = v >= 2;
  const resourceTypeFilter = r.int8();
  const resourceNameFilter = (v >= 2 ? r.compactNullableString() : r.nullableString());
  const patternTypeFilter = (v >= 1 ? r.int8() : 3);
  const principalFilter = (v >= 2 ? r.compactNullableString() : r.nullableString());
  const hostFilter = (v >= 2 ? r.compactNullableString() : r.nullableString());
  const operation = r.int8();
  const permissionType = r.int8();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeAclsRequest = {
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

export function writeDescribeAclsRequest(w: Writer, o: DescribeAclsRequest, v: number): void {
  const flex = v >= 2;
  w.int8(o.resourceTypeFilter);
  if (v >= 2) w.compactNullableString(o.resourceNameFilter); else w.nullableString(o.resourceNameFilter);
  if (v >= 1) {
    w.int8(o.patternTypeFilter);
  } else if (!(v >= 1) && o.patternTypeFilter !== 3) {
    throw notInVersion("DescribeAclsRequest.patternTypeFilter", v);
  }
  if (v >= 2) w.compactNullableString(o.principalFilter); else w.nullableString(o.principalFilter);
  if (v >= 2) w.compactNullableString(o.hostFilter); else w.nullableString(o.hostFilter);
  w.int8(o.operation);
  w.int8(o.permissionType);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeAclsResponseAclDescription {
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

export function defaultDescribeAclsResponseAclDescription(): DescribeAclsResponseAclDescription {
  return {
    principal: "",
    host: "",
    operation: 0,
    permissionType: 0,
  };
}

export function readDescribeAclsResponseAclDescription(r: Reader, v: number): DescribeAclsResponseAclDescription {
  const flex = v >= 2;
  const principal = (v >= 2 ? r.compactString() : r.string());
  const host = (v >= 2 ? r.compactString() : r.string());
  const operation = r.int8();
  const permissionType = r.int8();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeAclsResponseAclDescription = {
    principal,
    host,
    operation,
    permissionType,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeAclsResponseAclDescription(w: Writer, o: DescribeAclsResponseAclDescription, v: number): void {
  const flex = v >= 2;
  if (v >= 2) w.compactString(o.principal); else w.string(o.principal);
  if (v >= 2) w.compactString(o.host); else w.string(o.host);
  w.int8(o.operation);
  w.int8(o.permissionType);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeAclsResponseDescribeAclsResource {
  /** The resource type. Versions 0-3. */
  resourceType: number;
  /** The resource name. Versions 0-3. */
  resourceName: string;
  /** The resource pattern type. Versions 1-3. */
  patternType: number;
  /** The ACLs. Versions 0-3. */
  acls: DescribeAclsResponseAclDescription[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeAclsResponseDescribeAclsResource(): DescribeAclsResponseDescribeAclsResource {
  return {
    resourceType: 0,
    resourceName: "",
    patternType: 3,
    acls: [],
  };
}

export function readDescribeAclsResponseDescribeAclsResource(r: Reader, v: number): DescribeAclsResponseDescribeAclsResource {
  const flex = v >= 2;
  const resourceType = r.int8();
  const resourceName = (v >= 2 ? r.compactString() : r.string());
  const patternType = (v >= 1 ? r.int8() : 3);
  const acls = readArray(r, v, v >= 2, false, 4, readDescribeAclsResponseAclDescription);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeAclsResponseDescribeAclsResource = {
    resourceType,
    resourceName,
    patternType,
    acls,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeAclsResponseDescribeAclsResource(w: Writer, o: DescribeAclsResponseDescribeAclsResource, v: number): void {
  const flex = v >= 2;
  w.int8(o.resourceType);
  if (v >= 2) w.compactString(o.resourceName); else w.string(o.resourceName);
  if (v >= 1) {
    w.int8(o.patternType);
  } else if (!(v >= 1) && o.patternType !== 3) {
    throw notInVersion("DescribeAclsResponseDescribeAclsResource.patternType", v);
  }
  writeArray(w, v, v >= 2, o.acls, writeDescribeAclsResponseAclDescription);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeAclsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-3. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. Versions 0-3. */
  errorCode: number;
  /** The error message, or null if there was no error. Versions 0-3; nullable in 0-3. */
  errorMessage: string | null;
  /** Each Resource that is referenced in an ACL. Versions 0-3. */
  resources: DescribeAclsResponseDescribeAclsResource[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeAclsResponse(): DescribeAclsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
    resources: [],
  };
}

export function readDescribeAclsResponse(r: Reader, v: number): DescribeAclsResponse {
  const flex = v >= 2;
  const throttleTimeMs = r.int32();
  const errorCode = r.int16();
  const errorMessage = (v >= 2 ? r.compactNullableString() : r.nullableString());
  const resources = readArray(r, v, v >= 2, false, 3, readDescribeAclsResponseDescribeAclsResource);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeAclsResponse = {
    throttleTimeMs,
    errorCode,
    errorMessage,
    resources,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeAclsResponse(w: Writer, o: DescribeAclsResponse, v: number): void {
  const flex = v >= 2;
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  if (v >= 2) w.compactNullableString(o.errorMessage); else w.nullableString(o.errorMessage);
  writeArray(w, v, v >= 2, o.resources, writeDescribeAclsResponseDescribeAclsResource);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
