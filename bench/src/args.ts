/**
 * The command line of `pnpm bench`: which workloads run (all of them when none is named) and how
 * many brokers Runnel's fleet has in the `produce` workload.
 */

export const WORKLOADS = ["codec", "metadata", "produce", "replicated"] as const;
export type WorkloadName = (typeof WORKLOADS)[number];

export const USAGE = `usage: pnpm bench [${WORKLOADS.join("|")}]... [--brokers 1|2|3]`;

export interface BenchArgs {
  /** In the order of `WORKLOADS`, each once. */
  readonly workloads: readonly WorkloadName[];
  /** Brokers in Runnel's fleet for `produce`; `replicated` always runs three on each side. */
  readonly brokers: number;
}

export type ParsedArgs =
  | { readonly ok: true; readonly args: BenchArgs }
  | { readonly ok: false; readonly error: string };

function isWorkload(a: string): a is WorkloadName {
  return (WORKLOADS as readonly string[]).includes(a);
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const named = new Set<WorkloadName>();
  let brokers: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--brokers") {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1 || n > 3) return { ok: false, error: "--brokers must be 1, 2 or 3" };
      brokers = n;
    } else if (isWorkload(a)) {
      named.add(a);
    } else {
      return { ok: false, error: `unknown ${a.startsWith("-") ? "option" : "workload"} ${a}` };
    }
  }
  const workloads = named.size === 0 ? [...WORKLOADS] : WORKLOADS.filter((w) => named.has(w));
  if (brokers !== undefined && !workloads.includes("produce"))
    return {
      ok: false,
      error: "--brokers applies to produce; replicated always runs three brokers on each side",
    };
  return { ok: true, args: { workloads, brokers: brokers ?? 1 } };
}
