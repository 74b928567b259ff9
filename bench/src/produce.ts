/**
 * The produce/consume benchmark: the Java client (a native Kafka client, the
 * one Kafka's own perf tools use) produces 1 KiB records to a 12-partition
 * topic with acks=all while a consumer in the same JVM reads them back, first
 * as fast as the producer goes (throughput), then at a fixed rate (latency).
 * The workload driver is e2e/peers/java/src/PerfDriver.java.
 *
 * It runs against Runnel's local fleet, planned from the same table as
 * `pnpm start` (three metadata voters, and by default one broker so that the
 * figure is a single broker's) on free ports with its data in a temporary
 * directory, and, as the baseline in the same run on the same machine and
 * disk, against a single-node Apache Kafka 3.9 (KRaft, 1 GiB heap, as Kafka's
 * own start script sets). The two never run at the same time. Neither fsyncs
 * per append: both leave durability to replication and the page cache.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { FLEET, type FleetService, planFleet, Supervisor } from "@runnel/fleet";
import { freePort } from "./net.js";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");
const javaPeer = join(repoRoot, ".peers/java");

export interface Percentiles {
  readonly p50: number;
  readonly p99: number;
  readonly p999: number;
  readonly max: number;
}

/** One PerfDriver run, as it prints it. */
export interface WorkloadResult {
  readonly records: number;
  readonly recordBytes: number;
  /** Records per second the producer was held to; 0 = unlimited. */
  readonly targetRate: number;
  readonly produceSeconds: number;
  readonly produceMBps: number;
  readonly produceRecordsPerSecond: number;
  readonly consumeMBps: number;
  /** From send to acknowledgement, ms. */
  readonly ackMs: Percentiles;
  /** From send to the consumer receiving the record, ms. */
  readonly endToEndMs: Percentiles;
}

export interface TargetResult {
  readonly target: string;
  readonly throughput: WorkloadResult;
  readonly latency: WorkloadResult;
}

export interface ProduceBenchOptions {
  /** Records of the throughput run. */
  readonly records: number;
  /** Records of the fixed-rate latency run. */
  readonly latencyRecords: number;
  /** Records per second of the latency run. */
  readonly latencyRate: number;
  /** Brokers in Runnel's fleet (the baseline is always one Kafka broker). */
  readonly brokers: number;
  readonly partitions: number;
  readonly recordBytes: number;
}

export const PRODUCE_DEFAULTS: ProduceBenchOptions = {
  records: 300_000,
  latencyRecords: 50_000,
  latencyRate: 5_000,
  brokers: 1,
  partitions: 12,
  recordBytes: 1024,
};

/** Builds the Java driver and fetches Kafka's jars when missing (both quick when present). */
function preparePeers(): void {
  execFileSync("bash", [join(repoRoot, "e2e/peers/java/build.sh")], { stdio: "inherit" });
  execFileSync("bash", [join(repoRoot, "e2e/peers/kafka/install.sh")], { stdio: "inherit" });
}

function runDriver(bootstrap: string, topic: string, o: ProduceBenchOptions, records: number, rate: number) {
  return new Promise<WorkloadResult>((resolve, reject) => {
    const child = spawn(
      "java",
      [
        "-Xmx1g",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp",
        `${join(javaPeer, "classes")}:${join(javaPeer, "libs")}/*`,
        "PerfDriver",
        bootstrap,
        topic,
        String(o.partitions),
        String(records),
        String(o.recordBytes),
        String(rate),
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = out.trim().split("\n").at(-1) ?? "";
      if (code !== 0 || !line.startsWith("{")) {
        reject(new Error(`PerfDriver against ${bootstrap} exited ${code}: ${err.trim().slice(-2000)}`));
        return;
      }
      resolve(JSON.parse(line) as WorkloadResult);
    });
  });
}

async function workloads(target: string, bootstrap: string, o: ProduceBenchOptions): Promise<TargetResult> {
  // A short warm-up (JIT on both sides, topic creation paths), not reported.
  await runDriver(bootstrap, "bench-warmup", o, Math.min(20_000, o.records), 0);
  const throughput = await runDriver(bootstrap, "bench-throughput", o, o.records, 0);
  const latency = await runDriver(bootstrap, "bench-latency", o, o.latencyRecords, o.latencyRate);
  return { target, throughput, latency };
}

/** Single-node Apache Kafka 3.9 in its own state directory, on free ports. */
async function kafkaBaseline(root: string, o: ProduceBenchOptions): Promise<TargetResult> {
  const state = join(root, "kafka");
  mkdirSync(state, { recursive: true });
  const port = await freePort();
  const env = {
    ...process.env,
    KAFKA_STATE_DIR: state,
    KAFKA_PORT: String(port),
    KAFKA_INTERNAL_PORT: String(await freePort()),
    KAFKA_CONTROLLER_PORT: String(await freePort()),
    KAFKA_HEAP: "1g",
  };
  execFileSync("bash", [join(repoRoot, "e2e/peers/kafka/start.sh")], { env, stdio: "ignore" });
  try {
    return await workloads("Apache Kafka 3.9.1, 1 broker", `127.0.0.1:${port}`, o);
  } finally {
    execFileSync("bash", [join(repoRoot, "e2e/peers/kafka/stop.sh")], { env, stdio: "ignore" });
  }
}

/** Runnel's fleet as `pnpm start` plans it, with `brokers` brokers, on free ports. */
async function runnelFleet(root: string, o: ProduceBenchOptions): Promise<TargetResult> {
  const dataDir = join(root, "runnel");
  const fleet: FleetService[] = FLEET.map((s) =>
    s.service === "broker"
      ? {
          ...s,
          instances: o.brokers,
          env: (ctx) => ({ ...s.env(ctx), RUNNEL_BROKER_LOG_LEVEL: "warn" }),
        }
      : { ...s, env: (ctx) => ({ ...s.env(ctx), RUNNEL_METADATA_LOG_LEVEL: "warn" }) },
  );
  const specs = await planFleet({ dataDir, fleet, port: () => freePort() });
  const sup = new Supervisor({ repoRoot, dataDir, specs, readyPollMs: 200, graceMs: 10_000 });
  sup.start();
  try {
    const deadline = Date.now() + 120_000;
    while (!sup.status().every((p) => p.ready === true)) {
      if (Date.now() > deadline)
        throw new Error(`the fleet did not get ready: ${JSON.stringify(sup.status())}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const broker = specs.find((s) => s.name === "broker-1");
    const port = broker?.env.RUNNEL_BROKER_LISTEN_PORT;
    if (port === undefined) throw new Error("the fleet plan has no broker-1");
    return await workloads(
      `Runnel, ${o.brokers} broker${o.brokers === 1 ? "" : "s"} (3 metadata voters)`,
      `127.0.0.1:${port}`,
      o,
    );
  } finally {
    await sup.stop();
  }
}

export interface ProduceBenchResult {
  readonly options: ProduceBenchOptions;
  readonly baseline: TargetResult;
  readonly runnel: TargetResult;
}

export async function produceBench(o: ProduceBenchOptions): Promise<ProduceBenchResult> {
  preparePeers();
  const root = mkdtempSync(join(tmpdir(), "runnel-bench-produce-"));
  try {
    const baseline = await kafkaBaseline(root, o);
    const runnel = await runnelFleet(root, o);
    return { options: o, baseline, runnel };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
