// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// LeaderChangeMessage (data): versions 0-1.

import { type Reader, type TaggedField, type Uuid, type Writer, ZERO_UUID, notInVersion, readArray, writeArray } from "../../codec/runtime.js";

export interface LeaderChangeMessageVoter {
  /** Versions 0-1. */
  voterId: number;
  /** The directory id of the voter Versions 1. */
  voterDirectoryId: Uuid;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultLeaderChangeMessageVoter(): LeaderChangeMessageVoter {
  return {
    voterId: 0,
    voterDirectoryId: ZERO_UUID,
  };
}

export function readLeaderChangeMessageVoter(r: Reader, v: number): LeaderChangeMessageVoter {
  const flex = true;
  const voterId = r.int32();
  const voterDirectoryId = (v === 1 ? r.uuid() : ZERO_UUID);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: LeaderChangeMessageVoter = {
    voterId,
    voterDirectoryId,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeLeaderChangeMessageVoter(w: Writer, o: LeaderChangeMessageVoter, v: number): void {
  const flex = true;
  w.int32(o.voterId);
  if (v === 1) {
    w.uuid(o.voterDirectoryId);
  } else if (!(v === 1) && o.voterDirectoryId !== ZERO_UUID) {
    throw notInVersion("LeaderChangeMessageVoter.voterDirectoryId", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface LeaderChangeMessage {
  /** The version of the leader change message Versions 0-1. */
  version: number;
  /** The ID of the newly elected leader Versions 0-1; entity: brokerId. */
  leaderId: number;
  /** The set of voters in the quorum for this epoch Versions 0-1. */
  voters: LeaderChangeMessageVoter[];
  /** The voters who voted for the leader at the time of election Versions 0-1. */
  grantingVoters: LeaderChangeMessageVoter[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultLeaderChangeMessage(): LeaderChangeMessage {
  return {
    version: 0,
    leaderId: 0,
    voters: [],
    grantingVoters: [],
  };
}

export function readLeaderChangeMessage(r: Reader, v: number): LeaderChangeMessage {
  const flex = true;
  const version = r.int16();
  const leaderId = r.int32();
  const voters = readArray(r, v, true, false, 4, readLeaderChangeMessageVoter);
  const grantingVoters = readArray(r, v, true, false, 4, readLeaderChangeMessageVoter);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: LeaderChangeMessage = {
    version,
    leaderId,
    voters,
    grantingVoters,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeLeaderChangeMessage(w: Writer, o: LeaderChangeMessage, v: number): void {
  const flex = true;
  w.int16(o.version);
  w.int32(o.leaderId);
  writeArray(w, v, true, o.voters, writeLeaderChangeMessageVoter);
  writeArray(w, v, true, o.grantingVoters, writeLeaderChangeMessageVoter);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
