import {
  create,
  type DescMessage,
  fromBinary,
  type MessageInitShape,
  type MessageShape,
  toBinary,
} from "@bufbuild/protobuf";
import { type Any, anyIs, anyPack, anyUnpack } from "@bufbuild/protobuf/wkt";
import { Code, codeName, toCode } from "./code.js";
import { NotLeaderSchema, StatusSchema } from "./gen/runnel/v1/errors_pb.js";

export interface RpcErrorOptions {
  /** Typed details, each packed in an Any; build them with {@link detail}. */
  details?: readonly Any[];
  cause?: unknown;
}

/**
 * The error every call fails with, on both transports: a gRPC status code, a message and
 * optional typed details (for example a `NotLeader` hint). Handlers throw it to choose the
 * status a caller sees; any other thrown value reaches the caller as `Code.Unknown`.
 */
export class RpcError extends Error {
  override readonly name = "RpcError";
  readonly code: Code;
  /** The message as sent on the wire, without the code prefix that `message` carries. */
  readonly rawMessage: string;
  readonly details: readonly Any[];

  constructor(code: Code, message: string, options: RpcErrorOptions = {}) {
    super(
      `[${codeName(code)}] ${message}`,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.code = code;
    this.rawMessage = message;
    this.details = options.details ?? [];
  }

  /** The first detail of the given type, or undefined when there is none. */
  findDetail<Desc extends DescMessage>(schema: Desc): MessageShape<Desc> | undefined {
    for (const any of this.details) {
      if (anyIs(any, schema)) {
        return anyUnpack(any, schema);
      }
    }
    return undefined;
  }

  /**
   * Converts anything thrown into an RpcError: an RpcError is returned as is, an abort
   * becomes `Cancelled`, anything else `Unknown` with its message.
   */
  static from(error: unknown): RpcError {
    if (error instanceof RpcError) {
      return error;
    }
    if (error instanceof Error && error.name === "AbortError") {
      return new RpcError(Code.Cancelled, error.message, { cause: error });
    }
    const message = error instanceof Error ? error.message : String(error);
    return new RpcError(Code.Unknown, message, { cause: error });
  }
}

/** Packs one typed error detail. */
export function detail<Desc extends DescMessage>(schema: Desc, init: MessageInitShape<Desc>): Any {
  return anyPack(schema, create(schema, init));
}

/**
 * The error a non-leader returns: status `Unavailable` with a `NotLeader` detail naming the
 * leader when it is known.
 */
export function notLeaderError(
  leader: MessageInitShape<typeof NotLeaderSchema>,
  message = "not the leader",
): RpcError {
  return new RpcError(Code.Unavailable, message, { details: [detail(NotLeaderSchema, leader)] });
}

/** The `NotLeader` detail of an error, if it carries one. */
export function notLeaderOf(error: unknown): MessageShape<typeof NotLeaderSchema> | undefined {
  return error instanceof RpcError ? error.findDetail(NotLeaderSchema) : undefined;
}

/** Serialises an error as a `runnel.v1.Status` (wire compatible with google.rpc.Status). */
export function encodeStatus(error: RpcError): Uint8Array {
  return toBinary(
    StatusSchema,
    create(StatusSchema, { code: error.code, message: error.rawMessage, details: [...error.details] }),
  );
}

/**
 * Rebuilds an error from a serialised status. `fallback` supplies code and message when the
 * bytes are absent or unreadable.
 */
export function decodeStatus(
  bytes: Uint8Array | undefined,
  fallback: { code: number; message: string },
): RpcError {
  if (bytes !== undefined && bytes.length > 0) {
    try {
      const status = fromBinary(StatusSchema, bytes);
      return new RpcError(toCode(status.code), status.message, { details: status.details });
    } catch {
      // Unreadable details: keep the code and message the transport reported.
    }
  }
  return new RpcError(toCode(fallback.code), fallback.message);
}
