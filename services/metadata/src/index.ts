export { NotLeaderError, RaftDriver } from "./raft/driver.js";
export {
  DEFAULT_VOTERS,
  type MetadataConfig,
  metadataConfigSchema,
  parseVoters,
  startMetadataVoter,
} from "./service.js";
export { MetadataStateMachine } from "./state-machine.js";
