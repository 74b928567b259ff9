// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// FindCoordinator (API key 10): stable versions 0-6, flexible from 3.

import { type Reader, type TaggedField, type Writer, notInVersion, readArray, readElementString, writeArray, writeElementString } from "../../codec/runtime.js";

export interface FindCoordinatorRequest {
  /** The coordinator key. Versions 0-3. */
  key: string;
  /** The coordinator key type. (Group, transaction, etc.) Versions 1-6. */
  keyType: number;
  /** The coordinator keys. Versions 4-6. */
  coordinatorKeys: string[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultFindCoordinatorRequest(): FindCoordinatorRequest {
  return {
    key: "",
    keyType: 0,
    coordinatorKeys: [],
  };
}

export function readFindCoordinatorRequest(r: Reader, v: number): FindCoordinatorRequest {
  const flex = v >= 3;
  const key = (v <= 3 ? (v === 3 ? r.compactString() : r.string()) : "");
  const keyType = (v >= 1 ? r.int8() : 0);
  const coordinatorKeys = (v >= 4 ? readArray(r, v, true, false, 1, readElementString) : []);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: FindCoordinatorRequest = {
    key,
    keyType,
    coordinatorKeys,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeFindCoordinatorRequest(w: Writer, o: FindCoordinatorRequest, v: number): void {
  const flex = v >= 3;
  if (v <= 3) {
    if (v === 3) w.compactString(o.key); else w.string(o.key);
  } else if (!(v <= 3) && o.key !== "") {
    throw notInVersion("FindCoordinatorRequest.key", v);
  }
  if (v >= 1) {
    w.int8(o.keyType);
  } else if (!(v >= 1) && o.keyType !== 0) {
    throw notInVersion("FindCoordinatorRequest.keyType", v);
  }
  if (v >= 4) {
    writeArray(w, v, true, o.coordinatorKeys, writeElementString);
  } else if (!(v >= 4) && o.coordinatorKeys !== null && o.coordinatorKeys.length > 0) {
    throw notInVersion("FindCoordinatorRequest.coordinatorKeys", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface FindCoordinatorResponseCoordinator {
  /** The coordinator key. Versions 4-6. */
  key: string;
  /** The node id. Versions 4-6; entity: brokerId. */
  nodeId: number;
  /** The host name. Versions 4-6. */
  host: string;
  /** The port. Versions 4-6. */
  port: number;
  /** The error code, or 0 if there was no error. Versions 4-6. */
  errorCode: number;
  /** The error message, or null if there was no error. Versions 4-6; nullable in 4-6. */
  errorMessage: string | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultFindCoordinatorResponseCoordinator(): FindCoordinatorResponseCoordinator {
  return {
    key: "",
    nodeId: 0,
    host: "",
    port: 0,
    errorCode: 0,
    errorMessage: "",
  };
}

export function readFindCoordinatorResponseCoordinator(r: Reader, v: number): FindCoordinatorResponseCoordinator {
  const flex = v >= 3;
  const key = (v >= 4 ? r.compactString() : "");
  const nodeId = (v >= 4 ? r.int32() : 0);
  const host = (v >= 4 ? r.compactString() : "");
  const port = (v >= 4 ? r.int32() : 0);
  const errorCode = (v >= 4 ? r.int16() : 0);
  const errorMessage = (v >= 4 ? r.compactNullableString() : "");
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: FindCoordinatorResponseCoordinator = {
    key,
    nodeId,
    host,
    port,
    errorCode,
    errorMessage,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeFindCoordinatorResponseCoordinator(w: Writer, o: FindCoordinatorResponseCoordinator, v: number): void {
  const flex = v >= 3;
  if (v >= 4) {
    w.compactString(o.key);
  } else if (!(v >= 4) && o.key !== "") {
    throw notInVersion("FindCoordinatorResponseCoordinator.key", v);
  }
  if (v >= 4) {
    w.int32(o.nodeId);
  } else if (!(v >= 4) && o.nodeId !== 0) {
    throw notInVersion("FindCoordinatorResponseCoordinator.nodeId", v);
  }
  if (v >= 4) {
    w.compactString(o.host);
  } else if (!(v >= 4) && o.host !== "") {
    throw notInVersion("FindCoordinatorResponseCoordinator.host", v);
  }
  if (v >= 4) {
    w.int32(o.port);
  } else if (!(v >= 4) && o.port !== 0) {
    throw notInVersion("FindCoordinatorResponseCoordinator.port", v);
  }
  if (v >= 4) {
    w.int16(o.errorCode);
  } else if (!(v >= 4) && o.errorCode !== 0) {
    throw notInVersion("FindCoordinatorResponseCoordinator.errorCode", v);
  }
  if (v >= 4) {
    w.compactNullableString(o.errorMessage);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface FindCoordinatorResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 1-6. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. Versions 0-3. */
  errorCode: number;
  /** The error message, or null if there was no error. Versions 1-3; nullable in 1-3. */
  errorMessage: string | null;
  /** The node id. Versions 0-3; entity: brokerId. */
  nodeId: number;
  /** The host name. Versions 0-3. */
  host: string;
  /** The port. Versions 0-3. */
  port: number;
  /** Each coordinator result in the response Versions 4-6. */
  coordinators: FindCoordinatorResponseCoordinator[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultFindCoordinatorResponse(): FindCoordinatorResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
    nodeId: 0,
    host: "",
    port: 0,
    coordinators: [],
  };
}

export function readFindCoordinatorResponse(r: Reader, v: number): FindCoordinatorResponse {
  const flex = v >= 3;
  const throttleTimeMs = (v >= 1 ? r.int32() : 0);
  const errorCode = (v <= 3 ? r.int16() : 0);
  const errorMessage = ((v >= 1 && v <= 3) ? (v === 3 ? r.compactNullableString() : r.nullableString()) : "");
  const nodeId = (v <= 3 ? r.int32() : 0);
  const host = (v <= 3 ? (v === 3 ? r.compactString() : r.string()) : "");
  const port = (v <= 3 ? r.int32() : 0);
  const coordinators = (v >= 4 ? readArray(r, v, true, false, 13, readFindCoordinatorResponseCoordinator) : []);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: FindCoordinatorResponse = {
    throttleTimeMs,
    errorCode,
    errorMessage,
    nodeId,
    host,
    port,
    coordinators,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeFindCoordinatorResponse(w: Writer, o: FindCoordinatorResponse, v: number): void {
  const flex = v >= 3;
  if (v >= 1) {
    w.int32(o.throttleTimeMs);
  }
  if (v <= 3) {
    w.int16(o.errorCode);
  } else if (!(v <= 3) && o.errorCode !== 0) {
    throw notInVersion("FindCoordinatorResponse.errorCode", v);
  }
  if ((v >= 1 && v <= 3)) {
    if (v === 3) w.compactNullableString(o.errorMessage); else w.nullableString(o.errorMessage);
  }
  if (v <= 3) {
    w.int32(o.nodeId);
  } else if (!(v <= 3) && o.nodeId !== 0) {
    throw notInVersion("FindCoordinatorResponse.nodeId", v);
  }
  if (v <= 3) {
    if (v === 3) w.compactString(o.host); else w.string(o.host);
  } else if (!(v <= 3) && o.host !== "") {
    throw notInVersion("FindCoordinatorResponse.host", v);
  }
  if (v <= 3) {
    w.int32(o.port);
  } else if (!(v <= 3) && o.port !== 0) {
    throw notInVersion("FindCoordinatorResponse.port", v);
  }
  if (v >= 4) {
    writeArray(w, v, true, o.coordinators, writeFindCoordinatorResponseCoordinator);
  } else if (!(v >= 4) && o.coordinators !== null && o.coordinators.length > 0) {
    throw notInVersion("FindCoordinatorResponse.coordinators", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
