// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// Envelope (API key 58): stable versions 0, flexible from 0.

import { EMPTY_BYTES, type Reader, type TaggedField, type Writer } from "../../codec/runtime.js";

export interface EnvelopeRequest {
  /** The embedded request header and data. Versions 0. */
  requestData: Uint8Array;
  /** Value of the initial client principal when the request is redirected by a broker. Versions 0; nullable in 0. */
  requestPrincipal: Uint8Array | null;
  /** The original client's address in bytes. Versions 0. */
  clientHostAddress: Uint8Array;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultEnvelopeRequest(): EnvelopeRequest {
  return {
    requestData: EMPTY_BYTES,
    requestPrincipal: EMPTY_BYTES,
    clientHostAddress: EMPTY_BYTES,
  };
}

export function readEnvelopeRequest(r: Reader, v: number): EnvelopeRequest {
  const flex = true;
  const requestData = r.compactBytes();
  const requestPrincipal = r.compactNullableBytes();
  const clientHostAddress = r.compactBytes();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: EnvelopeRequest = {
    requestData,
    requestPrincipal,
    clientHostAddress,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeEnvelopeRequest(w: Writer, o: EnvelopeRequest, v: number): void {
  const flex = true;
  w.compactBytes(o.requestData);
  w.compactNullableBytes(o.requestPrincipal);
  w.compactBytes(o.clientHostAddress);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface EnvelopeResponse {
  /** The embedded response header and data. Versions 0; nullable in 0. */
  responseData: Uint8Array | null;
  /** The error code, or 0 if there was no error. Versions 0. */
  errorCode: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultEnvelopeResponse(): EnvelopeResponse {
  return {
    responseData: null,
    errorCode: 0,
  };
}

export function readEnvelopeResponse(r: Reader, v: number): EnvelopeResponse {
  const flex = true;
  const responseData = r.compactNullableBytes();
  const errorCode = r.int16();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: EnvelopeResponse = {
    responseData,
    errorCode,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeEnvelopeResponse(w: Writer, o: EnvelopeResponse, v: number): void {
  const flex = true;
  w.compactNullableBytes(o.responseData);
  w.int16(o.errorCode);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
