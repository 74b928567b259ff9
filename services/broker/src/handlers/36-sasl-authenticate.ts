/**
 * SaslAuthenticate (key 36), versions 0-2; registered only when the broker's
 * `authentication` is "sasl". Carries the messages of the mechanism chosen
 * by SaslHandshake (auth/sasl.ts runs it):
 *
 * - PLAIN: one message, `authzid NUL api-key NUL secret`, checked against the
 *   API key's stored scrypt hash (auth/plain.ts).
 * - SCRAM-SHA-256/512: two rounds, client-first then client-final, answered
 *   with server-first and server-final (auth/scram.ts).
 * - Failure: SASL_AUTHENTICATION_FAILED with Kafka's message, and the
 *   connection closes once the answer is written. A logical cluster at its
 *   `max_connections` on this broker: POLICY_VIOLATION, then closed.
 * - After authentication: ILLEGAL_SASL_STATE, the connection stays.
 * - `session_lifetime_ms` (v1+) is 0: no re-authentication.
 *
 * v0 and v1 differ only in v1's session lifetime; v2 is flexible.
 */
import { ApiKeys } from "@runnel/kafka-protocol";
import type { SaslAuthority } from "../auth/sasl.js";
import type { Handler } from "../kafka/server.js";

export function saslAuthenticateHandler(sasl: SaslAuthority): Handler<typeof ApiKeys.SaslAuthenticate> {
  return {
    apiKey: ApiKeys.SaslAuthenticate,
    minVersion: 0,
    maxVersion: 2,
    async handle(request, ctx) {
      const out = await sasl.authenticate(ctx.connectionId, request.authBytes);
      if (out.close !== undefined) ctx.closeAfterResponse(out.close);
      return out.response;
    },
  };
}
