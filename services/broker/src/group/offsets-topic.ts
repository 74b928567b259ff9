/**
 * The `__consumer_offsets` topic: which partition coordinates a group, and the
 * byte layout of the records the group coordinator keeps there.
 *
 * A group lives on the partition `abs(javaHashCode(groupId)) % partitionCount`,
 * exactly as Kafka computes it, so that clients, tools and brokers that compute
 * the coordinator themselves agree with us.
 *
 * Records (key and value each start with an int16 schema version; strings are
 * int16-length UTF-8, bytes are int32-length, arrays int32-counted; version 4
 * values are "flexible": compact lengths and tagged fields):
 *
 *   OffsetCommitKey    v0/v1: group string, topic string, partition int32      (we write v1)
 *   GroupMetadataKey   v2:    group string
 *   OffsetCommitValue  v0: offset int64, metadata string, commitTimestamp int64
 *                      v1: v0 + expireTimestamp int64                           (we write v1 when the
 *                                                                               commit carried a retention time)
 *                      v2: as v0
 *                      v3: offset int64, leaderEpoch int32, metadata string,
 *                          commitTimestamp int64                                (we write v3 otherwise)
 *                      v4: v3, flexible
 *   GroupMetadataValue protocolType string, generation int32, protocol nullable string,
 *                      leader nullable string, currentStateTimestamp int64 (v2+),
 *                      members [memberId string, groupInstanceId nullable string (v3+),
 *                      clientId string, clientHost string, rebalanceTimeout int32 (v1+),
 *                      sessionTimeout int32, subscription bytes, assignment bytes]
 *                                                                               (we write v3; v4 is flexible)
 *
 * A record with a null value is a tombstone: the offset, or the whole group's
 * metadata, is deleted. These are the versions Kafka 3.x brokers write, so a
 * partition written by either can be read by the other. Key versions above 2
 * belong to the KIP-848 consumer protocol, which this coordinator does not
 * implement; `decodeOffsetsKey` reports them as `unknown` so a loader can skip them.
 */

import { Reader, Writer } from "@runnel/kafka-protocol";

/** Kafka's default partition count for `__consumer_offsets` (`offsets.topic.num.partitions`). */
export const OFFSETS_TOPIC_PARTITIONS_DEFAULT = 50;

/** The name of the internal topic that holds group metadata and committed offsets. */
export const OFFSETS_TOPIC_NAME = "__consumer_offsets";

/** Java's `String.hashCode`: 31-based over UTF-16 code units, wrapping at 32 bits. */
export function javaStringHashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * The `__consumer_offsets` partition that coordinates `groupId`. Kafka's
 * `Utils.abs` maps Integer.MIN_VALUE to 0 (Math.abs would leave it negative).
 */
export function partitionForGroup(
  groupId: string,
  partitionCount = OFFSETS_TOPIC_PARTITIONS_DEFAULT,
): number {
  if (!Number.isInteger(partitionCount) || partitionCount <= 0) {
    throw new RangeError(`partitionCount must be a positive integer, got ${partitionCount}`);
  }
  const h = javaStringHashCode(groupId);
  const abs = h === -2147483648 ? 0 : Math.abs(h);
  return abs % partitionCount;
}

/** One record of the `__consumer_offsets` partition: key bytes and value bytes, null for a tombstone. */
export interface OffsetsRecord {
  readonly key: Uint8Array;
  readonly value: Uint8Array | null;
}

export type OffsetsRecordKey =
  | { readonly type: "offset"; readonly group: string; readonly topic: string; readonly partition: number }
  | { readonly type: "group"; readonly group: string }
  /** A record this coordinator does not interpret (KIP-848 consumer-group records, share groups, ...). */
  | { readonly type: "unknown"; readonly version: number };

export interface OffsetCommitValue {
  readonly offset: bigint;
  /** -1 when the committer did not know the leader epoch. */
  readonly leaderEpoch: number;
  readonly metadata: string;
  readonly commitTimestampMs: number;
  /** -1 unless the commit carried an explicit retention time (OffsetCommit v2-v4). */
  readonly expireTimestampMs: number;
}

export interface MemberMetadataValue {
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  readonly clientId: string;
  readonly clientHost: string;
  readonly rebalanceTimeoutMs: number;
  readonly sessionTimeoutMs: number;
  /** The member's metadata for the group's chosen protocol. */
  readonly subscription: Uint8Array;
  readonly assignment: Uint8Array;
}

export interface GroupMetadataValue {
  /** "" for a group that only stores offsets (no group management). */
  readonly protocolType: string;
  readonly generation: number;
  readonly protocol: string | null;
  readonly leader: string | null;
  /** When the group entered its current state, or -1 (written from v2 on). */
  readonly currentStateTimestampMs: number;
  readonly members: readonly MemberMetadataValue[];
}

/** A record in `__consumer_offsets` whose bytes do not follow the format. Data corruption, never a request error. */
export class OffsetsRecordError extends Error {
  override readonly name = "OffsetsRecordError";
}

const OFFSET_KEY_VERSION = 1;
const GROUP_KEY_VERSION = 2;
const OFFSET_VALUE_VERSION = 3;
const OFFSET_VALUE_VERSION_WITH_EXPIRY = 1;
const GROUP_VALUE_VERSION = 3;

export function encodeOffsetCommitKey(group: string, topic: string, partition: number): Uint8Array {
  const w = new Writer(64);
  w.int16(OFFSET_KEY_VERSION);
  w.string(group);
  w.string(topic);
  w.int32(partition);
  return w.finish();
}

export function encodeGroupMetadataKey(group: string): Uint8Array {
  const w = new Writer(32);
  w.int16(GROUP_KEY_VERSION);
  w.string(group);
  return w.finish();
}

/** Version 3, or version 1 when the offset has an explicit expiry (only v1 can carry it). */
export function encodeOffsetCommitValue(v: OffsetCommitValue): Uint8Array {
  const w = new Writer(64);
  if (v.expireTimestampMs >= 0) {
    w.int16(OFFSET_VALUE_VERSION_WITH_EXPIRY);
    w.int64(v.offset);
    w.string(v.metadata);
    w.int64(BigInt(v.commitTimestampMs));
    w.int64(BigInt(v.expireTimestampMs));
  } else {
    w.int16(OFFSET_VALUE_VERSION);
    w.int64(v.offset);
    w.int32(v.leaderEpoch);
    w.string(v.metadata);
    w.int64(BigInt(v.commitTimestampMs));
  }
  return w.finish();
}

export function encodeGroupMetadataValue(v: GroupMetadataValue): Uint8Array {
  const w = new Writer(256);
  w.int16(GROUP_VALUE_VERSION);
  w.string(v.protocolType);
  w.int32(v.generation);
  w.nullableString(v.protocol);
  w.nullableString(v.leader);
  w.int64(BigInt(v.currentStateTimestampMs));
  w.arrayLength(v.members.length);
  for (const m of v.members) {
    w.string(m.memberId);
    w.nullableString(m.groupInstanceId);
    w.string(m.clientId);
    w.string(m.clientHost);
    w.int32(m.rebalanceTimeoutMs);
    w.int32(m.sessionTimeoutMs);
    w.bytes(m.subscription);
    w.bytes(m.assignment);
  }
  return w.finish();
}

function finish<T>(r: Reader, what: string, value: T): T {
  if (r.error !== null) throw new OffsetsRecordError(`${what}: ${r.error.message} at byte ${r.error.offset}`);
  if (r.remaining !== 0) throw new OffsetsRecordError(`${what}: ${r.remaining} trailing bytes`);
  return value;
}

export function decodeOffsetsKey(bytes: Uint8Array): OffsetsRecordKey {
  const r = new Reader(bytes);
  const version = r.int16();
  if (r.error !== null) throw new OffsetsRecordError(`__consumer_offsets key: ${r.error.message}`);
  if (version === 0 || version === 1) {
    const group = r.string();
    const topic = r.string();
    const partition = r.int32();
    return finish(r, `offset commit key v${version}`, { type: "offset", group, topic, partition });
  }
  if (version === 2) {
    const group = r.string();
    return finish(r, "group metadata key v2", { type: "group", group });
  }
  if (version < 0) throw new OffsetsRecordError(`__consumer_offsets key: negative version ${version}`);
  return { type: "unknown", version };
}

export function decodeOffsetCommitValue(bytes: Uint8Array): OffsetCommitValue {
  const r = new Reader(bytes);
  const version = r.int16();
  if (r.error === null && (version < 0 || version > 4)) {
    throw new OffsetsRecordError(`offset commit value: unknown version ${version}`);
  }
  const flex = version >= 4;
  const offset = r.int64();
  const leaderEpoch = version >= 3 ? r.int32() : -1;
  const metadata = flex ? r.compactString() : r.string();
  const commitTimestampMs = Number(r.int64());
  const expireTimestampMs = version === 1 ? Number(r.int64()) : -1;
  if (flex) r.unknownTaggedFields();
  return finish(r, `offset commit value v${version}`, {
    offset,
    leaderEpoch,
    metadata,
    commitTimestampMs,
    expireTimestampMs,
  });
}

/** The smallest encoded member (v0, non-flexible): four empty strings, one int32, two empty byte strings. */
const MEMBER_MIN_BYTES = 4 * 2 + 4 + 2 * 4;

export function decodeGroupMetadataValue(bytes: Uint8Array): GroupMetadataValue {
  const r = new Reader(bytes);
  const version = r.int16();
  if (r.error === null && (version < 0 || version > 4)) {
    throw new OffsetsRecordError(`group metadata value: unknown version ${version}`);
  }
  const flex = version >= 4;
  const str = () => (flex ? r.compactString() : r.string());
  const nstr = () => (flex ? r.compactNullableString() : r.nullableString());
  const byts = () => (flex ? r.compactBytes() : r.bytes());
  const protocolType = str();
  const generation = r.int32();
  const protocol = nstr();
  const leader = nstr();
  const currentStateTimestampMs = version >= 2 ? Number(r.int64()) : -1;
  const count = flex
    ? r.compactArrayLength(MEMBER_MIN_BYTES / 2, false)
    : r.arrayLength(MEMBER_MIN_BYTES, false);
  const members: MemberMetadataValue[] = [];
  for (let i = 0; i < count && r.error === null; i++) {
    const memberId = str();
    const groupInstanceId = version >= 3 ? nstr() : null;
    const clientId = str();
    const clientHost = str();
    const rebalanceTimeoutMs = version >= 1 ? r.int32() : -1;
    const sessionTimeoutMs = r.int32();
    // Copies, so that loaded state does not pin the log buffer the records came from.
    const subscription = Uint8Array.from(byts());
    const assignment = Uint8Array.from(byts());
    if (flex) r.unknownTaggedFields();
    members.push({
      memberId,
      groupInstanceId,
      clientId,
      clientHost,
      // Version 0 predates separate rebalance timeouts; the session timeout served as both.
      rebalanceTimeoutMs: rebalanceTimeoutMs < 0 ? sessionTimeoutMs : rebalanceTimeoutMs,
      sessionTimeoutMs,
      subscription,
      assignment,
    });
  }
  if (flex) r.unknownTaggedFields();
  return finish(r, `group metadata value v${version}`, {
    protocolType,
    generation,
    protocol,
    leader,
    currentStateTimestampMs,
    members,
  });
}
