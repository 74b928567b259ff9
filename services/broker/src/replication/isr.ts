/**
 * ISR changes from a partition leader (Kafka's AlterPartition, KIP-497):
 * a follower that has not caught up with the leader for longer than
 * `replica.lag.time.max.ms` leaves the ISR; a follower outside it that has
 * every record up to the high watermark rejoins it. The leader proposes the
 * new ISR to the controller with the leader epoch and partition epoch it
 * holds; the controller refuses a proposal from a stale leader
 * (FENCED_LEADER_EPOCH) or from an old ISR (INVALID_UPDATE_VERSION), in
 * which case the leader waits for the metadata image to bring it up to date.
 * One proposal per partition is in flight at a time; while it is, the high
 * watermark counts the old and proposed members both (Partition.maximalIsr).
 */
import { create } from "@bufbuild/protobuf";
import { ErrorCode } from "@runnel/kafka-protocol";
import { AlterPartitionItemSchema, type ControllerService, type LeaderClient } from "@runnel/rpc";
import type { Logger } from "@runnel/runtime";
import type { Partition } from "./partition.js";

export interface IsrChangeOptions {
  readonly nodeId: number;
  readonly controller: LeaderClient<typeof ControllerService>;
  /** This broker's epoch, once registered. */
  readonly brokerEpoch: () => bigint | null;
  readonly logger: Logger;
}

export class IsrChanges {
  constructor(private readonly o: IsrChangeOptions) {}

  /** Proposes `isr` for `partition` unless a proposal is already in flight. Resolves once answered. */
  async propose(partition: Partition, isr: readonly number[], reason: string): Promise<boolean> {
    const epoch = this.o.brokerEpoch();
    if (epoch === null || partition.pendingIsr !== null || partition.role !== "leader") return false;
    const leaderEpoch = partition.leaderEpoch;
    const partitionEpoch = partition.partitionEpoch;
    const before = partition.isr;
    partition.proposeIsr(isr);
    const where = { topic: partition.topic.name, partition: partition.index };
    try {
      const response = await this.o.controller.call((c, opts) =>
        c.alterPartition(
          {
            brokerId: this.o.nodeId,
            brokerEpoch: epoch,
            partitions: [
              create(AlterPartitionItemSchema, {
                topicId: partition.topic.id,
                partition: partition.index,
                leaderEpoch,
                partitionEpoch,
                newIsr: [...isr],
              }),
            ],
          },
          opts,
        ),
      );
      const result = response.partitions[0];
      if (
        response.errorCode !== ErrorCode.NONE ||
        result === undefined ||
        result.errorCode !== ErrorCode.NONE
      ) {
        this.o.logger.info(
          {
            ...where,
            isr: [...isr],
            errorCode: response.errorCode || result?.errorCode,
            error: response.errorMessage || result?.errorMessage,
          },
          "ISR change refused; waiting for the metadata image",
        );
        partition.completeIsrChange(null);
        return false;
      }
      partition.completeIsrChange({
        isr: result.isr,
        partitionEpoch: result.partitionEpoch,
        leaderEpoch: result.leaderEpoch,
      });
      this.o.logger.info(
        { ...where, from: [...before], to: [...result.isr], partitionEpoch: result.partitionEpoch, reason },
        "ISR changed",
      );
      return true;
    } catch (e) {
      partition.completeIsrChange(null);
      this.o.logger.warn({ ...where, error: String(e) }, "ISR change failed");
      return false;
    }
  }

  /** Shrinks the ISR of a leader partition by the followers lagging beyond `lagMaxMs`. */
  async shrinkIfLagging(partition: Partition, now: number, lagMaxMs: number): Promise<void> {
    const lagging = partition.laggingFollowers(now, lagMaxMs);
    if (lagging.length === 0) return;
    const isr = partition.isr.filter((id) => !lagging.includes(id));
    await this.propose(partition, isr, `not caught up for over ${lagMaxMs} ms: ${lagging.join(", ")}`);
  }

  /** Adds a caught-up follower back to the ISR. */
  async expand(partition: Partition, replicaId: number): Promise<void> {
    if (partition.isr.includes(replicaId)) return;
    await this.propose(partition, [...partition.isr, replicaId], `replica ${replicaId} caught up`);
  }
}
