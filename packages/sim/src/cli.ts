import { performance } from "node:perf_hooks";
import { FAULT_KINDS, type FaultKind, replayCommand, runSeed, type SimResult } from "./simulation.js";

/**
 * Runs many seeds, or replays one with a trace.
 *
 *   sim --seeds 2000 [--start 1]      run seeds start .. start+count-1, stop at the first failure
 *   sim --seed 1234 [--trace]         run one seed, printing its trace
 *   options: --voters 1|3|5  --faults drop,crash,...  --unsafe commit-on-minority
 */
function main(argv: string[]): number {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (!a.startsWith("--")) throw new Error(`unexpected argument ${a}`);
    const next = argv[i + 1];
    if (next === undefined || next.startsWith("--")) args.set(a.slice(2), "true");
    else {
      args.set(a.slice(2), next);
      i++;
    }
  }
  const int = (name: string): number | undefined => {
    const v = args.get(name);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < 0)
      throw new Error(`--${name} needs a non-negative integer, got ${v}`);
    return n;
  };
  const voters = int("voters");
  const faultsArg = args.get("faults");
  const faults = faultsArg?.split(",").filter(Boolean) as FaultKind[] | undefined;
  for (const f of faults ?? []) if (!FAULT_KINDS.includes(f)) throw new Error(`unknown fault ${f}`);
  const unsafeArg = args.get("unsafe");
  if (unsafeArg !== undefined && unsafeArg !== "commit-on-minority")
    throw new Error(`unknown --unsafe ${unsafeArg}`);
  const extra = [
    voters !== undefined ? `--voters ${voters}` : "",
    faultsArg ? `--faults ${faultsArg}` : "",
    unsafeArg ? `--unsafe ${unsafeArg}` : "",
  ]
    .filter(Boolean)
    .join(" ");
  const common = {
    ...(voters !== undefined ? { voters } : {}),
    ...(faults ? { faults } : {}),
    ...(unsafeArg ? { unsafe: { commitOnMinority: true } } : {}),
  };

  const one = int("seed");
  if (one !== undefined) {
    const trace = args.has("trace") ? (line: string) => console.log(line) : undefined;
    const r = runSeed({ seed: one, ...common, ...(trace ? { trace } : {}) });
    console.log(summary(r));
    if (!r.ok) console.log(`FAILED: ${r.violation}\nreplay: ${replayCommand(one, extra)}`);
    return r.ok ? 0 : 1;
  }

  const count = int("seeds") ?? 100;
  const start = int("start") ?? 1;
  const t0 = performance.now();
  let events = 0;
  for (let seed = start; seed < start + count; seed++) {
    const r = runSeed({ seed, ...common });
    events += r.events;
    if (!r.ok) {
      console.log(summary(r));
      console.log(`FAILED: seed ${seed}: ${r.violation}\nreplay: ${replayCommand(seed, extra)}`);
      return 1;
    }
  }
  const secs = (performance.now() - t0) / 1000;
  console.log(
    `${count} seeds passed (${start}..${start + count - 1}), ${events} events, ${secs.toFixed(1)}s`,
  );
  return 0;
}

function summary(r: SimResult): string {
  return (
    `seed ${r.seed}: ${r.ok ? "ok" : "VIOLATION"}; ${r.voters} voters; faults [${r.faults.join(",")}]; ` +
    `${r.events} events over ${r.virtualMs}ms; committed ${r.committed}; leader terms ${r.leaderTerms}; ` +
    `crashes ${r.crashes}; messages ${r.messages.sent} sent, ${r.messages.dropped} dropped, ${r.messages.duplicated} duplicated`
  );
}

process.exitCode = main(process.argv.slice(2));
