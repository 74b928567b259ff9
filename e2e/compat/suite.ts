/**
 * The client-compatibility suite: for each client, ordered scenarios that
 * share one topic and one consumer group. Scenarios run the client's driver
 * (see clients.ts) and check its JSON events against messages.ts.
 */
import { CLIENTS, type CompatClient, repoRoot, topicHelper } from "./clients.js";
import {
  CODECS,
  type DriverEvent,
  isExactCover,
  type ProduceRun,
  producedOf,
  recordsOf,
  verifyConsumed,
  verifyProduced,
} from "./messages.js";
import { DriverError, Member, runStep, sleep } from "./process.js";

export const PARTITIONS = 12;
export const PER_CODEC = 20;
const RESUME_COUNT = 20;
const GROUP_MEMBERS = 3;
const REBALANCE_TIMEOUT_MS = 90_000;

export interface CompatScenario {
  readonly client: string;
  readonly name: string;
  readonly timeoutMs: number;
  /** Resolves with a note on success; throws otherwise. */
  run(): Promise<string>;
}

export interface CompatOptions {
  /** Only these clients (by name); default all. */
  readonly clients?: readonly string[];
  /** Distinguishes topic and group names of this run; default from the clock. */
  readonly runId?: string;
  /** Replication factor of the topics the suite creates; default 1 (a single broker). */
  readonly replicationFactor?: number;
  /**
   * The Kafka release that clients fingerprinting ApiVersions (franz-go, kafka-python)
   * must recognise; default "3.9".
   */
  readonly expectRelease?: string;
  /**
   * API keys of that release the target does not serve yet. franz-go's
   * `served-versions` guesses the release with them left out, so every API
   * the target does serve must have exactly that release's version range.
   * Default none (a real Kafka of that release serves them all).
   */
  readonly unservedApiKeys?: readonly number[];
  /**
   * Scenarios to leave out, as `client/scenario` (e.g. `java/admin`): for a
   * target that does not serve an API yet, so the suite asserts only what the
   * target claims.
   */
  readonly without?: readonly string[];
}

interface State {
  readonly topic: string;
  readonly group: string;
  readonly runs: ProduceRun[];
  topicReady: boolean;
  consumedAll: boolean;
  /** Records acknowledged so far, over every produce step. */
  producedTotal: number;
}

class Context {
  constructor(
    readonly client: CompatClient,
    readonly bootstrap: () => string,
    readonly state: State,
    readonly expectRelease: string,
    readonly unservedApiKeys: readonly number[],
  ) {}

  step(scenario: string, ...args: (string | number)[]): Promise<DriverEvent[]> {
    return this.stepOf(this.client, scenario, ...args);
  }

  stepOf(client: CompatClient, scenario: string, ...args: (string | number)[]): Promise<DriverEvent[]> {
    const command = client.command(this.bootstrap(), scenario, args.map(String));
    return runStep(command, repoRoot, client.stepTimeoutMs);
  }

  member(name: string, group: string): Member {
    return new Member(
      `${this.client.name} ${name}`,
      this.client.command(this.bootstrap(), "member", [this.state.topic, group]),
      repoRoot,
    );
  }

  requireTopic(): void {
    // A scenario that depends on an earlier one fails with it: it cannot pass on its own.
    if (!this.state.topicReady) throw new Error("no topic: create-topic failed");
  }

  async produce(codec: string, count: number, prefix: string): Promise<ProduceRun> {
    const events = await this.step("produce", this.state.topic, codec, count, prefix);
    const run: ProduceRun = { prefix, codec, count, produced: producedOf(events) };
    verifyProduced(run, this.client.reportsOffsets);
    if (!events.some((e) => e.event === "produce-done")) throw new DriverError("no produce-done event");
    this.state.producedTotal += count;
    return run;
  }

  async consume(group: string, count: number): Promise<ReturnType<typeof recordsOf>> {
    const events = await this.step("consume", this.state.topic, group, count);
    if (!events.some((e) => e.event === "committed")) throw new DriverError("no committed event");
    return recordsOf(events);
  }
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function clientByName(name: string): CompatClient {
  const c = CLIENTS.find((x) => x.name === name);
  if (!c) throw new Error(`no client ${name}`);
  return c;
}

async function waitForCover(members: readonly Member[], what: string): Promise<number> {
  const start = Date.now();
  for (;;) {
    const dead = members.find((m) => !m.running);
    if (dead) throw new Error(`${dead.name} exited: ${dead.errorText}`);
    const assignments = members.map((m) => m.assignment);
    if (assignments.every((a) => a !== null) && isExactCover(assignments as number[][], PARTITIONS)) {
      return Date.now() - start;
    }
    if (Date.now() - start > REBALANCE_TIMEOUT_MS) {
      throw new Error(`${what}: no exact cover of ${PARTITIONS} partitions: ${JSON.stringify(assignments)}`);
    }
    await sleep(200);
  }
}

function scenariosOf(
  client: CompatClient,
  bootstrap: () => string,
  runId: string,
  replicationFactor: number,
  expectRelease: string,
  unservedApiKeys: readonly number[],
): CompatScenario[] {
  const tag = `compat-${client.name}-${runId}`;
  const state: State = {
    topic: tag,
    group: `${tag}-g`,
    runs: [],
    topicReady: false,
    consumedAll: false,
    producedTotal: 0,
  };
  const ctx = new Context(client, bootstrap, state, expectRelease, unservedApiKeys);
  const t = client.stepTimeoutMs;
  const list: CompatScenario[] = [];
  const add = (name: string, timeoutMs: number, run: () => Promise<string>) =>
    list.push({ client: client.name, name, timeoutMs, run });

  add("version", t, async () => {
    const events = await ctx.step("version");
    const v = events.find((e) => e.event === "version");
    check(v !== undefined, "no version event");
    const librdkafka = typeof v.librdkafka === "string" ? ` (librdkafka ${v.librdkafka})` : "";
    return `${String(v.version ?? "")}${librdkafka}`;
  });

  add("create-topic", t, async () => {
    if (client.createsTopics) {
      const events = await ctx.step("create-topic", state.topic, PARTITIONS, replicationFactor);
      check(
        events.some((e) => e.event === "topic-created"),
        "no topic-created event",
      );
      state.topicReady = true;
      return `${PARTITIONS} partitions`;
    }
    await ctx.stepOf(clientByName(topicHelper), "create-topic", state.topic, PARTITIONS, replicationFactor);
    state.topicReady = true;
    return `${PARTITIONS} partitions, created with ${topicHelper} (the client has no admin API)`;
  });

  // A codec the client cannot produce has no scenario (see the client's `lacks`).
  for (const codec of CODECS.filter((c) => !client.lacks[c])) {
    add(`produce-${codec}`, t, async () => {
      ctx.requireTopic();
      const run = await ctx.produce(codec, PER_CODEC, `${tag}-${codec}`);
      state.runs.push(run);
      return `${PER_CODEC} keyed records with headers${client.reportsOffsets ? ", offsets acknowledged" : ""}`;
    });
  }

  add("consume", t, async () => {
    ctx.requireTopic();
    check(state.runs.length > 0, "nothing was produced");
    const total = state.runs.reduce((n, r) => n + r.count, 0);
    const records = await ctx.consume(state.group, total);
    verifyConsumed(records, state.runs);
    state.consumedAll = true;
    return `${total} records intact and in order per partition; committed`;
  });

  add("commit-resume", 2 * t + 30_000, async () => {
    ctx.requireTopic();
    if (!state.consumedAll) throw new Error("consume failed, so there is nothing to resume from");
    const run = await ctx.produce("none", RESUME_COUNT, `${tag}-resume`);
    const half = RESUME_COUNT / 2;
    const first = await ctx.consume(state.group, half);
    const second = await ctx.consume(state.group, RESUME_COUNT - half);
    // Exactly the new records, each once, the second consumer starting where the first committed.
    verifyConsumed([...first, ...second], [run]);
    return `restarted consumer resumed at the committed offsets (${half} + ${RESUME_COUNT - half})`;
  });

  add("rebalance", REBALANCE_TIMEOUT_MS * 2 + 60_000, async () => {
    ctx.requireTopic();
    const group = `${tag}-rebalance`;
    const members = Array.from({ length: GROUP_MEMBERS }, (_, i) => ctx.member(`member-${i}`, group));
    try {
      const joinMs = await waitForCover(members, `${GROUP_MEMBERS} members`);
      const leaving = members[GROUP_MEMBERS - 1] as Member;
      const code = await leaving.leave(30_000);
      check(code === 0, `${leaving.name} exited with ${code}: ${leaving.errorText}`);
      const rest = members.slice(0, -1);
      const rebalanceMs = await waitForCover(rest, `${rest.length} members after one left`);
      const sizes = rest.map((m) => m.assignment?.length ?? 0).join("+");
      for (const m of rest) {
        const c = await m.leave(30_000);
        check(c === 0, `${m.name} exited with ${c}: ${m.errorText}`);
      }
      return `3 members covered ${PARTITIONS} partitions in ${joinMs} ms; after one left, 2 covered them (${sizes}) in ${rebalanceMs} ms`;
    } finally {
      await Promise.all(members.map((m) => m.kill()));
    }
  });

  for (const extra of client.extras) add(extra, 2 * t, () => runExtra(ctx, extra));
  return list;
}

async function runExtra(ctx: Context, extra: string): Promise<string> {
  const { state } = ctx;
  switch (extra) {
    case "version-guess": {
      const events = await ctx.step("version");
      const v = events.find((e) => e.event === "version");
      check(v !== undefined, "no version event");
      const want = `v${ctx.expectRelease}`;
      check(
        v.guess === want && v.kversion === want,
        `guessed ${String(v.guess)}/${String(v.kversion)}, not ${want}`,
      );
      return `kadm guess ${String(v.guess)}, kversion guess ${String(v.kversion)}`;
    }
    case "served-versions": {
      const skipped = ctx.unservedApiKeys.join(",");
      const events = await ctx.step("version-skipping", skipped === "" ? "none" : skipped);
      const v = events.find((e) => e.event === "version");
      check(v !== undefined, "no version event");
      const want = `v${ctx.expectRelease}`;
      check(v.guess === want, `with keys [${skipped}] left out, guessed ${String(v.guess)}, not ${want}`);
      return skipped === ""
        ? `kversion guess ${String(v.guess)}`
        : `kversion guess ${String(v.guess)} with unserved keys [${skipped}] left out`;
    }
    case "api-version": {
      const events = await ctx.step("version");
      const v = events.find((e) => e.event === "version");
      check(v !== undefined && Array.isArray(v.apiVersion), "no inferred api_version");
      const inferred = (v.apiVersion as number[]).join(".");
      check(inferred === ctx.expectRelease, `inferred api_version ${inferred}, not ${ctx.expectRelease}`);
      return `inferred api_version ${JSON.stringify(v.apiVersion)}`;
    }
    case "list-offsets": {
      ctx.requireTopic();
      const events = await ctx.step("list-offsets", state.topic);
      const o = events.find((e) => e.event === "offsets");
      check(o !== undefined, "no offsets event");
      const parts = o.partitions as Record<string, { start: number; end: number }>;
      const total = Object.values(parts).reduce((n, p) => n + p.end - p.start, 0);
      const expected = state.producedTotal;
      check(Object.keys(parts).length === PARTITIONS, `${Object.keys(parts).length} partitions listed`);
      check(total === expected, `start/end offsets span ${total} records, expected ${expected}`);
      return `start and end offsets of ${PARTITIONS} partitions span ${total} records`;
    }
    case "admin":
    case "tools": {
      ctx.requireTopic();
      const events = await ctx.step(extra, state.topic, state.group, PARTITIONS);
      const checks = events.filter((e) => e.event === "check");
      const failed = checks.filter((e) => e.ok !== true);
      check(checks.length > 0, "no checks reported");
      check(
        failed.length === 0,
        failed.map((e) => `${String(e.name)}: ${String(e.detail ?? "")}`).join("; "),
      );
      return checks.map((e) => String(e.name)).join(", ");
    }
    default:
      throw new Error(`unknown extra scenario ${extra}`);
  }
}

/** Every client's scenarios, in order. Scenarios of one client must run in order. */
export function compatScenarios(
  bootstrap: () => string,
  options: CompatOptions = {},
): { client: string; scenarios: CompatScenario[] }[] {
  const runId = options.runId ?? Date.now().toString(36);
  const wanted = options.clients;
  const unknown = wanted?.filter((n) => !CLIENTS.some((c) => c.name === n)) ?? [];
  if (unknown.length > 0) throw new Error(`unknown clients: ${unknown.join(", ")}`);
  const without = new Set(options.without ?? []);
  return CLIENTS.filter((c) => !wanted || wanted.includes(c.name)).map((c) => ({
    client: c.name,
    scenarios: scenariosOf(
      c,
      bootstrap,
      runId,
      options.replicationFactor ?? 1,
      options.expectRelease ?? "3.9",
      options.unservedApiKeys ?? [],
    ).filter((s) => !without.has(`${c.name}/${s.name}`)),
  }));
}
