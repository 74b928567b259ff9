/**
 * The config APIs on a real broker process following a real metadata quorum,
 * with exact requests and with real clients:
 * - DescribeConfigs v1-4 lists every topic config Kafka 3.9 lists, with
 *   values, sources and synonyms as the Java broker gives them (the topic's
 *   own value, a per-broker or cluster-default override, a start-up setting,
 *   Kafka's default), config types from v3 and documentation on request.
 * - IncrementalAlterConfigs v0-1: SET, DELETE, APPEND and SUBTRACT; list
 *   operations on other configs are INVALID_CONFIG; APPENDs and SUBTRACTs
 *   sent at once on two connections all take effect (the controller works
 *   them out against its own state); validate_only changes
 *   nothing; Kafka's errors for unknown topics, bad names, other brokers,
 *   broker loggers, repeated resources, unknown configs and configs fixed at
 *   start-up.
 * - AlterConfigs v0-2 replaces a resource's whole set of dynamic configs.
 * - kafkajs (legacy AlterConfigs, DescribeConfigs v2) and Kafka 3.9's
 *   kafka-configs tool alter and describe a topic's configs.
 */
import { execFile } from "node:child_process";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { ConfigResourceTypes, Kafka, logLevel } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrokerProcess, startBroker } from "../harness/broker.js";
import { type IncOp, incrementalAlterConfigs, requestCreateTopic } from "../harness/kafka-ops.js";
import { WireClient } from "../harness/kafka-wire.js";
import { MetadataQuorum } from "../harness/metadata.js";

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, "../..");

const TOPIC = 2;
const BROKER = 4;
const BROKER_LOGGER = 8;
const [SET, DELETE, APPEND, SUBTRACT] = [0, 1, 2, 3];
const SOURCE = { TOPIC: 1, BROKER: 2, DEFAULT_BROKER: 3, STATIC: 4, DEFAULT: 5 };
const ERR = {
  NONE: 0,
  UNKNOWN_TOPIC_OR_PARTITION: 3,
  INVALID_TOPIC_EXCEPTION: 17,
  INVALID_CONFIG: 40,
  INVALID_REQUEST: 42,
};

let q: MetadataQuorum;
let broker: BrokerProcess;
let wire: WireClient;

beforeAll(async () => {
  q = await MetadataQuorum.start({ voters: 3 });
  // A segment size other than Kafka's default shows as a start-up (static) setting.
  broker = await startBroker(q, 1, "a", { RUNNEL_BROKER_SEGMENT_BYTES: "65536" });
  wire = await WireClient.connect(broker.port);
}, 120_000);

afterAll(async () => {
  wire?.close();
  await broker?.process.close();
  await q?.close();
});

async function createTopic(name: string): Promise<void> {
  const r = await requestCreateTopic(wire, name);
  expect(r?.errorCode).toBe(0);
}

interface Entry {
  value: string | null;
  source: number;
  readOnly: boolean;
  synonyms: [string, string | null, number][];
  configType: number;
  documentation: string | null;
}

/** DescribeConfigs of one resource: its error and its configs by name. */
async function describeConfigs(
  type: number,
  name: string,
  o: { keys?: string[] | null; synonyms?: boolean; docs?: boolean; version?: number } = {},
): Promise<{ errorCode: number; errorMessage: string | null; configs: Map<string, Entry> }> {
  const version = o.version ?? 4;
  const r = await wire.send(32, version, {
    resources: [{ resourceType: type, resourceName: name, configurationKeys: o.keys ?? null }],
    includeSynonyms: o.synonyms ?? true,
    includeDocumentation: version >= 3 && (o.docs ?? false),
  });
  expect(r.results).toHaveLength(1);
  const res = r.results[0];
  if (res === undefined) throw new Error("no result");
  expect(res).toMatchObject({ resourceType: type, resourceName: name });
  return {
    errorCode: res.errorCode,
    errorMessage: res.errorMessage,
    configs: new Map(
      res.configs.map((c) => [
        c.name,
        {
          value: c.value,
          source: c.configSource,
          readOnly: c.readOnly,
          synonyms: c.synonyms.map((s) => [s.name, s.value, s.source] as [string, string | null, number]),
          configType: c.configType,
          documentation: c.documentation,
        },
      ]),
    ),
  };
}

async function incremental(
  resources: { type: number; name: string; ops: IncOp[] }[],
  o: { validateOnly?: boolean; version?: number; client?: WireClient } = {},
): Promise<{ errorCode: number; errorMessage: string | null }[]> {
  const responses = await incrementalAlterConfigs(o.client ?? wire, resources, o);
  expect(responses.map((x) => [x.resourceType, x.resourceName])).toEqual(
    resources.map((res) => [res.type, res.name]),
  );
  return responses.map((x) => ({ errorCode: x.errorCode, errorMessage: x.errorMessage }));
}

async function legacy(
  type: number,
  name: string,
  configs: Record<string, string | null>,
  o: { validateOnly?: boolean; version?: number } = {},
): Promise<{ errorCode: number; errorMessage: string | null }> {
  const r = await wire.send(33, o.version ?? 2, {
    resources: [
      {
        resourceType: type,
        resourceName: name,
        configs: Object.entries(configs).map(([n, value]) => ({ name: n, value })),
      },
    ],
    validateOnly: o.validateOnly ?? false,
  });
  const res = r.responses[0];
  if (res === undefined) throw new Error("no response");
  return { errorCode: res.errorCode, errorMessage: res.errorMessage };
}

/** The topic's configs set on the topic itself, as name → value. */
async function ownConfigs(topic: string): Promise<Record<string, string | null>> {
  const d = await describeConfigs(TOPIC, topic, { synonyms: false });
  expect(d.errorCode).toBe(0);
  return Object.fromEntries(
    [...d.configs].filter(([, e]) => e.source === SOURCE.TOPIC).map(([n, e]) => [n, e.value]),
  );
}

describe("DescribeConfigs", () => {
  it("is advertised at versions 1-4, the alter APIs at 0-2 and 0-1", async () => {
    const r = await wire.send(18, 3, { clientSoftwareName: "e2e", clientSoftwareVersion: "1" });
    const range = (k: number) => {
      const a = r.apiKeys.find((x) => x.apiKey === k);
      return a && [a.minVersion, a.maxVersion];
    };
    expect(range(32)).toEqual([1, 4]);
    expect(range(33)).toEqual([0, 2]);
    expect(range(44)).toEqual([0, 1]);
  });

  it("lists every topic config of a new topic with Kafka's defaults, sources and synonyms", async () => {
    await createTopic("cfg-defaults");
    const d = await describeConfigs(TOPIC, "cfg-defaults", { docs: true });
    expect(d.errorCode).toBe(0);
    expect(d.errorMessage).toBeNull();
    for (const name of [
      "cleanup.policy",
      "compression.type",
      "delete.retention.ms",
      "file.delete.delay.ms",
      "flush.messages",
      "flush.ms",
      "index.interval.bytes",
      "max.compaction.lag.ms",
      "max.message.bytes",
      "message.downconversion.enable",
      "message.timestamp.after.max.ms",
      "message.timestamp.before.max.ms",
      "message.timestamp.type",
      "min.cleanable.dirty.ratio",
      "min.compaction.lag.ms",
      "min.insync.replicas",
      "preallocate",
      "retention.bytes",
      "retention.ms",
      "segment.bytes",
      "segment.index.bytes",
      "segment.jitter.ms",
      "segment.ms",
      "unclean.leader.election.enable",
    ]) {
      expect(d.configs.has(name), name).toBe(true);
    }
    expect(d.configs.size).toBe(36);
    expect(d.configs.get("retention.ms")).toMatchObject({
      value: "604800000",
      source: SOURCE.DEFAULT,
      readOnly: false,
      synonyms: [],
      configType: 5,
    });
    expect(d.configs.get("retention.ms")?.documentation).toMatch(/retention|kept/i);
    expect(d.configs.get("cleanup.policy")).toMatchObject({
      value: "delete",
      source: SOURCE.DEFAULT,
      synonyms: [["log.cleanup.policy", "delete", SOURCE.DEFAULT]],
      configType: 7,
    });
    // The broker rolls segments at its start-up setting: that is the topic's segment.bytes.
    expect(d.configs.get("segment.bytes")).toMatchObject({
      value: "65536",
      source: SOURCE.STATIC,
      synonyms: [
        ["log.segment.bytes", "65536", SOURCE.STATIC],
        ["log.segment.bytes", "1073741824", SOURCE.DEFAULT],
      ],
    });
    expect(d.configs.get("max.message.bytes")?.value).toBe("1048588");
    expect(d.configs.get("min.cleanable.dirty.ratio")).toMatchObject({ value: "0.5", configType: 6 });
  });

  it("keeps to the requested keys and versions: no synonyms unless asked, types from v3", async () => {
    await createTopic("cfg-versions");
    const some = await describeConfigs(TOPIC, "cfg-versions", {
      keys: ["retention.ms", "segment.bytes", "no.such.config"],
      synonyms: false,
    });
    expect([...some.configs.keys()].sort()).toEqual(["retention.ms", "segment.bytes"]);
    expect(some.configs.get("segment.bytes")?.synonyms).toEqual([]);
    expect(some.configs.get("segment.bytes")?.documentation).toBeNull();
    expect((await describeConfigs(TOPIC, "cfg-versions", { keys: [] })).configs.size).toBe(36);
    for (const version of [1, 2]) {
      const d = await describeConfigs(TOPIC, "cfg-versions", { keys: ["segment.bytes"], version });
      expect(d.configs.get("segment.bytes")).toMatchObject({
        value: "65536",
        source: SOURCE.STATIC,
        configType: 0,
        synonyms: [
          ["log.segment.bytes", "65536", SOURCE.STATIC],
          ["log.segment.bytes", "1073741824", SOURCE.DEFAULT],
        ],
      });
    }
    const v3 = await describeConfigs(TOPIC, "cfg-versions", {
      keys: ["preallocate"],
      version: 3,
      docs: true,
    });
    expect(v3.configs.get("preallocate")).toMatchObject({ value: "false", configType: 1 });
    expect(v3.configs.get("preallocate")?.documentation).not.toBeNull();
  });

  it("answers Kafka's errors per resource, the others still described", async () => {
    const r = await wire.send(32, 4, {
      resources: [
        { resourceType: TOPIC, resourceName: "cfg-missing", configurationKeys: null },
        { resourceType: TOPIC, resourceName: "bad/name", configurationKeys: null },
        { resourceType: BROKER, resourceName: "7", configurationKeys: null },
        { resourceType: BROKER, resourceName: "x", configurationKeys: null },
        { resourceType: BROKER_LOGGER, resourceName: "1", configurationKeys: null },
        { resourceType: BROKER_LOGGER, resourceName: "", configurationKeys: null },
        { resourceType: BROKER, resourceName: "1", configurationKeys: ["node.id"] },
      ],
      includeSynonyms: false,
      includeDocumentation: false,
    });
    expect(r.results.map((x) => x.errorCode)).toEqual([
      ERR.UNKNOWN_TOPIC_OR_PARTITION,
      ERR.INVALID_TOPIC_EXCEPTION,
      ERR.INVALID_REQUEST,
      ERR.INVALID_REQUEST,
      ERR.INVALID_REQUEST,
      ERR.INVALID_REQUEST,
      ERR.NONE,
    ]);
    expect(r.results[0]?.errorMessage).toBe("The topic 'cfg-missing' does not exist.");
    expect(r.results[2]?.errorMessage).toBe(
      "Unexpected broker id, expected 1 or empty string, but received 7",
    );
    expect(r.results[3]?.errorMessage).toBe("Broker id must be an integer, but it is: x");
    expect(r.results[4]?.errorMessage).toMatch(/BROKER_LOGGER/);
    expect(r.results[5]?.errorMessage).toBe("Broker id must not be empty");
    expect(r.results.slice(0, 6).every((x) => x.configs.length === 0)).toBe(true);
    expect(r.results[6]?.configs).toEqual([
      expect.objectContaining({ name: "node.id", value: "1", readOnly: true, configSource: SOURCE.STATIC }),
    ]);
  });
});

describe("IncrementalAlterConfigs", () => {
  it("SETs, APPENDs, SUBTRACTs and DELETEs topic configs at v0 and v1", async () => {
    await createTopic("cfg-inc");
    for (const version of [0, 1]) {
      expect(
        await incremental(
          [
            {
              type: TOPIC,
              name: "cfg-inc",
              ops: [
                ["retention.ms", SET, "3600000"],
                ["cleanup.policy", APPEND, "compact"],
              ],
            },
          ],
          { version },
        ),
      ).toEqual([{ errorCode: 0, errorMessage: null }]);
      const d = await describeConfigs(TOPIC, "cfg-inc", { keys: ["retention.ms", "cleanup.policy"] });
      expect(d.configs.get("retention.ms")).toMatchObject({
        value: "3600000",
        source: SOURCE.TOPIC,
        synonyms: [["retention.ms", "3600000", SOURCE.TOPIC]],
      });
      // APPEND starts from Kafka's default ("delete") and adds only what is missing.
      expect(d.configs.get("cleanup.policy")).toMatchObject({
        value: "delete,compact",
        source: SOURCE.TOPIC,
      });

      expect(
        await incremental(
          [
            {
              type: TOPIC,
              name: "cfg-inc",
              ops: [
                ["cleanup.policy", SUBTRACT, "delete"],
                ["retention.ms", DELETE, null],
              ],
            },
          ],
          { version },
        ),
      ).toEqual([{ errorCode: 0, errorMessage: null }]);
      expect(await ownConfigs("cfg-inc")).toEqual({ "cleanup.policy": "compact" });
      await incremental([{ type: TOPIC, name: "cfg-inc", ops: [["cleanup.policy", DELETE, null]] }], {
        version,
      });
      expect(await ownConfigs("cfg-inc")).toEqual({});
    }
  });

  it("checks everything and changes nothing with validate_only", async () => {
    await createTopic("cfg-validate");
    expect(
      await incremental([{ type: TOPIC, name: "cfg-validate", ops: [["retention.ms", SET, "1000"]] }], {
        validateOnly: true,
      }),
    ).toEqual([{ errorCode: 0, errorMessage: null }]);
    const [bad] = await incremental(
      [{ type: TOPIC, name: "cfg-validate", ops: [["retention.ms", SET, "soon"]] }],
      {
        validateOnly: true,
      },
    );
    expect(bad?.errorCode).toBe(ERR.INVALID_CONFIG);
    expect(await ownConfigs("cfg-validate")).toEqual({});
  });

  it("gives Kafka's error codes, one resource's error leaving the others' changes in place", async () => {
    await createTopic("cfg-errors");
    const results = await incremental([
      { type: TOPIC, name: "cfg-errors", ops: [["retention.ms", APPEND, "5"]] },
      { type: TOPIC, name: "cfg-errors-missing", ops: [["retention.ms", SET, "5"]] },
      { type: TOPIC, name: "bad/name", ops: [["retention.ms", SET, "5"]] },
      { type: BROKER, name: "7", ops: [["log.retention.ms", SET, "5"]] },
      { type: BROKER, name: "", ops: [["num.partitions", SET, "3"]] },
      { type: BROKER_LOGGER, name: "1", ops: [["root", SET, "DEBUG"]] },
      { type: TOPIC, name: "cfg-defaults", ops: [["no.such.config", SET, "1"]] },
      { type: TOPIC, name: "cfg-versions", ops: [["retention.ms", SET, null]] },
      { type: TOPIC, name: "cfg-inc", ops: [["segment.ms", SET, "100000"]] },
    ]);
    expect(results.map((r) => r.errorCode)).toEqual([
      ERR.INVALID_CONFIG,
      ERR.UNKNOWN_TOPIC_OR_PARTITION,
      ERR.INVALID_TOPIC_EXCEPTION,
      ERR.INVALID_REQUEST,
      ERR.INVALID_REQUEST,
      ERR.INVALID_REQUEST,
      ERR.INVALID_CONFIG,
      ERR.INVALID_REQUEST,
      ERR.NONE,
    ]);
    expect(results[0]?.errorMessage).toMatch(/retention\.ms.*LIST/);
    expect(results[4]?.errorMessage).toBe("Cannot update these configs dynamically: num.partitions");
    expect(await ownConfigs("cfg-inc")).toEqual({ "segment.ms": "100000" });
    expect(await ownConfigs("cfg-errors")).toEqual({});

    const dup = await incremental([
      { type: TOPIC, name: "cfg-errors", ops: [["retention.ms", SET, "5"]] },
      { type: TOPIC, name: "cfg-errors", ops: [["segment.ms", SET, "5"]] },
    ]);
    expect(dup.map((r) => r.errorCode)).toEqual([ERR.INVALID_REQUEST, ERR.INVALID_REQUEST]);
    const [twice] = await incremental([
      {
        type: TOPIC,
        name: "cfg-errors",
        ops: [
          ["retention.ms", SET, "5"],
          ["retention.ms", DELETE, null],
        ],
      },
    ]);
    expect(twice?.errorCode).toBe(ERR.INVALID_REQUEST);
    expect(await ownConfigs("cfg-errors")).toEqual({});
  });

  it("sets broker configs per broker and as the cluster default, which topics then inherit", async () => {
    await createTopic("cfg-inherit");
    expect(
      await incremental([
        { type: BROKER, name: "", ops: [["log.retention.ms", SET, "7200000"]] },
        { type: BROKER, name: "1", ops: [["log.segment.bytes", SET, "3000000"]] },
      ]),
    ).toEqual([
      { errorCode: 0, errorMessage: null },
      { errorCode: 0, errorMessage: null },
    ]);
    const t = await describeConfigs(TOPIC, "cfg-inherit", { keys: ["retention.ms", "segment.bytes"] });
    expect(t.configs.get("retention.ms")).toMatchObject({
      value: "7200000",
      source: SOURCE.DEFAULT_BROKER,
      synonyms: [
        ["log.retention.ms", "7200000", SOURCE.DEFAULT_BROKER],
        ["log.retention.hours", "168", SOURCE.DEFAULT],
      ],
    });
    expect(t.configs.get("segment.bytes")).toMatchObject({
      value: "3000000",
      source: SOURCE.BROKER,
      synonyms: [
        ["log.segment.bytes", "3000000", SOURCE.BROKER],
        ["log.segment.bytes", "65536", SOURCE.STATIC],
        ["log.segment.bytes", "1073741824", SOURCE.DEFAULT],
      ],
    });
    const defaults = await describeConfigs(BROKER, "");
    expect([...defaults.configs]).toEqual([
      [
        "log.retention.ms",
        expect.objectContaining({
          value: "7200000",
          source: SOURCE.DEFAULT_BROKER,
          readOnly: false,
          synonyms: [["log.retention.ms", "7200000", SOURCE.DEFAULT_BROKER]],
        }),
      ],
    ]);
    const b = await describeConfigs(BROKER, "1");
    expect(b.configs.get("log.segment.bytes")).toMatchObject({
      value: "3000000",
      source: SOURCE.BROKER,
      readOnly: false,
    });
    expect(b.configs.get("num.partitions")).toMatchObject({ value: "1", readOnly: true });
    expect(b.configs.get("broker.rack")).toMatchObject({ value: "a", source: SOURCE.STATIC });

    await incremental([
      { type: BROKER, name: "", ops: [["log.retention.ms", DELETE, null]] },
      { type: BROKER, name: "1", ops: [["log.segment.bytes", DELETE, null]] },
    ]);
    expect((await describeConfigs(BROKER, "")).configs.size).toBe(0);
    const after = await describeConfigs(TOPIC, "cfg-inherit", { keys: ["retention.ms"] });
    expect(after.configs.get("retention.ms")).toMatchObject({ value: "604800000", source: SOURCE.DEFAULT });
  });

  it("APPENDs and SUBTRACTs sent at once on two connections all take effect", async () => {
    await createTopic("cfg-race");
    const other = await WireClient.connect(broker.port);
    try {
      const key = "leader.replication.throttled.replicas";
      const append = (client: WireClient, item: string) =>
        incremental([{ type: TOPIC, name: "cfg-race", ops: [[key, APPEND, item]] }], { client });
      const items: string[] = [];
      for (let round = 0; round < 5; round++) {
        const a = `${round}:1`;
        const b = `${round}:2`;
        items.push(a, b);
        expect(await Promise.all([append(wire, a), append(other, b)])).toEqual([
          [{ errorCode: 0, errorMessage: null }],
          [{ errorCode: 0, errorMessage: null }],
        ]);
      }
      const list = (await ownConfigs("cfg-race"))[key]?.split(",") ?? [];
      expect(list.sort()).toEqual(items.sort());

      // Either order gives "compact": APPEND then SUBTRACT, or SUBTRACT (from the default
      // "delete") then APPEND.
      for (let round = 0; round < 3; round++) {
        const [x, y] = await Promise.all([
          incremental([{ type: TOPIC, name: "cfg-race", ops: [["cleanup.policy", APPEND, "compact"]] }]),
          incremental([{ type: TOPIC, name: "cfg-race", ops: [["cleanup.policy", SUBTRACT, "delete"]] }], {
            client: other,
          }),
        ]);
        expect([x?.[0]?.errorCode, y?.[0]?.errorCode]).toEqual([0, 0]);
        expect((await ownConfigs("cfg-race"))["cleanup.policy"]).toBe("compact");
        await incremental([{ type: TOPIC, name: "cfg-race", ops: [["cleanup.policy", DELETE, null]] }]);
      }
    } finally {
      other.close();
    }
  });
});

describe("AlterConfigs", () => {
  it("replaces a topic's whole set of dynamic configs at v0, v1 and v2", async () => {
    await createTopic("cfg-legacy");
    await incremental([{ type: TOPIC, name: "cfg-legacy", ops: [["retention.ms", SET, "1000"]] }]);
    for (const version of [0, 1, 2]) {
      expect(
        await legacy(
          TOPIC,
          "cfg-legacy",
          { "segment.ms": "100000", "max.message.bytes": "5000" },
          { version },
        ),
      ).toEqual({ errorCode: 0, errorMessage: null });
      expect(await ownConfigs("cfg-legacy")).toEqual({ "max.message.bytes": "5000", "segment.ms": "100000" });
      expect(await legacy(TOPIC, "cfg-legacy", { "retention.ms": "2000" }, { version })).toMatchObject({
        errorCode: 0,
      });
      expect(await ownConfigs("cfg-legacy")).toEqual({ "retention.ms": "2000" });
    }
    // validate_only: nothing changes.
    expect(await legacy(TOPIC, "cfg-legacy", {}, { validateOnly: true })).toMatchObject({ errorCode: 0 });
    expect(await ownConfigs("cfg-legacy")).toEqual({ "retention.ms": "2000" });
    expect(await legacy(TOPIC, "cfg-legacy", {})).toMatchObject({ errorCode: 0 });
    expect(await ownConfigs("cfg-legacy")).toEqual({});
  });

  it("refuses null values, unknown configs, unknown topics and broker loggers", async () => {
    expect((await legacy(TOPIC, "cfg-legacy", { "segment.ms": null })).errorCode).toBe(ERR.INVALID_REQUEST);
    expect((await legacy(TOPIC, "cfg-legacy", { "no.such.config": "1" })).errorCode).toBe(ERR.INVALID_CONFIG);
    expect((await legacy(TOPIC, "cfg-legacy-missing", {})).errorCode).toBe(ERR.UNKNOWN_TOPIC_OR_PARTITION);
    expect((await legacy(BROKER_LOGGER, "1", {})).errorCode).toBe(ERR.INVALID_REQUEST);
    expect((await legacy(BROKER, "1", { "node.id": "2" })).errorCode).toBe(ERR.INVALID_REQUEST);
  });
});

describe("real clients", () => {
  it("kafkajs alters (legacy AlterConfigs) and describes a topic's configs", async () => {
    await createTopic("cfg-kafkajs");
    const admin = new Kafka({
      clientId: "e2e-configs",
      brokers: [broker.bootstrap],
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    try {
      await admin.alterConfigs({
        validateOnly: false,
        resources: [
          {
            type: ConfigResourceTypes.TOPIC,
            name: "cfg-kafkajs",
            configEntries: [{ name: "retention.ms", value: "86400000" }],
          },
        ],
      });
      const d = await admin.describeConfigs({
        includeSynonyms: true,
        resources: [{ type: ConfigResourceTypes.TOPIC, name: "cfg-kafkajs" }],
      });
      const entries = d.resources[0]?.configEntries ?? [];
      expect(entries).toHaveLength(36);
      expect(entries.find((e) => e.configName === "retention.ms")).toMatchObject({
        configValue: "86400000",
        configSource: SOURCE.TOPIC,
        readOnly: false,
      });
      expect(entries.find((e) => e.configName === "cleanup.policy")).toMatchObject({
        configValue: "delete",
        configSource: SOURCE.DEFAULT,
      });
    } finally {
      await admin.disconnect();
    }
  });

  it("Kafka's kafka-configs tool alters and describes a topic", async () => {
    await createTopic("cfg-cli");
    const cli = async (...args: string[]) =>
      (
        await run("bash", [join(repoRoot, "e2e/peers/kafka-cli/cli.sh"), "kafka-configs", ...args], {
          timeout: 60_000,
        })
      ).stdout;
    const target = [
      "--bootstrap-server",
      broker.bootstrap,
      "--entity-type",
      "topics",
      "--entity-name",
      "cfg-cli",
    ];
    expect(
      await cli(...target, "--alter", "--add-config", "retention.ms=3600000,cleanup.policy=[compact,delete]"),
    ).toMatch(/Completed updating config for topic cfg-cli/);
    const described = await cli(...target, "--describe");
    expect(described).toMatch(/^ {2}retention\.ms=3600000 .*DYNAMIC_TOPIC_CONFIG:retention\.ms=3600000/m);
    expect(described).toMatch(/^ {2}cleanup\.policy=compact,delete /m);
    await cli(...target, "--alter", "--delete-config", "retention.ms");
    const after = await cli(...target, "--describe");
    expect(after).not.toMatch(/retention\.ms/);
    expect(await ownConfigs("cfg-cli")).toEqual({ "cleanup.policy": "compact,delete" });
  }, 120_000);
});
