/**
 * The supervisor's control endpoint: JSON over HTTP on 127.0.0.1, used by
 * `runnel fleet ...`.
 *
 *   GET  /v1/status                         → 200 FleetStatus
 *   POST /v1/processes/<name>/kill          → 200 ActionResult (SIGKILL; restarted after the back-off)
 *   POST /v1/processes/<name>/restart       → 200 ActionResult (SIGTERM, then started again at once)
 *   POST /v1/processes/<name>/stop          → 200 ActionResult (SIGTERM; stays stopped)
 *   POST /v1/processes/<name>/start         → 200 ActionResult
 *
 * Errors are `{ "error": string, "code": string, "names"?: string[] }`: 404 with code
 * `unknown-process` (and the valid names), 409 with code `conflict` (e.g. killing a process that
 * is not running), 404 with code `not-found` for any other path.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ProcessStatus, type Supervisor, UnknownProcessError } from "./supervisor.js";

/** Where the local fleet's control endpoint listens unless told otherwise. */
export const DEFAULT_CONTROL_PORT = 9390;
export const DEFAULT_CONTROL_ADDRESS = `127.0.0.1:${DEFAULT_CONTROL_PORT}`;

export const ACTIONS = ["kill", "restart", "stop", "start"] as const;
export type Action = (typeof ACTIONS)[number];

export interface FleetStatus {
  readonly supervisor: {
    readonly pid: number;
    readonly dataDir: string;
    readonly startedAt: string;
    readonly uptimeMs: number;
    readonly stopping: boolean;
  };
  readonly processes: readonly ProcessStatus[];
}

export interface ActionResult {
  readonly message: string;
  readonly process: ProcessStatus;
}

export interface ControlError {
  readonly error: string;
  readonly code: "unknown-process" | "conflict" | "not-found";
  readonly names?: readonly string[];
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = `${JSON.stringify(body)}\n`;
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

export function fleetStatus(sup: Supervisor): FleetStatus {
  return {
    supervisor: {
      pid: process.pid,
      dataDir: sup.dataDir,
      startedAt: new Date(sup.startedAt).toISOString(),
      uptimeMs: sup.now() - sup.startedAt,
      stopping: sup.closing,
    },
    processes: sup.status(),
  };
}

async function act(sup: Supervisor, name: string, action: Action): Promise<ActionResult> {
  switch (action) {
    case "kill": {
      const pid = await sup.kill(name);
      const st = sup.statusOf(name);
      const after = st.nextStartInMs === null ? "" : ` in ${st.nextStartInMs} ms`;
      return { message: `killed ${name} (pid ${pid}); the supervisor restarts it${after}`, process: st };
    }
    case "restart":
      await sup.restart(name);
      return { message: `restarted ${name}`, process: sup.statusOf(name) };
    case "stop":
      await sup.stopProcess(name);
      return { message: `stopped ${name}`, process: sup.statusOf(name) };
    case "start":
      sup.startProcess(name);
      return { message: `started ${name}`, process: sup.statusOf(name) };
  }
}

async function handle(sup: Supervisor, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? "/", "http://control").pathname;
  if (path === "/v1/status" && req.method === "GET") {
    send(res, 200, fleetStatus(sup));
    return;
  }
  const m = /^\/v1\/processes\/([^/]+)\/([a-z]+)$/.exec(path);
  const action = m?.[2] as Action | undefined;
  if (m === null || req.method !== "POST" || action === undefined || !ACTIONS.includes(action)) {
    send(res, 404, {
      error: `no such endpoint: ${req.method} ${path}`,
      code: "not-found",
    } satisfies ControlError);
    return;
  }
  const name = decodeURIComponent(m[1] as string);
  try {
    send(res, 200, await act(sup, name, action));
  } catch (e) {
    if (e instanceof UnknownProcessError) {
      send(res, 404, { error: e.message, code: "unknown-process", names: e.names } satisfies ControlError);
    } else {
      const error = e instanceof Error ? e.message : String(e);
      send(res, 409, { error, code: "conflict" } satisfies ControlError);
    }
  }
}

export interface ControlServer {
  /** `127.0.0.1:<port>`. */
  readonly address: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Serves the control endpoint for `sup` on 127.0.0.1 (`port` 0 for an ephemeral port). */
export async function startControlServer(sup: Supervisor, port: number): Promise<ControlServer> {
  const server: Server = createServer((req, res) => {
    req.resume();
    handle(sup, req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, { error: e instanceof Error ? e.message : String(e) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    address: `127.0.0.1:${bound}`,
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
