/**
 * Runs driver processes: one-shot steps that print JSON lines and exit, and
 * long-running group members that report their assignments and leave the
 * group when their stdin closes. Every wait is bounded.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import type { DriverEvent } from "./messages.js";

export interface Command {
  readonly file: string;
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
}

export class DriverError extends Error {}

function parseLine(text: string): DriverEvent | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{")) return null;
  try {
    const value = JSON.parse(trimmed) as unknown;
    if (typeof value === "object" && value !== null && typeof (value as DriverEvent).event === "string") {
      return value as DriverEvent;
    }
  } catch {
    // Not one of ours: a client library's own output.
  }
  return null;
}

function launch(command: Command, cwd: string): ChildProcess {
  return spawn(command.file, [...command.args], {
    cwd,
    env: { ...process.env, ...command.env },
    stdio: ["pipe", "pipe", "pipe"],
    detached: true, // its own process group, so a timeout kills wrappers and their children
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function tail(text: string): string {
  const lines = text.trim().split("\n");
  return lines.slice(-15).join("\n");
}

/** Runs a step to completion; fails on a non-zero exit, an `error` event or a timeout. */
export function runStep(command: Command, cwd: string, timeoutMs: number): Promise<DriverEvent[]> {
  return new Promise((resolve, reject) => {
    const child = launch(command, cwd);
    child.stdin?.end();
    const events: DriverEvent[] = [];
    let stderr = "";
    let other = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.length > 64_000) stderr = stderr.slice(-32_000);
    });
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (text) => {
      const event = parseLine(text);
      if (event) events.push(event);
      else if (other.length < 16_000) other += `${text}\n`;
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child, "SIGKILL");
    }, timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(new DriverError(`${command.file}: ${e.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const error = events.find((e) => e.event === "error");
      const what = `${[command.file, ...command.args].join(" ")}`;
      if (timedOut)
        reject(new DriverError(`${what}: no exit within ${timeoutMs} ms\n${tail(stderr + other)}`));
      else if (error) reject(new DriverError(`${what}: ${String(error.message)}\n${tail(stderr)}`));
      else if (code !== 0)
        reject(new DriverError(`${what}: exit ${code ?? signal}\n${tail(stderr + other)}`));
      else resolve(events);
    });
  });
}

/** A running group member. */
export class Member {
  readonly events: DriverEvent[] = [];
  private stderr = "";
  private readonly child: ChildProcess;
  private readonly exited: Promise<number | null>;

  constructor(
    readonly name: string,
    command: Command,
    cwd: string,
  ) {
    this.child = launch(command, cwd);
    this.child.stderr?.on("data", (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-32_000);
    });
    createInterface({ input: this.child.stdout as NodeJS.ReadableStream }).on("line", (text) => {
      const event = parseLine(text);
      if (event) this.events.push(event);
    });
    this.exited = new Promise((resolve) => {
      this.child.on("close", (code) => resolve(code));
      this.child.on("error", () => resolve(-1));
    });
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The partitions from the member's latest `assigned` event, or null before the first. */
  get assignment(): number[] | null {
    for (let i = this.events.length - 1; i >= 0; i--) {
      const e = this.events[i] as DriverEvent;
      if (e.event === "assigned") return (e.partitions as number[]).map(Number);
    }
    return null;
  }

  get errorText(): string {
    const error = this.events.find((e) => e.event === "error");
    return `${error ? String(error.message) : ""}\n${tail(this.stderr)}`.trim();
  }

  /** Closes stdin (the signal to leave the group) and waits; then SIGTERM, then SIGKILL. */
  async leave(graceMs: number): Promise<number | null> {
    this.child.stdin?.end();
    const done = await Promise.race([this.exited, sleep(graceMs).then(() => "timeout" as const)]);
    if (done !== "timeout") return done;
    killGroup(this.child, "SIGTERM");
    const later = await Promise.race([this.exited, sleep(5_000).then(() => "timeout" as const)]);
    if (later !== "timeout") throw new DriverError(`${this.name} did not leave within ${graceMs} ms`);
    killGroup(this.child, "SIGKILL");
    await this.exited;
    throw new DriverError(`${this.name} did not leave within ${graceMs} ms and ignored SIGTERM`);
  }

  /** Kills the member for good (clean-up after failures). */
  async kill(): Promise<void> {
    this.child.stdin?.end();
    killGroup(this.child, "SIGKILL");
    await Promise.race([this.exited, sleep(5_000)]);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
