import { z } from "zod";

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;

/**
 * Parses a duration into milliseconds: a plain number of milliseconds ("250"), or a number with one
 * unit of ms, s, m, h or d ("250ms", "1.5s", "10m"). Returns undefined for anything else.
 */
export function parseDurationMs(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const match = DURATION.exec(trimmed);
  if (match === null) return undefined;
  const ms = Number(match[1]) * (UNIT_MS[match[2] as string] as number);
  return Number.isSafeInteger(Math.round(ms)) ? Math.round(ms) : undefined;
}

/**
 * A config field holding a duration in whole milliseconds. It accepts a non-negative integer
 * (milliseconds) or a string such as "30s", so both a JSON file and an environment variable can
 * say it naturally. Name the field with the unit last, e.g. `shutdownTimeoutMs`.
 */
export function durationMs() {
  // One transform rather than a union of number and string, so a bad value gets one precise message.
  return z.unknown().transform((value, ctx): number => {
    if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value;
    const ms = typeof value === "string" ? parseDurationMs(value) : undefined;
    if (ms === undefined) {
      ctx.addIssue({
        code: "custom",
        message: `expected a duration such as 250, "250ms", "30s", "5m", "1h" or "1d", got ${JSON.stringify(value)}`,
      });
      return z.NEVER;
    }
    return ms;
  });
}
