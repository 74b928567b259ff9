/**
 * File names in a partition directory and the small helpers that read and
 * write whole files through a `LogDisk`.
 *
 * A segment is three files named by its base offset, zero-padded to 20
 * digits as Kafka does: `<base>.log`, `<base>.index`, `<base>.timeindex`.
 * Producer-state snapshots are `<offset>.snapshot`. Compaction writes its
 * output with a `.cleaned` suffix and commits through `compaction.swap`.
 */
import { join } from "node:path";
import type { LogDisk } from "./disk.js";

export const LOG_SUFFIX = ".log";
export const INDEX_SUFFIX = ".index";
export const TIME_INDEX_SUFFIX = ".timeindex";
export const SNAPSHOT_SUFFIX = ".snapshot";
export const CLEANED_SUFFIX = ".cleaned";
export const TEMP_SUFFIX = ".tmp";
export const LOG_START_CHECKPOINT_FILE = "log-start-offset.checkpoint";
/** The cleaner checkpoint: where the uncleaned part of a compacted log starts (same layout as the log-start checkpoint). */
export const CLEANER_CHECKPOINT_FILE = "cleaner-offset.checkpoint";
export const COMPACTION_SWAP_FILE = "compaction.swap";

const OFFSET_DIGITS = 20;
const NAME_PATTERN = /^(\d{20})(\.log|\.index|\.timeindex|\.snapshot)$/;

export function offsetFileName(offset: bigint, suffix: string): string {
  if (offset < 0n) throw new RangeError(`file offset ${offset} is negative`);
  return offset.toString().padStart(OFFSET_DIGITS, "0") + suffix;
}

/** `{ offset, suffix }` for a segment, index or snapshot file name, else null. */
export function parseOffsetFileName(name: string): { offset: bigint; suffix: string } | null {
  const m = NAME_PATTERN.exec(name);
  if (m === null) return null;
  return { offset: BigInt(m[1] as string), suffix: m[2] as string };
}

export interface SegmentPaths {
  readonly log: string;
  readonly index: string;
  readonly timeIndex: string;
}

export function segmentPaths(dir: string, baseOffset: bigint, extra = ""): SegmentPaths {
  return {
    log: join(dir, offsetFileName(baseOffset, LOG_SUFFIX) + extra),
    index: join(dir, offsetFileName(baseOffset, INDEX_SUFFIX) + extra),
    timeIndex: join(dir, offsetFileName(baseOffset, TIME_INDEX_SUFFIX) + extra),
  };
}

/**
 * Reads a file, but never more than `maxBytes + 1` bytes, so a caller that
 * expects at most `maxBytes` can tell a file that is too long; null when missing.
 */
export async function readWholeFile(
  disk: LogDisk,
  path: string,
  maxBytes: number,
): Promise<Uint8Array | null> {
  let file: Awaited<ReturnType<LogDisk["open"]>>;
  try {
    file = await disk.open(path, { create: false });
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") return null;
    throw error;
  }
  try {
    const size = Math.min(await file.size(), maxBytes + 1);
    const bytes = new Uint8Array(size);
    const n = await file.read(bytes, 0, size, 0);
    return bytes.subarray(0, n);
  } finally {
    await file.close();
  }
}

/** Writes a file atomically and durably: a temporary file, fsync, rename, fsync of the directory. */
export async function writeFileAtomically(
  disk: LogDisk,
  dir: string,
  name: string,
  bytes: Uint8Array,
): Promise<void> {
  const temp = join(dir, name + TEMP_SUFFIX);
  await disk.remove(temp);
  const file = await disk.open(temp, { create: true });
  try {
    await file.write(bytes, 0);
    await file.sync();
  } finally {
    await file.close();
  }
  await disk.rename(temp, join(dir, name));
  await disk.syncDir(dir);
}
