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
export { CryptoRandom, type Random, SeededRandom } from "./random.js";
