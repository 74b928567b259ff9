/**
 * Tenant quotas and limits: which keys exist, which values each takes when
 * written, and the typed view read back from the stored map (absent keys
 * set no limit; a stored value that could not have been written throws).
 */
import { describe, expect, it } from "vitest";
import { isQuotaKey, QUOTA_KEYS, QUOTA_SPECS, quotaSpecProblem, readTenantQuotas } from "../src/index.js";

describe("quota keys", () => {
  it("are Kafka's client quota keys and the tenant limits", () => {
    expect([...QUOTA_KEYS].sort()).toEqual(
      [
        "producer_byte_rate",
        "consumer_byte_rate",
        "request_percentage",
        "max_partitions",
        "max_connections",
        "connection_creation_rate",
        "max_request_bytes",
      ].sort(),
    );
    for (const key of QUOTA_KEYS) expect(QUOTA_SPECS[key].unit.length).toBeGreaterThan(0);
    expect(isQuotaKey("producer_byte_rate")).toBe(true);
    expect(isQuotaKey("toString")).toBe(false);
    expect(isQuotaKey("Producer_Byte_Rate")).toBe(false);
  });
});

describe("quotaSpecProblem", () => {
  it.each([
    ["producer_byte_rate", 1_048_576],
    ["producer_byte_rate", 1],
    ["consumer_byte_rate", 2 ** 40],
    ["request_percentage", 0.5],
    ["request_percentage", 250],
    ["max_partitions", 0],
    ["max_partitions", 1500],
    ["max_connections", 0],
    ["max_connections", 100],
    ["connection_creation_rate", 2.5],
    ["max_request_bytes", 1_048_588],
  ])("accepts %s = %d", (key, value) => {
    expect(quotaSpecProblem(key, value)).toBeUndefined();
  });

  it.each([
    ["no_such_quota", 1, /unknown quota key "no_such_quota"/],
    ["PRODUCER_BYTE_RATE", 1, /unknown quota key/],
    ["producer_byte_rate", -1, /greater than 0 bytes\/s/],
    ["producer_byte_rate", 0, /greater than 0 bytes\/s/],
    ["producer_byte_rate", 1.5, /whole number of bytes\/s/],
    ["consumer_byte_rate", 2 ** 60, /whole number/],
    ["request_percentage", 0, /greater than 0 percent/],
    ["request_percentage", -5, /greater than 0/],
    ["max_partitions", -1, /at least 0 partitions/],
    ["max_partitions", 2.5, /whole number of partitions/],
    ["max_connections", 10.1, /whole number of connections/],
    ["connection_creation_rate", 0, /greater than 0 connections\/s/],
    ["max_request_bytes", 0, /greater than 0 bytes/],
    ["max_request_bytes", Number.NaN, /finite/],
    ["request_percentage", Number.POSITIVE_INFINITY, /finite/],
  ])("refuses %s = %d with INVALID_REQUEST", (key, value, message) => {
    const problem = quotaSpecProblem(key as string, value as number);
    expect(problem?.code).toBe(42);
    expect(problem?.message).toMatch(message as RegExp);
  });
});

describe("readTenantQuotas", () => {
  it("sets no limit for absent keys", () => {
    const quotas = readTenantQuotas(new Map());
    expect(quotas).toEqual({});
    expect(quotas.producerByteRate).toBeUndefined();
  });

  it("reads every key into its field", () => {
    const stored = new Map<string, number>([
      ["producer_byte_rate", 1000],
      ["consumer_byte_rate", 2000],
      ["request_percentage", 12.5],
      ["max_partitions", 0],
      ["max_connections", 50],
      ["connection_creation_rate", 3.5],
      ["max_request_bytes", 4096],
    ]);
    expect(readTenantQuotas(stored)).toEqual({
      producerByteRate: 1000,
      consumerByteRate: 2000,
      requestPercentage: 12.5,
      maxPartitions: 0,
      maxConnections: 50,
      connectionCreationRate: 3.5,
      maxRequestBytes: 4096,
    });
  });

  it("skips keys a newer version wrote, and throws on a stored value that could not have been written", () => {
    expect(readTenantQuotas(new Map([["max_topics_from_the_future", 3]]))).toEqual({});
    expect(() => readTenantQuotas(new Map([["max_partitions", -3]]))).toThrow(
      /max_partitions must be at least 0/,
    );
    expect(() => readTenantQuotas(new Map([["producer_byte_rate", 0.5]]))).toThrow(RangeError);
  });
});
