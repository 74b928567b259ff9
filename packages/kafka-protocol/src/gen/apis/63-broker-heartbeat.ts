// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// BrokerHeartbeat (API key 63): stable versions 0-1, flexible from 0.

import { type Reader, type TaggedField, type Uuid, type Writer, readArray, readElement_uuid, sortedTaggedFields, writeArray, writeElement_uuid } from "../../codec/runtime.js";

export interface BrokerHeartbeatRequest {
  /** The broker ID. Versions 0-1; entity: brokerId. */
  brokerId: number;
  /** The broker epoch. Versions 0-1. */
  brokerEpoch: bigint;
  /** The highest metadata offset which the broker has reached. Versions 0-1. */
  currentMetadataOffset: bigint;
  /** True if the broker wants to be fenced, false otherwise. Versions 0-1. */
  wantFence: boolean;
  /** True if the broker wants to be shut down, false otherwise. Versions 0-1. */
  wantShutDown: boolean;
  /** Log directories that failed and went offline. Versions 1; tagged (tag 0) in 1. */
  offlineLogDirs: Uuid[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultBrokerHeartbeatRequest(): BrokerHeartbeatRequest {
  return {
    brokerId: 0,
    brokerEpoch: -1n,
    currentMetadataOffset: 0n,
    wantFence: false,
    wantShutDown: false,
    offlineLogDirs: [],
  };
}

export function readBrokerHeartbeatRequest(r: Reader, v: number): BrokerHeartbeatRequest {
  const flex = true;
  const brokerId = r.int32();
  const brokerEpoch = r.int64();
  const currentMetadataOffset = r.int64();
  const wantFence = r.bool();
  const wantShutDown = r.bool();
  let offlineLogDirs: Uuid[] = [];
  let unknown: TaggedField[] | undefined;
  if (flex) {
    const count = r.taggedFieldCount();
    for (let i = 0; i < count; i++) {
      const tag = r.uvarint();
      const fieldEnd = r.beginTaggedField(tag);
      if (fieldEnd < 0) break;
      if (tag === 0 && v === 1) {
        const savedEnd = r.end;
        r.end = fieldEnd;
        offlineLogDirs = readArray(r, v, true, false, 16, readElement_uuid);
        r.endTaggedField(tag, fieldEnd, savedEnd);
      } else {
        (unknown ??= []).push(r.unknownTaggedField(tag, fieldEnd));
      }
    }
  }
  const o: BrokerHeartbeatRequest = {
    brokerId,
    brokerEpoch,
    currentMetadataOffset,
    wantFence,
    wantShutDown,
    offlineLogDirs,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeBrokerHeartbeatRequest(w: Writer, o: BrokerHeartbeatRequest, v: number): void {
  const flex = true;
  w.int32(o.brokerId);
  w.int64(o.brokerEpoch);
  w.int64(o.currentMetadataOffset);
  w.bool(o.wantFence);
  w.bool(o.wantShutDown);
  if (flex) {
    const unknown = sortedTaggedFields(o._unknownTaggedFields);
    const hasOfflineLogDirs = v === 1 && o.offlineLogDirs !== null && o.offlineLogDirs.length > 0;
    w.uvarint((hasOfflineLogDirs ? 1 : 0) + (unknown === undefined ? 0 : unknown.length));
    let next = 0;
    if (hasOfflineLogDirs) {
      next = w.unknownTaggedFieldsBelow(unknown, next, 0);
      w.uvarint(0);
      const start = w.beginSized();
      writeArray(w, v, true, o.offlineLogDirs, writeElement_uuid);
      w.endSized(start);
    }
    w.unknownTaggedFieldsBelow(unknown, next, Number.POSITIVE_INFINITY);
  }
}

export interface BrokerHeartbeatResponse {
  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-1. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. Versions 0-1. */
  errorCode: number;
  /** True if the broker has approximately caught up with the latest metadata. Versions 0-1. */
  isCaughtUp: boolean;
  /** True if the broker is fenced. Versions 0-1. */
  isFenced: boolean;
  /** True if the broker should proceed with its shutdown. Versions 0-1. */
  shouldShutDown: boolean;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultBrokerHeartbeatResponse(): BrokerHeartbeatResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    isCaughtUp: false,
    isFenced: true,
    shouldShutDown: false,
  };
}

export function readBrokerHeartbeatResponse(r: Reader, v: number): BrokerHeartbeatResponse {
  const flex = true;
  const throttleTimeMs = r.int32();
  const errorCode = r.int16();
  const isCaughtUp = r.bool();
  const isFenced = r.bool();
  const shouldShutDown = r.bool();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: BrokerHeartbeatResponse = {
    throttleTimeMs,
    errorCode,
    isCaughtUp,
    isFenced,
    shouldShutDown,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeBrokerHeartbeatResponse(w: Writer, o: BrokerHeartbeatResponse, v: number): void {
  const flex = true;
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  w.bool(o.isCaughtUp);
  w.bool(o.isFenced);
  w.bool(o.shouldShutDown);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
