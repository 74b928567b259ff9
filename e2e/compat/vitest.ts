/**
 * A vitest entry for the compatibility suite. From a test file:
 *
 *   import { defineCompatSuite } from "../compat/vitest.js";
 *   defineCompatSuite(() => broker.bootstrap);
 *
 * `bootstrap` is read when the scenarios run, so it may come from a
 * `beforeAll` that starts the broker. Scenarios of one client run in order.
 */
import { describe, it } from "vitest";
import { type CompatOptions, compatScenarios, Skip } from "./suite.js";

export function defineCompatSuite(bootstrap: () => string, options: CompatOptions = {}): void {
  for (const { client, scenarios } of compatScenarios(bootstrap, options)) {
    describe.sequential(`compat: ${client}`, () => {
      for (const s of scenarios) {
        it(
          s.name,
          async (ctx) => {
            try {
              await s.run();
            } catch (e) {
              if (e instanceof Skip) ctx.skip(e.message);
              throw e;
            }
          },
          s.timeoutMs,
        );
      }
    });
  }
}
