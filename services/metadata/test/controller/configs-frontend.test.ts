/**
 * The config frontend works APPEND, SUBTRACT and legacy AlterConfigs' whole-set replace out
 * against the controller's own image, as Kafka's controller does: LIST configs only, starting
 * from Kafka's default when the key has no value, Kafka's message for other configs. Requests
 * built before either is applied (as two brokers would send them, each from the same image)
 * and applied back to back give the combined result, which planning on a broker lost.
 */
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import {
  type AlterConfigOpSchema,
  AlterConfigsRequestSchema,
  type AlterConfigsResourceSchema,
  type AlterConfigsResponse,
  ConfigOpType,
  ConfigResourceType,
} from "@runnel/rpc";
import { describe, expect, it } from "vitest";
import { alterConfigs, listConfigDefault, TOPIC_CONFIGS } from "../../src/controller/index.js";
import { Harness } from "./harness.js";

type Op = MessageInitShape<typeof AlterConfigOpSchema>;
type Resource = MessageInitShape<typeof AlterConfigsResourceSchema>;

const { SET, APPEND, SUBTRACT } = ConfigOpType;
const op = (key: string, kind: ConfigOpType, value = ""): Op => ({ key, op: kind, value });
const topic = (ops: Op[], replace = false): Resource => ({
  resourceType: ConfigResourceType.TOPIC,
  resourceName: "t",
  ops,
  replace,
});
const request = (resources: Resource[], validateOnly = false) =>
  create(AlterConfigsRequestSchema, { resources, validateOnly });

function cluster(): Harness {
  const h = new Harness();
  h.addBroker(1, "a");
  h.createTopic("t", { numPartitions: 1, replicationFactor: 1 });
  return h;
}

function alter(h: Harness, resources: Resource[], validateOnly = false): AlterConfigsResponse {
  return h.run(alterConfigs(h.image, request(resources, validateOnly)));
}

const configs = (h: Harness) => Object.fromEntries(h.image.topicConfigs.get("t") ?? []);
const errors = (r: AlterConfigsResponse) => r.resources.map((x) => [x.errorCode, x.errorMessage]);

describe("APPEND and SUBTRACT", () => {
  it("APPENDs to Kafka's default when the key has no value, then only items not yet present", () => {
    const h = cluster();
    expect(errors(alter(h, [topic([op("cleanup.policy", APPEND, "compact")])]))).toEqual([[0, ""]]);
    expect(configs(h)).toEqual({ "cleanup.policy": "delete,compact" });
    const before = h.log.length;
    alter(h, [topic([op("cleanup.policy", APPEND, "compact, delete")])]);
    expect(h.log.length).toBe(before);
    expect(configs(h)).toEqual({ "cleanup.policy": "delete,compact" });
  });

  it("SUBTRACTs from the current value, or from Kafka's default, down to the empty list", () => {
    const h = cluster();
    alter(h, [topic([op("cleanup.policy", SUBTRACT, "delete")])]);
    expect(configs(h)).toEqual({ "cleanup.policy": "" });
    alter(h, [topic([op("cleanup.policy", SET, "compact,delete")])]);
    alter(h, [topic([op("cleanup.policy", SUBTRACT, "compact")])]);
    expect(configs(h)).toEqual({ "cleanup.policy": "delete" });
  });

  it("takes throttled-replica lists (default empty) and the broker's log.cleanup.policy", () => {
    const h = cluster();
    const key = "leader.replication.throttled.replicas";
    alter(h, [topic([op(key, APPEND, "0:1")])]);
    alter(h, [topic([op(key, APPEND, "1:1,0:1,2:1,1:1")])]);
    expect(configs(h)).toEqual({ [key]: "0:1,1:1,2:1" });
    alter(h, [topic([op(key, SUBTRACT, "1:1")])]);
    expect(configs(h)).toEqual({ [key]: "0:1,2:1" });
    const broker = alter(h, [
      {
        resourceType: ConfigResourceType.BROKER,
        resourceName: "",
        ops: [op("log.cleanup.policy", APPEND, "compact")],
      },
    ]);
    expect(errors(broker)).toEqual([[0, ""]]);
    expect(h.image.brokerConfigs.get("")).toEqual(new Map([["log.cleanup.policy", "delete,compact"]]));
  });

  it("refuses configs that are not lists with INVALID_CONFIG and Kafka's message, changing nothing", () => {
    const h = cluster();
    alter(h, [topic([op("retention.ms", SET, "1000")])]);
    const before = h.log.length;
    for (const [kind, name] of [
      [APPEND, "APPEND"],
      [SUBTRACT, "SUBTRACT"],
    ] as const) {
      expect(
        errors(alter(h, [topic([op("segment.ms", SET, "5000"), op("retention.ms", kind, "5")])])),
      ).toEqual([[40, `Can't ${name} to key retention.ms because its type is not LIST.`]]);
    }
    expect(errors(alter(h, [topic([op("no.such.config", APPEND, "x")])]))).toEqual([
      [40, "Unknown topic config name: no.such.config."],
    ]);
    expect(h.log.length).toBe(before);
    expect(configs(h)).toEqual({ "retention.ms": "1000" });
  });

  it("checks the resulting list like a SET of it", () => {
    const h = cluster();
    const r = alter(h, [topic([op("cleanup.policy", APPEND, "forever")])]);
    expect(errors(r)).toEqual([[40, 'Invalid value "delete,forever" for topic config cleanup.policy.']]);
    expect(configs(h)).toEqual({});
  });

  it("knows which configs are lists and their defaults from the schema", () => {
    expect(listConfigDefault(TOPIC_CONFIGS, "cleanup.policy")).toBe("delete");
    expect(listConfigDefault(TOPIC_CONFIGS, "follower.replication.throttled.replicas")).toBe("");
    expect(listConfigDefault(TOPIC_CONFIGS, "compression.type")).toBeUndefined();
    expect(listConfigDefault(TOPIC_CONFIGS, "no.such.config")).toBeUndefined();
  });
});

describe("replace (legacy AlterConfigs)", () => {
  it("sets the listed keys and deletes every other key set, in one batch", () => {
    const h = cluster();
    alter(h, [topic([op("retention.ms", SET, "1"), op("cleanup.policy", SET, "compact")])]);
    const before = h.log.length;
    alter(h, [topic([op("segment.ms", SET, "100"), op("retention.ms", SET, "1")], true)]);
    expect(configs(h)).toEqual({ "segment.ms": "100", "retention.ms": "1" });
    expect(h.log.length).toBe(before + 1);
    alter(h, [topic([], true)]);
    expect(configs(h)).toEqual({});
    // Nothing set and nothing listed: nothing to write.
    const after = h.log.length;
    alter(h, [topic([], true)]);
    expect(h.log.length).toBe(after);
  });

  it("writes nothing when a listed value is refused", () => {
    const h = cluster();
    alter(h, [topic([op("retention.ms", SET, "1")])]);
    const r = alter(h, [topic([op("segment.ms", SET, "soon")], true)]);
    expect(r.resources[0]?.errorCode).toBe(40);
    expect(configs(h)).toEqual({ "retention.ms": "1" });
  });
});

describe("concurrent requests", () => {
  it("two APPENDs sent from the same image both take effect when applied back to back", () => {
    const h = cluster();
    const a = request([topic([op("leader.replication.throttled.replicas", APPEND, "0:1")])]);
    const b = request([topic([op("leader.replication.throttled.replicas", APPEND, "0:2")])]);
    h.run(alterConfigs(h.image, a));
    h.run(alterConfigs(h.image, b));
    expect(configs(h)).toEqual({ "leader.replication.throttled.replicas": "0:1,0:2" });
    const c = request([topic([op("cleanup.policy", APPEND, "compact")])]);
    const d = request([topic([op("cleanup.policy", SUBTRACT, "delete")])]);
    h.run(alterConfigs(h.image, c));
    h.run(alterConfigs(h.image, d));
    expect(configs(h)).toMatchObject({ "cleanup.policy": "compact" });
  });

  it("a replace deletes a key set just before it, and leaves one set just after", () => {
    const h = cluster();
    const replace = request([topic([op("segment.ms", SET, "100")], true)]);
    const set = request([topic([op("retention.ms", SET, "1")])]);
    h.run(alterConfigs(h.image, set));
    h.run(alterConfigs(h.image, replace));
    expect(configs(h)).toEqual({ "segment.ms": "100" });
    h.run(alterConfigs(h.image, replace));
    h.run(alterConfigs(h.image, set));
    expect(configs(h)).toEqual({ "segment.ms": "100", "retention.ms": "1" });
  });
});

describe("validate_only and the metadata offset", () => {
  it("checks APPEND, SUBTRACT and replace and writes nothing", () => {
    const h = cluster();
    alter(h, [topic([op("retention.ms", SET, "1")])]);
    const before = h.log.length;
    expect(errors(alter(h, [topic([op("cleanup.policy", APPEND, "compact")])], true))).toEqual([[0, ""]]);
    expect(errors(alter(h, [topic([op("segment.ms", SET, "5")], true)], true))).toEqual([[0, ""]]);
    expect(errors(alter(h, [topic([op("retention.ms", APPEND, "5")])], true))).toEqual([
      [40, "Can't APPEND to key retention.ms because its type is not LIST."],
    ]);
    expect(h.log.length).toBe(before);
    expect(configs(h)).toEqual({ "retention.ms": "1" });
  });

  it("names the offset of the batch it writes, or the image's last offset when it writes none", () => {
    const h = cluster();
    const next = h.nextOffset;
    expect(alter(h, [topic([op("cleanup.policy", APPEND, "compact")])]).metadataOffset).toBe(next);
    expect(h.image.lastOffset).toBe(next);
    expect(alter(h, [topic([op("cleanup.policy", APPEND, "compact")])]).metadataOffset).toBe(next);
    expect(alter(h, [topic([op("retention.ms", SET, "5")])], true).metadataOffset).toBe(next);
  });
});
