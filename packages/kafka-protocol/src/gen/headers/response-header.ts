// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// ResponseHeader (header): versions 0-1.

import { type Reader, type TaggedField, type Writer } from "../../codec/runtime.js";

export interface ResponseHeader {
  /** The correlation ID of this response. Versions 0-1. */
  correlationId: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultResponseHeader(): ResponseHeader {
  return {
    correlationId: 0,
  };
}

export function readResponseHeader(r: Reader, v: number): ResponseHeader {
  const flex = v === 1;
  const correlationId = r.int32();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ResponseHeader = {
    correlationId,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeResponseHeader(w: Writer, o: ResponseHeader, v: number): void {
  const flex = v === 1;
  w.int32(o.correlationId);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
