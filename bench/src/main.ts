/**
 * `pnpm bench [codec|metadata|produce|replicated]... [--brokers N]`: runs the benchmarks (all by
 * default), prints each figure with its ratio to a baseline measured in the same run, and writes
 * the figures to bench/results/.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, USAGE } from "./args.js";
import { codecWorkloads } from "./codec.js";
import { type Measurement, measure } from "./harness.js";
import { metadataBench } from "./metadata.js";
import { PRODUCE_DEFAULTS, type ProduceBenchOptions, produceBench, REPLICATED_DEFAULTS } from "./produce.js";
import { produceComparisons, produceReport, produceResultName } from "./report.js";

const resultsDir = join(dirname(fileURLToPath(import.meta.url)), "../results");

function write(name: string, figures: unknown): void {
  mkdirSync(resultsDir, { recursive: true });
  const out = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: availableParallelism(),
    // The 1, 5 and 15 minute load averages as the run ends: other work on the machine shows here.
    loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
    ...(figures as object),
  };
  writeFileSync(join(resultsDir, `${name}.json`), `${JSON.stringify(out, null, 2)}\n`);
  console.log(`\nwritten to bench/results/${name}.json`);
}

function codec(): void {
  const results = codecWorkloads().map((w) => measure(w));
  const baseline = results[0] as Measurement;
  console.log("\ncodec");
  const width = Math.max(...results.map((r) => r.name.length));
  for (const r of results) {
    const ratio = r.megabytesPerSecond / baseline.megabytesPerSecond;
    console.log(
      `  ${r.name.padEnd(width)}  ${r.megabytesPerSecond.toFixed(0).padStart(8)} MB/s  ${r.opsPerSecond
        .toFixed(0)
        .padStart(7)} ops/s  ${ratio.toFixed(2).padStart(6)}x baseline`,
    );
  }
  write("codec", {
    codec: results.map((m) => ({
      ...m,
      ratioToBaseline: m.megabytesPerSecond / baseline.megabytesPerSecond,
    })),
  });
}

async function metadata(): Promise<void> {
  const r = await metadataBench({ seconds: 5, concurrency: [1, 8] });
  console.log("\nmetadata quorum (3 voters on loopback, fsync on)");
  console.log(
    `  baseline: append + fsync on the same disk     ${r.baselineFsyncsPerSecond.toFixed(0).padStart(7)} fsyncs/s`,
  );
  for (const run of r.runs) {
    console.log(
      `  committed writes, ${String(run.concurrency).padStart(2)} client(s)             ${run.writesPerSecond
        .toFixed(0)
        .padStart(
          7,
        )} writes/s  p50 ${run.p50Ms.toFixed(1)} ms  p99 ${run.p99Ms.toFixed(1)} ms  ${run.ratioToBaseline.toFixed(2)}x baseline`,
    );
  }
  write("metadata", r);
}

async function produce(workload: "produce" | "replicated", o: ProduceBenchOptions): Promise<void> {
  const r = await produceBench(o);
  const ratios = produceComparisons(r);
  console.log(`\n${produceReport(r, ratios).join("\n")}`);
  write(produceResultName(workload, o.brokers), { ...r, ratios });
}

const parsed = parseArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`${parsed.error}\n${USAGE}`);
  process.exit(2);
}
const { workloads, brokers } = parsed.args;
for (const w of workloads) {
  if (w === "codec") codec();
  else if (w === "metadata") await metadata();
  else if (w === "produce") await produce(w, { ...PRODUCE_DEFAULTS, brokers });
  else await produce(w, REPLICATED_DEFAULTS);
}
