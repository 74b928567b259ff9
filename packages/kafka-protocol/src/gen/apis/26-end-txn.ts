// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// EndTxn (API key 26): stable versions 0-4, flexible from 3.

import { type Reader, type TaggedField, type Writer } from "../../codec/runtime.js";

export interface EndTxnRequest {
  /** The ID of the transaction to end. Versions 0-4; entity: transactionalId. */
  transactionalId: string;
  /** The producer ID. Versions 0-4; entity: producerId. */
  producerId: bigint;
  /** The current epoch associated with the producer. Versions 0-4. */
  producerEpoch: number;
  /** True if the transaction was committed, false if it was aborted. Versions 0-4. */
  committed: boolean;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultEndTxnRequest(): EndTxnRequest {
  return {
    transactionalId: "",
    producerId: 0n,
    producerEpoch: 0,
    committed: false,
  };
}

export function readEndTxnRequest(r: Reader, v: number): EndTxnRequest {
  const flex = v >= 3;
  const transactionalId = (v >= 3 ? r.compactString() : r.string());
  const producerId = r.int64();
  const producerEpoch = r.int16();
  const committed = r.bool();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: EndTxnRequest = {
    transactionalId,
    producerId,
    producerEpoch,
    committed,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeEndTxnRequest(w: Writer, o: EndTxnRequest, v: number): void {
  const flex = v >= 3;
  if (v >= 3) w.compactString(o.transactionalId); else w.string(o.transactionalId);
  w.int64(o.producerId);
  w.int16(o.producerEpoch);
  w.bool(o.committed);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface EndTxnResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-4. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. Versions 0-4. */
  errorCode: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultEndTxnResponse(): EndTxnResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
  };
}

export function readEndTxnResponse(r: Reader, v: number): EndTxnResponse {
  const flex = v >= 3;
  const throttleTimeMs = r.int32();
  const errorCode = r.int16();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: EndTxnResponse = {
    throttleTimeMs,
    errorCode,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeEndTxnResponse(w: Writer, o: EndTxnResponse, v: number): void {
  const flex = v >= 3;
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
