/**
 * The leader's re-compression by `compression.type` (Kafka's LogValidator
 * rules) and the codecs' levels.
 */
import {
  compress,
  decodeRecordBatch,
  decompress,
  encodeRecordBatch,
  type RecordBatch,
  recompressBatch,
  targetCompression,
} from "@runnel/log";
import { describe, expect, it } from "vitest";

const enc = new TextEncoder();

function decoded(bytes: Uint8Array): RecordBatch {
  const d = decodeRecordBatch(bytes);
  if (!d.ok) throw new Error(d.error.message);
  return d.value;
}

function produced(compression: "none" | "gzip" | "snappy" | "lz4" | "zstd", offsetDeltas?: number[]) {
  return decoded(
    encodeRecordBatch({
      compression,
      baseTimestamp: 1_700_000_000_000n,
      producerId: 42n,
      producerEpoch: 3,
      baseSequence: 7,
      records: [0, 1, 2].map((i) => ({
        offsetDelta: offsetDeltas?.[i] ?? i,
        timestampDelta: BigInt(i * 10),
        key: enc.encode(`k${i}`),
        value: enc.encode(`value ${i} `.repeat(20)),
        headers: [{ key: "h", value: enc.encode(String(i)) }],
      })),
    }),
  );
}

describe("targetCompression", () => {
  it("producer keeps the batch's codec, uncompressed means none, a codec name is that codec", () => {
    expect(targetCompression("producer", "lz4")).toBe("lz4");
    expect(targetCompression("uncompressed", "gzip")).toBe("none");
    expect(targetCompression("gzip", "none")).toBe("gzip");
    expect(targetCompression("zstd", "snappy")).toBe("zstd");
  });
});

describe("recompressBatch", () => {
  it("stores a batch already in the target codec as received", () => {
    expect(recompressBatch(produced("none"), "none")).toBeNull();
    expect(recompressBatch(produced("gzip"), "gzip", 9)).toBeNull();
  });

  it("re-encodes with the target codec, keeping producer fields, timestamps, keys, values and headers", () => {
    const source = produced("none");
    for (const codec of ["gzip", "snappy", "lz4", "zstd"] as const) {
      const bytes = recompressBatch(source, codec);
      if (bytes === null) throw new Error("expected a rebuilt batch");
      const out = decoded(bytes);
      expect(out.compression).toBe(codec);
      expect(out.producerId).toBe(42n);
      expect(out.producerEpoch).toBe(3);
      expect(out.baseSequence).toBe(7);
      expect(out.lastOffsetDelta).toBe(2);
      expect(out.maxTimestamp).toBe(1_700_000_000_020n);
      expect(out.records.map((r) => out.baseTimestamp + r.timestampDelta)).toEqual(
        source.records.map((r) => source.baseTimestamp + r.timestampDelta),
      );
      expect(out.records.map((r) => [r.key, r.value, r.headers])).toEqual(
        source.records.map((r) => [r.key, r.value, r.headers]),
      );
    }
  });

  it("uncompressed decompresses a compressed batch", () => {
    const bytes = recompressBatch(produced("zstd"), "none");
    expect(bytes).not.toBeNull();
    expect(decoded(bytes as Uint8Array).compression).toBe("none");
  });

  it("rebuilds a compressed batch in its own codec when its offset deltas do not run 0, 1, 2", () => {
    const bytes = recompressBatch(produced("gzip", [0, 2, 4]), "gzip");
    expect(bytes).not.toBeNull();
    expect(decoded(bytes as Uint8Array).records.map((r) => r.offsetDelta)).toEqual([0, 1, 2]);
  });
});

describe("compression levels", () => {
  const data = enc.encode(Array.from({ length: 4000 }, (_, i) => `${i % 97}:${(i * 7919) % 1013};`).join(""));

  it("gzip and zstd honour the level and round-trip at every level Kafka allows", () => {
    const gzip1 = compress("gzip", data, 1);
    const gzip9 = compress("gzip", data, 9);
    expect(gzip9.length).toBeLessThan(gzip1.length);
    for (const level of [-1, 1, 5, 9]) {
      const r = decompress("gzip", compress("gzip", data, level), 1 << 20);
      expect(r.ok && Buffer.compare(r.value, data)).toBe(0);
    }
    const zstdFast = compress("zstd", data, -5);
    const zstdMax = compress("zstd", data, 19);
    expect(zstdMax.length).toBeLessThan(zstdFast.length);
    for (const level of [-131072, -1, 1, 3, 22]) {
      const r = decompress("zstd", compress("zstd", data, level), 1 << 20);
      expect(r.ok && Buffer.compare(r.value, data)).toBe(0);
    }
  });

  it("the batch encoder passes the level to the codec", () => {
    const records = [{ value: data }];
    const fast = encodeRecordBatch({ compression: "gzip", compressionLevel: 1, records });
    const best = encodeRecordBatch({ compression: "gzip", compressionLevel: 9, records });
    expect(best.length).toBeLessThan(fast.length);
    expect(decoded(best).records[0]?.value).toEqual(data);
  });
});
