/**
 * One broker: follows the metadata quorum into an in-memory image and serves
 * the Kafka protocol on its listener.
 */
import { join } from "node:path";
import { create } from "@bufbuild/protobuf";
import * as grpc from "@grpc/grpc-js";
import { voterAddresses } from "@runnel/metadata";
import {
  ControllerService,
  EndpointSchema,
  LeaderClient,
  ReplicationService,
  SecurityProtocol,
  serve,
} from "@runnel/rpc";
import { durationMs, type ServiceContext } from "@runnel/runtime";
import { z } from "zod";
import { SASL_MECHANISMS, SaslAuthority } from "./auth/sasl.js";
import { staticBrokerConfigs } from "./config-defs.js";
import type { BrokerContext } from "./context.js";
import { openDataDir } from "./data-dir.js";
import {
  DEFAULT_FETCH_SESSION_CACHE_SLOTS,
  FetchSessionCache,
  registerFetchSessionMetrics,
} from "./fetch-sessions.js";
import { attachGroupCoordination } from "./group/shell.js";
import { produceHandler } from "./handlers/00-produce.js";
import { fetchHandler } from "./handlers/01-fetch.js";
import { listOffsetsHandler } from "./handlers/02-list-offsets.js";
import { metadataHandler } from "./handlers/03-metadata.js";
import { saslHandshakeHandler } from "./handlers/17-sasl-handshake.js";
import { apiVersionsHandler } from "./handlers/18-api-versions.js";
import { createTopicsHandler } from "./handlers/19-create-topics.js";
import { deleteTopicsHandler } from "./handlers/20-delete-topics.js";
import { deleteRecordsHandler } from "./handlers/21-delete-records.js";
import { initProducerIdHandler } from "./handlers/22-init-producer-id.js";
import { offsetForLeaderEpochHandler } from "./handlers/23-offset-for-leader-epoch.js";
import { describeAclsHandler } from "./handlers/29-describe-acls.js";
import { createAclsHandler } from "./handlers/30-create-acls.js";
import { deleteAclsHandler } from "./handlers/31-delete-acls.js";
import { describeLogDirsHandler } from "./handlers/35-describe-log-dirs.js";
import { saslAuthenticateHandler } from "./handlers/36-sasl-authenticate.js";
import { createPartitionsHandler } from "./handlers/37-create-partitions.js";
import { electLeadersHandler } from "./handlers/43-elect-leaders.js";
import { describeUserScramCredentialsHandler } from "./handlers/50-describe-user-scram-credentials.js";
import { alterUserScramCredentialsHandler } from "./handlers/51-alter-user-scram-credentials.js";
import { describeClusterHandler } from "./handlers/60-describe-cluster.js";
import { describeProducersHandler } from "./handlers/61-describe-producers.js";
import { describeTopicPartitionsHandler } from "./handlers/75-describe-topic-partitions.js";
import { configHandlers } from "./handlers/config-apis.js";
import { type AnyHandler, KafkaServer } from "./kafka/server.js";
import { MetadataFollower } from "./metadata-follower.js";
import { ProducerIdManager } from "./producer-ids.js";
import { ReplicaManager } from "./replica-manager.js";
import { REPLICATION_LISTENER } from "./replication/fetcher.js";
import { replicationService } from "./replication/leader.js";
import { withTenantInterceptor } from "./tenant/interceptor.js";

export const brokerConfigSchema = z.object({
  /** The broker's Kafka node id. */
  nodeId: z.number().int().min(0).max(0x7fff_ffff),
  clusterId: z.string().min(1).default("runnel-local"),
  /** The availability zone; also reported to clients as the broker's rack. */
  zone: z.string().default(""),
  /** The cell this broker belongs to ("" for none). */
  cell: z.string().default(""),
  dataDir: z.string().min(1),
  listenHost: z.string().min(1).default("127.0.0.1"),
  listenPort: z.number().int().min(0).max(65_535).default(9092),
  /** The host clients are told to connect to; defaults to the listen host (127.0.0.1 for a wildcard). */
  advertisedHost: z.string().default(""),
  /** The port clients are told to connect to; 0 means the listen port. */
  advertisedPort: z.number().int().min(0).max(65_535).default(0),
  /** The port of the replication listener (gRPC, on the listen host); 0 picks a free one. */
  replicationPort: z.number().int().min(0).max(65_535).default(0),
  /** `min.insync.replicas`: the default of topics that do not set it (acks=all needs this many in-sync replicas). */
  minInsyncReplicas: z.number().int().min(1).default(1),
  /** `replica.lag.time.max.ms`: a follower not caught up for longer leaves the ISR. */
  replicaLagTimeMaxMs: durationMs().default(30_000),
  /** `replica.fetch.wait.max.ms`: how long a follower's fetch waits at the leader for new records. */
  replicaFetchWaitMaxMs: durationMs().default(500),
  /** Bytes per second replicas outside the ISR may fetch at (catching up from far behind); 0 for no limit. */
  replicationThrottleBytesPerSec: z.number().int().min(0).default(0),
  /** The metadata voters, `host:port,...`. */
  metadataVoters: z.string().default("127.0.0.1:9301,127.0.0.1:9302,127.0.0.1:9303"),
  heartbeatIntervalMs: durationMs().default(500),
  autoCreateTopics: z.boolean().default(true),
  defaultPartitions: z.number().int().min(1).default(1),
  defaultReplicationFactor: z.number().int().min(1).default(1),
  /** `socket.request.max.bytes`. */
  maxFrameBytes: z
    .number()
    .int()
    .min(1024)
    .default(100 * 1024 * 1024),
  /** `log.retention.check.interval.ms`: how often retention and compaction run. */
  logRetentionCheckIntervalMs: durationMs().default(300_000),
  /** `offsets.topic.num.partitions`: partitions of `__consumer_offsets` when a broker creates it. */
  offsetsTopicPartitions: z.number().int().min(1).max(1000).default(50),
  /**
   * `offsets.topic.replication.factor`: its replication factor. Kafka's default is 3; here 1, so a
   * single broker works out of the box; the local fleet sets 3.
   */
  offsetsTopicReplicationFactor: z.number().int().min(1).max(32).default(1),
  /** `offsets.commit.timeout.ms`: how long an offset commit waits for the in-sync replicas. */
  offsetsCommitTimeoutMs: durationMs().default(5_000),
  /** `group.initial.rebalance.delay.ms` */
  groupInitialRebalanceDelayMs: durationMs().default(3_000),
  /** `group.min.session.timeout.ms` */
  groupMinSessionTimeoutMs: durationMs().default(6_000),
  /** `group.max.session.timeout.ms` */
  groupMaxSessionTimeoutMs: durationMs().default(1_800_000),
  /** `offsets.retention.ms` */
  offsetsRetentionMs: durationMs().default(7 * 24 * 60 * 60 * 1000),
  inFlightRequestsMax: z.number().int().min(1).default(64),
  /** `max.incremental.fetch.session.cache.slots`: fetch sessions (KIP-227) the broker keeps; 0 turns them off. */
  maxIncrementalFetchSessionCacheSlots: z.number().int().min(0).default(DEFAULT_FETCH_SESSION_CACHE_SLOTS),
  /**
   * "none": every connection is the cluster-wide operator. "sasl": clients authenticate with
   * SASL (PLAIN with API keys, SCRAM with users' credentials) and belong to a logical cluster.
   */
  authentication: z.enum(["none", "sasl"]).default("none"),
  /** `sasl.enabled.mechanisms`: comma-separated, of PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512. */
  saslMechanisms: z
    .string()
    .default(SASL_MECHANISMS.join(","))
    .refine(
      (s) => {
        const list = s.split(",").map((m) => m.trim());
        return list.length > 0 && list.every((m) => SASL_MECHANISMS.includes(m));
      },
      { message: `a comma-separated list of ${SASL_MECHANISMS.join(", ")}` },
    ),
  /**
   * With "sasl": the logical cluster of connections that send a request other than ApiVersions
   * before SaslHandshake; they are its `User:ANONYMOUS`, admin within it. "": such a request
   * closes the connection.
   */
  anonymousLogicalCluster: z.string().default(""),
  /** The largest frame accepted before a connection authenticates; a larger one closes it. */
  preAuthMaxFrameBytes: z
    .number()
    .int()
    .min(1024)
    .default(512 * 1024),
  /** `log.segment.bytes`: partition log segments roll at this size. */
  segmentBytes: z
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024 * 1024),
});

export type BrokerConfig = z.output<typeof brokerConfigSchema>;

/** The endpoint naming the Kafka listener's real address (a proxy connects there). */
export const INTERNAL_LISTENER = "INTERNAL";

export async function startBroker(ctx: ServiceContext<BrokerConfig>): Promise<void> {
  const { config, logger, clock, random } = ctx;
  // Before anything touches the data directory: hold it exclusively, and learn which
  // incarnation ran here before (the controller's proof that it is dead).
  const incarnationId = random.bytes(16);
  const dataDir = await openDataDir(config.dataDir, incarnationId, { logger });
  ctx.onShutdown(() => dataDir.release(), "data-dir-lock");
  const voters = voterAddresses(config.metadataVoters);
  const wildcard = config.listenHost === "0.0.0.0" || config.listenHost === "::";
  const reachableHost = wildcard ? "127.0.0.1" : config.listenHost;
  const advertisedHost = config.advertisedHost !== "" ? config.advertisedHost : reachableHost;

  const controller = new LeaderClient(ControllerService, { addresses: voters, retryForMs: 10_000 });
  ctx.onShutdown(() => controller.close(), "controller-client");

  let server: KafkaServer | null = null;
  let follower: MetadataFollower | null = null;
  const broker: BrokerContext = {
    settings: {
      nodeId: config.nodeId,
      clusterId: config.clusterId,
      autoCreateTopics: config.autoCreateTopics,
      defaultPartitions: config.defaultPartitions,
      defaultReplicationFactor: config.defaultReplicationFactor,
      staticConfigs: staticBrokerConfigs(config),
    },
    image: () => (follower as MetadataFollower).image,
    waitForImage: (predicate, timeoutMs) => (follower as MetadataFollower).waitFor(predicate, timeoutMs),
    controller,
    supportedApis: () => (server as KafkaServer).supportedApis(),
  };
  const replicas = new ReplicaManager({
    nodeId: config.nodeId,
    dataDir: join(config.dataDir, "logs"),
    image: () => broker.image(),
    logger: logger.child({ component: "replicas" }),
    // log.segment.bytes and the other start-up settings: the static layer of topic configs.
    staticConfigs: broker.settings.staticConfigs ?? new Map(),
    clock,
    replication: {
      controller,
      brokerEpoch: () => follower?.brokerEpoch ?? null,
      lagTimeMaxMs: config.replicaLagTimeMaxMs,
      fetchWaitMaxMs: config.replicaFetchWaitMaxMs,
      throttleBytesPerSec: config.replicationThrottleBytesPerSec,
    },
  });
  ctx.onShutdown(() => replicas.close(), "partition-logs");
  // Roll by segment.ms, retention, compaction when due, flush.ms and producer expiry, every `logRetentionCheckIntervalMs`.
  let housekeeping: { cancel(): void } | null = null;
  const scheduleHousekeeping = (): void => {
    housekeeping = clock.setTimeout(() => {
      void replicas.housekeep(clock.now()).finally(scheduleHousekeeping);
    }, config.logRetentionCheckIntervalMs);
  };
  scheduleHousekeeping();
  ctx.onShutdown(() => housekeeping?.cancel(), "log-housekeeping");
  const groups = attachGroupCoordination(ctx, broker, replicas, config);
  const fetchSessions = new FetchSessionCache({
    slots: config.maxIncrementalFetchSessionCacheSlots,
    random: random.fork(),
  });
  registerFetchSessionMetrics(ctx.meter, fetchSessions);
  const sasl =
    config.authentication === "sasl"
      ? new SaslAuthority({
          image: () => broker.image(),
          mechanisms: config.saslMechanisms.split(",").map((m) => m.trim()),
          anonymousLogicalCluster: config.anonymousLogicalCluster,
          logger: logger.child({ component: "sasl" }),
        })
      : null;
  // Every request of a logical cluster's connection goes through the tenant interceptor.
  const handlers: AnyHandler[] = [
    ...(sasl !== null ? [saslHandshakeHandler(sasl), saslAuthenticateHandler(sasl)] : []),
    ...groups.handlers,
    produceHandler(broker, replicas),
    fetchHandler(broker, replicas, { sessions: fetchSessions, now: () => clock.now() }),
    listOffsetsHandler(broker, replicas),
    initProducerIdHandler(new ProducerIdManager(broker, () => follower?.brokerEpoch ?? null)),
    metadataHandler(broker),
    apiVersionsHandler(broker),
    createTopicsHandler(broker),
    deleteTopicsHandler(broker),
    createPartitionsHandler(broker),
    describeClusterHandler(broker),
    ...configHandlers(broker, replicas),
    offsetForLeaderEpochHandler(broker, replicas),
    deleteRecordsHandler(broker, replicas),
    describeLogDirsHandler(broker, replicas),
    describeProducersHandler(broker, replicas),
    describeTopicPartitionsHandler(broker),
    electLeadersHandler(broker),
    describeAclsHandler(broker),
    createAclsHandler(broker),
    deleteAclsHandler(broker),
    describeUserScramCredentialsHandler(broker),
    alterUserScramCredentialsHandler(broker),
  ].map((handler) => withTenantInterceptor(handler, broker));
  // Kafka requests are served only once this incarnation is registered and first unfenced.
  let startServing!: { resolve(): void; reject(e: unknown): void };
  const ready = new Promise<void>((resolve, reject) => {
    startServing = { resolve, reject };
  });
  server = new KafkaServer({
    ready,
    host: config.listenHost,
    port: config.listenPort,
    handlers,
    logger: logger.child({ component: "kafka" }),
    maxFrameBytes: config.maxFrameBytes,
    maxPreAuthFrameBytes: config.preAuthMaxFrameBytes,
    ...(sasl !== null ? { auth: (c) => sasl.connect(c) } : {}),
    inFlightRequestsMax: config.inFlightRequestsMax,
  });
  const port = await server.listen();
  ctx.onShutdown(() => (server as KafkaServer).close(), "kafka-listener");

  // Followers fetch from this broker's partitions over gRPC.
  const replication = new grpc.Server();
  serve(replication, ReplicationService, replicationService(replicas));
  const replicationPort = await new Promise<number>((resolve, reject) =>
    replication.bindAsync(
      `${config.listenHost}:${config.replicationPort}`,
      grpc.ServerCredentials.createInsecure(),
      (e, p) => (e ? reject(e) : resolve(p)),
    ),
  );
  ctx.onShutdown(() => replication.forceShutdown(), "replication-listener");

  const kafkaProtocol = sasl !== null ? SecurityProtocol.SASL_PLAINTEXT : SecurityProtocol.PLAINTEXT;
  follower = new MetadataFollower({
    brokerId: config.nodeId,
    clusterId: config.clusterId,
    zone: config.zone,
    cell: config.cell,
    endpoints: [
      create(EndpointSchema, {
        name: "PLAINTEXT",
        host: advertisedHost,
        port: config.advertisedPort || port,
        securityProtocol: kafkaProtocol,
      }),
      // Other brokers fetch replicas here; clients are only told the first listener.
      create(EndpointSchema, {
        name: REPLICATION_LISTENER,
        host: advertisedHost,
        port: replicationPort,
        securityProtocol: SecurityProtocol.PLAINTEXT,
      }),
      // The Kafka listener's own address, for a proxy in front of the brokers: clients are told
      // the advertised one above, which may be the proxy's.
      create(EndpointSchema, {
        name: INTERNAL_LISTENER,
        host: reachableHost,
        port,
        securityProtocol: kafkaProtocol,
      }),
    ],
    voters,
    incarnationId,
    previousIncarnationId: dataDir.previousIncarnationId,
    heartbeatIntervalMs: config.heartbeatIntervalMs,
    clock,
    random,
    logger: logger.child({ component: "metadata" }),
  });
  // Partition roles follow the image only once it holds this broker's own registration: before
  // that, a restarted broker is replaying leaderships of its past.
  follower.onChange((image) => {
    const epoch = (follower as MetadataFollower).brokerEpoch;
    if (epoch === null || image.lastOffset < epoch) return;
    void replicas.reconcile(image);
    groups.onImage(image);
  });
  // Connections of revoked API keys and deleted logical clusters close.
  if (sasl !== null) follower.onChange((image) => sasl.onImage(image));
  follower.whenUnfenced().then(startServing.resolve, startServing.reject);
  follower.start();
  ctx.onShutdown(() => (follower as MetadataFollower).shutdown(5_000), "controlled-shutdown");
  ctx.addReadinessCheck("unfenced", () =>
    (follower as MetadataFollower).isFenced
      ? { ready: false, reason: "fenced: not caught up with the metadata log" }
      : true,
  );
  logger.info(
    {
      nodeId: config.nodeId,
      listener: `${config.listenHost}:${port}`,
      advertised: `${advertisedHost}:${config.advertisedPort || port}`,
    },
    "broker started",
  );
}
