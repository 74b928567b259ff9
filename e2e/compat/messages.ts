/**
 * The message layout every driver produces, and the checks applied to what
 * comes back. Record `i` of a produce run with prefix P and codec C has
 *
 *   key     `${P}-k${i % 8}`           (eight keys per run, so keys repeat)
 *   value   `${P}|${C}|${i}|` + filler (compressible text)
 *   headers codec=C, prefix=P
 */

export const CODECS = ["none", "gzip", "snappy", "lz4", "zstd"] as const;
export type Codec = (typeof CODECS)[number];

const FILLER = "the quick brown fox jumps over the lazy dog ".repeat(3);

export function messageKey(prefix: string, i: number): string {
  return `${prefix}-k${i % 8}`;
}

export function messageValue(prefix: string, codec: string, i: number): string {
  return `${prefix}|${codec}|${i}|${FILLER}`;
}

/** One line a driver prints. */
export interface DriverEvent {
  readonly event: string;
  readonly [field: string]: unknown;
}

export interface ConsumedRecord {
  readonly partition: number;
  readonly offset: number;
  readonly key: string | null;
  readonly value: string | null;
  readonly headers: Readonly<Record<string, string>>;
}

export interface ProducedRecord {
  readonly key: string;
  readonly partition: number;
  readonly offset: number;
}

/** What one produce run sent. */
export interface ProduceRun {
  readonly prefix: string;
  readonly codec: string;
  readonly count: number;
  /** Partition and offset of each record, when the client reports them (in any order). */
  readonly produced: readonly ProducedRecord[];
}

export function recordsOf(events: readonly DriverEvent[]): ConsumedRecord[] {
  return events
    .filter((e) => e.event === "record")
    .map((e) => ({
      partition: Number(e.partition),
      offset: Number(e.offset),
      key: typeof e.key === "string" ? e.key : null,
      value: typeof e.value === "string" ? e.value : null,
      headers: (e.headers ?? {}) as Record<string, string>,
    }));
}

export function producedOf(events: readonly DriverEvent[]): ProducedRecord[] {
  return events
    .filter((e) => e.event === "produced")
    .map((e) => ({ key: String(e.key), partition: Number(e.partition), offset: Number(e.offset) }));
}

class CheckError extends Error {}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new CheckError(message);
}

/**
 * Checks that `records` (in delivery order) are exactly the records of `runs`:
 * each one once, intact (key, value, headers), in offset order within each
 * partition and in production order within each (run, partition), with each
 * key on one partition, and at the partition and offset the producer reported.
 */
export function verifyConsumed(records: readonly ConsumedRecord[], runs: readonly ProduceRun[]): void {
  const byPrefix = new Map(runs.map((r) => [r.prefix, r]));
  const expected = runs.reduce((n, r) => n + r.count, 0);
  check(records.length === expected, `consumed ${records.length} records, expected ${expected}`);
  const seen = new Set<string>();
  const lastOffset = new Map<number, number>();
  const lastSeq = new Map<string, number>();
  const keyPartition = new Map<string, number>();
  const producedAt = new Map<string, ProducedRecord[]>();
  for (const run of runs) {
    for (const p of run.produced) {
      const list = producedAt.get(p.key) ?? [];
      list.push(p);
      producedAt.set(p.key, list);
    }
  }
  for (const r of records) {
    const where = `partition ${r.partition} offset ${r.offset}`;
    check(r.value !== null, `${where}: null value`);
    const [prefix, codec, seqText] = r.value.split("|");
    const run = byPrefix.get(prefix ?? "");
    check(run !== undefined, `${where}: unexpected record ${r.value.slice(0, 40)}`);
    const seq = Number(seqText);
    check(Number.isInteger(seq) && seq >= 0 && seq < run.count, `${where}: bad sequence ${seqText}`);
    check(codec === run.codec, `${where}: codec ${codec} in value, expected ${run.codec}`);
    check(r.value === messageValue(run.prefix, run.codec, seq), `${where}: value damaged`);
    check(
      r.key === messageKey(run.prefix, seq),
      `${where}: key ${r.key}, expected ${messageKey(run.prefix, seq)}`,
    );
    check(
      r.headers.codec === run.codec && r.headers.prefix === run.prefix,
      `${where}: headers ${JSON.stringify(r.headers)}`,
    );
    const id = `${run.prefix}/${seq}`;
    check(!seen.has(id), `${where}: duplicate of ${id}`);
    seen.add(id);
    const before = lastOffset.get(r.partition);
    check(
      before === undefined || r.offset > before,
      `${where}: offset after ${before} in the same partition`,
    );
    lastOffset.set(r.partition, r.offset);
    const seqKey = `${run.prefix}/${r.partition}`;
    const prevSeq = lastSeq.get(seqKey);
    check(
      prevSeq === undefined || seq > prevSeq,
      `${where}: record ${seq} of ${run.prefix} after ${prevSeq}`,
    );
    lastSeq.set(seqKey, seq);
    const kp = keyPartition.get(r.key);
    check(kp === undefined || kp === r.partition, `${where}: key ${r.key} also on partition ${kp}`);
    keyPartition.set(r.key, r.partition);
    if (run.produced.length > 0) {
      const at = producedAt.get(r.key) ?? [];
      check(
        at.some((p) => p.partition === r.partition && p.offset === r.offset),
        `${where}: the producer did not report a record of key ${r.key} there`,
      );
    }
  }
}

/** Checks a produce run's own report: every record acknowledged once, at distinct offsets. */
export function verifyProduced(run: ProduceRun, reportsOffsets: boolean): void {
  if (!reportsOffsets) return;
  check(run.produced.length === run.count, `${run.produced.length} of ${run.count} records acknowledged`);
  const at = new Set(run.produced.map((p) => `${p.partition}/${p.offset}`));
  check(at.size === run.count, "two records acknowledged at the same partition and offset");
  const keyPartition = new Map<string, number>();
  for (const p of run.produced) {
    const kp = keyPartition.get(p.key);
    check(kp === undefined || kp === p.partition, `key ${p.key} went to partitions ${kp} and ${p.partition}`);
    keyPartition.set(p.key, p.partition);
  }
}

/** True when the assignments are pairwise disjoint and together cover partitions 0..n-1. */
export function isExactCover(assignments: readonly (readonly number[])[], n: number): boolean {
  const all = assignments.flat();
  if (all.length !== n) return false;
  const set = new Set(all);
  if (set.size !== n) return false;
  for (let p = 0; p < n; p++) if (!set.has(p)) return false;
  return true;
}
