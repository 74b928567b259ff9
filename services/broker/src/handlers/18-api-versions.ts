/**
 * ApiVersions (key 18), versions 0-4.
 *
 * - Lists every API key this broker serves with the versions it serves: an API
 *   appears only once its handler is registered, and handlers are registered
 *   only with a semantic test behind them.
 * - A version this broker does not know is answered by the listener itself
 *   (KIP-511: UNSUPPORTED_VERSION and the key list in a v0 body).
 * - v3+: the client's software name and version must be well formed, else
 *   INVALID_REQUEST (KIP-511).
 */
import { ApiKeys, answerApiVersions, ErrorCode, isValidClientSoftware } from "@runnel/kafka-protocol";
import type { BrokerContext } from "../context.js";
import type { Handler } from "../kafka/server.js";

export function apiVersionsHandler(broker: BrokerContext): Handler<typeof ApiKeys.ApiVersions> {
  return {
    apiKey: ApiKeys.ApiVersions,
    minVersion: 0,
    maxVersion: 4,
    handle(request, ctx) {
      const answer = answerApiVersions(ctx.apiVersion, broker.supportedApis());
      if (
        ctx.apiVersion >= 3 &&
        !isValidClientSoftware(request.clientSoftwareName, request.clientSoftwareVersion)
      ) {
        answer.body.errorCode = ErrorCode.INVALID_REQUEST;
      }
      return answer.body;
    },
  };
}
