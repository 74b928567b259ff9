import {
  create,
  type DescMessage,
  type DescMethod,
  type DescService,
  type MessageShape,
} from "@bufbuild/protobuf";
import { Code } from "./code.js";
import { RpcError } from "./error.js";
import type { CallOptions, HandlerContext, ServiceImpl } from "./types.js";

type AnyUnary = (request: unknown, context: HandlerContext) => unknown;
type AnyStream = (request: unknown, context: HandlerContext) => AsyncIterable<unknown>;

/** One method of a registered service, with its handler (undefined: not implemented). */
export interface Route {
  readonly method: DescMethod;
  readonly handler: ((request: never, context: HandlerContext) => unknown) | undefined;
}

/** The gRPC path of a method: "/package.Service/Method". */
export function methodPath(method: DescMethod): string {
  return `/${method.parent.typeName}/${method.name}`;
}

/** Pairs each method of a service with its handler, refusing method kinds not supported. */
export function routesOf<S extends DescService>(service: S, impl: ServiceImpl<S>): Route[] {
  const handlers = impl as Record<string, Route["handler"]>;
  return service.methods.map((method) => {
    if (method.methodKind !== "unary" && method.methodKind !== "server_streaming") {
      throw new Error(`${methodPath(method)}: ${method.methodKind} methods are not supported yet`);
    }
    const handler = Object.hasOwn(handlers, method.localName) ? handlers[method.localName] : undefined;
    if (handler !== undefined && typeof handler !== "function") {
      throw new TypeError(`${methodPath(method)}: handler must be a function`);
    }
    return { method, handler };
  });
}

function unimplemented(method: DescMethod): RpcError {
  return new RpcError(Code.Unimplemented, `${methodPath(method)} is not implemented`);
}

/** Runs a unary handler and normalises its result into a message of the output type. */
export async function invokeUnary(
  route: Route,
  request: MessageShape<DescMessage>,
  context: HandlerContext,
): Promise<MessageShape<DescMessage>> {
  if (route.handler === undefined) {
    throw unimplemented(route.method);
  }
  const init = await (route.handler as AnyUnary)(request, context);
  return create(route.method.output, init as never);
}

/** Runs a server-streaming handler; each item is normalised into a message of the output type. */
export async function* invokeServerStream(
  route: Route,
  request: MessageShape<DescMessage>,
  context: HandlerContext,
): AsyncGenerator<MessageShape<DescMessage>, void, undefined> {
  if (route.handler === undefined) {
    throw unimplemented(route.method);
  }
  for await (const init of (route.handler as AnyStream)(request, context)) {
    yield create(route.method.output, init as never);
  }
}

/** The effective absolute deadline of a call, or undefined when it has none. */
export function callDeadline(options: CallOptions | undefined, now: number): number | undefined {
  let deadline = options?.deadline;
  if (options?.timeoutMs !== undefined) {
    const relative = now + Math.max(0, options.timeoutMs);
    deadline = deadline === undefined ? relative : Math.min(deadline, relative);
  }
  return deadline;
}

/** Validates and lower-cases request metadata, identically for both transports. */
export function normaliseMetadata(
  metadata: Readonly<Record<string, string>> | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (metadata === undefined) {
    return out;
  }
  for (const [rawKey, value] of Object.entries(metadata)) {
    const key = rawKey.toLowerCase();
    if (!/^[0-9a-z_.-]+$/.test(key) || key.startsWith("grpc-") || key.endsWith("-bin")) {
      throw new RpcError(Code.InvalidArgument, `metadata key ${JSON.stringify(rawKey)} is not allowed`);
    }
    if (!/^[\x20-\x7e]*$/.test(value)) {
      throw new RpcError(
        Code.InvalidArgument,
        `metadata value for ${JSON.stringify(rawKey)} must be printable ASCII`,
      );
    }
    out[key] = value;
  }
  return out;
}
