/**
 * Splitting a Kafka byte stream into frames, and reading a request's header
 * without decoding its body, so that a proxy can route frames cheaply.
 */

import { type DecodeError, type DecodeResult, decodeError } from "./codec/errors.js";
import { ApiKeys } from "./gen/api-table.js";

/** Kafka's `socket.request.max.bytes` default. */
export const DEFAULT_MAX_FRAME_BYTES = 100 * 1024 * 1024;
/** The cap on frames before a connection has authenticated (Kafka uses 512 KiB too). */
export const DEFAULT_MAX_PRE_AUTH_FRAME_BYTES = 512 * 1024;

export interface FrameLimits {
  /** Largest frame (without its 4-byte size prefix) accepted once authenticated. */
  readonly maxFrameBytes?: number;
  /** Largest frame accepted before authentication. */
  readonly maxPreAuthFrameBytes?: number;
}

export type FrameResult =
  | { readonly ok: true; readonly frame: Buffer }
  | { readonly ok: false; readonly error: DecodeError };

/**
 * Accumulates socket chunks and hands out whole frames, each without its size
 * prefix. Bytes are held only as they arrive: a forged size prefix costs no
 * allocation, and a frame is copied at most once (not at all when it lies
 * within one chunk). The first oversized or negative size prefix is a sticky
 * error: the connection must be closed.
 */
export class FrameReader {
  private readonly maxFrameBytes: number;
  private readonly maxPreAuthFrameBytes: number;
  private chunks: Buffer[] = [];
  private buffered = 0;
  private error: DecodeError | null = null;
  /** Whether the connection has authenticated; raises the frame cap from the pre-auth one. */
  authenticated: boolean;

  constructor(limits: FrameLimits = {}, authenticated = false) {
    this.maxFrameBytes = limits.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
    this.maxPreAuthFrameBytes = limits.maxPreAuthFrameBytes ?? DEFAULT_MAX_PRE_AUTH_FRAME_BYTES;
    this.authenticated = authenticated;
  }

  /** Bytes received and not yet handed out as frames. */
  get bufferedBytes(): number {
    return this.buffered;
  }

  push(chunk: Uint8Array): void {
    if (this.error !== null || chunk.byteLength === 0) return;
    this.chunks.push(
      Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength),
    );
    this.buffered += chunk.byteLength;
  }

  /** The next whole frame, an error, or null when more bytes are needed. */
  next(): FrameResult | null {
    if (this.error !== null) return { ok: false, error: this.error };
    if (this.buffered < 4) return null;
    const size = this.peekSize();
    const cap = this.authenticated ? this.maxFrameBytes : this.maxPreAuthFrameBytes;
    if (size < 0) {
      this.error = decodeError("INVALID_FRAME", `negative frame size ${size}`, 0);
      return { ok: false, error: this.error };
    }
    if (size > cap) {
      const which = this.authenticated ? "frame" : "pre-authentication frame";
      this.error = decodeError("FRAME_TOO_LARGE", `${which} of ${size} bytes exceeds the ${cap} byte cap`, 0);
      return { ok: false, error: this.error };
    }
    if (this.buffered < 4 + size) return null;
    return { ok: true, frame: this.take(size) };
  }

  private peekSize(): number {
    const head = this.chunks[0] as Buffer;
    if (head.byteLength >= 4) return head.readInt32BE(0);
    const four = Buffer.allocUnsafe(4);
    let filled = 0;
    for (const c of this.chunks) {
      const n = Math.min(4 - filled, c.byteLength);
      c.copy(four, filled, 0, n);
      filled += n;
      if (filled === 4) break;
    }
    return four.readInt32BE(0);
  }

  /** Removes `4 + size` bytes from the front and returns the last `size` of them. */
  private take(size: number): Buffer {
    this.consume(4);
    const head = this.chunks[0];
    let frame: Buffer;
    if (size === 0) {
      frame = Buffer.alloc(0);
    } else if (head !== undefined && head.byteLength >= size) {
      frame = head.subarray(0, size);
      this.consume(size);
    } else {
      frame = Buffer.allocUnsafe(size);
      let filled = 0;
      while (filled < size) {
        const c = this.chunks[0] as Buffer;
        const n = Math.min(size - filled, c.byteLength);
        c.copy(frame, filled, 0, n);
        filled += n;
        this.consume(n);
      }
    }
    return frame;
  }

  private consume(n: number): void {
    let left = n;
    this.buffered -= n;
    while (left > 0) {
      const c = this.chunks[0] as Buffer;
      if (c.byteLength <= left) {
        this.chunks.shift();
        left -= c.byteLength;
      } else {
        this.chunks[0] = c.subarray(left);
        left = 0;
      }
    }
  }
}

export interface RequestHeaderPeek {
  readonly apiKey: number;
  readonly apiVersion: number;
  readonly correlationId: number;
  /** Null when the client sent a null client id, or for header v0 (ControlledShutdown v0). */
  readonly clientId: string | null;
}

/**
 * Reads api key, version, correlation id and client id from a request frame
 * without touching the body. The client id is a classic int16-length string in
 * every header version that has one, so this needs no knowledge of the API.
 */
export function peekRequestHeader(frame: Uint8Array): DecodeResult<RequestHeaderPeek> {
  if (frame.byteLength < 8) {
    return {
      ok: false,
      error: decodeError("TRUNCATED", `request header needs 8 bytes, frame has ${frame.byteLength}`, 0),
    };
  }
  const b = Buffer.isBuffer(frame) ? frame : Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength);
  const apiKey = b.readInt16BE(0);
  const apiVersion = b.readInt16BE(2);
  const correlationId = b.readInt32BE(4);
  if (apiKey === ApiKeys.ControlledShutdown && apiVersion === 0) {
    return { ok: true, value: { apiKey, apiVersion, correlationId, clientId: null } };
  }
  if (b.byteLength < 10) {
    return { ok: false, error: decodeError("TRUNCATED", "request header: client id length missing", 8) };
  }
  const len = b.readInt16BE(8);
  if (len === -1) return { ok: true, value: { apiKey, apiVersion, correlationId, clientId: null } };
  if (len < 0 || 10 + len > b.byteLength) {
    return { ok: false, error: decodeError("INVALID_LENGTH", `request header: client id length ${len}`, 8) };
  }
  return {
    ok: true,
    value: { apiKey, apiVersion, correlationId, clientId: b.toString("utf8", 10, 10 + len) },
  };
}
