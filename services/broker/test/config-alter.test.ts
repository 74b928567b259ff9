/**
 * Planning config changes: legacy AlterConfigs replaces a resource's whole
 * set of dynamic configs; IncrementalAlterConfigs' APPEND and SUBTRACT become
 * SETs of list configs computed from the current value or Kafka's default;
 * resource names and operations get the errors the Java broker gives.
 */
import { ErrorCode } from "@runnel/kafka-protocol";
import { emptyImage, type MetadataImage } from "@runnel/metadata";
import { describe, expect, it } from "vitest";
import {
  type AlterTarget,
  alterTarget,
  applied,
  duplicateResources,
  OpType,
  planIncremental,
  planReplace,
} from "../src/config-alter.js";

const topic = (current?: Record<string, string>): AlterTarget => ({
  kind: "topic",
  name: "t",
  current: current === undefined ? undefined : new Map(Object.entries(current)),
});
const brokerTarget: AlterTarget = { kind: "broker", name: "", current: undefined };
const { SET, DELETE, APPEND, SUBTRACT } = OpType;
const op = (name: string, configOperation: number, value: string | null = null) => ({
  name,
  configOperation,
  value,
});

describe("planIncremental", () => {
  it("APPENDs to a list config from Kafka's default when the topic has no value", () => {
    expect(planIncremental(topic(), [op("cleanup.policy", APPEND, "compact")])).toEqual([
      { key: "cleanup.policy", value: "delete,compact" },
    ]);
  });

  it("APPENDs only items not yet present, and SUBTRACTs from the current value", () => {
    const t = topic({ "cleanup.policy": "delete,compact" });
    expect(planIncremental(t, [op("cleanup.policy", APPEND, "compact,delete")])).toEqual([
      { key: "cleanup.policy", value: "delete,compact" },
    ]);
    expect(planIncremental(t, [op("cleanup.policy", SUBTRACT, "delete")])).toEqual([
      { key: "cleanup.policy", value: "compact" },
    ]);
    expect(planIncremental(t, [op("cleanup.policy", SUBTRACT, "compact, delete")])).toEqual([
      { key: "cleanup.policy", value: "" },
    ]);
    expect(
      planIncremental(topic({ "leader.replication.throttled.replicas": "0:1" }), [
        op("leader.replication.throttled.replicas", APPEND, "1:1,0:1,2:1"),
      ]),
    ).toEqual([{ key: "leader.replication.throttled.replicas", value: "0:1,1:1,2:1" }]);
  });

  it("refuses APPEND and SUBTRACT on configs that are not lists with INVALID_CONFIG", () => {
    for (const o of [APPEND, SUBTRACT]) {
      const r = planIncremental(topic(), [op("retention.ms", o, "5")]);
      expect(r).toMatchObject({ code: ErrorCode.INVALID_CONFIG });
      expect((r as { message: string }).message).toContain("LIST");
    }
    expect(planIncremental(topic(), [op("no.such.config", APPEND, "x")])).toMatchObject({
      code: ErrorCode.INVALID_CONFIG,
    });
  });

  it("passes SET and DELETE through; deleting an unknown topic config is a no-op, as in Kafka", () => {
    expect(
      planIncremental(topic({ "retention.ms": "1" }), [
        op("retention.ms", DELETE),
        op("segment.ms", SET, "1000"),
        op("no.such.config", DELETE),
      ]),
    ).toEqual([
      { key: "retention.ms", value: undefined },
      { key: "segment.ms", value: "1000" },
    ]);
  });

  it("refuses duplicate keys, null values and unknown operations with INVALID_REQUEST", () => {
    expect(
      planIncremental(topic(), [op("retention.ms", SET, "1"), op("retention.ms", DELETE)]),
    ).toMatchObject({
      code: ErrorCode.INVALID_REQUEST,
    });
    expect(planIncremental(topic(), [op("retention.ms", SET, null)])).toMatchObject({
      code: ErrorCode.INVALID_REQUEST,
    });
    expect(planIncremental(topic(), [op("retention.ms", 9, "1")])).toMatchObject({
      code: ErrorCode.INVALID_REQUEST,
    });
  });

  it("refuses broker configs fixed at start-up with INVALID_REQUEST, naming them", () => {
    const r = planIncremental(brokerTarget, [
      op("num.partitions", SET, "3"),
      op("log.retention.ms", SET, "5"),
    ]);
    expect(r).toEqual({
      code: ErrorCode.INVALID_REQUEST,
      message: "Cannot update these configs dynamically: num.partitions",
    });
    expect(planIncremental(brokerTarget, [op("log.cleanup.policy", APPEND, "compact")])).toEqual([
      { key: "log.cleanup.policy", value: "delete,compact" },
    ]);
  });
});

describe("planReplace", () => {
  it("sets the listed configs and deletes every other key set now", () => {
    const t = topic({ "retention.ms": "1", "cleanup.policy": "compact", "segment.ms": "5" });
    expect(
      planReplace(t, [
        { name: "segment.ms", value: "100" },
        { name: "max.message.bytes", value: "5000" },
      ]),
    ).toEqual([
      { key: "segment.ms", value: "100" },
      { key: "max.message.bytes", value: "5000" },
      { key: "retention.ms", value: undefined },
      { key: "cleanup.policy", value: undefined },
    ]);
    expect(planReplace(t, [])).toHaveLength(3);
    expect(planReplace(topic(), [])).toEqual([]);
  });

  it("refuses null values, duplicate keys and fixed broker configs with INVALID_REQUEST", () => {
    expect(planReplace(topic(), [{ name: "segment.ms", value: null }])).toMatchObject({
      code: ErrorCode.INVALID_REQUEST,
    });
    expect(
      planReplace(topic(), [
        { name: "segment.ms", value: "1" },
        { name: "segment.ms", value: "2" },
      ]),
    ).toMatchObject({ code: ErrorCode.INVALID_REQUEST });
    expect(planReplace(brokerTarget, [{ name: "node.id", value: "2" }])).toMatchObject({
      code: ErrorCode.INVALID_REQUEST,
    });
  });
});

describe("alterTarget", () => {
  const image: MetadataImage = {
    ...emptyImage(),
    topicKeysByName: new Map([["t", "key-t"]]),
    topicConfigs: new Map([["t", new Map([["retention.ms", "1"]])]]),
    brokerConfigs: new Map([
      ["", new Map([["log.retention.ms", "5"]])],
      ["1", new Map([["log.segment.bytes", "1048576"]])],
    ]),
  };

  it("resolves topics and this broker's resources to their current configs", () => {
    expect(alterTarget(image, 1, 2, "t")).toEqual({
      kind: "topic",
      name: "t",
      current: new Map([["retention.ms", "1"]]),
    });
    expect(alterTarget(image, 1, 4, "")).toMatchObject({
      kind: "broker",
      name: "",
      current: new Map([["log.retention.ms", "5"]]),
    });
    expect(alterTarget(image, 1, 4, "1")).toMatchObject({ kind: "broker", name: "1" });
  });

  it("gives the Java broker's error codes for bad resources", () => {
    expect(alterTarget(image, 1, 2, "nope")).toEqual({
      code: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
      message: "The topic 'nope' does not exist.",
    });
    expect(alterTarget(image, 1, 2, "bad/name")).toMatchObject({ code: ErrorCode.INVALID_TOPIC_EXCEPTION });
    expect(alterTarget(image, 1, 2, "")).toMatchObject({ code: ErrorCode.INVALID_TOPIC_EXCEPTION });
    expect(alterTarget(image, 1, 4, "7")).toMatchObject({ code: ErrorCode.INVALID_REQUEST });
    expect(alterTarget(image, 1, 4, "x")).toEqual({
      code: ErrorCode.INVALID_REQUEST,
      message: "Broker id must be an integer, but it is: x",
    });
    expect(alterTarget(image, 1, 8, "")).toEqual({
      code: ErrorCode.INVALID_REQUEST,
      message: "Broker id must not be empty",
    });
    expect(alterTarget(image, 1, 8, "1")).toMatchObject({ code: ErrorCode.INVALID_REQUEST });
    expect(alterTarget(image, 1, 99, "x")).toMatchObject({ code: ErrorCode.INVALID_REQUEST });
  });
});

describe("helpers", () => {
  it("finds resources named twice", () => {
    const rs = [
      { resourceType: 2, resourceName: "a" },
      { resourceType: 4, resourceName: "a" },
      { resourceType: 2, resourceName: "a" },
    ];
    expect([...duplicateResources(rs)]).toEqual([0, 2]);
  });

  it("tells when an image shows the planned ops", () => {
    const ops = [
      { key: "a", value: "1" },
      { key: "b", value: undefined },
    ];
    expect(applied(new Map([["a", "1"]]), ops)).toBe(true);
    expect(
      applied(
        new Map([
          ["a", "1"],
          ["b", "2"],
        ]),
        ops,
      ),
    ).toBe(false);
    expect(applied(undefined, ops)).toBe(false);
  });
});
