/**
 * The semantics both engines share, written once: what an append keeps and replaces, which reads
 * are in range, and which inputs are refused. A violated assertion here is a bug in the caller
 * (the Raft shell); a StorageError is an input the caller is expected to handle.
 */
import assert from "node:assert/strict";
import { type HardState, type LogEntry, type Snapshot, StorageError } from "./types.js";

/** Entry types are stored as u16. */
export const MAX_ENTRY_TYPE = 0xffff;

/** What an append does to a log whose entries run from `boundaryIndex + 1` to `lastIndex`. */
export interface AppendPlan {
  /** Truncate entries at and above this index first; null when nothing is replaced. */
  readonly truncateFrom: number | null;
  /** The entries to write after the truncation, possibly none. */
  readonly entries: readonly LogEntry[];
}

function checkIndexOrTerm(value: number, what: string): void {
  assert.ok(
    Number.isSafeInteger(value) && value >= 0,
    `${what} must be a non-negative safe integer, got ${value}`,
  );
}

/**
 * Validates an append against the log `(boundaryIndex, lastIndex]` and says what it does.
 * `termAt(i)` answers for boundaryIndex <= i <= lastIndex. Entries the snapshot covers (up to
 * `snapshotIndex`) are committed: they are skipped, and must agree with the log where it still
 * holds them.
 */
export function planAppend(
  entries: readonly LogEntry[],
  boundaryIndex: number,
  snapshotIndex: number,
  lastIndex: number,
  termAt: (index: number) => number,
  maxEntryBytes: number,
): AppendPlan {
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as LogEntry;
    checkIndexOrTerm(entry.index, "entry index");
    checkIndexOrTerm(entry.term, "entry term");
    assert.ok(
      Number.isInteger(entry.type) && entry.type >= 0 && entry.type <= MAX_ENTRY_TYPE,
      `entry type must be an integer in 0..${MAX_ENTRY_TYPE}, got ${entry.type}`,
    );
    assert.ok(entry.data instanceof Uint8Array, "entry data must be a Uint8Array");
    if (i > 0) {
      const prev = entries[i - 1] as LogEntry;
      assert.equal(entry.index, prev.index + 1, "appended entries must have contiguous indices");
      assert.ok(entry.term >= prev.term, `entry terms must not decrease (index ${entry.index})`);
    }
    if (entry.data.byteLength > maxEntryBytes) {
      throw new StorageError(
        "ENTRY_TOO_LARGE",
        `entry ${entry.index} has ${entry.data.byteLength} bytes of data; maxEntryBytes is ${maxEntryBytes}`,
      );
    }
  }
  const covered = Math.max(boundaryIndex, snapshotIndex);
  for (const entry of entries) {
    if (entry.index > boundaryIndex && entry.index <= covered) {
      assert.equal(entry.term, termAt(entry.index), `entry ${entry.index} conflicts with the snapshot`);
    }
  }
  const kept = entries.filter((e) => e.index > covered);
  const first = kept[0];
  if (first === undefined) return { truncateFrom: null, entries: [] };
  assert.ok(
    first.index <= lastIndex + 1,
    `append would leave a gap: first new index ${first.index}, last index ${lastIndex}`,
  );
  const prevTerm = termAt(first.index - 1);
  assert.ok(first.term >= prevTerm, `entry terms must not decrease (index ${first.index})`);
  return { truncateFrom: first.index <= lastIndex ? first.index : null, entries: kept };
}

export function checkTruncate(fromIndex: number, boundaryIndex: number, snapshotIndex: number): void {
  checkIndexOrTerm(fromIndex, "truncation index");
  const covered = Math.max(boundaryIndex, snapshotIndex);
  assert.ok(
    fromIndex > covered,
    `cannot truncate from ${fromIndex}: entries up to ${covered} are committed into the snapshot`,
  );
}

export function checkCompact(upToIndex: number, lastIndex: number, snapshotIndex: number): void {
  checkIndexOrTerm(upToIndex, "compaction index");
  assert.ok(upToIndex <= lastIndex, `cannot compact to ${upToIndex}: last index is ${lastIndex}`);
  assert.ok(
    upToIndex <= snapshotIndex,
    `cannot compact to ${upToIndex}: the snapshot only covers up to ${snapshotIndex}`,
  );
}

export function checkHardState(hardState: HardState): void {
  checkIndexOrTerm(hardState.term, "hard state term");
  checkIndexOrTerm(hardState.commit, "hard state commit");
  if (hardState.votedFor !== null) checkIndexOrTerm(hardState.votedFor, "hard state votedFor");
}

export function checkSnapshot(snapshot: Snapshot, currentIndex: number, maxSnapshotBytes: number): void {
  checkIndexOrTerm(snapshot.index, "snapshot index");
  checkIndexOrTerm(snapshot.term, "snapshot term");
  assert.ok(snapshot.config instanceof Uint8Array && snapshot.data instanceof Uint8Array);
  const bytes = snapshot.config.byteLength + snapshot.data.byteLength;
  if (bytes > maxSnapshotBytes) {
    throw new StorageError(
      "SNAPSHOT_TOO_LARGE",
      `snapshot at ${snapshot.index} has ${bytes} bytes; maxSnapshotBytes is ${maxSnapshotBytes}`,
    );
  }
  if (snapshot.index <= currentIndex) {
    throw new StorageError(
      "SNAPSHOT_OUT_OF_DATE",
      `snapshot at ${snapshot.index} is not newer than the stored one at ${currentIndex}`,
    );
  }
}

/** Checks that [lo, hi) lies within the log (firstIndex..lastIndex). */
export function checkRange(lo: number, hi: number, firstIndex: number, lastIndex: number): void {
  checkIndexOrTerm(lo, "lo");
  checkIndexOrTerm(hi, "hi");
  assert.ok(lo <= hi, `invalid range [${lo}, ${hi})`);
  if (lo < firstIndex) {
    throw new StorageError("COMPACTED", `entry ${lo} is compacted; the log starts at ${firstIndex}`);
  }
  if (hi > lastIndex + 1) {
    throw new StorageError("UNAVAILABLE", `entry ${hi - 1} is beyond the last index ${lastIndex}`);
  }
}

/** Checks that term(index) can be answered: boundaryIndex <= index <= lastIndex. */
export function checkTermIndex(index: number, boundaryIndex: number, lastIndex: number): void {
  checkIndexOrTerm(index, "index");
  if (index < boundaryIndex) {
    throw new StorageError(
      "COMPACTED",
      `the term of ${index} is compacted; the log starts at ${boundaryIndex + 1}`,
    );
  }
  if (index > lastIndex) {
    throw new StorageError("UNAVAILABLE", `entry ${index} is beyond the last index ${lastIndex}`);
  }
}

/** How many of the leading sizes fit in maxBytes; at least one when there is one. */
export function countWithin(
  sizes: (i: number) => number,
  count: number,
  maxBytes: number | undefined,
): number {
  if (maxBytes === undefined) return count;
  let total = 0;
  for (let i = 0; i < count; i++) {
    total += sizes(i);
    if (total > maxBytes && i > 0) return i;
  }
  return count;
}

export function copyEntry(entry: LogEntry): LogEntry {
  return { index: entry.index, term: entry.term, type: entry.type, data: entry.data.slice() };
}

export function copySnapshot(snapshot: Snapshot): Snapshot {
  return {
    index: snapshot.index,
    term: snapshot.term,
    config: snapshot.config.slice(),
    data: snapshot.data.slice(),
  };
}
