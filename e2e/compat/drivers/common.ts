/**
 * Shared plumbing for the TypeScript drivers: argument parsing, JSON-line
 * output, bounded waits, and the stdin-EOF signal that tells a group member
 * to leave.
 */
export { messageKey, messageValue } from "../messages.js";

export const STEP_TIMEOUT_MS = 60_000;
export const MEMBER_MAX_LIFE_MS = 180_000;

export function emit(fields: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(fields, (_, v) => (typeof v === "bigint" ? Number(v) : v))}\n`);
}

export function fail(e: unknown): never {
  emit({ event: "error", message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  process.exit(1);
}

export interface Invocation {
  readonly bootstrap: string;
  readonly scenario: string;
  readonly args: readonly string[];
}

/** `BOOTSTRAP SCENARIO ARGS...`, checking the argument count of each known scenario. */
export function invocation(arity: Readonly<Record<string, number>>): Invocation {
  const [bootstrap, scenario, ...args] = process.argv.slice(2);
  if (!bootstrap || !scenario || arity[scenario] !== args.length) {
    fail(new Error(`usage: BOOTSTRAP SCENARIO ARGS; got ${process.argv.slice(2).join(" ")}`));
  }
  return { bootstrap, scenario, args };
}

/** A driver's scenarios, each with the number of arguments it takes after BOOTSTRAP SCENARIO. */
export interface DriverScenarios {
  readonly version: () => Promise<void> | void;
  readonly "create-topic": (inv: Invocation) => Promise<void>;
  readonly produce: (inv: Invocation) => Promise<void>;
  readonly consume: (inv: Invocation) => Promise<void>;
  readonly member: (inv: Invocation) => Promise<void>;
}

const ARITY = { version: 0, "create-topic": 3, produce: 4, consume: 3, member: 2 } as const;

/**
 * Runs the scenario the command line names, after `prepare` (if any), then
 * exits 0; a failure is reported as the driver's error event and exit 1.
 */
export function runDriver(scenarios: DriverScenarios, prepare?: () => Promise<void>): void {
  const inv = invocation(ARITY);
  const run = async (): Promise<void> => {
    await prepare?.();
    const scenario = inv.scenario as keyof DriverScenarios;
    if (scenario === "version") await scenarios.version();
    else await scenarios[scenario](inv);
  };
  run().then(
    () => process.exit(0),
    (e: unknown) => fail(e),
  );
}

export function arg(inv: Invocation, i: number): string {
  return inv.args[i] as string;
}

/** Rejects after `ms`. */
export async function within<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves when stdin closes (the suite's signal to leave the group) or after the member's maximum life. */
export function stdinClosed(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, MEMBER_MAX_LIFE_MS);
    process.stdin.on("data", () => {});
    process.stdin.on("end", () => {
      clearTimeout(timer);
      resolve();
    });
    process.stdin.resume();
  });
}

export function sortedPartitions(owned: Iterable<number>): number[] {
  return [...owned].sort((a, b) => a - b);
}
