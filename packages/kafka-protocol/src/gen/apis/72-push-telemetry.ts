// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// PushTelemetry (API key 72): stable versions 0, flexible from 0.

import { EMPTY_BYTES, type Reader, type TaggedField, type Uuid, type Writer, ZERO_UUID } from "../../codec/runtime.js";

export interface PushTelemetryRequest {
  /** Unique id for this client instance. Versions 0. */
  clientInstanceId: Uuid;
  /** Unique identifier for the current subscription. Versions 0. */
  subscriptionId: number;
  /** Client is terminating the connection. Versions 0. */
  terminating: boolean;
  /** Compression codec used to compress the metrics. Versions 0. */
  compressionType: number;
  /** Metrics encoded in OpenTelemetry MetricsData v1 protobuf format. Versions 0. */
  metrics: Uint8Array;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultPushTelemetryRequest(): PushTelemetryRequest {
  return {
    clientInstanceId: ZERO_UUID,
    subscriptionId: 0,
    terminating: false,
    compressionType: 0,
    metrics: EMPTY_BYTES,
  };
}

export function readPushTelemetryRequest(r: Reader, v: number): PushTelemetryRequest {
  const flex = true;
  const clientInstanceId = r.uuid();
  const subscriptionId = r.int32();
  const terminating = r.bool();
  const compressionType = r.int8();
  const metrics = r.compactBytes();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: PushTelemetryRequest = {
    clientInstanceId,
    subscriptionId,
    terminating,
    compressionType,
    metrics,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writePushTelemetryRequest(w: Writer, o: PushTelemetryRequest, v: number): void {
  const flex = true;
  w.uuid(o.clientInstanceId);
  w.int32(o.subscriptionId);
  w.bool(o.terminating);
  w.int8(o.compressionType);
  w.compactBytes(o.metrics);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface PushTelemetryResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. Versions 0. */
  errorCode: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultPushTelemetryResponse(): PushTelemetryResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
  };
}

export function readPushTelemetryResponse(r: Reader, v: number): PushTelemetryResponse {
  const flex = true;
  const throttleTimeMs = r.int32();
  const errorCode = r.int16();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: PushTelemetryResponse = {
    throttleTimeMs,
    errorCode,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writePushTelemetryResponse(w: Writer, o: PushTelemetryResponse, v: number): void {
  const flex = true;
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
