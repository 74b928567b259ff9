// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// RequestHeader (header): versions 0-2.

import { type Reader, type TaggedField, type Writer } from "../../codec/runtime.js";

export interface RequestHeader {
  /** The API key of this request. Versions 0-2. */
  requestApiKey: number;
  /** The API version of this request. Versions 0-2. */
  requestApiVersion: number;
  /** The correlation ID of this request. Versions 0-2. */
  correlationId: number;
  /** The client ID string. Versions 1-2; nullable in 1-2. */
  clientId: string | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultRequestHeader(): RequestHeader {
  return {
    requestApiKey: 0,
    requestApiVersion: 0,
    correlationId: 0,
    clientId: "",
  };
}

export function readRequestHeader(r: Reader, v: number): RequestHeader {
  const flex = v === 2;
  const requestApiKey = r.int16();
  const requestApiVersion = r.int16();
  const correlationId = r.int32();
  const clientId = (v >= 1 ? r.nullableString() : "");
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: RequestHeader = {
    requestApiKey,
    requestApiVersion,
    correlationId,
    clientId,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeRequestHeader(w: Writer, o: RequestHeader, v: number): void {
  const flex = v === 2;
  w.int16(o.requestApiKey);
  w.int16(o.requestApiVersion);
  w.int32(o.correlationId);
  if (v >= 1) {
    w.nullableString(o.clientId);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
