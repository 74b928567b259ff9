import { describe, expect, it } from "vitest";
import {
  DEFAULT_MAX_FRAME_BYTES,
  DEFAULT_MAX_PRE_AUTH_FRAME_BYTES,
  defaultFetchResponse,
  defaultFetchResponsePartitionData,
  defaultMetadataRequest,
  encodeRequest,
  encodeResponse,
  encodeResponseChunks,
  FrameReader,
  peekRequestHeader,
  ZERO_COPY_MIN_BYTES,
} from "../src/index.js";

function frameOf(payload: Buffer): Buffer {
  const b = Buffer.alloc(4 + payload.byteLength);
  b.writeInt32BE(payload.byteLength, 0);
  payload.copy(b, 4);
  return b;
}

function drain(r: FrameReader): Buffer[] {
  const out: Buffer[] = [];
  for (let f = r.next(); f !== null; f = r.next()) {
    if (!f.ok) throw new Error(f.error.message);
    out.push(f.frame);
  }
  return out;
}

describe("FrameReader", () => {
  it("splits several frames delivered in one chunk", () => {
    const r = new FrameReader();
    r.push(
      Buffer.concat([frameOf(Buffer.from("abc")), frameOf(Buffer.from("")), frameOf(Buffer.from("defg"))]),
    );
    expect(drain(r).map((f) => f.toString())).toEqual(["abc", "", "defg"]);
    expect(r.bufferedBytes).toBe(0);
  });

  it("reassembles a frame delivered one byte at a time, size prefix included", () => {
    const r = new FrameReader();
    const wire = Buffer.concat([frameOf(Buffer.from("hello world")), frameOf(Buffer.from("x"))]);
    const frames: string[] = [];
    for (const byte of wire) {
      r.push(Buffer.from([byte]));
      frames.push(...drain(r).map((f) => f.toString()));
    }
    expect(frames).toEqual(["hello world", "x"]);
  });

  it("hands out a frame inside one chunk as a view, without copying", () => {
    const r = new FrameReader();
    const wire = frameOf(Buffer.from("zero-copy"));
    r.push(wire);
    const [frame] = drain(r);
    expect(frame?.buffer).toBe(wire.buffer);
  });

  it("refuses a pre-authentication frame over 512 KiB, before its bytes arrive", () => {
    const r = new FrameReader();
    const head = Buffer.alloc(4);
    head.writeInt32BE(DEFAULT_MAX_PRE_AUTH_FRAME_BYTES + 1, 0);
    r.push(head);
    const result = r.next();
    expect(result?.ok).toBe(false);
    if (result !== null && !result.ok) expect(result.error.code).toBe("FRAME_TOO_LARGE");
    // The error is sticky: nothing more is read from this connection.
    r.push(frameOf(Buffer.from("later")));
    expect(r.next()?.ok).toBe(false);
  });

  it("accepts the same frame once authenticated, up to the 100 MiB cap", () => {
    const r = new FrameReader({}, true);
    const size = DEFAULT_MAX_PRE_AUTH_FRAME_BYTES + 1;
    r.push(frameOf(Buffer.alloc(size, 1)));
    const [frame] = drain(r);
    expect(frame?.byteLength).toBe(size);
    const over = new FrameReader({}, true);
    const head = Buffer.alloc(4);
    head.writeInt32BE(DEFAULT_MAX_FRAME_BYTES + 1, 0);
    over.push(head);
    const result = over.next();
    expect(result !== null && !result.ok && result.error.code).toBe("FRAME_TOO_LARGE");
  });

  it("takes configurable caps, and refuses negative sizes", () => {
    const r = new FrameReader({ maxFrameBytes: 10, maxPreAuthFrameBytes: 5 });
    r.push(frameOf(Buffer.alloc(6)));
    expect(r.next()?.ok).toBe(false);
    const n = new FrameReader();
    n.push(Buffer.from([0xff, 0xff, 0xff, 0xfe]));
    const result = n.next();
    expect(result !== null && !result.ok && result.error.code).toBe("INVALID_FRAME");
  });

  it("holds only the bytes received for a huge announced frame", () => {
    const r = new FrameReader({}, true);
    const head = Buffer.alloc(4);
    head.writeInt32BE(DEFAULT_MAX_FRAME_BYTES, 0);
    r.push(head);
    r.push(Buffer.alloc(10));
    expect(r.next()).toBeNull();
    expect(r.bufferedBytes).toBe(14);
  });
});

describe("peekRequestHeader", () => {
  it("reads key, version, correlation id and client id without the body", () => {
    for (const version of [0, 9, 12]) {
      const frame = encodeRequest(
        3,
        version,
        { correlationId: 99, clientId: "kcat" },
        defaultMetadataRequest(),
      );
      const peek = peekRequestHeader(frame.subarray(4));
      expect(peek).toEqual({
        ok: true,
        value: { apiKey: 3, apiVersion: version, correlationId: 99, clientId: "kcat" },
      });
    }
  });

  it("handles a null client id and header v0 (ControlledShutdown v0)", () => {
    const frame = encodeRequest(3, 1, { correlationId: 5, clientId: null }, defaultMetadataRequest());
    expect(peekRequestHeader(frame.subarray(4))).toMatchObject({ ok: true, value: { clientId: null } });
    const v0 = Buffer.from([0, 7, 0, 0, 0, 0, 0, 3, 0, 0, 0, 1]);
    expect(peekRequestHeader(v0)).toEqual({
      ok: true,
      value: { apiKey: 7, apiVersion: 0, correlationId: 3, clientId: null },
    });
  });

  it("returns a typed error for a short or lying header", () => {
    expect(peekRequestHeader(Buffer.from([0, 3, 0]))).toMatchObject({
      ok: false,
      error: { code: "TRUNCATED" },
    });
    const lying = Buffer.from([0, 3, 0, 1, 0, 0, 0, 1, 0x7f, 0xff, 0x61]);
    expect(peekRequestHeader(lying)).toMatchObject({ ok: false, error: { code: "INVALID_LENGTH" } });
  });
});

describe("encodeResponseChunks", () => {
  it("references large record batches instead of copying them, and matches encodeResponse byte for byte", () => {
    const records = Buffer.alloc(ZERO_COPY_MIN_BYTES * 3, 7);
    const small = Buffer.alloc(10, 9);
    const body = defaultFetchResponse();
    body.responses = [
      {
        topic: "",
        topicId: "AAAAAAAAAAAAAAAAAAAAAQ",
        partitions: [0, 1].map((p) => ({
          ...defaultFetchResponsePartitionData(),
          partitionIndex: p,
          records: p === 0 ? records : small,
        })),
      },
    ];
    const chunks = encodeResponseChunks(1, 16, 5, body);
    const whole = encodeResponse(1, 16, 5, body);
    expect(Buffer.concat(chunks).equals(whole)).toBe(true);
    expect(chunks.some((c) => c === records)).toBe(true);
    expect(chunks.length).toBe(3);
    expect(whole.readInt32BE(0)).toBe(whole.byteLength - 4);
  });
});
