/**
 * Children left behind by a supervisor that died without stopping them (SIGKILL, power loss of
 * the terminal): found through the pid file of the data directory, and stopped before a new
 * supervisor starts, so that they do not hold the fleet's ports and data.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PID_FILE, type PidRecord } from "./supervisor.js";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether `pid` still runs `entry` (so a reused pid is never signalled); false where it cannot tell. */
function runs(pid: number, entry: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").includes(entry);
  } catch {
    return false;
  }
}

export interface Leftover {
  readonly name: string;
  readonly pid: number;
}

async function gone(pid: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (alive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((res) => setTimeout(res, 20));
  }
  return true;
}

/**
 * Stops the children a previous supervisor of `dataDir` recorded, if that supervisor is gone and
 * each pid still runs the recorded entry point: SIGTERM, then SIGKILL after `graceMs`. Returns the
 * processes it stopped. Does nothing while the previous supervisor runs.
 */
export async function reapLeftovers(dataDir: string, graceMs = 15_000): Promise<Leftover[]> {
  const file = join(dataDir, PID_FILE);
  if (!existsSync(file)) return [];
  let record: PidRecord;
  try {
    record = JSON.parse(readFileSync(file, "utf8")) as PidRecord;
  } catch {
    return [];
  }
  if (alive(record.supervisor)) return [];
  const found = (record.children ?? []).filter((c) => alive(c.pid) && runs(c.pid, c.entry));
  const signal = (pid: number, sig: NodeJS.Signals): void => {
    try {
      process.kill(pid, sig);
    } catch {
      // Gone in between.
    }
  };
  for (const c of found) signal(c.pid, "SIGTERM");
  await Promise.all(
    found.map(async (c) => {
      if (!(await gone(c.pid, graceMs))) {
        signal(c.pid, "SIGKILL");
        await gone(c.pid, 5_000);
      }
    }),
  );
  return found.map((c) => ({ name: c.name, pid: c.pid }));
}
