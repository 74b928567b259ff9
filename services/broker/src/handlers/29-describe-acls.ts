/**
 * DescribeAcls (key 29), versions 1-3 (v0 is below the Kafka 2.1 baseline's pattern types).
 *
 * Lists the bindings of the connection's logical cluster that match the filter, grouped by
 * resource, in the tenant's own names. Needs DESCRIBE on the cluster. An invalid filter is
 * INVALID_REQUEST; without a logical cluster, SECURITY_DISABLED.
 */
import { ApiKeys, ErrorCode } from "@runnel/kafka-protocol";
import {
  type AclBindingFilter,
  AclOperation,
  AclPermissionType,
  aclCodeFromWire,
  aclFilterProblem,
  matchesFilter,
  PatternType,
  ResourceType,
} from "@runnel/tenant";
import type { BrokerContext } from "../context.js";
import type { Handler } from "../kafka/server.js";
import { clusterAccessProblem, NO_AUTHORIZER, tenantAcls } from "./acls.js";

export function describeAclsHandler(broker: BrokerContext): Handler<typeof ApiKeys.DescribeAcls> {
  return {
    apiKey: ApiKeys.DescribeAcls,
    minVersion: 1,
    maxVersion: 3,
    handle(request, ctx) {
      const fail = (errorCode: number, errorMessage: string) => ({
        throttleTimeMs: 0,
        errorCode,
        errorMessage,
        resources: [],
      });
      const lkc = ctx.session.logicalClusterId;
      if (lkc === null) return fail(ErrorCode.SECURITY_DISABLED, NO_AUTHORIZER);
      const image = broker.image();
      const denied = clusterAccessProblem(image, ctx.session, ctx, AclOperation.DESCRIBE);
      if (denied !== undefined) return fail(ErrorCode.CLUSTER_AUTHORIZATION_FAILED, denied);
      const filter: AclBindingFilter = {
        resourceType: aclCodeFromWire(ResourceType, request.resourceTypeFilter),
        resourceName: request.resourceNameFilter,
        patternType: aclCodeFromWire(PatternType, request.patternTypeFilter),
        principal: request.principalFilter,
        host: request.hostFilter,
        operation: aclCodeFromWire(AclOperation, request.operation),
        permissionType: aclCodeFromWire(AclPermissionType, request.permissionType),
      };
      const problem = aclFilterProblem(filter);
      if (problem !== undefined) return fail(problem.code, problem.message);
      const resources = new Map<
        string,
        {
          resourceType: number;
          resourceName: string;
          patternType: number;
          acls: { principal: string; host: string; operation: number; permissionType: number }[];
        }
      >();
      for (const { binding } of tenantAcls(image, lkc)) {
        if (!matchesFilter(binding, filter)) continue;
        const key = `${binding.resourceType}\u0000${binding.patternType}\u0000${binding.resourceName}`;
        let resource = resources.get(key);
        if (resource === undefined) {
          resource = {
            resourceType: binding.resourceType,
            resourceName: binding.resourceName,
            patternType: binding.patternType,
            acls: [],
          };
          resources.set(key, resource);
        }
        const { principal, host, operation, permissionType } = binding;
        resource.acls.push({ principal, host, operation, permissionType });
      }
      return { throttleTimeMs: 0, errorCode: 0, errorMessage: null, resources: [...resources.values()] };
    },
  };
}
