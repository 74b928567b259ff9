import { fail, type Result } from "../errors.js";
import { gzipCompress, gzipDecompress } from "./gzip.js";
import { lz4Compress, lz4Decompress } from "./lz4.js";
import { snappyCompress, snappyDecompress } from "./snappy.js";
import { zstdCompress, zstdDecompress } from "./zstd.js";

/** The codecs of record batch v2, by name. Their wire ids are the array index in `COMPRESSION_CODECS`. */
export type CompressionCodec = "none" | "gzip" | "snappy" | "lz4" | "zstd";

/** Codec names by their id in the batch attributes (bits 0-2). */
export const COMPRESSION_CODECS: readonly CompressionCodec[] = ["none", "gzip", "snappy", "lz4", "zstd"];

export function compressionId(codec: CompressionCodec): number {
  return COMPRESSION_CODECS.indexOf(codec);
}

/**
 * Compresses `data` with `codec` as Kafka clients expect to find it in a
 * batch. `level` applies to gzip (1-9, -1 the default) and zstd (-131072 to
 * 22, default 3); snappy has no levels, and this lz4 encoder has one (the
 * fast one), so they ignore it.
 */
export function compress(codec: CompressionCodec, data: Uint8Array, level?: number): Uint8Array {
  switch (codec) {
    case "none":
      return data;
    case "gzip":
      return gzipCompress(data, level);
    case "snappy":
      return snappyCompress(data);
    case "lz4":
      return lz4Compress(data);
    case "zstd":
      return zstdCompress(data, level);
  }
}

/**
 * Decompresses `data`; output larger than `maxBytes` is DECOMPRESSED_TOO_LARGE
 * and is refused without being held in memory; malformed input is CORRUPT_MESSAGE.
 */
export function decompress(codec: CompressionCodec, data: Uint8Array, maxBytes: number): Result<Uint8Array> {
  const r = decompressAny(codec, data, maxBytes);
  // Native codecs hand back Buffers; callers always get plain Uint8Array views (no copy).
  return r.ok && Buffer.isBuffer(r.value)
    ? { ok: true, value: new Uint8Array(r.value.buffer, r.value.byteOffset, r.value.byteLength) }
    : r;
}

function decompressAny(codec: CompressionCodec, data: Uint8Array, maxBytes: number): Result<Uint8Array> {
  switch (codec) {
    case "none":
      return data.length > maxBytes
        ? fail("DECOMPRESSED_TOO_LARGE", `${data.length} bytes exceed the ${maxBytes}-byte bound`)
        : { ok: true, value: data };
    case "gzip":
      return gzipDecompress(data, maxBytes);
    case "snappy":
      return snappyDecompress(data, maxBytes);
    case "lz4":
      return lz4Decompress(data, maxBytes);
    case "zstd":
      return zstdDecompress(data, maxBytes);
  }
}
