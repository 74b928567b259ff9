// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// GetTelemetrySubscriptions (API key 71): stable versions 0, flexible from 0.

import { type Reader, type TaggedField, type Uuid, type Writer, ZERO_UUID, readArray, readElementString, readElement_int8, writeArray, writeElementString, writeElement_int8 } from "../../codec/runtime.js";

export interface GetTelemetrySubscriptionsRequest {
  /** Unique id for this client instance, must be set to 0 on the first request. Versions 0. */
  clientInstanceId: Uuid;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultGetTelemetrySubscriptionsRequest(): GetTelemetrySubscriptionsRequest {
  return {
    clientInstanceId: ZERO_UUID,
  };
}

export function readGetTelemetrySubscriptionsRequest(r: Reader, v: number): GetTelemetrySubscriptionsRequest {
  const flex = true;
  const clientInstanceId = r.uuid();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: GetTelemetrySubscriptionsRequest = {
    clientInstanceId,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeGetTelemetrySubscriptionsRequest(w: Writer, o: GetTelemetrySubscriptionsRequest, v: number): void {
  const flex = true;
  w.uuid(o.clientInstanceId);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface GetTelemetrySubscriptionsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. Versions 0. */
  errorCode: number;
  /** Assigned client instance id if ClientInstanceId was 0 in the request, else 0. Versions 0. */
  clientInstanceId: Uuid;
  /** Unique identifier for the current subscription set for this client instance. Versions 0. */
  subscriptionId: number;
  /** Compression types that broker accepts for the PushTelemetryRequest. Versions 0. */
  acceptedCompressionTypes: number[];
  /** Configured push interval, which is the lowest configured interval in the current subscription set. Versions 0. */
  pushIntervalMs: number;
  /** The maximum bytes of binary data the broker accepts in PushTelemetryRequest. Versions 0. */
  telemetryMaxBytes: number;
  /** Flag to indicate monotonic/counter metrics are to be emitted as deltas or cumulative values Versions 0. */
  deltaTemporality: boolean;
  /** Requested metrics prefix string match. Empty array: No metrics subscribed, Array[0] empty string: All metrics subscribed. Versions 0. */
  requestedMetrics: string[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultGetTelemetrySubscriptionsResponse(): GetTelemetrySubscriptionsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    clientInstanceId: ZERO_UUID,
    subscriptionId: 0,
    acceptedCompressionTypes: [],
    pushIntervalMs: 0,
    telemetryMaxBytes: 0,
    deltaTemporality: false,
    requestedMetrics: [],
  };
}

export function readGetTelemetrySubscriptionsResponse(r: Reader, v: number): GetTelemetrySubscriptionsResponse {
  const flex = true;
  const throttleTimeMs = r.int32();
  const errorCode = r.int16();
  const clientInstanceId = r.uuid();
  const subscriptionId = r.int32();
  const acceptedCompressionTypes = readArray(r, v, true, false, 1, readElement_int8);
  const pushIntervalMs = r.int32();
  const telemetryMaxBytes = r.int32();
  const deltaTemporality = r.bool();
  const requestedMetrics = readArray(r, v, true, false, 1, readElementString);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: GetTelemetrySubscriptionsResponse = {
    throttleTimeMs,
    errorCode,
    clientInstanceId,
    subscriptionId,
    acceptedCompressionTypes,
    pushIntervalMs,
    telemetryMaxBytes,
    deltaTemporality,
    requestedMetrics,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeGetTelemetrySubscriptionsResponse(w: Writer, o: GetTelemetrySubscriptionsResponse, v: number): void {
  const flex = true;
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  w.uuid(o.clientInstanceId);
  w.int32(o.subscriptionId);
  writeArray(w, v, true, o.acceptedCompressionTypes, writeElement_int8);
  w.int32(o.pushIntervalMs);
  w.int32(o.telemetryMaxBytes);
  w.bool(o.deltaTemporality);
  writeArray(w, v, true, o.requestedMetrics, writeElementString);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
