import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findRepoRoot } from "../src/paths.js";
import { backoffDelay, type FleetEvent, type ProcessSpec, Supervisor } from "../src/supervisor.js";
import { freePort, standInSpec, tempDataDir, waitUntil } from "./helpers.js";

const repoRoot = findRepoRoot();
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A supervisor over a fresh data directory; `specs` may be built from that directory. */
function supervise(
  specs: ProcessSpec[] | ((dataDir: string) => ProcessSpec[]),
  options: { graceMs?: number; initialMs?: number; maxMs?: number } = {},
): { sup: Supervisor; events: FleetEvent[]; dataDir: string } {
  const dataDir = tempDataDir();
  const events: FleetEvent[] = [];
  const sup = new Supervisor({
    repoRoot,
    dataDir,
    specs: typeof specs === "function" ? specs(dataDir) : specs,
    graceMs: options.graceMs ?? 5_000,
    readyPollMs: 50,
    backoff: { initialMs: options.initialMs ?? 100, maxMs: options.maxMs ?? 2_000, resetAfterMs: 60_000 },
    log: (e) => events.push(e),
  });
  cleanups.push(async () => {
    await sup.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { sup, events, dataDir };
}

function startedLine(dataDir: string, name: string): () => true | undefined {
  return () => (readLog(dataDir, name).includes('"msg":"started"') ? true : undefined);
}

function readLog(dataDir: string, name: string): string {
  const path = join(dataDir, "logs", `${name}.log`);
  return existsSync(path) ? readFileSync(path, "utf8") : "";
}

describe("supervisor", () => {
  it("starts every process, reports pids and readiness, and writes each one's output to its own log", async () => {
    const port = await freePort();
    const { sup, dataDir } = supervise([
      standInSpec("voter-1", 0, {}, port),
      standInSpec("voter-2", 0),
      standInSpec("broker-1", 1),
    ]);
    sup.start();
    const status = sup.status();
    expect(status.map((s) => s.name)).toEqual(["voter-1", "voter-2", "broker-1"]);
    for (const s of status) {
      expect(s.state).toBe("running");
      expect(s.pid).toBeGreaterThan(0);
      expect(s.restarts).toBe(0);
      expect(s.log).toBe(join(dataDir, "logs", `${s.name}.log`));
    }
    expect(new Set(status.map((s) => s.pid)).size).toBe(3);
    await waitUntil("voter-1 ready", () => (sup.statusOf("voter-1").ready ? true : undefined));
    expect(sup.statusOf("voter-2").ready).toBeNull();
    for (const name of ["voter-1", "voter-2", "broker-1"]) {
      await waitUntil(`${name} logged`, () =>
        readLog(dataDir, name).includes(`${name}: a line on stderr`) ? true : undefined,
      );
      const log = readLog(dataDir, name);
      expect(log).toContain(`"name":"${name}"`);
      expect(log).toContain(`started pid ${sup.statusOf(name).pid}`);
    }
  });

  it("restarts a killed process after the back-off, counting one restart, with a new pid", async () => {
    const { sup, events, dataDir } = supervise([standInSpec("voter-1", 0), standInSpec("broker-1", 1)]);
    sup.start();
    await waitUntil("started", startedLine(dataDir, "voter-1"));
    const before = sup.statusOf("voter-1");
    const killed = await sup.kill("voter-1");
    expect(killed).toBe(before.pid);
    const during = sup.statusOf("voter-1");
    expect(during.state).toBe("restarting");
    expect(during.pid).toBeNull();
    expect(during.restarts).toBe(1);
    expect(during.lastExit).toMatchObject({ code: null, signal: "SIGKILL" });
    expect(during.nextStartInMs).not.toBeNull();
    const after = await waitUntil("voter-1 running again", () => {
      const s = sup.statusOf("voter-1");
      return s.state === "running" ? s : undefined;
    });
    expect(after.pid).not.toBe(before.pid);
    expect(after.pid).toBeGreaterThan(0);
    expect(after.restarts).toBe(1);
    expect(sup.statusOf("broker-1")).toMatchObject({ state: "running", restarts: 0 });
    expect(
      events.filter((e) => e.process === "voter-1" && e.level === "warn").map((e) => [e.msg, e.signal]),
    ).toEqual([
      ["killing with SIGKILL on request", undefined],
      ["exited unexpectedly; restarting in 100 ms", "SIGKILL"],
    ]);
  });

  it("restarts a process gracefully on request: a new pid, and not counted as a crash", async () => {
    const { sup, dataDir } = supervise((dir) => [
      standInSpec("voter-1", 0, { STANDIN_EVENTS: join(dir, "events") }),
    ]);
    const eventsFile = join(dataDir, "events");
    sup.start();
    await waitUntil("started", startedLine(dataDir, "voter-1"));
    const before = sup.statusOf("voter-1");
    await sup.restart("voter-1");
    const after = sup.statusOf("voter-1");
    expect(after.state).toBe("running");
    expect(after.pid).not.toBe(before.pid);
    expect(after.restarts).toBe(0);
    expect(after.lastExit).toMatchObject({ code: 0, signal: null });
    const lines = readFileSync(eventsFile, "utf8").trim().split("\n");
    expect(lines.slice(0, 3)).toEqual([
      `voter-1 started ${before.pid}`,
      `voter-1 sigterm ${before.pid}`,
      `voter-1 exiting ${before.pid}`,
    ]);
  });

  it("backs off a crash-looping process, doubling the delay up to the maximum", async () => {
    const { sup, events } = supervise(
      [standInSpec("crasher-1", 0, { STANDIN_MODE: "crash" }), standInSpec("steady-1", 0)],
      { initialMs: 50, maxMs: 200 },
    );
    sup.start();
    await waitUntil(
      "five crashes",
      () => (sup.statusOf("crasher-1").restarts >= 5 ? true : undefined),
      30_000,
    );
    const delays = events
      .filter((e) => e.process === "crasher-1" && e.level === "warn")
      .map((e) => Number(/restarting in (\d+) ms/.exec(e.msg)?.[1]));
    expect(delays.slice(0, 5)).toEqual([50, 100, 200, 200, 200]);
    expect(sup.statusOf("crasher-1").lastExit).toMatchObject({ code: 3, signal: null });
    expect(sup.statusOf("steady-1")).toMatchObject({ state: "running", restarts: 0 });
  });

  it("computes back-off delays", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n, 500, 10_000))).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000,
    ]);
    expect(backoffDelay(1_000, 500, 10_000)).toBe(10_000);
  });

  it("reports a missing entry point and keeps supervising the others", async () => {
    const missing: ProcessSpec = {
      name: "broker-1",
      service: "broker",
      entry: "services/no-such-service/src/main.ts",
      tier: 1,
      env: {},
    };
    const { sup, events, dataDir } = supervise([standInSpec("voter-1", 0), missing]);
    sup.start();
    expect(sup.statusOf("broker-1")).toMatchObject({ state: "missing-entry", pid: null, restarts: 0 });
    const report = events.find((e) => e.process === "broker-1" && e.level === "error");
    expect(report?.msg).toBe(
      "entry point services/no-such-service/src/main.ts does not exist; broker-1 is not started",
    );
    await expect(sup.kill("broker-1")).rejects.toThrow(/broker-1 is not running \(state missing-entry\)/);
    // Starting it again re-checks, and reports it again only by state, not by a new error line.
    sup.startProcess("broker-1");
    expect(sup.statusOf("broker-1").state).toBe("missing-entry");
    await waitUntil("started", startedLine(dataDir, "voter-1"));
    await sup.kill("voter-1");
    await waitUntil("voter-1 back", () => (sup.statusOf("voter-1").state === "running" ? true : undefined));
    expect(sup.statusOf("voter-1").restarts).toBe(1);
    await sup.stop();
    expect(sup.statusOf("broker-1").state).toBe("missing-entry");
  });

  it("refuses unknown names, listing the valid ones", async () => {
    const { sup } = supervise([standInSpec("voter-1", 0), standInSpec("broker-1", 1)]);
    await expect(sup.restart("broker-9")).rejects.toThrow(
      'unknown process "broker-9"; the fleet\'s processes are: voter-1, broker-1',
    );
  });

  it("stops the highest tier first, then the next, SIGKILLing what ignores SIGTERM after the grace period", async () => {
    const { sup, dataDir } = supervise(
      (dir) => {
        const env = { STANDIN_EVENTS: join(dir, "events"), STANDIN_EXIT_DELAY_MS: "150" };
        return [
          standInSpec("voter-1", 0, env),
          standInSpec("voter-2", 0, env),
          standInSpec("broker-1", 1, env),
          standInSpec("broker-2", 1, { ...env, STANDIN_MODE: "ignore-term" }),
        ];
      },
      { graceMs: 1_000 },
    );
    const eventsFile = join(dataDir, "events");
    sup.start();
    await waitUntil("all started", () => {
      const text = existsSync(eventsFile) ? readFileSync(eventsFile, "utf8") : "";
      return (text.match(/ started /g) ?? []).length === 4 ? true : undefined;
    });
    await sup.stop();
    for (const s of sup.status()) {
      expect(s.state).toBe("stopped");
      expect(s.pid).toBeNull();
      expect(s.restarts).toBe(0);
    }
    expect(sup.statusOf("broker-2").lastExit).toMatchObject({ signal: "SIGKILL" });
    expect(sup.statusOf("voter-1").lastExit).toMatchObject({ code: 0, signal: null });
    const lines = readFileSync(eventsFile, "utf8")
      .trim()
      .split("\n")
      .filter((l) => !l.includes(" started "))
      .map((l) => l.split(" ").slice(0, 2).join(" "));
    const firstVoter = lines.findIndex((l) => l.startsWith("voter-"));
    const brokerLines = lines.filter((l) => l.startsWith("broker-"));
    // Every broker signal and exit precedes the first voter signal.
    expect(lines.slice(0, firstVoter).sort()).toEqual(brokerLines.sort());
    expect(brokerLines.sort()).toEqual(["broker-1 exiting", "broker-1 sigterm", "broker-2 sigterm"]);
    expect(lines.slice(firstVoter).sort()).toEqual([
      "voter-1 exiting",
      "voter-1 sigterm",
      "voter-2 exiting",
      "voter-2 sigterm",
    ]);
  });

  it("never restarts a process it is stopping, and starts it again on request", async () => {
    const { sup, events, dataDir } = supervise([standInSpec("voter-1", 0)]);
    sup.start();
    await waitUntil("started", startedLine(dataDir, "voter-1"));
    const first = sup.statusOf("voter-1").pid;
    await sup.stopProcess("voter-1");
    expect(sup.statusOf("voter-1")).toMatchObject({
      state: "stopped",
      pid: null,
      restarts: 0,
      nextStartInMs: null,
    });
    expect(events.filter((e) => e.msg.startsWith("exited unexpectedly"))).toEqual([]);
    sup.startProcess("voter-1");
    const again = sup.statusOf("voter-1");
    expect(again.state).toBe("running");
    expect(again.pid).not.toBe(first);
    // A kill during the whole fleet's stop is not answered with a restart either.
    await waitUntil("started again", () =>
      (readLog(dataDir, "voter-1").match(/"msg":"started"/g) ?? []).length === 2 ? true : undefined,
    );
    const stopping = sup.stop();
    await expect(sup.kill("voter-1")).rejects.toThrow(/not running \(state stopping\)/);
    await stopping;
    expect(sup.statusOf("voter-1")).toMatchObject({ state: "stopped", restarts: 0 });
  });
});
