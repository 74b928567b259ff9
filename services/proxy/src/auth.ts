/**
 * The one request body the proxy reads: the credentials of the first
 * SaslAuthenticate, to learn whose connection it is (the tenant, a logical
 * cluster) before the broker checks them. The proxy never decides whether the
 * credentials are good; it only counts the connection against the tenant
 * they name, and refuses it when the tenant is over its connection limits.
 */
import { ApiKeys, decodeRequest, decodeResponse, ErrorCode, encodeResponse } from "@runnel/kafka-protocol";
import type { MetadataImage } from "@runnel/metadata";
import { decodeSaslName } from "@runnel/tenant";

/** The SASL mechanism and version of a SaslHandshake request frame (prefix included). */
export function handshakeOf(frame: Buffer): { mechanism: string; version: number } | { error: string } {
  const decoded = decodeRequest(frame.subarray(4));
  if (!decoded.ok) return { error: `SaslHandshake does not decode: ${decoded.error.message}` };
  if (decoded.value.apiKey !== ApiKeys.SaslHandshake) return { error: "not a SaslHandshake request" };
  return { mechanism: decoded.value.body.mechanism, version: decoded.value.apiVersion };
}

/** The error code of a SaslHandshake response frame (prefix included), or undefined if it does not decode. */
export function handshakeErrorCode(apiVersion: number, frame: Buffer): number | undefined {
  const decoded = decodeResponse(ApiKeys.SaslHandshake, apiVersion, frame.subarray(4));
  return decoded.ok ? decoded.value.body.errorCode : undefined;
}

/**
 * Client tokens in a mechanism's exchange, each answered by one server token: after
 * SaslHandshake v0 they travel bare, and the proxy counts them to know where the exchange ends
 * and Kafka requests begin again. 0 for a mechanism whose exchange it cannot count.
 */
export function saslRounds(mechanism: string): number {
  if (mechanism === "PLAIN") return 1;
  if (mechanism === "SCRAM-SHA-256" || mechanism === "SCRAM-SHA-512") return 2;
  return 0;
}

/** The auth bytes of a SaslAuthenticate request frame (prefix included). */
export function authenticateBytes(frame: Buffer): { bytes: Uint8Array } | { error: string } {
  const decoded = decodeRequest(frame.subarray(4));
  if (!decoded.ok) return { error: `SaslAuthenticate does not decode: ${decoded.error.message}` };
  if (decoded.value.apiKey !== ApiKeys.SaslAuthenticate) return { error: "not a SaslAuthenticate request" };
  return { bytes: decoded.value.body.authBytes };
}

/**
 * The login a client authenticates as: PLAIN's authcid (`authzid NUL authcid NUL password`,
 * RFC 4616) or the username of a SCRAM client-first message (`gs2-header n=<name>,r=<nonce>`,
 * RFC 5802, with `=2C` and `=3D` unescaped). Undefined for other mechanisms or malformed bytes.
 */
export function loginOf(mechanism: string, authBytes: Uint8Array): string | undefined {
  const text = Buffer.from(authBytes.buffer, authBytes.byteOffset, authBytes.byteLength).toString("utf8");
  if (mechanism === "PLAIN") {
    // Whatever the authzid: the broker refuses a mismatch; the proxy only learns the tenant.
    const parts = text.split("\0");
    return parts.length === 3 && parts[1] !== "" ? parts[1] : undefined;
  }
  if (mechanism === "SCRAM-SHA-256" || mechanism === "SCRAM-SHA-512") {
    // gs2-header is `<cbind-flag>,[a=<authzid>],`; the bare message follows the second comma.
    const first = text.indexOf(",");
    const second = first < 0 ? -1 : text.indexOf(",", first + 1);
    if (second < 0) return undefined;
    for (const attribute of text.slice(second + 1).split(",")) {
      if (attribute.startsWith("n=")) {
        const name = decodeSaslName(attribute.slice(2));
        return name === "" ? undefined : name;
      }
    }
    return undefined;
  }
  return undefined;
}

/**
 * The logical cluster a login belongs to, as the metadata image knows it: an API key's
 * (PLAIN) or a SCRAM credential's (login `<lkc-id>_<user>`). Undefined when the image does
 * not know the login; the broker will refuse it.
 */
export function tenantOf(image: MetadataImage, mechanism: string, login: string): string | undefined {
  if (mechanism === "PLAIN") return image.apiKeys.get(login)?.logicalClusterId;
  const credentials = image.scramCredentials.get(login);
  return credentials?.get(mechanism)?.logicalClusterId;
}

/** The error code of a SaslAuthenticate response frame (prefix included), or undefined if it does not decode. */
export function authenticateErrorCode(apiVersion: number, frame: Buffer): number | undefined {
  const decoded = decodeResponse(ApiKeys.SaslAuthenticate, apiVersion, frame.subarray(4));
  return decoded.ok ? decoded.value.body.errorCode : undefined;
}

/**
 * The proxy's own answer to a SaslAuthenticate request it refuses, with a message saying which
 * limit, encoded for the request's version: POLICY_VIOLATION for the open-connection limit (as
 * the broker answers it), THROTTLING_QUOTA_EXCEEDED for the connection rate.
 */
export function refuseAuthenticate(
  apiVersion: number,
  correlationId: number,
  message: string,
  limit: "connections" | "rate" = "connections",
): Buffer {
  return encodeResponse(ApiKeys.SaslAuthenticate, apiVersion, correlationId, {
    errorCode: limit === "rate" ? ErrorCode.THROTTLING_QUOTA_EXCEEDED : ErrorCode.POLICY_VIOLATION,
    errorMessage: message,
    authBytes: new Uint8Array(0),
    sessionLifetimeMs: 0n,
  });
}
