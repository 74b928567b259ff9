/**
 * Proxy processes for end-to-end tests, following a MetadataQuorum, and a
 * small TCP balancer that puts several of them behind one address, as a
 * load balancer or a Kubernetes Service does in a deployment.
 */
import { createServer, connect as netConnect, type Server, type Socket } from "node:net";
import { join } from "node:path";
import type { MetadataQuorum } from "./metadata.js";
import { freePort, ManagedProcess, waitUntil } from "./process.js";

export interface ProxyProcess {
  readonly process: ManagedProcess;
  readonly host: string;
  readonly bootstrapPort: number;
  readonly brokerPortBase: number;
  readonly adminPort: number;
  /** `host:bootstrapPort`. */
  readonly bootstrap: string;
}

export interface ProxyOptions {
  readonly name: string;
  /** The address the proxy listens on. */
  readonly host: string;
  readonly bootstrapPort: number;
  readonly brokerPortBase: number;
  /** Broker ids whose listeners must be open before `startProxy` returns. */
  readonly brokers: readonly number[];
  readonly env?: Readonly<Record<string, string>>;
}

export async function startProxy(q: MetadataQuorum, o: ProxyOptions): Promise<ProxyProcess> {
  const adminPort = await freePort();
  const p = new ManagedProcess({
    name: o.name,
    entry: "services/proxy/src/main.ts",
    logDir: join(q.root, "logs"),
    env: {
      RUNNEL_PROXY_LISTEN_HOST: o.host,
      RUNNEL_PROXY_BOOTSTRAP_PORT: String(o.bootstrapPort),
      RUNNEL_PROXY_BROKER_PORT_BASE: String(o.brokerPortBase),
      RUNNEL_PROXY_METADATA_VOTERS: q.addresses.join(","),
      RUNNEL_PROXY_ADMIN_HOST: "127.0.0.1",
      RUNNEL_PROXY_ADMIN_PORT: String(adminPort),
      ...o.env,
    },
  });
  p.start();
  try {
    await waitUntil(
      `${o.name} listening for brokers ${o.brokers.join(", ")}`,
      () => {
        const open = new Set(
          p.lines.filter((l) => l.msg === "broker listener open").map((l) => l.brokerId as number),
        );
        return o.brokers.every((b) => open.has(b)) ? true : undefined;
      },
      60_000,
      50,
    );
  } catch (e) {
    await p.close();
    throw e;
  }
  return {
    process: p,
    host: o.host,
    bootstrapPort: o.bootstrapPort,
    brokerPortBase: o.brokerPortBase,
    adminPort,
    bootstrap: `${o.host}:${o.bootstrapPort}`,
  };
}

/** The proxy's metrics as Prometheus text. */
export async function proxyMetrics(p: ProxyProcess): Promise<string> {
  const r = await fetch(`http://127.0.0.1:${p.adminPort}/metrics`);
  return r.text();
}

/** The value of one sample in Prometheus text, e.g. `proxy_connections_refused_total{reason="idle"}`; 0 if absent. */
export function metricValue(text: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (!Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) continue;
    total += Number(line.slice(line.lastIndexOf(" ") + 1));
  }
  return total;
}

/**
 * A port p such that p .. p + count - 1 are free on every host now. Picked outside the
 * ephemeral range, so that a port handed out by `freePort` elsewhere does not land on it.
 */
export async function freePortRange(count: number, hosts: readonly string[]): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 10_000);
    const servers: Server[] = [];
    let ok = true;
    for (let i = 0; i < count && ok; i++) {
      for (const host of hosts) {
        const s = createServer();
        ok = await new Promise<boolean>((resolve) => {
          s.once("error", () => resolve(false));
          s.listen(base + i, host, () => resolve(true));
        });
        if (!ok) break;
        servers.push(s);
      }
    }
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    if (ok) return base;
  }
  throw new Error(`no ${count} consecutive free ports on ${hosts.join(", ")}`);
}

/**
 * One address in front of several proxies: on `host:port` for each port, every new connection
 * goes to the next backend host on the same port in turn, skipping backends that refuse it,
 * and is piped both ways (either side closing closes the other). Connections start with the
 * first backend, so a test knows where its client's first connections went.
 */
export class TcpBalancer {
  private readonly servers: Server[] = [];
  private readonly sockets = new Set<Socket>();
  private next = new Map<number, number>();
  /** Connections handed to each backend host. */
  readonly routed = new Map<string, number>();

  private constructor(
    readonly host: string,
    readonly backends: readonly string[],
  ) {}

  static async start(
    host: string,
    ports: readonly number[],
    backends: readonly string[],
  ): Promise<TcpBalancer> {
    const b = new TcpBalancer(host, backends);
    for (const port of ports) {
      const server = createServer((client) => b.route(client, port));
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => resolve());
      });
      b.servers.push(server);
    }
    return b;
  }

  private route(client: Socket, port: number): void {
    this.sockets.add(client);
    client.on("close", () => this.sockets.delete(client));
    client.on("error", () => {});
    client.pause();
    const start = this.next.get(port) ?? 0;
    this.next.set(port, start + 1);
    const attempt = (i: number): void => {
      if (i === this.backends.length || client.destroyed) {
        client.destroy();
        return;
      }
      const host = this.backends[(start + i) % this.backends.length] as string;
      const upstream = netConnect({ host, port });
      let connected = false;
      upstream.once("error", () => {
        if (!connected) attempt(i + 1);
      });
      upstream.once("connect", () => {
        connected = true;
        this.routed.set(host, (this.routed.get(host) ?? 0) + 1);
        this.sockets.add(upstream);
        upstream.on("error", () => {});
        upstream.on("close", () => {
          this.sockets.delete(upstream);
          client.destroy();
        });
        client.on("close", () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
    };
    attempt(0);
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await Promise.all(this.servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }
}
