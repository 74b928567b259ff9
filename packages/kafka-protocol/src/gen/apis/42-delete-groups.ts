// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// DeleteGroups (API key 42): stable versions 0-2, flexible from 2.

import { type Reader, type TaggedField, type Writer, readArray, readElementString, writeArray, writeElementString } from "../../codec/runtime.js";

export interface DeleteGroupsRequest {
  /** The group names to delete. Versions 0-2; entity: groupId. */
  groupsNames: string[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteGroupsRequest(): DeleteGroupsRequest {
  return {
    groupsNames: [],
  };
}

export function readDeleteGroupsRequest(r: Reader, v: number): DeleteGroupsRequest {
  const flex = v === 2;
  const groupsNames = readArray(r, v, v === 2, false, 1, readElementString);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DeleteGroupsRequest = {
    groupsNames,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDeleteGroupsRequest(w: Writer, o: DeleteGroupsRequest, v: number): void {
  const flex = v === 2;
  writeArray(w, v, v === 2, o.groupsNames, writeElementString);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DeleteGroupsResponseDeletableGroupResult {
  /** The group id Versions 0-2; map key; entity: groupId. */
  groupId: string;
  /** The deletion error, or 0 if the deletion succeeded. Versions 0-2. */
  errorCode: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteGroupsResponseDeletableGroupResult(): DeleteGroupsResponseDeletableGroupResult {
  return {
    groupId: "",
    errorCode: 0,
  };
}

export function readDeleteGroupsResponseDeletableGroupResult(r: Reader, v: number): DeleteGroupsResponseDeletableGroupResult {
  const flex = v === 2;
  const groupId = (v === 2 ? r.compactString() : r.string());
  const errorCode = r.int16();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DeleteGroupsResponseDeletableGroupResult = {
    groupId,
    errorCode,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDeleteGroupsResponseDeletableGroupResult(w: Writer, o: DeleteGroupsResponseDeletableGroupResult, v: number): void {
  const flex = v === 2;
  if (v === 2) w.compactString(o.groupId); else w.string(o.groupId);
  w.int16(o.errorCode);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DeleteGroupsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-2. */
  throttleTimeMs: number;
  /** The deletion results Versions 0-2. */
  results: DeleteGroupsResponseDeletableGroupResult[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteGroupsResponse(): DeleteGroupsResponse {
  return {
    throttleTimeMs: 0,
    results: [],
  };
}

export function readDeleteGroupsResponse(r: Reader, v: number): DeleteGroupsResponse {
  const flex = v === 2;
  const throttleTimeMs = r.int32();
  const results = readArray(r, v, v === 2, false, 3, readDeleteGroupsResponseDeletableGroupResult);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DeleteGroupsResponse = {
    throttleTimeMs,
    results,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDeleteGroupsResponse(w: Writer, o: DeleteGroupsResponse, v: number): void {
  const flex = v === 2;
  w.int32(o.throttleTimeMs);
  writeArray(w, v, v === 2, o.results, writeDeleteGroupsResponseDeletableGroupResult);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
