/**
 * SASL from the client's side for end-to-end tests: kcat with SASL settings, and a PLAIN
 * login over a bare Kafka connection (SaslHandshake v1, then SaslAuthenticate v2).
 */
import { execFile } from "node:child_process";
import { ApiKeys, ErrorCode } from "@runnel/kafka-protocol";
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
