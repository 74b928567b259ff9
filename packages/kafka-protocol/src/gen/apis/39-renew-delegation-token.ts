// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// RenewDelegationToken (API key 39): stable versions 0-2, flexible from 2.

import { EMPTY_BYTES, type Reader, type TaggedField, type Writer } from "../../codec/runtime.js";

export interface RenewDelegationTokenRequest {
  /** The HMAC of the delegation token to be renewed. Versions 0-2. */
  hmac: Uint8Array;
  /** The renewal time period in milliseconds. Versions 0-2. */
  renewPeriodMs: bigint;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultRenewDelegationTokenRequest(): RenewDelegationTokenRequest {
  return {
    hmac: EMPTY_BYTES,
    renewPeriodMs: 0n,
  };
}

export function readRenewDelegationTokenRequest(r: Reader, v: number): RenewDelegationTokenRequest {
  const flex = v === 2;
  const hmac = (v === 2 ? r.compactBytes() : r.bytes());
  const renewPeriodMs = r.int64();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: RenewDelegationTokenRequest = {
    hmac,
    renewPeriodMs,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeRenewDelegationTokenRequest(w: Writer, o: RenewDelegationTokenRequest, v: number): void {
  const flex = v === 2;
  if (v === 2) w.compactBytes(o.hmac); else w.bytes(o.hmac);
  w.int64(o.renewPeriodMs);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface RenewDelegationTokenResponse {
  /** The error code, or 0 if there was no error. Versions 0-2. */
  errorCode: number;
  /** The timestamp in milliseconds at which this token expires. Versions 0-2. */
  expiryTimestampMs: bigint;
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-2. */
  throttleTimeMs: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultRenewDelegationTokenResponse(): RenewDelegationTokenResponse {
  return {
    errorCode: 0,
    expiryTimestampMs: 0n,
    throttleTimeMs: 0,
  };
}

export function readRenewDelegationTokenResponse(r: Reader, v: number): RenewDelegationTokenResponse {
  const flex = v === 2;
  const errorCode = r.int16();
  const expiryTimestampMs = r.int64();
  const throttleTimeMs = r.int32();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: RenewDelegationTokenResponse = {
    errorCode,
    expiryTimestampMs,
    throttleTimeMs,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeRenewDelegationTokenResponse(w: Writer, o: RenewDelegationTokenResponse, v: number): void {
  const flex = v === 2;
  w.int16(o.errorCode);
  w.int64(o.expiryTimestampMs);
  w.int32(o.throttleTimeMs);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
