// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// ConsumerGroupDescribe (API key 69): stable versions 0, flexible from 0.

import { type Reader, type TaggedField, type Uuid, type Writer, ZERO_UUID, readArray, readElementString, readElement_int32, writeArray, writeElementString, writeElement_int32 } from "../../codec/runtime.js";

export interface ConsumerGroupDescribeRequest {
  /** The ids of the groups to describe Versions 0; entity: groupId. */
  groupIds: string[];
  /** Whether to include authorized operations. Versions 0. */
  includeAuthorizedOperations: boolean;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultConsumerGroupDescribeRequest(): ConsumerGroupDescribeRequest {
  return {
    groupIds: [],
    includeAuthorizedOperations: false,
  };
}

export function readConsumerGroupDescribeRequest(r: Reader, v: number): ConsumerGroupDescribeRequest {
  const flex = true;
  const groupIds = readArray(r, v, true, false, 1, readElementString);
  const includeAuthorizedOperations = r.bool();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ConsumerGroupDescribeRequest = {
    groupIds,
    includeAuthorizedOperations,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeConsumerGroupDescribeRequest(w: Writer, o: ConsumerGroupDescribeRequest, v: number): void {
  const flex = true;
  writeArray(w, v, true, o.groupIds, writeElementString);
  w.bool(o.includeAuthorizedOperations);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ConsumerGroupDescribeResponseTopicPartitions {
  /** The topic ID. Versions 0. */
  topicId: Uuid;
  /** The topic name. Versions 0; entity: topicName. */
  topicName: string;
  /** The partitions. Versions 0. */
  partitions: number[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultConsumerGroupDescribeResponseTopicPartitions(): ConsumerGroupDescribeResponseTopicPartitions {
  return {
    topicId: ZERO_UUID,
    topicName: "",
    partitions: [],
  };
}

export function readConsumerGroupDescribeResponseTopicPartitions(r: Reader, v: number): ConsumerGroupDescribeResponseTopicPartitions {
  const flex = true;
  const topicId = r.uuid();
  const topicName = r.compactString();
  const partitions = readArray(r, v, true, false, 4, readElement_int32);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ConsumerGroupDescribeResponseTopicPartitions = {
    topicId,
    topicName,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeConsumerGroupDescribeResponseTopicPartitions(w: Writer, o: ConsumerGroupDescribeResponseTopicPartitions, v: number): void {
  const flex = true;
  w.uuid(o.topicId);
  w.compactString(o.topicName);
  writeArray(w, v, true, o.partitions, writeElement_int32);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ConsumerGroupDescribeResponseAssignment {
  /** The assigned topic-partitions to the member. Versions 0. */
  topicPartitions: ConsumerGroupDescribeResponseTopicPartitions[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultConsumerGroupDescribeResponseAssignment(): ConsumerGroupDescribeResponseAssignment {
  return {
    topicPartitions: [],
  };
}

export function readConsumerGroupDescribeResponseAssignment(r: Reader, v: number): ConsumerGroupDescribeResponseAssignment {
  const flex = true;
  const topicPartitions = readArray(r, v, true, false, 18, readConsumerGroupDescribeResponseTopicPartitions);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ConsumerGroupDescribeResponseAssignment = {
    topicPartitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeConsumerGroupDescribeResponseAssignment(w: Writer, o: ConsumerGroupDescribeResponseAssignment, v: number): void {
  const flex = true;
  writeArray(w, v, true, o.topicPartitions, writeConsumerGroupDescribeResponseTopicPartitions);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ConsumerGroupDescribeResponseMember {
  /** The member ID. Versions 0. */
  memberId: string;
  /** The member instance ID. Versions 0; nullable in 0. */
  instanceId: string | null;
  /** The member rack ID. Versions 0; nullable in 0. */
  rackId: string | null;
  /** The current member epoch. Versions 0. */
  memberEpoch: number;
  /** The client ID. Versions 0. */
  clientId: string;
  /** The client host. Versions 0. */
  clientHost: string;
  /** The subscribed topic names. Versions 0; entity: topicName. */
  subscribedTopicNames: string[];
  /** the subscribed topic regex otherwise or null of not provided. Versions 0; nullable in 0. */
  subscribedTopicRegex: string | null;
  /** The current assignment. Versions 0. */
  assignment: ConsumerGroupDescribeResponseAssignment;
  /** The target assignment. Versions 0. */
  targetAssignment: ConsumerGroupDescribeResponseAssignment;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultConsumerGroupDescribeResponseMember(): ConsumerGroupDescribeResponseMember {
  return {
    memberId: "",
    instanceId: null,
    rackId: null,
    memberEpoch: 0,
    clientId: "",
    clientHost: "",
    subscribedTopicNames: [],
    subscribedTopicRegex: null,
    assignment: defaultConsumerGroupDescribeResponseAssignment(),
    targetAssignment: defaultConsumerGroupDescribeResponseAssignment(),
  };
}

export function readConsumerGroupDescribeResponseMember(r: Reader, v: number): ConsumerGroupDescribeResponseMember {
  const flex = true;
  const memberId = r.compactString();
  const instanceId = r.compactNullableString();
  const rackId = r.compactNullableString();
  const memberEpoch = r.int32();
  const clientId = r.compactString();
  const clientHost = r.compactString();
  const subscribedTopicNames = readArray(r, v, true, false, 1, readElementString);
  const subscribedTopicRegex = r.compactNullableString();
  const assignment = readConsumerGroupDescribeResponseAssignment(r, v);
  const targetAssignment = readConsumerGroupDescribeResponseAssignment(r, v);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ConsumerGroupDescribeResponseMember = {
    memberId,
    instanceId,
    rackId,
    memberEpoch,
    clientId,
    clientHost,
    subscribedTopicNames,
    subscribedTopicRegex,
    assignment,
    targetAssignment,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeConsumerGroupDescribeResponseMember(w: Writer, o: ConsumerGroupDescribeResponseMember, v: number): void {
  const flex = true;
  w.compactString(o.memberId);
  w.compactNullableString(o.instanceId);
  w.compactNullableString(o.rackId);
  w.int32(o.memberEpoch);
  w.compactString(o.clientId);
  w.compactString(o.clientHost);
  writeArray(w, v, true, o.subscribedTopicNames, writeElementString);
  w.compactNullableString(o.subscribedTopicRegex);
  writeConsumerGroupDescribeResponseAssignment(w, o.assignment, v);
  writeConsumerGroupDescribeResponseAssignment(w, o.targetAssignment, v);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ConsumerGroupDescribeResponseDescribedGroup {
  /** The describe error, or 0 if there was no error. Versions 0. */
  errorCode: number;
  /** The top-level error message, or null if there was no error. Versions 0; nullable in 0. */
  errorMessage: string | null;
  /** The group ID string. Versions 0; entity: groupId. */
  groupId: string;
  /** The group state string, or the empty string. Versions 0. */
  groupState: string;
  /** The group epoch. Versions 0. */
  groupEpoch: number;
  /** The assignment epoch. Versions 0. */
  assignmentEpoch: number;
  /** The selected assignor. Versions 0. */
  assignorName: string;
  /** The members. Versions 0. */
  members: ConsumerGroupDescribeResponseMember[];
  /** 32-bit bitfield to represent authorized operations for this group. Versions 0. */
  authorizedOperations: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultConsumerGroupDescribeResponseDescribedGroup(): ConsumerGroupDescribeResponseDescribedGroup {
  return {
    errorCode: 0,
    errorMessage: null,
    groupId: "",
    groupState: "",
    groupEpoch: 0,
    assignmentEpoch: 0,
    assignorName: "",
    members: [],
    authorizedOperations: -2147483648,
  };
}

export function readConsumerGroupDescribeResponseDescribedGroup(r: Reader, v: number): ConsumerGroupDescribeResponseDescribedGroup {
  const flex = true;
  const errorCode = r.int16();
  const errorMessage = r.compactNullableString();
  const groupId = r.compactString();
  const groupState = r.compactString();
  const groupEpoch = r.int32();
  const assignmentEpoch = r.int32();
  const assignorName = r.compactString();
  const members = readArray(r, v, true, false, 13, readConsumerGroupDescribeResponseMember);
  const authorizedOperations = r.int32();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ConsumerGroupDescribeResponseDescribedGroup = {
    errorCode,
    errorMessage,
    groupId,
    groupState,
    groupEpoch,
    assignmentEpoch,
    assignorName,
    members,
    authorizedOperations,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeConsumerGroupDescribeResponseDescribedGroup(w: Writer, o: ConsumerGroupDescribeResponseDescribedGroup, v: number): void {
  const flex = true;
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  w.compactString(o.groupId);
  w.compactString(o.groupState);
  w.int32(o.groupEpoch);
  w.int32(o.assignmentEpoch);
  w.compactString(o.assignorName);
  writeArray(w, v, true, o.members, writeConsumerGroupDescribeResponseMember);
  w.int32(o.authorizedOperations);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ConsumerGroupDescribeResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0. */
  throttleTimeMs: number;
  /** Each described group. Versions 0. */
  groups: ConsumerGroupDescribeResponseDescribedGroup[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultConsumerGroupDescribeResponse(): ConsumerGroupDescribeResponse {
  return {
    throttleTimeMs: 0,
    groups: [],
  };
}

export function readConsumerGroupDescribeResponse(r: Reader, v: number): ConsumerGroupDescribeResponse {
  const flex = true;
  const throttleTimeMs = r.int32();
  const groups = readArray(r, v, true, false, 19, readConsumerGroupDescribeResponseDescribedGroup);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ConsumerGroupDescribeResponse = {
    throttleTimeMs,
    groups,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeConsumerGroupDescribeResponse(w: Writer, o: ConsumerGroupDescribeResponse, v: number): void {
  const flex = true;
  w.int32(o.throttleTimeMs);
  writeArray(w, v, true, o.groups, writeConsumerGroupDescribeResponseDescribedGroup);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
