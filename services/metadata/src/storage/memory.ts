/**
 * The in-memory engine, for tests and deterministic simulation. It has the disk engine's
 * semantics, including crashes: a `MemoryVolume` plays the disk, holding only what the last
 * `sync()` made durable, and opening the volume again (with or without closing the old handle)
 * is a restart that loses everything unsynced. The old handle then refuses every call.
 *
 * A restart here always lands exactly on the last sync, the strictest outcome the contract
 * allows; the disk engine may keep more (a snapshot or truncation is durable once its call
 * resolves, and unsynced appends often survive a process crash). Both satisfy the guarantee the
 * Raft shell relies on: everything synced survives, and nothing comes back mixed.
 */
import {
  checkCompact,
  checkHardState,
  checkRange,
  checkSnapshot,
  checkTermIndex,
  checkTruncate,
  copyEntry,
  copySnapshot,
  countWithin,
  planAppend,
} from "./rules.js";
import {
  DEFAULT_MAX_ENTRY_BYTES,
  DEFAULT_MAX_SNAPSHOT_BYTES,
  type HardState,
  type LogEntry,
  type OpenedStorage,
  type RaftStorage,
  type Snapshot,
  StorageError,
  type StorageOptions,
} from "./types.js";

const EMPTY_HARD_STATE: HardState = { term: 0, votedFor: null, commit: 0 };

/** A whole log, hard state and snapshot; entries[i] has index boundaryIndex + 1 + i. */
class LogState {
  boundaryIndex = 0;
  boundaryTerm = 0;
  entries: LogEntry[] = [];
  hardState: HardState = EMPTY_HARD_STATE;
  snapshot: Snapshot | null = null;

  get lastIndex(): number {
    return this.boundaryIndex + this.entries.length;
  }

  termAt(index: number): number {
    if (index === this.boundaryIndex) return this.boundaryTerm;
    return (this.entries[index - this.boundaryIndex - 1] as LogEntry).term;
  }

  truncate(fromIndex: number): void {
    if (fromIndex <= this.lastIndex) this.entries.length = fromIndex - this.boundaryIndex - 1;
  }

  append(entries: readonly LogEntry[]): void {
    for (const entry of entries) this.entries.push(entry);
  }

  saveSnapshot(snapshot: Snapshot): void {
    this.snapshot = snapshot;
    const contains = snapshot.index <= this.lastIndex && this.termAt(snapshot.index) === snapshot.term;
    if (!contains) this.resetTo(snapshot.index, snapshot.term);
  }

  compact(upToIndex: number): void {
    if (upToIndex <= this.boundaryIndex) return;
    const term = this.termAt(upToIndex);
    this.entries = this.entries.slice(upToIndex - this.boundaryIndex);
    this.boundaryIndex = upToIndex;
    this.boundaryTerm = term;
  }

  /** The state a restart recovers: the log always starts right after the snapshot. */
  recovered(): LogState {
    const state = new LogState();
    state.boundaryIndex = this.boundaryIndex;
    state.boundaryTerm = this.boundaryTerm;
    state.entries = this.entries.slice();
    state.hardState = this.hardState;
    state.snapshot = this.snapshot;
    if (this.snapshot !== null) state.compact(this.snapshot.index);
    return state;
  }

  private resetTo(index: number, term: number): void {
    this.entries = [];
    this.boundaryIndex = index;
    this.boundaryTerm = term;
  }
}

/** The durable side of the in-memory engine: what survives a crash. */
export class MemoryVolume {
  /** @internal */ durable = new LogState();
  /** @internal */ generation = 0;
}

type Change = (state: LogState) => void;

class MemoryStorage implements RaftStorage {
  private readonly live: LogState;
  /** Changes made since the last sync, replayed onto the volume by sync(). */
  private pending: Change[] = [];
  private closed = false;

  constructor(
    private readonly volume: MemoryVolume,
    private readonly generation: number,
    private readonly maxEntryBytes: number,
    private readonly maxSnapshotBytes: number,
  ) {
    this.live = volume.durable.recovered();
  }

  async append(entries: readonly LogEntry[]): Promise<void> {
    this.check();
    const live = this.live;
    const plan = planAppend(
      entries,
      live.boundaryIndex,
      live.snapshot?.index ?? 0,
      live.lastIndex,
      (i) => live.termAt(i),
      this.maxEntryBytes,
    );
    const copies = plan.entries.map(copyEntry);
    const from = plan.truncateFrom;
    this.change((s) => {
      if (from !== null) s.truncate(from);
      s.append(copies);
    });
  }

  async truncateSuffix(fromIndex: number): Promise<void> {
    this.check();
    checkTruncate(fromIndex, this.live.boundaryIndex, this.live.snapshot?.index ?? 0);
    this.change((s) => s.truncate(fromIndex));
  }

  async setHardState(hardState: HardState): Promise<void> {
    this.check();
    checkHardState(hardState);
    const copy: HardState = { term: hardState.term, votedFor: hardState.votedFor, commit: hardState.commit };
    this.change((s) => {
      s.hardState = copy;
    });
  }

  async saveSnapshot(snapshot: Snapshot): Promise<void> {
    this.check();
    checkSnapshot(snapshot, this.live.snapshot?.index ?? 0, this.maxSnapshotBytes);
    const copy = copySnapshot(snapshot);
    this.change((s) => s.saveSnapshot(copy));
  }

  async compact(upToIndex: number): Promise<void> {
    this.check();
    checkCompact(upToIndex, this.live.lastIndex, this.live.snapshot?.index ?? 0);
    this.change((s) => s.compact(upToIndex));
  }

  async sync(): Promise<void> {
    this.check();
    for (const change of this.pending) change(this.volume.durable);
    this.pending = [];
  }

  async entries(lo: number, hi: number, maxBytes?: number): Promise<LogEntry[]> {
    this.check();
    const live = this.live;
    checkRange(lo, hi, live.boundaryIndex + 1, live.lastIndex);
    const start = lo - live.boundaryIndex - 1;
    const found = live.entries.slice(start, start + (hi - lo));
    const count = countWithin((i) => (found[i] as LogEntry).data.byteLength, found.length, maxBytes);
    return found.slice(0, count).map(copyEntry);
  }

  async term(index: number): Promise<number> {
    this.check();
    checkTermIndex(index, this.live.boundaryIndex, this.live.lastIndex);
    return this.live.termAt(index);
  }

  async firstIndex(): Promise<number> {
    this.check();
    return this.live.boundaryIndex + 1;
  }

  async lastIndex(): Promise<number> {
    this.check();
    return this.live.lastIndex;
  }

  async snapshot(): Promise<Snapshot | null> {
    this.check();
    return this.live.snapshot === null ? null : copySnapshot(this.live.snapshot);
  }

  async hardState(): Promise<HardState> {
    this.check();
    return this.live.hardState;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private change(change: Change): void {
    change(this.live);
    this.pending.push(change);
  }

  private check(): void {
    if (this.closed || this.volume.generation !== this.generation) {
      throw new StorageError("CLOSED", "this in-memory storage was closed or its volume reopened");
    }
  }
}

/**
 * Opens the storage held by `volume`, as a restart would: it sees what was synced, and any handle
 * opened earlier on the volume stops working.
 */
export async function openMemoryStorage(
  volume: MemoryVolume,
  options: StorageOptions = {},
): Promise<OpenedStorage> {
  volume.generation++;
  const storage = new MemoryStorage(
    volume,
    volume.generation,
    options.maxEntryBytes ?? DEFAULT_MAX_ENTRY_BYTES,
    options.maxSnapshotBytes ?? DEFAULT_MAX_SNAPSHOT_BYTES,
  );
  const snapshot = await storage.snapshot();
  return {
    storage,
    recovered: {
      hardState: await storage.hardState(),
      snapshot,
      firstIndex: await storage.firstIndex(),
      lastIndex: await storage.lastIndex(),
      notes: [],
    },
  };
}
