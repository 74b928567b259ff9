/**
 * The `runnel` CLI against the control-plane process over a metadata quorum of three voter
 * processes and a broker with SASL authentication, as a user scripts it: `cluster create
 * --output json` prints the new cluster's id, `api-key create --output json` a key and a
 * secret that work at once as SASL/PLAIN username and password (kcat produces and consumes
 * with them), a tenant's topic (stored as `<lkc-id>_<name>`) is listed by its own name, ACLs
 * and quotas go through, a revoked key no longer authenticates, and the control plane's
 * errors reach the user.
 */
import { execFile } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrokerProcess, startBroker } from "../harness/broker.js";
import { type ControlPlaneProcess, runnel, startControlPlane } from "../harness/control-plane.js";
import { MetadataQuorum } from "../harness/metadata.js";
import { waitUntil } from "../harness/process.js";

let q: MetadataQuorum;
let broker: BrokerProcess;
let cp: ControlPlaneProcess;
let env: Record<string, string>;

beforeAll(async () => {
  q = await MetadataQuorum.start();
  broker = await startBroker(q, 1, "a", {
    RUNNEL_BROKER_AUTHENTICATION: "sasl",
    RUNNEL_BROKER_CELL: "cell-1",
  });
  cp = await startControlPlane(q);
  env = { RUNNEL_CONTROL_PLANE_URL: cp.url, RUNNEL_ADMIN_TOKEN: cp.token };
});

afterAll(async () => {
  await cp?.process.close();
  await broker?.process.close();
  await q?.close();
});

type Json = Record<string, unknown>;

/** Runs `runnel <args> --output json`, expecting success and exactly one JSON value on stdout. */
async function runnelJson<T = Json>(...args: string[]): Promise<T> {
  const r = await runnel([...args, "--output", "json"], env);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

function kcat(
  key: string,
  secret: string,
  args: string[],
  input?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      "kcat",
      [
        "-b",
        broker.bootstrap,
        "-X",
        "security.protocol=SASL_PLAINTEXT",
        "-X",
        "sasl.mechanisms=PLAIN",
        "-X",
        `sasl.username=${key}`,
        "-X",
        `sasl.password=${secret}`,
        ...args,
      ],
      { timeout: 60_000 },
      (e, stdout, stderr) =>
        resolve({ code: e === null ? 0 : typeof e.code === "number" ? e.code : 1, stdout, stderr }),
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

describe("runnel over the control plane", () => {
  it("creates a cluster and an API key that authenticates at once with SASL/PLAIN", async () => {
    const cluster = await runnelJson("cluster", "create", "orders");
    expect(cluster).toMatchObject({ id: expect.stringMatching(/^lkc-/), name: "orders", cell: "cell-1" });
    const id = cluster.id as string;

    const key = await runnelJson("api-key", "create", "--cluster", id, "--description", "e2e");
    expect(key).toMatchObject({
      key: expect.any(String),
      secret: expect.any(String),
      cluster_id: id,
      admin: true,
    });

    // The tenant's topic under its stored name, as a broker creates it for the tenant.
    const made = await q.controller.call((c, o) =>
      c.createTopics({ topics: [{ name: `${id}_events`, numPartitions: 2, replicationFactor: 1 }] }, o),
    );
    expect(made.topics[0]?.errorCode).toBe(0);

    const produced = await kcat(key.key as string, key.secret as string, ["-P", "-t", "events"], "hello\n");
    expect(produced.code, produced.stderr).toBe(0);
    const consumed = await kcat(key.key as string, key.secret as string, [
      "-C",
      "-t",
      "events",
      "-o",
      "beginning",
      "-c",
      "1",
      "-e",
    ]);
    expect(consumed.code, consumed.stderr).toBe(0);
    expect(consumed.stdout.trim()).toBe("hello");

    // The topic is listed by the tenant's own name, and counted in its usage.
    // (A read sees another writer's change once this control plane's image has it.)
    const topics = await waitUntil("the topic in the control plane's image", async () => {
      const res = await fetch(`${cp.url}/v1/clusters/${id}/topics`, {
        headers: { authorization: `Bearer ${cp.token}` },
      });
      const list = (await res.json()) as Json[];
      return list.length > 0 ? list : undefined;
    });
    expect(topics).toEqual([{ name: "events", partitions: 2, replication_factor: 1 }]);
    const described = await runnelJson("cluster", "describe", id);
    expect(described.usage).toEqual({ topics: 1, partitions: 2, api_keys: 1, acls: 0 });

    // The secret is never shown again.
    const keys = await runnelJson<Json[]>("api-key", "list", "--cluster", id);
    expect(keys.map((k) => k.key)).toEqual([key.key]);
    expect(JSON.stringify(keys)).not.toContain(key.secret as string);

    // Revoked, the key no longer authenticates.
    expect(await runnelJson("api-key", "delete", key.key as string, "--cluster", id)).toEqual({
      key: key.key,
      cluster_id: id,
    });
    const refused = await kcat(key.key as string, key.secret as string, ["-L", "-m", "10"]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/Authentication failed|SASL authentication error/i);

    const deleted = await runnelJson("cluster", "delete", id);
    expect(deleted).toEqual({ id, topics_removed: 1 });
    expect((await runnelJson<Json[]>("cluster", "list")).map((c) => c.id)).not.toContain(id);
  });

  it("manages ACLs and quotas, and shows the control plane's refusals", async () => {
    const { id } = await runnelJson<{ id: string }>("cluster", "create", "acl-quota");
    const created = await runnelJson<Json[]>(
      "acl",
      "create",
      "--cluster",
      id,
      "--allow",
      "--principal",
      "User:alice",
      "--operation",
      "read",
      "--operation",
      "describe",
      "--topic",
      "orders.",
      "--prefix",
    );
    expect(created.map((a) => a.operation)).toEqual(["READ", "DESCRIBE"]);
    await runnelJson(
      "acl",
      "create",
      "--cluster",
      id,
      "--deny",
      "--principal",
      "User:bob",
      "--operation",
      "write",
      "--group",
      "g",
    );
    expect(
      await runnelJson<Json[]>("acl", "list", "--cluster", id, "--principal", "User:alice"),
    ).toHaveLength(2);
    const table = await runnel(["acl", "list", "--cluster", id], env);
    expect(table.stdout.split("\n")[0]).toMatch(/^PRINCIPAL +PERMISSION +OPERATION/);
    expect(table.stdout.trim().split("\n")).toHaveLength(4);
    const removed = await runnelJson<{ deleted: Json[] }>("acl", "delete", "--cluster", id, "--deny");
    expect(removed.deleted.map((a) => a.principal)).toEqual(["User:bob"]);

    expect(
      await runnelJson("quota", "set", "--cluster", id, "producer_byte_rate=1048576", "max_partitions=20"),
    ).toEqual({
      producer_byte_rate: 1048576,
      max_partitions: 20,
    });
    expect(await runnelJson("quota", "delete", "--cluster", id, "max_partitions")).toEqual({
      producer_byte_rate: 1048576,
    });
    const bad = await runnel(
      ["quota", "set", "--cluster", id, "bytes_per_fortnight=1", "--output", "json"],
      env,
    );
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe("");
    expect(bad.stderr.trim()).toBe('Error: Bad Request: body has an unknown property "bytes_per_fortnight"');
    expect(await runnelJson("quota", "list", "--cluster", id)).toEqual({ producer_byte_rate: 1048576 });

    const missing = await runnel(["cluster", "describe", "lkc-zzzzzz"], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe("Error: Not Found: Logical cluster lkc-zzzzzz does not exist.");
    const unauthorised = await runnel(["cluster", "list"], { ...env, RUNNEL_ADMIN_TOKEN: "wrong" });
    expect(unauthorised.code).toBe(1);
    expect(unauthorised.stderr).toMatch(/^Error: Unauthorized: The admin token is not valid\./);
  });
});
