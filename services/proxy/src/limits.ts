/**
 * Connection limits, as pure bookkeeping: open connections and a
 * connection-creation token bucket per key (a source address, or a tenant).
 * Time is passed in, so tests drive it. A key is forgotten once it has no
 * open connection and its bucket is full again, so the table holds only keys
 * that are active or were active within the last refill time.
 */

export interface Limit {
  /** Most connections open at once; undefined for no limit. */
  readonly maxConnections?: number | undefined;
  /** Connections that may be opened per second, on average; undefined for no limit. */
  readonly connectionsPerSecond?: number | undefined;
}

export type Admission =
  | { readonly ok: true }
  /** `limit` names which limit refused: the open connections or the creation rate. */
  | { readonly ok: false; readonly limit: "connections" | "rate"; readonly reason: string };

interface Entry {
  open: number;
  /** Tokens left in the rate bucket at `updatedMs`. */
  tokens: number;
  updatedMs: number;
}

/**
 * The bucket holds `max(1, rate)` tokens: a second's worth of connections may come at once,
 * and at least one connection is always possible after a quiet spell.
 */
function capacity(rate: number): number {
  return Math.max(1, rate);
}

export class ConnectionLimits {
  private readonly entries = new Map<string, Entry>();

  /** Keys tracked now (for tests and metrics). */
  get size(): number {
    return this.entries.size;
  }

  /** Connections open under `key`. */
  open(key: string): number {
    return this.entries.get(key)?.open ?? 0;
  }

  /**
   * Admits one more connection under `key` if `limit` allows it at `nowMs`, counting it as
   * open; `what` names the key in the refusal ("source 10.0.0.1", "this cluster").
   */
  admit(key: string, limit: Limit, nowMs: number, what: string): Admission {
    const admission = this.check(key, limit, nowMs, what);
    if (!admission.ok) return admission;
    const e = this.entries.get(key) as Entry;
    if (limit.connectionsPerSecond !== undefined) e.tokens -= 1;
    e.open += 1;
    return { ok: true };
  }

  /** Whether `admit` would admit a connection under `key` now, counting nothing. */
  check(key: string, limit: Limit, nowMs: number, what: string): Admission {
    const rate = limit.connectionsPerSecond;
    let e = this.entries.get(key);
    if (e === undefined) {
      // A bucket starts full; Infinity refills to any rate set later.
      e = {
        open: 0,
        tokens: rate === undefined ? Number.POSITIVE_INFINITY : capacity(rate),
        updatedMs: nowMs,
      };
      this.entries.set(key, e);
    }
    let refusal: Admission | undefined;
    if (limit.maxConnections !== undefined && e.open >= limit.maxConnections) {
      refusal = {
        ok: false,
        limit: "connections",
        reason: `connection limit of ${limit.maxConnections} for ${what} reached`,
      };
    } else if (rate !== undefined) {
      this.refill(e, rate, nowMs);
      if (e.tokens < 1) {
        refusal = {
          ok: false,
          limit: "rate",
          reason: `connection rate limit of ${rate}/s for ${what} reached`,
        };
      }
    }
    if (refusal === undefined) return { ok: true };
    this.forgetIfIdle(key, e, limit, nowMs);
    return refusal;
  }

  /** A connection admitted under `key` closed. */
  release(key: string, limit: Limit, nowMs: number): void {
    const e = this.entries.get(key);
    if (e === undefined || e.open === 0) throw new Error(`release of ${key} without an open connection`);
    e.open -= 1;
    this.forgetIfIdle(key, e, limit, nowMs);
  }

  /** Drops keys with no open connection whose bucket has refilled under `limitOf(key)`. */
  sweep(limitOf: (key: string) => Limit, nowMs: number): void {
    for (const [key, e] of this.entries) this.forgetIfIdle(key, e, limitOf(key), nowMs);
  }

  private forgetIfIdle(key: string, e: Entry, limit: Limit, nowMs: number): void {
    if (e.open > 0) return;
    const rate = limit.connectionsPerSecond;
    if (rate !== undefined) {
      this.refill(e, rate, nowMs);
      if (e.tokens < capacity(rate)) return;
    }
    this.entries.delete(key);
  }

  private refill(e: Entry, rate: number, nowMs: number): void {
    const elapsed = Math.max(0, nowMs - e.updatedMs);
    e.tokens = Math.min(capacity(rate), e.tokens + (elapsed * rate) / 1000);
    e.updatedMs = nowMs;
  }
}
