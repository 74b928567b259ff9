/**
 * Frame boundaries of a proxied connection, in both directions, without
 * buffering whole frames: the proxy forwards bytes as they arrive and reads
 * only what it needs at each boundary.
 *
 * Client to broker (`RequestScanner`): at each frame start it reads the size
 * prefix and the first fields of the request header (api key, version,
 * correlation id), checks the size against the cap that applies, and passes
 * the frame's bytes through as slices of the chunks they arrived in. Frames
 * of the authentication exchange (ApiVersions, SaslHandshake,
 * SaslAuthenticate) are the exception: they are small, held to the
 * pre-authentication cap at any time, and handed out whole, because the proxy
 * reads the SASL mechanism and the credentials' owner from them.
 *
 * After a SaslHandshake v0, the SASL exchange runs as bare size-prefixed
 * tokens with no Kafka header, in both directions (one round for PLAIN, two
 * for SCRAM). The shell tells each scanner how many to expect; the scanner
 * hands out each client token whole, like a SaslAuthenticate.
 *
 * Broker to client (`ResponseScanner`): reads the size prefix and correlation
 * id of each response, never holds bytes back, and copies out only the
 * responses it was asked to watch for (the answers to SaslHandshake and
 * SaslAuthenticate), and notes the end of each bare token.
 *
 * Both are pure: bytes in, decisions out; the connection shell does the I/O.
 */
import { ApiKeys } from "@runnel/kafka-protocol";

/** Size prefix, api key, api version, correlation id. */
const REQUEST_PREFIX_BYTES = 12;
/** Size prefix, correlation id. */
const RESPONSE_PREFIX_BYTES = 8;
/** A bare SASL token has only its size prefix. */
const TOKEN_PREFIX_BYTES = 4;
/** A request header has at least api key, version and correlation id. */
const MIN_REQUEST_BYTES = 8;

export interface RequestStart {
  readonly apiKey: number;
  readonly apiVersion: number;
  readonly correlationId: number;
  /** The frame's size without its 4-byte prefix. */
  readonly size: number;
}

/** What the scanner makes of the bytes it was given, in stream order. */
export type RequestPiece =
  /** Bytes to forward as they are. */
  | { readonly kind: "bytes"; readonly data: Buffer }
  /** A whole frame of the authentication exchange, prefix included; the shell forwards or answers it. */
  | { readonly kind: "auth"; readonly start: RequestStart; readonly frame: Buffer }
  /** A whole bare SASL token (after SaslHandshake v0), prefix included. */
  | { readonly kind: "token"; readonly frame: Buffer }
  /** The stream is unusable from here; close the connection. `tooLarge`: a frame over its cap. */
  | { readonly kind: "error"; readonly reason: string; readonly tooLarge: boolean };

export interface RequestCaps {
  /** `socket.request.max.bytes`: the largest frame once authenticated. */
  readonly maxFrameBytes: number;
  /** The largest frame before authentication, and of the authentication exchange at any time. */
  readonly preAuthMaxFrameBytes: number;
  /**
   * Anonymous mode: a connection counts as authenticated at its first request outside the
   * authentication exchange (the broker decides whether it may go on without SASL).
   */
  readonly anonymous: boolean;
}

type RequestError = Extract<RequestPiece, { kind: "error" }>;

function malformed(reason: string): RequestError {
  return { kind: "error", reason, tooLarge: false };
}

function tooLarge(reason: string): RequestError {
  return { kind: "error", reason, tooLarge: true };
}

/** Requests the proxy reads whole: they open a connection, before any credential is checked. */
export function isAuthExchange(apiKey: number): boolean {
  return (
    apiKey === ApiKeys.ApiVersions || apiKey === ApiKeys.SaslHandshake || apiKey === ApiKeys.SaslAuthenticate
  );
}

export class RequestScanner {
  /** Whether the connection has authenticated: raises the cap from the pre-auth one. */
  authenticated = false;
  /** How many of the next frames are bare SASL tokens (set after SaslHandshake v0 succeeds). */
  rawTokens = 0;
  /** Bytes of the next frame's prefix received so far. */
  private head: Buffer[] = [];
  private headBytes = 0;
  /** Bytes of the current pass-through frame still to come. */
  private passing = 0;
  /** The frame being collected whole (no `start` for a bare token), and how much of it has arrived. */
  private held: { start: RequestStart | null; frame: Buffer; filled: number } | null = null;
  private failed: RequestError | null = null;

  constructor(private readonly caps: RequestCaps) {}

  /** Splits `chunk` into pieces; after an error piece every later call returns the same error. */
  push(chunk: Buffer): RequestPiece[] {
    if (this.failed !== null) return [this.failed];
    const out: RequestPiece[] = [];
    let pos = 0;
    while (pos < chunk.byteLength) {
      if (this.passing > 0) {
        const n = Math.min(this.passing, chunk.byteLength - pos);
        out.push({ kind: "bytes", data: chunk.subarray(pos, pos + n) });
        this.passing -= n;
        pos += n;
        continue;
      }
      if (this.held !== null) {
        const h = this.held;
        const n = Math.min(h.frame.byteLength - h.filled, chunk.byteLength - pos);
        chunk.copy(h.frame, h.filled, pos, pos + n);
        h.filled += n;
        pos += n;
        if (h.filled === h.frame.byteLength) this.release(out);
        continue;
      }
      // At a frame boundary: gather the prefix, which may span chunks.
      const prefixBytes = this.rawTokens > 0 ? TOKEN_PREFIX_BYTES : REQUEST_PREFIX_BYTES;
      const n = Math.min(prefixBytes - this.headBytes, chunk.byteLength - pos);
      this.head.push(chunk.subarray(pos, pos + n));
      this.headBytes += n;
      pos += n;
      if (this.headBytes < prefixBytes) break;
      const prefix = this.head.length === 1 ? (this.head[0] as Buffer) : Buffer.concat(this.head);
      this.head = [];
      this.headBytes = 0;
      const problem = this.rawTokens > 0 ? this.beginToken(prefix, out) : this.begin(prefix, out);
      if (problem !== null) {
        this.failed = problem;
        out.push(problem);
        return out;
      }
    }
    return out;
  }

  /** Checks a frame's prefix and starts passing or holding it; returns why not, if it cannot. */
  private begin(prefix: Buffer, out: RequestPiece[]): RequestError | null {
    const size = prefix.readInt32BE(0);
    if (size < MIN_REQUEST_BYTES) {
      return malformed(`request frame of ${size} bytes is shorter than a request header`);
    }
    const start: RequestStart = {
      size,
      apiKey: prefix.readInt16BE(4),
      apiVersion: prefix.readInt16BE(6),
      correlationId: prefix.readInt32BE(8),
    };
    const auth = isAuthExchange(start.apiKey);
    if (!auth && this.caps.anonymous) this.authenticated = true;
    const cap = this.authenticated && !auth ? this.caps.maxFrameBytes : this.caps.preAuthMaxFrameBytes;
    if (size > cap) {
      const which = this.authenticated && !auth ? "frame" : "pre-authentication frame";
      return tooLarge(`${which} of ${size} bytes (api key ${start.apiKey}) exceeds the ${cap} byte cap`);
    }
    if (auth) {
      this.hold(start, prefix, size, out);
      return null;
    }
    out.push({ kind: "bytes", data: prefix });
    this.passing = size + 4 - REQUEST_PREFIX_BYTES;
    return null;
  }

  /** Checks a bare token's size prefix and starts holding it. */
  private beginToken(prefix: Buffer, out: RequestPiece[]): RequestError | null {
    this.rawTokens -= 1;
    const size = prefix.readInt32BE(0);
    if (size < 0) return malformed(`SASL token of negative size ${size}`);
    if (size > this.caps.preAuthMaxFrameBytes) {
      const cap = this.caps.preAuthMaxFrameBytes;
      return tooLarge(`SASL token of ${size} bytes exceeds the ${cap} byte pre-authentication cap`);
    }
    this.hold(null, prefix, size, out);
    return null;
  }

  private hold(start: RequestStart | null, prefix: Buffer, size: number, out: RequestPiece[]): void {
    const frame = Buffer.allocUnsafe(4 + size);
    prefix.copy(frame, 0);
    this.held = { start, frame, filled: prefix.byteLength };
    if (prefix.byteLength === frame.byteLength) this.release(out);
  }

  private release(out: RequestPiece[]): void {
    const h = this.held as { start: RequestStart | null; frame: Buffer };
    this.held = null;
    out.push(
      h.start === null ? { kind: "token", frame: h.frame } : { kind: "auth", start: h.start, frame: h.frame },
    );
  }
}

/** A watched response, copied out whole (prefix included). */
export interface WatchedResponse {
  readonly correlationId: number;
  readonly frame: Buffer;
}

export type ResponseEvent =
  | { readonly kind: "response"; readonly response: WatchedResponse }
  /** A bare SASL token from the broker ended. */
  | { readonly kind: "token" }
  | { readonly kind: "error"; readonly reason: string };

export class ResponseScanner {
  private readonly watched = new Set<number>();
  private head: Buffer[] = [];
  private headBytes = 0;
  /** Bytes of the current response still to come. */
  private remaining = 0;
  /** The watched response being copied, and how much of it has arrived. */
  private copying: { correlationId: number; frame: Buffer; filled: number } | null = null;
  /** How many of the next frames are bare SASL tokens (after SaslHandshake v0 succeeds). */
  private rawTokens = 0;
  /** Whether the frame passing now is a bare token. */
  private inToken = false;
  private failed: string | null = null;

  /** @param maxWatchedBytes Largest watched response copied; a larger one passes unwatched. */
  constructor(private readonly maxWatchedBytes: number) {}

  /** Copies out the response with this correlation id when it passes. */
  watch(correlationId: number): void {
    this.watched.add(correlationId);
  }

  /**
   * The next `count` frames from the broker are bare SASL tokens. Called when the answer to a
   * SaslHandshake v0 passes; no token can follow it in the same chunk, since the client sends
   * its first token only once it has that answer.
   */
  expectTokens(count: number): void {
    this.rawTokens = count;
  }

  /** Reads the boundaries in `chunk`, which the shell forwards unchanged. */
  push(chunk: Buffer): ResponseEvent[] {
    if (this.failed !== null) return [{ kind: "error", reason: this.failed }];
    const out: ResponseEvent[] = [];
    let pos = 0;
    while (pos < chunk.byteLength) {
      if (this.remaining > 0) {
        const n = Math.min(this.remaining, chunk.byteLength - pos);
        const c = this.copying;
        if (c !== null) {
          chunk.copy(c.frame, c.filled, pos, pos + n);
          c.filled += n;
        }
        this.remaining -= n;
        pos += n;
        if (this.remaining === 0) this.frameEnded(out);
        continue;
      }
      const prefixBytes = this.rawTokens > 0 ? TOKEN_PREFIX_BYTES : RESPONSE_PREFIX_BYTES;
      const n = Math.min(prefixBytes - this.headBytes, chunk.byteLength - pos);
      this.head.push(chunk.subarray(pos, pos + n));
      this.headBytes += n;
      pos += n;
      if (this.headBytes < prefixBytes) break;
      const prefix = this.head.length === 1 ? (this.head[0] as Buffer) : Buffer.concat(this.head);
      this.head = [];
      this.headBytes = 0;
      const size = prefix.readInt32BE(0);
      if (this.rawTokens > 0) {
        this.rawTokens -= 1;
        if (size < 0) {
          this.failed = `SASL token of negative size ${size}`;
          out.push({ kind: "error", reason: this.failed });
          return out;
        }
        this.inToken = true;
        this.remaining = size;
        if (size === 0) this.frameEnded(out);
        continue;
      }
      const correlationId = prefix.readInt32BE(4);
      if (size < 4) {
        this.failed = `response frame of ${size} bytes is shorter than a response header`;
        out.push({ kind: "error", reason: this.failed });
        return out;
      }
      this.remaining = size - 4;
      if (this.watched.delete(correlationId) && size <= this.maxWatchedBytes) {
        const frame = Buffer.allocUnsafe(4 + size);
        prefix.copy(frame, 0);
        this.copying = { correlationId, frame, filled: RESPONSE_PREFIX_BYTES };
        if (this.remaining === 0) this.frameEnded(out);
      }
    }
    return out;
  }

  private frameEnded(out: ResponseEvent[]): void {
    if (this.inToken) {
      this.inToken = false;
      out.push({ kind: "token" });
      return;
    }
    const c = this.copying;
    if (c === null) return;
    this.copying = null;
    out.push({ kind: "response", response: { correlationId: c.correlationId, frame: c.frame } });
  }
}
