import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { planFleet } from "../src/fleet.js";
import { findRepoRoot } from "../src/paths.js";
import { type FleetEvent, Supervisor } from "../src/supervisor.js";
import { freePort, tempDataDir, waitUntil } from "./helpers.js";

// The real fleet table, run from the services' sources on ephemeral ports. A service whose entry
// point does not exist yet is left out (the supervisor test covers how it is reported).
const repoRoot = findRepoRoot();
const dataDir = tempDataDir();
const events: FleetEvent[] = [];
let sup: Supervisor | undefined;

afterAll(async () => {
  await sup?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function readyz(port: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(2_000) });
  await res.arrayBuffer();
  return res.status;
}

describe("the real fleet under the supervisor", () => {
  it("starts the metadata voters (and brokers, once they exist), all of them ready", {
    timeout: 120_000,
  }, async () => {
    const planned = await planFleet({ dataDir, adminToken: "real-fleet-test", port: () => freePort() });
    const specs = planned.filter((s) => existsSync(join(repoRoot, s.entry)));
    expect(specs.filter((s) => s.service === "metadata").map((s) => s.name)).toEqual([
      "metadata-1",
      "metadata-2",
      "metadata-3",
    ]);
    sup = new Supervisor({ repoRoot, dataDir, specs, readyPollMs: 200, log: (e) => events.push(e) });
    sup.start();
    const s = sup;
    await waitUntil(
      "every process ready",
      () => (s.status().every((p) => p.state === "running" && p.ready === true) ? true : undefined),
      90_000,
      100,
    );
    for (const p of s.status()) {
      expect(p.readyPort).not.toBeNull();
      expect(await readyz(p.readyPort as number)).toBe(200);
      expect(p.restarts).toBe(0);
    }
    expect(events.filter((e) => e.level === "error")).toEqual([]);

    await s.stop();
    for (const p of s.status())
      expect(p).toMatchObject({ state: "stopped", pid: null, lastExit: { code: 0 } });
  });
});
