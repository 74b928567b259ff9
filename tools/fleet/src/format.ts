/** The supervisor's own log on stdout: readable lines, or JSON lines. */
import type { FleetEvent } from "./supervisor.js";

function value(v: unknown): string {
  if (typeof v === "string") return /[\s"=]/.test(v) || v === "" ? JSON.stringify(v) : v;
  return JSON.stringify(v) ?? String(v);
}

/** `12:00:01.234 WARN  broker-2: exited unexpectedly; restarting in 500 ms code=null signal=SIGKILL` */
export function formatEvent(event: FleetEvent, at: Date = new Date()): string {
  const { level, msg, process: name, ...fields } = event;
  const time = at.toISOString().slice(11, 23);
  const extra = Object.entries(fields)
    .map(([k, v]) => `${k}=${value(v)}`)
    .join(" ");
  return `${time} ${level.toUpperCase().padEnd(5)} ${name === undefined ? "fleet" : name}: ${msg}${extra === "" ? "" : ` ${extra}`}`;
}

/** One JSON object per line, with a `time` field. */
export function formatEventJson(event: FleetEvent, at: Date = new Date()): string {
  return JSON.stringify({ time: at.toISOString(), ...event });
}
