// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// CreateDelegationToken (API key 38): stable versions 0-3, flexible from 2.

import { EMPTY_BYTES, type Reader, type TaggedField, type Writer, notInVersion, readArray, writeArray } from "../../codec/runtime.js";

export interface CreateDelegationTokenRequestCreatableRenewers {
  /** The type of the Kafka principal. Versions 0-3. */
  principalType: string;
  /** The name of the Kafka principal. Versions 0-3. */
  principalName: string;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultCreateDelegationTokenRequestCreatableRenewers(): CreateDelegationTokenRequestCreatableRenewers {
  return {
    principalType: "",
    principalName: "",
  };
}

export function readCreateDelegationTokenRequestCreatableRenewers(r: Reader, v: number): CreateDelegationTokenRequestCreatableRenewers {
  const flex = v >= 2;
  const principalType = (v >= 2 ? r.compactString() : r.string());
  const principalName = (v >= 2 ? r.compactString() : r.string());
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: CreateDelegationTokenRequestCreatableRenewers = {
    principalType,
    principalName,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeCreateDelegationTokenRequestCreatableRenewers(w: Writer, o: CreateDelegationTokenRequestCreatableRenewers, v: number): void {
  const flex = v >= 2;
  if (v >= 2) w.compactString(o.principalType); else w.string(o.principalType);
  if (v >= 2) w.compactString(o.principalName); else w.string(o.principalName);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface CreateDelegationTokenRequest {
  /** The principal type of the owner of the token. If it's null it defaults to the token request principal. Versions 3; nullable in 3. */
  ownerPrincipalType: string | null;
  /** The principal name of the owner of the token. If it's null it defaults to the token request principal. Versions 3; nullable in 3. */
  ownerPrincipalName: string | null;
  /** A list of those who are allowed to renew this token before it expires. Versions 0-3. */
  renewers: CreateDelegationTokenRequestCreatableRenewers[];
  /** The maximum lifetime of the token in milliseconds, or -1 to use the server side default. Versions 0-3. */
  maxLifetimeMs: bigint;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultCreateDelegationTokenRequest(): CreateDelegationTokenRequest {
  return {
    ownerPrincipalType: "",
    ownerPrincipalName: "",
    renewers: [],
    maxLifetimeMs: 0n,
  };
}

export function readCreateDelegationTokenRequest(r: Reader, v: number): CreateDelegationTokenRequest {
  const flex = v >= 2;
  const ownerPrincipalType = (v === 3 ? r.compactNullableString() : "");
  const ownerPrincipalName = (v === 3 ? r.compactNullableString() : "");
  const renewers = readArray(r, v, v >= 2, false, 2, readCreateDelegationTokenRequestCreatableRenewers);
  const maxLifetimeMs = r.int64();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: CreateDelegationTokenRequest = {
    ownerPrincipalType,
    ownerPrincipalName,
    renewers,
    maxLifetimeMs,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeCreateDelegationTokenRequest(w: Writer, o: CreateDelegationTokenRequest, v: number): void {
  const flex = v >= 2;
  if (v === 3) {
    w.compactNullableString(o.ownerPrincipalType);
  } else if (!(v === 3) && o.ownerPrincipalType !== "") {
    throw notInVersion("CreateDelegationTokenRequest.ownerPrincipalType", v);
  }
  if (v === 3) {
    w.compactNullableString(o.ownerPrincipalName);
  } else if (!(v === 3) && o.ownerPrincipalName !== "") {
    throw notInVersion("CreateDelegationTokenRequest.ownerPrincipalName", v);
  }
  writeArray(w, v, v >= 2, o.renewers, writeCreateDelegationTokenRequestCreatableRenewers);
  w.int64(o.maxLifetimeMs);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface CreateDelegationTokenResponse {
  /** The top-level error, or zero if there was no error. Versions 0-3. */
  errorCode: number;
  /** The principal type of the token owner. Versions 0-3. */
  principalType: string;
  /** The name of the token owner. Versions 0-3. */
  principalName: string;
  /** The principal type of the requester of the token. Versions 3. */
  tokenRequesterPrincipalType: string;
  /** The principal type of the requester of the token. Versions 3. */
  tokenRequesterPrincipalName: string;
  /** When this token was generated. Versions 0-3. */
  issueTimestampMs: bigint;
  /** When this token expires. Versions 0-3. */
  expiryTimestampMs: bigint;
  /** The maximum lifetime of this token. Versions 0-3. */
  maxTimestampMs: bigint;
  /** The token UUID. Versions 0-3. */
  tokenId: string;
  /** HMAC of the delegation token. Versions 0-3. */
  hmac: Uint8Array;
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-3. */
  throttleTimeMs: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultCreateDelegationTokenResponse(): CreateDelegationTokenResponse {
  return {
    errorCode: 0,
    principalType: "",
    principalName: "",
    tokenRequesterPrincipalType: "",
    tokenRequesterPrincipalName: "",
    issueTimestampMs: 0n,
    expiryTimestampMs: 0n,
    maxTimestampMs: 0n,
    tokenId: "",
    hmac: EMPTY_BYTES,
    throttleTimeMs: 0,
  };
}

export function readCreateDelegationTokenResponse(r: Reader, v: number): CreateDelegationTokenResponse {
  const flex = v >= 2;
  const errorCode = r.int16();
  const principalType = (v >= 2 ? r.compactString() : r.string());
  const principalName = (v >= 2 ? r.compactString() : r.string());
  const tokenRequesterPrincipalType = (v === 3 ? r.compactString() : "");
  const tokenRequesterPrincipalName = (v === 3 ? r.compactString() : "");
  const issueTimestampMs = r.int64();
  const expiryTimestampMs = r.int64();
  const maxTimestampMs = r.int64();
  const tokenId = (v >= 2 ? r.compactString() : r.string());
  const hmac = (v >= 2 ? r.compactBytes() : r.bytes());
  const throttleTimeMs = r.int32();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: CreateDelegationTokenResponse = {
    errorCode,
    principalType,
    principalName,
    tokenRequesterPrincipalType,
    tokenRequesterPrincipalName,
    issueTimestampMs,
    expiryTimestampMs,
    maxTimestampMs,
    tokenId,
    hmac,
    throttleTimeMs,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeCreateDelegationTokenResponse(w: Writer, o: CreateDelegationTokenResponse, v: number): void {
  const flex = v >= 2;
  w.int16(o.errorCode);
  if (v >= 2) w.compactString(o.principalType); else w.string(o.principalType);
  if (v >= 2) w.compactString(o.principalName); else w.string(o.principalName);
  if (v === 3) {
    w.compactString(o.tokenRequesterPrincipalType);
  } else if (!(v === 3) && o.tokenRequesterPrincipalType !== "") {
    throw notInVersion("CreateDelegationTokenResponse.tokenRequesterPrincipalType", v);
  }
  if (v === 3) {
    w.compactString(o.tokenRequesterPrincipalName);
  } else if (!(v === 3) && o.tokenRequesterPrincipalName !== "") {
    throw notInVersion("CreateDelegationTokenResponse.tokenRequesterPrincipalName", v);
  }
  w.int64(o.issueTimestampMs);
  w.int64(o.expiryTimestampMs);
  w.int64(o.maxTimestampMs);
  if (v >= 2) w.compactString(o.tokenId); else w.string(o.tokenId);
  if (v >= 2) w.compactBytes(o.hmac); else w.bytes(o.hmac);
  w.int32(o.throttleTimeMs);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
