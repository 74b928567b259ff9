import { create } from "@bufbuild/protobuf";
import { AlterPartitionRequestSchema, type AlterPartitionResponse } from "@runnel/rpc";
import { describe, expect, it } from "vitest";
import { alterPartition } from "../../src/controller/index.js";
import { Harness } from "./harness.js";

function setup() {
  const h = new Harness();
  h.addBroker(1, "a");
  h.addBroker(2, "b");
  h.addBroker(3, "c");
  h.addBroker(4, "a");
  const topic = h.createTopic("t", { assignments: [[1, 2, 3]] });
  return { h, topic };
}

function alter(
  h: Harness,
  topicId: Uint8Array,
  init: {
    brokerId?: number;
    brokerEpoch?: bigint;
    leaderEpoch?: number;
    partitionEpoch?: number;
    newIsr: number[];
  },
): AlterPartitionResponse {
  const brokerId = init.brokerId ?? 1;
  return h.run(
    alterPartition(
      h.image,
      create(AlterPartitionRequestSchema, {
        brokerId,
        brokerEpoch: init.brokerEpoch ?? h.image.brokers.get(brokerId)?.epoch ?? 0n,
        partitions: [
          {
            topicId,
            partition: 0,
            leaderEpoch: init.leaderEpoch ?? 0,
            partitionEpoch: init.partitionEpoch ?? 0,
            newIsr: init.newIsr,
          },
        ],
      }),
    ),
  );
}

describe("AlterPartition", () => {
  it("shrinks and expands the ISR, bumping only the partition epoch", () => {
    const { h, topic } = setup();
    const shrunk = alter(h, topic.id, { newIsr: [1, 2] });
    expect(shrunk.errorCode).toBe(0);
    expect(shrunk.partitions[0]).toMatchObject({
      errorCode: 0,
      leader: 1,
      leaderEpoch: 0,
      isr: [1, 2],
      partitionEpoch: 1,
    });
    expect(h.topic("t").partitions[0]).toMatchObject({ isr: [1, 2], leaderEpoch: 0, partitionEpoch: 1 });

    const expanded = alter(h, topic.id, { partitionEpoch: 1, newIsr: [1, 2, 3] });
    expect(expanded.partitions[0]).toMatchObject({ errorCode: 0, isr: [1, 2, 3], partitionEpoch: 2 });
  });

  it("rejects a leader epoch other than the partition's with FENCED_LEADER_EPOCH", () => {
    const { h, topic } = setup();
    // Broker 1 loses leadership (fenced), comes back, and 2 leads at leader epoch 1.
    h.heartbeat(1, { wantsFence: true });
    h.heartbeat(1);
    const p = h.topic("t").partitions[0];
    expect(p).toMatchObject({ leader: 2, leaderEpoch: 1 });
    const before = h.image;
    const stale = alter(h, topic.id, {
      brokerId: 2,
      leaderEpoch: 0,
      partitionEpoch: p?.partitionEpoch,
      newIsr: [2],
    });
    expect(stale.partitions[0]).toMatchObject({ errorCode: 74 });
    expect(stale.partitions[0]?.errorMessage).toMatch(/leader epoch 0.*is 1/);
    const ahead = alter(h, topic.id, {
      brokerId: 2,
      leaderEpoch: 5,
      partitionEpoch: p?.partitionEpoch,
      newIsr: [2],
    });
    expect(ahead.partitions[0]?.errorCode).toBe(74);
    expect(h.image).toBe(before);
  });

  it("rejects a partition epoch other than the partition's with INVALID_UPDATE_VERSION", () => {
    const { h, topic } = setup();
    alter(h, topic.id, { newIsr: [1, 2] });
    const stale = alter(h, topic.id, { partitionEpoch: 0, newIsr: [1] });
    expect(stale.partitions[0]?.errorCode).toBe(95);
    expect(h.topic("t").partitions[0]?.isr).toEqual([1, 2]);
  });

  it("checks the sender leads, the ISR is a subset of the replicas with the leader, and added brokers are active", () => {
    const { h, topic } = setup();
    expect(alter(h, topic.id, { brokerId: 2, newIsr: [2] }).partitions[0]?.errorCode).toBe(42);
    expect(alter(h, topic.id, { newIsr: [2, 3] }).partitions[0]?.errorCode).toBe(42);
    expect(alter(h, topic.id, { newIsr: [1, 4] }).partitions[0]?.errorCode).toBe(42);
    expect(alter(h, topic.id, { newIsr: [1, 1] }).partitions[0]?.errorCode).toBe(42);
    alter(h, topic.id, { newIsr: [1] });
    h.heartbeat(3, { wantsFence: true });
    const ineligible = alter(h, topic.id, { partitionEpoch: 1, newIsr: [1, 3] });
    expect(ineligible.partitions[0]?.errorCode).toBe(107);
    expect(h.topic("t").partitions[0]?.isr).toEqual([1]);
  });

  it("rejects a stale broker epoch for the whole request, and unknown topics and partitions per item", () => {
    const { h, topic } = setup();
    const stale = alter(h, topic.id, { brokerEpoch: 1n, newIsr: [1] });
    expect(stale.errorCode).toBe(77);
    expect(stale.partitions).toEqual([]);
    const unknown = alter(h, new Uint8Array(16).fill(7), { newIsr: [1] });
    expect(unknown.partitions[0]?.errorCode).toBe(100);
    const response = h.run(
      alterPartition(
        h.image,
        create(AlterPartitionRequestSchema, {
          brokerId: 1,
          brokerEpoch: h.image.brokers.get(1)?.epoch ?? 0n,
          partitions: [{ topicId: topic.id, partition: 9, newIsr: [1] }],
        }),
      ),
    );
    expect(response.partitions[0]?.errorCode).toBe(3);
  });

  it("writes nothing when the ISR does not change", () => {
    const { h, topic } = setup();
    const outcome = alterPartition(
      h.image,
      create(AlterPartitionRequestSchema, {
        brokerId: 1,
        brokerEpoch: h.image.brokers.get(1)?.epoch ?? 0n,
        partitions: [
          { topicId: topic.id, partition: 0, leaderEpoch: 0, partitionEpoch: 0, newIsr: [3, 2, 1] },
        ],
      }),
    );
    expect(outcome.records).toEqual([]);
    expect(outcome.response.partitions[0]).toMatchObject({ errorCode: 0, partitionEpoch: 0 });
  });
});
