/**
 * The Kafka listener: accepts TCP connections, splits frames, decodes
 * requests, runs each through the handler registered for its API key, and
 * writes responses in request order (Kafka clients rely on per-connection
 * ordering). Requests of one connection also run one at a time, in the order
 * they arrived, as the Java broker runs them: a client pipelining five
 * produce requests gets its batches appended in the order it sent them. A
 * handler whose remaining work is only waiting (a long-poll fetch, a join
 * waiting for its group) calls `release()` to let the next request start. A
 * request the broker cannot parse closes its connection, as the
 * Java broker does; an ApiVersions request of an unknown version is answered
 * as KIP-511 says.
 *
 * Until `ready` resolves, accepted connections are held: nothing is read from
 * them or answered, and they are served from the start once it resolves (or
 * closed if it rejects). The broker makes it its first unfencing
 * (`MetadataFollower.whenUnfenced`), as Kafka binds its port early but enables
 * request processing only once the broker is registered, caught up with the
 * metadata log and unfenced.
 *
 * Each connection has a `ConnectionAuth` (auth/sasl.ts) and handlers see its
 * `Session`. Without `auth` every connection is the cluster-wide operator.
 * With SASL, frames before authentication are capped at
 * `maxPreAuthFrameBytes` (a larger one closes the connection, as in Kafka),
 * and a request the connection may not send yet is not answered: the
 * connection is closed, with the reason logged, once the answers before it
 * are written. Kafka does the same; its clients report a disconnection. A
 * handler may also close its connection once its own answer is written
 * (`closeAfterResponse`), as a failed SaslAuthenticate does. After
 * SaslHandshake v0, frames are bare SASL tokens, not requests, until the
 * exchange ends; they go to the connection's `ConnectionAuth` in order.
 */
import { createServer, type Server, type Socket } from "node:net";
import {
  type AnyDecodedRequest,
  type ApiKey,
  ApiKeys,
  type ApiRequests,
  type ApiResponses,
  answerApiVersions,
  decodeRequest,
  encodeApiVersionsAnswer,
  encodeResponseChunks,
  FrameReader,
  peekRequestHeader,
  type RequestHeader,
} from "@runnel/kafka-protocol";
import type { Logger } from "@runnel/runtime";
import { type ConnectionAuth, type ConnectionHandle, OPERATOR_AUTH } from "../auth/sasl.js";
import type { Session } from "../auth/session.js";

export interface RequestContext {
  readonly header: RequestHeader;
  readonly apiVersion: number;
  readonly connectionId: number;
  readonly remoteAddress: string;
  /** Aborted when the connection closes. */
  readonly signal: AbortSignal;
  /** Who the connection is, as of this request (requests of a connection run in order). */
  readonly session: Session;
  /** Closes the connection once this request's answer is written; `reason` is logged. */
  closeAfterResponse(reason: string): void;
  /**
   * Lets the connection's next request start before this one answers. Call it
   * once everything that must happen in request order has happened; the
   * server calls it when the handler settles. Idempotent.
   */
  release(): void;
}

/** A request's answer (null for none), and why to close the connection once it is written. */
interface Outcome {
  readonly chunks: Buffer[] | null;
  readonly close?: string;
}

/** What the listener hands `dispatch` for one frame. */
interface Dispatch {
  readonly connectionId: number;
  readonly remote: string;
  readonly signal: AbortSignal;
  readonly auth: ConnectionAuth;
  /** Settles when the connection's previous request released it. */
  readonly gate: Promise<void>;
  readonly release: () => void;
}

/** One Kafka API: the versions it serves and what it does. Registered by its handler file. */
export interface Handler<K extends ApiKey> {
  readonly apiKey: K;
  readonly minVersion: number;
  readonly maxVersion: number;
  /** Returns the response body, or null to send no response (Produce with acks=0). */
  handle(
    request: ApiRequests[K],
    ctx: RequestContext,
  ): Promise<ApiResponses[K] | null> | ApiResponses[K] | null;
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds handlers of every API key.
export type AnyHandler = Handler<any>;

export interface KafkaServerOptions {
  readonly host: string;
  readonly port: number;
  readonly handlers: readonly AnyHandler[];
  readonly logger: Logger;
  /** `socket.request.max.bytes`. */
  readonly maxFrameBytes: number;
  /** The cap on frames before a connection has authenticated (Kafka's 512 KiB when absent). */
  readonly maxPreAuthFrameBytes?: number;
  /** Each connection's authentication; absent: every connection is the cluster-wide operator. */
  readonly auth?: (connection: ConnectionHandle) => ConnectionAuth;
  /** Requests a connection may have in flight before the broker stops reading from it. */
  readonly inFlightRequestsMax: number;
  /** Connections are held, unread, until this resolves; closed if it rejects. Absent: served at once. */
  readonly ready?: Promise<void>;
}

export class KafkaServer {
  private readonly server: Server;
  private readonly handlers = new Map<number, AnyHandler>();
  private readonly sockets = new Set<Socket>();
  private nextConnectionId = 1;
  /** Whether `ready` has resolved (true when there is none). */
  private serving: boolean;

  constructor(private readonly o: KafkaServerOptions) {
    for (const h of o.handlers) this.handlers.set(h.apiKey, h);
    this.serving = o.ready === undefined;
    o.ready?.then(
      () => {
        this.serving = true;
      },
      () => {},
    );
    this.server = createServer((socket) => this.accept(socket));
  }

  /** The API keys and versions this broker serves, for ApiVersions. */
  supportedApis(): { apiKey: number; minVersion: number; maxVersion: number }[] {
    return [...this.handlers.values()]
      .map((h) => ({ apiKey: h.apiKey, minVersion: h.minVersion, maxVersion: h.maxVersion }))
      .sort((a, b) => a.apiKey - b.apiKey);
  }

  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(this.o.port, this.o.host, () => {
        const a = this.server.address();
        resolve(typeof a === "object" && a !== null ? a.port : this.o.port);
      });
    });
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    const id = this.nextConnectionId++;
    const remote = `${socket.remoteAddress}:${socket.remotePort}`;
    const abort = new AbortController();
    this.sockets.add(socket);
    socket.setNoDelay(true);
    if (!this.serving && this.o.ready !== undefined) {
      // Paused before the data listener is attached, so the socket stays unread until resumed.
      socket.pause();
      this.o.ready.then(
        () => socket.resume(),
        (e: unknown) => {
          this.o.logger.info({ connection: id, remote, reason: String(e) }, "closing a held connection");
          socket.destroy();
        },
      );
    }
    const auth =
      this.o.auth?.({
        id,
        remote,
        close: (reason) => {
          this.o.logger.info({ connection: id, remote, reason }, "closing connection");
          socket.destroy();
        },
      }) ?? OPERATOR_AUTH;
    const frames = new FrameReader(
      {
        maxFrameBytes: this.o.maxFrameBytes,
        ...(this.o.maxPreAuthFrameBytes !== undefined
          ? { maxPreAuthFrameBytes: this.o.maxPreAuthFrameBytes }
          : {}),
      },
      auth.established,
    );
    /** Responses in request order; each settles to the chunks to write (or none). */
    const queue: Promise<Outcome>[] = [];
    /** Settles when the last dispatched request releases the connection. */
    let turn: Promise<void> = Promise.resolve();
    let writing = false;
    /** Set once the connection is to close after what is written: nothing more is read or answered. */
    let closing = false;

    const flush = async (): Promise<void> => {
      if (writing) return;
      writing = true;
      try {
        while (queue.length > 0 && !closing) {
          const out = await (queue[0] as Promise<Outcome>);
          queue.shift();
          // A request that authenticated the connection lifts the pre-authentication frame cap.
          frames.authenticated = auth.established;
          if (out.chunks !== null && !socket.destroyed) {
            socket.cork();
            for (const c of out.chunks) socket.write(c);
            socket.uncork();
          }
          if (out.close !== undefined) {
            closing = true;
            queue.length = 0;
            this.o.logger.info({ connection: id, remote, reason: out.close }, "closing connection");
            socket.end(() => socket.destroy());
            return;
          }
          if (queue.length < this.o.inFlightRequestsMax && socket.isPaused()) socket.resume();
        }
      } catch (e) {
        this.o.logger.warn({ connection: id, error: String(e) }, "closing connection after a failed request");
        socket.destroy();
      } finally {
        writing = false;
      }
    };

    socket.on("data", (chunk: Buffer) => {
      if (closing) return;
      frames.push(chunk);
      for (let f = frames.next(); f !== null; f = frames.next()) {
        if (!f.ok) {
          this.o.logger.warn(
            { connection: id, remote, error: f.error.message },
            "closing connection: bad frame",
          );
          socket.destroy();
          return;
        }
        const gate = turn;
        let release!: () => void;
        turn = new Promise<void>((resolve) => {
          release = resolve;
        });
        const response = auth.rawTokens
          ? rawToken(auth, f.frame, gate, release)
          : this.dispatch(f.frame, {
              connectionId: id,
              remote,
              signal: abort.signal,
              auth,
              gate,
              release,
            });
        if (response === "close") {
          socket.destroy();
          return;
        }
        queue.push(response);
        if (queue.length >= this.o.inFlightRequestsMax) socket.pause();
      }
      void flush();
    });
    socket.on("error", () => {});
    socket.on("close", () => {
      abort.abort();
      this.sockets.delete(socket);
      auth.closed();
    });
  }

  private dispatch(frame: Buffer, on: Dispatch): Promise<Outcome> | "close" {
    const { connectionId, remote: remoteAddress, signal, auth, gate, release } = on;
    const peek = peekRequestHeader(frame);
    if (!peek.ok) {
      this.o.logger.warn(
        { connection: connectionId, error: peek.error.message },
        "closing connection: bad request header",
      );
      return "close";
    }
    const { apiKey, apiVersion, correlationId } = peek.value;
    const handler = this.handlers.get(apiKey);
    if (apiKey === ApiKeys.ApiVersions && (handler === undefined || apiVersion > handler.maxVersion)) {
      // KIP-511: answer a version we do not know in a v0 body the client can parse.
      release();
      return Promise.resolve({
        chunks: [encodeApiVersionsAnswer(correlationId, answerApiVersions(apiVersion, this.supportedApis()))],
      });
    }
    if (handler === undefined || apiVersion < handler.minVersion || apiVersion > handler.maxVersion) {
      this.o.logger.warn(
        { connection: connectionId, apiKey, apiVersion, clientId: peek.value.clientId },
        "closing connection: unsupported API key or version",
      );
      return "close";
    }
    const decoded = decodeRequest(frame);
    if (!decoded.ok) {
      this.o.logger.warn(
        { connection: connectionId, apiKey, apiVersion, error: decoded.error.message },
        "closing connection: request does not parse",
      );
      return "close";
    }
    const request: AnyDecodedRequest = decoded.value;
    let close: string | undefined;
    const ctx: RequestContext = {
      header: request.header,
      apiVersion,
      connectionId,
      remoteAddress,
      signal,
      get session() {
        return auth.session;
      },
      closeAfterResponse(reason) {
        close = reason;
      },
      release,
    };
    return (async (): Promise<Outcome> => {
      let body: ApiResponses[ApiKey] | null;
      try {
        await gate;
        // Checked in request order: an earlier request may just have authenticated the connection.
        const refused = auth.admit(apiKey);
        if (refused !== null) return { chunks: null, close: refused };
        body = await handler.handle(request.body, ctx);
      } finally {
        release();
      }
      const chunks =
        body === null
          ? null
          : encodeResponseChunks(apiKey as ApiKey, apiVersion, correlationId, body as never);
      return close === undefined ? { chunks } : { chunks, close };
    })();
  }
}

/** A bare SASL token (after SaslHandshake v0), run in request order; its answer is a bare token too. */
async function rawToken(
  auth: ConnectionAuth,
  token: Buffer,
  gate: Promise<void>,
  release: () => void,
): Promise<Outcome> {
  try {
    await gate;
    const out = await auth.rawToken(token);
    let chunks: Buffer[] | null = null;
    if (out.reply !== null) {
      const size = Buffer.alloc(4);
      size.writeInt32BE(out.reply.byteLength);
      chunks = [size, Buffer.from(out.reply)];
    }
    return out.close === undefined ? { chunks } : { chunks, close: out.close };
  } finally {
    release();
  }
}
