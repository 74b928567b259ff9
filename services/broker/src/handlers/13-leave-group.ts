/**
 * LeaveGroup (key 13), versions 0-5 (the Kafka 2.1 baseline to 3.9).
 *
 * - Answered by the group's coordinator: the member leaves and the group
 *   rebalances (or becomes Empty, which is written to `__consumer_offsets`).
 * - Not this broker's group: NOT_COORDINATOR; partition still loading:
 *   COORDINATOR_LOAD_IN_PROGRESS; empty group id: INVALID_GROUP_ID.
 * - v0-2 name one member; v3+ a batch of members with per-member errors
 *   (KIP-345, an admin may remove static members by instance id); v5 a reason.
 */
import { ApiKeys, ErrorCode } from "@runnel/kafka-protocol";
import type { GroupCoordination } from "../group/shell.js";
import type { Handler } from "../kafka/server.js";

export function leaveGroupHandler(groups: GroupCoordination): Handler<typeof ApiKeys.LeaveGroup> {
  return {
    apiKey: ApiKeys.LeaveGroup,
    minVersion: 0,
    maxVersion: 5,
    async handle(request, ctx) {
      const error = (errorCode: number) => ({ throttleTimeMs: 0, errorCode, members: [] });
      const route = groups.route(request.groupId);
      if (route.kind === "error") return error(route.errorCode);
      const rctx = groups.requestContext(ctx);
      const response = await route.coordinator.run((c, now) => c.leaveGroup(request, rctx, now));
      return response ?? error(ErrorCode.NOT_COORDINATOR);
    },
  };
}
