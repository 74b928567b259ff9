import { type DestinationStream, type Level, type LevelWithSilent, type Logger, pino } from "pino";
import type { Clock } from "./clock.js";

export type { Logger };
export type LogLevel = LevelWithSilent;

export interface LoggerOptions {
  service: string;
  instanceId: string;
  level: LogLevel;
  /** Timestamps come from this clock, so logs under a virtual clock carry virtual time. */
  clock: Clock;
  /** Where JSON lines go; defaults to stdout, written synchronously. */
  destination?: DestinationStream;
}

/**
 * A JSON-lines logger with `service` and `instance` bound on every line, the level written as its
 * name, and `time` in epoch milliseconds. Use `logger.child({ component })` for sub-components.
 */
export function createLogger(options: LoggerOptions): Logger {
  // Synchronous writes to stdout: a line logged just before `process.exit` must not be lost.
  const destination = options.destination ?? pino.destination({ dest: 1, sync: true });
  return pino(
    {
      level: options.level,
      base: { service: options.service, instance: options.instanceId },
      timestamp: () => `,"time":${options.clock.now()}`,
      formatters: { level: (label: string) => ({ level: label as Level }) },
    },
    destination,
  );
}
