import {
  create,
  type DescMessage,
  type DescMethod,
  type DescService,
  fromBinary,
  type MessageShape,
  toBinary,
} from "@bufbuild/protobuf";
import { Code } from "./code.js";
import { decodeStatus, encodeStatus, RpcError } from "./error.js";
import {
  callDeadline,
  invokeServerStream,
  invokeUnary,
  methodPath,
  normaliseMetadata,
  type Route,
  routesOf,
} from "./handler.js";
import type { CallOptions, HandlerContext, ServiceImpl, Transport } from "./types.js";

/**
 * A set of services reachable without a network, for tests and deterministic simulation.
 * Register implementations with `serve(server, service, impl)` or {@link InProcessServer.add}.
 */
export class InProcessServer {
  readonly #routes = new Map<string, Route>();

  /** Registers a service implementation; a service can be registered once. */
  add<S extends DescService>(service: S, impl: ServiceImpl<S>): this {
    const routes = routesOf(service, impl);
    for (const route of routes) {
      if (this.#routes.has(methodPath(route.method))) {
        throw new Error(`service ${service.typeName} is already registered`);
      }
    }
    for (const route of routes) {
      this.#routes.set(methodPath(route.method), route);
    }
    return this;
  }

  /** @internal */
  route(path: string): Route | undefined {
    return this.#routes.get(path);
  }
}

/** Timer functions the in-process transport uses for deadlines; a simulation passes virtual ones. */
export interface Timers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface InProcessTransportOptions {
  /** What handlers see as `context.peer`. Default "in-process". */
  peer?: string;
  /** Clock and timers for deadlines. Default: the system's. */
  timers?: Timers;
}

/**
 * Carries an error across the in-process boundary the way the network does: only code,
 * message and serialised details survive.
 */
function crossError(error: unknown): RpcError {
  const rpc = RpcError.from(error);
  return decodeStatus(encodeStatus(rpc), { code: rpc.code, message: rpc.rawMessage });
}

function transfer(schema: DescMessage, message: MessageShape<DescMessage>): Uint8Array {
  return toBinary(schema, create(schema, message));
}

/**
 * One call's lifetime on the calling side: deadline timer, caller's abort signal and the
 * server-side signal handlers observe.
 */
class CallScope {
  readonly server = new AbortController();
  readonly context: HandlerContext;
  /** Rejects when the call is cancelled or its deadline passes; never resolves. */
  readonly ended: Promise<never>;
  #fail: (error: RpcError) => void = () => {};
  #timer: unknown;
  #disposed = false;
  readonly #signal: AbortSignal | undefined;
  readonly #timers: Timers;
  readonly #onAbort = () => {
    const reason = this.#signal?.reason;
    this.#end(
      reason instanceof RpcError ? reason : new RpcError(Code.Cancelled, "call cancelled", { cause: reason }),
    );
  };

  constructor(
    method: DescMethod,
    options: CallOptions | undefined,
    transport: Required<InProcessTransportOptions>,
  ) {
    this.#timers = transport.timers;
    this.#signal = options?.signal;
    this.ended = new Promise<never>((_, reject) => {
      this.#fail = reject;
    });
    // Nothing may be left unhandled when the call completes before it is ever awaited.
    this.ended.catch(() => {});
    const deadline = callDeadline(options, this.#timers.now());
    this.context = {
      method,
      signal: this.server.signal,
      deadline,
      metadata: normaliseMetadata(options?.metadata),
      peer: transport.peer,
    };
    if (this.#signal?.aborted) {
      this.#onAbort();
      return;
    }
    this.#signal?.addEventListener("abort", this.#onAbort, { once: true });
    if (deadline !== undefined) {
      this.#timer = this.#timers.setTimeout(
        () => this.#end(new RpcError(Code.DeadlineExceeded, "deadline exceeded")),
        Math.max(0, deadline - this.#timers.now()),
      );
    }
  }

  /** Ends the call from the caller's side: the handler's signal fires, waiting callers fail. */
  #end(error: RpcError): void {
    if (this.#disposed) {
      return;
    }
    this.server.abort(new RpcError(error.code, error.rawMessage));
    this.#fail(error);
    this.dispose();
  }

  /** The caller cancelled by leaving the stream early. */
  cancel(): void {
    this.#end(new RpcError(Code.Cancelled, "call cancelled"));
  }

  dispose(): void {
    if (this.#disposed) {
      return;
    }
    this.#disposed = true;
    this.#signal?.removeEventListener("abort", this.#onAbort);
    if (this.#timer !== undefined) {
      this.#timers.clearTimeout(this.#timer);
    }
  }
}

/** A transport that calls the services of an {@link InProcessServer} directly. */
export function inProcessTransport(server: InProcessServer, options?: InProcessTransportOptions): Transport;
/** A transport to a single service implementation, without a separate server object. */
export function inProcessTransport<S extends DescService>(
  service: S,
  impl: ServiceImpl<S>,
  options?: InProcessTransportOptions,
): Transport;
export function inProcessTransport(
  target: InProcessServer | DescService,
  implOrOptions?: unknown,
  maybeOptions?: InProcessTransportOptions,
): Transport {
  let server: InProcessServer;
  let options: InProcessTransportOptions | undefined;
  if (target instanceof InProcessServer) {
    server = target;
    options = implOrOptions as InProcessTransportOptions | undefined;
  } else {
    server = new InProcessServer().add(target, implOrOptions as ServiceImpl<DescService>);
    options = maybeOptions;
  }
  const settings: Required<InProcessTransportOptions> = {
    peer: options?.peer ?? "in-process",
    timers: options?.timers ?? systemTimers,
  };
  let closed = false;

  const start = (
    method: DescMethod,
    request: MessageShape<DescMessage>,
    callOptions: CallOptions | undefined,
  ) => {
    if (closed) {
      throw new RpcError(Code.Unavailable, "transport is closed");
    }
    if (callOptions?.signal?.aborted) {
      const reason: unknown = callOptions.signal.reason;
      throw reason instanceof RpcError
        ? reason
        : new RpcError(Code.Cancelled, "call cancelled", { cause: reason });
    }
    const scope = new CallScope(method, callOptions, settings);
    // The request leaves the caller as bytes, so later changes to it cannot reach the handler.
    const bytes = transfer(method.input, request);
    const route = server.route(methodPath(method));
    if (route === undefined) {
      scope.dispose();
      throw new RpcError(Code.Unimplemented, `${methodPath(method)} is not served here`);
    }
    if (route.method.methodKind !== method.methodKind) {
      scope.dispose();
      throw new RpcError(Code.Internal, `${methodPath(method)} is served as ${route.method.methodKind}`);
    }
    return { scope, route, bytes };
  };

  return {
    async unary(method, request, callOptions) {
      const { scope, route, bytes } = start(method, request, callOptions);
      try {
        const served = (async () => {
          // Never run the handler inside the caller's synchronous turn.
          await null;
          const response = await invokeUnary(route, fromBinary(route.method.input, bytes), scope.context);
          return toBinary(route.method.output, response);
        })().catch((error: unknown) => {
          throw crossError(error);
        });
        const response = await Promise.race([served, scope.ended]);
        return fromBinary(method.output, response);
      } finally {
        scope.dispose();
      }
    },

    async *serverStream(method, request, callOptions) {
      const { scope, route, bytes } = start(method, request, callOptions);
      let iterator: AsyncGenerator<MessageShape<DescMessage>, void, undefined> | undefined;
      let finished = false;
      try {
        await Promise.race([null, scope.ended]);
        iterator = invokeServerStream(route, fromBinary(route.method.input, bytes), scope.context);
        const source = iterator;
        for (;;) {
          const pulled = source.next().then(
            (next) => (next.done ? undefined : transfer(route.method.output, next.value)),
            (error: unknown) => {
              throw crossError(error);
            },
          );
          const response = await Promise.race([pulled, scope.ended]);
          if (response === undefined) {
            finished = true;
            return;
          }
          yield fromBinary(method.output, response);
        }
      } catch (error) {
        finished = true;
        throw RpcError.from(error);
      } finally {
        if (!finished) {
          // The caller left early: the handler sees its signal fire, as over the network.
          scope.cancel();
        }
        scope.dispose();
        iterator?.return(undefined).catch(() => {});
      }
    },

    close() {
      closed = true;
    },
  };
}
