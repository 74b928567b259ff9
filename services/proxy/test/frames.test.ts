import { ApiKeys, encodeRequest, encodeResponse } from "@runnel/kafka-protocol";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type RequestCaps, type RequestPiece, RequestScanner, ResponseScanner } from "../src/frames.js";

const CAPS: RequestCaps = { maxFrameBytes: 64 * 1024, preAuthMaxFrameBytes: 1024, anonymous: false };

/** A request frame with a real header and `bodyBytes` of filler (the proxy never reads the body). */
function rawRequest(apiKey: number, correlationId: number, bodyBytes: number): Buffer {
  const size = 8 + bodyBytes;
  const b = Buffer.alloc(4 + size, correlationId & 0xff);
  b.writeInt32BE(size, 0);
  b.writeInt16BE(apiKey, 4);
  b.writeInt16BE(1, 6);
  b.writeInt32BE(correlationId, 8);
  return b;
}

function saslAuthenticate(correlationId: number, authBytes: string): Buffer {
  return encodeRequest(
    ApiKeys.SaslAuthenticate,
    2,
    { correlationId, clientId: "c" },
    { authBytes: Buffer.from(authBytes) },
  );
}

/** Feeds `input` to a scanner in pieces cut at `cuts`; returns every piece. */
function scan(scanner: RequestScanner, input: Buffer, cuts: number[]): RequestPiece[] {
  const points = [...new Set(cuts.map((c) => c % (input.byteLength + 1)))].sort((a, b) => a - b);
  const out: RequestPiece[] = [];
  let from = 0;
  for (const p of [...points, input.byteLength]) {
    if (p <= from) continue;
    out.push(...scanner.push(input.subarray(from, p)));
    from = p;
  }
  return out;
}

/** What the proxy would send on: the bytes and held frames in order. */
function forwarded(pieces: RequestPiece[]): Buffer {
  return Buffer.concat(
    pieces.flatMap((p) => (p.kind === "bytes" ? [p.data] : p.kind === "error" ? [] : [p.frame])),
  );
}

/** A bare SASL token: a size prefix and the bytes. */
function token(text: string): Buffer {
  const b = Buffer.alloc(4 + Buffer.byteLength(text));
  b.writeInt32BE(b.byteLength - 4, 0);
  b.write(text, 4);
  return b;
}

describe("RequestScanner", () => {
  it("forwards any stream of requests unchanged however it is cut, holding exactly the SASL-exchange frames whole", () => {
    const frame = fc.oneof(
      fc.record({ apiKey: fc.constantFrom(0, 1, 3, 9), size: fc.integer({ min: 0, max: 3000 }) }),
      fc.record({ apiKey: fc.constantFrom(18, 17, 36), size: fc.integer({ min: 0, max: 900 }) }),
    );
    fc.assert(
      fc.property(
        fc.array(frame, { maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 40 }),
        (frames, cuts) => {
          const scanner = new RequestScanner(CAPS);
          scanner.authenticated = true;
          const encoded = frames.map((f, i) => rawRequest(f.apiKey, i, f.size));
          const input = Buffer.concat(encoded);
          const pieces = scan(scanner, input, cuts);
          expect(pieces.some((p) => p.kind === "error")).toBe(false);
          expect(forwarded(pieces).equals(input)).toBe(true);
          const held = pieces.flatMap((p) => (p.kind === "auth" ? [p] : []));
          const expected = encoded.filter((_, i) => [17, 18, 36].includes(frames[i]?.apiKey as number));
          expect(held.map((p) => p.frame)).toEqual(expected);
          for (const h of held) expect(h.frame.readInt32BE(8)).toBe(h.start.correlationId);
        },
      ),
    );
  });

  it("refuses a frame over the pre-authentication cap before forwarding any byte of it", () => {
    const scanner = new RequestScanner(CAPS);
    const ok = rawRequest(ApiKeys.Metadata, 1, 100);
    const big = rawRequest(ApiKeys.Produce, 2, 1024);
    const pieces = scan(scanner, Buffer.concat([ok, big]), [3, 50, 112, 130]);
    expect(forwarded(pieces).equals(ok)).toBe(true);
    const error = pieces.at(-1);
    expect(error?.kind).toBe("error");
    expect(error?.kind === "error" && error.reason).toMatch(
      /pre-authentication frame of 1032 bytes .* 1024 byte cap/,
    );
    // Sticky: the stream is unusable from here.
    expect(scanner.push(ok)[0]?.kind).toBe("error");
  });

  it("lifts the cap to the frame cap once authenticated, and refuses frames over it", () => {
    const scanner = new RequestScanner(CAPS);
    scanner.authenticated = true;
    const produce = rawRequest(ApiKeys.Produce, 1, 50_000);
    expect(forwarded(scanner.push(produce)).equals(produce)).toBe(true);
    const tooBig = scanner.push(rawRequest(ApiKeys.Produce, 2, 64 * 1024));
    expect(tooBig).toEqual([
      { kind: "error", reason: expect.stringMatching(/^frame of 65544 bytes/), tooLarge: true },
    ]);
  });

  it("holds frames of the SASL exchange to the pre-authentication cap even once authenticated", () => {
    const scanner = new RequestScanner(CAPS);
    scanner.authenticated = true;
    const pieces = scanner.push(rawRequest(ApiKeys.SaslAuthenticate, 1, 2000));
    expect(pieces[0]?.kind).toBe("error");
  });

  it("in anonymous mode, counts the first request outside the SASL exchange as authenticated", () => {
    const scanner = new RequestScanner({ ...CAPS, anonymous: true });
    const versions = rawRequest(ApiKeys.ApiVersions, 1, 20);
    const produce = rawRequest(ApiKeys.Produce, 2, 30_000);
    const pieces = scanner.push(Buffer.concat([versions, produce]));
    expect(pieces.some((p) => p.kind === "error")).toBe(false);
    expect(scanner.authenticated).toBe(true);
    expect(forwarded(pieces).equals(Buffer.concat([versions, produce]))).toBe(true);
  });

  it("without anonymous mode, a first request outside the SASL exchange keeps the pre-authentication cap", () => {
    const scanner = new RequestScanner(CAPS);
    expect(scanner.push(rawRequest(ApiKeys.Metadata, 1, 10))[0]?.kind).toBe("bytes");
    expect(scanner.authenticated).toBe(false);
    expect(scanner.push(rawRequest(ApiKeys.Produce, 2, 2000))[0]?.kind).toBe("error");
  });

  it("refuses a size prefix too small for a request header, or negative", () => {
    for (const size of [-1, 0, 7]) {
      const b = Buffer.alloc(12);
      b.writeInt32BE(size, 0);
      const pieces = new RequestScanner(CAPS).push(b);
      expect(pieces).toEqual([
        { kind: "error", reason: expect.stringContaining("shorter than a request header"), tooLarge: false },
      ]);
    }
  });

  it("hands out a real SaslAuthenticate request whole, byte for byte", () => {
    const frame = saslAuthenticate(7, "\0key\0secret");
    const pieces = scan(new RequestScanner(CAPS), frame, [1, 5, 11, 13]);
    expect(pieces).toHaveLength(1);
    const p = pieces[0];
    expect(p?.kind === "auth" && p.frame.equals(frame)).toBe(true);
    expect(p?.kind === "auth" && p.start).toEqual({
      apiKey: ApiKeys.SaslAuthenticate,
      apiVersion: 2,
      correlationId: 7,
      size: frame.byteLength - 4,
    });
  });
});

describe("RequestScanner after SaslHandshake v0", () => {
  it("hands out the expected bare tokens whole (short or empty ones too), then scans requests again", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 20 }), (cuts) => {
        const scanner = new RequestScanner(CAPS);
        scanner.rawTokens = 2;
        const first = token("n,,n=lkc-abc123_alice,r=nonce");
        const second = token("");
        const request = rawRequest(ApiKeys.Metadata, 3, 30);
        const input = Buffer.concat([first, second, request]);
        const pieces = scan(scanner, input, cuts);
        expect(pieces.filter((p) => p.kind === "token").map((p) => p.kind === "token" && p.frame)).toEqual([
          first,
          second,
        ]);
        expect(forwarded(pieces).equals(input)).toBe(true);
        expect(scanner.rawTokens).toBe(0);
      }),
    );
  });

  it("holds bare tokens to the pre-authentication cap", () => {
    const scanner = new RequestScanner(CAPS);
    scanner.rawTokens = 1;
    const pieces = scanner.push(token("x".repeat(1025)));
    expect(pieces).toEqual([
      { kind: "error", reason: expect.stringMatching(/SASL token of 1025 bytes/), tooLarge: true },
    ]);
  });
});

describe("ResponseScanner", () => {
  const response = (correlationId: number, errorCode: number) =>
    encodeResponse(ApiKeys.SaslAuthenticate, 2, correlationId, {
      errorCode,
      errorMessage: null,
      authBytes: Buffer.from("server-final"),
      sessionLifetimeMs: 0n,
    });
  const other = (correlationId: number, bytes: number) => {
    const b = Buffer.alloc(8 + bytes, 1);
    b.writeInt32BE(4 + bytes, 0);
    b.writeInt32BE(correlationId, 4);
    return b;
  };

  it("copies out only watched responses, whole, however the stream is cut", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 30 }), (cuts) => {
        const scanner = new ResponseScanner(1024);
        scanner.watch(2);
        const watched = response(2, 0);
        const input = Buffer.concat([other(1, 500), watched, other(3, 0), response(4, 0)]);
        const points = [...new Set(cuts.map((c) => c % (input.byteLength + 1)))].sort((a, b) => a - b);
        const events = [];
        let from = 0;
        for (const p of [...points, input.byteLength]) {
          if (p <= from) continue;
          events.push(...scanner.push(input.subarray(from, p)));
          from = p;
        }
        expect(events).toEqual([{ kind: "response", response: { correlationId: 2, frame: watched } }]);
      }),
    );
  });

  it("notes the end of each expected bare token, empty ones too, then reads responses again", () => {
    const scanner = new ResponseScanner(1024);
    scanner.expectTokens(2);
    scanner.watch(5);
    const watched = response(5, 0);
    const input = Buffer.concat([token(""), token("server-final"), watched]);
    const events = [];
    for (let i = 0; i < input.byteLength; i++) events.push(...scanner.push(input.subarray(i, i + 1)));
    expect(events).toEqual([
      { kind: "token" },
      { kind: "token" },
      { kind: "response", response: { correlationId: 5, frame: watched } },
    ]);
  });

  it("lets a watched response larger than its bound pass uncopied", () => {
    const scanner = new ResponseScanner(100);
    scanner.watch(1);
    expect(scanner.push(other(1, 200))).toEqual([]);
  });

  it("refuses a response shorter than its correlation id", () => {
    const b = Buffer.alloc(8);
    b.writeInt32BE(2, 0);
    expect(new ResponseScanner(100).push(b)[0]?.kind).toBe("error");
  });
});
