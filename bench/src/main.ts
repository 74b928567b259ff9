/**
 * `pnpm bench [codec|metadata|produce]... [--brokers N]`: runs the benchmarks (all by default),
 * prints each figure with its ratio to a baseline measured in the same run,
 * and writes the figures to bench/results/.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { codecWorkloads } from "./codec.js";
import { type Measurement, measure } from "./harness.js";
import { metadataBench } from "./metadata.js";
import { PRODUCE_DEFAULTS, produceBench, type TargetResult } from "./produce.js";

const resultsDir = join(dirname(fileURLToPath(import.meta.url)), "../results");

function write(name: string, figures: unknown): void {
  mkdirSync(resultsDir, { recursive: true });
  const out = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
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

async function produce(brokers: number): Promise<void> {
  const r = await produceBench({ ...PRODUCE_DEFAULTS, brokers });
  const o = r.options;
  console.log(
    `\nproduce/consume (Java client, ${o.recordBytes} B records, ${o.partitions} partitions, acks=all, RF 1)`,
  );
  const line = (t: TargetResult): void => {
    const th = t.throughput;
    const la = t.latency;
    console.log(`  ${t.target}`);
    console.log(
      `    throughput: produce ${th.produceMBps.toFixed(1)} MB/s (${th.produceRecordsPerSecond} records/s), consume ${th.consumeMBps.toFixed(1)} MB/s`,
    );
    console.log(
      `    end-to-end at ${la.targetRate} records/s: p50 ${la.endToEndMs.p50.toFixed(1)} ms  p99 ${la.endToEndMs.p99.toFixed(1)} ms  p99.9 ${la.endToEndMs.p999.toFixed(1)} ms (ack p99 ${la.ackMs.p99.toFixed(1)} ms)`,
    );
  };
  line(r.baseline);
  line(r.runnel);
  const ratios = {
    produceMBps: r.runnel.throughput.produceMBps / r.baseline.throughput.produceMBps,
    consumeMBps: r.runnel.throughput.consumeMBps / r.baseline.throughput.consumeMBps,
    endToEndP99: r.runnel.latency.endToEndMs.p99 / r.baseline.latency.endToEndMs.p99,
    endToEndP999: r.runnel.latency.endToEndMs.p999 / r.baseline.latency.endToEndMs.p999,
  };
  console.log(
    `  Runnel / Kafka: produce ${ratios.produceMBps.toFixed(2)}x, consume ${ratios.consumeMBps.toFixed(2)}x MB/s; end-to-end p99 ${ratios.endToEndP99.toFixed(2)}x, p99.9 ${ratios.endToEndP999.toFixed(2)}x (latency: lower is better)`,
  );
  write(brokers === 1 ? "produce" : `produce-${brokers}-brokers`, { ...r, ratios });
}

const args = process.argv.slice(2);
const brokersAt = args.indexOf("--brokers");
const brokers = brokersAt >= 0 ? Number(args[brokersAt + 1]) : 1;
if (!Number.isInteger(brokers) || brokers < 1 || brokers > 3) {
  console.error("--brokers must be 1, 2 or 3");
  process.exit(2);
}
const selected = args.filter((a, i) => !a.startsWith("--") && (brokersAt < 0 || i !== brokersAt + 1));
const all = selected.length === 0;
if (all || selected.includes("codec")) codec();
if (all || selected.includes("metadata")) await metadata();
if (all || selected.includes("produce")) await produce(brokers);
