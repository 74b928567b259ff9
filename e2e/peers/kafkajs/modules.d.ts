// Minimal typings for the pure-JS compression libraries the kafkajs driver plugs in.

declare module "snappyjs" {
  const snappy: {
    compress(input: Buffer): Buffer;
    uncompress(input: Buffer): Buffer;
  };
  export default snappy;
}

declare module "lz4js" {
  const lz4: {
    decompress(input: Uint8Array): Uint8Array;
    compressBound(length: number): number;
    /** Compresses src[sIndex, sIndex+sLength) into dst; returns the compressed size, 0 if incompressible. */
    compressBlock(
      src: Uint8Array,
      dst: Uint8Array,
      sIndex: number,
      sLength: number,
      hashTable: Uint32Array,
    ): number;
  };
  export default lz4;
}

declare module "lz4js/xxh32.js" {
  const xxh32: { hash(seed: number, src: Uint8Array, index: number, length: number): number };
  export default xxh32;
}
