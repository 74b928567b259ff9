// Integrity and coverage checks for the golden captures of real Kafka clients
// (packages/kafka-protocol/test/fixtures/captures). Re-capture with
// `bash e2e/peers/capture.sh`; these checks keep a re-capture honest.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  COMPRESSION_CODECS,
  type IndexEntry,
  peekRequestHeader,
  peekResponseCorrelationId,
  readIndex,
  summarizeCapture,
} from "@runnel/recorder";
import { describe, expect, it } from "vitest";

const CAPTURES = fileURLToPath(
  new URL("../../packages/kafka-protocol/test/fixtures/captures/", import.meta.url),
);
const CLIENTS = ["kcat", "confluent-kafka-python", "kafkajs", "java"];

/** APIs every client's capture must hold, request and response. */
const REQUIRED_APIS: Record<string, number> = {
  Produce: 0,
  Fetch: 1,
  Metadata: 3,
  OffsetCommit: 8,
  FindCoordinator: 10,
  JoinGroup: 11,
  SyncGroup: 14,
  ApiVersions: 18,
  InitProducerId: 22,
};

describe.each(CLIENTS)("capture %s", (client) => {
  const dir = join(CAPTURES, client);

  it("exists", () => {
    expect(existsSync(join(dir, "index.json"))).toBe(true);
  });

  it("has one well-formed frame file per index entry, and no other files", () => {
    const index = readIndex(dir);
    expect(index.length).toBeGreaterThan(0);
    const files = readdirSync(dir).filter((f) => f !== "index.json" && f !== "README.md");
    expect(files.sort()).toEqual(index.map((e) => e.file).sort());
    for (const entry of index) {
      const frame = readFileSync(join(dir, entry.file));
      expect(frame.readInt32BE(0), entry.file).toBe(frame.length - 4);
    }
  });

  it("agrees with the frames' headers, and matches each response to an earlier request", () => {
    const requests = new Map<string, IndexEntry>();
    for (const entry of readIndex(dir)) {
      const frame = readFileSync(join(dir, entry.file));
      const key = `${entry.connection}/${entry.correlationId}`;
      if (entry.direction === "request") {
        const { apiKey, apiVersion, correlationId } = entry;
        expect(peekRequestHeader(frame), entry.file).toEqual({ apiKey, apiVersion, correlationId });
        requests.set(key, entry);
      } else {
        expect(peekResponseCorrelationId(frame), entry.file).toBe(entry.correlationId);
        const request = requests.get(key);
        expect(request, entry.file).toBeDefined();
        expect([entry.apiKey, entry.apiVersion]).toEqual([request?.apiKey, request?.apiVersion]);
        requests.delete(key);
      }
    }
  });

  it("covers the required APIs in both directions", () => {
    const index = readIndex(dir);
    for (const [name, apiKey] of Object.entries(REQUIRED_APIS)) {
      for (const direction of ["request", "response"]) {
        expect(
          index.some((e) => e.apiKey === apiKey && e.direction === direction),
          `${name} ${direction}`,
        ).toBe(true);
      }
    }
  });

  it("produces with every compression codec", () => {
    const codecs = summarizeCapture(dir).produceCodecs;
    for (const codec of COMPRESSION_CODECS) {
      expect(codecs.get(codec) ?? 0, codec).toBeGreaterThan(0);
    }
  });
});
