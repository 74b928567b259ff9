/**
 * The chaos run's report (report.ts) and options (run.ts) without a
 * cluster: unavailability is the longest gap between acknowledgements from a
 * fault's injection until its heal plus the settle time, over all partitions
 * and per partition; acknowledgements after a heal count up to the next
 * fault; options a run cannot honour are refused before anything starts.
 */
import { describe, expect, it } from "vitest";
import type { HistoryOp } from "../history.js";
import { type FaultRecord, faultWindows, formatMarkdown, longestGap } from "../report.js";
import { resolveOptions } from "../run.js";

/** A send acknowledged at `time` on `partition`. */
function ack(time: number, partition: number, n: number): HistoryOp {
  return {
    process: "p",
    session: "p-1",
    type: "ok",
    f: "send",
    topic: "t",
    value: `v${n}`,
    partition,
    offset: n,
    time,
  };
}

function fault(index: number, injectedAt: number, healedAt: number): FaultRecord {
  return {
    index,
    kind: "kill-leader",
    target: "broker 1",
    targetProcess: "broker",
    targetId: 1,
    injectedAt,
    healStartedAt: healedAt,
    healedAt,
    wholeAt: healedAt,
    settledAt: healedAt + 100,
  };
}

describe("longestGap", () => {
  it("counts from the injection, runs on to the first time after the window, and is open-ended without one", () => {
    expect(longestGap([0, 10, 20, 500, 510], 15, 100)).toEqual({ from: 20, to: 500, ms: 480, cut: false });
    // The gap running past the window's end counts whole.
    expect(longestGap([0, 10, 900], 15, 100)).toEqual({ from: 15, to: 900, ms: 885, cut: false });
    // ... but not past the next fault.
    expect(longestGap([0, 10, 900], 15, 100, 300)).toEqual({ from: 15, to: 300, ms: 285, cut: true });
    // Nothing after the injection: open-ended from it, or up to the next fault.
    expect(longestGap([0, 10], 15, 100)).toEqual({ from: 15, to: null, ms: null, cut: false });
    expect(longestGap([0, 10], 15, 100, 400)).toEqual({ from: 15, to: 400, ms: 385, cut: true });
    // Later gaps, after the window, do not count.
    expect(longestGap([0, 20, 40, 100, 5000], 15, 50)).toEqual({ from: 40, to: 100, ms: 60, cut: false });
  });
});

describe("faultWindows", () => {
  it("finds the longest gap overall and on one partition, and counts acknowledgements during and after", () => {
    // Partition 0 acknowledged every 10 ms throughout; partition 1 stops at 100 and resumes at 700.
    const history: HistoryOp[] = [];
    let n = 0;
    for (let t = 0; t <= 1000; t += 10) history.push(ack(t, 0, n++));
    for (let t = 5; t <= 95; t += 10) history.push(ack(t, 1, n++));
    for (let t = 705; t <= 1000; t += 10) history.push(ack(t, 1, n++));
    const [w] = faultWindows([fault(1, 100, 400)], history, 100);
    expect(w?.unavailability.ms).toBe(10);
    expect(w?.partitionUnavailability).toEqual({ partition: 1, from: 100, to: 705, ms: 605, cut: false });
    // Between 100 (exclusive) and 400: partition 0's 30 acknowledgements.
    expect(w?.acksDuring).toBe(30);
    expect(w?.acksAfterHeal).toBe(history.filter((op) => op.time > 400).length);
  });

  it("counts acknowledgements after a heal only up to the next fault, and leaves a partition never acknowledged again open-ended", () => {
    const history = [ack(0, 0, 0), ack(50, 1, 1), ack(150, 0, 2), ack(250, 0, 3), ack(350, 0, 4)];
    const [first, second] = faultWindows([fault(1, 60, 100), fault(2, 200, 300)], history, 10);
    expect(first?.acksAfterHeal).toBe(1);
    expect(second?.acksAfterHeal).toBe(1);
    // Partition 1 is silent from the first fault on: cut at the second, open-ended after it.
    expect(first?.partitionUnavailability).toEqual({ partition: 1, from: 60, to: 200, ms: 140, cut: true });
    expect(second?.partitionUnavailability).toMatchObject({ partition: 1, to: null, ms: null });
  });
});

describe("formatMarkdown", () => {
  it("says FAIL with the errors, and tells an open-ended gap", () => {
    const options = resolveOptions({
      seconds: 30,
      faults: ["kill-leader"],
      replicationFactor: 1,
      reportDir: "r",
    });
    const [w] = faultWindows([fault(1, 100, 400)], [ack(50, 0, 0)], 100);
    const text = formatMarkdown({
      options,
      startedAt: "2026-01-01T00:00:00.000Z",
      valid: false,
      violations: [],
      errors: ["fault injection stopped: no broker answered"],
      check: null,
      workload: null,
      faults: w === undefined ? [] : [w],
      reportDir: "r",
      historyFile: "r/history.jsonl",
      markdownFile: "r/report.md",
      jsonFile: "r/report.json",
    });
    expect(text).toContain("# Chaos run: FAIL");
    expect(text).toContain("- fault injection stopped: no broker answered");
    expect(text).toContain("none after 0.1 s");
  });
});

describe("resolveOptions", () => {
  it("fills in the defaults and min.insync.replicas = min(2, RF)", () => {
    const o = resolveOptions({ seconds: 60, reportDir: "r" });
    expect(o.replicationFactor).toBe(3);
    expect(o.minInsyncReplicas).toBe(2);
    expect(o.faults).toContain("partition");
    expect(
      resolveOptions({ seconds: 60, reportDir: "r", replicationFactor: 1, faults: ["pause"] })
        .minInsyncReplicas,
    ).toBe(1);
  });

  it("refuses kill-follower with one replica, a run too short for one fault, and unknown kinds", () => {
    expect(() => resolveOptions({ seconds: 60, reportDir: "r", replicationFactor: 1 })).toThrow(
      /kill-follower/,
    );
    expect(() => resolveOptions({ seconds: 5, reportDir: "r", faults: ["pause"] })).toThrow(/too short/);
    expect(() => resolveOptions({ seconds: 60, reportDir: "r", replicationFactor: 4 })).toThrow(
      /replication factor/,
    );
    expect(() => resolveOptions({ seconds: 60, reportDir: "r", faults: ["unplug" as "pause"] })).toThrow(
      /unknown fault kind/,
    );
  });
});
