// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// ControlledShutdown (API key 7): stable versions 0-3, flexible from 3.

import { type Reader, type TaggedField, type Writer, readArray, writeArray } from "../../codec/runtime.js";

export interface ControlledShutdownRequest {
  /** The id of the broker for which controlled shutdown has been requested. Versions 0-3; entity: brokerId. */
  brokerId: number;
  /** The broker epoch. Versions 2-3. */
  brokerEpoch: bigint;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultControlledShutdownRequest(): ControlledShutdownRequest {
  return {
    brokerId: 0,
    brokerEpoch: -1n,
  };
}

export function readControlledShutdownRequest(r: Reader, v: number): ControlledShutdownRequest {
  const flex = v === 3;
  const brokerId = r.int32();
  const brokerEpoch = (v >= 2 ? r.int64() : -1n);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ControlledShutdownRequest = {
    brokerId,
    brokerEpoch,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeControlledShutdownRequest(w: Writer, o: ControlledShutdownRequest, v: number): void {
  const flex = v === 3;
  w.int32(o.brokerId);
  if (v >= 2) {
    w.int64(o.brokerEpoch);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ControlledShutdownResponseRemainingPartition {
  /** The name of the topic. Versions 0-3; map key; entity: topicName. */
  topicName: string;
  /** The index of the partition. Versions 0-3; map key. */
  partitionIndex: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultControlledShutdownResponseRemainingPartition(): ControlledShutdownResponseRemainingPartition {
  return {
    topicName: "",
    partitionIndex: 0,
  };
}

export function readControlledShutdownResponseRemainingPartition(r: Reader, v: number): ControlledShutdownResponseRemainingPartition {
  const flex = v === 3;
  const topicName = (v === 3 ? r.compactString() : r.string());
  const partitionIndex = r.int32();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ControlledShutdownResponseRemainingPartition = {
    topicName,
    partitionIndex,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeControlledShutdownResponseRemainingPartition(w: Writer, o: ControlledShutdownResponseRemainingPartition, v: number): void {
  const flex = v === 3;
  if (v === 3) w.compactString(o.topicName); else w.string(o.topicName);
  w.int32(o.partitionIndex);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ControlledShutdownResponse {
  /** The top-level error code. Versions 0-3. */
  errorCode: number;
  /** The partitions that the broker still leads. Versions 0-3. */
  remainingPartitions: ControlledShutdownResponseRemainingPartition[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultControlledShutdownResponse(): ControlledShutdownResponse {
  return {
    errorCode: 0,
    remainingPartitions: [],
  };
}

export function readControlledShutdownResponse(r: Reader, v: number): ControlledShutdownResponse {
  const flex = v === 3;
  const errorCode = r.int16();
  const remainingPartitions = readArray(r, v, v === 3, false, 5, readControlledShutdownResponseRemainingPartition);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ControlledShutdownResponse = {
    errorCode,
    remainingPartitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeControlledShutdownResponse(w: Writer, o: ControlledShutdownResponse, v: number): void {
  const flex = v === 3;
  w.int16(o.errorCode);
  writeArray(w, v, v === 3, o.remainingPartitions, writeControlledShutdownResponseRemainingPartition);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
