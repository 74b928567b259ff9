/**
 * What Metadata, DescribeCluster and DescribeTopicPartitions tell clients
 * about the cluster: the live brokers with their listener and zone (as rack),
 * the offline replicas of a partition, and the authorized operations reported
 * while there are no ACLs.
 */
import type { MetadataImage, PartitionImage } from "@runnel/metadata";

/** Kafka's "not requested" marker for authorized operations. */
export const OPERATIONS_NOT_REQUESTED = -2147483648;
/** Every cluster operation bit, as an ACL-less cluster allows. */
export const ALL_CLUSTER_OPERATIONS = 0b1_1111_1111_1000;
/** Every topic operation bit (READ..DESCRIBE_CONFIGS..ALTER_CONFIGS). */
export const ALL_TOPIC_OPERATIONS = 0b1111_1111_1000;

export interface LiveBroker {
  readonly id: number;
  readonly host: string;
  readonly port: number;
  readonly rack: string | null;
}

/** Registered, unfenced brokers with a listener, by id. */
export function liveBrokers(image: MetadataImage): LiveBroker[] {
  return [...image.brokers.values()]
    .filter((b) => !b.fenced)
    .sort((a, b) => a.id - b.id)
    .flatMap((b) => {
      const e = b.endpoints[0];
      return e === undefined
        ? []
        : [{ id: b.id, host: e.host, port: e.port, rack: b.zone === "" ? null : b.zone }];
    });
}

/** The replicas of a partition whose broker is fenced or no longer registered (Kafka's offline replicas). */
export function offlineReplicas(image: MetadataImage, p: PartitionImage): number[] {
  return p.replicas.filter((id) => image.brokers.get(id)?.fenced !== false);
}
