/**
 * Requests a broker forwards to the controller: how a failed call to the
 * quorum reads to a Kafka client.
 */
import { ErrorCode } from "@runnel/kafka-protocol";
import { Code, RpcError } from "@runnel/rpc";

export function controllerFailure(e: unknown): { code: number; message: string } {
  if (e instanceof RpcError && (e.code === Code.DeadlineExceeded || e.code === Code.Unavailable)) {
    return {
      code: ErrorCode.REQUEST_TIMED_OUT,
      message: `The controller did not answer in time: ${e.rawMessage}`,
    };
  }
  return { code: ErrorCode.UNKNOWN_SERVER_ERROR, message: `The controller failed the request: ${String(e)}` };
}
