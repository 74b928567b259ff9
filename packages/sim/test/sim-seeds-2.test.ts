import { describe, it } from "vitest";
import { expectCoverage, runSeeds } from "./seeds.js";

// The CI simulation is split over several files so that vitest runs the parts in parallel.
describe("simulation seeds 501..1000", () => {
  it("keeps every safety invariant and elects a leader that commits once faults stop", () => {
    expectCoverage(501, 500);
    runSeeds(501, 500);
  });
});
