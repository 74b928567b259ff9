/**
 * The tenant model's pure parts: logical-cluster ids, namespacing in both
 * directions (including names that use the separator or another tenant's
 * id), API-key secrets kept as salted hashes, SCRAM by RFC 7677's vector.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  hashApiKeySecret,
  isApiKeyId,
  isLogicalClusterId,
  Namespace,
  newApiKey,
  newLogicalClusterId,
  scramCredential,
  verifyApiKeySecret,
  verifyScramProof,
} from "../src/index.js";

describe("logical-cluster ids", () => {
  it("are lkc- and six unambiguous characters, and nothing else passes", () => {
    const ids = Array.from({ length: 200 }, () => newLogicalClusterId());
    for (const id of ids) expect(isLogicalClusterId(id)).toBe(true);
    expect(new Set(ids).size).toBeGreaterThan(190);
    for (const bad of ["lkc-", "lkc-abcdef1", "lkc-ABCDEF", "lkc-abcdel", "lkd-abcdef", "lkc-abc_ef"]) {
      expect(isLogicalClusterId(bad)).toBe(false);
    }
  });
});

describe("namespacing", () => {
  const mine = new Namespace("lkc-abc123");
  const other = new Namespace("lkc-xyz789");

  it("maps any name in and back out, and only its own names out", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (name) => {
        const internal = mine.toInternal(name);
        expect(mine.toExternal(internal)).toBe(name);
        expect(other.toExternal(internal)).toBeUndefined();
        expect(other.owns(internal)).toBe(false);
      }),
    );
  });

  it("keeps names that use the separator or another tenant's id inside the namespace", () => {
    const sneaky = "lkc-xyz789_orders";
    const internal = mine.toInternal(sneaky);
    expect(internal).toBe("lkc-abc123_lkc-xyz789_orders");
    expect(other.owns(internal)).toBe(false);
    expect(other.toInternal("orders")).not.toBe(internal);
    expect(mine.toExternal(internal)).toBe(sneaky);
    // A stored name without the prefix belongs to no tenant.
    expect(mine.toExternal("__consumer_offsets")).toBeUndefined();
  });

  it("refuses topic names Kafka refuses, with the prefix counted in the length", () => {
    expect(mine.topicNameMax).toBe(249 - "lkc-abc123_".length);
    expect(mine.topicNameProblem("orders")).toBeUndefined();
    expect(mine.topicNameProblem("a".repeat(mine.topicNameMax))).toBeUndefined();
    expect(mine.topicNameProblem("a".repeat(mine.topicNameMax + 1))).toMatch(/can't be longer than 238/);
    expect(mine.topicNameProblem("")).toMatch(/can't be empty/);
    expect(mine.topicNameProblem("..")).toMatch(/cannot be/);
    expect(mine.topicNameProblem("or ders")).toMatch(/illegal/);
  });

  it("refuses a malformed logical-cluster id", () => {
    expect(() => new Namespace("tenant-1")).toThrow(/not a logical-cluster id/);
  });
});

describe("API keys", () => {
  it("verify their own secret only, from a salted hash, and an unknown key never", () => {
    const k = newApiKey();
    expect(isApiKeyId(k.key)).toBe(true);
    expect(k.secret).toHaveLength(64);
    const stored = hashApiKeySecret(k.secret);
    expect(Buffer.from(stored.hash).toString()).not.toContain(k.secret);
    expect(verifyApiKeySecret(stored, k.secret)).toBe(true);
    expect(verifyApiKeySecret(stored, `${k.secret.slice(0, -1)}x`)).toBe(false);
    expect(verifyApiKeySecret(undefined, k.secret)).toBe(false);
    // Two hashes of one secret differ (each has its own salt) and both verify.
    const again = hashApiKeySecret(k.secret);
    expect(Buffer.from(again.hash).equals(Buffer.from(stored.hash))).toBe(false);
    expect(verifyApiKeySecret(again, k.secret)).toBe(true);
  });
});

describe("SCRAM", () => {
  // RFC 7677, section 3.
  const clientFirstBare = "n=user,r=rOprNGfwEbeRWgbNEkqO";
  const serverFirst =
    "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
  const clientFinalWithoutProof = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
  const authMessage = `${clientFirstBare},${serverFirst},${clientFinalWithoutProof}`;
  const credential = scramCredential(
    "SCRAM-SHA-256",
    "pencil",
    4096,
    Buffer.from("W22ZaJ0SNY7soEsUEjb6gQ==", "base64"),
  );

  it("accepts RFC 7677's client proof and answers its server signature", () => {
    const proof = Buffer.from("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=", "base64");
    const signature = verifyScramProof(credential, authMessage, proof);
    expect(signature && Buffer.from(signature).toString("base64")).toBe(
      "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=",
    );
  });

  it("refuses a proof made for another nonce or password", () => {
    const proof = Buffer.from("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=", "base64");
    expect(verifyScramProof(credential, authMessage.replace("k0", "k1"), proof)).toBeNull();
    const otherPassword = scramCredential("SCRAM-SHA-256", "pencil2", 4096, credential.salt);
    expect(verifyScramProof(otherPassword, authMessage, proof)).toBeNull();
    expect(verifyScramProof(credential, authMessage, proof.subarray(1))).toBeNull();
  });

  it("refuses fewer iterations than Kafka accepts", () => {
    expect(() => scramCredential("SCRAM-SHA-512", "p", 1000)).toThrow(/at least 4096/);
    expect(scramCredential("SCRAM-SHA-512", "p").storedKey).toHaveLength(64);
  });
});
