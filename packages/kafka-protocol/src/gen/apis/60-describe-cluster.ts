// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// DescribeCluster (API key 60): stable versions 0-1, flexible from 0.

import { type Reader, type TaggedField, type Writer, notInVersion, readArray, writeArray } from "../../codec/runtime.js";

export interface DescribeClusterRequest {
  /** Whether to include cluster authorized operations. Versions 0-1. */
  includeClusterAuthorizedOperations: boolean;
  /** The endpoint type to describe. 1=brokers, 2=controllers. Versions 1. */
  endpointType: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeClusterRequest(): DescribeClusterRequest {
  return {
    includeClusterAuthorizedOperations: false,
    endpointType: 1,
  };
}

export function readDescribeClusterRequest(r: Reader, v: number): DescribeClusterRequest {
  const flex = true;
  const includeClusterAuthorizedOperations = r.bool();
  const endpointType = (v === 1 ? r.int8() : 1);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeClusterRequest = {
    includeClusterAuthorizedOperations,
    endpointType,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeClusterRequest(w: Writer, o: DescribeClusterRequest, v: number): void {
  const flex = true;
  w.bool(o.includeClusterAuthorizedOperations);
  if (v === 1) {
    w.int8(o.endpointType);
  } else if (!(v === 1) && o.endpointType !== 1) {
    throw notInVersion("DescribeClusterRequest.endpointType", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeClusterResponseDescribeClusterBroker {
  /** The broker ID. Versions 0-1; map key; entity: brokerId. */
  brokerId: number;
  /** The broker hostname. Versions 0-1. */
  host: string;
  /** The broker port. Versions 0-1. */
  port: number;
  /** The rack of the broker, or null if it has not been assigned to a rack. Versions 0-1; nullable in 0-1. */
  rack: string | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeClusterResponseDescribeClusterBroker(): DescribeClusterResponseDescribeClusterBroker {
  return {
    brokerId: 0,
    host: "",
    port: 0,
    rack: null,
  };
}

export function readDescribeClusterResponseDescribeClusterBroker(r: Reader, v: number): DescribeClusterResponseDescribeClusterBroker {
  const flex = true;
  const brokerId = r.int32();
  const host = r.compactString();
  const port = r.int32();
  const rack = r.compactNullableString();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeClusterResponseDescribeClusterBroker = {
    brokerId,
    host,
    port,
    rack,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeClusterResponseDescribeClusterBroker(w: Writer, o: DescribeClusterResponseDescribeClusterBroker, v: number): void {
  const flex = true;
  w.int32(o.brokerId);
  w.compactString(o.host);
  w.int32(o.port);
  w.compactNullableString(o.rack);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeClusterResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-1. */
  throttleTimeMs: number;
  /** The top-level error code, or 0 if there was no error Versions 0-1. */
  errorCode: number;
  /** The top-level error message, or null if there was no error. Versions 0-1; nullable in 0-1. */
  errorMessage: string | null;
  /** The endpoint type that was described. 1=brokers, 2=controllers. Versions 1. */
  endpointType: number;
  /** The cluster ID that responding broker belongs to. Versions 0-1. */
  clusterId: string;
  /** The ID of the controller broker. Versions 0-1; entity: brokerId. */
  controllerId: number;
  /** Each broker in the response. Versions 0-1. */
  brokers: DescribeClusterResponseDescribeClusterBroker[];
  /** 32-bit bitfield to represent authorized operations for this cluster. Versions 0-1. */
  clusterAuthorizedOperations: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeClusterResponse(): DescribeClusterResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: null,
    endpointType: 1,
    clusterId: "",
    controllerId: -1,
    brokers: [],
    clusterAuthorizedOperations: -2147483648,
  };
}

export function readDescribeClusterResponse(r: Reader, v: number): DescribeClusterResponse {
  const flex = true;
  const throttleTimeMs = r.int32();
  const errorCode = r.int16();
  const errorMessage = r.compactNullableString();
  const endpointType = (v === 1 ? r.int8() : 1);
  const clusterId = r.compactString();
  const controllerId = r.int32();
  const brokers = readArray(r, v, true, false, 10, readDescribeClusterResponseDescribeClusterBroker);
  const clusterAuthorizedOperations = r.int32();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeClusterResponse = {
    throttleTimeMs,
    errorCode,
    errorMessage,
    endpointType,
    clusterId,
    controllerId,
    brokers,
    clusterAuthorizedOperations,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeClusterResponse(w: Writer, o: DescribeClusterResponse, v: number): void {
  const flex = true;
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  if (v === 1) {
    w.int8(o.endpointType);
  } else if (!(v === 1) && o.endpointType !== 1) {
    throw notInVersion("DescribeClusterResponse.endpointType", v);
  }
  w.compactString(o.clusterId);
  w.int32(o.controllerId);
  writeArray(w, v, true, o.brokers, writeDescribeClusterResponseDescribeClusterBroker);
  w.int32(o.clusterAuthorizedOperations);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
