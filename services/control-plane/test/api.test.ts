/**
 * The control plane's HTTP API against a real metadata quorum (one voter, in this process),
 * through Fastify's `inject`: authentication, validation and error documents, logical
 * clusters, API keys (the secret shown once), ACLs with filters, quotas, topics by their own
 * names, usage per cell, and the OpenAPI document covering every route.
 */
import { newApiKey, newLogicalClusterId, verifyApiKeySecret } from "@runnel/tenant";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_KEY_PATTERN, CLUSTER_ID_PATTERN } from "../src/schemas.js";
import { AUTH, TestPlane } from "./harness.js";

let plane: TestPlane;

beforeAll(async () => {
  plane = await TestPlane.start();
  await plane.addBroker("cell-a");
  await plane.addBroker("cell-b");
});

afterAll(async () => {
  await plane?.close();
});

type Json = Record<string, unknown>;

async function req(
  method: "GET" | "POST" | "PUT" | "DELETE",
  url: string,
  body?: unknown,
  headers: Record<string, string> = AUTH,
): Promise<LightMyRequestResponse> {
  return plane.app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as Json }) });
}

function json<T = Json>(res: LightMyRequestResponse): T {
  return res.json() as T;
}

/** Asserts `res` is a problem document with `status`; returns it. */
function expectProblem(res: LightMyRequestResponse, status: number): Json {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const p = json(res);
  expect(p).toMatchObject({ type: "about:blank", status, instance: expect.any(String) });
  expect(typeof p.title).toBe("string");
  expect(typeof p.detail).toBe("string");
  return p;
}

async function createCluster(name: string, cell?: string): Promise<Json> {
  const res = await req("POST", "/v1/clusters", cell === undefined ? { name } : { name, cell });
  expect(res.statusCode, res.body).toBe(201);
  return json(res);
}

describe("authentication", () => {
  it("refuses /v1 routes without the admin token, and with a wrong one", async () => {
    const none = expectProblem(await req("GET", "/v1/clusters", undefined, {}), 401);
    expect(none.detail).toMatch(/Bearer/);
    const wrong = await req("GET", "/v1/clusters", undefined, { authorization: "Bearer nope" });
    expectProblem(wrong, 401);
    expect(wrong.headers["www-authenticate"]).toMatch(/^Bearer /);
    expectProblem(await req("POST", "/v1/clusters", { name: "x" }, { authorization: "Basic abc" }), 401);
    expect((await req("GET", "/v1/clusters")).statusCode).toBe(200);
  });

  it("serves /openapi.json and /healthz without a token", async () => {
    expect((await req("GET", "/openapi.json", undefined, {})).statusCode).toBe(200);
    const health = await req("GET", "/healthz", undefined, {});
    expect(health.statusCode).toBe(200);
    expect(json(health)).toEqual({ status: "ok" });
  });
});

describe("validation and errors", () => {
  it("answers schema violations with a 400 problem that says what is wrong", async () => {
    const missing = expectProblem(await req("POST", "/v1/clusters", {}), 400);
    expect(missing.detail).toBe("body/name is required");
    expect(missing.errors).toEqual([{ path: "body/name", message: "is required" }]);

    const extra = expectProblem(await req("POST", "/v1/clusters", { name: "a", size: 3 }), 400);
    expect(extra.detail).toBe('body has an unknown property "size"');

    // No coercion: a number is not a name.
    const typed = expectProblem(await req("POST", "/v1/clusters", { name: 7 }), 400);
    expect(typed.detail).toBe("body/name must be string");

    const long = expectProblem(await req("POST", "/v1/clusters", { name: "x".repeat(65) }), 400);
    expect(long.detail).toMatch(/^body\/name must NOT have more than 64 characters/);

    const badId = expectProblem(await req("GET", "/v1/clusters/not-an-id"), 400);
    expect(badId.detail).toMatch(/^params\/id must match pattern/);

    const notJson = await plane.app.inject({
      method: "POST",
      url: "/v1/clusters",
      headers: { ...AUTH, "content-type": "application/json" },
      payload: "{nope",
    });
    expectProblem(notJson, 400);
  });

  it("answers unknown routes with a 404 problem", async () => {
    const p = expectProblem(await req("GET", "/v1/nothing-here"), 404);
    expect(p.detail).toBe("There is no route GET /v1/nothing-here.");
    expect(p.instance).toBe("/v1/nothing-here");
  });

  it("keeps the id patterns in step with the tenant package's generators", () => {
    for (let i = 0; i < 50; i++) {
      expect(newLogicalClusterId()).toMatch(new RegExp(CLUSTER_ID_PATTERN));
      expect(newApiKey().key).toMatch(new RegExp(API_KEY_PATTERN));
    }
  });
});

describe("logical clusters", () => {
  it("creates, lists, describes and deletes; a list right after a create shows it", async () => {
    const c = await createCluster("  orders team ");
    expect(c.id).toMatch(/^lkc-[0-9a-z]{6}$/);
    expect(c.name).toBe("orders team");
    expect(["cell-a", "cell-b"]).toContain(c.cell);
    expect(Date.parse(c.created_at as string)).toBeGreaterThan(Date.now() - 60_000);

    const list = json<Json[]>(await req("GET", "/v1/clusters"));
    expect(list).toContainEqual(c);

    const d = json(await req("GET", `/v1/clusters/${c.id}`));
    expect(d).toEqual({ ...c, usage: { topics: 0, partitions: 0, api_keys: 0, acls: 0 }, quotas: {} });

    const del = await req("DELETE", `/v1/clusters/${c.id}`);
    expect(del.statusCode, del.body).toBe(200);
    expect(json(del)).toEqual({ id: c.id, topics_removed: 0 });
    expect(json<Json[]>(await req("GET", "/v1/clusters")).map((x) => x.id)).not.toContain(c.id);
    expectProblem(await req("GET", `/v1/clusters/${c.id}`), 404);
    const again = expectProblem(await req("DELETE", `/v1/clusters/${c.id}`), 404);
    expect(again.detail).toMatch(/does not exist/);
  });

  it("places into the cell asked for, and refuses a cell without brokers", async () => {
    const b = await createCluster("in b", "cell-b");
    expect(b.cell).toBe("cell-b");
    const p = expectProblem(await req("POST", "/v1/clusters", { name: "x", cell: "cell-z" }), 400);
    expect(p.detail).toMatch(/cell-z/);
  });

  it("spreads new clusters over both cells by load", async () => {
    const cells = new Set<unknown>();
    for (let i = 0; i < 6; i++) cells.add((await createCluster(`spread-${i}`)).cell);
    expect(cells).toEqual(new Set(["cell-a", "cell-b"]));
  });
});

describe("API keys", () => {
  it("returns the secret once, stores only its hash, lists keys without secrets, revokes", async () => {
    const c = await createCluster("keys");
    const res = await req("POST", `/v1/clusters/${c.id}/api-keys`, { description: "ci" });
    expect(res.statusCode, res.body).toBe(201);
    const k = json(res);
    expect(k).toMatchObject({
      key: expect.stringMatching(/^[A-Z2-7]{16}$/),
      secret: expect.stringMatching(/^[A-Za-z0-9+/]{64}$/),
      cluster_id: c.id,
      principal: `User:${k.key}`,
      admin: true,
      description: "ci",
    });
    // The secret checks against what the metadata log stores, which is not the secret.
    const stored = plane.images.image.apiKeys.get(k.key as string);
    expect(stored).toBeDefined();
    expect(verifyApiKeySecret(stored, k.secret as string)).toBe(true);
    expect(verifyApiKeySecret(stored, `${k.secret}x`)).toBe(false);

    const limited = json(
      await req("POST", `/v1/clusters/${c.id}/api-keys`, { admin: false, principal: "User:alice" }),
    );
    expect(limited).toMatchObject({ admin: false, principal: "User:alice", description: "" });

    const listRes = await req("GET", `/v1/clusters/${c.id}/api-keys`);
    expect(listRes.body).not.toContain(k.secret as string);
    expect(listRes.body).not.toMatch(/salt|hash|secret/);
    const list = json<Json[]>(listRes);
    const { secret: _secret, ...shown } = k;
    expect(list).toEqual([shown, (({ secret: _s, ...rest }) => rest)(limited)]);
    expect(json(await req("GET", `/v1/clusters/${c.id}`)).usage).toMatchObject({ api_keys: 2 });

    const del = await req("DELETE", `/v1/clusters/${c.id}/api-keys/${k.key}`);
    expect(del.statusCode, del.body).toBe(200);
    expect(json(del)).toEqual({ key: k.key, cluster_id: c.id });
    expect(json<Json[]>(await req("GET", `/v1/clusters/${c.id}/api-keys`)).map((x) => x.key)).toEqual([
      limited.key,
    ]);
    expect(plane.images.image.apiKeys.has(k.key as string)).toBe(false);
    expectProblem(await req("DELETE", `/v1/clusters/${c.id}/api-keys/${k.key}`), 404);
  });

  it("refuses keys for an unknown cluster, another cluster's key, and bad principals", async () => {
    const a = await createCluster("a");
    const b = await createCluster("b");
    expectProblem(await req("POST", `/v1/clusters/lkc-zzzzzz/api-keys`, {}), 404);
    const k = json(await req("POST", `/v1/clusters/${a.id}/api-keys`));
    expectProblem(await req("DELETE", `/v1/clusters/${b.id}/api-keys/${k.key}`), 404);
    expect(plane.images.image.apiKeys.has(k.key as string)).toBe(true);
    const p = expectProblem(await req("POST", `/v1/clusters/${a.id}/api-keys`, { principal: "alice" }), 400);
    expect(p.detail).toMatch(/^body\/principal must match pattern/);
  });

  it("removes a cluster's keys with the cluster", async () => {
    const c = await createCluster("gone");
    const k = json(await req("POST", `/v1/clusters/${c.id}/api-keys`, {}));
    await req("DELETE", `/v1/clusters/${c.id}`);
    expect(plane.images.image.apiKeys.has(k.key as string)).toBe(false);
    expectProblem(await req("GET", `/v1/clusters/${c.id}/api-keys`), 404);
  });
});

describe("ACLs", () => {
  const binding = (over: Json = {}): Json => ({
    resource_type: "TOPIC",
    resource_name: "orders",
    operation: "READ",
    permission: "ALLOW",
    principal: "User:alice",
    ...over,
  });

  it("creates bindings, lists them with filters, and deletes by filter", async () => {
    const c = await createCluster("acls");
    const base = `/v1/clusters/${c.id}/acls`;
    const created = await req("POST", base, binding());
    expect(created.statusCode, created.body).toBe(201);
    expect(json(created)).toEqual({ ...binding(), pattern_type: "LITERAL", host: "*" });
    for (const b of [
      binding({ operation: "WRITE" }),
      binding({ resource_name: "ord", pattern_type: "PREFIXED", principal: "User:bob" }),
      binding({ resource_type: "GROUP", resource_name: "g1", principal: "User:bob", permission: "DENY" }),
      binding({ resource_type: "CLUSTER", resource_name: "kafka-cluster", operation: "DESCRIBE" }),
    ]) {
      expect((await req("POST", base, b)).statusCode).toBe(201);
    }
    // Adding a binding that exists changes nothing.
    expect((await req("POST", base, binding())).statusCode).toBe(201);

    expect(json<Json[]>(await req("GET", base))).toHaveLength(5);
    expect(json(await req("GET", `/v1/clusters/${c.id}`)).usage).toMatchObject({ acls: 5 });
    const bobs = json<Json[]>(await req("GET", `${base}?principal=User:bob`));
    expect(bobs.map((b) => b.resource_name).sort()).toEqual(["g1", "ord"]);
    // MATCH: every binding that applies to the topic "orders".
    const applying = json<Json[]>(
      await req("GET", `${base}?resource_type=TOPIC&resource_name=orders&pattern_type=MATCH`),
    );
    expect(applying).toHaveLength(3);
    const denies = json<Json[]>(await req("GET", `${base}?permission=DENY`));
    expect(denies).toEqual([
      {
        ...binding({
          resource_type: "GROUP",
          resource_name: "g1",
          principal: "User:bob",
          permission: "DENY",
        }),
        pattern_type: "LITERAL",
        host: "*",
      },
    ]);

    const del = await req("DELETE", `${base}?principal=User:alice&resource_type=TOPIC`);
    expect(del.statusCode, del.body).toBe(200);
    expect((json(del).deleted as Json[]).map((b) => b.operation).sort()).toEqual(["READ", "WRITE"]);
    const left = json<Json[]>(await req("GET", base));
    expect(left.map((b) => `${b.resource_type}:${b.resource_name}`).sort()).toEqual([
      "CLUSTER:kafka-cluster",
      "GROUP:g1",
      "TOPIC:ord",
    ]);
  });

  it("refuses invalid bindings and filters with a problem saying why", async () => {
    const c = await createCluster("bad acls");
    const base = `/v1/clusters/${c.id}/acls`;
    const cluster = expectProblem(
      await req("POST", base, binding({ resource_type: "CLUSTER", resource_name: "mine" })),
      400,
    );
    expect(cluster.detail).toMatch(/kafka-cluster/);
    const op = expectProblem(await req("POST", base, binding({ operation: "EAT" })), 400);
    expect(op.detail).toMatch(/^body\/operation must be one of ALL, READ, WRITE/);
    const principal = expectProblem(await req("POST", base, binding({ principal: "Group:x" })), 400);
    expect(principal.detail).toMatch(/^body\/principal must match pattern/);
    const bare = expectProblem(await req("DELETE", base), 400);
    expect(bare.detail).toMatch(/querystring must NOT have fewer than 1 properties/);
    expectProblem(await req("GET", `${base}?colour=red`), 400);
    expectProblem(await req("GET", `/v1/clusters/lkc-zzzzzz/acls`), 404);
    expect(json<Json[]>(await req("GET", base))).toEqual([]);
  });
});

describe("quotas", () => {
  it("sets, lists and removes quotas, and refuses a bad key or value", async () => {
    const c = await createCluster("quotas");
    const url = `/v1/clusters/${c.id}/quotas`;
    expect(json(await req("GET", url))).toEqual({});
    const set = await req("PUT", url, { producer_byte_rate: 1_048_576, max_partitions: 10 });
    expect(set.statusCode, set.body).toBe(200);
    expect(json(set)).toEqual({ producer_byte_rate: 1_048_576, max_partitions: 10 });
    expect(json(await req("GET", url))).toEqual({ producer_byte_rate: 1_048_576, max_partitions: 10 });
    expect(json(await req("GET", `/v1/clusters/${c.id}`)).quotas).toEqual({
      producer_byte_rate: 1_048_576,
      max_partitions: 10,
    });

    const removed = await req("PUT", url, { max_partitions: null });
    expect(json(removed)).toEqual({ producer_byte_rate: 1_048_576 });

    const unknown = expectProblem(await req("PUT", url, { bytes_per_fortnight: 5 }), 400);
    expect(unknown.detail).toBe('body has an unknown property "bytes_per_fortnight"');
    const zero = expectProblem(await req("PUT", url, { consumer_byte_rate: 0, max_connections: 5 }), 400);
    expect(zero.detail).toBe("consumer_byte_rate must be greater than 0 bytes/s, not 0");
    const fraction = expectProblem(await req("PUT", url, { max_partitions: 1.5 }), 400);
    expect(fraction.detail).toMatch(/whole number/);
    expectProblem(await req("PUT", url, { max_partitions: "5" }), 400);
    expectProblem(await req("PUT", url, {}), 400);
    // Nothing of a refused change was written.
    expect(json(await req("GET", url))).toEqual({ producer_byte_rate: 1_048_576 });
  });
});

describe("topics and usage", () => {
  it("lists a cluster's topics by its own names, and nobody else's", async () => {
    const c = await createCluster("topics", "cell-a");
    const other = await createCluster("other", "cell-a");
    await plane.createTopic(`${c.id}_orders`, 3);
    await plane.createTopic(`${c.id}_lkc-abcdef_payments`, 1);
    await plane.createTopic(`${other.id}_orders`, 2);
    await plane.createTopic("plain", 1);
    const topics = json<Json[]>(await req("GET", `/v1/clusters/${c.id}/topics`));
    expect(topics).toEqual([
      { name: "lkc-abcdef_payments", partitions: 1, replication_factor: 1 },
      { name: "orders", partitions: 3, replication_factor: 1 },
    ]);
    expect(json(await req("GET", `/v1/clusters/${c.id}`)).usage).toMatchObject({ topics: 2, partitions: 4 });
    expect(json<Json[]>(await req("GET", `/v1/clusters/${other.id}/topics`))).toEqual([
      { name: "orders", partitions: 2, replication_factor: 1 },
    ]);
    const del = json(await req("DELETE", `/v1/clusters/${c.id}`));
    expect(del.topics_removed).toBe(2);
  });

  it("reports usage per cell", async () => {
    const usage = json<Json[]>(await req("GET", "/v1/usage"));
    expect(usage.map((u) => u.cell)).toEqual(["cell-a", "cell-b"]);
    const image = plane.images.image;
    for (const u of usage) {
      expect(u).toMatchObject({ brokers: 1, active_brokers: 1 });
      const clusters = [...image.logicalClusters.values()].filter((c) => c.cell === u.cell).length;
      expect(u.clusters).toBe(clusters);
    }
    const total = [...image.topics.values()].reduce((n, t) => n + t.partitions.length, 0);
    expect(usage.reduce((n, u) => n + (u.partitions as number), 0)).toBe(total);
  });
});

describe("OpenAPI", () => {
  const ROUTES: [string, string][] = [
    ["post", "/v1/clusters"],
    ["get", "/v1/clusters"],
    ["get", "/v1/clusters/{id}"],
    ["delete", "/v1/clusters/{id}"],
    ["post", "/v1/clusters/{id}/api-keys"],
    ["get", "/v1/clusters/{id}/api-keys"],
    ["delete", "/v1/clusters/{id}/api-keys/{key}"],
    ["post", "/v1/clusters/{id}/acls"],
    ["get", "/v1/clusters/{id}/acls"],
    ["delete", "/v1/clusters/{id}/acls"],
    ["get", "/v1/clusters/{id}/quotas"],
    ["put", "/v1/clusters/{id}/quotas"],
    ["get", "/v1/clusters/{id}/topics"],
    ["get", "/v1/usage"],
    ["get", "/openapi.json"],
    ["get", "/healthz"],
  ];

  it("documents every route, and every documented route is served", async () => {
    const doc = json(await req("GET", "/openapi.json", undefined, {}));
    expect(doc.openapi).toBe("3.1.0");
    const paths = doc.paths as Record<string, Record<string, Json>>;
    const documented = Object.entries(paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    expect(documented.sort()).toEqual(ROUTES.map(([m, p]) => `${m} ${p}`).sort());
    for (const [method, path] of ROUTES) {
      const url = path.replace("{id}", "lkc-zzzzzz").replace("{key}", "AAAAAAAAAAAAAAAA");
      const res = await plane.app.inject({ method: method.toUpperCase() as "GET", url });
      // Without a token, a served /v1 route answers 401; an unknown one would answer 404.
      expect(res.statusCode, `${method} ${path}`).toBe(path.startsWith("/v1/") ? 401 : 200);
    }
  });

  it("describes parameters, bodies and security from the route schemas", async () => {
    const doc = json(await req("GET", "/openapi.json", undefined, {}));
    const paths = doc.paths as Record<string, Record<string, Json>>;
    const create = paths["/v1/clusters"]?.post as Json;
    const body = (create.requestBody as Json).content as Record<string, { schema: Json }>;
    expect(body["application/json"]?.schema).toMatchObject({
      required: ["name"],
      additionalProperties: false,
    });
    expect(create.security).toEqual([{ adminToken: [] }]);
    expect(paths["/openapi.json"]?.get?.security).toEqual([]);
    const delKey = paths["/v1/clusters/{id}/api-keys/{key}"]?.delete as Json;
    expect((delKey.parameters as Json[]).map((p) => [p.name, p.in, p.required])).toEqual([
      ["id", "path", true],
      ["key", "path", true],
    ]);
    const listAcls = paths["/v1/clusters/{id}/acls"]?.get as Json;
    expect((listAcls.parameters as Json[]).filter((p) => p.in === "query").map((p) => p.name)).toEqual([
      "resource_type",
      "resource_name",
      "pattern_type",
      "operation",
      "permission",
      "principal",
      "host",
    ]);
    expect(doc.components).toMatchObject({
      securitySchemes: { adminToken: { type: "http", scheme: "bearer" } },
    });
  });
});
