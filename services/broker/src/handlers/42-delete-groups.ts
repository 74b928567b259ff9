/**
 * DeleteGroups (key 42), versions 0-2 (the Kafka 2.1 baseline to 3.9).
 *
 * - Each group is deleted by its own coordinator: only an Empty group can go
 *   (NON_EMPTY_GROUP otherwise; GROUP_ID_NOT_FOUND if unknown); its offsets
 *   and metadata are tombstoned in `__consumer_offsets` before the answer.
 * - A group this broker does not coordinate: NOT_COORDINATOR for that group;
 *   its partition still loading: COORDINATOR_LOAD_IN_PROGRESS; an empty id:
 *   INVALID_GROUP_ID.
 * - v2 is flexible.
 */
import { ApiKeys, type DeleteGroupsResponseDeletableGroupResult, ErrorCode } from "@runnel/kafka-protocol";
import type { GroupCoordination } from "../group/shell.js";
import type { Handler } from "../kafka/server.js";

export function deleteGroupsHandler(groups: GroupCoordination): Handler<typeof ApiKeys.DeleteGroups> {
  return {
    apiKey: ApiKeys.DeleteGroups,
    minVersion: 0,
    maxVersion: 2,
    async handle(request, ctx) {
      const rctx = groups.requestContext(ctx);
      const results = await Promise.all(
        request.groupsNames.map(async (groupId): Promise<DeleteGroupsResponseDeletableGroupResult> => {
          const route = groups.route(groupId);
          if (route.kind === "error") return { groupId, errorCode: route.errorCode };
          const r = await route.coordinator.run((c, now) =>
            c.deleteGroups({ ...request, groupsNames: [groupId] }, rctx, now),
          );
          return r?.results[0] ?? { groupId, errorCode: ErrorCode.NOT_COORDINATOR };
        }),
      );
      return { throttleTimeMs: 0, results };
    },
  };
}
