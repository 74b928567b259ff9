/**
 * The controller: the pure state machine on top of the metadata log. The service shell feeds
 * it requests, committed batches and the time, and carries out what it returns (proposing
 * records through Raft, answering calls once they commit, streaming to watchers).
 *
 * - image.ts: the metadata image (the store) and queries over it;
 * - backend.ts: `apply`, committed batches into the image;
 * - *-frontend.ts: requests into records and responses;
 * - leases.ts: fencing brokers whose lease lapsed;
 * - leader-balance.ts: moving leadership back to preferred replicas (auto leader rebalance);
 * - placement.ts, partition-change.ts: the planners (replica placement; leader and ISR rules);
 * - snapshot.ts: the image as records and bytes;
 * - watch.ts: what a watcher is sent, and a watcher's side of the stream.
 */
export { apply, applyRecords } from "./backend.js";
export {
  allocateProducerIds,
  brokerHeartbeat,
  ENDPOINTS_MAX,
  fenceBrokerRecords,
  type RegistrationContext,
  registerBroker,
  unregisterBroker,
} from "./brokers-frontend.js";
export {
  BROKER_CONFIGS,
  CONFIG_VALUE_CHARS_MAX,
  checkConfig,
  listConfigDefault,
  TOPIC_CONFIGS,
} from "./configs.js";
export { alterConfigs } from "./configs-frontend.js";
export {
  type ControllerError,
  controllerError,
  type ErrorCodeName,
  InvariantError,
  type Result,
  statusCodeOf,
} from "./errors.js";
export {
  type ControllerOptions,
  DEFAULT_CONTROLLER_OPTIONS,
  type Outcome,
  type RandomBytes,
} from "./frontend.js";
export * from "./image.js";
export {
  type BrokerImbalance,
  LEADER_BALANCE_ELECTIONS_MAX,
  type LeaderBalanceOptions,
  type LeaderBalancePlan,
  planLeaderBalance,
} from "./leader-balance.js";
export {
  expireLeases,
  type HeartbeatTimes,
  initialLeases,
  isLeaseAlive,
  type LeaseExpiry,
} from "./leases.js";
export { sameMembers } from "./partition-change.js";
export { alterPartition, electLeaders } from "./partitions-frontend.js";
export { checkAssignments, eligibleBrokers, type PlacementRequest, placeReplicas } from "./placement.js";
export {
  decodeDelimited,
  decodeImage,
  encodeDelimited,
  encodeImage,
  imageFromRecords,
  imageToJson,
  imageToRecords,
} from "./snapshot.js";
export {
  aclBindingOfImage,
  alterScramCredentials,
  alterTenantQuotas,
  cellLoads,
  chooseCell,
  createAcls,
  createApiKey,
  createLogicalCluster,
  deleteAcls,
  deleteApiKey,
  deleteLogicalCluster,
} from "./tenants-frontend.js";
export {
  createPartitions,
  createTopics,
  deleteTopics,
  resolveTopicRef,
  TOPIC_NAME_CHARS_MAX,
  type TopicContext,
  topicNameError,
} from "./topics-frontend.js";
export {
  applyWatchEvent,
  type CommittedBatch,
  deltaEvent,
  newWatcher,
  planWatch,
  SNAPSHOT_CHUNK_BYTES_MAX,
  snapshotEvents,
  type WatcherState,
  type WatchPlan,
  watcherPosition,
} from "./watch.js";
