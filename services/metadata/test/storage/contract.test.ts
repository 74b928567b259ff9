/**
 * The storage contract, run against both engines: what every RaftStorage must do, whatever keeps
 * the bytes. Restarts here always follow a sync(), where both engines must agree exactly.
 */
import { AssertionError } from "node:assert";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type RaftStorage,
  type Snapshot,
  StorageError,
  type StorageErrorCode,
} from "../../src/storage/index.js";
import { type Engine, engines, entries, entry, type Place, plain } from "./engines.js";

async function expectStorageError(promise: Promise<unknown>, code: StorageErrorCode): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StorageError);
  expect((error as StorageError).code).toBe(code);
}

function snap(index: number, term: number, text = `state@${index}`): Snapshot {
  return {
    index,
    term,
    config: new Uint8Array([1, 2, 3]),
    data: new TextEncoder().encode(text),
  };
}

describe.each(engines)("$name storage contract", (engine: Engine) => {
  let place: Place;
  let storage: RaftStorage;

  beforeEach(async () => {
    place = await engine.place();
    storage = (await place.open()).storage;
  });

  afterEach(async () => {
    await storage.close();
    await place.dispose();
  });

  async function restart(): Promise<Awaited<ReturnType<Place["open"]>>> {
    await storage.close();
    const opened = await place.open();
    storage = opened.storage;
    return opened;
  }

  it("starts empty: first index 1, last index 0, empty hard state, no snapshot", async () => {
    expect(await storage.firstIndex()).toBe(1);
    expect(await storage.lastIndex()).toBe(0);
    expect(await storage.term(0)).toBe(0);
    expect(await storage.hardState()).toEqual({ term: 0, votedFor: null, commit: 0 });
    expect(await storage.snapshot()).toBeNull();
    const { recovered } = await restart();
    expect(recovered).toEqual({
      hardState: { term: 0, votedFor: null, commit: 0 },
      snapshot: null,
      firstIndex: 1,
      lastIndex: 0,
      notes: [],
    });
  });

  it("reads back appended entries, terms and types", async () => {
    await storage.append([...entries(1, 3, 1), entry(4, 2, 0, 7)]);
    expect(await storage.lastIndex()).toBe(4);
    expect(plain(await storage.entries(1, 5))).toEqual(plain([...entries(1, 3, 1), entry(4, 2, 0, 7)]));
    expect(plain(await storage.entries(2, 4))).toEqual(plain(entries(2, 3, 1)));
    expect(await storage.entries(3, 3)).toEqual([]);
    expect(await storage.term(3)).toBe(1);
    expect(await storage.term(4)).toBe(2);
  });

  it("keeps its own copy of appended data", async () => {
    const e = entry(1, 1);
    await storage.append([e]);
    e.data.fill(0);
    expect(plain(await storage.entries(1, 2))).toEqual(plain([entry(1, 1)]));
  });

  it("survives a restart after sync", async () => {
    await storage.append(entries(1, 10, 1));
    await storage.append(entries(11, 12, 2));
    await storage.setHardState({ term: 2, votedFor: 3, commit: 9 });
    await storage.sync();
    const { recovered } = await restart();
    expect(recovered.hardState).toEqual({ term: 2, votedFor: 3, commit: 9 });
    expect(recovered.firstIndex).toBe(1);
    expect(recovered.lastIndex).toBe(12);
    expect(plain(await storage.entries(1, 13))).toEqual(plain([...entries(1, 10, 1), ...entries(11, 12, 2)]));
  });

  it("replaces a conflicting suffix on append", async () => {
    await storage.append(entries(1, 5, 1));
    await storage.append(entries(3, 4, 2));
    expect(await storage.lastIndex()).toBe(4);
    expect(plain(await storage.entries(1, 5))).toEqual(plain([...entries(1, 2, 1), ...entries(3, 4, 2)]));
    await storage.sync();
    await restart();
    expect(plain(await storage.entries(1, 5))).toEqual(plain([...entries(1, 2, 1), ...entries(3, 4, 2)]));
  });

  it("truncates a suffix explicitly, durably across a restart", async () => {
    await storage.append(entries(1, 6, 1));
    await storage.sync();
    await storage.truncateSuffix(4);
    expect(await storage.lastIndex()).toBe(3);
    await storage.truncateSuffix(10); // beyond the end: nothing to do
    await storage.append(entries(4, 5, 3));
    await storage.sync();
    await restart();
    expect(plain(await storage.entries(1, 6))).toEqual(plain([...entries(1, 3, 1), ...entries(4, 5, 3)]));
  });

  it("refuses an entry larger than maxEntryBytes, appending nothing", async () => {
    await storage.close();
    storage = (await place.open({ maxEntryBytes: 100 })).storage;
    await storage.append([entry(1, 1, 100)]);
    await expectStorageError(storage.append([entry(2, 1, 10), entry(3, 1, 101)]), "ENTRY_TOO_LARGE");
    expect(await storage.lastIndex()).toBe(1);
  });

  it("treats gaps, decreasing terms and bad types as programmer errors", async () => {
    await storage.append(entries(1, 3, 2));
    await expect(storage.append([entry(5, 2)])).rejects.toBeInstanceOf(AssertionError);
    await expect(storage.append([entry(4, 1)])).rejects.toBeInstanceOf(AssertionError);
    await expect(storage.append([entry(4, 2), entry(6, 2)])).rejects.toBeInstanceOf(AssertionError);
    await expect(storage.append([entry(4, 2, 1, 70000)])).rejects.toBeInstanceOf(AssertionError);
    expect(await storage.lastIndex()).toBe(3);
    // The storage still works after a refused call.
    await storage.append([entry(4, 2)]);
    expect(await storage.lastIndex()).toBe(4);
  });

  it("bounds reads by maxBytes of data, always returning at least one entry", async () => {
    await storage.append(entries(1, 10, 1, 100));
    expect((await storage.entries(1, 11, 250)).map((e) => e.index)).toEqual([1, 2]);
    expect((await storage.entries(1, 11, 300)).map((e) => e.index)).toEqual([1, 2, 3]);
    expect((await storage.entries(1, 11, 10)).map((e) => e.index)).toEqual([1]);
    expect((await storage.entries(1, 11, 0)).map((e) => e.index)).toEqual([1]);
    expect(await storage.entries(1, 11)).toHaveLength(10);
  });

  it("reports COMPACTED below the log and UNAVAILABLE beyond it", async () => {
    await storage.append(entries(1, 10, 1));
    await storage.saveSnapshot(snap(5, 1));
    await storage.compact(5);
    expect(await storage.firstIndex()).toBe(6);
    expect(await storage.term(5)).toBe(1);
    await expectStorageError(storage.term(4), "COMPACTED");
    await expectStorageError(storage.entries(5, 7), "COMPACTED");
    await expectStorageError(storage.term(11), "UNAVAILABLE");
    await expectStorageError(storage.entries(8, 12), "UNAVAILABLE");
    expect(plain(await storage.entries(6, 11))).toEqual(plain(entries(6, 10, 1)));
  });

  it("saves a snapshot, compacts, and restarts at the snapshot", async () => {
    await storage.append([...entries(1, 6, 1), ...entries(7, 12, 2)]);
    await storage.setHardState({ term: 2, votedFor: 1, commit: 12 });
    await storage.saveSnapshot(snap(8, 2));
    await storage.compact(6); // keep a few entries below the snapshot for slow followers
    expect(await storage.firstIndex()).toBe(7);
    expect(await storage.term(6)).toBe(1);
    await storage.sync();
    const { recovered } = await restart();
    expect(recovered.snapshot).not.toBeNull();
    expect(recovered.snapshot?.index).toBe(8);
    expect(recovered.snapshot?.term).toBe(2);
    expect([...(recovered.snapshot?.config ?? [])]).toEqual([1, 2, 3]);
    expect(new TextDecoder().decode(recovered.snapshot?.data)).toBe("state@8");
    // After a restart the log always starts right after the snapshot.
    expect(recovered.firstIndex).toBe(9);
    expect(recovered.lastIndex).toBe(12);
    expect(await storage.term(8)).toBe(2);
    expect(plain(await storage.entries(9, 13))).toEqual(plain(entries(9, 12, 2)));
    const read = await storage.snapshot();
    expect(read?.index).toBe(8);
    expect(new TextDecoder().decode(read?.data)).toBe("state@8");
  });

  it("refuses a snapshot that is not newer, and compaction beyond the snapshot", async () => {
    await storage.append(entries(1, 10, 1));
    await storage.saveSnapshot(snap(5, 1));
    await expectStorageError(storage.saveSnapshot(snap(5, 1)), "SNAPSHOT_OUT_OF_DATE");
    await expectStorageError(storage.saveSnapshot(snap(3, 1)), "SNAPSHOT_OUT_OF_DATE");
    await expect(storage.compact(6)).rejects.toBeInstanceOf(AssertionError);
    await expect(storage.truncateSuffix(5)).rejects.toBeInstanceOf(AssertionError);
    await expect(storage.append([entry(5, 2)])).rejects.toBeInstanceOf(AssertionError);
    // Entries the snapshot covers are committed and skipped; the rest replaces the suffix.
    await storage.append(entries(4, 6, 1));
    expect(await storage.lastIndex()).toBe(6);
    await storage.truncateSuffix(6);
    expect(await storage.lastIndex()).toBe(5);
  });

  it("refuses a snapshot above maxSnapshotBytes", async () => {
    await storage.close();
    storage = (await place.open({ maxSnapshotBytes: 10 })).storage;
    await storage.append(entries(1, 3, 1));
    await expectStorageError(storage.saveSnapshot(snap(2, 1, "much too long")), "SNAPSHOT_TOO_LARGE");
    expect(await storage.snapshot()).toBeNull();
  });

  it("keeps the log when it contains the snapshot's last entry", async () => {
    await storage.append(entries(1, 10, 3));
    await storage.saveSnapshot(snap(7, 3));
    expect(await storage.firstIndex()).toBe(1);
    expect(await storage.lastIndex()).toBe(10);
  });

  it("discards the log for a snapshot beyond it or disagreeing with it (InstallSnapshot)", async () => {
    await storage.append(entries(1, 10, 1));
    await storage.saveSnapshot(snap(20, 4));
    expect(await storage.firstIndex()).toBe(21);
    expect(await storage.lastIndex()).toBe(20);
    expect(await storage.term(20)).toBe(4);
    await storage.append(entries(21, 22, 4));
    await storage.saveSnapshot(snap(22, 5)); // same index, other term: the log disagrees
    expect(await storage.lastIndex()).toBe(22);
    expect(await storage.term(22)).toBe(5);
    await expectStorageError(storage.entries(22, 23), "COMPACTED");
    await storage.append(entries(23, 24, 5));
    await storage.sync();
    const { recovered } = await restart();
    expect(recovered.snapshot?.index).toBe(22);
    expect(recovered.firstIndex).toBe(23);
    expect(plain(await storage.entries(23, 25))).toEqual(plain(entries(23, 24, 5)));
  });

  it("ignores appended entries the snapshot already covers", async () => {
    await storage.append(entries(1, 5, 1));
    await storage.saveSnapshot(snap(5, 1));
    await storage.compact(5);
    await storage.append(entries(3, 7, 1));
    expect(await storage.firstIndex()).toBe(6);
    expect(plain(await storage.entries(6, 8))).toEqual(plain(entries(6, 7, 1)));
    await storage.append(entries(2, 4, 1));
    expect(await storage.lastIndex()).toBe(7);
  });

  it("records the hard state, including a cleared vote", async () => {
    await storage.setHardState({ term: 5, votedFor: 2, commit: 0 });
    await storage.sync();
    await storage.setHardState({ term: 6, votedFor: null, commit: 0 });
    expect(await storage.hardState()).toEqual({ term: 6, votedFor: null, commit: 0 });
    await storage.sync();
    expect((await restart()).recovered.hardState).toEqual({ term: 6, votedFor: null, commit: 0 });
  });

  it("runs calls in the order they were made, even when not awaited", async () => {
    const appended = storage.append(entries(1, 3, 1));
    const truncated = storage.truncateSuffix(3);
    const last = storage.lastIndex();
    const synced = storage.sync();
    await Promise.all([appended, truncated, synced]);
    expect(await last).toBe(2);
  });

  it("refuses calls after close", async () => {
    await storage.close();
    await expectStorageError(storage.lastIndex(), "CLOSED");
    await expectStorageError(storage.append([entry(1, 1)]), "CLOSED");
    storage = (await place.open()).storage;
  });
});
