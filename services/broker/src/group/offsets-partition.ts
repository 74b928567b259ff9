/**
 * How the group coordinator's records travel to and from a `__consumer_offsets`
 * partition log: the records of one coordinator call become one record batch
 * (so they are appended, and lost, together), and loading reads the partition
 * from its start to its end, batch by batch, in log order.
 *
 * Control batches (transaction markers) carry no coordinator state and are
 * skipped. A batch that does not decode is corruption, never a request error:
 * loading stops with an `OffsetsRecordError` rather than rebuilding groups from
 * part of their history.
 */
import { decodeRecordBatch, encodeRecordBatch, type PartitionLog, splitBatches } from "@runnel/log";
import { type OffsetsRecord, OffsetsRecordError } from "./offsets-topic.js";

/** Kafka's `offsets.load.buffer.size`: the most bytes one read asks for while loading. */
export const OFFSETS_LOAD_BUFFER_BYTES_DEFAULT = 5 * 1024 * 1024;

/**
 * One record batch (magic 2, uncompressed, not idempotent) holding `records`
 * in order, stamped with `nowMs`. Offsets and the leader epoch are assigned
 * by the partition log on append.
 */
export function encodeOffsetsBatch(records: readonly OffsetsRecord[], nowMs: number): Uint8Array {
  if (records.length === 0) throw new RangeError("an offsets batch needs at least one record");
  return encodeRecordBatch({
    baseTimestamp: BigInt(nowMs),
    records: records.map((r) => ({ key: r.key, value: r.value })),
  });
}

/** The coordinator records in a region of whole batches (as `PartitionLog.read` returns them), in order. */
export function decodeOffsetsBatches(region: Uint8Array): OffsetsRecord[] {
  const out: OffsetsRecord[] = [];
  for (const slice of splitBatches(region)) {
    if (slice.kind !== "batch") {
      throw new OffsetsRecordError(
        slice.kind === "error"
          ? `__consumer_offsets batch at byte ${slice.position}: ${slice.error.message}`
          : `__consumer_offsets: a partial batch at byte ${slice.position}`,
      );
    }
    const decoded = decodeRecordBatch(slice.bytes);
    if (!decoded.ok) {
      throw new OffsetsRecordError(
        `__consumer_offsets batch at byte ${slice.position}: ${decoded.error.message}`,
      );
    }
    if (decoded.value.isControl) continue;
    for (const r of decoded.value.records) {
      if (r.key === null) {
        throw new OffsetsRecordError(
          `__consumer_offsets record at offset ${decoded.value.baseOffset + BigInt(r.offsetDelta)} has no key`,
        );
      }
      // Copies, so that loaded state does not pin the read buffer.
      out.push({ key: Uint8Array.from(r.key), value: r.value === null ? null : Uint8Array.from(r.value) });
    }
  }
  return out;
}

/**
 * Every coordinator record of the partition, from its log start to the log
 * end as it stands when the read begins, in log order. The caller must keep
 * other writers away until this resolves (the shell does: only the partition's
 * coordinator appends, and it is not serving yet).
 */
export async function readOffsetsPartition(
  log: PartitionLog,
  bufferBytes = OFFSETS_LOAD_BUFFER_BYTES_DEFAULT,
): Promise<OffsetsRecord[]> {
  const end = log.logEndOffset;
  const out: OffsetsRecord[] = [];
  let from = log.logStartOffset;
  while (from < end) {
    const r = await log.read(from, bufferBytes, { maxOffset: end, minOneBatch: true });
    if (r.firstOffset === null || r.nextOffset <= from) break;
    for (const record of decodeOffsetsBatches(r.bytes)) out.push(record);
    from = r.nextOffset;
  }
  return out;
}
