/**
 * The tenant frontend and backend: logical clusters placed into cells by power of two
 * choices, API keys, SCRAM credentials, ACLs and quotas written and removed, a deleted logical
 * cluster taking everything it owned with it, the partition limit and cell applied to its
 * topics, and all of it surviving a snapshot round trip.
 */
import { create } from "@bufbuild/protobuf";
import {
  AclBindingSchema,
  AlterScramCredentialsRequestSchema,
  AlterTenantQuotasRequestSchema,
  CreateAclsRequestSchema,
  CreateApiKeyRequestSchema,
  CreateLogicalClusterRequestSchema,
  CreatePartitionsRequestSchema,
  CreateTopicsRequestSchema,
  DeleteAclsRequestSchema,
  DeleteApiKeyRequestSchema,
  DeleteLogicalClusterRequestSchema,
} from "@runnel/rpc";
import {
  AclOperation,
  AclPermissionType,
  hashApiKeySecret,
  newApiKey,
  PatternType,
  ResourceType,
} from "@runnel/tenant";
import { describe, expect, it } from "vitest";
import {
  alterScramCredentials,
  alterTenantQuotas,
  chooseCell,
  createAcls,
  createApiKey,
  createLogicalCluster,
  createPartitions,
  createTopics,
  deleteAcls,
  deleteApiKey,
  deleteLogicalCluster,
  type Result,
} from "../../src/controller/index.js";
import { imageFromRecords, imageToRecords } from "../../src/controller/snapshot.js";
import { Harness } from "./harness.js";

const NOW = 1_700_000_000_000n;

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.name}: ${r.error.message}`);
  return r.value;
}

function fleet(): Harness {
  const h = new Harness();
  // Two cells of three zones each.
  for (const [id, zone] of [
    [1, "a"],
    [2, "b"],
    [3, "c"],
  ] as const) {
    h.addBroker(id, zone, "cell-1");
    h.addBroker(id + 10, zone, "cell-2");
  }
  return h;
}

function newCluster(h: Harness, name: string, cell = ""): string {
  const context = { randomBytes: h.random, nowMs: NOW };
  return h.run(
    ok(createLogicalCluster(h.image, create(CreateLogicalClusterRequestSchema, { name, cell }), context)),
  ).id;
}

function newKey(h: Harness, lkc: string): string {
  const { key, secret } = newApiKey();
  const { salt, hash } = hashApiKeySecret(secret);
  const req = create(CreateApiKeyRequestSchema, { logicalClusterId: lkc, key, salt, hash });
  h.run(ok(createApiKey(h.image, req, { randomBytes: h.random, nowMs: NOW })));
  return key;
}

const binding = (name: string, op: number = AclOperation.READ) =>
  create(AclBindingSchema, {
    resourceType: ResourceType.TOPIC,
    resourceName: name,
    patternType: PatternType.LITERAL,
    principal: "User:alice",
    host: "*",
    operation: op,
    permissionType: AclPermissionType.ALLOW,
  });

describe("logical clusters", () => {
  it("go into the less loaded of two cells and are written with their cell", () => {
    const h = fleet();
    h.createTopic("busy", { numPartitions: 6, replicationFactor: 3, cell: "cell-1" });
    expect(chooseCell(h.image, h.random)).toBe("cell-2");
    const id = newCluster(h, "shop");
    expect(id).toMatch(/^lkc-/);
    expect(h.image.logicalClusters.get(id)).toMatchObject({ name: "shop", cell: "cell-2", createdMs: NOW });
  });

  it("refuse an unknown cell, an empty name and a taken id", () => {
    const h = fleet();
    const context = { randomBytes: h.random, nowMs: NOW };
    const attempt = (init: { name: string; cell?: string; id?: string }) =>
      createLogicalCluster(h.image, create(CreateLogicalClusterRequestSchema, init), context);
    expect(attempt({ name: "x", cell: "cell-9" })).toMatchObject({
      ok: false,
      error: { name: "INVALID_REQUEST" },
    });
    expect(attempt({ name: "  " })).toMatchObject({ ok: false, error: { name: "INVALID_REQUEST" } });
    h.run(ok(attempt({ name: "d", id: "lkc-abcdef" })));
    expect(attempt({ name: "d", id: "lkc-abcdef" })).toMatchObject({
      ok: false,
      error: { name: "DUPLICATE_RESOURCE" },
    });
  });

  it("place their topics in their cell and keep their partition limit, counting the whole request", () => {
    const h = fleet();
    const id = newCluster(h, "shop", "cell-2");
    h.run(
      ok(
        alterTenantQuotas(
          h.image,
          create(AlterTenantQuotasRequestSchema, {
            logicalClusterId: id,
            entries: [{ key: "max_partitions", value: 5 }],
          }),
        ),
      ),
    );
    h.createTopic(`${id}_orders`, { numPartitions: 3, replicationFactor: 3 });
    for (const p of h.topic(`${id}_orders`).partitions) expect(p.replicas.every((b) => b > 10)).toBe(true);
    const over = h.run(
      createTopics(
        h.image,
        create(CreateTopicsRequestSchema, {
          topics: [{ name: `${id}_more`, numPartitions: 3, replicationFactor: 3 }],
        }),
        { options: h.options, randomBytes: h.random },
      ),
    );
    expect(over.topics[0]).toMatchObject({ errorCode: 44 });
    expect(over.topics[0]?.errorMessage).toContain("partition limit is 5");
    const grow = h.run(
      createPartitions(
        h.image,
        create(CreatePartitionsRequestSchema, { topics: [{ name: `${id}_orders`, count: 6 }] }),
        h.options,
      ),
    );
    expect(grow.topics[0]?.errorCode).toBe(44);
    const fits = h.run(
      createPartitions(
        h.image,
        create(CreatePartitionsRequestSchema, { topics: [{ name: `${id}_orders`, count: 5 }] }),
        h.options,
      ),
    );
    expect(fits.topics[0]?.errorCode).toBe(0);
    for (const p of h.topic(`${id}_orders`).partitions) expect(p.replicas.every((b) => b > 10)).toBe(true);
  });

  it("take their topics, keys, credentials, ACLs and quotas with them when deleted, and nothing else", () => {
    const h = fleet();
    const a = newCluster(h, "a");
    const b = newCluster(h, "b");
    for (const lkc of [a, b]) {
      h.createTopic(`${lkc}_orders`, { numPartitions: 1, replicationFactor: 3 });
      newKey(h, lkc);
      h.run(
        createAcls(
          h.image,
          create(CreateAclsRequestSchema, { logicalClusterId: lkc, creations: [binding("orders")] }),
          { randomBytes: h.random, nowMs: NOW },
        ),
      );
      h.run(
        ok(
          alterTenantQuotas(
            h.image,
            create(AlterTenantQuotasRequestSchema, {
              logicalClusterId: lkc,
              entries: [{ key: "producer_byte_rate", value: 1e6 }],
            }),
          ),
        ),
      );
      h.run(
        alterScramCredentials(
          h.image,
          create(AlterScramCredentialsRequestSchema, {
            logicalClusterId: lkc,
            upsertions: [
              {
                user: "alice",
                mechanism: "SCRAM-SHA-256",
                salt: new Uint8Array(16),
                iterations: 4096,
                storedKey: new Uint8Array(32),
                serverKey: new Uint8Array(32),
              },
            ],
          }),
        ),
      );
    }
    const removed = h.run(
      ok(deleteLogicalCluster(h.image, create(DeleteLogicalClusterRequestSchema, { id: a }))),
    );
    expect(removed.topicsRemoved).toBe(1);
    const img = h.image;
    expect([...img.logicalClusters.keys()]).toEqual([b]);
    expect([...img.topicKeysByName.keys()]).toEqual([`${b}_orders`]);
    expect([...img.apiKeys.values()].map((k) => k.logicalClusterId)).toEqual([b]);
    expect([...img.scramCredentials.keys()]).toEqual([`${b}_alice`]);
    expect([...img.acls.keys()]).toEqual([b]);
    expect([...img.tenantQuotas.keys()]).toEqual([b]);
    expect(deleteLogicalCluster(img, create(DeleteLogicalClusterRequestSchema, { id: a }))).toMatchObject({
      ok: false,
      error: { name: "RESOURCE_NOT_FOUND" },
    });
  });

  it("survive a snapshot round trip, records in canonical order", () => {
    const h = fleet();
    const a = newCluster(h, "a");
    newKey(h, a);
    h.run(
      createAcls(
        h.image,
        create(CreateAclsRequestSchema, { logicalClusterId: a, creations: [binding("x"), binding("y")] }),
        { randomBytes: h.random, nowMs: NOW },
      ),
    );
    h.run(
      ok(
        alterTenantQuotas(
          h.image,
          create(AlterTenantQuotasRequestSchema, {
            logicalClusterId: a,
            entries: [{ key: "max_connections", value: 10 }],
          }),
        ),
      ),
    );
    const records = imageToRecords(h.image);
    const back = imageFromRecords(records, h.image.lastOffset, h.image.lastEpoch);
    expect(back.logicalClusters).toEqual(h.image.logicalClusters);
    expect(back.apiKeys).toEqual(h.image.apiKeys);
    expect(back.acls).toEqual(h.image.acls);
    expect(back.tenantQuotas).toEqual(h.image.tenantQuotas);
    expect(imageToRecords(back)).toEqual(records);
  });
});

describe("API keys", () => {
  it("are stored as their hash with the default principal, unique, and revoked only within their cluster", () => {
    const h = fleet();
    const a = newCluster(h, "a");
    const b = newCluster(h, "b");
    const key = newKey(h, a);
    const stored = h.image.apiKeys.get(key);
    expect(stored).toMatchObject({ logicalClusterId: a, principal: `User:${key}`, admin: false });
    expect(stored?.hash.length).toBe(32);
    const again = create(CreateApiKeyRequestSchema, {
      logicalClusterId: a,
      key,
      salt: new Uint8Array(16),
      hash: new Uint8Array(32),
    });
    expect(createApiKey(h.image, again, { randomBytes: h.random, nowMs: NOW })).toMatchObject({
      ok: false,
      error: { name: "DUPLICATE_RESOURCE" },
    });
    expect(
      deleteApiKey(h.image, create(DeleteApiKeyRequestSchema, { key, logicalClusterId: b })),
    ).toMatchObject({ ok: false, error: { name: "RESOURCE_NOT_FOUND" } });
    h.run(ok(deleteApiKey(h.image, create(DeleteApiKeyRequestSchema, { key, logicalClusterId: a }))));
    expect(h.image.apiKeys.has(key)).toBe(false);
  });
});

describe("ACLs", () => {
  it("are validated, deduplicated, and deleted by filter within their own cluster only", () => {
    const h = fleet();
    const a = newCluster(h, "a");
    const b = newCluster(h, "b");
    const ctx = { randomBytes: h.random, nowMs: NOW };
    const bad = create(AclBindingSchema, { ...binding("orders"), patternType: PatternType.MATCH });
    const made = h.run(
      createAcls(
        h.image,
        create(CreateAclsRequestSchema, {
          logicalClusterId: a,
          creations: [binding("orders"), binding("orders"), bad],
        }),
        ctx,
      ),
    );
    expect(made.results.map((r) => r.errorCode)).toEqual([0, 0, 42]);
    expect(h.image.acls.get(a)?.size).toBe(1);
    h.run(
      createAcls(
        h.image,
        create(CreateAclsRequestSchema, { logicalClusterId: b, creations: [binding("orders")] }),
        ctx,
      ),
    );
    const everything = create(AclBindingSchema, {
      resourceType: ResourceType.ANY,
      patternType: PatternType.ANY,
      operation: AclOperation.ANY,
      permissionType: AclPermissionType.ANY,
    });
    const deleted = h.run(
      deleteAcls(
        h.image,
        create(DeleteAclsRequestSchema, { logicalClusterId: a, filters: [everything, everything] }),
      ),
    );
    expect(deleted.results.map((r) => r.deleted.length)).toEqual([1, 0]);
    expect(h.image.acls.has(a)).toBe(false);
    expect(h.image.acls.get(b)?.size).toBe(1);
  });
});

describe("SCRAM credentials and quotas", () => {
  it("refuse what Kafka refuses, per user, and write nothing for a refused user", () => {
    const h = fleet();
    const a = newCluster(h, "a");
    const cred = (user: string, mechanism = "SCRAM-SHA-256", iterations = 4096) => ({
      user,
      mechanism,
      salt: new Uint8Array(16),
      iterations,
      storedKey: new Uint8Array(mechanism === "SCRAM-SHA-512" ? 64 : 32),
      serverKey: new Uint8Array(mechanism === "SCRAM-SHA-512" ? 64 : 32),
    });
    const r = h.run(
      alterScramCredentials(
        h.image,
        create(AlterScramCredentialsRequestSchema, {
          logicalClusterId: a,
          deletions: [{ user: "ghost", mechanism: "SCRAM-SHA-256" }],
          upsertions: [
            cred("alice"),
            cred("bob", "SCRAM-SHA-1"),
            cred("carol", "SCRAM-SHA-512", 100),
            cred("dave"),
            cred("dave"),
          ],
        }),
      ),
    );
    expect(r.results.map((x) => [x.user, x.errorCode])).toEqual([
      ["ghost", 91],
      ["alice", 0],
      ["bob", 33],
      ["carol", 93],
      ["dave", 92],
    ]);
    expect([...h.image.scramCredentials.keys()]).toEqual([`${a}_alice`]);
  });

  it("refuse unknown keys and bad values as a whole, and remove a quota with no value", () => {
    const h = fleet();
    const a = newCluster(h, "a");
    const alter = (entries: { key: string; value?: number }[]) =>
      ok(
        alterTenantQuotas(h.image, create(AlterTenantQuotasRequestSchema, { logicalClusterId: a, entries })),
      );
    const refused = h.run(
      alter([
        { key: "max_partitions", value: 5 },
        { key: "nonsense", value: 1 },
      ]),
    );
    expect(refused.results.map((x) => x.errorCode)).toEqual([0, 42]);
    expect(h.image.tenantQuotas.has(a)).toBe(false);
    h.run(alter([{ key: "max_partitions", value: 5 }]));
    expect(h.image.tenantQuotas.get(a)?.get("max_partitions")).toBe(5);
    h.run(alter([{ key: "max_partitions" }]));
    expect(h.image.tenantQuotas.has(a)).toBe(false);
  });
});
