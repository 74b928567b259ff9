// What a follower of the metadata log (a broker) needs: the image model and the
// watcher's side of the Watch stream.
export {
  applyWatchEvent,
  BROKER_CONFIGS,
  type BrokerImage,
  emptyImage,
  listConfigDefault,
  type MetadataImage,
  NO_LEADER,
  newWatcher,
  type PartitionImage,
  sameMembers,
  TOPIC_CONFIGS,
  type TopicImage,
  topicByName,
  topicKey,
  topicNameError,
  type WatcherState,
  watcherPosition,
} from "./controller/index.js";
export { NotLeaderError, RaftDriver } from "./raft/driver.js";
export {
  DEFAULT_VOTERS,
  type MetadataConfig,
  metadataConfigSchema,
  parseVoters,
  startMetadataVoter,
} from "./service.js";
export { MetadataStateMachine } from "./state-machine.js";
