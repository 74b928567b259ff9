/**
 * One segment: a `.log` file of whole record batches, exactly as appended,
 * and its two sparse indexes (see indexes.ts). The active (last) segment
 * keeps its index files open for appends; closed segments are immutable and
 * load their indexes into memory only while the log needs them.
 */
import { BATCH_HEADER_SIZE, readBatchHeader } from "../batch.js";
import type { LogConfig } from "./config.js";
import { isMissingFileError, type LogDisk, type LogFile } from "./disk.js";
import { readWholeFile, type SegmentPaths, segmentPaths } from "./files.js";
import {
  IndexCorruption,
  OFFSET_INDEX_ENTRY_BYTES,
  OffsetIndex,
  TIME_INDEX_ENTRY_BYTES,
  TimeIndex,
} from "./indexes.js";
import { type LocatedBatch, scanBatches, scanHeaders } from "./scan.js";
import { LogStorageError } from "./storage-error.js";

/** Header scans for lookups read this much at a time: a few index intervals. */
const LOOKUP_CHUNK_BYTES = 16 * 1024;
const INT32_MAX = 0x7fffffffn;

/** What recovering a segment found and did. */
export interface SegmentRecovery {
  /** Bytes cut from the end of the log file (a torn or corrupt tail). */
  readonly truncatedBytes: number;
  /** Why the scan stopped early, when it did. */
  readonly problem: string | null;
  /** The index files were missing or did not match the log, and were rewritten. */
  readonly indexesRebuilt: boolean;
}

export class Segment {
  /** Bytes of the log file that hold whole batches. */
  size = 0;
  /** The next offset after this segment's last batch; null for a closed segment not yet scanned. */
  nextOffset: bigint | null;
  /** Largest batch max timestamp in the segment, -1n when none. */
  maxTimestamp = -1n;
  /** Last offset of the first batch that reached `maxTimestamp`. */
  offsetOfMaxTimestamp = -1n;
  /** The first batch's max timestamp (-1n when none): time-based rolling measures from it. */
  firstBatchTimestamp = -1n;
  /** Whether `firstBatchTimestamp` is known: a closed segment opened without a scan reads it on demand. */
  private firstBatchTimestampKnown = true;
  /** This segment rolls this much before its age reaches the roll age (`segment.jitter.ms`, drawn when it is created). */
  rollJitterMs = 0;
  /** When the segment was created or last emptied (the log's clock): rolling measures from it when there is no first timestamp. */
  createdMs: number;
  private bytesSinceLastIndexEntry = 0;
  private offsetIndex: OffsetIndex | null = null;
  private timeIndex: TimeIndex | null = null;
  /** Open only while the segment is active. */
  private indexFiles: { readonly index: LogFile; readonly timeIndex: LogFile } | null = null;

  private constructor(
    readonly disk: LogDisk,
    readonly baseOffset: bigint,
    readonly paths: SegmentPaths,
    readonly log: LogFile,
    private readonly config: LogConfig,
    nowMs: number,
  ) {
    this.nextOffset = baseOffset;
    this.createdMs = nowMs;
  }

  get isActive(): boolean {
    return this.indexFiles !== null;
  }

  get indexesLoaded(): boolean {
    return this.offsetIndex !== null;
  }

  /** Creates an empty active segment (its files must not hold data: they are truncated). */
  static async create(
    disk: LogDisk,
    dir: string,
    baseOffset: bigint,
    config: LogConfig,
    nowMs: number,
    suffix = "",
  ): Promise<Segment> {
    const paths = segmentPaths(dir, baseOffset, suffix);
    const log = await disk.open(paths.log, { create: true });
    await log.truncate(0);
    const segment = new Segment(disk, baseOffset, paths, log, config, nowMs);
    segment.offsetIndex = new OffsetIndex(baseOffset, config.segmentIndexBytes);
    segment.timeIndex = new TimeIndex(baseOffset, config.segmentIndexBytes);
    if (suffix === "") await segment.openIndexFiles(true);
    return segment;
  }

  private async openIndexFiles(truncate: boolean): Promise<void> {
    const index = await this.disk.open(this.paths.index, { create: true });
    const timeIndex = await this.disk.open(this.paths.timeIndex, { create: true });
    if (truncate) {
      await index.truncate(0);
      await timeIndex.truncate(0);
    }
    this.indexFiles = { index, timeIndex };
  }

  /**
   * Recovers the active segment after a restart: every batch is read and
   * verified (CRC, sizes, increasing offsets from the base), the log is cut
   * after the last good one, and the indexes are rebuilt from what remains;
   * the index files are rewritten only if they differ.
   */
  static async recoverActive(
    disk: LogDisk,
    dir: string,
    baseOffset: bigint,
    config: LogConfig,
    nowMs: number,
  ): Promise<{ segment: Segment; recovery: SegmentRecovery }> {
    const paths = segmentPaths(dir, baseOffset);
    const log = await disk.open(paths.log, { create: true });
    const segment = new Segment(disk, baseOffset, paths, log, config, nowMs);
    const { fileBytes, problem } = await segment.rebuildFromLog();
    if (segment.size < fileBytes) await log.truncate(segment.size);
    const indexesRebuilt = !(await segment.indexFilesMatch());
    await segment.openIndexFiles(indexesRebuilt);
    if (indexesRebuilt) await segment.flushIndexes();
    return { segment, recovery: { truncatedBytes: fileBytes - segment.size, problem, indexesRebuilt } };
  }

  /**
   * Opens a closed segment. The indexes are checked cheaply (whole entries,
   * last entry inside the log) and loaded only when needed; missing or
   * damaged ones are rebuilt from the log, verifying every batch. A bad batch
   * cuts the segment there, and the caller must drop every later segment.
   */
  static async openClosed(
    disk: LogDisk,
    dir: string,
    baseOffset: bigint,
    config: LogConfig,
    nowMs: number,
  ): Promise<{ segment: Segment; recovery: SegmentRecovery }> {
    const paths = segmentPaths(dir, baseOffset);
    const log = await disk.open(paths.log, { create: false });
    const segment = new Segment(disk, baseOffset, paths, log, config, nowMs);
    segment.size = await log.size();
    segment.nextOffset = null;
    segment.firstBatchTimestampKnown = false;
    if (await segment.quickIndexCheck()) {
      return { segment, recovery: { truncatedBytes: 0, problem: null, indexesRebuilt: false } };
    }
    const { fileBytes, problem } = await segment.rebuildFromLog();
    if (segment.size < fileBytes) await log.truncate(segment.size);
    segment.sealIndexes();
    await segment.writeIndexFiles();
    segment.unloadIndexes();
    return { segment, recovery: { truncatedBytes: fileBytes - segment.size, problem, indexesRebuilt: true } };
  }

  /** Reads the last entries of both index files; false if they cannot be trusted. */
  private async quickIndexCheck(): Promise<boolean> {
    const last = async (path: string, entryBytes: number): Promise<Uint8Array | null | "bad"> => {
      let file: LogFile;
      try {
        file = await this.disk.open(path, { create: false });
      } catch (error) {
        if (isMissingFileError(error)) return "bad";
        throw error;
      }
      try {
        const size = await file.size();
        if (size % entryBytes !== 0 || size > this.indexBytesBound()) return "bad";
        if (size === 0) return null;
        const entry = new Uint8Array(entryBytes);
        return (await file.read(entry, 0, entryBytes, size - entryBytes)) === entryBytes ? entry : "bad";
      } finally {
        await file.close();
      }
    };
    const index = await last(this.paths.index, OFFSET_INDEX_ENTRY_BYTES);
    const time = await last(this.paths.timeIndex, TIME_INDEX_ENTRY_BYTES);
    if (index === "bad" || time === "bad") return false;
    if (index !== null) {
      const v = new DataView(index.buffer);
      if (v.getInt32(0) < 0 || v.getInt32(4) < 0 || v.getInt32(4) >= this.size) return false;
    }
    if (time !== null) {
      const v = new DataView(time.buffer);
      if (v.getInt32(8) < 0) return false;
      this.maxTimestamp = v.getBigInt64(0);
      this.offsetOfMaxTimestamp = this.baseOffset + BigInt(v.getInt32(8));
    }
    return true;
  }

  /**
   * Rebuilds size, next offset, max timestamp and both indexes (in memory) by
   * scanning and verifying the log file from the start.
   */
  private async rebuildFromLog(): Promise<{ fileBytes: number; problem: string | null }> {
    const fileBytes = await this.log.size();
    this.offsetIndex = new OffsetIndex(this.baseOffset, this.config.segmentIndexBytes);
    this.timeIndex = new TimeIndex(this.baseOffset, this.config.segmentIndexBytes);
    this.maxTimestamp = -1n;
    this.offsetOfMaxTimestamp = -1n;
    this.bytesSinceLastIndexEntry = 0;
    this.nextOffset = this.baseOffset;
    this.firstBatchTimestamp = -1n;
    this.firstBatchTimestampKnown = true;
    let first = true;
    const end = await scanBatches(
      this.log,
      0,
      fileBytes,
      this.config.scanChunkBytes,
      { verify: true, minOffset: this.baseOffset, maxLastOffset: this.baseOffset + INT32_MAX },
      (batch) => {
        if (first) this.firstBatchTimestamp = batch.header.maxTimestamp;
        first = false;
        this.indexBatch(batch);
        this.nextOffset = batch.lastOffset + 1n;
        return true;
      },
    );
    this.size = end.validEnd;
    return { fileBytes, problem: end.problem };
  }

  /** Adds index entries for a batch about to be (or already) stored at `batch.position`: Kafka's rule. */
  private indexBatch(batch: LocatedBatch): void {
    const offsetIndex = this.offsetIndex as OffsetIndex;
    const timeIndex = this.timeIndex as TimeIndex;
    if (batch.header.maxTimestamp > this.maxTimestamp) {
      this.maxTimestamp = batch.header.maxTimestamp;
      this.offsetOfMaxTimestamp = batch.lastOffset;
    }
    if (this.bytesSinceLastIndexEntry > this.config.indexIntervalBytes && !offsetIndex.isFull()) {
      offsetIndex.append(batch.lastOffset, batch.position);
      timeIndex.maybeAppend(this.maxTimestamp, this.offsetOfMaxTimestamp);
      this.bytesSinceLastIndexEntry = 0;
    }
    this.bytesSinceLastIndexEntry += batch.header.sizeInBytes;
  }

  /** The entry written when a segment closes, so the time index ends with the segment's max timestamp. */
  private sealIndexes(): void {
    if (this.maxTimestamp >= 0n) {
      (this.timeIndex as TimeIndex).maybeAppend(this.maxTimestamp, this.offsetOfMaxTimestamp, true);
    }
  }

  private async indexFilesMatch(): Promise<boolean> {
    const same = async (path: string, expected: Uint8Array) => {
      const actual = await readWholeFile(this.disk, path, expected.length);
      return actual !== null && Buffer.compare(actual, expected) === 0;
    };
    return (
      (await same(this.paths.index, (this.offsetIndex as OffsetIndex).contents())) &&
      (await same(this.paths.timeIndex, (this.timeIndex as TimeIndex).contents()))
    );
  }

  private async flushIndexes(): Promise<void> {
    if (this.indexFiles === null) return;
    await (this.offsetIndex as OffsetIndex).flush(this.indexFiles.index);
    await (this.timeIndex as TimeIndex).flush(this.indexFiles.timeIndex);
  }

  /** Writes both (loaded) indexes as whole files and fsyncs them: for closed and compacted segments. */
  async writeIndexFiles(): Promise<void> {
    for (const [path, bytes] of [
      [this.paths.index, (this.offsetIndex as OffsetIndex).contents()],
      [this.paths.timeIndex, (this.timeIndex as TimeIndex).contents()],
    ] as const) {
      const file = await this.disk.open(path, { create: true });
      try {
        await file.truncate(0);
        await file.write(bytes, 0);
        await file.sync();
      } finally {
        await file.close();
      }
    }
  }

  /**
   * The largest index file a closed segment may have: the configured size,
   * or more when the segment was written under a larger
   * `segment.index.bytes` (a setting lowered since); never more entries than
   * the log has batches.
   */
  private indexBytesBound(): number {
    const batches = Math.ceil(this.size / BATCH_HEADER_SIZE);
    return Math.max(this.config.segmentIndexBytes, batches * TIME_INDEX_ENTRY_BYTES);
  }

  /** Loads a closed segment's indexes, rebuilding them from the log if they are damaged. */
  async loadIndexes(): Promise<void> {
    if (this.offsetIndex !== null) return;
    const bound = this.indexBytesBound();
    const offsetIndex = new OffsetIndex(this.baseOffset, bound);
    const timeIndex = new TimeIndex(this.baseOffset, bound);
    try {
      const ib = await readWholeFile(this.disk, this.paths.index, bound);
      const tb = await readWholeFile(this.disk, this.paths.timeIndex, bound);
      if (ib === null || tb === null) throw new IndexCorruption("index file missing");
      offsetIndex.load(ib, this.size);
      timeIndex.load(tb, this.nextOffset);
      this.offsetIndex = offsetIndex;
      this.timeIndex = timeIndex;
      return;
    } catch (error) {
      if (!(error instanceof IndexCorruption)) throw error;
    }
    const size = this.size;
    const { problem } = await this.rebuildFromLog();
    if (problem !== null || this.size !== size) {
      throw new LogStorageError(
        "CORRUPT_MESSAGE",
        `closed segment ${this.paths.log} is damaged (${problem ?? "size changed"}); reopen the log to recover`,
      );
    }
    this.sealIndexes();
    await this.writeIndexFiles();
  }

  unloadIndexes(): void {
    if (this.isActive) return;
    this.offsetIndex = null;
    this.timeIndex = null;
  }

  /**
   * How long the segment has been open for time-based rolling, as Kafka
   * measures it: from the first batch's timestamp to the incoming batch's
   * when both exist (so replayed old data does not roll every append), else
   * from the segment's creation by the clock.
   */
  ageMs(incomingMaxTimestamp: bigint, nowMs: number): number {
    if (this.firstBatchTimestamp >= 0n && incomingMaxTimestamp >= 0n) {
      return Number(incomingMaxTimestamp - this.firstBatchTimestamp);
    }
    return nowMs - this.createdMs;
  }

  /**
   * The first batch's max timestamp (-1n for none or an empty segment),
   * reading the first batch header of a closed segment the first time it is
   * asked (max.compaction.lag.ms measures from it).
   */
  async loadFirstBatchTimestamp(): Promise<bigint> {
    if (this.firstBatchTimestampKnown) return this.firstBatchTimestamp;
    if (this.size >= BATCH_HEADER_SIZE) {
      const header = await this.read(0, BATCH_HEADER_SIZE);
      const parsed = readBatchHeader(header);
      this.firstBatchTimestamp = parsed.ok ? parsed.value.maxTimestamp : -1n;
    }
    this.firstBatchTimestampKnown = true;
    return this.firstBatchTimestamp;
  }

  /** Roll decision inputs: is either index out of room? */
  indexesFull(): boolean {
    return (this.offsetIndex as OffsetIndex).isFull() || (this.timeIndex as TimeIndex).isFull();
  }

  /**
   * Appends whole batches (already carrying their final offsets) at the end
   * of the active segment. `batches` give each batch's position inside `bytes`.
   */
  async append(bytes: Uint8Array, batches: readonly LocatedBatch[]): Promise<void> {
    if (this.indexFiles === null) throw new Error("append to a closed segment");
    const at = this.size;
    if (at === 0 && batches[0] !== undefined) this.firstBatchTimestamp = batches[0].header.maxTimestamp;
    await this.log.write(bytes, at);
    for (const b of batches) this.indexBatch({ ...b, position: at + b.position });
    this.size = at + bytes.length;
    const last = batches.at(-1);
    if (last !== undefined) this.nextOffset = last.lastOffset + 1n;
    await this.flushIndexes();
  }

  /**
   * The first batch whose last offset is at least `offset`, or null when the
   * segment has none (the offset is past it, or in a gap at its end).
   */
  async locate(offset: bigint): Promise<LocatedBatch | null> {
    await this.loadIndexes();
    const from = (this.offsetIndex as OffsetIndex).lookup(offset);
    let found: LocatedBatch | null = null;
    const end = await scanHeaders(this.log, from, this.size, LOOKUP_CHUNK_BYTES, (batch) => {
      if (batch.lastOffset < offset) return true;
      found = batch;
      return false;
    });
    if (end.problem !== null) {
      throw new LogStorageError("CORRUPT_MESSAGE", `segment ${this.paths.log}: ${end.problem}`);
    }
    return found;
  }

  /**
   * Where to start scanning for the first batch whose max timestamp is at
   * least `timestamp`: the position of the batch that first reached the
   * largest indexed timestamp below it (0 if none).
   */
  async timestampLookupPosition(timestamp: bigint): Promise<number> {
    await this.loadIndexes();
    const entry = (this.timeIndex as TimeIndex).lookup(timestamp);
    return entry === null ? 0 : (this.offsetIndex as OffsetIndex).lookup(entry.offset);
  }

  /** Reads `length` bytes at `position` into one new buffer (shorter only at the end of the file). */
  async read(position: number, length: number): Promise<Buffer> {
    const buffer = Buffer.allocUnsafe(length);
    const n = await this.log.read(buffer, 0, length, position);
    return buffer.subarray(0, n);
  }

  /** The next offset, scanning the tail of a closed segment the first time it is asked. */
  async readNextOffset(): Promise<bigint> {
    if (this.nextOffset !== null) return this.nextOffset;
    await this.loadIndexes();
    const last = (this.offsetIndex as OffsetIndex).last();
    let next = this.baseOffset;
    const end = await scanHeaders(this.log, last?.position ?? 0, this.size, LOOKUP_CHUNK_BYTES, (batch) => {
      next = batch.lastOffset + 1n;
      return true;
    });
    if (end.problem !== null)
      throw new LogStorageError("CORRUPT_MESSAGE", `segment ${this.paths.log}: ${end.problem}`);
    this.nextOffset = next;
    return next;
  }

  /**
   * Cuts the segment before the batch containing `offset` (the whole batch
   * goes). Returns the number of bytes removed.
   */
  async truncateTo(offset: bigint, nowMs: number): Promise<number> {
    const cut = await this.locate(offset);
    if (cut === null) return 0;
    const removed = this.size - cut.position;
    const offsetIndex = this.offsetIndex as OffsetIndex;
    const timeIndex = this.timeIndex as TimeIndex;
    const indexBytes = offsetIndex.truncateToPosition(cut.position);
    const timeBytes = timeIndex.truncateToOffset(cut.header.baseOffset);
    await this.log.truncate(cut.position);
    this.size = cut.position;
    // Recompute what the remaining tail says: next offset, max timestamp, bytes since the last entry.
    const lastEntry = offsetIndex.last();
    const lastTime = timeIndex.last();
    this.maxTimestamp = lastTime?.timestamp ?? -1n;
    this.offsetOfMaxTimestamp = lastTime?.offset ?? -1n;
    this.bytesSinceLastIndexEntry = 0;
    this.nextOffset = this.baseOffset;
    await scanHeaders(this.log, lastEntry?.position ?? 0, this.size, LOOKUP_CHUNK_BYTES, (batch) => {
      if (batch.header.maxTimestamp > this.maxTimestamp) {
        this.maxTimestamp = batch.header.maxTimestamp;
        this.offsetOfMaxTimestamp = batch.lastOffset;
      }
      this.bytesSinceLastIndexEntry += batch.header.sizeInBytes;
      this.nextOffset = batch.lastOffset + 1n;
      return true;
    });
    if (this.size === 0) {
      this.firstBatchTimestamp = -1n;
      this.createdMs = nowMs;
    }
    if (this.indexFiles !== null) {
      await this.indexFiles.index.truncate(indexBytes);
      await this.indexFiles.timeIndex.truncate(timeBytes);
    } else {
      await this.writeIndexFiles();
    }
    return removed;
  }

  /**
   * Makes a closed segment the active one again (after a truncation removed
   * every later segment): indexes loaded, tail state recomputed, index files
   * opened for appends.
   */
  async reactivate(nowMs: number): Promise<void> {
    if (this.indexFiles !== null) return;
    await this.loadIndexes();
    const lastEntry = (this.offsetIndex as OffsetIndex).last();
    this.bytesSinceLastIndexEntry = 0;
    let next = this.baseOffset;
    const end = await scanHeaders(
      this.log,
      lastEntry?.position ?? 0,
      this.size,
      LOOKUP_CHUNK_BYTES,
      (batch) => {
        this.bytesSinceLastIndexEntry += batch.header.sizeInBytes;
        next = batch.lastOffset + 1n;
        return true;
      },
    );
    if (end.problem !== null)
      throw new LogStorageError("CORRUPT_MESSAGE", `segment ${this.paths.log}: ${end.problem}`);
    this.nextOffset = next;
    if (this.size === 0) {
      this.firstBatchTimestamp = -1n;
      this.createdMs = nowMs;
    }
    await this.loadFirstBatchTimestamp();
    await this.openIndexFiles(false);
  }

  /**
   * Closes the segment for appends (a roll): adds the final time-index entry,
   * fsyncs the log and both indexes, and closes the index files. After this,
   * only the active segment can ever hold a torn tail.
   */
  async seal(): Promise<void> {
    if (this.indexFiles === null) return;
    this.sealIndexes();
    await this.flushIndexes();
    await this.log.sync();
    await this.indexFiles.index.sync();
    await this.indexFiles.timeIndex.sync();
    await this.indexFiles.index.close();
    await this.indexFiles.timeIndex.close();
    this.indexFiles = null;
  }

  /** fsyncs the log and, when active, its index files. */
  async flush(): Promise<void> {
    await this.log.sync();
    if (this.indexFiles !== null) {
      await this.indexFiles.index.sync();
      await this.indexFiles.timeIndex.sync();
    }
  }

  /**
   * Closes every open file. An active segment gets no final time-index entry
   * (unlike at a roll): opening always rebuilds the active segment's indexes
   * from its log, and would only remove it again.
   */
  async close(): Promise<void> {
    if (this.indexFiles !== null) {
      await this.flushIndexes();
      await this.indexFiles.index.close();
      await this.indexFiles.timeIndex.close();
      this.indexFiles = null;
    }
    await this.log.close();
  }

  /** Closes the files and deletes all three. */
  async delete(): Promise<void> {
    await this.close().catch(() => undefined);
    await this.disk.remove(this.paths.log);
    await this.disk.remove(this.paths.index);
    await this.disk.remove(this.paths.timeIndex);
  }

  /** Appends batches to a detached (compaction output) segment: log bytes now, indexes in memory. */
  async appendDetached(bytes: Uint8Array, batch: LocatedBatch): Promise<void> {
    const at = this.size;
    await this.log.write(bytes, at);
    this.indexBatch({ ...batch, position: at });
    this.size = at + bytes.length;
    this.nextOffset = batch.lastOffset + 1n;
  }

  /** Finishes a detached segment: final index entry, index files written, everything fsynced and closed. */
  async finishDetached(): Promise<void> {
    this.sealIndexes();
    await this.writeIndexFiles();
    await this.log.sync();
    await this.log.close();
  }
}
