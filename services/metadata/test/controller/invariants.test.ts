/**
 * Random histories of broker and admin operations, driven through the frontends and committed
 * through the backend, with the controller's guarantees checked after every batch:
 * - a leader is always an active broker (registered, unfenced, not shutting down) in the ISR;
 * - an ISR holds a broker that is not active only as its last member, with no leader;
 * - a new leader was in the ISR before the change (no unclean election);
 * - leader and partition epochs never go back;
 * and, at the end, replaying the log or loading a snapshot gives the same image.
 */
import { create } from "@bufbuild/protobuf";
import {
  AlterPartitionRequestSchema,
  BrokerRegistrationRequestSchema,
  CreatePartitionsRequestSchema,
  CreateTopicsRequestSchema,
  DeleteTopicsRequestSchema,
  ElectLeadersRequestSchema,
  UnregisterBrokerRequestSchema,
} from "@runnel/rpc";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  alterPartition,
  apply,
  createPartitions,
  createTopics,
  decodeImage,
  deleteTopics,
  electLeaders,
  emptyImage,
  encodeImage,
  expireLeases,
  isActive,
  type MetadataImage,
  NO_LEADER,
  registerBroker,
  unregisterBroker,
} from "../../src/controller/index.js";
import { CLUSTER_ID, Harness, incarnation } from "./harness.js";

const BROKERS = [1, 2, 3, 4, 5];
const ZONES = ["a", "b", "c"];

type Op =
  | { kind: "register"; broker: number; generation: number }
  | { kind: "heartbeat"; broker: number; fence: boolean; shutdown: boolean }
  | { kind: "expire"; broker: number }
  | { kind: "unregister"; broker: number }
  | { kind: "create"; partitions: number; rf: number }
  | { kind: "grow"; pick: number }
  | { kind: "delete"; pick: number }
  | { kind: "isr"; pick: number; keep: number[] }
  | { kind: "elect" };

const broker = fc.constantFrom(...BROKERS);
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("register" as const),
      broker,
      generation: fc.integer({ min: 0, max: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("heartbeat" as const),
      broker,
      fence: fc.boolean(),
      shutdown: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("heartbeat" as const),
      broker,
      fence: fc.constant(false),
      shutdown: fc.constant(false),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("expire" as const), broker }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("unregister" as const), broker }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("create" as const),
      partitions: fc.integer({ min: 1, max: 4 }),
      rf: fc.integer({ min: 1, max: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("grow" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("isr" as const),
      pick: fc.nat(),
      keep: fc.array(broker, { maxLength: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("elect" as const) }) },
);

function partitionsOf(image: MetadataImage) {
  return [...image.topics.values()].flatMap((topic) =>
    topic.partitions.map((p, index) => ({ topic, index, p })),
  );
}

function pickTopic(image: MetadataImage, pick: number) {
  const topics = [...image.topics.values()].sort((a, b) => a.name.localeCompare(b.name));
  return topics.length === 0 ? undefined : topics[pick % topics.length];
}

function run(h: Harness, o: Op, step: number): void {
  const image = h.image;
  switch (o.kind) {
    case "register": {
      const result = registerBroker(
        image,
        create(BrokerRegistrationRequestSchema, {
          brokerId: o.broker,
          clusterId: CLUSTER_ID,
          incarnationId: incarnation(o.broker, o.generation),
          zone: ZONES[o.broker % ZONES.length],
          listeners: [{ name: "INTERNAL", host: "h", port: 1 }],
        }),
        { clusterId: CLUSTER_ID, nextOffset: h.nextOffset, leaseAlive: () => false },
      );
      if (result.ok) h.run(result.value);
      return;
    }
    case "heartbeat":
      if (image.brokers.has(o.broker))
        h.heartbeat(o.broker, { wantsFence: o.fence, wantsShutdown: o.shutdown });
      return;
    case "expire": {
      const beats = new Map(BROKERS.filter((b) => b !== o.broker).map((b) => [b, step]));
      h.commit(expireLeases(image, step, 10, beats).records);
      return;
    }
    case "unregister":
      h.run(unregisterBroker(image, create(UnregisterBrokerRequestSchema, { brokerId: o.broker })));
      return;
    case "create":
      h.run(
        createTopics(
          image,
          create(CreateTopicsRequestSchema, {
            topics: [{ name: `t${step}`, numPartitions: o.partitions, replicationFactor: o.rf }],
          }),
          { options: h.options, randomBytes: h.random },
        ),
      );
      return;
    case "grow": {
      const topic = pickTopic(image, o.pick);
      if (topic === undefined) return;
      const request = { topics: [{ name: topic.name, count: topic.partitions.length + 1 }] };
      h.run(createPartitions(image, create(CreatePartitionsRequestSchema, request), h.options));
      return;
    }
    case "delete": {
      const topic = pickTopic(image, o.pick);
      if (topic === undefined) return;
      const request = { topics: [{ ref: { case: "name" as const, value: topic.name } }] };
      h.run(deleteTopics(image, create(DeleteTopicsRequestSchema, request)));
      return;
    }
    case "isr": {
      const all = partitionsOf(image).filter(({ p }) => p.leader !== NO_LEADER);
      const target = all[o.pick % Math.max(all.length, 1)];
      if (target === undefined) return;
      const { topic, index, p } = target;
      const newIsr = [p.leader, ...new Set(o.keep.filter((b) => b !== p.leader))];
      h.run(
        alterPartition(
          image,
          create(AlterPartitionRequestSchema, {
            brokerId: p.leader,
            brokerEpoch: image.brokers.get(p.leader)?.epoch,
            partitions: [
              {
                topicId: topic.id,
                partition: index,
                leaderEpoch: p.leaderEpoch,
                partitionEpoch: p.partitionEpoch,
                newIsr,
              },
            ],
          }),
        ),
      );
      return;
    }
    case "elect":
      h.run(electLeaders(image, create(ElectLeadersRequestSchema, {}), h.options));
      return;
  }
}

function checkInvariants(before: MetadataImage, after: MetadataImage): void {
  for (const { topic, index, p } of partitionsOf(after)) {
    const where = `${topic.name}-${index}`;
    if (p.leader !== NO_LEADER) {
      expect(isActive(after, p.leader), `${where}: leader ${p.leader} is not active`).toBe(true);
      expect(p.isr).toContain(p.leader);
    }
    if (p.isr.some((b) => !isActive(after, b))) {
      expect(p.isr, `${where}: inactive broker in a larger ISR`).toHaveLength(1);
      expect(p.leader).toBe(NO_LEADER);
    }
    const old = before.topics.get(topic.key)?.partitions[index];
    if (old === undefined) continue;
    expect(p.leaderEpoch).toBeGreaterThanOrEqual(old.leaderEpoch);
    expect(p.partitionEpoch).toBeGreaterThanOrEqual(old.partitionEpoch);
    if (p.leader !== old.leader) {
      expect(p.leaderEpoch).toBeGreaterThan(old.leaderEpoch);
      if (p.leader !== NO_LEADER)
        expect(old.isr, `${where}: unclean election of ${p.leader}`).toContain(p.leader);
    }
  }
}

describe("controller invariants over random histories", () => {
  it("keeps leaders clean and active, ISRs non-empty, epochs monotonic, and replay identical", () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 10, maxLength: 80, size: "max" }), (ops) => {
        const h = new Harness();
        // Start with a few live brokers so topics can be created.
        for (const b of [1, 2, 3]) h.addBroker(b, ZONES[b % ZONES.length] as string);
        ops.forEach((o, step) => {
          const before = h.image;
          run(h, o, step);
          checkInvariants(before, h.image);
        });
        let replayed = emptyImage();
        for (const b of h.log) replayed = apply(replayed, b.batch, b.offset, b.epoch);
        const bytes = encodeImage(h.image);
        expect(encodeImage(replayed)).toEqual(bytes);
        expect(encodeImage(decodeImage(bytes, h.image.lastOffset, h.image.lastEpoch))).toEqual(bytes);
      }),
      { numRuns: 200 },
    );
  });
});
