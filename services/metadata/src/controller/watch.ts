/**
 * The watch planner: what a watcher that asks for the log from `fromOffset` is sent first.
 *
 * The shell keeps the committed image and a bounded window of the most recent committed
 * batches (with their offsets and epochs). A watcher whose position is inside the window gets
 * the batches from its position on; one that is further behind (or starts from nothing) gets
 * the image as a snapshot, in chunks, and continues from the snapshot's end offset. After
 * that first step the shell sends each newly committed batch (`deltaEvent`) as it commits.
 *
 * Offsets here are the metadata log's offsets; `fromOffset` is the next offset the watcher
 * needs, and the image's next offset is its last applied offset + 1.
 */
import { create, toBinary } from "@bufbuild/protobuf";
import {
  type MetadataBatch,
  type MetadataRecord,
  MetadataRecordSchema,
  type WatchEvent,
  WatchEventSchema,
} from "@runnel/rpc";
import { apply } from "./backend.js";
import { invariant } from "./errors.js";
import { emptyImage, type MetadataImage, nextOffsetOf } from "./image.js";
import { imageFromRecords, imageToRecords } from "./snapshot.js";

/** One committed batch of the recent-batches window. */
export interface CommittedBatch {
  readonly offset: bigint;
  readonly epoch: number;
  readonly batch: MetadataBatch | readonly MetadataRecord[];
}

/** Bytes of records per snapshot chunk, at most (a chunk holds at least one record). */
export const SNAPSHOT_CHUNK_BYTES_MAX = 1 << 20;

export type WatchPlan =
  /** Send these events (possibly none: the watcher is up to date), then follow new commits. */
  | {
      readonly kind: "events";
      readonly events: WatchEvent[];
      readonly snapshot: boolean;
      readonly nextOffset: bigint;
    }
  /** The watcher is ahead of the committed log: fail the call with OUT_OF_RANGE. */
  | { readonly kind: "out-of-range"; readonly message: string };

/**
 * Plans the start of a watch. `window` holds the latest committed batches in offset order,
 * without gaps, ending at the image's last applied offset (it may be empty).
 */
export function planWatch(
  fromOffset: bigint,
  image: MetadataImage,
  window: readonly CommittedBatch[],
  chunkBytesMax = SNAPSHOT_CHUNK_BYTES_MAX,
): WatchPlan {
  const end = nextOffsetOf(image);
  checkWindow(window, end);
  if (fromOffset > end) {
    return {
      kind: "out-of-range",
      message: `Offset ${fromOffset} is beyond the committed metadata log, which ends at ${end}; start again from 0.`,
    };
  }
  if (fromOffset === end) return { kind: "events", events: [], snapshot: false, nextOffset: end };
  const first = window[0];
  if (fromOffset >= 0n && first !== undefined && fromOffset >= first.offset) {
    const events = window
      .filter((b) => b.offset >= fromOffset)
      .map((b) => deltaEvent(b.offset, b.epoch, b.batch));
    return { kind: "events", events, snapshot: false, nextOffset: end };
  }
  return { kind: "events", events: snapshotEvents(image, chunkBytesMax), snapshot: true, nextOffset: end };
}

function checkWindow(window: readonly CommittedBatch[], end: bigint): void {
  for (let i = 1; i < window.length; i++) {
    const prev = window[i - 1] as CommittedBatch;
    const cur = window[i] as CommittedBatch;
    invariant(
      cur.offset === prev.offset + 1n,
      () => `the watch window jumps from ${prev.offset} to ${cur.offset}`,
    );
  }
  const last = window[window.length - 1];
  invariant(
    last === undefined || last.offset === end - 1n,
    () => `the watch window ends at ${last?.offset}, but the image at ${end - 1n}`,
  );
}

/** The WatchEvent of one committed batch. */
export function deltaEvent(
  offset: bigint,
  epoch: number,
  batch: MetadataBatch | readonly MetadataRecord[],
): WatchEvent {
  const records = "records" in batch ? batch.records : [...batch];
  return create(WatchEventSchema, { event: { case: "deltas", value: { offset, epoch, records } } });
}

/** The image as snapshot chunks of at most `chunkBytesMax` record bytes; the last is flagged. */
export function snapshotEvents(image: MetadataImage, chunkBytesMax = SNAPSHOT_CHUNK_BYTES_MAX): WatchEvent[] {
  invariant(chunkBytesMax > 0, () => `chunk size ${chunkBytesMax} is not positive`);
  const endOffset = nextOffsetOf(image);
  const chunks: MetadataRecord[][] = [[]];
  let bytes = 0;
  for (const record of imageToRecords(image)) {
    const size = toBinary(MetadataRecordSchema, record).length;
    const current = chunks[chunks.length - 1] as MetadataRecord[];
    if (current.length > 0 && bytes + size > chunkBytesMax) {
      chunks.push([record]);
      bytes = size;
    } else {
      current.push(record);
      bytes += size;
    }
  }
  return chunks.map((records, i) =>
    create(WatchEventSchema, {
      event: {
        case: "snapshot",
        value: { endOffset, epoch: image.lastEpoch, records, last: i === chunks.length - 1 },
      },
    }),
  );
}

/**
 * A watcher's side of the stream: its image, rebuilt from the events it receives. Brokers and
 * tests share it so the protocol has one client implementation.
 */
export interface WatcherState {
  readonly image: MetadataImage;
  /** A snapshot being received: its end offset, epoch and the records of its chunks so far. */
  readonly pending: { readonly endOffset: bigint; readonly records: MetadataRecord[] } | undefined;
}

export function newWatcher(): WatcherState {
  return { image: emptyImage(), pending: undefined };
}

/** The watcher's next `from_offset`. */
export function watcherPosition(state: WatcherState): bigint {
  return nextOffsetOf(state.image);
}

/**
 * Applies one event. A snapshot chunk with a new end offset starts a new snapshot; the last
 * chunk replaces the image. A delta must continue the image without a gap.
 */
export function applyWatchEvent(state: WatcherState, event: WatchEvent): WatcherState {
  const e = event.event;
  if (e.case === "snapshot") {
    const chunk = e.value;
    const records =
      state.pending !== undefined && state.pending.endOffset === chunk.endOffset
        ? [...state.pending.records, ...chunk.records]
        : [...chunk.records];
    if (!chunk.last) return { image: state.image, pending: { endOffset: chunk.endOffset, records } };
    return { image: imageFromRecords(records, chunk.endOffset - 1n, chunk.epoch), pending: undefined };
  }
  if (e.case === "deltas") {
    invariant(state.pending === undefined, () => "a delta arrived in the middle of a snapshot");
    const expected = nextOffsetOf(state.image);
    invariant(e.value.offset === expected, () => `delta at offset ${e.value.offset}, expected ${expected}`);
    return { image: apply(state.image, e.value.records, e.value.offset, e.value.epoch), pending: undefined };
  }
  return state;
}
