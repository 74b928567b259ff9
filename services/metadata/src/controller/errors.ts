/**
 * Errors of the controller.
 *
 * Operating errors (a bad or stale request) are values, never exceptions: a `ControllerError`
 * names a Kafka error code and says what was wrong in a sentence. Programmer errors (a record
 * that breaks an invariant of the image) throw `InvariantError` through `invariant`, because
 * a voter that applies such a record would diverge from the others and must stop loudly.
 */
import { ErrorCode, type ErrorCodeName } from "@runnel/kafka-protocol";
import { Code } from "@runnel/rpc";

export type { ErrorCodeName };

export interface ControllerError {
  /** Kafka's name for the error, e.g. "STALE_BROKER_EPOCH". */
  readonly name: ErrorCodeName;
  /** Kafka's numeric code for `name`. */
  readonly code: number;
  readonly message: string;
}

export function controllerError(name: ErrorCodeName, message: string): ControllerError {
  return { name, code: ErrorCode[name], message };
}

/** The outcome of a request that fails or succeeds as a whole. */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: ControllerError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T>(name: ErrorCodeName, message: string): Result<T> {
  return { ok: false, error: controllerError(name, message) };
}

/**
 * The gRPC status a whole-request error maps to, for the RPCs that report errors as status
 * codes (BrokerRegistration, BrokerHeartbeat, the logical-cluster and API-key RPCs): see controller.proto.
 */
export function statusCodeOf(error: ControllerError): Code {
  switch (error.name) {
    case "INVALID_REQUEST":
      return Code.InvalidArgument;
    case "BROKER_ID_NOT_REGISTERED":
    case "RESOURCE_NOT_FOUND":
      return Code.NotFound;
    case "DUPLICATE_RESOURCE":
      return Code.AlreadyExists;
    case "BROKER_NOT_AVAILABLE":
      return Code.Unavailable;
    case "STALE_BROKER_EPOCH":
    case "INCONSISTENT_CLUSTER_ID":
    case "DUPLICATE_BROKER_REGISTRATION":
      return Code.FailedPrecondition;
    default:
      return Code.Internal;
  }
}

export class InvariantError extends Error {
  override readonly name = "InvariantError";
}

/** Asserts an invariant; a failure is a bug (in the frontend, or a corrupt log), not bad input. */
export function invariant(condition: boolean, message: () => string): asserts condition {
  if (!condition) throw new InvariantError(message());
}
