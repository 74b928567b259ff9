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
const ZONES = ["a", "b", "c"] as const;

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
    ports: { listen: 9091, admin: 9320, replication: 9330 },
    readyPort: "admin",
    env: (ctx) => ({
      RUNNEL_BROKER_NODE_ID: String(ctx.n),
      RUNNEL_BROKER_ZONE: ZONES[(ctx.n - 1) % ZONES.length] as string,
      RUNNEL_BROKER_DATA_DIR: ctx.dataDir,
      RUNNEL_BROKER_LISTEN_PORT: String(ctx.ports.listen),
      RUNNEL_BROKER_ADMIN_HOST: LOOPBACK,
      RUNNEL_BROKER_ADMIN_PORT: String(ctx.ports.admin),
      RUNNEL_BROKER_METADATA_VOTERS: voterList(ctx, false),
      RUNNEL_BROKER_REPLICATION_PORT: String(ctx.ports.replication),
      ...replicationDefaults(ctx.instances("broker").length),
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
