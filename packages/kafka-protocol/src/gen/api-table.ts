// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

import type { ApiDefinition } from "../codec/api.js";
import { type ProduceRequest, type ProduceResponse, defaultProduceRequest, defaultProduceResponse, readProduceRequest, readProduceResponse, writeProduceRequest, writeProduceResponse } from "./apis/00-produce.js";
import { type FetchRequest, type FetchResponse, defaultFetchRequest, defaultFetchResponse, readFetchRequest, readFetchResponse, writeFetchRequest, writeFetchResponse } from "./apis/01-fetch.js";
import { type ListOffsetsRequest, type ListOffsetsResponse, defaultListOffsetsRequest, defaultListOffsetsResponse, readListOffsetsRequest, readListOffsetsResponse, writeListOffsetsRequest, writeListOffsetsResponse } from "./apis/02-list-offsets.js";
import { type MetadataRequest, type MetadataResponse, defaultMetadataRequest, defaultMetadataResponse, readMetadataRequest, readMetadataResponse, writeMetadataRequest, writeMetadataResponse } from "./apis/03-metadata.js";
import { type LeaderAndIsrRequest, type LeaderAndIsrResponse, defaultLeaderAndIsrRequest, defaultLeaderAndIsrResponse, readLeaderAndIsrRequest, readLeaderAndIsrResponse, writeLeaderAndIsrRequest, writeLeaderAndIsrResponse } from "./apis/04-leader-and-isr.js";
import { type StopReplicaRequest, type StopReplicaResponse, defaultStopReplicaRequest, defaultStopReplicaResponse, readStopReplicaRequest, readStopReplicaResponse, writeStopReplicaRequest, writeStopReplicaResponse } from "./apis/05-stop-replica.js";
import { type UpdateMetadataRequest, type UpdateMetadataResponse, defaultUpdateMetadataRequest, defaultUpdateMetadataResponse, readUpdateMetadataRequest, readUpdateMetadataResponse, writeUpdateMetadataRequest, writeUpdateMetadataResponse } from "./apis/06-update-metadata.js";
import { type ControlledShutdownRequest, type ControlledShutdownResponse, defaultControlledShutdownRequest, defaultControlledShutdownResponse, readControlledShutdownRequest, readControlledShutdownResponse, writeControlledShutdownRequest, writeControlledShutdownResponse } from "./apis/07-controlled-shutdown.js";
import { type OffsetCommitRequest, type OffsetCommitResponse, defaultOffsetCommitRequest, defaultOffsetCommitResponse, readOffsetCommitRequest, readOffsetCommitResponse, writeOffsetCommitRequest, writeOffsetCommitResponse } from "./apis/08-offset-commit.js";
import { type OffsetFetchRequest, type OffsetFetchResponse, defaultOffsetFetchRequest, defaultOffsetFetchResponse, readOffsetFetchRequest, readOffsetFetchResponse, writeOffsetFetchRequest, writeOffsetFetchResponse } from "./apis/09-offset-fetch.js";
import { type FindCoordinatorRequest, type FindCoordinatorResponse, defaultFindCoordinatorRequest, defaultFindCoordinatorResponse, readFindCoordinatorRequest, readFindCoordinatorResponse, writeFindCoordinatorRequest, writeFindCoordinatorResponse } from "./apis/10-find-coordinator.js";
import { type JoinGroupRequest, type JoinGroupResponse, defaultJoinGroupRequest, defaultJoinGroupResponse, readJoinGroupRequest, readJoinGroupResponse, writeJoinGroupRequest, writeJoinGroupResponse } from "./apis/11-join-group.js";
import { type HeartbeatRequest, type HeartbeatResponse, defaultHeartbeatRequest, defaultHeartbeatResponse, readHeartbeatRequest, readHeartbeatResponse, writeHeartbeatRequest, writeHeartbeatResponse } from "./apis/12-heartbeat.js";
import { type LeaveGroupRequest, type LeaveGroupResponse, defaultLeaveGroupRequest, defaultLeaveGroupResponse, readLeaveGroupRequest, readLeaveGroupResponse, writeLeaveGroupRequest, writeLeaveGroupResponse } from "./apis/13-leave-group.js";
import { type SyncGroupRequest, type SyncGroupResponse, defaultSyncGroupRequest, defaultSyncGroupResponse, readSyncGroupRequest, readSyncGroupResponse, writeSyncGroupRequest, writeSyncGroupResponse } from "./apis/14-sync-group.js";
import { type DescribeGroupsRequest, type DescribeGroupsResponse, defaultDescribeGroupsRequest, defaultDescribeGroupsResponse, readDescribeGroupsRequest, readDescribeGroupsResponse, writeDescribeGroupsRequest, writeDescribeGroupsResponse } from "./apis/15-describe-groups.js";
import { type ListGroupsRequest, type ListGroupsResponse, defaultListGroupsRequest, defaultListGroupsResponse, readListGroupsRequest, readListGroupsResponse, writeListGroupsRequest, writeListGroupsResponse } from "./apis/16-list-groups.js";
import { type SaslHandshakeRequest, type SaslHandshakeResponse, defaultSaslHandshakeRequest, defaultSaslHandshakeResponse, readSaslHandshakeRequest, readSaslHandshakeResponse, writeSaslHandshakeRequest, writeSaslHandshakeResponse } from "./apis/17-sasl-handshake.js";
import { type ApiVersionsRequest, type ApiVersionsResponse, defaultApiVersionsRequest, defaultApiVersionsResponse, readApiVersionsRequest, readApiVersionsResponse, writeApiVersionsRequest, writeApiVersionsResponse } from "./apis/18-api-versions.js";
import { type CreateTopicsRequest, type CreateTopicsResponse, defaultCreateTopicsRequest, defaultCreateTopicsResponse, readCreateTopicsRequest, readCreateTopicsResponse, writeCreateTopicsRequest, writeCreateTopicsResponse } from "./apis/19-create-topics.js";
import { type DeleteTopicsRequest, type DeleteTopicsResponse, defaultDeleteTopicsRequest, defaultDeleteTopicsResponse, readDeleteTopicsRequest, readDeleteTopicsResponse, writeDeleteTopicsRequest, writeDeleteTopicsResponse } from "./apis/20-delete-topics.js";
import { type DeleteRecordsRequest, type DeleteRecordsResponse, defaultDeleteRecordsRequest, defaultDeleteRecordsResponse, readDeleteRecordsRequest, readDeleteRecordsResponse, writeDeleteRecordsRequest, writeDeleteRecordsResponse } from "./apis/21-delete-records.js";
import { type InitProducerIdRequest, type InitProducerIdResponse, defaultInitProducerIdRequest, defaultInitProducerIdResponse, readInitProducerIdRequest, readInitProducerIdResponse, writeInitProducerIdRequest, writeInitProducerIdResponse } from "./apis/22-init-producer-id.js";
import { type OffsetForLeaderEpochRequest, type OffsetForLeaderEpochResponse, defaultOffsetForLeaderEpochRequest, defaultOffsetForLeaderEpochResponse, readOffsetForLeaderEpochRequest, readOffsetForLeaderEpochResponse, writeOffsetForLeaderEpochRequest, writeOffsetForLeaderEpochResponse } from "./apis/23-offset-for-leader-epoch.js";
import { type AddPartitionsToTxnRequest, type AddPartitionsToTxnResponse, defaultAddPartitionsToTxnRequest, defaultAddPartitionsToTxnResponse, readAddPartitionsToTxnRequest, readAddPartitionsToTxnResponse, writeAddPartitionsToTxnRequest, writeAddPartitionsToTxnResponse } from "./apis/24-add-partitions-to-txn.js";
import { type AddOffsetsToTxnRequest, type AddOffsetsToTxnResponse, defaultAddOffsetsToTxnRequest, defaultAddOffsetsToTxnResponse, readAddOffsetsToTxnRequest, readAddOffsetsToTxnResponse, writeAddOffsetsToTxnRequest, writeAddOffsetsToTxnResponse } from "./apis/25-add-offsets-to-txn.js";
import { type EndTxnRequest, type EndTxnResponse, defaultEndTxnRequest, defaultEndTxnResponse, readEndTxnRequest, readEndTxnResponse, writeEndTxnRequest, writeEndTxnResponse } from "./apis/26-end-txn.js";
import { type WriteTxnMarkersRequest, type WriteTxnMarkersResponse, defaultWriteTxnMarkersRequest, defaultWriteTxnMarkersResponse, readWriteTxnMarkersRequest, readWriteTxnMarkersResponse, writeWriteTxnMarkersRequest, writeWriteTxnMarkersResponse } from "./apis/27-write-txn-markers.js";
import { type TxnOffsetCommitRequest, type TxnOffsetCommitResponse, defaultTxnOffsetCommitRequest, defaultTxnOffsetCommitResponse, readTxnOffsetCommitRequest, readTxnOffsetCommitResponse, writeTxnOffsetCommitRequest, writeTxnOffsetCommitResponse } from "./apis/28-txn-offset-commit.js";
import { type DescribeAclsRequest, type DescribeAclsResponse, defaultDescribeAclsRequest, defaultDescribeAclsResponse, readDescribeAclsRequest, readDescribeAclsResponse, writeDescribeAclsRequest, writeDescribeAclsResponse } from "./apis/29-describe-acls.js";
import { type CreateAclsRequest, type CreateAclsResponse, defaultCreateAclsRequest, defaultCreateAclsResponse, readCreateAclsRequest, readCreateAclsResponse, writeCreateAclsRequest, writeCreateAclsResponse } from "./apis/30-create-acls.js";
import { type DeleteAclsRequest, type DeleteAclsResponse, defaultDeleteAclsRequest, defaultDeleteAclsResponse, readDeleteAclsRequest, readDeleteAclsResponse, writeDeleteAclsRequest, writeDeleteAclsResponse } from "./apis/31-delete-acls.js";
import { type DescribeConfigsRequest, type DescribeConfigsResponse, defaultDescribeConfigsRequest, defaultDescribeConfigsResponse, readDescribeConfigsRequest, readDescribeConfigsResponse, writeDescribeConfigsRequest, writeDescribeConfigsResponse } from "./apis/32-describe-configs.js";
import { type AlterConfigsRequest, type AlterConfigsResponse, defaultAlterConfigsRequest, defaultAlterConfigsResponse, readAlterConfigsRequest, readAlterConfigsResponse, writeAlterConfigsRequest, writeAlterConfigsResponse } from "./apis/33-alter-configs.js";
import { type AlterReplicaLogDirsRequest, type AlterReplicaLogDirsResponse, defaultAlterReplicaLogDirsRequest, defaultAlterReplicaLogDirsResponse, readAlterReplicaLogDirsRequest, readAlterReplicaLogDirsResponse, writeAlterReplicaLogDirsRequest, writeAlterReplicaLogDirsResponse } from "./apis/34-alter-replica-log-dirs.js";
import { type DescribeLogDirsRequest, type DescribeLogDirsResponse, defaultDescribeLogDirsRequest, defaultDescribeLogDirsResponse, readDescribeLogDirsRequest, readDescribeLogDirsResponse, writeDescribeLogDirsRequest, writeDescribeLogDirsResponse } from "./apis/35-describe-log-dirs.js";
import { type SaslAuthenticateRequest, type SaslAuthenticateResponse, defaultSaslAuthenticateRequest, defaultSaslAuthenticateResponse, readSaslAuthenticateRequest, readSaslAuthenticateResponse, writeSaslAuthenticateRequest, writeSaslAuthenticateResponse } from "./apis/36-sasl-authenticate.js";
import { type CreatePartitionsRequest, type CreatePartitionsResponse, defaultCreatePartitionsRequest, defaultCreatePartitionsResponse, readCreatePartitionsRequest, readCreatePartitionsResponse, writeCreatePartitionsRequest, writeCreatePartitionsResponse } from "./apis/37-create-partitions.js";
import { type CreateDelegationTokenRequest, type CreateDelegationTokenResponse, defaultCreateDelegationTokenRequest, defaultCreateDelegationTokenResponse, readCreateDelegationTokenRequest, readCreateDelegationTokenResponse, writeCreateDelegationTokenRequest, writeCreateDelegationTokenResponse } from "./apis/38-create-delegation-token.js";
import { type RenewDelegationTokenRequest, type RenewDelegationTokenResponse, defaultRenewDelegationTokenRequest, defaultRenewDelegationTokenResponse, readRenewDelegationTokenRequest, readRenewDelegationTokenResponse, writeRenewDelegationTokenRequest, writeRenewDelegationTokenResponse } from "./apis/39-renew-delegation-token.js";
import { type ExpireDelegationTokenRequest, type ExpireDelegationTokenResponse, defaultExpireDelegationTokenRequest, defaultExpireDelegationTokenResponse, readExpireDelegationTokenRequest, readExpireDelegationTokenResponse, writeExpireDelegationTokenRequest, writeExpireDelegationTokenResponse } from "./apis/40-expire-delegation-token.js";
import { type DescribeDelegationTokenRequest, type DescribeDelegationTokenResponse, defaultDescribeDelegationTokenRequest, defaultDescribeDelegationTokenResponse, readDescribeDelegationTokenRequest, readDescribeDelegationTokenResponse, writeDescribeDelegationTokenRequest, writeDescribeDelegationTokenResponse } from "./apis/41-describe-delegation-token.js";
import { type DeleteGroupsRequest, type DeleteGroupsResponse, defaultDeleteGroupsRequest, defaultDeleteGroupsResponse, readDeleteGroupsRequest, readDeleteGroupsResponse, writeDeleteGroupsRequest, writeDeleteGroupsResponse } from "./apis/42-delete-groups.js";
import { type ElectLeadersRequest, type ElectLeadersResponse, defaultElectLeadersRequest, defaultElectLeadersResponse, readElectLeadersRequest, readElectLeadersResponse, writeElectLeadersRequest, writeElectLeadersResponse } from "./apis/43-elect-leaders.js";
import { type IncrementalAlterConfigsRequest, type IncrementalAlterConfigsResponse, defaultIncrementalAlterConfigsRequest, defaultIncrementalAlterConfigsResponse, readIncrementalAlterConfigsRequest, readIncrementalAlterConfigsResponse, writeIncrementalAlterConfigsRequest, writeIncrementalAlterConfigsResponse } from "./apis/44-incremental-alter-configs.js";
import { type AlterPartitionReassignmentsRequest, type AlterPartitionReassignmentsResponse, defaultAlterPartitionReassignmentsRequest, defaultAlterPartitionReassignmentsResponse, readAlterPartitionReassignmentsRequest, readAlterPartitionReassignmentsResponse, writeAlterPartitionReassignmentsRequest, writeAlterPartitionReassignmentsResponse } from "./apis/45-alter-partition-reassignments.js";
import { type ListPartitionReassignmentsRequest, type ListPartitionReassignmentsResponse, defaultListPartitionReassignmentsRequest, defaultListPartitionReassignmentsResponse, readListPartitionReassignmentsRequest, readListPartitionReassignmentsResponse, writeListPartitionReassignmentsRequest, writeListPartitionReassignmentsResponse } from "./apis/46-list-partition-reassignments.js";
import { type OffsetDeleteRequest, type OffsetDeleteResponse, defaultOffsetDeleteRequest, defaultOffsetDeleteResponse, readOffsetDeleteRequest, readOffsetDeleteResponse, writeOffsetDeleteRequest, writeOffsetDeleteResponse } from "./apis/47-offset-delete.js";
import { type DescribeClientQuotasRequest, type DescribeClientQuotasResponse, defaultDescribeClientQuotasRequest, defaultDescribeClientQuotasResponse, readDescribeClientQuotasRequest, readDescribeClientQuotasResponse, writeDescribeClientQuotasRequest, writeDescribeClientQuotasResponse } from "./apis/48-describe-client-quotas.js";
import { type AlterClientQuotasRequest, type AlterClientQuotasResponse, defaultAlterClientQuotasRequest, defaultAlterClientQuotasResponse, readAlterClientQuotasRequest, readAlterClientQuotasResponse, writeAlterClientQuotasRequest, writeAlterClientQuotasResponse } from "./apis/49-alter-client-quotas.js";
import { type DescribeUserScramCredentialsRequest, type DescribeUserScramCredentialsResponse, defaultDescribeUserScramCredentialsRequest, defaultDescribeUserScramCredentialsResponse, readDescribeUserScramCredentialsRequest, readDescribeUserScramCredentialsResponse, writeDescribeUserScramCredentialsRequest, writeDescribeUserScramCredentialsResponse } from "./apis/50-describe-user-scram-credentials.js";
import { type AlterUserScramCredentialsRequest, type AlterUserScramCredentialsResponse, defaultAlterUserScramCredentialsRequest, defaultAlterUserScramCredentialsResponse, readAlterUserScramCredentialsRequest, readAlterUserScramCredentialsResponse, writeAlterUserScramCredentialsRequest, writeAlterUserScramCredentialsResponse } from "./apis/51-alter-user-scram-credentials.js";
import { type VoteRequest, type VoteResponse, defaultVoteRequest, defaultVoteResponse, readVoteRequest, readVoteResponse, writeVoteRequest, writeVoteResponse } from "./apis/52-vote.js";
import { type BeginQuorumEpochRequest, type BeginQuorumEpochResponse, defaultBeginQuorumEpochRequest, defaultBeginQuorumEpochResponse, readBeginQuorumEpochRequest, readBeginQuorumEpochResponse, writeBeginQuorumEpochRequest, writeBeginQuorumEpochResponse } from "./apis/53-begin-quorum-epoch.js";
import { type EndQuorumEpochRequest, type EndQuorumEpochResponse, defaultEndQuorumEpochRequest, defaultEndQuorumEpochResponse, readEndQuorumEpochRequest, readEndQuorumEpochResponse, writeEndQuorumEpochRequest, writeEndQuorumEpochResponse } from "./apis/54-end-quorum-epoch.js";
import { type DescribeQuorumRequest, type DescribeQuorumResponse, defaultDescribeQuorumRequest, defaultDescribeQuorumResponse, readDescribeQuorumRequest, readDescribeQuorumResponse, writeDescribeQuorumRequest, writeDescribeQuorumResponse } from "./apis/55-describe-quorum.js";
import { type AlterPartitionRequest, type AlterPartitionResponse, defaultAlterPartitionRequest, defaultAlterPartitionResponse, readAlterPartitionRequest, readAlterPartitionResponse, writeAlterPartitionRequest, writeAlterPartitionResponse } from "./apis/56-alter-partition.js";
import { type UpdateFeaturesRequest, type UpdateFeaturesResponse, defaultUpdateFeaturesRequest, defaultUpdateFeaturesResponse, readUpdateFeaturesRequest, readUpdateFeaturesResponse, writeUpdateFeaturesRequest, writeUpdateFeaturesResponse } from "./apis/57-update-features.js";
import { type EnvelopeRequest, type EnvelopeResponse, defaultEnvelopeRequest, defaultEnvelopeResponse, readEnvelopeRequest, readEnvelopeResponse, writeEnvelopeRequest, writeEnvelopeResponse } from "./apis/58-envelope.js";
import { type FetchSnapshotRequest, type FetchSnapshotResponse, defaultFetchSnapshotRequest, defaultFetchSnapshotResponse, readFetchSnapshotRequest, readFetchSnapshotResponse, writeFetchSnapshotRequest, writeFetchSnapshotResponse } from "./apis/59-fetch-snapshot.js";
import { type DescribeClusterRequest, type DescribeClusterResponse, defaultDescribeClusterRequest, defaultDescribeClusterResponse, readDescribeClusterRequest, readDescribeClusterResponse, writeDescribeClusterRequest, writeDescribeClusterResponse } from "./apis/60-describe-cluster.js";
import { type DescribeProducersRequest, type DescribeProducersResponse, defaultDescribeProducersRequest, defaultDescribeProducersResponse, readDescribeProducersRequest, readDescribeProducersResponse, writeDescribeProducersRequest, writeDescribeProducersResponse } from "./apis/61-describe-producers.js";
import { type BrokerRegistrationRequest, type BrokerRegistrationResponse, defaultBrokerRegistrationRequest, defaultBrokerRegistrationResponse, readBrokerRegistrationRequest, readBrokerRegistrationResponse, writeBrokerRegistrationRequest, writeBrokerRegistrationResponse } from "./apis/62-broker-registration.js";
import { type BrokerHeartbeatRequest, type BrokerHeartbeatResponse, defaultBrokerHeartbeatRequest, defaultBrokerHeartbeatResponse, readBrokerHeartbeatRequest, readBrokerHeartbeatResponse, writeBrokerHeartbeatRequest, writeBrokerHeartbeatResponse } from "./apis/63-broker-heartbeat.js";
import { type UnregisterBrokerRequest, type UnregisterBrokerResponse, defaultUnregisterBrokerRequest, defaultUnregisterBrokerResponse, readUnregisterBrokerRequest, readUnregisterBrokerResponse, writeUnregisterBrokerRequest, writeUnregisterBrokerResponse } from "./apis/64-unregister-broker.js";
import { type DescribeTransactionsRequest, type DescribeTransactionsResponse, defaultDescribeTransactionsRequest, defaultDescribeTransactionsResponse, readDescribeTransactionsRequest, readDescribeTransactionsResponse, writeDescribeTransactionsRequest, writeDescribeTransactionsResponse } from "./apis/65-describe-transactions.js";
import { type ListTransactionsRequest, type ListTransactionsResponse, defaultListTransactionsRequest, defaultListTransactionsResponse, readListTransactionsRequest, readListTransactionsResponse, writeListTransactionsRequest, writeListTransactionsResponse } from "./apis/66-list-transactions.js";
import { type AllocateProducerIdsRequest, type AllocateProducerIdsResponse, defaultAllocateProducerIdsRequest, defaultAllocateProducerIdsResponse, readAllocateProducerIdsRequest, readAllocateProducerIdsResponse, writeAllocateProducerIdsRequest, writeAllocateProducerIdsResponse } from "./apis/67-allocate-producer-ids.js";
import { type ConsumerGroupHeartbeatRequest, type ConsumerGroupHeartbeatResponse, defaultConsumerGroupHeartbeatRequest, defaultConsumerGroupHeartbeatResponse, readConsumerGroupHeartbeatRequest, readConsumerGroupHeartbeatResponse, writeConsumerGroupHeartbeatRequest, writeConsumerGroupHeartbeatResponse } from "./apis/68-consumer-group-heartbeat.js";
import { type ConsumerGroupDescribeRequest, type ConsumerGroupDescribeResponse, defaultConsumerGroupDescribeRequest, defaultConsumerGroupDescribeResponse, readConsumerGroupDescribeRequest, readConsumerGroupDescribeResponse, writeConsumerGroupDescribeRequest, writeConsumerGroupDescribeResponse } from "./apis/69-consumer-group-describe.js";
import { type ControllerRegistrationRequest, type ControllerRegistrationResponse, defaultControllerRegistrationRequest, defaultControllerRegistrationResponse, readControllerRegistrationRequest, readControllerRegistrationResponse, writeControllerRegistrationRequest, writeControllerRegistrationResponse } from "./apis/70-controller-registration.js";
import { type GetTelemetrySubscriptionsRequest, type GetTelemetrySubscriptionsResponse, defaultGetTelemetrySubscriptionsRequest, defaultGetTelemetrySubscriptionsResponse, readGetTelemetrySubscriptionsRequest, readGetTelemetrySubscriptionsResponse, writeGetTelemetrySubscriptionsRequest, writeGetTelemetrySubscriptionsResponse } from "./apis/71-get-telemetry-subscriptions.js";
import { type PushTelemetryRequest, type PushTelemetryResponse, defaultPushTelemetryRequest, defaultPushTelemetryResponse, readPushTelemetryRequest, readPushTelemetryResponse, writePushTelemetryRequest, writePushTelemetryResponse } from "./apis/72-push-telemetry.js";
import { type AssignReplicasToDirsRequest, type AssignReplicasToDirsResponse, defaultAssignReplicasToDirsRequest, defaultAssignReplicasToDirsResponse, readAssignReplicasToDirsRequest, readAssignReplicasToDirsResponse, writeAssignReplicasToDirsRequest, writeAssignReplicasToDirsResponse } from "./apis/73-assign-replicas-to-dirs.js";
import { type ListClientMetricsResourcesRequest, type ListClientMetricsResourcesResponse, defaultListClientMetricsResourcesRequest, defaultListClientMetricsResourcesResponse, readListClientMetricsResourcesRequest, readListClientMetricsResourcesResponse, writeListClientMetricsResourcesRequest, writeListClientMetricsResourcesResponse } from "./apis/74-list-client-metrics-resources.js";
import { type DescribeTopicPartitionsRequest, type DescribeTopicPartitionsResponse, defaultDescribeTopicPartitionsRequest, defaultDescribeTopicPartitionsResponse, readDescribeTopicPartitionsRequest, readDescribeTopicPartitionsResponse, writeDescribeTopicPartitionsRequest, writeDescribeTopicPartitionsResponse } from "./apis/75-describe-topic-partitions.js";
import { type AddRaftVoterRequest, type AddRaftVoterResponse, defaultAddRaftVoterRequest, defaultAddRaftVoterResponse, readAddRaftVoterRequest, readAddRaftVoterResponse, writeAddRaftVoterRequest, writeAddRaftVoterResponse } from "./apis/80-add-raft-voter.js";
import { type RemoveRaftVoterRequest, type RemoveRaftVoterResponse, defaultRemoveRaftVoterRequest, defaultRemoveRaftVoterResponse, readRemoveRaftVoterRequest, readRemoveRaftVoterResponse, writeRemoveRaftVoterRequest, writeRemoveRaftVoterResponse } from "./apis/81-remove-raft-voter.js";
import { type UpdateRaftVoterRequest, type UpdateRaftVoterResponse, defaultUpdateRaftVoterRequest, defaultUpdateRaftVoterResponse, readUpdateRaftVoterRequest, readUpdateRaftVoterResponse, writeUpdateRaftVoterRequest, writeUpdateRaftVoterResponse } from "./apis/82-update-raft-voter.js";

/** Every API key in the specs, by name. */
export const ApiKeys = {
  Produce: 0,
  Fetch: 1,
  ListOffsets: 2,
  Metadata: 3,
  LeaderAndIsr: 4,
  StopReplica: 5,
  UpdateMetadata: 6,
  ControlledShutdown: 7,
  OffsetCommit: 8,
  OffsetFetch: 9,
  FindCoordinator: 10,
  JoinGroup: 11,
  Heartbeat: 12,
  LeaveGroup: 13,
  SyncGroup: 14,
  DescribeGroups: 15,
  ListGroups: 16,
  SaslHandshake: 17,
  ApiVersions: 18,
  CreateTopics: 19,
  DeleteTopics: 20,
  DeleteRecords: 21,
  InitProducerId: 22,
  OffsetForLeaderEpoch: 23,
  AddPartitionsToTxn: 24,
  AddOffsetsToTxn: 25,
  EndTxn: 26,
  WriteTxnMarkers: 27,
  TxnOffsetCommit: 28,
  DescribeAcls: 29,
  CreateAcls: 30,
  DeleteAcls: 31,
  DescribeConfigs: 32,
  AlterConfigs: 33,
  AlterReplicaLogDirs: 34,
  DescribeLogDirs: 35,
  SaslAuthenticate: 36,
  CreatePartitions: 37,
  CreateDelegationToken: 38,
  RenewDelegationToken: 39,
  ExpireDelegationToken: 40,
  DescribeDelegationToken: 41,
  DeleteGroups: 42,
  ElectLeaders: 43,
  IncrementalAlterConfigs: 44,
  AlterPartitionReassignments: 45,
  ListPartitionReassignments: 46,
  OffsetDelete: 47,
  DescribeClientQuotas: 48,
  AlterClientQuotas: 49,
  DescribeUserScramCredentials: 50,
  AlterUserScramCredentials: 51,
  Vote: 52,
  BeginQuorumEpoch: 53,
  EndQuorumEpoch: 54,
  DescribeQuorum: 55,
  AlterPartition: 56,
  UpdateFeatures: 57,
  Envelope: 58,
  FetchSnapshot: 59,
  DescribeCluster: 60,
  DescribeProducers: 61,
  BrokerRegistration: 62,
  BrokerHeartbeat: 63,
  UnregisterBroker: 64,
  DescribeTransactions: 65,
  ListTransactions: 66,
  AllocateProducerIds: 67,
  ConsumerGroupHeartbeat: 68,
  ConsumerGroupDescribe: 69,
  ControllerRegistration: 70,
  GetTelemetrySubscriptions: 71,
  PushTelemetry: 72,
  AssignReplicasToDirs: 73,
  ListClientMetricsResources: 74,
  DescribeTopicPartitions: 75,
  ShareGroupHeartbeat: 76,
  ShareGroupDescribe: 77,
  ShareFetch: 78,
  ShareAcknowledge: 79,
  AddRaftVoter: 80,
  RemoveRaftVoter: 81,
  UpdateRaftVoter: 82,
  InitializeShareGroupState: 83,
  ReadShareGroupState: 84,
  WriteShareGroupState: 85,
  DeleteShareGroupState: 86,
  ReadShareGroupStateSummary: 87,
} as const;

/** The request body type of each API key with stable versions. */
export interface ApiRequests {
  0: ProduceRequest;
  1: FetchRequest;
  2: ListOffsetsRequest;
  3: MetadataRequest;
  4: LeaderAndIsrRequest;
  5: StopReplicaRequest;
  6: UpdateMetadataRequest;
  7: ControlledShutdownRequest;
  8: OffsetCommitRequest;
  9: OffsetFetchRequest;
  10: FindCoordinatorRequest;
  11: JoinGroupRequest;
  12: HeartbeatRequest;
  13: LeaveGroupRequest;
  14: SyncGroupRequest;
  15: DescribeGroupsRequest;
  16: ListGroupsRequest;
  17: SaslHandshakeRequest;
  18: ApiVersionsRequest;
  19: CreateTopicsRequest;
  20: DeleteTopicsRequest;
  21: DeleteRecordsRequest;
  22: InitProducerIdRequest;
  23: OffsetForLeaderEpochRequest;
  24: AddPartitionsToTxnRequest;
  25: AddOffsetsToTxnRequest;
  26: EndTxnRequest;
  27: WriteTxnMarkersRequest;
  28: TxnOffsetCommitRequest;
  29: DescribeAclsRequest;
  30: CreateAclsRequest;
  31: DeleteAclsRequest;
  32: DescribeConfigsRequest;
  33: AlterConfigsRequest;
  34: AlterReplicaLogDirsRequest;
  35: DescribeLogDirsRequest;
  36: SaslAuthenticateRequest;
  37: CreatePartitionsRequest;
  38: CreateDelegationTokenRequest;
  39: RenewDelegationTokenRequest;
  40: ExpireDelegationTokenRequest;
  41: DescribeDelegationTokenRequest;
  42: DeleteGroupsRequest;
  43: ElectLeadersRequest;
  44: IncrementalAlterConfigsRequest;
  45: AlterPartitionReassignmentsRequest;
  46: ListPartitionReassignmentsRequest;
  47: OffsetDeleteRequest;
  48: DescribeClientQuotasRequest;
  49: AlterClientQuotasRequest;
  50: DescribeUserScramCredentialsRequest;
  51: AlterUserScramCredentialsRequest;
  52: VoteRequest;
  53: BeginQuorumEpochRequest;
  54: EndQuorumEpochRequest;
  55: DescribeQuorumRequest;
  56: AlterPartitionRequest;
  57: UpdateFeaturesRequest;
  58: EnvelopeRequest;
  59: FetchSnapshotRequest;
  60: DescribeClusterRequest;
  61: DescribeProducersRequest;
  62: BrokerRegistrationRequest;
  63: BrokerHeartbeatRequest;
  64: UnregisterBrokerRequest;
  65: DescribeTransactionsRequest;
  66: ListTransactionsRequest;
  67: AllocateProducerIdsRequest;
  68: ConsumerGroupHeartbeatRequest;
  69: ConsumerGroupDescribeRequest;
  70: ControllerRegistrationRequest;
  71: GetTelemetrySubscriptionsRequest;
  72: PushTelemetryRequest;
  73: AssignReplicasToDirsRequest;
  74: ListClientMetricsResourcesRequest;
  75: DescribeTopicPartitionsRequest;
  80: AddRaftVoterRequest;
  81: RemoveRaftVoterRequest;
  82: UpdateRaftVoterRequest;
}

/** The response body type of each API key with stable versions. */
export interface ApiResponses {
  0: ProduceResponse;
  1: FetchResponse;
  2: ListOffsetsResponse;
  3: MetadataResponse;
  4: LeaderAndIsrResponse;
  5: StopReplicaResponse;
  6: UpdateMetadataResponse;
  7: ControlledShutdownResponse;
  8: OffsetCommitResponse;
  9: OffsetFetchResponse;
  10: FindCoordinatorResponse;
  11: JoinGroupResponse;
  12: HeartbeatResponse;
  13: LeaveGroupResponse;
  14: SyncGroupResponse;
  15: DescribeGroupsResponse;
  16: ListGroupsResponse;
  17: SaslHandshakeResponse;
  18: ApiVersionsResponse;
  19: CreateTopicsResponse;
  20: DeleteTopicsResponse;
  21: DeleteRecordsResponse;
  22: InitProducerIdResponse;
  23: OffsetForLeaderEpochResponse;
  24: AddPartitionsToTxnResponse;
  25: AddOffsetsToTxnResponse;
  26: EndTxnResponse;
  27: WriteTxnMarkersResponse;
  28: TxnOffsetCommitResponse;
  29: DescribeAclsResponse;
  30: CreateAclsResponse;
  31: DeleteAclsResponse;
  32: DescribeConfigsResponse;
  33: AlterConfigsResponse;
  34: AlterReplicaLogDirsResponse;
  35: DescribeLogDirsResponse;
  36: SaslAuthenticateResponse;
  37: CreatePartitionsResponse;
  38: CreateDelegationTokenResponse;
  39: RenewDelegationTokenResponse;
  40: ExpireDelegationTokenResponse;
  41: DescribeDelegationTokenResponse;
  42: DeleteGroupsResponse;
  43: ElectLeadersResponse;
  44: IncrementalAlterConfigsResponse;
  45: AlterPartitionReassignmentsResponse;
  46: ListPartitionReassignmentsResponse;
  47: OffsetDeleteResponse;
  48: DescribeClientQuotasResponse;
  49: AlterClientQuotasResponse;
  50: DescribeUserScramCredentialsResponse;
  51: AlterUserScramCredentialsResponse;
  52: VoteResponse;
  53: BeginQuorumEpochResponse;
  54: EndQuorumEpochResponse;
  55: DescribeQuorumResponse;
  56: AlterPartitionResponse;
  57: UpdateFeaturesResponse;
  58: EnvelopeResponse;
  59: FetchSnapshotResponse;
  60: DescribeClusterResponse;
  61: DescribeProducersResponse;
  62: BrokerRegistrationResponse;
  63: BrokerHeartbeatResponse;
  64: UnregisterBrokerResponse;
  65: DescribeTransactionsResponse;
  66: ListTransactionsResponse;
  67: AllocateProducerIdsResponse;
  68: ConsumerGroupHeartbeatResponse;
  69: ConsumerGroupDescribeResponse;
  70: ControllerRegistrationResponse;
  71: GetTelemetrySubscriptionsResponse;
  72: PushTelemetryResponse;
  73: AssignReplicasToDirsResponse;
  74: ListClientMetricsResourcesResponse;
  75: DescribeTopicPartitionsResponse;
  80: AddRaftVoterResponse;
  81: RemoveRaftVoterResponse;
  82: UpdateRaftVoterResponse;
}

/** API keys that have at least one stable version, and so a codec. */
export type ApiKey = keyof ApiRequests & keyof ApiResponses;

/** The codec of every API with stable versions, by key. */
export const apiTable: { readonly [K in ApiKey]: ApiDefinition<ApiRequests[K], ApiResponses[K]> } = {
  0: {
    key: 0,
    name: "Produce",
    minVersion: 0,
    maxVersion: 11,
    requestFlexibleFrom: 9,
    responseFlexibleFrom: 9,
    deprecatedVersions: { min: 0, max: 6 },
    listeners: ["zkBroker","broker"],
    readRequest: readProduceRequest,
    writeRequest: writeProduceRequest,
    defaultRequest: defaultProduceRequest,
    readResponse: readProduceResponse,
    writeResponse: writeProduceResponse,
    defaultResponse: defaultProduceResponse,
  },
  1: {
    key: 1,
    name: "Fetch",
    minVersion: 0,
    maxVersion: 17,
    requestFlexibleFrom: 12,
    responseFlexibleFrom: 12,
    deprecatedVersions: { min: 0, max: 3 },
    listeners: ["zkBroker","broker","controller"],
    readRequest: readFetchRequest,
    writeRequest: writeFetchRequest,
    defaultRequest: defaultFetchRequest,
    readResponse: readFetchResponse,
    writeResponse: writeFetchResponse,
    defaultResponse: defaultFetchResponse,
  },
  2: {
    key: 2,
    name: "ListOffsets",
    minVersion: 0,
    maxVersion: 10,
    requestFlexibleFrom: 6,
    responseFlexibleFrom: 6,
    deprecatedVersions: { min: 0, max: 0 },
    listeners: ["zkBroker","broker"],
    readRequest: readListOffsetsRequest,
    writeRequest: writeListOffsetsRequest,
    defaultRequest: defaultListOffsetsRequest,
    readResponse: readListOffsetsResponse,
    writeResponse: writeListOffsetsResponse,
    defaultResponse: defaultListOffsetsResponse,
  },
  3: {
    key: 3,
    name: "Metadata",
    minVersion: 0,
    maxVersion: 12,
    requestFlexibleFrom: 9,
    responseFlexibleFrom: 9,
    deprecatedVersions: { min: 0, max: 3 },
    listeners: ["zkBroker","broker"],
    readRequest: readMetadataRequest,
    writeRequest: writeMetadataRequest,
    defaultRequest: defaultMetadataRequest,
    readResponse: readMetadataResponse,
    writeResponse: writeMetadataResponse,
    defaultResponse: defaultMetadataResponse,
  },
  4: {
    key: 4,
    name: "LeaderAndIsr",
    minVersion: 0,
    maxVersion: 7,
    requestFlexibleFrom: 4,
    responseFlexibleFrom: 4,
    deprecatedVersions: null,
    listeners: ["zkBroker"],
    readRequest: readLeaderAndIsrRequest,
    writeRequest: writeLeaderAndIsrRequest,
    defaultRequest: defaultLeaderAndIsrRequest,
    readResponse: readLeaderAndIsrResponse,
    writeResponse: writeLeaderAndIsrResponse,
    defaultResponse: defaultLeaderAndIsrResponse,
  },
  5: {
    key: 5,
    name: "StopReplica",
    minVersion: 0,
    maxVersion: 4,
    requestFlexibleFrom: 2,
    responseFlexibleFrom: 2,
    deprecatedVersions: null,
    listeners: ["zkBroker"],
    readRequest: readStopReplicaRequest,
    writeRequest: writeStopReplicaRequest,
    defaultRequest: defaultStopReplicaRequest,
    readResponse: readStopReplicaResponse,
    writeResponse: writeStopReplicaResponse,
    defaultResponse: defaultStopReplicaResponse,
  },
  6: {
    key: 6,
    name: "UpdateMetadata",
    minVersion: 0,
    maxVersion: 8,
    requestFlexibleFrom: 6,
    responseFlexibleFrom: 6,
    deprecatedVersions: null,
    listeners: ["zkBroker"],
    readRequest: readUpdateMetadataRequest,
    writeRequest: writeUpdateMetadataRequest,
    defaultRequest: defaultUpdateMetadataRequest,
    readResponse: readUpdateMetadataResponse,
    writeResponse: writeUpdateMetadataResponse,
    defaultResponse: defaultUpdateMetadataResponse,
  },
  7: {
    key: 7,
    name: "ControlledShutdown",
    minVersion: 0,
    maxVersion: 3,
    requestFlexibleFrom: 3,
    responseFlexibleFrom: 3,
    deprecatedVersions: null,
    listeners: ["zkBroker","controller"],
    readRequest: readControlledShutdownRequest,
    writeRequest: writeControlledShutdownRequest,
    defaultRequest: defaultControlledShutdownRequest,
    readResponse: readControlledShutdownResponse,
    writeResponse: writeControlledShutdownResponse,
    defaultResponse: defaultControlledShutdownResponse,
  },
  8: {
    key: 8,
    name: "OffsetCommit",
    minVersion: 0,
    maxVersion: 9,
    requestFlexibleFrom: 8,
    responseFlexibleFrom: 8,
    deprecatedVersions: { min: 0, max: 1 },
    listeners: ["zkBroker","broker"],
    readRequest: readOffsetCommitRequest,
    writeRequest: writeOffsetCommitRequest,
    defaultRequest: defaultOffsetCommitRequest,
    readResponse: readOffsetCommitResponse,
    writeResponse: writeOffsetCommitResponse,
    defaultResponse: defaultOffsetCommitResponse,
  },
  9: {
    key: 9,
    name: "OffsetFetch",
    minVersion: 0,
    maxVersion: 9,
    requestFlexibleFrom: 6,
    responseFlexibleFrom: 6,
    deprecatedVersions: { min: 0, max: 0 },
    listeners: ["zkBroker","broker"],
    readRequest: readOffsetFetchRequest,
    writeRequest: writeOffsetFetchRequest,
    defaultRequest: defaultOffsetFetchRequest,
    readResponse: readOffsetFetchResponse,
    writeResponse: writeOffsetFetchResponse,
    defaultResponse: defaultOffsetFetchResponse,
  },
  10: {
    key: 10,
    name: "FindCoordinator",
    minVersion: 0,
    maxVersion: 6,
    requestFlexibleFrom: 3,
    responseFlexibleFrom: 3,
    deprecatedVersions: { min: 0, max: 0 },
    listeners: ["zkBroker","broker"],
    readRequest: readFindCoordinatorRequest,
    writeRequest: writeFindCoordinatorRequest,
    defaultRequest: defaultFindCoordinatorRequest,
    readResponse: readFindCoordinatorResponse,
    writeResponse: writeFindCoordinatorResponse,
    defaultResponse: defaultFindCoordinatorResponse,
  },
  11: {
    key: 11,
    name: "JoinGroup",
    minVersion: 0,
    maxVersion: 9,
    requestFlexibleFrom: 6,
    responseFlexibleFrom: 6,
    deprecatedVersions: { min: 0, max: 1 },
    listeners: ["zkBroker","broker"],
    readRequest: readJoinGroupRequest,
    writeRequest: writeJoinGroupRequest,
    defaultRequest: defaultJoinGroupRequest,
    readResponse: readJoinGroupResponse,
    writeResponse: writeJoinGroupResponse,
    defaultResponse: defaultJoinGroupResponse,
  },
  12: {
    key: 12,
    name: "Heartbeat",
    minVersion: 0,
    maxVersion: 4,
    requestFlexibleFrom: 4,
    responseFlexibleFrom: 4,
    deprecatedVersions: null,
    listeners: ["zkBroker","broker"],
    readRequest: readHeartbeatRequest,
    writeRequest: writeHeartbeatRequest,
    defaultRequest: defaultHeartbeatRequest,
    readResponse: readHeartbeatResponse,
    writeResponse: writeHeartbeatResponse,
    defaultResponse: defaultHeartbeatResponse,
  },
  13: {
    key: 13,
    name: "LeaveGroup",
    minVersion: 0,
    maxVersion: 5,
    requestFlexibleFrom: 4,
    responseFlexibleFrom: 4,
    deprecatedVersions: null,
    listeners: ["zkBroker","broker"],
    readRequest: readLeaveGroupRequest,
    writeRequest: writeLeaveGroupRequest,
    defaultRequest: defaultLeaveGroupRequest,
    readResponse: readLeaveGroupResponse,
    writeResponse: writeLeaveGroupResponse,
    defaultResponse: defaultLeaveGroupResponse,
  },
  14: {
    key: 14,
    name: "SyncGroup",
    minVersion: 0,
    maxVersion: 5,
    requestFlexibleFrom: 4,
    responseFlexibleFrom: 4,
    deprecatedVersions: null,
    listeners: ["zkBroker","broker"],
    readRequest: readSyncGroupRequest,
    writeRequest: writeSyncGroupRequest,
    defaultRequest: defaultSyncGroupRequest,
    readResponse: readSyncGroupResponse,
    writeResponse: writeSyncGroupResponse,
    defaultResponse: defaultSyncGroupResponse,
  },
  15: {
    key: 15,
    name: "DescribeGroups",
    minVersion: 0,
    maxVersion: 5,
    requestFlexibleFrom: 5,
    responseFlexibleFrom: 5,
    deprecatedVersions: null,
    listeners: ["zkBroker","broker"],
    readRequest: readDescribeGroupsRequest,
    writeRequest: writeDescribeGroupsRequest,
    defaultRequest: defaultDescribeGroupsRequest,
    readResponse: readDescribeGroupsResponse,
    writeResponse: writeDescribeGroupsResponse,
    defaultResponse: defaultDescribeGroupsResponse,
  },
  16: {
    key: 16,
    name: "ListGroups",
    minVersion: 0,
    maxVersion: 5,
    requestFlexibleFrom: 3,
    responseFlexibleFrom: 3,
    deprecatedVersions: null,
    listeners: ["zkBroker","broker"],
    readRequest: readListGroupsRequest,
    writeRequest: writeListGroupsRequest,
    defaultRequest: defaultListGroupsRequest,
    readResponse: readListGroupsResponse,
    writeResponse: writeListGroupsResponse,
    defaultResponse: defaultListGroupsResponse,
  },
  17: {
    key: 17,
    name: "SaslHandshake",
    minVersion: 0,
    maxVersion: 1,
    requestFlexibleFrom: -1,
    responseFlexibleFrom: -1,
    deprecatedVersions: { min: 0, max: 0 },
    listeners: ["zkBroker","broker","controller"],
    readRequest: readSaslHandshakeRequest,
    writeRequest: writeSaslHandshakeRequest,
    defaultRequest: defaultSaslHandshakeRequest,
    readResponse: readSaslHandshakeResponse,
    writeResponse: writeSaslHandshakeResponse,
    defaultResponse: defaultSaslHandshakeResponse,
  },
  18: {
    key: 18,
    name: "ApiVersions",
    minVersion: 0,
    maxVersion: 4,
    requestFlexibleFrom: 3,
    responseFlexibleFrom: 3,
    deprecatedVersions: null,
    listeners: ["zkBroker","broker","controller"],
    readRequest: readApiVersionsRequest,
    writeRequest: writeApiVersionsRequest,
    defaultRequest: defaultApiVersionsRequest,
    readResponse: readApiVersionsResponse,
    writeResponse: writeApiVersionsResponse,
    defaultResponse: defaultApiVersionsResponse,
  },
  19: {
    key: 19,
    name: "CreateTopics",
    minVersion: 0,
    maxVersion: 7,
    requestFlexibleFrom: 5,
    responseFlexibleFrom: 5,
    deprecatedVersions: { min: 0, max: 1 },
    listeners: ["zkBroker","broker","controller"],
    readRequest: readCreateTopicsRequest,
    writeRequest: writeCreateTopicsRequest,
    defaultRequest: defaultCreateTopicsRequest,
    readResponse: readCreateTopicsResponse,
    writeResponse: writeCreateTopicsResponse,
    defaultResponse: defaultCreateTopicsResponse,
  },
  20: {
    key: 20,
    name: "DeleteTopics",
    minVersion: 0,
    maxVersion: 6,
    requestFlexibleFrom: 4,
    responseFlexibleFrom: 4,
    deprecatedVersions: { min: 0, max: 0 },
    listeners: ["zkBroker","broker","controller"],
    readRequest: readDeleteTopicsRequest,
    writeRequest: writeDeleteTopicsRequest,
    defaultRequest: defaultDeleteTopicsRequest,
    readResponse: readDeleteTopicsResponse,
    writeResponse: writeDeleteTopicsResponse,
    defaultResponse: defaultDeleteTopicsResponse,
  },
  21: {
    key: 21,
    name: "DeleteRecords",
    minVersion: 0,
    maxVersion: 2,
    requestFlexibleFrom: 2,
    responseFlexibleFrom: 2,
    deprecatedVersions: null,
    listeners: ["zkBroker","broker"],
    readRequest: readDeleteRecordsRequest,
    writeRequest: writeDeleteRecordsRequest,
    defaultRequest: defaultDeleteRecordsRequest,
    readResponse: readDeleteRecordsResponse,
    writeResponse: writeDeleteRecordsResponse,
    defaultResponse: defaultDeleteRecordsResponse,
  },
  22: {
    key: 22,
    name: "InitProducerId",
    minVersion: 0,
    maxVersion: 5,
    requestFlexibleFrom: 2,
    responseFlexibleFrom: 2,
    deprecatedVersions: null,
    listeners: ["zkBroker","broker"],
    readRequest: readInitProducerIdRequest,
    writeRequest: writeInitProducerIdRequest,
    defaultRequest: defaultInitProducerIdRequest,
    readResponse: readInitProducerIdResponse,
    writeResponse: writeInitProducerIdResponse,
    defaultResponse: defaultInitProducerIdResponse,
  },
  23: {
    key: 23,
    name: "OffsetForLeaderEpoch",
    minVersion: 0,
    maxVersion: 4,
    requestFlexibleFrom: 4,
    responseFlexibleFrom: 4,
    deprecatedVersions: { min: 0, max: 1 },
    listeners: ["zkBroker","broker"],
    readRequest: readOffsetForLeaderEpochRequest,
    writeRequest: writeOffsetForLeaderEpochRequest,
    defaultRequest: defaultOffsetForLeaderEpochRequest,
    readResponse: readOffsetForLeaderEpochResponse,
    writeResponse: writeOffsetForLeaderEpochResponse,
    defaultResponse: defaultOffsetForLeaderEpochResponse,
  },
  24: {
    key: 24,
    name: "AddPartitionsToTxn",
    minVersion: 0,
    maxVersion: 5,
    requestFlexibleFrom: 3,
    responseFlexibleFrom: 3,
    deprecatedVersions: null,
    listeners: ["zkBroker","broker"],
    readRequest: readAddPartitionsToTxnRequest,
    writeRequest: writeAddPartitionsToTxnRequest,
    defaultRequest: defaultAddPartitionsToTxnRequest,
    readResponse: readAddPartitionsToTxnResponse,
    writeResponse: writeAddPartitionsToTxnResponse,
    defaultResponse: defaultAddPartitionsToTxnResponse,
  },
  25: {
    key: 25,
    name: "AddOffsetsToTxn",
    minVersion: 0,
    maxVersion: 4,
    requestFlexibleFrom: 3,
    responseFlexibleFrom: 3,
    deprecatedVersions: null,
    listeners: ["zkBroker","broker"],
    readRequest: readAddOffsetsToTxnRequest,
    writeRequest: writeAddOffsetsToTxnRequest,
    defaultRequest: defaultAddOffsetsToTxnRequest,
    readResponse: readAddOffsetsToTxnResponse,
    writeResponse: writeAddOffsetsToTxnResponse,
    defaultResponse: defaultAddOffsetsToTxnResponse,
  },
  26: {
    key: 26,
    name: "EndTxn",
    minVersion: 0,
    maxVersion: 4,
    requestFlexibleFrom: 3,
    responseFlexibleFrom: 3,
    deprecatedVersions: null,
    listeners: ["zkBroker","broker"],
    readRequest: readEndTxnRequest,
    writeRequest: writeEndTxnRequest,
    defaultRequest: defaultEndTxnRequest,
    readResponse: readEndTxnResponse,
    writeResponse: writeEndTxnResponse,
    defaultResponse: defaultEndTxnResponse,
  },
  27: {
    key: 27,
    name: "WriteTxnMarkers",
    minVersion: 0,
    maxVersion: 1,
    requestFlexibleFrom: 1,
    responseFlexibleFrom: 1,
    deprecatedVersions: null,
    listeners: ["zkBroker","broker"],
    readRequest: readWriteTxnMarkersRequest,
    writeRequest: writeWriteTxnMarkersRequest,
    defaultRequest: defaultWriteTxnMarkersRequest,
    readResponse: readWriteTxnMarkersResponse,
    writeResponse: writeWriteTxnMarkersResponse,
    defaultResponse: defaultWriteTxnMarkersResponse,
  },
  28: {
    key: 28,
    name: "TxnOffsetCommit",
    minVersion: 0,
    maxVersion: 4,
    requestFlexibleFrom: 3,
    responseFlexibleFrom: 3,
    deprecatedVersions: null,
    listeners: ["zkBroker","broker"],
    readRequest: readTxnOffsetCommitRequest,
    writeRequest: writeTxnOffsetCommitRequest,
    defaultRequest: defaultTxnOffsetCommitRequest,
    readResponse: readTxnOffsetCommitResponse,
    writeResponse: writeTxnOffsetCommitResponse,
    defaultResponse: defaultTxnOffsetCommitResponse,
  },
  29: {
    key: 29,
    name: "DescribeAcls",
    minVersion: 0,
    maxVersion: 3,
    requestFlexibleFrom: 2,
    responseFlexibleFrom: 2,
    deprecatedVersions: { min: 0, max: 0 },
    listeners: ["zkBroker","broker","controller"],
    readRequest: readDescribeAclsRequest,
    writeRequest: writeDescribeAclsRequest,
    defaultRequest: defaultDescribeAclsRequest,
    readResponse: readDescribeAclsResponse,
    writeResponse: writeDescribeAclsResponse,
    defaultResponse: defaultDescribeAclsResponse,
  },
  30: {
    key: 30,
    name: "CreateAcls",
    minVersion: 0,
    maxVersion: 3,
    requestFlexibleFrom: 2,
    responseFlexibleFrom: 2,
    deprecatedVersions: { min: 0, max: 0 },
    listeners: ["zkBroker","broker","controller"],
    readRequest: readCreateAclsRequest,
    writeRequest: writeCreateAclsRequest,
    defaultRequest: defaultCreateAclsRequest,
    readResponse: readCreateAclsResponse,
    writeResponse: writeCreateAclsResponse,
    defaultResponse: defaultCreateAclsResponse,
  },
  31: {
    key: 31,
    name: "DeleteAcls",
    minVersion: 0,
    maxVersion: 3,
    requestFlexibleFrom: 2,
    responseFlexibleFrom: 2,
    deprecatedVersions: { min: 0, max: 0 },
    listeners: ["zkBroker","broker","controller"],
    readRequest: readDeleteAclsRequest,
    writeRequest: writeDeleteAclsRequest,
    defaultRequest: defaultDeleteAclsRequest,
    readResponse: readDeleteAclsResponse,
    writeResponse: writeDeleteAclsResponse,
    defaultResponse: defaultDeleteAclsResponse,
  },
  32: {
    key: 32,
    name: "DescribeConfigs",
    minVersion: 0,
    maxVersion: 4,
    requestFlexibleFrom: 4,
    responseFlexibleFrom: 4,
    deprecatedVersions: { min: 0, max: 0 },
    listeners: ["zkBroker","broker","controller"],
    readRequest: readDescribeConfigsRequest,
    writeRequest: writeDescribeConfigsRequest,
    defaultRequest: defaultDescribeConfigsRequest,
    readResponse: readDescribeConfigsResponse,
    writeResponse: writeDescribeConfigsResponse,
    defaultResponse: defaultDescribeConfigsResponse,
  },
  33: {
    key: 33,
    name: "AlterConfigs",
    minVersion: 0,
    maxVersion: 2,
    requestFlexibleFrom: 2,
    responseFlexibleFrom: 2,
    deprecatedVersions: null,
    listeners: ["zkBroker","broker","controller"],
    readRequest: readAlterConfigsRequest,
    writeRequest: writeAlterConfigsRequest,
    defaultRequest: defaultAlterConfigsRequest,
    readResponse: readAlterConfigsResponse,
    writeResponse: writeAlterConfigsResponse,
    defaultResponse: defaultAlterConfigsResponse,
  },
  34: {
    key: 34,
    name: "AlterReplicaLogDirs",
    minVersion: 0,
    maxVersion: 2,
    requestFlexibleFrom: 2,
    responseFlexibleFrom: 2,
    deprecatedVersions: { min: 0, max: 0 },
    listeners: ["zkBroker","broker"],
    readRequest: readAlterReplicaLogDirsRequest,
    writeRequest: writeAlterReplicaLogDirsRequest,
    defaultRequest: defaultAlterReplicaLogDirsRequest,
    readResponse: readAlterReplicaLogDirsResponse,
    writeResponse: writeAlterReplicaLogDirsResponse,
    defaultResponse: defaultAlterReplicaLogDirsResponse,
  },
  35: {
    key: 35,
    name: "DescribeLogDirs",
    minVersion: 0,
    maxVersion: 4,
    requestFlexibleFrom: 2,
    responseFlexibleFrom: 2,
    deprecatedVersions: { min: 0, max: 0 },
    listeners: ["zkBroker","broker"],
    readRequest: readDescribeLogDirsRequest,
    writeRequest: writeDescribeLogDirsRequest,
    defaultRequest: defaultDescribeLogDirsRequest,
    readResponse: readDescribeLogDirsResponse,
    writeResponse: writeDescribeLogDirsResponse,
    defaultResponse: defaultDescribeLogDirsResponse,
  },
  36: {
    key: 36,
    name: "SaslAuthenticate",
    minVersion: 0,
    maxVersion: 2,
    requestFlexibleFrom: 2,
    responseFlexibleFrom: 2,
    deprecatedVersions: null,
    listeners: ["zkBroker","broker","controller"],
    readRequest: readSaslAuthenticateRequest,
    writeRequest: writeSaslAuthenticateRequest,
    defaultRequest: defaultSaslAuthenticateRequest,
    readResponse: readSaslAuthenticateResponse,
    writeResponse: writeSaslAuthenticateResponse,
    defaultResponse: defaultSaslAuthenticateResponse,
  },
  37: {
    key: 37,
    name: "CreatePartitions",
    minVersion: 0,
    maxVersion: 3,
    requestFlexibleFrom: 2,
    responseFlexibleFrom: 2,
    deprecatedVersions: null,
    listeners: ["zkBroker","broker","controller"],
    readRequest: readCreatePartitionsRequest,
    writeRequest: writeCreatePartitionsRequest,
    defaultRequest: defaultCreatePartitionsRequest,
    readResponse: readCreatePartitionsResponse,
    writeResponse: writeCreatePartitionsResponse,
    defaultResponse: defaultCreatePartitionsResponse,
  },
  38: {
    key: 38,
    name: "CreateDelegationToken",
    minVersion: 0,
    maxVersion: 3,
    requestFlexibleFrom: 2,
    responseFlexibleFrom: 2,
    deprecatedVersions: { min: 0, max: 0 },
    listeners: ["zkBroker","broker","controller"],
    readRequest: readCreateDelegationTokenRequest,
    writeRequest: writeCreateDelegationTokenRequest,
    defaultRequest: defaultCreateDelegationTokenRequest,
    readResponse: readCreateDelegationTokenResponse,
    writeResponse: writeCreateDelegationTokenResponse,
    defaultResponse: defaultCreateDelegationTokenResponse,
  },
  39: {
    key: 39,
    name: "RenewDelegationToken",
    minVersion: 0,
    maxVersion: 2,
    requestFlexibleFrom: 2,
    responseFlexibleFrom: 2,
    deprecatedVersions: { min: 0, max: 0 },
    listeners: ["zkBroker","broker","controller"],
    readRequest: readRenewDelegationTokenRequest,
    writeRequest: writeRenewDelegationTokenRequest,
    defaultRequest: defaultRenewDelegationTokenRequest,
    readResponse: readRenewDelegationTokenResponse,
    writeResponse: writeRenewDelegationTokenResponse,
    defaultResponse: defaultRenewDelegationTokenResponse,
  },
  40: {
    key: 40,
    name: "ExpireDelegationToken",
    minVersion: 0,
    maxVersion: 2,
    requestFlexibleFrom: 2,
    responseFlexibleFrom: 2,
    deprecatedVersions: { min: 0, max: 0 },
    listeners: ["zkBroker","broker","controller"],
    readRequest: readExpireDelegationTokenRequest,
    writeRequest: writeExpireDelegationTokenRequest,
    defaultRequest: defaultExpireDelegationTokenRequest,
    readResponse: readExpireDelegationTokenResponse,
    writeResponse: writeExpireDelegationTokenResponse,
    defaultResponse: defaultExpireDelegationTokenResponse,
  },
  41: {
    key: 41,
    name: "DescribeDelegationToken",
    minVersion: 0,
    maxVersion: 3,
    requestFlexibleFrom: 2,
    responseFlexibleFrom: 2,
    deprecatedVersions: { min: 0, max: 0 },
    listeners: ["zkBroker","broker","controller"],
    readRequest: readDescribeDelegationTokenRequest,
    writeRequest: writeDescribeDelegationTokenRequest,
    defaultRequest: defaultDescribeDelegationTokenRequest,
    readResponse: readDescribeDelegationTokenResponse,
    writeResponse: writeDescribeDelegationTokenResponse,
    defaultResponse: defaultDescribeDelegationTokenResponse,
  },
  42: {
    key: 42,
    name: "DeleteGroups",
    minVersion: 0,
    maxVersion: 2,
    requestFlexibleFrom: 2,
    responseFlexibleFrom: 2,
    deprecatedVersions: { min: 0, max: 0 },
    listeners: ["zkBroker","broker"],
    readRequest: readDeleteGroupsRequest,
    writeRequest: writeDeleteGroupsRequest,
    defaultRequest: defaultDeleteGroupsRequest,
    readResponse: readDeleteGroupsResponse,
    writeResponse: writeDeleteGroupsResponse,
    defaultResponse: defaultDeleteGroupsResponse,
  },
  43: {
    key: 43,
    name: "ElectLeaders",
    minVersion: 0,
    maxVersion: 2,
    requestFlexibleFrom: 2,
    responseFlexibleFrom: 2,
    deprecatedVersions: null,
    listeners: ["zkBroker","broker","controller"],
    readRequest: readElectLeadersRequest,
    writeRequest: writeElectLeadersRequest,
    defaultRequest: defaultElectLeadersRequest,
    readResponse: readElectLeadersResponse,
    writeResponse: writeElectLeadersResponse,
    defaultResponse: defaultElectLeadersResponse,
  },
  44: {
    key: 44,
    name: "IncrementalAlterConfigs",
    minVersion: 0,
    maxVersion: 1,
    requestFlexibleFrom: 1,
    responseFlexibleFrom: 1,
    deprecatedVersions: null,
    listeners: ["zkBroker","broker","controller"],
    readRequest: readIncrementalAlterConfigsRequest,
    writeRequest: writeIncrementalAlterConfigsRequest,
    defaultRequest: defaultIncrementalAlterConfigsRequest,
    readResponse: readIncrementalAlterConfigsResponse,
    writeResponse: writeIncrementalAlterConfigsResponse,
    defaultResponse: defaultIncrementalAlterConfigsResponse,
  },
  45: {
    key: 45,
    name: "AlterPartitionReassignments",
    minVersion: 0,
    maxVersion: 0,
    requestFlexibleFrom: 0,
    responseFlexibleFrom: 0,
    deprecatedVersions: null,
    listeners: ["broker","controller","zkBroker"],
    readRequest: readAlterPartitionReassignmentsRequest,
    writeRequest: writeAlterPartitionReassignmentsRequest,
    defaultRequest: defaultAlterPartitionReassignmentsRequest,
    readResponse: readAlterPartitionReassignmentsResponse,
    writeResponse: writeAlterPartitionReassignmentsResponse,
    defaultResponse: defaultAlterPartitionReassignmentsResponse,
  },
  46: {
    key: 46,
    name: "ListPartitionReassignments",
    minVersion: 0,
    maxVersion: 0,
    requestFlexibleFrom: 0,
    responseFlexibleFrom: 0,
    deprecatedVersions: null,
    listeners: ["broker","controller","zkBroker"],
    readRequest: readListPartitionReassignmentsRequest,
    writeRequest: writeListPartitionReassignmentsRequest,
    defaultRequest: defaultListPartitionReassignmentsRequest,
    readResponse: readListPartitionReassignmentsResponse,
    writeResponse: writeListPartitionReassignmentsResponse,
    defaultResponse: defaultListPartitionReassignmentsResponse,
  },
  47: {
    key: 47,
    name: "OffsetDelete",
    minVersion: 0,
    maxVersion: 0,
    requestFlexibleFrom: -1,
    responseFlexibleFrom: -1,
    deprecatedVersions: null,
    listeners: ["zkBroker","broker"],
    readRequest: readOffsetDeleteRequest,
    writeRequest: writeOffsetDeleteRequest,
    defaultRequest: defaultOffsetDeleteRequest,
    readResponse: readOffsetDeleteResponse,
    writeResponse: writeOffsetDeleteResponse,
    defaultResponse: defaultOffsetDeleteResponse,
  },
  48: {
    key: 48,
    name: "DescribeClientQuotas",
    minVersion: 0,
    maxVersion: 1,
    requestFlexibleFrom: 1,
    responseFlexibleFrom: 1,
    deprecatedVersions: null,
    listeners: ["zkBroker","broker"],
    readRequest: readDescribeClientQuotasRequest,
    writeRequest: writeDescribeClientQuotasRequest,
    defaultRequest: defaultDescribeClientQuotasRequest,
    readResponse: readDescribeClientQuotasResponse,
    writeResponse: writeDescribeClientQuotasResponse,
    defaultResponse: defaultDescribeClientQuotasResponse,
  },
  49: {
    key: 49,
    name: "AlterClientQuotas",
    minVersion: 0,
    maxVersion: 1,
    requestFlexibleFrom: 1,
    responseFlexibleFrom: 1,
    deprecatedVersions: null,
    listeners: ["zkBroker","broker","controller"],
    readRequest: readAlterClientQuotasRequest,
    writeRequest: writeAlterClientQuotasRequest,
    defaultRequest: defaultAlterClientQuotasRequest,
    readResponse: readAlterClientQuotasResponse,
    writeResponse: writeAlterClientQuotasResponse,
    defaultResponse: defaultAlterClientQuotasResponse,
  },
  50: {
    key: 50,
    name: "DescribeUserScramCredentials",
    minVersion: 0,
    maxVersion: 0,
    requestFlexibleFrom: 0,
    responseFlexibleFrom: 0,
    deprecatedVersions: null,
    listeners: ["zkBroker","broker","controller"],
    readRequest: readDescribeUserScramCredentialsRequest,
    writeRequest: writeDescribeUserScramCredentialsRequest,
    defaultRequest: defaultDescribeUserScramCredentialsRequest,
    readResponse: readDescribeUserScramCredentialsResponse,
    writeResponse: writeDescribeUserScramCredentialsResponse,
    defaultResponse: defaultDescribeUserScramCredentialsResponse,
  },
  51: {
    key: 51,
    name: "AlterUserScramCredentials",
    minVersion: 0,
    maxVersion: 0,
    requestFlexibleFrom: 0,
    responseFlexibleFrom: 0,
    deprecatedVersions: null,
    listeners: ["zkBroker","broker","controller"],
    readRequest: readAlterUserScramCredentialsRequest,
    writeRequest: writeAlterUserScramCredentialsRequest,
    defaultRequest: defaultAlterUserScramCredentialsRequest,
    readResponse: readAlterUserScramCredentialsResponse,
    writeResponse: writeAlterUserScramCredentialsResponse,
    defaultResponse: defaultAlterUserScramCredentialsResponse,
  },
  52: {
    key: 52,
    name: "Vote",
    minVersion: 0,
    maxVersion: 1,
    requestFlexibleFrom: 0,
    responseFlexibleFrom: 0,
    deprecatedVersions: null,
    listeners: ["controller"],
    readRequest: readVoteRequest,
    writeRequest: writeVoteRequest,
    defaultRequest: defaultVoteRequest,
    readResponse: readVoteResponse,
    writeResponse: writeVoteResponse,
    defaultResponse: defaultVoteResponse,
  },
  53: {
    key: 53,
    name: "BeginQuorumEpoch",
    minVersion: 0,
    maxVersion: 1,
    requestFlexibleFrom: 1,
    responseFlexibleFrom: 1,
    deprecatedVersions: null,
    listeners: ["controller"],
    readRequest: readBeginQuorumEpochRequest,
    writeRequest: writeBeginQuorumEpochRequest,
    defaultRequest: defaultBeginQuorumEpochRequest,
    readResponse: readBeginQuorumEpochResponse,
    writeResponse: writeBeginQuorumEpochResponse,
    defaultResponse: defaultBeginQuorumEpochResponse,
  },
  54: {
    key: 54,
    name: "EndQuorumEpoch",
    minVersion: 0,
    maxVersion: 1,
    requestFlexibleFrom: 1,
    responseFlexibleFrom: 1,
    deprecatedVersions: null,
    listeners: ["controller"],
    readRequest: readEndQuorumEpochRequest,
    writeRequest: writeEndQuorumEpochRequest,
    defaultRequest: defaultEndQuorumEpochRequest,
    readResponse: readEndQuorumEpochResponse,
    writeResponse: writeEndQuorumEpochResponse,
    defaultResponse: defaultEndQuorumEpochResponse,
  },
  55: {
    key: 55,
    name: "DescribeQuorum",
    minVersion: 0,
    maxVersion: 2,
    requestFlexibleFrom: 0,
    responseFlexibleFrom: 0,
    deprecatedVersions: null,
    listeners: ["broker","controller"],
    readRequest: readDescribeQuorumRequest,
    writeRequest: writeDescribeQuorumRequest,
    defaultRequest: defaultDescribeQuorumRequest,
    readResponse: readDescribeQuorumResponse,
    writeResponse: writeDescribeQuorumResponse,
    defaultResponse: defaultDescribeQuorumResponse,
  },
  56: {
    key: 56,
    name: "AlterPartition",
    minVersion: 0,
    maxVersion: 3,
    requestFlexibleFrom: 0,
    responseFlexibleFrom: 0,
    deprecatedVersions: null,
    listeners: ["zkBroker","controller"],
    readRequest: readAlterPartitionRequest,
    writeRequest: writeAlterPartitionRequest,
    defaultRequest: defaultAlterPartitionRequest,
    readResponse: readAlterPartitionResponse,
    writeResponse: writeAlterPartitionResponse,
    defaultResponse: defaultAlterPartitionResponse,
  },
  57: {
    key: 57,
    name: "UpdateFeatures",
    minVersion: 0,
    maxVersion: 2,
    requestFlexibleFrom: 0,
    responseFlexibleFrom: 0,
    deprecatedVersions: null,
    listeners: ["zkBroker","broker","controller"],
    readRequest: readUpdateFeaturesRequest,
    writeRequest: writeUpdateFeaturesRequest,
    defaultRequest: defaultUpdateFeaturesRequest,
    readResponse: readUpdateFeaturesResponse,
    writeResponse: writeUpdateFeaturesResponse,
    defaultResponse: defaultUpdateFeaturesResponse,
  },
  58: {
    key: 58,
    name: "Envelope",
    minVersion: 0,
    maxVersion: 0,
    requestFlexibleFrom: 0,
    responseFlexibleFrom: 0,
    deprecatedVersions: null,
    listeners: ["controller","zkBroker"],
    readRequest: readEnvelopeRequest,
    writeRequest: writeEnvelopeRequest,
    defaultRequest: defaultEnvelopeRequest,
    readResponse: readEnvelopeResponse,
    writeResponse: writeEnvelopeResponse,
    defaultResponse: defaultEnvelopeResponse,
  },
  59: {
    key: 59,
    name: "FetchSnapshot",
    minVersion: 0,
    maxVersion: 1,
    requestFlexibleFrom: 0,
    responseFlexibleFrom: 0,
    deprecatedVersions: null,
    listeners: ["controller"],
    readRequest: readFetchSnapshotRequest,
    writeRequest: writeFetchSnapshotRequest,
    defaultRequest: defaultFetchSnapshotRequest,
    readResponse: readFetchSnapshotResponse,
    writeResponse: writeFetchSnapshotResponse,
    defaultResponse: defaultFetchSnapshotResponse,
  },
  60: {
    key: 60,
    name: "DescribeCluster",
    minVersion: 0,
    maxVersion: 1,
    requestFlexibleFrom: 0,
    responseFlexibleFrom: 0,
    deprecatedVersions: null,
    listeners: ["zkBroker","broker","controller"],
    readRequest: readDescribeClusterRequest,
    writeRequest: writeDescribeClusterRequest,
    defaultRequest: defaultDescribeClusterRequest,
    readResponse: readDescribeClusterResponse,
    writeResponse: writeDescribeClusterResponse,
    defaultResponse: defaultDescribeClusterResponse,
  },
  61: {
    key: 61,
    name: "DescribeProducers",
    minVersion: 0,
    maxVersion: 0,
    requestFlexibleFrom: 0,
    responseFlexibleFrom: 0,
    deprecatedVersions: null,
    listeners: ["zkBroker","broker"],
    readRequest: readDescribeProducersRequest,
    writeRequest: writeDescribeProducersRequest,
    defaultRequest: defaultDescribeProducersRequest,
    readResponse: readDescribeProducersResponse,
    writeResponse: writeDescribeProducersResponse,
    defaultResponse: defaultDescribeProducersResponse,
  },
  62: {
    key: 62,
    name: "BrokerRegistration",
    minVersion: 0,
    maxVersion: 4,
    requestFlexibleFrom: 0,
    responseFlexibleFrom: 0,
    deprecatedVersions: null,
    listeners: ["controller"],
    readRequest: readBrokerRegistrationRequest,
    writeRequest: writeBrokerRegistrationRequest,
    defaultRequest: defaultBrokerRegistrationRequest,
    readResponse: readBrokerRegistrationResponse,
    writeResponse: writeBrokerRegistrationResponse,
    defaultResponse: defaultBrokerRegistrationResponse,
  },
  63: {
    key: 63,
    name: "BrokerHeartbeat",
    minVersion: 0,
    maxVersion: 1,
    requestFlexibleFrom: 0,
    responseFlexibleFrom: 0,
    deprecatedVersions: null,
    listeners: ["controller"],
    readRequest: readBrokerHeartbeatRequest,
    writeRequest: writeBrokerHeartbeatRequest,
    defaultRequest: defaultBrokerHeartbeatRequest,
    readResponse: readBrokerHeartbeatResponse,
    writeResponse: writeBrokerHeartbeatResponse,
    defaultResponse: defaultBrokerHeartbeatResponse,
  },
  64: {
    key: 64,
    name: "UnregisterBroker",
    minVersion: 0,
    maxVersion: 0,
    requestFlexibleFrom: 0,
    responseFlexibleFrom: 0,
    deprecatedVersions: null,
    listeners: ["broker","controller"],
    readRequest: readUnregisterBrokerRequest,
    writeRequest: writeUnregisterBrokerRequest,
    defaultRequest: defaultUnregisterBrokerRequest,
    readResponse: readUnregisterBrokerResponse,
    writeResponse: writeUnregisterBrokerResponse,
    defaultResponse: defaultUnregisterBrokerResponse,
  },
  65: {
    key: 65,
    name: "DescribeTransactions",
    minVersion: 0,
    maxVersion: 0,
    requestFlexibleFrom: 0,
    responseFlexibleFrom: 0,
    deprecatedVersions: null,
    listeners: ["zkBroker","broker"],
    readRequest: readDescribeTransactionsRequest,
    writeRequest: writeDescribeTransactionsRequest,
    defaultRequest: defaultDescribeTransactionsRequest,
    readResponse: readDescribeTransactionsResponse,
    writeResponse: writeDescribeTransactionsResponse,
    defaultResponse: defaultDescribeTransactionsResponse,
  },
  66: {
    key: 66,
    name: "ListTransactions",
    minVersion: 0,
    maxVersion: 1,
    requestFlexibleFrom: 0,
    responseFlexibleFrom: 0,
    deprecatedVersions: null,
    listeners: ["zkBroker","broker"],
    readRequest: readListTransactionsRequest,
    writeRequest: writeListTransactionsRequest,
    defaultRequest: defaultListTransactionsRequest,
    readResponse: readListTransactionsResponse,
    writeResponse: writeListTransactionsResponse,
    defaultResponse: defaultListTransactionsResponse,
  },
  67: {
    key: 67,
    name: "AllocateProducerIds",
    minVersion: 0,
    maxVersion: 0,
    requestFlexibleFrom: 0,
    responseFlexibleFrom: 0,
    deprecatedVersions: null,
    listeners: ["zkBroker","controller"],
    readRequest: readAllocateProducerIdsRequest,
    writeRequest: writeAllocateProducerIdsRequest,
    defaultRequest: defaultAllocateProducerIdsRequest,
    readResponse: readAllocateProducerIdsResponse,
    writeResponse: writeAllocateProducerIdsResponse,
    defaultResponse: defaultAllocateProducerIdsResponse,
  },
  68: {
    key: 68,
    name: "ConsumerGroupHeartbeat",
    minVersion: 0,
    maxVersion: 0,
    requestFlexibleFrom: 0,
    responseFlexibleFrom: 0,
    deprecatedVersions: null,
    listeners: ["zkBroker","broker"],
    readRequest: readConsumerGroupHeartbeatRequest,
    writeRequest: writeConsumerGroupHeartbeatRequest,
    defaultRequest: defaultConsumerGroupHeartbeatRequest,
    readResponse: readConsumerGroupHeartbeatResponse,
    writeResponse: writeConsumerGroupHeartbeatResponse,
    defaultResponse: defaultConsumerGroupHeartbeatResponse,
  },
  69: {
    key: 69,
    name: "ConsumerGroupDescribe",
    minVersion: 0,
    maxVersion: 0,
    requestFlexibleFrom: 0,
    responseFlexibleFrom: 0,
    deprecatedVersions: null,
    listeners: ["zkBroker","broker"],
    readRequest: readConsumerGroupDescribeRequest,
    writeRequest: writeConsumerGroupDescribeRequest,
    defaultRequest: defaultConsumerGroupDescribeRequest,
    readResponse: readConsumerGroupDescribeResponse,
    writeResponse: writeConsumerGroupDescribeResponse,
    defaultResponse: defaultConsumerGroupDescribeResponse,
  },
  70: {
    key: 70,
    name: "ControllerRegistration",
    minVersion: 0,
    maxVersion: 0,
    requestFlexibleFrom: 0,
    responseFlexibleFrom: 0,
    deprecatedVersions: null,
    listeners: ["controller"],
    readRequest: readControllerRegistrationRequest,
    writeRequest: writeControllerRegistrationRequest,
    defaultRequest: defaultControllerRegistrationRequest,
    readResponse: readControllerRegistrationResponse,
    writeResponse: writeControllerRegistrationResponse,
    defaultResponse: defaultControllerRegistrationResponse,
  },
  71: {
    key: 71,
    name: "GetTelemetrySubscriptions",
    minVersion: 0,
    maxVersion: 0,
    requestFlexibleFrom: 0,
    responseFlexibleFrom: 0,
    deprecatedVersions: null,
    listeners: ["broker"],
    readRequest: readGetTelemetrySubscriptionsRequest,
    writeRequest: writeGetTelemetrySubscriptionsRequest,
    defaultRequest: defaultGetTelemetrySubscriptionsRequest,
    readResponse: readGetTelemetrySubscriptionsResponse,
    writeResponse: writeGetTelemetrySubscriptionsResponse,
    defaultResponse: defaultGetTelemetrySubscriptionsResponse,
  },
  72: {
    key: 72,
    name: "PushTelemetry",
    minVersion: 0,
    maxVersion: 0,
    requestFlexibleFrom: 0,
    responseFlexibleFrom: 0,
    deprecatedVersions: null,
    listeners: ["broker"],
    readRequest: readPushTelemetryRequest,
    writeRequest: writePushTelemetryRequest,
    defaultRequest: defaultPushTelemetryRequest,
    readResponse: readPushTelemetryResponse,
    writeResponse: writePushTelemetryResponse,
    defaultResponse: defaultPushTelemetryResponse,
  },
  73: {
    key: 73,
    name: "AssignReplicasToDirs",
    minVersion: 0,
    maxVersion: 0,
    requestFlexibleFrom: 0,
    responseFlexibleFrom: 0,
    deprecatedVersions: null,
    listeners: ["controller"],
    readRequest: readAssignReplicasToDirsRequest,
    writeRequest: writeAssignReplicasToDirsRequest,
    defaultRequest: defaultAssignReplicasToDirsRequest,
    readResponse: readAssignReplicasToDirsResponse,
    writeResponse: writeAssignReplicasToDirsResponse,
    defaultResponse: defaultAssignReplicasToDirsResponse,
  },
  74: {
    key: 74,
    name: "ListClientMetricsResources",
    minVersion: 0,
    maxVersion: 0,
    requestFlexibleFrom: 0,
    responseFlexibleFrom: 0,
    deprecatedVersions: null,
    listeners: ["broker"],
    readRequest: readListClientMetricsResourcesRequest,
    writeRequest: writeListClientMetricsResourcesRequest,
    defaultRequest: defaultListClientMetricsResourcesRequest,
    readResponse: readListClientMetricsResourcesResponse,
    writeResponse: writeListClientMetricsResourcesResponse,
    defaultResponse: defaultListClientMetricsResourcesResponse,
  },
  75: {
    key: 75,
    name: "DescribeTopicPartitions",
    minVersion: 0,
    maxVersion: 0,
    requestFlexibleFrom: 0,
    responseFlexibleFrom: 0,
    deprecatedVersions: null,
    listeners: ["broker"],
    readRequest: readDescribeTopicPartitionsRequest,
    writeRequest: writeDescribeTopicPartitionsRequest,
    defaultRequest: defaultDescribeTopicPartitionsRequest,
    readResponse: readDescribeTopicPartitionsResponse,
    writeResponse: writeDescribeTopicPartitionsResponse,
    defaultResponse: defaultDescribeTopicPartitionsResponse,
  },
  80: {
    key: 80,
    name: "AddRaftVoter",
    minVersion: 0,
    maxVersion: 0,
    requestFlexibleFrom: 0,
    responseFlexibleFrom: 0,
    deprecatedVersions: null,
    listeners: ["controller","broker"],
    readRequest: readAddRaftVoterRequest,
    writeRequest: writeAddRaftVoterRequest,
    defaultRequest: defaultAddRaftVoterRequest,
    readResponse: readAddRaftVoterResponse,
    writeResponse: writeAddRaftVoterResponse,
    defaultResponse: defaultAddRaftVoterResponse,
  },
  81: {
    key: 81,
    name: "RemoveRaftVoter",
    minVersion: 0,
    maxVersion: 0,
    requestFlexibleFrom: 0,
    responseFlexibleFrom: 0,
    deprecatedVersions: null,
    listeners: ["controller","broker"],
    readRequest: readRemoveRaftVoterRequest,
    writeRequest: writeRemoveRaftVoterRequest,
    defaultRequest: defaultRemoveRaftVoterRequest,
    readResponse: readRemoveRaftVoterResponse,
    writeResponse: writeRemoveRaftVoterResponse,
    defaultResponse: defaultRemoveRaftVoterResponse,
  },
  82: {
    key: 82,
    name: "UpdateRaftVoter",
    minVersion: 0,
    maxVersion: 0,
    requestFlexibleFrom: 0,
    responseFlexibleFrom: 0,
    deprecatedVersions: null,
    listeners: ["controller"],
    readRequest: readUpdateRaftVoterRequest,
    writeRequest: writeUpdateRaftVoterRequest,
    defaultRequest: defaultUpdateRaftVoterRequest,
    readResponse: readUpdateRaftVoterResponse,
    writeResponse: writeUpdateRaftVoterResponse,
    defaultResponse: defaultUpdateRaftVoterResponse,
  },
};

/** API keys whose every version the specs mark unstable: no codec is generated for them. */
export const unstableApis: readonly { key: number; name: string }[] = [
  { key: 76, name: "ShareGroupHeartbeat" },
  { key: 77, name: "ShareGroupDescribe" },
  { key: 78, name: "ShareFetch" },
  { key: 79, name: "ShareAcknowledge" },
  { key: 83, name: "InitializeShareGroupState" },
  { key: 84, name: "ReadShareGroupState" },
  { key: 85, name: "WriteShareGroupState" },
  { key: 86, name: "DeleteShareGroupState" },
  { key: 87, name: "ReadShareGroupStateSummary" },
];
