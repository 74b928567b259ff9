/**
 * The exact Kafka requests end-to-end tests share, built once over a
 * WireClient: create a topic (through the controller or with CreateTopics)
 * and wait until a broker's Metadata shows it ready; read a topic's metadata
 * and id; produce record batches to partitions; fetch partitions from an
 * offset and decode the batches that come back; list offsets; get an
 * idempotent producer id; alter configs incrementally.
 *
 * Each helper sends the same request every test sent by hand (Metadata v12,
 * Produce v9, Fetch v16 by topic id with topic "" as Kafka's clients do from
 * v13, ListOffsets v7, InitProducerId v4, IncrementalAlterConfigs v1) unless
 * told otherwise, and answers what the broker answered: the assertions stay
 * in the tests. A helper throws only when the answer lacks the part asked
 * for, or a fetched batch does not decode.
 */
import type { MessageInitShape } from "@bufbuild/protobuf";
import {
  type ApiRequests,
  type CreateTopicsResponseCreatableTopicResult,
  type FetchResponsePartitionData,
  type IncrementalAlterConfigsResponseAlterConfigsResourceResponse,
  type InitProducerIdResponse,
  type ListOffsetsResponseListOffsetsPartitionResponse,
  type MetadataResponseMetadataResponseTopic,
  type ProduceResponsePartitionProduceResponse,
  ZERO_UUID,
} from "@runnel/kafka-protocol";
import {
  decodeRecordBatch,
  type RecordBatch,
  type RecordBatchHeader,
  type Result,
  readBatchHeader,
  splitBatches,
} from "@runnel/log";
import type { CreatableTopicSchema, CreateTopicResult } from "@runnel/rpc";
import { WireClient } from "./kafka-wire.js";
import type { MetadataQuorum } from "./metadata.js";

/** Connects to a broker's port, runs `use` with the connection, and closes it. */
export async function withWire<T>(port: number, use: (wire: WireClient) => Promise<T>): Promise<T> {
  const wire = await WireClient.connect(port);
  try {
    return await use(wire);
  } finally {
    wire.close();
  }
}

// ---- topics and metadata ----

/** Creates one topic through the metadata controller; the controller's result for it. */
export async function controllerCreateTopic(
  q: MetadataQuorum,
  topic: MessageInitShape<typeof CreatableTopicSchema>,
): Promise<CreateTopicResult | undefined> {
  const r = await q.controller.call((c, o) => c.createTopics({ topics: [topic] }, o));
  return r.topics[0];
}

/** Creates one topic with CreateTopics (v7 unless told); the broker's result for it. */
export async function requestCreateTopic(
  wire: WireClient,
  name: string,
  o: {
    partitions?: number;
    replicationFactor?: number;
    configs?: Record<string, string>;
    version?: number;
  } = {},
): Promise<CreateTopicsResponseCreatableTopicResult | undefined> {
  const r = await wire.send(19, o.version ?? 7, {
    topics: [
      {
        name,
        numPartitions: o.partitions ?? 1,
        replicationFactor: o.replicationFactor ?? 1,
        assignments: [],
        configs: Object.entries(o.configs ?? {}).map(([n, value]) => ({ name: n, value })),
      },
    ],
    timeoutMs: 10_000,
    validateOnly: false,
  });
  return r.topics[0];
}

/** Metadata (v12) of one topic by name, without auto-creation; undefined if the answer names none. */
export async function topicMetadata(
  wire: WireClient,
  name: string,
): Promise<MetadataResponseMetadataResponseTopic | undefined> {
  const m = await wire.send(3, 12, {
    topics: [{ topicId: ZERO_UUID, name }],
    allowAutoTopicCreation: false,
    includeTopicAuthorizedOperations: false,
    includeClusterAuthorizedOperations: false,
  });
  return m.topics[0];
}

/**
 * Polls Metadata until the topic is there without error and `ready` holds for
 * it (every `intervalMs`, at most `attempts` times); resolves with its id.
 */
export async function waitForTopic(
  wire: WireClient,
  name: string,
  ready: (t: MetadataResponseMetadataResponseTopic) => boolean,
  o: { attempts?: number; intervalMs?: number } = {},
): Promise<string> {
  for (let i = 0; i < (o.attempts ?? 100); i++) {
    const t = await topicMetadata(wire, name);
    if (t?.errorCode === 0 && ready(t)) return t.topicId;
    await new Promise((res) => setTimeout(res, o.intervalMs ?? 50));
  }
  throw new Error(`topic ${name} did not appear`);
}

// ---- produce ----

export interface ProduceOptions {
  acks?: number;
  /** The request's own timeout_ms, for the broker. */
  timeoutMs?: number;
  version?: number;
  /** How long to wait for the answer before rejecting (the WireClient's default otherwise). */
  answerWithinMs?: number;
}

/** Produces one batch to each given partition of a topic; the partitions' answers, in order. */
export async function produceBatches(
  wire: WireClient,
  topic: string,
  batches: readonly { index: number; records: Uint8Array }[],
  o: ProduceOptions = {},
): Promise<ProduceResponsePartitionProduceResponse[]> {
  const r = await wire.send(
    0,
    o.version ?? 9,
    {
      transactionalId: null,
      acks: o.acks ?? -1,
      timeoutMs: o.timeoutMs ?? 5000,
      topicData: [
        { name: topic, partitionData: batches.map((b) => ({ index: b.index, records: b.records })) },
      ],
    },
    o.answerWithinMs,
  );
  return r.responses[0]?.partitionResponses ?? [];
}

/** Produces one batch to one partition (acks -1 unless told); the partition's answer. */
export async function produceBatch(
  wire: WireClient,
  topic: string,
  partition: number,
  records: Uint8Array,
  o: ProduceOptions = {},
): Promise<ProduceResponsePartitionProduceResponse> {
  const [p] = await produceBatches(wire, topic, [{ index: partition, records }], o);
  if (p === undefined) throw new Error("no partition response");
  return p;
}

/** InitProducerId (v4) for an idempotent producer: no transactional id, a new id and epoch. */
export function initProducerId(wire: WireClient): Promise<InitProducerIdResponse> {
  return wire.send(22, 4, {
    transactionalId: null,
    transactionTimeoutMs: 60_000,
    producerId: -1n,
    producerEpoch: -1,
  });
}

// ---- fetch ----

export interface FetchTopic {
  /** The name, which Fetch carries before v13; "" when fetching by id. */
  topic: string;
  topicId: string;
  partitions: readonly { partition: number; offset: bigint }[];
}

export interface FetchOptions {
  maxWaitMs?: number;
  minBytes?: number;
  /** Both the response's and each partition's limit. */
  maxBytes?: number;
  sessionId?: number;
  sessionEpoch?: number;
  forgotten?: readonly { topic: string; topicId: string; partitions: number[] }[];
  /** The consumer's rack (`client.rack`, v11+), for rack-aware reads from a follower. */
  rackId?: string;
}

/**
 * A consumer's Fetch request body (replica -1, read uncommitted): no wait,
 * no minimum, 50 MiB, no session, unless told otherwise.
 */
export function fetchRequest(topics: readonly FetchTopic[], o: FetchOptions = {}): ApiRequests[1] {
  const maxBytes = o.maxBytes ?? 50 * 1024 * 1024;
  return {
    clusterId: null,
    replicaId: -1,
    replicaState: { replicaId: -1, replicaEpoch: -1n },
    maxWaitMs: o.maxWaitMs ?? 0,
    minBytes: o.minBytes ?? 0,
    maxBytes,
    isolationLevel: 0,
    sessionId: o.sessionId ?? 0,
    sessionEpoch: o.sessionEpoch ?? -1,
    topics: topics.map((t) => ({
      topic: t.topic,
      topicId: t.topicId,
      partitions: t.partitions.map((p) => ({
        partition: p.partition,
        currentLeaderEpoch: -1,
        fetchOffset: p.offset,
        lastFetchedEpoch: -1,
        logStartOffset: -1n,
        partitionMaxBytes: maxBytes,
        replicaDirectoryId: ZERO_UUID,
      })),
    })),
    forgottenTopicsData: (o.forgotten ?? []).map((f) => ({ ...f })),
    rackId: o.rackId ?? "",
  };
}

/**
 * Fetches one partition from `offset` (v16 by topic id unless told; give
 * `topic` for the versions before 13); the partition's answer.
 */
export async function fetchPartition(
  wire: WireClient,
  at: { topicId: string; topic?: string; partition: number; offset: bigint },
  o: FetchOptions & { version?: number } = {},
): Promise<FetchResponsePartitionData> {
  const r = await wire.send(
    1,
    o.version ?? 16,
    fetchRequest(
      [
        {
          topic: at.topic ?? "",
          topicId: at.topicId,
          partitions: [{ partition: at.partition, offset: at.offset }],
        },
      ],
      o,
    ),
  );
  const p = r.responses[0]?.partitions[0];
  if (p === undefined) throw new Error("no fetch partition");
  return p;
}

/**
 * Every record of a partition the broker serves, from offset 0 to the high
 * watermark, in offset order, with its value as text (fails on a fetch error).
 */
export async function readPartitionValues(
  wire: WireClient,
  topicId: string,
  partition: number,
): Promise<{ offset: bigint; value: string }[]> {
  const out: { offset: bigint; value: string }[] = [];
  let offset = 0n;
  for (;;) {
    const p = await fetchPartition(wire, { topicId, partition, offset });
    if (p.errorCode !== 0)
      throw new Error(`fetch of partition ${partition} failed with error ${p.errorCode}`);
    const batches = recordBatches(p.records);
    if (batches.length === 0) return out;
    for (const b of batches) {
      for (const r of b.records) {
        const at = b.baseOffset + BigInt(r.offsetDelta);
        if (at >= offset) out.push({ offset: at, value: Buffer.from(r.value ?? []).toString() });
      }
      offset = b.baseOffset + BigInt(b.lastOffsetDelta) + 1n;
    }
  }
}

/** Every whole batch in fetched records, decoded (a partial batch at the end is skipped). */
export function recordBatches(records: Uint8Array | null): RecordBatch[] {
  return wholeBatches(records, decodeRecordBatch);
}

/** The header of every whole batch in fetched records. */
export function batchHeaders(records: Uint8Array | null): RecordBatchHeader[] {
  return wholeBatches(records, readBatchHeader);
}

function wholeBatches<T>(records: Uint8Array | null, read: (bytes: Uint8Array) => Result<T>): T[] {
  const out: T[] = [];
  for (const slice of splitBatches(records ?? new Uint8Array())) {
    if (slice.kind !== "batch") continue;
    const r = read(slice.bytes);
    if (!r.ok) throw new Error(r.error.message);
    out.push(r.value);
  }
  return out;
}

// ---- offsets and configs ----

/** ListOffsets (v7 unless told) of one partition at each timestamp (-2 earliest, -1 latest); the answers. */
export async function listOffsets(
  wire: WireClient,
  topic: string,
  partition: number,
  timestamps: readonly bigint[],
  version = 7,
): Promise<ListOffsetsResponseListOffsetsPartitionResponse[]> {
  const r = await wire.send(2, version, {
    replicaId: -1,
    isolationLevel: 0,
    timeoutMs: 0,
    topics: [
      {
        name: topic,
        partitions: timestamps.map((timestamp) => ({
          partitionIndex: partition,
          currentLeaderEpoch: -1,
          timestamp,
          maxNumOffsets: 1,
        })),
      },
    ],
  });
  return r.topics[0]?.partitions ?? [];
}

/** One IncrementalAlterConfigs operation: config name, operation (0 SET, 1 DELETE, 2 APPEND, 3 SUBTRACT), value. */
export type IncOp = [name: string, op: number, value: string | null];

/** IncrementalAlterConfigs (v1 unless told) of the given resources; the answer for each. */
export async function incrementalAlterConfigs(
  wire: WireClient,
  resources: readonly { type: number; name: string; ops: readonly IncOp[] }[],
  o: { validateOnly?: boolean; version?: number } = {},
): Promise<IncrementalAlterConfigsResponseAlterConfigsResourceResponse[]> {
  const r = await wire.send(44, o.version ?? 1, {
    resources: resources.map((res) => ({
      resourceType: res.type,
      resourceName: res.name,
      configs: res.ops.map(([name, configOperation, value]) => ({ name, configOperation, value })),
    })),
    validateOnly: o.validateOnly ?? false,
  });
  return r.responses;
}
