import { create, type DescService } from "@bufbuild/protobuf";
import { Code } from "./code.js";
import { RpcError } from "./error.js";
import { methodPath } from "./handler.js";
import type { CallOptions, Client, Transport } from "./types.js";

/**
 * A typed client for a generated service over any transport. Unary methods return a
 * Promise of the response; server-streaming methods return an AsyncIterable that starts the
 * call when iterated and cancels it when the loop is left early. Failures are `RpcError`s.
 */
export function createClient<S extends DescService>(service: S, transport: Transport): Client<S> {
  const client: Record<string, unknown> = {};
  for (const method of service.methods) {
    switch (method.methodKind) {
      case "unary":
        client[method.localName] = (request: never, options?: CallOptions) =>
          transport.unary(method, create(method.input, request), options);
        break;
      case "server_streaming":
        client[method.localName] = (request: never, options?: CallOptions) =>
          transport.serverStream(method, create(method.input, request), options);
        break;
      default:
        client[method.localName] = () => {
          throw new RpcError(
            Code.Unimplemented,
            `${methodPath(method)}: ${method.methodKind} is not supported yet`,
          );
        };
    }
  }
  return Object.freeze(client) as Client<S>;
}
