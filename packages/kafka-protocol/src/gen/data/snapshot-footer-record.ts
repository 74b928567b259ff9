// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// SnapshotFooterRecord (data): versions 0.

import { type Reader, type TaggedField, type Writer } from "../../codec/runtime.js";

export interface SnapshotFooterRecord {
  /** The version of the snapshot footer record Versions 0. */
  version: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultSnapshotFooterRecord(): SnapshotFooterRecord {
  return {
    version: 0,
  };
}

export function readSnapshotFooterRecord(r: Reader, v: number): SnapshotFooterRecord {
  const flex = true;
  const version = r.int16();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: SnapshotFooterRecord = {
    version,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeSnapshotFooterRecord(w: Writer, o: SnapshotFooterRecord, v: number): void {
  const flex = true;
  w.int16(o.version);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
