/**
 * Interop with real producers: every record batch that kcat, confluent-kafka-python,
 * kafkajs and the Java client sent in the captured Produce requests, and that
 * Kafka returned in Fetch responses, decodes here (each compression codec)
 * with a valid CRC, and every uncompressed batch re-encodes byte for byte.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ApiKeys, decodeRequest, decodeResponse } from "@runnel/kafka-protocol";
import { describe, expect, it } from "vitest";
import { decodeRecordBatch, encodeRecordBatch, splitBatches, verifyBatchCrc } from "../src/index.js";

interface Entry {
  direction: "request" | "response";
  apiKey: number;
  apiVersion: number;
  file: string;
}

const root = join(import.meta.dirname, "../../kafka-protocol/test/fixtures/captures");
const clients = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

function recordRegions(client: string): { file: string; records: Uint8Array }[] {
  const index = JSON.parse(readFileSync(join(root, client, "index.json"), "utf8")) as Entry[];
  const out: { file: string; records: Uint8Array }[] = [];
  for (const e of index) {
    const frame = readFileSync(join(root, client, e.file)).subarray(4);
    if (e.apiKey === ApiKeys.Produce && e.direction === "request") {
      const d = decodeRequest(frame);
      if (!d.ok || d.value.apiKey !== ApiKeys.Produce) throw new Error(`${e.file} does not decode`);
      for (const t of d.value.body.topicData) {
        for (const p of t.partitionData)
          if (p.records !== null) out.push({ file: e.file, records: p.records });
      }
    } else if (e.apiKey === ApiKeys.Fetch && e.direction === "response") {
      const d = decodeResponse(ApiKeys.Fetch, e.apiVersion, frame);
      if (!d.ok) throw new Error(`${e.file} does not decode`);
      for (const t of d.value.body.responses) {
        for (const p of t.partitions) if (p.records !== null) out.push({ file: e.file, records: p.records });
      }
    }
  }
  return out;
}

for (const client of clients) {
  describe(`record batches captured from ${client}`, () => {
    it("decode with valid CRCs, covering every codec", () => {
      const codecs = new Set<string>();
      let batches = 0;
      for (const { file, records } of recordRegions(client)) {
        for (const slice of splitBatches(records)) {
          // A Fetch response may end in a partial batch; anything else is a failure.
          if (slice.kind === "truncated") continue;
          if (slice.kind === "error") throw new Error(`${file}: ${slice.error.message}`);
          expect(verifyBatchCrc(slice.bytes)).toBe(true);
          const batch = decodeRecordBatch(slice.bytes);
          if (!batch.ok) throw new Error(`${file}: ${batch.error.code} ${batch.error.message}`);
          expect(batch.value.records.length).toBe(batch.value.recordCount);
          codecs.add(batch.value.compression);
          batches++;
          if (batch.value.compression === "none") {
            const again = encodeRecordBatch(batch.value);
            expect(Buffer.from(again).equals(Buffer.from(slice.bytes))).toBe(true);
          }
        }
      }
      expect(batches).toBeGreaterThan(0);
      expect([...codecs].sort()).toEqual(["gzip", "lz4", "none", "snappy", "zstd"]);
    });
  });
}
