/**
 * Runs the franz-go chaos workload (e2e/peers/franz-go/chaos.go): one
 * idempotent producer (acks=all, unbounded retries) and one read_committed
 * consumer assigned every partition of a topic from the log start, for a
 * given time, then a drain of every partition to its end offset. It records
 * every send, poll and the drain in the history format of history.ts.
 *
 * `startWorkload` returns at once with the time 0 of the history (so that a
 * test can line its faults up with the history's times) and a promise of
 * the end; `runWorkload` waits for the end and returns the history's path.
 * The client's own log (warnings, or the level FRANZGO_CHAOS_LOG names:
 * error, warn, info, debug) goes to HISTORY_FILE.client.log.
 */
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { repoRoot } from "../harness/process.js";

/** The built franz-go driver (e2e/peers/install.sh builds it). */
export const franzGoDriver = join(repoRoot, ".peers/franz-go/franzgo");

export interface WorkloadOptions {
  readonly bootstrap: string;
  readonly topic: string;
  /** How long the producer and consumer run, before the drain. */
  readonly seconds: number;
  /** Where the history is written (created, or truncated). */
  readonly historyFile: string;
  /** Sends a second, spread round robin over the partitions; default 200. */
  readonly rate?: number;
}

/** What the driver reported when it ended (its "chaos-done" line). */
export interface WorkloadSummary {
  readonly sends: number;
  readonly ok: number;
  readonly fail: number;
  readonly info: number;
  readonly polls: number;
  readonly pollRecords: number;
  readonly drained: number;
  readonly drainError?: string;
}

export interface RunningWorkload {
  /** The wall-clock time (ms since the epoch) of the history's time 0. */
  readonly started: Promise<number>;
  /** Resolves with the history's path and the driver's summary once it exits cleanly. */
  readonly finished: Promise<{ historyFile: string; summary: WorkloadSummary }>;
  /** Kills the driver (SIGKILL); the history keeps what was written. */
  kill(): void;
}

export function startWorkload(o: WorkloadOptions): RunningWorkload {
  const args = [o.bootstrap, "chaos", o.topic, String(o.seconds), o.historyFile];
  if (o.rate !== undefined) args.push(String(o.rate));
  const child = spawn(franzGoDriver, args, { stdio: ["ignore", "pipe", "pipe"] });
  const events: Record<string, unknown>[] = [];
  let stderr = "";
  const clientLog = createWriteStream(`${o.historyFile}.client.log`);
  child.stderr.on("data", (b: Buffer) => {
    clientLog.write(b);
    stderr = (stderr + b.toString()).slice(-4000);
  });
  let onStart: (t: number) => void = () => {};
  const started = new Promise<number>((resolve) => {
    onStart = resolve;
  });
  createInterface({ input: child.stdout }).on("line", (text) => {
    let e: Record<string, unknown>;
    try {
      e = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return;
    }
    events.push(e);
    if (e.event === "chaos-start" && typeof e.epochMs === "number") onStart(e.epochMs);
  });
  const finished = new Promise<{ historyFile: string; summary: WorkloadSummary }>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clientLog.end();
      const done = events.find((e) => e.event === "chaos-done");
      const error = events.find((e) => e.event === "error");
      if (code === 0 && done !== undefined) {
        resolve({ historyFile: o.historyFile, summary: done as unknown as WorkloadSummary });
        return;
      }
      reject(
        new Error(
          `chaos workload exited (code ${code}, signal ${signal})${error ? `: ${String(error.message)}` : ""}${stderr ? `\n${stderr}` : ""}`,
        ),
      );
    });
  });
  // A driver that fails before it starts must not leave `started` pending forever.
  finished.catch(() => {}).finally(() => onStart(Number.NaN));
  return { started, finished, kill: () => child.kill("SIGKILL") };
}

/** Runs the workload to its end and returns the history's path. */
export async function runWorkload(o: WorkloadOptions): Promise<string> {
  return (await startWorkload(o).finished).historyFile;
}
