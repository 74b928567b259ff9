import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { reapLeftovers } from "../src/leftovers.js";
import { findRepoRoot } from "../src/paths.js";
import { PID_FILE, type PidRecord, Supervisor } from "../src/supervisor.js";
import { standIn, standInSpec, tempDataDir } from "./helpers.js";

const repoRoot = findRepoRoot();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A pid that ran a moment ago and has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ["-e", ""]);
  return r.pid as number;
}

/** A stand-in started the way the supervisor starts one, but by nobody who will stop it. */
function orphan(): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--conditions=@runnel/source", "--import", import.meta.resolve("tsx"), standIn],
    { cwd: repoRoot, stdio: ["ignore", "pipe", "ignore"], detached: true },
  );
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  return new Promise((resolve) => child.stdout?.once("data", () => resolve(child)));
}

describe("leftovers of a supervisor that died", () => {
  it("records the pid of every running child in the data directory", async () => {
    const dataDir = tempDataDir();
    const sup = new Supervisor({ repoRoot, dataDir, specs: [standInSpec("a-1", 0), standInSpec("b-1", 1)] });
    cleanups.push(async () => {
      await sup.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });
    sup.start();
    const read = (): PidRecord => JSON.parse(readFileSync(join(dataDir, PID_FILE), "utf8")) as PidRecord;
    expect(read()).toEqual({
      supervisor: process.pid,
      children: sup.status().map((s) => ({ name: s.name, pid: s.pid, entry: standIn })),
    });
    await sup.stopProcess("a-1");
    expect(read().children.map((c) => c.name)).toEqual(["b-1"]);
  });

  it("stops the recorded children of a dead supervisor that still run their entry point, and nothing else", async () => {
    const dataDir = tempDataDir();
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const left = await orphan();
    const other = await orphan();
    const exited = new Promise((resolve) => left.once("exit", (code, signal) => resolve({ code, signal })));
    const record: PidRecord = {
      supervisor: deadPid(),
      children: [
        { name: "voter-1", pid: left.pid as number, entry: standIn },
        // A pid that now runs something else is never signalled.
        { name: "voter-2", pid: other.pid as number, entry: join(repoRoot, "services/other/src/main.ts") },
        { name: "voter-3", pid: deadPid(), entry: standIn },
      ],
    };
    writeFileSync(join(dataDir, PID_FILE), JSON.stringify(record));
    expect(await reapLeftovers(dataDir, 5_000)).toEqual([{ name: "voter-1", pid: left.pid }]);
    // The stand-in exits 0 on SIGTERM: it was stopped gracefully.
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(other.exitCode).toBeNull();
  });

  it("leaves everything alone while the recording supervisor runs, or when nothing was recorded", async () => {
    const dataDir = tempDataDir();
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    expect(await reapLeftovers(dataDir)).toEqual([]);
    const child = await orphan();
    writeFileSync(
      join(dataDir, PID_FILE),
      JSON.stringify({
        supervisor: process.pid,
        children: [{ name: "x-1", pid: child.pid, entry: standIn }],
      }),
    );
    expect(await reapLeftovers(dataDir)).toEqual([]);
    expect(child.exitCode).toBeNull();
  });
});
