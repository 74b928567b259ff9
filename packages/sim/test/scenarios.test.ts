import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Interaction } from "../src/index.js";

// Each scenarios/<name>.txt script is run and its transcript compared with scenarios/<name>.out.
// UPDATE_GOLDEN=1 rewrites the .out files instead; review their diff like code.
const dir = join(import.meta.dirname, "scenarios");
const update = process.env.UPDATE_GOLDEN === "1";

describe("scenario scripts", () => {
  const scripts = readdirSync(dir).filter((f) => f.endsWith(".txt"));
  it("covers the expected scenarios", () => {
    expect(scripts.sort()).toEqual(
      [
        "election.txt",
        "membership.txt",
        "partitioned-leader.txt",
        "prevote.txt",
        "reelection.txt",
        "snapshot.txt",
        "stale-leader.txt",
      ].sort(),
    );
  });
  for (const script of scripts) {
    it(script.replace(/\.txt$/, ""), () => {
      const transcript = new Interaction().run(readFileSync(join(dir, script), "utf8"));
      const golden = join(dir, script.replace(/\.txt$/, ".out"));
      if (update) writeFileSync(golden, transcript);
      expect(transcript).toBe(readFileSync(golden, "utf8"));
    });
  }
});
