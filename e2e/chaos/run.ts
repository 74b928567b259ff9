/**
 * One chaos run: a 3-voter metadata quorum and 3 brokers (cluster.ts), a
 * topic with the given replication factor and min.insync.replicas =
 * min(2, RF), the franz-go workload (workload.ts) for the run's duration
 * while faults rotate (each: inject, hold, heal, settle), then the history
 * checked (checker.ts) and a report written (report.ts). `runChaos` is what
 * `pnpm chaos` (runner.ts) and e2e/test/chaos-faults-run.test.ts call.
 *
 * Fault targets are chosen from a broker's Metadata answer when the fault
 * starts: a broker that leads partitions of the topic (kill-leader, pause,
 * partition, slow-disk, rotating over the leaders), a broker that hosts
 * replicas but leads none (kill-follower; when it is among the faults, the
 * topic is placed so that broker 3 starts as a follower only), or the
 * metadata quorum's leader.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { type CheckReport, check } from "./checker.js";
import { ChaosCluster, type TopicView } from "./cluster.js";
import { FAULT_KINDS, type FaultKind } from "./faults/kinds.js";
import { type HistoryOp, parseHistory } from "./history.js";
import {
  type ChaosResult,
  type FaultRecord,
  faultWindows,
  type ResolvedOptions,
  writeReport,
} from "./report.js";
import { franzGoDriver, startWorkload, type WorkloadSummary } from "./workload.js";

export interface ChaosOptions {
  /** How long the workload runs, in seconds; faults are injected while it does. */
  readonly seconds: number;
  /** The fault kinds, injected in turn; every kind unless told. */
  readonly faults?: readonly FaultKind[];
  /** Replicas per partition; 3 unless told. min.insync.replicas is min(2, this). */
  readonly replicationFactor?: number;
  /** Where the report, the history and the processes' logs go. */
  readonly reportDir: string;
  /** Partitions of the topic; 6 unless told. */
  readonly partitions?: number;
  /** Sends a second; 200 unless told. */
  readonly rate?: number;
  /** Before the first fault, in ms; 2000 unless told. */
  readonly warmupMs?: number;
  /** How long a fault stays in place before it is healed, in ms; 3000 unless told. */
  readonly holdMs?: number;
  /** After a heal, at least this long (and until the cluster is whole again) before the next fault, in ms; 3000 unless told. */
  readonly settleMs?: number;
  /** The longest wait for the cluster to be whole again after a heal, in ms; 30000 unless told. */
  readonly settleTimeoutMs?: number;
  /** The slow-disk fault's delay per write or sync, in ms; 100 unless told. */
  readonly slowDiskMs?: number;
  /** Progress lines; none unless given. */
  readonly log?: (line: string) => void;
  /**
   * Stops the run early: the fault in place is healed, no other is injected,
   * the workload is killed, and the cluster is taken down; the history so far
   * is checked and reported, with an error saying so.
   */
  readonly signal?: AbortSignal;
}

export type { ChaosResult, FaultWindow } from "./report.js";

/**
 * The replication factor of the short runs in CI (e2e/test/chaos-faults-run.test.ts): 3, with
 * min.insync.replicas 2, as the local fleet runs.
 */
export const CI_REPLICATION_FACTOR: number = 3;

const TOPIC = "chaos";
const BROKERS = 3;
const VOTERS = 3;

/** Sleeps `ms`, or less if `signal` aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal?.addEventListener("abort", done, { once: true });
  });
}

export function resolveOptions(o: ChaosOptions): ResolvedOptions {
  const rf = o.replicationFactor ?? 3;
  const faults = [...(o.faults ?? FAULT_KINDS)];
  const r: ResolvedOptions = {
    seconds: o.seconds,
    faults,
    replicationFactor: rf,
    minInsyncReplicas: Math.min(2, rf),
    topic: TOPIC,
    partitions: o.partitions ?? 6,
    rate: o.rate ?? 200,
    warmupMs: o.warmupMs ?? 2_000,
    holdMs: o.holdMs ?? 3_000,
    settleMs: o.settleMs ?? 3_000,
    settleTimeoutMs: o.settleTimeoutMs ?? 30_000,
    slowDiskMs: o.slowDiskMs ?? 100,
  };
  if (!Number.isInteger(rf) || rf < 1 || rf > BROKERS)
    throw new Error(`the replication factor must be 1 to ${BROKERS}, not ${rf}`);
  if (faults.length === 0) throw new Error("no fault kinds given");
  for (const f of faults)
    if (!(FAULT_KINDS as readonly string[]).includes(f))
      throw new Error(`unknown fault kind ${f}; the kinds are ${FAULT_KINDS.join(", ")}`);
  if (faults.includes("kill-follower") && rf < 2)
    throw new Error("kill-follower needs a replication factor of 2 or more: with 1 there is no follower");
  if (r.warmupMs + r.holdMs + r.settleMs > r.seconds * 1000)
    throw new Error(
      `${r.seconds} s is too short for one fault: warm-up ${r.warmupMs} ms + hold ${r.holdMs} ms + settle ${r.settleMs} ms`,
    );
  return r;
}

/**
 * Replicas for each partition when a follower-only broker is wanted: leaders
 * alternate between brokers 1 and 2, broker 3 only follows.
 */
function followerAwareAssignments(partitions: number, rf: number): number[][] {
  const out: number[][] = [];
  for (let p = 0; p < partitions; p++) {
    const leader = 1 + (p % 2);
    const rest = [1, 2, 3].filter((b) => b !== leader);
    if (p % 4 >= 2) rest.reverse();
    out.push([leader, ...rest].slice(0, rf));
  }
  return out;
}

interface Target {
  readonly process: "broker" | "metadata-voter";
  readonly id: number;
  readonly detail: string;
}

function leadersOf(view: TopicView): Map<number, number[]> {
  const leads = new Map<number, number[]>();
  for (const p of view.partitions)
    if (p.leader >= 0) leads.set(p.leader, [...(leads.get(p.leader) ?? []), p.partition]);
  return leads;
}

async function chooseTarget(
  cluster: ChaosCluster,
  kind: FaultKind,
  topic: string,
  turn: number,
): Promise<Target> {
  if (kind === "kill-metadata-leader") {
    const i = await cluster.quorum.waitForLeader(10_000);
    return { process: "metadata-voter", id: i + 1, detail: `metadata leader (voter ${i + 1})` };
  }
  const view = await cluster.anyTopicView(topic);
  if (view === undefined) throw new Error("no broker answered Metadata to choose a target");
  const leads = leadersOf(view);
  if (kind === "kill-follower") {
    const follows = new Map<number, number[]>();
    for (const p of view.partitions)
      for (const r of p.replicas)
        if (r !== p.leader) follows.set(r, [...(follows.get(r) ?? []), p.partition]);
    const followers = [...follows.keys()].sort((a, b) => a - b);
    if (followers.length === 0) throw new Error(`no broker follows a partition of ${topic}`);
    const pure = followers.filter((b) => !leads.has(b));
    const pool =
      pure.length > 0
        ? pure
        : followers.filter(
            (b) =>
              (leads.get(b)?.length ?? 0) === Math.min(...followers.map((x) => leads.get(x)?.length ?? 0)),
          );
    const id = pool[turn % pool.length] as number;
    const led = leads.get(id) ?? [];
    return {
      process: "broker",
      id,
      detail: `broker ${id}, follows partitions ${(follows.get(id) ?? []).join(",")}${led.length > 0 ? `; also leads ${led.join(",")} (every follower leads some)` : ""}`,
    };
  }
  const leaders = [...leads.keys()].sort((a, b) => a - b);
  if (leaders.length === 0) throw new Error(`no partition of ${topic} has a leader`);
  const id = leaders[turn % leaders.length] as number;
  return {
    process: "broker",
    id,
    detail: `broker ${id}, leads partitions ${(leads.get(id) ?? []).join(",")}`,
  };
}

/** Puts the fault in place; returns what heals it. */
async function inject(
  cluster: ChaosCluster,
  kind: FaultKind,
  target: Target,
  o: ResolvedOptions,
): Promise<() => Promise<void>> {
  const id = target.id;
  switch (kind) {
    case "kill-leader":
    case "kill-follower":
      await cluster.killBroker(id);
      return () => cluster.restartBroker(id);
    case "kill-metadata-leader":
      await cluster.killVoter(id - 1);
      return () => cluster.restartVoter(id - 1);
    case "pause":
      await cluster.pauseBroker(id);
      return () => cluster.resumeBroker(id);
    case "partition":
      await cluster.partitionBroker(id);
      return () => cluster.healBroker(id);
    case "slow-disk":
      cluster.slowDisk(id, o.slowDiskMs);
      return async () => cluster.slowDisk(id, 0);
  }
}

/** Runs the cluster, the workload and the faults, checks the history and writes the report. */
export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const o = resolveOptions(options);
  if (!existsSync(franzGoDriver))
    throw new Error(`the franz-go driver ${franzGoDriver} is not built; run e2e/peers/install.sh`);
  const log = options.log ?? (() => {});
  const signal = options.signal;
  const reportDir = resolve(options.reportDir);
  mkdirSync(reportDir, { recursive: true });
  const historyFile = join(reportDir, "history.jsonl");
  const errors: string[] = [];
  const faults: FaultRecord[] = [];
  let startedAt = Number.NaN;
  let summary: WorkloadSummary | null = null;

  log(
    `chaos: starting ${VOTERS} metadata voters and ${BROKERS} brokers${o.faults.includes("partition") ? " (each broker in its own network namespace)" : ""}`,
  );
  const cluster = await ChaosCluster.start({
    brokers: BROKERS,
    voters: VOTERS,
    isolate: o.faults.includes("partition"),
    slowDisk: o.faults.includes("slow-disk"),
  });
  try {
    await cluster.createTopic({
      name: o.topic,
      partitions: o.partitions,
      replicationFactor: o.replicationFactor,
      configs: { "min.insync.replicas": String(o.minInsyncReplicas) },
      ...(o.faults.includes("kill-follower")
        ? { assignments: followerAwareAssignments(o.partitions, o.replicationFactor) }
        : {}),
    });
    log(
      `chaos: topic ${o.topic}: ${o.partitions} partitions, replication factor ${o.replicationFactor}, min.insync.replicas ${o.minInsyncReplicas}; workload for ${o.seconds} s at ${o.rate} sends/s`,
    );
    const workload = startWorkload({
      bootstrap: cluster.bootstrap,
      topic: o.topic,
      seconds: o.seconds,
      historyFile,
      rate: o.rate,
    });
    startedAt = await workload.started;
    if (Number.isFinite(startedAt)) {
      const t0 = startedAt;
      const now = () => Date.now() - t0;
      try {
        await sleep(o.warmupMs - now(), signal);
        for (let turn = 0; !signal?.aborted && now() + o.holdMs + o.settleMs <= o.seconds * 1000; turn++) {
          const kind = o.faults[turn % o.faults.length] as FaultKind;
          const target = await chooseTarget(cluster, kind, o.topic, Math.floor(turn / o.faults.length));
          const injectedAt = now();
          log(`chaos: ${(injectedAt / 1000).toFixed(1)} s: ${kind}: ${target.detail}`);
          const heal = await inject(cluster, kind, target, o);
          await sleep(injectedAt + o.holdMs - now(), signal);
          const healStartedAt = now();
          let healError: string | null = null;
          try {
            await heal();
          } catch (e) {
            healError = e instanceof Error ? e.message : String(e);
          }
          const healedAt = now();
          // Settled: the cluster is whole again (or the wait timed out), and at least settleMs passed.
          let healthy = false;
          const settleDeadline = healedAt + o.settleTimeoutMs;
          while (healError === null && !healthy && now() < settleDeadline && !signal?.aborted) {
            healthy = await cluster.healthy(o.topic, o.partitions, o.minInsyncReplicas);
            if (!healthy) await sleep(200, signal);
          }
          const wholeAt = now();
          await sleep(healedAt + o.settleMs - now(), signal);
          log(
            healError !== null
              ? `chaos: ${(healedAt / 1000).toFixed(1)} s: the heal FAILED: ${healError}`
              : `chaos: ${(healedAt / 1000).toFixed(1)} s: healed (heal took ${healedAt - healStartedAt} ms); ${healthy ? `whole again at ${(wholeAt / 1000).toFixed(1)} s` : signal?.aborted ? "interrupted before it was whole again" : `NOT whole again within ${o.settleTimeoutMs} ms`}`,
          );
          faults.push({
            index: faults.length + 1,
            kind,
            target: target.detail,
            targetProcess: target.process,
            targetId: target.id,
            injectedAt,
            healStartedAt,
            healedAt,
            wholeAt: healthy ? wholeAt : null,
            settledAt: now(),
          });
          if (healError !== null)
            throw new Error(`fault ${faults.length} (${kind}, ${target.detail}): heal failed: ${healError}`);
          if (!healthy && !signal?.aborted) {
            errors.push(
              `fault ${faults.length} (${kind}, ${target.detail}): the cluster was not whole again within ${o.settleTimeoutMs} ms of the heal`,
            );
            break;
          }
        }
      } catch (e) {
        errors.push(`fault injection stopped: ${e instanceof Error ? e.message : String(e)}`);
        // Whatever is still broken is undone, so that the workload can end and drain.
        await cluster.healAll().catch(() => {});
      }
    }
    if (signal?.aborted) {
      errors.push("interrupted: the workload was killed before its end");
      workload.kill();
    } else {
      // An interruption while the workload ends kills it too.
      signal?.addEventListener("abort", () => workload.kill(), { once: true });
    }
    try {
      summary = (await workload.finished).summary;
    } catch (e) {
      errors.push(`workload: ${e instanceof Error ? e.message : String(e)}`);
    }
  } finally {
    cluster.copyLogs(reportDir);
    await cluster.close();
  }

  let report: CheckReport | null = null;
  let history: HistoryOp[] = [];
  try {
    history = parseHistory(readFileSync(historyFile, "utf8"), historyFile);
    report = check(history);
  } catch (e) {
    errors.push(`history: ${e instanceof Error ? e.message : String(e)}`);
  }
  const withWindows = faultWindows(faults, history, o.settleMs);
  const violations =
    report === null
      ? []
      : Object.entries(report.properties)
          .filter(([, p]) => p.count > 0)
          .map(([name, p]) => `${name}: ${p.count}`);
  const result = {
    options: o,
    startedAt: Number.isFinite(startedAt) ? new Date(startedAt).toISOString() : "",
    valid: report?.valid === true && errors.length === 0,
    violations,
    errors,
    check: report,
    workload: summary,
    faults: withWindows,
    reportDir,
    historyFile,
    markdownFile: join(reportDir, "report.md"),
    jsonFile: join(reportDir, "report.json"),
  } satisfies ChaosResult;
  writeReport(result);
  return result;
}
