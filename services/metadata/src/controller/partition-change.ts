/**
 * The partition-change planner: decides the new leader and ISR of one partition, and the
 * epochs that go with them, following Kafka KRaft's rules with unclean election off.
 *
 * - The ISR never becomes empty: when a change would remove its last member, the ISR keeps
 *   it (that broker holds every committed record, so only it may lead again).
 * - A leader is always an ISR member that is acceptable (active: unfenced and not shutting
 *   down); the first such broker in replica order is chosen. When there is none the
 *   partition has no leader (-1) until one comes back. A replica outside the ISR is never
 *   elected.
 * - Every leader change bumps the leader epoch; every change bumps the partition epoch.
 */
import { NO_LEADER, type PartitionImage } from "./image.js";
import type { PartitionDelta } from "./records.js";

export interface ChangeOptions {
  /** Whether a broker may lead or join the ISR, as the image will be after this change. */
  readonly acceptable: (brokerId: number) => boolean;
  /** The ISR wanted (before the never-empty rule); undefined keeps the current ISR. */
  readonly targetIsr?: readonly number[];
  /** Move leadership to the first replica when it is an acceptable ISR member. */
  readonly preferFirstReplica?: boolean;
}

/** The change to write, or undefined when the partition stays as it is. */
export function planPartitionChange(
  current: PartitionImage,
  options: ChangeOptions,
): PartitionDelta | undefined {
  let isr = options.targetIsr ?? current.isr;
  if (isr.length === 0) isr = current.isr;
  const canLead = (b: number) => isr.includes(b) && options.acceptable(b);

  let leader: number;
  const preferred = current.replicas[0];
  if (options.preferFirstReplica === true && preferred !== undefined && canLead(preferred)) {
    leader = preferred;
  } else if (current.leader !== NO_LEADER && canLead(current.leader)) {
    leader = current.leader;
  } else {
    leader = current.replicas.find(canLead) ?? NO_LEADER;
  }

  const isrChanged = !sameMembers(isr, current.isr);
  const leaderChanged = leader !== current.leader;
  if (!isrChanged && !leaderChanged) return undefined;
  return {
    ...(leaderChanged ? { leader, leaderEpoch: current.leaderEpoch + 1 } : {}),
    ...(isrChanged ? { isr } : {}),
    partitionEpoch: current.partitionEpoch + 1,
  };
}

/**
 * The change that takes `brokerId` out of service for this partition (fencing, controlled
 * shutdown, unregistration): it leaves the ISR unless it is the last member, and loses
 * leadership to the first acceptable ISR member.
 */
export function planRemoval(
  current: PartitionImage,
  brokerId: number,
  isActive: (brokerId: number) => boolean,
): PartitionDelta | undefined {
  if (!current.isr.includes(brokerId) && current.leader !== brokerId) return undefined;
  return planPartitionChange(current, {
    acceptable: (b) => b !== brokerId && isActive(b),
    targetIsr: current.isr.filter((b) => b !== brokerId),
  });
}

/** The partition with a change applied (the planner's view; the backend checks it again). */
export function withChange(current: PartitionImage, delta: PartitionDelta): PartitionImage {
  return {
    replicas: delta.replicas ?? current.replicas,
    isr: delta.isr ?? current.isr,
    leader: delta.leader ?? current.leader,
    leaderEpoch: delta.leaderEpoch ?? current.leaderEpoch,
    partitionEpoch: delta.partitionEpoch,
  };
}

export function sameMembers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((x) => set.has(x));
}
