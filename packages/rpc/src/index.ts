// Generated contracts (proto/runnel/v1). Regenerate with `pnpm --filter @runnel/rpc gen`.

// The adapter.
export { createClient } from "./client.js";
export { Code, codeName } from "./code.js";
export { detail, notLeaderError, notLeaderOf, RpcError, type RpcErrorOptions } from "./error.js";
export * from "./gen/runnel/v1/common_pb.js";
export * from "./gen/runnel/v1/controller_pb.js";
export * from "./gen/runnel/v1/errors_pb.js";
export * from "./gen/runnel/v1/metadata_records_pb.js";
export * from "./gen/runnel/v1/quorum_admin_pb.js";
export * from "./gen/runnel/v1/raft_pb.js";
export * from "./gen/runnel/v1/replication_pb.js";
export * from "./gen/runnel/v1/tenants_pb.js";
export { type GrpcTransportOptions, grpcTransport, STATUS_DETAILS_KEY } from "./grpc.js";
export {
  InProcessServer,
  type InProcessTransportOptions,
  inProcessTransport,
  type Timers,
} from "./in-process.js";
export { LeaderClient, type LeaderClientOptions } from "./leader-client.js";
export { serve } from "./serve.js";
export type {
  CallOptions,
  Client,
  ClientMethod,
  HandlerContext,
  MethodHandler,
  ServerStreamingHandler,
  ServiceImpl,
  Transport,
  UnaryHandler,
} from "./types.js";
