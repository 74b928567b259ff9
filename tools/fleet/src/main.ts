#!/usr/bin/env node
/**
 * `pnpm start`: runs the whole local fleet in the foreground. Ctrl-C or SIGTERM stops it
 * gracefully (highest tier first); a second signal kills what is left at once.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_CONTROL_PORT, startControlServer } from "./control.js";
import { planFleet } from "./fleet.js";
import { formatEvent, formatEventJson } from "./format.js";
import { reapLeftovers } from "./leftovers.js";
import { defaultDataDir, findRepoRoot } from "./paths.js";
import { type FleetEvent, Supervisor } from "./supervisor.js";

const USAGE = `Usage: pnpm start [options]

Runs every service of the local fleet as a supervised child process.

Options:
  --data-dir DIR        Data and logs (default: RUNNEL_DATA_DIR, else .data at the repository root)
  --control-port N      Control endpoint on 127.0.0.1 (default: RUNNEL_FLEET_CONTROL_PORT, else ${DEFAULT_CONTROL_PORT})
  --only A,B            Run only these processes or services (e.g. --only metadata)
  --grace-ms N          SIGTERM-to-SIGKILL grace period when stopping (default: 15000)
  --log-format F        text or json (default: text)`;

function positiveInt(name: string, text: string, min = 1): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > 65_535 * 1_000)
    throw new Error(`${name} must be an integer ≥ ${min}, not "${text}"`);
  return n;
}

async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      "data-dir": { type: "string" },
      "control-port": { type: "string" },
      only: { type: "string" },
      "grace-ms": { type: "string", default: "15000" },
      "log-format": { type: "string", default: "text" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const format = values["log-format"];
  if (format !== "text" && format !== "json")
    throw new Error(`--log-format must be text or json, not "${format}"`);
  const controlPort = positiveInt(
    "--control-port",
    values["control-port"] ?? process.env.RUNNEL_FLEET_CONTROL_PORT ?? String(DEFAULT_CONTROL_PORT),
    0,
  );
  const graceMs = positiveInt("--grace-ms", values["grace-ms"]);
  const repoRoot = findRepoRoot();
  const dataDir = resolve(values["data-dir"] ?? process.env.RUNNEL_DATA_DIR ?? defaultDataDir(repoRoot));

  let specs = await planFleet({ dataDir, adminToken: adminToken(dataDir) });
  if (values.only !== undefined) {
    const wanted = values.only
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
    const known = new Set([...specs.map((s) => s.service), ...specs.map((s) => s.name)]);
    const unknown = wanted.filter((w) => !known.has(w));
    if (unknown.length > 0)
      throw new Error(`--only: unknown ${unknown.join(", ")}; known: ${[...known].join(", ")}`);
    specs = specs.filter((s) => wanted.includes(s.name) || wanted.includes(s.service));
  }

  const print = (event: FleetEvent): void => {
    console.log(format === "json" ? formatEventJson(event) : formatEvent(event));
  };
  const sup = new Supervisor({ repoRoot, dataDir, specs, graceMs, log: print });
  let control: Awaited<ReturnType<typeof startControlServer>>;
  try {
    control = await startControlServer(sup, controlPort);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EADDRINUSE") {
      console.error(
        `control port 127.0.0.1:${controlPort} is in use: is a fleet running already? ` +
          "(`pnpm runnel fleet status` shows it; --control-port picks another port)",
      );
      return 1;
    }
    throw e;
  }
  // Whatever ends this process, no child outlives it.
  process.on("exit", () => sup.killAll());
  print({ level: "info", msg: "control endpoint listening", control: control.address, logs: sup.logDir });
  for (const l of await reapLeftovers(dataDir, graceMs)) {
    print({
      level: "warn",
      msg: "stopped a process a previous supervisor left running",
      process: l.name,
      pid: l.pid,
    });
  }
  sup.start();

  return new Promise<number>((done) => {
    let signals = 0;
    const onSignal = (signal: NodeJS.Signals): void => {
      signals++;
      if (signals > 1) {
        print({ level: "warn", msg: "second signal: killing every process now", signal });
        sup.killAll();
        done(130);
        return;
      }
      print({ level: "info", msg: "signal received; stopping the fleet (again to kill at once)", signal });
      void sup
        .stop()
        .then(() => control.close())
        .then(() => done(0));
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  });
}

/**
 * The control plane's admin token: made once, kept in `<data>/admin-token` (readable by its owner
 * only), where the `runnel` CLI finds it.
 */
function adminToken(dataDir: string): string {
  const file = join(dataDir, "admin-token");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const token = randomBytes(24).toString("base64url");
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  },
);
