/**
 * SASL on the Kafka listener: the per-connection state machine, and the
 * broker-wide authority that checks credentials against the metadata image,
 * counts each logical cluster's connections and closes the connections of
 * revoked API keys.
 *
 * A connection goes
 *
 *   start ──SaslHandshake(mech)──▶ handshaken ──SaslAuthenticate…──▶ authenticated
 *     │                                 (SCRAM takes two rounds)
 *     └──first other request, with an anonymous logical cluster──▶ anonymous
 *
 * - ApiVersions is served in every state. Before authentication only the two
 *   SASL requests are served; any other request closes the connection (after
 *   a log line saying why), as Kafka does: Kafka's clients report a
 *   disconnection, which is what they expect of a broker that wants SASL.
 *   With an anonymous logical cluster, the first such request instead makes
 *   the connection that cluster's `User:ANONYMOUS` (admin within it).
 * - SaslHandshake v0 (kept by Kafka 4 for kafka-python; librdkafka will not
 *   authenticate with a broker whose SaslHandshake versions lack 0) is
 *   followed by the mechanism's messages as bare size-prefixed tokens, not
 *   SaslAuthenticate requests; answers are bare tokens too (PLAIN's is
 *   empty). A failure there has no way to carry a message: the connection
 *   closes, with the reason logged.
 * - A mechanism that is not enabled is answered UNSUPPORTED_SASL_MECHANISM
 *   with the enabled list, then the connection closes. A second SaslHandshake
 *   during an exchange closes the connection; after authentication it is
 *   answered ILLEGAL_SASL_STATE (the connection stays), as is a second
 *   SaslAuthenticate.
 * - A failed SaslAuthenticate is answered SASL_AUTHENTICATION_FAILED with
 *   Kafka's message, and the connection closes once the answer is written.
 * - A logical cluster's `max_connections` quota caps its authenticated (and
 *   anonymous) connections on this broker: the one over it is answered
 *   POLICY_VIOLATION, "connection limit of N for this cluster reached", and
 *   closed. Kafka's `max.connections` closes without a word; a reason helps,
 *   and Java clients treat this error as a disconnection to retry, not as a
 *   fatal authentication failure.
 * - When the image no longer has a connection's API key, or its logical
 *   cluster, the connection is closed. Only image changes that replace the
 *   map of API keys or of logical clusters cost a pass, over the
 *   authenticated connections alone.
 * - `session_lifetime_ms` is 0: no re-authentication (KIP-368).
 */
import { randomBytes } from "node:crypto";
import {
  ApiKeys,
  ErrorCode,
  type SaslAuthenticateResponse,
  type SaslHandshakeResponse,
} from "@runnel/kafka-protocol";
import type { MetadataImage } from "@runnel/metadata";
import type { Logger } from "@runnel/runtime";
import { PLAIN_ERRORS, parsePlainToken } from "@runnel/tenant";
import { PlainVerifier } from "./plain.js";
import { isScramMechanism, ScramServerExchange, scramFailedMessage } from "./scram.js";
import { anonymousSession, OPERATOR_SESSION, type Session } from "./session.js";

export const PLAIN = "PLAIN";
/** The mechanisms this broker implements. */
export const SASL_MECHANISMS: readonly string[] = [PLAIN, "SCRAM-SHA-256", "SCRAM-SHA-512"];
/** The tenant quota that caps a logical cluster's connections. */
export const MAX_CONNECTIONS_QUOTA = "max_connections";

/** What the listener holds of one connection. */
export interface ConnectionHandle {
  readonly id: number;
  readonly remote: string;
  /** Closes the connection at once; `reason` is logged. */
  close(reason: string): void;
}

/** What the listener asks of a connection's authentication. */
export interface ConnectionAuth {
  /** Who the connection is now. */
  readonly session: Session;
  /** Whether frames may be as large as the broker's cap (else the pre-authentication cap). */
  readonly established: boolean;
  /** Whether the next frame is a bare SASL token (after SaslHandshake v0), not a request. */
  readonly rawTokens: boolean;
  /** Runs a bare SASL token: the bare token to answer (null for none), and why to close after it. */
  rawToken(token: Uint8Array): Promise<{ readonly reply: Uint8Array | null; readonly close?: string }>;
  /**
   * Called in request order, just before a request's handler would run:
   * null to serve it, else why the connection is closed instead.
   */
  admit(apiKey: number): string | null;
  /** The connection closed. */
  closed(): void;
}

/** Authentication "none": every connection is the cluster-wide operator. */
export const OPERATOR_AUTH: ConnectionAuth = Object.freeze({
  session: OPERATOR_SESSION,
  established: true,
  rawTokens: false,
  rawToken: () => Promise.reject(new Error("no SASL on this listener")),
  admit: () => null,
  closed: () => {},
});

export interface SaslAuthorityOptions {
  readonly image: () => MetadataImage;
  /** Enabled mechanisms, each one of SASL_MECHANISMS. */
  readonly mechanisms: readonly string[];
  /** The logical cluster of connections that skip SASL; "" refuses them. */
  readonly anonymousLogicalCluster: string;
  readonly logger: Logger;
}

/** A SaslAuthenticate answer, and whether the connection closes once it is written. */
export interface AuthenticateOutcome {
  readonly response: SaslAuthenticateResponse;
  readonly close?: string;
}

export interface HandshakeOutcome {
  readonly response: SaslHandshakeResponse;
  readonly close?: string;
}

type Phase = "start" | "handshaken" | "exchanging" | "authenticated" | "anonymous" | "failed";

const EMPTY = new Uint8Array(0);

class SaslConnection implements ConnectionAuth {
  phase: Phase = "start";
  session: Session = OPERATOR_SESSION;
  mechanism = "";
  scram: ScramServerExchange | null = null;
  /** The API key it authenticated with (PLAIN). */
  apiKey: string | null = null;
  /** The logical cluster whose count holds this connection. */
  counted: string | null = null;
  isClosed = false;
  /** After SaslHandshake v0, until the exchange ends. */
  rawTokens = false;

  constructor(
    readonly handle: ConnectionHandle,
    private readonly authority: SaslAuthority,
  ) {}

  get established(): boolean {
    return this.phase === "authenticated" || this.phase === "anonymous";
  }

  admit(apiKey: number): string | null {
    const refused = this.refusal(apiKey);
    // The connection closes: requests pipelined behind this one are refused too.
    if (refused !== null) this.phase = "failed";
    return refused;
  }

  private refusal(apiKey: number): string | null {
    if (apiKey === ApiKeys.ApiVersions || this.established) return null;
    switch (this.phase) {
      case "start":
        if (apiKey === ApiKeys.SaslHandshake) return null;
        if (apiKey === ApiKeys.SaslAuthenticate) return "SaslAuthenticate before SaslHandshake";
        return this.authority.admitAnonymous(this, apiKey);
      case "handshaken":
      case "exchanging":
        if (apiKey === ApiKeys.SaslAuthenticate) return null;
        return `request of API key ${apiKey} during the ${this.mechanism} exchange`;
      default:
        return "request after a failed authentication";
    }
  }

  async rawToken(token: Uint8Array): Promise<{ reply: Uint8Array | null; close?: string }> {
    const out = await this.authority.authenticate(this.handle.id, token);
    if (out.close !== undefined) return { reply: null, close: out.close };
    if (this.established) this.rawTokens = false;
    return { reply: out.response.authBytes };
  }

  closed(): void {
    this.isClosed = true;
    this.authority.forget(this);
  }
}

export class SaslAuthority {
  private readonly enabled: readonly string[];
  private readonly connections = new Map<number, SaslConnection>();
  /** Authenticated and anonymous connections by logical cluster. */
  private readonly counts = new Map<string, number>();
  private readonly plain = new PlainVerifier();
  private readonly fakeSaltKey = randomBytes(32);
  private seenApiKeys: MetadataImage["apiKeys"] | null = null;
  private seenClusters: MetadataImage["logicalClusters"] | null = null;

  constructor(private readonly o: SaslAuthorityOptions) {
    for (const m of o.mechanisms) {
      if (!SASL_MECHANISMS.includes(m)) {
        throw new RangeError(`unknown SASL mechanism ${m}; this broker offers ${SASL_MECHANISMS.join(", ")}`);
      }
    }
    this.enabled = [...o.mechanisms];
  }

  /** A new connection's authentication (for the listener). */
  connect(handle: ConnectionHandle): ConnectionAuth {
    const c = new SaslConnection(handle, this);
    this.connections.set(handle.id, c);
    return c;
  }

  /** Authenticated and anonymous connections of a logical cluster on this broker. */
  connectionCount(logicalClusterId: string): number {
    return this.counts.get(logicalClusterId) ?? 0;
  }

  /** SaslHandshake `version` 0 or 1 asking for `mechanism`. */
  handshake(connectionId: number, mechanism: string, version: number): HandshakeOutcome {
    const c = this.connection(connectionId);
    const mechanisms = [...this.enabled];
    if (c.established) return { response: { errorCode: ErrorCode.ILLEGAL_SASL_STATE, mechanisms } };
    if (!this.enabled.includes(mechanism)) {
      c.phase = "failed";
      return {
        response: { errorCode: ErrorCode.UNSUPPORTED_SASL_MECHANISM, mechanisms },
        close: `unsupported SASL mechanism ${JSON.stringify(mechanism)}`,
      };
    }
    c.phase = "handshaken";
    c.mechanism = mechanism;
    c.rawTokens = version === 0;
    return { response: { errorCode: ErrorCode.NONE, mechanisms } };
  }

  async authenticate(connectionId: number, authBytes: Uint8Array): Promise<AuthenticateOutcome> {
    const c = this.connection(connectionId);
    if (c.established) {
      return {
        response: answer(
          ErrorCode.ILLEGAL_SASL_STATE,
          "SaslAuthenticate request received after successful authentication",
        ),
      };
    }
    if (c.mechanism === PLAIN) return this.plainAuthenticate(c, authBytes);
    if (isScramMechanism(c.mechanism)) {
      if (c.scram === null) {
        const mechanism = c.mechanism;
        c.scram = new ScramServerExchange({
          mechanism,
          fakeSaltKey: this.fakeSaltKey,
          lookup: (loginName) => this.o.image().scramCredentials.get(loginName)?.get(mechanism),
        });
        c.phase = "exchanging";
      }
      const step = c.scram.step(authBytes);
      if (!step.ok) return this.failed(c, step.message, step.reason);
      if (!step.done) return { response: answer(ErrorCode.NONE, null, step.reply) };
      const cred = step.credential;
      return this.complete(
        c,
        {
          authenticated: true,
          principal: `User:${cred.user}`,
          logicalClusterId: cred.logicalClusterId,
          admin: false,
          mechanism: c.mechanism,
        },
        null,
        step.reply,
      );
    }
    // The listener admits SaslAuthenticate only after a successful handshake.
    throw new Error(`SaslAuthenticate on connection ${connectionId} in phase ${c.phase}`);
  }

  /** Closes connections whose API key or logical cluster the image no longer has. */
  onImage(image: MetadataImage): void {
    if (image.apiKeys === this.seenApiKeys && image.logicalClusters === this.seenClusters) return;
    this.seenApiKeys = image.apiKeys;
    this.seenClusters = image.logicalClusters;
    this.plain.forgetMissing(image);
    for (const c of this.connections.values()) {
      if (c.counted === null) continue;
      if (c.apiKey !== null && !image.apiKeys.has(c.apiKey)) {
        c.handle.close(`API key ${c.apiKey} was revoked`);
      } else if (!image.logicalClusters.has(c.counted)) {
        c.handle.close(`logical cluster ${c.counted} was deleted`);
      }
    }
  }

  /** @internal Called by a connection's `admit` for its first request outside SASL. */
  admitAnonymous(c: SaslConnection, apiKey: number): string | null {
    const lkc = this.o.anonymousLogicalCluster;
    if (lkc === "") return `request of API key ${apiKey} before SASL authentication`;
    if (!this.o.image().logicalClusters.has(lkc)) {
      return `request of API key ${apiKey} before SASL authentication, and the anonymous logical cluster ${lkc} does not exist`;
    }
    const full = this.overLimit(lkc);
    if (full !== null) return full;
    this.count(c, lkc);
    c.phase = "anonymous";
    c.session = anonymousSession(lkc);
    return null;
  }

  /** @internal Called when a connection closes. */
  forget(c: SaslConnection): void {
    this.connections.delete(c.handle.id);
    if (c.counted === null) return;
    const n = (this.counts.get(c.counted) ?? 1) - 1;
    if (n === 0) this.counts.delete(c.counted);
    else this.counts.set(c.counted, n);
    c.counted = null;
  }

  private connection(id: number): SaslConnection {
    const c = this.connections.get(id);
    if (c === undefined) throw new Error(`connection ${id} has no SASL state`);
    return c;
  }

  private async plainAuthenticate(c: SaslConnection, authBytes: Uint8Array): Promise<AuthenticateOutcome> {
    const token = parsePlainToken(authBytes);
    if ("error" in token) return this.failed(c, token.error, token.error);
    const key = await this.plain.verify(this.o.image, token.authcid, token.password);
    if (key === null)
      return this.failed(c, PLAIN_ERRORS.credentials, `wrong secret or unknown API key ${token.authcid}`);
    return this.complete(
      c,
      {
        authenticated: true,
        principal: key.principal,
        logicalClusterId: key.logicalClusterId,
        admin: key.admin,
        mechanism: PLAIN,
      },
      key.key,
      EMPTY,
    );
  }

  private complete(
    c: SaslConnection,
    session: Session,
    apiKey: string | null,
    reply: Uint8Array,
  ): AuthenticateOutcome {
    const lkc = session.logicalClusterId as string;
    if (c.isClosed) return this.failed(c, "connection closed", "connection closed during authentication");
    if (!this.o.image().logicalClusters.has(lkc)) {
      return this.failed(c, failedMessage(c.mechanism), `logical cluster ${lkc} does not exist`);
    }
    const full = this.overLimit(lkc);
    if (full !== null) {
      c.phase = "failed";
      return { response: answer(ErrorCode.POLICY_VIOLATION, full), close: full };
    }
    this.count(c, lkc);
    c.phase = "authenticated";
    c.session = session;
    c.apiKey = apiKey;
    c.scram = null;
    this.o.logger.info(
      {
        connection: c.handle.id,
        remote: c.handle.remote,
        principal: session.principal,
        logicalCluster: lkc,
        mechanism: c.mechanism,
      },
      "authenticated",
    );
    return { response: answer(ErrorCode.NONE, null, reply) };
  }

  private failed(c: SaslConnection, message: string, reason: string): AuthenticateOutcome {
    c.phase = "failed";
    c.scram = null;
    return {
      response: answer(ErrorCode.SASL_AUTHENTICATION_FAILED, message),
      close: `${c.mechanism} authentication failed: ${reason}`,
    };
  }

  private overLimit(lkc: string): string | null {
    const max = this.o.image().tenantQuotas.get(lkc)?.get(MAX_CONNECTIONS_QUOTA);
    if (max === undefined || this.connectionCount(lkc) < max) return null;
    return `connection limit of ${max} for this cluster reached`;
  }

  private count(c: SaslConnection, lkc: string): void {
    c.counted = lkc;
    this.counts.set(lkc, this.connectionCount(lkc) + 1);
  }
}

function failedMessage(mechanism: string): string {
  return mechanism === PLAIN ? PLAIN_ERRORS.credentials : scramFailedMessage(mechanism);
}

function answer(
  errorCode: number,
  errorMessage: string | null,
  authBytes: Uint8Array = EMPTY,
): SaslAuthenticateResponse {
  return { errorCode, errorMessage, authBytes, sessionLifetimeMs: 0n };
}
