// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// SaslHandshake (API key 17): stable versions 0-1, never flexible.

import { type Reader, type Writer, readArray, readElementString, writeArray, writeElementString } from "../../codec/runtime.js";

export interface SaslHandshakeRequest {
  /** The SASL mechanism chosen by the client. Versions 0-1. */
  mechanism: string;
}

export function defaultSaslHandshakeRequest(): SaslHandshakeRequest {
  return {
    mechanism: "",
  };
}

export function readSaslHandshakeRequest(r: Reader, v: number): SaslHandshakeRequest {
  const mechanism = r.string();
  const o: SaslHandshakeRequest = {
    mechanism,
  };
  return o;
}

export function writeSaslHandshakeRequest(w: Writer, o: SaslHandshakeRequest, v: number): void {
  w.string(o.mechanism);
}

export interface SaslHandshakeResponse {
  /** The error code, or 0 if there was no error. Versions 0-1. */
  errorCode: number;
  /** The mechanisms enabled in the server. Versions 0-1. */
  mechanisms: string[];
}

export function defaultSaslHandshakeResponse(): SaslHandshakeResponse {
  return {
    errorCode: 0,
    mechanisms: [],
  };
}

export function readSaslHandshakeResponse(r: Reader, v: number): SaslHandshakeResponse {
  const errorCode = r.int16();
  const mechanisms = readArray(r, v, false, false, 2, readElementString);
  const o: SaslHandshakeResponse = {
    errorCode,
    mechanisms,
  };
  return o;
}

export function writeSaslHandshakeResponse(w: Writer, o: SaslHandshakeResponse, v: number): void {
  w.int16(o.errorCode);
  writeArray(w, v, false, o.mechanisms, writeElementString);
}
