/** A client of the supervisor's control endpoint (see control.ts for the protocol). */
import {
  type Action,
  type ActionResult,
  type ControlError,
  DEFAULT_CONTROL_ADDRESS,
  type FleetStatus,
} from "./control.js";

/** Nothing answers at the control address. */
export class FleetUnavailableError extends Error {
  constructor(
    readonly address: string,
    cause: unknown,
  ) {
    super(
      `no fleet is running at ${address} (start one with \`pnpm start\` from the repository root, ` +
        "or point at another with --control host:port or RUNNEL_FLEET_CONTROL)",
      { cause },
    );
    this.name = "FleetUnavailableError";
  }
}

/** The supervisor refused a request. */
export class FleetRequestError extends Error {
  readonly code: string;
  readonly names: readonly string[];
  constructor(
    readonly status: number,
    body: Partial<ControlError>,
  ) {
    super(body.error ?? `the supervisor answered HTTP ${status}`);
    this.name = "FleetRequestError";
    this.code = body.code ?? "unknown";
    this.names = body.names ?? [];
  }
}

export interface FleetClientOptions {
  /** `host:port` of the control endpoint. */
  readonly address?: string;
  /** Deadline of a status call. */
  readonly timeoutMs?: number;
  /** Deadline of an action; a graceful restart may take the supervisor's whole grace period. */
  readonly actionTimeoutMs?: number;
}

export class FleetClient {
  readonly address: string;
  private readonly timeoutMs: number;
  private readonly actionTimeoutMs: number;

  constructor(options: FleetClientOptions = {}) {
    this.address = options.address ?? DEFAULT_CONTROL_ADDRESS;
    this.timeoutMs = options.timeoutMs ?? 3_000;
    this.actionTimeoutMs = options.actionTimeoutMs ?? 60_000;
  }

  private async call<T>(method: "GET" | "POST", path: string, timeoutMs: number): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`http://${this.address}${path}`, { method, signal: AbortSignal.timeout(timeoutMs) });
    } catch (e) {
      if (e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError")) {
        throw new Error(`the fleet at ${this.address} did not answer within ${timeoutMs} ms`);
      }
      throw new FleetUnavailableError(this.address, e);
    }
    const text = await res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`${this.address} is not a fleet supervisor (HTTP ${res.status}, not JSON)`);
    }
    if (!res.ok) throw new FleetRequestError(res.status, body as Partial<ControlError>);
    return body as T;
  }

  status(): Promise<FleetStatus> {
    return this.call<FleetStatus>("GET", "/v1/status", this.timeoutMs);
  }

  act(name: string, action: Action): Promise<ActionResult> {
    return this.call<ActionResult>(
      "POST",
      `/v1/processes/${encodeURIComponent(name)}/${action}`,
      this.actionTimeoutMs,
    );
  }
}
