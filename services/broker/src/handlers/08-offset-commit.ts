/**
 * OffsetCommit (key 8), versions 2-9 (the Kafka 2.1 baseline to 3.9).
 *
 * - Answered by the group's coordinator once the commits are in
 *   `__consumer_offsets`: a member commits with its generation (and, v7+,
 *   group instance id); a client without group management commits with
 *   generation -1 to an Empty group.
 * - A partition the metadata image does not know: UNKNOWN_TOPIC_OR_PARTITION
 *   for that partition; the others are committed.
 * - Not this broker's group: NOT_COORDINATOR for every partition; partition
 *   still loading: COORDINATOR_LOAD_IN_PROGRESS; empty group id: INVALID_GROUP_ID.
 * - v2-4 carry a retention time (KIP-211 ignores it from v5); v6+ the
 *   committed leader epoch; v8+ is flexible; v9 (KIP-848) is served as the
 *   classic protocol (the member epoch read as the generation).
 */
import {
  ApiKeys,
  ErrorCode,
  type OffsetCommitRequest,
  type OffsetCommitResponse,
  type OffsetCommitResponseOffsetCommitResponseTopic,
} from "@runnel/kafka-protocol";
import type { BrokerContext } from "../context.js";
import type { GroupCoordination } from "../group/shell.js";
import type { Handler } from "../kafka/server.js";

export function offsetCommitHandler(
  broker: BrokerContext,
  groups: GroupCoordination,
): Handler<typeof ApiKeys.OffsetCommit> {
  return {
    apiKey: ApiKeys.OffsetCommit,
    minVersion: 2,
    maxVersion: 9,
    async handle(request, ctx) {
      const all = (errorCode: number): OffsetCommitResponse => ({
        throttleTimeMs: 0,
        topics: request.topics.map((t) => ({
          name: t.name,
          partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, errorCode })),
        })),
      });
      const route = groups.route(request.groupId);
      if (route.kind === "error") return all(route.errorCode);
      // Partitions the image does not know are answered here; the rest go to the coordinator.
      const image = broker.image();
      const known: OffsetCommitRequest["topics"] = [];
      for (const t of request.topics) {
        const key = image.topicKeysByName.get(t.name);
        const count = key === undefined ? 0 : (image.topics.get(key)?.partitions.length ?? 0);
        const partitions = t.partitions.filter((p) => p.partitionIndex >= 0 && p.partitionIndex < count);
        if (partitions.length > 0) known.push({ ...t, partitions });
      }
      let committed: OffsetCommitResponse = { throttleTimeMs: 0, topics: [] };
      if (known.length > 0) {
        const rctx = groups.requestContext(ctx);
        const r = await route.coordinator.run((c, now) =>
          c.offsetCommit({ ...request, topics: known }, rctx, now),
        );
        if (r === null) return all(ErrorCode.NOT_COORDINATOR);
        committed = r;
      }
      return { throttleTimeMs: 0, topics: merge(request, committed.topics) };
    },
  };
}

/** The response in request order: the coordinator's answer where it gave one, else UNKNOWN_TOPIC_OR_PARTITION. */
function merge(
  request: OffsetCommitRequest,
  answered: readonly OffsetCommitResponseOffsetCommitResponseTopic[],
): OffsetCommitResponseOffsetCommitResponseTopic[] {
  const codes = new Map<string, number>();
  for (const t of answered)
    for (const p of t.partitions) codes.set(`${p.partitionIndex}:${t.name}`, p.errorCode);
  return request.topics.map((t) => ({
    name: t.name,
    partitions: t.partitions.map((p) => ({
      partitionIndex: p.partitionIndex,
      errorCode: codes.get(`${p.partitionIndex}:${t.name}`) ?? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
    })),
  }));
}
