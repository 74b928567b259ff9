/**
 * The control-plane process: follows the metadata log into an image (`ImageWatch`), calls the
 * active controller for writes (`LeaderClient`), and serves the HTTP API (app.ts).
 *
 * It refuses to start without an admin token: the local fleet passes one in
 * RUNNEL_CONTROL_PLANE_ADMIN_TOKEN.
 */
import { ImageWatch, voterAddresses } from "@runnel/metadata";
import { Code, ControllerService, LeaderClient, RpcError } from "@runnel/rpc";
import {
  type Clock,
  durationMs,
  type Logger,
  type ServiceConfig,
  type ServiceContext,
} from "@runnel/runtime";
import { isLogicalClusterId } from "@runnel/tenant";
import { z } from "zod";
import { buildApp } from "./app.js";

export const controlPlaneConfigSchema = z.object({
  listenHost: z.string().min(1).default("127.0.0.1"),
  port: z.number().int().min(0).max(65_535).default(8080),
  /**
   * The URL clients reach this control plane at, for the OpenAPI document's `servers`; by
   * default `http://<listenHost>:<port>`. Also the CLI's RUNNEL_CONTROL_PLANE_URL, which
   * shares this service's environment prefix.
   */
  url: z.string().default(""),
  /** The metadata voters, `host:port,...`. */
  metadataVoters: z.string().default("127.0.0.1:9301,127.0.0.1:9302,127.0.0.1:9303"),
  /** The bearer token every /v1 request must present. Required. */
  adminToken: z.string().min(1, "adminToken must not be empty"),
  /** How long a controller call keeps trying other voters before it fails with 503. */
  controllerRetryMs: durationMs().default(10_000),
  /** How long a write waits for this control plane's image to show it before answering 504. */
  visibleTimeoutMs: durationMs().default(10_000),
  /**
   * A logical cluster to keep in existence, `<lkc-id>` (the local quick start's default one,
   * which anonymous connections belong to); "" for none. Created, named "default", as soon as a
   * cell has an active broker, and never deleted by this process.
   */
  defaultLogicalCluster: z
    .string()
    .default("")
    .refine(
      (id) => id === "" || isLogicalClusterId(id),
      "defaultLogicalCluster must be a logical-cluster id",
    ),
});

/** The settings above and the runtime's (`instanceId`, `adminPort`, ...). */
export type ControlPlaneConfig = ServiceConfig<typeof controlPlaneConfigSchema>;

export async function startControlPlane(ctx: ServiceContext<ControlPlaneConfig>): Promise<void> {
  const { config, logger, clock, random } = ctx;
  const voters = voterAddresses(config.metadataVoters);

  const controller = new LeaderClient(ControllerService, {
    addresses: voters,
    retryForMs: config.controllerRetryMs,
  });
  ctx.onShutdown(() => controller.close(), "controller-client");

  const images = new ImageWatch({
    voters,
    watcher: `control-plane-${config.instanceId}`,
    clock,
    random,
    logger: logger.child({ component: "image-watch" }),
  });
  images.start();
  ctx.onShutdown(() => images.close(), "image-watch");
  ctx.addReadinessCheck("metadata-image", () =>
    images.image.lastOffset >= 0n ? true : { ready: false, reason: "no metadata image yet" },
  );

  if (config.defaultLogicalCluster !== "") {
    const id = config.defaultLogicalCluster;
    const abort = new AbortController();
    ctx.onShutdown(() => abort.abort(), "default-logical-cluster");
    void ensureLogicalCluster(controller, images, id, clock, abort.signal, logger);
    ctx.addReadinessCheck("default-logical-cluster", () =>
      images.image.logicalClusters.has(id)
        ? true
        : { ready: false, reason: `logical cluster ${id} not created yet` },
    );
  }

  const host = config.listenHost;
  const app = await buildApp({
    controller,
    images,
    adminToken: config.adminToken,
    url: config.url !== "" ? config.url : `http://${host.includes(":") ? `[${host}]` : host}:${config.port}`,
    logger,
    visibleTimeoutMs: config.visibleTimeoutMs,
  });
  await app.listen({ host, port: config.port });
  ctx.onShutdown(() => app.close(), "http");
  const bound = app.server.address();
  logger.info(
    {
      address: typeof bound === "object" && bound !== null ? `${bound.address}:${bound.port}` : bound,
      voters,
    },
    "control plane listening",
  );
}

/** Creates the logical cluster `id` unless the image has it, retrying until it exists or `signal` aborts. */
async function ensureLogicalCluster(
  controller: LeaderClient<typeof ControllerService>,
  images: ImageWatch,
  id: string,
  clock: Clock,
  signal: AbortSignal,
  logger: Logger,
): Promise<void> {
  while (!signal.aborted) {
    // Wait for a first image, so an existing cluster is seen before any attempt to create it.
    if (images.image.lastOffset >= 0n) {
      if (images.image.logicalClusters.has(id)) return;
      try {
        await controller.call((c, o) => c.createLogicalCluster({ id, name: "default" }, o));
        logger.info({ id }, "default logical cluster created");
        return;
      } catch (e) {
        if (e instanceof RpcError && e.code === Code.AlreadyExists) return;
        logger.debug({ id, error: String(e) }, "default logical cluster not created yet; retrying");
      }
    }
    await clock.sleep(1_000, signal).catch(() => {});
  }
}
