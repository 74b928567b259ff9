import { describe, expect, it } from "vitest";
import { runSeed } from "../src/index.js";

describe("a deliberately broken core is caught", () => {
  it("commitOnMinority (commit when the leader alone holds an entry) is reported as a violation", () => {
    const violations: string[] = [];
    for (let seed = 1; seed <= 50 && violations.length === 0; seed++) {
      const r = runSeed({ seed, voters: 3, unsafe: { commitOnMinority: true } });
      if (!r.ok && r.violation) violations.push(r.violation);
    }
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatch(/not on a quorum|committed entry \d+ changed|applied a different entry/);
  });

  it("the same seeds pass with the rule intact", () => {
    for (let seed = 1; seed <= 20; seed++) expect(runSeed({ seed, voters: 3 }).violation).toBeUndefined();
  });
});
