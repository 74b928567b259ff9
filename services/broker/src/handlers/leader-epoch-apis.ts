/**
 * OffsetForLeaderEpoch (23), answered from each partition log's leader-epoch
 * cache. Registered here once its semantic tests pass.
 */
import type { BrokerContext } from "../context.js";
import type { AnyHandler } from "../kafka/server.js";
import type { ReplicaManager } from "../replica-manager.js";

export function leaderEpochHandlers(_broker: BrokerContext, _replicas: ReplicaManager): AnyHandler[] {
  return [];
}
