/**
 * Classic consumer-group coordination (Kafka's JoinGroup/SyncGroup protocol)
 * and the `__consumer_offsets` record formats, as pure logic.
 *
 * Public surface:
 *   - `GroupCoordinator`: one per led `__consumer_offsets` partition. Request
 *     methods and `tick` return `Effects` (records to append first, then
 *     replies to send, then the next wake-up time); `load` rebuilds the state
 *     from the partition's records; `unload` resigns.
 *   - `partitionForGroup`: which `__consumer_offsets` partition coordinates a group.
 *   - The record encoders and decoders, for tools and for the broker shell.
 */

export {
  DEFAULT_GROUP_COORDINATOR_CONFIG,
  type Effects,
  GroupCoordinator,
  type GroupCoordinatorConfig,
  type GroupCoordinatorDeps,
  type GroupSnapshot,
  type LoadSummary,
  type Outcome,
  type Reply,
  type RequestContext,
} from "./coordinator.js";
export { type CommittedOffset, GROUP_STATES, type GroupState, type Ticket } from "./group.js";
export {
  decodeGroupMetadataValue,
  decodeOffsetCommitValue,
  decodeOffsetsKey,
  encodeGroupMetadataKey,
  encodeGroupMetadataValue,
  encodeOffsetCommitKey,
  encodeOffsetCommitValue,
  type GroupMetadataValue,
  javaStringHashCode,
  type MemberMetadataValue,
  OFFSETS_TOPIC_NAME,
  OFFSETS_TOPIC_PARTITIONS_DEFAULT,
  type OffsetCommitValue,
  type OffsetsRecord,
  OffsetsRecordError,
  type OffsetsRecordKey,
  partitionForGroup,
} from "./offsets-topic.js";
