// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// InitProducerId (API key 22): stable versions 0-5, flexible from 2.

import { type Reader, type TaggedField, type Writer, notInVersion } from "../../codec/runtime.js";

export interface InitProducerIdRequest {
  /** The transactional id, or null if the producer is not transactional. Versions 0-5; nullable in 0-5; entity: transactionalId. */
  transactionalId: string | null;
  /** The time in ms to wait before aborting idle transactions sent by this producer. This is only relevant if a TransactionalId has been defined. Versions 0-5. */
  transactionTimeoutMs: number;
  /** The producer id. This is used to disambiguate requests if a transactional id is reused following its expiration. Versions 3-5; entity: producerId. */
  producerId: bigint;
  /** The producer's current epoch. This will be checked against the producer epoch on the broker, and the request will return an error if they do not match. Versions 3-5. */
  producerEpoch: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultInitProducerIdRequest(): InitProducerIdRequest {
  return {
    transactionalId: "",
    transactionTimeoutMs: 0,
    producerId: -1n,
    producerEpoch: -1,
  };
}

export function readInitProducerIdRequest(r: Reader, v: number): InitProducerIdRequest {
  const flex = v >= 2;
  const transactionalId = (v >= 2 ? r.compactNullableString() : r.nullableString());
  const transactionTimeoutMs = r.int32();
  const producerId = (v >= 3 ? r.int64() : -1n);
  const producerEpoch = (v >= 3 ? r.int16() : -1);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: InitProducerIdRequest = {
    transactionalId,
    transactionTimeoutMs,
    producerId,
    producerEpoch,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeInitProducerIdRequest(w: Writer, o: InitProducerIdRequest, v: number): void {
  const flex = v >= 2;
  if (v >= 2) w.compactNullableString(o.transactionalId); else w.nullableString(o.transactionalId);
  w.int32(o.transactionTimeoutMs);
  if (v >= 3) {
    w.int64(o.producerId);
  } else if (!(v >= 3) && o.producerId !== -1n) {
    throw notInVersion("InitProducerIdRequest.producerId", v);
  }
  if (v >= 3) {
    w.int16(o.producerEpoch);
  } else if (!(v >= 3) && o.producerEpoch !== -1) {
    throw notInVersion("InitProducerIdRequest.producerEpoch", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface InitProducerIdResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-5. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. Versions 0-5. */
  errorCode: number;
  /** The current producer id. Versions 0-5; entity: producerId. */
  producerId: bigint;
  /** The current epoch associated with the producer id. Versions 0-5. */
  producerEpoch: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultInitProducerIdResponse(): InitProducerIdResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    producerId: -1n,
    producerEpoch: 0,
  };
}

export function readInitProducerIdResponse(r: Reader, v: number): InitProducerIdResponse {
  const flex = v >= 2;
  const throttleTimeMs = r.int32();
  const errorCode = r.int16();
  const producerId = r.int64();
  const producerEpoch = r.int16();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: InitProducerIdResponse = {
    throttleTimeMs,
    errorCode,
    producerId,
    producerEpoch,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeInitProducerIdResponse(w: Writer, o: InitProducerIdResponse, v: number): void {
  const flex = v >= 2;
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  w.int64(o.producerId);
  w.int16(o.producerEpoch);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
