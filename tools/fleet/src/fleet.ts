/**
 * The local fleet, as one declarative table: which services run, how many of
 * each, from which entry point, on which ports, with which settings. A new
 * service joins the fleet with one entry in `FLEET`.
 */
import { join } from "node:path";
import type { ProcessSpec } from "./supervisor.js";

/** What an entry's `env` sees about the instance being planned and the rest of the fleet. */
export interface InstanceContext {
  /** The instance number, 1-based. */
  readonly n: number;
  /** This instance's own data directory, `<data>/<service>-<n>`. */
  readonly dataDir: string;
  /** This instance's ports, by the names its entry declares. */
  readonly ports: Readonly<Record<string, number>>;
  /** Every instance of a service, with its ports (e.g. all metadata voters, to list them). */
  instances(
    service: string,
  ): readonly { readonly n: number; readonly ports: Readonly<Record<string, number>> }[];
  /** The control plane's admin token (the fleet keeps it in `<data>/admin-token`). */
  readonly adminToken: string;
}

export interface FleetService {
  /** Service name; instances are called `<service>-<n>`. */
  readonly service: string;
  /** TypeScript entry point, relative to the repository root. */
  readonly entry: string;
  readonly instances: number;
  /**
   * Start order: lower tiers start first and stop last (voters before brokers, brokers before the
   * services that talk to them).
   */
  readonly tier: number;
  /** Named ports; instance n gets `base + n` unless the plan overrides it. */
  readonly ports: Readonly<Record<string, number>>;
  /** The port whose `/readyz` tells whether an instance is ready. */
  readonly readyPort?: string;
  readonly env: (ctx: InstanceContext) => Record<string, string>;
}

const LOOPBACK = "127.0.0.1";
/**
 * The logical cluster anonymous connections belong to in the local fleet, so that
 * `kcat -b localhost:9092` works with no credentials. The control plane creates it.
 */
export const DEFAULT_LOGICAL_CLUSTER = "lkc-000000";

/**
 * The port the proxy serves broker n on: the proxy's `brokers` port (its port-per-broker base)
 * plus n. Brokers advertise it, so clients reach every broker through the proxy.
 */
function proxiedBrokerPort(ctx: InstanceContext, brokerId: number): number {
  const proxy = ctx.instances("proxy")[0];
  if (proxy === undefined) throw new Error("the fleet has no proxy for brokers to advertise");
  return (proxy.ports.brokers as number) + brokerId;
}
const ZONES = ["a", "b", "c"] as const;
const LOCAL_CELL = "cell-1";

function voterList(ctx: InstanceContext, withIds: boolean): string {
  return ctx
    .instances("metadata")
    .map((v) => `${withIds ? `${v.n}@` : ""}${LOOPBACK}:${v.ports.raft}`)
    .join(",");
}

/**
 * The fleet replicates: replication factor 3 (one replica per zone) and min.insync.replicas 2 for
 * topics and for __consumer_offsets, so any one broker can be lost without losing an acknowledged
 * write or a committed offset. A fleet planned with fewer brokers uses as many as it has.
 */
function replicationDefaults(brokers: number): Record<string, string> {
  const rf = Math.min(3, brokers);
  return {
    RUNNEL_BROKER_DEFAULT_REPLICATION_FACTOR: String(rf),
    RUNNEL_BROKER_OFFSETS_TOPIC_REPLICATION_FACTOR: String(rf),
    RUNNEL_BROKER_MIN_INSYNC_REPLICAS: String(Math.min(2, rf)),
  };
}

export const FLEET: readonly FleetService[] = [
  {
    service: "metadata",
    entry: "services/metadata/src/main.ts",
    instances: 3,
    tier: 0,
    ports: { raft: 9300, admin: 9310 },
    readyPort: "admin",
    env: (ctx) => ({
      RUNNEL_METADATA_NODE_ID: String(ctx.n),
      RUNNEL_METADATA_DATA_DIR: ctx.dataDir,
      RUNNEL_METADATA_VOTERS: voterList(ctx, true),
      RUNNEL_METADATA_ADMIN_HOST: LOOPBACK,
      RUNNEL_METADATA_ADMIN_PORT: String(ctx.ports.admin),
      // Topics replicate to three brokers, one per zone, unless a client asks otherwise.
      RUNNEL_METADATA_DEFAULT_REPLICATION_FACTOR: String(Math.min(3, ctx.instances("broker").length)),
    }),
  },
  {
    service: "broker",
    entry: "services/broker/src/main.ts",
    instances: 3,
    tier: 1,
    ports: { listen: 9200, admin: 9320, replication: 9330 },
    readyPort: "admin",
    env: (ctx) => ({
      RUNNEL_BROKER_NODE_ID: String(ctx.n),
      // Clients are told the proxy's address for this broker; the proxy connects to the listener.
      RUNNEL_BROKER_ADVERTISED_HOST: LOOPBACK,
      RUNNEL_BROKER_ADVERTISED_PORT: String(proxiedBrokerPort(ctx, ctx.n)),
      RUNNEL_BROKER_AUTHENTICATION: "sasl",
      RUNNEL_BROKER_ANONYMOUS_LOGICAL_CLUSTER: DEFAULT_LOGICAL_CLUSTER,
      RUNNEL_BROKER_ZONE: ZONES[(ctx.n - 1) % ZONES.length] as string,
      // One cell across the three zones: every logical cluster lives in it.
      RUNNEL_BROKER_CELL: LOCAL_CELL,
      RUNNEL_BROKER_DATA_DIR: ctx.dataDir,
      RUNNEL_BROKER_LISTEN_PORT: String(ctx.ports.listen),
      RUNNEL_BROKER_ADMIN_HOST: LOOPBACK,
      RUNNEL_BROKER_ADMIN_PORT: String(ctx.ports.admin),
      RUNNEL_BROKER_METADATA_VOTERS: voterList(ctx, false),
      RUNNEL_BROKER_REPLICATION_PORT: String(ctx.ports.replication),
      ...replicationDefaults(ctx.instances("broker").length),
    }),
  },
  {
    service: "proxy",
    entry: "services/proxy/src/main.ts",
    instances: 1,
    tier: 2,
    // Bootstrap at 9092; broker n at 9100 + n.
    ports: { bootstrap: 9091, brokers: 9099, admin: 9340 },
    readyPort: "admin",
    env: (ctx) => ({
      RUNNEL_PROXY_LISTEN_HOST: LOOPBACK,
      RUNNEL_PROXY_BOOTSTRAP_PORT: String(ctx.ports.bootstrap),
      RUNNEL_PROXY_BROKER_PORT_BASE: String(ctx.ports.brokers),
      RUNNEL_PROXY_METADATA_VOTERS: ctx
        .instances("metadata")
        .map((v) => `${LOOPBACK}:${v.ports.raft}`)
        .join(","),
      RUNNEL_PROXY_ANONYMOUS: "true",
      // Every local client comes from 127.0.0.1: allow bursts of connections from it.
      RUNNEL_PROXY_MAX_CONNECTION_RATE_PER_SOURCE: "1000",
      RUNNEL_PROXY_ADMIN_HOST: LOOPBACK,
      RUNNEL_PROXY_ADMIN_PORT: String(ctx.ports.admin),
    }),
  },
  {
    service: "control-plane",
    entry: "services/control-plane/src/main.ts",
    instances: 1,
    tier: 2,
    ports: { http: 8079, admin: 9350 },
    readyPort: "admin",
    env: (ctx) => ({
      RUNNEL_CONTROL_PLANE_LISTEN_HOST: LOOPBACK,
      RUNNEL_CONTROL_PLANE_PORT: String(ctx.ports.http),
      RUNNEL_CONTROL_PLANE_URL: `http://localhost:${ctx.ports.http}`,
      RUNNEL_CONTROL_PLANE_METADATA_VOTERS: ctx
        .instances("metadata")
        .map((v) => `${LOOPBACK}:${v.ports.raft}`)
        .join(","),
      RUNNEL_CONTROL_PLANE_ADMIN_TOKEN: ctx.adminToken,
      RUNNEL_CONTROL_PLANE_DEFAULT_LOGICAL_CLUSTER: DEFAULT_LOGICAL_CLUSTER,
      RUNNEL_CONTROL_PLANE_ADMIN_HOST: LOOPBACK,
      RUNNEL_CONTROL_PLANE_ADMIN_PORT: String(ctx.ports.admin),
    }),
  },
];

export interface PlanOptions {
  /** The fleet's data directory; each instance gets `<dataDir>/<name>`. */
  readonly dataDir: string;
  /** The table to plan; `FLEET` by default. */
  readonly fleet?: readonly FleetService[];
  /**
   * Chooses a port other than the default (`base + n`), e.g. an ephemeral one in tests. Called
   * once per (instance, port name) before any env is built.
   */
  readonly port?: (name: string, portName: string, defaultPort: number) => number | Promise<number>;
  /** The control plane's admin token. */
  readonly adminToken: string;
}

/** Turns the table into one process spec per instance, ports and addresses resolved. */
export async function planFleet(options: PlanOptions): Promise<ProcessSpec[]> {
  const fleet = options.fleet ?? FLEET;
  const ports = new Map<string, { n: number; ports: Record<string, number> }[]>();
  for (const s of fleet) {
    const list: { n: number; ports: Record<string, number> }[] = [];
    for (let n = 1; n <= s.instances; n++) {
      const resolved: Record<string, number> = {};
      for (const [portName, base] of Object.entries(s.ports)) {
        const chosen = options.port?.(`${s.service}-${n}`, portName, base + n);
        resolved[portName] = chosen === undefined ? base + n : await chosen;
      }
      list.push({ n, ports: resolved });
    }
    ports.set(s.service, list);
  }
  const specs: ProcessSpec[] = [];
  for (const s of fleet) {
    for (const inst of ports.get(s.service) ?? []) {
      const name = `${s.service}-${inst.n}`;
      const env = s.env({
        n: inst.n,
        dataDir: join(options.dataDir, name),
        ports: inst.ports,
        instances: (service) => ports.get(service) ?? [],
        adminToken: options.adminToken,
      });
      const readyPort = s.readyPort === undefined ? undefined : inst.ports[s.readyPort];
      specs.push({
        name,
        service: s.service,
        entry: s.entry,
        tier: s.tier,
        env,
        ...(readyPort !== undefined && { readyPort }),
      });
    }
  }
  return specs;
}
