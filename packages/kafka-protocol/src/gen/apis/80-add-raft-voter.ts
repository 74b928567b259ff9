// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// AddRaftVoter (API key 80): stable versions 0, flexible from 0.

import { type Reader, type TaggedField, type Uuid, type Writer, ZERO_UUID, readArray, writeArray } from "../../codec/runtime.js";

export interface AddRaftVoterRequestListener {
  /** The name of the endpoint Versions 0; map key. */
  name: string;
  /** The hostname Versions 0. */
  host: string;
  /** The port Versions 0. */
  port: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAddRaftVoterRequestListener(): AddRaftVoterRequestListener {
  return {
    name: "",
    host: "",
    port: 0,
  };
}

export function readAddRaftVoterRequestListener(r: Reader, v: number): AddRaftVoterRequestListener {
  const flex = true;
  const name = r.compactString();
  const host = r.compactString();
  const port = r.uint16();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AddRaftVoterRequestListener = {
    name,
    host,
    port,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAddRaftVoterRequestListener(w: Writer, o: AddRaftVoterRequestListener, v: number): void {
  const flex = true;
  w.compactString(o.name);
  w.compactString(o.host);
  w.uint16(o.port);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AddRaftVoterRequest {
  /** Versions 0; nullable in 0. */
  clusterId: string | null;
  /** Versions 0. */
  timeoutMs: number;
  /** The replica id of the voter getting added to the topic partition Versions 0. */
  voterId: number;
  /** The directory id of the voter getting added to the topic partition Versions 0. */
  voterDirectoryId: Uuid;
  /** The endpoints that can be used to communicate with the voter Versions 0. */
  listeners: AddRaftVoterRequestListener[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAddRaftVoterRequest(): AddRaftVoterRequest {
  return {
    clusterId: "",
    timeoutMs: 0,
    voterId: 0,
    voterDirectoryId: ZERO_UUID,
    listeners: [],
  };
}

export function readAddRaftVoterRequest(r: Reader, v: number): AddRaftVoterRequest {
  const flex = true;
  const clusterId = r.compactNullableString();
  const timeoutMs = r.int32();
  const voterId = r.int32();
  const voterDirectoryId = r.uuid();
  const listeners = readArray(r, v, true, false, 4, readAddRaftVoterRequestListener);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AddRaftVoterRequest = {
    clusterId,
    timeoutMs,
    voterId,
    voterDirectoryId,
    listeners,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAddRaftVoterRequest(w: Writer, o: AddRaftVoterRequest, v: number): void {
  const flex = true;
  w.compactNullableString(o.clusterId);
  w.int32(o.timeoutMs);
  w.int32(o.voterId);
  w.uuid(o.voterDirectoryId);
  writeArray(w, v, true, o.listeners, writeAddRaftVoterRequestListener);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AddRaftVoterResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error Versions 0. */
  errorCode: number;
  /** The error message, or null if there was no error. Versions 0; nullable in 0. */
  errorMessage: string | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAddRaftVoterResponse(): AddRaftVoterResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
  };
}

export function readAddRaftVoterResponse(r: Reader, v: number): AddRaftVoterResponse {
  const flex = true;
  const throttleTimeMs = r.int32();
  const errorCode = r.int16();
  const errorMessage = r.compactNullableString();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AddRaftVoterResponse = {
    throttleTimeMs,
    errorCode,
    errorMessage,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAddRaftVoterResponse(w: Writer, o: AddRaftVoterResponse, v: number): void {
  const flex = true;
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
