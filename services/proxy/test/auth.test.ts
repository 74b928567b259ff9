import { ApiKeys, decodeResponse, ErrorCode, encodeRequest, encodeResponse } from "@runnel/kafka-protocol";
import { emptyImage } from "@runnel/metadata";
import { describe, expect, it } from "vitest";
import {
  authenticateBytes,
  authenticateErrorCode,
  handshakeErrorCode,
  handshakeOf,
  loginOf,
  refuseAuthenticate,
  saslRounds,
  tenantOf,
} from "../src/auth.js";
import { imageWith } from "./support.js";

describe("loginOf", () => {
  it("reads PLAIN's authcid, with or without an authzid", () => {
    expect(loginOf("PLAIN", Buffer.from("\0ABCDEFGH\0secret"))).toBe("ABCDEFGH");
    expect(loginOf("PLAIN", Buffer.from("someone\0ABCDEFGH\0secret"))).toBe("ABCDEFGH");
    expect(loginOf("PLAIN", Buffer.from("ABCDEFGH:secret"))).toBeUndefined();
    expect(loginOf("PLAIN", Buffer.from("\0\0secret"))).toBeUndefined();
  });

  it("reads the SCRAM client-first username, unescaping =2C and =3D", () => {
    expect(loginOf("SCRAM-SHA-256", Buffer.from("n,,n=lkc-abc123_alice,r=fyko+d2lbbFgONRv9qkxdawL"))).toBe(
      "lkc-abc123_alice",
    );
    expect(loginOf("SCRAM-SHA-512", Buffer.from("n,a=admin,n=lkc-abc123_a=2Cb=3Dc,r=x"))).toBe(
      "lkc-abc123_a,b=c",
    );
    expect(loginOf("SCRAM-SHA-512", Buffer.from("y,,m=ext,n=u,r=x"))).toBe("u");
    expect(loginOf("SCRAM-SHA-256", Buffer.from("n,,r=nonce"))).toBeUndefined();
    expect(loginOf("SCRAM-SHA-256", Buffer.from("garbage"))).toBeUndefined();
  });

  it("knows no login for other mechanisms", () => {
    expect(loginOf("OAUTHBEARER", Buffer.from("n,,\x01auth=Bearer x\x01\x01"))).toBeUndefined();
  });
});

describe("tenantOf", () => {
  const image = imageWith({ apiKeys: { ABCDEFGH: "lkc-abc123" }, scram: { "lkc-xyz789_bob": "lkc-xyz789" } });

  it("finds an API key's logical cluster, and a SCRAM login's for its mechanism", () => {
    expect(tenantOf(image, "PLAIN", "ABCDEFGH")).toBe("lkc-abc123");
    expect(tenantOf(image, "SCRAM-SHA-256", "lkc-xyz789_bob")).toBe("lkc-xyz789");
    expect(tenantOf(image, "SCRAM-SHA-512", "lkc-xyz789_bob")).toBeUndefined();
    expect(tenantOf(image, "PLAIN", "UNKNOWN")).toBeUndefined();
    expect(tenantOf(emptyImage(), "SCRAM-SHA-256", "lkc-xyz789_bob")).toBeUndefined();
  });
});

describe("the SASL frames the proxy reads", () => {
  it("reads the handshake's mechanism and version, and its answer's error code", () => {
    for (const v of [0, 1]) {
      const f = encodeRequest(
        ApiKeys.SaslHandshake,
        v,
        { correlationId: 1, clientId: null },
        { mechanism: "PLAIN" },
      );
      expect(handshakeOf(f)).toEqual({ mechanism: "PLAIN", version: v });
      const answer = encodeResponse(ApiKeys.SaslHandshake, v, 1, { errorCode: 33, mechanisms: ["PLAIN"] });
      expect(handshakeErrorCode(v, answer)).toBe(33);
    }
    const other = encodeRequest(
      ApiKeys.ApiVersions,
      0,
      { correlationId: 1, clientId: null },
      { clientSoftwareName: "", clientSoftwareVersion: "" },
    );
    expect(handshakeOf(other)).toEqual({ error: "not a SaslHandshake request" });
  });

  it("counts the bare-token rounds of the mechanisms it can follow after SaslHandshake v0", () => {
    expect(saslRounds("PLAIN")).toBe(1);
    expect(saslRounds("SCRAM-SHA-256")).toBe(2);
    expect(saslRounds("SCRAM-SHA-512")).toBe(2);
    expect(saslRounds("GSSAPI")).toBe(0);
  });

  it("reads SaslAuthenticate's auth bytes at every version", () => {
    for (const v of [0, 1, 2]) {
      const f = encodeRequest(
        ApiKeys.SaslAuthenticate,
        v,
        { correlationId: 1, clientId: "x" },
        { authBytes: Buffer.from("\0k\0s") },
      );
      const got = authenticateBytes(f);
      expect("bytes" in got && Buffer.from(got.bytes).toString()).toBe("\0k\0s");
    }
  });

  it("reads the error code of a SaslAuthenticate response at every version", () => {
    for (const v of [0, 1, 2]) {
      const f = encodeResponse(ApiKeys.SaslAuthenticate, v, 9, {
        errorCode: 58,
        errorMessage: "bad",
        authBytes: new Uint8Array(0),
        sessionLifetimeMs: 0n,
      });
      expect(authenticateErrorCode(v, f)).toBe(58);
    }
    expect(authenticateErrorCode(2, Buffer.from([0, 0, 0, 1, 0]))).toBeUndefined();
  });

  it("answers a refused SaslAuthenticate with POLICY_VIOLATION (connections) or THROTTLING_QUOTA_EXCEEDED (rate) and the reason, at the request's version", () => {
    for (const v of [0, 1, 2]) {
      const f = refuseAuthenticate(v, 42, "connection limit of 3 for this cluster reached");
      expect(f.readInt32BE(0)).toBe(f.byteLength - 4);
      const d = decodeResponse(ApiKeys.SaslAuthenticate, v, f.subarray(4));
      expect(d.ok && d.value.header.correlationId).toBe(42);
      expect(d.ok && d.value.body.errorCode).toBe(ErrorCode.POLICY_VIOLATION);
      expect(d.ok && d.value.body.errorMessage).toBe("connection limit of 3 for this cluster reached");
      const rate = decodeResponse(
        ApiKeys.SaslAuthenticate,
        v,
        refuseAuthenticate(v, 7, "r", "rate").subarray(4),
      );
      expect(rate.ok && rate.value.body.errorCode).toBe(ErrorCode.THROTTLING_QUOTA_EXCEEDED);
    }
  });
});
