/**
 * What the produce/consume benchmarks print and write: each side's figures (Kafka, Runnel direct to
 * its brokers, Runnel through the proxy), and three comparisons as ratios (MB/s: higher is better;
 * latency: lower is better): the proxy's cost (through the proxy over direct), and each Runnel path
 * over Kafka.
 */
import type { ProduceBenchResult, TargetResult } from "./produce.js";

export interface ProduceRatios {
  readonly produceMBps: number;
  readonly consumeMBps: number;
  readonly endToEndP50: number;
  readonly endToEndP99: number;
  readonly endToEndP999: number;
}

export interface ProduceComparisons {
  /** Runnel through the proxy over Runnel direct: what the hop through the proxy costs. */
  readonly viaProxyOverDirect: ProduceRatios;
  /** Runnel direct over Kafka. */
  readonly directOverKafka: ProduceRatios;
  /** Runnel through the proxy over Kafka: what a client of the fleet as `pnpm start` runs it gets. */
  readonly viaProxyOverKafka: ProduceRatios;
}

/** `ours` over `base`: the throughput run's MB/s and the fixed-rate run's end-to-end percentiles. */
export function produceRatios(ours: TargetResult, base: TargetResult): ProduceRatios {
  return {
    produceMBps: ours.throughput.produceMBps / base.throughput.produceMBps,
    consumeMBps: ours.throughput.consumeMBps / base.throughput.consumeMBps,
    endToEndP50: ours.latency.endToEndMs.p50 / base.latency.endToEndMs.p50,
    endToEndP99: ours.latency.endToEndMs.p99 / base.latency.endToEndMs.p99,
    endToEndP999: ours.latency.endToEndMs.p999 / base.latency.endToEndMs.p999,
  };
}

export function produceComparisons(r: ProduceBenchResult): ProduceComparisons {
  return {
    viaProxyOverDirect: produceRatios(r.runnelViaProxy, r.runnelDirect),
    directOverKafka: produceRatios(r.runnelDirect, r.baseline),
    viaProxyOverKafka: produceRatios(r.runnelViaProxy, r.baseline),
  };
}

/** The file under bench/results/ (without `.json`) a run's figures go to. */
export function produceResultName(workload: "produce" | "replicated", brokers: number): string {
  if (workload === "replicated") return "replicated";
  return brokers === 1 ? "produce" : `produce-${brokers}-brokers`;
}

function targetLines(t: TargetResult, replicationFactor: number): string[] {
  const th = t.throughput;
  const la = t.latency;
  const lines = [
    `  ${t.target}`,
    `    throughput: produce ${th.produceMBps.toFixed(1)} MB/s (${th.produceRecordsPerSecond} records/s), consume ${th.consumeMBps.toFixed(1)} MB/s`,
    `    end-to-end at ${la.targetRate} records/s: p50 ${la.endToEndMs.p50.toFixed(1)} ms  p99 ${la.endToEndMs.p99.toFixed(1)} ms  p99.9 ${la.endToEndMs.p999.toFixed(1)} ms (ack p99 ${la.ackMs.p99.toFixed(1)} ms)`,
  ];
  // A follower that fell out of the ISR means acks=all waited for fewer replicas than the topic has.
  const shrunk = [th, la].filter((w) => w.minIsrAfter !== undefined && w.minIsrAfter < replicationFactor);
  if (shrunk.length > 0)
    lines.push(
      `    ISR below the replication factor after a run: ${shrunk
        .map(
          (w) =>
            `${w.minIsrAfter} of ${replicationFactor} (${w.targetRate === 0 ? "throughput" : "latency"})`,
        )
        .join(", ")}`,
    );
  return lines;
}

function ratioLine(label: string, x: ProduceRatios): string {
  return `  ${label}: produce ${x.produceMBps.toFixed(2)}x, consume ${x.consumeMBps.toFixed(2)}x MB/s; end-to-end p50 ${x.endToEndP50.toFixed(2)}x, p99 ${x.endToEndP99.toFixed(2)}x, p99.9 ${x.endToEndP999.toFixed(2)}x`;
}

export function produceReport(r: ProduceBenchResult, c: ProduceComparisons): string[] {
  const o = r.options;
  return [
    `produce/consume (Java client, ${o.recordBytes} B records, ${o.partitions} partitions, acks=all, RF ${o.replicationFactor}, min.insync.replicas ${o.minInsyncReplicas})`,
    ...targetLines(r.baseline, o.replicationFactor),
    ...targetLines(r.runnelDirect, o.replicationFactor),
    ...targetLines(r.runnelViaProxy, o.replicationFactor),
    "  ratios (MB/s: higher is better; latency: lower is better)",
    ratioLine("through the proxy / direct", c.viaProxyOverDirect),
    ratioLine("Runnel direct / Kafka", c.directOverKafka),
    ratioLine("Runnel through the proxy / Kafka", c.viaProxyOverKafka),
  ];
}
