/**
 * Who a Kafka connection is, as the handlers see it. A connection starts
 * with a session decided by the broker's `authentication` setting and keeps
 * it until SaslAuthenticate succeeds (then the authenticated one) or, on a
 * listener with SASL and an anonymous logical cluster, until its first
 * request that is not part of SASL (then the anonymous one).
 */

/** Kafka's principal of a connection that proved no identity. */
export const ANONYMOUS_PRINCIPAL = "User:ANONYMOUS";

export interface Session {
  /** Whether the connection proved an identity with SASL. */
  readonly authenticated: boolean;
  /** `User:<name>`; `User:ANONYMOUS` when nothing was proved. */
  readonly principal: string;
  /** The logical cluster the connection belongs to; null: the cluster-wide operator (no tenant). */
  readonly logicalClusterId: string | null;
  /** May do anything within its logical cluster (or, with no logical cluster, the whole cluster). */
  readonly admin: boolean;
  /** The SASL mechanism it authenticated with. */
  readonly mechanism?: string;
}

/** Every connection with authentication "none": the cluster-wide operator, as before tenants existed. */
export const OPERATOR_SESSION: Session = Object.freeze({
  authenticated: false,
  principal: ANONYMOUS_PRINCIPAL,
  logicalClusterId: null,
  admin: true,
});

/**
 * A connection that skipped SASL on a listener with an anonymous logical
 * cluster: admin within it, so a local quick start works without credentials.
 */
export function anonymousSession(logicalClusterId: string): Session {
  return { authenticated: false, principal: ANONYMOUS_PRINCIPAL, logicalClusterId, admin: true };
}
