/**
 * What DescribeConfigs lists: values, sources and synonyms in the shape the
 * Java broker (Kafka 3.9) answers them, checked against answers recorded from
 * a real Kafka 3.9 broker with the same configs set; the broker's config
 * table against the controller's schema.
 */
import { BROKER_CONFIGS, TOPIC_CONFIGS } from "@runnel/metadata";
import { describe, expect, it } from "vitest";
import {
  BROKER_CONFIG_DEFS,
  ConfigSource,
  ConfigType,
  staticBrokerConfigs,
  TOPIC_CONFIG_DEFS,
} from "../src/config-defs.js";
import {
  type BrokerLayers,
  type DescribedConfig,
  describeBrokerConfigs,
  describeClusterDefaultConfigs,
  describeTopicConfigs,
} from "../src/config-view.js";

const ALL = { keys: null, includeSynonyms: true, includeDocumentation: false };
const NO_LAYERS: BrokerLayers = { perBroker: undefined, clusterDefault: undefined, static: new Map() };
const {
  DYNAMIC_TOPIC_CONFIG,
  DYNAMIC_BROKER_CONFIG,
  DYNAMIC_DEFAULT_BROKER_CONFIG,
  STATIC_BROKER_CONFIG,
  DEFAULT_CONFIG,
} = ConfigSource;

function byName(configs: DescribedConfig[]): Map<string, DescribedConfig> {
  return new Map(configs.map((c) => [c.name, c]));
}

/** name, value, source, synonyms as [name, value, source]. */
function brief(c: DescribedConfig | undefined): unknown {
  return c && [c.value, c.configSource, c.synonyms.map((s) => [s.name, s.value, s.source])];
}

describe("the topic config table", () => {
  it("holds exactly the topic configs the controller accepts, and every dynamic broker config", () => {
    expect([...TOPIC_CONFIG_DEFS.keys()].sort()).toEqual([...TOPIC_CONFIGS.keys()].sort());
    for (const key of BROKER_CONFIGS.keys()) expect(BROKER_CONFIG_DEFS.get(key)?.readOnly, key).toBe(false);
    for (const def of TOPIC_CONFIG_DEFS.values()) {
      for (const s of def.brokerSynonyms) expect(BROKER_CONFIG_DEFS.has(s), `${def.name} -> ${s}`).toBe(true);
    }
  });
});

describe("describeTopicConfigs", () => {
  it("lists Kafka's defaults for a topic with nothing set, with the Java broker's synonyms", () => {
    const configs = describeTopicConfigs(undefined, NO_LAYERS, ALL);
    expect(configs).toHaveLength(36);
    expect(configs.map((c) => c.name)).toEqual([...configs.map((c) => c.name)].sort());
    const m = byName(configs);
    // Kafka's log.retention.hours default sits behind the unset log.retention.ms: no synonyms.
    expect(brief(m.get("retention.ms"))).toEqual(["604800000", DEFAULT_CONFIG, []]);
    expect(brief(m.get("segment.ms"))).toEqual(["604800000", DEFAULT_CONFIG, []]);
    expect(brief(m.get("flush.ms"))).toEqual(["9223372036854775807", DEFAULT_CONFIG, []]);
    expect(brief(m.get("segment.bytes"))).toEqual([
      "1073741824",
      DEFAULT_CONFIG,
      [["log.segment.bytes", "1073741824", DEFAULT_CONFIG]],
    ]);
    expect(brief(m.get("cleanup.policy"))).toEqual([
      "delete",
      DEFAULT_CONFIG,
      [["log.cleanup.policy", "delete", DEFAULT_CONFIG]],
    ]);
    expect(brief(m.get("max.message.bytes"))).toEqual([
      "1048588",
      DEFAULT_CONFIG,
      [["message.max.bytes", "1048588", DEFAULT_CONFIG]],
    ]);
    expect(brief(m.get("remote.storage.enable"))).toEqual(["false", DEFAULT_CONFIG, []]);
    expect(brief(m.get("leader.replication.throttled.replicas"))).toEqual(["", DEFAULT_CONFIG, []]);
    const retention = m.get("retention.ms");
    expect(retention).toMatchObject({
      readOnly: false,
      isSensitive: false,
      configType: ConfigType.LONG,
      documentation: null,
    });
    expect(m.get("cleanup.policy")?.configType).toBe(ConfigType.LIST);
    expect(m.get("min.cleanable.dirty.ratio")?.configType).toBe(ConfigType.DOUBLE);
  });

  it("takes the topic's own value first, then the broker overrides, with every layer as a synonym", () => {
    const own = new Map([
      ["cleanup.policy", "delete,compact"],
      ["retention.ms", "1000"],
    ]);
    const layers: BrokerLayers = {
      perBroker: new Map([["log.segment.bytes", "3000000"]]),
      clusterDefault: new Map([
        ["log.retention.ms", "2000"],
        ["log.segment.bytes", "2000000"],
      ]),
      static: new Map(),
    };
    const m = byName(describeTopicConfigs(own, layers, ALL));
    expect(brief(m.get("cleanup.policy"))).toEqual([
      "delete,compact",
      DYNAMIC_TOPIC_CONFIG,
      [
        ["cleanup.policy", "delete,compact", DYNAMIC_TOPIC_CONFIG],
        ["log.cleanup.policy", "delete", DEFAULT_CONFIG],
      ],
    ]);
    expect(brief(m.get("segment.bytes"))).toEqual([
      "3000000",
      DYNAMIC_BROKER_CONFIG,
      [
        ["log.segment.bytes", "3000000", DYNAMIC_BROKER_CONFIG],
        ["log.segment.bytes", "2000000", DYNAMIC_DEFAULT_BROKER_CONFIG],
        ["log.segment.bytes", "1073741824", DEFAULT_CONFIG],
      ],
    ]);
    expect(brief(m.get("retention.ms"))).toEqual([
      "1000",
      DYNAMIC_TOPIC_CONFIG,
      [
        ["retention.ms", "1000", DYNAMIC_TOPIC_CONFIG],
        ["log.retention.ms", "2000", DYNAMIC_DEFAULT_BROKER_CONFIG],
        ["log.retention.hours", "168", DEFAULT_CONFIG],
      ],
    ]);
    // Without the topic's own value, the cluster default decides.
    const inherited = byName(describeTopicConfigs(undefined, layers, ALL)).get("retention.ms");
    expect(brief(inherited)).toEqual([
      "2000",
      DYNAMIC_DEFAULT_BROKER_CONFIG,
      [
        ["log.retention.ms", "2000", DYNAMIC_DEFAULT_BROKER_CONFIG],
        ["log.retention.hours", "168", DEFAULT_CONFIG],
      ],
    ]);
  });

  it("reports a start-up setting as STATIC_BROKER_CONFIG", () => {
    const layers = { ...NO_LAYERS, static: new Map([["log.segment.bytes", "65536"]]) };
    expect(brief(byName(describeTopicConfigs(undefined, layers, ALL)).get("segment.bytes"))).toEqual([
      "65536",
      STATIC_BROKER_CONFIG,
      [
        ["log.segment.bytes", "65536", STATIC_BROKER_CONFIG],
        ["log.segment.bytes", "1073741824", DEFAULT_CONFIG],
      ],
    ]);
  });

  it("filters by the requested keys, leaves synonyms and documentation out unless asked", () => {
    const some = describeTopicConfigs(undefined, NO_LAYERS, {
      keys: ["segment.bytes", "no.such.config"],
      includeSynonyms: false,
      includeDocumentation: true,
    });
    expect(some.map((c) => c.name)).toEqual(["segment.bytes"]);
    expect(some[0]?.synonyms).toEqual([]);
    expect(some[0]?.documentation).toMatch(/segment/);
    expect(describeTopicConfigs(undefined, NO_LAYERS, { ...ALL, keys: [] })).toHaveLength(36);
  });
});

describe("describeBrokerConfigs", () => {
  const statics = staticBrokerConfigs({
    nodeId: 1,
    zone: "a",
    autoCreateTopics: true,
    defaultPartitions: 3,
    defaultReplicationFactor: 1,
    maxFrameBytes: 104857600,
    logRetentionCheckIntervalMs: 300_000,
    offsetsTopicPartitions: 50,
    groupInitialRebalanceDelayMs: 0,
    groupMinSessionTimeoutMs: 6000,
    groupMaxSessionTimeoutMs: 1800000,
    offsetsRetentionMs: 7 * 24 * 3600 * 1000,
    segmentBytes: 1073741824,
  });

  it("lists start-up settings (read-only), dynamic overrides and defaults as the Java broker does", () => {
    const layers: BrokerLayers = {
      perBroker: new Map([["log.segment.bytes", "3000000"]]),
      clusterDefault: new Map([
        ["log.retention.ms", "2000"],
        ["log.segment.bytes", "2000000"],
      ]),
      static: statics,
    };
    const m = byName(describeBrokerConfigs(layers, ALL));
    expect(brief(m.get("node.id"))).toEqual([
      "1",
      STATIC_BROKER_CONFIG,
      [
        ["node.id", "1", STATIC_BROKER_CONFIG],
        ["node.id", "-1", DEFAULT_CONFIG],
      ],
    ]);
    expect(m.get("node.id")?.readOnly).toBe(true);
    expect(brief(m.get("num.partitions"))).toEqual([
      "3",
      STATIC_BROKER_CONFIG,
      [
        ["num.partitions", "3", STATIC_BROKER_CONFIG],
        ["num.partitions", "1", DEFAULT_CONFIG],
      ],
    ]);
    // A setting at Kafka's default reads as the default: nothing says it was given.
    expect(brief(m.get("default.replication.factor"))).toEqual([
      "1",
      DEFAULT_CONFIG,
      [["default.replication.factor", "1", DEFAULT_CONFIG]],
    ]);
    expect(brief(m.get("log.retention.ms"))).toEqual([
      "2000",
      DYNAMIC_DEFAULT_BROKER_CONFIG,
      [
        ["log.retention.ms", "2000", DYNAMIC_DEFAULT_BROKER_CONFIG],
        ["log.retention.hours", "168", DEFAULT_CONFIG],
      ],
    ]);
    expect(m.get("log.retention.ms")?.readOnly).toBe(false);
    expect(brief(m.get("log.retention.minutes"))).toEqual([null, DEFAULT_CONFIG, []]);
    expect(m.get("log.retention.hours")?.readOnly).toBe(true);
    expect(brief(m.get("log.segment.bytes"))).toEqual([
      "3000000",
      DYNAMIC_BROKER_CONFIG,
      [
        ["log.segment.bytes", "3000000", DYNAMIC_BROKER_CONFIG],
        ["log.segment.bytes", "2000000", DYNAMIC_DEFAULT_BROKER_CONFIG],
        ["log.segment.bytes", "1073741824", DEFAULT_CONFIG],
      ],
    ]);
    expect(brief(m.get("broker.rack"))).toEqual([
      "a",
      STATIC_BROKER_CONFIG,
      [["broker.rack", "a", STATIC_BROKER_CONFIG]],
    ]);
    expect(m.get("offsets.retention.minutes")?.value).toBe("10080");
  });

  it('lists only the cluster defaults for the "" resource, with only their cluster-default synonyms', () => {
    const clusterDefault = new Map([
      ["log.segment.bytes", "2000000"],
      ["log.retention.ms", "2000"],
    ]);
    expect(describeClusterDefaultConfigs(clusterDefault, ALL).map(brief)).toEqual([
      ["2000", DYNAMIC_DEFAULT_BROKER_CONFIG, [["log.retention.ms", "2000", DYNAMIC_DEFAULT_BROKER_CONFIG]]],
      [
        "2000000",
        DYNAMIC_DEFAULT_BROKER_CONFIG,
        [["log.segment.bytes", "2000000", DYNAMIC_DEFAULT_BROKER_CONFIG]],
      ],
    ]);
    expect(describeClusterDefaultConfigs(undefined, ALL)).toEqual([]);
    expect(
      describeClusterDefaultConfigs(clusterDefault, { ...ALL, keys: ["log.retention.ms"] }),
    ).toHaveLength(1);
  });
});
