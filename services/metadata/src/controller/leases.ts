/**
 * Broker leases: fencing brokers that stopped heartbeating.
 *
 * Heartbeat times are soft state of the active controller, not part of the log: the shell
 * records `nowMs` for a broker each time a heartbeat of its current epoch succeeds, and
 * calls `expireLeases` on a timer. A broker without a recorded heartbeat counts as expired,
 * so a newly elected controller must seed the times with `initialLeases` first (giving every
 * broker one full session to reach it), or it would fence the whole cluster at once.
 */
import type { MetadataRecord } from "@runnel/rpc";
import { applyRecords } from "./backend.js";
import { fenceBrokerRecords } from "./brokers-frontend.js";
import type { MetadataImage } from "./image.js";

/** Heartbeat time (ms, the shell's clock) of each broker id. */
export type HeartbeatTimes = ReadonlyMap<number, number>;

/** Whether a broker's lease holds at `nowMs`. */
export function isLeaseAlive(
  lastHeartbeatByBroker: HeartbeatTimes,
  brokerId: number,
  nowMs: number,
  sessionTimeoutMs: number,
): boolean {
  const last = lastHeartbeatByBroker.get(brokerId);
  return last !== undefined && nowMs - last <= sessionTimeoutMs;
}

/** Heartbeat times for a controller that just became active: every broker starts now. */
export function initialLeases(image: MetadataImage, nowMs: number): Map<number, number> {
  return new Map([...image.brokers.keys()].map((id) => [id, nowMs]));
}

export interface LeaseExpiry {
  /** Brokers fenced by `records`, by id. */
  readonly fenced: number[];
  /** One batch: for each expired broker, its fence and the partition changes it causes. */
  readonly records: MetadataRecord[];
}

/**
 * Fences every unfenced broker whose lease lapsed (no heartbeat for more than
 * `sessionTimeoutMs`). Leadership moves to the first active ISR member in replica order; a
 * broker that is a partition's last ISR member stays in the ISR and the partition has no
 * leader until an ISR member comes back (unclean election is off).
 */
export function expireLeases(
  image: MetadataImage,
  nowMs: number,
  sessionTimeoutMs: number,
  lastHeartbeatByBroker: HeartbeatTimes,
): LeaseExpiry {
  const fenced: number[] = [];
  const records: MetadataRecord[] = [];
  // Plan each fence against the image with the earlier fences applied, so two brokers of one
  // ISR expiring together never hand leadership to each other.
  let scratch = image;
  const ids = [...image.brokers.keys()].sort((a, b) => a - b);
  for (const id of ids) {
    const broker = scratch.brokers.get(id);
    if (broker === undefined || broker.fenced) continue;
    if (isLeaseAlive(lastHeartbeatByBroker, id, nowMs, sessionTimeoutMs)) continue;
    const fence = fenceBrokerRecords(scratch, id);
    scratch = applyRecords(scratch, fence);
    fenced.push(id);
    records.push(...fence);
  }
  return { fenced, records };
}
