/**
 * Snappy, LZ4 and zstd codecs for kafkajs, which ships only gzip. Built on
 * pure JS / wasm libraries so nothing needs a native build.
 */
import zstd from "@bokuweb/zstd-wasm";
import kafkajs from "kafkajs";
import lz4 from "lz4js";
import xxh32 from "lz4js/xxh32.js";
import snappy from "snappyjs";

interface Encoder {
  buffer: Buffer;
}

interface Codec {
  compress(encoder: Encoder): Promise<Buffer>;
  decompress(buffer: Buffer): Promise<Buffer>;
}

/** xerial snappy-java stream framing, as written by the Java client. */
const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);

const snappyCodec: Codec = {
  // Raw snappy block, as kafkajs-style codecs send it; brokers accept both forms.
  compress: async (encoder) => snappy.compress(encoder.buffer),
  decompress: async (buffer) => {
    if (buffer.length < 16 || !buffer.subarray(0, 8).equals(XERIAL_MAGIC)) return snappy.uncompress(buffer);
    const chunks: Buffer[] = [];
    for (let offset = 16; offset < buffer.length; ) {
      const size = buffer.readInt32BE(offset);
      chunks.push(snappy.uncompress(buffer.subarray(offset + 4, offset + 4 + size)));
      offset += 4 + size;
    }
    return Buffer.concat(chunks);
  },
};

const LZ4_MAGIC = 0x184d2204;
const LZ4_BLOCK_SIZE = 64 * 1024;

/**
 * An LZ4 frame with independent 64 KiB blocks and no checksums besides the
 * header's: the frame flavour Kafka brokers accept (they reject dependent blocks).
 */
function lz4Frame(src: Buffer): Buffer {
  const header = Buffer.alloc(7);
  header.writeUInt32LE(LZ4_MAGIC, 0);
  header[4] = 0x60; // FLG: version 01, block independence
  header[5] = 0x40; // BD: 64 KiB max block size
  header[6] = (xxh32.hash(0, header, 4, 2) >>> 8) & 0xff;
  const parts = [header];
  const scratch = new Uint8Array(lz4.compressBound(LZ4_BLOCK_SIZE));
  for (let offset = 0; offset < src.length; offset += LZ4_BLOCK_SIZE) {
    const block = src.subarray(offset, offset + LZ4_BLOCK_SIZE);
    const size = lz4.compressBlock(block, scratch, 0, block.length, new Uint32Array(1 << 16));
    const length = Buffer.alloc(4);
    if (size === 0 || size >= block.length) {
      length.writeUInt32LE((0x80000000 | block.length) >>> 0);
      parts.push(length, Buffer.from(block));
    } else {
      length.writeUInt32LE(size);
      parts.push(length, Buffer.from(scratch.subarray(0, size)));
    }
  }
  parts.push(Buffer.alloc(4)); // end mark
  return Buffer.concat(parts);
}

const lz4Codec: Codec = {
  compress: async (encoder) => lz4Frame(encoder.buffer),
  decompress: async (buffer) => Buffer.from(lz4.decompress(buffer)),
};

const zstdCodec: Codec = {
  compress: async (encoder) => Buffer.from(zstd.compress(encoder.buffer, 3)),
  decompress: async (buffer) => Buffer.from(zstd.decompress(buffer)),
};

/** Registers the extra codecs with kafkajs. */
export async function registerCodecs(): Promise<void> {
  await zstd.init();
  const { CompressionCodecs, CompressionTypes } = kafkajs;
  CompressionCodecs[CompressionTypes.Snappy] = () => snappyCodec;
  CompressionCodecs[CompressionTypes.LZ4] = () => lz4Codec;
  CompressionCodecs[CompressionTypes.ZSTD] = () => zstdCodec;
}
