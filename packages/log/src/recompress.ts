/**
 * The leader's re-compression of a produced batch, by the topic's
 * `compression.type`, as Kafka's LogValidator does it for record batch v2:
 *
 * - The target codec is the topic's `compression.type`, except that
 *   `producer` keeps the batch's own codec and `uncompressed` means none.
 * - A batch already in the target codec is stored as received (its level
 *   is not checked: Kafka does not recompress for a level), unless it is
 *   compressed and its records' offset deltas do not run 0, 1, 2, ... (old
 *   clients got them wrong; Kafka rebuilds those rather than refusing them).
 * - Otherwise the records are re-encoded into one new batch with the target
 *   codec at the topic's level for it: offsets deltas 0..n-1, the same
 *   producer id, epoch, base sequence and transactional flag, the same
 *   timestamp type, each record's timestamp, key, value and headers kept
 *   (the base timestamp becomes the first record's, as Kafka's builder
 *   does). Offsets and the leader epoch are left to the log's append.
 */
import { encodeRecordBatch, type RecordBatch } from "./batch.js";
import type { CompressionCodec } from "./compression/index.js";

/** A topic's `compression.type` values. */
export type TopicCompressionType = "producer" | "uncompressed" | "gzip" | "snappy" | "lz4" | "zstd";

/** The codec a batch sent with `source` is stored with under `topic`. */
export function targetCompression(topic: TopicCompressionType, source: CompressionCodec): CompressionCodec {
  if (topic === "producer") return source;
  if (topic === "uncompressed") return "none";
  return topic;
}

/**
 * The batch re-encoded with `codec` if Kafka's leader would rebuild it, or
 * null when it is stored as received. `batch` is the decoded produced batch;
 * `level` the topic's level for `codec` (ignored where the codec has none).
 */
export function recompressBatch(
  batch: RecordBatch,
  codec: CompressionCodec,
  level?: number,
): Uint8Array | null {
  if (batch.isControl) return null;
  if (batch.compression === codec) {
    if (codec === "none") return null;
    if (batch.records.every((r, i) => r.offsetDelta === i)) return null;
  }
  const logAppendTime = batch.timestampType === "log-append-time";
  const timestamps = batch.records.map((r) =>
    logAppendTime ? batch.maxTimestamp : batch.baseTimestamp + r.timestampDelta,
  );
  const baseTimestamp = timestamps[0] ?? batch.baseTimestamp;
  let maxTimestamp = -1n;
  for (const t of timestamps) if (t > maxTimestamp) maxTimestamp = t;
  return encodeRecordBatch({
    baseOffset: 0n,
    partitionLeaderEpoch: batch.partitionLeaderEpoch,
    compression: codec,
    ...(level === undefined ? {} : { compressionLevel: level }),
    timestampType: batch.timestampType,
    isTransactional: batch.isTransactional,
    producerId: batch.producerId,
    producerEpoch: batch.producerEpoch,
    baseSequence: batch.baseSequence,
    baseTimestamp,
    maxTimestamp: logAppendTime
      ? batch.maxTimestamp
      : batch.records.length === 0
        ? baseTimestamp
        : maxTimestamp,
    lastOffsetDelta: Math.max(0, batch.records.length - 1),
    records: batch.records.map((r, i) => ({
      attributes: r.attributes,
      timestampDelta: logAppendTime ? 0n : (timestamps[i] as bigint) - baseTimestamp,
      offsetDelta: i,
      key: r.key,
      value: r.value,
      headers: r.headers,
    })),
  });
}
