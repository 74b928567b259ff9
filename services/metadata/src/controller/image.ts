/**
 * The metadata image (the controller's store): everything the committed metadata log says,
 * as immutable in-memory data.
 *
 * An image is never changed in place. `apply` (backend.ts) returns a new image that shares
 * every map it did not touch with the old one, so an old image stays valid: the watch
 * stream can snapshot it, a leader can keep an optimistic image ahead of the committed one,
 * and a batch that fails an assertion half-way leaves the previous image intact.
 *
 * Topics are keyed by their id in Kafka's text form (22 characters of base64url), so the
 * same key works in maps and in Kafka responses.
 */
import type { Endpoint, MetadataRecord } from "@runnel/rpc";
import { Namespace } from "@runnel/tenant";

/** Kafka's "no leader" broker id. */
export const NO_LEADER = -1;

/** A topic id as a map key: Kafka's base64url text form of the 16 bytes. */
export type TopicKey = string;

export interface BrokerImage {
  readonly id: number;
  /** The metadata offset of the batch that registered this incarnation. */
  readonly epoch: bigint;
  /** 16 bytes chosen by the broker process at start-up. */
  readonly incarnationId: Uint8Array;
  readonly zone: string;
  readonly cell: string;
  readonly endpoints: readonly Endpoint[];
  readonly fenced: boolean;
  readonly inControlledShutdown: boolean;
}

export interface PartitionImage {
  /** Assigned replicas in preference order; the first is the preferred leader. */
  readonly replicas: readonly number[];
  /** In-sync replicas, a non-empty subset of `replicas`. */
  readonly isr: readonly number[];
  /** Broker id of the leader, or NO_LEADER. */
  readonly leader: number;
  readonly leaderEpoch: number;
  readonly partitionEpoch: number;
}

export interface TopicImage {
  readonly id: Uint8Array;
  readonly key: TopicKey;
  readonly name: string;
  /** Indexed by partition number: partitions are always 0..n-1. */
  readonly partitions: readonly PartitionImage[];
}

/** The owner of the last producer-id block, kept so a snapshot reproduces the record. */
export interface ProducerIdBlockOwner {
  readonly brokerId: number;
  readonly brokerEpoch: bigint;
}

/** Config keys and values of one resource. */
export type ConfigMap = ReadonlyMap<string, string>;

/** A logical cluster (tenant). */
export interface LogicalClusterImage {
  readonly id: string;
  readonly name: string;
  /** Its partitions are placed only on this cell's brokers; "" for any broker. */
  readonly cell: string;
  readonly createdMs: bigint;
}

/** An API key: SASL/PLAIN username `key`; the secret only as a salted scrypt hash. */
export interface ApiKeyImage {
  readonly key: string;
  readonly logicalClusterId: string;
  readonly salt: Uint8Array;
  readonly hash: Uint8Array;
  /** `User:<name>`, as the logical cluster's ACLs name it. */
  readonly principal: string;
  /** May do anything within its logical cluster; other keys need ACLs. */
  readonly admin: boolean;
  readonly description: string;
  readonly createdMs: bigint;
}

/** A SCRAM credential of a logical cluster's user (StoredKey and ServerKey only). */
export interface ScramCredentialImage {
  readonly logicalClusterId: string;
  /** The user's name within its logical cluster. */
  readonly user: string;
  readonly mechanism: string;
  readonly salt: Uint8Array;
  readonly iterations: number;
  readonly storedKey: Uint8Array;
  readonly serverKey: Uint8Array;
}

/** One ACL binding of a logical cluster, in its own names; codes are Kafka's. */
export interface AclImage {
  readonly id: Uint8Array;
  /** `id` in base64url, the map key. */
  readonly key: string;
  readonly logicalClusterId: string;
  readonly resourceType: number;
  readonly resourceName: string;
  readonly patternType: number;
  readonly principal: string;
  readonly host: string;
  readonly operation: number;
  readonly permissionType: number;
}

export interface MetadataImage {
  /** Offset of the last batch applied; -1n for an empty image. */
  readonly lastOffset: bigint;
  /** Epoch (Raft term) of the last batch applied; 0 for an empty image. */
  readonly lastEpoch: number;
  readonly brokers: ReadonlyMap<number, BrokerImage>;
  readonly topics: ReadonlyMap<TopicKey, TopicImage>;
  readonly topicKeysByName: ReadonlyMap<string, TopicKey>;
  /** Topic configs by topic name. */
  readonly topicConfigs: ReadonlyMap<string, ConfigMap>;
  /** Broker configs by resource name: a broker id in decimal, or "" for the cluster default. */
  readonly brokerConfigs: ReadonlyMap<string, ConfigMap>;
  /** The first producer id never handed out. */
  readonly nextProducerId: bigint;
  readonly lastProducerIdBlock: ProducerIdBlockOwner | undefined;
  readonly logicalClusters: ReadonlyMap<string, LogicalClusterImage>;
  readonly apiKeys: ReadonlyMap<string, ApiKeyImage>;
  /**
   * SCRAM credentials by login name (`<logical-cluster-id>_<user>`, the name a client
   * authenticates with), then by mechanism.
   */
  readonly scramCredentials: ReadonlyMap<string, ReadonlyMap<string, ScramCredentialImage>>;
  /** ACL bindings by logical cluster, then by binding id (base64url). */
  readonly acls: ReadonlyMap<string, ReadonlyMap<string, AclImage>>;
  /** Quotas and limits by logical cluster, then by key. */
  readonly tenantQuotas: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /**
   * Records whose type this version does not know, in log order. They are kept, byte for
   * byte, so a snapshot written by this version loses nothing a newer one needs.
   */
  readonly unknownRecords: readonly MetadataRecord[];
}

export function emptyImage(): MetadataImage {
  return {
    lastOffset: -1n,
    lastEpoch: 0,
    brokers: new Map(),
    topics: new Map(),
    topicKeysByName: new Map(),
    topicConfigs: new Map(),
    brokerConfigs: new Map(),
    nextProducerId: 0n,
    lastProducerIdBlock: undefined,
    logicalClusters: new Map(),
    apiKeys: new Map(),
    scramCredentials: new Map(),
    acls: new Map(),
    tenantQuotas: new Map(),
    unknownRecords: [],
  };
}

/** The offset the next batch applied to this image will have at the earliest. */
export function nextOffsetOf(image: MetadataImage): bigint {
  return image.lastOffset + 1n;
}

export function topicKey(id: Uint8Array): TopicKey {
  if (id.length !== 16) throw new Error(`a topic id has 16 bytes, not ${id.length}`);
  return Buffer.from(id.buffer, id.byteOffset, 16).toString("base64url");
}

export function topicIdFromKey(key: TopicKey): Uint8Array {
  return new Uint8Array(Buffer.from(key, "base64url"));
}

export function isZeroId(id: Uint8Array): boolean {
  return id.every((b) => b === 0);
}

export function topicByName(image: MetadataImage, name: string): TopicImage | undefined {
  const key = image.topicKeysByName.get(name);
  return key === undefined ? undefined : image.topics.get(key);
}

export function topicById(image: MetadataImage, id: Uint8Array): TopicImage | undefined {
  return id.length === 16 ? image.topics.get(topicKey(id)) : undefined;
}

/**
 * A broker that may lead partitions and be added to ISRs: registered, unfenced and not
 * shutting down.
 */
export function isActive(image: MetadataImage, brokerId: number): boolean {
  const broker = image.brokers.get(brokerId);
  return broker !== undefined && !broker.fenced && !broker.inControlledShutdown;
}

/** Every partition, in a stable order: topics by name, partitions by index. */
export function* allPartitions(
  image: MetadataImage,
): Generator<{ topic: TopicImage; index: number; partition: PartitionImage }> {
  const names = [...image.topicKeysByName.keys()].sort();
  for (const name of names) {
    const topic = topicByName(image, name);
    if (topic === undefined) continue;
    for (let index = 0; index < topic.partitions.length; index++) {
      yield { topic, index, partition: topic.partitions[index] as PartitionImage };
    }
  }
}

/** How many partitions each broker leads. */
export function leaderCounts(image: MetadataImage): Map<number, number> {
  const counts = new Map<number, number>();
  for (const { partition } of allPartitions(image)) {
    if (partition.leader !== NO_LEADER) counts.set(partition.leader, (counts.get(partition.leader) ?? 0) + 1);
  }
  return counts;
}

/** How many replicas each broker is assigned. */
export function replicaCounts(image: MetadataImage): Map<number, number> {
  const counts = new Map<number, number>();
  for (const { partition } of allPartitions(image)) {
    for (const r of partition.replicas) counts.set(r, (counts.get(r) ?? 0) + 1);
  }
  return counts;
}

export function leadsAnyPartition(image: MetadataImage, brokerId: number): boolean {
  for (const topic of image.topics.values()) {
    for (const p of topic.partitions) if (p.leader === brokerId) return true;
  }
  return false;
}

/** The name a SCRAM user of a logical cluster authenticates with. */
export function scramLoginName(logicalClusterId: string, user: string): string {
  return new Namespace(logicalClusterId).toInternal(user);
}
