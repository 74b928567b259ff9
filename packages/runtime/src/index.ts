export { type AdminAddress, AdminServer, type AdminServerOptions } from "./admin.js";
export { type Clock, ManualClock, SystemClock, type Timer } from "./clock.js";
export {
  CONFIG_FILE_ENV,
  ConfigError,
  type ConfigIssue,
  envKey,
  envPrefix,
  type LoadConfigOptions,
  loadConfig,
  type RuntimeConfig,
  runtimeConfigSchema,
} from "./config.js";
export { durationMs, parseDurationMs } from "./duration.js";
export { createLogger, type Logger, type LoggerOptions, type LogLevel } from "./logger.js";
export { type Meter, Metrics, type MetricsOptions } from "./metrics.js";
export { CryptoRandom, type Random, SeededRandom } from "./random.js";
export {
  type CheckOutcome,
  Readiness,
  type ReadinessCheck,
  type ReadinessReport,
  type ReadinessResult,
} from "./readiness.js";
export {
  EXIT_CONFIG,
  type RunOptions,
  runService,
  type ServiceConfig,
  type ServiceContext,
  type ServiceDefinition,
  type ServiceHandle,
  type StartOptions,
  startService,
} from "./service.js";
export { type ShutdownHook, ShutdownHooks, type ShutdownOutcome } from "./shutdown.js";
