// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// DescribeDelegationToken (API key 41): stable versions 0-3, flexible from 2.

import { EMPTY_BYTES, type Reader, type TaggedField, type Writer, notInVersion, readArray, writeArray } from "../../codec/runtime.js";

export interface DescribeDelegationTokenRequestDescribeDelegationTokenOwner {
  /** The owner principal type. Versions 0-3. */
  principalType: string;
  /** The owner principal name. Versions 0-3. */
  principalName: string;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeDelegationTokenRequestDescribeDelegationTokenOwner(): DescribeDelegationTokenRequestDescribeDelegationTokenOwner {
  return {
    principalType: "",
    principalName: "",
  };
}

export function readDescribeDelegationTokenRequestDescribeDelegationTokenOwner(r: Reader, v: number): DescribeDelegationTokenRequestDescribeDelegationTokenOwner {
  const flex = v >= 2;
  const principalType = (v >= 2 ? r.compactString() : r.string());
  const principalName = (v >= 2 ? r.compactString() : r.string());
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeDelegationTokenRequestDescribeDelegationTokenOwner = {
    principalType,
    principalName,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeDelegationTokenRequestDescribeDelegationTokenOwner(w: Writer, o: DescribeDelegationTokenRequestDescribeDelegationTokenOwner, v: number): void {
  const flex = v >= 2;
  if (v >= 2) w.compactString(o.principalType); else w.string(o.principalType);
  if (v >= 2) w.compactString(o.principalName); else w.string(o.principalName);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeDelegationTokenRequest {
  /** Each owner that we want to describe delegation tokens for, or null to describe all tokens. Versions 0-3; nullable in 0-3. */
  owners: DescribeDelegationTokenRequestDescribeDelegationTokenOwner[] | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeDelegationTokenRequest(): DescribeDelegationTokenRequest {
  return {
    owners: [],
  };
}

export function readDescribeDelegationTokenRequest(r: Reader, v: number): DescribeDelegationTokenRequest {
  const flex = v >= 2;
  const owners = readArray(r, v, v >= 2, true, 2, readDescribeDelegationTokenRequestDescribeDelegationTokenOwner);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeDelegationTokenRequest = {
    owners,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeDelegationTokenRequest(w: Writer, o: DescribeDelegationTokenRequest, v: number): void {
  const flex = v >= 2;
  writeArray(w, v, v >= 2, o.owners, writeDescribeDelegationTokenRequestDescribeDelegationTokenOwner);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeDelegationTokenResponseDescribedDelegationTokenRenewer {
  /** The renewer principal type Versions 0-3. */
  principalType: string;
  /** The renewer principal name Versions 0-3. */
  principalName: string;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeDelegationTokenResponseDescribedDelegationTokenRenewer(): DescribeDelegationTokenResponseDescribedDelegationTokenRenewer {
  return {
    principalType: "",
    principalName: "",
  };
}

export function readDescribeDelegationTokenResponseDescribedDelegationTokenRenewer(r: Reader, v: number): DescribeDelegationTokenResponseDescribedDelegationTokenRenewer {
  const flex = v >= 2;
  const principalType = (v >= 2 ? r.compactString() : r.string());
  const principalName = (v >= 2 ? r.compactString() : r.string());
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeDelegationTokenResponseDescribedDelegationTokenRenewer = {
    principalType,
    principalName,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeDelegationTokenResponseDescribedDelegationTokenRenewer(w: Writer, o: DescribeDelegationTokenResponseDescribedDelegationTokenRenewer, v: number): void {
  const flex = v >= 2;
  if (v >= 2) w.compactString(o.principalType); else w.string(o.principalType);
  if (v >= 2) w.compactString(o.principalName); else w.string(o.principalName);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeDelegationTokenResponseDescribedDelegationToken {
  /** The token principal type. Versions 0-3. */
  principalType: string;
  /** The token principal name. Versions 0-3. */
  principalName: string;
  /** The principal type of the requester of the token. Versions 3. */
  tokenRequesterPrincipalType: string;
  /** The principal type of the requester of the token. Versions 3. */
  tokenRequesterPrincipalName: string;
  /** The token issue timestamp in milliseconds. Versions 0-3. */
  issueTimestamp: bigint;
  /** The token expiry timestamp in milliseconds. Versions 0-3. */
  expiryTimestamp: bigint;
  /** The token maximum timestamp length in milliseconds. Versions 0-3. */
  maxTimestamp: bigint;
  /** The token ID. Versions 0-3. */
  tokenId: string;
  /** The token HMAC. Versions 0-3. */
  hmac: Uint8Array;
  /** Those who are able to renew this token before it expires. Versions 0-3. */
  renewers: DescribeDelegationTokenResponseDescribedDelegationTokenRenewer[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeDelegationTokenResponseDescribedDelegationToken(): DescribeDelegationTokenResponseDescribedDelegationToken {
  return {
    principalType: "",
    principalName: "",
    tokenRequesterPrincipalType: "",
    tokenRequesterPrincipalName: "",
    issueTimestamp: 0n,
    expiryTimestamp: 0n,
    maxTimestamp: 0n,
    tokenId: "",
    hmac: EMPTY_BYTES,
    renewers: [],
  };
}

export function readDescribeDelegationTokenResponseDescribedDelegationToken(r: Reader, v: number): DescribeDelegationTokenResponseDescribedDelegationToken {
  const flex = v >= 2;
  const principalType = (v >= 2 ? r.compactString() : r.string());
  const principalName = (v >= 2 ? r.compactString() : r.string());
  const tokenRequesterPrincipalType = (v === 3 ? r.compactString() : "");
  const tokenRequesterPrincipalName = (v === 3 ? r.compactString() : "");
  const issueTimestamp = r.int64();
  const expiryTimestamp = r.int64();
  const maxTimestamp = r.int64();
  const tokenId = (v >= 2 ? r.compactString() : r.string());
  const hmac = (v >= 2 ? r.compactBytes() : r.bytes());
  const renewers = readArray(r, v, v >= 2, false, 2, readDescribeDelegationTokenResponseDescribedDelegationTokenRenewer);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeDelegationTokenResponseDescribedDelegationToken = {
    principalType,
    principalName,
    tokenRequesterPrincipalType,
    tokenRequesterPrincipalName,
    issueTimestamp,
    expiryTimestamp,
    maxTimestamp,
    tokenId,
    hmac,
    renewers,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeDelegationTokenResponseDescribedDelegationToken(w: Writer, o: DescribeDelegationTokenResponseDescribedDelegationToken, v: number): void {
  const flex = v >= 2;
  if (v >= 2) w.compactString(o.principalType); else w.string(o.principalType);
  if (v >= 2) w.compactString(o.principalName); else w.string(o.principalName);
  if (v === 3) {
    w.compactString(o.tokenRequesterPrincipalType);
  } else if (!(v === 3) && o.tokenRequesterPrincipalType !== "") {
    throw notInVersion("DescribeDelegationTokenResponseDescribedDelegationToken.tokenRequesterPrincipalType", v);
  }
  if (v === 3) {
    w.compactString(o.tokenRequesterPrincipalName);
  } else if (!(v === 3) && o.tokenRequesterPrincipalName !== "") {
    throw notInVersion("DescribeDelegationTokenResponseDescribedDelegationToken.tokenRequesterPrincipalName", v);
  }
  w.int64(o.issueTimestamp);
  w.int64(o.expiryTimestamp);
  w.int64(o.maxTimestamp);
  if (v >= 2) w.compactString(o.tokenId); else w.string(o.tokenId);
  if (v >= 2) w.compactBytes(o.hmac); else w.bytes(o.hmac);
  writeArray(w, v, v >= 2, o.renewers, writeDescribeDelegationTokenResponseDescribedDelegationTokenRenewer);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeDelegationTokenResponse {
  /** The error code, or 0 if there was no error. Versions 0-3. */
  errorCode: number;
  /** The tokens. Versions 0-3. */
  tokens: DescribeDelegationTokenResponseDescribedDelegationToken[];
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-3. */
  throttleTimeMs: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeDelegationTokenResponse(): DescribeDelegationTokenResponse {
  return {
    errorCode: 0,
    tokens: [],
    throttleTimeMs: 0,
  };
}

export function readDescribeDelegationTokenResponse(r: Reader, v: number): DescribeDelegationTokenResponse {
  const flex = v >= 2;
  const errorCode = r.int16();
  const tokens = readArray(r, v, v >= 2, false, 29, readDescribeDelegationTokenResponseDescribedDelegationToken);
  const throttleTimeMs = r.int32();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeDelegationTokenResponse = {
    errorCode,
    tokens,
    throttleTimeMs,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeDelegationTokenResponse(w: Writer, o: DescribeDelegationTokenResponse, v: number): void {
  const flex = v >= 2;
  w.int16(o.errorCode);
  writeArray(w, v, v >= 2, o.tokens, writeDescribeDelegationTokenResponseDescribedDelegationToken);
  w.int32(o.throttleTimeMs);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
