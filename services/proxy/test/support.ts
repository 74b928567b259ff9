/**
 * Test material: metadata images with brokers, API keys, SCRAM logins and
 * tenant quotas; a directory whose image a test replaces; a fake broker that
 * answers the SASL exchange with real codecs and every other frame with
 * `[correlation id][broker id][frame size]`; a bare client connection.
 */
import { createServer, type Server, Socket } from "node:net";
import {
  ApiKeys,
  decodeRequest,
  decodeResponse,
  encodeRequest,
  encodeResponse,
  FrameReader,
} from "@runnel/kafka-protocol";
import {
  type ApiKeyImage,
  type BrokerImage,
  emptyImage,
  type MetadataImage,
  type ScramCredentialImage,
} from "@runnel/metadata";
import type { Directory } from "../src/proxy.js";

export interface ImageSpec {
  /** Broker id → its INTERNAL port on 127.0.0.1. */
  brokers?: Record<number, number>;
  fenced?: number[];
  /** API key → logical cluster. */
  apiKeys?: Record<string, string>;
  /** SCRAM-SHA-256 login → logical cluster. */
  scram?: Record<string, string>;
  /** Logical cluster → quota key → value. */
  quotas?: Record<string, Record<string, number>>;
}

export function imageWith(spec: ImageSpec): MetadataImage {
  const brokers = new Map<number, BrokerImage>();
  for (const [id, port] of Object.entries(spec.brokers ?? {})) {
    brokers.set(Number(id), {
      id: Number(id),
      epoch: 1n,
      incarnationId: new Uint8Array(16),
      zone: "",
      cell: "",
      endpoints: [
        { name: "PLAINTEXT", host: "127.0.0.1", port: 1 },
        { name: "INTERNAL", host: "127.0.0.1", port },
      ] as unknown as BrokerImage["endpoints"],
      fenced: spec.fenced?.includes(Number(id)) ?? false,
      inControlledShutdown: false,
    });
  }
  const apiKeys = new Map<string, ApiKeyImage>();
  for (const [key, lkc] of Object.entries(spec.apiKeys ?? {})) {
    apiKeys.set(key, {
      key,
      logicalClusterId: lkc,
      salt: new Uint8Array(16),
      hash: new Uint8Array(32),
      principal: `User:${key}`,
      admin: true,
      description: "",
      createdMs: 0n,
    });
  }
  const scramCredentials = new Map<string, Map<string, ScramCredentialImage>>();
  for (const [login, lkc] of Object.entries(spec.scram ?? {})) {
    scramCredentials.set(
      login,
      new Map([
        [
          "SCRAM-SHA-256",
          {
            logicalClusterId: lkc,
            user: login.slice(lkc.length + 1),
            mechanism: "SCRAM-SHA-256",
            salt: new Uint8Array(16),
            iterations: 4096,
            storedKey: new Uint8Array(32),
            serverKey: new Uint8Array(32),
          },
        ],
      ]),
    );
  }
  const tenantQuotas = new Map<string, Map<string, number>>();
  for (const [lkc, q] of Object.entries(spec.quotas ?? {})) tenantQuotas.set(lkc, new Map(Object.entries(q)));
  return { ...emptyImage(), lastOffset: 1n, brokers, apiKeys, scramCredentials, tenantQuotas };
}

export class FixedDirectory implements Directory {
  private readonly listeners = new Set<(image: MetadataImage) => void>();
  constructor(public image: MetadataImage) {}

  onChange(listener: (image: MetadataImage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  set(image: MetadataImage): void {
    this.image = image;
    for (const l of this.listeners) l(image);
  }
}

/** A stand-in broker: real answers to SaslHandshake and SaslAuthenticate, an echo of sizes to the rest. */
export class FakeBroker {
  readonly server: Server;
  /** The error code SaslAuthenticate answers with. */
  authErrorCode = 0;
  /** Bytes of every frame received, in order. */
  readonly received: number[] = [];
  port = 0;

  constructor(readonly id: number) {
    this.server = createServer((socket) => {
      const frames = new FrameReader({ maxFrameBytes: 1 << 30 }, true);
      /** Bare SASL tokens still expected after a SaslHandshake v0. */
      let rawTokens = 0;
      socket.on("error", () => {});
      socket.on("data", (chunk: Buffer) => {
        frames.push(chunk);
        for (let f = frames.next(); f !== null; f = frames.next()) {
          if (!f.ok) return socket.destroy();
          this.received.push(f.frame.byteLength);
          if (rawTokens > 0) {
            // SASL v0 has no error answer: a failed exchange closes the connection.
            if (this.authErrorCode !== 0) return socket.destroy();
            rawTokens--;
            const reply = Buffer.from(rawTokens === 0 ? "" : "server-first");
            const size = Buffer.alloc(4);
            size.writeInt32BE(reply.byteLength);
            socket.write(Buffer.concat([size, reply]));
            continue;
          }
          if (f.frame.readInt16BE(0) === ApiKeys.SaslHandshake && f.frame.readInt16BE(2) === 0) {
            const d = decodeRequest(f.frame);
            rawTokens =
              d.ok && d.value.apiKey === ApiKeys.SaslHandshake && d.value.body.mechanism === "PLAIN" ? 1 : 2;
          }
          socket.write(this.answer(f.frame));
        }
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    const a = this.server.address();
    this.port = typeof a === "object" && a !== null ? a.port : 0;
    return this;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private answer(frame: Buffer): Buffer {
    const apiKey = frame.readInt16BE(0);
    const apiVersion = frame.readInt16BE(2);
    const correlationId = frame.readInt32BE(4);
    if (apiKey === ApiKeys.SaslHandshake || apiKey === ApiKeys.SaslAuthenticate) {
      const d = decodeRequest(frame);
      if (!d.ok) throw new Error(d.error.message);
      if (apiKey === ApiKeys.SaslHandshake) {
        return encodeResponse(ApiKeys.SaslHandshake, apiVersion, correlationId, {
          errorCode: 0,
          mechanisms: ["PLAIN", "SCRAM-SHA-256"],
        });
      }
      return encodeResponse(ApiKeys.SaslAuthenticate, apiVersion, correlationId, {
        errorCode: this.authErrorCode,
        errorMessage: this.authErrorCode === 0 ? null : "Authentication failed",
        authBytes: new Uint8Array(0),
        sessionLifetimeMs: 0n,
      });
    }
    const out = Buffer.alloc(16);
    out.writeInt32BE(12, 0);
    out.writeInt32BE(correlationId, 4);
    out.writeInt32BE(this.id, 8);
    out.writeInt32BE(frame.byteLength, 12);
    return out;
  }
}

/** One client connection speaking frames. */
export class Client {
  readonly socket: Socket;
  private readonly frames = new FrameReader({ maxFrameBytes: 1 << 30 }, true);
  private readonly queue: Buffer[] = [];
  private waiting: ((f: Buffer | null) => void) | null = null;
  closed = false;
  private nextCorrelationId = 1;

  private constructor(socket: Socket) {
    this.socket = socket;
    socket.on("data", (chunk: Buffer) => {
      this.frames.push(chunk);
      for (let f = this.frames.next(); f !== null; f = this.frames.next()) {
        if (!f.ok) throw new Error(f.error.message);
        this.queue.push(f.frame);
      }
      this.wake();
    });
    socket.on("error", () => {});
    socket.on("close", () => {
      this.closed = true;
      this.wake();
    });
  }

  static connect(port: number, host = "127.0.0.1"): Promise<Client> {
    return new Promise((resolve, reject) => {
      const s = new Socket();
      s.once("error", reject);
      s.connect(port, host, () => resolve(new Client(s)));
    });
  }

  static wrap(socket: Socket): Client {
    return new Client(socket);
  }

  private wake(): void {
    const w = this.waiting;
    if (w === null) return;
    const f = this.queue.shift();
    if (f !== undefined) {
      this.waiting = null;
      w(f);
    } else if (this.closed) {
      this.waiting = null;
      w(null);
    }
  }

  /** The next response frame (without its size prefix), or null once the connection closed. */
  next(timeoutMs = 5_000): Promise<Buffer | null> {
    const f = this.queue.shift();
    if (f !== undefined) return Promise.resolve(f);
    if (this.closed) return Promise.resolve(null);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no frame in time")), timeoutMs);
      this.waiting = (x) => {
        clearTimeout(timer);
        resolve(x);
      };
    });
  }

  /** Resolves once the proxy closed the connection. */
  whenClosed(timeoutMs = 5_000): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("connection still open")), timeoutMs);
      this.socket.once("close", () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Sends a request frame of api key `apiKey` whose body is `bodyBytes` of filler; the fake broker echoes its size. */
  sendRaw(apiKey: number, bodyBytes: number): number {
    const correlationId = this.nextCorrelationId++;
    const b = Buffer.alloc(12 + bodyBytes);
    b.writeInt32BE(8 + bodyBytes, 0);
    b.writeInt16BE(apiKey, 4);
    b.writeInt16BE(0, 6);
    b.writeInt32BE(correlationId, 8);
    this.socket.write(b);
    return correlationId;
  }

  /** Sends a raw request and reads the fake broker's answer: which broker, and how big the frame was. */
  async echo(apiKey: number, bodyBytes: number): Promise<{ brokerId: number; frameBytes: number } | null> {
    const id = this.sendRaw(apiKey, bodyBytes);
    const f = await this.next();
    if (f === null) return null;
    if (f.readInt32BE(0) !== id) throw new Error("answer to another request");
    return { brokerId: f.readInt32BE(4), frameBytes: f.readInt32BE(8) };
  }

  /** SaslHandshake v1 then SaslAuthenticate v2; the SaslAuthenticate answer's error code and message, or null if closed. */
  async authenticate(
    mechanism: string,
    authBytes: string,
  ): Promise<{ errorCode: number; message: string | null } | null> {
    this.socket.write(
      encodeRequest(
        ApiKeys.SaslHandshake,
        1,
        { correlationId: this.nextCorrelationId++, clientId: "t" },
        { mechanism },
      ),
    );
    if ((await this.next()) === null) return null;
    this.socket.write(
      encodeRequest(
        ApiKeys.SaslAuthenticate,
        2,
        { correlationId: this.nextCorrelationId++, clientId: "t" },
        { authBytes: Buffer.from(authBytes) },
      ),
    );
    const f = await this.next();
    if (f === null) return null;
    const d = decodeResponse(ApiKeys.SaslAuthenticate, 2, f);
    if (!d.ok) throw new Error(d.error.message);
    return { errorCode: d.value.body.errorCode, message: d.value.body.errorMessage };
  }

  /** SaslHandshake v0, then each token bare; the broker's bare answers, or null once the connection closed. */
  async authenticateV0(mechanism: string, tokens: readonly string[]): Promise<Buffer[] | null> {
    this.socket.write(
      encodeRequest(
        ApiKeys.SaslHandshake,
        0,
        { correlationId: this.nextCorrelationId++, clientId: "t" },
        { mechanism },
      ),
    );
    if ((await this.next()) === null) return null;
    const answers: Buffer[] = [];
    for (const t of tokens) {
      const size = Buffer.alloc(4);
      size.writeInt32BE(Buffer.byteLength(t));
      this.socket.write(Buffer.concat([size, Buffer.from(t)]));
      const answer = await this.next();
      if (answer === null) return null;
      answers.push(answer);
    }
    return answers;
  }

  close(): void {
    this.socket.destroy();
  }
}

/** A port p such that p + 1 .. p + count are free on 127.0.0.1 now (outside the ephemeral range). */
export async function freePortBase(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 10_000);
    const servers: Server[] = [];
    let ok = true;
    for (let i = 1; i <= count && ok; i++) {
      const s = createServer();
      ok = await new Promise<boolean>((resolve) => {
        s.once("error", () => resolve(false));
        s.listen(base + i, "127.0.0.1", () => resolve(true));
      });
      if (ok) servers.push(s);
    }
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    if (ok) return base;
  }
  throw new Error(`no ${count} free consecutive ports`);
}
