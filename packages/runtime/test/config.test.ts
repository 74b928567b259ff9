import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  ConfigError,
  durationMs,
  envKey,
  envPrefix,
  loadConfig,
  parseDurationMs,
  runtimeConfigSchema,
} from "../src/index.js";

const dir = mkdtempSync(join(tmpdir(), "runtime-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, contents: string): string {
  const path = join(dir, name);
  writeFileSync(path, contents);
  return path;
}

const brokerSchema = z.object({
  nodeId: z.number().int().nonnegative(),
  rack: z.string().default("rack-a"),
  unclean: z.boolean().default(false),
  sessionTimeoutMs: durationMs().default(45_000),
  seeds: z.array(z.string()).default([]),
  ports: z.array(z.number()).default([]),
  objstore: z.object({ bucket: z.string().default("runnel"), partSizeBytes: z.number().default(5_000_000) }),
});

function catchConfigError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error("expected a ConfigError");
}

describe("env names", () => {
  it("derive from the service name and the camelCase key, unit last", () => {
    expect(envPrefix("broker")).toBe("RUNNEL_BROKER_");
    expect(envPrefix("health-agent")).toBe("RUNNEL_HEALTH_AGENT_");
    expect(envKey(["nodeId"])).toBe("NODE_ID");
    expect(envKey(["shutdownTimeoutMs"])).toBe("SHUTDOWN_TIMEOUT_MS");
    expect(envKey(["maxIOBytes"])).toBe("MAX_IO_BYTES");
    expect(envKey(["objstore", "partSizeBytes"])).toBe("OBJSTORE__PART_SIZE_BYTES");
  });
});

describe("loadConfig", () => {
  it("applies defaults, then the file, then env, coercing env strings to the schema's types", () => {
    const path = file(
      "broker.json",
      JSON.stringify({
        nodeId: 1,
        rack: "rack-b",
        sessionTimeoutMs: "10s",
        objstore: { bucket: "from-file" },
      }),
    );
    const config = loadConfig(brokerSchema, {
      service: "broker",
      env: {
        RUNNEL_CONFIG: path,
        RUNNEL_BROKER_NODE_ID: "7",
        RUNNEL_BROKER_UNCLEAN: "yes",
        RUNNEL_BROKER_SESSION_TIMEOUT_MS: "1.5m",
        RUNNEL_BROKER_SEEDS: "a:1, b:2",
        RUNNEL_BROKER_PORTS: "[9092, 9093]",
        RUNNEL_BROKER_OBJSTORE__PART_SIZE_BYTES: "8e6",
        RUNNEL_OTHER_NODE_ID: "ignored: another service's prefix",
      },
    });
    expect(config).toEqual({
      nodeId: 7, // env over file
      rack: "rack-b", // file over default
      unclean: true,
      sessionTimeoutMs: 90_000,
      seeds: ["a:1", "b:2"],
      ports: [9092, 9093],
      objstore: { bucket: "from-file", partSizeBytes: 8_000_000 },
    });
  });

  it("reads YAML files and takes an explicit file over RUNNEL_CONFIG", () => {
    const yaml = file("broker.yaml", "nodeId: 3\nobjstore:\n  bucket: yaml-bucket\n");
    const json = file("other.json", JSON.stringify({ nodeId: 99 }));
    const config = loadConfig(brokerSchema, {
      service: "broker",
      configFile: yaml,
      env: { RUNNEL_CONFIG: json },
    });
    expect(config.nodeId).toBe(3);
    expect(config.objstore.bucket).toBe("yaml-bucket");
  });

  it("names every bad key with its source in one error", () => {
    const path = file("bad.json", JSON.stringify({ rack: 12, nodeIdd: 4, objstore: { bucket: "" } }));
    const err = catchConfigError(() =>
      loadConfig(brokerSchema.extend({ objstore: z.object({ bucket: z.string().min(1) }) }), {
        service: "broker",
        configFile: path,
        env: {
          RUNNEL_BROKER_UNCLEAN: "maybe",
          RUNNEL_BROKER_SESSION_TIMEOUT_MS: "soon",
          RUNNEL_BROKER_PORTS: "[not json",
          RUNNEL_BROKER_RACKK: "typo",
        },
      }),
    );
    const byKey = Object.fromEntries(err.issues.map((i) => [i.key, i]));
    expect(Object.keys(byKey).sort()).toEqual([
      "RACKK",
      "nodeId",
      "nodeIdd",
      "objstore.bucket",
      "ports",
      "rack",
      "sessionTimeoutMs",
      "unclean",
    ]);
    expect(byKey.nodeId).toMatchObject({
      source: "not set",
      message: expect.stringContaining("RUNNEL_BROKER_NODE_ID"),
    });
    expect(byKey.nodeIdd).toMatchObject({ source: `file ${path}`, message: "unknown setting" });
    expect(byKey.RACKK).toMatchObject({ source: "env RUNNEL_BROKER_RACKK", message: "unknown setting" });
    expect(byKey.rack).toMatchObject({
      source: `file ${path}`,
      message: expect.stringMatching(/expected string/),
    });
    expect(byKey.unclean).toMatchObject({
      source: "env RUNNEL_BROKER_UNCLEAN",
      message: expect.stringMatching(/boolean/),
    });
    expect(byKey.sessionTimeoutMs?.message).toMatch(/expected a duration .* got "soon"/);
    expect(byKey.ports).toMatchObject({
      source: "env RUNNEL_BROKER_PORTS",
      message: expect.stringMatching(/cannot parse/),
    });
    expect(byKey["objstore.bucket"]?.source).toBe(`file ${path}`);
    // The message itself lists every key, for an operator reading stderr.
    for (const key of Object.keys(byKey)) expect(err.message).toContain(`- ${key}: `);
    expect(err.message).toMatch(/^invalid configuration for service "broker" \(8 problems\)/);
  });

  it("reports a number that does not parse, naming the variable", () => {
    const err = catchConfigError(() =>
      loadConfig(brokerSchema, { service: "broker", env: { RUNNEL_BROKER_NODE_ID: "seven" } }),
    );
    expect(err.issues).toEqual([
      {
        key: "nodeId",
        message: expect.stringMatching(/expected number/),
        source: "env RUNNEL_BROKER_NODE_ID",
      },
    ]);
  });

  it("reports a missing field of a nested section by its own name and env var", () => {
    const schema = z.object({
      objstore: z.object({ bucket: z.string(), region: z.string().default("local") }),
    });
    const err = catchConfigError(() => loadConfig(schema, { service: "tiering", env: {} }));
    expect(err.issues).toEqual([
      {
        key: "objstore.bucket",
        message: 'required; set RUNNEL_TIERING_OBJSTORE__BUCKET or "objstore.bucket" in the config file',
        source: "not set",
      },
    ]);
    expect(loadConfig(schema, { service: "tiering", env: { RUNNEL_TIERING_OBJSTORE__BUCKET: "b" } })).toEqual(
      {
        objstore: { bucket: "b", region: "local" },
      },
    );
  });

  it("reports a missing or malformed config file", () => {
    const missing = catchConfigError(() =>
      loadConfig(runtimeConfigSchema, { service: "x", configFile: join(dir, "absent.json") }),
    );
    expect(missing.issues[0]).toMatchObject({
      key: "(file)",
      message: expect.stringMatching(/cannot read config file/),
    });
    const broken = file("broken.json", "{ nodeId: ");
    expect(
      catchConfigError(() => loadConfig(runtimeConfigSchema, { service: "x", configFile: broken })).message,
    ).toContain(broken);
    const list = file("list.json", "[1, 2]");
    expect(
      catchConfigError(() => loadConfig(runtimeConfigSchema, { service: "x", configFile: list })).issues,
    ).toEqual([{ key: "(file)", message: "config file must hold an object", source: `file ${list}` }]);
  });

  it("gives the runtime settings their defaults", () => {
    expect(loadConfig(runtimeConfigSchema, { service: "x", env: {} })).toEqual({
      logLevel: "info",
      adminHost: "0.0.0.0",
      adminPort: 0,
      shutdownTimeoutMs: 10_000,
      readinessCheckTimeoutMs: 2_000,
      processMetrics: true,
    });
  });
});

describe("parseDurationMs", () => {
  it("accepts bare milliseconds and one unit", () => {
    expect(parseDurationMs("250")).toBe(250);
    expect(parseDurationMs("250ms")).toBe(250);
    expect(parseDurationMs("1.5s")).toBe(1_500);
    expect(parseDurationMs("2m")).toBe(120_000);
    expect(parseDurationMs("1h")).toBe(3_600_000);
    expect(parseDurationMs("1d")).toBe(86_400_000);
    expect(parseDurationMs("-1s")).toBeUndefined();
    expect(parseDurationMs("1s500ms")).toBeUndefined();
    expect(parseDurationMs("")).toBeUndefined();
  });
});
