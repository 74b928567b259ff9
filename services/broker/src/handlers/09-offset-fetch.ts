/**
 * OffsetFetch (key 9), versions 1-9 (the Kafka 2.1 baseline to 3.9).
 *
 * - Answered by the group's coordinator: the committed offset, leader epoch
 *   (v5+) and metadata of each asked partition, -1 for none; a null topic
 *   list (v2+) asks for every committed offset of the group.
 * - Not this broker's group: NOT_COORDINATOR; partition still loading:
 *   COORDINATOR_LOAD_IN_PROGRESS; empty group id: INVALID_GROUP_ID. v1 has no
 *   top-level error code, so those errors are set on every partition; v2-7 in
 *   the top-level error code; v8+ batches groups, each routed to its own
 *   coordinator with its own error code.
 * - `requireStable` (v7+) changes nothing until transactions land: no offset
 *   is ever pending.
 */
import {
  ApiKeys,
  ErrorCode,
  type OffsetFetchResponse,
  type OffsetFetchResponseOffsetFetchResponseGroup,
} from "@runnel/kafka-protocol";
import type { GroupCoordination } from "../group/shell.js";
import type { Handler } from "../kafka/server.js";

export function offsetFetchHandler(groups: GroupCoordination): Handler<typeof ApiKeys.OffsetFetch> {
  return {
    apiKey: ApiKeys.OffsetFetch,
    minVersion: 1,
    maxVersion: 9,
    async handle(request, ctx) {
      const v = ctx.apiVersion;
      const rctx = groups.requestContext(ctx);
      if (v >= 8) {
        const answers = await Promise.all(
          request.groups.map(async (g): Promise<OffsetFetchResponseOffsetFetchResponseGroup> => {
            const failed = (errorCode: number) => ({ groupId: g.groupId, topics: [], errorCode });
            const route = groups.route(g.groupId);
            if (route.kind === "error") return failed(route.errorCode);
            const r = await route.coordinator.run((c, now) =>
              c.offsetFetch({ ...request, groups: [g] }, rctx, now),
            );
            return r?.groups[0] ?? failed(ErrorCode.NOT_COORDINATOR);
          }),
        );
        return { throttleTimeMs: 0, topics: [], errorCode: ErrorCode.NONE, groups: answers };
      }
      const failed = (errorCode: number): OffsetFetchResponse => ({
        throttleTimeMs: 0,
        topics:
          v >= 2
            ? []
            : (request.topics ?? []).map((t) => ({
                name: t.name,
                partitions: t.partitionIndexes.map((partitionIndex) => ({
                  partitionIndex,
                  committedOffset: -1n,
                  committedLeaderEpoch: -1,
                  metadata: "",
                  errorCode,
                })),
              })),
        errorCode,
        groups: [],
      });
      const route = groups.route(request.groupId);
      if (route.kind === "error") return failed(route.errorCode);
      const r = await route.coordinator.run((c, now) => c.offsetFetch(request, rctx, now));
      return r ?? failed(ErrorCode.NOT_COORDINATOR);
    },
  };
}
