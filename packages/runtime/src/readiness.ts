import type { Clock } from "./clock.js";

/** A check's verdict: a boolean, or an object that can also say why it is not ready. */
export type ReadinessResult = boolean | { ready: boolean; reason?: string };

/** Decides whether one dependency is ready. Throwing, rejecting or timing out counts as not ready. */
export type ReadinessCheck = () => ReadinessResult | Promise<ReadinessResult>;

export interface CheckOutcome {
  name: string;
  ready: boolean;
  reason?: string;
}

export interface ReadinessReport {
  ready: boolean;
  checks: CheckOutcome[];
}

/**
 * The set of readiness checks of one service, plus two states of the service itself: it is not
 * ready until it has finished starting, and never ready again once it has begun shutting down.
 */
export class Readiness {
  private readonly checks = new Map<string, ReadinessCheck>();
  private phase: "starting" | "running" | "stopping" = "starting";

  constructor(
    private readonly clock: Clock,
    private readonly checkTimeoutMs: number,
  ) {}

  /** Registers a check; returns a function that removes it. Names are unique. */
  add(name: string, check: ReadinessCheck): () => void {
    if (this.checks.has(name)) throw new Error(`readiness check "${name}" is already registered`);
    this.checks.set(name, check);
    return () => {
      if (this.checks.get(name) === check) this.checks.delete(name);
    };
  }

  markStarted(): void {
    if (this.phase === "starting") this.phase = "running";
  }

  markStopping(): void {
    this.phase = "stopping";
  }

  /** Runs every check concurrently, each bounded by the check timeout. */
  async evaluate(): Promise<ReadinessReport> {
    const outcomes = await Promise.all([...this.checks].map(([name, check]) => this.run(name, check)));
    if (this.phase === "starting") outcomes.unshift({ name: "startup", ready: false, reason: "starting" });
    if (this.phase === "stopping")
      outcomes.unshift({ name: "shutdown", ready: false, reason: "shutting down" });
    return { ready: outcomes.every((o) => o.ready), checks: outcomes };
  }

  private async run(name: string, check: ReadinessCheck): Promise<CheckOutcome> {
    let timer: { cancel(): void } | undefined;
    const timeout = new Promise<CheckOutcome>((resolve) => {
      timer = this.clock.setTimeout(
        () => resolve({ name, ready: false, reason: `timed out after ${this.checkTimeoutMs} ms` }),
        this.checkTimeoutMs,
      );
    });
    const verdict = (async (): Promise<CheckOutcome> => {
      try {
        const result = await check();
        if (typeof result === "boolean") return result ? { name, ready: true } : { name, ready: false };
        return result.reason === undefined
          ? { name, ready: result.ready }
          : { name, ready: result.ready, reason: result.reason };
      } catch (err) {
        return { name, ready: false, reason: err instanceof Error ? err.message : String(err) };
      }
    })();
    try {
      return await Promise.race([verdict, timeout]);
    } finally {
      timer?.cancel();
    }
  }
}
