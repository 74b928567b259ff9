// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// AllocateProducerIds (API key 67): stable versions 0, flexible from 0.

import { type Reader, type TaggedField, type Writer } from "../../codec/runtime.js";

export interface AllocateProducerIdsRequest {
  /** The ID of the requesting broker Versions 0; entity: brokerId. */
  brokerId: number;
  /** The epoch of the requesting broker Versions 0. */
  brokerEpoch: bigint;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAllocateProducerIdsRequest(): AllocateProducerIdsRequest {
  return {
    brokerId: 0,
    brokerEpoch: -1n,
  };
}

export function readAllocateProducerIdsRequest(r: Reader, v: number): AllocateProducerIdsRequest {
  const flex = true;
  const brokerId = r.int32();
  const brokerEpoch = r.int64();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AllocateProducerIdsRequest = {
    brokerId,
    brokerEpoch,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAllocateProducerIdsRequest(w: Writer, o: AllocateProducerIdsRequest, v: number): void {
  const flex = true;
  w.int32(o.brokerId);
  w.int64(o.brokerEpoch);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AllocateProducerIdsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0. */
  throttleTimeMs: number;
  /** The top level response error code Versions 0. */
  errorCode: number;
  /** The first producer ID in this range, inclusive Versions 0; entity: producerId. */
  producerIdStart: bigint;
  /** The number of producer IDs in this range Versions 0. */
  producerIdLen: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAllocateProducerIdsResponse(): AllocateProducerIdsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    producerIdStart: 0n,
    producerIdLen: 0,
  };
}

export function readAllocateProducerIdsResponse(r: Reader, v: number): AllocateProducerIdsResponse {
  const flex = true;
  const throttleTimeMs = r.int32();
  const errorCode = r.int16();
  const producerIdStart = r.int64();
  const producerIdLen = r.int32();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AllocateProducerIdsResponse = {
    throttleTimeMs,
    errorCode,
    producerIdStart,
    producerIdLen,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAllocateProducerIdsResponse(w: Writer, o: AllocateProducerIdsResponse, v: number): void {
  const flex = true;
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  w.int64(o.producerIdStart);
  w.int32(o.producerIdLen);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
