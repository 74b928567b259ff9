// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// DescribeUserScramCredentials (API key 50): stable versions 0, flexible from 0.

import { type Reader, type TaggedField, type Writer, readArray, writeArray } from "../../codec/runtime.js";

export interface DescribeUserScramCredentialsRequestUserName {
  /** The user name. Versions 0. */
  name: string;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeUserScramCredentialsRequestUserName(): DescribeUserScramCredentialsRequestUserName {
  return {
    name: "",
  };
}

export function readDescribeUserScramCredentialsRequestUserName(r: Reader, v: number): DescribeUserScramCredentialsRequestUserName {
  const flex = true;
  const name = r.compactString();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeUserScramCredentialsRequestUserName = {
    name,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeUserScramCredentialsRequestUserName(w: Writer, o: DescribeUserScramCredentialsRequestUserName, v: number): void {
  const flex = true;
  w.compactString(o.name);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeUserScramCredentialsRequest {
  /** The users to describe, or null/empty to describe all users. Versions 0; nullable in 0. */
  users: DescribeUserScramCredentialsRequestUserName[] | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeUserScramCredentialsRequest(): DescribeUserScramCredentialsRequest {
  return {
    users: [],
  };
}

export function readDescribeUserScramCredentialsRequest(r: Reader, v: number): DescribeUserScramCredentialsRequest {
  const flex = true;
  const users = readArray(r, v, true, true, 1, readDescribeUserScramCredentialsRequestUserName);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeUserScramCredentialsRequest = {
    users,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeUserScramCredentialsRequest(w: Writer, o: DescribeUserScramCredentialsRequest, v: number): void {
  const flex = true;
  writeArray(w, v, true, o.users, writeDescribeUserScramCredentialsRequestUserName);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeUserScramCredentialsResponseCredentialInfo {
  /** The SCRAM mechanism. Versions 0. */
  mechanism: number;
  /** The number of iterations used in the SCRAM credential. Versions 0. */
  iterations: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeUserScramCredentialsResponseCredentialInfo(): DescribeUserScramCredentialsResponseCredentialInfo {
  return {
    mechanism: 0,
    iterations: 0,
  };
}

export function readDescribeUserScramCredentialsResponseCredentialInfo(r: Reader, v: number): DescribeUserScramCredentialsResponseCredentialInfo {
  const flex = true;
  const mechanism = r.int8();
  const iterations = r.int32();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeUserScramCredentialsResponseCredentialInfo = {
    mechanism,
    iterations,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeUserScramCredentialsResponseCredentialInfo(w: Writer, o: DescribeUserScramCredentialsResponseCredentialInfo, v: number): void {
  const flex = true;
  w.int8(o.mechanism);
  w.int32(o.iterations);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult {
  /** The user name. Versions 0. */
  user: string;
  /** The user-level error code. Versions 0. */
  errorCode: number;
  /** The user-level error message, if any. Versions 0; nullable in 0. */
  errorMessage: string | null;
  /** The mechanism and related information associated with the user's SCRAM credentials. Versions 0. */
  credentialInfos: DescribeUserScramCredentialsResponseCredentialInfo[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult(): DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult {
  return {
    user: "",
    errorCode: 0,
    errorMessage: "",
    credentialInfos: [],
  };
}

export function readDescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult(r: Reader, v: number): DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult {
  const flex = true;
  const user = r.compactString();
  const errorCode = r.int16();
  const errorMessage = r.compactNullableString();
  const credentialInfos = readArray(r, v, true, false, 5, readDescribeUserScramCredentialsResponseCredentialInfo);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult = {
    user,
    errorCode,
    errorMessage,
    credentialInfos,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult(w: Writer, o: DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult, v: number): void {
  const flex = true;
  w.compactString(o.user);
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  writeArray(w, v, true, o.credentialInfos, writeDescribeUserScramCredentialsResponseCredentialInfo);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeUserScramCredentialsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0. */
  throttleTimeMs: number;
  /** The message-level error code, 0 except for user authorization or infrastructure issues. Versions 0. */
  errorCode: number;
  /** The message-level error message, if any. Versions 0; nullable in 0. */
  errorMessage: string | null;
  /** The results for descriptions, one per user. Versions 0. */
  results: DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeUserScramCredentialsResponse(): DescribeUserScramCredentialsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
    results: [],
  };
}

export function readDescribeUserScramCredentialsResponse(r: Reader, v: number): DescribeUserScramCredentialsResponse {
  const flex = true;
  const throttleTimeMs = r.int32();
  const errorCode = r.int16();
  const errorMessage = r.compactNullableString();
  const results = readArray(r, v, true, false, 5, readDescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeUserScramCredentialsResponse = {
    throttleTimeMs,
    errorCode,
    errorMessage,
    results,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeUserScramCredentialsResponse(w: Writer, o: DescribeUserScramCredentialsResponse, v: number): void {
  const flex = true;
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  writeArray(w, v, true, o.results, writeDescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
