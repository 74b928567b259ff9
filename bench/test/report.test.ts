/**
 * What the produce/consume benchmarks report: for each figure, Runnel through the proxy over Runnel
 * direct and each Runnel path over Kafka, the replication settings in the heading, a warning when an
 * ISR shrank, and the result file of each workload; and how a run proves it took the path it is
 * reported under.
 */
import { describe, expect, it } from "vitest";
import {
  metricTotal,
  PRODUCE_DEFAULTS,
  type ProduceBenchResult,
  pathMismatch,
  REPLICATED_DEFAULTS,
  type WorkloadResult,
} from "../src/produce.js";
import { produceComparisons, produceRatios, produceReport, produceResultName } from "../src/report.js";

function run(over: Partial<WorkloadResult>): WorkloadResult {
  return {
    records: 1000,
    recordBytes: 1024,
    targetRate: 0,
    produceSeconds: 1,
    produceMBps: 10,
    produceRecordsPerSecond: 1000,
    consumeMBps: 10,
    ackMs: { p50: 1, p99: 2, p999: 3, max: 4 },
    endToEndMs: { p50: 1, p99: 2, p999: 3, max: 4 },
    replicationFactor: 3,
    minIsrAfter: 3,
    ...over,
  };
}

const replicated: ProduceBenchResult = {
  options: REPLICATED_DEFAULTS,
  baseline: {
    target: "Apache Kafka 3.9.1, 3 brokers (KRaft combined mode)",
    throughput: run({ produceMBps: 20, consumeMBps: 40 }),
    latency: run({ targetRate: 5000, endToEndMs: { p50: 4, p99: 10, p999: 50, max: 60 } }),
  },
  runnelDirect: {
    target: "Runnel, 3 brokers (3 metadata voters), direct to the brokers",
    throughput: run({ produceMBps: 30, consumeMBps: 10 }),
    latency: run({ targetRate: 5000, endToEndMs: { p50: 2, p99: 20, p999: 25, max: 30 } }),
  },
  runnelViaProxy: {
    target: "Runnel, 3 brokers (3 metadata voters), through the proxy",
    throughput: run({ produceMBps: 24, consumeMBps: 8 }),
    latency: run({ targetRate: 5000, endToEndMs: { p50: 3, p99: 30, p999: 50, max: 60 } }),
  },
};

describe("produce/consume report", () => {
  it("divides one side's figures by another's", () => {
    expect(produceRatios(replicated.runnelDirect, replicated.baseline)).toEqual({
      produceMBps: 1.5,
      consumeMBps: 0.25,
      endToEndP50: 0.5,
      endToEndP99: 2,
      endToEndP999: 0.5,
    });
  });

  it("compares through the proxy with direct, and each Runnel path with Kafka", () => {
    expect(produceComparisons(replicated)).toEqual({
      viaProxyOverDirect: {
        produceMBps: 0.8,
        consumeMBps: 0.8,
        endToEndP50: 1.5,
        endToEndP99: 1.5,
        endToEndP999: 2,
      },
      directOverKafka: produceRatios(replicated.runnelDirect, replicated.baseline),
      viaProxyOverKafka: {
        produceMBps: 1.2,
        consumeMBps: 0.2,
        endToEndP50: 0.75,
        endToEndP99: 3,
        endToEndP999: 1,
      },
    });
  });

  it("names the replication settings and prints the three sides and the ratios", () => {
    const lines = produceReport(replicated, produceComparisons(replicated));
    expect(lines[0]).toBe(
      "produce/consume (Java client, 1024 B records, 12 partitions, acks=all, RF 3, min.insync.replicas 2)",
    );
    const kafka = lines.indexOf("  Apache Kafka 3.9.1, 3 brokers (KRaft combined mode)");
    const direct = lines.indexOf("  Runnel, 3 brokers (3 metadata voters), direct to the brokers");
    const proxy = lines.indexOf("  Runnel, 3 brokers (3 metadata voters), through the proxy");
    expect(kafka).toBeGreaterThan(0);
    expect(direct).toBeGreaterThan(kafka);
    expect(proxy).toBeGreaterThan(direct);
    expect(lines[direct + 2]).toBe(
      "    end-to-end at 5000 records/s: p50 2.0 ms  p99 20.0 ms  p99.9 25.0 ms (ack p99 2.0 ms)",
    );
    expect(lines[proxy + 2]).toBe(
      "    end-to-end at 5000 records/s: p50 3.0 ms  p99 30.0 ms  p99.9 50.0 ms (ack p99 2.0 ms)",
    );
    expect(lines.slice(-4)).toEqual([
      "  ratios (MB/s: higher is better; latency: lower is better)",
      "  through the proxy / direct: produce 0.80x, consume 0.80x MB/s; end-to-end p50 1.50x, p99 1.50x, p99.9 2.00x",
      "  Runnel direct / Kafka: produce 1.50x, consume 0.25x MB/s; end-to-end p50 0.50x, p99 2.00x, p99.9 0.50x",
      "  Runnel through the proxy / Kafka: produce 1.20x, consume 0.20x MB/s; end-to-end p50 0.75x, p99 3.00x, p99.9 1.00x",
    ]);
    expect(lines.some((l) => l.includes("ISR below"))).toBe(false);
  });

  it("says when a follower fell out of the ISR during a run", () => {
    const shrunk: ProduceBenchResult = {
      ...replicated,
      runnelViaProxy: { ...replicated.runnelViaProxy, latency: run({ targetRate: 5000, minIsrAfter: 2 }) },
    };
    const lines = produceReport(shrunk, produceComparisons(shrunk));
    expect(lines.filter((l) => l.includes("ISR below"))).toEqual([
      "    ISR below the replication factor after a run: 2 of 3 (latency)",
    ]);
  });

  it("writes each workload to its own file", () => {
    expect(produceResultName("produce", 1)).toBe("produce");
    expect(produceResultName("produce", 3)).toBe("produce-3-brokers");
    expect(produceResultName("replicated", 3)).toBe("replicated");
  });

  it("replicates only in the replicated workload, with min.insync.replicas set on both sides", () => {
    expect(PRODUCE_DEFAULTS).toMatchObject({ replicationFactor: 1, minInsyncReplicas: 1, kafkaNodes: 1 });
    expect(REPLICATED_DEFAULTS).toMatchObject({
      replicationFactor: 3,
      minInsyncReplicas: 2,
      brokers: 3,
      kafkaNodes: 3,
    });
  });
});

describe("the path a Runnel run took", () => {
  const exposition = [
    "# HELP proxy_bytes_received_total Bytes received from clients and forwarded to brokers.",
    "# TYPE proxy_bytes_received_total counter",
    'proxy_bytes_received_total{otel_scope_name="proxy"} 1500',
    'proxy_bytes_received_total{otel_scope_name="other"} 500',
    "proxy_bytes_received_total_extra 7",
    "proxy_bytes_sent_total 9000",
  ].join("\n");

  it("reads the proxy's received bytes from its metrics, 0 before any", () => {
    expect(metricTotal(exposition, "proxy_bytes_received_total")).toBe(2000);
    expect(metricTotal("# no samples yet\n", "proxy_bytes_received_total")).toBe(0);
  });

  it("through the proxy: at least the produced bytes came in through it", () => {
    expect(pathMismatch("proxy", 2000, 2000)).toBeNull();
    expect(pathMismatch("proxy", 1999, 2000)).toBe(
      "the proxy received 1999 bytes from clients, fewer than the 2000 produced through it",
    );
  });

  it("direct: not one byte went through the proxy", () => {
    expect(pathMismatch("direct", 0, 2000)).toBeNull();
    expect(pathMismatch("direct", 1, 2000)).toBe(
      "the proxy received 1 bytes from clients in a run meant to bypass it",
    );
  });
});
