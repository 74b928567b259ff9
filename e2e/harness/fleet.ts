/**
 * The whole local fleet as `pnpm start` runs it (three metadata voters, three brokers with
 * SASL, the proxy, the control plane), from the fleet's own table, on free ports, for
 * end-to-end tests of the multi-tenant path: clients connect to the proxy's bootstrap, the
 * `runnel` CLI talks to the control plane.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  FLEET,
  type FleetService,
  freePlanPorts,
  type ProcessSpec,
  planFleet,
  Supervisor,
} from "@runnel/fleet";
import { type CliResult, runnel } from "./control-plane.js";
import { repoRoot } from "./process.js";

export interface Fleet {
  readonly dataDir: string;
  readonly specs: readonly ProcessSpec[];
  readonly supervisor: Supervisor;
  /** The proxy's bootstrap, `127.0.0.1:<port>`. */
  readonly bootstrap: string;
  readonly controlPlaneUrl: string;
  readonly adminToken: string;
  /** Runs `runnel <args>` against this fleet's control plane. */
  runnel(args: readonly string[]): Promise<CliResult>;
  /** Runs `runnel <args> --output json` and parses what it prints; throws when it fails. */
  runnelJson<T>(args: readonly string[]): Promise<T>;
  stop(): Promise<void>;
}

export interface FleetOptions {
  /** Changes to the fleet table (e.g. two proxies, fewer brokers). */
  readonly fleet?: (fleet: readonly FleetService[]) => readonly FleetService[];
  /** Keep the data directory (logs) after `stop()`. */
  readonly keep?: boolean;
}

export async function startFleet(options: FleetOptions = {}): Promise<Fleet> {
  const dataDir = mkdtempSync(join(tmpdir(), "runnel-fleet-e2e-"));
  const adminToken = `e2e-${Math.random().toString(36).slice(2)}`;
  const table = options.fleet?.(FLEET) ?? FLEET;
  const brokers = table.find((s) => s.service === "broker")?.instances ?? 3;
  const specs = await planFleet({
    dataDir,
    fleet: table,
    adminToken,
    // The proxy serves broker n at its `brokers` port + n: that run must be free too.
    port: freePlanPorts(brokers),
  });
  const supervisor = new Supervisor({ repoRoot, dataDir, specs, readyPollMs: 200, graceMs: 10_000 });
  supervisor.start();
  const stop = async (): Promise<void> => {
    await supervisor.stop();
    if (!options.keep && process.env.RUNNEL_E2E_KEEP !== "1")
      rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + 120_000;
    while (!supervisor.status().every((p) => p.ready === true)) {
      if (Date.now() > deadline)
        throw new Error(`the fleet did not get ready: ${JSON.stringify(supervisor.status())}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } catch (e) {
    await stop();
    throw e;
  }
  const proxy = specs.find((s) => s.service === "proxy");
  const controlPlane = specs.find((s) => s.service === "control-plane");
  if (proxy === undefined || controlPlane === undefined)
    throw new Error("the fleet has no proxy or control plane");
  const bootstrap = `127.0.0.1:${proxy.env.RUNNEL_PROXY_BOOTSTRAP_PORT}`;
  const controlPlaneUrl = `http://127.0.0.1:${controlPlane.env.RUNNEL_CONTROL_PLANE_PORT}`;
  const env = { RUNNEL_CONTROL_PLANE_URL: controlPlaneUrl, RUNNEL_ADMIN_TOKEN: adminToken };
  return {
    dataDir,
    specs,
    supervisor,
    bootstrap,
    controlPlaneUrl,
    adminToken,
    runnel: (args) => runnel(args, env),
    async runnelJson<T>(args: readonly string[]): Promise<T> {
      const r = await runnel([...args, "--output", "json"], env);
      if (r.code !== 0) throw new Error(`runnel ${args.join(" ")} exited ${r.code}: ${r.stderr.trim()}`);
      return JSON.parse(r.stdout) as T;
    },
    stop,
  };
}

/** A logical cluster and an admin API key of it, made through the CLI as a user would. */
export async function newTenant(
  fleet: Fleet,
  name: string,
  keyOptions: readonly string[] = [],
): Promise<{ id: string; key: string; secret: string }> {
  const { id } = await fleet.runnelJson<{ id: string }>(["cluster", "create", name]);
  const { key, secret } = await fleet.runnelJson<{ key: string; secret: string }>([
    "api-key",
    "create",
    "--cluster",
    id,
    ...keyOptions,
  ]);
  return { id, key, secret };
}
