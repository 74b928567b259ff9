/**
 * CreatePartitions (key 37), versions 0-3.
 *
 * - Forwarded to the controller, which only ever increases a topic's
 *   partition count (INVALID_PARTITIONS otherwise) and places new replicas
 *   like the existing ones; explicit assignments are passed through.
 * - The answer waits (up to the request's timeout) until this broker's image
 *   shows the new partitions.
 */
import { ApiKeys, type CreatePartitionsResponseCreatePartitionsTopicResult } from "@runnel/kafka-protocol";
import type { BrokerContext } from "../context.js";
import type { Handler } from "../kafka/server.js";
import { controllerFailure } from "./forward.js";

export function createPartitionsHandler(broker: BrokerContext): Handler<typeof ApiKeys.CreatePartitions> {
  return {
    apiKey: ApiKeys.CreatePartitions,
    minVersion: 0,
    maxVersion: 3,
    async handle(request) {
      let results: CreatePartitionsResponseCreatePartitionsTopicResult[];
      try {
        const r = await broker.controller.call((c, o) =>
          c.createPartitions(
            {
              topics: request.topics.map((t) => ({
                name: t.name,
                count: t.count,
                assignments: (t.assignments ?? []).map((a) => ({ brokerIds: [...a.brokerIds] })),
              })),
              validateOnly: request.validateOnly,
            },
            o,
          ),
        );
        results = r.topics.map((t) => ({
          name: t.name,
          errorCode: t.errorCode,
          errorMessage: t.errorCode === 0 ? null : t.errorMessage,
        }));
        const grown = request.topics.filter((t) =>
          r.topics.some((x) => x.name === t.name && x.errorCode === 0),
        );
        if (!request.validateOnly && grown.length > 0) {
          await broker.waitForImage(
            (image) =>
              grown.every((t) => {
                const key = image.topicKeysByName.get(t.name);
                return key !== undefined && (image.topics.get(key)?.partitions.length ?? 0) >= t.count;
              }),
            Math.max(0, Math.min(request.timeoutMs, 30_000)),
          );
        }
      } catch (e) {
        const { code, message } = controllerFailure(e);
        results = request.topics.map((t) => ({ name: t.name, errorCode: code, errorMessage: message }));
      }
      return { throttleTimeMs: 0, results };
    },
  };
}
