/**
 * Automatic leader balancing (Kafka's `auto.leader.rebalance.enable`): the planner the active
 * controller runs every `leader.imbalance.check.interval.seconds`.
 *
 * A partition's preferred leader is its first replica; placement spreads first replicas over
 * the brokers, so leadership is balanced while every preferred replica leads. Leadership
 * drifts when a broker is fenced or shuts down and another ISR member takes over; it does not
 * move back by itself when the broker returns. The planner follows Kafka's per-broker rule
 * (the ZooKeeper controller's `checkAndTriggerAutoLeaderRebalance`): for each broker, the
 * imbalance ratio is the share of the partitions it is the preferred replica of that it does
 * not lead (led by another broker, or by none); when the ratio exceeds
 * `leader.imbalance.per.broker.percentage`, each of those partitions whose preferred replica is
 * an active ISR member gets a preferred election, exactly as ElectLeaders would run it
 * (`preferredLeaderChange`). Partitions whose preferred replica cannot lead are left alone.
 *
 * One plan writes at most `electionsMax` elections (one Raft entry, like Kafka KRaft's
 * 1000 elections per balancing round); `more` tells the shell to plan again at once.
 */
import type { MetadataRecord } from "@runnel/rpc";
import { allPartitions, type MetadataImage, type PartitionImage, type TopicImage } from "./image.js";
import { preferredLeaderChange } from "./partitions-frontend.js";
import { partitionChangeRecord } from "./records.js";

/** Elections one balancing round writes at most (Kafka KRaft's `maxElectionsPerImbalance`). */
export const LEADER_BALANCE_ELECTIONS_MAX = 1_000;

export interface LeaderBalanceOptions {
  /**
   * `leader.imbalance.per.broker.percentage`: a broker is imbalanced when more than this
   * percentage of the partitions it is the preferred replica of are not led by it.
   */
  readonly imbalancePercentage: number;
  /** Most elections one plan writes. */
  readonly electionsMax: number;
}

/** One broker over the imbalance threshold. */
export interface BrokerImbalance {
  readonly brokerId: number;
  /** Partitions whose preferred (first) replica it is. */
  readonly preferredOf: number;
  /** Of those, the ones it does not lead. */
  readonly notLeading: number;
  /** Of those, the ones this plan gives back to it. */
  readonly elected: number;
}

export interface LeaderBalancePlan {
  /** The preferred elections, as one batch; empty when nothing moves. */
  readonly records: MetadataRecord[];
  /** Every broker whose imbalance ratio exceeds the threshold, by id. */
  readonly imbalanced: readonly BrokerImbalance[];
  /** Whether elections that could run were left out because `electionsMax` was reached. */
  readonly more: boolean;
}

interface Placed {
  readonly topic: TopicImage;
  readonly index: number;
  readonly partition: PartitionImage;
}

/** The elections that balance leadership back to preferred replicas; see the top of this file. */
export function planLeaderBalance(image: MetadataImage, options: LeaderBalanceOptions): LeaderBalancePlan {
  const byPreferred = new Map<number, Placed[]>();
  for (const placed of allPartitions(image)) {
    const preferred = placed.partition.replicas[0];
    if (preferred === undefined) continue;
    const list = byPreferred.get(preferred);
    if (list === undefined) byPreferred.set(preferred, [placed]);
    else list.push(placed);
  }

  const records: MetadataRecord[] = [];
  const imbalanced: BrokerImbalance[] = [];
  let more = false;
  for (const brokerId of [...byPreferred.keys()].sort((a, b) => a - b)) {
    const owned = byPreferred.get(brokerId) as Placed[];
    const notLeading = owned.filter((p) => p.partition.leader !== brokerId);
    // ratio > percentage / 100, in integers.
    if (notLeading.length * 100 <= options.imbalancePercentage * owned.length) continue;
    let elected = 0;
    for (const { topic, index, partition } of notLeading) {
      const change = preferredLeaderChange(image, partition, `${topic.name}-${index}`);
      if ("code" in change) continue;
      if (records.length >= options.electionsMax) {
        more = true;
        break;
      }
      records.push(partitionChangeRecord(topic.id, index, change));
      elected++;
    }
    imbalanced.push({ brokerId, preferredOf: owned.length, notLeading: notLeading.length, elected });
  }
  return { records, imbalanced, more };
}
