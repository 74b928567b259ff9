/**
 * Property tests of the checker over histories of a simulated correct log:
 * every such history passes, and the same history with one random violation
 * planted is caught under exactly that property, with an example naming it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CheckReport, check, PROPERTIES, type Property } from "../checker.js";
import { formatHistory, parseHistory } from "../history.js";
import { plant, rng, type SimOptions, simulate } from "./simulate.js";

const simOptions = (drain: fc.Arbitrary<boolean>): fc.Arbitrary<SimOptions> =>
  fc.record({
    seed: fc.integer(),
    partitions: fc.integer({ min: 1, max: 3 }),
    producers: fc.integer({ min: 1, max: 3 }),
    consumers: fc.integer({ min: 1, max: 3 }),
    steps: fc.integer({ min: 0, max: 150 }),
    drain,
  });

const violated = (report: CheckReport) => PROPERTIES.filter((p) => report.properties[p].count > 0);

/** Whether an example of `property` names what was planted. */
function names(
  report: CheckReport,
  property: Property,
  value?: string,
  position?: { partition: number; offset: number },
) {
  const examples: readonly object[] = report.properties[property].examples;
  return examples.some((e) => {
    if (value !== undefined && (e as { value?: string }).value !== value) return false;
    if (position) {
      const p = e as { partition?: number; offset?: number };
      if (p.partition !== position.partition || p.offset !== position.offset) return false;
    }
    return true;
  });
}

describe("checker over simulated histories", () => {
  it("passes every history of a correct log, drained or not", () => {
    fc.assert(
      fc.property(simOptions(fc.boolean()), (o) => {
        const history = simulate(o);
        const report = check(history);
        expect(violated(report)).toEqual([]);
        // With a drain after everything, every acknowledged write is verified.
        if (o.drain) expect(report.sends.unverified).toBe(0);
        // The file format carries the history unchanged.
        expect(check(parseHistory(formatHistory(history)))).toEqual(report);
      }),
      { numRuns: 200 },
    );
  });

  it("the simulation exercises what the checker distinguishes", () => {
    let recovered = 0;
    let failed = 0;
    let unfinished = 0;
    let unverified = 0;
    for (let seed = 0; seed < 50; seed++) {
      const r = check(
        simulate({ seed, partitions: 2, producers: 2, consumers: 2, steps: 150, drain: seed % 2 === 0 }),
      );
      recovered += r.sends.recovered;
      failed += r.sends.fail;
      unfinished += r.sends.unfinished;
      unverified += r.sends.unverified;
    }
    expect(recovered).toBeGreaterThan(0);
    expect(failed).toBeGreaterThan(0);
    expect(unfinished).toBeGreaterThan(0);
    expect(unverified).toBeGreaterThan(0);
  });

  it("catches one random planted violation, under its property only, naming it", () => {
    fc.assert(
      fc.property(
        simOptions(fc.constant(true)),
        fc.constantFrom(...PROPERTIES),
        fc.integer(),
        (o, property, seed) => {
          const planted = plant(simulate(o), property, rng(seed));
          const report = check(planted.history, { maxExamples: Number.POSITIVE_INFINITY });
          expect(violated(report)).toEqual([property]);
          expect(report.valid).toBe(false);
          expect(names(report, property, planted.value, planted.position)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
