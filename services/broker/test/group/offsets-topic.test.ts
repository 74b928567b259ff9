/**
 * Golden bytes for the `__consumer_offsets` records, derived by hand from
 * Kafka's record schemas (OffsetCommitKey/Value, GroupMetadataKey/Value):
 * every record starts with an int16 schema version; non-flexible strings are
 * an int16 length then UTF-8, nullable ones use length -1 (ff ff) for null;
 * bytes are an int32 length then the bytes; arrays an int32 count. Version 4
 * values are flexible: lengths are unsigned varints of length+1 (0 = null) and
 * each struct ends with a tagged-field count (0 here).
 *
 * Also: the coordinator partition of a group, from Java's String.hashCode.
 */

import { describe, expect, it } from "vitest";
import {
  decodeGroupMetadataValue,
  decodeOffsetCommitValue,
  decodeOffsetsKey,
  encodeGroupMetadataKey,
  encodeGroupMetadataValue,
  encodeOffsetCommitKey,
  encodeOffsetCommitValue,
  javaStringHashCode,
  OffsetsRecordError,
  partitionForGroup,
} from "../../src/group/index.js";

/**
 * Bytes from an annotated hex dump: on each line, the hex groups up to the
 * first word that is not hex; the rest of the line is a comment.
 */
function hex(dump: string): Buffer {
  const digits = dump.split("\n").flatMap((line) => {
    const words = line.trim().split(/\s+/);
    const end = words.findIndex((w) => !/^([0-9a-f]{2})+$/i.test(w));
    return end < 0 ? words : words.slice(0, end);
  });
  return Buffer.from(digits.join(""), "hex");
}

describe("__consumer_offsets record formats", () => {
  it("OffsetCommitKey v1: group, topic, partition", () => {
    const bytes = hex(`
      0001          key version 1
      0001 67       group "g"
      0001 74       topic "t"
      00000001      partition 1`);
    expect(encodeOffsetCommitKey("g", "t", 1)).toEqual(bytes);
    expect(decodeOffsetsKey(bytes)).toEqual({ type: "offset", group: "g", topic: "t", partition: 1 });
    // Version 0 keys (older brokers) have the same layout.
    expect(decodeOffsetsKey(hex("0000 0001 67 0001 74 00000002"))).toMatchObject({ partition: 2 });
  });

  it("GroupMetadataKey v2: group", () => {
    const bytes = hex("0002 0001 67");
    expect(encodeGroupMetadataKey("g")).toEqual(bytes);
    expect(decodeOffsetsKey(bytes)).toEqual({ type: "group", group: "g" });
  });

  it("OffsetCommitValue v3: offset, leader epoch, metadata, commit timestamp", () => {
    const bytes = hex(`
      0003                 value version 3
      000000000000002a     offset 42
      00000005             leader epoch 5
      0001 6d              metadata "m"
      00000000000003e8     commit timestamp 1000`);
    const value = {
      offset: 42n,
      leaderEpoch: 5,
      metadata: "m",
      commitTimestampMs: 1000,
      expireTimestampMs: -1,
    };
    expect(encodeOffsetCommitValue(value)).toEqual(bytes);
    expect(decodeOffsetCommitValue(bytes)).toEqual(value);
  });

  it("OffsetCommitValue v1, written when the commit carried a retention time: no epoch, an expire timestamp", () => {
    const bytes = hex(`
      0001                 value version 1
      000000000000002a     offset 42
      0000                 metadata ""
      00000000000003e8     commit timestamp 1000
      00000000000007d0     expire timestamp 2000`);
    const value = {
      offset: 42n,
      leaderEpoch: -1,
      metadata: "",
      commitTimestampMs: 1000,
      expireTimestampMs: 2000,
    };
    expect(encodeOffsetCommitValue(value)).toEqual(bytes);
    expect(decodeOffsetCommitValue(bytes)).toEqual(value);
  });

  it("OffsetCommitValue v4 (flexible) is read", () => {
    const bytes = hex("0004 000000000000002a 00000005 02 6d 00000000000003e8 00");
    expect(decodeOffsetCommitValue(bytes)).toEqual({
      offset: 42n,
      leaderEpoch: 5,
      metadata: "m",
      commitTimestampMs: 1000,
      expireTimestampMs: -1,
    });
  });

  it("GroupMetadataValue v3: a stable group with one static member", () => {
    const bytes = hex(`
      0003                          value version 3
      0008 636f6e73756d6572         protocol type "consumer"
      00000001                      generation 1
      0005 72616e6765               protocol "range"
      0002 6d31                     leader "m1"
      00000000000003e8              current state timestamp 1000
      00000001                      1 member:
      0002 6d31                       member id "m1"
      0002 6931                       group instance id "i1"
      0001 63                         client id "c"
      0002 2f68                       client host "/h"
      00007530                        rebalance timeout 30000
      00002710                        session timeout 10000
      00000002 0102                   subscription
      00000001 03                     assignment`);
    const value = {
      protocolType: "consumer",
      generation: 1,
      protocol: "range",
      leader: "m1",
      currentStateTimestampMs: 1000,
      members: [
        {
          memberId: "m1",
          groupInstanceId: "i1",
          clientId: "c",
          clientHost: "/h",
          rebalanceTimeoutMs: 30_000,
          sessionTimeoutMs: 10_000,
          subscription: Uint8Array.of(1, 2),
          assignment: Uint8Array.of(3),
        },
      ],
    };
    expect(encodeGroupMetadataValue(value)).toEqual(bytes);
    expect(decodeGroupMetadataValue(bytes)).toEqual(value);
  });

  it("GroupMetadataValue v3: an empty group has null protocol and leader", () => {
    const bytes = hex("0003 0008 636f6e73756d6572 00000002 ffff ffff 00000000000003e8 00000000");
    const value = {
      protocolType: "consumer",
      generation: 2,
      protocol: null,
      leader: null,
      currentStateTimestampMs: 1000,
      members: [],
    };
    expect(encodeGroupMetadataValue(value)).toEqual(bytes);
    expect(decodeGroupMetadataValue(bytes)).toEqual(value);
  });

  it("GroupMetadataValue v0 (no timestamps, instance ids or rebalance timeouts) is read", () => {
    const bytes = hex(`
      0000 0001 63 00000003 0001 72 0001 6d
      00000001  0001 6d 0001 63 0001 68 00001388 00000000 00000000`);
    expect(decodeGroupMetadataValue(bytes)).toEqual({
      protocolType: "c",
      generation: 3,
      protocol: "r",
      leader: "m",
      currentStateTimestampMs: -1,
      members: [
        {
          memberId: "m",
          groupInstanceId: null,
          clientId: "c",
          clientHost: "h",
          rebalanceTimeoutMs: 5000,
          sessionTimeoutMs: 5000,
          subscription: new Uint8Array(0),
          assignment: new Uint8Array(0),
        },
      ],
    });
  });

  it("GroupMetadataValue v4 (flexible) is read", () => {
    const bytes = hex(`
      0004 02 63 00000001 02 72 00 00000000000003e8
      02  02 6d 00 02 63 02 68 00007530 00002710 01 01 00
      00`);
    expect(decodeGroupMetadataValue(bytes)).toMatchObject({
      protocolType: "c",
      protocol: "r",
      leader: null,
      members: [
        { memberId: "m", groupInstanceId: null, rebalanceTimeoutMs: 30_000, sessionTimeoutMs: 10_000 },
      ],
    });
  });

  it("rejects truncated, oversized and trailing-garbage records instead of guessing", () => {
    expect(() => decodeOffsetsKey(hex("0001 0005 67"))).toThrow(OffsetsRecordError);
    expect(() => decodeOffsetCommitValue(hex("0003 00000000"))).toThrow(OffsetsRecordError);
    expect(() => decodeOffsetCommitValue(hex("0009 00"))).toThrow(/unknown version 9/);
    expect(() => decodeGroupMetadataKeyWithTrailing()).toThrow(/trailing/);
    // A member count far beyond the bytes present is refused before anything is allocated.
    expect(() =>
      decodeGroupMetadataValue(hex("0003 0000 00000001 ffff ffff 0000000000000000 7fffffff")),
    ).toThrow(OffsetsRecordError);
  });
});

function decodeGroupMetadataKeyWithTrailing() {
  return decodeOffsetsKey(hex("0002 0001 67 00"));
}

describe("the coordinator partition of a group", () => {
  it("uses Java's String.hashCode", () => {
    expect(javaStringHashCode("")).toBe(0);
    expect(javaStringHashCode("hello")).toBe(99162322);
    // "Aa" and "BB" famously collide.
    expect(javaStringHashCode("Aa")).toBe(javaStringHashCode("BB"));
    // Hashing UTF-16 code units: a character outside the BMP counts as two.
    expect(javaStringHashCode("😀")).toBe((31 * 0xd83d + 0xde00) | 0);
    expect(javaStringHashCode("polygenelubricants")).toBe(-2147483648);
  });

  it("is abs(hash) mod the partition count, with Kafka's abs(Integer.MIN_VALUE) = 0", () => {
    expect(partitionForGroup("hello")).toBe(99162322 % 50);
    expect(partitionForGroup("polygenelubricants")).toBe(0);
    const negative = "my-consumer-group-7";
    const h = javaStringHashCode(negative);
    expect(partitionForGroup(negative, 50)).toBe(Math.abs(h) % 50);
    expect(partitionForGroup("hello", 7)).toBe(99162322 % 7);
    expect(() => partitionForGroup("g", 0)).toThrow(RangeError);
  });
});
