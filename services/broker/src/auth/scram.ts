/**
 * The server side of one SCRAM-SHA-256/512 exchange (RFC 5802, RFC 7677),
 * as Kafka runs it inside SaslAuthenticate: two client messages, two answers.
 *
 *   client-first   n,,n=<saslname>,r=<cnonce>[,ext...]
 *   server-first   r=<cnonce><snonce>,s=<salt, base64>,i=<iterations>
 *   client-final   c=<base64 of the gs2 header>,r=<cnonce><snonce>[,ext...],p=<proof, base64>
 *   server-final   v=<server signature, base64>
 *
 * - Channel binding (`p=...`) is refused: the listener has no TLS to bind to.
 *   `y` (the client could bind but thinks the server cannot) is accepted, as
 *   RFC 5802 allows when no -PLUS mechanism is offered.
 * - An authzid (`a=`) must name the user itself; `=2C` and `=3D` in names
 *   decode to `,` and `=`, any other `=` is malformed.
 * - A mandatory extension (`m=`) is refused; so is Kafka's `tokenauth=true`
 *   (no delegation tokens here). Other extensions are ignored.
 * - The server nonce is fresh per exchange, and the final message must carry
 *   the combined nonce exactly, so a final message replayed from an earlier
 *   exchange fails. One other form passes: librdkafka (2.0 at least) sends
 *   its own nonce again in front of the combined one, which Kafka's broker
 *   lets through by checking only that the nonce ends with the combined one.
 *   Here the whole nonce must be one of the two.
 * - An unknown user, or one without a credential for this mechanism, gets a
 *   salt derived from its name with an HMAC under a per-process key (so
 *   asking twice gives the same salt) and Kafka's lowest iteration count,
 *   and fails at the proof with the same message as a wrong password.
 * - Every failure but the authzid one answers Kafka's generic message,
 *   "Authentication failed during authentication due to invalid credentials
 *   with SASL mechanism <mechanism>"; details go to the caller's log only.
 */
import { createHmac, randomBytes } from "node:crypto";
import type { ScramCredentialImage } from "@runnel/metadata";
import { decodeSaslName, SCRAM_ITERATIONS_MIN, type ScramMechanism, verifyScramProof } from "@runnel/tenant";

export const SCRAM_MECHANISMS: readonly ScramMechanism[] = ["SCRAM-SHA-256", "SCRAM-SHA-512"];

const HASH: Record<ScramMechanism, { name: "sha256" | "sha512"; length: number }> = {
  "SCRAM-SHA-256": { name: "sha256", length: 32 },
  "SCRAM-SHA-512": { name: "sha512", length: 64 },
};

export function isScramMechanism(m: string): m is ScramMechanism {
  return m === "SCRAM-SHA-256" || m === "SCRAM-SHA-512";
}

/** Kafka's message for every SCRAM failure it does not explain. */
export function scramFailedMessage(mechanism: string): string {
  return `Authentication failed during authentication due to invalid credentials with SASL mechanism ${mechanism}`;
}

export const SCRAM_AUTHZID_MESSAGE =
  "Authentication failed: Client requested an authorization id that is different from username";

export interface ScramServerOptions {
  readonly mechanism: ScramMechanism;
  /** The stored credential of a login name for this exchange's mechanism. */
  lookup(loginName: string): ScramCredentialImage | undefined;
  /** Keys the salts of unknown users; one per process, kept secret. */
  readonly fakeSaltKey: Uint8Array;
  /** A fresh server nonce (printable, no comma). */
  nonce?(): string;
}

export type ScramStep =
  | { readonly ok: true; readonly reply: Uint8Array; readonly done: false }
  | {
      readonly ok: true;
      readonly reply: Uint8Array;
      readonly done: true;
      readonly credential: ScramCredentialImage;
    }
  /** `message` goes to the client; `reason` to the log. */
  | { readonly ok: false; readonly message: string; readonly reason: string };

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function decodeBase64(s: string): Buffer | undefined {
  return BASE64.test(s) ? Buffer.from(s, "base64") : undefined;
}

/** One exchange: `step` takes the client's messages in turn. */
export class ScramServerExchange {
  private state: "first" | "final" | "over" = "first";
  private gs2Header = "";
  private clientFirstBare = "";
  private serverFirst = "";
  private clientNonce = "";
  private combinedNonce = "";
  private loginName = "";
  private credential: ScramCredentialImage | undefined;
  private fake: ScramCredentialImage | undefined;

  constructor(private readonly o: ScramServerOptions) {}

  get mechanism(): ScramMechanism {
    return this.o.mechanism;
  }

  step(bytes: Uint8Array): ScramStep {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
    const state = this.state;
    // Whatever the message, an exchange answers at most one first and one final message.
    this.state = state === "first" ? "final" : "over";
    if (state === "first") return this.first(text);
    if (state === "final") return this.final(text);
    return this.fail("a message after the exchange ended");
  }

  private fail(reason: string, message = scramFailedMessage(this.o.mechanism)): ScramStep {
    this.state = "over";
    return { ok: false, message, reason };
  }

  private first(text: string): ScramStep {
    const comma1 = text.indexOf(",");
    const comma2 = comma1 < 0 ? -1 : text.indexOf(",", comma1 + 1);
    if (comma2 < 0) return this.fail("client-first message without a gs2 header");
    const flag = text.slice(0, comma1);
    const authz = text.slice(comma1 + 1, comma2);
    if (flag.startsWith("p=")) return this.fail("client-first message asks for channel binding");
    if (flag !== "n" && flag !== "y")
      return this.fail(`client-first message with channel-binding flag "${flag}"`);
    if (authz !== "" && !authz.startsWith("a="))
      return this.fail("client-first message with a malformed authzid");
    this.gs2Header = text.slice(0, comma2 + 1);
    this.clientFirstBare = text.slice(comma2 + 1);
    const attrs = this.clientFirstBare.split(",");
    const [n = "", r = "", ...extensions] = attrs;
    if (n.startsWith("m=")) return this.fail("client-first message with a mandatory extension");
    if (!n.startsWith("n=") || !r.startsWith("r="))
      return this.fail("client-first message without n= and r=");
    const user = decodeSaslName(n.slice(2));
    if (user === undefined || user === "") return this.fail("client-first message with a malformed username");
    const cnonce = r.slice(2);
    if (cnonce === "" || !isPrintable(cnonce))
      return this.fail("client-first message with a malformed nonce");
    for (const e of extensions) {
      if (!/^[A-Za-z][A-Za-z0-9]*=/.test(e))
        return this.fail("client-first message with a malformed extension");
      if (e === "tokenauth=true")
        return this.fail("delegation-token authentication, which this broker does not offer");
    }
    if (authz !== "") {
      const authzid = decodeSaslName(authz.slice(2));
      if (authzid !== user) return this.fail("authzid differs from the username", SCRAM_AUTHZID_MESSAGE);
    }
    this.loginName = user;
    this.credential = this.o.lookup(user);
    const c = this.credential ?? this.fakeCredential(user);
    this.clientNonce = cnonce;
    this.combinedNonce = cnonce + (this.o.nonce ?? defaultNonce)();
    this.serverFirst = `r=${this.combinedNonce},s=${Buffer.from(c.salt).toString("base64")},i=${c.iterations}`;
    return { ok: true, reply: Buffer.from(this.serverFirst, "utf8"), done: false };
  }

  private final(text: string): ScramStep {
    const p = text.lastIndexOf(",p=");
    if (p < 0) return this.fail("client-final message without a proof");
    const withoutProof = text.slice(0, p);
    const [c = "", r = ""] = withoutProof.split(",");
    if (!c.startsWith("c=") || !r.startsWith("r="))
      return this.fail("client-final message without c= and r=");
    if (c.slice(2) !== Buffer.from(this.gs2Header, "utf8").toString("base64")) {
      return this.fail("client-final message with channel-binding data other than its gs2 header");
    }
    const nonce = r.slice(2);
    if (nonce !== this.combinedNonce && nonce !== this.clientNonce + this.combinedNonce) {
      return this.fail("client-final message with another nonce");
    }
    const proof = decodeBase64(text.slice(p + 3));
    if (proof === undefined) return this.fail("client-final message with a malformed proof");
    const authMessage = `${this.clientFirstBare},${this.serverFirst},${withoutProof}`;
    const stored = this.credential ?? this.fakeCredential(this.loginName);
    const signature = verifyScramProof(
      { ...stored, mechanism: this.o.mechanism },
      authMessage,
      new Uint8Array(proof),
    );
    if (signature === null || this.credential === undefined) {
      return this.fail(this.credential === undefined ? "unknown user" : "wrong proof (password)");
    }
    this.state = "over";
    return {
      ok: true,
      done: true,
      reply: Buffer.from(`v=${Buffer.from(signature).toString("base64")}`, "utf8"),
      credential: this.credential,
    };
  }

  /** The same made-up credential each time for one name: its salt gives nothing away. */
  private fakeCredential(loginName: string): ScramCredentialImage {
    if (this.fake !== undefined) return this.fake;
    const h = HASH[this.o.mechanism];
    const derive = (label: string, length: number): Uint8Array =>
      new Uint8Array(
        createHmac(h.name, this.o.fakeSaltKey)
          .update(`${label}\0${this.o.mechanism}\0${loginName}`)
          .digest()
          .subarray(0, length),
      );
    this.fake = {
      logicalClusterId: "",
      user: loginName,
      mechanism: this.o.mechanism,
      salt: derive("salt", 32),
      iterations: SCRAM_ITERATIONS_MIN,
      storedKey: derive("stored", h.length),
      serverKey: derive("server", h.length),
    };
    return this.fake;
  }
}

function isPrintable(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x21 || c > 0x7e || c === 0x2c) return false;
  }
  return true;
}

function defaultNonce(): string {
  return randomBytes(24).toString("base64url");
}
