/**
 * The classic group coordinator for one `__consumer_offsets` partition, as pure
 * logic: Kafka's JoinGroup/SyncGroup/Heartbeat/LeaveGroup rebalance protocol
 * (KIP-62 rebalance timeouts, KIP-345 static membership, KIP-394 member ids,
 * KIP-814 skipped assignments), committed offsets with KIP-211 retention, and
 * the group administration APIs. KIP-848's ConsumerGroupHeartbeat is not here.
 *
 * No I/O and no timers. Every method takes the current time and returns
 * `Effects`:
 *
 *   - `records`: appended, in order, to this coordinator's `__consumer_offsets`
 *     partition. The shell persists them BEFORE it sends any reply of the same
 *     call: a reply may promise state (an assignment, a commit) that only the
 *     records make durable. If the append fails, the shell answers the call's
 *     requests with NOT_COORDINATOR, discards this coordinator, and rebuilds a
 *     fresh one with `load` from what the log actually holds.
 *   - `replies`: JoinGroup and SyncGroup responses, each for the `ticket` the
 *     shell passed with the request. Those two calls are answered either at once
 *     or later, from the effects of another call or of `tick` (when the
 *     rebalance they wait for completes). Every ticket is answered exactly once.
 *   - `wakeAtMs`: when the shell must call `tick` next (session expiries, the
 *     rebalance and sync deadlines, the initial rebalance delay, KIP-394 pending
 *     members, the periodic offset-retention check). One timer suffices: re-arm
 *     it from every result; null means nothing is scheduled.
 *
 * Other requests return their response directly in `Outcome.response`.
 * Authorization, topic existence and the "is this broker the coordinator"
 * check (see `partitionForGroup`) belong to the shell.
 */

import {
  type DeleteGroupsRequest,
  type DeleteGroupsResponse,
  type DescribeGroupsRequest,
  type DescribeGroupsResponse,
  type DescribeGroupsResponseDescribedGroup,
  ErrorCode,
  type HeartbeatRequest,
  type HeartbeatResponse,
  type JoinGroupRequest,
  type JoinGroupResponse,
  type LeaveGroupRequest,
  type LeaveGroupResponse,
  type LeaveGroupResponseMemberResponse,
  type ListGroupsRequest,
  type ListGroupsResponse,
  type OffsetCommitRequest,
  type OffsetCommitResponse,
  type OffsetDeleteRequest,
  type OffsetDeleteResponse,
  type OffsetFetchRequest,
  type OffsetFetchResponse,
  type SyncGroupRequest,
  type SyncGroupResponse,
} from "@runnel/kafka-protocol";
import {
  awaitingJoinCount,
  CONSUMER_PROTOCOL_TYPE,
  type CommittedOffset,
  computeSubscribedTopics,
  type Group,
  type GroupState,
  hasAllMembersJoined,
  hasOffsets,
  isStatic,
  type Member,
  metadataFor,
  newGroup,
  type PendingRequest,
  type Protocol,
  protocolsEqual,
  rebalanceTimeoutMs,
  selectProtocol,
  supportsProtocols,
  type Ticket,
  transition,
} from "./group.js";
import {
  decodeGroupMetadataValue,
  decodeOffsetCommitValue,
  decodeOffsetsKey,
  encodeGroupMetadataKey,
  encodeGroupMetadataValue,
  encodeOffsetCommitKey,
  encodeOffsetCommitValue,
  type GroupMetadataValue,
  type OffsetsRecord,
  OffsetsRecordError,
} from "./offsets-topic.js";

export interface GroupCoordinatorConfig {
  /** `group.min.session.timeout.ms` */
  readonly groupMinSessionTimeoutMs: number;
  /** `group.max.session.timeout.ms` */
  readonly groupMaxSessionTimeoutMs: number;
  /** `group.initial.rebalance.delay.ms`: how long a new group waits for more members before its first generation. */
  readonly groupInitialRebalanceDelayMs: number;
  /** `group.max.size` */
  readonly groupMaxSize: number;
  /** How long a brand-new member may wait in JoinGroup before it is dropped (Kafka's fixed 5 minutes). */
  readonly newMemberJoinTimeoutMs: number;
  /** `offsets.retention.ms` */
  readonly offsetsRetentionMs: number;
  /** `offsets.retention.check.interval.ms` */
  readonly offsetsRetentionCheckIntervalMs: number;
  /** `offset.metadata.max.bytes` (compared, as Kafka does, with the string's UTF-16 length) */
  readonly offsetMetadataMaxBytes: number;
}

/** Kafka's defaults. */
export const DEFAULT_GROUP_COORDINATOR_CONFIG: GroupCoordinatorConfig = {
  groupMinSessionTimeoutMs: 6_000,
  groupMaxSessionTimeoutMs: 1_800_000,
  groupInitialRebalanceDelayMs: 3_000,
  groupMaxSize: 2_147_483_647,
  newMemberJoinTimeoutMs: 300_000,
  offsetsRetentionMs: 7 * 24 * 60 * 60 * 1000,
  offsetsRetentionCheckIntervalMs: 600_000,
  offsetMetadataMaxBytes: 4096,
};

export interface GroupCoordinatorDeps {
  /** A fresh unique suffix for member ids (Kafka uses a random UUID). Injected so tests are deterministic. */
  readonly randomId?: () => string;
}

/** What the shell knows about a request besides its body. */
export interface RequestContext {
  readonly apiVersion: number;
  readonly clientId: string;
  readonly clientHost: string;
}

export type Reply =
  | { readonly ticket: Ticket; readonly api: "JoinGroup"; readonly response: JoinGroupResponse }
  | { readonly ticket: Ticket; readonly api: "SyncGroup"; readonly response: SyncGroupResponse };

export interface Effects {
  readonly replies: Reply[];
  readonly records: OffsetsRecord[];
  readonly wakeAtMs: number | null;
}

export interface Outcome<R> extends Effects {
  readonly response: R;
}

export interface LoadSummary {
  readonly groups: number;
  readonly offsets: number;
  /** Records of kinds this coordinator does not interpret (KIP-848 and later record types). */
  readonly skippedRecords: number;
}

/** A plain, comparable picture of a group: what `load` must rebuild from the records. */
export interface GroupSnapshot {
  readonly groupId: string;
  readonly state: GroupState;
  readonly generationId: number;
  readonly protocolType: string | null;
  readonly protocolName: string | null;
  readonly leaderId: string | null;
  readonly members: readonly {
    readonly memberId: string;
    readonly groupInstanceId: string | null;
    readonly clientId: string;
    readonly clientHost: string;
    readonly sessionTimeoutMs: number;
    readonly rebalanceTimeoutMs: number;
    /** The member's metadata for the chosen protocol. */
    readonly metadata: Uint8Array;
    readonly assignment: Uint8Array;
  }[];
  readonly offsets: readonly ({ readonly topic: string; readonly partition: number } & CommittedOffset)[];
}

const EMPTY = new Uint8Array(0);
const NO_GENERATION = -1;
/** DescribeGroups' "authorized operations not requested" marker. */
const AUTHORIZED_OPERATIONS_OMITTED = -2147483648;
/** Bound on timer events handled for one group in one tick; exceeding it means a timer never advances. */
const TICK_EVENTS_PER_GROUP_MAX = 100_000;

type Code = number;

export class GroupCoordinator {
  private readonly config: GroupCoordinatorConfig;
  private readonly randomId: () => string;
  private readonly groups = new Map<string, Group>();
  private nextRetentionCheckMs: number | null = null;
  private replies: Reply[] = [];
  private records: OffsetsRecord[] = [];

  constructor(config: Partial<GroupCoordinatorConfig> = {}, deps: GroupCoordinatorDeps = {}) {
    this.config = { ...DEFAULT_GROUP_COORDINATOR_CONFIG, ...config };
    this.randomId = deps.randomId ?? (() => globalThis.crypto.randomUUID());
  }

  // ---------------------------------------------------------------- loading

  /**
   * Rebuilds every group and its offsets from the partition's records, oldest
   * first (a later record for a key replaces an earlier one; a null value
   * deletes). Groups with members come back Stable with fresh session timers:
   * members that are gone expire, members that are alive carry on.
   */
  load(records: Iterable<OffsetsRecord>, nowMs: number): Effects & LoadSummary {
    if (this.groups.size > 0) throw new Error("load must run on a fresh coordinator");
    const metadata = new Map<string, GroupMetadataValue | null>();
    const offsets = new Map<string, Map<string, Map<number, CommittedOffset | null>>>();
    let skippedRecords = 0;
    for (const record of records) {
      const key = decodeOffsetsKey(record.key);
      if (key.type === "unknown") {
        skippedRecords++;
      } else if (key.type === "group") {
        metadata.set(key.group, record.value === null ? null : decodeGroupMetadataValue(record.value));
      } else {
        const value = record.value === null ? null : decodeOffsetCommitValue(record.value);
        const topics = getOrCreate(offsets, key.group, () => new Map());
        getOrCreate(topics, key.topic, () => new Map()).set(key.partition, value);
      }
    }
    let offsetCount = 0;
    for (const groupId of new Set([...metadata.keys(), ...offsets.keys()])) {
      const group = newGroup(groupId, nowMs);
      const meta = metadata.get(groupId) ?? null;
      if (meta !== null) this.restoreMetadata(group, meta, nowMs);
      for (const [topic, partitions] of offsets.get(groupId) ?? []) {
        for (const [partition, value] of partitions) {
          if (value === null) continue;
          this.offsetsOf(group, topic).set(partition, value);
          offsetCount++;
        }
      }
      if (meta !== null || hasOffsets(group)) this.groups.set(groupId, group);
    }
    return { ...this.flush(nowMs), groups: this.groups.size, offsets: offsetCount, skippedRecords };
  }

  private restoreMetadata(group: Group, meta: GroupMetadataValue, nowMs: number): void {
    if (meta.members.length > 0 && meta.protocol === null) {
      throw new OffsetsRecordError(`group ${group.groupId}: metadata has members but no protocol`);
    }
    group.generationId = meta.generation;
    group.protocolType = meta.protocolType === "" ? null : meta.protocolType;
    group.protocolName = meta.protocol;
    group.leaderId = meta.leader;
    group.stateTimestampMs = meta.currentStateTimestampMs;
    for (const m of meta.members) {
      group.members.set(m.memberId, {
        memberId: m.memberId,
        groupInstanceId: m.groupInstanceId,
        clientId: m.clientId,
        clientHost: m.clientHost,
        sessionTimeoutMs: m.sessionTimeoutMs,
        rebalanceTimeoutMs: m.rebalanceTimeoutMs,
        protocolType: meta.protocolType,
        protocols: [{ name: meta.protocol as string, metadata: m.subscription }],
        assignment: m.assignment,
        isNew: false,
        join: null,
        sync: null,
        heartbeatDeadlineMs: nowMs + m.sessionTimeoutMs,
      });
      if (m.groupInstanceId !== null) group.staticMembers.set(m.groupInstanceId, m.memberId);
    }
    if (group.members.size > 0) {
      if (group.leaderId === null || !group.members.has(group.leaderId)) {
        throw new OffsetsRecordError(`group ${group.groupId}: leader ${group.leaderId} is not a member`);
      }
      group.state = "Stable";
    }
    group.subscribedTopics = computeSubscribedTopics(group);
  }

  /**
   * Resigns: every deferred JoinGroup and SyncGroup is answered NOT_COORDINATOR
   * and all state is dropped. The next coordinator rebuilds it from the log.
   */
  unload(nowMs: number): Effects {
    for (const group of this.groups.values()) {
      for (const m of group.members.values()) this.failPending(m, ErrorCode.NOT_COORDINATOR);
    }
    this.groups.clear();
    this.nextRetentionCheckMs = null;
    return this.flush(nowMs);
  }

  // ------------------------------------------------------------- JoinGroup

  joinGroup(ticket: Ticket, req: JoinGroupRequest, ctx: RequestContext, nowMs: number): Effects {
    const v = ctx.apiVersion;
    const fail = (code: Code) => this.replyJoin({ ticket, apiVersion: v }, joinError(code, req.memberId, v));
    if (req.groupId === "") {
      fail(ErrorCode.INVALID_GROUP_ID);
      return this.flush(nowMs);
    }
    if (
      req.sessionTimeoutMs < this.config.groupMinSessionTimeoutMs ||
      req.sessionTimeoutMs > this.config.groupMaxSessionTimeoutMs
    ) {
      fail(ErrorCode.INVALID_SESSION_TIMEOUT);
      return this.flush(nowMs);
    }
    const isUnknownMember = req.memberId === "";
    let group = this.groups.get(req.groupId);
    if (group === undefined) {
      if (!isUnknownMember) {
        fail(ErrorCode.UNKNOWN_MEMBER_ID);
        return this.flush(nowMs);
      }
      group = newGroup(req.groupId, nowMs);
      this.groups.set(req.groupId, group);
    }
    if (group.state === "Dead") {
      fail(ErrorCode.COORDINATOR_NOT_AVAILABLE);
    } else if (!this.acceptJoiningMember(group, req.memberId)) {
      if (group.members.has(req.memberId)) this.removeMemberAndUpdateGroup(group, req.memberId, nowMs);
      this.replyJoin({ ticket, apiVersion: v }, joinError(ErrorCode.GROUP_MAX_SIZE_REACHED, "", v));
    } else {
      const join: JoinInput = {
        ticket,
        apiVersion: v,
        clientId: ctx.clientId,
        clientHost: ctx.clientHost,
        groupInstanceId: v >= 5 ? req.groupInstanceId : null,
        sessionTimeoutMs: req.sessionTimeoutMs,
        // Version 0 has no rebalance timeout: the session timeout served as both.
        rebalanceTimeoutMs:
          v >= 1 && req.rebalanceTimeoutMs >= 0 ? req.rebalanceTimeoutMs : req.sessionTimeoutMs,
        protocolType: req.protocolType,
        protocols: req.protocols.map((p) => ({ name: p.name, metadata: Uint8Array.from(p.metadata) })),
      };
      if (isUnknownMember) this.newMemberJoin(group, join, nowMs);
      else this.currentMemberJoin(group, req.memberId, join, nowMs);
    }
    this.dropIfUnused(group);
    return this.flush(nowMs);
  }

  /**
   * Bounds the group at `groupMaxSize`. While rebalancing, only members that
   * have rejoined count, since the others may be gone; afterwards everyone counts.
   */
  private acceptJoiningMember(group: Group, memberId: string): boolean {
    const member = group.members.get(memberId);
    switch (group.state) {
      case "Empty":
      case "Dead":
        return true;
      case "PreparingRebalance":
        return (
          (member !== undefined && member.join !== null) ||
          awaitingJoinCount(group) < this.config.groupMaxSize
        );
      case "CompletingRebalance":
      case "Stable":
        return member !== undefined || group.members.size < this.config.groupMaxSize;
    }
  }

  private newMemberJoin(group: Group, join: JoinInput, nowMs: number): void {
    if (!supportsProtocols(group, join.protocolType, join.protocols)) {
      this.replyJoin(join, joinError(ErrorCode.INCONSISTENT_GROUP_PROTOCOL, "", join.apiVersion));
      return;
    }
    const memberId = `${join.groupInstanceId ?? join.clientId}-${this.randomId()}`;
    if (join.groupInstanceId !== null) {
      const oldMemberId = group.staticMembers.get(join.groupInstanceId);
      if (oldMemberId === undefined) this.addMemberAndRebalance(group, memberId, join, nowMs);
      else this.replaceStaticMember(group, oldMemberId, memberId, join, nowMs);
    } else if (join.apiVersion >= 4) {
      // KIP-394: hand out the id first, so a client that times out and retries
      // rejoins as the same member instead of piling up defunct ones.
      group.pendingMembers.set(memberId, nowMs + join.sessionTimeoutMs);
      this.replyJoin(join, joinError(ErrorCode.MEMBER_ID_REQUIRED, memberId, join.apiVersion));
    } else {
      this.addMemberAndRebalance(group, memberId, join, nowMs);
    }
  }

  private currentMemberJoin(group: Group, memberId: string, join: JoinInput, nowMs: number): void {
    const v = join.apiVersion;
    if (group.pendingMembers.has(memberId)) {
      // Pending ids are only handed to dynamic members; a static one cannot claim one.
      if (join.groupInstanceId !== null)
        this.replyJoin(join, joinError(ErrorCode.UNKNOWN_MEMBER_ID, memberId, v));
      else this.addMemberAndRebalance(group, memberId, join, nowMs);
      return;
    }
    const error = validateMember(group, memberId, join.groupInstanceId);
    if (error !== ErrorCode.NONE) {
      this.replyJoin(join, joinError(error, memberId, v));
      return;
    }
    if (!supportsProtocols(group, join.protocolType, join.protocols)) {
      this.replyJoin(join, joinError(ErrorCode.INCONSISTENT_GROUP_PROTOCOL, memberId, v));
      return;
    }
    const member = group.members.get(memberId) as Member;
    const unchanged = protocolsEqual(member.protocols, join.protocols);
    switch (group.state) {
      case "PreparingRebalance":
        this.updateMemberAndRebalance(group, member, join, nowMs);
        return;
      case "CompletingRebalance":
        // Same metadata: the member most likely lost our JoinGroup response; send it again.
        if (unchanged) this.replyJoin(join, this.joinSuccess(group, member, v));
        else this.updateMemberAndRebalance(group, member, join, nowMs);
        return;
      case "Stable":
        // A leader's rejoin is how a client asks for a rebalance (e.g. new topics matched its pattern).
        if (group.leaderId === memberId || !unchanged)
          this.updateMemberAndRebalance(group, member, join, nowMs);
        else this.replyJoin(join, this.joinSuccess(group, member, v));
        return;
      case "Empty":
      case "Dead":
        throw new Error(`group ${group.groupId}: member ${memberId} validated in state ${group.state}`);
    }
  }

  private addMemberAndRebalance(group: Group, memberId: string, join: JoinInput, nowMs: number): void {
    const member: Member = {
      memberId,
      groupInstanceId: join.groupInstanceId,
      clientId: join.clientId,
      clientHost: join.clientHost,
      sessionTimeoutMs: join.sessionTimeoutMs,
      rebalanceTimeoutMs: join.rebalanceTimeoutMs,
      protocolType: join.protocolType,
      protocols: join.protocols,
      assignment: EMPTY,
      isNew: true,
      join: { ticket: join.ticket, apiVersion: join.apiVersion },
      sync: null,
      // A new member cannot heartbeat before it has its id, and its socket is
      // muted while it waits; this bound drops members that gave up and retried.
      heartbeatDeadlineMs: nowMs + this.config.newMemberJoinTimeoutMs,
    };
    if (group.state === "PreparingRebalance" && group.generationId === 0) group.newMemberAdded = true;
    if (group.members.size === 0) group.protocolType = member.protocolType;
    group.members.set(memberId, member);
    group.pendingMembers.delete(memberId);
    if (member.groupInstanceId !== null) group.staticMembers.set(member.groupInstanceId, memberId);
    if (group.leaderId === null) group.leaderId = memberId;
    this.maybePrepareRebalance(group, nowMs);
    this.tryCompleteJoin(group, nowMs);
  }

  private updateMemberAndRebalance(group: Group, member: Member, join: JoinInput, nowMs: number): void {
    this.updateMember(member, join);
    this.maybePrepareRebalance(group, nowMs);
    this.tryCompleteJoin(group, nowMs);
  }

  private updateMember(member: Member, join: JoinInput): void {
    // A newer JoinGroup from the same member supersedes the one still waiting.
    if (member.join !== null) {
      this.replyJoin(
        member.join,
        joinError(ErrorCode.REBALANCE_IN_PROGRESS, member.memberId, member.join.apiVersion),
      );
    }
    member.protocols = join.protocols;
    member.protocolType = join.protocolType;
    member.sessionTimeoutMs = join.sessionTimeoutMs;
    member.rebalanceTimeoutMs = join.rebalanceTimeoutMs;
    member.join = { ticket: join.ticket, apiVersion: join.apiVersion };
  }

  /**
   * KIP-345: a static member that restarts joins with its instance id and no
   * member id. It takes over the old member's place (and assignment) under a new
   * member id; the old id is fenced. A stable group whose protocol choice does
   * not change skips the rebalance.
   */
  private replaceStaticMember(
    group: Group,
    oldMemberId: string,
    newMemberId: string,
    join: JoinInput,
    nowMs: number,
  ): void {
    const oldLeaderId = group.leaderId;
    const member = group.members.get(oldMemberId) as Member;
    this.failPending(member, ErrorCode.FENCED_INSTANCE_ID);
    group.members.delete(oldMemberId);
    member.memberId = newMemberId;
    group.members.set(newMemberId, member);
    group.staticMembers.set(join.groupInstanceId as string, newMemberId);
    if (group.leaderId === oldMemberId) group.leaderId = newMemberId;
    if (group.pendingSyncMembers.delete(oldMemberId)) group.pendingSyncMembers.add(newMemberId);
    member.heartbeatDeadlineMs = nowMs + join.sessionTimeoutMs;
    this.updateMember(member, join);
    switch (group.state) {
      case "Stable": {
        if (selectProtocol(group) !== group.protocolName) {
          this.prepareRebalance(group, nowMs);
          return;
        }
        this.records.push(groupMetadataRecord(group));
        const v = join.apiVersion;
        const isLeader = group.leaderId === newMemberId;
        // KIP-814: a v9+ leader gets the members so it can rebuild its state, but
        // must not reassign. Older leaders are told the old leader id instead, so
        // they do not believe they lead and compute an assignment nobody would get.
        const skip = v >= 9 && isLeader;
        member.join = null;
        this.replyJoin(join, {
          ...this.joinSuccess(group, member, v),
          members: skip ? this.joinMembers(group, v) : [],
          leader: skip ? newMemberId : (oldLeaderId ?? ""),
          skipAssignment: skip,
        });
        return;
      }
      case "CompletingRebalance":
        // The leader may already be assigning to the old member id; start over.
        this.prepareRebalance(group, nowMs);
        return;
      case "PreparingRebalance":
        this.tryCompleteJoin(group, nowMs);
        return;
      case "Empty":
      case "Dead":
        throw new Error(
          `group ${group.groupId}: static member ${oldMemberId} present in state ${group.state}`,
        );
    }
  }

  // -------------------------------------------------------- rebalance core

  private maybePrepareRebalance(group: Group, nowMs: number): void {
    if (group.state === "Stable" || group.state === "CompletingRebalance" || group.state === "Empty") {
      this.prepareRebalance(group, nowMs);
    }
  }

  private prepareRebalance(group: Group, nowMs: number): void {
    if (group.state === "CompletingRebalance") {
      // Assignments of the aborted generation are void; members waiting in SyncGroup must rejoin.
      for (const m of group.members.values()) {
        m.assignment = EMPTY;
        if (m.sync !== null) {
          this.replySync(m.sync, syncError(ErrorCode.REBALANCE_IN_PROGRESS));
          m.sync = null;
        }
      }
    }
    group.pendingSyncMembers.clear();
    group.syncDeadlineMs = null;
    const timeoutMs = rebalanceTimeoutMs(group);
    if (group.state === "Empty") {
      const delayMs = this.config.groupInitialRebalanceDelayMs;
      group.join = { deadlineMs: nowMs + delayMs, initialRemainingMs: Math.max(timeoutMs - delayMs, 0) };
    } else {
      group.join = { deadlineMs: nowMs + timeoutMs, initialRemainingMs: null };
    }
    transition(group, "PreparingRebalance", nowMs);
    this.tryCompleteJoin(group, nowMs);
  }

  /** Ends the join phase early once everyone is in (never during the initial delay). */
  private tryCompleteJoin(group: Group, nowMs: number): void {
    if (group.state !== "PreparingRebalance" || group.join === null) return;
    if (group.join.initialRemainingMs !== null) return;
    if (hasAllMembersJoined(group)) this.completeJoin(group, nowMs);
  }

  private onJoinDeadline(group: Group, nowMs: number): void {
    const join = group.join as NonNullable<Group["join"]>;
    if (join.initialRemainingMs !== null && group.newMemberAdded && join.initialRemainingMs > 0) {
      group.newMemberAdded = false;
      const delayMs = Math.min(this.config.groupInitialRebalanceDelayMs, join.initialRemainingMs);
      group.join = {
        deadlineMs: nowMs + delayMs,
        initialRemainingMs: Math.max(join.initialRemainingMs - delayMs, 0),
      };
      return;
    }
    this.completeJoin(group, nowMs);
  }

  private completeJoin(group: Group, nowMs: number): void {
    group.join = null;
    group.newMemberAdded = false;
    // Dynamic members that did not rejoin within the rebalance timeout are gone.
    // Static members stay until their session expires: they may be restarting.
    for (const m of [...group.members.values()]) {
      if (m.join === null && !isStatic(m)) this.removeMember(group, m.memberId, ErrorCode.UNKNOWN_MEMBER_ID);
    }
    if (!this.electJoinedLeader(group) && group.members.size > 0) {
      // Only static members that have not rejoined are left: wait another round for them or their expiry.
      group.join = { deadlineMs: nowMs + rebalanceTimeoutMs(group), initialRemainingMs: null };
      return;
    }
    group.generationId++;
    if (group.members.size === 0) {
      group.protocolName = null;
      group.subscribedTopics = null;
      transition(group, "Empty", nowMs);
      this.records.push(groupMetadataRecord(group));
      return;
    }
    group.protocolName = selectProtocol(group);
    transition(group, "CompletingRebalance", nowMs);
    group.subscribedTopics = computeSubscribedTopics(group);
    for (const m of group.members.values()) {
      if (m.join !== null) {
        this.replyJoin(m.join, this.joinSuccess(group, m, m.join.apiVersion));
        m.join = null;
      }
      m.isNew = false;
      m.heartbeatDeadlineMs = nowMs + m.sessionTimeoutMs;
      group.pendingSyncMembers.add(m.memberId);
    }
    group.syncDeadlineMs = nowMs + rebalanceTimeoutMs(group);
  }

  /** Keeps a leader that rejoined, or promotes a member that did. False when nobody rejoined. */
  private electJoinedLeader(group: Group): boolean {
    const leader = group.leaderId === null ? undefined : group.members.get(group.leaderId);
    if (leader?.join != null) return true;
    for (const m of group.members.values()) {
      if (m.join !== null) {
        group.leaderId = m.memberId;
        return true;
      }
    }
    return false;
  }

  /** Takes a member out without triggering anything; its waiting requests get `error`. */
  private removeMember(group: Group, memberId: string, error: Code): void {
    const member = group.members.get(memberId);
    if (member === undefined) return;
    this.failPending(member, error);
    group.members.delete(memberId);
    if (member.groupInstanceId !== null && group.staticMembers.get(member.groupInstanceId) === memberId) {
      group.staticMembers.delete(member.groupInstanceId);
    }
    group.pendingSyncMembers.delete(memberId);
    if (group.leaderId === memberId) group.leaderId = group.members.keys().next().value ?? null;
  }

  private removeMemberAndUpdateGroup(group: Group, memberId: string, nowMs: number): void {
    this.removeMember(group, memberId, ErrorCode.UNKNOWN_MEMBER_ID);
    if (group.state === "Stable" || group.state === "CompletingRebalance")
      this.prepareRebalance(group, nowMs);
    else if (group.state === "PreparingRebalance") this.tryCompleteJoin(group, nowMs);
  }

  private failPending(member: Member, error: Code): void {
    if (member.join !== null) {
      this.replyJoin(member.join, joinError(error, member.memberId, member.join.apiVersion));
      member.join = null;
    }
    if (member.sync !== null) {
      this.replySync(member.sync, syncError(error));
      member.sync = null;
    }
  }

  // ------------------------------------------------------------- SyncGroup

  syncGroup(ticket: Ticket, req: SyncGroupRequest, ctx: RequestContext, nowMs: number): Effects {
    const v = ctx.apiVersion;
    const pending = { ticket, apiVersion: v };
    const error = this.validateSync(req, v);
    if (error !== ErrorCode.NONE) {
      this.replySync(pending, syncError(error));
      return this.flush(nowMs);
    }
    const group = this.groups.get(req.groupId) as Group;
    const member = group.members.get(req.memberId) as Member;
    if (group.state === "CompletingRebalance") {
      if (member.sync !== null) this.replySync(member.sync, syncError(ErrorCode.REBALANCE_IN_PROGRESS));
      member.sync = pending;
      group.pendingSyncMembers.delete(member.memberId);
      if (group.leaderId === member.memberId) {
        const assignments = new Map(req.assignments.map((a) => [a.memberId, a.assignment]));
        for (const m of group.members.values())
          m.assignment = Uint8Array.from(assignments.get(m.memberId) ?? EMPTY);
        this.records.push(groupMetadataRecord(group));
        transition(group, "Stable", nowMs);
        for (const m of group.members.values()) {
          if (m.sync !== null) {
            this.replySync(m.sync, this.syncSuccess(group, m, m.sync.apiVersion));
            m.sync = null;
          }
          m.heartbeatDeadlineMs = nowMs + m.sessionTimeoutMs;
        }
      }
    } else {
      // Stable: the assignment is already known.
      group.pendingSyncMembers.delete(member.memberId);
      member.heartbeatDeadlineMs = nowMs + member.sessionTimeoutMs;
      this.replySync(pending, this.syncSuccess(group, member, v));
    }
    if (group.pendingSyncMembers.size === 0) group.syncDeadlineMs = null;
    return this.flush(nowMs);
  }

  private validateSync(req: SyncGroupRequest, v: number): Code {
    const group = this.groups.get(req.groupId);
    if (group === undefined) return ErrorCode.UNKNOWN_MEMBER_ID;
    if (group.state === "Dead") return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    const error = validateMember(group, req.memberId, v >= 3 ? req.groupInstanceId : null);
    if (error !== ErrorCode.NONE) return error;
    if (req.generationId !== group.generationId) return ErrorCode.ILLEGAL_GENERATION;
    if (v >= 5 && req.protocolType !== null && req.protocolType !== group.protocolType) {
      return ErrorCode.INCONSISTENT_GROUP_PROTOCOL;
    }
    if (v >= 5 && req.protocolName !== null && req.protocolName !== group.protocolName) {
      return ErrorCode.INCONSISTENT_GROUP_PROTOCOL;
    }
    if (group.state === "PreparingRebalance") return ErrorCode.REBALANCE_IN_PROGRESS;
    return ErrorCode.NONE;
  }

  // ------------------------------------------------------------- Heartbeat

  heartbeat(req: HeartbeatRequest, ctx: RequestContext, nowMs: number): Outcome<HeartbeatResponse> {
    const errorCode = this.doHeartbeat(req, ctx.apiVersion, nowMs);
    return { ...this.flush(nowMs), response: { throttleTimeMs: 0, errorCode } };
  }

  private doHeartbeat(req: HeartbeatRequest, v: number, nowMs: number): Code {
    const group = this.groups.get(req.groupId);
    if (group === undefined) return ErrorCode.UNKNOWN_MEMBER_ID;
    if (group.state === "Dead") return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    const error = validateMember(group, req.memberId, v >= 3 ? req.groupInstanceId : null);
    if (error !== ErrorCode.NONE) return error;
    if (req.generationId !== group.generationId) return ErrorCode.ILLEGAL_GENERATION;
    const member = group.members.get(req.memberId) as Member;
    member.heartbeatDeadlineMs = nowMs + member.sessionTimeoutMs;
    return group.state === "PreparingRebalance" ? ErrorCode.REBALANCE_IN_PROGRESS : ErrorCode.NONE;
  }

  // ------------------------------------------------------------ LeaveGroup

  leaveGroup(req: LeaveGroupRequest, ctx: RequestContext, nowMs: number): Outcome<LeaveGroupResponse> {
    const v = ctx.apiVersion;
    const leaving =
      v >= 3
        ? req.members.map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId }))
        : [{ memberId: req.memberId, groupInstanceId: null }];
    const group = this.groups.get(req.groupId);
    let groupError: Code = ErrorCode.NONE;
    let results: LeaveGroupResponseMemberResponse[] = [];
    if (group === undefined) {
      results = leaving.map((m) => ({ ...m, errorCode: ErrorCode.UNKNOWN_MEMBER_ID }));
    } else if (group.state === "Dead") {
      groupError = ErrorCode.COORDINATOR_NOT_AVAILABLE;
    } else {
      results = leaving.map((m) => ({
        ...m,
        errorCode: this.leaveOne(group, m.memberId, m.groupInstanceId, nowMs),
      }));
    }
    const response: LeaveGroupResponse =
      v >= 3
        ? { throttleTimeMs: 0, errorCode: groupError, members: results }
        : {
            throttleTimeMs: 0,
            errorCode: groupError || (results[0]?.errorCode ?? ErrorCode.NONE),
            members: [],
          };
    return { ...this.flush(nowMs), response };
  }

  private leaveOne(group: Group, memberId: string, groupInstanceId: string | null, nowMs: number): Code {
    if (memberId === "" && groupInstanceId !== null) {
      // An admin removing a static member by instance id (KIP-345).
      const staticId = group.staticMembers.get(groupInstanceId);
      if (staticId === undefined) return ErrorCode.UNKNOWN_MEMBER_ID;
      this.removeMemberAndUpdateGroup(group, staticId, nowMs);
      return ErrorCode.NONE;
    }
    if (group.pendingMembers.delete(memberId)) {
      this.tryCompleteJoin(group, nowMs);
      return ErrorCode.NONE;
    }
    const error = validateMember(group, memberId, groupInstanceId);
    if (error !== ErrorCode.NONE) return error;
    this.removeMemberAndUpdateGroup(group, memberId, nowMs);
    return ErrorCode.NONE;
  }

  // ---------------------------------------------------------- OffsetCommit

  offsetCommit(req: OffsetCommitRequest, ctx: RequestContext, nowMs: number): Outcome<OffsetCommitResponse> {
    const v = ctx.apiVersion;
    const all = (code: Code): OffsetCommitResponse => ({
      throttleTimeMs: 0,
      topics: req.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, errorCode: code })),
      })),
    });
    const generationId = v >= 1 ? req.generationIdOrMemberEpoch : NO_GENERATION;
    const memberId = v >= 1 ? req.memberId : "";
    const groupInstanceId = v >= 7 ? req.groupInstanceId : null;
    if (req.groupId === "") return { ...this.flush(nowMs), response: all(ErrorCode.INVALID_GROUP_ID) };
    let group = this.groups.get(req.groupId);
    const created = group === undefined;
    if (group === undefined) {
      // Commits without group management ("simple" consumers, tools) create the group.
      if (generationId >= 0) return { ...this.flush(nowMs), response: all(ErrorCode.ILLEGAL_GENERATION) };
      group = newGroup(req.groupId, nowMs);
    }
    let error: Code = ErrorCode.NONE;
    if (group.state === "Dead") {
      error = ErrorCode.COORDINATOR_NOT_AVAILABLE;
    } else if (generationId >= 0 || memberId !== "" || groupInstanceId !== null) {
      error = validateMember(group, memberId, groupInstanceId);
      if (error === ErrorCode.NONE && generationId !== group.generationId)
        error = ErrorCode.ILLEGAL_GENERATION;
    } else if (group.state !== "Empty") {
      // Once a group has members, only they may commit.
      error = ErrorCode.UNKNOWN_MEMBER_ID;
    }
    // Valid member and generation, but the assignment is not out yet: let it retry after SyncGroup.
    if (error === ErrorCode.NONE && group.state === "CompletingRebalance")
      error = ErrorCode.REBALANCE_IN_PROGRESS;
    if (error !== ErrorCode.NONE) return { ...this.flush(nowMs), response: all(error) };
    if (created) this.groups.set(group.groupId, group);
    const member = group.members.get(memberId);
    if (member !== undefined) member.heartbeatDeadlineMs = nowMs + member.sessionTimeoutMs;
    const retentionMs = v >= 2 && v <= 4 ? Number(req.retentionTimeMs) : -1;
    const response: OffsetCommitResponse = {
      throttleTimeMs: 0,
      topics: req.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => {
          const metadata = p.committedMetadata ?? "";
          if (metadata.length > this.config.offsetMetadataMaxBytes) {
            return { partitionIndex: p.partitionIndex, errorCode: ErrorCode.OFFSET_METADATA_TOO_LARGE };
          }
          const commitTimestampMs = v === 1 && p.commitTimestamp >= 0n ? Number(p.commitTimestamp) : nowMs;
          const committed: CommittedOffset = {
            offset: p.committedOffset,
            leaderEpoch: v >= 6 ? p.committedLeaderEpoch : -1,
            metadata,
            commitTimestampMs,
            expireTimestampMs: retentionMs >= 0 ? nowMs + retentionMs : -1,
          };
          this.offsetsOf(group, t.name).set(p.partitionIndex, committed);
          this.records.push({
            key: encodeOffsetCommitKey(group.groupId, t.name, p.partitionIndex),
            value: encodeOffsetCommitValue(committed),
          });
          return { partitionIndex: p.partitionIndex, errorCode: ErrorCode.NONE };
        }),
      })),
    };
    return { ...this.flush(nowMs), response };
  }

  // ----------------------------------------------------------- OffsetFetch

  /** `requireStable` is not consulted: without transactions no offset is ever pending. */
  offsetFetch(req: OffsetFetchRequest, ctx: RequestContext, nowMs: number): Outcome<OffsetFetchResponse> {
    const v = ctx.apiVersion;
    let response: OffsetFetchResponse;
    if (v >= 8) {
      response = {
        throttleTimeMs: 0,
        topics: [],
        errorCode: ErrorCode.NONE,
        groups: req.groups.map((g) => ({
          groupId: g.groupId,
          topics: this.fetchOffsets(g.groupId, g.topics, v),
          errorCode: ErrorCode.NONE,
        })),
      };
    } else {
      // Versions 0 and 1 cannot ask for "all topics".
      const topics = v >= 2 ? req.topics : (req.topics ?? []);
      response = {
        throttleTimeMs: 0,
        topics: this.fetchOffsets(req.groupId, topics, v),
        errorCode: ErrorCode.NONE,
        groups: [],
      };
    }
    return { ...this.flush(nowMs), response };
  }

  private fetchOffsets(
    groupId: string,
    topics: readonly { name: string; partitionIndexes: number[] }[] | null,
    v: number,
  ): FetchedTopic[] {
    const group = this.groups.get(groupId);
    const offsets = group?.offsets ?? new Map<string, Map<number, CommittedOffset>>();
    const entry = (partitionIndex: number, o: CommittedOffset | undefined) => ({
      partitionIndex,
      committedOffset: o?.offset ?? -1n,
      committedLeaderEpoch: v >= 5 ? (o?.leaderEpoch ?? -1) : -1,
      metadata: o?.metadata ?? "",
      errorCode: ErrorCode.NONE,
    });
    if (topics === null) {
      return [...offsets]
        .filter(([, partitions]) => partitions.size > 0)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, partitions]) => ({
          name,
          partitions: [...partitions].sort(([a], [b]) => a - b).map(([partition, o]) => entry(partition, o)),
        }));
    }
    return topics.map((t) => ({
      name: t.name,
      partitions: t.partitionIndexes.map((p) => entry(p, offsets.get(t.name)?.get(p))),
    }));
  }

  // ---------------------------------------------------- group administration

  listGroups(req: ListGroupsRequest, ctx: RequestContext, nowMs: number): Outcome<ListGroupsResponse> {
    const v = ctx.apiVersion;
    const states = new Set((v >= 4 ? req.statesFilter : []).map((s) => s.toLowerCase()));
    const types = new Set((v >= 5 ? req.typesFilter : []).map((s) => s.toLowerCase()));
    const groups = [...this.groups.values()]
      .filter((g) => g.state !== "Dead")
      .filter((g) => states.size === 0 || states.has(g.state.toLowerCase()))
      .filter(() => types.size === 0 || types.has("classic"))
      .map((g) => ({
        groupId: g.groupId,
        protocolType: g.protocolType ?? "",
        groupState: g.state,
        groupType: "classic",
      }));
    return { ...this.flush(nowMs), response: { throttleTimeMs: 0, errorCode: ErrorCode.NONE, groups } };
  }

  describeGroups(
    req: DescribeGroupsRequest,
    ctx: RequestContext,
    nowMs: number,
  ): Outcome<DescribeGroupsResponse> {
    const v = ctx.apiVersion;
    const groups = req.groups.map((groupId): DescribeGroupsResponseDescribedGroup => {
      const group = this.groups.get(groupId);
      const base = {
        errorCode: groupId === "" ? ErrorCode.INVALID_GROUP_ID : ErrorCode.NONE,
        groupId,
        groupState: "Dead",
        protocolType: "",
        protocolData: "",
        members: [],
        authorizedOperations: AUTHORIZED_OPERATIONS_OMITTED,
      };
      if (group === undefined || group.state === "Dead") return base;
      // Metadata and assignments are only meaningful once the generation is settled.
      const stable = group.state === "Stable";
      return {
        ...base,
        groupState: group.state,
        protocolType: group.protocolType ?? "",
        protocolData: stable ? (group.protocolName ?? "") : "",
        members: [...group.members.values()].map((m) => ({
          memberId: m.memberId,
          groupInstanceId: v >= 4 ? m.groupInstanceId : null,
          clientId: m.clientId,
          clientHost: m.clientHost,
          memberMetadata: stable ? metadataFor(m, group.protocolName) : EMPTY,
          memberAssignment: stable ? m.assignment : EMPTY,
        })),
      };
    });
    return { ...this.flush(nowMs), response: { throttleTimeMs: 0, groups } };
  }

  deleteGroups(req: DeleteGroupsRequest, _ctx: RequestContext, nowMs: number): Outcome<DeleteGroupsResponse> {
    const results = req.groupsNames.map((groupId) => {
      const group = this.groups.get(groupId);
      if (groupId === "") return { groupId, errorCode: ErrorCode.INVALID_GROUP_ID };
      if (group === undefined || group.state === "Dead")
        return { groupId, errorCode: ErrorCode.GROUP_ID_NOT_FOUND };
      if (group.state !== "Empty") return { groupId, errorCode: ErrorCode.NON_EMPTY_GROUP };
      this.deleteGroup(group, nowMs);
      return { groupId, errorCode: ErrorCode.NONE };
    });
    return { ...this.flush(nowMs), response: { throttleTimeMs: 0, results } };
  }

  /** Tombstones every offset and the metadata of an empty group, and forgets it. */
  private deleteGroup(group: Group, nowMs: number): void {
    for (const [topic, partitions] of group.offsets) {
      for (const partition of partitions.keys()) {
        this.records.push({ key: encodeOffsetCommitKey(group.groupId, topic, partition), value: null });
      }
    }
    group.offsets.clear();
    this.records.push({ key: encodeGroupMetadataKey(group.groupId), value: null });
    transition(group, "Dead", nowMs);
    this.groups.delete(group.groupId);
  }

  offsetDelete(req: OffsetDeleteRequest, _ctx: RequestContext, nowMs: number): Outcome<OffsetDeleteResponse> {
    const group = this.groups.get(req.groupId);
    const fail = (errorCode: Code) => ({
      ...this.flush(nowMs),
      response: { errorCode, throttleTimeMs: 0, topics: [] },
    });
    if (group === undefined || group.state === "Dead") return fail(ErrorCode.GROUP_ID_NOT_FOUND);
    if (group.state !== "Empty" && group.protocolType !== CONSUMER_PROTOCOL_TYPE)
      return fail(ErrorCode.NON_EMPTY_GROUP);
    const topics = req.topics.map((t) => {
      // A live consumer group would commit a deleted offset right back; refuse topics it reads.
      const subscribed = group.state !== "Empty" && group.subscribedTopics?.has(t.name) === true;
      return {
        name: t.name,
        partitions: t.partitions.map(({ partitionIndex }) => {
          if (subscribed) return { partitionIndex, errorCode: ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC };
          this.deleteOffset(group, t.name, partitionIndex);
          return { partitionIndex, errorCode: ErrorCode.NONE };
        }),
      };
    });
    return { ...this.flush(nowMs), response: { errorCode: ErrorCode.NONE, throttleTimeMs: 0, topics } };
  }

  private deleteOffset(group: Group, topic: string, partition: number): void {
    const partitions = group.offsets.get(topic);
    if (partitions === undefined || !partitions.delete(partition)) return;
    if (partitions.size === 0) group.offsets.delete(topic);
    this.records.push({ key: encodeOffsetCommitKey(group.groupId, topic, partition), value: null });
  }

  // ---------------------------------------------------------------- timers

  /** Handles every deadline at or before `nowMs`. */
  tick(nowMs: number): Effects {
    for (const group of [...this.groups.values()]) {
      for (let handled = 0; ; handled++) {
        if (handled > TICK_EVENTS_PER_GROUP_MAX)
          throw new Error(`group ${group.groupId}: timers do not advance`);
        const event = nextEvent(group);
        if (event === null || event.atMs > nowMs) break;
        this.handleEvent(group, event, nowMs);
      }
      this.dropIfUnused(group);
    }
    if (this.nextRetentionCheckMs !== null && this.nextRetentionCheckMs <= nowMs) {
      this.nextRetentionCheckMs = null;
      this.expireOffsets(nowMs);
    }
    return this.flush(nowMs);
  }

  private handleEvent(group: Group, event: GroupEvent, nowMs: number): void {
    switch (event.kind) {
      case "pending-member":
        group.pendingMembers.delete(event.memberId);
        this.tryCompleteJoin(group, nowMs);
        return;
      case "session":
        this.removeMemberAndUpdateGroup(group, event.memberId, nowMs);
        return;
      case "join":
        this.onJoinDeadline(group, nowMs);
        return;
      case "sync":
        // Members that never sent SyncGroup for this generation are dropped, and the rest rebalance without them.
        group.syncDeadlineMs = null;
        if (group.state !== "CompletingRebalance" && group.state !== "Stable") return;
        for (const memberId of [...group.pendingSyncMembers]) {
          this.removeMember(group, memberId, ErrorCode.UNKNOWN_MEMBER_ID);
        }
        group.pendingSyncMembers.clear();
        this.prepareRebalance(group, nowMs);
        return;
    }
  }

  /**
   * KIP-211 retention. An empty group's offsets expire `offsetsRetentionMs`
   * after it became empty; a stable consumer group's offsets for topics it no
   * longer subscribes to expire that long after their commit; a group without
   * group management expires each offset that long after its commit. Offsets
   * committed with an explicit retention time keep it. An empty group left with
   * no offsets is deleted.
   */
  private expireOffsets(nowMs: number): void {
    const retentionMs = this.config.offsetsRetentionMs;
    for (const group of [...this.groups.values()]) {
      let base: ((o: CommittedOffset) => number) | null = null;
      let keep: ReadonlySet<string> = new Set();
      if (group.protocolType !== null && group.state === "Empty") {
        base = (o) => (group.stateTimestampMs >= 0 ? group.stateTimestampMs : o.commitTimestampMs);
      } else if (
        group.protocolType === CONSUMER_PROTOCOL_TYPE &&
        group.state === "Stable" &&
        group.subscribedTopics !== null
      ) {
        base = (o) => o.commitTimestampMs;
        keep = group.subscribedTopics;
      } else if (group.protocolType === null) {
        base = (o) => o.commitTimestampMs;
      }
      if (base !== null) {
        for (const [topic, partitions] of [...group.offsets]) {
          if (keep.has(topic)) continue;
          for (const [partition, o] of [...partitions]) {
            const expired =
              o.expireTimestampMs >= 0 ? nowMs >= o.expireTimestampMs : nowMs - base(o) >= retentionMs;
            if (expired) this.deleteOffset(group, topic, partition);
          }
        }
      }
      if (group.state === "Empty" && !hasOffsets(group) && group.pendingMembers.size === 0) {
        this.deleteGroup(group, nowMs);
      }
    }
  }

  /** A group this call created but that holds nothing (a refused first join) is not kept. */
  private dropIfUnused(group: Group): void {
    if (
      group.state === "Empty" &&
      group.generationId === 0 &&
      group.members.size === 0 &&
      group.pendingMembers.size === 0 &&
      !hasOffsets(group)
    ) {
      this.groups.delete(group.groupId);
    }
  }

  /** The earliest instant at which `tick` has something to do, or null. */
  nextDeadlineMs(): number | null {
    let min = this.nextRetentionCheckMs ?? Number.POSITIVE_INFINITY;
    for (const group of this.groups.values()) min = Math.min(min, nextEvent(group)?.atMs ?? min);
    return Number.isFinite(min) ? min : null;
  }

  // --------------------------------------------------------------- queries

  /** Every group, as plain data, ordered by group id. For tests, tools and debugging. */
  snapshot(): GroupSnapshot[] {
    return [...this.groups.values()]
      .sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0))
      .map((g) => ({
        groupId: g.groupId,
        state: g.state,
        generationId: g.generationId,
        protocolType: g.protocolType,
        protocolName: g.protocolName,
        leaderId: g.leaderId,
        members: [...g.members.values()].map((m) => ({
          memberId: m.memberId,
          groupInstanceId: m.groupInstanceId,
          clientId: m.clientId,
          clientHost: m.clientHost,
          sessionTimeoutMs: m.sessionTimeoutMs,
          rebalanceTimeoutMs: m.rebalanceTimeoutMs,
          metadata: metadataFor(m, g.protocolName),
          assignment: m.assignment,
        })),
        offsets: [...g.offsets]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .flatMap(([topic, partitions]) =>
            [...partitions].sort(([a], [b]) => a - b).map(([partition, o]) => ({ topic, partition, ...o })),
          ),
      }));
  }

  // --------------------------------------------------------------- helpers

  private offsetsOf(group: Group, topic: string): Map<number, CommittedOffset> {
    return getOrCreate(group.offsets, topic, () => new Map());
  }

  private joinMembers(group: Group, v: number): JoinGroupResponse["members"] {
    return [...group.members.values()].map((m) => ({
      memberId: m.memberId,
      groupInstanceId: v >= 5 ? m.groupInstanceId : null,
      metadata: metadataFor(m, group.protocolName),
    }));
  }

  /** The current generation as `member` should see it; only the leader gets the member list. */
  private joinSuccess(group: Group, member: Member, v: number): JoinGroupResponse {
    return {
      throttleTimeMs: 0,
      errorCode: ErrorCode.NONE,
      generationId: group.generationId,
      protocolType: group.protocolType,
      protocolName: group.protocolName ?? (v >= 7 ? null : ""),
      leader: group.leaderId ?? "",
      skipAssignment: false,
      memberId: member.memberId,
      members: group.leaderId === member.memberId ? this.joinMembers(group, v) : [],
    };
  }

  private syncSuccess(group: Group, member: Member, v: number): SyncGroupResponse {
    return {
      throttleTimeMs: 0,
      errorCode: ErrorCode.NONE,
      protocolType: v >= 5 ? group.protocolType : null,
      protocolName: v >= 5 ? group.protocolName : null,
      assignment: member.assignment,
    };
  }

  private replyJoin(pending: PendingRequest, response: JoinGroupResponse): void {
    this.replies.push({ ticket: pending.ticket, api: "JoinGroup", response });
  }

  private replySync(pending: PendingRequest, response: SyncGroupResponse): void {
    this.replies.push({ ticket: pending.ticket, api: "SyncGroup", response });
  }

  /** Hands the accumulated replies and records to the caller, with the next wake-up time. */
  private flush(nowMs: number): Effects {
    if (this.groups.size > 0 && this.nextRetentionCheckMs === null) {
      this.nextRetentionCheckMs = nowMs + this.config.offsetsRetentionCheckIntervalMs;
    }
    const out = { replies: this.replies, records: this.records, wakeAtMs: this.nextDeadlineMs() };
    this.replies = [];
    this.records = [];
    return out;
  }
}

interface JoinInput {
  readonly ticket: Ticket;
  readonly apiVersion: number;
  readonly clientId: string;
  readonly clientHost: string;
  readonly groupInstanceId: string | null;
  readonly sessionTimeoutMs: number;
  readonly rebalanceTimeoutMs: number;
  readonly protocolType: string;
  readonly protocols: Protocol[];
}

type FetchedTopic = OffsetFetchResponse["topics"][number];

type GroupEvent =
  | { readonly atMs: number; readonly kind: "pending-member" | "session"; readonly memberId: string }
  | { readonly atMs: number; readonly kind: "join" | "sync" };

/**
 * The group's earliest timer. A member waiting in JoinGroup (unless brand new)
 * or in SyncGroup is not expected to heartbeat: the rebalance and sync
 * deadlines bound those waits instead.
 */
function nextEvent(group: Group): GroupEvent | null {
  let best: GroupEvent | null = null;
  const consider = (e: GroupEvent) => {
    if (best === null || e.atMs < best.atMs) best = e;
  };
  for (const [memberId, atMs] of group.pendingMembers) consider({ atMs, kind: "pending-member", memberId });
  for (const m of group.members.values()) {
    if (m.sync !== null || (m.join !== null && !m.isNew)) continue;
    consider({ atMs: m.heartbeatDeadlineMs, kind: "session", memberId: m.memberId });
  }
  if (group.state === "PreparingRebalance" && group.join !== null)
    consider({ atMs: group.join.deadlineMs, kind: "join" });
  if (
    (group.state === "CompletingRebalance" || group.state === "Stable") &&
    group.syncDeadlineMs !== null &&
    group.pendingSyncMembers.size > 0
  ) {
    consider({ atMs: group.syncDeadlineMs, kind: "sync" });
  }
  return best;
}

/**
 * Is `memberId` (with its instance id, if static) a current member? A static
 * instance id now bound to another member id means this one was replaced.
 */
function validateMember(group: Group, memberId: string, groupInstanceId: string | null): Code {
  if (groupInstanceId !== null) {
    const current = group.staticMembers.get(groupInstanceId);
    if (current !== undefined && current !== memberId) return ErrorCode.FENCED_INSTANCE_ID;
    if (current === undefined) return ErrorCode.UNKNOWN_MEMBER_ID;
  }
  return group.members.has(memberId) ? ErrorCode.NONE : ErrorCode.UNKNOWN_MEMBER_ID;
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

function joinError(errorCode: Code, memberId: string, v: number): JoinGroupResponse {
  return {
    throttleTimeMs: 0,
    errorCode,
    generationId: NO_GENERATION,
    protocolType: null,
    // Before version 7 the protocol name cannot be null.
    protocolName: v >= 7 ? null : "",
    leader: "",
    skipAssignment: false,
    memberId,
    members: [],
  };
}

function syncError(errorCode: Code): SyncGroupResponse {
  return { throttleTimeMs: 0, errorCode, protocolType: null, protocolName: null, assignment: EMPTY };
}

function groupMetadataRecord(group: Group): OffsetsRecord {
  return {
    key: encodeGroupMetadataKey(group.groupId),
    value: encodeGroupMetadataValue({
      protocolType: group.protocolType ?? "",
      generation: group.generationId,
      protocol: group.protocolName,
      leader: group.leaderId,
      currentStateTimestampMs: group.stateTimestampMs,
      members: [...group.members.values()].map((m) => ({
        memberId: m.memberId,
        groupInstanceId: m.groupInstanceId,
        clientId: m.clientId,
        clientHost: m.clientHost,
        rebalanceTimeoutMs: m.rebalanceTimeoutMs,
        sessionTimeoutMs: m.sessionTimeoutMs,
        subscription: metadataFor(m, group.protocolName),
        assignment: m.assignment,
      })),
    }),
  };
}
