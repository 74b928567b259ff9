/**
 * The config APIs: DescribeConfigs (32), AlterConfigs (33) and
 * IncrementalAlterConfigs (44), for TOPIC and BROKER resources.
 */
import type { BrokerContext, BrokerSettings } from "../context.js";
import type { AnyHandler } from "../kafka/server.js";
import type { ReplicaManager } from "../replica-manager.js";
import { describeConfigsHandler } from "./32-describe-configs.js";
import { alterConfigsHandler } from "./33-alter-configs.js";
import { incrementalAlterConfigsHandler } from "./44-incremental-alter-configs.js";

export function configHandlers(broker: BrokerContext, replicas: ReplicaManager): AnyHandler[] {
  const staticConfigs = new Map([...startupConfigs(broker.settings), ["log.dirs", replicas.logDir]]);
  return [
    describeConfigsHandler(broker, staticConfigs),
    alterConfigsHandler(broker),
    incrementalAlterConfigsHandler(broker),
  ];
}

/** The broker's start-up settings under their Kafka names; the few every context carries when it gives no full list. */
function startupConfigs(s: BrokerSettings): ReadonlyMap<string, string> {
  return (
    s.staticConfigs ??
    new Map([
      ["node.id", String(s.nodeId)],
      ["broker.id", String(s.nodeId)],
      ["auto.create.topics.enable", String(s.autoCreateTopics)],
      ["num.partitions", String(s.defaultPartitions)],
      ["default.replication.factor", String(s.defaultReplicationFactor)],
    ])
  );
}
