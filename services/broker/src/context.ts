/**
 * What the Kafka handlers share: the broker's identity and settings, the
 * metadata image (read-only, followed from the quorum), and the controller
 * client for the requests brokers forward to the controller.
 */
import type { MetadataImage } from "@runnel/metadata";
import type { ControllerService, LeaderClient } from "@runnel/rpc";

export interface BrokerSettings {
  readonly nodeId: number;
  readonly clusterId: string;
  /** Whether Metadata requests may create missing topics (`auto.create.topics.enable`). */
  readonly autoCreateTopics: boolean;
  /** `num.partitions`: partitions of an auto-created topic, and of CreateTopics asking for -1. */
  readonly defaultPartitions: number;
  /** `default.replication.factor`: of auto-created topics, and of CreateTopics asking for -1. */
  readonly defaultReplicationFactor: number;
  /** The broker's start-up settings under their Kafka names (`log.segment.bytes`, ...), as DescribeConfigs reports them. */
  readonly staticConfigs?: ReadonlyMap<string, string>;
}

export interface BrokerContext {
  readonly settings: BrokerSettings;
  /** The latest metadata image this broker has applied. */
  image(): MetadataImage;
  readonly controller: LeaderClient<typeof ControllerService>;
  /**
   * Resolves true once the image satisfies `predicate` (checked now and on
   * every change), false after `timeoutMs`.
   */
  waitForImage(predicate: (image: MetadataImage) => boolean, timeoutMs: number): Promise<boolean>;
  /** The API keys and version ranges this broker serves. */
  supportedApis(): { apiKey: number; minVersion: number; maxVersion: number }[];
}
