/**
 * The two engines behind one factory, so every contract test runs against both, plus small
 * helpers for building entries and temporary directories.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type DiskStorageOptions,
  type LogEntry,
  MemoryVolume,
  type OpenedStorage,
  openDiskStorage,
  openMemoryStorage,
} from "../../src/storage/index.js";

/** A place that survives restarts: a directory, or a memory volume. */
export interface Place {
  /** Opens the storage as a restart would. */
  open(options?: DiskStorageOptions): Promise<OpenedStorage>;
  dispose(): Promise<void>;
}

export interface Engine {
  readonly name: string;
  place(): Promise<Place>;
}

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "runnel-metadata-storage-"));
}

export const diskEngine: Engine = {
  name: "disk",
  async place() {
    const dir = await tempDir();
    return {
      open: (options) => openDiskStorage(dir, options),
      dispose: () => rm(dir, { recursive: true, force: true }),
    };
  },
};

export const memoryEngine: Engine = {
  name: "memory",
  async place() {
    const volume = new MemoryVolume();
    return {
      open: (options) => openMemoryStorage(volume, options),
      dispose: async () => {},
    };
  },
};

export const engines: readonly Engine[] = [diskEngine, memoryEngine];

/** Deterministic data for entry `index` of `bytes` bytes, so any mix-up shows. */
export function dataFor(index: number, term: number, bytes = 16): Uint8Array {
  const data = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) data[i] = (index * 31 + term * 7 + i) & 0xff;
  return data;
}

export function entry(index: number, term: number, bytes = 16, type = 1): LogEntry {
  return { index, term, type, data: dataFor(index, term, bytes) };
}

/** Entries lo..hi inclusive, all in `term`. */
export function entries(lo: number, hi: number, term: number, bytes = 16): LogEntry[] {
  const result: LogEntry[] = [];
  for (let i = lo; i <= hi; i++) result.push(entry(i, term, bytes));
  return result;
}

/** A comparable form of entries: data as plain arrays. */
export function plain(
  list: readonly LogEntry[],
): { index: number; term: number; type: number; data: number[] }[] {
  return list.map((e) => ({ index: e.index, term: e.term, type: e.type, data: [...e.data] }));
}
