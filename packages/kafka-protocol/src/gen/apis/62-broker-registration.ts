// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// BrokerRegistration (API key 62): stable versions 0-4, flexible from 0.

import { type Reader, type TaggedField, type Uuid, type Writer, ZERO_UUID, notInVersion, readArray, readElement_uuid, writeArray, writeElement_uuid } from "../../codec/runtime.js";

export interface BrokerRegistrationRequestListener {
  /** The name of the endpoint. Versions 0-4; map key. */
  name: string;
  /** The hostname. Versions 0-4. */
  host: string;
  /** The port. Versions 0-4. */
  port: number;
  /** The security protocol. Versions 0-4. */
  securityProtocol: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultBrokerRegistrationRequestListener(): BrokerRegistrationRequestListener {
  return {
    name: "",
    host: "",
    port: 0,
    securityProtocol: 0,
  };
}

export function readBrokerRegistrationRequestListener(r: Reader, v: number): BrokerRegistrationRequestListener {
  const flex = true;
  const name = r.compactString();
  const host = r.compactString();
  const port = r.uint16();
  const securityProtocol = r.int16();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: BrokerRegistrationRequestListener = {
    name,
    host,
    port,
    securityProtocol,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeBrokerRegistrationRequestListener(w: Writer, o: BrokerRegistrationRequestListener, v: number): void {
  const flex = true;
  w.compactString(o.name);
  w.compactString(o.host);
  w.uint16(o.port);
  w.int16(o.securityProtocol);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface BrokerRegistrationRequestFeature {
  /** The feature name. Versions 0-4; map key. */
  name: string;
  /** The minimum supported feature level. Versions 0-4. */
  minSupportedVersion: number;
  /** The maximum supported feature level. Versions 0-4. */
  maxSupportedVersion: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultBrokerRegistrationRequestFeature(): BrokerRegistrationRequestFeature {
  return {
    name: "",
    minSupportedVersion: 0,
    maxSupportedVersion: 0,
  };
}

export function readBrokerRegistrationRequestFeature(r: Reader, v: number): BrokerRegistrationRequestFeature {
  const flex = true;
  const name = r.compactString();
  const minSupportedVersion = r.int16();
  const maxSupportedVersion = r.int16();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: BrokerRegistrationRequestFeature = {
    name,
    minSupportedVersion,
    maxSupportedVersion,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeBrokerRegistrationRequestFeature(w: Writer, o: BrokerRegistrationRequestFeature, v: number): void {
  const flex = true;
  w.compactString(o.name);
  w.int16(o.minSupportedVersion);
  w.int16(o.maxSupportedVersion);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface BrokerRegistrationRequest {
  /** The broker ID. Versions 0-4; entity: brokerId. */
  brokerId: number;
  /** The cluster id of the broker process. Versions 0-4. */
  clusterId: string;
  /** The incarnation id of the broker process. Versions 0-4. */
  incarnationId: Uuid;
  /** The listeners of this broker Versions 0-4. */
  listeners: BrokerRegistrationRequestListener[];
  /** The features on this broker. Note: in v0-v3, features with MinSupportedVersion = 0 are omitted. Versions 0-4. */
  features: BrokerRegistrationRequestFeature[];
  /** The rack which this broker is in. Versions 0-4; nullable in 0-4. */
  rack: string | null;
  /** If the required configurations for ZK migration are present, this value is set to true Versions 1-4. */
  isMigratingZkBroker: boolean;
  /** Log directories configured in this broker which are available. Versions 2-4. */
  logDirs: Uuid[];
  /** The epoch before a clean shutdown. Versions 3-4. */
  previousBrokerEpoch: bigint;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultBrokerRegistrationRequest(): BrokerRegistrationRequest {
  return {
    brokerId: 0,
    clusterId: "",
    incarnationId: ZERO_UUID,
    listeners: [],
    features: [],
    rack: "",
    isMigratingZkBroker: false,
    logDirs: [],
    previousBrokerEpoch: -1n,
  };
}

export function readBrokerRegistrationRequest(r: Reader, v: number): BrokerRegistrationRequest {
  const flex = true;
  const brokerId = r.int32();
  const clusterId = r.compactString();
  const incarnationId = r.uuid();
  const listeners = readArray(r, v, true, false, 6, readBrokerRegistrationRequestListener);
  const features = readArray(r, v, true, false, 5, readBrokerRegistrationRequestFeature);
  const rack = r.compactNullableString();
  const isMigratingZkBroker = (v >= 1 ? r.bool() : false);
  const logDirs = (v >= 2 ? readArray(r, v, true, false, 16, readElement_uuid) : []);
  const previousBrokerEpoch = (v >= 3 ? r.int64() : -1n);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: BrokerRegistrationRequest = {
    brokerId,
    clusterId,
    incarnationId,
    listeners,
    features,
    rack,
    isMigratingZkBroker,
    logDirs,
    previousBrokerEpoch,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeBrokerRegistrationRequest(w: Writer, o: BrokerRegistrationRequest, v: number): void {
  const flex = true;
  w.int32(o.brokerId);
  w.compactString(o.clusterId);
  w.uuid(o.incarnationId);
  writeArray(w, v, true, o.listeners, writeBrokerRegistrationRequestListener);
  writeArray(w, v, true, o.features, writeBrokerRegistrationRequestFeature);
  w.compactNullableString(o.rack);
  if (v >= 1) {
    w.bool(o.isMigratingZkBroker);
  } else if (!(v >= 1) && o.isMigratingZkBroker !== false) {
    throw notInVersion("BrokerRegistrationRequest.isMigratingZkBroker", v);
  }
  if (v >= 2) {
    writeArray(w, v, true, o.logDirs, writeElement_uuid);
  }
  if (v >= 3) {
    w.int64(o.previousBrokerEpoch);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface BrokerRegistrationResponse {
  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-4. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. Versions 0-4. */
  errorCode: number;
  /** The broker's assigned epoch, or -1 if none was assigned. Versions 0-4. */
  brokerEpoch: bigint;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultBrokerRegistrationResponse(): BrokerRegistrationResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    brokerEpoch: -1n,
  };
}

export function readBrokerRegistrationResponse(r: Reader, v: number): BrokerRegistrationResponse {
  const flex = true;
  const throttleTimeMs = r.int32();
  const errorCode = r.int16();
  const brokerEpoch = r.int64();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: BrokerRegistrationResponse = {
    throttleTimeMs,
    errorCode,
    brokerEpoch,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeBrokerRegistrationResponse(w: Writer, o: BrokerRegistrationResponse, v: number): void {
  const flex = true;
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  w.int64(o.brokerEpoch);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
