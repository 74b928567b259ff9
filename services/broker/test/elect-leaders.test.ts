/**
 * ElectLeaders (key 43) against a stand-in controller that runs preferred elections on a
 * built metadata image: what is forwarded (each partition once; null topic_partitions as the
 * partitions whose preferred replica does not lead; never a topic with no partitions left,
 * which would mean all of them), Kafka's per-partition errors, unclean election refused, the
 * answer waiting for this broker's image to show the new leaders, and controller failures.
 */
import { type ElectLeadersRequest, type ElectLeadersResponse, ErrorCode } from "@runnel/kafka-protocol";
import {
  emptyImage,
  type MetadataImage,
  type PartitionImage,
  type TopicImage,
  topicKey,
} from "@runnel/metadata";
import { Code, type ElectLeadersRequest as ControllerRequest, RpcError } from "@runnel/rpc";
import { describe, expect, it } from "vitest";
import type { BrokerContext } from "../src/context.js";
import { electLeadersHandler } from "../src/handlers/43-elect-leaders.js";
import type { RequestContext } from "../src/kafka/server.js";

const ctx = { apiVersion: 2 } as RequestContext;

function partition(replicas: number[], leader: number, isr = replicas): PartitionImage {
  return { replicas, isr, leader, leaderEpoch: 5, partitionEpoch: 7 };
}

let nextId = 1;
function topic(name: string, partitions: PartitionImage[]): TopicImage {
  const id = new Uint8Array(16).fill(nextId++);
  return { id, key: topicKey(id), name, partitions };
}

function imageOf(topics: TopicImage[], fenced: number[] = []): MetadataImage {
  const e = emptyImage();
  const broker = (id: number) => ({
    id,
    epoch: 0n,
    incarnationId: new Uint8Array(16),
    zone: "",
    cell: "",
    endpoints: [],
    fenced: fenced.includes(id),
    inControlledShutdown: false,
  });
  return {
    ...e,
    brokers: new Map([1, 2, 3].map((id) => [id, broker(id)])) as unknown as MetadataImage["brokers"],
    topics: new Map(topics.map((t) => [t.key, t])),
    topicKeysByName: new Map(topics.map((t) => [t.name, t.key])),
  };
}

interface Fake {
  readonly broker: BrokerContext;
  /** Every request the controller received. */
  readonly calls: ControllerRequest[];
}

/**
 * A broker whose controller elects preferred replicas on `controllerImage` (ahead of or equal
 * to the broker's image) and whose image catches up with it `lagMs` after each call.
 */
function fake(
  brokerImage: MetadataImage,
  o: { controllerImage?: MetadataImage; lagMs?: number; fail?: RpcError } = {},
): Fake {
  let image = brokerImage;
  let controllerImage = o.controllerImage ?? brokerImage;
  const listeners = new Set<(image: MetadataImage) => void>();
  const calls: ControllerRequest[] = [];
  const setImage = (next: MetadataImage) => {
    image = next;
    for (const l of [...listeners]) l(next);
  };
  const electLeaders = async (req: ControllerRequest) => {
    calls.push(req);
    if (o.fail !== undefined) throw o.fail;
    expect(req.topics.length).toBeGreaterThan(0);
    const partitions = [];
    for (const item of req.topics) {
      const name = item.topic?.ref.value as string;
      expect(item.partitions.length).toBeGreaterThan(0);
      const key = controllerImage.topicKeysByName.get(name);
      for (const index of item.partitions) {
        const t = key === undefined ? undefined : controllerImage.topics.get(key);
        const p = t?.partitions[index];
        let errorCode: number = ErrorCode.NONE;
        if (t === undefined || p === undefined) errorCode = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
        else if (p.leader === p.replicas[0]) errorCode = ErrorCode.ELECTION_NOT_NEEDED;
        else if (
          !p.isr.includes(p.replicas[0] as number) ||
          controllerImage.brokers.get(p.replicas[0] as number)?.fenced !== false
        )
          errorCode = ErrorCode.PREFERRED_LEADER_NOT_AVAILABLE;
        else {
          const elected = [...t.partitions];
          elected[index] = { ...p, leader: p.replicas[0] as number, leaderEpoch: p.leaderEpoch + 1 };
          const next = { ...t, partitions: elected };
          controllerImage = { ...controllerImage, topics: new Map(controllerImage.topics).set(t.key, next) };
        }
        partitions.push({
          topicName: name,
          partition: index,
          errorCode,
          errorMessage: errorCode === 0 ? "" : `error ${errorCode} for ${name}-${index}`,
        });
      }
    }
    const applied = controllerImage;
    setTimeout(() => setImage(applied), o.lagMs ?? 0).unref();
    return { partitions };
  };
  const broker = {
    settings: { nodeId: 1 },
    image: () => image,
    controller: { call: (fn: (c: unknown, o: unknown) => unknown) => fn({ electLeaders }, {}) },
    waitForImage: (predicate: (image: MetadataImage) => boolean, timeoutMs: number) => {
      if (predicate(image)) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          listeners.delete(listener);
          resolve(false);
        }, timeoutMs);
        const listener = (next: MetadataImage) => {
          if (!predicate(next)) return;
          listeners.delete(listener);
          clearTimeout(timer);
          resolve(true);
        };
        listeners.add(listener);
      });
    },
  } as unknown as BrokerContext;
  return { broker, calls };
}

function request(
  topicPartitions: { topic: string; partitions: number[] }[] | null,
  electionType = 0,
): ElectLeadersRequest {
  return { electionType, topicPartitions, timeoutMs: 10_000 };
}

/** The answer as [topic, partition, error code] rows. */
function rows(r: ElectLeadersResponse | null): [string, number, number][] {
  return (r?.replicaElectionResults ?? []).flatMap((t) =>
    t.partitionResult.map((p): [string, number, number] => [t.topic, p.partitionId, p.errorCode]),
  );
}

/** What the controller was asked, as [topic, partitions] rows. */
function forwarded(calls: readonly ControllerRequest[]): [string, number[]][] {
  return calls.flatMap((c) =>
    c.topics.map((t): [string, number[]] => [t.topic?.ref.value as string, t.partitions]),
  );
}

const leaderOf = (image: MetadataImage, name: string, index: number) =>
  image.topics.get(image.topicKeysByName.get(name) as string)?.partitions[index]?.leader;

describe("ElectLeaders", () => {
  it("elects the named partitions' preferred replicas and answers once this broker's image shows them", async () => {
    const t = topic("orders", [
      partition([1, 2, 3], 2), // the preferred replica is back in the ISR: elected
      partition([2, 3, 1], 2), // the preferred replica leads: ELECTION_NOT_NEEDED
      partition([3, 1, 2], 1, [1, 2]), // not in the ISR: PREFERRED_LEADER_NOT_AVAILABLE
    ]);
    const f = fake(imageOf([t]), { lagMs: 50 });
    const h = electLeadersHandler(f.broker);
    const r = await h.handle(
      request([
        { topic: "orders", partitions: [0, 1, 2, 9] },
        { topic: "missing", partitions: [0] },
      ]),
      ctx,
    );
    expect(r?.errorCode).toBe(ErrorCode.NONE);
    expect(rows(r)).toEqual([
      ["orders", 0, ErrorCode.NONE],
      ["orders", 1, ErrorCode.ELECTION_NOT_NEEDED],
      ["orders", 2, ErrorCode.PREFERRED_LEADER_NOT_AVAILABLE],
      ["orders", 9, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION],
      ["missing", 0, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION],
    ]);
    const results = r?.replicaElectionResults[0]?.partitionResult ?? [];
    expect(results[0]?.errorMessage).toBeNull();
    expect(results[2]?.errorMessage).toBe("error 80 for orders-2");
    // The election reached this broker's image before the answer left.
    expect(leaderOf(f.broker.image(), "orders", 0)).toBe(1);
    expect(forwarded(f.calls)).toEqual([
      ["orders", [0, 1, 2, 9]],
      ["missing", [0]],
    ]);
  });

  it("answers a partition named twice with INVALID_REQUEST and does not elect it", async () => {
    const t = topic("t", [partition([1, 2], 2), partition([1, 2], 2), partition([1, 2], 2)]);
    const u = topic("u", [partition([1, 2], 2)]);
    const f = fake(imageOf([t, u]));
    const r = await electLeadersHandler(f.broker).handle(
      request([
        { topic: "t", partitions: [0, 1, 0] },
        { topic: "u", partitions: [0] },
        { topic: "t", partitions: [2] },
        { topic: "u", partitions: [0] },
      ]),
      ctx,
    );
    expect(rows(r)).toEqual([
      ["t", 0, ErrorCode.INVALID_REQUEST],
      ["t", 1, ErrorCode.NONE],
      ["t", 2, ErrorCode.NONE],
      ["u", 0, ErrorCode.INVALID_REQUEST],
    ]);
    expect(r?.replicaElectionResults[0]?.partitionResult[0]?.errorMessage).toBe(
      "t-0 appears more than once in the request.",
    );
    // Topic u had only a duplicate left: it is not forwarded, as no partitions would mean all.
    expect(forwarded(f.calls)).toEqual([["t", [1, 2]]]);
    expect([0, 1, 2].map((i) => leaderOf(f.broker.image(), "t", i))).toEqual([2, 1, 1]);
    expect(leaderOf(f.broker.image(), "u", 0)).toBe(2);
  });

  it("with null topic_partitions, puts every partition whose preferred replica does not lead and leaves out those needing none", async () => {
    const a = topic("a", [partition([1, 2, 3], 1), partition([2, 3, 1], 3)]);
    const b = topic("b", [partition([3, 1, 2], 3)]);
    const c = topic("c", [partition([1, 2, 3], 2), partition([2, 1, 3], 1, [1, 3])]);
    const brokerImage = imageOf([a, b, c]);
    // The controller already knows c-0's preferred replica leads again (this broker lags).
    const ahead = imageOf([a, b, topic("c", [partition([1, 2, 3], 1), partition([2, 1, 3], 1, [1, 3])])]);
    const f = fake(brokerImage, { controllerImage: ahead });
    const r = await electLeadersHandler(f.broker).handle(request(null), ctx);
    expect(forwarded(f.calls)).toEqual([
      ["a", [1]],
      ["c", [0, 1]],
    ]);
    expect(rows(r)).toEqual([
      ["a", 1, ErrorCode.NONE],
      ["c", 1, ErrorCode.PREFERRED_LEADER_NOT_AVAILABLE],
    ]);
    expect(leaderOf(f.broker.image(), "a", 1)).toBe(2);
  });

  it("does not call the controller when nothing is to be elected", async () => {
    const f = fake(imageOf([topic("a", [partition([1, 2, 3], 1)])]));
    const h = electLeadersHandler(f.broker);
    expect(rows(await h.handle(request(null), ctx))).toEqual([]);
    expect(rows(await h.handle(request([]), ctx))).toEqual([]);
    // A topic named with no partitions asks for none (the controller would read it as all).
    const r = await h.handle(request([{ topic: "a", partitions: [] }]), ctx);
    expect(r?.replicaElectionResults).toEqual([{ topic: "a", partitionResult: [] }]);
    expect(f.calls).toEqual([]);
  });

  it("refuses unclean and unknown election types with INVALID_REQUEST, electing nothing", async () => {
    const f = fake(imageOf([topic("a", [partition([1, 2, 3], 2)])]));
    const h = electLeadersHandler(f.broker);
    const unclean = await h.handle(request([{ topic: "a", partitions: [0] }], 1), ctx);
    expect(unclean?.errorCode).toBe(ErrorCode.INVALID_REQUEST);
    expect(rows(unclean)).toEqual([["a", 0, ErrorCode.INVALID_REQUEST]]);
    expect(unclean?.replicaElectionResults[0]?.partitionResult[0]?.errorMessage).toMatch(
      /Unclean leader election is off/,
    );
    const all = await h.handle(request(null, 1), ctx);
    expect(all).toMatchObject({ errorCode: ErrorCode.INVALID_REQUEST, replicaElectionResults: [] });
    const other = await h.handle(request([{ topic: "a", partitions: [0] }], 7), ctx);
    expect(other?.replicaElectionResults[0]?.partitionResult[0]?.errorMessage).toMatch(
      /type 7 does not exist/,
    );
    expect(f.calls).toEqual([]);
    expect(leaderOf(f.broker.image(), "a", 0)).toBe(2);
  });

  it("answers a controller that does not answer in time with REQUEST_TIMED_OUT for each forwarded partition", async () => {
    const f = fake(imageOf([topic("a", [partition([1, 2], 2), partition([1, 2], 2)])]), {
      fail: new RpcError(Code.Unavailable, "no metadata leader"),
    });
    const r = await electLeadersHandler(f.broker).handle(
      request([{ topic: "a", partitions: [0, 1, 1] }]),
      ctx,
    );
    expect(rows(r)).toEqual([
      ["a", 0, ErrorCode.REQUEST_TIMED_OUT],
      ["a", 1, ErrorCode.INVALID_REQUEST],
    ]);
    expect(r?.replicaElectionResults[0]?.partitionResult[0]?.errorMessage).toMatch(/did not answer in time/);
  });

  it("gives up waiting for its image after the request's timeout, answering what the controller did", async () => {
    // The image would show the election only after a minute, past the test's own timeout.
    const f = fake(imageOf([topic("a", [partition([1, 2], 2)])]), { lagMs: 60_000 });
    const r = await electLeadersHandler(f.broker).handle(
      { electionType: 0, topicPartitions: [{ topic: "a", partitions: [0] }], timeoutMs: 100 },
      ctx,
    );
    expect(rows(r)).toEqual([["a", 0, ErrorCode.NONE]]);
    expect(leaderOf(f.broker.image(), "a", 0)).toBe(2);
  });
});
