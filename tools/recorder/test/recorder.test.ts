import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createConnection, createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FrameSplitter } from "../src/frames.js";
import { type IndexEntry, type Recorder, startRecorder } from "../src/recorder.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A request frame: size, api key, api version, correlation id, client id "t", body. */
function request(apiKey: number, apiVersion: number, correlationId: number, body: Buffer): Buffer {
  const header = Buffer.alloc(4 + 2 + 2 + 4 + 3);
  header.writeInt32BE(2 + 2 + 4 + 3 + body.length, 0);
  header.writeInt16BE(apiKey, 4);
  header.writeInt16BE(apiVersion, 6);
  header.writeInt32BE(correlationId, 8);
  header.writeInt16BE(1, 12);
  header.write("t", 14);
  return Buffer.concat([header, body]);
}

/** A response frame: size, correlation id, body. */
function response(correlationId: number, body: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.writeInt32BE(4 + body.length, 0);
  header.writeInt32BE(correlationId, 4);
  return Buffer.concat([header, body]);
}

/** The fake broker answers request N with a response whose body is the request body reversed. */
function answerFor(req: Buffer): Buffer {
  return response(req.readInt32BE(8), Buffer.from(req.subarray(15)).reverse());
}

/** Writes chunks one at a time with a pause between, so they tend to arrive as separate reads. */
async function writeChunks(socket: Socket, chunks: Buffer[]): Promise<void> {
  for (const chunk of chunks) {
    socket.write(chunk);
    await sleep(15);
  }
}

interface Upstream {
  server: Server;
  port: number;
  /** Requests seen by the fake broker, as frames, per connection. */
  received: Buffer[][];
}

/**
 * A fake broker. It waits until `batch` requests have arrived on a
 * connection, then answers them out of order and in awkward chunks: the last
 * two responses glued into one write, the first one split inside its size
 * prefix and again in its body.
 */
async function startUpstream(batch: number): Promise<Upstream> {
  const received: Buffer[][] = [];
  const server = createServer((socket) => {
    socket.setNoDelay(true);
    const frames: Buffer[] = [];
    received.push(frames);
    const splitter = new FrameSplitter();
    socket.on("data", (chunk: Buffer) => {
      for (const frame of splitter.push(chunk)) {
        frames.push(frame);
        if (frames.length % batch !== 0) continue;
        const answers = frames.slice(-batch).map(answerFor);
        const first = answers.shift() as Buffer;
        void writeChunks(socket, [
          Buffer.concat(answers.reverse()),
          first.subarray(0, 2),
          first.subarray(2, 9),
          first.subarray(9),
        ]);
      }
    });
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || address === null) throw new Error("no address");
  return { server, port: address.port, received };
}

/** Connects to the recorder, sends `chunks`, and collects `expected` response frames. */
async function exchange(port: number, chunks: Buffer[], expected: number): Promise<Buffer[]> {
  const socket = createConnection({ host: "127.0.0.1", port });
  socket.setNoDelay(true);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  const splitter = new FrameSplitter();
  const responses: Buffer[] = [];
  const done = new Promise<void>((resolve) => {
    socket.on("data", (chunk: Buffer) => {
      responses.push(...splitter.push(chunk));
      if (responses.length >= expected) resolve();
    });
  });
  await writeChunks(socket, chunks);
  await done;
  await new Promise<void>((resolve) => socket.end(resolve));
  return responses;
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await sleep(10);
  expect(condition()).toBe(true);
}

describe("recorder", () => {
  let dir: string;
  let upstream: Upstream;
  let recorder: Recorder;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "recorder-test-"));
    upstream = await startUpstream(3);
    recorder = await startRecorder({
      port: 0,
      upstreamHost: "127.0.0.1",
      upstreamPort: upstream.port,
      outDir: join(dir, "session"),
    });
  });

  afterEach(async () => {
    await recorder.close();
    await new Promise<void>((resolve) => upstream.server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  const requests = [
    request(18, 3, 1, Buffer.from("apiversions-body")),
    request(3, 12, 2, Buffer.alloc(700, 0x33)),
    request(0, 9, 3, Buffer.from("p")),
  ];
  const [r1, r2, r3] = requests as [Buffer, Buffer, Buffer];
  // Request 1 and the start of request 2 together; request 2 in pieces, the
  // last of which also carries half of request 3's size prefix.
  const chunks = [
    Buffer.concat([r1, r2.subarray(0, 5)]),
    r2.subarray(5, 300),
    r2.subarray(300, 699),
    Buffer.concat([r2.subarray(699), r3.subarray(0, 2)]),
    r3.subarray(2),
  ];

  it("forwards bytes unchanged in both directions", async () => {
    const responses = await exchange(recorder.port, chunks, 3);
    expect(upstream.received[0]).toEqual(requests);
    expect(responses).toEqual([answerFor(r3), answerFor(r2), answerFor(r1)]);
  });

  it("saves each frame, prefix included, and an index that matches responses to requests", async () => {
    await exchange(recorder.port, chunks, 3);
    await waitFor(() => recorder.entries.length === 6);
    await recorder.close();

    const index = JSON.parse(readFileSync(join(dir, "session", "index.json"), "utf8")) as IndexEntry[];
    expect(index.map(({ file: _, ...rest }) => rest)).toEqual([
      { connection: 1, direction: "request", apiKey: 18, apiVersion: 3, correlationId: 1 },
      { connection: 1, direction: "request", apiKey: 3, apiVersion: 12, correlationId: 2 },
      { connection: 1, direction: "request", apiKey: 0, apiVersion: 9, correlationId: 3 },
      { connection: 1, direction: "response", apiKey: 0, apiVersion: 9, correlationId: 3 },
      { connection: 1, direction: "response", apiKey: 3, apiVersion: 12, correlationId: 2 },
      { connection: 1, direction: "response", apiKey: 18, apiVersion: 3, correlationId: 1 },
    ]);
    const expectedBytes = [r1, r2, r3, answerFor(r3), answerFor(r2), answerFor(r1)];
    index.forEach((entry, i) => {
      expect(readFileSync(join(dir, "session", entry.file))).toEqual(expectedBytes[i]);
    });
    expect(index[0]?.file).toBe("000001-c1-req-ApiVersions-v3.bin");
    expect(index[3]?.file).toBe("000004-c1-res-Produce-v9.bin");
    expect(new Set(index.map((e) => e.file)).size).toBe(6);
  });

  it("numbers connections and keeps their correlation ids apart", async () => {
    await exchange(recorder.port, [Buffer.concat(requests)], 3);
    const again = requests.map((r) => {
      const copy = Buffer.from(r);
      copy.writeInt16BE(1, 6); // same correlation ids, different versions
      return copy;
    });
    await exchange(recorder.port, [Buffer.concat(again)], 3);
    await waitFor(() => recorder.entries.length === 12);
    const second = recorder.entries.filter((e) => e.connection === 2);
    expect(second).toHaveLength(6);
    expect(second.every((e) => e.apiVersion === 1)).toBe(true);
    expect(recorder.entries.filter((e) => e.connection === 1).every((e) => e.apiVersion !== 1)).toBe(true);
  });
});
