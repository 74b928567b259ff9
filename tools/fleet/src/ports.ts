/**
 * Free ports for a fleet planned to run beside others (tests, benchmarks): `planFleet`'s
 * `port` chooser that puts every port on a free one, and the proxy's port-per-broker base
 * on one followed by a free port for each broker.
 */
import { createServer } from "node:net";
import type { PlanOptions } from "./fleet.js";

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      const port = typeof a === "object" && a !== null ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.unref();
    s.once("error", () => resolve(false));
    s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
  });
}

/** A free port `base` with `base + 1 .. base + count` free as well. */
export async function freePortRun(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = await freePort();
    const free = await Promise.all(Array.from({ length: count }, (_, i) => portIsFree(base + 1 + i)));
    if (free.every(Boolean)) return base;
  }
  throw new Error(`no run of ${count} free ports found`);
}

/** `planFleet`'s `port` option for free ports, the proxy's `brokers` base followed by `brokers` free ones. */
export function freePlanPorts(brokers: number): NonNullable<PlanOptions["port"]> {
  return (_name, portName) => (portName === "brokers" ? freePortRun(brokers) : freePort());
}
