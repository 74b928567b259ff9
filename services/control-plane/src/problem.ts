/**
 * Errors as RFC 9457 problem documents (`application/problem+json`).
 *
 * Every problem has `type` "about:blank", so its `title` is the HTTP status phrase and the
 * `detail` says what went wrong in a sentence a person can act on. Validation problems add
 * `errors`, one entry per failed check, as RFC 9457 allows extension members.
 *
 * Controller failures arrive as gRPC status codes (logical clusters, API keys, quotas) and
 * map to the HTTP status that means the same; the controller's message becomes the detail.
 */
import { STATUS_CODES } from "node:http";
import { Code, RpcError } from "@runnel/rpc";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export interface ValidationIssue {
  /** Where the value is: `body/name`, `querystring/principal`, `params/id`. */
  readonly path: string;
  readonly message: string;
}

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  /** The request path the problem is about. */
  readonly instance: string;
  readonly errors?: readonly ValidationIssue[];
}

/** A failure a handler throws to answer with a problem document. */
export class ProblemError extends Error {
  override readonly name = "ProblemError";

  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors?: readonly ValidationIssue[],
  ) {
    super(detail);
  }
}

export function problem(
  status: number,
  detail: string,
  instance: string,
  errors?: readonly ValidationIssue[],
): Problem {
  return {
    type: "about:blank",
    title: STATUS_CODES[status] ?? "Error",
    status,
    detail,
    instance,
    ...(errors !== undefined && errors.length > 0 ? { errors } : {}),
  };
}

/** The HTTP status for a controller's gRPC status. */
export function httpStatusOf(code: Code): number {
  switch (code) {
    case Code.InvalidArgument:
      return 400;
    case Code.NotFound:
      return 404;
    case Code.AlreadyExists:
    case Code.FailedPrecondition:
      return 409;
    case Code.Unavailable:
      return 503;
    case Code.DeadlineExceeded:
      return 504;
    default:
      return 502;
  }
}

/** A controller call's failure as a problem to throw; anything that is not an RpcError is a bug. */
export function problemOfRpc(e: unknown): ProblemError {
  if (!(e instanceof RpcError)) throw e;
  const status = httpStatusOf(e.code);
  const detail =
    status === 502
      ? `The metadata controller failed: ${e.rawMessage}`
      : status === 503 && e.rawMessage === "no node answered"
        ? "No metadata voter answered; retry."
        : e.rawMessage;
  return new ProblemError(status, detail);
}
