/**
 * The history checker against hand-written histories: clean ones pass, and
 * each property is caught by a history with exactly that violation planted,
 * with an example naming the planted value and lines.
 */
import { describe, expect, it } from "vitest";
import { type CheckReport, check, PROPERTIES, type Property } from "../checker.js";
import { HistoryError } from "../history.js";
import { HistoryBuilder } from "./build.js";

/** The properties a report says are violated. */
function violated(report: CheckReport): Property[] {
  return PROPERTIES.filter((p) => report.properties[p].count > 0);
}

/** Two producers, one consumer that polls everything, a drain. */
function clean(): HistoryBuilder {
  const h = new HistoryBuilder();
  h.send("p1", "a", 0, 0);
  h.send("p1", "b", 0, 1);
  h.send("p2", "c", 1, 0);
  h.poll("c1", [
    [0, 0, "a"],
    [1, 0, "c"],
  ]);
  h.send("p2", "d", 0, 2);
  h.poll("c1", [
    [0, 1, "b"],
    [0, 2, "d"],
  ]);
  return h;
}

describe("a clean history", () => {
  it("passes with every property at zero and the counts right", () => {
    const h = clean();
    h.drain(
      "drain",
      [
        [0, 0, "a"],
        [0, 1, "b"],
        [0, 2, "d"],
        [1, 0, "c"],
      ],
      { 0: 3, 1: 1 },
    );
    const report = check(h.ops);
    expect(violated(report)).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.ops).toBe(h.ops.length);
    expect(report.sends).toEqual({
      invoked: 4,
      ok: 4,
      fail: 0,
      info: 0,
      unfinished: 0,
      recovered: 0,
      unverified: 0,
    });
    expect(report.reads).toEqual({ polls: 2, drains: 1, records: 8 });
  });

  it("passes with indeterminate sends, read back or never read, and failed sends never read", () => {
    const h = clean();
    h.invoke("p1", "maybe-written", 1);
    h.notOk("p1", "maybe-written", "info"); // written at 1/1, read below: recovered
    h.invoke("p1", "maybe-lost", 1);
    h.notOk("p1", "maybe-lost", "info"); // never written, never read
    h.invoke("p2", "refused", 0);
    h.notOk("p2", "refused", "fail");
    h.invoke("p2", "in-flight", 1); // the producer was killed: never completed, never read
    h.pollInfo("c1");
    h.poll("c1", [[1, 1, "maybe-written"]]);
    h.drain(
      "drain",
      [
        [0, 0, "a"],
        [0, 1, "b"],
        [0, 2, "d"],
        [1, 0, "c"],
        [1, 1, "maybe-written"],
      ],
      { 0: 3, 1: 3 }, // offset 1/2 is a transaction marker: a gap
    );
    const report = check(h.ops);
    expect(violated(report)).toEqual([]);
    expect(report.sends).toMatchObject({ invoked: 8, ok: 4, fail: 1, info: 2, unfinished: 1, recovered: 1 });
  });

  it("passes when a consumer rereads after a seek, a reassignment or a restart as a new session", () => {
    const h = clean();
    h.seek("c1", 0, 1);
    h.poll("c1", [[0, 1, "b"]]);
    h.assign("c1", [0, 1]);
    h.poll("c1", [
      [0, 0, "a"],
      [1, 0, "c"],
    ]);
    h.poll("c1-restarted", [[0, 0, "a"]], "c1");
    expect(violated(check(h.ops))).toEqual([]);
  });

  it("counts acknowledged writes nobody read, with no drain after them, as unverified", () => {
    const h = clean();
    h.send("p1", "late", 1, 1);
    const report = check(h.ops);
    expect(report.valid).toBe(true);
    expect(report.sends.unverified).toBe(1);
  });
});

describe("each property is caught by a history with exactly that violation", () => {
  it("lost-write: acknowledged at 0/1, never read, though 0/2 was read", () => {
    const h = new HistoryBuilder();
    h.send("p1", "a", 0, 0);
    const ack = h.send("p1", "b", 0, 1);
    h.send("p1", "c", 0, 2);
    const read = h.poll("c1", [
      [0, 0, "a"],
      [0, 2, "c"],
    ]);
    const report = check(h.ops);
    expect(violated(report)).toEqual(["lost-write"]);
    expect(report.properties["lost-write"]).toMatchObject({
      count: 1,
      examples: [
        {
          value: "b",
          topic: "t",
          partition: 0,
          offset: 1,
          ackLine: ack,
          readBeyond: { offset: 2, line: read },
        },
      ],
    });
  });

  it("unseen: acknowledged at 0/2, never read, and the drain after it ends at 0/2", () => {
    const h = new HistoryBuilder();
    h.send("p1", "a", 0, 0);
    h.send("p1", "b", 0, 1);
    const ack = h.send("p1", "c", 0, 2);
    h.poll("c1", [[0, 0, "a"]]);
    const drain = h.drain(
      "drain",
      [
        [0, 0, "a"],
        [0, 1, "b"],
      ],
      { 0: 2 },
    );
    const report = check(h.ops);
    expect(violated(report)).toEqual(["unseen"]);
    expect(report.properties.unseen.examples).toEqual([
      expect.objectContaining({ value: "c", offset: 2, ackLine: ack, drainLine: drain, drainEnd: 2 }),
    ]);
    expect(report.sends.unverified).toBe(0);
  });

  it("unseen needs the drain to come after the acknowledgement", () => {
    const h = new HistoryBuilder();
    h.send("p1", "a", 0, 0);
    h.drain("drain", [[0, 0, "a"]], { 0: 1 });
    h.send("p1", "b", 0, 1);
    const report = check(h.ops);
    expect(report.valid).toBe(true);
    expect(report.sends.unverified).toBe(1);
  });

  it("duplicate: one value read at two offsets", () => {
    const h = new HistoryBuilder();
    h.send("p1", "a", 0, 0);
    const ack = h.send("p1", "b", 0, 1);
    const first = h.poll("c1", [
      [0, 0, "a"],
      [0, 1, "b"],
    ]);
    const again = h.poll("c1", [[0, 2, "b"]]); // a retry written twice
    const report = check(h.ops);
    expect(violated(report)).toEqual(["duplicate"]);
    const [example] = report.properties.duplicate.examples;
    expect(example?.value).toBe("b");
    expect(example?.positions).toEqual([
      { topic: "t", partition: 0, offset: 1, value: "b", line: ack, source: "ack" },
      { topic: "t", partition: 0, offset: 2, value: "b", line: again, source: "read" },
    ]);
    expect(first).toBeLessThan(again);
  });

  it("duplicate: a value read in two partitions", () => {
    const h = new HistoryBuilder();
    h.send("p1", "a", 0, 0);
    h.poll("c1", [
      [0, 0, "a"],
      [1, 0, "a"],
    ]);
    const report = check(h.ops);
    expect(violated(report)).toEqual(["duplicate"]);
    expect(report.properties.duplicate.examples[0]?.positions.map((s) => s.partition)).toEqual([0, 1]);
  });

  it("inconsistent-offset: two values read at one (partition, offset)", () => {
    const h = new HistoryBuilder();
    const ackA = h.send("p1", "a", 0, 0);
    h.invoke("p2", "x", 0);
    h.notOk("p2", "x", "info");
    const r1 = h.poll("c1", [[0, 0, "a"]]);
    const r2 = h.poll("c2", [[0, 0, "x"]]); // another consumer sees a fork
    const report = check(h.ops);
    expect(violated(report)).toEqual(["inconsistent-offset"]);
    expect(report.properties["inconsistent-offset"].examples).toEqual([
      expect.objectContaining({
        topic: "t",
        partition: 0,
        offset: 0,
        values: [
          { topic: "t", partition: 0, offset: 0, value: "a", line: ackA, source: "ack" },
          { topic: "t", partition: 0, offset: 0, value: "x", line: r2, source: "read" },
        ],
      }),
    ]);
    expect(r1).toBeLessThan(r2);
    expect(report.sends.recovered).toBe(1);
  });

  it("inconsistent-offset: another value read at an acknowledged offset is a fork, not a lost write", () => {
    const h = new HistoryBuilder();
    h.send("p1", "a", 0, 0);
    h.invoke("p2", "x", 0);
    h.notOk("p2", "x", "info");
    h.poll("c1", [[0, 0, "x"]]);
    const report = check(h.ops);
    expect(violated(report)).toEqual(["inconsistent-offset"]);
    expect(report.sends.unverified).toBe(1);
  });

  it("nonmonotonic-poll: a session's poll goes back on a partition with no seek or assign", () => {
    const h = new HistoryBuilder();
    h.send("p1", "a", 0, 0);
    h.send("p1", "b", 0, 1);
    h.send("p1", "c", 1, 0);
    const r1 = h.poll("c1", [
      [0, 0, "a"],
      [0, 1, "b"],
    ]);
    h.seek("c1", 1, 0); // a seek of another partition does not excuse partition 0
    const r2 = h.poll("c1", [
      [1, 0, "c"],
      [0, 1, "b"],
    ]);
    const report = check(h.ops);
    expect(violated(report)).toEqual(["nonmonotonic-poll"]);
    expect(report.properties["nonmonotonic-poll"]).toEqual({
      count: 1,
      examples: [
        expect.objectContaining({
          session: "c1",
          partition: 0,
          previousOffset: 1,
          previousLine: r1,
          offset: 1,
          line: r2,
        }),
      ],
    });
  });

  it("nonmonotonic-poll: offsets going back within one poll", () => {
    const h = new HistoryBuilder();
    h.send("p1", "a", 0, 0);
    h.send("p1", "b", 0, 1);
    h.poll("c1", [
      [0, 1, "b"],
      [0, 0, "a"],
    ]);
    const report = check(h.ops);
    expect(violated(report)).toEqual(["nonmonotonic-poll"]);
    expect(report.properties["nonmonotonic-poll"].examples[0]).toMatchObject({
      previousOffset: 1,
      offset: 0,
    });
  });

  it("nonmonotonic-send: a session's acks for one partition go backwards in send order", () => {
    const h = new HistoryBuilder();
    h.invoke("p1", "a", 0);
    h.invoke("p1", "b", 0);
    h.invoke("p1", "c", 1);
    h.ack("p1", "c", 1, 0);
    const ackB = h.ack("p1", "b", 0, 0); // b was sent after a, yet lands before it
    const ackA = h.ack("p1", "a", 0, 1);
    h.send("p2", "d", 0, 2); // another session: no order with p1's sends
    h.poll("c1", [
      [0, 0, "b"],
      [0, 1, "a"],
      [0, 2, "d"],
      [1, 0, "c"],
    ]);
    const report = check(h.ops);
    expect(violated(report)).toEqual(["nonmonotonic-send"]);
    expect(report.properties["nonmonotonic-send"]).toEqual({
      count: 1,
      examples: [
        expect.objectContaining({
          session: "p1",
          partition: 0,
          previousValue: "a",
          previousOffset: 1,
          previousLine: ackA,
          value: "b",
          offset: 0,
          line: ackB,
        }),
      ],
    });
  });

  it("phantom-read: a value read whose send definitely failed, and one never sent", () => {
    const h = new HistoryBuilder();
    h.send("p1", "a", 0, 0);
    h.invoke("p1", "refused", 0);
    const fail = h.notOk("p1", "refused", "fail");
    const read = h.poll("c1", [
      [0, 0, "a"],
      [0, 1, "refused"],
    ]);
    const read2 = h.poll("c1", [[0, 2, "nobody"]]);
    const report = check(h.ops);
    expect(violated(report)).toEqual(["phantom-read"]);
    expect(report.properties["phantom-read"].examples).toEqual([
      expect.objectContaining({
        value: "refused",
        offset: 1,
        readLine: read,
        reason: "send-failed",
        failLine: fail,
      }),
      expect.objectContaining({ value: "nobody", offset: 2, readLine: read2, reason: "never-sent" }),
    ]);
  });
});

describe("the report", () => {
  it("counts every violation but keeps only maxExamples examples, first first", () => {
    const h = new HistoryBuilder();
    for (let i = 0; i < 5; i++) h.send("p1", `v${i}`, 0, i);
    h.send("p1", "last", 0, 5);
    h.poll("c1", [[0, 5, "last"]]);
    const report = check(h.ops, { maxExamples: 2 });
    expect(report.properties["lost-write"].count).toBe(5);
    expect(report.properties["lost-write"].examples.map((e) => e.value)).toEqual(["v0", "v1"]);
  });

  it("refuses a history that is not well formed", () => {
    const h = new HistoryBuilder();
    h.ack("p1", "a", 0, 0);
    expect(() => check(h.ops)).toThrow(HistoryError);
    expect(() => check(h.ops)).toThrow(/history:1: send ok of value "a" has no earlier invocation/);
  });
});
