/**
 * The on-disk engine. One directory holds the log as append-only segment files, the hard state in
 * one small file, and the newest snapshot; byte layouts are in codec.ts.
 *
 * Durability rules, each chosen so that recovery never has to guess:
 * - `append` writes records to the active segment at once but fsyncs nothing; `sync()` fsyncs the
 *   segments written since the last sync, then the directory if files were created or deleted,
 *   then writes the hard state atomically if it changed. A batch of appends followed by one sync()
 *   with an unchanged hard state costs a single fsync (group commit).
 * - Rolling to a new segment fsyncs the full one first, so only the last segment can ever hold a
 *   torn tail; any damage in an earlier segment is corruption, reported and never cut away.
 * - Truncating a suffix (a conflict) is made durable before the call resolves, so new records
 *   written over the cut can never be recovered mixed with the old records they replaced.
 * - Snapshots and the hard state are written as a temporary file, fsynced, renamed, and the
 *   directory fsynced. `saveSnapshot` is durable when it resolves, so compaction may delete
 *   segments right after it.
 * - Every operation runs in call order on one queue. An I/O error puts the engine in a failed
 *   state (a failed fsync cannot be retried safely); reopening the directory recovers.
 *
 * Recovery (`openDiskStorage`): leftover temporary files are removed; the hard state file must
 * be valid if present (a bad CRC is CORRUPT: falling back to an empty hard state could let this
 * node vote twice in one term); the newest valid snapshot is used and older ones deleted; the last
 * segment is cut at its first invalid record (partial, bad CRC, bad length, index gap or term
 * decrease); the log must continue the snapshot without a gap, else CORRUPT, and a log that does
 * not contain the snapshot's last entry (an interrupted snapshot install) is discarded. Finally the
 * hard state's commit index must lie within the recovered log or snapshot: since the log is
 * fsynced before the hard state, a committed entry missing means lost data, reported as CORRUPT.
 */
import assert from "node:assert/strict";
import { type FileHandle, mkdir, open, readdir, rename, unlink } from "node:fs/promises";
import { join } from "node:path";
import {
  decodeHardState,
  decodeRecord,
  decodeSegmentHeader,
  decodeSnapshotHeader,
  decodeU32,
  encodeHardState,
  encodeRecord,
  encodeSegmentHeader,
  encodeSnapshotHeader,
  encodeU32,
  HARD_STATE_BYTES,
  PAYLOAD_FIXED_BYTES,
  parseSegmentName,
  parseSnapshotName,
  RECORD_HEADER_BYTES,
  recordBytes,
  SEGMENT_HEADER_BYTES,
  SNAPSHOT_HEADER_BYTES,
  SNAPSHOT_TRAILER_BYTES,
  segmentName,
  snapshotBodyCrc,
  snapshotName,
} from "./codec.js";
import {
  checkCompact,
  checkHardState,
  checkRange,
  checkSnapshot,
  checkTermIndex,
  checkTruncate,
  planAppend,
} from "./rules.js";
import {
  DEFAULT_MAX_ENTRY_BYTES,
  DEFAULT_MAX_SNAPSHOT_BYTES,
  DEFAULT_SEGMENT_BYTES,
  type DiskStorageOptions,
  type HardState,
  type LogEntry,
  type RaftStorage,
  type RecoveredState,
  type RecoveryNote,
  type Snapshot,
  StorageError,
} from "./types.js";

const HARD_STATE_FILE = "hardstate";
const TEMP_SUFFIX = ".tmp";
/** Segments are scanned in reads of this size (more when one record is larger). */
const SCAN_CHUNK_BYTES = 1024 * 1024;
/** No valid record is this large, whatever maxEntryBytes was when it was written. */
const FORMAT_MAX_PAYLOAD_BYTES = 1024 * 1024 * 1024;

/** Counters for benchmarks and tests. */
export interface DiskStorageStats {
  /** fsync calls on files and on the directory. */
  readonly fsyncs: number;
  /** Bytes written to segment files. */
  readonly logBytesWritten: number;
}

export interface DiskStorage extends RaftStorage {
  stats(): DiskStorageStats;
}

export interface OpenedDiskStorage {
  readonly storage: DiskStorage;
  readonly recovered: RecoveredState;
}

/** One segment file; record i holds entry firstIndex + i. */
interface Segment {
  readonly firstIndex: number;
  readonly name: string;
  readonly handle: FileHandle;
  /** Where the next record goes: the end of the last good record. */
  size: number;
  readonly offsets: number[];
  readonly terms: number[];
}

function lastIndexOf(segment: Segment): number {
  return segment.firstIndex + segment.offsets.length - 1;
}

/** The size of record i of a segment. */
function recordSize(segment: Segment, i: number): number {
  return (segment.offsets[i + 1] ?? segment.size) - (segment.offsets[i] as number);
}

function isOperatingError(error: unknown): boolean {
  return error instanceof StorageError || error instanceof assert.AssertionError;
}

async function readFully(handle: FileHandle, target: Buffer, position: number): Promise<number> {
  let done = 0;
  while (done < target.byteLength) {
    const { bytesRead } = await handle.read(target, done, target.byteLength - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done;
}

async function writeFully(
  handle: FileHandle,
  chunks: readonly Uint8Array[],
  position: number,
): Promise<number> {
  let at = position;
  for (const chunk of chunks) {
    let done = 0;
    while (done < chunk.byteLength) {
      const { bytesWritten } = await handle.write(chunk, done, chunk.byteLength - done, at + done);
      done += bytesWritten;
    }
    at += chunk.byteLength;
  }
  return at - position;
}

/** Reads a file expected to hold `bytes` bytes, reading at most one byte more to tell if it is longer. */
async function readSmallFile(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(bytes + 1);
    return buffer.subarray(0, await readFully(handle, buffer, 0));
  } finally {
    await handle.close();
  }
}

/** What scanning a segment's records found. */
interface ScanResult {
  readonly offsets: number[];
  readonly terms: number[];
  /** The end of the last good record. */
  readonly validEnd: number;
  /** Why scanning stopped before the end of the file, or null when every byte was good. */
  readonly problem: string | null;
}

async function scanRecords(
  handle: FileHandle,
  fileBytes: number,
  firstIndex: number,
  prevTerm: number,
): Promise<ScanResult> {
  const offsets: number[] = [];
  const terms: number[] = [];
  let buffer = Buffer.alloc(0);
  /** File position of buffer[0]. */
  let bufferAt = SEGMENT_HEADER_BYTES;
  let at = SEGMENT_HEADER_BYTES;
  let expected = firstIndex;
  let lastTerm = prevTerm;
  while (at < fileBytes) {
    const decoded = decodeRecord(buffer, at - bufferAt, buffer.byteLength, FORMAT_MAX_PAYLOAD_BYTES);
    if (decoded.kind === "short") {
      if (at + decoded.needBytes > fileBytes) {
        return {
          offsets,
          terms,
          validEnd: at,
          problem: `a record at byte ${at} runs past the end of the file`,
        };
      }
      const want = Math.min(Math.max(decoded.needBytes, SCAN_CHUNK_BYTES), fileBytes - at);
      buffer = Buffer.alloc(want);
      bufferAt = at;
      const got = await readFully(handle, buffer, at);
      if (got < decoded.needBytes) {
        return { offsets, terms, validEnd: at, problem: `the file ended while reading byte ${at}` };
      }
      buffer = buffer.subarray(0, got);
      continue;
    }
    if (decoded.kind === "bad") {
      return { offsets, terms, validEnd: at, problem: `${decoded.reason} at byte ${at}` };
    }
    const { entry } = decoded;
    if (entry.index !== expected) {
      return {
        offsets,
        terms,
        validEnd: at,
        problem: `record at byte ${at} has index ${entry.index}, expected ${expected}`,
      };
    }
    if (entry.term < lastTerm) {
      return {
        offsets,
        terms,
        validEnd: at,
        problem: `record ${entry.index} at byte ${at} has a decreasing term`,
      };
    }
    offsets.push(at);
    terms.push(entry.term);
    lastTerm = entry.term;
    expected++;
    at += decoded.bytes;
  }
  return { offsets, terms, validEnd: at, problem: null };
}

interface LoadedSnapshot {
  readonly snapshot: Snapshot;
  readonly name: string;
}

async function readSnapshotFile(
  path: string,
  maxSnapshotBytes: number,
): Promise<Snapshot | { error: string }> {
  const handle = await open(path, "r");
  try {
    const fileBytes = (await handle.stat()).size;
    const headerBytes = Buffer.alloc(SNAPSHOT_HEADER_BYTES);
    if ((await readFully(handle, headerBytes, 0)) < SNAPSHOT_HEADER_BYTES)
      return { error: "the header is incomplete" };
    const header = decodeSnapshotHeader(headerBytes);
    if ("error" in header) return header;
    const bodyBytes = header.configBytes + header.dataBytes;
    if (bodyBytes > maxSnapshotBytes) return { error: `it holds ${bodyBytes} bytes, above maxSnapshotBytes` };
    if (fileBytes !== SNAPSHOT_HEADER_BYTES + bodyBytes + SNAPSHOT_TRAILER_BYTES) {
      return { error: `the file has ${fileBytes} bytes, not what its header describes` };
    }
    const rest = Buffer.alloc(bodyBytes + SNAPSHOT_TRAILER_BYTES);
    if ((await readFully(handle, rest, SNAPSHOT_HEADER_BYTES)) < rest.byteLength)
      return { error: "the file is short" };
    const config = new Uint8Array(rest.buffer, rest.byteOffset, header.configBytes);
    const data = new Uint8Array(rest.buffer, rest.byteOffset + header.configBytes, header.dataBytes);
    if (decodeU32(rest, bodyBytes) !== snapshotBodyCrc(config, data))
      return { error: "the body crc does not match" };
    return { index: header.index, term: header.term, config, data };
  } finally {
    await handle.close();
  }
}

class Disk implements DiskStorage {
  private readonly segments: Segment[];
  private boundaryIndex: number;
  private boundaryTerm: number;
  private currentHardState: HardState;
  private hardStateDirty = false;
  private snapshotName: string | null;
  private snapshotIndex: number;
  /** Segments written since their last fsync. */
  private readonly unsynced = new Set<Segment>();
  /** Files were created or deleted since the directory's last fsync. */
  private directoryDirty = false;
  private queue: Promise<unknown> = Promise.resolve();
  private failure: StorageError | null = null;
  private closed = false;
  private fsyncs = 0;
  private logBytesWritten = 0;

  constructor(
    private readonly dir: string,
    private readonly options: Required<Omit<DiskStorageOptions, "logger">>,
    state: {
      segments: Segment[];
      boundaryIndex: number;
      boundaryTerm: number;
      hardState: HardState;
      snapshot: LoadedSnapshot | null;
    },
  ) {
    this.segments = state.segments;
    this.boundaryIndex = state.boundaryIndex;
    this.boundaryTerm = state.boundaryTerm;
    this.currentHardState = state.hardState;
    this.snapshotName = state.snapshot?.name ?? null;
    this.snapshotIndex = state.snapshot?.snapshot.index ?? 0;
  }

  // ---- writes ----

  append(entries: readonly LogEntry[]): Promise<void> {
    return this.run(async () => {
      const plan = planAppend(
        entries,
        this.boundaryIndex,
        this.snapshotIndex,
        this.lastIdx(),
        (i) => this.termAt(i),
        this.options.maxEntryBytes,
      );
      if (plan.truncateFrom !== null) await this.truncate(plan.truncateFrom);
      await this.write(plan.entries);
    });
  }

  truncateSuffix(fromIndex: number): Promise<void> {
    return this.run(async () => {
      checkTruncate(fromIndex, this.boundaryIndex, this.snapshotIndex);
      await this.truncate(fromIndex);
    });
  }

  setHardState(hardState: HardState): Promise<void> {
    return this.run(async () => {
      checkHardState(hardState);
      this.currentHardState = {
        term: hardState.term,
        votedFor: hardState.votedFor,
        commit: hardState.commit,
      };
      this.hardStateDirty = true;
    });
  }

  saveSnapshot(snapshot: Snapshot): Promise<void> {
    return this.run(async () => {
      checkSnapshot(snapshot, this.snapshotIndex, this.options.maxSnapshotBytes);
      const name = snapshotName(snapshot.index, snapshot.term);
      const header = encodeSnapshotHeader({
        index: snapshot.index,
        term: snapshot.term,
        configBytes: snapshot.config.byteLength,
        dataBytes: snapshot.data.byteLength,
      });
      const trailer = encodeU32(snapshotBodyCrc(snapshot.config, snapshot.data));
      await this.writeAtomically(name, [header, snapshot.config, snapshot.data, trailer]);
      const previous = this.snapshotName;
      this.snapshotName = name;
      this.snapshotIndex = snapshot.index;
      if (previous !== null && previous !== name) {
        await unlink(join(this.dir, previous));
        this.directoryDirty = true;
      }
      const last = this.lastIdx();
      const contains = snapshot.index <= last && this.termAt(snapshot.index) === snapshot.term;
      if (!contains) await this.discardLog(snapshot.index, snapshot.term);
    });
  }

  compact(upToIndex: number): Promise<void> {
    return this.run(async () => {
      checkCompact(upToIndex, this.lastIdx(), this.snapshotIndex);
      if (upToIndex <= this.boundaryIndex) return;
      this.boundaryTerm = this.termAt(upToIndex);
      this.boundaryIndex = upToIndex;
      // A segment lies entirely below when the next one starts at or before upToIndex + 1.
      // The last segment is never deleted: it is where appends go.
      while (this.segments.length > 1 && (this.segments[1] as Segment).firstIndex <= upToIndex + 1) {
        await this.deleteSegment(this.segments.shift() as Segment);
      }
    });
  }

  sync(): Promise<void> {
    return this.run(async () => {
      for (const segment of this.unsynced) await this.fsync(segment.handle);
      this.unsynced.clear();
      if (this.directoryDirty) await this.fsyncDirectory();
      if (this.hardStateDirty) {
        // After the log: a durable commit index never points past durable entries.
        await this.writeAtomically(HARD_STATE_FILE, [encodeHardState(this.currentHardState)]);
        this.hardStateDirty = false;
      }
    });
  }

  // ---- reads ----

  entries(lo: number, hi: number, maxBytes?: number): Promise<LogEntry[]> {
    return this.run(async () => {
      checkRange(lo, hi, this.boundaryIndex + 1, this.lastIdx());
      const result: LogEntry[] = [];
      let total = 0;
      let index = lo;
      while (index < hi) {
        const segment = this.segmentFor(index);
        const end = Math.min(hi, lastIndexOf(segment) + 1);
        const from = index - segment.firstIndex;
        let count = 0;
        let full = false;
        for (; count < end - index; count++) {
          const size = recordSize(segment, from + count) - RECORD_HEADER_BYTES - PAYLOAD_FIXED_BYTES;
          if (maxBytes !== undefined && result.length + count > 0 && total + size > maxBytes) {
            full = true;
            break;
          }
          total += size;
        }
        result.push(...(await this.readRecords(segment, from, count)));
        index += count;
        if (full) break;
      }
      return result;
    });
  }

  term(index: number): Promise<number> {
    return this.run(async () => {
      checkTermIndex(index, this.boundaryIndex, this.lastIdx());
      return this.termAt(index);
    });
  }

  firstIndex(): Promise<number> {
    return this.run(async () => this.boundaryIndex + 1);
  }

  lastIndex(): Promise<number> {
    return this.run(async () => this.lastIdx());
  }

  snapshot(): Promise<Snapshot | null> {
    return this.run(async () => {
      if (this.snapshotName === null) return null;
      const loaded = await readSnapshotFile(join(this.dir, this.snapshotName), this.options.maxSnapshotBytes);
      if ("error" in loaded) {
        throw new StorageError(
          "CORRUPT",
          `snapshot file ${this.snapshotName} failed its checks: ${loaded.error}`,
        );
      }
      return loaded;
    });
  }

  hardState(): Promise<HardState> {
    return this.run(async () => this.currentHardState);
  }

  stats(): DiskStorageStats {
    return { fsyncs: this.fsyncs, logBytesWritten: this.logBytesWritten };
  }

  close(): Promise<void> {
    const closing = this.queue.then(async () => {
      if (this.closed) return;
      this.closed = true;
      for (const segment of this.segments) await segment.handle.close();
    });
    this.queue = closing.catch(() => {});
    return closing;
  }

  // ---- internals ----

  /** Runs `operation` after every earlier one, turning file-system errors into a failed state. */
  private run<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(async () => {
      if (this.closed) throw new StorageError("CLOSED", "the storage is closed");
      if (this.failure !== null) {
        throw new StorageError(
          "FAILED",
          `an earlier I/O error failed this storage: ${this.failure.message}`,
          {
            cause: this.failure,
          },
        );
      }
      try {
        return await operation();
      } catch (error) {
        if (isOperatingError(error)) throw error;
        this.failure = new StorageError("IO", `storage I/O failed in ${this.dir}: ${String(error)}`, {
          cause: error,
        });
        throw this.failure;
      }
    });
    this.queue = result.catch(() => {});
    return result;
  }

  private lastIdx(): number {
    return lastIndexOf(this.segments[this.segments.length - 1] as Segment);
  }

  private termAt(index: number): number {
    if (index === this.boundaryIndex) return this.boundaryTerm;
    const segment = this.segmentFor(index);
    return segment.terms[index - segment.firstIndex] as number;
  }

  private segmentFor(index: number): Segment {
    // Few segments live at once (compaction deletes them), so a backwards scan is enough.
    for (let i = this.segments.length - 1; i >= 0; i--) {
      const segment = this.segments[i] as Segment;
      if (segment.firstIndex <= index) return segment;
    }
    assert.fail(`no segment holds index ${index}`);
  }

  private active(): Segment {
    return this.segments[this.segments.length - 1] as Segment;
  }

  private async write(entries: readonly LogEntry[]): Promise<void> {
    let i = 0;
    while (i < entries.length) {
      let segment = this.active();
      const first = recordBytes(entries[i] as LogEntry);
      if (segment.offsets.length > 0 && segment.size + first > this.options.segmentBytes) {
        segment = await this.roll();
      }
      // Everything that fits in this segment goes out in one write; a segment takes at least one.
      let bytes = 0;
      let end = i;
      while (end < entries.length) {
        const size = recordBytes(entries[end] as LogEntry);
        if (end > i && segment.size + bytes + size > this.options.segmentBytes) break;
        bytes += size;
        end++;
      }
      const buffer = Buffer.allocUnsafe(bytes);
      let at = 0;
      const offsets: number[] = [];
      for (let k = i; k < end; k++) {
        const entry = entries[k] as LogEntry;
        encodeRecord(entry, buffer, at);
        offsets.push(segment.size + at);
        at += recordBytes(entry);
      }
      this.unsynced.add(segment);
      await writeFully(segment.handle, [buffer], segment.size);
      this.logBytesWritten += bytes;
      for (let k = i; k < end; k++) {
        segment.offsets.push(offsets[k - i] as number);
        segment.terms.push((entries[k] as LogEntry).term);
      }
      segment.size += bytes;
      i = end;
    }
  }

  /** Starts a new segment after the active one, which is fsynced first (see the header comment). */
  private async roll(): Promise<Segment> {
    const full = this.active();
    if (this.unsynced.has(full)) {
      await this.fsync(full.handle);
      this.unsynced.delete(full);
    }
    return this.createSegment(lastIndexOf(full) + 1);
  }

  private async createSegment(firstIndex: number): Promise<Segment> {
    const name = segmentName(firstIndex);
    const handle = await open(join(this.dir, name), "w+");
    const segment: Segment = { firstIndex, name, handle, size: 0, offsets: [], terms: [] };
    this.segments.push(segment);
    this.directoryDirty = true;
    this.unsynced.add(segment);
    segment.size = await writeFully(handle, [encodeSegmentHeader(firstIndex)], 0);
    return segment;
  }

  private async deleteSegment(segment: Segment): Promise<void> {
    this.unsynced.delete(segment);
    await segment.handle.close();
    await unlink(join(this.dir, segment.name));
    this.directoryDirty = true;
  }

  /**
   * Removes entries >= fromIndex, durably before returning. Later segments go newest first and
   * their deletion is made durable before the remaining segment is cut, so an interruption leaves
   * a prefix of the log, never a log with a hole.
   */
  private async truncate(fromIndex: number): Promise<void> {
    if (fromIndex > this.lastIdx()) return;
    while (this.segments.length > 1 && this.active().firstIndex > fromIndex) {
      await this.deleteSegment(this.segments.pop() as Segment);
    }
    if (this.directoryDirty) await this.fsyncDirectory();
    const segment = this.active();
    const keep = fromIndex - segment.firstIndex;
    segment.size = segment.offsets[keep] ?? segment.size;
    segment.offsets.length = keep;
    segment.terms.length = keep;
    await segment.handle.truncate(segment.size);
    await this.fsync(segment.handle);
    this.unsynced.delete(segment);
  }

  /**
   * Replaces the whole log by an empty one continuing at index + 1. The directory is fsynced after
   * the deletions and before the new segment exists, so a crash cannot leave both.
   */
  private async discardLog(index: number, term: number): Promise<void> {
    while (this.segments.length > 0) await this.deleteSegment(this.segments.pop() as Segment);
    await this.fsyncDirectory();
    this.boundaryIndex = index;
    this.boundaryTerm = term;
    await this.createSegment(index + 1);
  }

  private async readRecords(segment: Segment, from: number, count: number): Promise<LogEntry[]> {
    if (count === 0) return [];
    const start = segment.offsets[from] as number;
    const end = (segment.offsets[from + count] ?? segment.size) as number;
    const buffer = Buffer.allocUnsafe(end - start);
    if ((await readFully(segment.handle, buffer, start)) < buffer.byteLength) {
      throw new StorageError("CORRUPT", `segment ${segment.name} is shorter than its records (byte ${end})`);
    }
    const result: LogEntry[] = [];
    let at = 0;
    for (let k = 0; k < count; k++) {
      const decoded = decodeRecord(buffer, at, buffer.byteLength, FORMAT_MAX_PAYLOAD_BYTES);
      const index = segment.firstIndex + from + k;
      if (decoded.kind !== "ok" || decoded.entry.index !== index) {
        const reason = decoded.kind === "bad" ? decoded.reason : "record does not hold the expected entry";
        throw new StorageError("CORRUPT", `segment ${segment.name}, entry ${index}: ${reason}`);
      }
      result.push(decoded.entry);
      at += decoded.bytes;
    }
    return result;
  }

  private async writeAtomically(name: string, chunks: readonly Uint8Array[]): Promise<void> {
    const temp = join(this.dir, name + TEMP_SUFFIX);
    const handle = await open(temp, "w");
    try {
      await writeFully(handle, chunks, 0);
      await this.fsync(handle);
    } finally {
      await handle.close();
    }
    await rename(temp, join(this.dir, name));
    await this.fsyncDirectory();
  }

  private async fsync(handle: FileHandle): Promise<void> {
    if (!this.options.fsync) return;
    await handle.sync();
    this.fsyncs++;
  }

  private async fsyncDirectory(): Promise<void> {
    this.directoryDirty = false;
    if (!this.options.fsync) return;
    const handle = await open(this.dir, "r");
    try {
      await handle.sync();
      this.fsyncs++;
    } finally {
      await handle.close();
    }
  }
}

/**
 * Opens (creating if needed) the storage in `dir` and recovers it; see the header comment for
 * what recovery repairs and what it refuses. Throws StorageError CORRUPT when it must not guess.
 */
export async function openDiskStorage(
  dir: string,
  options: DiskStorageOptions = {},
): Promise<OpenedDiskStorage> {
  try {
    return await recover(dir, options);
  } catch (error) {
    if (isOperatingError(error)) throw error;
    throw new StorageError("IO", `opening storage in ${dir} failed: ${String(error)}`, { cause: error });
  }
}

async function recover(dir: string, options: DiskStorageOptions): Promise<OpenedDiskStorage> {
  const settings = {
    maxEntryBytes: options.maxEntryBytes ?? DEFAULT_MAX_ENTRY_BYTES,
    maxSnapshotBytes: options.maxSnapshotBytes ?? DEFAULT_MAX_SNAPSHOT_BYTES,
    segmentBytes: options.segmentBytes ?? DEFAULT_SEGMENT_BYTES,
    fsync: options.fsync ?? true,
  };
  assert.ok(settings.segmentBytes > SEGMENT_HEADER_BYTES, "segmentBytes must exceed the segment header");
  assert.ok(
    settings.maxEntryBytes <= FORMAT_MAX_PAYLOAD_BYTES - PAYLOAD_FIXED_BYTES,
    "maxEntryBytes must stay below the format's record limit",
  );
  const notes: RecoveryNote[] = [];
  const note = (kind: RecoveryNote["kind"], file: string, detail: string): void => {
    notes.push({ kind, file, detail });
    options.logger?.warn({ kind, file, detail }, `metadata storage recovery: ${detail}`);
  };
  const corrupt = (message: string): StorageError => new StorageError("CORRUPT", `${dir}: ${message}`);

  await mkdir(dir, { recursive: true });
  const names = (await readdir(dir)).sort();
  for (const name of names.filter((n) => n.endsWith(TEMP_SUFFIX))) {
    await unlink(join(dir, name));
    note("removed-temp", name, "removed a temporary file left by an interrupted write");
  }

  // Hard state.
  let hardState: HardState = { term: 0, votedFor: null, commit: 0 };
  if (names.includes(HARD_STATE_FILE)) {
    const decoded = decodeHardState(await readSmallFile(join(dir, HARD_STATE_FILE), HARD_STATE_BYTES));
    if ("error" in decoded) {
      throw corrupt(
        `the hard state file failed its checks (${decoded.error}); refusing to start with an unknown ` +
          "term and vote, which could let this node vote twice in one term",
      );
    }
    hardState = decoded;
  }

  // Snapshots, newest first; the first valid one wins.
  const snapshotFiles = names
    .map((name) => ({ name, parsed: parseSnapshotName(name) }))
    .filter((s) => s.parsed !== null)
    .sort(
      (a, b) =>
        (b.parsed?.index ?? 0) - (a.parsed?.index ?? 0) || (b.parsed?.term ?? 0) - (a.parsed?.term ?? 0),
    );
  let snapshot: LoadedSnapshot | null = null;
  let removedFiles = false;
  for (const file of snapshotFiles) {
    if (snapshot !== null) {
      await unlink(join(dir, file.name));
      removedFiles = true;
      note("removed-old-snapshot", file.name, `removed a snapshot older than ${snapshot.name}`);
      continue;
    }
    const loaded = await readSnapshotFile(join(dir, file.name), settings.maxSnapshotBytes);
    if ("error" in loaded) {
      note("invalid-snapshot", file.name, `skipped an invalid snapshot: ${loaded.error}`);
    } else if (loaded.index !== file.parsed?.index || loaded.term !== file.parsed?.term) {
      note("invalid-snapshot", file.name, "skipped a snapshot whose header does not match its name");
    } else {
      snapshot = { snapshot: loaded, name: file.name };
    }
  }

  // Segments, oldest first.
  const segmentFiles = names
    .map((name) => ({ name, firstIndex: parseSegmentName(name) }))
    .filter((s): s is { name: string; firstIndex: number } => s.firstIndex !== null)
    .sort((a, b) => a.firstIndex - b.firstIndex);
  const segments: Segment[] = [];
  const closeAll = async (): Promise<void> => {
    for (const segment of segments) await segment.handle.close();
  };
  try {
    let prevTerm = 0;
    for (let i = 0; i < segmentFiles.length; i++) {
      const file = segmentFiles[i] as { name: string; firstIndex: number };
      const isLast = i === segmentFiles.length - 1;
      const handle = await open(join(dir, file.name), "r+");
      const segment: Segment = {
        firstIndex: file.firstIndex,
        name: file.name,
        handle,
        size: 0,
        offsets: [],
        terms: [],
      };
      segments.push(segment);
      const previous = segments[segments.length - 2];
      if (previous !== undefined && file.firstIndex !== lastIndexOf(previous) + 1) {
        throw corrupt(
          `segment ${file.name} does not continue ${previous.name}, which ends at ${lastIndexOf(previous)}`,
        );
      }
      const fileBytes = (await handle.stat()).size;
      const headerBytes = Buffer.alloc(SEGMENT_HEADER_BYTES);
      const header = decodeSegmentHeader(headerBytes.subarray(0, await readFully(handle, headerBytes, 0)));
      let problem: string | null;
      if ("error" in header || header.firstIndex !== file.firstIndex) {
        problem = "error" in header ? header.error : "the header names another first index";
        if (!isLast) throw corrupt(`segment ${file.name} is damaged: ${problem}`);
        note(
          "torn-tail",
          file.name,
          `rewrote the header of the last segment (${problem}), dropping ${fileBytes} bytes`,
        );
        await handle.truncate(0);
        segment.size = await writeFully(handle, [encodeSegmentHeader(file.firstIndex)], 0);
        if (settings.fsync) await handle.sync();
        continue;
      }
      const scan = await scanRecords(handle, fileBytes, file.firstIndex, prevTerm);
      segment.offsets.push(...scan.offsets);
      segment.terms.push(...scan.terms);
      segment.size = scan.validEnd;
      prevTerm = scan.terms[scan.terms.length - 1] ?? prevTerm;
      if (scan.problem !== null) {
        if (!isLast) throw corrupt(`segment ${file.name} is damaged: ${scan.problem}`);
        note(
          "torn-tail",
          file.name,
          `cut the last segment at byte ${scan.validEnd} of ${fileBytes} after entry ` +
            `${lastIndexOf(segment)}: ${scan.problem}`,
        );
        await handle.truncate(scan.validEnd);
        if (settings.fsync) await handle.sync();
      }
    }

    // Join the log to the snapshot.
    const boundaryIndex = snapshot?.snapshot.index ?? 0;
    const boundaryTerm = snapshot?.snapshot.term ?? 0;
    const first = segments[0];
    const last = segments[segments.length - 1];
    let discard = false;
    if (first !== undefined && last !== undefined) {
      if (first.firstIndex > boundaryIndex + 1) {
        throw corrupt(
          `the log starts at ${first.firstIndex} but the ${snapshot === null ? "log start" : "snapshot"} ` +
            `covers only up to ${boundaryIndex}: entries are missing`,
        );
      }
      if (boundaryIndex > lastIndexOf(last)) {
        discard = true;
      } else if (boundaryIndex >= first.firstIndex) {
        let holder = first;
        for (const segment of segments) if (segment.firstIndex <= boundaryIndex) holder = segment;
        discard = holder.terms[boundaryIndex - holder.firstIndex] !== boundaryTerm;
      }
    }
    const fsyncDirectory = async (): Promise<void> => {
      if (!settings.fsync) return;
      const handle = await open(dir, "r");
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    };
    if (discard) {
      while (segments.length > 0) {
        const segment = segments.pop() as Segment;
        await segment.handle.close();
        await unlink(join(dir, segment.name));
      }
      removedFiles = true;
      note(
        "discarded-log",
        snapshot?.name ?? "",
        "discarded a log that does not contain the snapshot's last entry",
      );
    }
    // The log restarts right after the snapshot, so segments it covers entirely are routine garbage.
    while (segments.length > 1 && (segments[1] as Segment).firstIndex <= boundaryIndex + 1) {
      const segment = segments.shift() as Segment;
      await segment.handle.close();
      await unlink(join(dir, segment.name));
      removedFiles = true;
    }
    if (removedFiles) await fsyncDirectory();
    if (segments.length === 0) {
      const firstIndex = boundaryIndex + 1;
      const name = segmentName(firstIndex);
      const handle = await open(join(dir, name), "w+");
      const size = await writeFully(handle, [encodeSegmentHeader(firstIndex)], 0);
      segments.push({ firstIndex, name, handle, size, offsets: [], terms: [] });
      if (settings.fsync) await handle.sync();
      await fsyncDirectory();
    }

    const lastIndex = lastIndexOf(segments[segments.length - 1] as Segment);
    if (hardState.commit > Math.max(lastIndex, boundaryIndex)) {
      throw corrupt(
        `the hard state's commit index ${hardState.commit} is beyond the recovered log (last index ` +
          `${lastIndex}): committed entries were lost`,
      );
    }
    const storage = new Disk(dir, settings, { segments, boundaryIndex, boundaryTerm, hardState, snapshot });
    return {
      storage,
      recovered: {
        hardState,
        snapshot: snapshot?.snapshot ?? null,
        firstIndex: boundaryIndex + 1,
        lastIndex,
        notes,
      },
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
