/**
 * ApiVersions as KIP-511 describes it. A client that does not know which
 * ApiVersions version a broker speaks sends its newest; a broker that does not
 * know that version answers with UNSUPPORTED_VERSION and its full key list in
 * a version-0 body (behind a v0 response header), which every client can parse,
 * and the client retries with the highest version the list allows.
 */
import { ApiKeys } from "./gen/api-table.js";
import { type ApiVersionsResponse, defaultApiVersionsResponse } from "./gen/apis/18-api-versions.js";
import { ErrorCode } from "./gen/error-codes.js";
import { apiDefinition, encodeResponse } from "./messages.js";

export interface SupportedApi {
  readonly apiKey: number;
  readonly minVersion: number;
  readonly maxVersion: number;
}

export interface ApiVersionsAnswer {
  /** The version to encode the response at: the request's, or 0 when it was not understood. */
  readonly version: number;
  readonly body: ApiVersionsResponse;
}

/**
 * Builds the answer to an ApiVersions request of `requestVersion`, advertising
 * `supported`. Fields other than the error code and key list (throttle time,
 * features) are left at their defaults for the caller to fill in.
 */
export function answerApiVersions(
  requestVersion: number,
  supported: readonly SupportedApi[],
): ApiVersionsAnswer {
  const body = defaultApiVersionsResponse();
  body.apiKeys = [...supported]
    .sort((a, b) => a.apiKey - b.apiKey)
    .map((s) => ({ apiKey: s.apiKey, minVersion: s.minVersion, maxVersion: s.maxVersion }));
  const own = supported.find((s) => s.apiKey === ApiKeys.ApiVersions);
  const codec = apiDefinition(ApiKeys.ApiVersions);
  const max = Math.min(own?.maxVersion ?? -1, codec?.maxVersion ?? -1);
  if (requestVersion > max || requestVersion < 0) {
    body.errorCode = ErrorCode.UNSUPPORTED_VERSION;
    return { version: 0, body };
  }
  return { version: requestVersion, body };
}

/** Encodes an ApiVersions answer as a size-prefixed frame (response header v0, as always for ApiVersions). */
export function encodeApiVersionsAnswer(correlationId: number, answer: ApiVersionsAnswer): Buffer {
  return encodeResponse(ApiKeys.ApiVersions, answer.version, correlationId, answer.body);
}

/**
 * KIP-511 client software names and versions: letters, digits, `.` and `-`,
 * starting and ending with a letter or digit. A request (v3+) that breaks this
 * is answered with INVALID_REQUEST.
 */
const SOFTWARE_PATTERN = /^[a-zA-Z0-9](?:[a-zA-Z0-9\-.]*[a-zA-Z0-9])?$/;

export function isValidClientSoftware(name: string, version: string): boolean {
  return SOFTWARE_PATTERN.test(name) && SOFTWARE_PATTERN.test(version);
}
