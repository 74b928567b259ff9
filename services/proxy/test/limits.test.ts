import { describe, expect, it } from "vitest";
import { ConnectionLimits } from "../src/limits.js";

describe("ConnectionLimits", () => {
  it("checks without counting: a check uses up neither a connection nor a token", () => {
    const l = new ConnectionLimits();
    const limit = { maxConnections: 1, connectionsPerSecond: 1 };
    for (let i = 0; i < 5; i++) expect(l.check("a", limit, 0, "x").ok).toBe(true);
    expect(l.admit("a", limit, 0, "x").ok).toBe(true);
    expect(l.check("a", limit, 0, "x")).toMatchObject({ ok: false, limit: "connections" });
    l.release("a", limit, 0);
    expect(l.check("a", limit, 0, "x")).toMatchObject({ ok: false, limit: "rate" });
    expect(l.check("a", limit, 1000, "x").ok).toBe(true);
  });

  it("admits up to the connection limit, and again after a release", () => {
    const l = new ConnectionLimits();
    const limit = { maxConnections: 2 };
    expect(l.admit("a", limit, 0, "source a").ok).toBe(true);
    expect(l.admit("a", limit, 0, "source a").ok).toBe(true);
    expect(l.admit("a", limit, 0, "source a")).toEqual({
      ok: false,
      limit: "connections",
      reason: "connection limit of 2 for source a reached",
    });
    // Another key has its own count.
    expect(l.admit("b", limit, 0, "source b").ok).toBe(true);
    l.release("a", limit, 0);
    expect(l.admit("a", limit, 0, "source a").ok).toBe(true);
    expect(l.open("a")).toBe(2);
  });

  it("admits a burst of max(1, rate) connections, then one per 1/rate seconds", () => {
    const l = new ConnectionLimits();
    const limit = { connectionsPerSecond: 2 };
    expect(l.admit("a", limit, 0, "x").ok).toBe(true);
    expect(l.admit("a", limit, 0, "x").ok).toBe(true);
    expect(l.admit("a", limit, 0, "x")).toEqual({
      ok: false,
      limit: "rate",
      reason: "connection rate limit of 2/s for x reached",
    });
    expect(l.admit("a", limit, 499, "x").ok).toBe(false);
    expect(l.admit("a", limit, 500, "x").ok).toBe(true);
    expect(l.admit("a", limit, 500, "x").ok).toBe(false);
    // A rate under one per second still allows one connection after a quiet spell.
    const slow = { connectionsPerSecond: 0.5 };
    expect(l.admit("s", slow, 0, "x").ok).toBe(true);
    expect(l.admit("s", slow, 1_999, "x").ok).toBe(false);
    expect(l.admit("s", slow, 2_000, "x").ok).toBe(true);
  });

  it("a refused connection does not count as open", () => {
    const l = new ConnectionLimits();
    const limit = { maxConnections: 1, connectionsPerSecond: 100 };
    expect(l.admit("a", limit, 0, "x").ok).toBe(true);
    expect(l.admit("a", limit, 0, "x").ok).toBe(false);
    expect(l.open("a")).toBe(1);
  });

  it("forgets a key once it has no open connection and its bucket is full again", () => {
    const l = new ConnectionLimits();
    const limit = { maxConnections: 5, connectionsPerSecond: 1 };
    l.admit("a", limit, 0, "x");
    l.release("a", limit, 10);
    expect(l.size).toBe(1); // The bucket is still empty: forgetting it would reset the rate.
    l.sweep(() => limit, 500);
    expect(l.size).toBe(1);
    l.sweep(() => limit, 1_000);
    expect(l.size).toBe(0);
    const unlimitedRate = { maxConnections: 5 };
    l.admit("b", unlimitedRate, 0, "x");
    l.release("b", unlimitedRate, 0);
    expect(l.size).toBe(0);
  });

  it("a zero connection limit allows none", () => {
    expect(new ConnectionLimits().admit("t", { maxConnections: 0 }, 0, "this cluster").ok).toBe(false);
  });

  it("refuses a release without an open connection (a bookkeeping bug)", () => {
    expect(() => new ConnectionLimits().release("a", {}, 0)).toThrow(/without an open connection/);
  });
});
