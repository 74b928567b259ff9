/**
 * CreateTopics (key 19), versions 2-7 (the Kafka 2.1 baseline to 3.9).
 *
 * - Forwarded to the controller, which validates names, counts, assignments
 *   and configs and places replicas; the answer waits (up to the request's
 *   timeout) until this broker's metadata image shows the new topics, so a
 *   client's next Metadata request here finds them.
 * - v4+: a partition count or replication factor of -1 takes the broker's
 *   defaults (`num.partitions`, `default.replication.factor`).
 * - The controller places the replicas, one per zone where it can; a
 *   replication factor above the number of available brokers is
 *   INVALID_REPLICATION_FACTOR.
 * - A name given twice in one request: INVALID_REQUEST for each.
 * - v5+ echoes partitions, replication factor and configs; v7 the topic id.
 */
import { create } from "@bufbuild/protobuf";
import {
  ApiKeys,
  type CreateTopicsResponseCreatableTopicResult,
  ErrorCode,
  uuidFromBytes,
  ZERO_UUID,
} from "@runnel/kafka-protocol";
import { type CreatableTopic, CreatableTopicSchema } from "@runnel/rpc";
import type { BrokerContext } from "../context.js";
import type { Handler } from "../kafka/server.js";
import { controllerFailure } from "./forward.js";

export function createTopicsHandler(broker: BrokerContext): Handler<typeof ApiKeys.CreateTopics> {
  return {
    apiKey: ApiKeys.CreateTopics,
    minVersion: 2,
    maxVersion: 7,
    async handle(request) {
      const { settings } = broker;
      const counts = new Map<string, number>();
      for (const t of request.topics) counts.set(t.name, (counts.get(t.name) ?? 0) + 1);
      const results = new Map<string, CreateTopicsResponseCreatableTopicResult>();
      const forward: CreatableTopic[] = [];
      for (const t of request.topics) {
        const rf = t.replicationFactor === -1 ? settings.defaultReplicationFactor : t.replicationFactor;
        if ((counts.get(t.name) ?? 0) > 1) {
          results.set(
            t.name,
            failed(
              t.name,
              ErrorCode.INVALID_REQUEST,
              `Topic ${t.name} appears more than once in the request.`,
            ),
          );
        } else {
          forward.push(
            create(CreatableTopicSchema, {
              name: t.name,
              ...(t.assignments.length > 0
                ? {}
                : {
                    numPartitions: t.numPartitions === -1 ? settings.defaultPartitions : t.numPartitions,
                    replicationFactor: rf,
                  }),
              assignments: [...t.assignments]
                .sort((a, b) => a.partitionIndex - b.partitionIndex)
                .map((a) => ({ brokerIds: [...a.brokerIds] })),
              configs: t.configs.map((c) => ({ key: c.name, value: c.value ?? "" })),
            }),
          );
        }
      }
      if (forward.length > 0) {
        try {
          const r = await broker.controller.call((c, o) =>
            c.createTopics({ topics: forward, validateOnly: request.validateOnly }, o),
          );
          for (const t of r.topics) {
            results.set(t.name, {
              name: t.name,
              topicId: t.topicId.byteLength === 16 ? uuidFromBytes(t.topicId) : ZERO_UUID,
              errorCode: t.errorCode,
              errorMessage: t.errorCode === 0 ? null : t.errorMessage,
              topicConfigErrorCode: 0,
              numPartitions: t.errorCode === 0 ? t.numPartitions : -1,
              replicationFactor: t.errorCode === 0 ? t.replicationFactor : -1,
              configs:
                t.errorCode === 0
                  ? t.configs.map((c) => ({
                      name: c.key,
                      value: c.value,
                      readOnly: false,
                      configSource: 1,
                      isSensitive: false,
                    }))
                  : null,
            });
          }
          const created = r.topics.filter((t) => t.errorCode === 0).map((t) => t.name);
          if (!request.validateOnly && created.length > 0) {
            await broker.waitForImage(
              (image) => created.every((name) => image.topicKeysByName.has(name)),
              Math.max(0, Math.min(request.timeoutMs, 30_000)),
            );
          }
        } catch (e) {
          const { code, message } = controllerFailure(e);
          for (const t of forward) results.set(t.name, failed(t.name, code, message));
        }
      }
      return {
        throttleTimeMs: 0,
        topics: request.topics
          .filter((t, i) => request.topics.findIndex((u) => u.name === t.name) === i)
          .map((t) => results.get(t.name) as CreateTopicsResponseCreatableTopicResult),
      };
    },
  };
}

function failed(
  name: string,
  errorCode: number,
  errorMessage: string,
): CreateTopicsResponseCreatableTopicResult {
  return {
    name,
    topicId: ZERO_UUID,
    errorCode,
    errorMessage,
    topicConfigErrorCode: 0,
    numPartitions: -1,
    replicationFactor: -1,
    configs: null,
  };
}
