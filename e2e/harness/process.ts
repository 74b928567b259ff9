/**
 * Real processes for end-to-end tests: start a service from its TypeScript
 * sources (optionally under a wrapper command, e.g. in a network namespace),
 * follow its JSON log lines, kill it for real (SIGKILL, SIGSTOP), restart it
 * with the same data directory.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");

/** tsx's loader, resolved from this package, so services run from their TypeScript sources. */
const tsxLoader = import.meta.resolve("tsx");

export type LogLine = Record<string, unknown> & { msg?: string };

export interface ProcessSpec {
  readonly name: string;
  /** A TypeScript entry point, relative to the repository root, run with tsx from sources. */
  readonly entry: string;
  readonly args?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** Where stdout and stderr are appended, one file per process name. */
  readonly logDir: string;
  /**
   * A command the process runs under, e.g. `["ip", "netns", "exec", NS]` to run it in a
   * network namespace. It must exec the service in place, so that the pid (and the
   * signals a test sends to it) stay the service's own.
   */
  readonly wrap?: readonly string[];
}

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

interface Waiter {
  readonly predicate: (line: LogLine) => boolean;
  readonly resolve: (line: LogLine) => void;
  readonly reject: (e: Error) => void;
}

/**
 * One service process. `start()` may be called again after it exits, which is
 * how a test restarts a killed service with the same data.
 */
export class ManagedProcess {
  private child: ChildProcess | null = null;
  private exitPromise: Promise<Exit> | null = null;
  private waiters: Waiter[] = [];
  private log: WriteStream;
  /** Every JSON log line since the first start. */
  readonly lines: LogLine[] = [];

  constructor(readonly spec: ProcessSpec) {
    mkdirSync(spec.logDir, { recursive: true });
    this.log = createWriteStream(join(spec.logDir, `${spec.name}.log`), { flags: "a" });
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  start(): void {
    if (this.running) throw new Error(`${this.spec.name} is already running`);
    const command = [
      process.execPath,
      "--conditions=@runnel/source",
      "--import",
      tsxLoader,
      join(repoRoot, this.spec.entry),
      ...(this.spec.args ?? []),
    ];
    const [file, ...args] = [...(this.spec.wrap ?? []), ...command] as [string, ...string[]];
    const child = spawn(file, args, {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...this.spec.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    this.log.write(`--- start pid ${child.pid}\n`);
    child.stderr?.on("data", (chunk: Buffer) => this.log.write(chunk));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (text) => {
      this.log.write(`${text}\n`);
      let line: LogLine;
      try {
        line = JSON.parse(text) as LogLine;
      } catch {
        line = { msg: text };
      }
      this.lines.push(line);
      const pending = this.waiters;
      this.waiters = [];
      for (const w of pending) {
        if (w.predicate(line)) w.resolve(line);
        else this.waiters.push(w);
      }
    });
    this.exitPromise = new Promise<Exit>((resolve) => {
      child.on("exit", (code, signal) => {
        this.log.write(`--- exit code ${code} signal ${signal}\n`);
        const pending = this.waiters;
        this.waiters = [];
        for (const w of pending)
          w.reject(new Error(`${this.spec.name} exited (code ${code}, signal ${signal})`));
        resolve({ code, signal });
      });
    });
  }

  /** Resolves with the first log line from now on matching `predicate`; rejects if the process exits first. */
  waitForLine(predicate: (line: LogLine) => boolean, timeoutMs = 30_000): Promise<LogLine> {
    return new Promise<LogLine>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`${this.spec.name}: no matching log line within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter = {
        predicate,
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Sends a signal; for SIGKILL and SIGTERM, waits for the exit. */
  async signal(sig: NodeJS.Signals): Promise<Exit | null> {
    const child = this.child;
    if (child === null || !this.running) return null;
    child.kill(sig);
    if (sig === "SIGKILL" || sig === "SIGTERM" || sig === "SIGINT") return (await this.exitPromise) as Exit;
    return null;
  }

  kill(): Promise<Exit | null> {
    return this.signal("SIGKILL");
  }

  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  async stop(graceMs = 10_000): Promise<Exit | null> {
    const child = this.child;
    if (child === null || !this.running) return null;
    child.kill("SIGTERM");
    const exit = this.exitPromise as Promise<Exit>;
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    try {
      return await exit;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.kill();
    await new Promise<void>((resolve) => this.log.end(resolve));
  }
}

/** A TCP port that was free a moment ago on `host` (127.0.0.1 unless told). */
export function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitUntil<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 30_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ""}`,
      );
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
