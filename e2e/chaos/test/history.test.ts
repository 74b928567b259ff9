/**
 * The history format: JSON Lines parse with line numbers kept, malformed
 * lines and ill-formed histories refused with their line and reason, and
 * formatHistory's output parses back to the same operations.
 */
import { describe, expect, it } from "vitest";
import { formatHistory, HistoryError, type HistoryOp, parseHistory } from "../history.js";
import { HistoryBuilder } from "./build.js";

function problemsOf(text: string): string[] {
  try {
    parseHistory(text, "h.jsonl");
  } catch (e) {
    if (e instanceof HistoryError) return e.problems.map((p) => `${p.line}: ${p.reason}`);
    throw e;
  }
  return [];
}

const lines = (...objs: unknown[]) => objs.map((o) => JSON.stringify(o)).join("\n");
const base = { process: 1, session: "s1", time: 0 };

describe("parseHistory", () => {
  it("reads every kind of operation, normalises ids to strings and keeps line numbers past blank lines", () => {
    const text = [
      JSON.stringify({ ...base, type: "invoke", f: "send", topic: "t", value: "a", key: "k" }),
      "",
      JSON.stringify({
        ...base,
        type: "ok",
        f: "send",
        topic: "t",
        value: "a",
        key: "k",
        partition: 2,
        offset: 7,
        extra: 1,
      }),
      JSON.stringify({ ...base, type: "ok", f: "assign", partitions: [{ topic: "t", partition: 2 }] }),
      JSON.stringify({ ...base, type: "ok", f: "seek", topic: "t", partition: 2, offset: 0 }),
      JSON.stringify({ ...base, type: "invoke", f: "poll" }),
      JSON.stringify({
        ...base,
        type: "ok",
        f: "poll",
        records: [{ topic: "t", partition: 2, offset: 7, key: null, value: "a" }],
      }),
      JSON.stringify({ ...base, type: "invoke", f: "drain" }),
      JSON.stringify({
        ...base,
        type: "ok",
        f: "drain",
        records: [],
        ends: [{ topic: "t", partition: 2, offset: 8 }],
      }),
      "",
    ].join("\n");
    const ops = parseHistory(text);
    expect(ops.map((o) => o.line)).toEqual([1, 3, 4, 5, 6, 7, 8, 9]);
    expect(ops[1]).toEqual({
      process: "1",
      session: "s1",
      time: 0,
      line: 3,
      type: "ok",
      f: "send",
      topic: "t",
      value: "a",
      key: "k",
      partition: 2,
      offset: 7,
    });
    expect(ops[5]).toMatchObject({
      records: [{ topic: "t", partition: 2, offset: 7, key: null, value: "a" }],
    });
    expect(ops[7]).toMatchObject({ ends: [{ topic: "t", partition: 2, offset: 8 }] });
  });

  it("names the line and the reason of each malformed line", () => {
    const text = [
      "{not json",
      JSON.stringify({ ...base, type: "done", f: "send" }),
      JSON.stringify({ ...base, type: "invoke", f: "produce" }),
      JSON.stringify({ ...base, type: "invoke", f: "send", topic: "t", value: 5 }),
      JSON.stringify({ ...base, type: "ok", f: "send", topic: "t", value: "a", partition: 0, offset: -1 }),
      JSON.stringify({ ...base, type: "ok", f: "poll", records: [{ topic: "t", partition: 0, offset: 0 }] }),
      JSON.stringify({ ...base, type: "ok", f: "drain", records: [] }),
      JSON.stringify({ ...base, type: "invoke", f: "assign", partitions: [] }),
      JSON.stringify({ type: "invoke", f: "poll", session: "s", time: 0 }),
      JSON.stringify({ ...base, time: "now", type: "invoke", f: "poll" }),
      "[1, 2]",
    ].join("\n");
    const problems = problemsOf(text);
    expect(problems).toHaveLength(11);
    expect(problems[0]).toMatch(/^1: not JSON: /);
    expect(problems.slice(1)).toEqual([
      '2: "type" must be one of invoke, ok, fail, info, got "done"',
      '3: "f" must be one of send, poll, drain, assign, seek, got "produce"',
      '4: "value" must be a string, got 5',
      '5: "offset" must be an integer >= 0, got -1',
      '6: records[0]: "value" must be a string, got nothing',
      '7: "ends" must be an array, got nothing',
      '8: an assign is recorded once, with type "ok", got "invoke"',
      '9: "process" must be a non-empty string or an integer, got nothing',
      '10: "time" must be a number >= 0, got "now"',
      "11: an operation must be an object",
    ]);
  });

  it("puts the source and line in the error message", () => {
    expect(() => parseHistory('\n{"type":1}', "run.jsonl")).toThrow(/^run\.jsonl:2: "type" must be one of/);
  });

  it("refuses histories whose lines are fine but whose operations do not fit together", () => {
    const text = lines(
      { ...base, type: "invoke", f: "send", topic: "t", value: "a" },
      { ...base, type: "invoke", f: "send", topic: "t", value: "a" },
      { ...base, type: "ok", f: "send", topic: "t", value: "b", partition: 0, offset: 0 },
      { ...base, session: "s2", type: "info", f: "send", topic: "t", value: "a" },
      { ...base, type: "ok", f: "send", topic: "u", value: "a", partition: 0, offset: 0 },
      { ...base, type: "fail", f: "send", topic: "t", value: "a" },
      { ...base, type: "fail", f: "send", topic: "t", value: "a" },
      { ...base, type: "invoke", f: "poll" },
      { ...base, type: "invoke", f: "drain" },
      { ...base, type: "ok", f: "drain", records: [], ends: [] },
      { ...base, type: "ok", f: "poll", records: [] },
      { ...base, type: "ok", f: "poll", records: [] },
    );
    expect(problemsOf(text)).toEqual([
      '2: value "a" was already sent at line 1; values must be unique per send',
      '3: send ok of value "b" has no earlier invocation',
      '4: send of value "a" was invoked in session s1 at line 1, completed in session s2',
      '5: send of value "a" was invoked for topic t at line 1, completed for topic u',
      '7: send of value "a" was already completed at line 6',
      "9: process 1 invokes a drain while its poll of line 8 is outstanding",
      "10: process 1 completes a drain, but its outstanding invocation (line 8) is a poll",
      "12: poll ok of process 1 has no outstanding invocation",
    ]);
  });

  it("formatHistory's output parses back to the same operations", () => {
    const h = new HistoryBuilder();
    h.invoke("p", "a", 0);
    h.ack("p", "a", 0, 0);
    h.invoke("p", "b");
    h.notOk("p", "b", "info");
    h.assign("c", [0, 1]);
    h.seek("c", 0, 0);
    h.poll("c", [[0, 0, "a"]]);
    h.pollInfo("c");
    h.drain("d", [[0, 0, "a"]], { 0: 1, 1: 0 });
    const back = parseHistory(formatHistory(h.ops));
    const strip = (ops: HistoryOp[]) => ops.map(({ line: _line, ...rest }) => rest);
    expect(strip(back)).toEqual(strip(h.ops));
    expect(back.map((o) => o.line)).toEqual(h.ops.map((_, i) => i + 1));
  });
});
