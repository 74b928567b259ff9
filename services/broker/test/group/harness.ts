/**
 * A test stand-in for the broker shell: it feeds requests to a coordinator,
 * keeps every record it is asked to persist, collects replies by ticket (and
 * checks each ticket is answered once), and fires the single timer at exactly
 * the instant the coordinator asked for, on a virtual clock.
 */

import {
  type ConsumerProtocolSubscription,
  ErrorCode,
  type JoinGroupResponse,
  type SyncGroupResponse,
  Writer,
  writeConsumerProtocolSubscription,
} from "@runnel/kafka-protocol";
import {
  type Effects,
  GroupCoordinator,
  type GroupCoordinatorConfig,
  type OffsetsRecord,
  type RequestContext,
} from "../../src/group/index.js";

export const NONE = ErrorCode.NONE;

/** A consumer-protocol subscription (version 0) to `topics`, as real consumers send it. */
export function subscription(topics: string[]): Uint8Array {
  const w = new Writer(64);
  w.int16(0);
  const sub: ConsumerProtocolSubscription = {
    topics,
    userData: null,
    ownedPartitions: [],
    generationId: -1,
    rackId: null,
  };
  writeConsumerProtocolSubscription(w, sub, 0);
  return Uint8Array.from(w.finish());
}

export interface JoinOptions {
  group?: string;
  memberId?: string;
  instanceId?: string | null;
  protocols?: { name: string; metadata: Uint8Array }[];
  protocolType?: string;
  sessionTimeoutMs?: number;
  rebalanceTimeoutMs?: number;
  clientId?: string;
  v?: number;
}

export class Harness {
  nowMs = 0;
  readonly coordinator: GroupCoordinator;
  readonly records: OffsetsRecord[] = [];
  private readonly answered = new Map<number, JoinGroupResponse | SyncGroupResponse>();
  private nextTicket = 1;
  private wakeAtMs: number | null = null;
  private ids = 0;

  constructor(config: Partial<GroupCoordinatorConfig> = {}) {
    this.coordinator = new GroupCoordinator(
      { groupInitialRebalanceDelayMs: 0, ...config },
      { randomId: () => `uuid${++this.ids}` },
    );
  }

  ctx(v: number, clientId = "client"): RequestContext {
    return { apiVersion: v, clientId, clientHost: "/10.0.0.1" };
  }

  absorb<E extends Effects>(e: E): E {
    this.records.push(...e.records);
    for (const r of e.replies) {
      if (this.answered.has(r.ticket)) throw new Error(`ticket ${r.ticket} answered twice`);
      this.answered.set(r.ticket, r.response);
    }
    this.wakeAtMs = e.wakeAtMs;
    return e;
  }

  /** Moves the clock to `t`, firing the timer at every instant the coordinator asked for on the way. */
  advanceTo(t: number): void {
    while (this.wakeAtMs !== null && this.wakeAtMs <= t) {
      this.nowMs = Math.max(this.nowMs, this.wakeAtMs);
      this.absorb(this.coordinator.tick(this.nowMs));
    }
    this.nowMs = t;
  }

  advance(ms: number): void {
    this.advanceTo(this.nowMs + ms);
  }

  join(o: JoinOptions = {}): number {
    const ticket = this.nextTicket++;
    const v = o.v ?? 5;
    this.absorb(
      this.coordinator.joinGroup(
        ticket,
        {
          groupId: o.group ?? "g",
          sessionTimeoutMs: o.sessionTimeoutMs ?? 10_000,
          rebalanceTimeoutMs: o.rebalanceTimeoutMs ?? 30_000,
          memberId: o.memberId ?? "",
          groupInstanceId: o.instanceId ?? null,
          protocolType: o.protocolType ?? "consumer",
          protocols: o.protocols ?? [{ name: "range", metadata: subscription(["t1"]) }],
          reason: null,
        },
        this.ctx(v, o.clientId),
        this.nowMs,
      ),
    );
    return ticket;
  }

  /** Joins as a new dynamic member through KIP-394's two steps; returns the second JoinGroup's ticket. */
  joinNew(o: JoinOptions = {}): { ticket: number; memberId: string } {
    const first = this.joinResponse(this.join({ ...o, v: 5 }));
    if (first?.errorCode !== ErrorCode.MEMBER_ID_REQUIRED) throw new Error("expected MEMBER_ID_REQUIRED");
    return { ticket: this.join({ ...o, v: 5, memberId: first.memberId }), memberId: first.memberId };
  }

  joinResponse(ticket: number): JoinGroupResponse | undefined {
    return this.answered.get(ticket) as JoinGroupResponse | undefined;
  }

  sync(
    memberId: string,
    generationId: number,
    assignments: { memberId: string; assignment: Uint8Array }[] = [],
    o: { group?: string; instanceId?: string | null; v?: number; protocolName?: string | null } = {},
  ): number {
    const ticket = this.nextTicket++;
    this.absorb(
      this.coordinator.syncGroup(
        ticket,
        {
          groupId: o.group ?? "g",
          generationId,
          memberId,
          groupInstanceId: o.instanceId ?? null,
          protocolType: (o.v ?? 5) >= 5 ? "consumer" : null,
          protocolName: o.protocolName ?? null,
          assignments,
        },
        this.ctx(o.v ?? 5),
        this.nowMs,
      ),
    );
    return ticket;
  }

  syncResponse(ticket: number): SyncGroupResponse | undefined {
    return this.answered.get(ticket) as SyncGroupResponse | undefined;
  }

  heartbeat(
    memberId: string,
    generationId: number,
    o: { group?: string; instanceId?: string | null } = {},
  ): number {
    const out = this.absorb(
      this.coordinator.heartbeat(
        { groupId: o.group ?? "g", generationId, memberId, groupInstanceId: o.instanceId ?? null },
        this.ctx(4),
        this.nowMs,
      ),
    );
    return out.response.errorCode;
  }

  leave(members: { memberId: string; groupInstanceId?: string | null }[], group = "g") {
    return this.absorb(
      this.coordinator.leaveGroup(
        {
          groupId: group,
          memberId: "",
          members: members.map((m) => ({
            memberId: m.memberId,
            groupInstanceId: m.groupInstanceId ?? null,
            reason: null,
          })),
        },
        this.ctx(5),
        this.nowMs,
      ),
    ).response;
  }

  state(group = "g") {
    return this.coordinator.snapshot().find((g) => g.groupId === group);
  }
}

export const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
