/**
 * The metadata log's state machine: committed Raft entries into the metadata
 * image (the controller's backend), snapshots of the image, a window of recent
 * batches, and the watch streams that follow it.
 *
 * Metadata offsets count committed batches (0, 1, 2, ...): Raft's own entries
 * (leader changes, membership changes) take log indexes but no offset, so
 * watchers see a gapless sequence. Every voter applies the same entries in the
 * same order, so every voter computes the same offsets.
 */
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import type { Entry, Snapshot } from "@runnel/raft";
import { type MetadataBatch, MetadataBatchSchema, type MetadataRecord, type WatchEvent } from "@runnel/rpc";
import {
  apply,
  type CommittedBatch,
  decodeImage,
  deltaEvent,
  emptyImage,
  encodeImage,
  type MetadataImage,
  nextOffsetOf,
  planWatch,
  type WatchPlan,
} from "./controller/index.js";
import type { StateMachine } from "./raft/driver.js";

/** Recent batches kept for watchers that are slightly behind; further behind gets a snapshot. */
export const WATCH_WINDOW_BATCHES = 4096;
/** Events queued for one watcher before it is cut off to resubscribe (and get a snapshot). */
export const WATCHER_QUEUE_MAX = 8192;

export interface Watcher {
  push(event: WatchEvent): boolean;
}

export function encodeBatch(records: readonly MetadataRecord[]): Uint8Array {
  return toBinary(MetadataBatchSchema, create(MetadataBatchSchema, { records: [...records] }));
}

/** Snapshot data: the image's last offset (int64) and epoch (int32), then the image as records. */
function encodeSnapshot(image: MetadataImage): Uint8Array {
  const body = encodeImage(image);
  const out = new Uint8Array(12 + body.byteLength);
  const view = new DataView(out.buffer);
  view.setBigInt64(0, image.lastOffset);
  view.setInt32(8, image.lastEpoch);
  out.set(body, 12);
  return out;
}

function decodeSnapshot(data: Uint8Array): MetadataImage {
  if (data.byteLength === 0) return emptyImage();
  if (data.byteLength < 12) throw new Error(`metadata snapshot of ${data.byteLength} bytes is too short`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return decodeImage(data.subarray(12), view.getBigInt64(0), view.getInt32(8));
}

export class MetadataStateMachine implements StateMachine {
  private current: MetadataImage = emptyImage();
  private window: CommittedBatch[] = [];
  private readonly watchers = new Set<Watcher>();
  private readonly listeners = new Set<(image: MetadataImage, offset: bigint) => void>();
  /** Raft log index of the last applied entry. */
  appliedIndex = 0;

  get image(): MetadataImage {
    return this.current;
  }

  apply(entry: Entry): void {
    this.appliedIndex = entry.index;
    if (entry.type !== "normal") return;
    const batch: MetadataBatch = fromBinary(MetadataBatchSchema, entry.data);
    const offset = nextOffsetOf(this.current);
    this.current = apply(this.current, batch, offset, entry.term);
    this.window.push({ offset, epoch: entry.term, batch });
    if (this.window.length > WATCH_WINDOW_BATCHES)
      this.window.splice(0, this.window.length - WATCH_WINDOW_BATCHES);
    const event = deltaEvent(offset, entry.term, batch);
    for (const w of this.watchers) if (!w.push(event)) this.watchers.delete(w);
    for (const l of this.listeners) l(this.current, offset);
  }

  restore(snapshot: Snapshot): void {
    this.current = decodeSnapshot(snapshot.data);
    this.appliedIndex = snapshot.index;
    // The window must end at the image: start it afresh. Watchers resubscribe from their offset.
    this.window = [];
    for (const w of this.watchers) w.push(RESUBSCRIBE);
    this.watchers.clear();
  }

  snapshotData(): Uint8Array {
    return encodeSnapshot(this.current);
  }

  /**
   * Starts a watch: what to send first, and (atomically with it) the watcher
   * that then receives every later commit.
   */
  watch(fromOffset: bigint, watcher: Watcher): WatchPlan {
    const plan = planWatch(fromOffset, this.current, this.window);
    if (plan.kind === "events") this.watchers.add(watcher);
    return plan;
  }

  unwatch(watcher: Watcher): void {
    this.watchers.delete(watcher);
  }

  /** Calls `listener` after each applied batch; returns the unsubscribe function. */
  onApply(listener: (image: MetadataImage, offset: bigint) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Pushed to watchers when the image was replaced by a snapshot: their stream must restart. */
export const RESUBSCRIBE: WatchEvent = {
  $typeName: "runnel.v1.WatchEvent",
  event: { case: undefined },
} as WatchEvent;
