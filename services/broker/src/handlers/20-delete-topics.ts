/**
 * DeleteTopics (key 20), versions 1-6 (the Kafka 2.1 baseline to 3.9).
 *
 * - v1-5 name topics; v6 names or topic ids. Forwarded to the controller;
 *   the answer waits (up to the request's timeout) until this broker's image
 *   no longer has the deleted topics.
 * - Unknown names: UNKNOWN_TOPIC_OR_PARTITION; unknown ids: UNKNOWN_TOPIC_ID.
 * - v5+ carries error messages; v6 the topic id of each result.
 */
import {
  ApiKeys,
  type DeleteTopicsResponseDeletableTopicResult,
  uuidFromBytes,
  uuidToBytes,
  ZERO_UUID,
} from "@runnel/kafka-protocol";
import type { TopicRef } from "@runnel/rpc";
import type { BrokerContext } from "../context.js";
import type { Handler } from "../kafka/server.js";
import { controllerFailure } from "./forward.js";

export function deleteTopicsHandler(broker: BrokerContext): Handler<typeof ApiKeys.DeleteTopics> {
  return {
    apiKey: ApiKeys.DeleteTopics,
    minVersion: 1,
    maxVersion: 6,
    async handle(request, ctx) {
      const refs: TopicRef["ref"][] =
        ctx.apiVersion >= 6
          ? request.topics.map((t) =>
              t.name !== null && t.name !== ""
                ? { case: "name" as const, value: t.name }
                : { case: "topicId" as const, value: new Uint8Array(uuidToBytes(t.topicId)) },
            )
          : request.topicNames.map((name) => ({ case: "name" as const, value: name }));
      let responses: DeleteTopicsResponseDeletableTopicResult[];
      try {
        const r = await broker.controller.call((c, o) =>
          c.deleteTopics({ topics: refs.map((ref) => ({ ref })) }, o),
        );
        responses = r.topics.map((t) => ({
          name: t.name === "" ? null : t.name,
          topicId: t.topicId.byteLength === 16 ? uuidFromBytes(t.topicId) : ZERO_UUID,
          errorCode: t.errorCode,
          errorMessage: t.errorCode === 0 ? null : t.errorMessage,
        }));
        const deleted = r.topics.filter((t) => t.errorCode === 0).map((t) => t.name);
        if (deleted.length > 0) {
          await broker.waitForImage(
            (image) => deleted.every((name) => !image.topicKeysByName.has(name)),
            Math.max(0, Math.min(request.timeoutMs, 30_000)),
          );
        }
      } catch (e) {
        const { code, message } = controllerFailure(e);
        responses = refs.map((ref) => ({
          name: ref.case === "name" ? ref.value : null,
          topicId: ref.case === "topicId" ? uuidFromBytes(ref.value) : ZERO_UUID,
          errorCode: code,
          errorMessage: message,
        }));
      }
      return { throttleTimeMs: 0, responses };
    },
  };
}
