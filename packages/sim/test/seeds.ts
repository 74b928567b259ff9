import { expect } from "vitest";
import { FAULT_KINDS, type FaultKind, planFor, replayCommand, runSeed } from "../src/index.js";

/** Runs seeds [start, start + count) and fails with the replay command of the first violation. */
export function runSeeds(start: number, count: number): { voters: Set<number>; faults: Set<FaultKind> } {
  const voters = new Set<number>();
  const faults = new Set<FaultKind>();
  for (let seed = start; seed < start + count; seed++) {
    const r = runSeed({ seed });
    if (!r.ok) expect.fail(`seed ${seed}: ${r.violation}\nreplay: ${replayCommand(seed)}`);
    voters.add(r.voters);
    for (const f of r.faults) faults.add(f);
    // Liveness was reached: the run ended on the committed marker, after the fault phase.
    expect(r.virtualMs).toBeGreaterThanOrEqual(2000);
  }
  return { voters, faults };
}

/** Every seed range used in CI covers 1, 3 and 5 voters and every fault kind. */
export function expectCoverage(start: number, count: number): void {
  const voters = new Set<number>();
  const faults = new Set<FaultKind>();
  for (let seed = start; seed < start + count; seed++) {
    const p = planFor(seed);
    voters.add(p.voters);
    for (const f of p.faults) faults.add(f);
  }
  expect([...voters].sort()).toEqual([1, 3, 5]);
  expect([...faults].sort()).toEqual([...FAULT_KINDS].sort());
}
