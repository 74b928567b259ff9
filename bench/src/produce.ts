/**
 * The produce/consume benchmarks: the Java client (a native Kafka client, the
 * one Kafka's own perf tools use) produces 1 KiB records to a 12-partition
 * topic with acks=all while a consumer in the same JVM reads them back, first
 * as fast as the producer goes (throughput), then at a fixed rate (latency).
 * The workload driver is e2e/peers/java/src/PerfDriver.java; it creates the
 * topic with the replication factor and min.insync.replicas of the options,
 * on both systems alike.
 *
 * It runs against Runnel's local fleet, planned from the same table as
 * `pnpm start` (three metadata voters, the options' number of brokers with
 * SASL listeners and anonymous clients in the default logical cluster, the
 * proxy, the control plane) on free ports with its data in a temporary
 * directory, twice: once with the clients going direct to the brokers, which
 * then advertise their own listeners, and once through the proxy, as
 * `pnpm start` runs it (a broker advertises one address, so one fleet cannot
 * serve both paths). As the baseline in the same run on the same machine and
 * disk, it runs against Apache Kafka 3.9 in KRaft combined mode with the
 * options' number of nodes (1 GiB heap each, as Kafka's own start script
 * sets). No two of the three run at the same time. None fsyncs per append:
 * all leave durability to replication and the page cache.
 *
 * Two presets: `produce` (RF 1, one broker on each side by default, so that
 * the figure is a single broker's) and `replicated` (three brokers on each
 * side, RF 3, min.insync.replicas 2, so that acks=all waits for the ISR).
 */
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  FLEET,
  type FleetService,
  freePlanPorts,
  type InstanceContext,
  planFleet,
  Supervisor,
} from "@runnel/fleet";
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
  /** The replication factor of the topic (absent from results written before it was reported). */
  readonly replicationFactor?: number;
  /** The smallest ISR of any partition after the run: below the replication factor if a follower fell behind. */
  readonly minIsrAfter?: number;
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
  /** Brokers in Runnel's fleet. */
  readonly brokers: number;
  /** Nodes of the baseline Kafka cluster (each a broker and a controller). */
  readonly kafkaNodes: number;
  readonly partitions: number;
  readonly recordBytes: number;
  /** Replication factor of the benchmark topics, on both systems. */
  readonly replicationFactor: number;
  /** min.insync.replicas of the benchmark topics, set explicitly so that no broker default applies. */
  readonly minInsyncReplicas: number;
}

/** A single broker's figure: RF 1, one broker on each side (`--brokers` changes Runnel's side only). */
export const PRODUCE_DEFAULTS: ProduceBenchOptions = {
  records: 300_000,
  latencyRecords: 50_000,
  latencyRate: 5_000,
  brokers: 1,
  kafkaNodes: 1,
  partitions: 12,
  recordBytes: 1024,
  replicationFactor: 1,
  minInsyncReplicas: 1,
};

/**
 * Replicated: three brokers on each side, RF 3 and min.insync.replicas 2, as the local fleet
 * defaults to. The latency run is held to 2,000 records/s (10 s, as in `produce`): every record is
 * written three times, and on a 2-CPU machine the replicated Runnel fleet sustained 10,000 to
 * 18,000 records/s, so that at 5,000 records/s the figure measured queueing (a median over 400 ms)
 * rather than replication.
 */
export const REPLICATED_DEFAULTS: ProduceBenchOptions = {
  ...PRODUCE_DEFAULTS,
  latencyRecords: 20_000,
  latencyRate: 2_000,
  brokers: 3,
  kafkaNodes: 3,
  replicationFactor: 3,
  minInsyncReplicas: 2,
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
        String(o.replicationFactor),
        String(o.minInsyncReplicas),
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

async function freePorts(n: number): Promise<number[]> {
  const ports: number[] = [];
  for (let i = 0; i < n; i++) ports.push(await freePort());
  return ports;
}

/** Apache Kafka 3.9 with `kafkaNodes` nodes in its own state directory, on free ports. */
async function kafkaBaseline(root: string, o: ProduceBenchOptions): Promise<TargetResult> {
  const state = join(root, "kafka");
  mkdirSync(state, { recursive: true });
  const ports = await freePorts(o.kafkaNodes);
  const env = {
    ...process.env,
    KAFKA_STATE_DIR: state,
    KAFKA_NODES: String(o.kafkaNodes),
    KAFKA_PORT: ports.join(","),
    KAFKA_INTERNAL_PORT: (await freePorts(o.kafkaNodes)).join(","),
    KAFKA_CONTROLLER_PORT: (await freePorts(o.kafkaNodes)).join(","),
    KAFKA_HEAP: "1g",
  };
  try {
    // Its stderr says why it failed (and names the node's log) in the thrown error.
    execFileSync("bash", [join(repoRoot, "e2e/peers/kafka/start.sh")], {
      env,
      stdio: ["ignore", "ignore", "pipe"],
    });
    return await workloads(
      `Apache Kafka 3.9.1, ${plural(o.kafkaNodes, "broker")}${o.kafkaNodes > 1 ? " (KRaft combined mode)" : ""}`,
      bootstrapOf(ports),
      o,
    );
  } finally {
    execFileSync("bash", [join(repoRoot, "e2e/peers/kafka/stop.sh")], { env, stdio: "ignore" });
  }
}

function plural(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? "" : "s"}`;
}

function bootstrapOf(ports: readonly (number | string)[]): string {
  return ports.map((p) => `127.0.0.1:${p}`).join(",");
}

/**
 * How the clients reach Runnel's brokers. `proxy`: the fleet as `pnpm start` runs it, brokers
 * advertising the proxy's port for themselves and the clients bootstrapping at the proxy, so every
 * byte goes client → proxy → broker. `direct`: the same table with brokers advertising their own
 * listeners and the clients bootstrapping at them; the proxy still runs, idle.
 */
export type RunnelPath = "proxy" | "direct";

/**
 * Why the proxy's byte count says the run did not take the path it is reported under, or null
 * when it did: through the proxy, at least the produced records' bytes came in through it (the
 * new fleet's brokers redirect clients to the proxy, so a wrong bootstrap would not fail the run,
 * only measure the other path); direct, not one byte.
 */
export function pathMismatch(
  path: RunnelPath,
  proxyBytesReceived: number,
  producedBytes: number,
): string | null {
  if (path === "proxy" && proxyBytesReceived < producedBytes)
    return `the proxy received ${proxyBytesReceived} bytes from clients, fewer than the ${producedBytes} produced through it`;
  if (path === "direct" && proxyBytesReceived > 0)
    return `the proxy received ${proxyBytesReceived} bytes from clients in a run meant to bypass it`;
  return null;
}

/** The sum of a Prometheus text exposition's samples of `name` (0 when it has none yet). */
export function metricTotal(text: string, name: string): number {
  let total = 0;
  for (const line of text.split("\n")) {
    if (line.startsWith(`${name} `) || line.startsWith(`${name}{`))
      total += Number(line.slice(line.lastIndexOf(" ") + 1));
  }
  return total;
}

/** A port p such that p + 1 .. p + count were free a moment ago (the proxy serves broker n at p + n). */
/** `RUNNEL_<SERVICE>_LOG_LEVEL`, as the runtime derives a service's environment prefix. */
function logLevelEnv(service: string): string {
  return `RUNNEL_${service.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}_LOG_LEVEL`;
}

/**
 * The fleet's own table with `brokers` brokers and every service logging warnings only; for the
 * direct path, brokers advertise their own listeners instead of the proxy's ports. Everything else
 * (SASL listeners, anonymous clients in the default logical cluster, the proxy and the control
 * plane running) is the same on both paths, so that only the hop through the proxy differs.
 */
function benchFleet(path: RunnelPath, brokers: number): FleetService[] {
  return FLEET.map((s) => {
    const instances = s.service === "broker" ? brokers : s.instances;
    const own = s.service === "broker" && path === "direct";
    const env = (ctx: InstanceContext): Record<string, string> => ({
      ...Object.fromEntries(
        Object.entries(s.env(ctx)).filter(([k]) => !(own && k.startsWith("RUNNEL_BROKER_ADVERTISED_"))),
      ),
      [logLevelEnv(s.service)]: "warn",
    });
    return { ...s, instances, env };
  });
}

/** Runnel's fleet as `pnpm start` plans it, with `brokers` brokers, on free ports, reached by `path`. */
async function runnelFleet(root: string, o: ProduceBenchOptions, path: RunnelPath): Promise<TargetResult> {
  const dataDir = join(root, `runnel-${path}`);
  const specs = await planFleet({
    dataDir,
    fleet: benchFleet(path, o.brokers),
    adminToken: randomBytes(16).toString("hex"),
    port: freePlanPorts(o.brokers),
  });
  const sup = new Supervisor({ repoRoot, dataDir, specs, readyPollMs: 200, graceMs: 10_000 });
  sup.start();
  try {
    const deadline = Date.now() + 120_000;
    while (!sup.status().every((p) => p.ready === true)) {
      if (Date.now() > deadline)
        throw new Error(`the fleet did not get ready: ${JSON.stringify(sup.status())}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const brokerPorts = specs
      .filter((s) => s.service === "broker")
      .map((s) => s.env.RUNNEL_BROKER_LISTEN_PORT);
    const proxy = specs.find((s) => s.service === "proxy");
    const proxyPort = proxy?.env.RUNNEL_PROXY_BOOTSTRAP_PORT;
    const proxyAdmin = proxy?.env.RUNNEL_PROXY_ADMIN_PORT;
    if (brokerPorts.length !== o.brokers || brokerPorts.some((p) => p === undefined))
      throw new Error(`the fleet plan does not have ${o.brokers} brokers with listen ports`);
    if (proxyPort === undefined || proxyAdmin === undefined)
      throw new Error("the fleet plan has no proxy with a bootstrap and an admin port");
    const result = await workloads(
      `Runnel, ${plural(o.brokers, "broker")} (3 metadata voters), ${path === "proxy" ? "through the proxy" : "direct to the brokers"}`,
      path === "proxy" ? bootstrapOf([proxyPort]) : bootstrapOf(brokerPorts as string[]),
      o,
    );
    // A process that crashed and was restarted by the supervisor makes the figures meaningless.
    const restarted = sup.status().filter((p) => p.restarts > 0);
    if (restarted.length > 0)
      throw new Error(
        `fleet processes restarted during the run: ${restarted
          .map((p) => `${p.name} (${p.restarts}x, last exit ${JSON.stringify(p.lastExit)}, log ${p.log})`)
          .join("; ")}`,
      );
    const metrics = await (await fetch(`http://127.0.0.1:${proxyAdmin}/metrics`)).text();
    const mismatch = pathMismatch(
      path,
      metricTotal(metrics, "proxy_bytes_received_total"),
      result.throughput.records * result.throughput.recordBytes,
    );
    if (mismatch !== null) throw new Error(`the ${path} run did not take its path: ${mismatch}`);
    return result;
  } finally {
    await sup.stop();
  }
}

export interface ProduceBenchResult {
  readonly options: ProduceBenchOptions;
  readonly baseline: TargetResult;
  /** Clients bootstrapping at the brokers, which advertise their own listeners. */
  readonly runnelDirect: TargetResult;
  /** Clients bootstrapping at the proxy, which brokers advertise: the fleet as `pnpm start` runs it. */
  readonly runnelViaProxy: TargetResult;
}

/**
 * Runs the baseline, then Runnel direct, then Runnel through the proxy, each on its own fresh
 * cluster. The temporary directory with the three runs' data and logs is removed afterwards,
 * unless the run fails (then its path is in the error) or RUNNEL_BENCH_KEEP=1.
 */
export async function produceBench(o: ProduceBenchOptions): Promise<ProduceBenchResult> {
  preparePeers();
  const root = mkdtempSync(join(tmpdir(), "runnel-bench-produce-"));
  let keep = process.env.RUNNEL_BENCH_KEEP === "1";
  try {
    const baseline = await kafkaBaseline(root, o);
    const runnelDirect = await runnelFleet(root, o, "direct");
    const runnelViaProxy = await runnelFleet(root, o, "proxy");
    return { options: o, baseline, runnelDirect, runnelViaProxy };
  } catch (e) {
    keep = true;
    throw e;
  } finally {
    if (keep) console.error(`data and logs kept in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}
