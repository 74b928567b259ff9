/**
 * DescribeUserScramCredentials (key 50), version 0.
 *
 * The mechanisms and iteration counts of the connection's logical cluster's users (all of them
 * when the request names none; RESOURCE_NOT_FOUND for a named user without credentials,
 * DUPLICATE_RESOURCE for a user named twice). Needs DESCRIBE on the cluster.
 */
import { ApiKeys, ErrorCode } from "@runnel/kafka-protocol";
import { scramLoginName } from "@runnel/metadata";
import { AclOperation, Namespace } from "@runnel/tenant";
import type { BrokerContext } from "../context.js";
import type { Handler } from "../kafka/server.js";
import { NO_LOGICAL_CLUSTER, SCRAM_MECHANISM_CODES } from "./51-alter-user-scram-credentials.js";
import { clusterAccessProblem } from "./acls.js";

const CODE_OF = new Map([...SCRAM_MECHANISM_CODES].map(([code, name]) => [name as string, code]));

export function describeUserScramCredentialsHandler(
  broker: BrokerContext,
): Handler<typeof ApiKeys.DescribeUserScramCredentials> {
  return {
    apiKey: ApiKeys.DescribeUserScramCredentials,
    minVersion: 0,
    maxVersion: 0,
    handle(request, ctx) {
      const fail = (errorCode: number, errorMessage: string) => ({
        throttleTimeMs: 0,
        errorCode,
        errorMessage,
        results: [],
      });
      const lkc = ctx.session.logicalClusterId;
      if (lkc === null) return fail(ErrorCode.INVALID_REQUEST, NO_LOGICAL_CLUSTER);
      const image = broker.image();
      const denied = clusterAccessProblem(image, ctx.session, ctx, AclOperation.DESCRIBE);
      if (denied !== undefined) return fail(ErrorCode.CLUSTER_AUTHORIZATION_FAILED, denied);
      const ns = new Namespace(lkc);
      const users =
        request.users === null || request.users.length === 0
          ? [...image.scramCredentials.keys()].flatMap((login) => ns.toExternal(login) ?? []).sort()
          : request.users.map((u) => u.name);
      const counts = new Map<string, number>();
      for (const u of users) counts.set(u, (counts.get(u) ?? 0) + 1);
      const results = [...new Set(users)].map((user) => {
        if ((counts.get(user) ?? 0) > 1) {
          return {
            user,
            errorCode: ErrorCode.DUPLICATE_RESOURCE,
            errorMessage: "Cannot describe SCRAM credentials for the same user twice in a single request",
            credentialInfos: [],
          };
        }
        const mechanisms = image.scramCredentials.get(scramLoginName(lkc, user));
        if (mechanisms === undefined) {
          return {
            user,
            errorCode: ErrorCode.RESOURCE_NOT_FOUND,
            errorMessage: "Attempt to describe a user credential that does not exist",
            credentialInfos: [],
          };
        }
        const credentialInfos = [...mechanisms.values()].map((c) => ({
          mechanism: CODE_OF.get(c.mechanism) ?? 0,
          iterations: c.iterations,
        }));
        return { user, errorCode: 0, errorMessage: null, credentialInfos };
      });
      return { throttleTimeMs: 0, errorCode: 0, errorMessage: null, results };
    },
  };
}
