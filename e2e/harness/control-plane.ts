/**
 * The control-plane process over a MetadataQuorum, and the `runnel` CLI as a user runs it
 * (a process from the CLI's sources), for end-to-end tests.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import type { MetadataQuorum } from "./metadata.js";
import { freePort, ManagedProcess, repoRoot } from "./process.js";

export interface ControlPlaneProcess {
  readonly process: ManagedProcess;
  /** e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly token: string;
}

export async function startControlPlane(q: MetadataQuorum): Promise<ControlPlaneProcess> {
  const port = await freePort();
  const token = randomBytes(24).toString("hex");
  const p = new ManagedProcess({
    name: "control-plane",
    entry: "services/control-plane/src/main.ts",
    logDir: join(q.root, "logs"),
    env: {
      RUNNEL_CONTROL_PLANE_ADMIN_TOKEN: token,
      RUNNEL_CONTROL_PLANE_PORT: String(port),
      RUNNEL_CONTROL_PLANE_METADATA_VOTERS: q.addresses.join(","),
      RUNNEL_CONTROL_PLANE_ADMIN_HOST: "127.0.0.1",
    },
  });
  p.start();
  try {
    await p.waitForLine((l) => l.msg === "control plane listening", 60_000);
  } catch (e) {
    await p.close();
    throw e;
  }
  return { process: p, url: `http://127.0.0.1:${port}`, token };
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const tsxLoader = import.meta.resolve("tsx");

/** Runs `runnel <args>` from the CLI's sources, as `pnpm runnel` does, with only `env` set. */
export function runnel(args: readonly string[], env: Readonly<Record<string, string>>): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [
        "--conditions=@runnel/source",
        "--import",
        tsxLoader,
        join(repoRoot, "tools/cli/src/main.ts"),
        ...args,
      ],
      {
        cwd: repoRoot,
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
        timeout: 60_000,
      },
      (e, stdout, stderr) => {
        const code = e === null ? 0 : typeof e.code === "number" ? e.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
