/**
 * `runnel fleet status|kill|restart|stop|start`: the local fleet, through the
 * supervisor's control endpoint (`pnpm start` runs it).
 */
import { relative } from "node:path";
import {
  ACTIONS,
  type Action,
  DEFAULT_CONTROL_ADDRESS,
  FleetClient,
  FleetRequestError,
  FleetUnavailableError,
  type ProcessStatus,
} from "@runnel/fleet";
import { renderTable } from "./table.js";

export { DEFAULT_CONTROL_ADDRESS };

export interface FleetCommandOptions {
  /** `host:port` of the supervisor's control endpoint. */
  readonly control: string;
  readonly output: "table" | "json";
  readonly timeoutMs: number;
  /** Where output and errors go; the console by default. */
  readonly out?: (text: string) => void;
  readonly err?: (text: string) => void;
}

/** `1h02m`, `3m04s`, `12s`. */
export function formatUptime(ms: number | null): string {
  if (ms === null) return "-";
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`;
}

function lastExit(p: ProcessStatus): string {
  if (p.lastExit === null) return "-";
  return p.lastExit.signal !== null ? p.lastExit.signal : `code ${p.lastExit.code}`;
}

function state(p: ProcessStatus): string {
  return p.state === "restarting" && p.nextStartInMs !== null
    ? `restarting (in ${p.nextStartInMs} ms)`
    : p.state;
}

function shortPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith("..") || rel === "" ? path : rel;
}

export const FLEET_STATUS_HEADER = [
  "NAME",
  "STATE",
  "READY",
  "PID",
  "UPTIME",
  "RESTARTS",
  "LAST EXIT",
  "LOG",
];

export function fleetStatusRows(processes: readonly ProcessStatus[]): string[][] {
  return processes.map((p) => [
    p.name,
    state(p),
    p.ready === null ? "-" : p.ready ? "yes" : "no",
    p.pid === null ? "-" : String(p.pid),
    formatUptime(p.uptimeMs),
    String(p.restarts),
    lastExit(p),
    shortPath(p.log),
  ]);
}

const FLEET_USAGE = `Usage: runnel fleet <command>

  status            Every process of the local fleet: state, readiness, pid, uptime, restarts, last exit, log
  kill <name>       SIGKILL a process, like a crash; the supervisor restarts it after its back-off
  restart <name>    Stop a process gracefully and start it again at once
  stop <name>       Stop a process gracefully; it stays stopped
  start <name>      Start a stopped process`;

/** Runs one `runnel fleet` command; returns the exit code. */
export async function fleetCommand(
  command: string | undefined,
  args: readonly string[],
  o: FleetCommandOptions,
): Promise<number> {
  const out = o.out ?? ((t: string) => console.log(t));
  const err = o.err ?? ((t: string) => console.error(t));
  const client = new FleetClient({ address: o.control, timeoutMs: o.timeoutMs });
  try {
    if (command === "status") {
      const status = await client.status();
      out(
        o.output === "json"
          ? JSON.stringify(status, null, 2)
          : renderTable(FLEET_STATUS_HEADER, fleetStatusRows(status.processes)),
      );
      return 0;
    }
    if (command !== undefined && (ACTIONS as readonly string[]).includes(command)) {
      const name = args[0];
      if (name === undefined || args.length > 1) {
        err(`usage: runnel fleet ${command} <name>`);
        return 2;
      }
      const result = await client.act(name, command as Action);
      out(o.output === "json" ? JSON.stringify(result, null, 2) : result.message);
      return 0;
    }
  } catch (e) {
    if (e instanceof FleetRequestError && e.code === "unknown-process") {
      err(`unknown process "${args[0]}"; valid names: ${e.names.join(", ")}`);
      return 1;
    }
    if (e instanceof FleetUnavailableError || e instanceof FleetRequestError) {
      err(e.message);
      return 1;
    }
    throw e;
  }
  err(
    `${command === undefined ? "missing fleet command" : `unknown fleet command: ${command}`}\n\n${FLEET_USAGE}`,
  );
  return 2;
}
