/**
 * The partition-log admin APIs: DeleteRecords (21), DescribeLogDirs (35),
 * DescribeProducers (61) and DescribeTopicPartitions (75).
 */
import type { BrokerContext } from "../context.js";
import type { AnyHandler } from "../kafka/server.js";
import type { ReplicaManager } from "../replica-manager.js";
import { deleteRecordsHandler } from "./21-delete-records.js";
import { describeLogDirsHandler } from "./35-describe-log-dirs.js";
import { describeProducersHandler } from "./61-describe-producers.js";
import { describeTopicPartitionsHandler } from "./75-describe-topic-partitions.js";

export function logAdminHandlers(broker: BrokerContext, replicas: ReplicaManager): AnyHandler[] {
  return [
    deleteRecordsHandler(broker, replicas),
    describeLogDirsHandler(broker, replicas),
    describeProducersHandler(broker, replicas),
    describeTopicPartitionsHandler(broker),
  ];
}
