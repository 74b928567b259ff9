import { readFileSync } from "node:fs";
import { join } from "node:path";
import { apiName } from "./headers.js";
import { INDEX_FILE, type IndexEntry } from "./recorder.js";

export const COMPRESSION_CODECS = ["none", "gzip", "snappy", "lz4", "zstd"] as const;
export type CompressionCodec = (typeof COMPRESSION_CODECS)[number] | `unknown(${number})`;

export interface CaptureSummary {
  /** Connections seen in the session. */
  connections: number;
  requests: number;
  responses: number;
  /** Request count per "apiKey:apiVersion", keys sorted by api key then version. */
  apis: Map<string, { apiKey: number; apiVersion: number; name: string; count: number }>;
  /** Record batches per compression codec, over all Produce requests. */
  produceCodecs: Map<CompressionCodec, number>;
}

export function readIndex(dir: string): IndexEntry[] {
  return JSON.parse(readFileSync(join(dir, INDEX_FILE), "utf8")) as IndexEntry[];
}

/** Summarizes a capture session directory: which APIs and versions it holds, and Produce codecs. */
export function summarizeCapture(dir: string): CaptureSummary {
  const entries = readIndex(dir);
  const apis: CaptureSummary["apis"] = new Map();
  const produceCodecs: CaptureSummary["produceCodecs"] = new Map();
  const connections = new Set<number>();
  let requests = 0;
  for (const entry of entries) {
    connections.add(entry.connection);
    if (entry.direction !== "request") continue;
    requests++;
    const key = `${entry.apiKey}:${entry.apiVersion}`;
    const api = apis.get(key) ?? {
      apiKey: entry.apiKey,
      apiVersion: entry.apiVersion,
      name: apiName(entry.apiKey),
      count: 0,
    };
    api.count++;
    apis.set(key, api);
    if (entry.apiKey === 0) {
      for (const codec of produceRequestCodecs(readFileSync(join(dir, entry.file)))) {
        produceCodecs.set(codec, (produceCodecs.get(codec) ?? 0) + 1);
      }
    }
  }
  const sorted = [...apis.entries()].sort(
    ([, a], [, b]) => a.apiKey - b.apiKey || a.apiVersion - b.apiVersion,
  );
  return {
    connections: connections.size,
    requests,
    responses: entries.length - requests,
    apis: new Map(sorted),
    produceCodecs,
  };
}

export function codecName(attributes: number): CompressionCodec {
  return COMPRESSION_CODECS[attributes & 0x07] ?? `unknown(${attributes & 0x07})`;
}

/**
 * Returns the compression codec of every record batch in a Produce request
 * frame (size prefix included). Walks just enough of the request to find the
 * records fields; handles classic and flexible versions.
 */
export function produceRequestCodecs(frame: Buffer): CompressionCodec[] {
  const r = new Reader(frame, 4);
  r.int16(); // api key
  const version = r.int16();
  const flexible = version >= 9;
  r.int32(); // correlation id
  r.skipString(false); // client id: always a classic nullable string
  if (flexible) r.skipTaggedFields();
  if (version >= 3) r.skipString(flexible); // transactional id
  r.int16(); // acks
  r.int32(); // timeout
  const codecs: CompressionCodec[] = [];
  const topics = r.arrayLength(flexible);
  for (let t = 0; t < topics; t++) {
    if (version >= 13) r.skip(16);
    else r.skipString(flexible);
    const partitions = r.arrayLength(flexible);
    for (let p = 0; p < partitions; p++) {
      r.int32(); // partition index
      const records = r.bytes(flexible);
      if (records !== undefined) codecs.push(...recordsCodecs(records));
      if (flexible) r.skipTaggedFields();
    }
    if (flexible) r.skipTaggedFields();
  }
  return codecs;
}

/** Codecs of the batches (or legacy message sets) in a records field. */
export function recordsCodecs(records: Buffer): CompressionCodec[] {
  const codecs: CompressionCodec[] = [];
  let offset = 0;
  while (offset + 17 <= records.length) {
    const length = records.readInt32BE(offset + 8); // bytes after offset+size
    const magic = records.readInt8(offset + 16);
    if (magic >= 2) {
      codecs.push(codecName(records.readInt16BE(offset + 21)));
    } else {
      // Legacy message: offset int64, size int32, crc int32, magic int8, attributes int8.
      codecs.push(codecName(records.readInt8(offset + 17)));
    }
    offset += 12 + length;
  }
  return codecs;
}

class Reader {
  constructor(
    private readonly buf: Buffer,
    private offset: number,
  ) {}

  skip(n: number): void {
    if (this.offset + n > this.buf.length) throw new RangeError("produce request truncated");
    this.offset += n;
  }

  int16(): number {
    const v = this.buf.readInt16BE(this.offset);
    this.offset += 2;
    return v;
  }

  int32(): number {
    const v = this.buf.readInt32BE(this.offset);
    this.offset += 4;
    return v;
  }

  uvarint(): number {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const byte = this.buf.readUInt8(this.offset++);
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return result;
    }
    throw new RangeError("varint too long");
  }

  skipString(compact: boolean): void {
    const length = compact ? this.uvarint() - 1 : this.int16();
    if (length > 0) this.skip(length);
  }

  arrayLength(compact: boolean): number {
    const length = compact ? this.uvarint() - 1 : this.int32();
    return Math.max(length, 0);
  }

  bytes(compact: boolean): Buffer | undefined {
    const length = compact ? this.uvarint() - 1 : this.int32();
    if (length < 0) return undefined;
    const start = this.offset;
    this.skip(length);
    return this.buf.subarray(start, start + length);
  }

  skipTaggedFields(): void {
    const count = this.uvarint();
    for (let i = 0; i < count; i++) {
      this.uvarint(); // tag
      this.skip(this.uvarint());
    }
  }
}

/** Human-readable summary, one API version per line. */
export function formatSummary(dir: string, summary: CaptureSummary): string {
  const lines = [
    `${dir}: ${summary.connections} connections, ${summary.requests} requests, ${summary.responses} responses`,
  ];
  for (const api of summary.apis.values()) {
    lines.push(`  ${api.apiKey} ${api.name} v${api.apiVersion} x${api.count}`);
  }
  const codecs = [...summary.produceCodecs.entries()].map(([codec, n]) => `${codec} x${n}`);
  lines.push(`  produce batch codecs: ${codecs.length > 0 ? codecs.join(", ") : "(no produce)"}`);
  return lines.join("\n");
}
