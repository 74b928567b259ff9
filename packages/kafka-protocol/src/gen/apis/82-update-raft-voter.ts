// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// UpdateRaftVoter (API key 82): stable versions 0, flexible from 0.

import { type Reader, type TaggedField, type Uuid, type Writer, ZERO_UUID, isDefaultValue, readArray, sortedTaggedFields, writeArray } from "../../codec/runtime.js";

export interface UpdateRaftVoterRequestListener {
  /** The name of the endpoint Versions 0; map key. */
  name: string;
  /** The hostname Versions 0. */
  host: string;
  /** The port Versions 0. */
  port: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultUpdateRaftVoterRequestListener(): UpdateRaftVoterRequestListener {
  return {
    name: "",
    host: "",
    port: 0,
  };
}

export function readUpdateRaftVoterRequestListener(r: Reader, v: number): UpdateRaftVoterRequestListener {
  const flex = true;
  const name = r.compactString();
  const host = r.compactString();
  const port = r.uint16();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: UpdateRaftVoterRequestListener = {
    name,
    host,
    port,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeUpdateRaftVoterRequestListener(w: Writer, o: UpdateRaftVoterRequestListener, v: number): void {
  const flex = true;
  w.compactString(o.name);
  w.compactString(o.host);
  w.uint16(o.port);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface UpdateRaftVoterRequestKRaftVersionFeature {
  /** The minimum supported KRaft protocol version Versions 0. */
  minSupportedVersion: number;
  /** The maximum supported KRaft protocol version Versions 0. */
  maxSupportedVersion: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultUpdateRaftVoterRequestKRaftVersionFeature(): UpdateRaftVoterRequestKRaftVersionFeature {
  return {
    minSupportedVersion: 0,
    maxSupportedVersion: 0,
  };
}

export function readUpdateRaftVoterRequestKRaftVersionFeature(r: Reader, v: number): UpdateRaftVoterRequestKRaftVersionFeature {
  const flex = true;
  const minSupportedVersion = r.int16();
  const maxSupportedVersion = r.int16();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: UpdateRaftVoterRequestKRaftVersionFeature = {
    minSupportedVersion,
    maxSupportedVersion,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeUpdateRaftVoterRequestKRaftVersionFeature(w: Writer, o: UpdateRaftVoterRequestKRaftVersionFeature, v: number): void {
  const flex = true;
  w.int16(o.minSupportedVersion);
  w.int16(o.maxSupportedVersion);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface UpdateRaftVoterRequest {
  /** Versions 0; nullable in 0. */
  clusterId: string | null;
  /** The current leader epoch of the partition, -1 for unknown leader epoch Versions 0. */
  currentLeaderEpoch: number;
  /** The replica id of the voter getting updated in the topic partition Versions 0. */
  voterId: number;
  /** The directory id of the voter getting updated in the topic partition Versions 0. */
  voterDirectoryId: Uuid;
  /** The endpoint that can be used to communicate with the leader Versions 0. */
  listeners: UpdateRaftVoterRequestListener[];
  /** The range of versions of the protocol that the replica supports Versions 0. */
  kRaftVersionFeature: UpdateRaftVoterRequestKRaftVersionFeature;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultUpdateRaftVoterRequest(): UpdateRaftVoterRequest {
  return {
    clusterId: "",
    currentLeaderEpoch: 0,
    voterId: 0,
    voterDirectoryId: ZERO_UUID,
    listeners: [],
    kRaftVersionFeature: defaultUpdateRaftVoterRequestKRaftVersionFeature(),
  };
}

export function readUpdateRaftVoterRequest(r: Reader, v: number): UpdateRaftVoterRequest {
  const flex = true;
  const clusterId = r.compactNullableString();
  const currentLeaderEpoch = r.int32();
  const voterId = r.int32();
  const voterDirectoryId = r.uuid();
  const listeners = readArray(r, v, true, false, 4, readUpdateRaftVoterRequestListener);
  const kRaftVersionFeature = readUpdateRaftVoterRequestKRaftVersionFeature(r, v);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: UpdateRaftVoterRequest = {
    clusterId,
    currentLeaderEpoch,
    voterId,
    voterDirectoryId,
    listeners,
    kRaftVersionFeature,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeUpdateRaftVoterRequest(w: Writer, o: UpdateRaftVoterRequest, v: number): void {
  const flex = true;
  w.compactNullableString(o.clusterId);
  w.int32(o.currentLeaderEpoch);
  w.int32(o.voterId);
  w.uuid(o.voterDirectoryId);
  writeArray(w, v, true, o.listeners, writeUpdateRaftVoterRequestListener);
  writeUpdateRaftVoterRequestKRaftVersionFeature(w, o.kRaftVersionFeature, v);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface UpdateRaftVoterResponseCurrentLeader {
  /** The replica id of the current leader or -1 if the leader is unknown Versions 0; entity: brokerId. */
  leaderId: number;
  /** The latest known leader epoch Versions 0. */
  leaderEpoch: number;
  /** The node's hostname Versions 0. */
  host: string;
  /** The node's port Versions 0. */
  port: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultUpdateRaftVoterResponseCurrentLeader(): UpdateRaftVoterResponseCurrentLeader {
  return {
    leaderId: -1,
    leaderEpoch: -1,
    host: "",
    port: 0,
  };
}

export function readUpdateRaftVoterResponseCurrentLeader(r: Reader, v: number): UpdateRaftVoterResponseCurrentLeader {
  const flex = true;
  const leaderId = r.int32();
  const leaderEpoch = r.int32();
  const host = r.compactString();
  const port = r.int32();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: UpdateRaftVoterResponseCurrentLeader = {
    leaderId,
    leaderEpoch,
    host,
    port,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeUpdateRaftVoterResponseCurrentLeader(w: Writer, o: UpdateRaftVoterResponseCurrentLeader, v: number): void {
  const flex = true;
  w.int32(o.leaderId);
  w.int32(o.leaderEpoch);
  w.compactString(o.host);
  w.int32(o.port);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface UpdateRaftVoterResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error Versions 0. */
  errorCode: number;
  /** Versions 0; tagged (tag 0) in 0. */
  currentLeader: UpdateRaftVoterResponseCurrentLeader;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultUpdateRaftVoterResponse(): UpdateRaftVoterResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    currentLeader: defaultUpdateRaftVoterResponseCurrentLeader(),
  };
}

export function readUpdateRaftVoterResponse(r: Reader, v: number): UpdateRaftVoterResponse {
  const flex = true;
  const throttleTimeMs = r.int32();
  const errorCode = r.int16();
  let currentLeader: UpdateRaftVoterResponseCurrentLeader = defaultUpdateRaftVoterResponseCurrentLeader();
  let unknown: TaggedField[] | undefined;
  if (flex) {
    const count = r.taggedFieldCount();
    for (let i = 0; i < count; i++) {
      const tag = r.uvarint();
      const fieldEnd = r.beginTaggedField(tag);
      if (fieldEnd < 0) break;
      if (tag === 0 && true) {
        const savedEnd = r.end;
        r.end = fieldEnd;
        currentLeader = readUpdateRaftVoterResponseCurrentLeader(r, v);
        r.endTaggedField(tag, fieldEnd, savedEnd);
      } else {
        (unknown ??= []).push(r.unknownTaggedField(tag, fieldEnd));
      }
    }
  }
  const o: UpdateRaftVoterResponse = {
    throttleTimeMs,
    errorCode,
    currentLeader,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeUpdateRaftVoterResponse(w: Writer, o: UpdateRaftVoterResponse, v: number): void {
  const flex = true;
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  if (flex) {
    const unknown = sortedTaggedFields(o._unknownTaggedFields);
    const hasCurrentLeader = !isDefaultValue(o.currentLeader, defaultUpdateRaftVoterResponseCurrentLeader());
    w.uvarint((hasCurrentLeader ? 1 : 0) + (unknown === undefined ? 0 : unknown.length));
    let next = 0;
    if (hasCurrentLeader) {
      next = w.unknownTaggedFieldsBelow(unknown, next, 0);
      w.uvarint(0);
      const start = w.beginSized();
      writeUpdateRaftVoterResponseCurrentLeader(w, o.currentLeader, v);
      w.endSized(start);
    }
    w.unknownTaggedFieldsBelow(unknown, next, Number.POSITIVE_INFINITY);
  }
}
