/**
 * One client connection forwarded to one broker. Bytes flow both ways as they
 * arrive, with backpressure each way (a side that cannot take more pauses the
 * other); the request side is scanned for frame boundaries and caps, the
 * response side only for the answers to SaslAuthenticate. Either side closing
 * closes the other. The proxy answers one request itself: a SaslAuthenticate
 * whose tenant is over its connection limits, with THROTTLING_QUOTA_EXCEEDED
 * and the limit in the message, before it closes the connection.
 */
import { connect, type Socket } from "node:net";
import { ApiKeys } from "@runnel/kafka-protocol";
import type { MetadataImage } from "@runnel/metadata";
import type { Clock, Logger } from "@runnel/runtime";
import {
  authenticateBytes,
  authenticateErrorCode,
  handshakeMechanism,
  loginOf,
  refuseAuthenticate,
  tenantOf,
} from "./auth.js";
import type { BrokerAddress } from "./directory.js";
import { type RequestCaps, RequestScanner, type RequestStart, ResponseScanner } from "./frames.js";
import type { ConnectionLimits, Limit } from "./limits.js";
import type { CloseReason, ProxyMetrics } from "./metrics.js";

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
  readonly logger: Logger;
}

export class ProxiedConnection {
  private readonly requests: RequestScanner;
  private readonly responses: ResponseScanner;
  private readonly upstream: Socket;
  /** SaslAuthenticate requests in flight: correlation id → version. */
  private readonly pendingAuth = new Map<number, number>();
  private mechanism: string | undefined;
  /** The tenant this connection counts against, once its first SaslAuthenticate named one. */
  private tenant: string | undefined;
  private connected = false;
  /** Set once the proxy stops forwarding; later pieces and events are dropped. */
  private done = false;
  /** The proxy is ending the client side gracefully, after its own answer. */
  private ending = false;

  constructor(
    private readonly client: Socket,
    readonly brokerId: number,
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
    client.on("close", () => this.finish());
    this.upstream = connect({ host: target.host, port: target.port, noDelay: true });
    this.upstream.setTimeout(env.connectTimeoutMs, () =>
      this.close("broker_unreachable", `no connection to the broker within ${env.connectTimeoutMs} ms`),
    );
    this.upstream.on("error", (e) => {
      if (!this.connected) this.close("broker_unreachable", `cannot reach broker: ${String(e)}`);
      else this.log.debug({ error: String(e) }, "broker socket error");
    });
    this.upstream.on("close", () => {
      this.done = true;
      if (!this.ending) this.client.destroy();
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
        else {
          this.close(piece.reason.includes("exceeds") ? "frame_too_large" : "bad_frame", piece.reason);
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
        this.onWatchedResponse(event.response.correlationId, event.response.frame);
      }
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
      const h = handshakeMechanism(frame);
      if ("error" in h) {
        this.close("unsupported_sasl", h.error);
        return;
      }
      this.mechanism = h.mechanism;
    } else if (start.apiKey === ApiKeys.SaslAuthenticate) {
      this.pendingAuth.set(start.correlationId, start.apiVersion);
      this.responses.watch(start.correlationId);
      if (this.tenant === undefined && !this.admitTenant(start, frame)) return;
    }
    this.send(this.upstream, this.client, frame);
  }

  /**
   * Counts the connection against the tenant its credentials name, if the image knows them;
   * false when the tenant is over a limit (the proxy has answered and is closing).
   */
  private admitTenant(start: RequestStart, frame: Buffer): boolean {
    if (this.mechanism === undefined) return true;
    const auth = authenticateBytes(frame);
    if ("error" in auth) return true; // The broker answers a request it cannot read.
    const login = loginOf(this.mechanism, auth.bytes);
    if (login === undefined) return true;
    const tenant = tenantOf(this.env.image(), this.mechanism, login);
    if (tenant === undefined) return true;
    const admission = this.env.tenants.admit(
      tenant,
      this.env.tenantLimit(tenant),
      this.env.clock.now(),
      "this cluster",
    );
    if (admission.ok) {
      this.tenant = tenant;
      return true;
    }
    const reason = admission.reason.startsWith("connection rate") ? "tenant_rate" : "tenant_connections";
    this.env.metrics.refused(reason);
    this.log.info({ tenant, reason: admission.reason }, "refusing a connection over its tenant's limit");
    this.done = true;
    this.ending = true;
    this.upstream.destroy();
    this.client.end(refuseAuthenticate(start.apiVersion, start.correlationId, admission.reason));
    // A client that never closes its side is cut off once the answer has had time to leave.
    this.client.setTimeout(5_000, () => this.client.destroy());
    return false;
  }

  private onWatchedResponse(correlationId: number, frame: Buffer): void {
    const version = this.pendingAuth.get(correlationId);
    if (version === undefined) return;
    this.pendingAuth.delete(correlationId);
    if (authenticateErrorCode(version, frame) === 0) this.requests.authenticated = true;
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
  private finish(): void {
    this.done = true;
    this.upstream.destroy();
    if (this.tenant !== undefined) {
      this.env.tenants.release(this.tenant, this.env.tenantLimit(this.tenant), this.env.clock.now());
    }
    this.onClosed();
  }
}
