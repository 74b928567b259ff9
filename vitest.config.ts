import { defineConfig } from "vitest/config";

// One root config runs every test in the repository. Workspace packages are
// resolved to their TypeScript sources through the "@runnel/source" export
// condition, so tests never depend on a prior build.
//
// Two projects: unit tests (CPU-heavy: property runs, simulation seeds) run
// first and in parallel; end-to-end tests, which run real processes and
// measure failover against timeouts, run afterwards, one file at a time, so
// that no other test competes with them for the machine's cores.
const shared = {
  resolve: { conditions: ["@runnel/source"] },
  ssr: { resolve: { conditions: ["@runnel/source"], externalConditions: ["@runnel/source"] } },
};

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          include: [
            "{packages,services,tools,bench}/*/test/**/*.test.ts",
            "bench/test/**/*.test.ts",
            "e2e/chaos/test/**/*.test.ts",
          ],
          exclude: ["**/node_modules/**", "**/dist/**"],
          pool: "forks",
          testTimeout: 30_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        ...shared,
        test: {
          name: "e2e",
          include: ["e2e/test/**/*.test.ts"],
          // Installs the real clients the end-to-end tests drive, when missing.
          globalSetup: ["e2e/harness/install-peers.ts"],
          exclude: ["**/node_modules/**", "**/dist/**"],
          pool: "forks",
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 90_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
