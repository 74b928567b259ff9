// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// UnregisterBroker (API key 64): stable versions 0, flexible from 0.

import { type Reader, type TaggedField, type Writer } from "../../codec/runtime.js";

export interface UnregisterBrokerRequest {
  /** The broker ID to unregister. Versions 0; entity: brokerId. */
  brokerId: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultUnregisterBrokerRequest(): UnregisterBrokerRequest {
  return {
    brokerId: 0,
  };
}

export function readUnregisterBrokerRequest(r: Reader, v: number): UnregisterBrokerRequest {
  const flex = true;
  const brokerId = r.int32();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: UnregisterBrokerRequest = {
    brokerId,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeUnregisterBrokerRequest(w: Writer, o: UnregisterBrokerRequest, v: number): void {
  const flex = true;
  w.int32(o.brokerId);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface UnregisterBrokerResponse {
  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. Versions 0. */
  errorCode: number;
  /** The top-level error message, or `null` if there was no top-level error. Versions 0; nullable in 0. */
  errorMessage: string | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultUnregisterBrokerResponse(): UnregisterBrokerResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
  };
}

export function readUnregisterBrokerResponse(r: Reader, v: number): UnregisterBrokerResponse {
  const flex = true;
  const throttleTimeMs = r.int32();
  const errorCode = r.int16();
  const errorMessage = r.compactNullableString();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: UnregisterBrokerResponse = {
    throttleTimeMs,
    errorCode,
    errorMessage,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeUnregisterBrokerResponse(w: Writer, o: UnregisterBrokerResponse, v: number): void {
  const flex = true;
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
