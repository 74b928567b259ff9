/**
 * Histories of a simulated correct Kafka log, for the checker's property
 * tests, and single violations planted into them.
 *
 * The simulation keeps one log per partition. Producer sessions send unique
 * values; a send's fate is decided at invocation (written and acknowledged,
 * written but indeterminate, not written and indeterminate, failed) and a
 * written value is appended at once, so each session's writes to a partition
 * land in the order it sent them. Acknowledgements arrive in any order.
 * Control records (transaction markers) leave gaps in the offsets. Consumer
 * sessions poll forward from their positions, seek back, are reassigned, and
 * restart as new sessions from an earlier (committed) position. A final
 * drain reads every partition from its start to its end.
 */

import type { Property } from "../checker.js";
import type { HistoryOp, PartitionEnd, ReadRecord } from "../history.js";
import type { Draft } from "./build.js";

export const SIM_TOPIC = "sim";

/** A small seeded generator (mulberry32): the same seed gives the same history. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SimOptions {
  readonly seed: number;
  readonly partitions: number;
  readonly producers: number;
  readonly consumers: number;
  readonly steps: number;
  /** End with a drain of every partition. */
  readonly drain: boolean;
}

type Fate = "ok" | "written-info" | "lost-info" | "fail";

interface InFlight {
  readonly value: string;
  readonly partition: number;
  readonly fate: Fate;
  readonly offset?: number;
}

interface Producer {
  readonly process: string;
  session: string;
  restarts: number;
  inflight: InFlight[];
}

interface Consumer {
  readonly process: string;
  session: string;
  restarts: number;
  /** Next offset to read, per partition. */
  position: number[];
}

export function simulate(o: SimOptions): HistoryOp[] {
  const r = rng(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const int = (n: number) => Math.floor(r() * n);
  const ops: HistoryOp[] = [];
  let time = 0;
  const push = (op: Draft) => ops.push({ ...op, time: time++ } as HistoryOp);
  const logs: { offset: number; value: string }[][] = Array.from({ length: o.partitions }, () => []);
  const next: number[] = Array.from({ length: o.partitions }, () => 0);
  let values = 0;

  const producers: Producer[] = Array.from({ length: o.producers }, (_, i) => ({
    process: `producer-${i}`,
    session: `producer-${i}.0`,
    restarts: 0,
    inflight: [],
  }));
  const consumers: Consumer[] = Array.from({ length: o.consumers }, (_, i) => ({
    process: `consumer-${i}`,
    session: `consumer-${i}.0`,
    restarts: 0,
    position: Array.from({ length: o.partitions }, () => 0),
  }));

  const invoke = (p: Producer, partition: number, fate: Fate): InFlight => {
    const value = `v${values++}`;
    push({
      process: p.process,
      session: p.session,
      type: "invoke",
      f: "send",
      topic: SIM_TOPIC,
      value,
      partition,
    });
    let offset: number | undefined;
    if (fate === "ok" || fate === "written-info") {
      offset = next[partition] as number;
      next[partition] = offset + 1;
      logs[partition]?.push({ offset, value });
    }
    const f: InFlight = { value, partition, fate, ...(offset === undefined ? {} : { offset }) };
    p.inflight.push(f);
    return f;
  };
  const complete = (p: Producer, f: InFlight) => {
    p.inflight = p.inflight.filter((x) => x !== f);
    const base = {
      process: p.process,
      session: p.session,
      f: "send" as const,
      topic: SIM_TOPIC,
      value: f.value,
    };
    if (f.fate === "ok") push({ ...base, type: "ok", partition: f.partition, offset: f.offset as number });
    else if (f.fate === "fail") push({ ...base, type: "fail", error: "RECORD_TOO_LARGE" });
    else push({ ...base, type: "info", error: "timeout" });
  };
  const read = (c: Consumer, partition: number, max: number): ReadRecord[] => {
    const from = c.position[partition] as number;
    const got = (logs[partition] ?? []).filter((e) => e.offset >= from).slice(0, max);
    const last = got[got.length - 1];
    if (last) c.position[partition] = last.offset + 1;
    return got.map((e) => ({ topic: SIM_TOPIC, partition, offset: e.offset, value: e.value }));
  };
  const partitions = Array.from({ length: o.partitions }, (_, i) => i);

  // A prelude every history shares: two acknowledged values per partition,
  // so that each partition has something to lose, duplicate or fork.
  const first = producers[0] as Producer;
  for (const partition of partitions) {
    for (let k = 0; k < 2; k++) complete(first, invoke(first, partition, "ok"));
  }

  for (let step = 0; step < o.steps; step++) {
    const x = r();
    if (x < 0.3) {
      const p = pick(producers);
      const y = r();
      const fate: Fate = y < 0.75 ? "ok" : y < 0.85 ? "written-info" : y < 0.93 ? "lost-info" : "fail";
      invoke(p, int(o.partitions), fate);
    } else if (x < 0.5) {
      const busy = producers.filter((p) => p.inflight.length > 0);
      if (busy.length > 0) {
        const p = pick(busy);
        complete(p, pick(p.inflight));
      }
    } else if (x < 0.53) {
      const partition = int(o.partitions);
      next[partition] = (next[partition] as number) + 1 + int(2);
    } else if (x < 0.55) {
      // A producer crashes: its sends in flight stay unfinished.
      const p = pick(producers);
      p.inflight = [];
      p.session = `${p.process}.${++p.restarts}`;
    } else if (x < 0.85) {
      const c = pick(consumers);
      const records: ReadRecord[] = [];
      for (const partition of partitions) if (r() < 0.7) records.push(...read(c, partition, 1 + int(4)));
      push({ process: c.process, session: c.session, type: "invoke", f: "poll" });
      push({ process: c.process, session: c.session, type: "ok", f: "poll", records });
    } else if (x < 0.88) {
      const c = pick(consumers);
      push({ process: c.process, session: c.session, type: "invoke", f: "poll" });
      push({
        process: c.process,
        session: c.session,
        type: r() < 0.5 ? "info" : "fail",
        f: "poll",
        error: "x",
      });
    } else if (x < 0.92) {
      const c = pick(consumers);
      const partition = int(o.partitions);
      const offset = int((c.position[partition] as number) + 1);
      c.position[partition] = offset;
      push({
        process: c.process,
        session: c.session,
        type: "ok",
        f: "seek",
        topic: SIM_TOPIC,
        partition,
        offset,
      });
    } else if (x < 0.96) {
      // A rebalance: the session resumes each partition from a committed
      // position at or before where it was.
      const c = pick(consumers);
      c.position = c.position.map((pos) => int(pos + 1));
      const tps = partitions.map((partition) => ({ topic: SIM_TOPIC, partition }));
      push({ process: c.process, session: c.session, type: "ok", f: "assign", partitions: tps });
    } else {
      // A consumer restarts as a new session from committed positions.
      const c = pick(consumers);
      c.position = c.position.map((pos) => int(pos + 1));
      c.session = `${c.process}.${++c.restarts}`;
    }
  }
  // Most sends in flight complete; a few never do.
  for (const p of producers) for (const f of [...p.inflight]) if (r() < 0.9) complete(p, f);

  if (o.drain) {
    const d: Consumer = {
      process: "drainer",
      session: "drainer.0",
      restarts: 0,
      position: partitions.map(() => 0),
    };
    const records = partitions.flatMap((partition) => read(d, partition, Number.MAX_SAFE_INTEGER));
    const ends: PartitionEnd[] = partitions.map((partition) => ({
      topic: SIM_TOPIC,
      partition,
      offset: next[partition] as number,
    }));
    push({ process: d.process, session: d.session, type: "invoke", f: "drain" });
    push({ process: d.process, session: d.session, type: "ok", f: "drain", records, ends });
  }
  return ops;
}

/** A violation planted into a history, and what the checker must name. */
export interface Planted {
  readonly history: HistoryOp[];
  readonly property: Property;
  /** The value (or, for a fork, the position) the report's example must name. */
  readonly value?: string;
  readonly position?: { partition: number; offset: number };
}

interface Known {
  readonly partition: number;
  readonly offset: number;
  readonly value: string;
}

/**
 * Plants exactly one violation of `property` into a history from simulate
 * (which must have a drain), choosing where with `r`. Each plant leaves every
 * other property intact, so the report must name this property only.
 */
export function plant(history: readonly HistoryOp[], property: Property, r: () => number): Planted {
  const pick = <T>(xs: readonly T[]): T => {
    if (xs.length === 0) throw new Error(`nothing to plant ${property} on`);
    return xs[Math.floor(r() * xs.length)] as T;
  };
  const ops = [...history];
  let time = Math.max(0, ...ops.map((o) => o.time)) + 1;
  const op = (o: Draft): HistoryOp => ({ ...o, time: time++ }) as HistoryOp;
  const acked: Known[] = [];
  const readAt = new Map<string, Known>();
  const end: number[] = [];
  for (const o of ops) {
    if (o.f === "send" && o.type === "ok")
      acked.push({ partition: o.partition, offset: o.offset, value: o.value });
    if ((o.f === "poll" || o.f === "drain") && o.type === "ok") {
      for (const rec of o.records) readAt.set(`${rec.partition}@${rec.offset}`, rec);
    }
    if (o.f === "drain" && o.type === "ok") for (const e of o.ends) end[e.partition] = e.offset;
  }
  const drainAt = ops.findIndex((o) => o.f === "drain" && o.type === "invoke");
  if (drainAt < 0) throw new Error("plant needs a history with a drain");
  const poll = (session: string, records: readonly Known[]) => [
    op({ process: session, session, type: "invoke", f: "poll" }),
    op({
      process: session,
      session,
      type: "ok",
      f: "poll",
      records: records.map((k) => ({ topic: SIM_TOPIC, ...k })),
    }),
  ];
  const send = (session: string, value: string, partition: number) =>
    op({ process: session, session, type: "invoke", f: "send", topic: SIM_TOPIC, value, partition });
  const s = (session: string) => ({ process: session, session, f: "send" as const, topic: SIM_TOPIC });
  const partitionEnd = (p: number) => end[p] as number;

  switch (property) {
    case "lost-write": {
      // An acknowledged value that a read passed is read by no one.
      const maxRead = new Map<number, number>();
      for (const k of readAt.values())
        maxRead.set(k.partition, Math.max(maxRead.get(k.partition) ?? -1, k.offset));
      const victim = pick(acked.filter((a) => (maxRead.get(a.partition) ?? -1) > a.offset));
      const history = ops.map((o) =>
        (o.f === "poll" || o.f === "drain") && o.type === "ok"
          ? { ...o, records: o.records.filter((rec) => rec.value !== victim.value) }
          : o,
      );
      return { history, property, value: victim.value };
    }
    case "unseen": {
      // Acknowledged beyond the end the drain then reads to: truncated.
      const partition = pick(Object.keys(end).map(Number));
      const value = "planted-unseen";
      ops.splice(
        drainAt,
        0,
        send("planted", value, partition),
        op({ ...s("planted"), type: "ok", value, partition, offset: partitionEnd(partition) }),
      );
      return { history: ops, property, value };
    }
    case "duplicate": {
      // A read value read again at a new offset past the end.
      const k = pick([...readAt.values()].filter((x) => acked.some((a) => a.value === x.value)));
      ops.push(...poll("planted-reader", [{ ...k, offset: partitionEnd(k.partition) }]));
      return { history: ops, property, value: k.value };
    }
    case "inconsistent-offset": {
      // An indeterminate send read at a position that holds another value.
      const k = pick([...readAt.values()]);
      const value = "planted-fork";
      ops.push(
        send("planted", value, k.partition),
        op({ ...s("planted"), type: "info", value, error: "timeout" }),
      );
      ops.push(...poll("planted-reader", [{ ...k, value }]));
      return { history: ops, property, position: { partition: k.partition, offset: k.offset } };
    }
    case "nonmonotonic-poll": {
      // A new session reads a partition's later record, then an earlier one.
      const all = [...readAt.values()];
      const later = pick(
        all.filter((x) => all.some((y) => y.partition === x.partition && y.offset < x.offset)),
      );
      const earlier = pick(all.filter((y) => y.partition === later.partition && y.offset < later.offset));
      const [i1, o1] = poll("planted-reader", [later]);
      const [i2, o2] = poll("planted-reader", [earlier]);
      ops.push(i1 as HistoryOp, o1 as HistoryOp, i2 as HistoryOp, o2 as HistoryOp);
      return { history: ops, property, position: { partition: later.partition, offset: earlier.offset } };
    }
    case "nonmonotonic-send": {
      // Two sends of one session acknowledged in reverse order of sending, both read.
      const partition = pick(Object.keys(end).map(Number));
      const e = partitionEnd(partition);
      ops.push(send("planted", "planted-a", partition), send("planted", "planted-b", partition));
      ops.push(op({ ...s("planted"), type: "ok", value: "planted-a", partition, offset: e + 1 }));
      ops.push(op({ ...s("planted"), type: "ok", value: "planted-b", partition, offset: e }));
      ops.push(
        ...poll("planted-reader", [
          { partition, offset: e, value: "planted-b" },
          { partition, offset: e + 1, value: "planted-a" },
        ]),
      );
      return { history: ops, property, value: "planted-b" };
    }
    case "phantom-read": {
      // A value read past the end whose send failed, or that nobody sent.
      const partition = pick(Object.keys(end).map(Number));
      const value = "planted-phantom";
      if (r() < 0.5)
        ops.push(
          send("planted", value, partition),
          op({ ...s("planted"), type: "fail", value, error: "INVALID_RECORD" }),
        );
      ops.push(...poll("planted-reader", [{ partition, offset: partitionEnd(partition), value }]));
      return { history: ops, property, value };
    }
  }
}
