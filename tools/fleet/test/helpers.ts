import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ProcessSpec } from "../src/supervisor.js";

export const standIn = join(dirname(fileURLToPath(import.meta.url)), "fixtures", "stand-in.ts");

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), "runnel-fleet-"));
}

/** A stand-in process spec; `env` adds STANDIN_* settings. */
export function standInSpec(
  name: string,
  tier: number,
  env: Record<string, string> = {},
  readyPort?: number,
): ProcessSpec {
  return {
    name,
    service: name.replace(/-\d+$/, ""),
    entry: standIn,
    tier,
    env: {
      STANDIN_NAME: name,
      ...(readyPort !== undefined && { STANDIN_ADMIN_PORT: String(readyPort) }),
      ...env,
    },
    ...(readyPort !== undefined && { readyPort }),
  };
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `check` until it returns something other than undefined; fails after `timeoutMs`. */
export async function waitUntil<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 20_000,
  intervalMs = 25,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ""}`,
      );
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
