/**
 * SaslHandshake (key 17), version 1 only; registered only when the broker's
 * `authentication` is "sasl".
 *
 * - Answers the enabled mechanisms; the mechanism asked for becomes the
 *   connection's, and SaslAuthenticate requests carry its exchange.
 * - A mechanism that is not enabled: UNSUPPORTED_SASL_MECHANISM with the
 *   enabled list, then the connection closes (as Kafka's broker does).
 * - After authentication: ILLEGAL_SASL_STATE, the connection stays. During
 *   an exchange the listener closes the connection before this runs
 *   (auth/sasl.ts has the whole state machine).
 *
 * v0 (the mechanism's raw tokens after the handshake, outside Kafka framing)
 * is gone from Kafka 4 and not served: ApiVersions lists 1-1, and a v0
 * request closes the connection as any unsupported version does.
 */
import { ApiKeys } from "@runnel/kafka-protocol";
import type { SaslAuthority } from "../auth/sasl.js";
import type { Handler } from "../kafka/server.js";

export function saslHandshakeHandler(sasl: SaslAuthority): Handler<typeof ApiKeys.SaslHandshake> {
  return {
    apiKey: ApiKeys.SaslHandshake,
    minVersion: 1,
    maxVersion: 1,
    handle(request, ctx) {
      const out = sasl.handshake(ctx.connectionId, request.mechanism);
      if (out.close !== undefined) ctx.closeAfterResponse(out.close);
      return out.response;
    },
  };
}
