/**
 * The supervisor: runs each process of the fleet from its TypeScript sources,
 * appends its output to `<data>/logs/<name>.log`, restarts it with a back-off
 * when it exits on its own, polls its `/readyz`, and stops the fleet tier by
 * tier (highest tier first), SIGTERM then SIGKILL after a grace period.
 */
import { type ChildProcess, spawn } from "node:child_process";
import {
  appendFileSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  renameSync,
  writeFileSync,
} from "node:fs";
import { isAbsolute, join, resolve } from "node:path";

/** One process of the fleet, fully resolved. */
export interface ProcessSpec {
  /** Unique name, e.g. `broker-2`. */
  readonly name: string;
  /** The service it runs, e.g. `broker`. */
  readonly service: string;
  /** TypeScript entry point, relative to the repository root (or absolute). */
  readonly entry: string;
  /** Lower tiers start first and stop last. */
  readonly tier: number;
  /** Set on top of the supervisor's own environment. */
  readonly env: Readonly<Record<string, string>>;
  readonly args?: readonly string[];
  /** A port on 127.0.0.1 whose `/readyz` answers 200 when the process is ready. */
  readonly readyPort?: number;
}

export type ProcessState = "running" | "restarting" | "stopping" | "stopped" | "missing-entry";

export interface LastExit {
  readonly code: number | null;
  readonly signal: string | null;
  /** ISO time of the exit. */
  readonly at: string;
}

export interface ProcessStatus {
  readonly name: string;
  readonly service: string;
  readonly state: ProcessState;
  readonly pid: number | null;
  /** Whether `/readyz` answered 200 at the last poll; null when the process has no ready port. */
  readonly ready: boolean | null;
  /** Time since the current process started; null when none runs. */
  readonly uptimeMs: number | null;
  /** Unexpected exits (crashes, kills from outside) that the supervisor answered with a restart. */
  readonly restarts: number;
  readonly lastExit: LastExit | null;
  /** When restarting: time left until the next start. */
  readonly nextStartInMs: number | null;
  readonly entry: string;
  readonly log: string;
  readonly readyPort: number | null;
}

export interface FleetEvent {
  readonly level: "info" | "warn" | "error";
  readonly msg: string;
  readonly process?: string;
  readonly [key: string]: unknown;
}

export interface BackoffOptions {
  /** Delay before the first restart after a crash. */
  readonly initialMs?: number;
  /** The delay doubles per consecutive crash up to this. */
  readonly maxMs?: number;
  /** A process up at least this long before it exits starts again from `initialMs`. */
  readonly resetAfterMs?: number;
}

export interface SupervisorOptions {
  readonly repoRoot: string;
  readonly dataDir: string;
  readonly specs: readonly ProcessSpec[];
  readonly backoff?: BackoffOptions;
  /** Time between SIGTERM and SIGKILL when stopping a process. */
  readonly graceMs?: number;
  /** Interval of `/readyz` polls. */
  readonly readyPollMs?: number;
  /** Receives the supervisor's own log events. */
  readonly log?: (event: FleetEvent) => void;
  /** Clock, in milliseconds; injectable for tests. */
  readonly now?: () => number;
}

/** tsx's loader, resolved from this package, so services run from their TypeScript sources. */
const tsxLoader = import.meta.resolve("tsx");

/** The file under the data directory that records the running children (see `reapLeftovers`). */
export const PID_FILE = "supervisor.pids.json";

export interface PidRecord {
  readonly supervisor: number;
  readonly children: readonly { readonly name: string; readonly pid: number; readonly entry: string }[];
}

const DEFAULT_BACKOFF = { initialMs: 500, maxMs: 10_000, resetAfterMs: 30_000 } as const;

/** The back-off before restart number `consecutive` (1-based) of a crash loop. */
export function backoffDelay(consecutive: number, initialMs: number, maxMs: number): number {
  return Math.min(maxMs, initialMs * 2 ** Math.max(0, Math.min(consecutive - 1, 30)));
}

interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

class Supervised {
  state: ProcessState = "stopped";
  child: ChildProcess | null = null;
  startedAt = 0;
  restarts = 0;
  consecutiveCrashes = 0;
  lastExit: LastExit | null = null;
  ready = false;
  polling = false;
  nextStartAt: number | null = null;
  timer: NodeJS.Timeout | null = null;
  exited: Promise<Exit> | null = null;
  stopping: Promise<void> | null = null;
  readonly logPath: string;
  readonly entryPath: string;

  constructor(
    readonly spec: ProcessSpec,
    private readonly sup: Supervisor,
  ) {
    this.logPath = join(sup.logDir, `${spec.name}.log`);
    this.entryPath = isAbsolute(spec.entry) ? spec.entry : resolve(sup.repoRoot, spec.entry);
  }

  private log(level: FleetEvent["level"], msg: string, fields: Record<string, unknown> = {}): void {
    this.sup.emit({ level, msg, process: this.spec.name, ...fields });
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.nextStartAt = null;
  }

  /** Starts the process now, unless it runs already; reports a missing entry point instead. */
  start(): void {
    this.clearTimer();
    if (this.child !== null) return;
    if (!existsSync(this.entryPath)) {
      if (this.state !== "missing-entry")
        this.log("error", `entry point ${this.spec.entry} does not exist; ${this.spec.name} is not started`, {
          entry: this.spec.entry,
        });
      this.state = "missing-entry";
      return;
    }
    mkdirSync(this.sup.logDir, { recursive: true });
    const fd = openSync(this.logPath, "a");
    let child: ChildProcess;
    try {
      child = spawn(
        process.execPath,
        ["--conditions=@runnel/source", "--import", tsxLoader, this.entryPath, ...(this.spec.args ?? [])],
        {
          cwd: this.sup.repoRoot,
          env: { ...process.env, ...this.spec.env },
          stdio: ["ignore", fd, fd],
          // Its own process group: a Ctrl-C in the terminal reaches the supervisor only, which
          // then stops the fleet in order.
          detached: true,
        },
      );
    } finally {
      closeSync(fd);
    }
    this.child = child;
    this.startedAt = this.sup.now();
    this.ready = false;
    this.state = "running";
    this.exited = new Promise<Exit>((resolveExit) => {
      let done = false;
      const finish = (code: number | null, signal: NodeJS.Signals | null): void => {
        if (done) return;
        done = true;
        this.onExit(child, code, signal);
        resolveExit({ code, signal });
      };
      child.once("exit", finish);
      child.once("error", (err) => {
        // Only a failed spawn (no pid) is final here; other errors are followed by "exit".
        if (child.pid === undefined) {
          this.log("error", `could not spawn ${this.spec.name}: ${err.message}`);
          finish(null, null);
        }
      });
    });
    this.note(`--- supervisor: started pid ${child.pid ?? "?"} (${this.spec.entry})`);
    this.log("info", "started", { pid: child.pid ?? null });
    this.sup.recordPids();
  }

  private note(line: string): void {
    try {
      appendFileSync(this.logPath, `${new Date(this.sup.now()).toISOString()} ${line}\n`);
    } catch {
      // The log is best effort; supervision goes on without it.
    }
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.child !== child) return;
    const now = this.sup.now();
    const uptimeMs = now - this.startedAt;
    this.child = null;
    this.sup.recordPids();
    this.ready = false;
    this.lastExit = { code, signal, at: new Date(now).toISOString() };
    this.note(`--- supervisor: pid ${child.pid ?? "?"} exited (code ${code}, signal ${signal})`);
    if (this.state === "stopping" || this.sup.closing) {
      this.state = "stopped";
      this.log("info", "stopped", { pid: child.pid ?? null, code, signal });
      return;
    }
    const b = this.sup.backoff;
    if (uptimeMs >= b.resetAfterMs) this.consecutiveCrashes = 0;
    this.consecutiveCrashes++;
    this.restarts++;
    const delay = backoffDelay(this.consecutiveCrashes, b.initialMs, b.maxMs);
    this.state = "restarting";
    this.nextStartAt = now + delay;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.nextStartAt = null;
      if (this.state === "restarting") this.start();
    }, delay);
    this.log("warn", `exited unexpectedly; restarting in ${delay} ms`, {
      pid: child.pid ?? null,
      code,
      signal,
      uptimeMs,
      restarts: this.restarts,
    });
  }

  /** SIGTERM, then SIGKILL after the grace period; resolves once the process is gone. */
  stop(): Promise<void> {
    this.clearTimer();
    if (this.stopping !== null) return this.stopping;
    const child = this.child;
    if (child === null) {
      if (this.state !== "missing-entry") this.state = "stopped";
      return Promise.resolve();
    }
    this.state = "stopping";
    this.log("info", "stopping", { pid: child.pid ?? null });
    const exited = this.exited as Promise<Exit>;
    child.kill("SIGTERM");
    const graceMs = this.sup.graceMs;
    const killer = setTimeout(() => {
      this.log("warn", `did not stop within ${graceMs} ms; sending SIGKILL`, { pid: child.pid ?? null });
      child.kill("SIGKILL");
    }, graceMs);
    this.stopping = exited.then(() => {
      clearTimeout(killer);
      this.stopping = null;
    });
    return this.stopping;
  }

  /** SIGKILL, as a crash would: the supervisor restarts the process after the back-off. */
  async kill(): Promise<number> {
    const child = this.child;
    if (child === null || this.state !== "running" || child.pid === undefined) {
      throw new Error(`${this.spec.name} is not running (state ${this.state})`);
    }
    this.log("warn", "killing with SIGKILL on request", { pid: child.pid });
    child.kill("SIGKILL");
    await this.exited;
    return child.pid;
  }

  /** Graceful stop, then start at once; not counted as a crash. */
  async restart(): Promise<void> {
    await this.stop();
    this.consecutiveCrashes = 0;
    this.state = "stopped";
    this.start();
  }

  async pollReady(): Promise<void> {
    const port = this.spec.readyPort;
    if (port === undefined || this.child === null || this.polling) return;
    const child = this.child;
    this.polling = true;
    let ready = false;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`, {
        signal: AbortSignal.timeout(Math.max(200, Math.min(2_000, this.sup.readyPollMs))),
      });
      await res.arrayBuffer();
      ready = res.status === 200;
    } catch {
      ready = false;
    } finally {
      this.polling = false;
    }
    if (this.child !== child) return;
    if (ready !== this.ready) this.log(ready ? "info" : "warn", ready ? "ready" : "no longer ready");
    this.ready = ready;
  }

  status(): ProcessStatus {
    const now = this.sup.now();
    return {
      name: this.spec.name,
      service: this.spec.service,
      state: this.state,
      pid: this.child?.pid ?? null,
      ready: this.spec.readyPort === undefined ? null : this.ready,
      uptimeMs: this.child === null ? null : now - this.startedAt,
      restarts: this.restarts,
      lastExit: this.lastExit,
      nextStartInMs: this.nextStartAt === null ? null : Math.max(0, this.nextStartAt - now),
      entry: this.spec.entry,
      log: this.logPath,
      readyPort: this.spec.readyPort ?? null,
    };
  }
}

export class UnknownProcessError extends Error {
  constructor(
    readonly processName: string,
    readonly names: readonly string[],
  ) {
    super(`unknown process "${processName}"; the fleet's processes are: ${names.join(", ")}`);
    this.name = "UnknownProcessError";
  }
}

export class Supervisor {
  readonly repoRoot: string;
  readonly dataDir: string;
  readonly logDir: string;
  readonly graceMs: number;
  readonly readyPollMs: number;
  readonly backoff: { initialMs: number; maxMs: number; resetAfterMs: number };
  readonly now: () => number;
  readonly startedAt: number;
  /** Set once the whole fleet is being stopped: no exit is answered with a restart from then on. */
  closing = false;
  private readonly processes = new Map<string, Supervised>();
  private readonly sink: (event: FleetEvent) => void;
  private poller: NodeJS.Timeout | null = null;
  private stopped: Promise<void> | null = null;

  constructor(options: SupervisorOptions) {
    this.repoRoot = options.repoRoot;
    this.dataDir = options.dataDir;
    this.logDir = join(options.dataDir, "logs");
    this.graceMs = options.graceMs ?? 15_000;
    this.readyPollMs = options.readyPollMs ?? 1_000;
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.now = options.now ?? Date.now;
    this.startedAt = this.now();
    this.sink = options.log ?? (() => {});
    for (const spec of options.specs) {
      if (this.processes.has(spec.name)) throw new Error(`process "${spec.name}" is listed twice`);
      this.processes.set(spec.name, new Supervised(spec, this));
    }
  }

  /** Where the pids of the running children are recorded, for `reapLeftovers` after a hard crash. */
  get pidFile(): string {
    return join(this.dataDir, PID_FILE);
  }

  /** Records the supervisor's pid and each running child's pid and entry point. Best effort. */
  recordPids(): void {
    const record: PidRecord = {
      supervisor: process.pid,
      children: [...this.processes.values()].flatMap((p) =>
        p.child?.pid === undefined ? [] : [{ name: p.spec.name, pid: p.child.pid, entry: p.entryPath }],
      ),
    };
    try {
      mkdirSync(this.dataDir, { recursive: true });
      writeFileSync(`${this.pidFile}.tmp`, `${JSON.stringify(record)}\n`);
      renameSync(`${this.pidFile}.tmp`, this.pidFile);
    } catch {
      // Only the clean-up after a hard crash depends on it.
    }
  }

  emit(event: FleetEvent): void {
    this.sink(event);
  }

  get names(): string[] {
    return [...this.processes.keys()];
  }

  private get(name: string): Supervised {
    const p = this.processes.get(name);
    if (p === undefined) throw new UnknownProcessError(name, this.names);
    return p;
  }

  /** Tiers in ascending order, each with its processes. */
  private tiers(): Supervised[][] {
    const byTier = new Map<number, Supervised[]>();
    for (const p of this.processes.values()) {
      const list = byTier.get(p.spec.tier) ?? [];
      list.push(p);
      byTier.set(p.spec.tier, list);
    }
    return [...byTier.entries()].sort((a, b) => a[0] - b[0]).map(([, list]) => list);
  }

  /** Starts every process, lowest tier first, and begins polling readiness. */
  start(): void {
    if (this.closing) throw new Error("the supervisor is stopping");
    mkdirSync(this.logDir, { recursive: true });
    this.emit({ level: "info", msg: "starting fleet", dataDir: this.dataDir, processes: this.names });
    for (const tier of this.tiers()) for (const p of tier) p.start();
    this.poller ??= setInterval(() => {
      for (const p of this.processes.values()) void p.pollReady();
    }, this.readyPollMs);
  }

  /** Stops the whole fleet, highest tier first, each tier's processes together. Idempotent. */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      this.closing = true;
      if (this.poller !== null) clearInterval(this.poller);
      this.poller = null;
      this.emit({ level: "info", msg: "stopping fleet" });
      for (const tier of this.tiers().reverse()) await Promise.all(tier.map((p) => p.stop()));
      this.emit({ level: "info", msg: "fleet stopped" });
    })();
    return this.stopped;
  }

  /** SIGKILLs every running child at once; for a supervisor that is exiting without a graceful stop. */
  killAll(): void {
    this.closing = true;
    for (const p of this.processes.values()) {
      try {
        p.child?.kill("SIGKILL");
      } catch {
        // Already gone.
      }
    }
  }

  status(): ProcessStatus[] {
    return [...this.processes.values()].map((p) => p.status());
  }

  statusOf(name: string): ProcessStatus {
    return this.get(name).status();
  }

  /** SIGKILLs a running process, like a crash; it is restarted after the back-off. Returns the killed pid. */
  async kill(name: string): Promise<number> {
    return this.get(name).kill();
  }

  /** Stops a process gracefully and starts it again at once. */
  async restart(name: string): Promise<void> {
    this.refuseWhenClosing();
    return this.get(name).restart();
  }

  /** Stops a process gracefully; it stays stopped until started. */
  async stopProcess(name: string): Promise<void> {
    return this.get(name).stop();
  }

  /** Starts a stopped (or restarting, or missing-entry) process now. */
  startProcess(name: string): void {
    this.refuseWhenClosing();
    const p = this.get(name);
    if (p.state === "stopping") throw new Error(`${name} is stopping; start it once it has stopped`);
    p.start();
  }

  private refuseWhenClosing(): void {
    if (this.closing) throw new Error("the fleet is stopping");
  }
}
