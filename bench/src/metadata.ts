/**
 * The metadata quorum benchmark: committed metadata writes per second and
 * commit latency (p50, p99) for three voter processes on loopback with fsync
 * on. Each write is an AlterConfigs of one topic config: one record, one Raft
 * entry. The baseline, measured in the same run on the same disk, is a loop of
 * a small append plus fsync: a commit needs at least one fsync on the leader
 * and one on a follower, so the ratio says how close the quorum gets to the
 * disk's own limit.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { ConfigOpType, ConfigResourceType, ControllerService, LeaderClient } from "@runnel/rpc";
import { freePort } from "./net.js";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");
const tsxLoader = import.meta.resolve("tsx");

export interface MetadataBenchResult {
  readonly baselineFsyncsPerSecond: number;
  readonly runs: readonly {
    readonly concurrency: number;
    readonly writes: number;
    readonly writesPerSecond: number;
    readonly p50Ms: number;
    readonly p99Ms: number;
    readonly ratioToBaseline: number;
  }[];
}

/** Small appends, each followed by fsync, for `ms` milliseconds, in `dir`. */
export function fsyncBaseline(dir: string, ms: number): number {
  const fd = openSync(join(dir, "fsync-baseline"), "w");
  const record = Buffer.alloc(128, 1);
  const start = performance.now();
  let n = 0;
  try {
    while (performance.now() - start < ms) {
      writeSync(fd, record);
      fsyncSync(fd);
      n++;
    }
  } finally {
    closeSync(fd);
  }
  return (n * 1000) / (performance.now() - start);
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

export async function metadataBench(options: {
  seconds: number;
  concurrency: readonly number[];
}): Promise<MetadataBenchResult> {
  const root = mkdtempSync(join(tmpdir(), "runnel-bench-metadata-"));
  const ports = [await freePort(), await freePort(), await freePort()];
  const addresses = ports.map((p) => `127.0.0.1:${p}`);
  const voters = addresses.map((a, i) => `${i + 1}@${a}`).join(",");
  const children: ChildProcess[] = addresses.map((_, i) =>
    spawn(
      process.execPath,
      ["--conditions=@runnel/source", "--import", tsxLoader, join(repoRoot, "services/metadata/src/main.ts")],
      {
        cwd: repoRoot,
        stdio: "ignore",
        env: {
          PATH: process.env.PATH ?? "",
          RUNNEL_METADATA_NODE_ID: String(i + 1),
          RUNNEL_METADATA_VOTERS: voters,
          RUNNEL_METADATA_DATA_DIR: join(root, `voter-${i + 1}`),
          RUNNEL_METADATA_ADMIN_HOST: "127.0.0.1",
          RUNNEL_METADATA_LOG_LEVEL: "warn",
          RUNNEL_METADATA_DEFAULT_REPLICATION_FACTOR: "1",
          RUNNEL_METADATA_ELECTION_TIMEOUT_MS: "500",
          RUNNEL_METADATA_TICK_MS: "50",
          RUNNEL_METADATA_HEARTBEAT_INTERVAL_MS: "50",
        },
      },
    ),
  );
  const client = new LeaderClient(ControllerService, { addresses, retryForMs: 30_000 });
  try {
    const baselineFsyncsPerSecond = fsyncBaseline(root, 2_000);
    const reg = await client.call((c, o) =>
      c.brokerRegistration(
        {
          brokerId: 1,
          clusterId: "runnel-local",
          incarnationId: new Uint8Array(16).fill(1),
          zone: "a",
          listeners: [{ name: "PLAINTEXT", host: "127.0.0.1", port: 9101 }],
        },
        o,
      ),
    );
    const heartbeat = () =>
      client.call((c, o) =>
        c.brokerHeartbeat(
          { brokerId: 1, brokerEpoch: reg.brokerEpoch, metadataOffset: reg.brokerEpoch + 1n },
          o,
        ),
      );
    await heartbeat();
    const created = await client.call((c, o) =>
      c.createTopics({ topics: [{ name: "bench", numPartitions: 1 }] }, o),
    );
    if (created.topics[0]?.errorCode !== 0)
      throw new Error(`could not create the bench topic: ${created.topics[0]?.errorMessage}`);
    const keepAlive = setInterval(() => void heartbeat().catch(() => {}), 1_000);

    const runs: MetadataBenchResult["runs"][number][] = [];
    let value = 0;
    const write = async (): Promise<number> => {
      const t0 = performance.now();
      const r = await client.call((c, o) =>
        c.alterConfigs(
          {
            resources: [
              {
                resourceType: ConfigResourceType.TOPIC,
                resourceName: "bench",
                ops: [{ key: "retention.ms", op: ConfigOpType.SET, value: String(++value) }],
              },
            ],
          },
          o,
        ),
      );
      if (r.resources[0]?.errorCode !== 0) throw new Error(`write refused: ${r.resources[0]?.errorMessage}`);
      return performance.now() - t0;
    };
    for (let i = 0; i < 50; i++) await write(); // warm-up
    for (const concurrency of options.concurrency) {
      const latencies: number[] = [];
      const start = performance.now();
      const end = start + options.seconds * 1000;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (performance.now() < end) latencies.push(await write());
        }),
      );
      const elapsed = performance.now() - start;
      latencies.sort((a, b) => a - b);
      const writesPerSecond = (latencies.length * 1000) / elapsed;
      runs.push({
        concurrency,
        writes: latencies.length,
        writesPerSecond,
        p50Ms: percentile(latencies, 50),
        p99Ms: percentile(latencies, 99),
        ratioToBaseline: writesPerSecond / baselineFsyncsPerSecond,
      });
    }
    clearInterval(keepAlive);
    return { baselineFsyncsPerSecond, runs };
  } finally {
    client.close();
    for (const c of children) c.kill("SIGKILL");
    rmSync(root, { recursive: true, force: true });
  }
}
