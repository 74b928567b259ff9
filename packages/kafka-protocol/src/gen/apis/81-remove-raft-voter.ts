// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// RemoveRaftVoter (API key 81): stable versions 0, flexible from 0.

import { type Reader, type TaggedField, type Uuid, type Writer, ZERO_UUID } from "../../codec/runtime.js";

export interface RemoveRaftVoterRequest {
  /** Versions 0; nullable in 0. */
  clusterId: string | null;
  /** The replica id of the voter getting removed from the topic partition Versions 0. */
  voterId: number;
  /** The directory id of the voter getting removed from the topic partition Versions 0. */
  voterDirectoryId: Uuid;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultRemoveRaftVoterRequest(): RemoveRaftVoterRequest {
  return {
    clusterId: "",
    voterId: 0,
    voterDirectoryId: ZERO_UUID,
  };
}

export function readRemoveRaftVoterRequest(r: Reader, v: number): RemoveRaftVoterRequest {
  const flex = true;
  const clusterId = r.compactNullableString();
  const voterId = r.int32();
  const voterDirectoryId = r.uuid();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: RemoveRaftVoterRequest = {
    clusterId,
    voterId,
    voterDirectoryId,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeRemoveRaftVoterRequest(w: Writer, o: RemoveRaftVoterRequest, v: number): void {
  const flex = true;
  w.compactNullableString(o.clusterId);
  w.int32(o.voterId);
  w.uuid(o.voterDirectoryId);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface RemoveRaftVoterResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error Versions 0. */
  errorCode: number;
  /** The error message, or null if there was no error. Versions 0; nullable in 0. */
  errorMessage: string | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultRemoveRaftVoterResponse(): RemoveRaftVoterResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
  };
}

export function readRemoveRaftVoterResponse(r: Reader, v: number): RemoveRaftVoterResponse {
  const flex = true;
  const throttleTimeMs = r.int32();
  const errorCode = r.int16();
  const errorMessage = r.compactNullableString();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: RemoveRaftVoterResponse = {
    throttleTimeMs,
    errorCode,
    errorMessage,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeRemoveRaftVoterResponse(w: Writer, o: RemoveRaftVoterResponse, v: number): void {
  const flex = true;
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
