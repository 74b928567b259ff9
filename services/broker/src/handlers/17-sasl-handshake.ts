/**
 * SaslHandshake (key 17), versions 0-1; registered only when the broker's
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
 * v0: the mechanism's messages follow as bare size-prefixed tokens instead of
 * SaslAuthenticate requests (the listener hands them to auth/sasl.ts). Kafka 4
 * still serves v0 (KIP-896 kept it for kafka-python), and librdkafka refuses
 * to authenticate with a broker whose SaslHandshake versions do not include
 * 0, even though it then sends v1.
 */
import { ApiKeys } from "@runnel/kafka-protocol";
import type { SaslAuthority } from "../auth/sasl.js";
import type { Handler } from "../kafka/server.js";

export function saslHandshakeHandler(sasl: SaslAuthority): Handler<typeof ApiKeys.SaslHandshake> {
  return {
    apiKey: ApiKeys.SaslHandshake,
    minVersion: 0,
    maxVersion: 1,
    handle(request, ctx) {
      const out = sasl.handshake(ctx.connectionId, request.mechanism, ctx.apiVersion);
      if (out.close !== undefined) ctx.closeAfterResponse(out.close);
      return out.response;
    },
  };
}
