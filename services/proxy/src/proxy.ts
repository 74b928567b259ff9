/**
 * The proxy's listeners and routing. A bootstrap port sends each connection
 * to an active broker picked at random; port `brokerPortBase + n` sends it to
 * broker n, and there is one such port for every broker the metadata image
 * holds (opened when the broker registers, closed when it is unregistered).
 * With a certificate, one TLS port routes by server name instead:
 * `b<n>.<domain>` to broker n, anything else as bootstrap. The proxy keeps no
 * state beyond its open connections: the directory comes from the image,
 * and the limits count only this process's connections.
 *
 * Per-source limits are checked when a connection is accepted (for TLS,
 * before the handshake): over them, the connection is closed at once, with
 * the reason in the log and the refused counter, since nothing can be said
 * to a client that has not sent a request.
 */
import { createServer, type Server, type Socket } from "node:net";
import { createServer as createTlsServer, type TLSSocket, type Server as TlsServer } from "node:tls";
import type { MetadataImage } from "@runnel/metadata";
import type { Clock, Logger, Random } from "@runnel/runtime";
import { type ConnectionEnv, ProxiedConnection } from "./connection.js";
import {
  activeBrokers,
  brokerAddress,
  brokerOfServerName,
  brokerPort,
  registeredBrokerIds,
} from "./directory.js";
import type { RequestCaps } from "./frames.js";
import { ConnectionLimits, type Limit } from "./limits.js";
import type { ProxyMetrics } from "./metrics.js";

/** Where the proxy learns the broker directory and tenant limits: an `ImageWatch`, or a test's stand-in. */
export interface Directory {
  readonly image: MetadataImage;
  onChange(listener: (image: MetadataImage) => void): () => void;
}

export interface TlsOptions {
  readonly port: number;
  readonly key: Buffer;
  readonly cert: Buffer;
  /** Server names `b<n>.<domain>` route to broker n; empty: `b<n>.` under any domain. */
  readonly domain: string;
}

export interface ProxyOptions {
  readonly listenHost: string;
  /** 0 picks a free port (tests). */
  readonly bootstrapPort: number;
  readonly brokerPortBase: number;
  readonly tls?: TlsOptions | undefined;
  readonly caps: RequestCaps;
  readonly idleTimeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly perSource: Limit;
  readonly directory: Directory;
  readonly metrics: ProxyMetrics;
  readonly clock: Clock;
  readonly random: Random;
  readonly logger: Logger;
}

/** Route of an accepted connection: a broker id, or undefined for bootstrap. */
type Route = number | undefined;

/** How often idle entries of the limit tables are dropped. */
const SWEEP_INTERVAL_MS = 60_000;

export class KafkaProxy {
  private readonly sources = new ConnectionLimits();
  private readonly tenants = new ConnectionLimits();
  private bootstrap: Server | null = null;
  private tlsServer: TlsServer | null = null;
  private readonly brokerListeners = new Map<number, Server>();
  private readonly connections = new Set<Socket>();
  private nextConnectionId = 1;
  private stopWatching: (() => void) | null = null;
  private sweepTimer: { cancel(): void } | null = null;
  private closed = false;
  private bootstrapPort = 0;
  private tlsPort = 0;

  private readonly connectionEnv: ConnectionEnv;

  constructor(private readonly o: ProxyOptions) {
    this.connectionEnv = {
      caps: o.caps,
      idleTimeoutMs: o.idleTimeoutMs,
      connectTimeoutMs: o.connectTimeoutMs,
      image: () => o.directory.image,
      tenants: this.tenants,
      tenantLimit: (t) => this.tenantLimit(t),
      metrics: o.metrics,
      clock: o.clock,
    };
  }

  /** The ports listened on now. */
  get ports(): { bootstrap: number; tls: number | undefined; brokers: Map<number, number> } {
    const brokers = new Map<number, number>();
    for (const [id, s] of this.brokerListeners) {
      const a = s.address();
      if (typeof a === "object" && a !== null) brokers.set(id, a.port);
    }
    return {
      bootstrap: this.bootstrapPort,
      tls: this.tlsServer === null ? undefined : this.tlsPort,
      brokers,
    };
  }

  async start(): Promise<void> {
    const bootstrap = createServer((s) => this.accept(s, undefined));
    this.bootstrapPort = await listen(bootstrap, this.o.listenHost, this.o.bootstrapPort, this.o.logger);
    this.bootstrap = bootstrap;
    if (this.o.tls !== undefined) {
      const t = this.o.tls;
      const server = createTlsServer({ key: t.key, cert: t.cert, handshakeTimeout: 10_000 });
      // Limits are checked on the raw connection, before the handshake costs anything.
      server.on("connection", (raw: Socket) => {
        if (!this.admitSource(raw)) raw.destroy();
      });
      server.on("secureConnection", (s: TLSSocket) =>
        this.forward(s, brokerOfServerName(s.servername, t.domain)),
      );
      server.on("tlsClientError", (e) => this.o.logger.debug({ error: String(e) }, "TLS handshake failed"));
      this.tlsPort = await listen(server, this.o.listenHost, t.port, this.o.logger);
      this.tlsServer = server;
    }
    this.stopWatching = this.o.directory.onChange((image) => this.syncListeners(image));
    this.syncListeners(this.o.directory.image);
    const sweep = (): void => {
      this.sweepTimer = this.o.clock.setTimeout(() => {
        const now = this.o.clock.now();
        this.sources.sweep(() => this.o.perSource, now);
        this.tenants.sweep((t) => this.tenantLimit(t), now);
        sweep();
      }, SWEEP_INTERVAL_MS);
    };
    sweep();
    this.o.logger.info(
      {
        host: this.o.listenHost,
        bootstrap: this.bootstrapPort,
        tls: this.o.tls === undefined ? null : this.tlsPort,
      },
      "proxy listening",
    );
  }

  /** Stops listening and closes every forwarded connection (clients reconnect elsewhere). */
  async close(): Promise<void> {
    this.closed = true;
    this.stopWatching?.();
    this.sweepTimer?.cancel();
    const servers: Server[] = [...this.brokerListeners.values()];
    if (this.bootstrap !== null) servers.push(this.bootstrap);
    if (this.tlsServer !== null) servers.push(this.tlsServer);
    this.brokerListeners.clear();
    for (const s of this.connections) s.destroy();
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }

  /** Opens a port for every registered broker and closes the ports of brokers gone from the image. */
  private syncListeners(image: MetadataImage): void {
    if (this.closed) return;
    const ids = new Set(registeredBrokerIds(image));
    for (const [id, server] of this.brokerListeners) {
      if (ids.has(id)) continue;
      this.brokerListeners.delete(id);
      server.close();
      this.o.logger.info({ brokerId: id }, "broker listener closed: broker unregistered");
    }
    for (const id of ids) {
      if (this.brokerListeners.has(id)) continue;
      const port = brokerPort(this.o.brokerPortBase, id);
      if (port === undefined) {
        this.o.logger.error({ brokerId: id, brokerPortBase: this.o.brokerPortBase }, "broker id has no port");
        continue;
      }
      const server = createServer((s) => this.accept(s, id));
      this.brokerListeners.set(id, server);
      listen(server, this.o.listenHost, port, this.o.logger).then(
        () => {
          if (this.brokerListeners.get(id) !== server) server.close();
          else this.o.logger.info({ brokerId: id, port }, "broker listener open");
        },
        (e: unknown) => {
          // Tried again at the next image change.
          if (this.brokerListeners.get(id) === server) this.brokerListeners.delete(id);
          this.o.logger.error({ brokerId: id, port, error: String(e) }, "broker listener failed to open");
        },
      );
    }
  }

  private accept(socket: Socket, route: Route): void {
    if (!this.admitSource(socket)) {
      socket.destroy();
      return;
    }
    this.forward(socket, route);
  }

  /** Counts a new connection against its source address; false (and logged) when over a limit. */
  private admitSource(socket: Socket): boolean {
    this.o.metrics.accepted();
    const source = socket.remoteAddress ?? "unknown";
    const admission = this.sources.admit(source, this.o.perSource, this.o.clock.now(), `source ${source}`);
    if (!admission.ok) {
      this.o.metrics.refused(admission.limit === "rate" ? "source_rate" : "source_connections");
      this.o.logger.info({ source, reason: admission.reason }, "connection refused");
      return false;
    }
    socket.once("close", () => this.sources.release(source, this.o.perSource, this.o.clock.now()));
    return true;
  }

  /** Picks the broker for an admitted connection and starts forwarding, or closes it. */
  private forward(socket: Socket, route: Route): void {
    const id = this.nextConnectionId++;
    const remote = `${socket.remoteAddress}:${socket.remotePort}`;
    const image = this.o.directory.image;
    let brokerId: number | undefined = route;
    if (brokerId === undefined) {
      const active = activeBrokers(image);
      brokerId = active.length === 0 ? undefined : active[this.o.random.int(0, active.length)]?.id;
    }
    const broker = brokerId === undefined ? undefined : image.brokers.get(brokerId);
    const target = broker === undefined ? undefined : brokerAddress(broker);
    if (target === undefined || this.isOwnAddress(target.host, target.port)) {
      const reason =
        brokerId === undefined
          ? "no active broker"
          : broker === undefined
            ? `broker ${brokerId} is not registered`
            : target === undefined
              ? `broker ${brokerId} registers no INTERNAL or PLAINTEXT endpoint`
              : `broker ${brokerId} registers this proxy's own address and no INTERNAL endpoint`;
      this.o.metrics.refused("no_broker");
      this.o.logger.info({ connection: id, remote, reason }, "connection refused");
      socket.destroy();
      return;
    }
    this.connections.add(socket);
    this.o.metrics.opened();
    const log = this.o.logger.child({ connection: id, remote, brokerId });
    log.debug({ target: `${target.host}:${target.port}` }, "forwarding connection");
    new ProxiedConnection(socket, target, this.connectionEnv, log, () => {
      this.connections.delete(socket);
      this.o.metrics.closed();
    });
  }

  /** A tenant's connection limits from the image's tenant quotas; absent keys set no limit. */
  private tenantLimit(tenant: string): Limit {
    const q = this.o.directory.image.tenantQuotas.get(tenant);
    return {
      maxConnections: q?.get("max_connections"),
      connectionsPerSecond: q?.get("connection_creation_rate"),
    };
  }

  /**
   * Whether host:port is one of this proxy's own listeners: a broker that advertises the proxy
   * and registers no INTERNAL endpoint would otherwise send the proxy to itself.
   */
  private isOwnAddress(host: string, port: number): boolean {
    const ports = this.ports;
    const own = port === ports.bootstrap || port === ports.tls || [...ports.brokers.values()].includes(port);
    if (!own) return false;
    const listen = this.o.listenHost;
    return (
      host === listen ||
      (host === "localhost" && (listen === "127.0.0.1" || listen === "::1")) ||
      listen === "0.0.0.0" ||
      listen === "::"
    );
  }
}

/** Listens; errors after that (a failed accept) are logged, not thrown. */
function listen(server: Server, host: string, port: number, logger: Logger): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error): void => reject(e);
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      server.on("error", (e) => logger.warn({ host, port, error: String(e) }, "listener error"));
      const a = server.address();
      resolve(typeof a === "object" && a !== null ? a.port : port);
    });
  });
}
