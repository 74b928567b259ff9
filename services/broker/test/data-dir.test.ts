/**
 * The broker's hold on its data directory: one live process at a time, stale
 * locks of dead processes taken over (by exactly one of several processes
 * starting at once), and the incarnation id of the previous process handed to
 * the next one.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  DataDirLockedError,
  INCARNATION_FILE,
  LOCK_FILE,
  openDataDir,
  processAlive,
} from "../src/data-dir.js";

let root: string;
let dir: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "runnel-data-dir-"));
  dir = join(root, "broker-1");
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function id(n: number): Uint8Array {
  return Uint8Array.from({ length: 16 }, (_, i) => (n * 31 + i) & 0xff);
}

const hex = (bytes: Uint8Array) => `${Buffer.from(bytes).toString("hex")}\n`;

/** Processes are simulated by pid; `live` says which ones still run. */
function world(live: Iterable<number>) {
  const alive = new Set(live);
  return {
    alive,
    open: (pid: number, incarnation: Uint8Array) =>
      openDataDir(dir, incarnation, { pid, isAlive: (p) => alive.has(p) }),
  };
}

describe("openDataDir", () => {
  it("creates the directory, locks it and records the incarnation; release keeps the record", async () => {
    const d = await openDataDir(dir, id(1), { pid: 4242, isAlive: () => true });
    expect(d.previousIncarnationId).toBeUndefined();
    expect(await readFile(join(dir, LOCK_FILE), "utf8")).toBe("4242\n");
    expect(await readFile(join(dir, INCARNATION_FILE), "utf8")).toBe(hex(id(1)));
    await d.release();
    await d.release();
    expect((await readdir(dir)).sort()).toEqual([INCARNATION_FILE]);

    const next = await openDataDir(dir, id(2), { pid: 4243, isAlive: () => true });
    expect(next.previousIncarnationId).toEqual(id(1));
    expect(await readFile(join(dir, INCARNATION_FILE), "utf8")).toBe(hex(id(2)));
    await next.release();
  });

  it("refuses a second process while the holder lives, and leaves the record alone", async () => {
    const w = world([1001, 1002]);
    const first = await w.open(1001, id(1));
    const second = w.open(1002, id(2));
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(second).rejects.toMatchObject({ holderPid: 1001 });
    await expect(second).rejects.toThrow(join(dir, LOCK_FILE));
    expect(await readFile(join(dir, INCARNATION_FILE), "utf8")).toBe(hex(id(1)));
    expect(await readFile(join(dir, LOCK_FILE), "utf8")).toBe("1001\n");
    await first.release();
    const third = await w.open(1002, id(3));
    expect(third.previousIncarnationId).toEqual(id(1));
    await third.release();
  });

  it("refuses to open a directory twice from one process", async () => {
    const d = await openDataDir(dir, id(1));
    await expect(openDataDir(dir, id(2))).rejects.toBeInstanceOf(DataDirLockedError);
    await d.release();
  });

  it("takes over the lock of a dead process and hands on its incarnation id", async () => {
    const w = world([1001, 1002]);
    const crashed = await w.open(1001, id(1));
    w.alive.delete(1001); // kill -9: the lock stays behind
    const restarted = await w.open(1002, id(2));
    expect(restarted.previousIncarnationId).toEqual(id(1));
    expect(await readFile(join(dir, LOCK_FILE), "utf8")).toBe("1002\n");
    // The dead holder's release (had it run late) must not free the new holder's lock.
    await crashed.release();
    expect(await readFile(join(dir, LOCK_FILE), "utf8")).toBe("1002\n");
    await restarted.release();
  });

  it("counts a lock naming no process, or this process's own pid, as stale", async () => {
    for (const content of ["", "garbage\n", `${process.pid}\n`]) {
      await rm(dir, { recursive: true, force: true });
      await openDataDir(dir, id(9)).then((d) => d.release());
      await writeFile(join(dir, LOCK_FILE), content);
      const d = await openDataDir(dir, id(10));
      expect(d.previousIncarnationId).toEqual(id(9));
      expect(await readFile(join(dir, LOCK_FILE), "utf8")).toBe(`${process.pid}\n`);
      await d.release();
    }
  });

  it("gets past a takeover guard left by a process that died while taking over", async () => {
    await openDataDir(dir, id(1), { pid: 1001 });
    await writeFile(join(dir, `${LOCK_FILE}.takeover`), "1003\n");
    const w = world([1002]);
    const d = await w.open(1002, id(2));
    expect(d.previousIncarnationId).toEqual(id(1));
    expect(await readdir(dir)).not.toContain(`${LOCK_FILE}.takeover`);
    await d.release();
  });

  it("gives a stale lock to exactly one of many processes starting at once", async () => {
    for (let round = 0; round < 20; round++) {
      await rm(dir, { recursive: true, force: true });
      const contenders = Array.from({ length: 6 }, (_, i) => 2000 + i);
      const w = world(contenders);
      await w.open(1000 + round, id(0)); // its process dies holding the lock
      const results = await Promise.allSettled(contenders.map((pid, i) => w.open(pid, id(i + 1))));
      const winners = results.flatMap((r, i) => (r.status === "fulfilled" ? [contenders[i]] : []));
      expect(winners).toHaveLength(1);
      for (const r of results) {
        if (r.status === "rejected") expect(r.reason).toBeInstanceOf(DataDirLockedError);
      }
      expect(await readFile(join(dir, LOCK_FILE), "utf8")).toBe(`${winners[0]}\n`);
      const winner = results.find((r) => r.status === "fulfilled");
      if (winner?.status === "fulfilled") {
        expect(winner.value.previousIncarnationId).toEqual(id(0));
        await winner.value.release();
      }
    }
  });

  it("goes on without a previous incarnation when its file is damaged, and rewrites it", async () => {
    await openDataDir(dir, id(1)).then((d) => d.release());
    await writeFile(join(dir, INCARNATION_FILE), "not hex\n");
    const d = await openDataDir(dir, id(2));
    expect(d.previousIncarnationId).toBeUndefined();
    expect(await readFile(join(dir, INCARNATION_FILE), "utf8")).toBe(hex(id(2)));
    await d.release();
  });

  it("checks liveness of real processes: a live holder refuses, a killed one is taken over", async () => {
    const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    const pid = child.pid as number;
    try {
      await openDataDir(dir, id(1), { pid }); // as that process would
      expect(processAlive(pid)).toBe(true);
      await expect(openDataDir(dir, id(2))).rejects.toMatchObject({ holderPid: pid });
    } finally {
      child.kill("SIGKILL");
      await exited;
    }
    expect(processAlive(pid)).toBe(false);
    const d = await openDataDir(dir, id(2));
    expect(d.previousIncarnationId).toEqual(id(1));
    await d.release();
  });
});
