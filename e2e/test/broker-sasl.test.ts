/**
 * SASL on a real broker process (authentication "sasl") with a real client:
 * kcat (librdkafka) authenticates with PLAIN against an API key and with
 * SCRAM-SHA-256 and SCRAM-SHA-512 against a user's credentials, produces and
 * consumes; a wrong secret fails with Kafka's message. Exact requests show the
 * rest: ApiVersions lists SaslHandshake v0-1 and SaslAuthenticate v0-2; after
 * SaslHandshake v0, PLAIN runs as bare tokens; an unknown mechanism is
 * answered with the enabled ones; a PLAIN authzid other than the key is
 * refused and the connection closed; a request outside SASL and an oversized
 * frame before authentication each close the connection (the reason logged);
 * a second SaslHandshake after authentication is ILLEGAL_SASL_STATE; a
 * connection over the logical cluster's max_connections is answered
 * POLICY_VIOLATION; revoking an API key closes its connections; the broker
 * registers its real listener address as the INTERNAL endpoint.
 *
 * The logical cluster, API key and SCRAM credentials are made through the
 * metadata controller's RPCs, as a control plane would.
 */
import { Socket } from "node:net";
import { ApiKeys, decodeResponse, ErrorCode, encodeRequest, FrameReader } from "@runnel/kafka-protocol";
import { AclOperation, AclPermissionType, newApiKey, PatternType, ResourceType } from "@runnel/tenant";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrokerProcess, startBroker } from "../harness/broker.js";
import { WireClient } from "../harness/kafka-wire.js";
import { MetadataQuorum } from "../harness/metadata.js";
import { waitUntil } from "../harness/process.js";
import { kcatSaslArgs, plainLogin, runKcat, tenantWithCredentials } from "../harness/sasl.js";

let q: MetadataQuorum;
let broker: BrokerProcess;
let lkc: string;
const apiKey = newApiKey();
const USER = "alice";
const PASSWORD = "alice-secret";

const kcat = runKcat;
const kcatArgs = (mechanism: string, username: string, password: string) =>
  kcatSaslArgs(broker.bootstrap, mechanism, username, password);
const plain = (token: string) => plainLogin(broker.port, token);

function sizePrefixed(b: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeInt32BE(b.byteLength);
  return Buffer.concat([size, b]);
}

/** A socket that sends already framed bytes and reads size-prefixed frames back, one per request. */
async function rawConnect(): Promise<{
  request(frame: Buffer): Promise<Buffer>;
  write(b: Buffer): void;
  end(): void;
  closed: Promise<void>;
}> {
  const socket = new Socket();
  await new Promise<void>((resolve) => socket.connect(broker.port, "127.0.0.1", resolve));
  socket.on("error", () => {});
  const frames = new FrameReader({}, true);
  const waiting: { resolve(b: Buffer): void; reject(e: Error): void }[] = [];
  socket.on("data", (chunk: Buffer) => {
    frames.push(chunk);
    for (let f = frames.next(); f !== null; f = frames.next()) if (f.ok) waiting.shift()?.resolve(f.frame);
  });
  const closed = new Promise<void>((resolve) =>
    socket.on("close", () => {
      for (const w of waiting.splice(0)) w.reject(new Error("the broker closed the connection"));
      resolve();
    }),
  );
  return {
    request: (frame) =>
      new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        socket.write(frame);
      }),
    write: (b) => socket.write(b),
    end: () => socket.destroy(),
    closed,
  };
}

async function waitClosed(wire: WireClient): Promise<void> {
  await waitUntil("the broker to close the connection", () => (wire.isClosed ? true : undefined), 10_000);
}

beforeAll(async () => {
  q = await MetadataQuorum.start({ voters: 1 });
  broker = await startBroker(q, 1, "a", { RUNNEL_BROKER_AUTHENTICATION: "sasl" });
  lkc = await tenantWithCredentials(q.controller, {
    name: "acme",
    apiKey,
    principal: "User:app",
    user: USER,
    password: PASSWORD,
    mechanisms: ["SCRAM-SHA-256", "SCRAM-SHA-512"],
  });
  // SCRAM users are not admins: the topic's readers need ACLs (READ implies DESCRIBE).
  const acls = await q.controller.call((c, o) =>
    c.createAcls(
      {
        logicalClusterId: lkc,
        creations: [
          {
            resourceType: ResourceType.TOPIC,
            resourceName: "sasl-topic",
            patternType: PatternType.LITERAL,
            principal: `User:${USER}`,
            host: "*",
            operation: AclOperation.READ,
            permissionType: AclPermissionType.ALLOW,
          },
        ],
      },
      o,
    ),
  );
  expect(acls.results.map((r) => r.errorCode)).toEqual([ErrorCode.NONE]);
  // The broker follows the metadata log: wait until it knows the key.
  await waitUntil(
    "the broker to know the API key",
    async () => {
      const r = await plain(`\0${apiKey.key}\0${apiKey.secret}`);
      r.wire.close();
      return r.errorCode === ErrorCode.NONE ? true : undefined;
    },
    30_000,
    200,
  );
}, 120_000);

afterAll(async () => {
  await broker?.process.close();
  await q?.close();
});

describe("SASL with real clients", () => {
  it("kcat produces with PLAIN (a record larger than the pre-authentication cap) and consumes with SCRAM-SHA-256", async () => {
    const big = "x".repeat(700 * 1024);
    const produced = await kcat(
      [...kcatArgs("PLAIN", apiKey.key, apiKey.secret), "-P", "-t", "sasl-topic", "-p", "0"],
      `small record\n${big}\n`,
    );
    expect(produced.stderr).toBe("");
    expect(produced.code, produced.stderr).toBe(0);
    const consumed = await kcat([
      ...kcatArgs("SCRAM-SHA-256", `${lkc}_${USER}`, PASSWORD),
      "-C",
      "-t",
      "sasl-topic",
      "-o",
      "beginning",
      "-e",
      "-q",
    ]);
    expect(consumed.code, consumed.stderr).toBe(0);
    expect(consumed.stdout.split("\n").filter((l) => l !== "")).toEqual(["small record", big]);
  }, 120_000);

  it("kcat lists metadata with SCRAM-SHA-512", async () => {
    const listed = await kcat([
      ...kcatArgs("SCRAM-SHA-512", `${lkc}_${USER}`, PASSWORD),
      "-L",
      "-t",
      "sasl-topic",
    ]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain(`broker 1 at ${broker.bootstrap}`);
    expect(listed.stdout).toContain('topic "sasl-topic" with 1 partitions');
  }, 60_000);

  it("kcat with a wrong secret or password fails with Kafka's message", async () => {
    const wrongPlain = await kcat([...kcatArgs("PLAIN", apiKey.key, "not-the-secret"), "-L", "-m", "5"]);
    expect(wrongPlain.code).not.toBe(0);
    expect(wrongPlain.stderr).toContain("Authentication failed: Invalid username or password");
    const wrongScram = await kcat([...kcatArgs("SCRAM-SHA-256", `${lkc}_${USER}`, "wrong"), "-L", "-m", "5"]);
    expect(wrongScram.code).not.toBe(0);
    expect(wrongScram.stderr).toContain(
      "Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-256",
    );
  }, 60_000);
});

describe("SASL with exact requests", () => {
  it("ApiVersions lists SaslHandshake v0-1 (librdkafka needs 0) and SaslAuthenticate v0-2", async () => {
    const wire = await WireClient.connect(broker.port);
    const versions = await wire.send(ApiKeys.ApiVersions, 3, {
      clientSoftwareName: "e2e",
      clientSoftwareVersion: "1",
    });
    const of = (k: number) => versions.apiKeys.find((a) => a.apiKey === k);
    expect(of(ApiKeys.SaslHandshake)).toMatchObject({ minVersion: 0, maxVersion: 1 });
    expect(of(ApiKeys.SaslAuthenticate)).toMatchObject({ minVersion: 0, maxVersion: 2 });
    wire.close();
  });

  it("after SaslHandshake v0, takes PLAIN as a bare token and answers a bare empty one", async () => {
    const socket = await rawConnect();
    const hs = await socket.request(
      encodeRequest(ApiKeys.SaslHandshake, 0, { correlationId: 7, clientId: "v0" }, { mechanism: "PLAIN" }),
    );
    const decoded = decodeResponse(ApiKeys.SaslHandshake, 0, hs);
    expect(decoded.ok && decoded.value.body.errorCode).toBe(ErrorCode.NONE);
    const token = await socket.request(sizePrefixed(Buffer.from(`\0${apiKey.key}\0${apiKey.secret}`)));
    expect(token.byteLength).toBe(0);
    // Back to Kafka framing, authenticated.
    const md = await socket.request(
      encodeRequest(
        ApiKeys.Metadata,
        12,
        { correlationId: 8, clientId: "v0" },
        {
          topics: null,
          allowAutoTopicCreation: false,
          includeClusterAuthorizedOperations: false,
          includeTopicAuthorizedOperations: false,
        },
      ),
    );
    const body = decodeResponse(ApiKeys.Metadata, 12, md);
    expect(body.ok && body.value.body.brokers.map((b) => b.nodeId)).toEqual([1]);
    socket.end();

    // A wrong secret after v0 can carry no message: the connection closes.
    const bad = await rawConnect();
    await bad.request(
      encodeRequest(ApiKeys.SaslHandshake, 0, { correlationId: 1, clientId: "v0" }, { mechanism: "PLAIN" }),
    );
    await expect(bad.request(sizePrefixed(Buffer.from(`\0${apiKey.key}\0wrong`)))).rejects.toThrow(/closed/);
  });

  it("answers an unknown mechanism with the enabled ones", async () => {
    const wire = await WireClient.connect(broker.port);
    const hs = await wire.send(ApiKeys.SaslHandshake, 1, { mechanism: "GSSAPI" });
    expect(hs).toEqual({
      errorCode: ErrorCode.UNSUPPORTED_SASL_MECHANISM,
      mechanisms: ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"],
    });
    await waitClosed(wire);
  });

  it("refuses a PLAIN authzid other than the key, then closes the connection", async () => {
    const r = await plain(`User:someone-else\0${apiKey.key}\0${apiKey.secret}`);
    expect(r.errorCode).toBe(ErrorCode.SASL_AUTHENTICATION_FAILED);
    expect(r.errorMessage).toBe(
      "Authentication failed: Client requested an authorization id that is different from username",
    );
    await waitClosed(r.wire);
    // The key itself as authzid is fine.
    const same = await plain(`${apiKey.key}\0${apiKey.key}\0${apiKey.secret}`);
    expect(same.errorCode).toBe(ErrorCode.NONE);
    same.wire.close();
  });

  it("closes a connection whose request before authentication is not SASL", async () => {
    const logged = broker.process.waitForLine(
      (l) => l.msg === "closing connection" && String(l.reason).includes("before SASL authentication"),
      10_000,
    );
    const wire = await WireClient.connect(broker.port);
    await expect(
      wire.send(ApiKeys.Metadata, 12, {
        topics: null,
        allowAutoTopicCreation: false,
        includeClusterAuthorizedOperations: false,
        includeTopicAuthorizedOperations: false,
      }),
    ).rejects.toThrow(/closed/);
    expect((await logged).reason).toBe("request of API key 3 before SASL authentication");
  });

  it("closes a connection that sends a frame over the pre-authentication cap", async () => {
    const logged = broker.process.waitForLine(
      (l) => l.msg === "closing connection: bad frame" && String(l.error).includes("pre-authentication"),
      10_000,
    );
    const socket = await rawConnect();
    const header = Buffer.alloc(4);
    header.writeInt32BE(600 * 1024);
    socket.write(Buffer.concat([header, Buffer.alloc(64 * 1024)]));
    await socket.closed;
    expect((await logged).error).toBe("pre-authentication frame of 614400 bytes exceeds the 524288 byte cap");
  });

  it("answers a second SaslHandshake after authentication ILLEGAL_SASL_STATE and goes on serving", async () => {
    const r = await plain(`\0${apiKey.key}\0${apiKey.secret}`);
    expect(r.errorCode).toBe(ErrorCode.NONE);
    const again = await r.wire.send(ApiKeys.SaslHandshake, 1, { mechanism: "PLAIN" });
    expect(again.errorCode).toBe(ErrorCode.ILLEGAL_SASL_STATE);
    const md = await r.wire.send(ApiKeys.Metadata, 12, {
      topics: null,
      allowAutoTopicCreation: false,
      includeClusterAuthorizedOperations: false,
      includeTopicAuthorizedOperations: false,
    });
    expect(md.brokers.map((b) => b.nodeId)).toEqual([1]);
    r.wire.close();
  });

  it("registers the listener's own address as the INTERNAL endpoint after PLAINTEXT and REPLICATION", async () => {
    const dump = await q.dumpJson(0);
    const reg = dump.records.find((r) => JSON.stringify(r).includes('"INTERNAL"'));
    const text = JSON.stringify(reg);
    const names = [...text.matchAll(/"name":"([A-Z]+)"/g)].map((m) => m[1]);
    expect(names).toEqual(["PLAINTEXT", "REPLICATION", "INTERNAL"]);
    expect(text).toContain(`"name":"INTERNAL","host":"127.0.0.1","port":${broker.port}`);
  });

  it("answers a connection over max_connections POLICY_VIOLATION with the limit", async () => {
    const held = await plain(`\0${apiKey.key}\0${apiKey.secret}`);
    expect(held.errorCode).toBe(ErrorCode.NONE);
    await q.controller.call((c, o) =>
      c.alterTenantQuotas({ logicalClusterId: lkc, entries: [{ key: "max_connections", value: 1 }] }, o),
    );
    const over = await waitUntil(
      "the broker to apply the quota",
      async () => {
        const r = await plain(`\0${apiKey.key}\0${apiKey.secret}`);
        if (r.errorCode === ErrorCode.NONE) r.wire.close();
        return r.errorCode === ErrorCode.NONE ? undefined : r;
      },
      20_000,
      200,
    );
    expect(over.errorCode).toBe(ErrorCode.POLICY_VIOLATION);
    expect(over.errorMessage).toBe("connection limit of 1 for this cluster reached");
    await waitClosed(over.wire);
    // Once the held connection closes, another may authenticate.
    held.wire.close();
    await waitUntil(
      "a connection to fit again",
      async () => {
        const r = await plain(`\0${apiKey.key}\0${apiKey.secret}`);
        r.wire.close();
        return r.errorCode === ErrorCode.NONE ? true : undefined;
      },
      10_000,
      100,
    );
    await q.controller.call((c, o) =>
      c.alterTenantQuotas({ logicalClusterId: lkc, entries: [{ key: "max_connections" }] }, o),
    );
  });

  it("closes the connections of an API key once it is revoked", async () => {
    const r = await plain(`\0${apiKey.key}\0${apiKey.secret}`);
    expect(r.errorCode).toBe(ErrorCode.NONE);
    await q.controller.call((c, o) => c.deleteApiKey({ key: apiKey.key }, o));
    await waitClosed(r.wire);
    const after = await plain(`\0${apiKey.key}\0${apiKey.secret}`);
    expect(after.errorCode).toBe(ErrorCode.SASL_AUTHENTICATION_FAILED);
  });
});
