/**
 * A broker process following a real metadata quorum, as a Kafka client sees
 * it: ApiVersions (including a version it does not know, KIP-511) and
 * Metadata with auto-creation, through kafkajs and raw frames.
 */
import { Socket } from "node:net";
import { decodeResponse, encodeRequest } from "@runnel/kafka-protocol";
import { Kafka, logLevel } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrokerProcess, startBroker } from "../harness/broker.js";
import { MetadataQuorum } from "../harness/metadata.js";

let q: MetadataQuorum;
let broker: BrokerProcess;

beforeAll(async () => {
  q = await MetadataQuorum.start({ voters: 3 });
  broker = await startBroker(q, 1, "a");
}, 90_000);

afterAll(async () => {
  await broker?.process.close();
  await q?.close();
});

/** Sends one raw frame and returns the first response frame's payload. */
function roundTrip(port: number, frame: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const s = new Socket();
    let buf = Buffer.alloc(0);
    s.on("data", (d) => {
      buf = Buffer.concat([buf, d]);
      if (buf.byteLength >= 4 && buf.byteLength >= 4 + buf.readInt32BE(0)) {
        s.destroy();
        resolve(buf.subarray(4, 4 + buf.readInt32BE(0)));
      }
    });
    s.on("error", reject);
    s.connect(port, "127.0.0.1", () => s.write(frame));
  });
}

describe("broker metadata path", () => {
  it("answers an ApiVersions version it does not know with UNSUPPORTED_VERSION and a v0 key list (KIP-511)", async () => {
    const frame = Buffer.alloc(4 + 14);
    frame.writeInt32BE(14, 0);
    frame.writeInt16BE(18, 4); // ApiVersions
    frame.writeInt16BE(99, 6); // a version from the future
    frame.writeInt32BE(5, 8);
    frame.writeInt16BE(4, 12);
    frame.write("test", 14);
    const response = decodeResponse(18, 0, await roundTrip(broker.port, frame));
    if (!response.ok) throw new Error(response.error.message);
    expect(response.value.header.correlationId).toBe(5);
    expect(response.value.body.errorCode).toBe(35);
    const keys = response.value.body.apiKeys.map((k) => k.apiKey);
    expect(keys).toContain(18);
    expect(keys).toContain(3);
  });

  it("advertises only the APIs it serves", async () => {
    const frame = encodeRequest(
      18,
      3,
      { correlationId: 1, clientId: "t" },
      {
        clientSoftwareName: "runnel-e2e",
        clientSoftwareVersion: "1.0",
      },
    );
    const response = decodeResponse(18, 3, await roundTrip(broker.port, frame));
    if (!response.ok) throw new Error(response.error.message);
    expect(response.value.body.errorCode).toBe(0);
    // Transactions are a later issue: never advertised before they work.
    for (const txnKey of [24, 25, 26, 28])
      expect(response.value.body.apiKeys.map((k) => k.apiKey)).not.toContain(txnKey);
  });

  it("auto-creates a topic a Metadata request asks for, when allowed", async () => {
    const request = (v: number, allow: boolean) =>
      encodeRequest(
        3,
        v,
        { correlationId: 2, clientId: "t" },
        {
          topics: [{ topicId: "AAAAAAAAAAAAAAAAAAAAAA", name: allow ? "auto-created" : "not-created" }],
          allowAutoTopicCreation: allow,
          includeClusterAuthorizedOperations: false,
          includeTopicAuthorizedOperations: false,
        },
      );
    const refused = decodeResponse(3, 9, await roundTrip(broker.port, request(9, false)));
    if (!refused.ok) throw new Error(refused.error.message);
    expect(refused.value.body.topics[0]?.errorCode).toBe(3); // UNKNOWN_TOPIC_OR_PARTITION
    let leader = -1;
    for (let i = 0; i < 100 && leader === -1; i++) {
      const r = decodeResponse(3, 9, await roundTrip(broker.port, request(9, true)));
      if (!r.ok) throw new Error(r.error.message);
      const t = r.value.body.topics[0];
      // LEADER_NOT_AVAILABLE while the topic is being created, as Kafka answers.
      if (t?.errorCode === 0) leader = t.partitions[0]?.leaderId ?? -1;
      else expect(t?.errorCode).toBe(5);
      if (leader === -1) await new Promise((res) => setTimeout(res, 50));
    }
    expect(leader).toBe(1);
  }, 30_000);

  it("describes the cluster and a topic's partitions to kafkajs", async () => {
    const created = await q.controller.call((c, o) =>
      c.createTopics({ topics: [{ name: "described", numPartitions: 3 }] }, o),
    );
    expect(created.topics[0]?.errorCode).toBe(0);
    const kafka = new Kafka({ brokers: [broker.bootstrap], clientId: "e2e", logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    try {
      const cluster = await admin.describeCluster();
      expect(cluster.brokers).toEqual([{ nodeId: 1, host: "127.0.0.1", port: broker.port }]);
      let partitions: { partitionId: number; leader: number; isr: number[] }[] = [];
      for (let i = 0; i < 50 && partitions.length < 3; i++) {
        const meta = await admin.fetchTopicMetadata({ topics: ["described"] }).catch(() => undefined);
        partitions = meta?.topics[0]?.partitions ?? [];
        if (partitions.length < 3) await new Promise((res) => setTimeout(res, 50));
      }
      expect(partitions.map((p) => p.partitionId).sort()).toEqual([0, 1, 2]);
      for (const p of partitions) {
        expect(p.leader).toBe(1);
        expect(p.isr).toEqual([1]);
      }
    } finally {
      await admin.disconnect();
    }
  }, 60_000);

  it("creates, grows and deletes topics for kafkajs's admin client, and refuses replication it cannot give", async () => {
    const kafka = new Kafka({
      brokers: [broker.bootstrap],
      clientId: "e2e-admin",
      logLevel: logLevel.NOTHING,
    });
    const admin = kafka.admin();
    await admin.connect();
    try {
      expect(
        await admin.createTopics({ topics: [{ topic: "admin-a", numPartitions: 2 }], waitForLeaders: true }),
      ).toBe(true);
      // Creating it again is TOPIC_ALREADY_EXISTS, which kafkajs reports as false.
      expect(await admin.createTopics({ topics: [{ topic: "admin-a", numPartitions: 2 }] })).toBe(false);
      const refused = await admin
        .createTopics({ topics: [{ topic: "admin-rf3", numPartitions: 1, replicationFactor: 3 }] })
        .catch((e: { errors?: { type?: string; message?: string }[] }) => e);
      expect(refused).toMatchObject({ errors: [{ type: "INVALID_REPLICATION_FACTOR" }] });
      await admin.createPartitions({ topicPartitions: [{ topic: "admin-a", count: 4 }] });
      const meta = await admin.fetchTopicMetadata({ topics: ["admin-a"] });
      expect(meta.topics[0]?.partitions).toHaveLength(4);
      await expect(
        admin.createPartitions({ topicPartitions: [{ topic: "admin-a", count: 2 }] }),
      ).rejects.toThrow();
      expect(await admin.listTopics()).toContain("admin-a");
      await admin.deleteTopics({ topics: ["admin-a"] });
      expect(await admin.listTopics()).not.toContain("admin-a");
    } finally {
      await admin.disconnect();
    }
  }, 60_000);

  it("answers DescribeCluster (v1) with the brokers and this broker as controller", async () => {
    const frame = encodeRequest(
      60,
      1,
      { correlationId: 3, clientId: "t" },
      {
        includeClusterAuthorizedOperations: false,
        endpointType: 1,
      },
    );
    const r = decodeResponse(60, 1, await roundTrip(broker.port, frame));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.body.errorCode).toBe(0);
    expect(r.value.body.controllerId).toBe(1);
    expect(r.value.body.brokers).toEqual([{ brokerId: 1, host: "127.0.0.1", port: broker.port, rack: "a" }]);
  });

  it("shuts down under control and comes back without waiting out its session", async () => {
    const exit = await broker.process.stop();
    expect(exit).toEqual({ code: 0, signal: null });
    expect(broker.process.lines.some((l) => l.msg === "controlled shutdown complete")).toBe(true);
    const linesBefore = broker.process.lines.length;
    broker.process.start();
    await broker.process.waitForLine((l) => l.msg === "unfenced", 30_000);
    // The new incarnation registered at once: it never had to wait for the old one's lease.
    const refused = broker.process.lines
      .slice(linesBefore)
      .filter((l) => String(l.error ?? "").includes("lease has not expired"));
    expect(refused).toEqual([]);
  }, 60_000);
});
