import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import type { ServiceConfig, ServiceContext, ServiceDefinition } from "../src/index.js";

// Compile-time checks of the config type a service sees; `tsc -b` fails if they break.
describe("ServiceConfig", () => {
  it("is the runtime settings alone for a service without a schema", () => {
    const definition: ServiceDefinition = {
      name: "plain",
      start(ctx) {
        expectTypeOf(ctx.config.shutdownTimeoutMs).toEqualTypeOf<number>();
        expectTypeOf(ctx.config.instanceId).toEqualTypeOf<string>();
        expectTypeOf(ctx.config.logLevel).toEqualTypeOf<
          "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent"
        >();
      },
    };
    expectTypeOf(definition.name).toBeString();
  });

  it("adds a service's own settings, and lets it redeclare runtime ones", () => {
    const schema = z.object({ nodeId: z.number(), adminPort: z.literal(9600).default(9600) });
    type Config = ServiceConfig<typeof schema>;
    expectTypeOf<Config["nodeId"]>().toEqualTypeOf<number>();
    expectTypeOf<Config["adminPort"]>().toEqualTypeOf<9600>();
    expectTypeOf<Config["adminHost"]>().toEqualTypeOf<string>();
    expectTypeOf<Config>().not.toHaveProperty("nope");
    expectTypeOf<ServiceContext<Config>["config"]>().toEqualTypeOf<Config>();
  });
});
