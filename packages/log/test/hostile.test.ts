import { crc32c } from "@node-rs/crc32";
import { decodeRecordBatch, encodeRecordBatch, readBatchHeader } from "@runnel/log";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HAND, KP_lz4 } from "./fixtures/vectors.js";
import { hex, utf8 } from "./helpers.js";

const INT32_MAX = 2 ** 31 - 1;

function code(r: { ok: boolean; error?: { code: string } }): string {
  return r.ok ? "ok" : (r.error?.code ?? "?");
}

/** A header-only batch with `count` records claimed and `body` as its records, CRC stamped. */
function withRecords(body: Uint8Array, count: number, attributes = 0): Uint8Array {
  const bytes = new Uint8Array(61 + body.length);
  const v = new DataView(bytes.buffer);
  v.setInt32(8, 49 + body.length);
  v.setInt8(16, 2);
  v.setInt16(21, attributes);
  v.setInt32(57, count);
  bytes.set(body, 61);
  v.setUint32(17, crc32c(bytes.subarray(21)));
  return bytes;
}

describe("hostile input", () => {
  it("every truncation of a valid batch is CORRUPT_MESSAGE", () => {
    for (const vector of [HAND, KP_lz4]) {
      const good = hex(vector);
      for (let n = 0; n < good.length; n++) {
        const r = decodeRecordBatch(good.subarray(0, n));
        expect(code(r)).toBe("CORRUPT_MESSAGE");
      }
    }
  });

  it("trailing bytes after a batch are CORRUPT_MESSAGE", () => {
    const good = hex(HAND);
    const r = decodeRecordBatch(new Uint8Array([...good, 0]));
    expect(code(r)).toBe("CORRUPT_MESSAGE");
  });

  it("random bytes never throw and only give typed errors", () => {
    const codes = [
      "CORRUPT_MESSAGE",
      "UNSUPPORTED_MAGIC",
      "UNSUPPORTED_COMPRESSION",
      "CRC_MISMATCH",
      "DECOMPRESSED_TOO_LARGE",
    ];
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        const r = decodeRecordBatch(b);
        if (!r.ok) expect(codes).toContain(r.error.code);
        const h = readBatchHeader(b);
        if (!h.ok) expect(codes).toContain(h.error.code);
      }),
      { numRuns: 1000 },
    );
  });

  it("random record bytes behind a valid header and CRC never throw", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.integer({ min: -5, max: 40 }), (body, count) => {
        const r = decodeRecordBatch(withRecords(body, count));
        if (!r.ok) expect(r.error.code).toBe("CORRUPT_MESSAGE");
      }),
      { numRuns: 1000 },
    );
  });

  it("batchLength INT32_MAX over a few bytes is truncation, not an allocation", () => {
    const bytes = hex(HAND);
    new DataView(bytes.buffer).setInt32(8, INT32_MAX);
    const r = decodeRecordBatch(bytes);
    expect(r.ok ? "ok" : r.error.message).toMatch(
      /^truncated batch: header declares 2147483659 bytes, 84 present$/,
    );
  });

  it("negative and too-small batch lengths are CORRUPT_MESSAGE", () => {
    for (const len of [-1, -(2 ** 31), 0, 48]) {
      const bytes = hex(HAND);
      new DataView(bytes.buffer).setInt32(8, len);
      expect(code(decodeRecordBatch(bytes))).toBe("CORRUPT_MESSAGE");
    }
  });

  it("a record count of INT32_MAX is refused before any record is read", () => {
    const r = decodeRecordBatch(withRecords(new Uint8Array(14), INT32_MAX));
    expect(r.ok ? "ok" : r.error.message).toMatch(/^record count 2147483647 cannot fit in 14 bytes/);
    const neg = decodeRecordBatch(withRecords(new Uint8Array(14), -1));
    expect(code(neg)).toBe("CORRUPT_MESSAGE");
  });

  it("a compressed batch claiming more records than the bound allows is refused before decompressing", () => {
    const r = decodeRecordBatch(withRecords(new Uint8Array(20), INT32_MAX, 1));
    expect(code(r)).toBe("DECOMPRESSED_TOO_LARGE");
  });

  it("record, key, value and header lengths at INT32_MAX are CORRUPT_MESSAGE", () => {
    const maxVarint = [0xfe, 0xff, 0xff, 0xff, 0x0f]; // zigzag(INT32_MAX)
    const bodies = [
      [...maxVarint, 0, 0, 0, 1, 1, 0], // record length
      [14, 0, 0, 0, ...maxVarint, 1, 0], // key length
      [14, 0, 0, 0, 1, ...maxVarint, 0], // value length
      [14, 0, 0, 0, 1, 1, ...maxVarint], // header count
      [20, 0, 0, 0, 1, 1, 2, ...maxVarint, 1], // header key length
    ];
    for (const body of bodies) {
      const padded = new Uint8Array(20);
      padded.set(body);
      const r = decodeRecordBatch(withRecords(padded, 1));
      expect(code(r)).toBe("CORRUPT_MESSAGE");
    }
  });

  it("varints longer than 5 bytes and varlongs longer than 10 are CORRUPT_MESSAGE", () => {
    const longVarint = withRecords(Uint8Array.of(0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0, 0, 0, 0), 1);
    expect(decodeRecordBatch(longVarint).ok ? "ok" : "err").toBe("err");
    const r1 = decodeRecordBatch(longVarint);
    expect(r1.ok ? "" : r1.error.message).toMatch(/varint longer than 5 bytes/);
    const longVarlong = Uint8Array.of(16, 0, ...new Array(11).fill(0x80), 0, 0, 1, 1, 0);
    longVarlong[0] = (longVarlong.length - 1) * 2;
    const r2 = decodeRecordBatch(withRecords(longVarlong, 1));
    expect(r2.ok ? "" : r2.error.message).toMatch(/varlong longer than 10 bytes/);
  });

  it("negative key lengths below -1 and negative header counts are CORRUPT_MESSAGE", () => {
    // record length 6: attrs, ts, off, key len zigzag(-2)=3, value null, 0 headers
    expect(code(decodeRecordBatch(withRecords(Uint8Array.of(12, 0, 0, 0, 3, 1, 0), 1)))).toBe(
      "CORRUPT_MESSAGE",
    );
    expect(code(decodeRecordBatch(withRecords(Uint8Array.of(12, 0, 0, 0, 1, 1, 1), 1)))).toBe(
      "CORRUPT_MESSAGE",
    );
    // a negative header key length (-1 is not allowed for keys)
    expect(code(decodeRecordBatch(withRecords(Uint8Array.of(16, 0, 0, 0, 1, 1, 2, 1, 1), 1)))).toBe(
      "CORRUPT_MESSAGE",
    );
  });

  it("a record whose fields end before its declared length is CORRUPT_MESSAGE", () => {
    const r = decodeRecordBatch(withRecords(Uint8Array.of(14, 0, 0, 0, 1, 1, 0, 0), 1));
    expect(r.ok ? "" : r.error.message).toMatch(/declares 7 bytes but its fields end 1 early/);
  });

  it("fewer records than the count says, or more bytes than the records use, is CORRUPT_MESSAGE", () => {
    const one = Uint8Array.of(12, 0, 0, 0, 1, 1, 0);
    expect(code(decodeRecordBatch(withRecords(one, 1)))).toBe("ok");
    expect(code(decodeRecordBatch(withRecords(new Uint8Array([...one, ...one]), 1)))).toBe("CORRUPT_MESSAGE");
    expect(code(decodeRecordBatch(withRecords(new Uint8Array([...one, 0, 0, 0, 0, 0, 0, 0]), 2)))).toBe(
      "CORRUPT_MESSAGE",
    );
  });

  it("legacy magic 0 and 1 are refused with a message naming the legacy format", () => {
    for (const magic of [0, 1]) {
      const bytes = hex(HAND);
      bytes[16] = magic;
      const r = decodeRecordBatch(bytes);
      expect(r.ok ? null : r.error).toMatchObject({
        code: "UNSUPPORTED_MAGIC",
        message: expect.stringContaining(`legacy message format (magic ${magic}) is not supported`),
        offset: 16,
      });
    }
    const bytes = hex(HAND);
    bytes[16] = 3;
    const r = decodeRecordBatch(bytes);
    expect(r.ok ? "" : r.error.message).toMatch(/unknown message format magic 3/);
  });

  it("unknown compression ids are UNSUPPORTED_COMPRESSION", () => {
    for (const id of [5, 6, 7]) {
      expect(code(decodeRecordBatch(withRecords(new Uint8Array(0), 0, id)))).toBe("UNSUPPORTED_COMPRESSION");
    }
  });

  it("a compressed batch whose payload is garbage is CORRUPT_MESSAGE", () => {
    for (const id of [1, 2, 3, 4]) {
      const r = decodeRecordBatch(withRecords(utf8("definitely not compressed"), 1, id));
      expect(code(r)).toBe("CORRUPT_MESSAGE");
    }
  });

  it("a compressed bomb inside a batch is DECOMPRESSED_TOO_LARGE under the configured bound", () => {
    for (const compression of ["gzip", "snappy", "lz4", "zstd"] as const) {
      const bytes = encodeRecordBatch({ compression, records: [{ value: new Uint8Array(2 * 1024 * 1024) }] });
      expect(bytes.length).toBeLessThan(200_000);
      const r = decodeRecordBatch(bytes, { maxDecompressedBytes: 1024 * 1024 });
      expect(code(r)).toBe("DECOMPRESSED_TOO_LARGE");
      expect(code(decodeRecordBatch(bytes))).toBe("ok");
    }
  });

  it("verifyCrc: false skips only the CRC check", () => {
    const bytes = hex(HAND);
    bytes[17] = (bytes[17] as number) ^ 1;
    expect(code(decodeRecordBatch(bytes))).toBe("CRC_MISMATCH");
    expect(code(decodeRecordBatch(bytes, { verifyCrc: false }))).toBe("ok");
  });
});
