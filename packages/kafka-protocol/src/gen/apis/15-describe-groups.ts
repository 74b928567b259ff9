// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// DescribeGroups (API key 15): stable versions 0-5, flexible from 5.

import { EMPTY_BYTES, type Reader, type TaggedField, type Writer, notInVersion, readArray, readElementString, writeArray, writeElementString } from "../../codec/runtime.js";

export interface DescribeGroupsRequest {
  /** The names of the groups to describe Versions 0-5; entity: groupId. */
  groups: string[];
  /** Whether to include authorized operations. Versions 3-5. */
  includeAuthorizedOperations: boolean;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeGroupsRequest(): DescribeGroupsRequest {
  return {
    groups: [],
    includeAuthorizedOperations: false,
  };
}

export function readDescribeGroupsRequest(r: Reader, v: number): DescribeGroupsRequest {
  const flex = v === 5;
  const groups = readArray(r, v, v === 5, false, 1, readElementString);
  const includeAuthorizedOperations = (v >= 3 ? r.bool() : false);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeGroupsRequest = {
    groups,
    includeAuthorizedOperations,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeGroupsRequest(w: Writer, o: DescribeGroupsRequest, v: number): void {
  const flex = v === 5;
  writeArray(w, v, v === 5, o.groups, writeElementString);
  if (v >= 3) {
    w.bool(o.includeAuthorizedOperations);
  } else if (!(v >= 3) && o.includeAuthorizedOperations !== false) {
    throw notInVersion("DescribeGroupsRequest.includeAuthorizedOperations", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeGroupsResponseDescribedGroupMember {
  /** The member ID assigned by the group coordinator. Versions 0-5. */
  memberId: string;
  /** The unique identifier of the consumer instance provided by end user. Versions 4-5; nullable in 4-5. */
  groupInstanceId: string | null;
  /** The client ID used in the member's latest join group request. Versions 0-5. */
  clientId: string;
  /** The client host. Versions 0-5. */
  clientHost: string;
  /** The metadata corresponding to the current group protocol in use. Versions 0-5. */
  memberMetadata: Uint8Array;
  /** The current assignment provided by the group leader. Versions 0-5. */
  memberAssignment: Uint8Array;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeGroupsResponseDescribedGroupMember(): DescribeGroupsResponseDescribedGroupMember {
  return {
    memberId: "",
    groupInstanceId: null,
    clientId: "",
    clientHost: "",
    memberMetadata: EMPTY_BYTES,
    memberAssignment: EMPTY_BYTES,
  };
}

export function readDescribeGroupsResponseDescribedGroupMember(r: Reader, v: number): DescribeGroupsResponseDescribedGroupMember {
  const flex = v === 5;
  const memberId = (v === 5 ? r.compactString() : r.string());
  const groupInstanceId = (v >= 4 ? (v === 5 ? r.compactNullableString() : r.nullableString()) : null);
  const clientId = (v === 5 ? r.compactString() : r.string());
  const clientHost = (v === 5 ? r.compactString() : r.string());
  const memberMetadata = (v === 5 ? r.compactBytes() : r.bytes());
  const memberAssignment = (v === 5 ? r.compactBytes() : r.bytes());
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeGroupsResponseDescribedGroupMember = {
    memberId,
    groupInstanceId,
    clientId,
    clientHost,
    memberMetadata,
    memberAssignment,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeGroupsResponseDescribedGroupMember(w: Writer, o: DescribeGroupsResponseDescribedGroupMember, v: number): void {
  const flex = v === 5;
  if (v === 5) w.compactString(o.memberId); else w.string(o.memberId);
  if (v >= 4) {
    if (v === 5) w.compactNullableString(o.groupInstanceId); else w.nullableString(o.groupInstanceId);
  }
  if (v === 5) w.compactString(o.clientId); else w.string(o.clientId);
  if (v === 5) w.compactString(o.clientHost); else w.string(o.clientHost);
  if (v === 5) w.compactBytes(o.memberMetadata); else w.bytes(o.memberMetadata);
  if (v === 5) w.compactBytes(o.memberAssignment); else w.bytes(o.memberAssignment);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeGroupsResponseDescribedGroup {
  /** The describe error, or 0 if there was no error. Versions 0-5. */
  errorCode: number;
  /** The group ID string. Versions 0-5; entity: groupId. */
  groupId: string;
  /** The group state string, or the empty string. Versions 0-5. */
  groupState: string;
  /** The group protocol type, or the empty string. Versions 0-5. */
  protocolType: string;
  /** The group protocol data, or the empty string. Versions 0-5. */
  protocolData: string;
  /** The group members. Versions 0-5. */
  members: DescribeGroupsResponseDescribedGroupMember[];
  /** 32-bit bitfield to represent authorized operations for this group. Versions 3-5. */
  authorizedOperations: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeGroupsResponseDescribedGroup(): DescribeGroupsResponseDescribedGroup {
  return {
    errorCode: 0,
    groupId: "",
    groupState: "",
    protocolType: "",
    protocolData: "",
    members: [],
    authorizedOperations: -2147483648,
  };
}

export function readDescribeGroupsResponseDescribedGroup(r: Reader, v: number): DescribeGroupsResponseDescribedGroup {
  const flex = v === 5;
  const errorCode = r.int16();
  const groupId = (v === 5 ? r.compactString() : r.string());
  const groupState = (v === 5 ? r.compactString() : r.string());
  const protocolType = (v === 5 ? r.compactString() : r.string());
  const protocolData = (v === 5 ? r.compactString() : r.string());
  const members = readArray(r, v, v === 5, false, 5, readDescribeGroupsResponseDescribedGroupMember);
  const authorizedOperations = (v >= 3 ? r.int32() : -2147483648);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeGroupsResponseDescribedGroup = {
    errorCode,
    groupId,
    groupState,
    protocolType,
    protocolData,
    members,
    authorizedOperations,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeGroupsResponseDescribedGroup(w: Writer, o: DescribeGroupsResponseDescribedGroup, v: number): void {
  const flex = v === 5;
  w.int16(o.errorCode);
  if (v === 5) w.compactString(o.groupId); else w.string(o.groupId);
  if (v === 5) w.compactString(o.groupState); else w.string(o.groupState);
  if (v === 5) w.compactString(o.protocolType); else w.string(o.protocolType);
  if (v === 5) w.compactString(o.protocolData); else w.string(o.protocolData);
  writeArray(w, v, v === 5, o.members, writeDescribeGroupsResponseDescribedGroupMember);
  if (v >= 3) {
    w.int32(o.authorizedOperations);
  } else if (!(v >= 3) && o.authorizedOperations !== -2147483648) {
    throw notInVersion("DescribeGroupsResponseDescribedGroup.authorizedOperations", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeGroupsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 1-5. */
  throttleTimeMs: number;
  /** Each described group. Versions 0-5. */
  groups: DescribeGroupsResponseDescribedGroup[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeGroupsResponse(): DescribeGroupsResponse {
  return {
    throttleTimeMs: 0,
    groups: [],
  };
}

export function readDescribeGroupsResponse(r: Reader, v: number): DescribeGroupsResponse {
  const flex = v === 5;
  const throttleTimeMs = (v >= 1 ? r.int32() : 0);
  const groups = readArray(r, v, v === 5, false, 7, readDescribeGroupsResponseDescribedGroup);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeGroupsResponse = {
    throttleTimeMs,
    groups,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeGroupsResponse(w: Writer, o: DescribeGroupsResponse, v: number): void {
  const flex = v === 5;
  if (v >= 1) {
    w.int32(o.throttleTimeMs);
  }
  writeArray(w, v, v === 5, o.groups, writeDescribeGroupsResponseDescribedGroup);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
