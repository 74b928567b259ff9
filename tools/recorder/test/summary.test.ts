import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { IndexEntry } from "../src/recorder.js";
import { produceRequestCodecs, summarizeCapture } from "../src/summary.js";

/** A record batch with no records: just the 61-byte header, codec in the attributes. */
function batch(codec: number): Buffer {
  const buf = Buffer.alloc(61);
  buf.writeInt32BE(61 - 12, 8); // batch length
  buf.writeInt8(2, 16); // magic
  buf.writeInt16BE(codec, 21); // attributes
  return buf;
}

const int16 = (v: number) => Buffer.from([(v >> 8) & 0xff, v & 0xff]);
const int32 = (v: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(v);
  return b;
};
const str = (s: string) => Buffer.concat([int16(s.length), Buffer.from(s)]);
const compactStr = (s: string) => Buffer.concat([Buffer.of(s.length + 1), Buffer.from(s)]);

function frame(parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  return Buffer.concat([int32(body.length), body]);
}

/** Produce v7: classic encoding, one topic with two partitions. */
function produceV7(): Buffer {
  const records0 = Buffer.concat([batch(1), batch(2)]);
  const records1 = batch(4);
  return frame([
    int16(0),
    int16(7),
    int32(42),
    str("client"),
    int16(-1), // null transactional id
    int16(-1),
    int32(30000),
    int32(1),
    str("topic"),
    int32(2),
    int32(0),
    int32(records0.length),
    records0,
    int32(1),
    int32(records1.length),
    records1,
  ]);
}

/** Produce v9: flexible encoding, with a tagged field in the header. */
function produceV9(): Buffer {
  const records = Buffer.concat([batch(0), batch(3)]);
  return frame([
    int16(0),
    int16(9),
    int32(43),
    str("client"),
    Buffer.of(1, 5, 2, 0xaa, 0xbb), // one tagged field: tag 5, two bytes
    compactStr("txn"),
    int16(1),
    int32(1000),
    Buffer.of(2),
    compactStr("topic"),
    Buffer.of(2),
    int32(0),
    Buffer.of(records.length + 1),
    records,
    Buffer.of(0),
    Buffer.of(0),
    Buffer.of(0),
  ]);
}

describe("produceRequestCodecs", () => {
  it("reads codecs from classic produce requests", () => {
    expect(produceRequestCodecs(produceV7())).toEqual(["gzip", "snappy", "zstd"]);
  });

  it("reads codecs from flexible produce requests", () => {
    expect(produceRequestCodecs(produceV9())).toEqual(["none", "lz4"]);
  });
});

describe("summarizeCapture", () => {
  it("counts request versions and produce codecs", () => {
    const dir = mkdtempSync(join(tmpdir(), "recorder-summary-"));
    try {
      const entries: IndexEntry[] = [
        { connection: 1, direction: "request", apiKey: 0, apiVersion: 7, correlationId: 42, file: "a.bin" },
        { connection: 1, direction: "response", apiKey: 0, apiVersion: 7, correlationId: 42, file: "b.bin" },
        { connection: 2, direction: "request", apiKey: 0, apiVersion: 9, correlationId: 43, file: "c.bin" },
      ];
      writeFileSync(join(dir, "a.bin"), produceV7());
      writeFileSync(join(dir, "b.bin"), Buffer.alloc(8));
      writeFileSync(join(dir, "c.bin"), produceV9());
      writeFileSync(join(dir, "index.json"), JSON.stringify(entries));
      const summary = summarizeCapture(dir);
      expect(summary.connections).toBe(2);
      expect(summary.requests).toBe(2);
      expect(summary.responses).toBe(1);
      expect([...summary.apis.keys()]).toEqual(["0:7", "0:9"]);
      expect(Object.fromEntries(summary.produceCodecs)).toEqual({
        gzip: 1,
        snappy: 1,
        zstd: 1,
        none: 1,
        lz4: 1,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
