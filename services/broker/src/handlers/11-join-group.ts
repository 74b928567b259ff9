/**
 * JoinGroup (key 11), versions 2-9 (the Kafka 2.1 baseline to 3.9).
 *
 * - Answered by the group's coordinator (see `group/coordinator.ts`); the
 *   response is deferred until the rebalance the member joins completes (or
 *   its rebalance timeout), then sent once the group's state is in
 *   `__consumer_offsets`.
 * - Not this broker's group: NOT_COORDINATOR; partition still loading:
 *   COORDINATOR_LOAD_IN_PROGRESS; empty group id: INVALID_GROUP_ID.
 * - v4+: a new member is first told its member id with MEMBER_ID_REQUIRED
 *   (KIP-394); v5+ static membership (KIP-345); v7+ protocol type and name in
 *   the response; v8 a reason; v9 `skipAssignment` (KIP-814).
 */
import { ApiKeys, ErrorCode, type JoinGroupResponse } from "@runnel/kafka-protocol";
import type { GroupCoordination } from "../group/shell.js";
import type { Handler } from "../kafka/server.js";

export function joinGroupHandler(groups: GroupCoordination): Handler<typeof ApiKeys.JoinGroup> {
  return {
    apiKey: ApiKeys.JoinGroup,
    minVersion: 2,
    maxVersion: 9,
    async handle(request, ctx) {
      const error = (errorCode: number): JoinGroupResponse => ({
        throttleTimeMs: 0,
        errorCode,
        generationId: -1,
        protocolType: null,
        protocolName: ctx.apiVersion >= 7 ? null : "",
        leader: "",
        skipAssignment: false,
        memberId: request.memberId,
        members: [],
      });
      const route = groups.route(request.groupId);
      if (route.kind === "error") return error(route.errorCode);
      const rctx = groups.requestContext(ctx);
      const response = await groups.deferred<JoinGroupResponse>(route.coordinator, ctx, (c, ticket, now) =>
        c.joinGroup(ticket, request, rctx, now),
      );
      return response ?? error(ErrorCode.NOT_COORDINATOR);
    },
  };
}
