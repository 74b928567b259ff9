/**
 * The crash-safe swap of compacted segments into the log.
 *
 * Compaction writes its output as `<base>.log.cleaned` (with `.index.cleaned`
 * and `.timeindex.cleaned`), fsynced. The commit point is the atomic write of
 * `compaction.swap`, naming the new base and every segment it replaces. Then
 * the replaced segments' files are deleted and the `.cleaned` files renamed
 * over the final names, and finally the manifest is removed.
 *
 * On open: with a manifest, the swap is completed (each step is idempotent:
 * a `.cleaned` file still present is renamed over the old one; a replaced
 * segment already gone is skipped). Without one, `.cleaned` files are an
 * unfinished compaction and are deleted; the old segments are intact.
 *
 * Manifest (big-endian): `version int16 = 1, newBase int64, count int32,
 * replaced int64[count], crc uint32` (CRC32C of everything before it).
 */
import { basename, join } from "node:path";
import { crc32c } from "@node-rs/crc32";
import type { LogDisk } from "./disk.js";
import {
  CLEANED_SUFFIX,
  COMPACTION_SWAP_FILE,
  readWholeFile,
  segmentPaths,
  writeFileAtomically,
} from "./files.js";

const VERSION = 1;
const MAX_MANIFEST_BYTES = 1024 * 1024;

export interface SwapManifest {
  readonly newBase: bigint;
  readonly replaced: readonly bigint[];
}

export function encodeSwapManifest(m: SwapManifest): Uint8Array {
  const bytes = new Uint8Array(2 + 8 + 4 + 8 * m.replaced.length + 4);
  const v = new DataView(bytes.buffer);
  v.setInt16(0, VERSION);
  v.setBigInt64(2, m.newBase);
  v.setInt32(10, m.replaced.length);
  m.replaced.forEach((b, i) => {
    v.setBigInt64(14 + 8 * i, b);
  });
  const end = bytes.length - 4;
  v.setUint32(end, crc32c(bytes.subarray(0, end)));
  return bytes;
}

export function decodeSwapManifest(bytes: Uint8Array): SwapManifest | null {
  if (bytes.length < 18) return null;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 4;
  if (v.getInt16(0) !== VERSION || v.getUint32(end) !== crc32c(bytes.subarray(0, end))) return null;
  const count = v.getInt32(10);
  if (count < 0 || 18 + 8 * count !== bytes.length) return null;
  const replaced: bigint[] = [];
  for (let i = 0; i < count; i++) replaced.push(v.getBigInt64(14 + 8 * i));
  return { newBase: v.getBigInt64(2), replaced };
}

/** Commits a swap: after this resolves, the swap happens even if the process dies. */
export async function commitSwap(disk: LogDisk, dir: string, manifest: SwapManifest): Promise<void> {
  await writeFileAtomically(disk, dir, COMPACTION_SWAP_FILE, encodeSwapManifest(manifest));
}

/**
 * Completes a committed swap if there is one; returns whether there was.
 * The replaced segments' files must be closed.
 */
export async function completeCompactionSwap(disk: LogDisk, dir: string): Promise<boolean> {
  const path = join(dir, COMPACTION_SWAP_FILE);
  const bytes = await readWholeFile(disk, path, MAX_MANIFEST_BYTES);
  if (bytes === null) return false;
  const manifest = decodeSwapManifest(bytes);
  if (manifest === null) {
    // Written atomically, so a bad manifest was never committed: the old segments stand.
    await disk.remove(path);
    await disk.syncDir(dir);
    return false;
  }
  const present = new Set(await disk.list(dir));
  for (const base of manifest.replaced) {
    if (base === manifest.newBase) continue;
    const p = segmentPaths(dir, base);
    for (const file of [p.log, p.index, p.timeIndex]) await disk.remove(file);
  }
  const final = segmentPaths(dir, manifest.newBase);
  const cleaned = segmentPaths(dir, manifest.newBase, CLEANED_SUFFIX);
  // The log file last: until it is renamed, the old base segment is whole (its indexes get rebuilt if needed).
  for (const [from, to] of [
    [cleaned.index, final.index],
    [cleaned.timeIndex, final.timeIndex],
    [cleaned.log, final.log],
  ] as const) {
    if (present.has(basename(from))) await disk.rename(from, to);
  }
  await disk.syncDir(dir);
  await disk.remove(path);
  await disk.syncDir(dir);
  return true;
}
