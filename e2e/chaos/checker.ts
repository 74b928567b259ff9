/**
 * The history checker: a pure function from a recorded history (history.ts)
 * to a report, per property, of how many violations it found and the first
 * few, in the spirit of Jepsen's Kafka checker. The properties are those a
 * Kafka cluster owes clients with safe settings (acks=all, idempotence,
 * unbounded retries, read_committed):
 *
 *   lost-write           an acknowledged send at (topic, partition, offset)
 *                        whose value no read ever returned, although some
 *                        read of that partition returned a higher offset.
 *   unseen               an acknowledged send whose value no read returned
 *                        and no read passed, although a drain invoked after
 *                        the acknowledgement read that partition to its end.
 *   duplicate            one value at more than one position, counting its
 *                        acknowledgement and every read (a retried send
 *                        written twice, or an acknowledgement that names
 *                        another offset than the log holds it at).
 *   inconsistent-offset  more than one value at one position, counting
 *                        acknowledgements and reads: the log forked.
 *   nonmonotonic-poll    within one session, a read returns an offset on a
 *                        partition at or below the one it returned before
 *                        there, with no assign (or seek of that partition)
 *                        recorded in between.
 *   nonmonotonic-send    within one session, two acknowledged sends to one
 *                        partition whose offsets go backwards (or repeat)
 *                        in the order they were sent.
 *   phantom-read         a read value whose send definitely failed, or that
 *                        no send of the history carried.
 *
 * Not errors: an indeterminate send (info, or never completed) that was read
 * is counted as recovered; an acknowledged send neither read nor passed, and
 * with no later drain of its partition, is counted as unverified.
 */
import {
  type DrainOk,
  HistoryError,
  type HistoryOp,
  lineOf,
  positionKey,
  type ReadRecord,
  type SendInvoke,
  type SendNotOk,
  type SendOk,
  type TopicPartition,
  tpKey,
  validateHistory,
} from "./history.js";

export const PROPERTIES = [
  "lost-write",
  "unseen",
  "duplicate",
  "inconsistent-offset",
  "nonmonotonic-poll",
  "nonmonotonic-send",
  "phantom-read",
] as const;
export type Property = (typeof PROPERTIES)[number];

/** Where a value was seen: its acknowledgement or a read, and the line. */
export interface Sighting {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly value: string;
  readonly line: number;
  readonly source: "ack" | "read";
}

export interface LostWrite {
  readonly message: string;
  readonly value: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly ackLine: number;
  /** The highest offset read on the partition, and the line that read it. */
  readonly readBeyond: { readonly offset: number; readonly line: number };
}

export interface Unseen {
  readonly message: string;
  readonly value: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly ackLine: number;
  readonly drainLine: number;
  readonly drainEnd: number;
}

export interface Duplicate {
  readonly message: string;
  readonly value: string;
  /** The first sighting at each distinct position. */
  readonly positions: readonly Sighting[];
}

export interface InconsistentOffset {
  readonly message: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  /** The first sighting of each distinct value. */
  readonly values: readonly Sighting[];
}

export interface NonmonotonicPoll {
  readonly message: string;
  readonly session: string;
  readonly topic: string;
  readonly partition: number;
  readonly previousOffset: number;
  readonly previousLine: number;
  readonly offset: number;
  readonly line: number;
}

export interface NonmonotonicSend {
  readonly message: string;
  readonly session: string;
  readonly topic: string;
  readonly partition: number;
  readonly previousValue: string;
  readonly previousOffset: number;
  /** The line of the earlier send's acknowledgement. */
  readonly previousLine: number;
  readonly value: string;
  readonly offset: number;
  readonly line: number;
}

export interface PhantomRead {
  readonly message: string;
  readonly value: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly readLine: number;
  readonly reason: "send-failed" | "never-sent";
  /** The line of the failed send's completion, when it failed. */
  readonly failLine?: number;
}

export interface Examples {
  readonly "lost-write": LostWrite;
  readonly unseen: Unseen;
  readonly duplicate: Duplicate;
  readonly "inconsistent-offset": InconsistentOffset;
  readonly "nonmonotonic-poll": NonmonotonicPoll;
  readonly "nonmonotonic-send": NonmonotonicSend;
  readonly "phantom-read": PhantomRead;
}

export interface PropertyResult<E> {
  readonly count: number;
  /** The first violations in history order, at most `maxExamples`. */
  readonly examples: readonly E[];
}

export interface CheckReport {
  readonly valid: boolean;
  readonly ops: number;
  readonly sends: {
    readonly invoked: number;
    readonly ok: number;
    readonly fail: number;
    readonly info: number;
    /** Invoked and never completed: indeterminate, like info. */
    readonly unfinished: number;
    /** Indeterminate sends whose value was read. */
    readonly recovered: number;
    /** Acknowledged, never read nor passed, and no drain after. */
    readonly unverified: number;
  };
  readonly reads: { readonly polls: number; readonly drains: number; readonly records: number };
  readonly properties: { readonly [P in Property]: PropertyResult<Examples[P]> };
}

export interface CheckOptions {
  /** Examples kept per property; default 10. */
  readonly maxExamples?: number;
}

class Collector<E> {
  count = 0;
  readonly examples: E[] = [];
  constructor(private readonly max: number) {}
  add(make: () => E): void {
    this.count++;
    if (this.examples.length < this.max) this.examples.push(make());
  }
  result(): PropertyResult<E> {
    return { count: this.count, examples: this.examples };
  }
}

/** The map stored under `key` in `outer`, created empty if absent. */
function entry<K, V>(outer: Map<string, Map<K, V>>, key: string): Map<K, V> {
  let inner = outer.get(key);
  if (!inner) {
    inner = new Map();
    outer.set(key, inner);
  }
  return inner;
}

const at = (tp: TopicPartition, offset: number) => `${tp.topic}/${tp.partition} offset ${offset}`;
const q = (v: string) => JSON.stringify(v);

interface SendState {
  readonly invoke: SendInvoke;
  readonly invokeLine: number;
  completion?: SendOk | SendNotOk;
  completionLine?: number;
}

/**
 * Checks a well-formed history (throws HistoryError if it is not; see
 * validateHistory). Pure: the same history gives the same report.
 */
export function check(history: readonly HistoryOp[], options: CheckOptions = {}): CheckReport {
  const problems = validateHistory(history);
  if (problems.length > 0) throw new HistoryError(problems);
  const max = options.maxExamples ?? 10;
  const lost = new Collector<LostWrite>(max);
  const unseen = new Collector<Unseen>(max);
  const duplicate = new Collector<Duplicate>(max);
  const fork = new Collector<InconsistentOffset>(max);
  const pollOrder = new Collector<NonmonotonicPoll>(max);
  const sendOrder = new Collector<NonmonotonicSend>(max);
  const phantom = new Collector<PhantomRead>(max);

  const sends = new Map<string, SendState>();
  const sendsInOrder: SendState[] = [];
  // First sighting of each value at each position, and of each position's values.
  const byValue = new Map<string, Map<string, Sighting>>();
  const byPosition = new Map<string, Map<string, Sighting>>();
  const readValues = new Map<string, Sighting>();
  const maxRead = new Map<string, { offset: number; line: number }>();
  // The last drain of each partition: its invocation line, completion line and end.
  const drainInvoked = new Map<string, number>();
  const lastDrain = new Map<string, { invokeLine: number; line: number; end: number }>();
  // Per session, the last offset read on each partition since its last assign.
  const positions = new Map<string, Map<string, { offset: number; line: number }>>();
  let polls = 0;
  let drains = 0;
  let records = 0;

  const sight = (s: Sighting) => {
    const pk = positionKey(s, s.offset);
    const vs = entry(byValue, s.value);
    if (!vs.has(pk)) vs.set(pk, s);
    const ps = entry(byPosition, pk);
    if (!ps.has(s.value)) ps.set(s.value, s);
  };

  const readRecords = (session: string, recs: readonly ReadRecord[], line: number) => {
    const seen = entry(positions, session);
    for (const r of recs) {
      records++;
      const s: Sighting = {
        topic: r.topic,
        partition: r.partition,
        offset: r.offset,
        value: r.value,
        line,
        source: "read",
      };
      sight(s);
      if (!readValues.has(r.value)) readValues.set(r.value, s);
      const k = tpKey(r);
      const m = maxRead.get(k);
      if (!m || r.offset > m.offset) maxRead.set(k, { offset: r.offset, line });
      const prev = seen.get(k);
      if (prev && r.offset <= prev.offset) {
        pollOrder.add(() => ({
          message: `session ${session} read ${at(r, r.offset)} at line ${line} after reading offset ${prev.offset} at line ${prev.line}, with no assign or seek between`,
          session,
          topic: r.topic,
          partition: r.partition,
          previousOffset: prev.offset,
          previousLine: prev.line,
          offset: r.offset,
          line,
        }));
      }
      seen.set(k, { offset: r.offset, line });
    }
  };

  const drained = (op: DrainOk, line: number, invokeLine: number) => {
    for (const e of op.ends) lastDrain.set(tpKey(e), { invokeLine, line, end: e.offset });
  };

  history.forEach((op, i) => {
    const line = lineOf(op, i);
    switch (op.f) {
      case "send": {
        if (op.type === "invoke") {
          const st: SendState = { invoke: op, invokeLine: line };
          sends.set(op.value, st);
          sendsInOrder.push(st);
          return;
        }
        const st = sends.get(op.value);
        if (!st) throw new Error(`unmatched send at line ${line} passed validation`);
        st.completion = op;
        st.completionLine = line;
        if (op.type === "ok") {
          sight({
            topic: op.topic,
            partition: op.partition,
            offset: op.offset,
            value: op.value,
            line,
            source: "ack",
          });
        }
        return;
      }
      case "poll":
      case "drain":
        if (op.type === "invoke") {
          if (op.f === "drain") drainInvoked.set(op.process, line);
          return;
        }
        if (op.type !== "ok") return;
        if (op.f === "poll") polls++;
        else drains++;
        readRecords(op.session, op.records, line);
        if (op.f === "drain") drained(op, line, drainInvoked.get(op.process) ?? line);
        return;
      case "assign":
        positions.delete(op.session);
        return;
      case "seek":
        positions.get(op.session)?.delete(tpKey(op));
        return;
    }
  });

  // Acknowledged sends never read: lost if a read passed them, unseen if a
  // later drain read their partition to its end, otherwise unverified.
  let unverified = 0;
  let recovered = 0;
  let ok = 0;
  let fail = 0;
  let info = 0;
  let unfinished = 0;
  for (const st of sendsInOrder) {
    const c = st.completion;
    const read = readValues.has(st.invoke.value);
    if (!c || c.type === "info") {
      if (c) info++;
      else unfinished++;
      if (read) recovered++;
      continue;
    }
    if (c.type !== "ok") {
      fail++;
      continue;
    }
    ok++;
    const ack: SendOk = c;
    if (read) continue;
    const ackLine = st.completionLine ?? st.invokeLine;
    const k = tpKey(ack);
    const beyond = maxRead.get(k);
    const drain = lastDrain.get(k);
    if (beyond && beyond.offset > ack.offset) {
      lost.add(() => ({
        message: `value ${q(ack.value)} acknowledged at ${at(ack, ack.offset)} (line ${ackLine}) was never read, though offset ${beyond.offset} was read at line ${beyond.line}`,
        value: ack.value,
        topic: ack.topic,
        partition: ack.partition,
        offset: ack.offset,
        ackLine,
        readBeyond: beyond,
      }));
    } else if (drain && drain.invokeLine > ackLine) {
      unseen.add(() => ({
        message: `value ${q(ack.value)} acknowledged at ${at(ack, ack.offset)} (line ${ackLine}) was never read; the drain at line ${drain.line} read the partition to its end, offset ${drain.end}`,
        value: ack.value,
        topic: ack.topic,
        partition: ack.partition,
        offset: ack.offset,
        ackLine,
        drainLine: drain.line,
        drainEnd: drain.end,
      }));
    } else {
      unverified++;
    }
  }

  // Positions, in order of first sighting: one value at several, several at one.
  for (const [value, ps] of byValue) {
    if (ps.size < 2) continue;
    const list = [...ps.values()];
    duplicate.add(() => ({
      message: `value ${q(value)} is at ${list.length} positions: ${list.map((s) => `${at(s, s.offset)} (${s.source}, line ${s.line})`).join(", ")}`,
      value,
      positions: list,
    }));
  }
  for (const vs of byPosition.values()) {
    if (vs.size < 2) continue;
    const list = [...vs.values()];
    const first = list[0] as Sighting;
    fork.add(() => ({
      message: `${at(first, first.offset)} holds ${list.length} values: ${list.map((s) => `${q(s.value)} (${s.source}, line ${s.line})`).join(", ")}`,
      topic: first.topic,
      partition: first.partition,
      offset: first.offset,
      values: list,
    }));
  }

  // Reads of values never written.
  for (const [value, s] of readValues) {
    const st = sends.get(value);
    if (st && st.completion?.type !== "fail") continue;
    const failLine = st?.completionLine;
    phantom.add(() => ({
      message: st
        ? `value ${q(value)} read at ${at(s, s.offset)} (line ${s.line}), but its send failed at line ${failLine}`
        : `value ${q(value)} read at ${at(s, s.offset)} (line ${s.line}) was never sent`,
      value,
      topic: s.topic,
      partition: s.partition,
      offset: s.offset,
      readLine: s.line,
      reason: st ? "send-failed" : "never-sent",
      ...(failLine === undefined ? {} : { failLine }),
    }));
  }

  // Acknowledgements per session and partition, in the order sent.
  const lastAck = new Map<string, { value: string; offset: number; line: number }>();
  for (const st of sendsInOrder) {
    const c = st.completion;
    if (c?.type !== "ok") continue;
    const line = st.completionLine ?? st.invokeLine;
    const k = `${st.invoke.session}\u0000${tpKey(c)}`;
    const prev = lastAck.get(k);
    if (prev && c.offset <= prev.offset) {
      sendOrder.add(() => ({
        message: `session ${c.session} sent ${q(prev.value)} then ${q(c.value)} to ${c.topic}/${c.partition}, acknowledged at offsets ${prev.offset} (line ${prev.line}) then ${c.offset} (line ${line})`,
        session: c.session,
        topic: c.topic,
        partition: c.partition,
        previousValue: prev.value,
        previousOffset: prev.offset,
        previousLine: prev.line,
        value: c.value,
        offset: c.offset,
        line,
      }));
    }
    lastAck.set(k, { value: c.value, offset: c.offset, line });
  }

  const properties = {
    "lost-write": lost.result(),
    unseen: unseen.result(),
    duplicate: duplicate.result(),
    "inconsistent-offset": fork.result(),
    "nonmonotonic-poll": pollOrder.result(),
    "nonmonotonic-send": sendOrder.result(),
    "phantom-read": phantom.result(),
  };
  return {
    valid: PROPERTIES.every((p) => properties[p].count === 0),
    ops: history.length,
    sends: { invoked: sendsInOrder.length, ok, fail, info, unfinished, recovered, unverified },
    reads: { polls, drains, records },
    properties,
  };
}
