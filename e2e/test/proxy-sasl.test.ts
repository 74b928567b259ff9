/**
 * The proxy in front of a broker that authenticates with SASL, with the
 * proxy's pre-authentication cap on (not anonymous): kcat authenticates with
 * PLAIN through the proxy, produces a record larger than the cap and consumes
 * it, and lists the cluster with SCRAM-SHA-256; the proxy learns each connection's logical
 * cluster from its first SaslAuthenticate and answers one over the logical
 * cluster's max_connections itself, with POLICY_VIOLATION (as the broker would) and
 * the limit, before the broker sees it.
 *
 * The logical cluster, API key and SCRAM credentials are made through the
 * metadata controller's RPCs, as a control plane would.
 */
import { ErrorCode } from "@runnel/kafka-protocol";
import { newApiKey } from "@runnel/tenant";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrokerProcess, startBroker } from "../harness/broker.js";
import type { WireClient } from "../harness/kafka-wire.js";
import { MetadataQuorum } from "../harness/metadata.js";
import { waitUntil } from "../harness/process.js";
import { freePortRange, type ProxyProcess, startProxy } from "../harness/proxy.js";
import { kcatSaslArgs, plainLogin, runKcat, tenantWithCredentials } from "../harness/sasl.js";

let q: MetadataQuorum;
let broker: BrokerProcess;
let proxy: ProxyProcess;
let lkc: string;
const apiKey = newApiKey();
const USER = "alice";
const PASSWORD = "alice-secret";

const kcat = runKcat;
const saslArgs = (mechanism: string, username: string, password: string) =>
  kcatSaslArgs(proxy.bootstrap, mechanism, username, password);
/** A connection through the proxy's port for broker 1 that authenticated with PLAIN (or was refused). */
const plain = () => plainLogin(proxy.brokerPortBase + 1, `\0${apiKey.key}\0${apiKey.secret}`);

beforeAll(async () => {
  q = await MetadataQuorum.start({ voters: 1 });
  const base = await freePortRange(2, ["127.0.0.1"]);
  broker = await startBroker(q, 1, "a", {
    RUNNEL_BROKER_AUTHENTICATION: "sasl",
    RUNNEL_BROKER_ADVERTISED_HOST: "127.0.0.1",
    RUNNEL_BROKER_ADVERTISED_PORT: String(base + 1),
  });
  proxy = await startProxy(q, {
    name: "proxy",
    host: "127.0.0.1",
    bootstrapPort: base,
    brokerPortBase: base,
    brokers: [1],
  });
  lkc = await tenantWithCredentials(q.controller, {
    name: "acme",
    apiKey,
    user: USER,
    password: PASSWORD,
    mechanisms: ["SCRAM-SHA-256"],
  });
  await waitUntil(
    "the broker to know the API key",
    async () => {
      const r = await plain();
      r.wire.close();
      return r.errorCode === ErrorCode.NONE ? true : undefined;
    },
    30_000,
    200,
  );
}, 120_000);

afterAll(async () => {
  await proxy?.process.close();
  await broker?.process.close();
  await q?.close();
});

describe("the proxy in front of SASL", () => {
  it("lets kcat produce a record larger than the pre-authentication cap once PLAIN succeeded, consume it, and list with SCRAM", async () => {
    const big = "y".repeat(700 * 1024);
    const produced = await kcat(
      [...saslArgs("PLAIN", apiKey.key, apiKey.secret), "-P", "-t", "proxied-sasl", "-p", "0"],
      `small record\n${big}\n`,
    );
    expect(produced.code, produced.stderr).toBe(0);
    const consumed = await kcat([
      ...saslArgs("PLAIN", apiKey.key, apiKey.secret),
      "-C",
      "-t",
      "proxied-sasl",
      "-o",
      "beginning",
      "-e",
      "-q",
    ]);
    expect(consumed.code, consumed.stderr).toBe(0);
    expect(consumed.stdout.split("\n").filter((l) => l !== "")).toEqual(["small record", big]);
    // SCRAM's two rounds pass through too (the user has no ACLs, so it only lists the cluster).
    const listed = await kcat([...saslArgs("SCRAM-SHA-256", `${lkc}_${USER}`, PASSWORD), "-L"]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain(`broker 1 at 127.0.0.1:${proxy.brokerPortBase + 1}`);
  }, 120_000);

  it("answers a SaslAuthenticate over the logical cluster's max_connections with POLICY_VIOLATION", async () => {
    const open: WireClient[] = [];
    try {
      // Two connections of the logical cluster, then a limit of two.
      for (let i = 0; i < 2; i++) {
        const r = await plain();
        expect(r.errorCode).toBe(ErrorCode.NONE);
        open.push(r.wire);
      }
      await q.controller.call((c, o) =>
        c.alterTenantQuotas({ logicalClusterId: lkc, entries: [{ key: "max_connections", value: 2 }] }, o),
      );
      // The proxy follows the metadata log: until it has the limit, a third connection goes
      // through (or the broker, if it has the limit first, refuses it). Either is closed and tried again.
      const over = await waitUntil(
        "the proxy to refuse a third connection",
        async () => {
          const refusals = () =>
            proxy.process.lines.filter((l) => l.msg === "refusing a connection over its tenant's limit")
              .length;
          const before = refusals();
          const r = await plain();
          // The broker refuses with the same code and message: only the proxy's own refusal counts here.
          if (r.errorCode === ErrorCode.POLICY_VIOLATION && refusals() > before) return r;
          r.wire.close();
          return undefined;
        },
        30_000,
        100,
      );
      expect(over.errorMessage).toBe("connection limit of 2 for this cluster reached");
      await waitUntil("the proxy to close the refused connection", () =>
        over.wire.isClosed ? true : undefined,
      );
      expect(proxy.process.lines.some((l) => l.msg === "refusing a connection over its tenant's limit")).toBe(
        true,
      );

      // A connection that closes frees its slot.
      open.shift()?.close();
      const again = await waitUntil(
        "a slot to free",
        async () => {
          const r = await plain();
          if (r.errorCode === ErrorCode.NONE) return r.wire;
          r.wire.close();
          return undefined;
        },
        10_000,
        100,
      );
      open.push(again);
    } finally {
      for (const w of open) w.close();
      await q.controller.call((c, o) =>
        c.alterTenantQuotas({ logicalClusterId: lkc, entries: [{ key: "max_connections" }] }, o),
      );
    }
  }, 60_000);
});
