/**
 * SASL's state machines without a socket: the SCRAM server exchange against a
 * client written here from RFC 5802 (and RFC 7677's SCRAM-SHA-256 example),
 * PLAIN's token rules and API-key check, and the per-connection authority:
 * which requests a connection may send in which state, the anonymous logical
 * cluster, the max_connections quota, and revocation closing connections.
 */
import { createHash, createHmac, pbkdf2Sync } from "node:crypto";
import { ApiKeys, ErrorCode } from "@runnel/kafka-protocol";
import { emptyImage, type MetadataImage, type ScramCredentialImage } from "@runnel/metadata";
import { createLogger, SystemClock } from "@runnel/runtime";
import {
  decodeSaslName,
  hashApiKeySecret,
  parsePlainToken,
  type ScramMechanism,
  scramCredential,
} from "@runnel/tenant";
import { describe, expect, it } from "vitest";
import { PlainVerifier } from "../src/auth/plain.js";
import { type ConnectionAuth, SaslAuthority } from "../src/auth/sasl.js";
import { ScramServerExchange, type ScramStep, scramFailedMessage } from "../src/auth/scram.js";

const logger = createLogger({ service: "test", instanceId: "t", level: "silent", clock: new SystemClock() });
const utf8 = (s: string) => Buffer.from(s, "utf8");
const text = (b: Uint8Array) => Buffer.from(b).toString("utf8");

// ---- a SCRAM client, from RFC 5802 section 3 ----

const HASH = { "SCRAM-SHA-256": ["sha256", 32], "SCRAM-SHA-512": ["sha512", 64] } as const;

class ScramClient {
  readonly clientFirstBare: string;
  constructor(
    readonly mechanism: ScramMechanism,
    readonly user: string,
    readonly password: string,
    readonly cnonce = "fyko+d2lbbFgONRv9qkxdawL",
    readonly gs2Header = "n,,",
  ) {
    const saslName = user.replaceAll("=", "=3D").replaceAll(",", "=2C");
    this.clientFirstBare = `n=${saslName},r=${cnonce}`;
  }

  first(): string {
    return this.gs2Header + this.clientFirstBare;
  }

  /** The client-final message for a server-first one, and the server signature to expect. */
  final(serverFirst: string, nonce?: string): { message: string; serverSignature: string } {
    const attrs = new Map(serverFirst.split(",").map((a) => [a.slice(0, 1), a.slice(2)]));
    const [hash, length] = HASH[this.mechanism];
    const salted = pbkdf2Sync(
      utf8(this.password),
      Buffer.from(attrs.get("s") as string, "base64"),
      Number(attrs.get("i")),
      length,
      hash,
    );
    const clientKey = createHmac(hash, salted).update("Client Key").digest();
    const storedKey = createHash(hash).update(clientKey).digest();
    const withoutProof = `c=${utf8(this.gs2Header).toString("base64")},r=${nonce ?? attrs.get("r")}`;
    const authMessage = `${this.clientFirstBare},${serverFirst},${withoutProof}`;
    const signature = createHmac(hash, storedKey).update(authMessage).digest();
    const proof = Buffer.from(clientKey.map((b, i) => b ^ (signature[i] as number)));
    const serverKey = createHmac(hash, salted).update("Server Key").digest();
    return {
      message: `${withoutProof},p=${proof.toString("base64")}`,
      serverSignature: `v=${createHmac(hash, serverKey).update(authMessage).digest("base64")}`,
    };
  }
}

function credentialImage(
  mechanism: ScramMechanism,
  user: string,
  password: string,
  salt?: Uint8Array,
): ScramCredentialImage {
  return { logicalClusterId: "lkc-a", user, ...scramCredential(mechanism, password, 4096, salt) };
}

function exchange(
  mechanism: ScramMechanism,
  creds: Record<string, ScramCredentialImage>,
  nonce = "server-nonce",
  fakeSaltKey: Uint8Array = utf8("fake-salt-key"),
): ScramServerExchange {
  return new ScramServerExchange({
    mechanism,
    fakeSaltKey,
    lookup: (name) => creds[name],
    nonce: () => nonce,
  });
}

function reply(step: ScramStep): string {
  if (!step.ok) throw new Error(`step failed: ${step.reason}`);
  return text(step.reply);
}

describe("SCRAM server exchange", () => {
  it("answers RFC 7677's SCRAM-SHA-256 example message for message", () => {
    const salt = Buffer.from("W22ZaJ0SNY7soEsUEjb6gQ==", "base64");
    const server = exchange(
      "SCRAM-SHA-256",
      { user: credentialImage("SCRAM-SHA-256", "user", "pencil", salt) },
      "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0",
    );
    expect(reply(server.step(utf8("n,,n=user,r=rOprNGfwEbeRWgbNEkqO")))).toBe(
      "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
    );
    const last = server.step(
      utf8(
        "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
      ),
    );
    expect(reply(last)).toBe("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
    expect(last.ok && last.done && last.credential.user).toBe("user");
  });

  for (const mechanism of ["SCRAM-SHA-256", "SCRAM-SHA-512"] as const) {
    it(`${mechanism}: a client that knows the password authenticates and can check the server`, () => {
      const creds = { "lkc-a_alice": credentialImage(mechanism, "alice", "secret") };
      const server = exchange(mechanism, creds, "snonce1");
      const client = new ScramClient(mechanism, "lkc-a_alice", "secret");
      const serverFirst = reply(server.step(utf8(client.first())));
      expect(serverFirst).toMatch(/^r=fyko\+d2lbbFgONRv9qkxdawLsnonce1,s=[A-Za-z0-9+/=]+,i=4096$/);
      const { message, serverSignature } = client.final(serverFirst);
      const last = server.step(utf8(message));
      expect(reply(last)).toBe(serverSignature);
      expect(last.ok && last.done && last.credential).toBe(creds["lkc-a_alice"]);
    });
  }

  it("refuses a wrong password, and an unknown user with the very same message", () => {
    const creds = { bob: credentialImage("SCRAM-SHA-256", "bob", "right") };
    const wrong = exchange("SCRAM-SHA-256", creds);
    const c1 = new ScramClient("SCRAM-SHA-256", "bob", "wrong");
    const s1 = wrong.step(utf8(c1.final(reply(wrong.step(utf8(c1.first())))).message));

    const unknown = exchange("SCRAM-SHA-256", creds);
    const c2 = new ScramClient("SCRAM-SHA-256", "nobody", "right");
    const first = reply(unknown.step(utf8(c2.first())));
    const s2 = unknown.step(utf8(c2.final(first).message));

    expect(s1).toMatchObject({ ok: false, message: scramFailedMessage("SCRAM-SHA-256") });
    expect(s2).toMatchObject({ ok: false, message: scramFailedMessage("SCRAM-SHA-256") });
    // The unknown user's server-first looks like a real one, with a salt that stays the same.
    expect(first).toMatch(/^r=\S+,s=[A-Za-z0-9+/]{43}=,i=4096$/);
    const again = exchange("SCRAM-SHA-256", creds);
    expect(reply(again.step(utf8(c2.first())))).toBe(first);
    // ...and differs from another unknown user's, and under another process key.
    const other = exchange("SCRAM-SHA-256", creds);
    expect(reply(other.step(utf8(new ScramClient("SCRAM-SHA-256", "nobody2", "x").first())))).not.toBe(first);
    const otherKey = exchange("SCRAM-SHA-256", creds, "server-nonce", utf8("another key"));
    expect(reply(otherKey.step(utf8(c2.first())))).not.toBe(first);
  });

  it("refuses a client-final message replayed from an earlier exchange", () => {
    const creds = { carol: credentialImage("SCRAM-SHA-512", "carol", "pw") };
    const client = new ScramClient("SCRAM-SHA-512", "carol", "pw");
    const first = exchange("SCRAM-SHA-512", creds, "nonce-one");
    const { message } = client.final(reply(first.step(utf8(client.first()))));
    expect(first.step(utf8(message)).ok).toBe(true);

    const second = exchange("SCRAM-SHA-512", creds, "nonce-two");
    reply(second.step(utf8(client.first())));
    expect(second.step(utf8(message))).toMatchObject({
      ok: false,
      message: scramFailedMessage("SCRAM-SHA-512"),
      reason: "client-final message with another nonce",
    });
  });

  it("refuses a final message whose nonce is not the combined one, even with a proof over it", () => {
    const creds = { dave: credentialImage("SCRAM-SHA-256", "dave", "pw") };
    const server = exchange("SCRAM-SHA-256", creds, "snonce");
    const client = new ScramClient("SCRAM-SHA-256", "dave", "pw");
    const serverFirst = reply(server.step(utf8(client.first())));
    // The client's own nonce alone, properly signed: still the wrong nonce.
    const step = server.step(utf8(client.final(serverFirst, client.cnonce).message));
    expect(step).toMatchObject({ ok: false, reason: "client-final message with another nonce" });
  });

  it("accepts librdkafka's client nonce repeated in front of the combined one, and no other prefix", () => {
    const creds = { dave: credentialImage("SCRAM-SHA-256", "dave", "pw") };
    const client = new ScramClient("SCRAM-SHA-256", "dave", "pw");
    const ok = exchange("SCRAM-SHA-256", creds, "snonce");
    const combined = `${client.cnonce}snonce`;
    const sf = reply(ok.step(utf8(client.first())));
    const { message, serverSignature } = client.final(sf, client.cnonce + combined);
    expect(reply(ok.step(utf8(message)))).toBe(serverSignature);

    const other = exchange("SCRAM-SHA-256", creds, "snonce");
    const sf2 = reply(other.step(utf8(client.first())));
    expect(other.step(utf8(client.final(sf2, `x${combined}`).message))).toMatchObject({
      ok: false,
      reason: "client-final message with another nonce",
    });
  });

  it("refuses an authzid other than the username, and accepts the username itself", () => {
    const creds = { erin: credentialImage("SCRAM-SHA-256", "erin", "pw") };
    const mismatch = exchange("SCRAM-SHA-256", creds);
    expect(mismatch.step(utf8("n,a=admin,n=erin,r=abc"))).toMatchObject({
      ok: false,
      message: "Authentication failed: Client requested an authorization id that is different from username",
    });
    const same = exchange("SCRAM-SHA-256", creds);
    const client = new ScramClient("SCRAM-SHA-256", "erin", "pw", "abc", "n,a=erin,");
    const { message, serverSignature } = client.final(reply(same.step(utf8(client.first()))));
    expect(reply(same.step(utf8(message)))).toBe(serverSignature);
  });

  it("decodes =2C and =3D in names, and a user with both authenticates", () => {
    expect(decodeSaslName("a=2Cb=3Dc")).toBe("a,b=c");
    expect(decodeSaslName("a=2")).toBeUndefined();
    expect(decodeSaslName("a=41")).toBeUndefined();
    const creds = { "x,y=z": credentialImage("SCRAM-SHA-256", "x,y=z", "pw") };
    const server = exchange("SCRAM-SHA-256", creds);
    const client = new ScramClient("SCRAM-SHA-256", "x,y=z", "pw");
    expect(client.first()).toBe("n,,n=x=2Cy=3Dz,r=fyko+d2lbbFgONRv9qkxdawL");
    const { message, serverSignature } = client.final(reply(server.step(utf8(client.first()))));
    expect(reply(server.step(utf8(message)))).toBe(serverSignature);
  });

  it("refuses channel binding, mandatory extensions, delegation tokens and malformed messages", () => {
    const bad = [
      "p=tls-unique,,n=u,r=abc",
      "n,,m=ext,n=u,r=abc",
      "n,,n=u,r=abc,tokenauth=true",
      "n,,n=u",
      "n,,r=abc,n=u",
      "n,,n=,r=abc",
      "n,,n=u=ZZ,r=abc",
      "x,,n=u,r=abc",
      "n,b=u,n=u,r=abc",
      "garbage",
    ];
    for (const m of bad) {
      const step = exchange("SCRAM-SHA-256", {}).step(utf8(m));
      expect(step.ok, m).toBe(false);
    }
    // A client that could bind but thinks the server cannot ("y") is fine (RFC 5802 §6).
    expect(exchange("SCRAM-SHA-256", {}).step(utf8("y,,n=u,r=abc")).ok).toBe(true);
  });

  it("refuses a final message with a gs2 header other than the first one's, or a malformed proof", () => {
    const creds = { f: credentialImage("SCRAM-SHA-256", "f", "pw") };
    const client = new ScramClient("SCRAM-SHA-256", "f", "pw");
    const s1 = exchange("SCRAM-SHA-256", creds);
    const sf = reply(s1.step(utf8(client.first())));
    const nonce = sf.split(",")[0]?.slice(2);
    expect(s1.step(utf8(`c=eSws,r=${nonce},p=AAAA`))).toMatchObject({ ok: false });
    const s2 = exchange("SCRAM-SHA-256", creds);
    reply(s2.step(utf8(client.first())));
    expect(s2.step(utf8(`c=biws,r=${nonce},p=not*base64`))).toMatchObject({
      ok: false,
      reason: "client-final message with a malformed proof",
    });
    // An exchange answers no third message.
    expect(s2.step(utf8("anything")).ok).toBe(false);
  });
});

// ---- PLAIN ----

describe("PLAIN", () => {
  it("parses authzid, authcid and password, and refuses an authzid that is not the authcid", () => {
    expect(parsePlainToken(utf8("\0KEY\0secret"))).toEqual({
      authzid: "",
      authcid: "KEY",
      password: "secret",
    });
    expect(parsePlainToken(utf8("KEY\0KEY\0secret"))).toEqual({
      authzid: "KEY",
      authcid: "KEY",
      password: "secret",
    });
    expect(parsePlainToken(utf8("OTHER\0KEY\0secret"))).toEqual({
      error: "Authentication failed: Client requested an authorization id that is different from username",
    });
    expect(parsePlainToken(utf8("KEY\0secret"))).toHaveProperty("error");
    expect(parsePlainToken(utf8("\0\0secret"))).toEqual({
      error: "Authentication failed: username not specified",
    });
    expect(parsePlainToken(utf8("\0KEY\0"))).toEqual({
      error: "Authentication failed: password not specified",
    });
  });

  it("checks a secret against the stored hash, caches it, and forgets keys that are revoked", async () => {
    const stored = hashApiKeySecret("s3cret");
    let image = withTenant(emptyImage(), { apiKeys: [["KEY1", stored]] });
    const verifier = new PlainVerifier();
    expect(await verifier.verify(() => image, "KEY1", "wrong")).toBeNull();
    expect(verifier.cached("KEY1")).toBe(false);
    expect((await verifier.verify(() => image, "KEY1", "s3cret"))?.key).toBe("KEY1");
    expect(verifier.cached("KEY1")).toBe(true);
    // A cached key still refuses a wrong secret.
    expect(await verifier.verify(() => image, "KEY1", "s3cre")).toBeNull();
    expect(await verifier.verify(() => image, "NOKEY", "s3cret")).toBeNull();
    // The same key id stored again with another secret: the cached one no longer passes.
    image = withTenant(emptyImage(), { apiKeys: [["KEY1", hashApiKeySecret("new")]] });
    expect(await verifier.verify(() => image, "KEY1", "s3cret")).toBeNull();
    expect((await verifier.verify(() => image, "KEY1", "new"))?.key).toBe("KEY1");
    image = withTenant(emptyImage(), {});
    verifier.forgetMissing(image);
    expect(verifier.cached("KEY1")).toBe(false);
    expect(await verifier.verify(() => image, "KEY1", "new")).toBeNull();
  });
});

// ---- the authority: connections, quotas, revocation ----

interface TenantParts {
  apiKeys?: [string, { salt: Uint8Array; hash: Uint8Array }, boolean?][];
  scram?: ScramCredentialImage[];
  maxConnections?: number;
  clusters?: string[];
}

function withTenant(base: MetadataImage, t: TenantParts): MetadataImage {
  const clusters = t.clusters ?? ["lkc-a"];
  return {
    ...base,
    logicalClusters: new Map(clusters.map((id) => [id, { id, name: id, cell: "", createdMs: 0n }])),
    apiKeys: new Map(
      (t.apiKeys ?? []).map(([key, s, admin]) => [
        key,
        {
          key,
          logicalClusterId: "lkc-a",
          salt: s.salt,
          hash: s.hash,
          principal: `User:${key.toLowerCase()}`,
          admin: admin ?? false,
          description: "",
          createdMs: 0n,
        },
      ]),
    ),
    scramCredentials: new Map(
      (t.scram ?? []).map((c) => [`${c.logicalClusterId}_${c.user}`, new Map([[c.mechanism, c]])]),
    ),
    tenantQuotas:
      t.maxConnections === undefined
        ? new Map()
        : new Map([["lkc-a", new Map([["max_connections", t.maxConnections]])]]),
  };
}

class Harness {
  image: MetadataImage;
  readonly authority: SaslAuthority;
  readonly closedBy = new Map<number, string>();
  private nextId = 1;

  constructor(parts: TenantParts, anonymousLogicalCluster = "") {
    this.image = withTenant(emptyImage(), parts);
    this.authority = new SaslAuthority({
      image: () => this.image,
      mechanisms: ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"],
      anonymousLogicalCluster,
      logger,
    });
  }

  connect(): { id: number; auth: ConnectionAuth } {
    const id = this.nextId++;
    const auth = this.authority.connect({
      id,
      remote: "127.0.0.1:1",
      close: (reason) => {
        this.closedBy.set(id, reason);
        auth.closed();
      },
    });
    return { id, auth };
  }

  async plain(token: string): Promise<{
    id: number;
    auth: ConnectionAuth;
    errorCode: number;
    message: string | null;
    close?: string;
  }> {
    const c = this.connect();
    expect(c.auth.admit(ApiKeys.SaslHandshake)).toBeNull();
    expect(this.authority.handshake(c.id, "PLAIN", 1).response.errorCode).toBe(ErrorCode.NONE);
    expect(c.auth.admit(ApiKeys.SaslAuthenticate)).toBeNull();
    const out = await this.authority.authenticate(c.id, utf8(token));
    return {
      ...c,
      errorCode: out.response.errorCode,
      message: out.response.errorMessage,
      ...(out.close ? { close: out.close } : {}),
    };
  }
}

describe("SASL authority", () => {
  const secret = hashApiKeySecret("pw");

  it("authenticates an API key with PLAIN into its logical cluster's session", async () => {
    const h = new Harness({ apiKeys: [["KEY1", secret, true]] });
    const c = h.connect();
    expect(c.auth.established).toBe(false);
    // ApiVersions is always served; SaslAuthenticate before SaslHandshake closes.
    expect(c.auth.admit(ApiKeys.ApiVersions)).toBeNull();
    const r = await h.plain("\0KEY1\0pw");
    expect(r.errorCode).toBe(ErrorCode.NONE);
    expect(r.auth.established).toBe(true);
    expect(r.auth.session).toEqual({
      authenticated: true,
      principal: "User:key1",
      logicalClusterId: "lkc-a",
      admin: true,
      mechanism: "PLAIN",
    });
    expect(r.auth.admit(ApiKeys.Metadata)).toBeNull();
    // Once authenticated, a second handshake or authenticate is answered ILLEGAL_SASL_STATE.
    expect(h.authority.handshake(r.id, "PLAIN", 1).response.errorCode).toBe(ErrorCode.ILLEGAL_SASL_STATE);
    expect((await h.authority.authenticate(r.id, utf8("\0KEY1\0pw"))).response.errorCode).toBe(
      ErrorCode.ILLEGAL_SASL_STATE,
    );
    expect(h.authority.connectionCount("lkc-a")).toBe(1);
    r.auth.closed();
    expect(h.authority.connectionCount("lkc-a")).toBe(0);
  });

  it("fails a wrong secret, an unknown key and an authzid mismatch, and closes the connection", async () => {
    const h = new Harness({ apiKeys: [["KEY1", secret]] });
    for (const token of ["\0KEY1\0nope", "\0NOKEY\0pw", "OTHER\0KEY1\0pw"]) {
      const r = await h.plain(token);
      expect(r.errorCode, token).toBe(ErrorCode.SASL_AUTHENTICATION_FAILED);
      expect(r.close, token).toBeDefined();
      expect(r.auth.established).toBe(false);
      expect(r.auth.admit(ApiKeys.Metadata)).not.toBeNull();
    }
    expect((await h.plain("\0NOKEY\0pw")).message).toBe((await h.plain("\0KEY1\0nope")).message);
  });

  it("refuses requests outside SASL before authentication, and during an exchange", () => {
    const h = new Harness({});
    const c = h.connect();
    expect(c.auth.admit(ApiKeys.Metadata)).toBe("request of API key 3 before SASL authentication");
    // Once refused, the connection closes: nothing pipelined behind is served.
    expect(c.auth.admit(ApiKeys.SaslHandshake)).not.toBeNull();
    const d = h.connect();
    expect(d.auth.admit(ApiKeys.SaslAuthenticate)).toBe("SaslAuthenticate before SaslHandshake");
    const e = h.connect();
    h.authority.handshake(e.id, "SCRAM-SHA-256", 1);
    expect(e.auth.admit(ApiKeys.SaslHandshake)).not.toBeNull();
  });

  it("answers an unknown mechanism UNSUPPORTED_SASL_MECHANISM with the enabled ones, then closes", () => {
    const h = new Harness({});
    const c = h.connect();
    const out = h.authority.handshake(c.id, "GSSAPI", 1);
    expect(out.response).toEqual({
      errorCode: ErrorCode.UNSUPPORTED_SASL_MECHANISM,
      mechanisms: ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"],
    });
    expect(out.close).toBeDefined();
  });

  it("runs SCRAM over SaslAuthenticate into the user's session (not admin)", async () => {
    const cred = credentialImage("SCRAM-SHA-512", "alice", "pw");
    const h = new Harness({ scram: [cred] });
    const c = h.connect();
    h.authority.handshake(c.id, "SCRAM-SHA-512", 1);
    const client = new ScramClient("SCRAM-SHA-512", "lkc-a_alice", "pw");
    const first = await h.authority.authenticate(c.id, utf8(client.first()));
    expect(first.response.errorCode).toBe(ErrorCode.NONE);
    expect(c.auth.established).toBe(false);
    const { message, serverSignature } = client.final(text(first.response.authBytes));
    const last = await h.authority.authenticate(c.id, utf8(message));
    expect(last.response).toMatchObject({ errorCode: ErrorCode.NONE, sessionLifetimeMs: 0n });
    expect(text(last.response.authBytes)).toBe(serverSignature);
    expect(c.auth.session).toEqual({
      authenticated: true,
      principal: "User:alice",
      logicalClusterId: "lkc-a",
      admin: false,
      mechanism: "SCRAM-SHA-512",
    });
  });

  it("caps a logical cluster's connections at max_connections, counting only open ones", async () => {
    const h = new Harness({ apiKeys: [["KEY1", secret]], maxConnections: 2 });
    const a = await h.plain("\0KEY1\0pw");
    const b = await h.plain("\0KEY1\0pw");
    expect([a.errorCode, b.errorCode]).toEqual([ErrorCode.NONE, ErrorCode.NONE]);
    const c = await h.plain("\0KEY1\0pw");
    expect(c.errorCode).toBe(ErrorCode.POLICY_VIOLATION);
    expect(c.message).toBe("connection limit of 2 for this cluster reached");
    expect(c.close).toBe("connection limit of 2 for this cluster reached");
    expect(h.authority.connectionCount("lkc-a")).toBe(2);
    a.auth.closed();
    expect((await h.plain("\0KEY1\0pw")).errorCode).toBe(ErrorCode.NONE);
  });

  it("closes the connections of a revoked API key and of a deleted logical cluster", async () => {
    const other = hashApiKeySecret("pw2");
    const h = new Harness({
      apiKeys: [
        ["KEY1", secret],
        ["KEY2", other],
      ],
      scram: [credentialImage("SCRAM-SHA-256", "u", "pw")],
    });
    const k1 = await h.plain("\0KEY1\0pw");
    const k2 = await h.plain("\0KEY2\0pw2");
    h.authority.onImage(h.image);
    expect(h.closedBy.size).toBe(0);
    h.image = withTenant(emptyImage(), { apiKeys: [["KEY2", other]] });
    h.authority.onImage(h.image);
    expect(h.closedBy.get(k1.id)).toBe("API key KEY1 was revoked");
    expect(h.closedBy.has(k2.id)).toBe(false);
    expect(h.authority.connectionCount("lkc-a")).toBe(1);
    h.image = withTenant(emptyImage(), { apiKeys: [["KEY2", other]], clusters: [] });
    h.authority.onImage(h.image);
    expect(h.closedBy.get(k2.id)).toBe("logical cluster lkc-a was deleted");
    expect(h.authority.connectionCount("lkc-a")).toBe(0);
  });

  it("makes a connection that skips SASL the anonymous logical cluster's admin, when there is one", () => {
    const h = new Harness({ maxConnections: 1 }, "lkc-a");
    const c = h.connect();
    expect(c.auth.admit(ApiKeys.ApiVersions)).toBeNull();
    expect(c.auth.admit(ApiKeys.Metadata)).toBeNull();
    expect(c.auth.established).toBe(true);
    expect(c.auth.session).toEqual({
      authenticated: false,
      principal: "User:ANONYMOUS",
      logicalClusterId: "lkc-a",
      admin: true,
    });
    expect(h.connect().auth.admit(ApiKeys.Metadata)).toBe("connection limit of 1 for this cluster reached");
    const missing = new Harness({ clusters: [] }, "lkc-a");
    expect(missing.connect().auth.admit(ApiKeys.Metadata)).toMatch(
      /anonymous logical cluster lkc-a does not exist/,
    );
  });
});
