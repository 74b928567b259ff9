import { describe, expect, it } from "vitest";
import {
  applyWatchEvent,
  encodeImage,
  newWatcher,
  planWatch,
  snapshotEvents,
  type WatcherState,
  watcherPosition,
} from "../../src/controller/index.js";
import { Harness } from "./harness.js";

/** A log of 1 + 3 + 8 batches: registrations, heartbeats and eight topics. */
function busy(): Harness {
  const h = new Harness();
  h.addBroker(1, "a");
  h.addBroker(2, "b");
  h.addBroker(3, "c");
  for (let i = 0; i < 8; i++) h.createTopic(`t${i}`, { numPartitions: 4, replicationFactor: 2 });
  return h;
}

function follow(state: WatcherState, events: Parameters<typeof applyWatchEvent>[1][]): WatcherState {
  return events.reduce(applyWatchEvent, state);
}

describe("watch planning", () => {
  it("sends only the deltas from an offset inside the window", () => {
    const h = busy();
    const window = h.log.slice(-5);
    const from = window[2]?.offset ?? -1n;
    const plan = planWatch(from, h.image, window);
    if (plan.kind !== "events") throw new Error(plan.kind);
    expect(plan.snapshot).toBe(false);
    expect(plan.events.map((e) => e.event.case)).toEqual(["deltas", "deltas", "deltas"]);
    expect(plan.events.map((e) => (e.event.case === "deltas" ? e.event.value.offset : -1n))).toEqual([
      from,
      from + 1n,
      from + 2n,
    ]);
    expect(plan.nextOffset).toBe(h.image.lastOffset + 1n);
  });

  it("sends a snapshot when the offset is older than the window, and the watcher then follows the deltas", () => {
    const h = busy();
    const window = h.log.slice(-3);
    const plan = planWatch(0n, h.image, window, 512);
    if (plan.kind !== "events") throw new Error(plan.kind);
    expect(plan.snapshot).toBe(true);
    expect(plan.events.length).toBeGreaterThan(1);
    expect(plan.events.every((e) => e.event.case === "snapshot")).toBe(true);
    const chunks = plan.events.map((e) => (e.event.case === "snapshot" ? e.event.value : undefined));
    expect(chunks.map((c) => c?.last)).toEqual(chunks.map((_, i) => i === chunks.length - 1));
    expect(new Set(chunks.map((c) => c?.endOffset))).toEqual(new Set([h.image.lastOffset + 1n]));

    let watcher = follow(newWatcher(), plan.events);
    expect(watcherPosition(watcher)).toBe(h.image.lastOffset + 1n);
    expect(encodeImage(watcher.image)).toEqual(encodeImage(h.image));

    // Later commits reach the watcher as deltas, from where the snapshot ended.
    const before = h.log.length;
    h.createTopic("later", { numPartitions: 1, replicationFactor: 1 });
    h.commit([]);
    const next = planWatch(watcherPosition(watcher), h.image, h.log.slice(-3));
    if (next.kind !== "events") throw new Error(next.kind);
    expect(next.snapshot).toBe(false);
    expect(next.events).toHaveLength(h.log.length - before);
    watcher = follow(watcher, next.events);
    expect(encodeImage(watcher.image)).toEqual(encodeImage(h.image));
  });

  it("sends a snapshot to a watcher with no image, and nothing to one that is up to date", () => {
    const h = busy();
    const fromScratch = planWatch(0n, h.image, []);
    expect(fromScratch.kind === "events" && fromScratch.snapshot).toBe(true);
    const upToDate = planWatch(h.image.lastOffset + 1n, h.image, h.log.slice(-2));
    expect(upToDate).toEqual({
      kind: "events",
      events: [],
      snapshot: false,
      nextOffset: h.image.lastOffset + 1n,
    });
  });

  it("refuses an offset beyond the committed log", () => {
    const h = busy();
    const plan = planWatch(h.image.lastOffset + 2n, h.image, h.log.slice(-2));
    expect(plan.kind).toBe("out-of-range");
  });

  it("checks the window is contiguous and ends at the image", () => {
    const h = busy();
    expect(() => planWatch(0n, h.image, h.log.slice(-4, -1))).toThrow(/window ends/);
    const gap = [h.log[h.log.length - 3], h.log[h.log.length - 1]].filter((b) => b !== undefined);
    expect(() => planWatch(0n, h.image, gap)).toThrow(/jumps/);
  });

  it("chunks a snapshot by bytes, one record at least per chunk, and an empty image as one empty chunk", () => {
    const h = busy();
    const one = snapshotEvents(h.image, 1);
    const records = one.map((e) => (e.event.case === "snapshot" ? e.event.value.records.length : 0));
    expect(records.every((n) => n === 1)).toBe(true);
    const empty = snapshotEvents(new Harness().image);
    expect(empty).toHaveLength(1);
    expect(empty[0]?.event.case === "snapshot" && empty[0].event.value).toMatchObject({
      last: true,
      records: [],
      endOffset: 0n,
    });
  });
});
