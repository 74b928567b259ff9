import { describe, it } from "vitest";
import { expectCoverage, runSeeds } from "./seeds.js";

// The CI simulation is split over several files so that vitest runs the parts in parallel.
describe("simulation seeds 1..500", () => {
  it("keeps every safety invariant and elects a leader that commits once faults stop", () => {
    expectCoverage(1, 500);
    runSeeds(1, 500);
  });
});
