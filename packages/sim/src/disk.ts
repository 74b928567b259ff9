import type { Entry, HardState, PersistedState, Ready, Snapshot } from "@runnel/raft";
import type { Random } from "@runnel/runtime";

/** One write the shell issues; writes become durable only when synced. */
export type DiskWrite =
  | { readonly kind: "snapshot"; readonly snapshot: Snapshot }
  | { readonly kind: "truncate"; readonly from: number }
  | { readonly kind: "append"; readonly entries: readonly Entry[] }
  | { readonly kind: "hard-state"; readonly hardState: HardState };

/**
 * A crashable disk. Writes land in a volatile buffer; `sync` makes them durable. A crash keeps a
 * random prefix of the unsynced writes (a log file written in order, cut at an arbitrary point)
 * and loses the rest, so anything the shell acknowledged without syncing can vanish.
 */
export class SimDisk {
  private hardState: HardState;
  private snapshot: Snapshot;
  private entries: Entry[];
  private unsynced: DiskWrite[] = [];
  /** Writes lost in crashes, for the trace. */
  lostWrites = 0;

  constructor(initial: PersistedState) {
    this.hardState = initial.hardState;
    this.snapshot = initial.snapshot;
    this.entries = [...initial.entries];
  }

  /** Queues the writes of a `Ready`, in the order the shell must make them. */
  writeReady(rd: Ready): void {
    if (rd.snapshot) this.unsynced.push({ kind: "snapshot", snapshot: rd.snapshot });
    if (rd.truncateFrom !== undefined) this.unsynced.push({ kind: "truncate", from: rd.truncateFrom });
    if (rd.entries.length > 0) this.unsynced.push({ kind: "append", entries: rd.entries });
    if (rd.hardState) this.unsynced.push({ kind: "hard-state", hardState: rd.hardState });
  }

  sync(): void {
    for (const w of this.unsynced) this.apply(w);
    this.unsynced = [];
  }

  /** Writes a snapshot made by the application and syncs it at once (before entries are dropped). */
  writeSnapshotNow(snapshot: Snapshot): void {
    this.sync();
    this.apply({ kind: "snapshot", snapshot });
  }

  crash(random: Random): void {
    const keep = random.int(0, this.unsynced.length + 1);
    for (const w of this.unsynced.slice(0, keep)) this.apply(w);
    this.lostWrites += this.unsynced.length - keep;
    this.unsynced = [];
  }

  /** What a restarted node reads: the durable state only. */
  read(): PersistedState {
    return { hardState: this.hardState, snapshot: this.snapshot, entries: [...this.entries] };
  }

  durableHardState(): HardState {
    return this.hardState;
  }

  /** The durable term of the entry at `index`, if the disk holds it (or a snapshot covers it). */
  durableTermAt(index: number): number | undefined {
    if (index === this.snapshot.index) return this.snapshot.term;
    if (index < this.snapshot.index) return undefined;
    return this.entries[index - this.snapshot.index - 1]?.term;
  }

  /** Whether the durable state covers `index` with `term` (in the log, or under the snapshot). */
  holds(index: number, term: number): boolean {
    if (index < this.snapshot.index) return true;
    return this.durableTermAt(index) === term;
  }

  private apply(w: DiskWrite): void {
    switch (w.kind) {
      case "snapshot": {
        const keepFrom = w.snapshot.index;
        if (w.snapshot.index < this.snapshot.index)
          throw new Error("disk: snapshot older than the stored one");
        this.entries = this.entries.filter((e) => e.index > keepFrom);
        this.snapshot = w.snapshot;
        return;
      }
      case "truncate":
        this.entries = this.entries.filter((e) => e.index < w.from);
        return;
      case "append": {
        const first = (w.entries[0] as Entry).index;
        const last = this.snapshot.index + this.entries.length;
        if (first > last + 1) throw new Error(`disk: append at ${first} leaves a gap after ${last}`);
        if (first <= this.snapshot.index) throw new Error(`disk: append at ${first} under the snapshot`);
        this.entries = this.entries.filter((e) => e.index < first).concat(w.entries);
        return;
      }
      case "hard-state":
        this.hardState = w.hardState;
        return;
    }
  }
}
