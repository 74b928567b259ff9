/**
 * OffsetDelete (key 47), version 0 (Kafka 2.4 to 3.9).
 *
 * - Answered by the group's coordinator: deletes committed offsets of an
 *   Empty group, or of topics a live consumer group does not subscribe to
 *   (GROUP_SUBSCRIBED_TO_TOPIC otherwise); the tombstones are in
 *   `__consumer_offsets` before the answer. Unknown group: GROUP_ID_NOT_FOUND.
 * - Not this broker's group: NOT_COORDINATOR; partition still loading:
 *   COORDINATOR_LOAD_IN_PROGRESS; empty group id: INVALID_GROUP_ID.
 */
import { ApiKeys, ErrorCode } from "@runnel/kafka-protocol";
import type { GroupCoordination } from "../group/shell.js";
import type { Handler } from "../kafka/server.js";

export function offsetDeleteHandler(groups: GroupCoordination): Handler<typeof ApiKeys.OffsetDelete> {
  return {
    apiKey: ApiKeys.OffsetDelete,
    minVersion: 0,
    maxVersion: 0,
    async handle(request, ctx) {
      const error = (errorCode: number) => ({ errorCode, throttleTimeMs: 0, topics: [] });
      const route = groups.route(request.groupId);
      if (route.kind === "error") return error(route.errorCode);
      const rctx = groups.requestContext(ctx);
      const r = await route.coordinator.run((c, now) => c.offsetDelete(request, rctx, now));
      return r ?? error(ErrorCode.NOT_COORDINATOR);
    },
  };
}
