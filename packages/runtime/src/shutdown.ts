import type { Clock } from "./clock.js";
import type { Logger } from "./logger.js";

/** Releases one resource. May be async; it is awaited before the next hook runs. */
export type ShutdownHook = () => void | Promise<void>;

export interface ShutdownOutcome {
  /** True when every hook finished without throwing, within the timeout. */
  ok: boolean;
  /** The hook still running when the timeout expired, if any. */
  timedOut?: string;
  /** Hooks that threw or rejected, in the order they ran. */
  failed: string[];
  /** Hooks never started because the timeout expired first. */
  skipped: string[];
}

const TIMED_OUT = Symbol("timed out");

/**
 * Shutdown hooks, run once, one at a time, in reverse order of registration: what was acquired
 * last is released first. A hook that fails is logged and the rest still run; when the overall
 * timeout expires the running hook is abandoned and the remaining ones are skipped.
 */
export class ShutdownHooks {
  private readonly hooks: { name: string; hook: ShutdownHook }[] = [];
  private running: Promise<ShutdownOutcome> | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Registers a hook. Registering after shutdown has begun is a programmer error. */
  add(hook: ShutdownHook, name?: string): void {
    if (this.running !== undefined) throw new Error("cannot register a shutdown hook during shutdown");
    this.hooks.push({ name: name ?? (hook.name || `hook ${this.hooks.length + 1}`), hook });
  }

  /** Runs the hooks; later calls return the first call's outcome. */
  run(timeoutMs: number): Promise<ShutdownOutcome> {
    this.running ??= this.runOnce(timeoutMs);
    return this.running;
  }

  private async runOnce(timeoutMs: number): Promise<ShutdownOutcome> {
    const outcome: ShutdownOutcome = { ok: true, failed: [], skipped: [] };
    let deadlineTimer: { cancel(): void } | undefined;
    const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
      deadlineTimer = this.clock.setTimeout(() => resolve(TIMED_OUT), timeoutMs);
    });
    const ordered = [...this.hooks].reverse();
    try {
      for (const [index, { name, hook }] of ordered.entries()) {
        this.logger.info({ hook: name }, "running shutdown hook");
        const result = await Promise.race([
          (async () => {
            await hook();
          })().then(
            () => undefined,
            (err: unknown) => err ?? new Error("rejected without a reason"),
          ),
          deadline,
        ]);
        if (result === TIMED_OUT) {
          outcome.ok = false;
          outcome.timedOut = name;
          outcome.skipped = ordered.slice(index + 1).map((h) => h.name);
          this.logger.error(
            { hook: name, skipped: outcome.skipped, shutdownTimeoutMs: timeoutMs },
            "shutdown timed out",
          );
          break;
        }
        if (result !== undefined) {
          outcome.ok = false;
          outcome.failed.push(name);
          this.logger.error({ hook: name, err: result }, "shutdown hook failed");
        }
      }
    } finally {
      deadlineTimer?.cancel();
    }
    return outcome;
  }
}
