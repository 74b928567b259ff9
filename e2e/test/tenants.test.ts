/**
 * Two tenants are isolated through the whole stack, with real clients: the fleet's own table
 * (three metadata voters, three SASL brokers, the proxy, the control plane), two logical
 * clusters made with the `runnel` CLI, each with its own admin API key, and clients that
 * connect to the proxy with SASL_PLAINTEXT + PLAIN (key and secret as username and password).
 *
 * - Each tenant makes a topic named `orders` (and one only it has) and produces N records to
 *   it with each of the Java client, librdkafka (kcat) and franz-go, values tagged by tenant
 *   and client (the compatibility suite's drivers, given the SASL settings).
 * - Both use a consumer group named `orders-readers`. Alpha's Java consumer reads and
 *   commits all of its records before beta's group exists; beta's group then has no offsets
 *   and its Java consumer reads all of beta's records from the start. Each then resumes its
 *   own group with kcat and with franz-go, reading exactly the records produced since.
 *   kafka-consumer-groups describes each group at its own tenant's end offsets.
 * - Kafka's command-line tools with a `--command-config` of the tenant's SASL settings:
 *   kafka-topics `--list` shows only its own topics, `--describe` its `orders` and not the
 *   other tenant's topic; kafka-consumer-groups `--list` only its own group; kafka-configs
 *   describes its own `orders` (with the retention it set, not the other's) and calls the
 *   other tenant's topic unknown; kafka-acls `--list` shows the ACLs it added with
 *   kafka-acls `--add` and with `runnel acl create`, none of the other's. kcat's Metadata
 *   (`-L`) lists only its own topics.
 * - No output of any client or tool, for either tenant, contains the other tenant's logical
 *   cluster id, any other `lkc-` name, or `__consumer_offsets`.
 * - A connection without SASL lands in the default logical cluster (lkc-000000): its
 *   `orders` is a third topic, with only its own records.
 * - A tenant's `max_partitions` (`runnel quota set`) refuses kafka-topics `--create` past it
 *   with the controller's POLICY_VIOLATION message, and leaves the other tenant unlimited.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENTS } from "../compat/clients.js";
import { messageValue } from "../compat/messages.js";
import { type Command, runStep } from "../compat/process.js";
import { type Fleet, newTenant, startFleet } from "../harness/fleet.js";
import { repoRoot } from "../harness/process.js";

/** Records each client produces to each tenant's `orders` at first. */
const N = 25;
/** Records produced to each tenant's `orders` before each resumed read. */
const LATE = 5;
const PRODUCERS = ["java", "kcat", "franz-go"] as const;
type ClientName = (typeof PRODUCERS)[number];
const GROUP = "orders-readers";
/** Each tenant's retention of its `orders`, set with kafka-configs. */
const RETENTION_MS: Record<string, number> = { alpha: 111_111_111, beta: 222_222_222 };
const STEP_TIMEOUT_MS = 120_000;
/**
 * kafka-consumer-groups gives its admin calls 5 s by default, too little for a JVM that
 * authenticates to four brokers on a busy machine.
 */
const GROUPS_TIMEOUT = ["--timeout", "60000"];

interface Tenant {
  /** The tenant's name for the logical cluster, and the tag of its records. */
  readonly name: string;
  readonly id: string;
  readonly key: string;
  readonly secret: string;
  /** A topic only this tenant has. */
  readonly ownTopic: string;
  /** Java client properties (the Java driver's `compat.config` and the tools' `--command-config`). */
  readonly javaConfig: string;
  /** librdkafka properties (kcat's `KCAT_CONFIG`). */
  readonly kcatConfig: string;
  /** Everything the tenant's clients and tools printed. */
  readonly outputs: string[];
}

/** A connection with no SASL at all: the default logical cluster's anonymous user. */
interface Anonymous {
  readonly name: string;
  readonly outputs: string[];
}

type Who = Tenant | Anonymous;

function isTenant(who: Who): who is Tenant {
  return "key" in who;
}

let fleet: Fleet;
let scratch: string;
let alpha: Tenant;
let beta: Tenant;
const anonymous: Anonymous = { name: "anonymous", outputs: [] };

async function makeTenant(name: string, ownTopic: string): Promise<Tenant> {
  const { id, key, secret } = await newTenant(fleet, name);
  const javaConfig = join(scratch, `${name}.properties`);
  writeFileSync(
    javaConfig,
    [
      "security.protocol=SASL_PLAINTEXT",
      "sasl.mechanism=PLAIN",
      `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="${key}" password="${secret}";`,
      "",
    ].join("\n"),
  );
  const kcatConfig = join(scratch, `${name}.kcat.properties`);
  writeFileSync(
    kcatConfig,
    [
      "security.protocol=SASL_PLAINTEXT",
      "sasl.mechanisms=PLAIN",
      `sasl.username=${key}`,
      `sasl.password=${secret}`,
      "",
    ].join("\n"),
  );
  return { name, id, key, secret, ownTopic, javaConfig, kcatConfig, outputs: [] };
}

/** The compatibility suite's driver of `client`, authenticating as `who`. */
function driver(client: ClientName, who: Who, scenario: string, args: readonly string[]): Command {
  const compat = CLIENTS.find((c) => c.name === client);
  if (compat === undefined) throw new Error(`no compat client ${client}`);
  const command = compat.command(fleet.bootstrap, scenario, args);
  if (!isTenant(who)) return command;
  switch (client) {
    case "java":
      return { ...command, args: [`-Dcompat.config=${who.javaConfig}`, ...command.args] };
    case "kcat":
      return { ...command, env: { ...command.env, KCAT_CONFIG: who.kcatConfig } };
    case "franz-go":
      return {
        ...command,
        env: { ...command.env, FRANZGO_SASL_USERNAME: who.key, FRANZGO_SASL_PASSWORD: who.secret },
      };
  }
}

type Event = Record<string, unknown>;

async function step(client: ClientName, who: Who, scenario: string, ...args: string[]): Promise<Event[]> {
  const events = await runStep(driver(client, who, scenario, args), repoRoot, STEP_TIMEOUT_MS);
  who.outputs.push(JSON.stringify(events));
  return events;
}

/** The values a `consume` step read, sorted. */
function consumedValues(events: readonly Event[]): string[] {
  return events
    .filter((e) => e.event === "record")
    .map((e) => String(e.value))
    .sort();
}

/** The values of `count` records produced with `prefix` (see e2e/compat/messages.ts), sorted. */
function values(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => messageValue(prefix, "none", i)).sort();
}

/** The sum of the end offsets of `orders`' partitions (franz-go's kadm), as `who` sees them. */
async function endOffsets(who: Who): Promise<number> {
  const [listed] = await step("franz-go", who, "list-offsets", "orders");
  const { partitions } = listed as { partitions: Record<string, { end: number }> };
  return Object.values(partitions).reduce((sum, p) => sum + p.end, 0);
}

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(
  file: string,
  args: readonly string[],
  who: Who,
  env: Record<string, string> = {},
): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      file,
      [...args],
      { timeout: STEP_TIMEOUT_MS, env: { ...process.env, ...env }, maxBuffer: 16 << 20 },
      (e, stdout, stderr) => {
        who.outputs.push(stdout, stderr);
        resolve({ code: e === null ? 0 : typeof e.code === "number" ? e.code : 1, stdout, stderr });
      },
    );
  });
}

/** One of Kafka's command-line tools (e2e/peers/kafka-cli/cli.sh) as `tenant`. */
function tool(tenant: Tenant, name: string, ...args: string[]): Promise<Run> {
  return run(
    "bash",
    [
      join(repoRoot, "e2e/peers/kafka-cli/cli.sh"),
      name,
      "--bootstrap-server",
      fleet.bootstrap,
      "--command-config",
      tenant.javaConfig,
      ...args,
    ],
    tenant,
  );
}

async function toolOk(tenant: Tenant, name: string, ...args: string[]): Promise<string> {
  const r = await tool(tenant, name, ...args);
  expect(r.code, `${name} ${args.join(" ")}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

/** kcat's Metadata listing (`-L -J`): the topic names it shows, sorted. */
async function metadataTopics(who: Who): Promise<string[]> {
  const env: Record<string, string> = isTenant(who) ? { KCAT_CONFIG: who.kcatConfig } : {};
  const r = await run("kcat", ["-L", "-J", "-b", fleet.bootstrap, "-m", "30"], who, env);
  expect(r.code, r.stderr).toBe(0);
  const md = JSON.parse(r.stdout) as { topics: { topic: string }[] };
  return md.topics.map((t) => t.topic).sort();
}

/** kafka-consumer-groups `--describe` rows of a group: topic, partition, current offset, end offset, lag. */
function groupRows(
  stdout: string,
): { topic: string; partition: number; current: number; end: number; lag: number }[] {
  return stdout
    .split("\n")
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f[0] === GROUP)
    .map((f) => ({
      topic: f[1] as string,
      partition: Number(f[2]),
      current: Number(f[3]),
      end: Number(f[4]),
      lag: Number(f[5]),
    }));
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "runnel-tenants-e2e-"));
  fleet = await startFleet();
  alpha = await makeTenant("alpha", "alpha-only");
  beta = await makeTenant("beta", "beta-only");
}, 180_000);

afterAll(async () => {
  await fleet?.stop();
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
});

describe("two tenants through the proxy", () => {
  it("are two logical clusters with their own API keys", () => {
    expect(alpha.id).toMatch(/^lkc-/);
    expect(beta.id).toMatch(/^lkc-/);
    expect(new Set([alpha.id, beta.id, "lkc-000000"]).size).toBe(3);
    expect(alpha.key).not.toBe(beta.key);
  });

  it(
    "each produces to its own orders with the Java client, librdkafka and franz-go",
    async () => {
      await Promise.all(
        [alpha, beta].map(async (t) => {
          // The topics, with franz-go's admin client (kcat has none).
          for (const topic of ["orders", t.ownTopic])
            await step("franz-go", t, "create-topic", topic, "3", "3");
          for (const client of PRODUCERS) {
            const done = await step(client, t, "produce", "orders", "none", String(N), `${t.name}-${client}`);
            expect(done.at(-1)).toMatchObject({ event: "produce-done", count: N });
          }
        }),
      );
    },
    STEP_TIMEOUT_MS * 4,
  );

  it(
    "keeps each tenant's offsets of one group name apart, and each reads exactly its own records",
    async () => {
      const own = (t: Tenant): string[] => PRODUCERS.flatMap((c) => values(`${t.name}-${c}`, N)).sort();

      // Alpha reads all of its 3N records with the Java client and commits.
      const alphaRead = await step("java", alpha, "consume", "orders", GROUP, String(3 * N));
      expect(consumedValues(alphaRead)).toEqual(own(alpha));
      expect(alphaRead.at(-1)).toMatchObject({ event: "closed" });

      // Beta's group of the same name has no offsets: its consumer starts at the beginning.
      const before = await tool(
        beta,
        "kafka-consumer-groups",
        "--describe",
        "--group",
        GROUP,
        ...GROUPS_TIMEOUT,
      );
      expect(groupRows(before.stdout)).toEqual([]);
      expect(`${before.stdout}${before.stderr}`).toMatch(/does not exist/);
      const betaRead = await step("java", beta, "consume", "orders", GROUP, String(3 * N));
      expect(consumedValues(betaRead)).toEqual(own(beta));

      // Each resumes its own group: kcat, then franz-go, read exactly the records produced since.
      await Promise.all(
        [alpha, beta].map(async (t) => {
          await step("franz-go", t, "produce", "orders", "none", String(LATE), `${t.name}-late1`);
          expect(consumedValues(await step("kcat", t, "consume", "orders", GROUP, String(LATE)))).toEqual(
            values(`${t.name}-late1`, LATE),
          );
          await step("java", t, "produce", "orders", "none", String(LATE), `${t.name}-late2`);
          expect(consumedValues(await step("franz-go", t, "consume", "orders", GROUP, String(LATE)))).toEqual(
            values(`${t.name}-late2`, LATE),
          );
        }),
      );

      // kafka-consumer-groups: each group is at its own tenant's end offsets, on its own orders.
      for (const t of [alpha, beta]) {
        const rows = groupRows(
          await toolOk(t, "kafka-consumer-groups", "--describe", "--group", GROUP, ...GROUPS_TIMEOUT),
        );
        expect(rows.map((r) => `${r.topic}-${r.partition}`).sort()).toEqual([
          "orders-0",
          "orders-1",
          "orders-2",
        ]);
        expect(rows.reduce((s, r) => s + r.current, 0)).toBe(3 * N + 2 * LATE);
        expect(rows.reduce((s, r) => s + r.end, 0)).toBe(3 * N + 2 * LATE);
        expect(rows.every((r) => r.lag === 0)).toBe(true);
      }
    },
    STEP_TIMEOUT_MS * 4,
  );

  it(
    "shows each tenant only its own topics, groups, configs and ACLs",
    async () => {
      // One ACL per tenant through the CLI, one through the client.
      for (const t of [alpha, beta]) {
        await fleet.runnelJson([
          "acl",
          "create",
          "--cluster",
          t.id,
          "--allow",
          "--principal",
          `User:${t.name}-cli`,
          "--operation",
          "read",
          "--topic",
          "orders",
        ]);
      }
      await Promise.all(
        [alpha, beta].map(async (t) => {
          const other = t === alpha ? beta : alpha;
          await toolOk(
            t,
            "kafka-configs",
            "--alter",
            "--entity-type",
            "topics",
            "--entity-name",
            "orders",
            "--add-config",
            `retention.ms=${RETENTION_MS[t.name]}`,
          );
          await toolOk(
            t,
            "kafka-acls",
            "--add",
            "--allow-principal",
            `User:${t.name}-tool`,
            "--operation",
            "Write",
            "--topic",
            "orders",
          );

          const topics = (await toolOk(t, "kafka-topics", "--list")).trim().split("\n").sort();
          expect(topics).toEqual([t.ownTopic, "orders"].sort());

          const described = await toolOk(t, "kafka-topics", "--describe", "--topic", "orders");
          expect(described).toMatch(
            /Topic: orders\s+TopicId: \S+\s+PartitionCount: 3\s+ReplicationFactor: 3/,
          );
          expect(described.match(/Partition: \d/g)).toHaveLength(3);
          const hidden = await tool(t, "kafka-topics", "--describe", "--topic", other.ownTopic);
          expect(hidden.code).not.toBe(0);
          // (Kafka 3.9's tool names it `Optional[<name>]`.)
          expect(hidden.stderr).toContain(`Topic 'Optional[${other.ownTopic}]' does not exist as expected`);

          const groups = (await toolOk(t, "kafka-consumer-groups", "--list", ...GROUPS_TIMEOUT))
            .trim()
            .split("\n");
          expect(groups).toEqual([GROUP]);

          const configs = await toolOk(
            t,
            "kafka-configs",
            "--describe",
            "--entity-type",
            "topics",
            "--entity-name",
            "orders",
          );
          expect(configs).toContain("Dynamic configs for topic orders are:");
          expect(configs).toContain(`retention.ms=${RETENTION_MS[t.name]} `);
          expect(configs).not.toContain(`retention.ms=${RETENTION_MS[other.name]} `);
          const unknown = await tool(
            t,
            "kafka-configs",
            "--describe",
            "--entity-type",
            "topics",
            "--entity-name",
            other.ownTopic,
          );
          expect(unknown.code).not.toBe(0);
          expect(unknown.stderr).toContain(
            `UnknownTopicOrPartitionException: The topic '${other.ownTopic}' does not exist.`,
          );

          const acls = await toolOk(t, "kafka-acls", "--list");
          expect(acls).toContain(`User:${t.name}-cli`);
          expect(acls).toContain(`User:${t.name}-tool`);
          expect(acls).not.toContain(other.name);
          expect(acls.match(/\(principal=/g)).toHaveLength(2);

          expect(await metadataTopics(t)).toEqual([t.ownTopic, "orders"].sort());
        }),
      );
    },
    STEP_TIMEOUT_MS * 4,
  );

  it(
    "lands a connection without SASL in the default logical cluster, whose orders is a third topic",
    async () => {
      await step("franz-go", anonymous, "create-topic", "orders", "3", "3");
      await step("kcat", anonymous, "produce", "orders", "none", String(N), "anonymous-kcat");
      const read = await step("franz-go", anonymous, "consume", "orders", GROUP, String(N));
      expect(consumedValues(read)).toEqual(values("anonymous-kcat", N));
      expect(await endOffsets(anonymous)).toBe(N);
      expect(await metadataTopics(anonymous)).toEqual(["orders"]);
      // The tenants still see only their own topics, their orders at their own end offsets.
      for (const t of [alpha, beta]) {
        expect(await metadataTopics(t)).toEqual([t.ownTopic, "orders"].sort());
        expect(await endOffsets(t)).toBe(3 * N + 2 * LATE);
      }
    },
    STEP_TIMEOUT_MS * 2,
  );

  it(
    "holds a tenant to its partition limit with POLICY_VIOLATION, and the other not at all",
    async () => {
      const { usage } = await fleet.runnelJson<{ usage: { partitions: number } }>([
        "cluster",
        "describe",
        alpha.id,
      ]);
      await fleet.runnelJson([
        "quota",
        "set",
        "--cluster",
        alpha.id,
        `max_partitions=${usage.partitions + 1}`,
      ]);
      try {
        // The brokers forward CreateTopics to the controller, which counts the cluster's partitions.
        const over = await tool(alpha, "kafka-topics", "--create", "--topic", "too-big", "--partitions", "2");
        expect(over.code).not.toBe(0);
        expect(`${over.stdout}${over.stderr}`).toContain(
          `The cluster's partition limit is ${usage.partitions + 1}; it has ${usage.partitions} and this request adds 2.`,
        );
        await toolOk(alpha, "kafka-topics", "--create", "--topic", "fits", "--partitions", "1");
        await toolOk(beta, "kafka-topics", "--create", "--topic", "too-big", "--partitions", "2");
        expect(await metadataTopics(alpha)).toEqual([alpha.ownTopic, "fits", "orders"].sort());
      } finally {
        await fleet.runnel(["quota", "delete", "--cluster", alpha.id, "max_partitions"]);
      }
    },
    STEP_TIMEOUT_MS * 2,
  );

  it("never shows a tenant another logical cluster's id or an internal name", () => {
    for (const t of [alpha, beta]) {
      const other = t === alpha ? beta : alpha;
      expect(t.outputs.length).toBeGreaterThan(20);
      const all = t.outputs.join("\n");
      expect(all).not.toContain(other.id);
      // A tenant's own id is its Metadata cluster id (which none of these tools prints);
      // nothing else with the prefix, such as a stored `lkc-…_orders`, may show.
      expect(all.replaceAll(t.id, "")).not.toContain("lkc-");
      expect(all).not.toContain("__consumer_offsets");
    }
    expect(anonymous.outputs.join("\n")).not.toContain("lkc-");
  });
});
