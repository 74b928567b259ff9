/**
 * SASL from the client's side for end-to-end tests: kcat with SASL settings, a PLAIN login
 * over a bare Kafka connection (SaslHandshake v1, then SaslAuthenticate v2), and a logical
 * cluster with credentials made through the controller.
 */
import { execFile } from "node:child_process";
import { ApiKeys, ErrorCode } from "@runnel/kafka-protocol";
import type { ControllerService, LeaderClient } from "@runnel/rpc";
import { type ApiKey, hashApiKeySecret, type ScramMechanism, scramCredential } from "@runnel/tenant";
import { expect } from "vitest";
import { WireClient } from "./kafka-wire.js";

/** kcat's arguments to reach `bootstrap` with SASL_PLAINTEXT and `mechanism`. */
export function kcatSaslArgs(
  bootstrap: string,
  mechanism: string,
  username: string,
  password: string,
): string[] {
  return [
    "-b",
    bootstrap,
    "-X",
    "security.protocol=SASL_PLAINTEXT",
    "-X",
    `sasl.mechanisms=${mechanism}`,
    "-X",
    `sasl.username=${username}`,
    "-X",
    `sasl.password=${password}`,
  ];
}

/** Runs kcat with `args`, `input` on its stdin; never throws. */
export function runKcat(
  args: string[],
  input?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile("kcat", args, { timeout: 60_000, maxBuffer: 16 << 20 }, (e, stdout, stderr) => {
      const code = e === null ? 0 : typeof e.code === "number" ? e.code : 1;
      resolve({ code, stdout, stderr });
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** A new connection to `port` that has done SaslHandshake v1 for `mechanism`. */
export async function handshaken(port: number, mechanism: string): Promise<WireClient> {
  const wire = await WireClient.connect(port);
  const hs = await wire.send(ApiKeys.SaslHandshake, 1, { mechanism });
  expect(hs.errorCode).toBe(ErrorCode.NONE);
  return wire;
}

/** A PLAIN exchange with `token` (`authzid\0authcid\0password`) on a new connection to `port`. */
export async function plainLogin(
  port: number,
  token: string,
): Promise<{ wire: WireClient; errorCode: number; errorMessage: string | null }> {
  const wire = await handshaken(port, "PLAIN");
  const r = await wire.send(ApiKeys.SaslAuthenticate, 2, { authBytes: Buffer.from(token, "utf8") });
  return { wire, errorCode: r.errorCode, errorMessage: r.errorMessage };
}

/**
 * A logical cluster made through the controller's RPCs, as a control plane would: `apiKey` as
 * an admin key of it, and SCRAM credentials of `user` for each of `mechanisms`. Its id.
 */
export async function tenantWithCredentials(
  controller: LeaderClient<typeof ControllerService>,
  o: {
    readonly name: string;
    readonly apiKey: ApiKey;
    readonly principal?: string;
    readonly user: string;
    readonly password: string;
    readonly mechanisms: readonly ScramMechanism[];
  },
): Promise<string> {
  const { id } = await controller.call((c, opts) => c.createLogicalCluster({ name: o.name }, opts));
  const stored = hashApiKeySecret(o.apiKey.secret);
  await controller.call((c, opts) =>
    c.createApiKey(
      {
        logicalClusterId: id,
        key: o.apiKey.key,
        salt: stored.salt,
        hash: stored.hash,
        principal: o.principal ?? "",
        admin: true,
      },
      opts,
    ),
  );
  const upsertions = o.mechanisms.map((mechanism) => {
    const { salt, iterations, storedKey, serverKey } = scramCredential(mechanism, o.password);
    return { user: o.user, mechanism, salt, iterations, storedKey, serverKey };
  });
  const altered = await controller.call((c, opts) =>
    c.alterScramCredentials({ logicalClusterId: id, upsertions }, opts),
  );
  expect(altered.results.map((r) => r.errorCode)).toEqual([ErrorCode.NONE]);
  return id;
}
