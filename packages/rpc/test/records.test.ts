import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import { describe, expect, it } from "vitest";
import {
  ConfigRecordSchema,
  ConfigResourceType,
  MetadataBatchSchema,
  type MetadataRecord,
  MetadataRecordSchema,
  NotLeaderSchema,
  PartitionChangeRecordSchema,
} from "../src/index.js";

/** The record types an image builder of today knows; anything else is skipped. */
function knownCases(records: MetadataRecord[]): string[] {
  const seen: string[] = [];
  for (const { record } of records) {
    if (record.case === undefined) {
      continue;
    }
    seen.push(record.case);
  }
  return seen;
}

describe("metadata records", () => {
  it("decodes a record type added later as an unknown case, and keeps its bytes", () => {
    // A future writer appends a record type as oneof case 77 (a nested message with a
    // string field 1), between two records today's reader knows.
    const future = new BinaryWriter().tag(1, WireType.LengthDelimited).string("lkc-abc123").finish();
    const futureRecord = new BinaryWriter().tag(77, WireType.LengthDelimited).bytes(future).finish();
    const topic = toBinary(
      MetadataRecordSchema,
      create(MetadataRecordSchema, {
        record: { case: "topic", value: { name: "t", topicId: new Uint8Array(16) } },
      }),
    );
    const fence = toBinary(
      MetadataRecordSchema,
      create(MetadataRecordSchema, {
        record: { case: "brokerFenced", value: { brokerId: 4, brokerEpoch: 9n } },
      }),
    );
    const batchBytes = new BinaryWriter()
      .tag(1, WireType.LengthDelimited)
      .bytes(topic)
      .tag(1, WireType.LengthDelimited)
      .bytes(futureRecord)
      .tag(1, WireType.LengthDelimited)
      .bytes(fence)
      .finish();

    const batch = fromBinary(MetadataBatchSchema, batchBytes);
    expect(batch.records).toHaveLength(3);
    expect(batch.records[1]?.record.case).toBeUndefined();
    expect(knownCases(batch.records)).toEqual(["topic", "brokerFenced"]);

    // Rewriting the batch (e.g. into a snapshot) must not lose the unknown record.
    expect(toBinary(MetadataBatchSchema, batch)).toEqual(batchBytes);
  });

  it("tells a deleted config value (null) from an empty one", () => {
    const deleted = create(ConfigRecordSchema, {
      resourceType: ConfigResourceType.TOPIC,
      resourceName: "orders",
      key: "retention.ms",
    });
    const empty = create(ConfigRecordSchema, { ...deleted, value: "" });
    const decodedDeleted = fromBinary(ConfigRecordSchema, toBinary(ConfigRecordSchema, deleted));
    const decodedEmpty = fromBinary(ConfigRecordSchema, toBinary(ConfigRecordSchema, empty));
    expect(decodedDeleted.value).toBeUndefined();
    expect(decodedEmpty.value).toBe("");
    expect(decodedEmpty.resourceType).toBe(2);
  });

  it("tells an unchanged ISR from an empty one in a partition change", () => {
    const unchanged = fromBinary(
      PartitionChangeRecordSchema,
      toBinary(
        PartitionChangeRecordSchema,
        create(PartitionChangeRecordSchema, { partition: 1, partitionEpoch: 5 }),
      ),
    );
    const emptied = fromBinary(
      PartitionChangeRecordSchema,
      toBinary(
        PartitionChangeRecordSchema,
        create(PartitionChangeRecordSchema, {
          partition: 1,
          partitionEpoch: 5,
          isr: { brokerIds: [] },
          leader: -1,
        }),
      ),
    );
    expect(unchanged.isr).toBeUndefined();
    expect(unchanged.leader).toBeUndefined();
    expect(emptied.isr?.brokerIds).toEqual([]);
    expect(emptied.leader).toBe(-1);
  });

  it("tells an unknown leader from leader 0", () => {
    const unknown = fromBinary(NotLeaderSchema, toBinary(NotLeaderSchema, create(NotLeaderSchema, {})));
    const zero = fromBinary(
      NotLeaderSchema,
      toBinary(NotLeaderSchema, create(NotLeaderSchema, { leaderId: 0 })),
    );
    expect(unknown.leaderId).toBeUndefined();
    expect(zero.leaderId).toBe(0);
  });
});
