/**
 * Metadata (key 3), versions 0-12.
 *
 * - Brokers: every registered, unfenced broker with its listener and its zone
 *   as rack (KIP-392 uses the rack to pick a follower in the client's zone).
 * - Topics: all of them for a null list (v1+) or an empty one (v0); else each
 *   requested name (or topic id, v12). A missing topic is created through the
 *   controller when the request allows it (always before v4) and
 *   `auto.create.topics.enable` is on, and answered LEADER_NOT_AVAILABLE until
 *   its metadata arrives; otherwise UNKNOWN_TOPIC_OR_PARTITION.
 * - Partitions: leader (-1 with LEADER_NOT_AVAILABLE when none), leader epoch,
 *   replicas, ISR, and as offline the replicas whose broker is fenced or gone.
 * - controllerId is this broker: KRaft clusters name an alive broker, and
 *   brokers forward administrative requests to the quorum themselves.
 * - Authorized operations (v8+) report every operation until ACLs land.
 */
import {
  ApiKeys,
  ErrorCode,
  type MetadataResponse,
  type MetadataResponseMetadataResponseTopic,
  ZERO_UUID,
} from "@runnel/kafka-protocol";
import { type MetadataImage, NO_LEADER, type TopicImage, topicNameError } from "@runnel/metadata";
import {
  ALL_CLUSTER_OPERATIONS,
  ALL_TOPIC_OPERATIONS,
  liveBrokers,
  OPERATIONS_NOT_REQUESTED,
  offlineReplicas,
} from "../cluster.js";
import type { BrokerContext } from "../context.js";
import type { Handler } from "../kafka/server.js";

export const INTERNAL_TOPICS: ReadonlySet<string> = new Set(["__consumer_offsets", "__transaction_state"]);

export function metadataHandler(broker: BrokerContext): Handler<typeof ApiKeys.Metadata> {
  return {
    apiKey: ApiKeys.Metadata,
    minVersion: 0,
    maxVersion: 12,
    async handle(request, ctx) {
      const image = broker.image();
      const v = ctx.apiVersion;
      const allTopics = request.topics === null || (v === 0 && request.topics.length === 0);
      const topics: MetadataResponseMetadataResponseTopic[] = [];
      const toCreate: string[] = [];
      const describeOps = v >= 8 && request.includeTopicAuthorizedOperations;
      if (allTopics) {
        for (const t of [...image.topics.values()].sort((a, b) => a.name.localeCompare(b.name))) {
          topics.push(describeTopic(image, t, describeOps));
        }
      } else {
        for (const requested of request.topics ?? []) {
          const byId =
            requested.name === null && requested.topicId !== ZERO_UUID
              ? image.topics.get(requested.topicId)
              : undefined;
          const name = requested.name ?? byId?.name ?? null;
          const key = name === null ? undefined : image.topicKeysByName.get(name);
          const topic = byId ?? (key === undefined ? undefined : image.topics.get(key));
          if (topic !== undefined) {
            topics.push(describeTopic(image, topic, describeOps));
            continue;
          }
          if (name === null) {
            topics.push(errorTopic(null, requested.topicId, ErrorCode.UNKNOWN_TOPIC_ID));
          } else if (topicNameError(name) !== undefined) {
            topics.push(errorTopic(name, ZERO_UUID, ErrorCode.INVALID_TOPIC_EXCEPTION));
          } else if (broker.settings.autoCreateTopics && (v < 4 || request.allowAutoTopicCreation)) {
            toCreate.push(name);
            topics.push(errorTopic(name, ZERO_UUID, ErrorCode.LEADER_NOT_AVAILABLE));
          } else {
            topics.push(errorTopic(name, ZERO_UUID, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION));
          }
        }
      }
      if (toCreate.length > 0) await autoCreate(broker, toCreate);
      const response: MetadataResponse = {
        throttleTimeMs: 0,
        brokers: liveBrokers(image).map((b) => ({ nodeId: b.id, host: b.host, port: b.port, rack: b.rack })),
        clusterId: broker.settings.clusterId,
        controllerId: broker.settings.nodeId,
        topics,
        clusterAuthorizedOperations:
          v >= 8 && v <= 10 && request.includeClusterAuthorizedOperations
            ? ALL_CLUSTER_OPERATIONS
            : OPERATIONS_NOT_REQUESTED,
      };
      return response;
    },
  };
}

function describeTopic(
  image: MetadataImage,
  t: TopicImage,
  describeOps: boolean,
): MetadataResponseMetadataResponseTopic {
  return {
    errorCode: ErrorCode.NONE,
    name: t.name,
    topicId: t.key,
    isInternal: INTERNAL_TOPICS.has(t.name),
    partitions: t.partitions.map((p, index) => ({
      errorCode: p.leader === NO_LEADER ? ErrorCode.LEADER_NOT_AVAILABLE : ErrorCode.NONE,
      partitionIndex: index,
      leaderId: p.leader,
      leaderEpoch: p.leaderEpoch,
      replicaNodes: [...p.replicas],
      isrNodes: [...p.isr],
      offlineReplicas: offlineReplicas(image, p),
    })),
    topicAuthorizedOperations: describeOps ? ALL_TOPIC_OPERATIONS : OPERATIONS_NOT_REQUESTED,
  };
}

function errorTopic(
  name: string | null,
  topicId: string,
  errorCode: number,
): MetadataResponseMetadataResponseTopic {
  return {
    errorCode,
    name,
    topicId,
    isInternal: false,
    partitions: [],
    topicAuthorizedOperations: OPERATIONS_NOT_REQUESTED,
  };
}

/** Asks the controller to create topics with the broker defaults; a race with another creator is fine. */
async function autoCreate(broker: BrokerContext, names: readonly string[]): Promise<void> {
  try {
    await broker.controller.call((c, o) =>
      c.createTopics(
        {
          topics: names.map((name) => ({
            name,
            numPartitions: broker.settings.defaultPartitions,
            replicationFactor: broker.settings.defaultReplicationFactor,
          })),
        },
        o,
      ),
    );
  } catch {
    // The client retries on LEADER_NOT_AVAILABLE; the next Metadata request tries again.
  }
}
