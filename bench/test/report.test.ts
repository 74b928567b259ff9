/**
 * What the produce/consume benchmarks report: Runnel over Kafka for each figure, the replication
 * settings in the heading, a warning when an ISR shrank, and the result file of each workload.
 */
import { describe, expect, it } from "vitest";
import {
  PRODUCE_DEFAULTS,
  type ProduceBenchResult,
  REPLICATED_DEFAULTS,
  type WorkloadResult,
} from "../src/produce.js";
import { produceRatios, produceReport, produceResultName } from "../src/report.js";

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
  runnel: {
    target: "Runnel, 3 brokers (3 metadata voters)",
    throughput: run({ produceMBps: 30, consumeMBps: 10 }),
    latency: run({ targetRate: 5000, endToEndMs: { p50: 2, p99: 20, p999: 25, max: 30 } }),
  },
};

describe("produce/consume report", () => {
  it("divides Runnel's figures by Kafka's", () => {
    expect(produceRatios(replicated)).toEqual({
      produceMBps: 1.5,
      consumeMBps: 0.25,
      endToEndP50: 0.5,
      endToEndP99: 2,
      endToEndP999: 0.5,
    });
  });

  it("names the replication settings and prints both sides and the ratios", () => {
    const lines = produceReport(replicated, produceRatios(replicated));
    expect(lines[0]).toBe(
      "produce/consume (Java client, 1024 B records, 12 partitions, acks=all, RF 3, min.insync.replicas 2)",
    );
    expect(lines).toContain("  Apache Kafka 3.9.1, 3 brokers (KRaft combined mode)");
    expect(lines).toContain(
      "    end-to-end at 5000 records/s: p50 2.0 ms  p99 20.0 ms  p99.9 25.0 ms (ack p99 2.0 ms)",
    );
    expect(lines.at(-1)).toBe(
      "  Runnel / Kafka: produce 1.50x, consume 0.25x MB/s; end-to-end p50 0.50x, p99 2.00x, p99.9 0.50x (latency: lower is better)",
    );
    expect(lines.some((l) => l.includes("ISR below"))).toBe(false);
  });

  it("says when a follower fell out of the ISR during a run", () => {
    const shrunk: ProduceBenchResult = {
      ...replicated,
      runnel: { ...replicated.runnel, latency: run({ targetRate: 5000, minIsrAfter: 2 }) },
    };
    const lines = produceReport(shrunk, produceRatios(shrunk));
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
