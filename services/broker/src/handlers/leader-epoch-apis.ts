/**
 * OffsetForLeaderEpoch (23), answered from each partition log's leader-epoch
 * cache.
 */
import type { BrokerContext } from "../context.js";
import type { AnyHandler } from "../kafka/server.js";
import type { ReplicaManager } from "../replica-manager.js";
import { offsetForLeaderEpochHandler } from "./23-offset-for-leader-epoch.js";

export function leaderEpochHandlers(broker: BrokerContext, replicas: ReplicaManager): AnyHandler[] {
  return [offsetForLeaderEpochHandler(broker, replicas)];
}
