import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { ManualClock, Readiness, SeededRandom, type ServiceHandle, startService } from "../src/index.js";

/** Collects the service's JSON log lines instead of writing them to stdout. */
class LogSink extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (line !== "") this.lines.push(JSON.parse(line) as Record<string, unknown>);
    }
    done();
  }
  messages(): string[] {
    return this.lines.map((l) => String(l.msg));
  }
}

const env = { RUNNEL_ADMINTEST_ADMIN_HOST: "127.0.0.1", RUNNEL_ADMINTEST_PROCESS_METRICS: "false" };
const running: ServiceHandle<unknown>[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.shutdown("test over")));
});

async function get(
  base: string,
  path: string,
): Promise<{ status: number; body: string; type: string | null }> {
  const response = await fetch(base + path);
  return { status: response.status, body: await response.text(), type: response.headers.get("content-type") };
}

describe("admin HTTP", () => {
  it("serves /healthz, /readyz following its checks, and /metrics with the service's counter", async () => {
    const logs = new LogSink();
    let storeReady = false;
    const handle = await startService(
      {
        name: "admintest",
        configSchema: z.object({ greeting: z.string().default("hello") }),
        start(ctx) {
          ctx.meter
            .createCounter("records.appended", { description: "Records appended." })
            .add(5, { topic: "t" });
          ctx.addReadinessCheck("store", () => ({ ready: storeReady, reason: "store is loading" }));
          ctx.addReadinessCheck("always", () => true);
        },
      },
      { env, logDestination: logs },
    );
    running.push(handle);
    const base = handle.adminAddress.url;
    expect(handle.adminAddress.host).toBe("127.0.0.1");
    expect(handle.adminAddress.port).toBeGreaterThan(0);
    expect(handle.config.greeting).toBe("hello");
    expect(logs.lines.find((l) => l.msg === "admin server listening")).toMatchObject({
      service: "admintest",
      admin: base,
      level: "info",
    });

    expect(await get(base, "/healthz")).toMatchObject({ status: 200, body: '{"status":"ok"}' });

    const notReady = await get(base, "/readyz");
    expect(notReady.status).toBe(503);
    expect(JSON.parse(notReady.body)).toMatchObject({
      status: "not ready",
      failing: [{ name: "store", ready: false, reason: "store is loading" }],
    });

    storeReady = true;
    const ready = await get(base, "/readyz");
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toEqual({
      status: "ready",
      checks: [
        { name: "store", ready: true, reason: "store is loading" },
        { name: "always", ready: true },
      ],
    });

    const metrics = await get(base, "/metrics");
    expect(metrics.status).toBe(200);
    expect(metrics.type).toBe("text/plain; version=0.0.4; charset=utf-8");
    expect(metrics.body).toContain("# TYPE records_appended_total counter");
    expect(metrics.body).toMatch(/^records_appended_total\{topic="t",[^}]*\} 5$/m);
    expect(metrics.body).toMatch(/^target_info\{service_name="admintest",service_instance_id="[^"]+"\} 1$/m);
    expect(metrics.body).not.toContain("process_cpu_time");
  });

  it("exports process metrics unless turned off", async () => {
    const handle = await startService(
      { name: "admintest", start() {} },
      { env: { RUNNEL_ADMINTEST_ADMIN_HOST: "127.0.0.1" }, logDestination: new LogSink() },
    );
    running.push(handle);
    const { body } = await get(handle.adminAddress.url, "/metrics");
    expect(body).toMatch(/^process_cpu_time_total\{cpu_mode="user",[^}]*\} [0-9.e-]+$/m);
    expect(body).toMatch(/^process_memory_usage\{[^}]*\} \d+$/m);
    expect(body).toContain("nodejs_eventloop_delay_p99");
  });

  it("is not ready once shutdown begins, while hooks still run", async () => {
    const logs = new LogSink();
    const seenDuringShutdown: { status: number; body: string }[] = [];
    const handle = await startService(
      {
        name: "admintest",
        start(ctx) {
          ctx.onShutdown(async () => {
            expect(ctx.signal.aborted).toBe(true);
            seenDuringShutdown.push(await get(ctx.adminAddress.url, "/readyz"));
          }, "probe readiness");
        },
      },
      { env, logDestination: logs },
    );
    expect((await get(handle.adminAddress.url, "/readyz")).status).toBe(200);
    expect(await handle.shutdown("test")).toEqual({ ok: true, failed: [], skipped: [] });
    expect(seenDuringShutdown).toHaveLength(1);
    expect(seenDuringShutdown[0]?.status).toBe(503);
    expect(JSON.parse(seenDuringShutdown[0]?.body ?? "")).toMatchObject({
      failing: [{ name: "shutdown", reason: "shutting down" }],
    });
    // The admin server closes after the service's hooks, then metrics.
    const hooks = logs.lines.filter((l) => l.msg === "running shutdown hook").map((l) => l.hook);
    expect(hooks).toEqual(["probe readiness", "admin server", "metrics"]);
    await expect(fetch(`${handle.adminAddress.url}/healthz`)).rejects.toThrow();
  });

  it("a hook past shutdownTimeoutMs is abandoned, and the admin server still closes", async () => {
    const clock = new ManualClock();
    const handle = await startService(
      {
        name: "admintest",
        start(ctx) {
          ctx.onShutdown(() => {}, "after");
          ctx.onShutdown(() => new Promise<void>(() => {}), "hangs");
        },
      },
      { env: { ...env, RUNNEL_ADMINTEST_SHUTDOWN_TIMEOUT_MS: "5s" }, clock, logDestination: new LogSink() },
    );
    const outcome = handle.shutdown("test");
    await clock.advanceAsync(4_999);
    expect(clock.pendingTimers()).toBe(1); // the deadline has not fired yet
    await clock.advanceAsync(1);
    expect(await outcome).toEqual({ ok: false, timedOut: "hangs", failed: [], skipped: ["after"] });
    await expect(fetch(`${handle.adminAddress.url}/healthz`)).rejects.toThrow();
  });

  it("when start throws, shuts down what it registered and rethrows", async () => {
    const logs = new LogSink();
    const released: string[] = [];
    await expect(
      startService(
        {
          name: "admintest",
          start(ctx) {
            ctx.onShutdown(() => {
              released.push("first");
            }, "first");
            throw new Error("cannot open store");
          },
        },
        { env, logDestination: logs },
      ),
    ).rejects.toThrow("cannot open store");
    expect(released).toEqual(["first"]);
    expect(logs.lines.find((l) => l.msg === "service failed to start")).toMatchObject({
      level: "fatal",
      err: { message: "cannot open store" },
    });
  });

  it("hands the service the injected clock and random", async () => {
    const clock = new ManualClock(1_700_000_000_000);
    const random = new SeededRandom(1);
    const logs = new LogSink();
    let seen: unknown[] = [];
    const handle = await startService(
      {
        name: "admintest",
        start(ctx) {
          seen = [ctx.clock, ctx.random];
          ctx.logger.child({ component: "store" }).info("opened");
        },
      },
      { env, clock, random, logDestination: logs },
    );
    running.push(handle);
    expect(seen).toEqual([clock, random]);
    expect(logs.lines.find((l) => l.msg === "opened")).toMatchObject({
      time: 1_700_000_000_000,
      component: "store",
      service: "admintest",
    });
  });
});

describe("Readiness", () => {
  it("counts a throwing check and a check past its timeout as failing", async () => {
    const clock = new ManualClock();
    const readiness = new Readiness(clock, 500);
    readiness.markStarted();
    readiness.add("throws", () => {
      throw new Error("disk gone");
    });
    readiness.add("hangs", () => new Promise<boolean>(() => {}));
    expect(() => readiness.add("hangs", () => true)).toThrow(/already registered/);
    const report = readiness.evaluate();
    await clock.advanceAsync(500);
    expect(await report).toEqual({
      ready: false,
      checks: [
        { name: "throws", ready: false, reason: "disk gone" },
        { name: "hangs", ready: false, reason: "timed out after 500 ms" },
      ],
    });
  });

  it("is not ready before start completes, and a removed check no longer counts", async () => {
    const readiness = new Readiness(new ManualClock(), 500);
    const remove = readiness.add("never", () => false);
    expect(await readiness.evaluate()).toEqual({
      ready: false,
      checks: [
        { name: "startup", ready: false, reason: "starting" },
        { name: "never", ready: false },
      ],
    });
    readiness.markStarted();
    remove();
    expect(await readiness.evaluate()).toEqual({ ready: true, checks: [] });
  });
});
