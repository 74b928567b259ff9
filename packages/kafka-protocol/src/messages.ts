/**
 * Whole requests and responses: header plus body, with the header version each
 * API and version calls for, encoded as size-prefixed frames.
 */
import type { ApiDefinition } from "./codec/api.js";
import { type DecodeResult, decodeError, EncodeError } from "./codec/errors.js";
import { Reader } from "./codec/reader.js";
import { Writer } from "./codec/writer.js";
import { type ApiKey, ApiKeys, type ApiRequests, type ApiResponses, apiTable } from "./gen/api-table.js";
import { type RequestHeader, readRequestHeader, writeRequestHeader } from "./gen/headers/request-header.js";
import {
  type ResponseHeader,
  readResponseHeader,
  writeResponseHeader,
} from "./gen/headers/response-header.js";

/** The codec of an API key, or undefined for a key with no stable version. */
export function apiDefinition(apiKey: number): ApiDefinition<unknown, unknown> | undefined {
  return (apiTable as Record<number, ApiDefinition<unknown, unknown> | undefined>)[apiKey];
}

export function isSupportedVersion(apiKey: number, apiVersion: number): boolean {
  const api = apiDefinition(apiKey);
  return api !== undefined && apiVersion >= api.minVersion && apiVersion <= api.maxVersion;
}

/**
 * Request header v0 is used only by ControlledShutdown v0; v2 by flexible
 * versions; v1 by everything else.
 */
export function requestHeaderVersion(apiKey: number, apiVersion: number): number {
  if (apiKey === ApiKeys.ControlledShutdown && apiVersion === 0) return 0;
  const api = apiDefinition(apiKey);
  return api !== undefined && api.requestFlexibleFrom >= 0 && apiVersion >= api.requestFlexibleFrom ? 2 : 1;
}

/**
 * Response header v1 goes with flexible versions, except that ApiVersions
 * responses always use v0, so that a client can read the answer to a version
 * it guessed (KIP-511).
 */
export function responseHeaderVersion(apiKey: number, apiVersion: number): number {
  if (apiKey === ApiKeys.ApiVersions) return 0;
  const api = apiDefinition(apiKey);
  return api !== undefined && api.responseFlexibleFrom >= 0 && apiVersion >= api.responseFlexibleFrom ? 1 : 0;
}

export interface DecodedRequest<K extends ApiKey = ApiKey> {
  readonly header: RequestHeader;
  readonly apiKey: K;
  readonly apiVersion: number;
  readonly body: ApiRequests[K];
}

/** A decoded request of any API: narrowing on `apiKey` narrows `body`. */
export type AnyDecodedRequest = { [K in ApiKey]: DecodedRequest<K> }[ApiKey];

export interface DecodedResponse<K extends ApiKey = ApiKey> {
  readonly header: ResponseHeader;
  readonly body: ApiResponses[K];
}

/**
 * Decodes a request frame (the bytes after the 4-byte size prefix). Byte and
 * records fields of the result are views into `frame`.
 */
export function decodeRequest(frame: Uint8Array): DecodeResult<AnyDecodedRequest> {
  const r = new Reader(frame);
  const apiKey = r.int16();
  const apiVersion = r.int16();
  if (r.error !== null) return { ok: false, error: r.error };
  const api = apiDefinition(apiKey);
  if (api === undefined) {
    return { ok: false, error: decodeError("UNKNOWN_API_KEY", `unknown API key ${apiKey}`, 0) };
  }
  if (apiVersion < api.minVersion || apiVersion > api.maxVersion) {
    return {
      ok: false,
      error: decodeError(
        "UNSUPPORTED_VERSION",
        `${api.name} version ${apiVersion} is outside the supported range ${api.minVersion}-${api.maxVersion}`,
        2,
      ),
    };
  }
  r.pos = 0;
  const header = readRequestHeader(r, requestHeaderVersion(apiKey, apiVersion));
  const body = api.readRequest(r, apiVersion);
  if (r.error !== null) return { ok: false, error: r.error };
  // The table lookup guarantees that body is the request type of apiKey.
  const value = { header, apiKey, apiVersion, body } as AnyDecodedRequest;
  return { ok: true, value };
}

/**
 * Decodes a response frame (the bytes after the size prefix). The API key and
 * version are not on the wire: they come from the request it answers.
 */
export function decodeResponse<K extends ApiKey>(
  apiKey: K,
  apiVersion: number,
  frame: Uint8Array,
): DecodeResult<DecodedResponse<K>> {
  const api = apiDefinition(apiKey);
  if (api === undefined || apiVersion < api.minVersion || apiVersion > api.maxVersion) {
    return {
      ok: false,
      error: decodeError(
        "UNSUPPORTED_VERSION",
        `API key ${apiKey} version ${apiVersion} is not supported`,
        0,
      ),
    };
  }
  const r = new Reader(frame);
  const header = readResponseHeader(r, responseHeaderVersion(apiKey, apiVersion));
  const body = api.readResponse(r, apiVersion);
  if (r.error !== null) return { ok: false, error: r.error };
  return { ok: true, value: { header, body: body as ApiResponses[K] } };
}

function checkedApi(apiKey: number, apiVersion: number): ApiDefinition<unknown, unknown> {
  const api = apiDefinition(apiKey);
  if (api === undefined) throw new EncodeError(`unknown API key ${apiKey}`);
  if (apiVersion < api.minVersion || apiVersion > api.maxVersion) {
    throw new EncodeError(`${api.name} version ${apiVersion} is outside ${api.minVersion}-${api.maxVersion}`);
  }
  return api;
}

/** Starts a frame: 4 bytes reserved for the size prefix. */
function startFrame(sizeHint: number, zeroCopyMinBytes = 0): Writer {
  const w = new Writer({ initialBytes: sizeHint, zeroCopyMinBytes });
  w.int32(0);
  return w;
}

function finishFrame(w: Writer): Buffer {
  const out = w.finish();
  out.writeInt32BE(out.byteLength - 4, 0);
  return out;
}

/** The frame as chunks; the size prefix lies in the first chunk, which holds at least the header. */
function finishFrameChunks(w: Writer): Buffer[] {
  const chunks = w.finishChunks();
  (chunks[0] as Buffer).writeInt32BE(w.length - 4, 0);
  return chunks;
}

export interface RequestHeaderInput {
  readonly correlationId: number;
  readonly clientId: string | null;
  /** Header tagged fields (header v2 only), kept when a decoded request is re-encoded. */
  readonly _unknownTaggedFields?: RequestHeader["_unknownTaggedFields"];
}

/** Encodes a request as a size-prefixed frame. */
export function encodeRequest<K extends ApiKey>(
  apiKey: K,
  apiVersion: number,
  header: RequestHeaderInput,
  body: ApiRequests[K],
  sizeHint = 256,
): Buffer {
  const api = checkedApi(apiKey, apiVersion);
  const w = startFrame(sizeHint);
  const full: RequestHeader = {
    requestApiKey: apiKey,
    requestApiVersion: apiVersion,
    correlationId: header.correlationId,
    clientId: header.clientId,
  };
  if (header._unknownTaggedFields !== undefined) full._unknownTaggedFields = header._unknownTaggedFields;
  writeRequestHeader(w, full, requestHeaderVersion(apiKey, apiVersion));
  api.writeRequest(w, body, apiVersion);
  return finishFrame(w);
}

/** Encodes a response as a size-prefixed frame. */
export function encodeResponse<K extends ApiKey>(
  apiKey: K,
  apiVersion: number,
  header: ResponseHeader | number,
  body: ApiResponses[K],
  sizeHint = 256,
): Buffer {
  return finishFrame(writeResponse(apiKey, apiVersion, header, body, sizeHint, 0));
}

/** Byte fields at least this large are sent by reference by `encodeResponseChunks`. */
export const ZERO_COPY_MIN_BYTES = 4096;

/**
 * Encodes a response as a list of chunks to write to the socket in order (a
 * vectored write): record batches of Fetch responses are referenced, not
 * copied, so encoding costs only the small fields around them.
 */
export function encodeResponseChunks<K extends ApiKey>(
  apiKey: K,
  apiVersion: number,
  header: ResponseHeader | number,
  body: ApiResponses[K],
): Buffer[] {
  return finishFrameChunks(writeResponse(apiKey, apiVersion, header, body, 1024, ZERO_COPY_MIN_BYTES));
}

function writeResponse<K extends ApiKey>(
  apiKey: K,
  apiVersion: number,
  header: ResponseHeader | number,
  body: ApiResponses[K],
  sizeHint: number,
  zeroCopyMinBytes: number,
): Writer {
  const api = checkedApi(apiKey, apiVersion);
  const w = startFrame(sizeHint, zeroCopyMinBytes);
  const full = typeof header === "number" ? { correlationId: header } : header;
  writeResponseHeader(w, full, responseHeaderVersion(apiKey, apiVersion));
  api.writeResponse(w, body, apiVersion);
  return w;
}
