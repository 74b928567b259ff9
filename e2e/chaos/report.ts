/**
 * The report of a chaos run (run.ts): the fault timeline lined up with the
 * history's acknowledgements, and the whole result written as report.md (for
 * people) and report.json (for tools) in the run's report folder.
 *
 * A fault's unavailability is the longest gap between consecutive
 * acknowledgements (send `ok` times in the history) that overlaps the window
 * from its injection until its heal plus the settle time: the first gap starts
 * at the injection, the last may end at the first acknowledgement after the
 * window, though not past the next fault's injection (a gap still open then
 * is cut there and marked so). No acknowledgement after the last fault at all
 * leaves it open-ended.
 * It is measured over all acknowledgements (how long the producer as a whole
 * got none) and per partition (the longest any one partition got none: with
 * one replica, the partitions of a killed broker wait while the others go on).
 */
import { writeFileSync } from "node:fs";
import { type CheckReport, PROPERTIES } from "./checker.js";
import { FAULT_DESCRIPTIONS, type FaultKind } from "./faults/kinds.js";
import type { HistoryOp } from "./history.js";
import type { WorkloadSummary } from "./workload.js";

export interface ResolvedOptions {
  readonly seconds: number;
  readonly faults: readonly FaultKind[];
  readonly replicationFactor: number;
  readonly minInsyncReplicas: number;
  readonly topic: string;
  readonly partitions: number;
  readonly rate: number;
  readonly warmupMs: number;
  readonly holdMs: number;
  readonly settleMs: number;
  readonly settleTimeoutMs: number;
  readonly slowDiskMs: number;
}

/** One fault as it happened; times are ms of the history's time (since the workload began). */
export interface FaultRecord {
  /** 1, 2, ... in the order injected. */
  readonly index: number;
  readonly kind: FaultKind;
  /** Which process, and why it was chosen (what it led or followed). */
  readonly target: string;
  readonly targetProcess: "broker" | "metadata-voter";
  /** The broker's node id, or the voter's id. */
  readonly targetId: number;
  readonly injectedAt: number;
  /** When the heal began (after the hold): a restart, SIGCONT, the partition lifted, the disk back to speed. */
  readonly healStartedAt: number;
  /** When the heal was done (for a restart: the process ready again). */
  readonly healedAt: number;
  /** When every broker was seen whole again (see ChaosCluster.healthy); null if not within the settle timeout. */
  readonly wholeAt: number | null;
  /** When the next fault could start. */
  readonly settledAt: number;
}

export interface FaultWindow extends FaultRecord {
  /** The longest gap between any two acknowledgements around the fault (the producer as a whole). */
  readonly unavailability: Gap;
  /** The longest gap between acknowledgements of one partition around the fault, and which; null without acknowledgements. */
  readonly partitionUnavailability: (Gap & { readonly partition: number }) | null;
  /** Acknowledgements between injection and heal. */
  readonly acksDuring: number;
  /** Acknowledgements after the heal, up to the next fault's injection or the end of the history. */
  readonly acksAfterHeal: number;
}

export interface ChaosResult {
  readonly options: ResolvedOptions;
  /** Wall-clock start of the history's time 0 (ISO 8601); "" if the workload never started. */
  readonly startedAt: string;
  /** No property violated and no error. */
  readonly valid: boolean;
  /** Violated properties, one line each with the count. */
  readonly violations: readonly string[];
  /** What went wrong running the cluster, the faults or the workload (not the history's properties). */
  readonly errors: readonly string[];
  readonly check: CheckReport | null;
  readonly workload: WorkloadSummary | null;
  readonly faults: readonly FaultWindow[];
  readonly reportDir: string;
  readonly historyFile: string;
  readonly markdownFile: string;
  readonly jsonFile: string;
}

/** Acknowledgement times of the history, ascending, each with its partition. */
export function acknowledgements(history: readonly HistoryOp[]): { time: number; partition: number }[] {
  const out: { time: number; partition: number }[] = [];
  for (const op of history)
    if (op.f === "send" && op.type === "ok") out.push({ time: op.time, partition: op.partition });
  return out.sort((a, b) => a.time - b.time);
}

export interface Gap {
  readonly from: number;
  /** null: no acknowledgement came after the fault (before the next fault, if `cut`). */
  readonly to: number | null;
  /** null with `to`; with `cut`, a lower bound. */
  readonly ms: number | null;
  /** The gap was still open when the next fault began; it is measured up to then. */
  readonly cut: boolean;
}

/**
 * The longest gap between consecutive times (ascending) in [from, until],
 * counted from `from` (not from the last time before it, which may belong to
 * an earlier fault) and running on to the first time after `until`, but no
 * further than `cutoff` (the next fault's injection: what follows is that
 * fault's). Times are rounded to whole ms.
 */
export function longestGap(
  times: readonly number[],
  from: number,
  until: number,
  cutoff = Number.POSITIVE_INFINITY,
): Gap {
  let prev = from;
  let best: Gap | null = null;
  for (const t of times) {
    if (t <= from) continue;
    const cut = t > cutoff;
    const end = cut ? cutoff : t;
    if (best === null || (best.ms as number) < end - prev)
      best = { from: Math.round(prev), to: Math.round(end), ms: Math.round(end - prev), cut };
    prev = t;
    if (t >= until || cut) break;
  }
  if (best !== null) return best;
  // No acknowledgement after `from`: open-ended, or, before a next fault, at least until it.
  return Number.isFinite(cutoff)
    ? { from: Math.round(from), to: Math.round(cutoff), ms: Math.round(cutoff - from), cut: true }
    : { from: Math.round(from), to: null, ms: null, cut: false };
}

/** Whether gap `a` is longer than `b` (an open-ended gap is the longest). */
function longer(a: Gap, b: Gap): boolean {
  if (a.ms === null) return b.ms !== null || a.from < b.from;
  return b.ms !== null && a.ms > b.ms;
}

/** Each fault with its unavailability and the acknowledgements during and after it. */
export function faultWindows(
  faults: readonly FaultRecord[],
  history: readonly HistoryOp[],
  settleMs: number,
): FaultWindow[] {
  const acks = acknowledgements(history);
  const times = acks.map((a) => a.time);
  const byPartition = new Map<number, number[]>();
  for (const a of acks) byPartition.set(a.partition, [...(byPartition.get(a.partition) ?? []), a.time]);
  return faults.map((f, i) => {
    const until = f.healedAt + settleMs;
    const nextFault = faults[i + 1]?.injectedAt ?? Number.POSITIVE_INFINITY;
    let partitionUnavailability: FaultWindow["partitionUnavailability"] = null;
    for (const [partition, ts] of [...byPartition].sort((x, y) => x[0] - y[0])) {
      const g = longestGap(ts, f.injectedAt, until, nextFault);
      if (partitionUnavailability === null || longer(g, partitionUnavailability))
        partitionUnavailability = { partition, ...g };
    }
    return {
      ...f,
      unavailability: longestGap(times, f.injectedAt, until, nextFault),
      partitionUnavailability,
      acksDuring: times.filter((t) => t > f.injectedAt && t <= f.healedAt).length,
      acksAfterHeal: times.filter((t) => t > f.healedAt && t <= nextFault).length,
    };
  });
}

const s = (ms: number | null): string => (ms === null ? "-" : (ms / 1000).toFixed(1));
/** A gap for people: its length and when, or that no acknowledgement came. */
export const formatGap = (g: Gap): string =>
  g.ms === null
    ? `none after ${s(g.from)} s`
    : `${g.cut ? "at least " : ""}${g.ms} ms (${s(g.from)}-${s(g.to)} s${g.cut ? ", still open at the next fault" : ""})`;

/** The report as markdown. */
export function formatMarkdown(r: ChaosResult): string {
  const o = r.options;
  const out = [
    `# Chaos run: ${r.valid ? "PASS" : "FAIL"}`,
    "",
    `- started ${r.startedAt || "(the workload did not start)"}; ${o.seconds} s of workload at ${o.rate} sends/s`,
    `- topic \`${o.topic}\`: ${o.partitions} partitions, replication factor ${o.replicationFactor}, min.insync.replicas ${o.minInsyncReplicas}; 3 metadata voters, 3 brokers (zones a, b, c)`,
    `- faults in turn: ${o.faults.join(", ")}; warm-up ${o.warmupMs} ms, hold ${o.holdMs} ms, settle at least ${o.settleMs} ms${o.faults.includes("slow-disk") ? `, slow disk ${o.slowDiskMs} ms per write or sync` : ""}`,
    "- history: `history.jsonl` (check it again with `npx tsx e2e/chaos/check.ts history.jsonl`); client log: `history.jsonl.client.log`; process logs: `logs/`",
    "",
  ];
  if (r.errors.length > 0) out.push("## Errors", "", ...r.errors.map((e) => `- ${e}`), "");
  out.push("## Properties", "");
  if (r.check === null) out.push("The history could not be checked (see the errors).", "");
  else {
    out.push("| property | violations | first example |", "|---|---:|---|");
    for (const p of PROPERTIES) {
      const res = r.check.properties[p];
      out.push(`| ${p} | ${res.count} | ${res.examples[0]?.message.replaceAll("|", "\\|") ?? ""} |`);
    }
    const c = r.check;
    out.push(
      "",
      "## Counts",
      "",
      "| sends | ok | fail | info | unfinished | recovered (indeterminate, then read) | unverified (acknowledged, never read) |",
      "|---:|---:|---:|---:|---:|---:|---:|",
      `| ${c.sends.invoked} | ${c.sends.ok} | ${c.sends.fail} | ${c.sends.info} | ${c.sends.unfinished} | ${c.sends.recovered} | ${c.sends.unverified} |`,
      "",
      `Reads: ${c.reads.polls} polls, ${c.reads.drains} drain${c.reads.drains === 1 ? "" : "s"}, ${c.reads.records} records read${r.workload !== null ? ` (the drain read ${r.workload.drained})` : ""}.`,
      "",
    );
  }
  out.push("## Faults", "");
  if (r.faults.length === 0) out.push("No fault was injected.", "");
  else {
    out.push(
      "Times in seconds since the workload began. Unavailability: the longest gap between acknowledgements from the fault until its heal plus the settle time, over all partitions and on any one partition.",
      "",
      "| # | kind | target | injected | heal began | healed | whole again | unavailability (all acks) | longest gap of one partition | acks during | acks after heal |",
      "|---:|---|---|---:|---:|---:|---:|---|---|---:|---:|",
    );
    for (const f of r.faults) {
      const p = f.partitionUnavailability;
      out.push(
        `| ${f.index} | ${f.kind} | ${f.target} | ${s(f.injectedAt)} | ${s(f.healStartedAt)} | ${s(f.healedAt)} | ${s(f.wholeAt)} | ${formatGap(f.unavailability)} | ${p === null ? "-" : `partition ${p.partition}: ${formatGap(p)}`} | ${f.acksDuring} | ${f.acksAfterHeal} |`,
      );
    }
    out.push(
      "",
      ...[...new Set(r.faults.map((f) => f.kind))].map((k) => `- ${k}: ${FAULT_DESCRIPTIONS[k]}`),
      "",
    );
  }
  return out.join("\n");
}

/** Writes report.md and report.json into the result's report folder. */
export function writeReport(r: ChaosResult): void {
  writeFileSync(r.markdownFile, formatMarkdown(r));
  writeFileSync(r.jsonFile, `${JSON.stringify(r, null, 2)}\n`);
}
