import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import {
  type ControlServer,
  type FleetStatus,
  findRepoRoot,
  Supervisor,
  startControlServer,
} from "@runnel/fleet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FLEET_STATUS_HEADER, fleetCommand, formatUptime } from "../src/fleet.js";

const idle = join(dirname(fileURLToPath(import.meta.url)), "fixtures", "idle-service.ts");
const repoRoot = findRepoRoot();
const dataDir = mkdtempSync(join(tmpdir(), "runnel-cli-fleet-"));
let sup: Supervisor;
let control: ControlServer;

beforeAll(async () => {
  sup = new Supervisor({
    repoRoot,
    dataDir,
    specs: [
      { name: "metadata-1", service: "metadata", entry: idle, tier: 0, env: {} },
      { name: "broker-1", service: "broker", entry: idle, tier: 1, env: {} },
      { name: "proxy-1", service: "proxy", entry: "services/not-yet/src/main.ts", tier: 2, env: {} },
    ],
    graceMs: 5_000,
    backoff: { initialMs: 100, maxMs: 1_000 },
  });
  control = await startControlServer(sup, 0);
  sup.start();
});

afterAll(async () => {
  await sup.stop();
  await control.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs `runnel fleet <argv>` in-process against the test supervisor. */
async function run(
  argv: string[],
  output: "table" | "json" = "table",
  address = control.address,
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await fleetCommand(argv[0], argv.slice(1), {
    control: address,
    output,
    timeoutMs: 3_000,
    out: (t) => out.push(t),
    err: (t) => err.push(t),
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function statusJson(): Promise<FleetStatus> {
  return JSON.parse((await run(["status"], "json")).out) as FleetStatus;
}

describe("runnel fleet", () => {
  it("shows every process in a table", async () => {
    const { code, out } = await run(["status"]);
    expect(code).toBe(0);
    const [header, ...rows] = out.split("\n");
    expect(header?.split(/\s{2,}/)).toEqual(FLEET_STATUS_HEADER);
    expect(rows.map((r) => r.split(/\s{2,}/).slice(0, 4))).toEqual([
      ["metadata-1", "running", "-", String(sup.statusOf("metadata-1").pid)],
      ["broker-1", "running", "-", String(sup.statusOf("broker-1").pid)],
      ["proxy-1", "missing-entry", "-", "-"],
    ]);
    expect(rows[0]).toContain(join(dataDir, "logs", "metadata-1.log"));
  });

  it("shows the same as JSON", async () => {
    const status = await statusJson();
    expect(status.processes.map((p) => [p.name, p.state, p.restarts])).toEqual([
      ["metadata-1", "running", 0],
      ["broker-1", "running", 0],
      ["proxy-1", "missing-entry", 0],
    ]);
  });

  it("kills a process, which comes back with a new pid and one restart", async () => {
    const before = sup.statusOf("broker-1").pid;
    const { code, out } = await run(["kill", "broker-1"]);
    expect(code).toBe(0);
    expect(out).toMatch(
      new RegExp(`^killed broker-1 \\(pid ${before}\\); the supervisor restarts it in \\d+ ms$`),
    );
    const back = await waitFor("broker-1 running", async () => {
      const p = (await statusJson()).processes.find((x) => x.name === "broker-1");
      return p?.state === "running" ? p : undefined;
    });
    expect(back.pid).not.toBe(before);
    expect(back.restarts).toBe(1);
    expect(back.lastExit?.signal).toBe("SIGKILL");
    const row = (await run(["status"])).out.split("\n").find((r) => r.startsWith("broker-1"));
    expect(row?.split(/\s{2,}/).slice(5, 7)).toEqual(["1", "SIGKILL"]);
  });

  it("restarts a process gracefully", async () => {
    const before = sup.statusOf("metadata-1").pid;
    const { code, out } = await run(["restart", "metadata-1"]);
    expect([code, out]).toEqual([0, "restarted metadata-1"]);
    const after = sup.statusOf("metadata-1");
    expect(after.pid).not.toBe(before);
    expect(after.restarts).toBe(0);
  });

  it("names the valid processes when given an unknown one", async () => {
    const { code, err } = await run(["kill", "broker-9"]);
    expect(code).toBe(1);
    expect(err).toBe('unknown process "broker-9"; valid names: metadata-1, broker-1, proxy-1');
  });

  it("refuses to kill a process that is not running", async () => {
    const { code, err } = await run(["kill", "proxy-1"]);
    expect([code, err]).toEqual([1, "proxy-1 is not running (state missing-entry)"]);
  });

  it("says how to start a fleet when none is running", async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const { code, err } = await run(["status"], "table", `127.0.0.1:${port}`);
    expect(code).toBe(1);
    expect(err).toContain(`no fleet is running at 127.0.0.1:${port}`);
    expect(err).toContain("pnpm start");
  });

  it("refuses a missing name and an unknown command", async () => {
    expect(await run(["kill"])).toMatchObject({ code: 2, err: "usage: runnel fleet kill <name>" });
    const unknown = await run(["explode"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^unknown fleet command: explode\n/);
  });

  it("is wired into the runnel command", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        "--conditions=@runnel/source",
        "--import",
        "tsx",
        "tools/cli/src/main.ts",
        "fleet",
        "status",
        "--output",
        "json",
        "--control",
        control.address,
      ],
      { cwd: repoRoot },
    );
    const status = JSON.parse(stdout) as FleetStatus;
    expect(status.processes.map((p) => p.name)).toEqual(["metadata-1", "broker-1", "proxy-1"]);
  });

  it("formats uptimes", () => {
    expect([null, 999, 12_000, 184_000, 3_725_000].map(formatUptime)).toEqual([
      "-",
      "0s",
      "12s",
      "3m04s",
      "1h02m",
    ]);
  });
});
