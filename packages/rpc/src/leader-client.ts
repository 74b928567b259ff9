/**
 * Calling a service that only its leader answers (the metadata quorum's
 * ControllerService): try the leader last heard of, follow NotLeader hints,
 * move on past unreachable nodes, and give up after a deadline.
 */
import type { DescService } from "@bufbuild/protobuf";
import { createClient } from "./client.js";
import { Code } from "./code.js";
import { notLeaderOf, RpcError } from "./error.js";
import { grpcTransport } from "./grpc.js";
import type { CallOptions, Client, Transport } from "./types.js";

export interface LeaderClientOptions {
  /** Every node's address, `host:port`. */
  readonly addresses: readonly string[];
  /** How long one call may keep retrying before it fails. */
  readonly retryForMs?: number;
  /** Deadline of each attempt. */
  readonly attemptTimeoutMs?: number;
  /** Pause after a round in which no node answered. */
  readonly backoffMs?: number;
  /** Builds a transport per address (default: gRPC). */
  readonly transport?: (address: string) => Transport;
}

/** Status codes after which another node (or the same one, later) may succeed. */
const RETRIABLE: ReadonlySet<Code> = new Set([
  Code.Unavailable,
  Code.DeadlineExceeded,
  Code.Aborted,
  Code.Cancelled,
]);

export class LeaderClient<S extends DescService> {
  private readonly clients = new Map<string, Client<S>>();
  private readonly transports: Transport[] = [];
  private leader: string | undefined;

  constructor(
    private readonly service: S,
    private readonly options: LeaderClientOptions,
  ) {
    if (options.addresses.length === 0) throw new Error("LeaderClient needs at least one address");
  }

  private client(address: string): Client<S> {
    let c = this.clients.get(address);
    if (c === undefined) {
      const t = (this.options.transport ?? grpcTransport)(address);
      this.transports.push(t);
      c = createClient(this.service, t);
      this.clients.set(address, c);
    }
    return c;
  }

  /** The address of the node that answered last, if any. */
  get leaderAddress(): string | undefined {
    return this.leader;
  }

  /**
   * Runs `call` against the leader. `call` receives a client and per-attempt
   * options, e.g. `(c, o) => c.createTopics(req, o)`.
   */
  async call<R>(
    call: (client: Client<S>, options: CallOptions) => Promise<R>,
    signal?: AbortSignal,
  ): Promise<R> {
    const retryForMs = this.options.retryForMs ?? 15_000;
    const attemptTimeoutMs = this.options.attemptTimeoutMs ?? 3_000;
    const backoffMs = this.options.backoffMs ?? 50;
    const deadline = Date.now() + retryForMs;
    let last: unknown;
    let order = this.order();
    for (;;) {
      const address = order.shift();
      if (address === undefined) {
        if (Date.now() >= deadline) break;
        await new Promise((r) => setTimeout(r, backoffMs));
        order = this.order();
        continue;
      }
      if (signal?.aborted) throw new RpcError(Code.Cancelled, "call aborted");
      try {
        const result = await call(this.client(address), {
          timeoutMs: attemptTimeoutMs,
          ...(signal ? { signal } : {}),
        });
        this.leader = address;
        return result;
      } catch (e) {
        last = e;
        const hint = notLeaderOf(e);
        if (hint !== undefined) {
          if (hint.leaderAddress !== "" && hint.leaderAddress !== address) {
            // Go to the named leader next.
            order = [hint.leaderAddress, ...order.filter((a) => a !== hint.leaderAddress)];
          }
          if (this.leader === address) this.leader = undefined;
          continue;
        }
        if (e instanceof RpcError && RETRIABLE.has(e.code)) {
          if (this.leader === address) this.leader = undefined;
          continue;
        }
        throw e;
      }
    }
    throw last instanceof Error ? last : new RpcError(Code.Unavailable, "no node answered");
  }

  private order(): string[] {
    const all = [...this.options.addresses];
    const l = this.leader;
    return l === undefined ? all : [l, ...all.filter((a) => a !== l)];
  }

  close(): void {
    for (const t of this.transports) t.close();
    this.transports.length = 0;
    this.clients.clear();
  }
}
