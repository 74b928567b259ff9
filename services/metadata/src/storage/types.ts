/**
 * The storage surface of the metadata quorum's Raft log: the types it persists, the one interface
 * both engines implement (on disk and in memory), their options, and the typed error they raise.
 *
 * The interface is deliberately narrow (modelled on the read side of etcd-io/raft's `Storage`):
 * the Raft shell appends entries, records its hard state, installs snapshots and compacts, and
 * calls `sync()` before it tells anyone about what it stored. Reads answer the core's questions
 * about the log (`entries`, `term`, `firstIndex`, `lastIndex`).
 */

/** One Raft log entry. `type` is a small integer (0..65535) whose meaning the shell defines. */
export interface LogEntry {
  readonly index: number;
  readonly term: number;
  readonly type: number;
  readonly data: Uint8Array;
}

/** The state Raft must never forget across a restart. `votedFor` is a node id, or null for no vote. */
export interface HardState {
  readonly term: number;
  readonly votedFor: number | null;
  readonly commit: number;
}

/**
 * A state-machine snapshot covering every entry up to and including `index` (whose term is `term`).
 * `config` is the shell's opaque encoding of the voter set at `index`; `data` is the state itself.
 */
export interface Snapshot {
  readonly index: number;
  readonly term: number;
  readonly config: Uint8Array;
  readonly data: Uint8Array;
}

/**
 * What recovery did:
 * - `torn-tail`: the last segment ended in a partial or invalid record; it was cut at the last good one.
 * - `removed-temp`: a temporary file left by an interrupted atomic write was removed.
 * - `invalid-snapshot`: a snapshot file failed its checks and was skipped (left in place for inspection).
 * - `removed-old-snapshot`: a snapshot older than the newest valid one was deleted.
 * - `discarded-log`: the log did not contain the snapshot's last entry (an interrupted snapshot
 *   install), so it was discarded.
 */
export type RecoveryNoteKind =
  | "torn-tail"
  | "removed-temp"
  | "invalid-snapshot"
  | "removed-old-snapshot"
  | "discarded-log";

/** Something `open` noticed and repaired, or could not use, while recovering. */
export interface RecoveryNote {
  readonly kind: RecoveryNoteKind;
  /** The file concerned, by name inside the storage directory. */
  readonly file: string;
  readonly detail: string;
}

/** What `open` found: the durable state as of the last completed `sync()` (or later). */
export interface RecoveredState {
  readonly hardState: HardState;
  /** The newest valid snapshot, or null when none was ever saved. */
  readonly snapshot: Snapshot | null;
  /** The log holds entries `firstIndex..lastIndex`, read through `entries()`; empty when lastIndex < firstIndex. */
  readonly firstIndex: number;
  readonly lastIndex: number;
  readonly notes: readonly RecoveryNote[];
}

export interface RaftStorage {
  /**
   * Appends entries whose indices are contiguous. Entries at an index the log already holds replace
   * that entry and everything after it (a conflicting suffix); entries at or below the compaction
   * point are ignored, since a snapshot already covers them. The first entry kept must not leave a
   * gap after `lastIndex()`, and terms must not decrease; breaking either is a programmer error.
   * An entry whose data exceeds `maxEntryBytes` is refused with `ENTRY_TOO_LARGE` and nothing is
   * appended. Not durable until `sync()` resolves.
   */
  append(entries: readonly LogEntry[]): Promise<void>;
  /**
   * Removes entries with index >= fromIndex. `fromIndex` must be above the snapshot and the
   * compaction point: those entries are committed. The disk engine makes this durable at once.
   */
  truncateSuffix(fromIndex: number): Promise<void>;
  /** Records the hard state. Not durable until `sync()` resolves. */
  setHardState(hardState: HardState): Promise<void>;
  /**
   * Stores a snapshot newer than the current one (else `SNAPSHOT_OUT_OF_DATE`) and deletes older
   * ones. If the log does not contain the snapshot's last entry (index and term), the whole log is
   * discarded and continues at `snapshot.index + 1`, as Raft prescribes on InstallSnapshot.
   */
  saveSnapshot(snapshot: Snapshot): Promise<void>;
  /**
   * Drops entries with index <= upToIndex; the snapshot must cover them. Whole segment files that
   * fall entirely below are deleted. After a restart the log always starts right after the snapshot.
   */
  compact(upToIndex: number): Promise<void>;
  /** Makes everything done so far durable. Nothing counts as durable until this resolves. */
  sync(): Promise<void>;

  /** Entries in [lo, hi), stopping before `maxBytes` of data are exceeded but always at least one. */
  entries(lo: number, hi: number, maxBytes?: number): Promise<LogEntry[]>;
  /** The term of entry `index`, for firstIndex - 1 <= index <= lastIndex. */
  term(index: number): Promise<number>;
  firstIndex(): Promise<number>;
  lastIndex(): Promise<number>;
  snapshot(): Promise<Snapshot | null>;
  hardState(): Promise<HardState>;

  /** Releases file handles. Unsynced changes may or may not survive, exactly as after a crash. */
  close(): Promise<void>;
}

export interface OpenedStorage {
  readonly storage: RaftStorage;
  readonly recovered: RecoveredState;
}

export interface StorageOptions {
  /** The largest entry payload (`data`) accepted by `append`. Default 1 MiB. */
  maxEntryBytes?: number;
  /** The largest snapshot (`config` plus `data`) accepted or read back. Default 1 GiB. */
  maxSnapshotBytes?: number;
}

/** The part of a logger storage uses; a pino `Logger` from @runnel/runtime fits. */
export interface StorageLogger {
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface DiskStorageOptions extends StorageOptions {
  /** A segment rolls over to a new file once it would grow past this size. Default 64 MiB. */
  segmentBytes?: number;
  /**
   * Whether `sync()` and the atomic writes call fsync. Turning it off voids every durability
   * guarantee and may make recovery after a crash fail; it exists for benchmark comparisons only.
   */
  fsync?: boolean;
  /** Recovery notes are logged here as warnings, besides being returned from open. */
  logger?: StorageLogger;
}

export const DEFAULT_MAX_ENTRY_BYTES = 1024 * 1024;
export const DEFAULT_MAX_SNAPSHOT_BYTES = 1024 * 1024 * 1024;
export const DEFAULT_SEGMENT_BYTES = 64 * 1024 * 1024;

export type StorageErrorCode =
  /** The requested index is at or below the compaction point; send the snapshot instead. */
  | "COMPACTED"
  /** The requested index is beyond the last entry. */
  | "UNAVAILABLE"
  /** An entry's data is larger than `maxEntryBytes`. */
  | "ENTRY_TOO_LARGE"
  /** A snapshot is larger than `maxSnapshotBytes`. */
  | "SNAPSHOT_TOO_LARGE"
  /** A snapshot is not newer than the one already stored. */
  | "SNAPSHOT_OUT_OF_DATE"
  /** Stored data failed its checks somewhere recovery must not guess (see the engine's notes). */
  | "CORRUPT"
  /** The file system refused an operation (a full disk, permissions, a failed fsync). */
  | "IO"
  /** An earlier I/O error left the engine in an unknown state; reopen it to recover. */
  | "FAILED"
  /** The storage was closed, or reopened elsewhere. */
  | "CLOSED";

/** An operating error: bad input or a bad disk, never a bug in the caller (those are assertions). */
export class StorageError extends Error {
  readonly code: StorageErrorCode;

  constructor(code: StorageErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StorageError";
    this.code = code;
  }
}
