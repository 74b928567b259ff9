/**
 * Vitest global setup of the end-to-end project: installs the test peers
 * (kcat, the Python clients, the Java client and Kafka's tools, franz-go)
 * when they are missing, so that `pnpm test` passes on a fresh machine.
 * Quick when everything is present.
 */
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");

export default function installPeers(): void {
  execFileSync("bash", [join(repoRoot, "e2e/peers/install.sh")], { stdio: "inherit", timeout: 15 * 60_000 });
}
