/**
 * The in-memory model of one classic consumer group, and the pure rules that
 * read it: protocol support and selection, subscribed topics, join readiness.
 *
 * A group is in one of five states (Kafka's names, which DescribeGroups and
 * ListGroups report verbatim):
 *
 *   Empty               no members; may still hold committed offsets
 *   PreparingRebalance  waiting for members to (re)join, bounded by the rebalance timeout
 *   CompletingRebalance joined; waiting for the leader's SyncGroup with the assignments
 *   Stable              assignments handed out; members heartbeat
 *   Dead                deleted; the coordinator drops it right away
 *
 * Invariants: `members` iterates in join order; `leaderId` names a member
 * whenever `members` is non-empty; `staticMembers` maps every member that has a
 * group instance id to its member id, and nothing else; a member has at most one
 * pending JoinGroup and one pending SyncGroup.
 */

import { Reader, readConsumerProtocolSubscription } from "@runnel/kafka-protocol";

export type GroupState = "Empty" | "PreparingRebalance" | "CompletingRebalance" | "Stable" | "Dead";

export const GROUP_STATES: readonly GroupState[] = [
  "Empty",
  "PreparingRebalance",
  "CompletingRebalance",
  "Stable",
  "Dead",
];

/** The protocol type Kafka's consumers use; only its metadata is parsed (to learn subscribed topics). */
export const CONSUMER_PROTOCOL_TYPE = "consumer";

/** Opaque identifier the shell attaches to a request whose response may be deferred. */
export type Ticket = number;

/** A deferred JoinGroup or SyncGroup, with the version its response must be shaped for. */
export interface PendingRequest {
  readonly ticket: Ticket;
  readonly apiVersion: number;
}

export interface Protocol {
  readonly name: string;
  readonly metadata: Uint8Array;
}

export interface Member {
  memberId: string;
  readonly groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  protocolType: string;
  /** In the member's order of preference. */
  protocols: Protocol[];
  assignment: Uint8Array;
  /** Joined during the current rebalance and has not yet received a JoinGroup response. */
  isNew: boolean;
  join: PendingRequest | null;
  sync: PendingRequest | null;
  /** The member is removed when this passes without a heartbeat (unless it is waiting on the coordinator). */
  heartbeatDeadlineMs: number;
}

export interface CommittedOffset {
  readonly offset: bigint;
  readonly leaderEpoch: number;
  readonly metadata: string;
  readonly commitTimestampMs: number;
  /** -1 unless the commit set an explicit retention time (OffsetCommit v2-v4). */
  readonly expireTimestampMs: number;
}

/** The timer of a rebalance's join phase. */
export interface JoinTimer {
  deadlineMs: number;
  /**
   * Non-null while the group is in its initial rebalance delay: what is left of
   * the rebalance timeout after this delay. The join phase then never ends
   * before the deadline, and each newcomer extends it by one more delay.
   */
  initialRemainingMs: number | null;
}

export interface Group {
  readonly groupId: string;
  state: GroupState;
  stateTimestampMs: number;
  generationId: number;
  /** null for a group that never had members (a "simple" group that only stores offsets). */
  protocolType: string | null;
  protocolName: string | null;
  leaderId: string | null;
  readonly members: Map<string, Member>;
  /** group instance id -> member id */
  readonly staticMembers: Map<string, string>;
  /** KIP-394: member ids handed out with MEMBER_ID_REQUIRED, not yet joined; value is the expiry. */
  readonly pendingMembers: Map<string, number>;
  /** Members that must send SyncGroup for this generation before `syncDeadlineMs`. */
  readonly pendingSyncMembers: Set<string>;
  syncDeadlineMs: number | null;
  join: JoinTimer | null;
  /** A member joined during the initial rebalance delay, which extends the delay once more. */
  newMemberAdded: boolean;
  /** Topics the members subscribe to (consumer protocol only); null when unknown. */
  subscribedTopics: Set<string> | null;
  /** topic -> partition -> committed offset */
  readonly offsets: Map<string, Map<number, CommittedOffset>>;
}

export function newGroup(groupId: string, nowMs: number): Group {
  return {
    groupId,
    state: "Empty",
    stateTimestampMs: nowMs,
    generationId: 0,
    protocolType: null,
    protocolName: null,
    leaderId: null,
    members: new Map(),
    staticMembers: new Map(),
    pendingMembers: new Map(),
    pendingSyncMembers: new Set(),
    syncDeadlineMs: null,
    join: null,
    newMemberAdded: false,
    subscribedTopics: null,
    offsets: new Map(),
  };
}

const TRANSITIONS: Record<GroupState, readonly GroupState[]> = {
  Empty: ["PreparingRebalance", "Dead"],
  PreparingRebalance: ["CompletingRebalance", "Empty", "Dead"],
  CompletingRebalance: ["PreparingRebalance", "Stable", "Dead"],
  Stable: ["PreparingRebalance", "Dead"],
  Dead: ["Dead"],
};

/** Moves the group to `to`; a transition Kafka's state machine does not allow is a bug here. */
export function transition(group: Group, to: GroupState, nowMs: number): void {
  if (!TRANSITIONS[group.state].includes(to)) {
    throw new Error(`group ${group.groupId}: illegal transition ${group.state} -> ${to}`);
  }
  group.state = to;
  group.stateTimestampMs = nowMs;
}

export function isStatic(member: Member): boolean {
  return member.groupInstanceId !== null;
}

export function protocolsEqual(a: readonly Protocol[], b: readonly Protocol[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Protocol;
    const y = b[i] as Protocol;
    if (x.name !== y.name || !bytesEqual(x.metadata, y.metadata)) return false;
  }
  return true;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** How many members support each protocol name. */
function protocolSupport(group: Group): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of group.members.values()) {
    for (const p of new Set(m.protocols.map((x) => x.name))) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  return counts;
}

/**
 * Whether a member with this protocol type and these protocols may join: an
 * empty group takes any non-empty proposal; otherwise the type must match and
 * at least one protocol must be one every current member supports.
 */
export function supportsProtocols(
  group: Group,
  protocolType: string,
  protocols: readonly Protocol[],
): boolean {
  if (group.state === "Empty") return protocolType !== "" && protocols.length > 0;
  if (group.protocolType !== protocolType) return false;
  const counts = protocolSupport(group);
  return protocols.some((p) => counts.get(p.name) === group.members.size);
}

/**
 * The protocol for the next generation. Candidates are the protocols every
 * member supports; each member votes for its most preferred candidate, and the
 * one with most votes wins. Kafka leaves ties to hash-map order; we break them
 * by the leader's preference so the choice is deterministic.
 */
export function selectProtocol(group: Group): string {
  if (group.members.size === 0)
    throw new Error(`group ${group.groupId}: cannot select a protocol without members`);
  const counts = protocolSupport(group);
  const candidates = new Set([...counts].filter(([, n]) => n === group.members.size).map(([name]) => name));
  const votes = new Map<string, number>();
  for (const m of group.members.values()) {
    const vote = m.protocols.find((p) => candidates.has(p.name));
    if (vote === undefined)
      throw new Error(`group ${group.groupId}: member ${m.memberId} has no common protocol`);
    votes.set(vote.name, (votes.get(vote.name) ?? 0) + 1);
  }
  const leader = group.leaderId === null ? undefined : group.members.get(group.leaderId);
  const preference = (name: string) => {
    const i = leader?.protocols.findIndex((p) => p.name === name) ?? -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  let best: string | null = null;
  let bestVotes = -1;
  for (const [name, n] of votes) {
    if (n > bestVotes || (n === bestVotes && best !== null && preference(name) < preference(best))) {
      best = name;
      bestVotes = n;
    }
  }
  return best as string;
}

/** The member's metadata for `protocolName`, or empty bytes when it does not offer that protocol. */
export function metadataFor(member: Member, protocolName: string | null): Uint8Array {
  return member.protocols.find((p) => p.name === protocolName)?.metadata ?? new Uint8Array(0);
}

/** The largest member rebalance timeout: how long a rebalance waits for everyone to rejoin. */
export function rebalanceTimeoutMs(group: Group): number {
  let max = 0;
  for (const m of group.members.values()) max = Math.max(max, m.rebalanceTimeoutMs);
  return max;
}

export function awaitingJoinCount(group: Group): number {
  let n = 0;
  for (const m of group.members.values()) if (m.join !== null) n++;
  return n;
}

/** Every member has rejoined and no KIP-394 member is still on its way. */
export function hasAllMembersJoined(group: Group): boolean {
  return awaitingJoinCount(group) === group.members.size && group.pendingMembers.size === 0;
}

/**
 * The union of the topics the members subscribe to, for consumer-protocol
 * groups. Null when the group does not use the consumer protocol or a
 * subscription does not parse: then no topic counts as subscribed.
 */
export function computeSubscribedTopics(group: Group): Set<string> | null {
  if (group.protocolType !== CONSUMER_PROTOCOL_TYPE || group.protocolName === null) return null;
  const topics = new Set<string>();
  for (const m of group.members.values()) {
    const parsed = parseSubscriptionTopics(metadataFor(m, group.protocolName));
    if (parsed === null) return null;
    for (const t of parsed) topics.add(t);
  }
  return topics;
}

/** The highest ConsumerProtocolSubscription version our codec knows; newer ones are read as this one. */
const SUBSCRIPTION_VERSION_MAX = 3;

export function parseSubscriptionTopics(bytes: Uint8Array): string[] | null {
  const r = new Reader(bytes);
  const version = r.int16();
  if (r.error !== null || version < 0) return null;
  const sub = readConsumerProtocolSubscription(r, Math.min(version, SUBSCRIPTION_VERSION_MAX));
  return r.error === null ? sub.topics : null;
}

export function hasOffsets(group: Group): boolean {
  for (const partitions of group.offsets.values()) if (partitions.size > 0) return true;
  return false;
}
