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
import { type CompatOptions, compatScenarios } from "./suite.js";

export function defineCompatSuite(bootstrap: () => string, options: CompatOptions = {}): void {
  for (const { client, scenarios } of compatScenarios(bootstrap, options)) {
    describe.sequential(`compat: ${client}`, () => {
      for (const s of scenarios) {
        it(
          s.name,
          async () => {
            await s.run();
          },
          s.timeoutMs,
        );
      }
    });
  }
}
