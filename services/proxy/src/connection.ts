/**
 * One client connection forwarded to one broker. Bytes flow both ways as they
 * arrive, with backpressure each way (a side that cannot take more pauses the
 * other); the request side is scanned for frame boundaries and caps, the
 * response side only for the answers to SaslHandshake v0 and SaslAuthenticate
 * (and, after SaslHandshake v0, the ends of the broker's bare SASL tokens).
 * Either side closing closes the other. The proxy answers one request
 * itself: a SaslAuthenticate whose tenant is over its connection limits, with
 * POLICY_VIOLATION (open connections, as the broker answers) or THROTTLING_QUOTA_EXCEEDED
 * (connection rate) and the limit in the message, before it closes
 * the connection (after SaslHandshake v0 there is no error answer: it closes).
 * A tenant's limits are checked when the first SaslAuthenticate names it, but the
 * connection counts against the tenant only once the broker has accepted the
 * credentials: failed attempts with someone's key id or login name use up none of
 * that tenant's connections or rate.
 */
import { connect, type Socket } from "node:net";
import { ApiKeys } from "@runnel/kafka-protocol";
import type { MetadataImage } from "@runnel/metadata";
import type { Clock, Logger } from "@runnel/runtime";
import {
  authenticateBytes,
  authenticateErrorCode,
  handshakeErrorCode,
  handshakeOf,
  loginOf,
  refuseAuthenticate,
  saslRounds,
  tenantOf,
} from "./auth.js";
import type { BrokerAddress } from "./directory.js";
import { type RequestCaps, RequestScanner, type RequestStart, ResponseScanner } from "./frames.js";
import type { Admission, ConnectionLimits, Limit } from "./limits.js";
import type { CloseReason, ProxyMetrics } from "./metrics.js";

/** How long a socket being ended may take to send what it holds before it is destroyed. */
const END_GRACE_MS = 5_000;

/** What every connection shares with the proxy that accepted it. */
export interface ConnectionEnv {
  readonly caps: RequestCaps;
  /** `connections.max.idle.ms`: a connection with no bytes either way for this long is closed. */
  readonly idleTimeoutMs: number;
  /** How long connecting to the broker may take. */
  readonly connectTimeoutMs: number;
  readonly image: () => MetadataImage;
  readonly tenants: ConnectionLimits;
  readonly tenantLimit: (tenant: string) => Limit;
  readonly metrics: ProxyMetrics;
  readonly clock: Clock;
}

/** Why a tenant's connection is refused, and which limit refused it. */
interface Refusal {
  readonly reason: string;
  readonly limit: "connections" | "rate";
}

export class ProxiedConnection {
  private readonly requests: RequestScanner;
  private readonly responses: ResponseScanner;
  private readonly upstream: Socket;
  /** SaslAuthenticate requests in flight: correlation id → version. */
  private readonly pendingAuth = new Map<number, number>();
  /** The correlation id of a SaslHandshake v0 in flight: bare tokens follow its answer. */
  private handshakeV0: number | undefined;
  /** Bare-token rounds of the SASL v0 exchange still to be answered by the broker. */
  private tokenRounds = 0;
  private mechanism: string | undefined;
  /** The tenant the first SaslAuthenticate's credentials name, before the broker has checked them. */
  private claimedTenant: string | undefined;
  /** The tenant this connection counts against, once the broker accepted its credentials. */
  private tenant: string | undefined;
  private connected = false;
  /** Set once the proxy stops forwarding; later pieces and events are dropped. */
  private done = false;
  /** The proxy is ending the client side gracefully, after its own answer. */
  private ending = false;

  constructor(
    private readonly client: Socket,
    target: BrokerAddress,
    private readonly env: ConnectionEnv,
    private readonly log: Logger,
    /** Called once when the connection is over. */
    private readonly onClosed: () => void,
  ) {
    this.requests = new RequestScanner(env.caps);
    this.responses = new ResponseScanner(env.caps.preAuthMaxFrameBytes + 4);
    client.setNoDelay(true);
    client.on("error", (e) => this.log.debug({ error: String(e) }, "client socket error"));
    client.on("close", (hadError) => this.finish(hadError));
    this.upstream = connect({ host: target.host, port: target.port, noDelay: true });
    this.upstream.setTimeout(env.connectTimeoutMs, () =>
      this.close("broker_unreachable", `no connection to the broker within ${env.connectTimeoutMs} ms`),
    );
    this.upstream.on("error", (e) => {
      if (!this.connected) this.close("broker_unreachable", `cannot reach broker: ${String(e)}`);
      else this.log.debug({ error: String(e) }, "broker socket error");
    });
    this.upstream.on("close", (hadError) => {
      this.done = true;
      if (this.ending) return;
      if (hadError) this.client.destroy();
      else this.endGracefully(this.client);
    });
    this.upstream.once("connect", () => this.pipe());
  }

  private pipe(): void {
    if (this.done) return;
    this.connected = true;
    const { client, upstream } = this;
    upstream.setTimeout(0);
    // Node counts both reads and writes as activity, so the client socket alone sees both directions.
    client.setTimeout(this.env.idleTimeoutMs, () =>
      this.close("idle", `no traffic for ${this.env.idleTimeoutMs} ms`),
    );
    client.on("data", (chunk: Buffer) => {
      this.env.metrics.bytesFromClients(chunk.byteLength);
      for (const piece of this.requests.push(chunk)) {
        if (this.done) return;
        if (piece.kind === "bytes") this.send(upstream, client, piece.data);
        else if (piece.kind === "auth") this.onAuthExchange(piece.start, piece.frame);
        else if (piece.kind === "token") this.onToken(piece.frame);
        else {
          this.close(piece.tooLarge ? "frame_too_large" : "bad_frame", piece.reason);
          return;
        }
      }
    });
    upstream.on("data", (chunk: Buffer) => {
      for (const event of this.responses.push(chunk)) {
        if (event.kind === "error") {
          this.close("bad_frame", `from the broker: ${event.reason}`);
          return;
        }
        if (event.kind === "token") this.onBrokerToken();
        else this.onWatchedResponse(event.response.correlationId, event.response.frame);
      }
      if (this.done) return;
      this.env.metrics.bytesToClients(chunk.byteLength);
      this.send(client, upstream, chunk);
    });
  }

  /** Writes to `to`; when its buffer is full, stops reading `from` until it drains. */
  private send(to: Socket, from: Socket, data: Buffer): void {
    if (to.write(data) || from.isPaused()) return;
    from.pause();
    to.once("drain", () => {
      if (!this.done) from.resume();
    });
  }

  private onAuthExchange(start: RequestStart, frame: Buffer): void {
    if (start.apiKey === ApiKeys.SaslHandshake) {
      const h = handshakeOf(frame);
      if ("error" in h) {
        this.close("bad_frame", h.error);
        return;
      }
      this.mechanism = h.mechanism;
      if (h.version === 0) {
        this.handshakeV0 = start.correlationId;
        this.responses.watch(start.correlationId);
      }
    } else if (start.apiKey === ApiKeys.SaslAuthenticate) {
      this.pendingAuth.set(start.correlationId, start.apiVersion);
      this.responses.watch(start.correlationId);
      const auth = authenticateBytes(frame);
      // A request the proxy cannot read goes on: the broker answers it.
      if (this.claimedTenant === undefined && "bytes" in auth) {
        const refusal = this.checkTenant(auth.bytes);
        if (refusal !== null) {
          this.refuse(
            refuseAuthenticate(start.apiVersion, start.correlationId, refusal.reason, refusal.limit),
          );
          return;
        }
      }
    }
    this.send(this.upstream, this.client, frame);
  }

  /** A bare SASL token after SaslHandshake v0; the first one carries the credentials. */
  private onToken(frame: Buffer): void {
    if (this.claimedTenant === undefined) {
      const refusal = this.checkTenant(frame.subarray(4));
      if (refusal !== null) {
        // SASL v0 has no error answer: a failed exchange is a closed connection.
        this.refuse(null);
        return;
      }
    }
    this.send(this.upstream, this.client, frame);
  }

  /**
   * Notes the tenant the credentials name, if the image knows them, and checks its limits
   * without counting anything: the reason when it is over a limit already, else null. The
   * connection counts against the tenant only once the broker has accepted the credentials
   * (`admitTenant`), so credentials that fail use up no tenant's connections or rate.
   */
  private checkTenant(authBytes: Uint8Array): Refusal | null {
    if (this.mechanism === undefined) return null;
    const login = loginOf(this.mechanism, authBytes);
    if (login === undefined) return null;
    const tenant = tenantOf(this.env.image(), this.mechanism, login);
    if (tenant === undefined) return null;
    this.claimedTenant = tenant;
    const admission = this.env.tenants.check(
      tenant,
      this.env.tenantLimit(tenant),
      this.env.clock.now(),
      "this cluster",
    );
    return admission.ok ? null : this.refused(tenant, admission);
  }

  /** The broker accepted the credentials: the connection counts against its tenant, if still within its limits. */
  private admitTenant(): Refusal | null {
    const tenant = this.claimedTenant;
    if (tenant === undefined || this.tenant !== undefined) return null;
    const admission = this.env.tenants.admit(
      tenant,
      this.env.tenantLimit(tenant),
      this.env.clock.now(),
      "this cluster",
    );
    if (admission.ok) {
      this.tenant = tenant;
      return null;
    }
    return this.refused(tenant, admission);
  }

  private refused(tenant: string, admission: Exclude<Admission, { ok: true }>): Refusal {
    const reason = admission.limit === "rate" ? "tenant_rate" : "tenant_connections";
    this.env.metrics.refused(reason);
    this.log.info({ tenant, reason: admission.reason }, "refusing a connection over its tenant's limit");
    return { reason: admission.reason, limit: admission.limit };
  }

  /** Stops forwarding, writes the proxy's own answer (if any), and ends the connection. */
  private refuse(answer: Buffer | null): void {
    this.done = true;
    this.ending = true;
    this.upstream.destroy();
    this.endGracefully(this.client, answer ?? undefined);
  }

  /**
   * Ends `socket` once what was written to it (and `last`) has left, so an answer the other
   * side sent just before closing still arrives; destroys it if that takes longer than
   * END_GRACE_MS.
   */
  private endGracefully(socket: Socket, last?: Buffer): void {
    if (socket.destroyed) return;
    if (last === undefined) socket.end();
    else socket.end(last);
    const timer = this.env.clock.setTimeout(() => socket.destroy(), END_GRACE_MS);
    socket.once("close", () => timer.cancel());
  }

  private onWatchedResponse(correlationId: number, frame: Buffer): void {
    if (correlationId === this.handshakeV0) {
      this.handshakeV0 = undefined;
      if (handshakeErrorCode(0, frame) !== 0) return;
      const rounds = saslRounds(this.mechanism ?? "");
      if (rounds === 0) {
        this.close(
          "unsupported_sasl",
          `SaslHandshake v0 for ${this.mechanism}, whose bare tokens the proxy cannot count`,
        );
        return;
      }
      this.tokenRounds = rounds;
      this.requests.rawTokens = rounds;
      this.responses.expectTokens(rounds);
      return;
    }
    const version = this.pendingAuth.get(correlationId);
    if (version === undefined) return;
    this.pendingAuth.delete(correlationId);
    if (authenticateErrorCode(version, frame) !== 0) return;
    // The tenant filled its limit while the broker checked: the proxy's refusal replaces the broker's answer.
    const refusal = this.admitTenant();
    if (refusal !== null) {
      this.refuse(refuseAuthenticate(version, correlationId, refusal.reason, refusal.limit));
      return;
    }
    this.requests.authenticated = true;
  }

  /** The broker answered a bare token; after the last round, the exchange succeeded (a failure closes). */
  private onBrokerToken(): void {
    this.tokenRounds -= 1;
    if (this.tokenRounds !== 0) return;
    if (this.admitTenant() !== null) {
      this.refuse(null);
      return;
    }
    this.requests.authenticated = true;
  }

  private close(reason: CloseReason, detail: string): void {
    if (this.done) return;
    this.done = true;
    if (this.connected) this.env.metrics.closedBy(reason);
    else this.env.metrics.refused(reason);
    this.log.info({ reason: detail }, "closing connection");
    this.client.destroy();
    this.upstream.destroy();
  }

  /** The client socket closed (it closes once, whoever ends it): frees the tenant's slot. */
  private finish(hadError: boolean): void {
    this.done = true;
    if (hadError || !this.connected) this.upstream.destroy();
    else this.endGracefully(this.upstream);
    if (this.tenant !== undefined) {
      this.env.tenants.release(this.tenant, this.env.tenantLimit(this.tenant), this.env.clock.now());
    }
    this.onClosed();
  }
}
