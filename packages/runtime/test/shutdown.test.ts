import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const fixture = fileURLToPath(new URL("./fixtures/service.ts", import.meta.url));

type LogLine = Record<string, unknown> & { msg?: string };

interface Child {
  process: ChildProcess;
  lines: LogLine[];
  /** Resolves with the first log line matching `predicate`, seen now or later. */
  waitFor(predicate: (line: LogLine) => boolean): Promise<LogLine>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the fixture service under Node with tsx, on an ephemeral admin port. */
function startFixture(mode: string, extraEnv: Record<string, string> = {}): Child {
  const child = spawn(process.execPath, ["--import", "tsx", fixture], {
    cwd: packageDir,
    env: {
      PATH: process.env.PATH ?? "",
      FIXTURE_MODE: mode,
      RUNNEL_FIXTURE_ADMIN_HOST: "127.0.0.1",
      RUNNEL_FIXTURE_ADMIN_PORT: "0",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: LogLine[] = [];
  const waiters: { predicate: (line: LogLine) => boolean; resolve: (line: LogLine) => void }[] = [];
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (text) => {
    const line = JSON.parse(text) as LogLine;
    lines.push(line);
    for (const w of waiters.splice(0)) {
      if (w.predicate(line)) w.resolve(line);
      else waiters.push(w);
    }
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("exit", (code, signal) => resolve({ code, signal }));
  });
  return {
    process: child,
    lines,
    exit,
    waitFor: (predicate) => {
      const seen = lines.find(predicate);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise<LogLine>((resolve, reject) => {
        waiters.push({ predicate, resolve });
        void exit.then(({ code }) => reject(new Error(`fixture exited (${code}) first; stderr:\n${stderr}`)));
      });
    },
  };
}

const byMsg = (msg: string) => (line: LogLine) => line.msg === msg;

describe("graceful shutdown of a real process", () => {
  it("on SIGTERM runs hooks in reverse order, closes the admin server last and exits 0", async () => {
    const child = startFixture("clean");
    const listening = await child.waitFor(byMsg("admin server listening"));
    await child.waitFor(byMsg("service started"));
    const admin = String(listening.admin);
    expect((await fetch(`${admin}/readyz`)).status).toBe(200);

    child.process.kill("SIGTERM");
    expect(await child.exit).toEqual({ code: 0, signal: null });

    const ran = child.lines.filter((l) => l.msg === "hook ran").map((l) => l.hook);
    expect(ran).toEqual(["third", "second", "first"]);
    const order = child.lines.filter((l) => l.msg === "running shutdown hook").map((l) => l.hook);
    expect(order).toEqual(["third", "second", "first", "admin server", "metrics"]);
    expect(child.lines.find(byMsg("signal received"))).toMatchObject({
      signal: "SIGTERM",
      service: "fixture",
    });
    expect(child.lines.at(-1)?.msg).toBe("shutdown complete");
  });

  it("exits non-zero when a hook hangs past shutdownTimeoutMs, skipping the remaining hooks", async () => {
    const child = startFixture("hang", { RUNNEL_FIXTURE_SHUTDOWN_TIMEOUT_MS: "300ms" });
    await child.waitFor(byMsg("service started"));
    child.process.kill("SIGTERM");
    expect(await child.exit).toEqual({ code: 1, signal: null });
    expect(child.lines.find(byMsg("shutdown timed out"))).toMatchObject({
      level: "error",
      hook: "second",
      skipped: ["first"],
      shutdownTimeoutMs: 300,
    });
    // The runtime still closes its own admin server and metrics after the timeout.
    const order = child.lines.filter((l) => l.msg === "running shutdown hook").map((l) => l.hook);
    expect(order).toEqual(["third", "second", "admin server", "metrics"]);
    expect(child.lines.filter((l) => l.msg === "hook ran").map((l) => l.hook)).toEqual(["third", "second"]);
  });

  it("exits non-zero when a hook throws, after still running the others", async () => {
    const child = startFixture("fail");
    await child.waitFor(byMsg("service started"));
    child.process.kill("SIGINT");
    expect(await child.exit).toEqual({ code: 1, signal: null });
    expect(child.lines.find(byMsg("shutdown hook failed"))).toMatchObject({
      hook: "second",
      err: { message: "second hook failed" },
    });
    expect(child.lines.filter((l) => l.msg === "hook ran").map((l) => l.hook)).toEqual([
      "third",
      "second",
      "first",
    ]);
  });

  it("a second signal forces exit while a hook hangs", async () => {
    const child = startFixture("hang", { RUNNEL_FIXTURE_SHUTDOWN_TIMEOUT_MS: "10m" });
    await child.waitFor(byMsg("service started"));
    child.process.kill("SIGTERM");
    await child.waitFor((l) => l.msg === "hook ran" && l.hook === "second");
    child.process.kill("SIGTERM");
    expect(await child.exit).toEqual({ code: 128 + 15, signal: null });
    expect(child.lines.find(byMsg("second signal, exiting without finishing shutdown"))).toBeDefined();
  });

  it("a signal during startup shuts the service down once start finishes", async () => {
    const child = startFixture("signal-during-start");
    await child.waitFor(byMsg("waiting for a signal before finishing start"));
    child.process.kill("SIGTERM");
    expect(await child.exit).toEqual({ code: 0, signal: null });
    const messages = child.lines.map((l) => l.msg);
    expect(messages.indexOf("service started")).toBeLessThan(messages.indexOf("signal received"));
    expect(child.lines.filter((l) => l.msg === "hook ran").map((l) => l.hook)).toEqual([
      "third",
      "second",
      "first",
    ]);
  });

  it("refuses to start on invalid config, naming the key on stderr", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", fixture], {
      cwd: packageDir,
      env: { PATH: process.env.PATH ?? "", RUNNEL_FIXTURE_LABEL: "x", RUNNEL_FIXTURE_LOG_LEVEL: "loud" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    expect(code).toBe(78);
    expect(stderr).toContain('invalid configuration for service "fixture"');
    expect(stderr).toMatch(/logLevel: .* \(env RUNNEL_FIXTURE_LOG_LEVEL\)/);
  });
});
