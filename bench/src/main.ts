/**
 * `pnpm bench`: runs every benchmark, prints MB/s and the ratio to the
 * baseline measured in the same run, and writes the figures to bench/results/.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { codecWorkloads } from "./codec.js";
import { type Measurement, measure } from "./harness.js";

const resultsDir = join(dirname(fileURLToPath(import.meta.url)), "../results");

function report(title: string, results: Measurement[]): void {
  const baseline = results[0] as Measurement;
  console.log(`\n${title}`);
  const width = Math.max(...results.map((r) => r.name.length));
  for (const r of results) {
    const ratio = r.megabytesPerSecond / baseline.megabytesPerSecond;
    console.log(
      `  ${r.name.padEnd(width)}  ${r.megabytesPerSecond.toFixed(0).padStart(8)} MB/s  ${r.opsPerSecond
        .toFixed(0)
        .padStart(7)} ops/s  ${ratio.toFixed(2).padStart(6)}x baseline`,
    );
  }
}

function main(): void {
  const codec = codecWorkloads().map((w) => measure(w));
  report("codec", codec);
  mkdirSync(resultsDir, { recursive: true });
  const out = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    codec: codec.map((m) => ({
      ...m,
      ratioToBaseline: m.megabytesPerSecond / (codec[0] as Measurement).megabytesPerSecond,
    })),
  };
  const file = join(resultsDir, "codec.json");
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`\nwritten to bench/results/codec.json`);
}

main();
