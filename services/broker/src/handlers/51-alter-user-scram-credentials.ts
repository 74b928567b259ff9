/**
 * AlterUserScramCredentials (key 51), version 0.
 *
 * Sets and removes SCRAM credentials of the connection's logical cluster's users. The client
 * sends the salted password (RFC 5802's SaltedPassword); the broker keeps only StoredKey and
 * ServerKey derived from it, and the controller checks Kafka's rules per user (mechanism,
 * iterations within [4096, 16384], a user altered twice, deleting what does not exist). The
 * user then logs in as `<logical-cluster-id>_<user>`. Needs ALTER on the cluster. A connection
 * without a logical cluster gets INVALID_REQUEST: credentials belong to a logical cluster.
 */
import { createHash, createHmac } from "node:crypto";
import { ApiKeys, ErrorCode } from "@runnel/kafka-protocol";
import { AclOperation } from "@runnel/tenant";
import type { BrokerContext } from "../context.js";
import type { Handler } from "../kafka/server.js";
import { IMAGE_WAIT_MS } from "./30-create-acls.js";
import { clusterAccessProblem } from "./acls.js";
import { controllerFailure } from "./forward.js";

/** Kafka's ScramMechanism codes. */
export const SCRAM_MECHANISM_CODES: ReadonlyMap<number, "SCRAM-SHA-256" | "SCRAM-SHA-512"> = new Map([
  [1, "SCRAM-SHA-256"],
  [2, "SCRAM-SHA-512"],
]);

export const NO_LOGICAL_CLUSTER =
  "SCRAM credentials belong to a logical cluster; authenticate with one of its API keys";

function keysOf(
  mechanism: "SCRAM-SHA-256" | "SCRAM-SHA-512",
  salted: Uint8Array,
): { storedKey: Uint8Array; serverKey: Uint8Array } {
  const hash = mechanism === "SCRAM-SHA-256" ? "sha256" : "sha512";
  const clientKey = createHmac(hash, salted).update("Client Key").digest();
  return {
    storedKey: new Uint8Array(createHash(hash).update(clientKey).digest()),
    serverKey: new Uint8Array(createHmac(hash, salted).update("Server Key").digest()),
  };
}

export function alterUserScramCredentialsHandler(
  broker: BrokerContext,
): Handler<typeof ApiKeys.AlterUserScramCredentials> {
  return {
    apiKey: ApiKeys.AlterUserScramCredentials,
    minVersion: 0,
    maxVersion: 0,
    async handle(request, ctx) {
      const users = [...new Set([...request.deletions, ...request.upsertions].map((x) => x.name))];
      const all = (errorCode: number, errorMessage: string) => ({
        throttleTimeMs: 0,
        results: users.map((user) => ({ user, errorCode, errorMessage })),
      });
      const lkc = ctx.session.logicalClusterId;
      if (lkc === null) return all(ErrorCode.INVALID_REQUEST, NO_LOGICAL_CLUSTER);
      const denied = clusterAccessProblem(broker.image(), ctx.session, ctx, AclOperation.ALTER);
      if (denied !== undefined) return all(ErrorCode.CLUSTER_AUTHORIZATION_FAILED, denied);
      const mechanismName = (code: number) => SCRAM_MECHANISM_CODES.get(code) ?? `UNKNOWN(${code})`;
      try {
        const r = await broker.controller.call((c, o) =>
          c.alterScramCredentials(
            {
              logicalClusterId: lkc,
              deletions: request.deletions.map((d) => ({
                user: d.name,
                mechanism: mechanismName(d.mechanism),
              })),
              upsertions: request.upsertions.map((u) => {
                const mechanism = SCRAM_MECHANISM_CODES.get(u.mechanism);
                const keys =
                  mechanism === undefined
                    ? { storedKey: new Uint8Array(), serverKey: new Uint8Array() }
                    : keysOf(mechanism, u.saltedPassword);
                return {
                  user: u.name,
                  mechanism: mechanismName(u.mechanism),
                  salt: u.salt,
                  iterations: u.iterations,
                  ...keys,
                };
              }),
            },
            o,
          ),
        );
        await broker.waitForImage((image) => image.lastOffset >= r.metadataOffset, IMAGE_WAIT_MS);
        return {
          throttleTimeMs: 0,
          results: r.results.map((x) => ({
            user: x.user,
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
