/**
 * A bare Kafka connection for tests that need exact requests: any API, any
 * version, raw frames, one socket kept open so a test can check that the
 * broker still answers on it after a bad request.
 */
import { Socket } from "node:net";
import {
  type ApiKey,
  type ApiRequests,
  type ApiResponses,
  decodeResponse,
  encodeRequest,
  FrameReader,
} from "@runnel/kafka-protocol";

export class WireClient {
  private readonly socket = new Socket();
  private readonly frames = new FrameReader({}, true);
  private readonly pending = new Map<number, (frame: Buffer) => void>();
  private nextCorrelationId = 1;
  private closed = false;

  private constructor() {
    this.socket.on("data", (chunk: Buffer) => {
      this.frames.push(chunk);
      for (let f = this.frames.next(); f !== null; f = this.frames.next()) {
        if (!f.ok) throw new Error(f.error.message);
        const id = f.frame.readInt32BE(0);
        this.pending.get(id)?.(f.frame);
        this.pending.delete(id);
      }
    });
    this.socket.on("close", () => {
      this.closed = true;
      for (const resolve of this.pending.values()) resolve(Buffer.alloc(0));
      this.pending.clear();
    });
    this.socket.on("error", () => {});
  }

  static connect(port: number, host = "127.0.0.1"): Promise<WireClient> {
    const c = new WireClient();
    return new Promise((resolve, reject) => {
      c.socket.once("error", reject);
      c.socket.connect(port, host, () => resolve(c));
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Sends a request and decodes its response; rejects if the broker closes the connection instead. */
  async send<K extends ApiKey>(
    apiKey: K,
    version: number,
    body: ApiRequests[K],
    timeoutMs = 10_000,
  ): Promise<ApiResponses[K]> {
    const correlationId = this.nextCorrelationId++;
    const frame = await this.sendFrame(
      encodeRequest(apiKey, version, { correlationId, clientId: "e2e-wire" }, body),
      correlationId,
      timeoutMs,
    );
    const decoded = decodeResponse(apiKey, version, frame);
    if (!decoded.ok) throw new Error(`response does not decode: ${decoded.error.message}`);
    return decoded.value.body;
  }

  /** Sends a raw, already framed request with the given correlation id; resolves with the response frame. */
  sendFrame(frame: Buffer, correlationId: number, timeoutMs = 10_000): Promise<Buffer> {
    if (this.closed) return Promise.reject(new Error("connection closed"));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(correlationId);
        reject(new Error(`no response to correlation id ${correlationId} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(correlationId, (f) => {
        clearTimeout(timer);
        if (f.byteLength === 0) reject(new Error("the broker closed the connection"));
        else resolve(f);
      });
      this.socket.write(frame);
    });
  }

  close(): void {
    this.socket.destroy();
  }
}
