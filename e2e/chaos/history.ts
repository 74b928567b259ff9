/**
 * The history format of the fault-injection suite: what a workload recorded,
 * one operation per line of a JSON Lines file, and its parser.
 *
 * The model follows Jepsen's histories (an invocation, then a completion that
 * is ok, fail or info) adapted to Kafka clients, whose sends are asynchronous:
 *
 * Every line is one JSON object with these fields:
 *
 *   process  string | number  the worker thread that issued the operation
 *   session  string | number  one client instance (a KafkaProducer or
 *                             KafkaConsumer, a franz-go Client); a restarted
 *                             client is a new session. Ordering properties
 *                             are checked within a session.
 *   type     "invoke" | "ok" | "fail" | "info"
 *   f        "send" | "poll" | "drain" | "assign" | "seek"
 *   time     number           milliseconds since the run began (not checked)
 *
 * Sends (asynchronous; matched invocation → completion by `value`):
 *
 *   {type:"invoke", f:"send", topic, value, key?, partition?}
 *   {type:"ok",     f:"send", topic, value, key?, partition, offset}
 *       acknowledged: the broker answered with this partition and offset.
 *   {type:"fail",   f:"send", topic, value, key?, partition?, error?}
 *       definitely not written: the client got a non-retriable error before
 *       anything could have been written (e.g. a refused record, an
 *       authorization error). A workload that is not sure records info.
 *   {type:"info",   f:"send", topic, value, key?, partition?, error?}
 *       indeterminate: a timeout, a lost connection, a producer closed with
 *       the send in flight. An invoked send with no completion at all (the
 *       worker was killed) counts as info.
 *
 *   `value` must be unique across every send of the history, so that each
 *   value read maps back to exactly one send. A completion repeats the
 *   invocation's topic and value and comes from the same session.
 *
 * Reads (synchronous: a process has at most one poll or drain outstanding, and
 * the next completion of that process is its completion, with the same f):
 *
 *   {type:"invoke", f:"poll"}
 *   {type:"ok",     f:"poll", records:[{topic, partition, offset, key?, value}, ...]}
 *       the records one poll returned, in the order it returned them.
 *   {type:"invoke", f:"drain"}
 *   {type:"ok",     f:"drain", records:[...], ends:[{topic, partition, offset}, ...]}
 *       a final read to the end: for each partition in `ends` the consumer
 *       read everything up to `offset`, the end offset (high watermark, or
 *       last stable offset under read_committed) it observed after the last
 *       record. Its records count as reads like a poll's.
 *   {type:"fail" | "info", f:"poll" | "drain", error?}
 *
 * Position changes (single lines, type "ok", no invocation, recorded when the
 * client reports them; rebalance listeners run inside poll, so these may fall
 * between a poll's invocation and its completion):
 *
 *   {type:"ok", f:"assign", partitions:[{topic, partition}, ...]}
 *       the session's assignment changed; its poll positions start afresh.
 *   {type:"ok", f:"seek", topic, partition, offset}
 *       the session moved its position on one partition.
 *
 * Reads are assumed to start, together, from the log start: consumers use
 * auto.offset.reset=earliest and the drain reads every partition from its
 * first offset. Unknown fields are ignored, so a workload may add its own
 * (an error code, a client name). Keys and values are strings; a workload
 * stores an integer value as its decimal string.
 */

export const OP_TYPES = ["invoke", "ok", "fail", "info"] as const;
export const OP_FUNCTIONS = ["send", "poll", "drain", "assign", "seek"] as const;
export type OpType = (typeof OP_TYPES)[number];
export type OpFunction = (typeof OP_FUNCTIONS)[number];

/** A topic partition. */
export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

/** One record as a poll returned it. */
export interface ReadRecord extends TopicPartition {
  readonly offset: number;
  readonly key?: string | null;
  readonly value: string;
}

/** How far a drain read a partition: everything below `offset`. */
export interface PartitionEnd extends TopicPartition {
  readonly offset: number;
}

interface OpBase {
  readonly process: string;
  readonly session: string;
  readonly time: number;
  /** The 1-based line of the history file; set by parseHistory. */
  readonly line?: number;
}

export interface SendInvoke extends OpBase {
  readonly type: "invoke";
  readonly f: "send";
  readonly topic: string;
  readonly value: string;
  readonly key?: string | null;
  readonly partition?: number;
}

export interface SendOk extends OpBase {
  readonly type: "ok";
  readonly f: "send";
  readonly topic: string;
  readonly value: string;
  readonly key?: string | null;
  readonly partition: number;
  readonly offset: number;
}

export interface SendNotOk extends OpBase {
  readonly type: "fail" | "info";
  readonly f: "send";
  readonly topic: string;
  readonly value: string;
  readonly key?: string | null;
  readonly partition?: number;
  readonly error?: string;
}

export interface ReadInvoke extends OpBase {
  readonly type: "invoke";
  readonly f: "poll" | "drain";
}

export interface PollOk extends OpBase {
  readonly type: "ok";
  readonly f: "poll";
  readonly records: readonly ReadRecord[];
}

export interface DrainOk extends OpBase {
  readonly type: "ok";
  readonly f: "drain";
  readonly records: readonly ReadRecord[];
  readonly ends: readonly PartitionEnd[];
}

export interface ReadNotOk extends OpBase {
  readonly type: "fail" | "info";
  readonly f: "poll" | "drain";
  readonly error?: string;
}

export interface AssignOp extends OpBase {
  readonly type: "ok";
  readonly f: "assign";
  readonly partitions: readonly TopicPartition[];
}

export interface SeekOp extends OpBase {
  readonly type: "ok";
  readonly f: "seek";
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
}

export type HistoryOp =
  | SendInvoke
  | SendOk
  | SendNotOk
  | ReadInvoke
  | PollOk
  | DrainOk
  | ReadNotOk
  | AssignOp
  | SeekOp;

/** One thing wrong with a history, at a line (1-based). */
export interface HistoryProblem {
  readonly line: number;
  readonly reason: string;
}

/** Bound on the problems one HistoryError lists. */
export const MAX_PROBLEMS = 20;

/** A history that is not well formed: the lines and reasons, first first. */
export class HistoryError extends Error {
  constructor(
    readonly problems: readonly HistoryProblem[],
    readonly source = "history",
  ) {
    super(
      problems
        .slice(0, MAX_PROBLEMS)
        .map((p) => `${source}:${p.line}: ${p.reason}`)
        .join("\n"),
    );
    this.name = "HistoryError";
  }
}

/** The 1-based line of an operation: its file line, else its position. */
export function lineOf(op: HistoryOp, index: number): number {
  return op.line ?? index + 1;
}

/** Map key of a topic partition. */
export function tpKey(tp: TopicPartition): string {
  return `${tp.topic}/${tp.partition}`;
}

/** Map key of a position in the log. */
export function positionKey(tp: TopicPartition, offset: number): string {
  return `${tp.topic}/${tp.partition}@${offset}`;
}

// Field readers: each throws a plain string reason, which parseLine turns
// into a problem at its line.

type Json = Record<string, unknown>;

function str(o: Json, field: string, where = ""): string {
  const v = o[field];
  if (typeof v !== "string") throw `${where}"${field}" must be a string, got ${describe(v)}`;
  return v;
}

function id(o: Json, field: string): string {
  const v = o[field];
  if (typeof v === "string" && v !== "") return v;
  if (typeof v === "number" && Number.isSafeInteger(v)) return String(v);
  throw `"${field}" must be a non-empty string or an integer, got ${describe(v)}`;
}

function nonNegInt(o: Json, field: string, where = ""): number {
  const v = o[field];
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0) {
    throw `${where}"${field}" must be an integer >= 0, got ${describe(v)}`;
  }
  return v;
}

function optional<T>(o: Json, field: string, read: (o: Json, field: string) => T): T | undefined {
  return o[field] === undefined ? undefined : read(o, field);
}

function key(o: Json, where = ""): { key?: string | null } {
  const v = o.key;
  if (v === undefined) return {};
  if (v === null || typeof v === "string") return { key: v };
  throw `${where}"key" must be a string or null, got ${describe(v)}`;
}

function array(o: Json, field: string): unknown[] {
  const v = o[field];
  if (!Array.isArray(v)) throw `"${field}" must be an array, got ${describe(v)}`;
  return v;
}

function object(v: unknown, where: string): Json {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw `${where} must be an object`;
  return v as Json;
}

function describe(v: unknown): string {
  if (v === undefined) return "nothing";
  const s = JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 40)}...` : s;
}

function readRecord(v: unknown, i: number): ReadRecord {
  const where = `records[${i}]: `;
  const r = object(v, `records[${i}]`);
  return {
    topic: str(r, "topic", where),
    partition: nonNegInt(r, "partition", where),
    offset: nonNegInt(r, "offset", where),
    ...key(r, where),
    value: str(r, "value", where),
  };
}

function readEnd(v: unknown, i: number): PartitionEnd {
  const where = `ends[${i}]: `;
  const e = object(v, `ends[${i}]`);
  return {
    topic: str(e, "topic", where),
    partition: nonNegInt(e, "partition", where),
    offset: nonNegInt(e, "offset", where),
  };
}

function readTp(v: unknown, i: number): TopicPartition {
  const where = `partitions[${i}]: `;
  const e = object(v, `partitions[${i}]`);
  return { topic: str(e, "topic", where), partition: nonNegInt(e, "partition", where) };
}

/** Parses one line's object into an operation; throws a reason string. */
function parseOp(o: Json, line: number): HistoryOp {
  const type = o.type;
  const f = o.f;
  if (!OP_TYPES.includes(type as OpType))
    throw `"type" must be one of ${OP_TYPES.join(", ")}, got ${describe(type)}`;
  if (!OP_FUNCTIONS.includes(f as OpFunction)) {
    throw `"f" must be one of ${OP_FUNCTIONS.join(", ")}, got ${describe(f)}`;
  }
  const time = o.time;
  if (typeof time !== "number" || !Number.isFinite(time) || time < 0) {
    throw `"time" must be a number >= 0, got ${describe(time)}`;
  }
  const base = { process: id(o, "process"), session: id(o, "session"), time, line };
  switch (f as OpFunction) {
    case "send": {
      const common = {
        ...base,
        f: "send" as const,
        topic: str(o, "topic"),
        value: str(o, "value"),
        ...key(o),
      };
      if (type === "invoke") {
        const partition = optional(o, "partition", nonNegInt);
        return { ...common, type, ...(partition === undefined ? {} : { partition }) };
      }
      if (type === "ok")
        return { ...common, type, partition: nonNegInt(o, "partition"), offset: nonNegInt(o, "offset") };
      const partition = optional(o, "partition", nonNegInt);
      const error = optional(o, "error", str);
      return {
        ...common,
        type: type as "fail" | "info",
        ...(partition === undefined ? {} : { partition }),
        ...(error === undefined ? {} : { error }),
      };
    }
    case "poll":
    case "drain": {
      const rf = f as "poll" | "drain";
      if (type === "invoke") return { ...base, type, f: rf };
      if (type === "ok") {
        const records = array(o, "records").map(readRecord);
        if (rf === "poll") return { ...base, type, f: rf, records };
        return { ...base, type, f: rf, records, ends: array(o, "ends").map(readEnd) };
      }
      const error = optional(o, "error", str);
      return { ...base, type: type as "fail" | "info", f: rf, ...(error === undefined ? {} : { error }) };
    }
    case "assign":
      if (type !== "ok") throw `an assign is recorded once, with type "ok", got ${describe(type)}`;
      return { ...base, type, f: "assign", partitions: array(o, "partitions").map(readTp) };
    case "seek":
      if (type !== "ok") throw `a seek is recorded once, with type "ok", got ${describe(type)}`;
      return {
        ...base,
        type,
        f: "seek",
        topic: str(o, "topic"),
        partition: nonNegInt(o, "partition"),
        offset: nonNegInt(o, "offset"),
      };
  }
}

/**
 * The problems of a history whose every operation is well formed: what no
 * single line shows. Sends: unique values, one completion per invocation, in
 * the same session and topic. Reads: at most one outstanding per process,
 * completed with the same f.
 */
export function validateHistory(ops: readonly HistoryOp[]): HistoryProblem[] {
  const problems: HistoryProblem[] = [];
  const sends = new Map<string, { op: SendInvoke; line: number; completedAt?: number }>();
  const reading = new Map<string, { f: "poll" | "drain"; line: number }>();
  ops.forEach((op, i) => {
    const line = lineOf(op, i);
    if (op.f === "send") {
      const sent = sends.get(op.value);
      if (op.type === "invoke") {
        if (sent)
          problems.push({
            line,
            reason: `value ${JSON.stringify(op.value)} was already sent at line ${sent.line}; values must be unique per send`,
          });
        else sends.set(op.value, { op, line });
        return;
      }
      if (!sent) {
        problems.push({
          line,
          reason: `send ${op.type} of value ${JSON.stringify(op.value)} has no earlier invocation`,
        });
      } else if (sent.completedAt !== undefined) {
        problems.push({
          line,
          reason: `send of value ${JSON.stringify(op.value)} was already completed at line ${sent.completedAt}`,
        });
      } else if (sent.op.session !== op.session) {
        problems.push({
          line,
          reason: `send of value ${JSON.stringify(op.value)} was invoked in session ${sent.op.session} at line ${sent.line}, completed in session ${op.session}`,
        });
      } else if (sent.op.topic !== op.topic) {
        problems.push({
          line,
          reason: `send of value ${JSON.stringify(op.value)} was invoked for topic ${sent.op.topic} at line ${sent.line}, completed for topic ${op.topic}`,
        });
      } else {
        sent.completedAt = line;
      }
      return;
    }
    if (op.f === "poll" || op.f === "drain") {
      const outstanding = reading.get(op.process);
      if (op.type === "invoke") {
        if (outstanding)
          problems.push({
            line,
            reason: `process ${op.process} invokes a ${op.f} while its ${outstanding.f} of line ${outstanding.line} is outstanding`,
          });
        else reading.set(op.process, { f: op.f, line });
        return;
      }
      if (!outstanding) {
        problems.push({
          line,
          reason: `${op.f} ${op.type} of process ${op.process} has no outstanding invocation`,
        });
      } else if (outstanding.f !== op.f) {
        problems.push({
          line,
          reason: `process ${op.process} completes a ${op.f}, but its outstanding invocation (line ${outstanding.line}) is a ${outstanding.f}`,
        });
      } else {
        reading.delete(op.process);
      }
    }
  });
  return problems;
}

/**
 * Parses a JSON Lines history. Blank lines are skipped; every operation
 * keeps its line number. Throws a HistoryError listing the first problems
 * (line and reason) if any line is malformed or the whole is not well formed.
 */
export function parseHistory(text: string, source = "history"): HistoryOp[] {
  const ops: HistoryOp[] = [];
  const problems: HistoryProblem[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length && problems.length < MAX_PROBLEMS; i++) {
    const raw = lines[i]?.trim() ?? "";
    if (raw === "") continue;
    const line = i + 1;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (e) {
      problems.push({ line, reason: `not JSON: ${e instanceof Error ? e.message : String(e)}` });
      continue;
    }
    try {
      ops.push(parseOp(object(parsed, "an operation"), line));
    } catch (e) {
      if (typeof e !== "string") throw e;
      problems.push({ line, reason: e });
    }
  }
  if (problems.length === 0) problems.push(...validateHistory(ops));
  if (problems.length > 0) throw new HistoryError(problems, source);
  return ops;
}

/** One operation as its history line (without the line number). */
export function formatOp(op: HistoryOp): string {
  const { line: _line, ...rest } = op;
  return JSON.stringify(rest);
}

/** A history as JSON Lines text, one operation a line, ending in a newline. */
export function formatHistory(ops: readonly HistoryOp[]): string {
  return ops.map((op) => `${formatOp(op)}\n`).join("");
}
