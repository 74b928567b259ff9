import type {
  DescMessage,
  DescMethod,
  DescService,
  MessageInitShape,
  MessageShape,
} from "@bufbuild/protobuf";

/** What a handler learns about the call it serves. */
export interface HandlerContext {
  /** The method being served. */
  readonly method: DescMethod;
  /**
   * Aborted when the caller cancels, the deadline passes or the connection drops. Handlers
   * that wait (long polls, watch streams) must stop waiting when it fires.
   */
  readonly signal: AbortSignal;
  /** The caller's deadline in milliseconds since the epoch, if it set one. */
  readonly deadline: number | undefined;
  /** Request metadata (lower-case keys, text values only). */
  readonly metadata: Readonly<Record<string, string>>;
  /** Who called: a network address, or "in-process". */
  readonly peer: string;
}

export type UnaryHandler<I extends DescMessage, O extends DescMessage> = (
  request: MessageShape<I>,
  context: HandlerContext,
) => MessageInitShape<O> | Promise<MessageInitShape<O>>;

export type ServerStreamingHandler<I extends DescMessage, O extends DescMessage> = (
  request: MessageShape<I>,
  context: HandlerContext,
) => AsyncIterable<MessageInitShape<O>>;

/** The handler type for one method of a generated service. */
export type MethodHandler<M> = M extends {
  methodKind: "unary";
  input: infer I extends DescMessage;
  output: infer O extends DescMessage;
}
  ? UnaryHandler<I, O>
  : M extends {
        methodKind: "server_streaming";
        input: infer I extends DescMessage;
        output: infer O extends DescMessage;
      }
    ? ServerStreamingHandler<I, O>
    : never;

/**
 * An implementation of a generated service: one handler per method, keyed by the method's
 * local (lowerCamelCase) name. Methods left out answer `Unimplemented`.
 */
export type ServiceImpl<S extends DescService> = {
  [K in keyof S["method"]]?: MethodHandler<S["method"][K]>;
};

/** Per-call options on the calling side. */
export interface CallOptions {
  /** Aborting cancels the call; it then fails with `Code.Cancelled`. */
  signal?: AbortSignal;
  /** Deadline relative to the start of the call, in milliseconds. */
  timeoutMs?: number;
  /** Absolute deadline in milliseconds since the epoch (e.g. a handler's own deadline). */
  deadline?: number;
  /** Request metadata; keys are lower-cased, and must not start with "grpc-" or end in "-bin". */
  metadata?: Readonly<Record<string, string>>;
}

/** A typed client method. */
export type ClientMethod<M> = M extends {
  methodKind: "unary";
  input: infer I extends DescMessage;
  output: infer O extends DescMessage;
}
  ? (request: MessageInitShape<I>, options?: CallOptions) => Promise<MessageShape<O>>
  : M extends {
        methodKind: "server_streaming";
        input: infer I extends DescMessage;
        output: infer O extends DescMessage;
      }
    ? (request: MessageInitShape<I>, options?: CallOptions) => AsyncIterable<MessageShape<O>>
    : never;

/** A typed client for a generated service: one method per RPC, by local name. */
export type Client<S extends DescService> = {
  readonly [K in keyof S["method"]]: ClientMethod<S["method"][K]>;
};

/**
 * How calls reach a server. Both transports (network and in-process) serialise every message
 * and every error, honour deadlines and cancellation, and fail only with `RpcError`.
 */
export interface Transport {
  unary(
    method: DescMethod,
    request: MessageShape<DescMessage>,
    options?: CallOptions,
  ): Promise<MessageShape<DescMessage>>;
  /** The call starts when iteration starts; leaving the loop early cancels it. */
  serverStream(
    method: DescMethod,
    request: MessageShape<DescMessage>,
    options?: CallOptions,
  ): AsyncIterable<MessageShape<DescMessage>>;
  /** Releases connections. Calls in flight fail with `Cancelled` or `Unavailable`. */
  close(): void;
}
