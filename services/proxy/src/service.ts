/**
 * The proxy process: follows the metadata image over the watch stream and
 * serves the Kafka front door (see proxy.ts). Ready once the image holds an
 * active broker to send bootstrap connections to.
 */
import { readFileSync } from "node:fs";
import { DEFAULT_MAX_FRAME_BYTES, DEFAULT_MAX_PRE_AUTH_FRAME_BYTES } from "@runnel/kafka-protocol";
import { ImageWatch, voterAddresses } from "@runnel/metadata";
import { durationMs, type ServiceContext } from "@runnel/runtime";
import { z } from "zod";
import { activeBrokers } from "./directory.js";
import { proxyMetrics } from "./metrics.js";
import { KafkaProxy } from "./proxy.js";

const port = () => z.number().int().min(0).max(65_535);

export const proxyConfigSchema = z.object({
  /** The address every client listener binds. */
  listenHost: z.string().min(1).default("127.0.0.1"),
  /** The bootstrap port: each connection goes to an active broker picked at random. */
  bootstrapPort: port().default(9092),
  /** Broker n is reached at `brokerPortBase + n`; brokers advertise that address. */
  brokerPortBase: port().default(9100),
  /** The metadata voters, `host:port,...`. */
  metadataVoters: z.string().default("127.0.0.1:9301,127.0.0.1:9302,127.0.0.1:9303"),
  /** `socket.request.max.bytes`: the largest request frame once authenticated. */
  maxFrameBytes: z.number().int().min(1024).default(DEFAULT_MAX_FRAME_BYTES),
  /** The largest request frame before authentication, and of the SASL exchange at any time. */
  preAuthMaxFrameBytes: z.number().int().min(64).default(DEFAULT_MAX_PRE_AUTH_FRAME_BYTES),
  /**
   * Whether a connection counts as authenticated at its first request outside the SASL
   * exchange (ApiVersions, SaslHandshake, SaslAuthenticate). On for a cluster whose brokers
   * accept connections without SASL, such as the local quick start; off, only a successful
   * SaslAuthenticate lifts the pre-authentication frame cap.
   */
  anonymous: z.boolean().default(false),
  /** `connections.max.idle.ms`: a connection with no bytes either way for this long is closed. */
  idleTimeoutMs: durationMs().default(600_000),
  /** How long connecting to a broker may take before the client connection is closed. */
  brokerConnectTimeoutMs: durationMs().default(10_000),
  /** Most connections open at once from one source address; 0 for no limit. */
  maxConnectionsPerSource: z.number().int().min(0).default(1_000),
  /** Connections one source address may open per second (a token bucket); 0 for no limit. */
  maxConnectionRatePerSource: z.number().min(0).default(100),
  /** A PEM certificate (chain): with `tlsKeyFile`, turns on the TLS listener. */
  tlsCertFile: z.string().default(""),
  tlsKeyFile: z.string().default(""),
  /** The TLS listener's port. */
  tlsPort: port().default(9093),
  /** TLS server names `b<n>.<tlsDomain>` route to broker n; empty accepts `b<n>.` under any domain. */
  tlsDomain: z.string().default(""),
});

export type ProxyConfig = z.output<typeof proxyConfigSchema>;

export async function startProxy(ctx: ServiceContext<ProxyConfig & { instanceId: string }>): Promise<void> {
  const { config, logger, clock, random } = ctx;
  const voters = voterAddresses(config.metadataVoters);
  if ((config.tlsCertFile === "") !== (config.tlsKeyFile === "")) {
    throw new Error("tlsCertFile and tlsKeyFile go together: set both or neither");
  }
  const watch = new ImageWatch({
    voters,
    watcher: `proxy-${config.instanceId}`,
    clock,
    random,
    logger: logger.child({ component: "metadata" }),
  });
  watch.start();
  ctx.onShutdown(() => watch.close(), "metadata-watch");
  const proxy = new KafkaProxy({
    listenHost: config.listenHost,
    bootstrapPort: config.bootstrapPort,
    brokerPortBase: config.brokerPortBase,
    tls:
      config.tlsCertFile === ""
        ? undefined
        : {
            port: config.tlsPort,
            cert: readFileSync(config.tlsCertFile),
            key: readFileSync(config.tlsKeyFile),
            domain: config.tlsDomain,
          },
    caps: {
      maxFrameBytes: config.maxFrameBytes,
      preAuthMaxFrameBytes: config.preAuthMaxFrameBytes,
      anonymous: config.anonymous,
    },
    idleTimeoutMs: config.idleTimeoutMs,
    connectTimeoutMs: config.brokerConnectTimeoutMs,
    perSource: {
      maxConnections: config.maxConnectionsPerSource === 0 ? undefined : config.maxConnectionsPerSource,
      connectionsPerSecond:
        config.maxConnectionRatePerSource === 0 ? undefined : config.maxConnectionRatePerSource,
    },
    directory: watch,
    metrics: proxyMetrics(ctx.meter),
    clock,
    random,
    logger,
  });
  await proxy.start();
  ctx.onShutdown(() => proxy.close(), "listeners");
  ctx.addReadinessCheck("brokers", () =>
    activeBrokers(watch.image).length > 0
      ? true
      : { ready: false, reason: "no active broker in the metadata image" },
  );
}
