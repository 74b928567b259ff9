/**
 * The proxy in front of real brokers. Two brokers over a metadata quorum
 * advertise the proxy's addresses (broker n at 127.0.0.1:base+n, bootstrap at
 * 127.0.0.1:base), so clients are told only proxy addresses.
 *
 * - kcat produces and consumes through one proxy's bootstrap.
 * - A frame over the pre-authentication cap closes its connection before the
 *   broker sees it; connections over the per-source cap are closed at accept.
 * - Two proxies (127.0.0.2 and 127.0.0.3, the same ports) serve the same
 *   brokers behind one address (a TCP balancer on 127.0.0.1, as a load
 *   balancer in front of proxy replicas): killing one with -9 during an
 *   acks=all produce stream from kafkajs costs the client reconnects to the
 *   other and loses no acknowledged record.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { Kafka, logLevel } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrokerProcess, startBroker } from "../harness/broker.js";
import {
  readPartitionValues,
  requestCreateTopic,
  topicMetadata,
  waitForTopic,
  withWire,
} from "../harness/kafka-ops.js";
import { WireClient } from "../harness/kafka-wire.js";
import { MetadataQuorum } from "../harness/metadata.js";
import { freePort } from "../harness/process.js";
import {
  freePortRange,
  metricValue,
  type ProxyProcess,
  proxyMetrics,
  startProxy,
  TcpBalancer,
} from "../harness/proxy.js";

const run = promisify(execFile);
const HOSTS = ["127.0.0.1", "127.0.0.2", "127.0.0.3"];

let q: MetadataQuorum;
const brokers: BrokerProcess[] = [];
/** Bootstrap at base, broker n at base + n, on every host. */
let base: number;

beforeAll(async () => {
  q = await MetadataQuorum.start({ voters: 1 });
  base = await freePortRange(3, HOSTS);
  for (const id of [1, 2]) {
    brokers.push(
      await startBroker(q, id, `zone-${id}`, {
        RUNNEL_BROKER_ADVERTISED_HOST: "127.0.0.1",
        RUNNEL_BROKER_ADVERTISED_PORT: String(base + id),
      }),
    );
  }
}, 120_000);

afterAll(async () => {
  for (const b of brokers) await b.process.close();
  await q?.close();
});

describe("one proxy", () => {
  let proxy: ProxyProcess;
  beforeAll(async () => {
    proxy = await startProxy(q, {
      name: "proxy-a",
      host: "127.0.0.1",
      bootstrapPort: base,
      brokerPortBase: base,
      brokers: [1, 2],
      env: { RUNNEL_PROXY_ANONYMOUS: "true" },
    });
  }, 90_000);
  afterAll(async () => {
    await proxy?.process.close();
  });

  it("serves kcat through its bootstrap: Metadata names the proxy's ports, records go in and come back", async () => {
    const bootstrap = proxy.bootstrap;
    const { stdout: listing } = await run("kcat", ["-L", "-b", bootstrap, "-m", "10"], { timeout: 30_000 });
    expect(listing).toContain(`broker 1 at 127.0.0.1:${base + 1}`);
    expect(listing).toContain(`broker 2 at 127.0.0.1:${base + 2}`);

    const values = Array.from({ length: 200 }, (_, i) => `through the proxy ${i}`);
    const produce = run(
      "kcat",
      [
        "-P",
        "-b",
        bootstrap,
        "-t",
        "via-proxy",
        "-p",
        "0",
        "-X",
        "acks=all",
        "-X",
        "linger.ms=20",
        "-m",
        "20",
      ],
      { timeout: 60_000 },
    );
    produce.child.stdin?.end(`${values.join("\n")}\n`);
    await produce;
    const { stdout } = await run(
      "kcat",
      [
        "-C",
        "-b",
        bootstrap,
        "-t",
        "via-proxy",
        "-p",
        "0",
        "-o",
        "beginning",
        "-c",
        "200",
        "-e",
        "-q",
        "-m",
        "20",
      ],
      { timeout: 60_000 },
    );
    expect(stdout.trim().split("\n")).toEqual(values);

    const metrics = await proxyMetrics(proxy);
    expect(metricValue(metrics, "proxy_bytes_received_total")).toBeGreaterThan(200 * 18);
    expect(metricValue(metrics, "proxy_bytes_sent_total")).toBeGreaterThan(200 * 18);
    const ready = await fetch(`http://127.0.0.1:${proxy.adminPort}/readyz`);
    expect(ready.status).toBe(200);
  }, 120_000);
});

describe("limits", () => {
  let proxy: ProxyProcess;
  beforeAll(async () => {
    // Its own ports, beside the others; brokers do not advertise it, so only bare connections use it.
    const ports = await freePortRange(3, ["127.0.0.1"]);
    proxy = await startProxy(q, {
      name: "proxy-limits",
      host: "127.0.0.1",
      bootstrapPort: await freePort(),
      brokerPortBase: ports,
      brokers: [1, 2],
      env: { RUNNEL_PROXY_MAX_CONNECTIONS_PER_SOURCE: "3" },
    });
  }, 90_000);
  afterAll(async () => {
    await proxy?.process.close();
  });

  it("closes a connection whose frame exceeds the pre-authentication cap, with the reason logged", async () => {
    const wire = await WireClient.connect(proxy.bootstrapPort);
    try {
      const versions = await wire.send(18, 3, {
        clientSoftwareName: "e2e",
        clientSoftwareVersion: "1",
      });
      expect(versions.errorCode).toBe(0);
      // A Produce header and 600 KiB of body: over the 512 KiB cap that holds until SASL succeeds.
      const size = 600 * 1024;
      const frame = Buffer.alloc(4 + size);
      frame.writeInt32BE(size, 0);
      frame.writeInt16BE(0, 4);
      frame.writeInt16BE(9, 6);
      frame.writeInt32BE(99, 8);
      frame.writeInt16BE(-1, 12);
      await expect(wire.sendFrame(frame, 99)).rejects.toThrow(/closed the connection/);
      expect(wire.isClosed).toBe(true);
      const line = proxy.process.lines.find((l) => l.msg === "closing connection");
      expect(String(line?.reason)).toMatch(/pre-authentication frame of 614400 bytes .* 524288 byte cap/);
      const metrics = await proxyMetrics(proxy);
      expect(
        metricValue(metrics, "proxy_connections_closed_by_proxy_total", { reason: "frame_too_large" }),
      ).toBe(1);
    } finally {
      wire.close();
    }
  });

  it("closes connections over the per-source cap at accept, and admits again once one closes", async () => {
    const held: WireClient[] = [];
    const apiVersions = (w: WireClient) =>
      w.send(18, 3, { clientSoftwareName: "e2e", clientSoftwareVersion: "1" }, 5_000);
    try {
      for (let i = 0; i < 3; i++) {
        const w = await WireClient.connect(proxy.brokerPortBase + 1 + (i % 2));
        expect((await apiVersions(w)).errorCode).toBe(0);
        held.push(w);
      }
      const over = await WireClient.connect(proxy.bootstrapPort);
      await expect(apiVersions(over)).rejects.toThrow();
      expect(over.isClosed).toBe(true);
      const line = proxy.process.lines.find((l) => l.msg === "connection refused");
      expect(line?.reason).toBe("connection limit of 3 for source 127.0.0.1 reached");
      expect(
        metricValue(await proxyMetrics(proxy), "proxy_connections_refused_total", {
          reason: "source_connections",
        }),
      ).toBe(1);

      held.shift()?.close();
      await new Promise((r) => setTimeout(r, 200));
      const again = await WireClient.connect(proxy.bootstrapPort);
      held.push(again);
      expect((await apiVersions(again)).errorCode).toBe(0);
    } finally {
      for (const w of held) w.close();
    }
  });
});

describe("two proxies behind one address", () => {
  let a: ProxyProcess;
  let b: ProxyProcess;
  let balancer: TcpBalancer;
  beforeAll(async () => {
    const started = await Promise.all(
      [
        ["proxy-2", "127.0.0.2"],
        ["proxy-3", "127.0.0.3"],
      ].map(([name, host]) =>
        startProxy(q, {
          name: name as string,
          host: host as string,
          bootstrapPort: base,
          brokerPortBase: base,
          brokers: [1, 2],
          env: { RUNNEL_PROXY_ANONYMOUS: "true" },
        }),
      ),
    );
    [a, b] = started as [ProxyProcess, ProxyProcess];
    balancer = await TcpBalancer.start("127.0.0.1", [base, base + 1, base + 2], ["127.0.0.2", "127.0.0.3"]);
  }, 120_000);
  afterAll(async () => {
    await balancer?.close();
    await a?.process.close();
    await b?.process.close();
  });

  it("keeps every acknowledged record when a proxy is killed with -9 during an acks=all produce stream", async () => {
    const topic = "through-proxies";
    const created = await withWire(brokers[0]?.port as number, (w) =>
      requestCreateTopic(w, topic, {
        partitions: 1,
        replicationFactor: 2,
        configs: { "min.insync.replicas": "2" },
      }),
    );
    expect(created?.errorCode).toBe(0);
    const topicId = await withWire(brokers[0]?.port as number, (w) =>
      waitForTopic(w, topic, (t) => t.partitions[0]?.isrNodes.length === 2),
    );

    const kafka = new Kafka({
      brokers: [`127.0.0.1:${base}`],
      clientId: "e2e-proxy-kill",
      logLevel: logLevel.NOTHING,
      retry: { retries: 30, initialRetryTime: 100, maxRetryTime: 1_000 },
    });
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const acked: string[] = [];
    let failed = 0;
    let killedAt = -1;
    let stop = false;
    const stream = (async () => {
      for (let i = 0; !stop; i++) {
        const value = `r${i}`;
        try {
          await producer.send({ topic, acks: -1, messages: [{ value }] });
          acked.push(value);
        } catch {
          failed++;
        }
      }
    })();
    try {
      await new Promise((r) => setTimeout(r, 1_500));
      // Every connection the client opened so far went to the first proxy.
      expect(balancer.routed.get("127.0.0.2")).toBeGreaterThan(0);
      expect(balancer.routed.get("127.0.0.3") ?? 0).toBe(0);
      killedAt = acked.length;
      await a.process.kill();
      await new Promise((r) => setTimeout(r, 3_000));
      stop = true;
      await stream;
    } finally {
      await producer.disconnect();
    }
    expect(killedAt).toBeGreaterThan(20);
    // The client went on through the other proxy.
    expect(acked.length - killedAt).toBeGreaterThan(20);
    expect(balancer.routed.get("127.0.0.3")).toBeGreaterThan(0);
    expect(failed).toBe(0);

    // Read back through the surviving proxy, from the leader's port.
    const leader = await withWire(brokers[0]?.port as number, async (w) => {
      await waitForTopic(w, topic, (t) => (t.partitions[0]?.leaderId ?? -1) >= 0);
      return (await topicMetadata(w, topic))?.partitions[0]?.leaderId as number;
    });
    const readBack = await withWire(base + leader, (w) => readPartitionValues(w, topicId, 0));
    const values = new Set(readBack.map((r) => r.value));
    const lost = acked.filter((v) => !values.has(v));
    expect(lost).toEqual([]);
  }, 120_000);
});
