/**
 * The codec benchmark measures what it says: its frames carry 1 MiB of valid
 * record batches, and each workload completes without error.
 */
import { ApiKeys, decodeRequest, decodeResponse } from "@runnel/kafka-protocol";
import { splitBatches, verifyBatchCrc } from "@runnel/log";
import { describe, expect, it } from "vitest";
import {
  codecWorkloads,
  fetchResponseFrame,
  produceFrame,
  RECORDS_BYTES,
  recordBatches,
} from "../src/codec.js";
import { measure } from "../src/harness.js";

describe("codec benchmark inputs", () => {
  const records = recordBatches();

  it("are at least 1 MiB of CRC-valid record batches", () => {
    expect(records.byteLength).toBeGreaterThanOrEqual(RECORDS_BYTES);
    const slices = [...splitBatches(records)];
    expect(slices.length).toBeGreaterThan(1);
    for (const s of slices) expect(s.kind === "batch" && verifyBatchCrc(s.bytes)).toBe(true);
  });

  it("put those batches, uncopied, in a Produce request and a Fetch response", () => {
    const produce = decodeRequest(produceFrame(records));
    if (!produce.ok || produce.value.apiKey !== ApiKeys.Produce)
      throw new Error("produce frame does not decode");
    expect(
      Buffer.from(produce.value.body.topicData[0]?.partitionData[0]?.records ?? []).equals(records),
    ).toBe(true);
    const fetch = decodeResponse(ApiKeys.Fetch, 16, fetchResponseFrame(records));
    if (!fetch.ok) throw new Error(fetch.error.message);
    expect(Buffer.from(fetch.value.body.responses[0]?.partitions[0]?.records ?? []).equals(records)).toBe(
      true,
    );
  });

  it("run every workload through the harness", () => {
    for (const w of codecWorkloads()) {
      const m = measure(w, { roundMs: 5, rounds: 1, warmupMs: 1 });
      expect(m.opsPerSecond).toBeGreaterThan(0);
    }
  });
});
