import { create, type MessageInitShape } from "@bufbuild/protobuf";
import {
  AlterConfigsRequestSchema,
  type AlterConfigsResourceSchema,
  AlterPartitionRequestSchema,
  ConfigOpType,
  ConfigResourceType,
  CreatePartitionsRequestSchema,
  type CreateTopicsRequest,
  CreateTopicsRequestSchema,
  DeleteTopicsRequestSchema,
  ElectLeadersRequestSchema,
} from "@runnel/rpc";
import { describe, expect, it } from "vitest";
import {
  alterConfigs,
  alterPartition,
  createPartitions,
  createTopics,
  deleteTopics,
  electLeaders,
  isZeroId,
  topicKey,
} from "../../src/controller/index.js";
import { Harness } from "./harness.js";

function cluster(): Harness {
  const h = new Harness();
  h.addBroker(1, "a", "c1");
  h.addBroker(2, "b", "c1");
  h.addBroker(3, "c", "c1");
  h.addBroker(4, "a", "c2");
  return h;
}

function create_(h: Harness, init: MessageInitShape<typeof CreateTopicsRequestSchema>, options = h.options) {
  const request: CreateTopicsRequest = create(CreateTopicsRequestSchema, init);
  return h.run(createTopics(h.image, request, { options, randomBytes: h.random }));
}

describe("CreateTopics", () => {
  it("creates a topic with a fresh id, placed partitions, leaders and configs", () => {
    const h = cluster();
    const response = create_(h, {
      topics: [
        {
          name: "orders",
          numPartitions: 3,
          replicationFactor: 3,
          configs: [{ key: "cleanup.policy", value: "compact,delete" }],
        },
      ],
      cell: "c1",
    });
    const result = response.topics[0];
    expect(result).toMatchObject({ name: "orders", errorCode: 0, numPartitions: 3, replicationFactor: 3 });
    expect(result?.topicId).toHaveLength(16);
    expect(isZeroId(result?.topicId ?? new Uint8Array(16))).toBe(false);
    const topic = h.topic("orders");
    expect(topic.key).toBe(topicKey(result?.topicId ?? new Uint8Array()));
    for (const p of topic.partitions) {
      expect(p.replicas.slice().sort()).toEqual([1, 2, 3]);
      expect(p).toMatchObject({ leader: p.replicas[0], isr: p.replicas, leaderEpoch: 0, partitionEpoch: 0 });
    }
    expect(new Set(topic.partitions.map((p) => p.leader)).size).toBe(3);
    expect(h.image.topicConfigs.get("orders")).toEqual(new Map([["cleanup.policy", "compact,delete"]]));
  });

  it("uses the defaults for unset counts", () => {
    const h = cluster();
    const response = create_(h, { topics: [{ name: "d" }] });
    expect(response.topics[0]).toMatchObject({ errorCode: 0, numPartitions: 1, replicationFactor: 3 });
  });

  it("validates names like Kafka", () => {
    const h = cluster();
    const names = ["", ".", "..", "a".repeat(250), "bad name", "ü", "a/b"];
    const response = create_(h, { topics: names.map((name) => ({ name })) });
    expect(response.topics.map((t) => t.errorCode)).toEqual(names.map(() => 17));
    const ok = create_(h, { topics: [{ name: "a".repeat(249) }, { name: "A.b_c-9" }] });
    expect(ok.topics.map((t) => t.errorCode)).toEqual([0, 0]);
  });

  it("refuses existing names, colliding names and names given twice, creating the rest", () => {
    const h = cluster();
    h.createTopic("metrics.cpu", { numPartitions: 1, replicationFactor: 1 });
    const response = create_(h, {
      topics: [
        { name: "metrics.cpu" },
        { name: "metrics_cpu" },
        { name: "dup" },
        { name: "dup" },
        { name: "fine" },
      ],
    });
    expect(response.topics.map((t) => t.errorCode)).toEqual([36, 17, 42, 42, 0]);
    expect(h.image.topicKeysByName.has("fine")).toBe(true);
    expect(h.image.topicKeysByName.has("dup")).toBe(false);
  });

  it("refuses bad partition counts, replication factors and configs", () => {
    const h = cluster();
    const response = create_(h, {
      topics: [
        { name: "p0", numPartitions: 0 },
        { name: "rf5", replicationFactor: 5 },
        { name: "rf0", replicationFactor: 0 },
        { name: "cfg", configs: [{ key: "retention.ms", value: "soon" }] },
        { name: "key", configs: [{ key: "no.such.key", value: "1" }] },
        { name: "unclean", configs: [{ key: "unclean.leader.election.enable", value: "true" }] },
        { name: "huge", numPartitions: 10_001 },
      ],
    });
    expect(response.topics.map((t) => t.errorCode)).toEqual([37, 38, 38, 40, 40, 44, 37]);
    expect(response.topics[1]?.errorMessage).toMatch(
      /Replication factor 5 is larger than the number of available brokers: 4/,
    );
    expect(h.image.topics.size).toBe(0);
  });

  it("accepts explicit assignments and checks them", () => {
    const h = cluster();
    const response = create_(h, {
      topics: [
        { name: "manual", assignments: [{ brokerIds: [3, 1] }, { brokerIds: [1, 2] }] },
        { name: "ragged", assignments: [{ brokerIds: [1, 2] }, { brokerIds: [3] }] },
        { name: "twice", assignments: [{ brokerIds: [1, 1] }] },
        { name: "ghost", assignments: [{ brokerIds: [1, 9] }] },
        { name: "both", numPartitions: 1, assignments: [{ brokerIds: [1] }] },
        { name: "outside", assignments: [{ brokerIds: [4] }] },
      ],
      cell: "c1",
    });
    expect(response.topics.map((t) => t.errorCode)).toEqual([0, 39, 39, 39, 42, 44]);
    expect(h.topic("manual").partitions.map((p) => [p.replicas, p.leader])).toEqual([
      [[3, 1], 3],
      [[1, 2], 1],
    ]);
  });

  it("writes nothing under validate_only, and limits the records of one request", () => {
    const h = cluster();
    const before = h.log.length;
    const response = create_(h, { topics: [{ name: "v", numPartitions: 2 }], validateOnly: true });
    expect(response.topics[0]?.errorCode).toBe(0);
    expect(h.log.length).toBe(before);
    const limited = create_(
      h,
      {
        topics: [
          { name: "x", numPartitions: 5 },
          { name: "y", numPartitions: 5 },
        ],
      },
      { ...h.options, recordsPerBatchMax: 8 },
    );
    expect(limited.topics.map((t) => t.errorCode)).toEqual([0, 44]);
  });
});

describe("DeleteTopics", () => {
  it("removes topics named by name or id with their partitions and configs", () => {
    const h = cluster();
    const a = h.createTopic("a", { numPartitions: 2, replicationFactor: 1 });
    h.createTopic("b", { numPartitions: 1, replicationFactor: 1 });
    h.run(
      alterConfigs(
        h.image,
        create(AlterConfigsRequestSchema, {
          resources: [
            {
              resourceType: ConfigResourceType.TOPIC,
              resourceName: "b",
              ops: [{ key: "retention.ms", op: ConfigOpType.SET, value: "1000" }],
            },
          ],
        }),
      ),
    );
    const response = h.run(
      deleteTopics(
        h.image,
        create(DeleteTopicsRequestSchema, {
          topics: [
            { ref: { case: "topicId", value: a.id } },
            { ref: { case: "name", value: "b" } },
            { ref: { case: "name", value: "nope" } },
            { ref: { case: "topicId", value: new Uint8Array(16).fill(3) } },
            {},
          ],
        }),
      ),
    );
    expect(response.topics.map((t) => [t.name, t.errorCode])).toEqual([
      ["a", 0],
      ["b", 0],
      ["nope", 3],
      ["", 100],
      ["", 42],
    ]);
    expect(h.image.topics.size).toBe(0);
    expect(h.image.topicConfigs.size).toBe(0);
    // The name is free again, under a new id.
    const again = h.createTopic("a", { numPartitions: 1, replicationFactor: 1 });
    expect(again.key).not.toBe(a.key);
  });
});

describe("CreatePartitions", () => {
  it("only increases the count, placing new partitions with the topic's replication factor", () => {
    const h = cluster();
    h.createTopic("t", { numPartitions: 2, replicationFactor: 2, cell: "c1" });
    const grow = (count: number, assignments: number[][] = []) =>
      h.run(
        createPartitions(
          h.image,
          create(CreatePartitionsRequestSchema, {
            topics: [{ name: "t", count, assignments: assignments.map((brokerIds) => ({ brokerIds })) }],
            cell: "c1",
          }),
          h.options,
        ),
      ).topics[0];
    expect(grow(5)?.errorCode).toBe(0);
    const partitions = h.topic("t").partitions;
    expect(partitions).toHaveLength(5);
    for (const p of partitions) {
      expect(p.replicas).toHaveLength(2);
      expect(p.replicas.every((r) => r !== 4)).toBe(true);
    }
    expect(grow(5)?.errorCode).toBe(37);
    expect(grow(3)?.errorCode).toBe(37);
    expect(grow(7, [[1, 2]])?.errorCode).toBe(39);
    expect(grow(6, [[1]])?.errorCode).toBe(39);
    expect(grow(6, [[2, 3]])?.errorCode).toBe(0);
    expect(h.topic("t").partitions[5]?.replicas).toEqual([2, 3]);
    const unknown = createPartitions(
      h.image,
      create(CreatePartitionsRequestSchema, { topics: [{ name: "nope", count: 2 }] }),
      h.options,
    );
    expect(unknown.response.topics[0]?.errorCode).toBe(3);
  });
});

describe("AlterConfigs", () => {
  const alter = (h: Harness, resources: MessageInitShape<typeof AlterConfigsRequestSchema>["resources"]) =>
    h.run(alterConfigs(h.image, create(AlterConfigsRequestSchema, { resources })));
  const op = (key: string, value?: string) =>
    value === undefined ? { key, op: ConfigOpType.DELETE } : { key, op: ConfigOpType.SET, value };
  const topic = (
    name: string,
    ops: ReturnType<typeof op>[],
  ): MessageInitShape<typeof AlterConfigsResourceSchema> => ({
    resourceType: ConfigResourceType.TOPIC,
    resourceName: name,
    ops,
  });

  it("sets and deletes topic and broker configs, writing only real changes", () => {
    const h = cluster();
    h.createTopic("t", { numPartitions: 1, replicationFactor: 1 });
    const set = alter(h, [
      topic("t", [op("retention.ms", "1000"), op("segment.bytes", "1048576")]),
      { resourceType: ConfigResourceType.BROKER, resourceName: "2", ops: [op("log.retention.ms", "5")] },
    ]);
    expect(set.resources.map((r) => r.errorCode)).toEqual([0, 0]);
    expect(h.image.topicConfigs.get("t")).toEqual(
      new Map([
        ["retention.ms", "1000"],
        ["segment.bytes", "1048576"],
      ]),
    );
    expect(h.image.brokerConfigs.get("2")).toEqual(new Map([["log.retention.ms", "5"]]));
    const before = h.log.length;
    alter(h, [topic("t", [op("retention.ms", "1000"), op("max.message.bytes")])]);
    expect(h.log.length).toBe(before);
    alter(h, [topic("t", [op("retention.ms")])]);
    expect(h.image.topicConfigs.get("t")).toEqual(new Map([["segment.bytes", "1048576"]]));
  });

  it("refuses unknown resources, keys and values per resource", () => {
    const h = cluster();
    h.createTopic("t", { numPartitions: 1, replicationFactor: 1 });
    const response = alter(h, [
      topic("missing", [op("retention.ms", "1")]),
      { resourceType: ConfigResourceType.BROKER, resourceName: "x", ops: [op("log.retention.ms", "1")] },
      { resourceType: ConfigResourceType.BROKER, resourceName: "", ops: [op("min.insync.replicas", "2")] },
      topic("t", [op("retention.ms", "1"), op("retention.ms", "2")]),
    ]);
    expect(response.resources.map((r) => r.errorCode)).toEqual([3, 42, 0, 42]);
    expect(alter(h, [topic("t", [op("retention.ms", "-5")])]).resources[0]?.errorCode).toBe(40);
    expect(alter(h, [topic("t", [op("bogus", "1")])]).resources[0]?.errorCode).toBe(40);
    expect(alter(h, [topic("t", [op("bogus")])]).resources[0]?.errorCode).toBe(40);
    expect(h.image.topicConfigs.has("t")).toBe(false);
    expect(h.image.brokerConfigs.get("")).toEqual(new Map([["min.insync.replicas", "2"]]));
  });
});

describe("preferred leader election", () => {
  it("moves leadership back to the first replica when it is an active ISR member", () => {
    const h = cluster();
    h.createTopic("t", {
      assignments: [
        [1, 2],
        [2, 1],
      ],
    });
    h.heartbeat(1, { wantsFence: true });
    h.heartbeat(1);
    expect(h.topic("t").partitions[0]).toMatchObject({ leader: 2, isr: [2] });

    // Broker 1 is not back in the ISR yet: it cannot lead.
    const early = h.run(electLeaders(h.image, create(ElectLeadersRequestSchema, {}), h.options));
    expect(early.partitions).toEqual([]);
    const named = h.run(
      electLeaders(
        h.image,
        create(ElectLeadersRequestSchema, { topics: [{ topic: { ref: { case: "name", value: "t" } } }] }),
        h.options,
      ),
    );
    expect(named.partitions.map((p) => [p.partition, p.errorCode])).toEqual([
      [0, 80],
      [1, 84],
    ]);

    // The leader adds it back to the ISR; then the election moves leadership.
    const p0 = h.topic("t").partitions[0];
    h.run(
      alterPartition(
        h.image,
        create(AlterPartitionRequestSchema, {
          brokerId: 2,
          brokerEpoch: h.image.brokers.get(2)?.epoch,
          partitions: [
            {
              topicId: h.topic("t").id,
              partition: 0,
              leaderEpoch: p0?.leaderEpoch,
              partitionEpoch: p0?.partitionEpoch,
              newIsr: [2, 1],
            },
          ],
        }),
      ),
    );
    const elected = h.run(electLeaders(h.image, create(ElectLeadersRequestSchema, {}), h.options));
    expect(elected.partitions.map((p) => [p.topicName, p.partition, p.errorCode])).toEqual([["t", 0, 0]]);
    expect(h.topic("t").partitions[0]).toMatchObject({ leader: 1, leaderEpoch: (p0?.leaderEpoch ?? 0) + 1 });
  });
});
