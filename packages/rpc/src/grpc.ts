import {
  type DescMessage,
  type DescMethod,
  type DescService,
  fromBinary,
  type MessageShape,
  toBinary,
} from "@bufbuild/protobuf";
import * as grpc from "@grpc/grpc-js";
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

/** The trailer that carries a serialised `runnel.v1.Status` with typed error details. */
export const STATUS_DETAILS_KEY = "grpc-status-details-bin";

function serializer(schema: DescMessage): (value: MessageShape<DescMessage>) => Buffer {
  return (value) => {
    const bytes = toBinary(schema, value);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  };
}

const passThrough = (buffer: Buffer): Buffer => buffer;

function deserializer(schema: DescMessage): (buffer: Buffer) => MessageShape<DescMessage> {
  // Parse from a plain Uint8Array view so that bytes fields are Uint8Array, not Buffer,
  // exactly as on the in-process transport.
  return (buffer) => fromBinary(schema, new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
}

/** Converts anything a handler threw into the status grpc-js sends. */
function toServiceError(error: unknown): Partial<grpc.StatusObject> {
  const rpc = RpcError.from(error);
  const metadata = new grpc.Metadata();
  if (rpc.details.length > 0) {
    const bytes = encodeStatus(rpc);
    metadata.set(STATUS_DETAILS_KEY, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }
  return { code: rpc.code as number as grpc.status, details: rpc.rawMessage, metadata };
}

/** Converts a grpc-js client error into an RpcError. */
function fromServiceError(error: unknown): RpcError {
  if (error instanceof RpcError) {
    return error;
  }
  const e = error as Partial<grpc.ServiceError>;
  if (typeof e?.code !== "number") {
    return RpcError.from(error);
  }
  const raw = e.metadata?.get(STATUS_DETAILS_KEY)[0];
  const bytes = raw instanceof Uint8Array ? raw : undefined;
  return decodeStatus(bytes, { code: e.code, message: e.details ?? "" });
}

function metadataOf(metadata: grpc.Metadata): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(metadata.getMap())) {
    if (typeof value === "string" && !key.startsWith("grpc-") && !key.startsWith(":")) {
      out[key] = value;
    }
  }
  return out;
}

function contextOf(
  method: DescMethod,
  call: grpc.ServerUnaryCall<unknown, unknown> | grpc.ServerWritableStream<unknown, unknown>,
) {
  const controller = new AbortController();
  const abort = () => controller.abort(new RpcError(Code.Cancelled, "call cancelled by the caller"));
  call.on("cancelled", abort);
  if (call.cancelled) {
    abort();
  }
  const raw = call.getDeadline();
  const deadline = raw instanceof Date ? raw.getTime() : Number.isFinite(raw) ? raw : undefined;
  const context: HandlerContext = {
    method,
    signal: controller.signal,
    deadline,
    metadata: metadataOf(call.metadata),
    peer: call.getPeer(),
  };
  return { context, dispose: () => call.off("cancelled", abort) };
}

function unaryHandler(
  route: Route,
): grpc.handleUnaryCall<MessageShape<DescMessage>, MessageShape<DescMessage>> {
  return (call, callback) => {
    const { context, dispose } = contextOf(route.method, call);
    invokeUnary(route, call.request, context).then(
      (response) => {
        dispose();
        callback(null, response);
      },
      (error: unknown) => {
        dispose();
        callback(toServiceError(error));
      },
    );
  };
}

/** Resolves when the stream may take more writes, or the call is cancelled. */
function writable(call: grpc.ServerWritableStream<unknown, unknown>): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      call.off("drain", done);
      call.off("cancelled", done);
      resolve();
    };
    call.on("drain", done);
    call.on("cancelled", done);
  });
}

function serverStreamingHandler(
  route: Route,
): grpc.handleServerStreamingCall<MessageShape<DescMessage>, MessageShape<DescMessage>> {
  return (call) => {
    const { context, dispose } = contextOf(route.method, call);
    const iterator = invokeServerStream(route, call.request, context);
    const run = async () => {
      try {
        for (;;) {
          const next = await iterator.next();
          if (next.done || call.cancelled) {
            break;
          }
          if (!call.write(next.value)) {
            await writable(call);
          }
        }
        if (!call.cancelled) {
          call.end();
        }
      } catch (error) {
        if (!call.cancelled) {
          call.emit("error", toServiceError(error));
        }
      } finally {
        dispose();
        // Closes the handler's generator (runs its finally blocks) if it is still open.
        iterator.return(undefined).catch(() => {});
      }
    };
    void run();
  };
}

/** Registers a typed service implementation with a grpc-js server. */
export function serveGrpc<S extends DescService>(
  server: grpc.Server,
  service: S,
  impl: ServiceImpl<S>,
): void {
  const definition: Record<
    string,
    grpc.MethodDefinition<MessageShape<DescMessage>, MessageShape<DescMessage>>
  > = {};
  const handlers: grpc.UntypedServiceImplementation = {};
  for (const route of routesOf(service, impl)) {
    const { method } = route;
    const streaming = method.methodKind === "server_streaming";
    definition[method.name] = {
      path: methodPath(method),
      requestStream: false,
      responseStream: streaming,
      requestSerialize: serializer(method.input),
      requestDeserialize: deserializer(method.input),
      responseSerialize: serializer(method.output),
      responseDeserialize: deserializer(method.output),
      originalName: method.localName,
    };
    handlers[method.name] = streaming ? serverStreamingHandler(route) : unaryHandler(route);
  }
  server.addService(definition, handlers);
}

export interface GrpcTransportOptions {
  /** Channel credentials; plaintext when omitted. */
  credentials?: grpc.ChannelCredentials;
  /** grpc-js channel options (keepalive, message size limits, ...). */
  channelOptions?: grpc.ChannelOptions;
}

function cancelledError(signal: AbortSignal): RpcError {
  return signal.reason instanceof RpcError
    ? signal.reason
    : new RpcError(Code.Cancelled, "call cancelled", { cause: signal.reason });
}

/** A transport that calls a grpc-js (or any gRPC) server at `address` ("host:port"). */
export function grpcTransport(address: string, options: GrpcTransportOptions = {}): Transport {
  const client = new grpc.Client(
    address,
    options.credentials ?? grpc.credentials.createInsecure(),
    options.channelOptions ?? {},
  );

  // The request is serialised when the call starts, so later changes to the caller's
  // object never reach the server (grpc-js may serialise lazily otherwise).
  const prepare = (
    method: DescMethod,
    request: MessageShape<DescMessage>,
    options: CallOptions | undefined,
  ) => {
    const payload = serializer(method.input)(request);
    const metadata = new grpc.Metadata();
    for (const [key, value] of Object.entries(normaliseMetadata(options?.metadata))) {
      metadata.set(key, value);
    }
    const deadline = callDeadline(options, Date.now());
    const callOptions: grpc.CallOptions = deadline === undefined ? {} : { deadline };
    return { payload, metadata, callOptions };
  };

  return {
    unary(method, request, options) {
      return new Promise((resolve, reject) => {
        const signal = options?.signal;
        if (signal?.aborted) {
          reject(cancelledError(signal));
          return;
        }
        let prepared: ReturnType<typeof prepare>;
        try {
          prepared = prepare(method, request, options);
        } catch (error) {
          reject(RpcError.from(error));
          return;
        }
        const onAbort = () => call.cancel();
        const call = client.makeUnaryRequest(
          methodPath(method),
          passThrough,
          deserializer(method.output),
          prepared.payload,
          prepared.metadata,
          prepared.callOptions,
          (error, response) => {
            signal?.removeEventListener("abort", onAbort);
            if (error !== null || response === undefined) {
              reject(signal?.aborted ? cancelledError(signal) : fromServiceError(error));
            } else {
              resolve(response);
            }
          },
        );
        signal?.addEventListener("abort", onAbort, { once: true });
      });
    },

    async *serverStream(method, request, options) {
      const signal = options?.signal;
      if (signal?.aborted) {
        throw cancelledError(signal);
      }
      const prepared = prepare(method, request, options);
      const call = client.makeServerStreamRequest(
        methodPath(method),
        passThrough,
        deserializer(method.output),
        prepared.payload,
        prepared.metadata,
        prepared.callOptions,
      );
      const onAbort = () => call.cancel();
      signal?.addEventListener("abort", onAbort, { once: true });
      let finished = false;
      try {
        for await (const message of call) {
          yield message as MessageShape<DescMessage>;
        }
        finished = true;
      } catch (error) {
        throw signal?.aborted ? cancelledError(signal) : fromServiceError(error);
      } finally {
        signal?.removeEventListener("abort", onAbort);
        if (!finished) {
          call.cancel();
        }
      }
    },

    close() {
      client.close();
    },
  };
}
