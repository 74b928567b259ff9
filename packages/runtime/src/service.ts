import { constants, hostname } from "node:os";
import type { DestinationStream } from "pino";
import type { z } from "zod";
import { type AdminAddress, AdminServer } from "./admin.js";
import { type Clock, SystemClock } from "./clock.js";
import { ConfigError, loadConfig, type RuntimeConfig, runtimeConfigSchema } from "./config.js";
import { createLogger, type Logger } from "./logger.js";
import { type Meter, Metrics } from "./metrics.js";
import { CryptoRandom, type Random } from "./random.js";
import { Readiness, type ReadinessCheck } from "./readiness.js";
import { type ShutdownHook, ShutdownHooks, type ShutdownOutcome } from "./shutdown.js";

/** The schema of a service that has no settings of its own. */
export type NoSettings = z.ZodObject<Record<never, z.ZodType>>;

/** The output of a service's own schema; zod types an empty object's output as `Record<string, never>`. */
type OwnSettings<S extends z.ZodObject> = [keyof S["shape"]] extends [never] ? unknown : z.output<S>;

/** A service's configuration: the runtime settings, overlaid by the service's own schema. */
export type ServiceConfig<S extends z.ZodObject> = Omit<RuntimeConfig, keyof S["shape"] | "instanceId"> &
  OwnSettings<S> & { instanceId: string };

/** What a service is given when it starts. */
export interface ServiceContext<C> {
  name: string;
  config: C;
  logger: Logger;
  /** The service's meter; instruments created on it appear on `/metrics`. */
  meter: Meter;
  clock: Clock;
  random: Random;
  /** Where the admin server listens (useful when `adminPort` is 0). */
  adminAddress: AdminAddress;
  /** Aborted when shutdown begins, before any hook runs; long-running loops should watch it. */
  signal: AbortSignal;
  /** Registers a hook run at shutdown; hooks run in reverse order of registration. */
  onShutdown(hook: ShutdownHook, name?: string): void;
  /** Registers a check `/readyz` requires to pass; returns a function that removes it. */
  addReadinessCheck(name: string, check: ReadinessCheck): () => void;
}

export interface ServiceDefinition<S extends z.ZodObject = NoSettings> {
  /** Lower-case service name, e.g. `broker`; also gives the env prefix `RUNNEL_BROKER_`. */
  name: string;
  /** The service's own settings. Keys of the runtime schema may be redeclared to change defaults. */
  configSchema?: S;
  /** Acquires resources, registering a shutdown hook for each, then returns once serving. */
  start(ctx: ServiceContext<ServiceConfig<S>>): void | Promise<void>;
}

/** Everything `startService` would otherwise take from the process; tests override these. */
export interface StartOptions {
  env?: Readonly<Record<string, string | undefined>>;
  configFile?: string;
  clock?: Clock;
  random?: Random;
  logDestination?: DestinationStream;
}

export interface ServiceHandle<C> {
  config: C;
  logger: Logger;
  adminAddress: AdminAddress;
  /**
   * Marks the service not ready, aborts `ctx.signal`, runs the service's shutdown hooks within
   * `shutdownTimeoutMs`, then closes the admin server and metrics. Idempotent.
   */
  shutdown(reason: string): Promise<ShutdownOutcome>;
}

/**
 * Starts a service inside the current process without touching signals or the exit code: parses
 * config (throwing `ConfigError`), builds logger, metrics and the admin server, and runs
 * `definition.start`. If `start` throws, whatever it registered is shut down and the error rethrown.
 */
export async function startService<S extends z.ZodObject = NoSettings>(
  definition: ServiceDefinition<S>,
  options: StartOptions = {},
): Promise<ServiceHandle<ServiceConfig<S>>> {
  const clock = options.clock ?? new SystemClock();
  const random = options.random ?? new CryptoRandom();
  const schema = definition.configSchema
    ? runtimeConfigSchema.extend(definition.configSchema.shape)
    : runtimeConfigSchema;
  const loaded = loadConfig(schema, {
    service: definition.name,
    ...(options.env !== undefined && { env: options.env }),
    ...(options.configFile !== undefined && { configFile: options.configFile }),
  }) as RuntimeConfig & Record<string, unknown>;
  const instanceId = loaded.instanceId ?? `${hostname()}-${process.pid}`;
  const config = { ...loaded, instanceId } as unknown as ServiceConfig<S>;

  const logger = createLogger({
    service: definition.name,
    instanceId,
    level: loaded.logLevel,
    clock,
    ...(options.logDestination !== undefined && { destination: options.logDestination }),
  });
  const metrics = new Metrics({
    service: definition.name,
    instanceId,
    processMetrics: loaded.processMetrics,
  });
  const readiness = new Readiness(clock, loaded.readinessCheckTimeoutMs);
  const hooks = new ShutdownHooks(clock, logger);
  let admin: AdminServer;
  try {
    admin = await AdminServer.start({
      host: loaded.adminHost,
      port: loaded.adminPort,
      readiness,
      metrics,
      logger: logger.child({ component: "admin" }),
    });
  } catch (err) {
    logger.fatal({ err, host: loaded.adminHost, port: loaded.adminPort }, "admin server failed to start");
    await metrics.shutdown();
    throw err;
  }
  logger.info({ admin: admin.address.url }, "admin server listening");

  const abort = new AbortController();
  let stopping: Promise<ShutdownOutcome> | undefined;
  const shutdown = (reason: string): Promise<ShutdownOutcome> => {
    stopping ??= (async () => {
      readiness.markStopping();
      logger.info({ reason, shutdownTimeoutMs: loaded.shutdownTimeoutMs }, "shutting down");
      abort.abort(new Error(`shutting down: ${reason}`));
      const outcome = await hooks.run(loaded.shutdownTimeoutMs);
      // The runtime's own resources close last and always, even after a hook timed out, so the
      // service stays observable to the end and an embedding process gets its port back. Both
      // are bounded: the admin server force-closes its connections.
      for (const [name, close] of [
        ["admin server", () => admin.close()],
        ["metrics", () => metrics.shutdown()],
      ] as const) {
        logger.info({ hook: name }, "running shutdown hook");
        try {
          await close();
        } catch (err) {
          outcome.ok = false;
          outcome.failed.push(name);
          logger.error({ hook: name, err }, "shutdown hook failed");
        }
      }
      if (outcome.ok) logger.info("shutdown complete");
      else logger.error({ outcome }, "shutdown incomplete");
      return outcome;
    })();
    return stopping;
  };

  const ctx: ServiceContext<ServiceConfig<S>> = {
    name: definition.name,
    config,
    logger,
    meter: metrics.meter,
    clock,
    random,
    adminAddress: admin.address,
    signal: abort.signal,
    onShutdown: (hook, name) => hooks.add(hook, name),
    addReadinessCheck: (name, check) => readiness.add(name, check),
  };
  try {
    await definition.start(ctx);
  } catch (err) {
    logger.fatal({ err }, "service failed to start");
    await shutdown("start failed");
    throw err;
  }
  readiness.markStarted();
  logger.info("service started");
  return { config, logger, adminAddress: admin.address, shutdown };
}

/** Exit code for a configuration error (EX_CONFIG in sysexits.h). */
export const EXIT_CONFIG = 78;

export interface RunOptions extends StartOptions {
  /** Ends the process; defaults to `process.exit`. */
  exit?: (code: number) => void;
}

/**
 * The `main` of a service process. Starts the service, then shuts it down on SIGTERM or SIGINT and
 * exits 0 if every hook succeeded in time, 1 otherwise; a second signal exits at once with
 * 128 + the signal number. A configuration error is printed to stderr and exits with 78; any other
 * startup failure exits 1.
 */
export async function runService<S extends z.ZodObject = NoSettings>(
  definition: ServiceDefinition<S>,
  options: RunOptions = {},
): Promise<void> {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let handle: ServiceHandle<ServiceConfig<S>> | undefined;
  let firstSignal: NodeJS.Signals | undefined;

  const beginShutdown = (started: ServiceHandle<ServiceConfig<S>>, signal: NodeJS.Signals): void => {
    started.logger.info({ signal }, "signal received");
    void started.shutdown(signal).then((outcome) => exit(outcome.ok ? 0 : 1));
  };
  // Handlers go in before anything starts: until a process listens for a signal, the signal's
  // default action kills it outright, and a supervisor may signal at any moment.
  const onSignal = (signal: NodeJS.Signals): void => {
    if (firstSignal !== undefined) {
      if (handle !== undefined)
        handle.logger.warn({ signal }, "second signal, exiting without finishing shutdown");
      else process.stderr.write(`${definition.name}: second signal (${signal}) during startup, exiting\n`);
      exit(128 + (constants.signals[signal] ?? 0));
      return;
    }
    firstSignal = signal;
    // A signal during startup is acted on once startup finishes, so shutdown hooks see a whole service.
    if (handle !== undefined) beginShutdown(handle, signal);
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);

  try {
    handle = await startService(definition, options);
  } catch (err) {
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      exit(EXIT_CONFIG);
    } else {
      // startService has logged it already when the logger existed; stderr is for when it did not.
      process.stderr.write(
        `${definition.name} failed to start: ${err instanceof Error ? err.stack : String(err)}\n`,
      );
      exit(1);
    }
    return;
  }
  if (firstSignal !== undefined) beginShutdown(handle, firstSignal);
}
