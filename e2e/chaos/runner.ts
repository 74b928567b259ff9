/**
 * `pnpm chaos`: a chaos run from the command line (see run.ts and README.md).
 *
 *   pnpm chaos [--minutes N] [--replication-factor N] [--faults KIND,...] [--report DIR]
 *
 * Exits 0 when every property of the history holds, 1 on any violation, 2
 * when the run itself could not be done (bad options, a cluster or workload
 * that failed, a fault that could not be healed).
 */
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { repoRoot } from "../harness/process.js";
import { FAULT_DESCRIPTIONS, FAULT_KINDS, type FaultKind } from "./faults/kinds.js";
import { formatGap } from "./report.js";
import { runChaos } from "./run.js";

const usage = `usage: pnpm chaos [options]

  --minutes N              how long the workload runs (default 1; fractions allowed)
  --replication-factor N   replicas per partition, 1 to 3 (default 3); min.insync.replicas is min(2, N)
  --faults KIND,...        the faults injected in turn (default all):
${FAULT_KINDS.map((k) => `                             ${k}: ${FAULT_DESCRIPTIONS[k]}`).join("\n")}
  --report DIR             where report.md, report.json, the history and the logs go
                           (default .data/chaos/<time>)
  --hold-ms N              how long each fault stays in place (default 3000)
  --settle-ms N            at least this long after each heal before the next fault (default 3000)
  --rate N                 sends a second (default 200)

partition needs root (network namespaces); slow-disk needs gcc.`;

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

function positiveNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) fail(`--${name} must be a positive number, not ${value}`);
  return n;
}

async function main(): Promise<void> {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      options: {
        minutes: { type: "string" },
        "replication-factor": { type: "string" },
        faults: { type: "string" },
        report: { type: "string" },
        "hold-ms": { type: "string" },
        "settle-ms": { type: "string" },
        rate: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }).values;
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  if (values.help === true) {
    console.log(usage);
    return;
  }
  const str = (k: string) => values[k] as string | undefined;
  const minutes = positiveNumber("minutes", str("minutes"), 1);
  const replicationFactor = positiveNumber("replication-factor", str("replication-factor"), 3);
  let faults = (str("faults") ?? FAULT_KINDS.join(","))
    .split(",")
    .map((f) => f.trim())
    .filter((f) => f !== "");
  if (str("faults") === undefined && replicationFactor < 2) {
    console.log("chaos: no kill-follower: with replication factor 1 there is no follower");
    faults = faults.filter((f) => f !== "kill-follower");
  }
  for (const f of faults)
    if (!(FAULT_KINDS as readonly string[]).includes(f)) fail(`unknown fault kind ${f}`);
  const stamp = new Date().toISOString().replaceAll(":", "").replace(/\..*/, "");
  const reportDir = resolve(str("report") ?? join(repoRoot, ".data/chaos", stamp));
  // Ctrl-C ends the run cleanly: the fault in place is healed and every process stopped.
  // A second one exits at once.
  const interrupt = new AbortController();
  process.once("SIGINT", () => {
    console.error("chaos: interrupted; healing the fault in place and stopping the cluster");
    interrupt.abort();
  });
  let result: Awaited<ReturnType<typeof runChaos>>;
  try {
    result = await runChaos({
      seconds: Math.round(minutes * 60),
      replicationFactor,
      faults: faults as FaultKind[],
      reportDir,
      holdMs: positiveNumber("hold-ms", str("hold-ms"), 3_000),
      settleMs: positiveNumber("settle-ms", str("settle-ms"), 3_000),
      rate: positiveNumber("rate", str("rate"), 200),
      log: (line) => console.log(line),
      signal: interrupt.signal,
    });
  } catch (e) {
    console.error(`chaos: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  }
  const c = result.check;
  if (c !== null)
    console.log(
      `chaos: ${c.sends.invoked} sends (${c.sends.ok} ok, ${c.sends.fail} fail, ${c.sends.info} info, ${c.sends.unfinished} unfinished), ${c.reads.polls} polls, ${c.reads.drains} drain, ${c.reads.records} records read`,
    );
  for (const f of result.faults)
    console.log(
      `chaos: fault ${f.index} ${f.kind} (${f.target}): longest gap between acks ${formatGap(f.unavailability)}, on one partition ${f.partitionUnavailability === null ? "-" : `${f.partitionUnavailability.partition}: ${formatGap(f.partitionUnavailability)}`}; ${f.acksAfterHeal} acks after the heal`,
    );
  for (const v of result.violations) console.log(`chaos: VIOLATED ${v}`);
  for (const e of result.errors) console.log(`chaos: ERROR ${e}`);
  console.log(`chaos: ${result.valid ? "PASS" : "FAIL"}; report: ${result.markdownFile}`);
  process.exit(result.violations.length > 0 ? 1 : result.errors.length > 0 ? 2 : 0);
}

void main();
