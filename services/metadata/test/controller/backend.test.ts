import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import {
  AllocateProducerIdsRequestSchema,
  AlterConfigsRequestSchema,
  ConfigOpType,
  ConfigResourceType,
  MetadataBatchSchema,
  type MetadataRecord,
  MetadataRecordSchema,
} from "@runnel/rpc";
import { describe, expect, it } from "vitest";
import {
  allocateProducerIds,
  alterConfigs,
  apply,
  decodeDelimited,
  decodeImage,
  emptyImage,
  encodeDelimited,
  encodeImage,
  expireLeases,
  InvariantError,
  imageFromRecords,
  imageToJson,
  imageToRecords,
} from "../../src/controller/index.js";
import { partitionChangeRecord } from "../../src/controller/records.js";
import { Harness } from "./harness.js";

/**
 * A MetadataRecord of a type this version does not know: field 99 (a future oneof case),
 * holding a message with field 1 = 42. Built byte by byte, as a newer writer would encode it.
 */
function unknownRecordBytes(): Uint8Array {
  const payload = [0x08, 0x2a];
  return Uint8Array.from([0x9a, 0x06, payload.length, ...payload]);
}

function unknownRecord(): MetadataRecord {
  const record = fromBinary(MetadataRecordSchema, unknownRecordBytes());
  expect(record.record.case).toBeUndefined();
  return record;
}

/** A busy history: brokers, topics, configs, producer ids, fencing and an unknown record. */
function history(): Harness {
  const h = new Harness();
  h.addBroker(1, "a");
  h.addBroker(2, "b");
  h.addBroker(3, "c");
  h.createTopic("orders", { numPartitions: 6, replicationFactor: 3 });
  h.createTopic("audit", { numPartitions: 2, replicationFactor: 2 });
  h.run(
    alterConfigs(
      h.image,
      create(AlterConfigsRequestSchema, {
        resources: [
          {
            resourceType: ConfigResourceType.TOPIC,
            resourceName: "orders",
            ops: [{ key: "retention.ms", op: ConfigOpType.SET, value: "86400000" }],
          },
          {
            resourceType: ConfigResourceType.BROKER,
            resourceName: "",
            ops: [{ key: "log.retention.ms", op: ConfigOpType.SET, value: "3600000" }],
          },
        ],
      }),
    ),
  );
  h.run(
    allocateProducerIds(
      h.image,
      create(AllocateProducerIdsRequestSchema, {
        brokerId: 2,
        brokerEpoch: h.image.brokers.get(2)?.epoch ?? 0n,
      }),
      h.options,
    ),
  );
  h.commit([unknownRecord()]);
  h.commit(
    expireLeases(
      h.image,
      10_000,
      1000,
      new Map([
        [1, 10_000],
        [3, 10_000],
      ]),
    ).records,
  );
  h.heartbeat(3, { wantsShutdown: true });
  h.commit([]);
  return h;
}

describe("backend", () => {
  it("is deterministic: the same batches give identical images on two voters", () => {
    const leader = history();
    let follower = emptyImage();
    for (const b of leader.log) {
      // Each voter decodes the batch from the bytes Raft replicated.
      const bytes = toBinary(
        MetadataBatchSchema,
        create(MetadataBatchSchema, { records: [...(b.batch as MetadataRecord[])] }),
      );
      follower = apply(follower, fromBinary(MetadataBatchSchema, bytes), b.offset, b.epoch);
    }
    expect(encodeImage(follower)).toEqual(encodeImage(leader.image));
    expect(follower.lastOffset).toBe(leader.image.lastOffset);
    expect(imageToJson(follower)).toEqual(imageToJson(leader.image));
  });

  it("round-trips the image through snapshot records, keeping an unknown record type byte for byte", () => {
    const h = history();
    const records = imageToRecords(h.image);
    const unknown = records.filter((r) => r.record.case === undefined);
    expect(unknown).toHaveLength(1);
    expect(toBinary(MetadataRecordSchema, unknown[0] as MetadataRecord)).toEqual(unknownRecordBytes());

    const bytes = encodeImage(h.image);
    const loaded = decodeImage(bytes, h.image.lastOffset, h.image.lastEpoch);
    expect(encodeImage(loaded)).toEqual(bytes);
    expect(loaded.brokers).toEqual(h.image.brokers);
    expect([...loaded.topics.keys()].sort()).toEqual([...h.image.topics.keys()].sort());
    expect(loaded.topicConfigs).toEqual(h.image.topicConfigs);
    expect(loaded.brokerConfigs).toEqual(h.image.brokerConfigs);
    expect(loaded.nextProducerId).toBe(1000n);
    expect(loaded.brokers.get(3)?.inControlledShutdown).toBe(true);
    expect(loaded.brokers.get(2)?.fenced).toBe(true);

    const delimited = encodeDelimited(records);
    expect(imageFromRecords(decodeDelimited(delimited), h.image.lastOffset, h.image.lastEpoch)).toEqual(
      imageFromRecords(records, h.image.lastOffset, h.image.lastEpoch),
    );
  });

  it("continues identically after loading a snapshot", () => {
    const h = history();
    const middle = h.log.length - 3;
    let fromStart = emptyImage();
    for (const b of h.log.slice(0, middle)) fromStart = apply(fromStart, b.batch, b.offset, b.epoch);
    let restored = decodeImage(encodeImage(fromStart), fromStart.lastOffset, fromStart.lastEpoch);
    for (const b of h.log.slice(middle)) restored = apply(restored, b.batch, b.offset, b.epoch);
    expect(encodeImage(restored)).toEqual(encodeImage(h.image));
  });

  it("skips an unknown record without error and moves the offset on", () => {
    const image = apply(emptyImage(), [unknownRecord()], 0n, 1);
    expect(image.lastOffset).toBe(0n);
    expect(image.unknownRecords).toHaveLength(1);
    expect(image.brokers.size).toBe(0);
  });

  it("asserts programmer errors, and a failed batch leaves the image as it was", () => {
    const h = history();
    const before = h.image;
    const snapshot = encodeImage(before);
    const bogus = partitionChangeRecord(new Uint8Array(16).fill(9), 0, { partitionEpoch: 1 });
    expect(() => apply(before, [bogus], before.lastOffset + 1n, 1)).toThrow(InvariantError);
    const orders = [...before.topics.values()].find((t) => t.name === "orders");
    if (orders === undefined) throw new Error("no topic");
    // A valid change followed by an invalid one: nothing of the batch shows.
    const valid = partitionChangeRecord(orders.id, 0, { partitionEpoch: 99 });
    const emptyIsr = partitionChangeRecord(orders.id, 1, { isr: [], partitionEpoch: 99 });
    expect(() => apply(before, [valid, emptyIsr], before.lastOffset + 1n, 1)).toThrow(/empty ISR/);
    expect(encodeImage(before)).toEqual(snapshot);
    // Offsets only move forward; stale epochs are refused.
    expect(() => apply(before, [], before.lastOffset, 1)).toThrow(InvariantError);
    const stale = partitionChangeRecord(orders.id, 0, { partitionEpoch: 0 });
    expect(() => apply(before, [stale], before.lastOffset + 1n, 1)).toThrow(/partition epoch/);
    const leaderOutsideIsr = partitionChangeRecord(orders.id, 0, {
      leader: 42,
      leaderEpoch: 9,
      partitionEpoch: 99,
    });
    expect(() => apply(before, [leaderOutsideIsr], before.lastOffset + 1n, 1)).toThrow(/not in ISR/);
  });
});
