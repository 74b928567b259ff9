/** `pnpm bench`'s command line: which workloads run, and with how many brokers. */
import { describe, expect, it } from "vitest";
import { parseArgs, WORKLOADS } from "../src/args.js";

describe("pnpm bench arguments", () => {
  it("run every workload, produce with one broker, when nothing is named", () => {
    expect(parseArgs([])).toEqual({ ok: true, args: { workloads: [...WORKLOADS], brokers: 1 } });
    expect(WORKLOADS).toContain("replicated");
  });

  it("run the named workloads once each, in the usual order", () => {
    expect(parseArgs(["replicated", "codec", "replicated"])).toEqual({
      ok: true,
      args: { workloads: ["codec", "replicated"], brokers: 1 },
    });
  });

  it("take --brokers for produce, before or after the workload", () => {
    expect(parseArgs(["produce", "--brokers", "3"])).toEqual({
      ok: true,
      args: { workloads: ["produce"], brokers: 3 },
    });
    expect(parseArgs(["--brokers", "2", "produce", "replicated"])).toEqual({
      ok: true,
      args: { workloads: ["produce", "replicated"], brokers: 2 },
    });
    expect(parseArgs(["--brokers", "3"])).toEqual({
      ok: true,
      args: { workloads: [...WORKLOADS], brokers: 3 },
    });
  });

  it("refuse a broker count outside 1 to 3, or missing", () => {
    for (const argv of [
      ["produce", "--brokers", "4"],
      ["produce", "--brokers", "0"],
      ["produce", "--brokers"],
      ["produce", "--brokers", "two"],
    ])
      expect(parseArgs(argv)).toEqual({ ok: false, error: "--brokers must be 1, 2 or 3" });
  });

  it("refuse --brokers without produce: the replicated workload always has three brokers a side", () => {
    const r = parseArgs(["replicated", "--brokers", "1"]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/replicated always runs three brokers/);
  });

  it("refuse unknown workloads and options instead of running nothing", () => {
    expect(parseArgs(["replicate"])).toEqual({ ok: false, error: "unknown workload replicate" });
    expect(parseArgs(["produce", "--rf", "3"])).toEqual({ ok: false, error: "unknown option --rf" });
  });
});
