// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// ExpireDelegationToken (API key 40): stable versions 0-2, flexible from 2.

import { EMPTY_BYTES, type Reader, type TaggedField, type Writer } from "../../codec/runtime.js";

export interface ExpireDelegationTokenRequest {
  /** The HMAC of the delegation token to be expired. Versions 0-2. */
  hmac: Uint8Array;
  /** The expiry time period in milliseconds. Versions 0-2. */
  expiryTimePeriodMs: bigint;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultExpireDelegationTokenRequest(): ExpireDelegationTokenRequest {
  return {
    hmac: EMPTY_BYTES,
    expiryTimePeriodMs: 0n,
  };
}

export function readExpireDelegationTokenRequest(r: Reader, v: number): ExpireDelegationTokenRequest {
  const flex = v === 2;
  const hmac = (v === 2 ? r.compactBytes() : r.bytes());
  const expiryTimePeriodMs = r.int64();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ExpireDelegationTokenRequest = {
    hmac,
    expiryTimePeriodMs,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeExpireDelegationTokenRequest(w: Writer, o: ExpireDelegationTokenRequest, v: number): void {
  const flex = v === 2;
  if (v === 2) w.compactBytes(o.hmac); else w.bytes(o.hmac);
  w.int64(o.expiryTimePeriodMs);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ExpireDelegationTokenResponse {
  /** The error code, or 0 if there was no error. Versions 0-2. */
  errorCode: number;
  /** The timestamp in milliseconds at which this token expires. Versions 0-2. */
  expiryTimestampMs: bigint;
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-2. */
  throttleTimeMs: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultExpireDelegationTokenResponse(): ExpireDelegationTokenResponse {
  return {
    errorCode: 0,
    expiryTimestampMs: 0n,
    throttleTimeMs: 0,
  };
}

export function readExpireDelegationTokenResponse(r: Reader, v: number): ExpireDelegationTokenResponse {
  const flex = v === 2;
  const errorCode = r.int16();
  const expiryTimestampMs = r.int64();
  const throttleTimeMs = r.int32();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ExpireDelegationTokenResponse = {
    errorCode,
    expiryTimestampMs,
    throttleTimeMs,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeExpireDelegationTokenResponse(w: Writer, o: ExpireDelegationTokenResponse, v: number): void {
  const flex = v === 2;
  w.int16(o.errorCode);
  w.int64(o.expiryTimestampMs);
  w.int32(o.throttleTimeMs);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
