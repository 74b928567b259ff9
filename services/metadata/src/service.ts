/**
 * One metadata voter: durable Raft storage, the Raft shell, the metadata state
 * machine, and the gRPC services (RaftService between voters; ControllerService
 * for brokers and tools; QuorumAdminService for operators) on one address.
 */
import * as grpc from "@grpc/grpc-js";
import type { NodeId } from "@runnel/raft";
import {
  ControllerService,
  grpcTransport,
  QuorumAdminService,
  RaftService,
  serve,
  type Transport,
} from "@runnel/rpc";
import { durationMs, type ServiceContext } from "@runnel/runtime";
import { z } from "zod";
import { DEFAULT_CONTROLLER_OPTIONS } from "./controller/index.js";
import { ActiveController } from "./controller-service.js";
import { quorumAdminImpl } from "./quorum-admin.js";
import { RaftDriver } from "./raft/driver.js";
import { PeerSenders, raftServiceImpl } from "./raft/transport.js";
import { MetadataStateMachine } from "./state-machine.js";
import { openDiskStorage } from "./storage/index.js";

/** The local fleet's voters. */
export const DEFAULT_VOTERS = "1@127.0.0.1:9301,2@127.0.0.1:9302,3@127.0.0.1:9303";

export const metadataConfigSchema = z.object({
  /** This voter's id; it must appear in `voters`. */
  nodeId: z.number().int().min(1).max(0x7fff_ffff),
  /** Brokers of another cluster id are refused. */
  clusterId: z.string().min(1).default("runnel-local"),
  /** Every voter as `id@host:port`; this voter listens on its own entry's address. */
  voters: z.string().default(DEFAULT_VOTERS),
  /** Where the Raft log, hard state and snapshots live. */
  dataDir: z.string().min(1),
  /** The Raft clock's resolution. */
  tickMs: durationMs().default(100),
  /** A follower that hears no leader for a random time in [electionTimeoutMs, 2 * electionTimeoutMs) campaigns. */
  electionTimeoutMs: durationMs().default(1_000),
  heartbeatIntervalMs: durationMs().default(100),
  /** A broker that has not heartbeaten for this long is fenced (Kafka's broker.session.timeout.ms). */
  sessionTimeoutMs: durationMs().default(9_000),
  /** A write not committed in time answers DEADLINE_EXCEEDED. */
  writeTimeoutMs: durationMs().default(10_000),
  /** Deadline of one call between voters. */
  peerCallTimeoutMs: durationMs().default(2_000),
  /** Entries applied between snapshots (after which the log is compacted). */
  snapshotEveryEntries: z.number().int().min(1).default(10_000),
  /** Turning fsync off gives up durability; only for benchmark comparisons. */
  fsync: z.boolean().default(true),
  defaultPartitions: z.number().int().min(1).default(DEFAULT_CONTROLLER_OPTIONS.defaultPartitions),
  defaultReplicationFactor: z
    .number()
    .int()
    .min(1)
    .default(DEFAULT_CONTROLLER_OPTIONS.defaultReplicationFactor),
  /**
   * Kafka's `auto.leader.rebalance.enable`: the active controller moves leadership back to
   * preferred replicas that are active ISR members (see controller/leader-balance.ts).
   */
  autoLeaderRebalanceEnable: z.boolean().default(true),
  /** Kafka's `leader.imbalance.check.interval.seconds` (300 s): time between balance checks. */
  leaderImbalanceCheckIntervalMs: durationMs()
    .pipe(z.number().int().min(1_000, "leaderImbalanceCheckIntervalMs must be at least 1 s"))
    .default(300_000),
  /** Kafka's `leader.imbalance.per.broker.percentage`: the imbalance a broker may have before a balance. */
  leaderImbalancePerBrokerPercentage: z.number().int().min(0).max(100).default(10),
  /** Largest snapshot a follower accepts from the leader. */
  snapshotBytesMax: z
    .number()
    .int()
    .min(1)
    .default(1 << 30),
});

export type MetadataConfig = z.output<typeof metadataConfigSchema>;

export function parseVoters(text: string): Map<NodeId, string> {
  const voters = new Map<NodeId, string>();
  for (const part of text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")) {
    const m = /^(\d+)@(.+):(\d+)$/.exec(part);
    if (m === null) throw new Error(`voter "${part}" is not id@host:port`);
    const id = Number(m[1]);
    if (voters.has(id)) throw new Error(`voter ${id} is listed twice`);
    voters.set(id, `${m[2]}:${m[3]}`);
  }
  if (voters.size === 0) throw new Error("no voters configured");
  return voters;
}

export async function startMetadataVoter(ctx: ServiceContext<MetadataConfig>): Promise<void> {
  const { config, logger, clock, random } = ctx;
  const voters = parseVoters(config.voters);
  const address = voters.get(config.nodeId);
  if (address === undefined)
    throw new Error(`node ${config.nodeId} is not among the voters ${config.voters}`);
  if (config.heartbeatIntervalMs >= config.electionTimeoutMs) {
    throw new Error("heartbeatIntervalMs must be shorter than electionTimeoutMs");
  }

  const { storage, recovered } = await openDiskStorage(config.dataDir, { fsync: config.fsync, logger });
  ctx.onShutdown(() => storage.close(), "storage");
  for (const note of recovered.notes) logger.warn({ note }, "storage recovery");

  const stateMachine = new MetadataStateMachine();
  const driver = await RaftDriver.open({
    id: config.nodeId,
    storage,
    stateMachine,
    clock,
    random,
    logger: logger.child({ component: "raft" }),
    tickMs: config.tickMs,
    electionTicks: Math.max(2, Math.round(config.electionTimeoutMs / config.tickMs)),
    heartbeatTicks: Math.max(1, Math.round(config.heartbeatIntervalMs / config.tickMs)),
    snapshotEveryEntries: config.snapshotEveryEntries,
    initialVoters: [...voters.keys()],
  });

  const transports = new Map<NodeId, Transport>();
  for (const [id, peer] of voters) if (id !== config.nodeId) transports.set(id, grpcTransport(peer));
  driver.setSink(
    new PeerSenders({
      selfId: config.nodeId,
      clusterId: config.clusterId,
      peers: transports,
      driver,
      logger: logger.child({ component: "raft-transport" }),
      callTimeoutMs: config.peerCallTimeoutMs,
    }),
  );

  const controller = new ActiveController({
    clusterId: config.clusterId,
    driver,
    stateMachine,
    clock,
    logger: logger.child({ component: "controller" }),
    randomBytes: (n) => random.bytes(n),
    controller: {
      ...DEFAULT_CONTROLLER_OPTIONS,
      defaultPartitions: config.defaultPartitions,
      defaultReplicationFactor: config.defaultReplicationFactor,
    },
    sessionTimeoutMs: config.sessionTimeoutMs,
    writeTimeoutMs: config.writeTimeoutMs,
    voterAddresses: voters,
    ...(config.autoLeaderRebalanceEnable
      ? {
          leaderBalance: {
            intervalMs: config.leaderImbalanceCheckIntervalMs,
            imbalancePercentage: config.leaderImbalancePerBrokerPercentage,
          },
        }
      : {}),
  });
  driver.onRoleChange((role) => controller.onRoleChange(role === "leader"));

  const server = new grpc.Server();
  serve(
    server,
    RaftService,
    raftServiceImpl({
      selfId: config.nodeId,
      clusterId: config.clusterId,
      driver,
      snapshotBytesMax: config.snapshotBytesMax,
    }),
  );
  serve(server, ControllerService, controller.impl());
  serve(server, QuorumAdminService, quorumAdminImpl({ driver, stateMachine, voterAddresses: voters }));
  await new Promise<number>((resolve, reject) =>
    server.bindAsync(address, grpc.ServerCredentials.createInsecure(), (e, port) =>
      e ? reject(e) : resolve(port),
    ),
  );
  ctx.onShutdown(async () => {
    await driver.handOffLeadership(Math.min(2_000, config.electionTimeoutMs * 2));
    controller.stop();
    await driver.stop();
    for (const t of transports.values()) t.close();
    await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
  }, "raft");

  ctx.addReadinessCheck("leader-known", () => {
    const s = driver.status();
    return s.leaderId === 0 ? { ready: false, reason: "no metadata leader known" } : true;
  });

  driver.start();
  logger.info(
    { nodeId: config.nodeId, address, voters: Object.fromEntries(voters) },
    "metadata voter started",
  );
}
