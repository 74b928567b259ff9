/**
 * Heartbeat (key 12), versions 0-4 (the Kafka 2.1 baseline to 3.9).
 *
 * - Answered by the group's coordinator: keeps the member's session alive;
 *   REBALANCE_IN_PROGRESS tells it to rejoin; UNKNOWN_MEMBER_ID or
 *   ILLEGAL_GENERATION that it is out of the group.
 * - Not this broker's group: NOT_COORDINATOR; partition still loading:
 *   COORDINATOR_LOAD_IN_PROGRESS; empty group id: INVALID_GROUP_ID.
 * - v3+ static membership (group instance id).
 */
import { ApiKeys, ErrorCode } from "@runnel/kafka-protocol";
import type { GroupCoordination } from "../group/shell.js";
import type { Handler } from "../kafka/server.js";

export function heartbeatHandler(groups: GroupCoordination): Handler<typeof ApiKeys.Heartbeat> {
  return {
    apiKey: ApiKeys.Heartbeat,
    minVersion: 0,
    maxVersion: 4,
    async handle(request, ctx) {
      const route = groups.route(request.groupId);
      if (route.kind === "error") return { throttleTimeMs: 0, errorCode: route.errorCode };
      const rctx = groups.requestContext(ctx);
      const response = await route.coordinator.run((c, now) => c.heartbeat(request, rctx, now));
      return response ?? { throttleTimeMs: 0, errorCode: ErrorCode.NOT_COORDINATOR };
    },
  };
}
