/**
 * The config schema's value checks: the bounds Kafka puts on each kind of value, the config
 * names it knows, and the empty list Kafka 3.9 accepts for list configs.
 */
import { ErrorCode } from "@runnel/kafka-protocol";
import { describe, expect, it } from "vitest";
import { BROKER_CONFIGS, checkConfig, TOPIC_CONFIGS } from "../../src/controller/configs.js";

const topic = (key: string, value: string) => checkConfig(TOPIC_CONFIGS, "topic", key, value)?.code;
const broker = (key: string, value: string) => checkConfig(BROKER_CONFIGS, "broker", key, value)?.code;

describe("checkConfig", () => {
  it("accepts each topic config's valid values and refuses the rest with INVALID_CONFIG", () => {
    const cases: [string, string, boolean][] = [
      ["retention.ms", "-1", true],
      ["retention.ms", "-2", false],
      ["retention.ms", "soon", false],
      ["retention.ms", "9223372036854775807", true],
      ["retention.ms", "9223372036854775808", false],
      ["segment.bytes", "14", true],
      ["segment.bytes", "13", false],
      ["segment.bytes", "2147483648", false],
      ["min.cleanable.dirty.ratio", "0.25", true],
      ["min.cleanable.dirty.ratio", "1.5", false],
      ["preallocate", "false", true],
      ["preallocate", "yes", false],
      ["compression.type", "zstd", true],
      ["compression.type", "brotli", false],
      ["cleanup.policy", "compact,delete", true],
      ["cleanup.policy", "compact, delete", true],
      ["cleanup.policy", "", true],
      ["cleanup.policy", "compact,forever", false],
      ["compression.gzip.level", "-1", true],
      ["compression.gzip.level", "9", true],
      ["compression.gzip.level", "0", false],
      ["compression.gzip.level", "10", false],
      ["compression.lz4.level", "17", true],
      ["compression.lz4.level", "18", false],
      ["compression.zstd.level", "-131072", true],
      ["compression.zstd.level", "23", false],
      ["leader.replication.throttled.replicas", "", true],
      ["leader.replication.throttled.replicas", "*", true],
      ["leader.replication.throttled.replicas", "0:1,1:2", true],
      ["follower.replication.throttled.replicas", "0-1", false],
      ["message.format.version", "3.0-IV1", true],
      ["message.format.version", "2.8", true],
      ["message.format.version", "latest", false],
      ["message.downconversion.enable", "false", true],
      ["message.timestamp.difference.max.ms", "1000", true],
      ["remote.log.copy.disable", "true", true],
      ["remote.log.delete.on.disable", "maybe", false],
    ];
    for (const [key, value, ok] of cases) {
      expect(topic(key, value), `${key}=${value}`).toBe(ok ? undefined : ErrorCode.INVALID_CONFIG);
    }
  });

  it("knows Kafka's topic configs and the dynamic broker configs, and refuses others", () => {
    expect(topic("no.such.key", "1")).toBe(ErrorCode.INVALID_CONFIG);
    expect(broker("num.partitions", "3")).toBe(ErrorCode.INVALID_CONFIG);
    expect(broker("log.roll.ms", "1000")).toBeUndefined();
    expect(broker("log.cleaner.min.cleanable.ratio", "0.1")).toBeUndefined();
    expect(broker("log.retention.hours", "1")).toBe(ErrorCode.INVALID_CONFIG);
    expect(TOPIC_CONFIGS.size).toBe(36);
  });

  it("refuses values Runnel cannot honour with INVALID_CONFIG and the reason", () => {
    const remote = checkConfig(TOPIC_CONFIGS, "topic", "remote.storage.enable", "true");
    expect(remote?.code).toBe(ErrorCode.INVALID_CONFIG);
    expect(remote?.message).toBe(
      "Tiered Storage functionality is disabled in the broker. Topic cannot be configured with remote log storage.",
    );
    expect(topic("remote.storage.enable", "false")).toBeUndefined();
    const preallocate = checkConfig(TOPIC_CONFIGS, "topic", "preallocate", "true");
    expect(preallocate?.code).toBe(ErrorCode.INVALID_CONFIG);
    expect(preallocate?.message).toMatch(/^preallocate=true is not supported/);
    expect(topic("preallocate", "false")).toBeUndefined();
    expect(broker("log.preallocate", "true")).toBe(ErrorCode.INVALID_CONFIG);
    expect(broker("log.preallocate", "false")).toBeUndefined();
  });

  it("keeps unclean leader election off", () => {
    expect(topic("unclean.leader.election.enable", "true")).toBe(ErrorCode.POLICY_VIOLATION);
    expect(broker("unclean.leader.election.enable", "false")).toBeUndefined();
  });
});
