/**
 * Property: for every request and response of every API, at every stable
 * version, encode → decode gives back the value (including unknown tagged
 * fields at every nesting level), and re-encoding gives back the same bytes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as gen from "../src/gen/index.js";
import type { ApiKey } from "../src/index.js";
import {
  apiTable,
  decodeRequest,
  decodeResponse,
  encodeRequest,
  encodeResponse,
  Reader,
  Writer,
} from "../src/index.js";
import { messageArb, normalize, specs, stableVersions } from "./support/arbitrary.js";

type Codec = {
  read: (r: Reader, v: number) => unknown;
  write: (w: Writer, o: unknown, v: number) => void;
};

function codecOf(name: string): Codec {
  const g = gen as unknown as Record<string, Codec["read"] & Codec["write"]>;
  return { read: g[`read${name}`] as Codec["read"], write: g[`write${name}`] as Codec["write"] };
}

function encode(codec: Codec, value: unknown, v: number): Buffer {
  const w = new Writer();
  codec.write(w, value, v);
  return Buffer.from(w.finish());
}

const RUNS = Number(process.env.PROPERTY_RUNS ?? 25);

const apiMessages = specs.filter(
  (s) => s.apiKey !== undefined && (s.type === "request" || s.type === "response"),
);
const otherMessages = specs.filter((s) => s.apiKey === undefined);

describe("every API message round-trips at every stable version", () => {
  for (const msg of apiMessages) {
    const api = apiTable[msg.apiKey as ApiKey];
    if (api === undefined) continue;
    const versions = stableVersions(msg, { lo: api.minVersion, hi: api.maxVersion });
    for (const v of versions) {
      it(`${msg.name} v${v}`, () => {
        const codec = codecOf(msg.name);
        fc.assert(
          fc.property(
            messageArb({ ...msg, stableVersions: { lo: api.minVersion, hi: api.maxVersion } }, v),
            (value) => {
              const bytes = encode(codec, value, v);
              const r = new Reader(bytes);
              const decoded = codec.read(r, v);
              expect(r.error).toBeNull();
              expect(r.remaining).toBe(0);
              expect(normalize(decoded)).toEqual(normalize(value));
              expect(encode(codec, decoded, v).equals(bytes)).toBe(true);
            },
          ),
          { numRuns: RUNS },
        );
      });
    }
  }
});

describe("whole frames round-trip through the header codecs", () => {
  for (const msg of apiMessages) {
    const key = msg.apiKey as ApiKey;
    const api = apiTable[key];
    if (api === undefined) continue;
    const versions = [api.minVersion, api.maxVersion];
    for (const v of new Set(versions)) {
      it(`${msg.name} v${v} as a frame`, () => {
        fc.assert(
          fc.property(
            messageArb({ ...msg, stableVersions: { lo: api.minVersion, hi: api.maxVersion } }, v),
            fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
            fc.option(fc.string({ maxLength: 10 }), { nil: null }),
            (value, correlationId, clientId) => {
              if (msg.type === "request") {
                const frame = encodeRequest(key, v, { correlationId, clientId }, value as never);
                expect(frame.readInt32BE(0)).toBe(frame.byteLength - 4);
                const decoded = decodeRequest(frame.subarray(4));
                if (!decoded.ok) throw new Error(decoded.error.message);
                expect(decoded.value.apiKey).toBe(key);
                expect(decoded.value.apiVersion).toBe(v);
                expect(decoded.value.header.correlationId).toBe(correlationId);
                // ControlledShutdown v0 uses header v0, which has no client id.
                if (!(key === 7 && v === 0)) expect(decoded.value.header.clientId).toBe(clientId);
                expect(normalize(decoded.value.body)).toEqual(normalize(value));
              } else {
                const frame = encodeResponse(key, v, correlationId, value as never);
                const decoded = decodeResponse(key, v, frame.subarray(4));
                if (!decoded.ok) throw new Error(decoded.error.message);
                expect(decoded.value.header.correlationId).toBe(correlationId);
                expect(normalize(decoded.value.body)).toEqual(normalize(value));
              }
            },
          ),
          { numRuns: 10 },
        );
      });
    }
  }
});

describe("headers and data messages round-trip", () => {
  for (const msg of otherMessages) {
    for (const v of stableVersions(msg)) {
      it(`${msg.name} v${v}`, () => {
        const codec = codecOf(msg.name);
        fc.assert(
          fc.property(messageArb(msg, v), (value) => {
            const bytes = encode(codec, value, v);
            const r = new Reader(bytes);
            const decoded = codec.read(r, v);
            expect(r.error).toBeNull();
            expect(normalize(decoded)).toEqual(normalize(value));
            expect(encode(codec, decoded, v).equals(bytes)).toBe(true);
          }),
          { numRuns: RUNS },
        );
      });
    }
  }
});

it("covers every API key from 0 to 87", () => {
  const keys = new Set(apiMessages.map((m) => m.apiKey));
  for (let k = 0; k <= 87; k++) expect(keys.has(k)).toBe(true);
});
