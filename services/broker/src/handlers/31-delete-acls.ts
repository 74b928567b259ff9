/**
 * DeleteAcls (key 31), versions 1-3.
 *
 * Removes the bindings of the connection's logical cluster that match each filter, through the
 * controller (matched and removed in one write against its image), and lists them. Needs
 * ALTER on the cluster; an invalid filter is INVALID_REQUEST; without a logical cluster,
 * SECURITY_DISABLED.
 */
import { ApiKeys, ErrorCode } from "@runnel/kafka-protocol";
import {
  AclOperation,
  AclPermissionType,
  aclCodeFromWire,
  aclFilterProblem,
  PatternType,
  ResourceType,
} from "@runnel/tenant";
import type { BrokerContext } from "../context.js";
import type { Handler } from "../kafka/server.js";
import { IMAGE_WAIT_MS } from "./30-create-acls.js";
import { clusterAccessProblem, NO_AUTHORIZER } from "./acls.js";
import { controllerFailure } from "./forward.js";

export function deleteAclsHandler(broker: BrokerContext): Handler<typeof ApiKeys.DeleteAcls> {
  return {
    apiKey: ApiKeys.DeleteAcls,
    minVersion: 1,
    maxVersion: 3,
    async handle(request, ctx) {
      const all = (errorCode: number, errorMessage: string) => ({
        throttleTimeMs: 0,
        filterResults: request.filters.map(() => ({ errorCode, errorMessage, matchingAcls: [] })),
      });
      const lkc = ctx.session.logicalClusterId;
      if (lkc === null) return all(ErrorCode.SECURITY_DISABLED, NO_AUTHORIZER);
      const denied = clusterAccessProblem(broker.image(), ctx.session, ctx, AclOperation.ALTER);
      if (denied !== undefined) return all(ErrorCode.CLUSTER_AUTHORIZATION_FAILED, denied);
      // Filters Kafka refuses are answered here; the others go to the controller.
      const problems = request.filters.map((f) =>
        aclFilterProblem({
          resourceType: aclCodeFromWire(ResourceType, f.resourceTypeFilter),
          resourceName: f.resourceNameFilter,
          patternType: aclCodeFromWire(PatternType, f.patternTypeFilter),
          principal: f.principalFilter,
          host: f.hostFilter,
          operation: aclCodeFromWire(AclOperation, f.operation),
          permissionType: aclCodeFromWire(AclPermissionType, f.permissionType),
        }),
      );
      const valid = request.filters.filter((_, i) => problems[i] === undefined);
      try {
        const r = await broker.controller.call((c, o) =>
          c.deleteAcls(
            {
              logicalClusterId: lkc,
              filters: valid.map((f) => ({
                resourceType: f.resourceTypeFilter,
                resourceName: f.resourceNameFilter ?? undefined,
                patternType: f.patternTypeFilter,
                principal: f.principalFilter ?? undefined,
                host: f.hostFilter ?? undefined,
                operation: f.operation,
                permissionType: f.permissionType,
              })),
            },
            o,
          ),
        );
        await broker.waitForImage((image) => image.lastOffset >= r.metadataOffset, IMAGE_WAIT_MS);
        let next = 0;
        return {
          throttleTimeMs: 0,
          filterResults: problems.map((problem) => {
            if (problem !== undefined)
              return { errorCode: problem.code, errorMessage: problem.message, matchingAcls: [] };
            const result = r.results[next++];
            return {
              errorCode: result?.errorCode ?? 0,
              errorMessage: result?.errorCode ? result.errorMessage : null,
              matchingAcls: (result?.deleted ?? []).map((d) => ({
                errorCode: 0,
                errorMessage: null,
                resourceType: d.resourceType,
                resourceName: d.resourceName ?? "",
                patternType: d.patternType,
                principal: d.principal ?? "",
                host: d.host ?? "",
                operation: d.operation,
                permissionType: d.permissionType,
              })),
            };
          }),
        };
      } catch (e) {
        const { code, message } = controllerFailure(e);
        return all(code, message);
      }
    },
  };
}
