/**
 * DescribeGroups (key 15), versions 0-5 (the Kafka 2.1 baseline to 3.9).
 *
 * - Each group is answered by its own coordinator: state, protocol type and
 *   (when Stable) the chosen protocol, members with their metadata and
 *   assignments; an unknown group is reported Dead with no error, as Kafka does.
 * - A group this broker does not coordinate: NOT_COORDINATOR for that group;
 *   its partition still loading: COORDINATOR_LOAD_IN_PROGRESS; an empty id:
 *   INVALID_GROUP_ID.
 * - v3+ authorized operations are not computed (reported as not requested);
 *   v4+ group instance ids; v5 is flexible.
 */
import { ApiKeys, type DescribeGroupsResponseDescribedGroup, ErrorCode } from "@runnel/kafka-protocol";
import type { GroupCoordination } from "../group/shell.js";
import type { Handler } from "../kafka/server.js";

/** DescribeGroups' "authorized operations not requested" marker. */
const AUTHORIZED_OPERATIONS_OMITTED = -2147483648;

export function describeGroupsHandler(groups: GroupCoordination): Handler<typeof ApiKeys.DescribeGroups> {
  return {
    apiKey: ApiKeys.DescribeGroups,
    minVersion: 0,
    maxVersion: 5,
    async handle(request, ctx) {
      const rctx = groups.requestContext(ctx);
      const described = await Promise.all(
        request.groups.map(async (groupId): Promise<DescribeGroupsResponseDescribedGroup> => {
          const failed = (errorCode: number): DescribeGroupsResponseDescribedGroup => ({
            errorCode,
            groupId,
            groupState: "",
            protocolType: "",
            protocolData: "",
            members: [],
            authorizedOperations: AUTHORIZED_OPERATIONS_OMITTED,
          });
          const route = groups.route(groupId);
          if (route.kind === "error") return failed(route.errorCode);
          const r = await route.coordinator.run((c, now) =>
            c.describeGroups({ ...request, groups: [groupId] }, rctx, now),
          );
          return r?.groups[0] ?? failed(ErrorCode.NOT_COORDINATOR);
        }),
      );
      return { throttleTimeMs: 0, groups: described };
    },
  };
}
