// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// Heartbeat (API key 12): stable versions 0-4, flexible from 4.

import { type Reader, type TaggedField, type Writer, notInVersion } from "../../codec/runtime.js";

export interface HeartbeatRequest {
  /** The group id. Versions 0-4; entity: groupId. */
  groupId: string;
  /** The generation of the group. Versions 0-4. */
  generationId: number;
  /** The member ID. Versions 0-4. */
  memberId: string;
  /** The unique identifier of the consumer instance provided by end user. Versions 3-4; nullable in 3-4. */
  groupInstanceId: string | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultHeartbeatRequest(): HeartbeatRequest {
  return {
    groupId: "",
    generationId: 0,
    memberId: "",
    groupInstanceId: null,
  };
}

export function readHeartbeatRequest(r: Reader, v: number): HeartbeatRequest {
  const flex = v === 4;
  const groupId = (v === 4 ? r.compactString() : r.string());
  const generationId = r.int32();
  const memberId = (v === 4 ? r.compactString() : r.string());
  const groupInstanceId = (v >= 3 ? (v === 4 ? r.compactNullableString() : r.nullableString()) : null);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: HeartbeatRequest = {
    groupId,
    generationId,
    memberId,
    groupInstanceId,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeHeartbeatRequest(w: Writer, o: HeartbeatRequest, v: number): void {
  const flex = v === 4;
  if (v === 4) w.compactString(o.groupId); else w.string(o.groupId);
  w.int32(o.generationId);
  if (v === 4) w.compactString(o.memberId); else w.string(o.memberId);
  if (v >= 3) {
    if (v === 4) w.compactNullableString(o.groupInstanceId); else w.nullableString(o.groupInstanceId);
  } else if (!(v >= 3) && o.groupInstanceId !== null) {
    throw notInVersion("HeartbeatRequest.groupInstanceId", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface HeartbeatResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 1-4. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. Versions 0-4. */
  errorCode: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultHeartbeatResponse(): HeartbeatResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
  };
}

export function readHeartbeatResponse(r: Reader, v: number): HeartbeatResponse {
  const flex = v === 4;
  const throttleTimeMs = (v >= 1 ? r.int32() : 0);
  const errorCode = r.int16();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: HeartbeatResponse = {
    throttleTimeMs,
    errorCode,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeHeartbeatResponse(w: Writer, o: HeartbeatResponse, v: number): void {
  const flex = v === 4;
  if (v >= 1) {
    w.int32(o.throttleTimeMs);
  }
  w.int16(o.errorCode);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
