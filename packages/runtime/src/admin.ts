import { type FastifyInstance, fastify } from "fastify";
import type { Logger } from "./logger.js";
import type { Metrics } from "./metrics.js";
import type { Readiness } from "./readiness.js";

export interface AdminAddress {
  host: string;
  port: number;
  /** e.g. `http://127.0.0.1:43127`. */
  url: string;
}

export interface AdminServerOptions {
  host: string;
  /** 0 binds an ephemeral port. */
  port: number;
  readiness: Readiness;
  metrics: Metrics;
  logger: Logger;
}

const PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

/**
 * The operator's HTTP port: `/healthz` (the process is up and its event loop turns), `/readyz`
 * (every readiness check passes; 503 with the failing checks otherwise) and `/metrics`
 * (Prometheus text).
 */
export class AdminServer {
  private constructor(
    private readonly app: FastifyInstance,
    readonly address: AdminAddress,
  ) {}

  static async start(options: AdminServerOptions): Promise<AdminServer> {
    const { readiness, metrics, logger } = options;
    // Open keep-alive connections from scrapers must not hold up `close` during shutdown.
    const app = fastify({ logger: false, forceCloseConnections: true });

    app.get("/healthz", async () => ({ status: "ok" }));

    app.get("/readyz", async (_request, reply) => {
      const report = await readiness.evaluate();
      if (report.ready) return { status: "ready", checks: report.checks };
      const failing = report.checks.filter((c) => !c.ready);
      return reply.code(503).send({ status: "not ready", failing, checks: report.checks });
    });

    app.get("/metrics", async (_request, reply) => {
      const text = await metrics.renderPrometheus();
      return reply.type(PROMETHEUS_CONTENT_TYPE).send(text);
    });

    app.setErrorHandler((err, request, reply) => {
      logger.error({ err, url: request.url }, "admin request failed");
      return reply.code(500).send({ error: err instanceof Error ? err.message : String(err) });
    });

    await app.listen({ host: options.host, port: options.port });
    const bound = app.server.address();
    if (bound === null || typeof bound === "string") {
      throw new Error(`admin server bound to an unexpected address: ${String(bound)}`);
    }
    const urlHost = bound.family === "IPv6" ? `[${bound.address}]` : bound.address;
    return new AdminServer(app, {
      host: bound.address,
      port: bound.port,
      url: `http://${urlHost}:${bound.port}`,
    });
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}
