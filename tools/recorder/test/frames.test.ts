import { describe, expect, it } from "vitest";
import { FrameSplitter } from "../src/frames.js";

function frame(payload: number[]): Buffer {
  const buf = Buffer.alloc(4 + payload.length);
  buf.writeInt32BE(payload.length, 0);
  Buffer.from(payload).copy(buf, 4);
  return buf;
}

describe("FrameSplitter", () => {
  const a = frame([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  const b = frame([]);
  const c = frame(Array.from({ length: 300 }, (_, i) => i & 0xff));
  const stream = Buffer.concat([a, b, c]);

  it("returns several frames from one chunk", () => {
    const splitter = new FrameSplitter();
    expect(splitter.push(stream)).toEqual([a, b, c]);
    expect(splitter.buffered).toBe(0);
  });

  it("reassembles frames delivered one byte at a time", () => {
    const splitter = new FrameSplitter();
    const out: Buffer[] = [];
    for (const byte of stream) out.push(...splitter.push(Buffer.of(byte)));
    expect(out).toEqual([a, b, c]);
  });

  it("handles every two-way cut of the stream, including inside size prefixes", () => {
    for (let cut = 0; cut <= stream.length; cut++) {
      const splitter = new FrameSplitter();
      const out = [...splitter.push(stream.subarray(0, cut)), ...splitter.push(stream.subarray(cut))];
      expect(out).toEqual([a, b, c]);
    }
  });

  it("keeps a partial frame until it completes", () => {
    const splitter = new FrameSplitter();
    expect(splitter.push(Buffer.concat([a, c.subarray(0, 2)]))).toEqual([a]);
    expect(splitter.buffered).toBe(2);
    expect(splitter.push(c.subarray(2, 100))).toEqual([]);
    expect(splitter.push(c.subarray(100))).toEqual([c]);
  });

  it("returns copies that later chunks cannot change", () => {
    const chunk = Buffer.from(a);
    const splitter = new FrameSplitter();
    const [out] = splitter.push(chunk);
    chunk.fill(0);
    expect(out).toEqual(a);
  });

  it("rejects a negative size", () => {
    expect(() => new FrameSplitter().push(Buffer.from([0xff, 0xff, 0xff, 0xff]))).toThrow(
      /invalid frame size/,
    );
  });
});
