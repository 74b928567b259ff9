/**
 * The partition-log admin APIs: DeleteRecords (21), DescribeLogDirs (35),
 * DescribeProducers (61) and DescribeTopicPartitions (75). Registered here
 * once their semantic tests pass.
 */
import type { BrokerContext } from "../context.js";
import type { AnyHandler } from "../kafka/server.js";
import type { ReplicaManager } from "../replica-manager.js";

export function logAdminHandlers(_broker: BrokerContext, _replicas: ReplicaManager): AnyHandler[] {
  return [];
}
