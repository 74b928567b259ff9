// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// ControllerRegistration (API key 70): stable versions 0, flexible from 0.

import { type Reader, type TaggedField, type Uuid, type Writer, ZERO_UUID, readArray, writeArray } from "../../codec/runtime.js";

export interface ControllerRegistrationRequestListener {
  /** The name of the endpoint. Versions 0; map key. */
  name: string;
  /** The hostname. Versions 0. */
  host: string;
  /** The port. Versions 0. */
  port: number;
  /** The security protocol. Versions 0. */
  securityProtocol: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultControllerRegistrationRequestListener(): ControllerRegistrationRequestListener {
  return {
    name: "",
    host: "",
    port: 0,
    securityProtocol: 0,
  };
}

export function readControllerRegistrationRequestListener(r: Reader, v: number): ControllerRegistrationRequestListener {
  const flex = true;
  const name = r.compactString();
  const host = r.compactString();
  const port = r.uint16();
  const securityProtocol = r.int16();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ControllerRegistrationRequestListener = {
    name,
    host,
    port,
    securityProtocol,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeControllerRegistrationRequestListener(w: Writer, o: ControllerRegistrationRequestListener, v: number): void {
  const flex = true;
  w.compactString(o.name);
  w.compactString(o.host);
  w.uint16(o.port);
  w.int16(o.securityProtocol);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ControllerRegistrationRequestFeature {
  /** The feature name. Versions 0; map key. */
  name: string;
  /** The minimum supported feature level. Versions 0. */
  minSupportedVersion: number;
  /** The maximum supported feature level. Versions 0. */
  maxSupportedVersion: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultControllerRegistrationRequestFeature(): ControllerRegistrationRequestFeature {
  return {
    name: "",
    minSupportedVersion: 0,
    maxSupportedVersion: 0,
  };
}

export function readControllerRegistrationRequestFeature(r: Reader, v: number): ControllerRegistrationRequestFeature {
  const flex = true;
  const name = r.compactString();
  const minSupportedVersion = r.int16();
  const maxSupportedVersion = r.int16();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ControllerRegistrationRequestFeature = {
    name,
    minSupportedVersion,
    maxSupportedVersion,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeControllerRegistrationRequestFeature(w: Writer, o: ControllerRegistrationRequestFeature, v: number): void {
  const flex = true;
  w.compactString(o.name);
  w.int16(o.minSupportedVersion);
  w.int16(o.maxSupportedVersion);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ControllerRegistrationRequest {
  /** The ID of the controller to register. Versions 0. */
  controllerId: number;
  /** The controller incarnation ID, which is unique to each process run. Versions 0. */
  incarnationId: Uuid;
  /** Set if the required configurations for ZK migration are present. Versions 0. */
  zkMigrationReady: boolean;
  /** The listeners of this controller Versions 0. */
  listeners: ControllerRegistrationRequestListener[];
  /** The features on this controller Versions 0. */
  features: ControllerRegistrationRequestFeature[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultControllerRegistrationRequest(): ControllerRegistrationRequest {
  return {
    controllerId: 0,
    incarnationId: ZERO_UUID,
    zkMigrationReady: false,
    listeners: [],
    features: [],
  };
}

export function readControllerRegistrationRequest(r: Reader, v: number): ControllerRegistrationRequest {
  const flex = true;
  const controllerId = r.int32();
  const incarnationId = r.uuid();
  const zkMigrationReady = r.bool();
  const listeners = readArray(r, v, true, false, 6, readControllerRegistrationRequestListener);
  const features = readArray(r, v, true, false, 5, readControllerRegistrationRequestFeature);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ControllerRegistrationRequest = {
    controllerId,
    incarnationId,
    zkMigrationReady,
    listeners,
    features,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeControllerRegistrationRequest(w: Writer, o: ControllerRegistrationRequest, v: number): void {
  const flex = true;
  w.int32(o.controllerId);
  w.uuid(o.incarnationId);
  w.bool(o.zkMigrationReady);
  writeArray(w, v, true, o.listeners, writeControllerRegistrationRequestListener);
  writeArray(w, v, true, o.features, writeControllerRegistrationRequestFeature);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ControllerRegistrationResponse {
  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0. */
  throttleTimeMs: number;
  /** The response error code. Versions 0. */
  errorCode: number;
  /** The response error message, or null if there was no error. Versions 0; nullable in 0. */
  errorMessage: string | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultControllerRegistrationResponse(): ControllerRegistrationResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
  };
}

export function readControllerRegistrationResponse(r: Reader, v: number): ControllerRegistrationResponse {
  const flex = true;
  const throttleTimeMs = r.int32();
  const errorCode = r.int16();
  const errorMessage = r.compactNullableString();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ControllerRegistrationResponse = {
    throttleTimeMs,
    errorCode,
    errorMessage,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeControllerRegistrationResponse(w: Writer, o: ControllerRegistrationResponse, v: number): void {
  const flex = true;
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
