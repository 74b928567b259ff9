/**
 * Property: the disk engine behaves exactly like the in-memory engine over random sequences of
 * appends (with conflicting suffixes), truncations, hard states, snapshots (including installs
 * beyond the log), compactions, syncs and restarts after a sync. Small segments make rolling and
 * whole-file deletion frequent. PROPERTY_RUNS sets the number of sequences.
 */
import { rm } from "node:fs/promises";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type LogEntry,
  MemoryVolume,
  openDiskStorage,
  openMemoryStorage,
  type RaftStorage,
} from "../../src/storage/index.js";
import { plain, tempDir } from "./engines.js";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 100);
const SEGMENT_BYTES = 160;

type Intent =
  | { kind: "append"; count: number; back: number; termBump: number; bytes: number; type: number }
  | { kind: "truncate"; back: number }
  | { kind: "hardState"; termBump: number; vote: number | null; commitStep: number }
  | { kind: "snapshot"; back: number }
  | { kind: "install"; ahead: number; termBump: number }
  | { kind: "compact"; back: number }
  | { kind: "sync" }
  | { kind: "restart" };

const intent: fc.Arbitrary<Intent> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("append" as const),
      count: fc.integer({ min: 1, max: 6 }),
      back: fc.integer({ min: 0, max: 4 }),
      termBump: fc.integer({ min: 0, max: 1 }),
      bytes: fc.integer({ min: 0, max: 60 }),
      type: fc.integer({ min: 0, max: 0xffff }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("truncate" as const), back: fc.integer({ min: 0, max: 4 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("hardState" as const),
      termBump: fc.integer({ min: 0, max: 1 }),
      vote: fc.option(fc.integer({ min: 0, max: 4 })),
      commitStep: fc.integer({ min: 0, max: 8 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("snapshot" as const), back: fc.integer({ min: 0, max: 5 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("install" as const),
      ahead: fc.integer({ min: 0, max: 5 }),
      termBump: fc.integer({ min: 0, max: 2 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("compact" as const), back: fc.integer({ min: 0, max: 2 }) }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: "sync" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "restart" as const }) },
);

/** Data derived from position and term, so a stale or misplaced entry never compares equal. */
function makeEntry(index: number, term: number, bytes: number, type: number): LogEntry {
  const data = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) data[i] = (index + term * 13 + i * 7) & 0xff;
  return { index, term, type, data };
}

async function observe(storage: RaftStorage): Promise<unknown> {
  const first = await storage.firstIndex();
  const last = await storage.lastIndex();
  const snapshot = await storage.snapshot();
  return {
    first,
    last,
    boundaryTerm: await storage.term(first - 1),
    hardState: await storage.hardState(),
    snapshot: snapshot && {
      index: snapshot.index,
      term: snapshot.term,
      config: [...snapshot.config],
      data: [...snapshot.data],
    },
    entries: plain(await storage.entries(first, last + 1)),
  };
}

/** Turns an intent into a valid operation against the current state, and applies it to both engines. */
async function apply(step: Intent, model: RaftStorage, disk: RaftStorage): Promise<void> {
  const first = await model.firstIndex();
  const last = await model.lastIndex();
  const hardState = await model.hardState();
  const snapshotIndex = (await model.snapshot())?.index ?? 0;
  // Raft never rewrites what is committed or covered by a snapshot.
  const fixed = Math.max(first - 1, snapshotIndex, hardState.commit);
  const both = async (op: (s: RaftStorage) => Promise<void>): Promise<void> => {
    await op(model);
    await op(disk);
  };
  switch (step.kind) {
    case "append": {
      const start = Math.max(fixed + 1, last + 1 - step.back);
      // Terms start at 1, as in Raft, so a lost term shows as 0.
      const term = Math.max(1, (await model.term(start - 1)) + step.termBump);
      const batch: LogEntry[] = [];
      for (let i = 0; i < step.count; i++) batch.push(makeEntry(start + i, term, step.bytes, step.type));
      await both((s) => s.append(batch));
      return;
    }
    case "truncate":
      await both((s) => s.truncateSuffix(Math.max(fixed + 1, last + 1 - step.back)));
      return;
    case "hardState": {
      const commit = Math.min(last, hardState.commit + step.commitStep);
      const next = { term: hardState.term + step.termBump, votedFor: step.vote, commit };
      await both((s) => s.setHardState(next));
      return;
    }
    case "snapshot": {
      const index = last - step.back;
      if (index <= snapshotIndex || index < first) return;
      const term = await model.term(index);
      const snapshot = {
        index,
        term,
        config: new Uint8Array([index & 0xff]),
        data: makeEntry(index, term, 20, 0).data,
      };
      await both((s) => s.saveSnapshot(snapshot));
      return;
    }
    case "install": {
      const index = Math.max(snapshotIndex + 1, last + step.ahead);
      const term = (await model.term(last)) + step.termBump;
      const snapshot = {
        index,
        term,
        config: new Uint8Array([1, 2]),
        data: makeEntry(index, term, 5, 0).data,
      };
      await both((s) => s.saveSnapshot(snapshot));
      return;
    }
    case "compact": {
      const upTo = Math.min(snapshotIndex, last) - step.back;
      if (upTo < first) return;
      await both((s) => s.compact(upTo));
      return;
    }
    case "sync":
      await both((s) => s.sync());
      return;
    case "restart":
      // Handled by the caller, which owns the handles.
      return;
  }
}

describe("disk engine equivalence with the in-memory engine", () => {
  it("agrees after every operation and across restarts", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(intent, { minLength: 1, maxLength: 60 }), async (steps) => {
        const dir = await tempDir();
        const volume = new MemoryVolume();
        let model = (await openMemoryStorage(volume)).storage;
        let disk = (await openDiskStorage(dir, { segmentBytes: SEGMENT_BYTES })).storage;
        try {
          for (const step of steps) {
            if (step.kind === "restart") {
              await model.sync();
              await disk.sync();
              await disk.close();
              const reopenedModel = await openMemoryStorage(volume);
              const reopenedDisk = await openDiskStorage(dir, { segmentBytes: SEGMENT_BYTES });
              model = reopenedModel.storage;
              disk = reopenedDisk.storage;
              expect(reopenedDisk.recovered.notes).toEqual([]);
              const { notes: _, ...recovered } = reopenedDisk.recovered;
              const { notes: __, ...expected } = reopenedModel.recovered;
              expect(recovered).toEqual(expected);
            } else {
              await apply(step, model, disk);
            }
            expect(await observe(disk)).toEqual(await observe(model));
          }
        } finally {
          await disk.close();
          await rm(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: RUNS },
    );
  });
});
