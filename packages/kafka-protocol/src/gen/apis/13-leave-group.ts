// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// LeaveGroup (API key 13): stable versions 0-5, flexible from 4.

import { type Reader, type TaggedField, type Writer, notInVersion, readArray, writeArray } from "../../codec/runtime.js";

export interface LeaveGroupRequestMemberIdentity {
  /** The member ID to remove from the group. Versions 3-5. */
  memberId: string;
  /** The group instance ID to remove from the group. Versions 3-5; nullable in 3-5. */
  groupInstanceId: string | null;
  /** The reason why the member left the group. Versions 5; nullable in 5. */
  reason: string | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultLeaveGroupRequestMemberIdentity(): LeaveGroupRequestMemberIdentity {
  return {
    memberId: "",
    groupInstanceId: null,
    reason: null,
  };
}

export function readLeaveGroupRequestMemberIdentity(r: Reader, v: number): LeaveGroupRequestMemberIdentity {
  const flex = v >= 4;
  const memberId = (v >= 3 ? (v >= 4 ? r.compactString() : r.string()) : "");
  const groupInstanceId = (v >= 3 ? (v >= 4 ? r.compactNullableString() : r.nullableString()) : null);
  const reason = (v === 5 ? r.compactNullableString() : null);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: LeaveGroupRequestMemberIdentity = {
    memberId,
    groupInstanceId,
    reason,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeLeaveGroupRequestMemberIdentity(w: Writer, o: LeaveGroupRequestMemberIdentity, v: number): void {
  const flex = v >= 4;
  if (v >= 3) {
    if (v >= 4) w.compactString(o.memberId); else w.string(o.memberId);
  } else if (!(v >= 3) && o.memberId !== "") {
    throw notInVersion("LeaveGroupRequestMemberIdentity.memberId", v);
  }
  if (v >= 3) {
    if (v >= 4) w.compactNullableString(o.groupInstanceId); else w.nullableString(o.groupInstanceId);
  } else if (!(v >= 3) && o.groupInstanceId !== null) {
    throw notInVersion("LeaveGroupRequestMemberIdentity.groupInstanceId", v);
  }
  if (v === 5) {
    w.compactNullableString(o.reason);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface LeaveGroupRequest {
  /** The ID of the group to leave. Versions 0-5; entity: groupId. */
  groupId: string;
  /** The member ID to remove from the group. Versions 0-2. */
  memberId: string;
  /** List of leaving member identities. Versions 3-5. */
  members: LeaveGroupRequestMemberIdentity[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultLeaveGroupRequest(): LeaveGroupRequest {
  return {
    groupId: "",
    memberId: "",
    members: [],
  };
}

export function readLeaveGroupRequest(r: Reader, v: number): LeaveGroupRequest {
  const flex = v >= 4;
  const groupId = (v >= 4 ? r.compactString() : r.string());
  const memberId = (v <= 2 ? r.string() : "");
  const members = (v >= 3 ? readArray(r, v, v >= 4, false, 2, readLeaveGroupRequestMemberIdentity) : []);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: LeaveGroupRequest = {
    groupId,
    memberId,
    members,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeLeaveGroupRequest(w: Writer, o: LeaveGroupRequest, v: number): void {
  const flex = v >= 4;
  if (v >= 4) w.compactString(o.groupId); else w.string(o.groupId);
  if (v <= 2) {
    w.string(o.memberId);
  } else if (!(v <= 2) && o.memberId !== "") {
    throw notInVersion("LeaveGroupRequest.memberId", v);
  }
  if (v >= 3) {
    writeArray(w, v, v >= 4, o.members, writeLeaveGroupRequestMemberIdentity);
  } else if (!(v >= 3) && o.members !== null && o.members.length > 0) {
    throw notInVersion("LeaveGroupRequest.members", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface LeaveGroupResponseMemberResponse {
  /** The member ID to remove from the group. Versions 3-5. */
  memberId: string;
  /** The group instance ID to remove from the group. Versions 3-5; nullable in 3-5. */
  groupInstanceId: string | null;
  /** The error code, or 0 if there was no error. Versions 3-5. */
  errorCode: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultLeaveGroupResponseMemberResponse(): LeaveGroupResponseMemberResponse {
  return {
    memberId: "",
    groupInstanceId: "",
    errorCode: 0,
  };
}

export function readLeaveGroupResponseMemberResponse(r: Reader, v: number): LeaveGroupResponseMemberResponse {
  const flex = v >= 4;
  const memberId = (v >= 3 ? (v >= 4 ? r.compactString() : r.string()) : "");
  const groupInstanceId = (v >= 3 ? (v >= 4 ? r.compactNullableString() : r.nullableString()) : "");
  const errorCode = (v >= 3 ? r.int16() : 0);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: LeaveGroupResponseMemberResponse = {
    memberId,
    groupInstanceId,
    errorCode,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeLeaveGroupResponseMemberResponse(w: Writer, o: LeaveGroupResponseMemberResponse, v: number): void {
  const flex = v >= 4;
  if (v >= 3) {
    if (v >= 4) w.compactString(o.memberId); else w.string(o.memberId);
  } else if (!(v >= 3) && o.memberId !== "") {
    throw notInVersion("LeaveGroupResponseMemberResponse.memberId", v);
  }
  if (v >= 3) {
    if (v >= 4) w.compactNullableString(o.groupInstanceId); else w.nullableString(o.groupInstanceId);
  } else if (!(v >= 3) && o.groupInstanceId !== "") {
    throw notInVersion("LeaveGroupResponseMemberResponse.groupInstanceId", v);
  }
  if (v >= 3) {
    w.int16(o.errorCode);
  } else if (!(v >= 3) && o.errorCode !== 0) {
    throw notInVersion("LeaveGroupResponseMemberResponse.errorCode", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface LeaveGroupResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 1-5. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. Versions 0-5. */
  errorCode: number;
  /** List of leaving member responses. Versions 3-5. */
  members: LeaveGroupResponseMemberResponse[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultLeaveGroupResponse(): LeaveGroupResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    members: [],
  };
}

export function readLeaveGroupResponse(r: Reader, v: number): LeaveGroupResponse {
  const flex = v >= 4;
  const throttleTimeMs = (v >= 1 ? r.int32() : 0);
  const errorCode = r.int16();
  const members = (v >= 3 ? readArray(r, v, v >= 4, false, 4, readLeaveGroupResponseMemberResponse) : []);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: LeaveGroupResponse = {
    throttleTimeMs,
    errorCode,
    members,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeLeaveGroupResponse(w: Writer, o: LeaveGroupResponse, v: number): void {
  const flex = v >= 4;
  if (v >= 1) {
    w.int32(o.throttleTimeMs);
  }
  w.int16(o.errorCode);
  if (v >= 3) {
    writeArray(w, v, v >= 4, o.members, writeLeaveGroupResponseMemberResponse);
  } else if (!(v >= 3) && o.members !== null && o.members.length > 0) {
    throw notInVersion("LeaveGroupResponse.members", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
