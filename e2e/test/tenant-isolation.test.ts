/**
 * Tenant isolation on the whole fleet (three voters, three SASL brokers, the proxy, the control
 * plane): tenant A, the attacker, tries to reach tenant B, the victim, through the proxy, and
 * every attempt is refused with the error Kafka would give, while B, looking from its side
 * afterwards, sees nothing changed and nothing of A's.
 *
 * - Guessed internal names (`<B>_orders`, `lkc-qqqqqq_orders`) in Produce, Fetch, ListOffsets,
 *   Metadata, DescribeConfigs and DeleteTopics name A's own namespace: unknown, or created in A
 *   only; B's topic id is unknown to A. No error message A reads holds B's id unless A typed it.
 * - Names with the separator (`x_y`, `_orders`) stay A's; no listing (Metadata, DescribeLogDirs,
 *   DescribeTopicPartitions, ListGroups) shows either tenant anything of the other's.
 * - Both tenants use group `g`: A's commits and its DeleteGroups touch only its own `g`.
 * - Both use transactional id `t`: InitProducerId with a transactional id is refused
 *   INVALID_REQUEST (transactions are not served), for each alike, and the connection goes on.
 * - ACLs A creates (PREFIXED `lkc-`, LITERAL `*` for `User:*`, B's own topic name, for B's key's
 *   principal) grant nothing in B: B's key without ACLs of its own is denied on its own topic;
 *   A's wildcard works in A (a SCRAM user of A's sees A's topics); an empty prefix is
 *   INVALID_REQUEST. B's DescribeAcls shows none of A's.
 * - Fetch claiming a replica id (v11, v12 replica_id; v15 replica_state) is
 *   TOPIC_AUTHORIZATION_FAILED on every partition, with no records.
 * - B's fetch session id, even known to A, is unknown to A's requests: A can neither move it on
 *   nor close it.
 * - A PLAIN authzid naming another key, a SCRAM authzid naming another tenant's user, a wrong
 *   secret (another tenant's), an unknown key: each SASL_AUTHENTICATION_FAILED with Kafka's
 *   message, and the connection closed.
 * - A SCRAM-SHA-256 client-final message replayed on a new exchange fails.
 * - A frame over the pre-authentication cap closes the connection (the proxy's or the broker's
 *   log says why).
 * - A key without ACLs gets TOPIC_AUTHORIZATION_FAILED for an existing topic and a missing one
 *   alike, and nothing is auto-created.
 *
 * One fleet serves the whole file; the cases run in order and build on each other's state.
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { Socket } from "node:net";
import { join } from "node:path";
import { ApiKeys, ErrorCode, encodeRequest, ZERO_UUID } from "@runnel/kafka-protocol";
import { encodeRecordBatch } from "@runnel/log";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fleet, newTenant, startFleet } from "../harness/fleet.js";
import {
  fetchRequest,
  listOffsets,
  produceBatch,
  readPartitionValues,
  recordBatches,
  requestCreateTopic,
  topicMetadata,
} from "../harness/kafka-ops.js";
import { WireClient } from "../harness/kafka-wire.js";
import { waitUntil } from "../harness/process.js";
import { plainLogin } from "../harness/sasl.js";

interface Key {
  /** The logical cluster. */
  id: string;
  key: string;
  secret: string;
}

let fleet: Fleet;
/** The attacker's admin key. */
let a: Key;
/** The victim's admin key. */
let b: Key;
/** A key of the victim's without admin rights, and no ACLs of its own. */
let bPlain: Key;
let bootstrapPort: number;
let brokerPorts: number[];
/** What B sees before any attack: its topic listing, `orders`' id and records, its group offsets. */
let bTopicsBefore: string[];
let bOrdersId: string;

const INVALID_CREDENTIALS = "Authentication failed: Invalid username or password";
const AUTHZID_MESSAGE =
  "Authentication failed: Client requested an authorization id that is different from username";
const SCRAM_FAILED =
  "Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-256";

// ---- connections ----

/** A connection authenticated as `k` (through the proxy's bootstrap unless a port is given). */
async function connectAs(k: Key, port = bootstrapPort): Promise<WireClient> {
  const r = await plainLogin(port, `\0${k.key}\0${k.secret}`);
  if (r.errorCode !== ErrorCode.NONE) {
    r.wire.close();
    throw new Error(`PLAIN as ${k.key} failed: ${r.errorCode} ${r.errorMessage}`);
  }
  return r.wire;
}

async function withKey<T>(k: Key, use: (wire: WireClient) => Promise<T>, port?: number): Promise<T> {
  const wire = await connectAs(k, port);
  try {
    return await use(wire);
  } finally {
    wire.close();
  }
}

async function waitClosed(wire: WireClient): Promise<void> {
  await waitUntil("the connection to close", () => (wire.isClosed ? true : undefined), 10_000, 20);
}

/** The proxy port of the broker leading partition 0 of a tenant's topic. */
async function leaderPort(wire: WireClient, topic: string): Promise<number> {
  const m = await wire.send(ApiKeys.Metadata, 12, {
    topics: [{ topicId: ZERO_UUID, name: topic }],
    allowAutoTopicCreation: false,
    includeTopicAuthorizedOperations: false,
    includeClusterAuthorizedOperations: false,
  });
  const leader = m.topics[0]?.partitions[0]?.leaderId;
  const port = m.brokers.find((x) => x.nodeId === leader)?.port;
  if (port === undefined) throw new Error(`no leader for ${topic}: ${JSON.stringify(m.topics[0])}`);
  return port;
}

/** The proxy port of the coordinator of a tenant's group (waiting while `__consumer_offsets` is made). */
async function coordinatorPort(wire: WireClient, group: string): Promise<number> {
  return waitUntil(
    `a coordinator for ${group}`,
    async () => {
      const r = await wire.send(ApiKeys.FindCoordinator, 4, {
        key: "",
        keyType: 0,
        coordinatorKeys: [group],
      });
      const c = r.coordinators[0];
      if (c?.errorCode === ErrorCode.NONE) return c.port;
      if (c?.errorCode === ErrorCode.COORDINATOR_NOT_AVAILABLE) return undefined;
      throw new Error(`no coordinator: ${JSON.stringify(r)}`);
    },
    30_000,
    200,
  );
}

// ---- what a tenant sees ----

async function listTopics(k: Key): Promise<string[]> {
  return withKey(k, async (wire) => {
    const m = await wire.send(ApiKeys.Metadata, 12, {
      topics: null,
      allowAutoTopicCreation: false,
      includeTopicAuthorizedOperations: false,
      includeClusterAuthorizedOperations: false,
    });
    return m.topics.map((t) => t.name ?? "").sort();
  });
}

/** Every record value of partition 0 of a tenant's topic. */
async function topicValues(k: Key, topic: string): Promise<string[]> {
  return withKey(k, async (wire) => {
    const id = (await topicMetadata(wire, topic))?.topicId;
    if (id === undefined) throw new Error(`no topic ${topic}`);
    const port = await leaderPort(wire, topic);
    return withKey(k, async (leader) => (await readPartitionValues(leader, id, 0)).map((r) => r.value), port);
  });
}

async function produceValues(k: Key, topic: string, values: string[]): Promise<void> {
  await withKey(k, async (wire) => {
    const port = await leaderPort(wire, topic);
    await withKey(
      k,
      async (leader) => {
        const p = await produceBatch(
          leader,
          topic,
          0,
          encodeRecordBatch({ records: values.map((v) => ({ value: Buffer.from(v) })) }),
        );
        expect(p.errorCode).toBe(ErrorCode.NONE);
      },
      port,
    );
  });
}

async function createTopic(k: Key, name: string): Promise<void> {
  await withKey(k, async (wire) => {
    const r = await requestCreateTopic(wire, name, { partitions: 1, replicationFactor: 3 });
    expect(r?.errorCode, r?.errorMessage ?? "").toBe(ErrorCode.NONE);
  });
  await waitForLeader(k, name);
}

async function waitForLeader(k: Key, name: string): Promise<void> {
  await withKey(k, async (wire) => {
    await waitUntil(
      `${name} to have a leader`,
      async () => {
        const t = await topicMetadata(wire, name);
        return t?.errorCode === 0 && (t.partitions[0]?.leaderId ?? -1) >= 0 ? true : undefined;
      },
      20_000,
      100,
    );
  });
}

/** Coordinator errors that pass once the coordinator has loaded or moved. */
const COORDINATOR_RETRIABLE: readonly number[] = [
  ErrorCode.COORDINATOR_LOAD_IN_PROGRESS,
  ErrorCode.COORDINATOR_NOT_AVAILABLE,
  ErrorCode.NOT_COORDINATOR,
];

/**
 * Runs `attempt` on a connection to the group's coordinator, as k, until it answers with an
 * error code other than a retriable coordinator one; that answer.
 */
async function atCoordinator<T>(
  k: Key,
  group: string,
  attempt: (coordinator: WireClient) => Promise<{ errorCode: number; value: T }>,
): Promise<T> {
  return waitUntil(
    `the coordinator of ${group} to answer`,
    () =>
      withKey(k, async (wire) => {
        const port = await coordinatorPort(wire, group);
        const r = await withKey(k, attempt, port);
        return COORDINATOR_RETRIABLE.includes(r.errorCode) ? undefined : r.value;
      }),
    30_000,
    200,
  );
}

/** A group's committed offsets as `topic/partition` → [offset, metadata]. */
async function groupOffsets(k: Key, group: string): Promise<Record<string, [string, string | null]>> {
  const g = await atCoordinator(k, group, async (coordinator) => {
    const r = await coordinator.send(ApiKeys.OffsetFetch, 8, {
      groupId: "",
      topics: null,
      groups: [{ groupId: group, memberId: null, memberEpoch: -1, topics: null }],
      requireStable: false,
    });
    return { errorCode: r.groups[0]?.errorCode ?? -1, value: r.groups[0] };
  });
  expect(g?.errorCode).toBe(ErrorCode.NONE);
  const out: Record<string, [string, string | null]> = {};
  for (const t of g?.topics ?? [])
    for (const p of t.partitions)
      out[`${t.name}/${p.partitionIndex}`] = [String(p.committedOffset), p.metadata];
  return out;
}

async function commitOffset(
  k: Key,
  group: string,
  topic: string,
  offset: bigint,
  metadata: string,
): Promise<void> {
  const errorCode = await atCoordinator(k, group, async (coordinator) => {
    const r = await coordinator.send(ApiKeys.OffsetCommit, 8, {
      groupId: group,
      generationIdOrMemberEpoch: -1,
      memberId: "",
      groupInstanceId: null,
      retentionTimeMs: -1n,
      topics: [
        {
          name: topic,
          partitions: [
            {
              partitionIndex: 0,
              committedOffset: offset,
              committedLeaderEpoch: -1,
              commitTimestamp: -1n,
              committedMetadata: metadata,
            },
          ],
        },
      ],
    });
    const code = r.topics[0]?.partitions[0]?.errorCode ?? -1;
    return { errorCode: code, value: code };
  });
  expect(errorCode).toBe(ErrorCode.NONE);
}

/** DeleteGroups of one group, as k; its result. */
async function deleteGroup(k: Key, group: string) {
  return atCoordinator(k, group, async (coordinator) => {
    const r = await coordinator.send(ApiKeys.DeleteGroups, 2, { groupsNames: [group] });
    return { errorCode: r.results[0]?.errorCode ?? -1, value: r.results };
  });
}

async function listGroups(k: Key): Promise<string[]> {
  const seen = new Set<string>();
  // ListGroups answers for the groups the broker asked coordinates: ask every broker.
  for (const port of brokerPorts) {
    await withKey(
      k,
      async (wire) => {
        const r = await wire.send(ApiKeys.ListGroups, 4, { statesFilter: [], typesFilter: [] });
        expect(r.errorCode).toBe(ErrorCode.NONE);
        for (const g of r.groups) seen.add(g.groupId);
      },
      port,
    );
  }
  return [...seen].sort();
}

/** The topics k sees in every listing that is not Metadata, on every broker: log dirs, DescribeTopicPartitions. */
async function otherListings(k: Key): Promise<{ logDirs: string[]; topicPartitions: string[] }> {
  const logDirs = new Set<string>();
  const topicPartitions = new Set<string>();
  for (const port of brokerPorts) {
    await withKey(
      k,
      async (wire) => {
        const dirs = await wire.send(ApiKeys.DescribeLogDirs, 4, { topics: null });
        for (const r of dirs.results) for (const t of r.topics) logDirs.add(t.name);
        const tp = await wire.send(ApiKeys.DescribeTopicPartitions, 0, {
          topics: [],
          responsePartitionLimit: 2000,
          cursor: null,
        });
        for (const t of tp.topics) topicPartitions.add(t.name ?? "");
      },
      port,
    );
  }
  return { logDirs: [...logDirs].sort(), topicPartitions: [...topicPartitions].sort() };
}

async function describeAcls(k: Key) {
  return withKey(k, async (wire) => {
    const r = await wire.send(ApiKeys.DescribeAcls, 3, {
      resourceTypeFilter: 1,
      resourceNameFilter: null,
      patternTypeFilter: 1,
      principalFilter: null,
      hostFilter: null,
      operation: 1,
      permissionType: 1,
    });
    expect(r.errorCode).toBe(ErrorCode.NONE);
    return r.resources;
  });
}

/** Every error message anywhere in a decoded response. */
function errorMessages(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) errorMessages(v, out);
  else if (value !== null && typeof value === "object" && !ArrayBuffer.isView(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (/errorMessage$/i.test(k) && typeof v === "string") out.push(v);
      else errorMessages(v, out);
    }
  }
  return out;
}

/** B's view, which no case may change: its topics, `orders`' records, its group `g`, its ACLs. */
async function expectVictimUntouched(): Promise<void> {
  expect(await listTopics(b)).toEqual(bTopicsBefore);
  expect(await topicValues(b, "orders")).toEqual(["b-secret-1", "b-secret-2"]);
  expect(await groupOffsets(b, "g")).toEqual({ "orders/0": ["1", "b-commit"] });
  expect(await describeAcls(b)).toEqual([]);
}

// ---- SCRAM ----

function hmac(key: Buffer, text: string): Buffer {
  return createHmac("sha256", key).update(text).digest();
}

/** The client side of SCRAM-SHA-256 (RFC 5802, no channel binding). */
class ScramClient {
  readonly clientFirstBare: string;
  constructor(
    user: string,
    private readonly password: string,
    readonly nonce = randomBytes(18).toString("base64"),
  ) {
    this.clientFirstBare = `n=${user},r=${nonce}`;
  }

  get clientFirst(): string {
    return `n,,${this.clientFirstBare}`;
  }

  /** The client-final message for a server-first one, and the server signature to expect. */
  final(serverFirst: string): { message: string; serverSignature: string } {
    const attrs = new Map(serverFirst.split(",").map((kv) => [kv.slice(0, 1), kv.slice(2)] as const));
    const nonce = attrs.get("r") ?? "";
    expect(nonce.startsWith(this.nonce)).toBe(true);
    const salted = pbkdf2Sync(
      this.password,
      Buffer.from(attrs.get("s") ?? "", "base64"),
      Number(attrs.get("i")),
      32,
      "sha256",
    );
    const clientKey = hmac(salted, "Client Key");
    const storedKey = createHash("sha256").update(clientKey).digest();
    const withoutProof = `c=${Buffer.from("n,,").toString("base64")},r=${nonce}`;
    const authMessage = `${this.clientFirstBare},${serverFirst},${withoutProof}`;
    const signature = hmac(storedKey, authMessage);
    const proof = Buffer.from(clientKey.map((x, i) => x ^ (signature[i] as number)));
    return {
      message: `${withoutProof},p=${proof.toString("base64")}`,
      serverSignature: hmac(hmac(salted, "Server Key"), authMessage).toString("base64"),
    };
  }
}

async function scramHandshaken(port = bootstrapPort): Promise<WireClient> {
  const wire = await WireClient.connect(port);
  const hs = await wire.send(ApiKeys.SaslHandshake, 1, { mechanism: "SCRAM-SHA-256" });
  expect(hs.errorCode).toBe(ErrorCode.NONE);
  return wire;
}

function authenticate(wire: WireClient, message: string) {
  return wire.send(ApiKeys.SaslAuthenticate, 2, { authBytes: Buffer.from(message, "utf8") });
}

const ALICE_PASSWORD = "alice-password";

/** Sets `user`'s SCRAM-SHA-256 credential in k's logical cluster, with AlterUserScramCredentials. */
async function setScramCredential(k: Key, user: string, password: string): Promise<void> {
  const salt = randomBytes(16);
  await withKey(k, async (wire) => {
    const r = await wire.send(ApiKeys.AlterUserScramCredentials, 0, {
      deletions: [],
      upsertions: [
        {
          name: user,
          mechanism: 1,
          iterations: 4096,
          salt,
          saltedPassword: pbkdf2Sync(password, salt, 4096, 32, "sha256"),
        },
      ],
    });
    expect(r.results.map((x) => [x.user, x.errorCode])).toEqual([[user, ErrorCode.NONE]]);
  });
  // Every broker follows the metadata log: wait until each knows the credential.
  for (const port of brokerPorts) {
    await waitUntil(
      `the broker behind ${port} to know ${user}`,
      async () => {
        const r = await scramLogin(`${k.id}_${user}`, password, port);
        r.wire.close();
        return true;
      },
      30_000,
      200,
    );
  }
}

/** A whole SCRAM-SHA-256 exchange; rejects with the broker's message when it fails. */
async function scramLogin(
  login: string,
  password: string,
  port = bootstrapPort,
): Promise<{ wire: WireClient; client: ScramClient; serverFirst: string; clientFinal: string }> {
  const client = new ScramClient(login, password);
  const wire = await scramHandshaken(port);
  const first = await authenticate(wire, client.clientFirst);
  if (first.errorCode !== ErrorCode.NONE) {
    wire.close();
    throw new Error(`client-first refused: ${first.errorCode} ${first.errorMessage}`);
  }
  const serverFirst = Buffer.from(first.authBytes).toString();
  const final = client.final(serverFirst);
  const last = await authenticate(wire, final.message);
  if (last.errorCode !== ErrorCode.NONE) {
    wire.close();
    throw new Error(`client-final refused: ${last.errorCode} ${last.errorMessage}`);
  }
  expect(Buffer.from(last.authBytes).toString()).toBe(`v=${final.serverSignature}`);
  return { wire, client, serverFirst, clientFinal: final.message };
}

// ---- raw frames and logs ----

/** Writes `bytes` on a new connection and resolves once the other side closes it. */
async function rawSendUntilClosed(port: number, bytes: Buffer): Promise<void> {
  const socket = new Socket();
  socket.on("error", () => {});
  const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
  await new Promise<void>((resolve) => socket.connect(port, "127.0.0.1", resolve));
  socket.write(bytes);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the connection to ${port} stayed open`)), 10_000);
  });
  try {
    await Promise.race([closed, timeout]);
  } finally {
    clearTimeout(timer);
    socket.destroy();
  }
}

/** Waits until a fleet process's log has a line containing `text`. */
async function waitForLog(process: string, text: string): Promise<void> {
  const path = join(fleet.dataDir, "logs", `${process}.log`);
  await waitUntil(
    `${process}'s log to say "${text}"`,
    () => (readFileSync(path, "utf8").includes(text) ? true : undefined),
    10_000,
    100,
  );
}

// ---- the fleet ----

beforeAll(async () => {
  fleet = await startFleet();
  const proxy = fleet.specs.find((s) => s.service === "proxy");
  const base = Number(proxy?.env.RUNNEL_PROXY_BROKER_PORT_BASE);
  bootstrapPort = Number(fleet.bootstrap.split(":")[1]);
  brokerPorts = [base + 1, base + 2, base + 3];
  a = await newTenant(fleet, "attacker");
  b = await newTenant(fleet, "victim");
  const plainKey = await fleet.runnelJson<{ key: string; secret: string }>([
    "api-key",
    "create",
    "--cluster",
    b.id,
    "--no-admin",
  ]);
  bPlain = { id: b.id, ...plainKey };
  // Each broker follows the metadata log: wait until every one knows every key.
  for (const k of [a, b, bPlain]) {
    for (const port of brokerPorts) {
      await waitUntil(
        `broker behind ${port} to know ${k.key}`,
        async () => {
          const r = await plainLogin(port, `\0${k.key}\0${k.secret}`);
          r.wire.close();
          return r.errorCode === ErrorCode.NONE ? true : undefined;
        },
        30_000,
        200,
      );
    }
  }
  await createTopic(b, "orders");
  await produceValues(b, "orders", ["b-secret-1", "b-secret-2"]);
  await commitOffset(b, "g", "orders", 1n, "b-commit");
  bOrdersId = await withKey(b, async (wire) => (await topicMetadata(wire, "orders"))?.topicId ?? "");
  bTopicsBefore = await listTopics(b);
  expect(bTopicsBefore).toEqual(["orders"]);
}, 180_000);

afterAll(async () => {
  await fleet?.stop();
}, 60_000);

describe("tenant isolation", () => {
  it("guessed internal names reach only the attacker's own namespace", async () => {
    const guessed = [`${b.id}_orders`, "lkc-qqqqqq_orders"];
    const responses: unknown[] = [];
    await withKey(a, async (wire) => {
      // Describe: Metadata without auto-creation, DescribeConfigs.
      const m = await wire.send(ApiKeys.Metadata, 12, {
        topics: guessed.map((name) => ({ topicId: ZERO_UUID, name })),
        allowAutoTopicCreation: false,
        includeTopicAuthorizedOperations: false,
        includeClusterAuthorizedOperations: false,
      });
      responses.push(m);
      expect(m.topics.map((t) => [t.name, t.errorCode])).toEqual(
        guessed.map((n) => [n, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION]),
      );
      const dc = await wire.send(ApiKeys.DescribeConfigs, 4, {
        resources: guessed.map((resourceName) => ({
          resourceType: 2,
          resourceName,
          configurationKeys: null,
        })),
        includeSynonyms: false,
        includeDocumentation: false,
      });
      responses.push(dc);
      expect(dc.results.map((r) => [r.resourceName, r.errorCode])).toEqual(
        guessed.map((n) => [n, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION]),
      );
      // B's topic id, which A should not know but might: unknown to A.
      const byId = await wire.send(
        ApiKeys.Fetch,
        16,
        fetchRequest([{ topic: "", topicId: bOrdersId, partitions: [{ partition: 0, offset: 0n }] }]),
      );
      responses.push(byId);
      expect(
        byId.responses.map((t) => t.partitions.map((p) => [p.errorCode, recordBatches(p.records).length])),
      ).toEqual([[[ErrorCode.UNKNOWN_TOPIC_ID, 0]]]);
      const deleteById = await wire.send(ApiKeys.DeleteTopics, 6, {
        topics: [{ name: null, topicId: bOrdersId }],
        topicNames: [],
        timeoutMs: 10_000,
      });
      responses.push(deleteById);
      expect(deleteById.responses.map((r) => r.errorCode)).toEqual([ErrorCode.UNKNOWN_TOPIC_ID]);
      for (const name of guessed) {
        // Produce, fetch by name (v12), list offsets, delete: all unknown.
        const produced = await produceBatch(
          wire,
          name,
          0,
          encodeRecordBatch({ records: [{ value: Buffer.from("a") }] }),
        );
        responses.push(produced);
        expect(produced.errorCode).toBe(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
        const fetched = await wire.send(
          ApiKeys.Fetch,
          12,
          fetchRequest([{ topic: name, topicId: ZERO_UUID, partitions: [{ partition: 0, offset: 0n }] }]),
        );
        responses.push(fetched);
        const fp = fetched.responses[0]?.partitions[0];
        expect(fp?.errorCode).toBe(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
        expect(recordBatches(fp?.records ?? null)).toEqual([]);
        const offsets = await listOffsets(wire, name, 0, [-1n]);
        responses.push(offsets);
        expect(offsets.map((p) => p.errorCode)).toEqual([ErrorCode.UNKNOWN_TOPIC_OR_PARTITION]);
        const deleted = await wire.send(ApiKeys.DeleteTopics, 6, {
          topics: [{ name, topicId: ZERO_UUID }],
          topicNames: [],
          timeoutMs: 10_000,
        });
        responses.push(deleted);
        expect(deleted.responses.map((r) => [r.name, r.errorCode])).toEqual([
          [name, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION],
        ]);
      }
    });
    // Auto-creation by Metadata creates the guessed name in A, as A's own topic.
    await withKey(a, async (wire) => {
      const m = await wire.send(ApiKeys.Metadata, 12, {
        topics: [{ topicId: ZERO_UUID, name: guessed[0] as string }],
        allowAutoTopicCreation: true,
        includeTopicAuthorizedOperations: false,
        includeClusterAuthorizedOperations: false,
      });
      responses.push(m);
      expect(m.topics.map((t) => t.name)).toEqual([guessed[0]]);
    });
    await waitForLeader(a, guessed[0] as string);
    await produceValues(a, guessed[0] as string, ["a-own"]);
    expect(await topicValues(a, guessed[0] as string)).toEqual(["a-own"]);
    expect(await listTopics(a)).toEqual([guessed[0]]);
    // B sees none of it.
    await expectVictimUntouched();
    await withKey(b, async (wire) => {
      const t = await topicMetadata(wire, `${a.id}_${b.id}_orders`);
      expect(t?.errorCode).toBe(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    });
    // A deletes its own topic of that name; B's orders stay.
    await withKey(a, async (wire) => {
      const deleted = await wire.send(ApiKeys.DeleteTopics, 6, {
        topics: [{ name: guessed[0] as string, topicId: ZERO_UUID }],
        topicNames: [],
        timeoutMs: 10_000,
      });
      responses.push(deleted);
      expect(deleted.responses.map((r) => r.errorCode)).toEqual([ErrorCode.NONE]);
    });
    await expectVictimUntouched();
    // No message names B or holds an internal name, beyond the names A typed itself.
    const messages = errorMessages(responses);
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) {
      const rest = guessed.reduce((s, n) => s.replaceAll(n, ""), m);
      expect(rest, m).not.toContain(b.id);
      expect(rest, m).not.toContain(`${a.id}_`);
    }
  });

  it("names with the separator stay in the attacker's namespace", async () => {
    await createTopic(a, "x_y");
    await createTopic(a, "_orders");
    expect(await listTopics(a)).toEqual(["_orders", "x_y"]);
    expect(await otherListings(a)).toEqual({
      logDirs: ["_orders", "x_y"],
      topicPartitions: ["_orders", "x_y"],
    });
    expect(await otherListings(b)).toEqual({ logDirs: ["orders"], topicPartitions: ["orders"] });
    await withKey(b, async (wire) => {
      for (const name of ["x_y", "_orders", "y", `${a.id}_x_y`, `${a.id}__orders`]) {
        expect((await topicMetadata(wire, name))?.errorCode, name).toBe(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
      }
    });
    await expectVictimUntouched();
  });

  it("a group of the same name is each tenant's own: commits and DeleteGroups stay in the attacker's", async () => {
    await createTopic(a, "orders");
    await produceValues(a, "orders", ["a-1"]);
    await commitOffset(a, "g", "orders", 99n, "a-commit");
    expect(await groupOffsets(a, "g")).toEqual({ "orders/0": ["99", "a-commit"] });
    await expectVictimUntouched();
    expect(await listGroups(a)).toEqual(["g"]);
    expect(await listGroups(b)).toEqual(["g"]);
    expect(await deleteGroup(a, "g")).toEqual([{ groupId: "g", errorCode: ErrorCode.NONE }]);
    expect(await deleteGroup(a, `${b.id}_g`)).toEqual([
      { groupId: `${b.id}_g`, errorCode: ErrorCode.GROUP_ID_NOT_FOUND },
    ]);
    expect(await groupOffsets(a, "g")).toEqual({});
    expect(await listGroups(a)).toEqual([]);
    expect(await listGroups(b)).toEqual(["g"]);
    await expectVictimUntouched();
  });

  it("the same transactional id: InitProducerId refuses it alike for both (transactions are not served)", async () => {
    for (const k of [a, b, a]) {
      await withKey(k, async (wire) => {
        const r = await wire.send(ApiKeys.InitProducerId, 4, {
          transactionalId: "t",
          transactionTimeoutMs: 60_000,
          producerId: -1n,
          producerEpoch: -1,
        });
        expect(r).toMatchObject({ errorCode: ErrorCode.INVALID_REQUEST, producerId: -1n, producerEpoch: -1 });
        // The connection goes on serving.
        expect((await topicMetadata(wire, "orders"))?.errorCode).toBe(ErrorCode.NONE);
        // And the transaction APIs are not advertised.
        const versions = await wire.send(ApiKeys.ApiVersions, 3, {
          clientSoftwareName: "e2e",
          clientSoftwareVersion: "1",
        });
        const keys = versions.apiKeys.map((v) => v.apiKey);
        for (const txn of [24, 25, 26, 28]) expect(keys).not.toContain(txn);
      });
    }
    await expectVictimUntouched();
  });

  it("the attacker's ACLs, however wide, grant nothing in the victim's cluster", async () => {
    const principal = `User:${bPlain.key}`;
    const allow = (resourceType: number, resourceName: string, resourcePatternType: number, who: string) => ({
      resourceType,
      resourceName,
      resourcePatternType,
      principal: who,
      host: "*",
      operation: 2, // ALL
      permissionType: 3, // ALLOW
    });
    const TOPIC = 2;
    const GROUP = 3;
    const CLUSTER = 4;
    const LITERAL = 3;
    const PREFIXED = 4;
    await withKey(a, async (wire) => {
      const r = await wire.send(ApiKeys.CreateAcls, 3, {
        creations: [
          allow(TOPIC, "lkc-", PREFIXED, principal),
          allow(TOPIC, "*", LITERAL, "User:*"),
          allow(TOPIC, "orders", LITERAL, principal),
          allow(TOPIC, `${b.id}_orders`, LITERAL, principal),
          allow(GROUP, "*", LITERAL, "User:*"),
          allow(CLUSTER, "kafka-cluster", LITERAL, "User:*"),
          allow(TOPIC, "", PREFIXED, principal),
        ],
      });
      expect(r.results.map((x) => x.errorCode)).toEqual([0, 0, 0, 0, 0, 0, ErrorCode.INVALID_REQUEST]);
    });
    const aAcls = await describeAcls(a);
    expect(aAcls.flatMap((res) => res.acls.map(() => res.resourceName)).sort()).toEqual(
      ["*", "*", `${b.id}_orders`, "kafka-cluster", "lkc-", "orders"].sort(),
    );
    // B's key without ACLs of its own: denied on B's orders, as on anything.
    await withKey(bPlain, async (wire) => {
      const m = await wire.send(ApiKeys.Metadata, 12, {
        topics: null,
        allowAutoTopicCreation: false,
        includeTopicAuthorizedOperations: false,
        includeClusterAuthorizedOperations: false,
      });
      expect(m.topics).toEqual([]);
      expect((await topicMetadata(wire, "orders"))?.errorCode).toBe(ErrorCode.TOPIC_AUTHORIZATION_FAILED);
      const fetched = await wire.send(
        ApiKeys.Fetch,
        12,
        fetchRequest([{ topic: "orders", topicId: ZERO_UUID, partitions: [{ partition: 0, offset: 0n }] }]),
      );
      const fp = fetched.responses[0]?.partitions[0];
      expect(fp?.errorCode).toBe(ErrorCode.TOPIC_AUTHORIZATION_FAILED);
      expect(recordBatches(fp?.records ?? null)).toEqual([]);
      const produced = await produceBatch(
        wire,
        "orders",
        0,
        encodeRecordBatch({ records: [{ value: Buffer.from("forged") }] }),
      );
      expect(produced.errorCode).toBe(ErrorCode.TOPIC_AUTHORIZATION_FAILED);
      const created = await wire.send(ApiKeys.CreateAcls, 3, {
        creations: [allow(TOPIC, "*", LITERAL, principal)],
      });
      expect(created.results.map((x) => x.errorCode)).toEqual([ErrorCode.CLUSTER_AUTHORIZATION_FAILED]);
      const described = await wire.send(ApiKeys.DescribeAcls, 3, {
        resourceTypeFilter: 1,
        resourceNameFilter: null,
        patternTypeFilter: 1,
        principalFilter: null,
        hostFilter: null,
        operation: 1,
        permissionType: 1,
      });
      expect(described.errorCode).toBe(ErrorCode.CLUSTER_AUTHORIZATION_FAILED);
      expect(described.resources).toEqual([]);
    });
    // In A, the wildcard does work: a SCRAM user of A's (no admin) sees A's topics, none of B's.
    await setScramCredential(a, "alice", ALICE_PASSWORD);
    const alice = await scramLogin(`${a.id}_alice`, ALICE_PASSWORD);
    try {
      const m = await alice.wire.send(ApiKeys.Metadata, 12, {
        topics: null,
        allowAutoTopicCreation: false,
        includeTopicAuthorizedOperations: false,
        includeClusterAuthorizedOperations: false,
      });
      expect(m.topics.map((t) => t.name).sort()).toEqual(await listTopics(a));
      expect((await topicMetadata(alice.wire, `${b.id}_orders`))?.errorCode).toBe(
        ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
      );
    } finally {
      alice.wire.close();
    }
    await expectVictimUntouched();
  });

  it("a Fetch claiming a replica id is TOPIC_AUTHORIZATION_FAILED with no records", async () => {
    const aOrders = await withKey(a, async (wire) => ({
      id: (await topicMetadata(wire, "orders"))?.topicId ?? "",
      port: await leaderPort(wire, "orders"),
    }));
    const bLeader = await withKey(b, (wire) => leaderPort(wire, "orders"));
    const targets: { version: number; topic: string; topicId: string; port: number }[] = [
      { version: 11, topic: "orders", topicId: ZERO_UUID, port: aOrders.port },
      { version: 11, topic: `${b.id}_orders`, topicId: ZERO_UUID, port: bLeader },
      { version: 12, topic: "orders", topicId: ZERO_UUID, port: aOrders.port },
      { version: 12, topic: `${b.id}_orders`, topicId: ZERO_UUID, port: bLeader },
      { version: 15, topic: "", topicId: aOrders.id, port: aOrders.port },
      { version: 15, topic: "", topicId: bOrdersId, port: bLeader },
    ];
    for (const t of targets) {
      await withKey(
        a,
        async (wire) => {
          const request = fetchRequest([
            { topic: t.topic, topicId: t.topicId, partitions: [{ partition: 0, offset: 0n }] },
          ]);
          if (t.version >= 15) request.replicaState = { replicaId: 1, replicaEpoch: 0n };
          else request.replicaId = 1;
          const r = await wire.send(ApiKeys.Fetch, t.version, request);
          const parts = r.responses.flatMap((x) => x.partitions);
          expect(
            parts.map((p) => [p.errorCode, recordBatches(p.records).length]),
            JSON.stringify(t),
          ).toEqual([[ErrorCode.TOPIC_AUTHORIZATION_FAILED, 0]]);
        },
        t.port,
      );
    }
    // The same fetch as a consumer reads A's own records: the refusal above is the replica id's.
    await withKey(
      a,
      async (wire) => {
        const r = await wire.send(
          ApiKeys.Fetch,
          12,
          fetchRequest([{ topic: "orders", topicId: ZERO_UUID, partitions: [{ partition: 0, offset: 0n }] }]),
        );
        const p = r.responses[0]?.partitions[0];
        expect(p?.errorCode).toBe(ErrorCode.NONE);
        expect(recordBatches(p?.records ?? null).length).toBe(1);
      },
      aOrders.port,
    );
    await expectVictimUntouched();
  });

  it("the victim's fetch session id is unknown to the attacker, who can neither move it on nor close it", async () => {
    const port = await withKey(b, (wire) => leaderPort(wire, "orders"));
    const fetchAt = (k: Key, sessionId: number, sessionEpoch: number, topics: string[]) =>
      withKey(
        k,
        (wire) =>
          wire.send(
            ApiKeys.Fetch,
            12,
            fetchRequest(
              topics.map((topic) => ({
                topic,
                topicId: ZERO_UUID,
                partitions: [{ partition: 0, offset: 0n }],
              })),
              { sessionId, sessionEpoch },
            ),
          ),
        port,
      );
    // B opens a session with a full fetch.
    const opened = await fetchAt(b, 0, 0, ["orders"]);
    expect(opened.errorCode).toBe(ErrorCode.NONE);
    expect(opened.sessionId).not.toBe(0);
    const sessionId = opened.sessionId;
    // A, given the id, continues it, then closes it: both as if no such session existed.
    const continued = await fetchAt(a, sessionId, 1, []);
    expect([continued.errorCode, continued.responses]).toEqual([ErrorCode.FETCH_SESSION_ID_NOT_FOUND, []]);
    const closed = await fetchAt(a, sessionId, -1, []);
    expect(closed.sessionId).toBe(0);
    expect(closed.responses).toEqual([]);
    // B's session goes on at the epoch B expects.
    const next = await fetchAt(b, sessionId, 1, []);
    expect([next.errorCode, next.sessionId]).toEqual([ErrorCode.NONE, sessionId]);
    await expectVictimUntouched();
  });

  it("a PLAIN authzid naming another key is refused and the connection closed", async () => {
    for (const token of [`${b.key}\0${a.key}\0${a.secret}`, `${a.key}\0${b.key}\0${b.secret}`]) {
      const r = await plainLogin(bootstrapPort, token);
      expect([r.errorCode, r.errorMessage]).toEqual([ErrorCode.SASL_AUTHENTICATION_FAILED, AUTHZID_MESSAGE]);
      await waitClosed(r.wire);
    }
    await expectVictimUntouched();
  });

  it("a replayed SCRAM client-final message fails, as does a SCRAM authzid of another tenant's user", async () => {
    const login = `${a.id}_alice`;
    const recorded = await scramLogin(login, ALICE_PASSWORD);
    recorded.wire.close();
    // The same client-first again (same client nonce), then the recorded proof; and a fresh
    // client-first, then the recorded proof.
    for (const clientFirst of [recorded.client.clientFirst, new ScramClient(login, "unknown").clientFirst]) {
      const wire = await scramHandshaken();
      const first = await authenticate(wire, clientFirst);
      expect(first.errorCode).toBe(ErrorCode.NONE);
      expect(Buffer.from(first.authBytes).toString()).not.toBe(recorded.serverFirst);
      const replayed = await authenticate(wire, recorded.clientFinal);
      expect([replayed.errorCode, replayed.errorMessage]).toEqual([
        ErrorCode.SASL_AUTHENTICATION_FAILED,
        SCRAM_FAILED,
      ]);
      await waitClosed(wire);
    }
    // A SCRAM authzid naming a user of B's is refused at the client-first message.
    const withAuthzid = await scramHandshaken();
    const asOther = await authenticate(
      withAuthzid,
      `n,a=${b.id}_alice,${new ScramClient(login, ALICE_PASSWORD).clientFirstBare}`,
    );
    expect([asOther.errorCode, asOther.errorMessage]).toEqual([
      ErrorCode.SASL_AUTHENTICATION_FAILED,
      AUTHZID_MESSAGE,
    ]);
    await waitClosed(withAuthzid);
    // A's user is not B's: the same password under B's prefix is unknown.
    await expect(scramLogin(`${b.id}_alice`, ALICE_PASSWORD)).rejects.toThrow(SCRAM_FAILED);
    await expectVictimUntouched();
  });

  it("a frame over the pre-authentication cap closes the connection", async () => {
    const frame = (apiKey: number) => {
      const header = Buffer.alloc(12);
      header.writeInt32BE(600 * 1024, 0);
      header.writeInt16BE(apiKey, 4);
      header.writeInt16BE(1, 6);
      header.writeInt32BE(1, 8);
      return Buffer.concat([header, Buffer.alloc(64 * 1024)]);
    };
    // A SaslHandshake over the cap: the proxy closes it.
    await rawSendUntilClosed(bootstrapPort, frame(ApiKeys.SaslHandshake));
    await waitForLog(
      "proxy-1",
      "pre-authentication frame of 614400 bytes (api key 17) exceeds the 524288 byte cap",
    );
    // A SaslAuthenticate over the cap after the handshake: the proxy closes it.
    const handshake = encodeRequest(
      ApiKeys.SaslHandshake,
      1,
      { correlationId: 7, clientId: "e2e" },
      { mechanism: "PLAIN" },
    );
    await rawSendUntilClosed(bootstrapPort, Buffer.concat([handshake, frame(ApiKeys.SaslAuthenticate)]));
    await waitForLog(
      "proxy-1",
      "pre-authentication frame of 614400 bytes (api key 36) exceeds the 524288 byte cap",
    );
    // Another request over the cap before authentication: the proxy hands it on (this fleet lets
    // anonymous connections into its default cluster), and the broker closes it.
    await rawSendUntilClosed(brokerPorts[0] as number, frame(ApiKeys.Metadata));
    await waitForLog("broker-1", "pre-authentication frame of 614400 bytes exceeds the 524288 byte cap");
    await expectVictimUntouched();
  });

  it("a wrong secret (another tenant's) and an unknown key fail alike", async () => {
    for (const token of [
      `\0${a.key}\0${b.secret}`,
      `\0${b.key}\0${a.secret}`,
      `\0NOSUCHKEY0000000\0${a.secret}`,
    ]) {
      const r = await plainLogin(bootstrapPort, token);
      expect([r.errorCode, r.errorMessage]).toEqual([
        ErrorCode.SASL_AUTHENTICATION_FAILED,
        INVALID_CREDENTIALS,
      ]);
      await waitClosed(r.wire);
    }
    await expectVictimUntouched();
  });

  it("an existing topic and a missing one look the same to a key without ACLs", async () => {
    await withKey(bPlain, async (wire) => {
      const names = ["orders", "no-such-topic"];
      const m = await wire.send(ApiKeys.Metadata, 12, {
        topics: names.map((name) => ({ topicId: ZERO_UUID, name })),
        allowAutoTopicCreation: true,
        includeTopicAuthorizedOperations: false,
        includeClusterAuthorizedOperations: false,
      });
      expect(m.topics.map((t) => [t.name, t.errorCode, t.partitions.length])).toEqual(
        names.map((n) => [n, ErrorCode.TOPIC_AUTHORIZATION_FAILED, 0]),
      );
      for (const name of names) {
        const offsets = await listOffsets(wire, name, 0, [-1n]);
        expect(offsets.map((p) => [p.errorCode, p.offset])).toEqual([
          [ErrorCode.TOPIC_AUTHORIZATION_FAILED, -1n],
        ]);
      }
      const dc = await wire.send(ApiKeys.DescribeConfigs, 4, {
        resources: names.map((resourceName) => ({ resourceType: 2, resourceName, configurationKeys: null })),
        includeSynonyms: false,
        includeDocumentation: false,
      });
      expect(dc.results.map((r) => r.errorCode)).toEqual([
        ErrorCode.TOPIC_AUTHORIZATION_FAILED,
        ErrorCode.TOPIC_AUTHORIZATION_FAILED,
      ]);
      // The messages, too, are the same.
      expect(dc.results[1]?.errorMessage).toBe(dc.results[0]?.errorMessage);
    });
    // Nothing was auto-created.
    await expectVictimUntouched();
  });
  it("guessing the victim's secret uses up none of its connection rate", async () => {
    await fleet.runnel(["quota", "set", "--cluster", b.id, "connection_creation_rate=1"]);
    try {
      // The proxy follows the metadata log: once it has the limit, a second quick login is refused.
      await waitUntil(
        "the proxy to hold the victim to one connection per second",
        async () => {
          const first = await plainLogin(bootstrapPort, `\0${b.key}\0${b.secret}`);
          const second = await plainLogin(bootstrapPort, `\0${b.key}\0${b.secret}`);
          first.wire.close();
          second.wire.close();
          return second.errorCode === ErrorCode.THROTTLING_QUOTA_EXCEEDED ? true : undefined;
        },
        30_000,
        200,
      );
      await new Promise((r) => setTimeout(r, 1_100));
      // The attacker knows the victim's key id (it is the victim's principal), not its secret.
      for (let i = 0; i < 5; i++) {
        const r = await plainLogin(bootstrapPort, `\0${b.key}\0${a.secret}`);
        expect(r.errorCode).toBe(ErrorCode.SASL_AUTHENTICATION_FAILED);
        r.wire.close();
      }
      const victim = await plainLogin(bootstrapPort, `\0${b.key}\0${b.secret}`);
      expect(victim.errorCode).toBe(ErrorCode.NONE);
      victim.wire.close();
    } finally {
      await fleet.runnel(["quota", "delete", "--cluster", b.id, "connection_creation_rate"]);
    }
  });
});
