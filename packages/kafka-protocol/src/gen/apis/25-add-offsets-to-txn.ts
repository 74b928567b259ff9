// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// AddOffsetsToTxn (API key 25): stable versions 0-4, flexible from 3.

import { type Reader, type TaggedField, type Writer } from "../../codec/runtime.js";

export interface AddOffsetsToTxnRequest {
  /** The transactional id corresponding to the transaction. Versions 0-4; entity: transactionalId. */
  transactionalId: string;
  /** Current producer id in use by the transactional id. Versions 0-4; entity: producerId. */
  producerId: bigint;
  /** Current epoch associated with the producer id. Versions 0-4. */
  producerEpoch: number;
  /** The unique group identifier. Versions 0-4; entity: groupId. */
  groupId: string;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAddOffsetsToTxnRequest(): AddOffsetsToTxnRequest {
  return {
    transactionalId: "",
    producerId: 0n,
    producerEpoch: 0,
    groupId: "",
  };
}

export function readAddOffsetsToTxnRequest(r: Reader, v: number): AddOffsetsToTxnRequest {
  const flex = v >= 3;
  const transactionalId = (v >= 3 ? r.compactString() : r.string());
  const producerId = r.int64();
  const producerEpoch = r.int16();
  const groupId = (v >= 3 ? r.compactString() : r.string());
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AddOffsetsToTxnRequest = {
    transactionalId,
    producerId,
    producerEpoch,
    groupId,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAddOffsetsToTxnRequest(w: Writer, o: AddOffsetsToTxnRequest, v: number): void {
  const flex = v >= 3;
  if (v >= 3) w.compactString(o.transactionalId); else w.string(o.transactionalId);
  w.int64(o.producerId);
  w.int16(o.producerEpoch);
  if (v >= 3) w.compactString(o.groupId); else w.string(o.groupId);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AddOffsetsToTxnResponse {
  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-4. */
  throttleTimeMs: number;
  /** The response error code, or 0 if there was no error. Versions 0-4. */
  errorCode: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAddOffsetsToTxnResponse(): AddOffsetsToTxnResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
  };
}

export function readAddOffsetsToTxnResponse(r: Reader, v: number): AddOffsetsToTxnResponse {
  const flex = v >= 3;
  const throttleTimeMs = r.int32();
  const errorCode = r.int16();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AddOffsetsToTxnResponse = {
    throttleTimeMs,
    errorCode,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAddOffsetsToTxnResponse(w: Writer, o: AddOffsetsToTxnResponse, v: number): void {
  const flex = v >= 3;
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
