/**
 * Durable storage for the metadata quorum's Raft log, hard state and snapshots: one interface
 * (`RaftStorage`) with an on-disk engine and an in-memory engine of identical semantics.
 */
export { type DiskStorage, type DiskStorageStats, type OpenedDiskStorage, openDiskStorage } from "./disk.js";
export { MemoryVolume, openMemoryStorage } from "./memory.js";
export {
  DEFAULT_MAX_ENTRY_BYTES,
  DEFAULT_MAX_SNAPSHOT_BYTES,
  DEFAULT_SEGMENT_BYTES,
  type DiskStorageOptions,
  type HardState,
  type LogEntry,
  type OpenedStorage,
  type RaftStorage,
  type RecoveredState,
  type RecoveryNote,
  type RecoveryNoteKind,
  type Snapshot,
  StorageError,
  type StorageErrorCode,
  type StorageLogger,
  type StorageOptions,
} from "./types.js";
