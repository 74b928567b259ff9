import { monitorEventLoopDelay } from "node:perf_hooks";
import type { Meter } from "@opentelemetry/api";
import { PrometheusExporter, PrometheusSerializer } from "@opentelemetry/exporter-prometheus";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { MeterProvider } from "@opentelemetry/sdk-metrics";

export type { Meter };

export interface MetricsOptions {
  service: string;
  instanceId: string;
  /** Register process metrics (CPU time, memory, uptime, event-loop delay). */
  processMetrics: boolean;
}

/**
 * One service's metrics: an OpenTelemetry `MeterProvider` whose only reader is pulled on demand
 * and rendered as Prometheus text. Nothing is pushed and no extra port is opened; the admin server
 * serves the text on `/metrics`.
 */
export class Metrics {
  readonly meter: Meter;
  private readonly provider: MeterProvider;
  private readonly reader: PrometheusExporter;
  private readonly serializer = new PrometheusSerializer();
  private readonly stopProcessMetrics: () => void;

  constructor(options: MetricsOptions) {
    // The exporter is used only as a pull reader; its own HTTP server is never started.
    this.reader = new PrometheusExporter({ preventServerStart: true });
    this.provider = new MeterProvider({
      resource: resourceFromAttributes({
        "service.name": options.service,
        "service.instance.id": options.instanceId,
      }),
      readers: [this.reader],
    });
    this.meter = this.provider.getMeter(`runnel.${options.service}`);
    this.stopProcessMetrics = options.processMetrics
      ? registerProcessMetrics(this.provider.getMeter("runnel.runtime.process"))
      : () => {};
  }

  /** Creates a meter for a named component, e.g. a library inside the service. */
  getMeter(name: string): Meter {
    return this.provider.getMeter(name);
  }

  /** Collects every instrument now and renders the Prometheus text exposition format. */
  async renderPrometheus(): Promise<string> {
    const { resourceMetrics, errors } = await this.reader.collect();
    if (errors.length > 0) throw new AggregateError(errors, "metric collection failed");
    return this.serializer.serialize(resourceMetrics);
  }

  async shutdown(): Promise<void> {
    this.stopProcessMetrics();
    await this.provider.shutdown();
  }
}

/** Observable process gauges, read at collection time. Returns a function that stops sampling. */
function registerProcessMetrics(meter: Meter): () => void {
  const loopDelay = monitorEventLoopDelay({ resolution: 20 });
  loopDelay.enable();

  const cpu = meter.createObservableCounter("process.cpu.time", {
    description: "CPU time used by the process, by mode.",
    unit: "s",
  });
  const rss = meter.createObservableGauge("process.memory.usage", {
    description: "Resident set size of the process.",
    unit: "By",
  });
  const heap = meter.createObservableGauge("v8js.memory.heap.used", {
    description: "V8 heap in use.",
    unit: "By",
  });
  const uptime = meter.createObservableGauge("process.uptime", {
    description: "Seconds since the process started.",
    unit: "s",
  });
  const delay = meter.createObservableGauge("nodejs.eventloop.delay.p99", {
    description: "99th percentile of event-loop delay since the previous collection.",
    unit: "s",
  });

  meter.addBatchObservableCallback(
    (result) => {
      const usage = process.cpuUsage();
      result.observe(cpu, usage.user / 1e6, { "cpu.mode": "user" });
      result.observe(cpu, usage.system / 1e6, { "cpu.mode": "system" });
      const memory = process.memoryUsage();
      result.observe(rss, memory.rss);
      result.observe(heap, memory.heapUsed);
      result.observe(uptime, process.uptime());
      result.observe(delay, loopDelay.percentile(99) / 1e9);
      loopDelay.reset();
    },
    [cpu, rss, heap, uptime, delay],
  );
  return () => loopDelay.disable();
}
