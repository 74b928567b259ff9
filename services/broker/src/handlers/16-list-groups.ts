/**
 * ListGroups (key 16), versions 0-5 (the Kafka 2.1 baseline to 3.9).
 *
 * - The groups of every coordinator on this broker (clients ask each broker
 *   and merge), sorted by group id; Dead groups are never listed.
 * - While some partition this broker leads is still loading:
 *   COORDINATOR_LOAD_IN_PROGRESS, with the groups of the loaded ones.
 * - v4+ filters by state (case-insensitive); v5+ by type: every group here
 *   is "classic".
 */
import { ApiKeys, ErrorCode, type ListGroupsResponseListedGroup } from "@runnel/kafka-protocol";
import type { GroupCoordination } from "../group/shell.js";
import type { Handler } from "../kafka/server.js";

export function listGroupsHandler(groups: GroupCoordination): Handler<typeof ApiKeys.ListGroups> {
  return {
    apiKey: ApiKeys.ListGroups,
    minVersion: 0,
    maxVersion: 5,
    async handle(request, ctx) {
      const rctx = groups.requestContext(ctx);
      const { coordinators, loading } = groups.all();
      const answers = await Promise.all(
        coordinators.map((co) => co.run((c, now) => c.listGroups(request, rctx, now))),
      );
      const listed: ListGroupsResponseListedGroup[] = [];
      let errorCode: number = loading ? ErrorCode.COORDINATOR_LOAD_IN_PROGRESS : ErrorCode.NONE;
      for (const a of answers) {
        if (a === null) errorCode = ErrorCode.COORDINATOR_LOAD_IN_PROGRESS;
        else listed.push(...a.groups);
      }
      listed.sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0));
      return { throttleTimeMs: 0, errorCode, groups: listed };
    },
  };
}
