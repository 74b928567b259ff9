/**
 * Hostile input for every request decoder, at every stable version: truncated
 * frames, random bytes, every 4-byte position set to INT32_MAX and to -1, every
 * byte set to 0xff (endless varints), and random mutations. The decoder must
 * return a typed error or a value, never throw, and never build more than a
 * small multiple of its input.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ApiKey, apiTable, type DecodeErrorCode, decodeRequest, encodeRequest } from "../src/index.js";
import { messageArb, specs } from "./support/arbitrary.js";

/** A deterministic PRNG (xorshift32), so every run fuzzes the same inputs. */
function prng(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const CODES: ReadonlySet<DecodeErrorCode> = new Set<DecodeErrorCode>([
  "TRUNCATED",
  "INVALID_LENGTH",
  "INVALID_VARINT",
  "TAGGED_FIELD_TOO_LARGE",
  "TAGGED_FIELD_SIZE_MISMATCH",
  "UNEXPECTED_NULL",
  "UNKNOWN_API_KEY",
  "UNSUPPORTED_VERSION",
]);

/**
 * A measure of what a decoded value holds: one unit per object, array slot,
 * number and string character. Byte fields are views and cost nothing.
 */
function footprint(x: unknown): number {
  if (x instanceof Uint8Array) return 1;
  if (Array.isArray(x)) return x.reduce((n: number, e) => n + footprint(e), 1);
  if (typeof x === "string") return 1 + x.length;
  if (typeof x === "object" && x !== null) {
    return Object.values(x).reduce((n: number, e) => n + footprint(e), 1);
  }
  return 1;
}

/**
 * The largest footprint per input byte the decoders may produce. A struct of
 * many fields can be carried by a few bytes (fields absent at a version take
 * their defaults), so the bound is a multiple, not one.
 */
const FOOTPRINT_PER_BYTE = 24;
let worstRatio = 0;

function check(frame: Buffer): void {
  let result: ReturnType<typeof decodeRequest>;
  try {
    result = decodeRequest(frame);
  } catch (e) {
    throw new Error(`decoder threw on ${frame.toString("hex").slice(0, 200)}: ${String(e)}`);
  }
  if (result.ok) {
    const ratio = footprint(result.value) / (frame.byteLength + 8);
    worstRatio = Math.max(worstRatio, ratio);
    expect(ratio).toBeLessThanOrEqual(FOOTPRINT_PER_BYTE);
  } else {
    expect(CODES.has(result.error.code)).toBe(true);
    expect(result.error.offset).toBeGreaterThanOrEqual(0);
    expect(result.error.offset).toBeLessThanOrEqual(frame.byteLength);
  }
}

function mutations(valid: Buffer, rand: () => number): Buffer[] {
  const out: Buffer[] = [];
  // Every truncation.
  for (let n = 0; n < valid.byteLength; n++) out.push(valid.subarray(0, n));
  // Every 4-byte window (after the api key and version) as INT32_MAX, -1 and INT32_MIN.
  for (let i = 4; i + 4 <= valid.byteLength; i++) {
    for (const x of [0x7fffffff, -1, -0x80000000]) {
      const b = Buffer.from(valid);
      b.writeInt32BE(x, i);
      out.push(b);
    }
  }
  // Every 2-byte window as INT16_MAX (string lengths) and every byte as 0xff (varints).
  for (let i = 4; i < valid.byteLength; i++) {
    const b = Buffer.from(valid);
    b[i] = 0xff;
    out.push(b);
    if (i + 2 <= valid.byteLength) {
      const c = Buffer.from(valid);
      c.writeInt16BE(0x7fff, i);
      out.push(c);
    }
  }
  // Random byte flips.
  for (let k = 0; k < 40; k++) {
    const b = Buffer.from(valid);
    const flips = 1 + Math.floor(rand() * 4);
    for (let j = 0; j < flips && b.byteLength > 4; j++)
      b[4 + Math.floor(rand() * (b.byteLength - 4))] = Math.floor(rand() * 256);
    out.push(b);
  }
  return out;
}

const requests = specs.filter((s) => s.type === "request" && s.apiKey !== undefined);

describe("request decoders survive hostile input", () => {
  for (const msg of requests) {
    const key = msg.apiKey as ApiKey;
    const api = apiTable[key];
    if (api === undefined) continue;
    it(`${msg.name} v${api.minVersion}-${api.maxVersion}`, () => {
      const rand = prng(key * 7919 + 1);
      for (let v = api.minVersion; v <= api.maxVersion; v++) {
        const samples = fc.sample(
          messageArb({ ...msg, stableVersions: { lo: api.minVersion, hi: api.maxVersion } }, v),
          {
            numRuns: 2,
            seed: key * 100 + v,
          },
        );
        for (const value of samples) {
          const frame = encodeRequest(
            key,
            v,
            { correlationId: 7, clientId: "fuzz" },
            value as never,
          ).subarray(4);
          check(frame);
          for (const m of mutations(frame, rand)) check(m);
        }
        // Random bytes behind a valid api key and version.
        for (let k = 0; k < 30; k++) {
          const b = Buffer.alloc(Math.floor(rand() * 200) + 4);
          for (let i = 4; i < b.byteLength; i++) b[i] = Math.floor(rand() * 256);
          b.writeInt16BE(key, 0);
          b.writeInt16BE(v, 2);
          check(b);
        }
      }
    });
  }

  it("keeps the decoded footprint a small multiple of the input", () => {
    expect(worstRatio).toBeGreaterThan(0);
    console.log(`worst decoded footprint per input byte: ${worstRatio.toFixed(2)}`);
    expect(worstRatio).toBeLessThanOrEqual(FOOTPRINT_PER_BYTE);
  });
});

describe("random frames", () => {
  it("never make a decoder throw", () => {
    const rand = prng(42);
    for (let k = 0; k < 3000; k++) {
      const b = Buffer.alloc(Math.floor(rand() * 64));
      for (let i = 0; i < b.byteLength; i++) b[i] = Math.floor(rand() * 256);
      check(b);
    }
  });
});
