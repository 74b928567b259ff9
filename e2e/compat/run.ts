/**
 * Runs the client-compatibility suite against a broker and prints one line
 * per client and scenario:
 *
 *   npx tsx e2e/compat/run.ts BOOTSTRAP [--clients a,b] [--replication-factor N]
 *     [--unserved-api-keys 17,36,...] [--json FILE]
 *
 * Exits non-zero if any scenario fails. Install the peers first with
 * e2e/peers/install.sh.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { type CompatScenario, compatScenarios } from "./suite.js";

export interface ScenarioResult {
  readonly client: string;
  readonly scenario: string;
  readonly status: "pass" | "fail";
  readonly ms: number;
  readonly detail: string;
}

async function runOne(s: CompatScenario): Promise<ScenarioResult> {
  const start = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`scenario timed out after ${s.timeoutMs} ms`)), s.timeoutMs);
  });
  try {
    const note = await Promise.race([s.run(), timeout]);
    return { client: s.client, scenario: s.name, status: "pass", ms: Date.now() - start, detail: note };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { client: s.client, scenario: s.name, status: "fail", ms: Date.now() - start, detail };
  } finally {
    clearTimeout(timer);
  }
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      clients: { type: "string" },
      json: { type: "string" },
      "replication-factor": { type: "string" },
      "unserved-api-keys": { type: "string" },
    },
  });
  const bootstrap = positionals[0];
  if (!bootstrap) {
    console.error(
      "usage: run.ts BOOTSTRAP [--clients a,b] [--replication-factor N] [--unserved-api-keys K,K] [--json FILE]",
    );
    process.exit(2);
  }
  const clients = values.clients?.split(",").filter(Boolean);
  const rf = values["replication-factor"];
  const unserved = values["unserved-api-keys"]?.split(",").filter(Boolean).map(Number);
  if (unserved?.some((k) => !Number.isInteger(k) || k < 0)) {
    console.error("--unserved-api-keys takes API keys, comma-separated");
    process.exit(2);
  }
  const plan = compatScenarios(() => bootstrap, {
    ...(clients ? { clients } : {}),
    ...(rf ? { replicationFactor: Number(rf) } : {}),
    ...(unserved ? { unservedApiKeys: unserved } : {}),
  });
  const results: ScenarioResult[] = [];
  for (const { scenarios } of plan) {
    for (const s of scenarios) {
      const r = await runOne(s);
      results.push(r);
      const head = `${r.status.toUpperCase().padEnd(4)}  ${r.client.padEnd(22)} ${r.scenario.padEnd(16)} ${String(r.ms).padStart(6)} ms`;
      const detail =
        r.status === "fail" ? `\n      ${r.detail.split("\n").join("\n      ")}` : `  ${r.detail}`;
      console.log(head + detail);
    }
  }
  const count = (s: ScenarioResult["status"]) => results.filter((r) => r.status === s).length;
  console.log(`\n${count("pass")} passed, ${count("fail")} failed`);
  if (values.json) writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);
  process.exit(count("fail") > 0 ? 1 : 0);
}

await main();
