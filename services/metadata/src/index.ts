// What a follower of the metadata log (a broker) needs: the image model and the
// watcher's side of the Watch stream.
export {
  type AclImage,
  type ApiKeyImage,
  aclBindingOfImage,
  applyWatchEvent,
  BROKER_CONFIGS,
  type BrokerImage,
  emptyImage,
  type LogicalClusterImage,
  listConfigDefault,
  type MetadataImage,
  NO_LEADER,
  newWatcher,
  type PartitionImage,
  type ScramCredentialImage,
  sameMembers,
  scramLoginName,
  TOPIC_CONFIGS,
  type TopicImage,
  topicById,
  topicByName,
  topicKey,
  topicNameError,
  type WatcherState,
  watcherPosition,
} from "./controller/index.js";
export { ImageWatch, type ImageWatchOptions, voterAddresses } from "./image-watch.js";
export { NotLeaderError, RaftDriver } from "./raft/driver.js";
export {
  DEFAULT_VOTERS,
  type MetadataConfig,
  metadataConfigSchema,
  parseVoters,
  startMetadataVoter,
} from "./service.js";
export { MetadataStateMachine } from "./state-machine.js";
