/**
 * SyncGroup (key 14), versions 0-5 (the Kafka 2.1 baseline to 3.9).
 *
 * - Answered by the group's coordinator; the response is deferred until the
 *   leader's assignment arrives (or the rebalance ends otherwise). The leader's
 *   assignments are written to `__consumer_offsets` before anyone hears them.
 * - Not this broker's group: NOT_COORDINATOR; partition still loading:
 *   COORDINATOR_LOAD_IN_PROGRESS; empty group id: INVALID_GROUP_ID.
 * - v3+ static membership; v5+ protocol type and name, checked against the
 *   group's (INCONSISTENT_GROUP_PROTOCOL) and echoed.
 */
import { ApiKeys, ErrorCode, type SyncGroupResponse } from "@runnel/kafka-protocol";
import type { GroupCoordination } from "../group/shell.js";
import type { Handler } from "../kafka/server.js";

export function syncGroupHandler(groups: GroupCoordination): Handler<typeof ApiKeys.SyncGroup> {
  return {
    apiKey: ApiKeys.SyncGroup,
    minVersion: 0,
    maxVersion: 5,
    async handle(request, ctx) {
      const error = (errorCode: number): SyncGroupResponse => ({
        throttleTimeMs: 0,
        errorCode,
        protocolType: null,
        protocolName: null,
        assignment: new Uint8Array(0),
      });
      const route = groups.route(request.groupId);
      if (route.kind === "error") return error(route.errorCode);
      const rctx = groups.requestContext(ctx);
      const response = await groups.deferred<SyncGroupResponse>(route.coordinator, ctx, (c, ticket, now) =>
        c.syncGroup(ticket, request, rctx, now),
      );
      return response ?? error(ErrorCode.NOT_COORDINATOR);
    },
  };
}
