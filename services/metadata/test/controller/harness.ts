/**
 * A test harness that plays the service shell: it runs frontends against the image, commits
 * their records as the next batch (applying them with the backend) and keeps a log of what it
 * committed, so tests drive the controller the way the shell will.
 */
import { create } from "@bufbuild/protobuf";
import {
  BrokerHeartbeatRequestSchema,
  type BrokerHeartbeatResponse,
  BrokerRegistrationRequestSchema,
  CreateTopicsRequestSchema,
  type CreateTopicsResponse,
  type MetadataRecord,
} from "@runnel/rpc";
import { expect } from "vitest";
import {
  apply,
  brokerHeartbeat,
  type CommittedBatch,
  createTopics,
  DEFAULT_CONTROLLER_OPTIONS,
  emptyImage,
  type MetadataImage,
  type Outcome,
  type RandomBytes,
  registerBroker,
  type TopicImage,
  topicByName,
} from "../../src/controller/index.js";

export const CLUSTER_ID = "test-cluster";

/** A seeded random source (mulberry32), so topic ids are the same on every run. */
export function seededRandom(seed: number): RandomBytes {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (length) => Uint8Array.from({ length }, () => Math.floor(next() * 256));
}

export function incarnation(id: number, generation = 0): Uint8Array {
  const bytes = new Uint8Array(16);
  bytes[0] = id & 0xff;
  bytes[1] = generation & 0xff;
  bytes[15] = 1;
  return bytes;
}

export class Harness {
  image: MetadataImage = emptyImage();
  readonly log: CommittedBatch[] = [];
  readonly epoch = 1;
  readonly random = seededRandom(42);
  readonly options = DEFAULT_CONTROLLER_OPTIONS;

  get nextOffset(): bigint {
    return this.image.lastOffset + 1n;
  }

  /** Commits records as the next batch (an empty batch still takes an offset). */
  commit(records: readonly MetadataRecord[]): MetadataImage {
    const offset = this.nextOffset;
    this.image = apply(this.image, records, offset, this.epoch);
    this.log.push({ offset, epoch: this.epoch, batch: [...records] });
    return this.image;
  }

  /** Commits an outcome's records and returns its response. */
  run<R>(outcome: Outcome<R>): R {
    if (outcome.records.length > 0) this.commit(outcome.records);
    return outcome.response;
  }

  register(id: number, zone: string, cell = "", generation = 0): bigint {
    const result = registerBroker(
      this.image,
      create(BrokerRegistrationRequestSchema, {
        brokerId: id,
        clusterId: CLUSTER_ID,
        incarnationId: incarnation(id, generation),
        zone,
        cell,
        listeners: [{ name: "INTERNAL", host: `b${id}.test`, port: 9092 }],
        previousBrokerEpoch: -1n,
      }),
      { clusterId: CLUSTER_ID, nextOffset: this.nextOffset, leaseAlive: () => false },
    );
    if (!result.ok) throw new Error(result.error.message);
    return this.run(result.value).brokerEpoch;
  }

  heartbeat(
    id: number,
    options: { wantsFence?: boolean; wantsShutdown?: boolean; metadataOffset?: bigint } = {},
  ): BrokerHeartbeatResponse {
    const broker = this.image.brokers.get(id);
    if (broker === undefined) throw new Error(`broker ${id} is not registered`);
    const result = brokerHeartbeat(
      this.image,
      create(BrokerHeartbeatRequestSchema, {
        brokerId: id,
        brokerEpoch: broker.epoch,
        metadataOffset: options.metadataOffset ?? this.nextOffset,
        wantsFence: options.wantsFence ?? false,
        wantsShutdown: options.wantsShutdown ?? false,
      }),
    );
    if (!result.ok) throw new Error(result.error.message);
    return this.run(result.value);
  }

  /** Registers and unfences a broker. */
  addBroker(id: number, zone: string, cell = ""): void {
    this.register(id, zone, cell);
    const beat = this.heartbeat(id);
    expect(beat.isFenced).toBe(false);
  }

  createTopic(
    name: string,
    init: {
      numPartitions?: number;
      replicationFactor?: number;
      assignments?: number[][];
      cell?: string;
    } = {},
  ): TopicImage {
    const response: CreateTopicsResponse = this.run(
      createTopics(
        this.image,
        create(CreateTopicsRequestSchema, {
          topics: [
            {
              name,
              numPartitions: init.numPartitions,
              replicationFactor: init.replicationFactor,
              assignments: (init.assignments ?? []).map((brokerIds) => ({ brokerIds })),
            },
          ],
          cell: init.cell ?? "",
        }),
        { options: this.options, randomBytes: this.random },
      ),
    );
    const result = response.topics[0];
    if (result === undefined || result.errorCode !== 0) throw new Error(result?.errorMessage ?? "no result");
    return this.topic(name);
  }

  topic(name: string): TopicImage {
    const topic = topicByName(this.image, name);
    if (topic === undefined) throw new Error(`no topic ${name}`);
    return topic;
  }
}
