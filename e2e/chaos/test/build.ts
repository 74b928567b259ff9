/**
 * A small builder for histories in tests: one call per recorded event, lines
 * numbered in order, time advancing by one millisecond per operation.
 */
import type { HistoryOp, PartitionEnd, ReadRecord } from "../history.js";

/** [partition, offset, value] of a record read from topic "t" (or [topic, partition, offset, value]). */
export type Rec = readonly [number, number, string] | readonly [string, number, number, string];

export const TOPIC = "t";

/** An operation before it is stamped with its time and line (Omit, applied to each member of the union). */
export type Draft = HistoryOp extends infer T
  ? T extends unknown
    ? Omit<T, "time" | "line">
    : never
  : never;

function rec(r: Rec): ReadRecord {
  if (r.length === 3) return { topic: TOPIC, partition: r[0], offset: r[1], value: r[2] };
  return { topic: r[0], partition: r[1], offset: r[2], value: r[3] };
}

export class HistoryBuilder {
  readonly ops: HistoryOp[] = [];
  private time = 0;

  private push(op: Draft): number {
    this.ops.push({ ...op, time: this.time++ } as HistoryOp);
    return this.ops.length;
  }

  /** Invokes a send; returns its line. */
  invoke(session: string, value: string, partition?: number, process = session): number {
    return this.push({
      process,
      session,
      type: "invoke",
      f: "send",
      topic: TOPIC,
      value,
      ...(partition === undefined ? {} : { partition }),
    });
  }

  /** Acknowledges a send at (partition, offset); returns its line. */
  ack(session: string, value: string, partition: number, offset: number, process = session): number {
    return this.push({ process, session, type: "ok", f: "send", topic: TOPIC, value, partition, offset });
  }

  /** Completes a send with fail or info; returns its line. */
  notOk(session: string, value: string, type: "fail" | "info", error = "test", process = session): number {
    return this.push({ process, session, type, f: "send", topic: TOPIC, value, error });
  }

  /** Invokes and acknowledges a send; returns the ack's line. */
  send(session: string, value: string, partition: number, offset: number): number {
    this.invoke(session, value, partition);
    return this.ack(session, value, partition, offset);
  }

  /** Invokes and completes a poll; returns the completion's line. */
  poll(session: string, records: readonly Rec[], process = session): number {
    this.push({ process, session, type: "invoke", f: "poll" });
    return this.push({ process, session, type: "ok", f: "poll", records: records.map(rec) });
  }

  /** Invokes and completes a poll that ends in info (e.g. a timeout). */
  pollInfo(session: string, process = session): number {
    this.push({ process, session, type: "invoke", f: "poll" });
    return this.push({ process, session, type: "info", f: "poll", error: "timeout" });
  }

  /** Invokes and completes a drain; ends maps partition → end offset. */
  drain(session: string, records: readonly Rec[], ends: Record<number, number>, process = session): number {
    this.push({ process, session, type: "invoke", f: "drain" });
    const e: PartitionEnd[] = Object.entries(ends).map(([p, offset]) => ({
      topic: TOPIC,
      partition: Number(p),
      offset,
    }));
    return this.push({ process, session, type: "ok", f: "drain", records: records.map(rec), ends: e });
  }

  assign(session: string, partitions: readonly number[], process = session): number {
    return this.push({
      process,
      session,
      type: "ok",
      f: "assign",
      partitions: partitions.map((partition) => ({ topic: TOPIC, partition })),
    });
  }

  seek(session: string, partition: number, offset: number, process = session): number {
    return this.push({ process, session, type: "ok", f: "seek", topic: TOPIC, partition, offset });
  }
}
