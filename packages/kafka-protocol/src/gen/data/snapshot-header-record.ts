// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// SnapshotHeaderRecord (data): versions 0.

import { type Reader, type TaggedField, type Writer } from "../../codec/runtime.js";

export interface SnapshotHeaderRecord {
  /** The version of the snapshot header record Versions 0. */
  version: number;
  /** The append time of the last record from the log contained in this snapshot Versions 0. */
  lastContainedLogTimestamp: bigint;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultSnapshotHeaderRecord(): SnapshotHeaderRecord {
  return {
    version: 0,
    lastContainedLogTimestamp: 0n,
  };
}

export function readSnapshotHeaderRecord(r: Reader, v: number): SnapshotHeaderRecord {
  const flex = true;
  const version = r.int16();
  const lastContainedLogTimestamp = r.int64();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: SnapshotHeaderRecord = {
    version,
    lastContainedLogTimestamp,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeSnapshotHeaderRecord(w: Writer, o: SnapshotHeaderRecord, v: number): void {
  const flex = true;
  w.int16(o.version);
  w.int64(o.lastContainedLogTimestamp);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
