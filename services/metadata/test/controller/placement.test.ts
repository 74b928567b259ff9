import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NO_LEADER, placeReplicas } from "../../src/controller/index.js";
import { Harness } from "./harness.js";

const ZONES = ["a", "b", "c", "d", "e"];

/** A cluster with `perZone[i]` brokers in zone i, ids 1, 2, ... */
function cluster(perZone: readonly number[], cell = ""): Harness {
  const h = new Harness();
  let id = 1;
  perZone.forEach((count, zone) => {
    for (let i = 0; i < count; i++) h.addBroker(id++, ZONES[zone] as string, cell);
  });
  return h;
}

function zoneOf(h: Harness, id: number): string {
  return h.image.brokers.get(id)?.zone ?? "?";
}

function spread(counts: Iterable<number>): number {
  const values = [...counts];
  return Math.max(...values) - Math.min(...values);
}

describe("replica placement", () => {
  it("puts the replicas of a partition in distinct zones when there are enough zones", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 40 }),
        (perZone, rf, partitions) => {
          fc.pre(rf <= perZone.length);
          const h = cluster(perZone);
          const placed = placeReplicas(h.image, { partitions, replicationFactor: rf });
          expect(placed.ok).toBe(true);
          if (!placed.ok) return;
          expect(placed.value).toHaveLength(partitions);
          for (const replicas of placed.value) {
            expect(replicas).toHaveLength(rf);
            expect(new Set(replicas).size).toBe(rf);
            expect(new Set(replicas.map((r) => zoneOf(h, r))).size).toBe(rf);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("spreads replicas across zones as evenly as possible when zones are fewer than replicas", () => {
    const h = cluster([2, 2]);
    const placed = placeReplicas(h.image, { partitions: 10, replicationFactor: 3 });
    if (!placed.ok) throw new Error(placed.error.message);
    for (const replicas of placed.value) {
      const zones = replicas.map((r) => zoneOf(h, r));
      expect(new Set(zones).size).toBe(2);
    }
  });

  it("balances replicas and preferred leaders across brokers of equally sized zones", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 4 }),
        (zones, perZone, rfWanted, topicSizes) => {
          const rf = Math.min(rfWanted, zones * perZone);
          const h = cluster(Array.from({ length: zones }, () => perZone));
          topicSizes.forEach((n, i) => {
            h.createTopic(`t${i}`, { numPartitions: n, replicationFactor: rf });
          });
          const replicas = new Map<number, number>();
          const leaders = new Map<number, number>();
          for (const id of h.image.brokers.keys()) {
            replicas.set(id, 0);
            leaders.set(id, 0);
          }
          for (const topic of h.image.topics.values()) {
            for (const p of topic.partitions) {
              for (const r of p.replicas) replicas.set(r, (replicas.get(r) ?? 0) + 1);
              leaders.set(p.leader, (leaders.get(p.leader) ?? 0) + 1);
              expect(p.leader).toBe(p.replicas[0]);
            }
          }
          expect(spread(replicas.values())).toBeLessThanOrEqual(1);
          expect(spread(leaders.values())).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("is a function of the image: the same image gives the same plan", () => {
    const a = cluster([3, 3, 3]);
    const b = cluster([3, 3, 3]);
    expect(placeReplicas(a.image, { partitions: 20, replicationFactor: 3 })).toEqual(
      placeReplicas(b.image, { partitions: 20, replicationFactor: 3 }),
    );
  });

  it("places only on the brokers of the requested cell", () => {
    const h = new Harness();
    h.addBroker(1, "a", "cell-1");
    h.addBroker(2, "b", "cell-1");
    h.addBroker(3, "a", "cell-2");
    h.addBroker(4, "b", "cell-2");
    h.addBroker(5, "c", "cell-2");
    const placed = placeReplicas(h.image, { partitions: 12, replicationFactor: 2, cell: "cell-1" });
    if (!placed.ok) throw new Error(placed.error.message);
    for (const replicas of placed.value) expect(replicas.sort()).toEqual([1, 2]);
    const wide = placeReplicas(h.image, { partitions: 1, replicationFactor: 3, cell: "cell-1" });
    expect(wide.ok).toBe(false);
    if (!wide.ok) expect(wide.error.name).toBe("INVALID_REPLICATION_FACTOR");
  });

  it("leaves out fenced brokers and brokers in controlled shutdown", () => {
    const h = cluster([1, 1, 1, 1]);
    h.heartbeat(2, { wantsFence: true });
    h.heartbeat(3, { wantsShutdown: true });
    const placed = placeReplicas(h.image, { partitions: 10, replicationFactor: 2 });
    if (!placed.ok) throw new Error(placed.error.message);
    for (const replicas of placed.value) expect(replicas.sort()).toEqual([1, 4]);
  });

  it("refuses a replication factor larger than the available brokers with a clear message", () => {
    const h = cluster([1, 1, 1]);
    h.heartbeat(3, { wantsFence: true });
    const placed = placeReplicas(h.image, { partitions: 1, replicationFactor: 3 });
    expect(placed.ok).toBe(false);
    if (placed.ok) return;
    expect(placed.error.name).toBe("INVALID_REPLICATION_FACTOR");
    expect(placed.error.code).toBe(38);
    expect(placed.error.message).toMatch(
      /Replication factor 3 is larger than the number of available brokers: 2/,
    );
    const none = placeReplicas(h.image, { partitions: 1, replicationFactor: 0 });
    expect(none.ok).toBe(false);
  });

  it("counts existing partitions, so later topics fill the emptier brokers", () => {
    const h = cluster([1, 1, 1]);
    h.createTopic("first", { assignments: [[1], [1], [2]] });
    const placed = placeReplicas(h.image, { partitions: 3, replicationFactor: 1 });
    if (!placed.ok) throw new Error(placed.error.message);
    expect(placed.value.flat().sort()).toEqual([2, 3, 3]);
    expect(NO_LEADER).toBe(-1);
  });
});
