import { gzipSync } from "node:zlib";
import { type CompressionCodec, compress, decompress } from "@runnel/log";
import fc from "fast-check";
import { compressSync as snappyRaw } from "snappy";
import { describe, expect, it } from "vitest";
import { lz4Compress, lz4Decompress } from "../src/compression/lz4.js";
import { BoundedOutput } from "../src/compression/output.js";
import { xxhash32 } from "../src/compression/xxhash32.js";
import { zstdOutputBound } from "../src/compression/zstd.js";
import * as V from "./fixtures/vectors.js";
import { hex, utf8 } from "./helpers.js";

// The inputs the interop vectors were made from.
const PAYLOAD = new Uint8Array([
  ...utf8("runnel record batch v2 ".repeat(40)),
  ...Array.from({ length: 256 }, (_, i) => i),
]);
const BIG = utf8("0123456789abcdef".repeat(12288));
const MIB = 1024 * 1024;

function expectOk(r: ReturnType<typeof decompress>): Uint8Array {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

describe("interop vectors from reference implementations", () => {
  const cases: [string, CompressionCodec, string, Uint8Array][] = [
    ["gzip (python gzip)", "gzip", V.GZIP, PAYLOAD],
    ["snappy raw block (python-snappy)", "snappy", V.SNAPPY_RAW, PAYLOAD],
    ["snappy xerial framing (kafka-python)", "snappy", V.SNAPPY_XERIAL, PAYLOAD],
    ["lz4 frame, linked blocks, content size", "lz4", V.LZ4_DEFAULT, PAYLOAD],
    ["lz4 frame with block and content checksums", "lz4", V.LZ4_CHECKSUMS, PAYLOAD],
    ["lz4 frame, several linked 64 KiB blocks", "lz4", V.LZ4_LINKED_BIG, BIG],
    ["lz4 frame, several independent 64 KiB blocks", "lz4", V.LZ4_INDEP_BIG, BIG],
    ["zstd with content size and checksum", "zstd", V.ZSTD_FCS, PAYLOAD],
    ["zstd streamed, no content size", "zstd", V.ZSTD_STREAM, PAYLOAD],
    ["zstd, several blocks", "zstd", V.ZSTD_BIG, BIG],
  ];
  for (const [name, codec, vector, expected] of cases) {
    it(`decodes ${name}`, () => {
      expect(expectOk(decompress(codec, hex(vector), 64 * MIB))).toEqual(expected);
    });
  }

  it("the xerial vector really is framed and the raw one is not", () => {
    expect(Buffer.from(hex(V.SNAPPY_XERIAL).subarray(0, 8)).toString("latin1")).toBe("\x82SNAPPY\0");
    expect(hex(V.SNAPPY_RAW)[0]).not.toBe(0x82);
  });
});

describe("what we write", () => {
  it("lz4: a frame with version 1, independent blocks, 64 KiB block size and a correct header checksum", () => {
    const out = lz4Compress(PAYLOAD);
    // Known answer: these bytes were checked to decode with python lz4.frame.
    expect(Buffer.from(out).toString("hex")).toBe(V.OURS_LZ4_PAYLOAD);
    expect(Buffer.from(out.subarray(0, 7)).toString("hex")).toBe("04224d186040" + "82");
    expect((xxhash32(Uint8Array.of(0x60, 0x40)) >>> 8) & 0xff).toBe(0x82);
    expect(Array.from(out.subarray(out.length - 4))).toEqual([0, 0, 0, 0]); // EndMark, no content checksum
    expect(out.length).toBeLessThan(PAYLOAD.length / 3);
  });

  it("lz4: stores incompressible blocks raw", () => {
    const random = new Uint8Array(70_000);
    let x = 2463534242;
    for (let i = 0; i < random.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      random[i] = x & 0xff;
    }
    const out = lz4Compress(random);
    const first = new DataView(out.buffer, out.byteOffset).getUint32(7, true);
    expect(first >>> 31).toBe(1);
    expect(expectOk(lz4Decompress(out, MIB))).toEqual(random);
  });

  it("snappy: xerial framing with version 1, compatible version 1 and 32 KiB blocks", () => {
    const out = compress("snappy", BIG);
    const v = new DataView(out.buffer, out.byteOffset, out.byteLength);
    expect(Buffer.from(out.subarray(0, 8)).toString("latin1")).toBe("\x82SNAPPY\0");
    expect([v.getInt32(8), v.getInt32(12)]).toEqual([1, 1]);
    let pos = 16;
    let blocks = 0;
    while (pos < out.length) {
      pos += 4 + v.getInt32(pos);
      blocks++;
    }
    expect(pos).toBe(out.length);
    expect(blocks).toBe(Math.ceil(BIG.length / 32768));
  });

  it("xxhash32 matches the reference check values", () => {
    expect(xxhash32(new Uint8Array(0))).toBe(0x02cc5d05);
    expect(xxhash32(utf8("a"))).toBe(0x550d7456);
    expect(xxhash32(utf8("abc"))).toBe(0x32d153ff);
    expect(xxhash32(utf8("Nobody inspects the spammish repetition"))).toBe(0xe2293b2f);
  });
});

describe("round trips", () => {
  const codecs: CompressionCodec[] = ["none", "gzip", "snappy", "lz4", "zstd"];
  const data = fc.oneof(
    fc.uint8Array({ maxLength: 3000 }),
    // repetitive input exercises matches, including overlapping ones
    fc
      .tuple(fc.uint8Array({ minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 5000 }))
      .map(([unit, n]) => {
        const out = new Uint8Array(unit.length * n);
        for (let i = 0; i < n; i++) out.set(unit, i * unit.length);
        return out;
      }),
  );
  for (const codec of codecs) {
    it(`${codec}: decompress(compress(x)) = x`, () => {
      fc.assert(
        fc.property(data, (x) => {
          expect(expectOk(decompress(codec, compress(codec, x), 64 * MIB))).toEqual(x);
        }),
        { numRuns: 150 },
      );
    });
  }

  it("lz4 round-trips inputs spanning several blocks", () => {
    const x = new Uint8Array(300_000);
    for (let i = 0; i < x.length; i++) x[i] = ((i * 7) % 251) ^ (i >> 9);
    expect(expectOk(lz4Decompress(lz4Compress(x), MIB))).toEqual(x);
  });
});

describe("decompression bounds", () => {
  const zeros = new Uint8Array(4 * MIB);
  const codecs: CompressionCodec[] = ["gzip", "snappy", "lz4", "zstd"];
  for (const codec of codecs) {
    it(`${codec}: a small input that expands past the bound is DECOMPRESSED_TOO_LARGE`, () => {
      const bomb = compress(codec, zeros);
      expect(bomb.length).toBeLessThan(zeros.length / 20);
      const r = decompress(codec, bomb, MIB);
      expect(r.ok ? "ok" : r.error.code).toBe("DECOMPRESSED_TOO_LARGE");
      // exactly at the bound is fine
      expect(expectOk(decompress(codec, bomb, zeros.length)).length).toBe(zeros.length);
    });
  }

  it("none: more bytes than the bound is DECOMPRESSED_TOO_LARGE", () => {
    const r = decompress("none", new Uint8Array(11), 10);
    expect(r.ok ? "ok" : r.error.code).toBe("DECOMPRESSED_TOO_LARGE");
  });

  it("gzip: a 64 MiB+ bomb is refused under the default-sized bound", () => {
    const bomb = gzipSync(new Uint8Array(65 * MIB));
    const r = decompress("gzip", bomb, 64 * MIB);
    expect(r.ok ? "ok" : r.error.code).toBe("DECOMPRESSED_TOO_LARGE");
  });

  it("zstd: the block walk bounds the output before decoding", () => {
    const bomb = compress("zstd", zeros);
    const bound = zstdOutputBound(bomb);
    expect(bound.ok && bound.value).toBeGreaterThanOrEqual(zeros.length);
    expect(bound.ok && bound.value).toBeLessThanOrEqual(zeros.length + 128 * 1024);
  });

  it("zstd: a frame declaring an enormous content size is refused from its header alone", () => {
    // magic, FHD: FCS 8 bytes + single segment, FCS = 2^62, then one empty raw last block
    const frame = hex("28b52ffd" + "e0" + "0000000000000040" + "010000");
    const r = decompress("zstd", frame, 64 * MIB);
    expect(r.ok ? "ok" : r.error.code).toBe("DECOMPRESSED_TOO_LARGE");
  });

  it("zstd: a window larger than 128 MiB is refused", () => {
    const frame = hex("28b52ffd" + "00" + "98" + "010000"); // window log 10 + 19 = 29
    const r = decompress("zstd", frame, 64 * MIB);
    expect(r.ok ? "ok" : r.error.message).toBe("zstd: window log 29 exceeds 27");
  });

  it("lz4: a frame declaring an enormous content size is refused from its header alone", () => {
    const desc = Uint8Array.of(0x68, 0x40, 0, 0, 0, 0, 0, 0, 0, 0x10); // content size 2^60
    const hc = (xxhash32(desc) >>> 8) & 0xff;
    const frame = new Uint8Array([...hex("04224d18"), ...desc, hc, 0, 0, 0, 0]);
    const r = decompress("lz4", frame, 64 * MIB);
    expect(r.ok ? "ok" : r.error.code).toBe("DECOMPRESSED_TOO_LARGE");
  });

  it("snappy: a block declaring 4 GiB is refused before decoding", () => {
    const r = decompress("snappy", hex("ffffffff0f00"), 64 * MIB);
    expect(r.ok ? "ok" : r.error.code).toBe("DECOMPRESSED_TOO_LARGE");
  });

  it("snappy: xerial blocks are bounded in total, not just each", () => {
    const block = snappyRaw(new Uint8Array(30_000));
    const parts = [hex("82534e415050590000000001000000001".slice(0, 32))];
    for (let i = 0; i < 40; i++) {
      const len = new Uint8Array(4);
      new DataView(len.buffer).setInt32(0, block.length);
      parts.push(len, block);
    }
    const framed = Buffer.concat(parts);
    expect(expectOk(decompress("snappy", framed, 40 * 30_000)).length).toBe(40 * 30_000);
    const r = decompress("snappy", framed, 40 * 30_000 - 1);
    expect(r.ok ? "ok" : r.error.code).toBe("DECOMPRESSED_TOO_LARGE");
  });

  it("the bounded output never grows past its ceiling", () => {
    const out = new BoundedOutput(10, 5000);
    expect(out.reserve(4000)).toBe(true);
    out.len = 4000;
    expect(out.reserve(1000)).toBe(true);
    expect(out.buf.length).toBeLessThanOrEqual(5000);
    expect(out.reserve(1001)).toBe(false);
    expect(out.buf.length).toBeLessThanOrEqual(5000);
  });
});

describe("malformed compressed input", () => {
  const codecs: CompressionCodec[] = ["gzip", "snappy", "lz4", "zstd"];
  for (const codec of codecs) {
    it(`${codec}: random bytes give CORRUPT_MESSAGE or DECOMPRESSED_TOO_LARGE, never a throw`, () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 200 }), (x) => {
          const r = decompress(codec, x, MIB);
          if (!r.ok) expect(["CORRUPT_MESSAGE", "DECOMPRESSED_TOO_LARGE"]).toContain(r.error.code);
        }),
        { numRuns: 300 },
      );
    });

    it(`${codec}: every truncation of a valid payload is an error, never a throw`, () => {
      const good = compress(codec, PAYLOAD);
      for (let n = 0; n < good.length; n++) {
        const r = decompress(codec, good.subarray(0, n), MIB);
        // gzip and zstd treat a cut inside the stream as corrupt; a cut that still parses must not yield the full payload
        if (r.ok) expect(r.value).not.toEqual(PAYLOAD);
        else expect(["CORRUPT_MESSAGE", "DECOMPRESSED_TOO_LARGE"]).toContain(r.error.code);
      }
    });
  }

  it("lz4: a flipped bit inside a checksummed frame is detected", () => {
    const good = hex(V.LZ4_CHECKSUMS);
    let detected = 0;
    for (let i = 4; i < good.length; i++) {
      const bad = good.slice();
      bad[i] = (bad[i] as number) ^ 0x10;
      const r = decompress("lz4", bad, MIB);
      if (!r.ok) detected++;
    }
    expect(detected).toBe(good.length - 4);
  });

  it("lz4: a match reaching before the block start is rejected", () => {
    // independent-block frame: block = token(0x10) literal 'a', then offset 5 (too far), match
    const flg = 0x60;
    const bd = 0x40;
    const hc = (xxhash32(Uint8Array.of(flg, bd)) >>> 8) & 0xff;
    const block = Uint8Array.of(0x10, 0x61, 0x05, 0x00, 0x00);
    const frame = new Uint8Array([
      ...hex("04224d18"),
      flg,
      bd,
      hc,
      block.length,
      0,
      0,
      0,
      ...block,
      0,
      0,
      0,
      0,
    ]);
    const r = lz4Decompress(frame, MIB);
    expect(r.ok ? "ok" : r.error.message).toBe("lz4: invalid match offset 5");
  });
});
