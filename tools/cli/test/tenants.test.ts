/**
 * The tenant commands against a stand-in control plane that records each request and
 * answers as told: the requests each command makes, what it prints as a table and as JSON,
 * problem documents shown as errors, and where the admin token comes from. The commands
 * against the real control plane are in e2e/test/control-plane-cli.test.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resolveAdminToken } from "../src/http.js";
import { isTenantCommand, tenantCommand } from "../src/tenants.js";

interface Seen {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  body: unknown;
}

let server: Server;
let url: string;
const seen: Seen[] = [];
/** Answers by `METHOD /path`; unlisted requests get a 404 problem. */
let answers: Record<string, { status: number; body: unknown }> = {};

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text === "" ? undefined : JSON.parse(text);
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const u = new URL(req.url ?? "/", "http://x");
    seen.push({
      method: req.method ?? "",
      path: u.pathname,
      query: Object.fromEntries(u.searchParams),
      authorization: req.headers.authorization,
      body: await readBody(req),
    });
    const a = answers[`${req.method} ${u.pathname}`] ?? {
      status: 404,
      body: {
        type: "about:blank",
        title: "Not Found",
        status: 404,
        detail: "nothing here",
        instance: u.pathname,
      },
    };
    res.writeHead(a.status, {
      "content-type": a.status < 300 ? "application/json" : "application/problem+json",
    });
    res.end(JSON.stringify(a.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen.length = 0;
  answers = {};
});

async function run(
  argv: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await tenantCommand(argv, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: { RUNNEL_CONTROL_PLANE_URL: url, RUNNEL_ADMIN_TOKEN: "tok", ...env },
    repoRoot: () => {
      throw new Error("no repository here");
    },
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const CLUSTER = { id: "lkc-abc123", name: "orders", cell: "cell-a", created_at: "2025-01-02T03:04:05.000Z" };

describe("runnel cluster", () => {
  it("create prints the cluster as JSON with --output json, after one POST with the token", async () => {
    answers["POST /v1/clusters"] = { status: 201, body: CLUSTER };
    const r = await run(["cluster", "create", "orders", "--cell", "cell-a", "--output", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(CLUSTER);
    expect(seen).toEqual([
      {
        method: "POST",
        path: "/v1/clusters",
        query: {},
        authorization: "Bearer tok",
        body: { name: "orders", cell: "cell-a" },
      },
    ]);
  });

  it("list prints a table by default", async () => {
    answers["GET /v1/clusters"] = {
      status: 200,
      body: [CLUSTER, { ...CLUSTER, id: "lkc-zzz999", name: "b" }],
    };
    const r = await run(["cluster", "list"]);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n").map((l) => l.split(/\s{2,}/));
    expect(lines).toEqual([
      ["ID", "NAME", "CELL", "CREATED"],
      ["lkc-abc123", "orders", "cell-a", "2025-01-02T03:04:05.000Z"],
      ["lkc-zzz999", "b", "cell-a", "2025-01-02T03:04:05.000Z"],
    ]);
  });

  it("describe shows usage and quotas; delete says what went", async () => {
    answers["GET /v1/clusters/lkc-abc123"] = {
      status: 200,
      body: {
        ...CLUSTER,
        usage: { topics: 2, partitions: 7, api_keys: 1, acls: 0 },
        quotas: { max_partitions: 10 },
      },
    };
    const d = await run(["cluster", "describe", "lkc-abc123"]);
    expect(d.out).toMatch(/^Partitions +7$/m);
    expect(d.out).toMatch(/^Quotas +max_partitions=10$/m);
    answers["DELETE /v1/clusters/lkc-abc123"] = {
      status: 200,
      body: { id: "lkc-abc123", topics_removed: 2 },
    };
    const del = await run(["cluster", "delete", "lkc-abc123"]);
    expect(del.out).toBe("Deleted logical cluster lkc-abc123 and its 2 topic(s).");
  });

  it("shows a problem's title and detail on stderr and exits 1, printing nothing on stdout", async () => {
    answers["POST /v1/clusters"] = {
      status: 400,
      body: {
        type: "about:blank",
        title: "Bad Request",
        status: 400,
        detail: "body/name is required",
        instance: "/v1/clusters",
      },
    };
    const r = await run(["cluster", "create", "x", "--output", "json"]);
    expect(r).toEqual({ code: 1, out: "", err: "Error: Bad Request: body/name is required" });
  });

  it("says so when the control plane cannot be reached", async () => {
    const r = await run(["cluster", "list"], { RUNNEL_CONTROL_PLANE_URL: "http://127.0.0.1:1" });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^Error: cannot reach the control plane at http:\/\/127\.0\.0\.1:1/);
  });

  it("refuses bad usage with exit 2 before any request", async () => {
    for (const argv of [
      ["cluster", "create"],
      ["cluster", "frobnicate"],
      ["cluster", "list", "--output", "yaml"],
      ["cluster", "list", "--bogus"],
      ["api-key", "list"],
      ["acl", "delete", "--cluster", "lkc-abc123"],
      ["acl", "create", "--cluster", "lkc-abc123", "--allow", "--principal", "User:a", "--topic", "t"],
      [
        "acl",
        "create",
        "--cluster",
        "lkc-abc123",
        "--allow",
        "--deny",
        "--principal",
        "User:a",
        "--topic",
        "t",
        "--operation",
        "READ",
      ],
      ["acl", "list", "--cluster", "lkc-abc123", "--topic", "t", "--group", "g"],
      ["quota", "set", "--cluster", "lkc-abc123", "max_partitions=lots"],
    ]) {
      const r = await run(argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.out).toBe("");
    }
    expect(seen).toEqual([]);
  });
});

describe("runnel api-key", () => {
  it("create sends the options and prints key and secret", async () => {
    const created = {
      key: "ABCDEFGHIJKLMNOP",
      secret: "s".repeat(64),
      cluster_id: "lkc-abc123",
      principal: "User:ci",
      admin: false,
      description: "ci",
      created_at: CLUSTER.created_at,
    };
    answers["POST /v1/clusters/lkc-abc123/api-keys"] = { status: 201, body: created };
    const json = await run([
      "api-key",
      "create",
      "--cluster",
      "lkc-abc123",
      "--no-admin",
      "--principal",
      "User:ci",
      "--description",
      "ci",
      "--output",
      "json",
    ]);
    expect(JSON.parse(json.out)).toEqual(created);
    expect(seen[0]?.body).toEqual({ admin: false, principal: "User:ci", description: "ci" });
    const table = await run(["api-key", "create", "--cluster", "lkc-abc123"]);
    expect(seen[1]?.body).toEqual({ admin: true });
    expect(table.out).toMatch(/^API secret +s{64}$/m);
    expect(table.out).toMatch(/cannot be shown again/);
  });

  it("list and delete address the cluster's keys", async () => {
    answers["GET /v1/clusters/lkc-abc123/api-keys"] = { status: 200, body: [] };
    expect((await run(["api-key", "list", "--cluster", "lkc-abc123"])).out).toBe("No API keys.");
    answers["DELETE /v1/clusters/lkc-abc123/api-keys/ABCDEFGHIJKLMNOP"] = {
      status: 200,
      body: { key: "ABCDEFGHIJKLMNOP", cluster_id: "lkc-abc123" },
    };
    const del = await run([
      "api-key",
      "delete",
      "ABCDEFGHIJKLMNOP",
      "--cluster",
      "lkc-abc123",
      "--output",
      "json",
    ]);
    expect(JSON.parse(del.out)).toEqual({ key: "ABCDEFGHIJKLMNOP", cluster_id: "lkc-abc123" });
  });
});

describe("runnel acl", () => {
  const base = "/v1/clusters/lkc-abc123/acls";

  it("create posts one binding per operation, with the API's names", async () => {
    answers[`POST ${base}`] = { status: 201, body: { operation: "READ" } };
    const r = await run([
      "acl",
      "create",
      "--cluster",
      "lkc-abc123",
      "--allow",
      "--principal",
      "User:alice",
      "--operation",
      "read",
      "--operation",
      "describe-configs",
      "--topic",
      "orders.",
      "--prefix",
      "--output",
      "json",
    ]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toHaveLength(2);
    const common = {
      resource_type: "TOPIC",
      resource_name: "orders.",
      pattern_type: "PREFIXED",
      permission: "ALLOW",
      principal: "User:alice",
      host: "*",
    };
    expect(seen.map((s) => s.body)).toEqual([
      { ...common, operation: "READ" },
      { ...common, operation: "DESCRIBE_CONFIGS" },
    ]);
  });

  it("create names the cluster resource with --cluster-scope", async () => {
    answers[`POST ${base}`] = { status: 201, body: {} };
    await run([
      "acl",
      "create",
      "--cluster",
      "lkc-abc123",
      "--deny",
      "--principal",
      "User:*",
      "--operation",
      "ALTER",
      "--cluster-scope",
      "--host",
      "10.0.0.1",
    ]);
    expect(seen[0]?.body).toMatchObject({
      resource_type: "CLUSTER",
      resource_name: "kafka-cluster",
      permission: "DENY",
      host: "10.0.0.1",
    });
  });

  it("list and delete send the flags as a filter", async () => {
    const binding = {
      resource_type: "GROUP",
      resource_name: "g",
      pattern_type: "LITERAL",
      operation: "READ",
      permission: "ALLOW",
      principal: "User:bob",
      host: "*",
    };
    answers[`GET ${base}`] = { status: 200, body: [binding] };
    const list = await run([
      "acl",
      "list",
      "--cluster",
      "lkc-abc123",
      "--group",
      "g",
      "--principal",
      "User:bob",
    ]);
    expect(seen[0]?.query).toEqual({ resource_type: "GROUP", resource_name: "g", principal: "User:bob" });
    expect(list.out.split("\n")[1]?.split(/\s{2,}/)).toEqual([
      "User:bob",
      "ALLOW",
      "READ",
      "GROUP",
      "g",
      "LITERAL",
      "*",
    ]);
    answers[`DELETE ${base}`] = { status: 200, body: { deleted: [binding] } };
    const del = await run(["acl", "delete", "--cluster", "lkc-abc123", "--deny", "--output", "json"]);
    expect(seen[1]).toMatchObject({ method: "DELETE", query: { permission: "DENY" } });
    expect(JSON.parse(del.out)).toEqual({ deleted: [binding] });
  });
});

describe("runnel quota", () => {
  const url = "/v1/clusters/lkc-abc123/quotas";

  it("set, list and delete", async () => {
    answers[`PUT ${url}`] = { status: 200, body: { producer_byte_rate: 1024, max_partitions: 5 } };
    const set = await run([
      "quota",
      "set",
      "--cluster",
      "lkc-abc123",
      "producer_byte_rate=1024",
      "max_partitions=5",
    ]);
    expect(seen[0]?.body).toEqual({ producer_byte_rate: 1024, max_partitions: 5 });
    expect(set.out.split("\n").map((l) => l.split(/\s{2,}/))).toEqual([
      ["KEY", "VALUE"],
      ["producer_byte_rate", "1024"],
      ["max_partitions", "5"],
    ]);
    answers[`GET ${url}`] = { status: 200, body: {} };
    expect((await run(["quota", "list", "--cluster", "lkc-abc123"])).out).toBe(
      "No quotas or limits are set.",
    );
    await run(["quota", "delete", "--cluster", "lkc-abc123", "max_partitions", "producer_byte_rate"]);
    expect(seen[2]?.body).toEqual({ max_partitions: null, producer_byte_rate: null });
  });
});

describe("dispatch and the admin token", () => {
  it("recognises tenant commands wherever the global flags stand", () => {
    expect(isTenantCommand(["--output", "json", "cluster", "list"])).toBe(true);
    expect(isTenantCommand(["api-key", "list", "--cluster", "lkc-abc123"])).toBe(true);
    expect(isTenantCommand(["metadata", "status"])).toBe(false);
    expect(isTenantCommand(["fleet", "status"])).toBe(false);
    expect(isTenantCommand([])).toBe(false);
  });

  it("takes --token, else RUNNEL_ADMIN_TOKEN, else the local fleet's .data/admin-token", () => {
    const root = mkdtempSync(join(tmpdir(), "runnel-cli-token-"));
    try {
      const repoRoot = () => root;
      expect(resolveAdminToken(undefined, {}, repoRoot)).toBeUndefined();
      mkdirSync(join(root, ".data"));
      writeFileSync(join(root, ".data", "admin-token"), "from-file\n");
      expect(resolveAdminToken(undefined, {}, repoRoot)).toBe("from-file");
      expect(resolveAdminToken(undefined, { RUNNEL_ADMIN_TOKEN: "from-env" }, repoRoot)).toBe("from-env");
      expect(resolveAdminToken("from-flag", { RUNNEL_ADMIN_TOKEN: "from-env" }, repoRoot)).toBe("from-flag");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("refuses to run without a token, and sends --token over the environment's", async () => {
    const none = await run(["cluster", "list"], { RUNNEL_ADMIN_TOKEN: "" });
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/No admin token/);
    answers["GET /v1/clusters"] = { status: 200, body: [] };
    await run(["cluster", "list", "--token", "flag-token"]);
    expect(seen[0]?.authorization).toBe("Bearer flag-token");
  });
});
