#!/usr/bin/env node
import { existsSync, readdirSync, rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { startRecorder } from "./recorder.js";
import { formatSummary, summarizeCapture } from "./summary.js";

const USAGE = `Usage:
  runnel-recorder record --upstream HOST:PORT [--listen [HOST:]PORT] --out DIR [--overwrite] [--quiet]
      Listen (default 127.0.0.1:9092), forward every connection to the upstream
      broker and save each frame of both directions into DIR. Stops on SIGINT or
      SIGTERM, then writes DIR/index.json.
  runnel-recorder summarize DIR...
      Print the API versions and Produce compression codecs found in captures.`;

function hostPort(value: string, defaultHost: string): { host: string; port: number } {
  const colon = value.lastIndexOf(":");
  const host = colon >= 0 ? value.slice(0, colon) : defaultHost;
  const port = Number(colon >= 0 ? value.slice(colon + 1) : value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad port in "${value}"`);
  return { host: host || defaultHost, port };
}

async function record(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      listen: { type: "string", default: "127.0.0.1:9092" },
      upstream: { type: "string" },
      out: { type: "string" },
      overwrite: { type: "boolean", default: false },
      quiet: { type: "boolean", default: false },
    },
  });
  if (values.upstream === undefined || values.out === undefined) throw new Error(USAGE);
  const listen = hostPort(values.listen, "127.0.0.1");
  const upstream = hostPort(values.upstream, "127.0.0.1");
  const outDir = values.out;
  if (existsSync(outDir) && readdirSync(outDir).length > 0) {
    if (!values.overwrite) throw new Error(`${outDir} is not empty (use --overwrite to replace it)`);
    rmSync(outDir, { recursive: true });
  }
  const log = values.quiet ? undefined : (message: string) => console.error(`[recorder] ${message}`);
  const recorder = await startRecorder({
    host: listen.host,
    port: listen.port,
    upstreamHost: upstream.host,
    upstreamPort: upstream.port,
    outDir,
    ...(log ? { log } : {}),
  });
  console.log(
    `recording ${listen.host}:${recorder.port} -> ${upstream.host}:${upstream.port} into ${outDir}`,
  );
  const stop = async (): Promise<void> => {
    await recorder.close();
    console.log(`saved ${recorder.entries.length} frames to ${outDir}`);
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

function summarize(dirs: string[]): void {
  if (dirs.length === 0) throw new Error(USAGE);
  for (const dir of dirs) console.log(formatSummary(dir, summarizeCapture(dir)));
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case "record":
      return record(rest);
    case "summarize":
      return summarize(rest);
    case "-h":
    case "--help":
    case "help":
      console.log(USAGE);
      return;
    default:
      throw new Error(USAGE);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(2);
});
