// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// SaslAuthenticate (API key 36): stable versions 0-2, flexible from 2.

import { EMPTY_BYTES, type Reader, type TaggedField, type Writer } from "../../codec/runtime.js";

export interface SaslAuthenticateRequest {
  /** The SASL authentication bytes from the client, as defined by the SASL mechanism. Versions 0-2. */
  authBytes: Uint8Array;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultSaslAuthenticateRequest(): SaslAuthenticateRequest {
  return {
    authBytes: EMPTY_BYTES,
  };
}

export function readSaslAuthenticateRequest(r: Reader, v: number): SaslAuthenticateRequest {
  const flex = v === 2;
  const authBytes = (v === 2 ? r.compactBytes() : r.bytes());
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: SaslAuthenticateRequest = {
    authBytes,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeSaslAuthenticateRequest(w: Writer, o: SaslAuthenticateRequest, v: number): void {
  const flex = v === 2;
  if (v === 2) w.compactBytes(o.authBytes); else w.bytes(o.authBytes);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface SaslAuthenticateResponse {
  /** The error code, or 0 if there was no error. Versions 0-2. */
  errorCode: number;
  /** The error message, or null if there was no error. Versions 0-2; nullable in 0-2. */
  errorMessage: string | null;
  /** The SASL authentication bytes from the server, as defined by the SASL mechanism. Versions 0-2. */
  authBytes: Uint8Array;
  /** Number of milliseconds after which only re-authentication over the existing connection to create a new session can occur. Versions 1-2. */
  sessionLifetimeMs: bigint;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultSaslAuthenticateResponse(): SaslAuthenticateResponse {
  return {
    errorCode: 0,
    errorMessage: "",
    authBytes: EMPTY_BYTES,
    sessionLifetimeMs: 0n,
  };
}

export function readSaslAuthenticateResponse(r: Reader, v: number): SaslAuthenticateResponse {
  const flex = v === 2;
  const errorCode = r.int16();
  const errorMessage = (v === 2 ? r.compactNullableString() : r.nullableString());
  const authBytes = (v === 2 ? r.compactBytes() : r.bytes());
  const sessionLifetimeMs = (v >= 1 ? r.int64() : 0n);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: SaslAuthenticateResponse = {
    errorCode,
    errorMessage,
    authBytes,
    sessionLifetimeMs,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeSaslAuthenticateResponse(w: Writer, o: SaslAuthenticateResponse, v: number): void {
  const flex = v === 2;
  w.int16(o.errorCode);
  if (v === 2) w.compactNullableString(o.errorMessage); else w.nullableString(o.errorMessage);
  if (v === 2) w.compactBytes(o.authBytes); else w.bytes(o.authBytes);
  if (v >= 1) {
    w.int64(o.sessionLifetimeMs);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
