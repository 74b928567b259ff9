/**
 * CreateAcls (key 30), versions 1-3.
 *
 * Adds bindings to the connection's logical cluster through the controller, which validates
 * each (Kafka's rules; INVALID_REQUEST with the reason) and writes the valid ones; the answer
 * waits until this broker's image holds them, so the next request is authorized by them.
 * Needs ALTER on the cluster; without a logical cluster, SECURITY_DISABLED.
 */
import { ApiKeys, ErrorCode } from "@runnel/kafka-protocol";
import { AclOperation } from "@runnel/tenant";
import type { BrokerContext } from "../context.js";
import type { Handler } from "../kafka/server.js";
import { clusterAccessProblem, NO_AUTHORIZER } from "./acls.js";
import { controllerFailure } from "./forward.js";

/** How long an answer waits for the image to show a controller write. */
export const IMAGE_WAIT_MS = 10_000;

export function createAclsHandler(broker: BrokerContext): Handler<typeof ApiKeys.CreateAcls> {
  return {
    apiKey: ApiKeys.CreateAcls,
    minVersion: 1,
    maxVersion: 3,
    async handle(request, ctx) {
      const all = (errorCode: number, errorMessage: string) => ({
        throttleTimeMs: 0,
        results: request.creations.map(() => ({ errorCode, errorMessage })),
      });
      const lkc = ctx.session.logicalClusterId;
      if (lkc === null) return all(ErrorCode.SECURITY_DISABLED, NO_AUTHORIZER);
      const denied = clusterAccessProblem(broker.image(), ctx.session, ctx, AclOperation.ALTER);
      if (denied !== undefined) return all(ErrorCode.CLUSTER_AUTHORIZATION_FAILED, denied);
      try {
        const r = await broker.controller.call((c, o) =>
          c.createAcls(
            {
              logicalClusterId: lkc,
              creations: request.creations.map((a) => ({
                resourceType: a.resourceType,
                resourceName: a.resourceName,
                patternType: a.resourcePatternType,
                principal: a.principal,
                host: a.host,
                operation: a.operation,
                permissionType: a.permissionType,
              })),
            },
            o,
          ),
        );
        await broker.waitForImage((image) => image.lastOffset >= r.metadataOffset, IMAGE_WAIT_MS);
        return {
          throttleTimeMs: 0,
          results: r.results.map((x) => ({
            errorCode: x.errorCode,
            errorMessage: x.errorCode === 0 ? null : x.errorMessage,
          })),
        };
      } catch (e) {
        const { code, message } = controllerFailure(e);
        return all(code, message);
      }
    },
  };
}
