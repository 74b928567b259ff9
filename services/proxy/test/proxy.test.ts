/**
 * The proxy in-process with real sockets, in front of fake brokers: routing by
 * port and by TLS server name, listeners following the image, frame caps
 * before and after authentication, tenant and per-source limits, idle
 * timeout, and a broker that cannot be reached.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect as tlsConnect } from "node:tls";
import { ApiKeys, ErrorCode } from "@runnel/kafka-protocol";
import { createLogger, SeededRandom, SystemClock } from "@runnel/runtime";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Limit } from "../src/limits.js";
import { proxyMetrics } from "../src/metrics.js";
import { KafkaProxy, type TlsOptions } from "../src/proxy.js";
import { Client, FakeBroker, FixedDirectory, freePortBase, type ImageSpec, imageWith } from "./support.js";

const PRE_AUTH = 4096;
const clock = new SystemClock();

let brokers: FakeBroker[] = [];
let proxies: KafkaProxy[] = [];

beforeEach(async () => {
  brokers = await Promise.all([new FakeBroker(1).start(), new FakeBroker(2).start()]);
});

afterEach(async () => {
  await Promise.all(proxies.map((p) => p.close()));
  await Promise.all(brokers.map((b) => b.close()));
  proxies = [];
});

interface Setup {
  spec?: Omit<ImageSpec, "brokers">;
  anonymous?: boolean;
  perSource?: Limit;
  idleTimeoutMs?: number;
  tls?: Omit<TlsOptions, "port">;
}

async function startProxy(o: Setup = {}) {
  const base = await freePortBase(3);
  const directory = new FixedDirectory(
    imageWith({ ...o.spec, brokers: { 1: brokers[0]?.port as number, 2: brokers[1]?.port as number } }),
  );
  const proxy = new KafkaProxy({
    listenHost: "127.0.0.1",
    bootstrapPort: 0,
    brokerPortBase: base,
    ...(o.tls !== undefined ? { tls: { ...o.tls, port: 0 } } : {}),
    caps: { maxFrameBytes: 1 << 20, preAuthMaxFrameBytes: PRE_AUTH, anonymous: o.anonymous ?? false },
    idleTimeoutMs: o.idleTimeoutMs ?? 60_000,
    connectTimeoutMs: 2_000,
    perSource: o.perSource ?? {},
    directory,
    metrics: proxyMetrics(undefined),
    clock,
    random: new SeededRandom(1),
    logger: createLogger({ service: "proxy", instanceId: "test", level: "silent", clock }),
  });
  proxies.push(proxy);
  await proxy.start();
  await waitFor(() => proxy.ports.brokers.size === 2);
  return { proxy, directory, base, bootstrap: proxy.ports.bootstrap };
}

async function waitFor(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("routing", () => {
  it("sends port base+n to broker n, and bootstrap connections to the active brokers", async () => {
    const { base, bootstrap, directory } = await startProxy({ anonymous: true });
    for (const id of [1, 2]) {
      const c = await Client.connect(base + id);
      expect((await c.echo(ApiKeys.Metadata, 10))?.brokerId).toBe(id);
      c.close();
    }
    const seen = new Set<number>();
    for (let i = 0; i < 20; i++) {
      const c = await Client.connect(bootstrap);
      seen.add((await c.echo(ApiKeys.Metadata, 10))?.brokerId as number);
      c.close();
    }
    expect([...seen].sort()).toEqual([1, 2]);
    // A fenced broker gets no bootstrap connections.
    directory.set(
      imageWith({ brokers: { 1: brokers[0]?.port as number, 2: brokers[1]?.port as number }, fenced: [1] }),
    );
    for (let i = 0; i < 10; i++) {
      const c = await Client.connect(bootstrap);
      expect((await c.echo(ApiKeys.Metadata, 10))?.brokerId).toBe(2);
      c.close();
    }
  });

  it("opens a port when a broker registers and closes it when the broker is unregistered", async () => {
    const { proxy, directory, base } = await startProxy();
    const b3 = await new FakeBroker(3).start();
    brokers.push(b3);
    const three = { 1: brokers[0]?.port as number, 2: brokers[1]?.port as number, 3: b3.port };
    directory.set(imageWith({ brokers: three }));
    await waitFor(() => proxy.ports.brokers.get(3) === base + 3);
    const c = await Client.connect(base + 3);
    expect((await c.echo(ApiKeys.ApiVersions, 10))?.brokerId).toBe(3);
    c.close();
    directory.set(imageWith({ brokers: { 1: brokers[0]?.port as number } }));
    await waitFor(() => proxy.ports.brokers.size === 1);
    await expect(Client.connect(base + 2)).rejects.toThrow(/ECONNREFUSED/);
  });

  it("follows a broker that registers again at another address (a move or a restart)", async () => {
    const { directory, base } = await startProxy({ anonymous: true });
    const moved = await new FakeBroker(1).start();
    brokers.push(moved);
    const before = await Client.connect(base + 1);
    expect(await before.echo(ApiKeys.Metadata, 5)).not.toBeNull();
    directory.set(imageWith({ brokers: { 1: moved.port, 2: brokers[1]?.port as number } }));
    const after = await Client.connect(base + 1);
    expect(await after.echo(ApiKeys.Metadata, 5)).not.toBeNull();
    expect(moved.received).toEqual([13]);
    expect(brokers[0]?.received).toEqual([13]);
    before.close();
    after.close();
  });

  it("closes a connection whose broker cannot be reached", async () => {
    const { directory, base } = await startProxy();
    const gone = brokers[1] as FakeBroker;
    await gone.close();
    directory.set(imageWith({ brokers: { 1: brokers[0]?.port as number, 2: gone.port } }));
    const c = await Client.connect(base + 2);
    c.sendRaw(ApiKeys.ApiVersions, 10);
    expect(await c.next()).toBeNull();
  });

  it("routes TLS connections by server name: b<n>.<domain> to broker n, anything else as bootstrap", async () => {
    const dir = mkdtempSync(join(tmpdir(), "proxy-tls-"));
    try {
      execFileSync(
        "openssl",
        [
          "req",
          "-x509",
          "-newkey",
          "ec",
          "-pkeyopt",
          "ec_paramgen_curve:prime256v1",
          "-nodes",
          "-days",
          "1",
          "-subj",
          "/CN=kafka.test",
          "-addext",
          "subjectAltName=DNS:*.kafka.test,DNS:kafka.test",
          "-keyout",
          join(dir, "key.pem"),
          "-out",
          join(dir, "cert.pem"),
        ],
        { stdio: "ignore" },
      );
      const cert = readFileSync(join(dir, "cert.pem"));
      const { proxy } = await startProxy({
        anonymous: true,
        tls: { cert, key: readFileSync(join(dir, "key.pem")), domain: "kafka.test" },
      });
      const port = proxy.ports.tls as number;
      const via = async (servername: string) => {
        // The certificate names only kafka.test: another domain is checked by routing alone.
        const socket = tlsConnect({
          host: "127.0.0.1",
          port,
          servername,
          ca: cert,
          checkServerIdentity: () => undefined,
        });
        await new Promise<void>((resolve, reject) => {
          socket.once("secureConnect", resolve);
          socket.once("error", reject);
        });
        const c = Client.wrap(socket);
        const answer = await c.echo(ApiKeys.Metadata, 10);
        c.close();
        return answer?.brokerId;
      };
      expect(await via("b1.kafka.test")).toBe(1);
      expect(await via("b2.kafka.test")).toBe(2);
      expect(await via("B2.KAFKA.TEST")).toBe(2);
      expect([1, 2]).toContain(await via("kafka.test"));
      // Another domain is not a broker name: bootstrap.
      expect([1, 2]).toContain(await via("b2.other.test"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("frame caps", () => {
  it("closes a connection whose frame exceeds the pre-authentication cap, before the broker sees it", async () => {
    const { base } = await startProxy();
    const c = await Client.connect(base + 1);
    expect((await c.echo(ApiKeys.Metadata, PRE_AUTH - 8))?.frameBytes).toBe(PRE_AUTH);
    c.sendRaw(ApiKeys.Produce, PRE_AUTH);
    await c.whenClosed();
    expect(brokers[0]?.received).toEqual([PRE_AUTH]);
  });

  it("lifts the cap after a successful SaslAuthenticate, not after a failed one", async () => {
    const { base } = await startProxy();
    (brokers[0] as FakeBroker).authErrorCode = ErrorCode.SASL_AUTHENTICATION_FAILED;
    const refused = await Client.connect(base + 1);
    expect((await refused.authenticate("PLAIN", "\0key\0wrong"))?.errorCode).toBe(
      ErrorCode.SASL_AUTHENTICATION_FAILED,
    );
    refused.sendRaw(ApiKeys.Produce, 100_000);
    await refused.whenClosed();

    (brokers[0] as FakeBroker).authErrorCode = 0;
    const c = await Client.connect(base + 1);
    expect((await c.authenticate("PLAIN", "\0key\0secret"))?.errorCode).toBe(0);
    expect((await c.echo(ApiKeys.Produce, 100_000))?.frameBytes).toBe(100_008);
    // The frame cap still holds.
    c.sendRaw(ApiKeys.Produce, 1 << 20);
    await c.whenClosed();
  });

  it("follows a SaslHandshake v0 exchange of bare tokens, and lifts the cap once the broker answered the last", async () => {
    const { base } = await startProxy();
    const plain = await Client.connect(base + 1);
    expect(await plain.authenticateV0("PLAIN", ["\0key\0secret"])).toEqual([Buffer.alloc(0)]);
    expect((await plain.echo(ApiKeys.Produce, 100_000))?.frameBytes).toBe(100_008);
    plain.close();
    const scram = await Client.connect(base + 2);
    const answers = await scram.authenticateV0("SCRAM-SHA-256", [
      "n,,n=u,r=nonce",
      "c=biws,r=nonce1,p=proof",
    ]);
    expect(answers?.map((a) => a.toString())).toEqual(["server-first", ""]);
    expect((await scram.echo(ApiKeys.Produce, 100_000))?.frameBytes).toBe(100_008);
    scram.close();
    // A failed exchange is a closed connection, and nothing is lifted.
    (brokers[0] as FakeBroker).authErrorCode = ErrorCode.SASL_AUTHENTICATION_FAILED;
    const failed = await Client.connect(base + 1);
    expect(await failed.authenticateV0("PLAIN", ["\0key\0wrong"])).toBeNull();
  });

  it("in anonymous mode, lifts the cap at the first request outside the SASL exchange", async () => {
    const { base } = await startProxy({ anonymous: true });
    const c = await Client.connect(base + 1);
    expect((await c.echo(ApiKeys.ApiVersions, 20))?.frameBytes).toBe(28);
    expect((await c.echo(ApiKeys.Produce, 200_000))?.frameBytes).toBe(200_008);
    c.close();
  });
});

describe("limits", () => {
  const spec = {
    apiKeys: { KEYA: "lkc-aaaaaa", KEYB: "lkc-bbbbbb" },
    scram: { "lkc-aaaaaa_alice": "lkc-aaaaaa" },
    quotas: { "lkc-aaaaaa": { max_connections: 2 } },
  };

  it("answers SaslAuthenticate with POLICY_VIOLATION once a tenant holds its connection limit, then closes", async () => {
    const { base, bootstrap } = await startProxy({ spec });
    const first = await Client.connect(base + 1);
    expect((await first.authenticate("PLAIN", "\0KEYA\0secret"))?.errorCode).toBe(0);
    // SCRAM logins count against the same logical cluster.
    const second = await Client.connect(base + 2);
    expect((await second.authenticate("SCRAM-SHA-256", "n,,n=lkc-aaaaaa_alice,r=abc"))?.errorCode).toBe(0);
    const third = await Client.connect(bootstrap);
    expect(await third.authenticate("PLAIN", "\0KEYA\0secret")).toEqual({
      errorCode: ErrorCode.POLICY_VIOLATION,
      message: "connection limit of 2 for this cluster reached",
    });
    await third.whenClosed();
    // Another tenant is not affected.
    const other = await Client.connect(bootstrap);
    expect((await other.authenticate("PLAIN", "\0KEYB\0secret"))?.errorCode).toBe(0);
    // A closed connection frees its slot.
    first.close();
    await first.whenClosed();
    await new Promise((r) => setTimeout(r, 50));
    const again = await Client.connect(base + 1);
    expect((await again.authenticate("PLAIN", "\0KEYA\0secret"))?.errorCode).toBe(0);
    for (const c of [second, other, again]) c.close();
  });

  it("counts a connection against its tenant only once the broker accepted its credentials", async () => {
    const { base } = await startProxy({ spec });
    // Someone who knows the key id but not the secret: the broker refuses, and the attempts stay open.
    for (const b of brokers) b.authErrorCode = ErrorCode.SASL_AUTHENTICATION_FAILED;
    const failed: Client[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        const c = await Client.connect(base + 1);
        expect((await c.authenticate("PLAIN", "\0KEYA\0guess"))?.errorCode).toBe(
          ErrorCode.SASL_AUTHENTICATION_FAILED,
        );
        failed.push(c);
      }
    } finally {
      for (const b of brokers) b.authErrorCode = 0;
    }
    // They hold none of the tenant's two connections.
    const good = [await Client.connect(base + 1), await Client.connect(base + 2)];
    for (const c of good) expect((await c.authenticate("PLAIN", "\0KEYA\0secret"))?.errorCode).toBe(0);
    const third = await Client.connect(base + 1);
    expect((await third.authenticate("PLAIN", "\0KEYA\0secret"))?.errorCode).toBe(ErrorCode.POLICY_VIOLATION);
    for (const c of [...failed, ...good]) c.close();
  });

  it("closes a SaslHandshake v0 connection over its tenant's limit, which has no error answer", async () => {
    const { base } = await startProxy({
      spec: { ...spec, quotas: { "lkc-aaaaaa": { max_connections: 1 } } },
    });
    const first = await Client.connect(base + 1);
    expect(await first.authenticateV0("PLAIN", ["\0KEYA\0s"])).toEqual([Buffer.alloc(0)]);
    const second = await Client.connect(base + 1);
    expect(await second.authenticateV0("PLAIN", ["\0KEYA\0s"])).toBeNull();
    // The broker saw the first connection's handshake and token, the second's handshake only.
    expect(brokers[0]?.received).toHaveLength(3);
    first.close();
  });

  it("limits a tenant's connection rate", async () => {
    const { base } = await startProxy({
      spec: { ...spec, quotas: { "lkc-aaaaaa": { connection_creation_rate: 0.01 } } },
    });
    const first = await Client.connect(base + 1);
    expect((await first.authenticate("PLAIN", "\0KEYA\0s"))?.errorCode).toBe(0);
    const second = await Client.connect(base + 1);
    expect(await second.authenticate("PLAIN", "\0KEYA\0s")).toEqual({
      errorCode: ErrorCode.THROTTLING_QUOTA_EXCEEDED,
      message: "connection rate limit of 0.01/s for this cluster reached",
    });
    first.close();
  });

  it("closes connections over the per-source limit at accept", async () => {
    const { base, bootstrap } = await startProxy({ anonymous: true, perSource: { maxConnections: 2 } });
    const a = await Client.connect(base + 1);
    const b = await Client.connect(bootstrap);
    expect(await a.echo(ApiKeys.Metadata, 1)).not.toBeNull();
    expect(await b.echo(ApiKeys.Metadata, 1)).not.toBeNull();
    const c = await Client.connect(base + 2);
    await c.whenClosed();
    a.close();
    await a.whenClosed();
    await new Promise((r) => setTimeout(r, 50));
    const d = await Client.connect(base + 2);
    expect((await d.echo(ApiKeys.Metadata, 1))?.brokerId).toBe(2);
    b.close();
    d.close();
  });

  it("closes a connection with no traffic either way for the idle timeout", async () => {
    const { base } = await startProxy({ anonymous: true, idleTimeoutMs: 300 });
    const c = await Client.connect(base + 1);
    // Traffic keeps it open past the timeout (four gaps of half of it).
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 150));
      expect(await c.echo(ApiKeys.Metadata, 1)).not.toBeNull();
    }
    await c.whenClosed(2_000);
  });
});
