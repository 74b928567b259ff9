import { describe, expect, it } from "vitest";
import {
  decodeRequest,
  defaultApiVersionsRequest,
  encodeRequest,
  Reader,
  readApiVersionsRequest,
  TAGGED_FIELD_MAX_BYTES,
  Writer,
} from "../src/index.js";

function bytes(...parts: (number[] | Buffer)[]): Buffer {
  return Buffer.concat(parts.map((p) => (Buffer.isBuffer(p) ? p : Buffer.from(p))));
}

describe("Reader bounds every length by the bytes remaining (CVE-2022-34917 class)", () => {
  it("refuses an array count of INT32_MAX without allocating", () => {
    const r = new Reader(bytes([0x7f, 0xff, 0xff, 0xff, 0, 0, 0, 1]));
    expect(r.arrayLength(4, false)).toBe(0);
    expect(r.error?.code).toBe("INVALID_LENGTH");
  });

  it("refuses a compact array count larger than the bytes left", () => {
    const r = new Reader(bytes([0x80, 0x80, 0x80, 0x80, 0x07]));
    expect(r.compactArrayLength(1, false)).toBe(0);
    expect(r.error?.code).toBe("INVALID_LENGTH");
  });

  it("refuses bytes and string lengths beyond the input", () => {
    const b = new Reader(bytes([0x7f, 0xff, 0xff, 0xff]));
    b.bytes();
    expect(b.error?.code).toBe("INVALID_LENGTH");
    const s = new Reader(bytes([0x00, 0x05, 0x61]));
    s.string();
    expect(s.error?.code).toBe("INVALID_LENGTH");
  });

  it("refuses null where the field cannot be null, and accepts it where it can", () => {
    const r = new Reader(bytes([0xff, 0xff]));
    r.string();
    expect(r.error?.code).toBe("UNEXPECTED_NULL");
    expect(new Reader(bytes([0xff, 0xff])).nullableString()).toBeNull();
    expect(new Reader(bytes([0x00])).compactNullableString()).toBeNull();
  });

  it("refuses a varint longer than 32 bits", () => {
    const r = new Reader(bytes([0xff, 0xff, 0xff, 0xff, 0xff, 0x01]));
    r.uvarint();
    expect(r.error?.code).toBe("INVALID_VARINT");
  });

  it("keeps the first error and reads zeroes after it", () => {
    const r = new Reader(bytes([0x00, 0x01]));
    expect(r.int32()).toBe(0);
    const first = r.error;
    expect(first?.code).toBe("TRUNCATED");
    expect(r.int16()).toBe(0);
    expect(r.string()).toBe("");
    expect(r.error).toBe(first);
  });
});

describe("tagged fields", () => {
  function apiVersionsV3WithTag(tag: number, size: number): Buffer {
    const w = new Writer();
    w.int16(18); // ApiVersions
    w.int16(3);
    w.int32(1);
    w.nullableString("c");
    w.uvarint(0); // header tagged fields
    w.compactString("name");
    w.compactString("1.0");
    w.uvarint(1);
    w.uvarint(tag);
    w.uvarint(size);
    w.raw(Buffer.alloc(size, 0xab));
    return Buffer.from(w.finish());
  }

  it(`accepts a single unknown tagged field of ${TAGGED_FIELD_MAX_BYTES} bytes and keeps it`, () => {
    const frame = apiVersionsV3WithTag(9, TAGGED_FIELD_MAX_BYTES);
    const decoded = decodeRequest(frame);
    if (!decoded.ok) throw new Error(decoded.error.message);
    const body = decoded.value.body as ReturnType<typeof defaultApiVersionsRequest>;
    expect(body._unknownTaggedFields?.[0]?.tag).toBe(9);
    expect(body._unknownTaggedFields?.[0]?.data.byteLength).toBe(TAGGED_FIELD_MAX_BYTES);
    const again = encodeRequest(18, 3, decoded.value.header, body as never);
    expect(again.subarray(4).equals(frame)).toBe(true);
  });

  it("refuses a single tagged field over 128 KiB", () => {
    const decoded = decodeRequest(apiVersionsV3WithTag(9, TAGGED_FIELD_MAX_BYTES + 1));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error.code).toBe("TAGGED_FIELD_TOO_LARGE");
  });

  it("refuses a tagged-field count the input cannot hold", () => {
    const w = new Writer();
    w.compactString("a");
    w.compactString("b");
    w.uvarint(1_000_000);
    const r = new Reader(w.finish());
    readApiVersionsRequest(r, 3);
    expect(r.error?.code).toBe("INVALID_LENGTH");
  });
});

describe("encoding refuses values the version cannot carry", () => {
  it("throws for a non-default field absent from the version", () => {
    const body = { transactionalId: "txn", acks: -1, timeoutMs: 1000, topicData: [] };
    expect(() => encodeRequest(0, 2, { correlationId: 1, clientId: null }, body)).toThrow(
      /transactionalId is not carried by version 2/,
    );
    // Ignorable fields are dropped silently, as in Kafka.
    const apiVersions = { ...defaultApiVersionsRequest(), clientSoftwareName: "x" };
    expect(() => encodeRequest(18, 2, { correlationId: 1, clientId: null }, apiVersions)).not.toThrow();
  });

  it("throws for null where the version has none", () => {
    expect(() =>
      encodeRequest(
        0,
        3,
        { correlationId: 1, clientId: null },
        {
          transactionalId: null,
          acks: 1,
          timeoutMs: 1,
          topicData: [{ name: null as unknown as string, partitionData: [] }],
        },
      ),
    ).toThrow();
  });
});

describe("Writer", () => {
  it("keeps a size-prefixed payload intact when the buffer grows at its end", () => {
    // Regression: a tagged field ending at the buffer's edge lost its payload
    // when writing the size prefix grew the buffer.
    for (let fill = 0; fill < 40; fill++) {
      const w = new Writer(16);
      for (let i = 0; i < fill; i++) w.int8(i);
      const start = w.beginSized();
      w.int16(-1);
      w.endSized(start);
      const out = w.finish();
      expect(out.byteLength).toBe(fill + 3);
      expect(out.subarray(fill).toString("hex")).toBe("02ffff");
    }
  });
});
