import { describe, expect, it } from "vitest";
import {
  answerApiVersions,
  apiTable,
  decodeResponse,
  ErrorCode,
  encodeApiVersionsAnswer,
  errorCodeName,
  isValidClientSoftware,
  unstableApis,
} from "../src/index.js";

const supported = [
  { apiKey: 3, minVersion: 0, maxVersion: 12 },
  { apiKey: 18, minVersion: 0, maxVersion: 4 },
  { apiKey: 0, minVersion: 3, maxVersion: 11 },
];

describe("KIP-511 ApiVersions", () => {
  it("answers a known version at that version, keys sorted", () => {
    const answer = answerApiVersions(3, supported);
    expect(answer.version).toBe(3);
    expect(answer.body.errorCode).toBe(ErrorCode.NONE);
    expect(answer.body.apiKeys.map((k) => k.apiKey)).toEqual([0, 3, 18]);
  });

  it("answers an unknown (newer) version with UNSUPPORTED_VERSION and the full key list in a v0 body", () => {
    const answer = answerApiVersions(127, supported);
    expect(answer.version).toBe(0);
    expect(answer.body.errorCode).toBe(ErrorCode.UNSUPPORTED_VERSION);
    const frame = encodeApiVersionsAnswer(42, answer);
    // A client parses it as v0 behind a v0 header: correlation id, error code, [key min max].
    const decoded = decodeResponse(18, 0, frame.subarray(4));
    if (!decoded.ok) throw new Error(decoded.error.message);
    expect(decoded.value.header.correlationId).toBe(42);
    expect(decoded.value.body.errorCode).toBe(35);
    expect(decoded.value.body.apiKeys).toEqual([
      { apiKey: 0, minVersion: 3, maxVersion: 11 },
      { apiKey: 3, minVersion: 0, maxVersion: 12 },
      { apiKey: 18, minVersion: 0, maxVersion: 4 },
    ]);
    // And byte for byte: size, correlation id, error 35, array of 3 entries.
    expect(frame.subarray(4, 14).toString("hex")).toBe("0000002a002300000003");
  });

  it("uses response header v0 even for flexible ApiVersions versions", () => {
    const frame = encodeApiVersionsAnswer(7, answerApiVersions(3, supported));
    // v0 header: correlation id directly followed by the body's int16 error code, no tagged-field byte.
    expect(frame.readInt32BE(4)).toBe(7);
    expect(frame.readInt16BE(8)).toBe(0);
  });

  it("validates client software names and versions", () => {
    expect(isValidClientSoftware("apache-kafka-java", "3.9.0")).toBe(true);
    expect(isValidClientSoftware("librdkafka", "2.3.0")).toBe(true);
    expect(isValidClientSoftware("-bad", "1")).toBe(false);
    expect(isValidClientSoftware("ok", "1.0 beta")).toBe(false);
    expect(isValidClientSoftware("", "1")).toBe(false);
  });
});

describe("the generated tables", () => {
  it("know every error code of the spec by name", () => {
    expect(ErrorCode.UNSUPPORTED_VERSION).toBe(35);
    expect(ErrorCode.UNKNOWN_SERVER_ERROR).toBe(-1);
    expect(errorCodeName(6)).toBe("NOT_LEADER_OR_FOLLOWER");
    expect(errorCodeName(99999)).toBeUndefined();
  });

  it("leave out versions marked unstable", () => {
    // ConsumerGroupHeartbeat has versions 0-1 of which 1 is unstable; the share-group APIs have none.
    expect(apiTable[68].maxVersion).toBe(0);
    expect(unstableApis.map((a) => a.key)).toEqual([76, 77, 78, 79, 83, 84, 85, 86, 87]);
    expect(apiTable[0].maxVersion).toBe(11);
    expect(apiTable[1].maxVersion).toBe(17);
  });
});
