/**
 * A small measuring harness: each workload runs in rounds of a fixed wall-time
 * budget, after a warm-up, and reports the median throughput of the rounds.
 * Workloads are always reported next to a baseline measured in the same run,
 * so the ratio, not the absolute figure, is what compares across machines.
 */
import { performance } from "node:perf_hooks";

export interface Workload {
  readonly name: string;
  /** Bytes one call processes, for MB/s. */
  readonly bytes: number;
  readonly run: () => void;
}

export interface Measurement {
  readonly name: string;
  readonly bytesPerOp: number;
  readonly opsPerSecond: number;
  readonly megabytesPerSecond: number;
}

export interface HarnessOptions {
  /** Wall time of one measured round. */
  readonly roundMs: number;
  readonly rounds: number;
  readonly warmupMs: number;
}

export const DEFAULT_HARNESS: HarnessOptions = { roundMs: 400, rounds: 5, warmupMs: 300 };

function runFor(w: Workload, ms: number): { ops: number; elapsedMs: number } {
  const start = performance.now();
  let ops = 0;
  let now = start;
  // Check the clock every few calls: a call takes tens of microseconds at least.
  while (now - start < ms) {
    for (let i = 0; i < 8; i++) w.run();
    ops += 8;
    now = performance.now();
  }
  return { ops, elapsedMs: now - start };
}

export function measure(w: Workload, opts: HarnessOptions = DEFAULT_HARNESS): Measurement {
  runFor(w, opts.warmupMs);
  const rates: number[] = [];
  for (let r = 0; r < opts.rounds; r++) {
    const { ops, elapsedMs } = runFor(w, opts.roundMs);
    rates.push((ops * 1000) / elapsedMs);
  }
  rates.sort((a, b) => a - b);
  const opsPerSecond = rates[Math.floor(rates.length / 2)] as number;
  return {
    name: w.name,
    bytesPerOp: w.bytes,
    opsPerSecond,
    megabytesPerSecond: (opsPerSecond * w.bytes) / 1e6,
  };
}
