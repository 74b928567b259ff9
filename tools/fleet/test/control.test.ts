import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FleetClient, FleetRequestError, FleetUnavailableError } from "../src/client.js";
import { type ControlServer, startControlServer } from "../src/control.js";
import { findRepoRoot } from "../src/paths.js";
import { Supervisor } from "../src/supervisor.js";
import { freePort, standInSpec, tempDataDir, waitUntil } from "./helpers.js";

let sup: Supervisor;
let control: ControlServer;
let client: FleetClient;
const dataDir = tempDataDir();

beforeAll(async () => {
  sup = new Supervisor({
    repoRoot: findRepoRoot(),
    dataDir,
    specs: [
      standInSpec("voter-1", 0, {}, await freePort()),
      standInSpec("broker-1", 1),
      { name: "proxy-1", service: "proxy", entry: "services/no-proxy-yet/src/main.ts", tier: 2, env: {} },
    ],
    graceMs: 5_000,
    readyPollMs: 50,
    backoff: { initialMs: 100, maxMs: 1_000 },
  });
  control = await startControlServer(sup, 0);
  client = new FleetClient({ address: control.address });
  sup.start();
});

afterAll(async () => {
  await sup.stop();
  await control.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the control endpoint", () => {
  it("serves the status of every process", async () => {
    await waitUntil("voter-1 ready", () => (sup.statusOf("voter-1").ready ? true : undefined));
    const status = await client.status();
    expect(status.supervisor).toMatchObject({ pid: process.pid, dataDir, stopping: false });
    expect(status.processes.map((p) => [p.name, p.state])).toEqual([
      ["voter-1", "running"],
      ["broker-1", "running"],
      ["proxy-1", "missing-entry"],
    ]);
    expect(status.processes[0]).toMatchObject({ ready: true, restarts: 0, lastExit: null });
    expect(status.processes[0]?.pid).toBe(sup.statusOf("voter-1").pid);
  });

  it("kills a process, which the supervisor restarts after the back-off", async () => {
    const before = sup.statusOf("broker-1").pid;
    const result = await client.act("broker-1", "kill");
    expect(result.message).toMatch(
      new RegExp(`^killed broker-1 \\(pid ${before}\\); the supervisor restarts it in \\d+ ms$`),
    );
    expect(result.process).toMatchObject({
      state: "restarting",
      restarts: 1,
      lastExit: { signal: "SIGKILL" },
    });
    const back = await waitUntil("broker-1 back", async () => {
      const p = (await client.status()).processes.find((x) => x.name === "broker-1");
      return p?.state === "running" ? p : undefined;
    });
    expect(back.pid).not.toBe(before);
    expect(back.restarts).toBe(1);
  });

  it("restarts, stops and starts a process on request", async () => {
    const before = sup.statusOf("voter-1").pid;
    const restarted = await client.act("voter-1", "restart");
    expect(restarted.message).toBe("restarted voter-1");
    expect(restarted.process).toMatchObject({ state: "running", restarts: 0, lastExit: { code: 0 } });
    expect(restarted.process.pid).not.toBe(before);
    expect((await client.act("voter-1", "stop")).process).toMatchObject({ state: "stopped", pid: null });
    expect((await client.act("voter-1", "start")).process).toMatchObject({ state: "running", restarts: 0 });
  });

  it("refuses an unknown name with the valid ones, and a kill of a process that is not running", async () => {
    const unknown = await client.act("broker-7", "kill").catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(FleetRequestError);
    expect(unknown).toMatchObject({
      status: 404,
      code: "unknown-process",
      names: ["voter-1", "broker-1", "proxy-1"],
    });
    const missing = await client.act("proxy-1", "kill").catch((e: unknown) => e);
    expect(missing).toMatchObject({
      status: 409,
      code: "conflict",
      message: "proxy-1 is not running (state missing-entry)",
    });
    const res = await fetch(`http://${control.address}/v1/nothing`);
    expect(res.status).toBe(404);
  });

  it("says clearly when no fleet is running", async () => {
    const nobody = new FleetClient({ address: `127.0.0.1:${await freePort()}` });
    const e = await nobody.status().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(FleetUnavailableError);
    expect((e as Error).message).toMatch(
      /^no fleet is running at 127\.0\.0\.1:\d+ \(start one with `pnpm start`/,
    );
  });
});
