// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// SyncGroup (API key 14): stable versions 0-5, flexible from 4.

import { EMPTY_BYTES, type Reader, type TaggedField, type Writer, notInVersion, readArray, writeArray } from "../../codec/runtime.js";

export interface SyncGroupRequestSyncGroupRequestAssignment {
  /** The ID of the member to assign. Versions 0-5. */
  memberId: string;
  /** The member assignment. Versions 0-5. */
  assignment: Uint8Array;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultSyncGroupRequestSyncGroupRequestAssignment(): SyncGroupRequestSyncGroupRequestAssignment {
  return {
    memberId: "",
    assignment: EMPTY_BYTES,
  };
}

export function readSyncGroupRequestSyncGroupRequestAssignment(r: Reader, v: number): SyncGroupRequestSyncGroupRequestAssignment {
  const flex = v >= 4;
  const memberId = (v >= 4 ? r.compactString() : r.string());
  const assignment = (v >= 4 ? r.compactBytes() : r.bytes());
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: SyncGroupRequestSyncGroupRequestAssignment = {
    memberId,
    assignment,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeSyncGroupRequestSyncGroupRequestAssignment(w: Writer, o: SyncGroupRequestSyncGroupRequestAssignment, v: number): void {
  const flex = v >= 4;
  if (v >= 4) w.compactString(o.memberId); else w.string(o.memberId);
  if (v >= 4) w.compactBytes(o.assignment); else w.bytes(o.assignment);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface SyncGroupRequest {
  /** The unique group identifier. Versions 0-5; entity: groupId. */
  groupId: string;
  /** The generation of the group. Versions 0-5. */
  generationId: number;
  /** The member ID assigned by the group. Versions 0-5. */
  memberId: string;
  /** The unique identifier of the consumer instance provided by end user. Versions 3-5; nullable in 3-5. */
  groupInstanceId: string | null;
  /** The group protocol type. Versions 5; nullable in 5. */
  protocolType: string | null;
  /** The group protocol name. Versions 5; nullable in 5. */
  protocolName: string | null;
  /** Each assignment. Versions 0-5. */
  assignments: SyncGroupRequestSyncGroupRequestAssignment[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultSyncGroupRequest(): SyncGroupRequest {
  return {
    groupId: "",
    generationId: 0,
    memberId: "",
    groupInstanceId: null,
    protocolType: null,
    protocolName: null,
    assignments: [],
  };
}

export function readSyncGroupRequest(r: Reader, v: number): SyncGroupRequest {
  const flex = v >= 4;
  const groupId = (v >= 4 ? r.compactString() : r.string());
  const generationId = r.int32();
  const memberId = (v >= 4 ? r.compactString() : r.string());
  const groupInstanceId = (v >= 3 ? (v >= 4 ? r.compactNullableString() : r.nullableString()) : null);
  const protocolType = (v === 5 ? r.compactNullableString() : null);
  const protocolName = (v === 5 ? r.compactNullableString() : null);
  const assignments = readArray(r, v, v >= 4, false, 2, readSyncGroupRequestSyncGroupRequestAssignment);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: SyncGroupRequest = {
    groupId,
    generationId,
    memberId,
    groupInstanceId,
    protocolType,
    protocolName,
    assignments,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeSyncGroupRequest(w: Writer, o: SyncGroupRequest, v: number): void {
  const flex = v >= 4;
  if (v >= 4) w.compactString(o.groupId); else w.string(o.groupId);
  w.int32(o.generationId);
  if (v >= 4) w.compactString(o.memberId); else w.string(o.memberId);
  if (v >= 3) {
    if (v >= 4) w.compactNullableString(o.groupInstanceId); else w.nullableString(o.groupInstanceId);
  } else if (!(v >= 3) && o.groupInstanceId !== null) {
    throw notInVersion("SyncGroupRequest.groupInstanceId", v);
  }
  if (v === 5) {
    w.compactNullableString(o.protocolType);
  }
  if (v === 5) {
    w.compactNullableString(o.protocolName);
  }
  writeArray(w, v, v >= 4, o.assignments, writeSyncGroupRequestSyncGroupRequestAssignment);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface SyncGroupResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 1-5. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. Versions 0-5. */
  errorCode: number;
  /** The group protocol type. Versions 5; nullable in 5. */
  protocolType: string | null;
  /** The group protocol name. Versions 5; nullable in 5. */
  protocolName: string | null;
  /** The member assignment. Versions 0-5. */
  assignment: Uint8Array;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultSyncGroupResponse(): SyncGroupResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    protocolType: null,
    protocolName: null,
    assignment: EMPTY_BYTES,
  };
}

export function readSyncGroupResponse(r: Reader, v: number): SyncGroupResponse {
  const flex = v >= 4;
  const throttleTimeMs = (v >= 1 ? r.int32() : 0);
  const errorCode = r.int16();
  const protocolType = (v === 5 ? r.compactNullableString() : null);
  const protocolName = (v === 5 ? r.compactNullableString() : null);
  const assignment = (v >= 4 ? r.compactBytes() : r.bytes());
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: SyncGroupResponse = {
    throttleTimeMs,
    errorCode,
    protocolType,
    protocolName,
    assignment,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeSyncGroupResponse(w: Writer, o: SyncGroupResponse, v: number): void {
  const flex = v >= 4;
  if (v >= 1) {
    w.int32(o.throttleTimeMs);
  }
  w.int16(o.errorCode);
  if (v === 5) {
    w.compactNullableString(o.protocolType);
  }
  if (v === 5) {
    w.compactNullableString(o.protocolName);
  }
  if (v >= 4) w.compactBytes(o.assignment); else w.bytes(o.assignment);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
