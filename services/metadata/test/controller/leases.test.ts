import { describe, expect, it } from "vitest";
import { expireLeases, initialLeases, isLeaseAlive, NO_LEADER } from "../../src/controller/index.js";
import { Harness } from "./harness.js";

const SESSION_MS = 9000;

function threeBrokers(): Harness {
  const h = new Harness();
  h.addBroker(1, "a");
  h.addBroker(2, "b");
  h.addBroker(3, "c");
  return h;
}

describe("lease expiry", () => {
  it("fences a broker whose lease lapsed and moves its leaderships to the first live ISR member", () => {
    const h = threeBrokers();
    h.createTopic("t", {
      assignments: [
        [1, 2, 3],
        [2, 3, 1],
        [3, 1, 2],
      ],
    });
    const before = h.topic("t").partitions;
    const beats = new Map([
      [1, 0],
      [2, 5000],
      [3, 5000],
    ]);
    const expiry = expireLeases(h.image, 10_000, SESSION_MS, beats);
    expect(expiry.fenced).toEqual([1]);
    h.commit(expiry.records);

    expect(h.image.brokers.get(1)?.fenced).toBe(true);
    const [p0, p1, p2] = h.topic("t").partitions;
    // Broker 1 led partition 0; the next replica in order that is in the ISR takes over.
    expect(p0).toMatchObject({ leader: 2, isr: [2, 3], leaderEpoch: 1, partitionEpoch: 1 });
    // Broker 1 followed partitions 1 and 2: it leaves their ISRs, leaders stay.
    expect(p1).toMatchObject({ leader: 2, isr: [2, 3], leaderEpoch: 0, partitionEpoch: 1 });
    expect(p2).toMatchObject({ leader: 3, isr: [3, 2], leaderEpoch: 0, partitionEpoch: 1 });
    expect(before[0]?.leaderEpoch).toBe(0);
  });

  it("never elects a replica outside the ISR: the last ISR member keeps its place and the partition has no leader", () => {
    // Partition on brokers 1 and 2; broker 1 expires first, so 2 leads and is the only ISR
    // member. When 2 expires too, the partition has no leader and the ISR still holds 2,
    // though broker 3 is alive (it is not a replica) and broker 1, back, is no
    // longer in the ISR.
    const h2 = threeBrokers();
    h2.createTopic("u", { assignments: [[1, 2]] });
    h2.commit(
      expireLeases(
        h2.image,
        20_000,
        SESSION_MS,
        new Map([
          [2, 20_000],
          [3, 20_000],
        ]),
      ).records,
    );
    expect(h2.topic("u").partitions[0]).toMatchObject({ leader: 2, isr: [2], leaderEpoch: 1 });
    h2.heartbeat(1);
    expect(h2.image.brokers.get(1)?.fenced).toBe(false);
    h2.commit(
      expireLeases(
        h2.image,
        40_000,
        SESSION_MS,
        new Map([
          [1, 40_000],
          [3, 40_000],
        ]),
      ).records,
    );
    const last = h2.topic("u").partitions[0];
    expect(last).toMatchObject({ leader: NO_LEADER, isr: [2], leaderEpoch: 2, partitionEpoch: 2 });

    // When broker 2 comes back and catches up, it leads again.
    h2.heartbeat(2);
    expect(h2.topic("u").partitions[0]).toMatchObject({
      leader: 2,
      isr: [2],
      leaderEpoch: 3,
      partitionEpoch: 3,
    });
  });

  it("fences several expired brokers in one batch without handing leadership between them", () => {
    const h = threeBrokers();
    h.createTopic("t", { assignments: [[1, 2, 3]] });
    const expiry = expireLeases(h.image, 100_000, SESSION_MS, new Map([[3, 100_000]]));
    expect(expiry.fenced).toEqual([1, 2]);
    h.commit(expiry.records);
    expect(h.topic("t").partitions[0]).toMatchObject({ leader: 3, isr: [3] });
    expect(h.topic("t").partitions[0]?.leaderEpoch).toBe(2);
  });

  it("leaves brokers with a live lease and already fenced brokers alone", () => {
    const h = threeBrokers();
    h.heartbeat(3, { wantsFence: true });
    const beats = new Map([
      [1, 1000],
      [2, 1000],
    ]);
    expect(expireLeases(h.image, 1000 + SESSION_MS, SESSION_MS, beats)).toEqual({ fenced: [], records: [] });
    expect(isLeaseAlive(beats, 1, 1000 + SESSION_MS, SESSION_MS)).toBe(true);
    expect(isLeaseAlive(beats, 1, 1001 + SESSION_MS, SESSION_MS)).toBe(false);
  });

  it("a broker without a recorded heartbeat counts as expired; a new controller seeds every broker", () => {
    const h = threeBrokers();
    expect(expireLeases(h.image, 0, SESSION_MS, new Map()).fenced).toEqual([1, 2, 3]);
    const seeded = initialLeases(h.image, 50_000);
    expect(expireLeases(h.image, 50_000 + SESSION_MS, SESSION_MS, seeded).fenced).toEqual([]);
  });
});
