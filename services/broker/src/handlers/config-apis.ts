/**
 * The config APIs: DescribeConfigs (32), AlterConfigs (33) and
 * IncrementalAlterConfigs (44). Registered here once their semantic tests pass.
 */
import type { BrokerContext } from "../context.js";
import type { AnyHandler } from "../kafka/server.js";
import type { ReplicaManager } from "../replica-manager.js";

export function configHandlers(_broker: BrokerContext, _replicas: ReplicaManager): AnyHandler[] {
  return [];
}
