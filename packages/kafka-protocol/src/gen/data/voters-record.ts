// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// VotersRecord (data): versions 0.

import { type Reader, type TaggedField, type Uuid, type Writer, ZERO_UUID, readArray, writeArray } from "../../codec/runtime.js";

export interface VotersRecordEndpoint {
  /** The name of the endpoint Versions 0; map key. */
  name: string;
  /** The hostname Versions 0. */
  host: string;
  /** The port Versions 0. */
  port: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultVotersRecordEndpoint(): VotersRecordEndpoint {
  return {
    name: "",
    host: "",
    port: 0,
  };
}

export function readVotersRecordEndpoint(r: Reader, v: number): VotersRecordEndpoint {
  const flex = true;
  const name = r.compactString();
  const host = r.compactString();
  const port = r.uint16();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: VotersRecordEndpoint = {
    name,
    host,
    port,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeVotersRecordEndpoint(w: Writer, o: VotersRecordEndpoint, v: number): void {
  const flex = true;
  w.compactString(o.name);
  w.compactString(o.host);
  w.uint16(o.port);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface VotersRecordKRaftVersionFeature {
  /** The minimum supported KRaft protocol version Versions 0. */
  minSupportedVersion: number;
  /** The maximum supported KRaft protocol version Versions 0. */
  maxSupportedVersion: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultVotersRecordKRaftVersionFeature(): VotersRecordKRaftVersionFeature {
  return {
    minSupportedVersion: 0,
    maxSupportedVersion: 0,
  };
}

export function readVotersRecordKRaftVersionFeature(r: Reader, v: number): VotersRecordKRaftVersionFeature {
  const flex = true;
  const minSupportedVersion = r.int16();
  const maxSupportedVersion = r.int16();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: VotersRecordKRaftVersionFeature = {
    minSupportedVersion,
    maxSupportedVersion,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeVotersRecordKRaftVersionFeature(w: Writer, o: VotersRecordKRaftVersionFeature, v: number): void {
  const flex = true;
  w.int16(o.minSupportedVersion);
  w.int16(o.maxSupportedVersion);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface VotersRecordVoter {
  /** The replica id of the voter in the topic partition Versions 0; entity: brokerId. */
  voterId: number;
  /** The directory id of the voter in the topic partition Versions 0. */
  voterDirectoryId: Uuid;
  /** The endpoint that can be used to communicate with the voter Versions 0. */
  endpoints: VotersRecordEndpoint[];
  /** The range of versions of the protocol that the replica supports Versions 0. */
  kRaftVersionFeature: VotersRecordKRaftVersionFeature;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultVotersRecordVoter(): VotersRecordVoter {
  return {
    voterId: 0,
    voterDirectoryId: ZERO_UUID,
    endpoints: [],
    kRaftVersionFeature: defaultVotersRecordKRaftVersionFeature(),
  };
}

export function readVotersRecordVoter(r: Reader, v: number): VotersRecordVoter {
  const flex = true;
  const voterId = r.int32();
  const voterDirectoryId = r.uuid();
  const endpoints = readArray(r, v, true, false, 4, readVotersRecordEndpoint);
  const kRaftVersionFeature = readVotersRecordKRaftVersionFeature(r, v);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: VotersRecordVoter = {
    voterId,
    voterDirectoryId,
    endpoints,
    kRaftVersionFeature,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeVotersRecordVoter(w: Writer, o: VotersRecordVoter, v: number): void {
  const flex = true;
  w.int32(o.voterId);
  w.uuid(o.voterDirectoryId);
  writeArray(w, v, true, o.endpoints, writeVotersRecordEndpoint);
  writeVotersRecordKRaftVersionFeature(w, o.kRaftVersionFeature, v);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface VotersRecord {
  /** The version of the voters record Versions 0. */
  version: number;
  /** Versions 0. */
  voters: VotersRecordVoter[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultVotersRecord(): VotersRecord {
  return {
    version: 0,
    voters: [],
  };
}

export function readVotersRecord(r: Reader, v: number): VotersRecord {
  const flex = true;
  const version = r.int16();
  const voters = readArray(r, v, true, false, 25, readVotersRecordVoter);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: VotersRecord = {
    version,
    voters,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeVotersRecord(w: Writer, o: VotersRecord, v: number): void {
  const flex = true;
  w.int16(o.version);
  writeArray(w, v, true, o.voters, writeVotersRecordVoter);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
