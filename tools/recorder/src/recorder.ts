import { mkdirSync, writeFileSync } from "node:fs";
import { createConnection, createServer, type Server, type Socket } from "node:net";
import { join } from "node:path";
import { FrameSplitter } from "./frames.js";
import { apiName, peekRequestHeader, peekResponseCorrelationId } from "./headers.js";

export type Direction = "request" | "response";

/** One line of a capture's index.json. */
export interface IndexEntry {
  /** Connection number within the session, from 1, in accept order. */
  connection: number;
  direction: Direction;
  /** For responses, copied from the request with the same correlation id (-1 if none was seen). */
  apiKey: number;
  apiVersion: number;
  correlationId: number;
  /** File name, relative to the session directory. */
  file: string;
}

export interface RecorderOptions {
  /** Address to listen on. Default 127.0.0.1. */
  host?: string;
  /** Port to listen on; 0 picks a free one. */
  port: number;
  upstreamHost: string;
  upstreamPort: number;
  /** Session directory; created if missing. Frames and index.json are written here. */
  outDir: string;
  /** Diagnostics sink. Default: silent. */
  log?: (message: string) => void;
}

export interface Recorder {
  /** The port actually listened on. */
  readonly port: number;
  /** Frames recorded so far, in the order they were seen. */
  readonly entries: readonly IndexEntry[];
  /** Writes index.json with the frames recorded so far. */
  flush(): void;
  /** Stops listening, drops open connections and writes index.json. */
  close(): Promise<void>;
}

export const INDEX_FILE = "index.json";

/**
 * Starts a recording proxy. Each accepted connection is forwarded byte for
 * byte to the upstream broker; both directions are also split into frames
 * and each frame is saved, size prefix included, as one file in `outDir`.
 */
export async function startRecorder(options: RecorderOptions): Promise<Recorder> {
  const host = options.host ?? "127.0.0.1";
  const log = options.log ?? (() => {});
  const outDir = options.outDir;
  mkdirSync(outDir, { recursive: true });

  const entries: IndexEntry[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;

  const flush = (): void => {
    writeFileSync(join(outDir, INDEX_FILE), `${JSON.stringify(entries, null, 2)}\n`);
  };

  const save = (entry: Omit<IndexEntry, "file">, frame: Buffer): void => {
    const seq = String(entries.length + 1).padStart(6, "0");
    const tag = entry.direction === "request" ? "req" : "res";
    const file = `${seq}-c${entry.connection}-${tag}-${apiName(entry.apiKey)}-v${entry.apiVersion}.bin`;
    writeFileSync(join(outDir, file), frame);
    entries.push({ ...entry, file });
  };

  const onConnection = (client: Socket): void => {
    const connection = ++connections;
    const upstream = createConnection({ host: options.upstreamHost, port: options.upstreamPort });
    sockets.add(client);
    sockets.add(upstream);
    log(`connection ${connection}: accepted from ${client.remoteAddress}:${client.remotePort}`);

    /** Requests awaiting a response, by correlation id. */
    const pending = new Map<number, { apiKey: number; apiVersion: number }>();
    const requests = new FrameSplitter();
    const responses = new FrameSplitter();
    let recording = true;

    const record = (direction: Direction, chunk: Buffer): void => {
      if (!recording) return;
      let frames: Buffer[];
      try {
        frames = (direction === "request" ? requests : responses).push(chunk);
      } catch (err) {
        recording = false;
        log(`connection ${connection}: ${direction} stream is not framed, recording stopped (${err})`);
        return;
      }
      for (const frame of frames) {
        if (direction === "request") {
          const header = peekRequestHeader(frame);
          if (header === undefined) {
            log(`connection ${connection}: request frame too short (${frame.length} bytes), skipped`);
            continue;
          }
          pending.set(header.correlationId, { apiKey: header.apiKey, apiVersion: header.apiVersion });
          save({ connection, direction, ...header }, frame);
        } else {
          const correlationId = peekResponseCorrelationId(frame);
          if (correlationId === undefined) {
            log(`connection ${connection}: response frame too short (${frame.length} bytes), skipped`);
            continue;
          }
          const request = pending.get(correlationId);
          pending.delete(correlationId);
          if (request === undefined)
            log(`connection ${connection}: response ${correlationId} matches no request`);
          save(
            {
              connection,
              direction,
              apiKey: request?.apiKey ?? -1,
              apiVersion: request?.apiVersion ?? -1,
              correlationId,
            },
            frame,
          );
        }
      }
    };

    const pipe = (from: Socket, to: Socket, direction: Direction): void => {
      from.on("data", (chunk: Buffer) => {
        record(direction, chunk);
        if (!to.write(chunk)) {
          from.pause();
          to.once("drain", () => from.resume());
        }
      });
      from.on("end", () => to.end());
    };

    // Hold client bytes until the upstream connection is up.
    client.pause();
    upstream.once("connect", () => client.resume());
    pipe(client, upstream, "request");
    pipe(upstream, client, "response");

    let closed = 0;
    const onClose = (): void => {
      client.destroy();
      upstream.destroy();
      if (++closed === 2) {
        sockets.delete(client);
        sockets.delete(upstream);
        const leftover = requests.buffered + responses.buffered;
        if (leftover > 0) log(`connection ${connection}: ${leftover} bytes of incomplete frames dropped`);
        log(`connection ${connection}: closed`);
        flush();
      }
    };
    client.on("close", onClose);
    upstream.on("close", onClose);
    client.on("error", (err) => log(`connection ${connection}: client error: ${err.message}`));
    upstream.on("error", (err) => log(`connection ${connection}: upstream error: ${err.message}`));
  };

  const server: Server = createServer({ allowHalfOpen: true }, onConnection);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : options.port;
  flush();
  log(`listening on ${host}:${port}, forwarding to ${options.upstreamHost}:${options.upstreamPort}`);

  return {
    port,
    entries,
    flush,
    close: async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await stopped;
      flush();
    },
  };
}
