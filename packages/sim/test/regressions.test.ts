import { describe, expect, it } from "vitest";
import { replayCommand, runSeed } from "../src/index.js";

/**
 * Seeds that once failed, each with what it found. They run in every CI run, forever.
 */
const REGRESSIONS: { seed: number; found: string }[] = [
  { seed: 34, found: "the durable-quorum check ignored the leader's newly appended config" },
  {
    seed: 43,
    found: "a joining node learned no initial voter set (the bootstrap config was not in the log)",
  },
  {
    seed: 139,
    found:
      "a leader that removed itself and lost leadership before the change committed could never campaign",
  },
  { seed: 660, found: "a crash kept a Ready's entries but lost its hard state (term below last log term)" },
  {
    seed: 3367,
    found: "a crash kept an installed snapshot but lost the hard state (commit below the snapshot)",
  },
];

describe("regression seeds", () => {
  for (const { seed, found } of REGRESSIONS) {
    it(`seed ${seed}: ${found}`, () => {
      const r = runSeed({ seed });
      if (!r.ok) expect.fail(`${r.violation}\nreplay: ${replayCommand(seed)}`);
      expect(r.committed).toBeGreaterThan(0);
    });
  }
});
