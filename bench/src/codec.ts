/**
 * The codec benchmark: decode and re-encode a Produce request and a Fetch
 * response that each carry 1 MiB of record batches, and CRC32C validation of
 * those batches. The baseline is one memory copy of the same bytes: the codec
 * keeps records zero-copy, so its cost should be a small fraction of touching
 * every byte once.
 */
import { randomBytes } from "node:crypto";
import {
  ApiKeys,
  decodeRequest,
  decodeResponse,
  defaultFetchResponse,
  encodeRequest,
  encodeResponse,
  encodeResponseChunks,
} from "@runnel/kafka-protocol";
import { encodeRecordBatch, splitBatches, verifyBatchCrc } from "@runnel/log";
import type { Workload } from "./harness.js";

export const RECORDS_BYTES = 1024 * 1024;
const VALUE_BYTES = 1000;
const RECORDS_PER_BATCH = 16;

/** About 1 MiB of record batches: 1000-byte values, 16 to a batch, as a producer with linger would send. */
export function recordBatches(targetBytes = RECORDS_BYTES): Buffer {
  const batches: Uint8Array[] = [];
  let total = 0;
  let base = 0n;
  while (total < targetBytes) {
    const records = Array.from({ length: RECORDS_PER_BATCH }, (_, i) => ({
      key: Buffer.from(`key-${i}`),
      value: randomBytes(VALUE_BYTES),
      timestampDelta: BigInt(i),
    }));
    const batch = encodeRecordBatch({ baseOffset: base, baseTimestamp: 1_700_000_000_000n, records });
    batches.push(batch);
    total += batch.byteLength;
    base += BigInt(RECORDS_PER_BATCH);
  }
  return Buffer.concat(batches);
}

export const PRODUCE_VERSION = 11;
export const FETCH_VERSION = 16;

export function produceFrame(records: Buffer): Buffer {
  return encodeRequest(
    ApiKeys.Produce,
    PRODUCE_VERSION,
    { correlationId: 1, clientId: "bench" },
    {
      transactionalId: null,
      acks: -1,
      timeoutMs: 30_000,
      topicData: [{ name: "bench", partitionData: [{ index: 0, records }] }],
    },
    records.byteLength + 256,
  ).subarray(4);
}

export function fetchResponseFrame(records: Buffer): Buffer {
  const body = defaultFetchResponse();
  body.sessionId = 7;
  body.responses = [
    {
      topic: "",
      topicId: "AAAAAAAAAAAAAAAAAAAAAQ",
      partitions: [
        {
          partitionIndex: 0,
          errorCode: 0,
          highWatermark: 1_000_000n,
          lastStableOffset: 1_000_000n,
          logStartOffset: 0n,
          divergingEpoch: { epoch: -1, endOffset: -1n },
          currentLeader: { leaderId: -1, leaderEpoch: -1 },
          snapshotId: { endOffset: -1n, epoch: -1 },
          abortedTransactions: [],
          preferredReadReplica: -1,
          records,
        },
      ],
    },
  ];
  return encodeResponse(ApiKeys.Fetch, FETCH_VERSION, 1, body, records.byteLength + 256).subarray(4);
}

export function codecWorkloads(): Workload[] {
  const records = recordBatches();
  const produce = produceFrame(records);
  const fetch = fetchResponseFrame(records);
  const sink = Buffer.allocUnsafe(records.byteLength);

  return [
    {
      name: "baseline: memcpy of 1 MiB",
      bytes: records.byteLength,
      run: () => {
        records.copy(sink);
      },
    },
    {
      name: "Produce v11 request (1 MiB): decode",
      bytes: produce.byteLength,
      run: () => {
        const d = decodeRequest(produce);
        if (!d.ok) throw new Error(d.error.message);
      },
    },
    {
      name: "Produce v11 request (1 MiB): decode + re-encode",
      bytes: produce.byteLength,
      run: () => {
        const d = decodeRequest(produce);
        if (!d.ok || d.value.apiKey !== ApiKeys.Produce) throw new Error("decode failed");
        encodeRequest(
          ApiKeys.Produce,
          PRODUCE_VERSION,
          d.value.header,
          d.value.body,
          produce.byteLength + 64,
        );
      },
    },
    {
      name: "Fetch v16 response (1 MiB): decode + re-encode",
      bytes: fetch.byteLength,
      run: () => {
        const d = decodeResponse(ApiKeys.Fetch, FETCH_VERSION, fetch);
        if (!d.ok) throw new Error(d.error.message);
        encodeResponse(ApiKeys.Fetch, FETCH_VERSION, d.value.header, d.value.body, fetch.byteLength + 64);
      },
    },
    {
      name: "Fetch v16 response (1 MiB): decode + re-encode as chunks",
      bytes: fetch.byteLength,
      run: () => {
        const d = decodeResponse(ApiKeys.Fetch, FETCH_VERSION, fetch);
        if (!d.ok) throw new Error(d.error.message);
        encodeResponseChunks(ApiKeys.Fetch, FETCH_VERSION, d.value.header, d.value.body);
      },
    },
    {
      name: "record batches (1 MiB): split + CRC32C validate",
      bytes: records.byteLength,
      run: () => {
        for (const slice of splitBatches(records)) {
          if (slice.kind !== "batch" || !verifyBatchCrc(slice.bytes)) throw new Error("bad batch");
        }
      },
    },
  ];
}
