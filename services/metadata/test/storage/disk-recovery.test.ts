/**
 * Crash recovery of the on-disk engine: torn tails at every byte of the last record, garbage
 * after it, damage where recovery must refuse (an old segment, the hard state, a gap), interrupted
 * snapshot installs, segment rolling and compaction on disk, and the fsync count of group commit.
 */
import { copyFile, readdir, readFile, rm, truncate, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "@runnel/runtime";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type DiskStorage,
  type OpenedDiskStorage,
  openDiskStorage,
  type RecoveryNote,
  type Snapshot,
  StorageError,
  type StorageLogger,
} from "../../src/storage/index.js";
import { entries, entry, plain, tempDir } from "./engines.js";

/** Record layout facts the tests need: an 8-byte frame header and 18 fixed payload bytes. */
const SEGMENT_HEADER_BYTES = 20;
const RECORD_OVERHEAD_BYTES = 26;

function snap(index: number, term: number): Snapshot {
  return { index, term, config: new Uint8Array([9]), data: new TextEncoder().encode(`state@${index}`) };
}

async function expectCorrupt(promise: Promise<unknown>, message: RegExp): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StorageError);
  expect((error as StorageError).code).toBe("CORRUPT");
  expect((error as StorageError).message).toMatch(message);
}

function kinds(notes: readonly RecoveryNote[]): string[] {
  return notes.map((n) => n.kind);
}

describe("disk storage recovery", () => {
  let dir: string;
  let opened: DiskStorage[] = [];

  beforeEach(async () => {
    dir = await tempDir();
  });

  afterEach(async () => {
    for (const storage of opened) await storage.close();
    opened = [];
    await rm(dir, { recursive: true, force: true });
  });

  async function openAt(
    at: string,
    options: Parameters<typeof openDiskStorage>[1] = {},
  ): Promise<OpenedDiskStorage> {
    const result = await openDiskStorage(at, options);
    opened.push(result.storage);
    return result;
  }

  async function segmentFiles(at: string): Promise<string[]> {
    return (await readdir(at)).filter((n) => n.endsWith(".seg")).sort();
  }

  /** Writes entries 1..6 (term 1) with one sync per entry; returns the segment bytes and where record 6 starts. */
  async function sixEntries(at: string, commit: number): Promise<{ bytes: Buffer; lastStart: number }> {
    const { storage } = await openAt(at);
    for (const e of entries(1, 6, 1, 16)) {
      await storage.append([e]);
      await storage.sync();
    }
    await storage.setHardState({ term: 1, votedFor: 1, commit });
    await storage.sync();
    await storage.close();
    const [name] = await segmentFiles(at);
    const bytes = await readFile(join(at, name as string));
    const recordBytes = RECORD_OVERHEAD_BYTES + 16;
    expect(bytes.byteLength).toBe(SEGMENT_HEADER_BYTES + 6 * recordBytes);
    return { bytes, lastStart: SEGMENT_HEADER_BYTES + 5 * recordBytes };
  }

  it("recovers a clean prefix when the last record is cut at any byte", async () => {
    const { bytes, lastStart } = await sixEntries(dir, 5);
    const [name] = await segmentFiles(dir);
    const path = join(dir, name as string);
    for (let cut = lastStart; cut < bytes.byteLength; cut++) {
      await writeFile(path, bytes.subarray(0, cut));
      const { storage, recovered } = await openAt(dir);
      expect(recovered.lastIndex, `cut at ${cut}`).toBe(5);
      expect(kinds(recovered.notes)).toEqual(cut === lastStart ? [] : ["torn-tail"]);
      expect(plain(await storage.entries(1, 6))).toEqual(plain(entries(1, 5, 1, 16)));
      // The repair is durable and the log continues cleanly from it.
      await storage.append([entry(6, 2, 5)]);
      await storage.sync();
      await storage.close();
      const again = await openAt(dir);
      expect(again.recovered.notes).toEqual([]);
      expect(plain(await again.storage.entries(1, 7))).toEqual(
        plain([...entries(1, 5, 1, 16), entry(6, 2, 5)]),
      );
      await again.storage.close();
    }
  });

  it("recovers a clean prefix when any byte of the last record is damaged", async () => {
    const { bytes, lastStart } = await sixEntries(dir, 5);
    const [name] = await segmentFiles(dir);
    const path = join(dir, name as string);
    for (let at = lastStart; at < bytes.byteLength; at++) {
      const damaged = Buffer.from(bytes);
      damaged[at] = (damaged[at] as number) ^ 0x5a;
      await writeFile(path, damaged);
      const { storage, recovered } = await openAt(dir);
      expect(recovered.lastIndex, `byte ${at}`).toBe(5);
      expect(kinds(recovered.notes)).toEqual(["torn-tail"]);
      expect(plain(await storage.entries(1, 6))).toEqual(plain(entries(1, 5, 1, 16)));
      await storage.close();
    }
  });

  it("drops garbage appended after the last record and keeps every synced entry", async () => {
    const { bytes } = await sixEntries(dir, 6);
    const [name] = await segmentFiles(dir);
    const path = join(dir, name as string);
    let seed = 12345;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    for (const length of [1, 3, 7, 8, 9, 25, 26, 100, 5000]) {
      const garbage = Buffer.alloc(length);
      for (let i = 0; i < length; i++) garbage[i] = random() & 0xff;
      await writeFile(path, Buffer.concat([bytes, garbage]));
      const { storage, recovered } = await openAt(dir);
      expect(recovered.lastIndex, `garbage of ${length}`).toBe(6);
      expect(kinds(recovered.notes)).toEqual(["torn-tail"]);
      expect(plain(await storage.entries(1, 7))).toEqual(plain(entries(1, 6, 1, 16)));
      await storage.close();
    }
    // Zeros, as a file system may leave after extending a file, are garbage too.
    await writeFile(path, Buffer.concat([bytes, Buffer.alloc(4096)]));
    const { recovered } = await openAt(dir);
    expect(recovered.lastIndex).toBe(6);
  });

  it("refuses to cut away entries the hard state says are committed", async () => {
    const { lastStart } = await sixEntries(dir, 6);
    const [name] = await segmentFiles(dir);
    await truncate(join(dir, name as string), lastStart + 3);
    await expectCorrupt(openAt(dir), /commit index 6 is beyond the recovered log/);
  });

  it("reports a damaged record in an older segment as corruption, changing nothing", async () => {
    const { storage } = await openAt(dir, { segmentBytes: 200 });
    await storage.append(entries(1, 20, 1, 30));
    await storage.sync();
    await storage.close();
    const files = await segmentFiles(dir);
    expect(files.length).toBeGreaterThan(3);
    const path = join(dir, files[1] as string);
    const bytes = await readFile(path);
    const damaged = Buffer.from(bytes);
    damaged[SEGMENT_HEADER_BYTES + 12] = (damaged[SEGMENT_HEADER_BYTES + 12] as number) ^ 1;
    await writeFile(path, damaged);
    await expectCorrupt(openAt(dir), new RegExp(`segment ${files[1]} is damaged: record crc`));
    expect(await readFile(path)).toEqual(damaged);

    // A cut older segment is corruption too, not a torn tail.
    await writeFile(path, bytes.subarray(0, bytes.byteLength - 1));
    await expectCorrupt(openAt(dir), /is damaged/);
    await writeFile(path, bytes);

    // So is a missing segment in the middle.
    await unlink(join(dir, files[2] as string));
    await expectCorrupt(openAt(dir), /does not continue/);
  });

  it("refuses a hard state file that fails its checks rather than forget a vote", async () => {
    const { storage } = await openAt(dir);
    await storage.append(entries(1, 3, 2));
    await storage.setHardState({ term: 2, votedFor: 3, commit: 3 });
    await storage.sync();
    await storage.close();
    const path = join(dir, "hardstate");
    const bytes = await readFile(path);
    const damaged = Buffer.from(bytes);
    damaged[9] = (damaged[9] as number) ^ 0x10;
    await writeFile(path, damaged);
    await expectCorrupt(openAt(dir), /hard state file failed its checks \(the crc does not match\)/);
    await writeFile(path, bytes.subarray(0, 20));
    await expectCorrupt(openAt(dir), /hard state file failed its checks/);
    await writeFile(path, bytes);
    expect((await openAt(dir)).recovered.hardState).toEqual({ term: 2, votedFor: 3, commit: 3 });
  });

  it("removes temporary files left by an interrupted atomic write", async () => {
    const { storage } = await openAt(dir);
    await storage.setHardState({ term: 1, votedFor: null, commit: 0 });
    await storage.sync();
    await storage.close();
    await writeFile(join(dir, "hardstate.tmp"), Buffer.from("half a write"));
    const { recovered } = await openAt(dir);
    expect(recovered.notes).toEqual([
      { kind: "removed-temp", file: "hardstate.tmp", detail: expect.stringContaining("temporary") },
    ]);
    expect(recovered.hardState).toEqual({ term: 1, votedFor: null, commit: 0 });
    expect(await readdir(dir)).not.toContain("hardstate.tmp");
  });

  it("rolls segments and deletes whole files once compaction covers them", async () => {
    const { storage } = await openAt(dir, { segmentBytes: 300 });
    await storage.append(entries(1, 40, 1, 30)); // 56-byte records: 5 per segment
    await storage.sync();
    const before = await segmentFiles(dir);
    expect(before).toHaveLength(8);
    expect(before[0]).toBe("log-00000000000000000001.seg");
    expect(before[1]).toBe("log-00000000000000000006.seg");
    await storage.saveSnapshot(snap(23, 1));
    await storage.compact(23);
    await storage.sync();
    // Segments 1-5 .. 16-20 lie entirely below 23; 21-25 still holds 24 and 25.
    expect((await segmentFiles(dir))[0]).toBe("log-00000000000000000021.seg");
    expect((await readdir(dir)).filter((n) => n.endsWith(".snap"))).toEqual([
      "snapshot-00000000000000000023-00000000000000000001.snap",
    ]);
    expect(await storage.firstIndex()).toBe(24);
    expect(plain(await storage.entries(24, 41))).toEqual(plain(entries(24, 40, 1, 30)));
    // Reads spanning segments honour maxBytes across them.
    expect((await storage.entries(24, 41, 200)).map((e) => e.index)).toEqual([24, 25, 26, 27, 28, 29]);
    await storage.close();

    const { storage: reopened, recovered } = await openAt(dir, { segmentBytes: 300 });
    expect(recovered.notes).toEqual([]);
    expect(recovered.snapshot?.index).toBe(23);
    expect(recovered.firstIndex).toBe(24);
    expect(recovered.lastIndex).toBe(40);
    expect(plain(await reopened.entries(24, 41))).toEqual(plain(entries(24, 40, 1, 30)));
  });

  it("keeps an entry larger than segmentBytes in a segment of its own", async () => {
    const { storage } = await openAt(dir, { segmentBytes: 100 });
    await storage.append([entry(1, 1, 10), entry(2, 1, 500), entry(3, 1, 10)]);
    await storage.sync();
    expect(await segmentFiles(dir)).toHaveLength(3);
    await storage.close();
    const { storage: reopened } = await openAt(dir, { segmentBytes: 100 });
    expect(plain(await reopened.entries(1, 4))).toEqual(
      plain([entry(1, 1, 10), entry(2, 1, 500), entry(3, 1, 10)]),
    );
  });

  it("truncates across segments durably, deleting later files", async () => {
    const { storage } = await openAt(dir, { segmentBytes: 300 });
    await storage.append(entries(1, 20, 1, 30));
    await storage.sync();
    expect(await segmentFiles(dir)).toHaveLength(4);
    await storage.truncateSuffix(8);
    expect(await segmentFiles(dir)).toHaveLength(2);
    // Not synced: the truncation itself is already durable, the new entries may or may not be.
    await storage.append(entries(8, 9, 2, 30));
    await storage.close();
    const { storage: reopened, recovered } = await openAt(dir, { segmentBytes: 300 });
    expect(recovered.lastIndex).toBeGreaterThanOrEqual(7);
    expect(recovered.lastIndex).toBeLessThanOrEqual(9);
    const log = await reopened.entries(1, recovered.lastIndex + 1);
    expect(plain(log.slice(0, 7))).toEqual(plain(entries(1, 7, 1, 30)));
    expect(log.slice(7).every((e) => e.term === 2)).toBe(true);
  });

  it("group commit: a batch of appends and one sync cost one fsync", async () => {
    const { storage } = await openAt(dir);
    await storage.append(entries(1, 1, 1));
    await storage.sync();
    const before = storage.stats().fsyncs;
    for (let i = 2; i <= 101; i += 10) await storage.append(entries(i, i + 9, 1));
    await storage.sync();
    expect(storage.stats().fsyncs - before).toBe(1);
    // A sync with nothing new costs nothing.
    await storage.sync();
    expect(storage.stats().fsyncs - before).toBe(1);
    // A changed hard state adds its atomic write: the temporary file and the directory.
    await storage.append(entries(102, 102, 1));
    await storage.setHardState({ term: 1, votedFor: 1, commit: 100 });
    await storage.sync();
    expect(storage.stats().fsyncs - before).toBe(4);
    expect(storage.stats().logBytesWritten).toBe(102 * (RECORD_OVERHEAD_BYTES + 16));
  });

  it("skips every fsync when fsync is off, and still works", async () => {
    const { storage } = await openAt(dir, { fsync: false });
    await storage.append(entries(1, 10, 1));
    await storage.setHardState({ term: 1, votedFor: null, commit: 10 });
    await storage.saveSnapshot(snap(10, 1));
    await storage.sync();
    expect(storage.stats().fsyncs).toBe(0);
    await storage.close();
    const { recovered } = await openAt(dir, { fsync: false });
    expect(recovered.snapshot?.index).toBe(10);
    expect(recovered.hardState.commit).toBe(10);
  });

  it("skips an invalid snapshot and uses the log when it still reaches back", async () => {
    const { storage } = await openAt(dir);
    await storage.append(entries(1, 10, 1));
    await storage.saveSnapshot(snap(6, 1));
    await storage.sync();
    await storage.close();
    const [name] = (await readdir(dir)).filter((n) => n.endsWith(".snap"));
    const path = join(dir, name as string);
    const bytes = await readFile(path);
    bytes[bytes.byteLength - 6] = (bytes[bytes.byteLength - 6] as number) ^ 0xff;
    await writeFile(path, bytes);
    const { storage: reopened, recovered } = await openAt(dir);
    expect(kinds(recovered.notes)).toEqual(["invalid-snapshot"]);
    expect(recovered.snapshot).toBeNull();
    expect(recovered.firstIndex).toBe(1);
    expect(plain(await reopened.entries(1, 11))).toEqual(plain(entries(1, 10, 1)));
  });

  it("refuses to start when an invalid snapshot leaves a gap before the log", async () => {
    const { storage } = await openAt(dir, { segmentBytes: 200 });
    await storage.append(entries(1, 20, 1, 30));
    await storage.saveSnapshot(snap(15, 1));
    await storage.compact(15);
    await storage.sync();
    await storage.close();
    const [name] = (await readdir(dir)).filter((n) => n.endsWith(".snap"));
    await truncate(join(dir, name as string), 30);
    await expectCorrupt(openAt(dir), /entries are missing/);
  });

  it("discards the log after an interrupted snapshot install", async () => {
    // The snapshot reached the disk but the old log was not yet deleted.
    const other = await tempDir();
    try {
      const source = await openAt(other);
      await source.storage.append(entries(1, 20, 4));
      await source.storage.saveSnapshot(snap(20, 4));
      await source.storage.sync();
      await source.storage.close();
      const { storage } = await openAt(dir);
      await storage.append(entries(1, 10, 1));
      await storage.sync();
      await storage.close();
      const [name] = (await readdir(other)).filter((n) => n.endsWith(".snap"));
      await copyFile(join(other, name as string), join(dir, name as string));

      const { storage: reopened, recovered } = await openAt(dir);
      expect(kinds(recovered.notes)).toEqual(["discarded-log"]);
      expect(recovered.snapshot?.index).toBe(20);
      expect(recovered.firstIndex).toBe(21);
      expect(recovered.lastIndex).toBe(20);
      expect(await segmentFiles(dir)).toEqual(["log-00000000000000000021.seg"]);
      await reopened.append(entries(21, 22, 4));
      expect(await reopened.term(22)).toBe(4);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it("rewrites the header of a last segment created just before a crash", async () => {
    const { storage } = await openAt(dir, { segmentBytes: 100 });
    await storage.append(entries(1, 2, 1, 30));
    await storage.sync();
    await storage.close();
    expect(await segmentFiles(dir)).toEqual(["log-00000000000000000001.seg", "log-00000000000000000002.seg"]);
    await writeFile(join(dir, "log-00000000000000000003.seg"), Buffer.alloc(7));
    const { storage: reopened, recovered } = await openAt(dir, { segmentBytes: 100 });
    expect(kinds(recovered.notes)).toEqual(["torn-tail"]);
    expect(recovered.lastIndex).toBe(2);
    await reopened.append(entries(3, 3, 1, 30));
    await reopened.sync();
    await reopened.close();
    const again = await openAt(dir, { segmentBytes: 100 });
    expect(again.recovered.notes).toEqual([]);
    expect(again.recovered.lastIndex).toBe(3);
  });

  it("checks records again when reading them", async () => {
    const { storage } = await openAt(dir);
    await storage.append(entries(1, 3, 1));
    await storage.sync();
    const [name] = await segmentFiles(dir);
    const path = join(dir, name as string);
    const bytes = await readFile(path);
    const at = SEGMENT_HEADER_BYTES + RECORD_OVERHEAD_BYTES + 16 + 30; // in the data of entry 2
    bytes[at] = (bytes[at] as number) ^ 1;
    await writeFile(path, bytes);
    const error = await storage.entries(1, 4).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).code).toBe("CORRUPT");
    expect((error as StorageError).message).toMatch(/entry 2: record crc does not match/);
    expect(plain(await storage.entries(1, 2))).toEqual(plain(entries(1, 1, 1)));
  });

  it("fails for good after an I/O error, until reopened", async () => {
    const { storage } = await openAt(dir);
    await storage.append(entries(1, 3, 1));
    await storage.sync();
    await rm(dir, { recursive: true, force: true });
    const error = await storage.saveSnapshot(snap(2, 1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).code).toBe("IO");
    const after = await storage.lastIndex().catch((e: unknown) => e);
    expect((after as StorageError).code).toBe("FAILED");
    expect((after as StorageError).cause).toBe(error);
  });

  it("logs what recovery repaired through the given logger", async () => {
    const { bytes } = await sixEntries(dir, 1);
    const [name] = await segmentFiles(dir);
    await writeFile(join(dir, name as string), Buffer.concat([bytes, Buffer.from([1, 2, 3])]));
    const warnings: { fields: Record<string, unknown>; message: string }[] = [];
    const logger: StorageLogger = { warn: (fields, message) => warnings.push({ fields, message }) };
    await openAt(dir, { logger });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.fields).toMatchObject({ kind: "torn-tail", file: name });
    expect(warnings[0]?.message).toMatch(/cut the last segment at byte/);
  });

  it("accepts the service runtime's logger", () => {
    // A type-level check: the pino logger from @runnel/runtime fits StorageLogger.
    const fits = (logger: Logger): StorageLogger => logger;
    expect(typeof fits).toBe("function");
  });
});
