/**
 * The replica-placement planner: chooses the brokers of new partitions.
 *
 * Only active brokers (registered, unfenced, not shutting down) are candidates, and only those
 * of the requested cell when one is given. Replicas are chosen one at a time, greedily, by:
 *
 * 1. zone spread: a broker in a zone this partition uses least (so replicas land in
 *    distinct zones whenever there are at least as many zones as replicas);
 * 2. replica balance: the broker holding the fewest replicas, counting existing partitions
 *    and the ones planned so far;
 * 3. zone balance: the broker whose zone holds the fewest replicas per broker;
 * 4. the lowest broker id, so the plan is a function of the image alone.
 *
 * The preferred leader (first replica) of each partition is then the chosen broker that is
 * preferred leader of the fewest partitions, which spreads leadership as well.
 */
import { type ControllerError, controllerError, type Result } from "./errors.js";
import { allPartitions, type BrokerImage, isActive, type MetadataImage } from "./image.js";

export interface PlacementRequest {
  /** How many partitions to place. */
  readonly partitions: number;
  readonly replicationFactor: number;
  /** Place only on brokers of this cell; "" or undefined: any broker. */
  readonly cell?: string;
}

/** The active brokers of a cell (or of the whole cluster), by id. */
export function eligibleBrokers(image: MetadataImage, cell: string | undefined): BrokerImage[] {
  return [...image.brokers.values()]
    .filter((b) => isActive(image, b.id) && (cell === undefined || cell === "" || b.cell === cell))
    .sort((a, b) => a.id - b.id);
}

/** Replica lists for `request.partitions` new partitions, or INVALID_REPLICATION_FACTOR. */
export function placeReplicas(image: MetadataImage, request: PlacementRequest): Result<number[][]> {
  const { replicationFactor: rf, cell } = request;
  const brokers = eligibleBrokers(image, cell);
  const where = cell === undefined || cell === "" ? "" : ` in cell "${cell}"`;
  if (!Number.isInteger(rf) || rf < 1) {
    return {
      ok: false,
      error: controllerError("INVALID_REPLICATION_FACTOR", `Replication factor ${rf} is not positive.`),
    };
  }
  if (rf > brokers.length) {
    return {
      ok: false,
      error: controllerError(
        "INVALID_REPLICATION_FACTOR",
        `Replication factor ${rf} is larger than the number of available brokers${where}: ` +
          `${brokers.length} (brokers that are fenced or shutting down do not count).`,
      ),
    };
  }

  const replicaCount = new Map<number, number>(brokers.map((b) => [b.id, 0]));
  const leaderCount = new Map<number, number>(brokers.map((b) => [b.id, 0]));
  for (const { partition } of allPartitions(image)) {
    for (const r of partition.replicas)
      if (replicaCount.has(r)) replicaCount.set(r, (replicaCount.get(r) ?? 0) + 1);
    const preferred = partition.replicas[0];
    if (preferred !== undefined && leaderCount.has(preferred)) {
      leaderCount.set(preferred, (leaderCount.get(preferred) ?? 0) + 1);
    }
  }
  const zoneSize = new Map<string, number>();
  const zoneLoad = new Map<string, number>();
  for (const b of brokers) {
    zoneSize.set(b.zone, (zoneSize.get(b.zone) ?? 0) + 1);
    zoneLoad.set(b.zone, (zoneLoad.get(b.zone) ?? 0) + (replicaCount.get(b.id) ?? 0));
  }

  const plan: number[][] = [];
  for (let p = 0; p < request.partitions; p++) {
    const chosen: BrokerImage[] = [];
    const zoneUse = new Map<string, number>();
    for (let slot = 0; slot < rf; slot++) {
      let best: BrokerImage | undefined;
      let bestKey: number[] = [];
      for (const b of brokers) {
        if (chosen.includes(b)) continue;
        const key = [
          zoneUse.get(b.zone) ?? 0,
          replicaCount.get(b.id) ?? 0,
          (zoneLoad.get(b.zone) ?? 0) / (zoneSize.get(b.zone) ?? 1),
          b.id,
        ];
        if (best === undefined || lessThan(key, bestKey)) {
          best = b;
          bestKey = key;
        }
      }
      if (best === undefined) throw new Error("placement ran out of brokers after checking there are enough");
      chosen.push(best);
      zoneUse.set(best.zone, (zoneUse.get(best.zone) ?? 0) + 1);
      replicaCount.set(best.id, (replicaCount.get(best.id) ?? 0) + 1);
      zoneLoad.set(best.zone, (zoneLoad.get(best.zone) ?? 0) + 1);
    }
    // The leader: the chosen broker leading the fewest partitions; ties keep the choice order.
    let leaderAt = 0;
    for (let i = 1; i < chosen.length; i++) {
      const count = (b: BrokerImage | undefined) => (b === undefined ? 0 : (leaderCount.get(b.id) ?? 0));
      if (count(chosen[i]) < count(chosen[leaderAt])) leaderAt = i;
    }
    const [leader] = chosen.splice(leaderAt, 1);
    if (leader === undefined) throw new Error("placement chose no leader");
    leaderCount.set(leader.id, (leaderCount.get(leader.id) ?? 0) + 1);
    plan.push([leader.id, ...chosen.map((b) => b.id)]);
  }
  return { ok: true, value: plan };
}

function lessThan(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (x !== y) return x < y;
  }
  return false;
}

/**
 * Checks explicit replica lists (for partitions `firstIndex`, `firstIndex + 1`, ...): each is
 * non-empty, without duplicates, of one length, names registered brokers of the cell, and has
 * at least one active broker to lead.
 */
export function checkAssignments(
  image: MetadataImage,
  assignments: readonly (readonly number[])[],
  cell: string | undefined,
  firstIndex = 0,
  replicationFactor?: number,
): ControllerError | undefined {
  const rf = replicationFactor ?? assignments[0]?.length;
  for (let i = 0; i < assignments.length; i++) {
    const replicas = assignments[i] as readonly number[];
    const p = firstIndex + i;
    if (replicas.length === 0) {
      return controllerError("INVALID_REPLICA_ASSIGNMENT", `Partition ${p} is assigned no replicas.`);
    }
    if (replicas.length !== rf) {
      return controllerError(
        "INVALID_REPLICA_ASSIGNMENT",
        `Partition ${p} has ${replicas.length} replicas, but every partition of the topic must have ${rf}.`,
      );
    }
    if (new Set(replicas).size !== replicas.length) {
      return controllerError(
        "INVALID_REPLICA_ASSIGNMENT",
        `Partition ${p} names a broker twice: [${replicas}].`,
      );
    }
    for (const id of replicas) {
      const broker = image.brokers.get(id);
      if (broker === undefined) {
        return controllerError(
          "INVALID_REPLICA_ASSIGNMENT",
          `Partition ${p} names broker ${id}, which is not registered.`,
        );
      }
      if (cell !== undefined && cell !== "" && broker.cell !== cell) {
        return controllerError(
          "POLICY_VIOLATION",
          `Partition ${p} names broker ${id} of cell "${broker.cell}"; the topic's partitions must stay in cell "${cell}".`,
        );
      }
    }
    if (!replicas.some((id) => isActive(image, id))) {
      return controllerError(
        "INVALID_REPLICA_ASSIGNMENT",
        `Every broker assigned to partition ${p} is fenced or shutting down; none could lead it.`,
      );
    }
  }
  return undefined;
}
