import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, ManagedProcess, waitUntil } from "../harness/process.js";

const logDir = mkdtempSync(join(tmpdir(), "runnel-harness-"));
afterAll(() => rmSync(logDir, { recursive: true, force: true }));

describe("ManagedProcess", () => {
  it("starts a TypeScript entry point, follows its log lines, and kills it for real", async () => {
    const p = new ManagedProcess({
      name: "echo",
      entry: "e2e/test/fixtures/echo-service.ts",
      args: ["first"],
      env: { ECHO_ENV: "x" },
      logDir,
    });
    p.start();
    const ready = await p.waitForLine((l) => l.msg === "ready");
    expect(ready).toMatchObject({ arg: "first", env: "x" });
    await p.waitForLine((l) => l.msg === "tick" && (l.n as number) >= 2);
    const exit = await p.kill();
    expect(exit?.signal).toBe("SIGKILL");
    expect(p.running).toBe(false);

    // Restart: same name, new pid, log appended to the same file.
    const firstPid = ready.pid;
    p.start();
    const again = await p.waitForLine((l) => l.msg === "ready");
    expect(again.pid).not.toBe(firstPid);
    const stopped = await p.stop();
    expect(stopped).toEqual({ code: 0, signal: null });
    expect(p.lines.some((l) => l.msg === "terminating")).toBe(true);
    await p.close();
    expect(readFileSync(join(logDir, "echo.log"), "utf8").match(/--- start pid/g)?.length).toBe(2);
  });

  it("rejects a waiter when the process dies first", async () => {
    const p = new ManagedProcess({ name: "dies", entry: "e2e/test/fixtures/echo-service.ts", logDir });
    p.start();
    await p.waitForLine((l) => l.msg === "ready");
    const waiting = p.waitForLine((l) => l.msg === "never");
    await p.kill();
    await expect(waiting).rejects.toThrow(/exited/);
    await p.close();
  });
});

describe("helpers", () => {
  it("finds a free port and polls until a condition holds", async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    let calls = 0;
    const v = await waitUntil("third call", () => (++calls >= 3 ? calls : undefined), 5_000, 1);
    expect(v).toBe(3);
    await expect(waitUntil("never", () => undefined, 50, 5)).rejects.toThrow(/timed out/);
  });
});
