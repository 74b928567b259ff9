#!/usr/bin/env node
/**
 * The `runnel` command line. From the repository root: `pnpm runnel <command>`.
 */
import { parseArgs } from "node:util";
import { DEFAULT_CONTROL_ADDRESS, fleetCommand } from "./fleet.js";
import { dumpImage, fetchStatuses, LOCAL_VOTERS, parseVoters, renderStatus } from "./metadata.js";
import { isTenantCommand, tenantCommand } from "./tenants.js";

const USAGE = `Usage: runnel <command> [options]

Commands:
  metadata status   Leader, term, commit index and each voter's lag
  metadata dump     The metadata image, as JSON
  fleet status      The local fleet's processes (started by \`pnpm start\`)
  fleet kill N      SIGKILL process N, like a crash; the supervisor restarts it
  fleet restart N   Stop process N gracefully and start it again
  fleet stop N      Stop process N gracefully
  fleet start N     Start process N again
  cluster ...       Logical clusters: create, list, describe, delete (see runnel cluster --help)
  api-key ...       API keys: create, list, delete
  acl ...           ACLs: create, list, delete
  quota ...         Quotas and limits: set, list, delete

Options:
  --voters id@host:port,...   Metadata voters (default: RUNNEL_METADATA_VOTERS, else the local fleet's)
  --control host:port         The fleet supervisor (default: RUNNEL_FLEET_CONTROL, else ${DEFAULT_CONTROL_ADDRESS})
  --output table|json         Output format (default: table)
  --timeout-ms N              Per-call timeout (default: 3000)`;

export async function main(argv: readonly string[]): Promise<number> {
  // Tenant commands talk to the control plane and take their own options.
  if (isTenantCommand(argv)) return tenantCommand(argv);
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      voters: { type: "string" },
      control: { type: "string" },
      output: { type: "string", default: "table" },
      "timeout-ms": { type: "string", default: "3000" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [group, command] = positionals;
  if (values.help || group === undefined) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const output = values.output;
  if (output !== "table" && output !== "json") {
    console.error(`--output must be table or json, not "${output}"`);
    return 2;
  }
  const timeoutMs = Number(values["timeout-ms"]);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
    console.error(`--timeout-ms must be a positive integer, not "${values["timeout-ms"]}"`);
    return 2;
  }
  if (group === "fleet") {
    const control = values.control ?? process.env.RUNNEL_FLEET_CONTROL ?? DEFAULT_CONTROL_ADDRESS;
    return fleetCommand(command, positionals.slice(2), { control, output, timeoutMs });
  }
  if (group === "metadata") {
    const voters = parseVoters(values.voters ?? process.env.RUNNEL_METADATA_VOTERS ?? LOCAL_VOTERS);
    if (command === "status") {
      const statuses = await fetchStatuses(voters, timeoutMs);
      console.log(renderStatus(statuses, output));
      return statuses.some((s) => s.ok) ? 0 : 1;
    }
    if (command === "dump") {
      const dump = await dumpImage(voters, timeoutMs);
      if (output === "json") console.log(dump.json);
      else {
        console.log(`# image of voter ${dump.voter.id} at offset ${dump.appliedOffset}`);
        console.log(dump.json);
      }
      return 0;
    }
  }
  console.error(`unknown command: ${positionals.join(" ")}\n\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  },
);
