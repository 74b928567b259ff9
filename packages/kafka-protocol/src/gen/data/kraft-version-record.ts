// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// KRaftVersionRecord (data): versions 0.

import { type Reader, type TaggedField, type Writer } from "../../codec/runtime.js";

export interface KRaftVersionRecord {
  /** The version of the kraft version record Versions 0. */
  version: number;
  /** The kraft protocol version Versions 0. */
  kRaftVersion: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultKRaftVersionRecord(): KRaftVersionRecord {
  return {
    version: 0,
    kRaftVersion: 0,
  };
}

export function readKRaftVersionRecord(r: Reader, v: number): KRaftVersionRecord {
  const flex = true;
  const version = r.int16();
  const kRaftVersion = r.int16();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: KRaftVersionRecord = {
    version,
    kRaftVersion,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeKRaftVersionRecord(w: Writer, o: KRaftVersionRecord, v: number): void {
  const flex = true;
  w.int16(o.version);
  w.int16(o.kRaftVersion);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
