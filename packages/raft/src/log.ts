import type { Entry, Snapshot } from "./types.js";

/**
 * The in-memory log: the latest snapshot and every entry after it, plus the bookkeeping that tells
 * the shell what to persist. The shell's storage mirrors it: `emittedLast` is the last index the
 * shell will hold once it has processed every `Ready` handed out so far, and `stableLast` the last
 * index it has confirmed durable (through `advance`).
 */
export class RaftLog {
  snapshot: Snapshot;
  private entries: Entry[];
  commit: number;
  /** Last index whose entry the application has applied (or the snapshot it restored). */
  applied: number;
  /** Entries up to here are handed to the shell; later ones go into the next `Ready`. */
  emittedLast: number;
  /** Entries up to here are durable. */
  stableLast: number;
  /** Set when entries the shell already holds (or will hold) must be dropped. */
  pendingTruncateFrom: number | undefined;
  /** A snapshot received from the leader, not yet handed to the shell. */
  pendingSnapshot: Snapshot | undefined;

  constructor(snapshot: Snapshot, entries: readonly Entry[], commit: number) {
    let expected = snapshot.index + 1;
    for (const e of entries) {
      if (e.index !== expected) {
        throw new Error(`persisted log is not consecutive: expected index ${expected}, found ${e.index}`);
      }
      expected++;
    }
    this.snapshot = snapshot;
    this.entries = [...entries];
    const last = this.lastIndex();
    for (let i = 1; i < this.entries.length; i++) {
      if ((this.entries[i] as Entry).term < (this.entries[i - 1] as Entry).term) {
        throw new Error(`persisted log has decreasing terms at index ${(this.entries[i] as Entry).index}`);
      }
    }
    if (commit > last)
      throw new Error(`persisted commit ${commit} is beyond the last persisted entry ${last}`);
    // A snapshot is committed by definition. The hard state written after an installed snapshot
    // may have been lost in a crash before the fsync, leaving an older commit index.
    this.commit = Math.max(commit, snapshot.index);
    this.applied = snapshot.index;
    this.emittedLast = last;
    this.stableLast = last;
    this.pendingTruncateFrom = undefined;
    this.pendingSnapshot = undefined;
  }

  firstIndex(): number {
    return this.snapshot.index + 1;
  }

  lastIndex(): number {
    return this.snapshot.index + this.entries.length;
  }

  lastTerm(): number {
    const last = this.entries.at(-1);
    return last === undefined ? this.snapshot.term : last.term;
  }

  /** The term of the entry at `index`, or undefined if it is compacted away or beyond the log. */
  termAt(index: number): number | undefined {
    if (index === this.snapshot.index) return this.snapshot.term;
    return this.entries[index - this.snapshot.index - 1]?.term;
  }

  entryAt(index: number): Entry | undefined {
    if (index <= this.snapshot.index) return undefined;
    return this.entries[index - this.snapshot.index - 1];
  }

  /** Entries in [lo, hi], clipped to what is in memory. */
  slice(lo: number, hi: number): Entry[] {
    const base = this.snapshot.index + 1;
    return this.entries.slice(Math.max(lo, base) - base, Math.max(hi + 1, base) - base);
  }

  /** Whether a log ending at (index, term) is at least as up to date as this one (Raft §5.4.1). */
  isUpToDate(index: number, term: number): boolean {
    const lastTerm = this.lastTerm();
    return term > lastTerm || (term === lastTerm && index >= this.lastIndex());
  }

  /** The first index of the run of entries with `term` that contains `index`, not below `floor`. */
  firstIndexOfTerm(index: number, term: number, floor: number): number {
    let i = index;
    while (i - 1 >= floor && this.termAt(i - 1) === term) i--;
    return i;
  }

  /** The last index holding an entry of `term`, or undefined if the log has none in memory. */
  lastIndexOfTerm(term: number): number | undefined {
    for (let i = this.lastIndex(); i > this.snapshot.index; i--) {
      const t = this.termAt(i) as number;
      if (t === term) return i;
      if (t < term) return undefined;
    }
    return undefined;
  }

  /** The leader's append: entries go after the last one. */
  append(entries: readonly Entry[]): void {
    for (const e of entries) {
      if (e.index !== this.lastIndex() + 1) {
        throw new Error(`append at index ${e.index} but the log ends at ${this.lastIndex()}`);
      }
      this.entries.push(e);
    }
  }

  /**
   * A follower's append of entries that directly follow a matching `prev`: entries it already has
   * are skipped, the first conflicting one truncates the log from there. Returns the truncation
   * index, if any.
   */
  merge(entries: readonly Entry[]): number | undefined {
    let truncatedAt: number | undefined;
    let i = 0;
    for (; i < entries.length; i++) {
      const e = entries[i] as Entry;
      const existing = this.termAt(e.index);
      if (existing === undefined && e.index > this.lastIndex()) break;
      if (existing === e.term) continue;
      if (e.index <= this.commit) {
        // Leader completeness guarantees a leader's log holds every committed entry unchanged.
        throw new Error(
          `invariant violated: entry ${e.index} (term ${e.term}) conflicts with committed entry of term ${existing}`,
        );
      }
      this.truncateFrom(e.index);
      truncatedAt = e.index;
      break;
    }
    this.append(entries.slice(i));
    return truncatedAt;
  }

  private truncateFrom(index: number): void {
    this.entries.length = index - this.snapshot.index - 1;
    if (index <= this.emittedLast) {
      this.pendingTruncateFrom = Math.min(this.pendingTruncateFrom ?? index, index);
      this.emittedLast = index - 1;
    }
    this.stableLast = Math.min(this.stableLast, index - 1);
  }

  /** Installs a snapshot from the leader, keeping the entries after it if they match it. */
  restore(snapshot: Snapshot): void {
    if (this.termAt(snapshot.index) === snapshot.term) {
      this.entries = this.entries.slice(snapshot.index - this.snapshot.index);
    } else {
      if (snapshot.index < this.emittedLast) {
        this.pendingTruncateFrom = Math.min(this.pendingTruncateFrom ?? Infinity, snapshot.index + 1);
      }
      this.entries = [];
      this.emittedLast = snapshot.index;
      this.stableLast = Math.min(this.stableLast, snapshot.index);
    }
    this.emittedLast = Math.max(this.emittedLast, snapshot.index);
    this.snapshot = snapshot;
    this.pendingSnapshot = snapshot;
    this.commit = Math.max(this.commit, snapshot.index);
  }

  /** The application compacted: drop entries up to the snapshot (which the shell already stored). */
  compact(snapshot: Snapshot): void {
    this.entries = this.entries.slice(snapshot.index - this.snapshot.index);
    this.snapshot = snapshot;
  }

  /** Entries not yet handed to the shell; marks them handed. */
  takeUnstable(): Entry[] {
    const out = this.slice(this.emittedLast + 1, this.lastIndex());
    this.emittedLast = this.lastIndex();
    return out;
  }

  hasUnstable(): boolean {
    return this.emittedLast < this.lastIndex();
  }
}
