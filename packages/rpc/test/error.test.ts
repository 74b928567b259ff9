import { describe, expect, it } from "vitest";
import { decodeStatus, encodeStatus } from "../src/error.js";
import { Code, codeName, detail, NotLeaderSchema, notLeaderError, RpcError } from "../src/index.js";

describe("RpcError", () => {
  it("survives encoding as a status with its details", () => {
    const original = new RpcError(Code.FailedPrecondition, "stale broker epoch", {
      details: [
        detail(NotLeaderSchema, { leaderAddress: "b:1" }),
        detail(NotLeaderSchema, { leaderAddress: "c:2" }),
      ],
    });
    const decoded = decodeStatus(encodeStatus(original), { code: Code.Internal, message: "unused" });
    expect(decoded.code).toBe(Code.FailedPrecondition);
    expect(decoded.rawMessage).toBe("stale broker epoch");
    expect(decoded.message).toBe("[FailedPrecondition] stale broker epoch");
    expect(decoded.details).toHaveLength(2);
    expect(decoded.findDetail(NotLeaderSchema)?.leaderAddress).toBe("b:1");
  });

  it("falls back to the transport's code and message when the details are unreadable", () => {
    const decoded = decodeStatus(new Uint8Array([0xff, 0xff, 0xff]), {
      code: Code.Unavailable,
      message: "gone",
    });
    expect(decoded.code).toBe(Code.Unavailable);
    expect(decoded.rawMessage).toBe("gone");
    expect(decoded.details).toEqual([]);
    expect(decodeStatus(undefined, { code: 99, message: "odd" }).code).toBe(Code.Unknown);
  });

  it("converts thrown values", () => {
    const own = notLeaderError({ leaderId: 3 });
    expect(RpcError.from(own)).toBe(own);
    expect(own.code).toBe(Code.Unavailable);
    const abort = new DOMException("stop", "AbortError");
    expect(RpcError.from(abort).code).toBe(Code.Cancelled);
    const plain = RpcError.from(new TypeError("bad"));
    expect(plain.code).toBe(Code.Unknown);
    expect(plain.rawMessage).toBe("bad");
    expect(plain.cause).toBeInstanceOf(TypeError);
    expect(RpcError.from("text").rawMessage).toBe("text");
  });

  it("names codes", () => {
    expect(codeName(Code.DeadlineExceeded)).toBe("DeadlineExceeded");
    expect(codeName(42)).toBe("Code(42)");
  });
});
