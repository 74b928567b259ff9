import { create } from "@bufbuild/protobuf";
import {
  AllocateProducerIdsRequestSchema,
  BrokerHeartbeatRequestSchema,
  BrokerRegistrationRequestSchema,
  UnregisterBrokerRequestSchema,
} from "@runnel/rpc";
import { describe, expect, it } from "vitest";
import {
  allocateProducerIds,
  brokerHeartbeat,
  NO_LEADER,
  registerBroker,
  statusCodeOf,
  unregisterBroker,
} from "../../src/controller/index.js";
import { CLUSTER_ID, Harness, incarnation } from "./harness.js";

function registration(
  id: number,
  generation = 0,
  init: { clusterId?: string; port?: number; previousIncarnationId?: Uint8Array } = {},
) {
  return create(BrokerRegistrationRequestSchema, {
    brokerId: id,
    clusterId: init.clusterId ?? CLUSTER_ID,
    incarnationId: incarnation(id, generation),
    zone: "a",
    listeners: [{ name: "INTERNAL", host: "localhost", port: init.port ?? 9092 }],
    previousIncarnationId: init.previousIncarnationId,
  });
}

describe("broker registration", () => {
  it("gives the broker the offset of its registration as epoch, and starts it fenced", () => {
    const h = new Harness();
    h.commit([]);
    const epoch = h.register(1, "a");
    expect(epoch).toBe(1n);
    expect(h.image.brokers.get(1)).toMatchObject({ epoch: 1n, fenced: true, zone: "a" });
  });

  it("answers a retry by the same incarnation with the same epoch and writes nothing", () => {
    const h = new Harness();
    const epoch = h.register(1, "a");
    const retry = registerBroker(h.image, registration(1), {
      clusterId: CLUSTER_ID,
      nextOffset: h.nextOffset,
      leaseAlive: () => true,
    });
    expect(retry.ok && retry.value).toMatchObject({ records: [], response: { brokerEpoch: epoch } });
  });

  it("refuses another incarnation while the old one's lease holds, then gives it a new epoch", () => {
    const h = new Harness();
    h.addBroker(1, "a");
    h.addBroker(2, "b");
    h.createTopic("t", { assignments: [[1, 2]] });
    const old = h.image.brokers.get(1)?.epoch ?? -1n;
    const alive = registerBroker(h.image, registration(1, 1), {
      clusterId: CLUSTER_ID,
      nextOffset: h.nextOffset,
      leaseAlive: () => true,
    });
    expect(alive.ok).toBe(false);
    if (!alive.ok) {
      expect(alive.error.name).toBe("DUPLICATE_BROKER_REGISTRATION");
      expect(statusCodeOf(alive.error)).toBe(9);
    }
    const lapsed = registerBroker(h.image, registration(1, 1), {
      clusterId: CLUSTER_ID,
      nextOffset: h.nextOffset,
      leaseAlive: () => false,
    });
    if (!lapsed.ok) throw new Error(lapsed.error.message);
    h.run(lapsed.value);
    const now = h.image.brokers.get(1);
    expect(now?.epoch).toBeGreaterThan(old);
    expect(now?.fenced).toBe(true);
    // The old incarnation's leadership moved to the other ISR member.
    expect(h.topic("t").partitions[0]).toMatchObject({ leader: 2, isr: [2], leaderEpoch: 1 });
  });

  it("replaces a live registration at once when the new incarnation names it as its previous one", () => {
    const h = new Harness();
    h.addBroker(1, "a");
    h.addBroker(2, "b");
    h.createTopic("shared", { assignments: [[1, 2]] });
    h.createTopic("solo", { assignments: [[1]] });
    const old = h.image.brokers.get(1)?.epoch ?? -1n;
    const result = registerBroker(h.image, registration(1, 1, { previousIncarnationId: incarnation(1, 0) }), {
      clusterId: CLUSTER_ID,
      nextOffset: h.nextOffset,
      leaseAlive: () => true,
    });
    if (!result.ok) throw new Error(result.error.message);
    // One batch: the old incarnation's leaderships are fenced, then the new registration.
    expect(result.value.records.map((r) => r.record.case)).toEqual([
      "partitionChange",
      "partitionChange",
      "registerBroker",
    ]);
    const epoch = h.run(result.value).brokerEpoch;
    expect(epoch).toBe(h.image.lastOffset);
    expect(epoch).toBeGreaterThan(old);
    expect(h.image.brokers.get(1)).toMatchObject({ epoch, fenced: true, incarnationId: incarnation(1, 1) });
    // Leadership moved to the other ISR member; the sole replica keeps its ISR place, leads
    // nothing, and the bumped leader epoch fences anything the old incarnation still sends.
    expect(h.topic("shared").partitions[0]).toMatchObject({ leader: 2, isr: [2], leaderEpoch: 1 });
    expect(h.topic("solo").partitions[0]).toMatchObject({ leader: NO_LEADER, isr: [1], leaderEpoch: 1 });
    // Once the new incarnation has caught up it is unfenced and leads again, at a newer epoch.
    expect(h.heartbeat(1)).toMatchObject({ isFenced: false });
    expect(h.topic("solo").partitions[0]).toMatchObject({ leader: 1, isr: [1], leaderEpoch: 2 });
  });

  it("keeps refusing, while the lease holds, an incarnation whose previous id is absent or another one", () => {
    const h = new Harness();
    h.addBroker(1, "a");
    h.createTopic("solo", { assignments: [[1]] });
    const before = h.image;
    for (const previousIncarnationId of [new Uint8Array(0), incarnation(1, 7), incarnation(2, 0)]) {
      const refused = registerBroker(h.image, registration(1, 1, { previousIncarnationId }), {
        clusterId: CLUSTER_ID,
        nextOffset: h.nextOffset,
        leaseAlive: () => true,
      });
      expect(!refused.ok && refused.error.name).toBe("DUPLICATE_BROKER_REGISTRATION");
    }
    expect(h.image).toBe(before);
    expect(h.topic("solo").partitions[0]).toMatchObject({ leader: 1, leaderEpoch: 0 });
    // A wrong previous id is no bar once the lease has lapsed.
    const lapsed = registerBroker(h.image, registration(1, 1, { previousIncarnationId: incarnation(1, 7) }), {
      clusterId: CLUSTER_ID,
      nextOffset: h.nextOffset,
      leaseAlive: () => false,
    });
    expect(lapsed.ok).toBe(true);
  });

  it("refuses a foreign cluster id and malformed registrations", () => {
    const h = new Harness();
    const context = { clusterId: CLUSTER_ID, nextOffset: 0n, leaseAlive: () => false };
    const foreign = registerBroker(h.image, registration(1, 0, { clusterId: "other" }), context);
    expect(!foreign.ok && foreign.error.name).toBe("INCONSISTENT_CLUSTER_ID");
    const badPort = registerBroker(h.image, registration(1, 0, { port: 0 }), context);
    expect(!badPort.ok && badPort.error.name).toBe("INVALID_REQUEST");
    const negative = registerBroker(h.image, registration(-1), context);
    expect(!negative.ok && negative.error.name).toBe("INVALID_REQUEST");
    const shortPrevious = registerBroker(
      h.image,
      registration(1, 0, { previousIncarnationId: new Uint8Array(3) }),
      context,
    );
    expect(!shortPrevious.ok && shortPrevious.error.name).toBe("INVALID_REQUEST");
  });
});

describe("broker heartbeats", () => {
  it("unfences a broker once it has replayed its own registration", () => {
    const h = new Harness();
    const epoch = h.register(1, "a");
    const behind = h.heartbeat(1, { metadataOffset: epoch });
    expect(behind).toMatchObject({ isCaughtUp: false, isFenced: true });
    expect(h.image.brokers.get(1)?.fenced).toBe(true);
    const caughtUp = h.heartbeat(1, { metadataOffset: epoch + 1n });
    expect(caughtUp).toMatchObject({ isCaughtUp: true, isFenced: false, shouldShutdown: false });
    expect(h.image.brokers.get(1)?.fenced).toBe(false);
    // An ordinary heartbeat writes nothing.
    const before = h.log.length;
    expect(h.heartbeat(1)).toMatchObject({ isFenced: false });
    expect(h.log.length).toBe(before);
  });

  it("rejects a stale epoch and an unregistered broker", () => {
    const h = new Harness();
    h.addBroker(1, "a");
    const stale = brokerHeartbeat(
      h.image,
      create(BrokerHeartbeatRequestSchema, { brokerId: 1, brokerEpoch: 99n }),
    );
    expect(!stale.ok && stale.error.name).toBe("STALE_BROKER_EPOCH");
    const unknown = brokerHeartbeat(
      h.image,
      create(BrokerHeartbeatRequestSchema, { brokerId: 7, brokerEpoch: 0n }),
    );
    expect(!unknown.ok && unknown.error.name).toBe("BROKER_ID_NOT_REGISTERED");
    if (!unknown.ok) expect(statusCodeOf(unknown.error)).toBe(5);
  });

  it("fences a broker that asks for it, moving its leaderships away", () => {
    const h = new Harness();
    h.addBroker(1, "a");
    h.addBroker(2, "b");
    h.createTopic("t", { assignments: [[1, 2]] });
    expect(h.heartbeat(1, { wantsFence: true })).toMatchObject({ isFenced: true });
    expect(h.topic("t").partitions[0]).toMatchObject({ leader: 2, isr: [2] });
  });

  it("runs a controlled shutdown: leadership moves first, should_shutdown only once it leads nothing", () => {
    const h = new Harness();
    h.addBroker(1, "a");
    h.addBroker(2, "b");
    h.addBroker(3, "c");
    h.createTopic("t", {
      assignments: [
        [1, 2, 3],
        [2, 1, 3],
      ],
    });
    h.createTopic("solo", { assignments: [[1]] });

    const first = h.heartbeat(1, { wantsShutdown: true, metadataOffset: h.nextOffset });
    expect(first).toMatchObject({ isFenced: false, shouldShutdown: false });
    expect(h.image.brokers.get(1)?.inControlledShutdown).toBe(true);
    const [p0, p1] = h.topic("t").partitions;
    const p2 = h.topic("solo").partitions[0];
    expect(p0).toMatchObject({ leader: 2, isr: [2, 3], leaderEpoch: 1 });
    expect(p1).toMatchObject({ leader: 2, isr: [2, 3], leaderEpoch: 0 });
    // The only replica keeps its ISR place, but a broker shutting down leads nothing.
    expect(p2).toMatchObject({ leader: NO_LEADER, isr: [1], leaderEpoch: 1 });

    // Not yet: the broker has not replayed the batch that moved its leaderships.
    const lagging = h.heartbeat(1, { wantsShutdown: true, metadataOffset: h.image.lastOffset });
    expect(lagging.shouldShutdown).toBe(false);
    const done = h.heartbeat(1, { wantsShutdown: true, metadataOffset: h.nextOffset });
    expect(done).toMatchObject({ shouldShutdown: true, isFenced: true });
    expect(h.image.brokers.get(1)?.fenced).toBe(true);

    // A broker in controlled shutdown is never elected, nor unfenced, until it registers again.
    expect(h.heartbeat(1)).toMatchObject({ isFenced: true });
    h.register(1, "a", "", 1);
    h.heartbeat(1);
    expect(h.image.brokers.get(1)).toMatchObject({ fenced: false, inControlledShutdown: false });
    expect(h.topic("solo").partitions[0]).toMatchObject({ leader: 1, isr: [1], leaderEpoch: 2 });
  });

  it("tells a fenced broker that wants to shut down to go at once", () => {
    const h = new Harness();
    h.register(1, "a");
    expect(h.heartbeat(1, { wantsShutdown: true })).toMatchObject({ shouldShutdown: true, isFenced: true });
  });
});

describe("unregistration and producer ids", () => {
  it("unregisters a broker after moving its leaderships", () => {
    const h = new Harness();
    h.addBroker(1, "a");
    h.addBroker(2, "b");
    h.createTopic("t", { assignments: [[1, 2]] });
    const response = h.run(unregisterBroker(h.image, create(UnregisterBrokerRequestSchema, { brokerId: 1 })));
    expect(response.errorCode).toBe(0);
    expect(h.image.brokers.has(1)).toBe(false);
    expect(h.topic("t").partitions[0]).toMatchObject({ leader: 2, isr: [2], replicas: [1, 2] });
    const again = unregisterBroker(h.image, create(UnregisterBrokerRequestSchema, { brokerId: 1 }));
    expect(again.response.errorCode).toBe(102);
  });

  it("hands out consecutive, non-overlapping producer-id blocks to current brokers", () => {
    const h = new Harness();
    h.addBroker(1, "a");
    h.addBroker(2, "b");
    const ask = (brokerId: number, brokerEpoch?: bigint) =>
      h.run(
        allocateProducerIds(
          h.image,
          create(AllocateProducerIdsRequestSchema, {
            brokerId,
            brokerEpoch: brokerEpoch ?? h.image.brokers.get(brokerId)?.epoch ?? 0n,
          }),
          h.options,
        ),
      );
    expect(ask(1)).toMatchObject({ errorCode: 0, producerIdStart: 0n, producerIdLen: 1000 });
    expect(ask(2)).toMatchObject({ errorCode: 0, producerIdStart: 1000n, producerIdLen: 1000 });
    expect(ask(1)).toMatchObject({ producerIdStart: 2000n });
    expect(h.image.nextProducerId).toBe(3000n);
    expect(ask(1, 12345n)).toMatchObject({ errorCode: 77, producerIdLen: 0 });
    expect(ask(9)).toMatchObject({ errorCode: 102 });
    expect(h.image.nextProducerId).toBe(3000n);
  });
});
