// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// ListGroups (API key 16): stable versions 0-5, flexible from 3.

import { type Reader, type TaggedField, type Writer, notInVersion, readArray, readElementString, writeArray, writeElementString } from "../../codec/runtime.js";

export interface ListGroupsRequest {
  /** The states of the groups we want to list. If empty, all groups are returned with their state. Versions 4-5. */
  statesFilter: string[];
  /** The types of the groups we want to list. If empty, all groups are returned with their type. Versions 5. */
  typesFilter: string[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultListGroupsRequest(): ListGroupsRequest {
  return {
    statesFilter: [],
    typesFilter: [],
  };
}

export function readListGroupsRequest(r: Reader, v: number): ListGroupsRequest {
  const flex = v >= 3;
  const statesFilter = (v >= 4 ? readArray(r, v, true, false, 1, readElementString) : []);
  const typesFilter = (v === 5 ? readArray(r, v, true, false, 1, readElementString) : []);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ListGroupsRequest = {
    statesFilter,
    typesFilter,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeListGroupsRequest(w: Writer, o: ListGroupsRequest, v: number): void {
  const flex = v >= 3;
  if (v >= 4) {
    writeArray(w, v, true, o.statesFilter, writeElementString);
  } else if (!(v >= 4) && o.statesFilter !== null && o.statesFilter.length > 0) {
    throw notInVersion("ListGroupsRequest.statesFilter", v);
  }
  if (v === 5) {
    writeArray(w, v, true, o.typesFilter, writeElementString);
  } else if (!(v === 5) && o.typesFilter !== null && o.typesFilter.length > 0) {
    throw notInVersion("ListGroupsRequest.typesFilter", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ListGroupsResponseListedGroup {
  /** The group ID. Versions 0-5; entity: groupId. */
  groupId: string;
  /** The group protocol type. Versions 0-5. */
  protocolType: string;
  /** The group state name. Versions 4-5. */
  groupState: string;
  /** The group type name. Versions 5. */
  groupType: string;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultListGroupsResponseListedGroup(): ListGroupsResponseListedGroup {
  return {
    groupId: "",
    protocolType: "",
    groupState: "",
    groupType: "",
  };
}

export function readListGroupsResponseListedGroup(r: Reader, v: number): ListGroupsResponseListedGroup {
  const flex = v >= 3;
  const groupId = (v >= 3 ? r.compactString() : r.string());
  const protocolType = (v >= 3 ? r.compactString() : r.string());
  const groupState = (v >= 4 ? r.compactString() : "");
  const groupType = (v === 5 ? r.compactString() : "");
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ListGroupsResponseListedGroup = {
    groupId,
    protocolType,
    groupState,
    groupType,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeListGroupsResponseListedGroup(w: Writer, o: ListGroupsResponseListedGroup, v: number): void {
  const flex = v >= 3;
  if (v >= 3) w.compactString(o.groupId); else w.string(o.groupId);
  if (v >= 3) w.compactString(o.protocolType); else w.string(o.protocolType);
  if (v >= 4) {
    w.compactString(o.groupState);
  }
  if (v === 5) {
    w.compactString(o.groupType);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ListGroupsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 1-5. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. Versions 0-5. */
  errorCode: number;
  /** Each group in the response. Versions 0-5. */
  groups: ListGroupsResponseListedGroup[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultListGroupsResponse(): ListGroupsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    groups: [],
  };
}

export function readListGroupsResponse(r: Reader, v: number): ListGroupsResponse {
  const flex = v >= 3;
  const throttleTimeMs = (v >= 1 ? r.int32() : 0);
  const errorCode = r.int16();
  const groups = readArray(r, v, v >= 3, false, 2, readListGroupsResponseListedGroup);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ListGroupsResponse = {
    throttleTimeMs,
    errorCode,
    groups,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeListGroupsResponse(w: Writer, o: ListGroupsResponse, v: number): void {
  const flex = v >= 3;
  if (v >= 1) {
    w.int32(o.throttleTimeMs);
  }
  w.int16(o.errorCode);
  writeArray(w, v, v >= 3, o.groups, writeListGroupsResponseListedGroup);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
