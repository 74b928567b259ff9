/**
 * Automatic leader balancing (auto.leader.rebalance.enable): a broker whose share of
 * not-led preferred partitions exceeds leader.imbalance.per.broker.percentage gets those of
 * them back where it is an active ISR member, by the same preferred election ElectLeaders
 * runs; nothing else moves.
 */
import { create } from "@bufbuild/protobuf";
import { AlterPartitionRequestSchema } from "@runnel/rpc";
import { describe, expect, it } from "vitest";
import {
  alterPartition,
  LEADER_BALANCE_ELECTIONS_MAX,
  type LeaderBalancePlan,
  planLeaderBalance,
} from "../../src/controller/index.js";
import { Harness } from "./harness.js";

function cluster(): Harness {
  const h = new Harness();
  h.addBroker(1, "a");
  h.addBroker(2, "b");
  h.addBroker(3, "c");
  return h;
}

function plan(h: Harness, imbalancePercentage = 10, electionsMax = LEADER_BALANCE_ELECTIONS_MAX) {
  return planLeaderBalance(h.image, { imbalancePercentage, electionsMax });
}

/** Commits the plan's elections. */
function run(h: Harness, p: LeaderBalancePlan): LeaderBalancePlan {
  if (p.records.length > 0) h.commit(p.records);
  return p;
}

/** The partition's leader adds `brokerId` back to its ISR, as a leader does once it caught up. */
function rejoin(h: Harness, topic: string, index: number, brokerId: number): void {
  const t = h.topic(topic);
  const p = t.partitions[index];
  if (p === undefined) throw new Error(`no partition ${index}`);
  const response = h.run(
    alterPartition(
      h.image,
      create(AlterPartitionRequestSchema, {
        brokerId: p.leader,
        brokerEpoch: h.image.brokers.get(p.leader)?.epoch,
        partitions: [
          {
            topicId: t.id,
            partition: index,
            leaderEpoch: p.leaderEpoch,
            partitionEpoch: p.partitionEpoch,
            newIsr: [...p.isr, brokerId],
          },
        ],
      }),
    ),
  );
  expect(response.partitions[0]?.errorCode).toBe(0);
}

/** Broker 1 is fenced and comes back: it has left every ISR and leads nothing. */
function bounce(h: Harness, brokerId: number): void {
  h.heartbeat(brokerId, { wantsFence: true });
  h.heartbeat(brokerId);
  expect(h.image.brokers.get(brokerId)?.fenced).toBe(false);
}

const leaders = (h: Harness, topic: string) => h.topic(topic).partitions.map((p) => p.leader);

describe("leader balance", () => {
  it("moves nothing while every preferred replica leads", () => {
    const h = cluster();
    h.createTopic("t", { numPartitions: 6, replicationFactor: 3 });
    expect(h.topic("t").partitions.every((p) => p.leader === p.replicas[0])).toBe(true);
    expect(plan(h)).toEqual({ records: [], imbalanced: [], more: false });
  });

  it("gives leadership back to a returning broker once it is in the ISR again, at a new leader epoch", () => {
    const h = cluster();
    h.createTopic("t", {
      assignments: [
        [1, 2, 3],
        [2, 3, 1],
        [1, 3, 2],
      ],
    });
    bounce(h, 1);
    expect(leaders(h, "t")).toEqual([2, 2, 3]);

    // Back but not in the ISR yet: over the threshold, but nothing can move.
    const early = plan(h);
    expect(early.records).toEqual([]);
    expect(early.imbalanced).toEqual([{ brokerId: 1, preferredOf: 2, notLeading: 2, elected: 0 }]);

    // Back in the ISR of partition 0 only: that one moves, partition 2 waits.
    rejoin(h, "t", 0, 1);
    const epoch0 = h.topic("t").partitions[0]?.leaderEpoch ?? -1;
    const first = run(h, plan(h));
    expect(first.imbalanced).toEqual([{ brokerId: 1, preferredOf: 2, notLeading: 2, elected: 1 }]);
    expect(leaders(h, "t")).toEqual([1, 2, 3]);
    expect(h.topic("t").partitions[0]).toMatchObject({ leader: 1, leaderEpoch: epoch0 + 1, isr: [2, 3, 1] });

    rejoin(h, "t", 2, 1);
    // 1 of 2 not led: 50 % is over 10 %.
    run(h, plan(h));
    expect(leaders(h, "t")).toEqual([1, 2, 1]);
    expect(plan(h).imbalanced).toEqual([]);
  });

  it("balances a broker only when its imbalance ratio exceeds the percentage", () => {
    const h = cluster();
    // Broker 1 is the preferred replica of 10 partitions; brokers 2 and 3 of none.
    h.createTopic("t", { assignments: Array.from({ length: 10 }, () => [1, 2, 3]) });
    bounce(h, 1);
    rejoin(h, "t", 0, 1);
    rejoin(h, "t", 1, 1);
    // Give 8 of them back by hand (ElectLeaders would do the same), leaving 2 of 10 not led by 1.
    for (let i = 2; i < 10; i++) rejoin(h, "t", i, 1);
    const byHand = plan(h, 0);
    h.commit(byHand.records.slice(2));
    expect(leaders(h, "t").filter((l) => l !== 1)).toHaveLength(2);

    // 2 of 10 is 20 %: not over 20, over 19.
    expect(plan(h, 20).records).toEqual([]);
    expect(plan(h, 100).imbalanced).toEqual([]);
    const over = run(h, plan(h, 19));
    expect(over.records).toHaveLength(2);
    expect(leaders(h, "t").every((l) => l === 1)).toBe(true);
  });

  it("does not elect a broker that is shutting down, even as the last ISR member", () => {
    const h = cluster();
    h.createTopic("t", { assignments: [[1, 2]] });
    bounce(h, 2);
    h.heartbeat(1, { wantsShutdown: true, metadataOffset: h.image.lastOffset });
    expect(h.image.brokers.get(1)?.inControlledShutdown).toBe(true);
    // The last ISR member stays in the ISR, leading nothing while it shuts down.
    expect(h.topic("t").partitions[0]).toMatchObject({ leader: -1, isr: [1] });
    const p = plan(h);
    expect(p.records).toEqual([]);
    expect(p.imbalanced).toEqual([{ brokerId: 1, preferredOf: 1, notLeading: 1, elected: 0 }]);
  });

  it("writes at most electionsMax elections per round and says when more are left", () => {
    const h = cluster();
    h.createTopic("t", {
      assignments: [
        [1, 2, 3],
        [1, 3, 2],
        [1, 2, 3],
      ],
    });
    bounce(h, 1);
    for (let i = 0; i < 3; i++) rejoin(h, "t", i, 1);
    const first = run(h, plan(h, 10, 2));
    expect(first.records).toHaveLength(2);
    expect(first.more).toBe(true);
    const second = run(h, plan(h, 10, 2));
    expect(second.records).toHaveLength(1);
    expect(second.more).toBe(false);
    expect(leaders(h, "t")).toEqual([1, 1, 1]);
  });
});
