// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// JoinGroup (API key 11): stable versions 0-9, flexible from 6.

import { EMPTY_BYTES, type Reader, type TaggedField, type Writer, notInVersion, notNullable, readArray, writeArray } from "../../codec/runtime.js";

export interface JoinGroupRequestJoinGroupRequestProtocol {
  /** The protocol name. Versions 0-9; map key. */
  name: string;
  /** The protocol metadata. Versions 0-9. */
  metadata: Uint8Array;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultJoinGroupRequestJoinGroupRequestProtocol(): JoinGroupRequestJoinGroupRequestProtocol {
  return {
    name: "",
    metadata: EMPTY_BYTES,
  };
}

export function readJoinGroupRequestJoinGroupRequestProtocol(r: Reader, v: number): JoinGroupRequestJoinGroupRequestProtocol {
  const flex = v >= 6;
  const name = (v >= 6 ? r.compactString() : r.string());
  const metadata = (v >= 6 ? r.compactBytes() : r.bytes());
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: JoinGroupRequestJoinGroupRequestProtocol = {
    name,
    metadata,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeJoinGroupRequestJoinGroupRequestProtocol(w: Writer, o: JoinGroupRequestJoinGroupRequestProtocol, v: number): void {
  const flex = v >= 6;
  if (v >= 6) w.compactString(o.name); else w.string(o.name);
  if (v >= 6) w.compactBytes(o.metadata); else w.bytes(o.metadata);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface JoinGroupRequest {
  /** The group identifier. Versions 0-9; entity: groupId. */
  groupId: string;
  /** The coordinator considers the consumer dead if it receives no heartbeat after this timeout in milliseconds. Versions 0-9. */
  sessionTimeoutMs: number;
  /** The maximum time in milliseconds that the coordinator will wait for each member to rejoin when rebalancing the group. Versions 1-9. */
  rebalanceTimeoutMs: number;
  /** The member id assigned by the group coordinator. Versions 0-9. */
  memberId: string;
  /** The unique identifier of the consumer instance provided by end user. Versions 5-9; nullable in 5-9. */
  groupInstanceId: string | null;
  /** The unique name the for class of protocols implemented by the group we want to join. Versions 0-9. */
  protocolType: string;
  /** The list of protocols that the member supports. Versions 0-9. */
  protocols: JoinGroupRequestJoinGroupRequestProtocol[];
  /** The reason why the member (re-)joins the group. Versions 8-9; nullable in 8-9. */
  reason: string | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultJoinGroupRequest(): JoinGroupRequest {
  return {
    groupId: "",
    sessionTimeoutMs: 0,
    rebalanceTimeoutMs: -1,
    memberId: "",
    groupInstanceId: null,
    protocolType: "",
    protocols: [],
    reason: null,
  };
}

export function readJoinGroupRequest(r: Reader, v: number): JoinGroupRequest {
  const flex = v >= 6;
  const groupId = (v >= 6 ? r.compactString() : r.string());
  const sessionTimeoutMs = r.int32();
  const rebalanceTimeoutMs = (v >= 1 ? r.int32() : -1);
  const memberId = (v >= 6 ? r.compactString() : r.string());
  const groupInstanceId = (v >= 5 ? (v >= 6 ? r.compactNullableString() : r.nullableString()) : null);
  const protocolType = (v >= 6 ? r.compactString() : r.string());
  const protocols = readArray(r, v, v >= 6, false, 2, readJoinGroupRequestJoinGroupRequestProtocol);
  const reason = (v >= 8 ? r.compactNullableString() : null);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: JoinGroupRequest = {
    groupId,
    sessionTimeoutMs,
    rebalanceTimeoutMs,
    memberId,
    groupInstanceId,
    protocolType,
    protocols,
    reason,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeJoinGroupRequest(w: Writer, o: JoinGroupRequest, v: number): void {
  const flex = v >= 6;
  if (v >= 6) w.compactString(o.groupId); else w.string(o.groupId);
  w.int32(o.sessionTimeoutMs);
  if (v >= 1) {
    w.int32(o.rebalanceTimeoutMs);
  }
  if (v >= 6) w.compactString(o.memberId); else w.string(o.memberId);
  if (v >= 5) {
    if (v >= 6) w.compactNullableString(o.groupInstanceId); else w.nullableString(o.groupInstanceId);
  } else if (!(v >= 5) && o.groupInstanceId !== null) {
    throw notInVersion("JoinGroupRequest.groupInstanceId", v);
  }
  if (v >= 6) w.compactString(o.protocolType); else w.string(o.protocolType);
  writeArray(w, v, v >= 6, o.protocols, writeJoinGroupRequestJoinGroupRequestProtocol);
  if (v >= 8) {
    w.compactNullableString(o.reason);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface JoinGroupResponseJoinGroupResponseMember {
  /** The group member ID. Versions 0-9. */
  memberId: string;
  /** The unique identifier of the consumer instance provided by end user. Versions 5-9; nullable in 5-9. */
  groupInstanceId: string | null;
  /** The group member metadata. Versions 0-9. */
  metadata: Uint8Array;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultJoinGroupResponseJoinGroupResponseMember(): JoinGroupResponseJoinGroupResponseMember {
  return {
    memberId: "",
    groupInstanceId: null,
    metadata: EMPTY_BYTES,
  };
}

export function readJoinGroupResponseJoinGroupResponseMember(r: Reader, v: number): JoinGroupResponseJoinGroupResponseMember {
  const flex = v >= 6;
  const memberId = (v >= 6 ? r.compactString() : r.string());
  const groupInstanceId = (v >= 5 ? (v >= 6 ? r.compactNullableString() : r.nullableString()) : null);
  const metadata = (v >= 6 ? r.compactBytes() : r.bytes());
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: JoinGroupResponseJoinGroupResponseMember = {
    memberId,
    groupInstanceId,
    metadata,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeJoinGroupResponseJoinGroupResponseMember(w: Writer, o: JoinGroupResponseJoinGroupResponseMember, v: number): void {
  const flex = v >= 6;
  if (v >= 6) w.compactString(o.memberId); else w.string(o.memberId);
  if (v >= 5) {
    if (v >= 6) w.compactNullableString(o.groupInstanceId); else w.nullableString(o.groupInstanceId);
  }
  if (v >= 6) w.compactBytes(o.metadata); else w.bytes(o.metadata);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface JoinGroupResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 2-9. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. Versions 0-9. */
  errorCode: number;
  /** The generation ID of the group. Versions 0-9. */
  generationId: number;
  /** The group protocol name. Versions 7-9; nullable in 7-9. */
  protocolType: string | null;
  /** The group protocol selected by the coordinator. Versions 0-9; nullable in 7-9. */
  protocolName: string | null;
  /** The leader of the group. Versions 0-9. */
  leader: string;
  /** True if the leader must skip running the assignment. Versions 9. */
  skipAssignment: boolean;
  /** The member ID assigned by the group coordinator. Versions 0-9. */
  memberId: string;
  /** Versions 0-9. */
  members: JoinGroupResponseJoinGroupResponseMember[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultJoinGroupResponse(): JoinGroupResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    generationId: -1,
    protocolType: null,
    protocolName: "",
    leader: "",
    skipAssignment: false,
    memberId: "",
    members: [],
  };
}

export function readJoinGroupResponse(r: Reader, v: number): JoinGroupResponse {
  const flex = v >= 6;
  const throttleTimeMs = (v >= 2 ? r.int32() : 0);
  const errorCode = r.int16();
  const generationId = r.int32();
  const protocolType = (v >= 7 ? r.compactNullableString() : null);
  const protocolName = (v >= 7 ? (v >= 6 ? r.compactNullableString() : r.nullableString()) : (v >= 6 ? r.compactString() : r.string()));
  const leader = (v >= 6 ? r.compactString() : r.string());
  const skipAssignment = (v === 9 ? r.bool() : false);
  const memberId = (v >= 6 ? r.compactString() : r.string());
  const members = readArray(r, v, v >= 6, false, 2, readJoinGroupResponseJoinGroupResponseMember);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: JoinGroupResponse = {
    throttleTimeMs,
    errorCode,
    generationId,
    protocolType,
    protocolName,
    leader,
    skipAssignment,
    memberId,
    members,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeJoinGroupResponse(w: Writer, o: JoinGroupResponse, v: number): void {
  const flex = v >= 6;
  if (v >= 2) {
    w.int32(o.throttleTimeMs);
  }
  w.int16(o.errorCode);
  w.int32(o.generationId);
  if (v >= 7) {
    w.compactNullableString(o.protocolType);
  }
  if (o.protocolName === null && !(v >= 7)) throw notNullable("JoinGroupResponse.protocolName", v);
  if (v >= 7) { if (v >= 6) w.compactNullableString(o.protocolName); else w.nullableString(o.protocolName); } else { if (v >= 6) w.compactString((o.protocolName as string)); else w.string((o.protocolName as string)); }
  if (v >= 6) w.compactString(o.leader); else w.string(o.leader);
  if (v === 9) {
    w.bool(o.skipAssignment);
  } else if (!(v === 9) && o.skipAssignment !== false) {
    throw notInVersion("JoinGroupResponse.skipAssignment", v);
  }
  if (v >= 6) w.compactString(o.memberId); else w.string(o.memberId);
  writeArray(w, v, v >= 6, o.members, writeJoinGroupResponseJoinGroupResponseMember);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
