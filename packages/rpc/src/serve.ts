import type { DescService } from "@bufbuild/protobuf";
import type * as grpc from "@grpc/grpc-js";
import { serveGrpc } from "./grpc.js";
import { InProcessServer } from "./in-process.js";
import type { ServiceImpl } from "./types.js";

/**
 * Registers a typed implementation of a generated service, either with a grpc-js server or
 * with an in-process server. The same implementation behaves identically on both.
 */
export function serve<S extends DescService>(
  server: grpc.Server | InProcessServer,
  service: S,
  impl: ServiceImpl<S>,
): void {
  if (server instanceof InProcessServer) {
    server.add(service, impl);
  } else {
    serveGrpc(server, service, impl);
  }
}
