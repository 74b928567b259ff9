import { defineConfig } from "vitest/config";

// One root config runs every test in the repository. Workspace packages are
// resolved to their TypeScript sources through the "@runnel/source" export
// condition, so tests never depend on a prior build.
export default defineConfig({
  resolve: { conditions: ["@runnel/source"] },
  ssr: { resolve: { conditions: ["@runnel/source"], externalConditions: ["@runnel/source"] } },
  test: {
    include: ["{packages,services,tools,e2e,bench}/*/test/**/*.test.ts", "{e2e,bench}/test/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
