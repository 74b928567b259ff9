/**
 * Planning config changes on the broker: what the request alone decides
 * (duplicate keys, null values, unknown operation codes, configs fixed at
 * start-up, resource names) gets the errors the Java broker gives; every
 * operation that depends on the current configs (APPEND, SUBTRACT, legacy
 * AlterConfigs' whole-set replace) goes to the controller as it came, to be
 * worked out against its image.
 */
import { ErrorCode } from "@runnel/kafka-protocol";
import { emptyImage, listConfigDefault, type MetadataImage, TOPIC_CONFIGS } from "@runnel/metadata";
import { ConfigOpType } from "@runnel/rpc";
import { describe, expect, it } from "vitest";
import {
  type AlterTarget,
  alterTarget,
  duplicateResources,
  OpType,
  planIncremental,
  planReplace,
} from "../src/config-alter.js";
import { BROKER_CONFIG_DEFS, ConfigType, TOPIC_CONFIG_DEFS } from "../src/config-defs.js";

const topic: AlterTarget = { kind: "topic", name: "t" };
const brokerTarget: AlterTarget = { kind: "broker", name: "" };
const { SET, DELETE, APPEND, SUBTRACT } = OpType;
const op = (name: string, configOperation: number, value: string | null = null) => ({
  name,
  configOperation,
  value,
});

describe("planIncremental", () => {
  it("forwards every operation as it came, APPEND and SUBTRACT included", () => {
    expect(
      planIncremental(topic, [
        op("cleanup.policy", APPEND, "compact"),
        op("leader.replication.throttled.replicas", SUBTRACT, "0:1"),
        op("retention.ms", DELETE),
        op("segment.ms", SET, "1000"),
      ]),
    ).toEqual({
      ops: [
        { key: "cleanup.policy", op: ConfigOpType.APPEND, value: "compact" },
        { key: "leader.replication.throttled.replicas", op: ConfigOpType.SUBTRACT, value: "0:1" },
        { key: "retention.ms", op: ConfigOpType.DELETE, value: "" },
        { key: "segment.ms", op: ConfigOpType.SET, value: "1000" },
      ],
      replace: false,
    });
    // Whether a config is a LIST is the controller's to decide, against its schema.
    expect(planIncremental(topic, [op("retention.ms", APPEND, "5")])).toEqual({
      ops: [{ key: "retention.ms", op: ConfigOpType.APPEND, value: "5" }],
      replace: false,
    });
  });

  it("drops the deletion of a topic config Kafka does not know, as Kafka does", () => {
    expect(planIncremental(topic, [op("no.such.config", DELETE)])).toEqual({ ops: [], replace: false });
    // A broker config is another matter: the controller refuses the unknown name.
    expect(planIncremental(brokerTarget, [op("no.such.config", DELETE)])).toEqual({
      ops: [{ key: "no.such.config", op: ConfigOpType.DELETE, value: "" }],
      replace: false,
    });
  });

  it("refuses duplicate keys, null values and unknown operations with INVALID_REQUEST", () => {
    expect(planIncremental(topic, [op("retention.ms", SET, "1"), op("retention.ms", DELETE)])).toEqual({
      code: ErrorCode.INVALID_REQUEST,
      message: "Config retention.ms appears more than once.",
    });
    for (const o of [SET, APPEND, SUBTRACT]) {
      expect(planIncremental(topic, [op("cleanup.policy", o, null)])).toMatchObject({
        code: ErrorCode.INVALID_REQUEST,
      });
    }
    expect(planIncremental(topic, [op("retention.ms", 9, "1")])).toEqual({
      code: ErrorCode.INVALID_REQUEST,
      message: "Unknown config operation 9 for retention.ms.",
    });
    expect(planIncremental(topic, [op("retention.ms", -1, "1")])).toMatchObject({
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
    expect(planIncremental(brokerTarget, [op("log.cleanup.policy", APPEND, "compact")])).toEqual({
      ops: [{ key: "log.cleanup.policy", op: ConfigOpType.APPEND, value: "compact" }],
      replace: false,
    });
  });
});

describe("planReplace", () => {
  it("sends the listed configs as SETs with the controller's replace flag", () => {
    expect(
      planReplace(topic, [
        { name: "segment.ms", value: "100" },
        { name: "max.message.bytes", value: "5000" },
      ]),
    ).toEqual({
      ops: [
        { key: "segment.ms", op: ConfigOpType.SET, value: "100" },
        { key: "max.message.bytes", op: ConfigOpType.SET, value: "5000" },
      ],
      replace: true,
    });
    // An empty list still replaces: the controller deletes every key set.
    expect(planReplace(topic, [])).toEqual({ ops: [], replace: true });
  });

  it("refuses null values, duplicate keys and fixed broker configs with INVALID_REQUEST", () => {
    expect(planReplace(topic, [{ name: "segment.ms", value: null }])).toMatchObject({
      code: ErrorCode.INVALID_REQUEST,
    });
    expect(
      planReplace(topic, [
        { name: "segment.ms", value: "1" },
        { name: "segment.ms", value: "2" },
      ]),
    ).toMatchObject({ code: ErrorCode.INVALID_REQUEST });
    expect(planReplace(brokerTarget, [{ name: "node.id", value: "2" }])).toEqual({
      code: ErrorCode.INVALID_REQUEST,
      message: "Cannot update these configs dynamically: node.id",
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

  it("resolves topics and this broker's resources to the controller's resource names", () => {
    expect(alterTarget(image, 1, 2, "t")).toEqual({ kind: "topic", name: "t" });
    expect(alterTarget(image, 1, 4, "")).toEqual({ kind: "broker", name: "" });
    expect(alterTarget(image, 1, 4, "1")).toEqual({ kind: "broker", name: "1" });
    expect(alterTarget(image, 1, 4, "01")).toEqual({ kind: "broker", name: "1" });
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

describe("LIST configs", () => {
  it("are described with the type and default the controller's schema gives them", () => {
    const lists = (defs: ReadonlyMap<string, { type: number; default: string | null }>) =>
      [...defs].filter(([, d]) => d.type === ConfigType.LIST).map(([name, d]) => [name, d.default]);
    expect(lists(TOPIC_CONFIG_DEFS)).toEqual(
      [...TOPIC_CONFIGS.keys()]
        .filter((k) => listConfigDefault(TOPIC_CONFIGS, k) !== undefined)
        .map((k) => [k, listConfigDefault(TOPIC_CONFIGS, k)]),
    );
    expect(lists(TOPIC_CONFIG_DEFS).map(([name]) => name)).toEqual([
      "cleanup.policy",
      "follower.replication.throttled.replicas",
      "leader.replication.throttled.replicas",
    ]);
    expect(lists(BROKER_CONFIG_DEFS)).toEqual([["log.cleanup.policy", "delete"]]);
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
});
