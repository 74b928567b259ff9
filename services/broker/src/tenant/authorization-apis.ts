/**
 * The authorization rule of each API the broker serves to tenants: which ACL
 * it needs on which resources, as Kafka's KafkaApis (and ControllerApis, for
 * the APIs a KRaft broker forwards to the controller) decides it, and what a
 * denied item is answered with.
 *
 * Each rule works on a copy of the request, in the tenant's own names, that
 * it may change in place. It returns an answer to send instead of forwarding
 * the request, or undefined to forward it; denied items it leaves out of the
 * request and answers by registering an edit that adds them to the response.
 * Items are left to the broker (and namespacing) when there is nothing to
 * authorize yet: a topic id no topic of the tenant has (UNKNOWN_TOPIC_ID), a
 * config resource or coordinator key type that namespacing refuses.
 *
 * Where Runnel differs from Kafka, on purpose:
 * - Fetch from a follower (a replica id) is refused on every partition
 *   whatever the ACLs: a tenant's CLUSTER_ACTION is for its logical cluster,
 *   never for the brokers' replication (CVE-2018-1288).
 * - Metadata auto-creation: a topic the tenant may describe but not create,
 *   that does not exist, is answered TOPIC_AUTHORIZATION_FAILED and not
 *   forwarded, so the broker never creates it; the others are forwarded and
 *   created as usual. (A topic deleted between this check and the handler
 *   may still be created: a race Kafka has too, between its own checks.)
 * - DescribeTopicPartitions of all topics filters the broker's page: the
 *   page may hold fewer topics than the limit allows, and its next cursor may
 *   name a topic the tenant may not describe (the cursor is kept so the
 *   listing goes on; the topic itself is never described).
 * - An incremental Fetch of a session whose topics the tenant may no longer
 *   read gets TOPIC_AUTHORIZATION_FAILED for them, as Kafka answers: the
 *   response is checked too, not only the request.
 */
import {
  type AlterConfigsRequestAlterConfigsResource,
  type AlterConfigsResponseAlterConfigsResourceResponse,
  type ApiKey,
  ApiKeys,
  type ApiRequests,
  type ApiResponses,
  type DeleteTopicsResponseDeletableTopicResult,
  type DescribeConfigsRequestDescribeConfigsResource,
  type DescribeConfigsResponseDescribeConfigsResult,
  type DescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic,
  defaultCreateTopicsResponseCreatableTopicResult,
  defaultDescribeGroupsResponseDescribedGroup,
  defaultDescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic,
  defaultFetchResponse,
  defaultFetchResponsePartitionData,
  defaultFindCoordinatorResponse,
  defaultJoinGroupResponse,
  defaultLeaveGroupResponse,
  defaultListOffsetsResponseListOffsetsPartitionResponse,
  defaultMetadataResponseMetadataResponseTopic,
  defaultOffsetFetchResponse,
  defaultOffsetFetchResponseOffsetFetchResponsePartition,
  defaultProduceResponsePartitionProduceResponse,
  defaultSyncGroupResponse,
  ErrorCode,
  type FetchRequestFetchTopic,
  type FetchResponseFetchableTopicResponse,
  type FindCoordinatorResponseCoordinator,
  type IncrementalAlterConfigsRequestAlterConfigsResource,
  type IncrementalAlterConfigsResponseAlterConfigsResourceResponse,
  type MetadataResponseMetadataResponseTopic,
  type OffsetFetchResponseOffsetFetchResponsePartitions,
  type Uuid,
  ZERO_UUID,
} from "@runnel/kafka-protocol";
import { readBatchHeader } from "@runnel/log";
import { AclOperation, CLUSTER_RESOURCE_NAME, ResourceType } from "@runnel/tenant";
import { AUTHORIZED_OPERATIONS_OMITTED, type Check } from "./authorization-context.js";
import { refuseReplicaFetch } from "./namespacing-apis.js";

/** Authorizes a copy of the request in place; returns an answer to send instead, or undefined to forward it. */
export type AuthorizationRule<K extends ApiKey> = (
  request: ApiRequests[K],
  c: Check<K>,
) => ApiResponses[K] | undefined;

export type AuthorizationTable = { readonly [K in ApiKey]?: AuthorizationRule<K> };

/** Kafka's messages for its authorization errors (`Errors.message()`). */
export const TOPIC_AUTHORIZATION_FAILED_MESSAGE = "Topic authorization failed.";
export const GROUP_AUTHORIZATION_FAILED_MESSAGE = "Group authorization failed.";
export const CLUSTER_AUTHORIZATION_FAILED_MESSAGE = "Cluster authorization failed.";
export const TRANSACTIONAL_ID_AUTHORIZATION_FAILED_MESSAGE = "Transactional Id authorization failed.";

/** ConfigResource types (Kafka's `ConfigResource.Type`). */
const RESOURCE_TOPIC = 2;
const RESOURCE_BROKER = 4;
const RESOURCE_BROKER_LOGGER = 8;
const RESOURCE_GROUP = 32;

/** FindCoordinator key types. */
const KEY_TYPE_GROUP = 0;
const KEY_TYPE_TRANSACTION = 1;

/** Keeps the items `keep` says yes to, in place; returns the others. */
function split<T>(items: T[], keep: (item: T) => boolean): T[] {
  const dropped: T[] = [];
  let kept = 0;
  for (const item of items) {
    if (keep(item)) items[kept++] = item;
    else dropped.push(item);
  }
  items.length = kept;
  return dropped;
}

/**
 * The common ending of a per-item rule: nothing denied, forward; something
 * denied and nothing left, answer with `answer(denied)`; else forward and add
 * the denied items' answers to the response with `add`.
 */
function settle<K extends ApiKey, A>(
  c: Check<K>,
  denied: readonly A[],
  remaining: number,
  answer: (denied: readonly A[]) => ApiResponses[K],
  add: (response: ApiResponses[K], denied: readonly A[]) => void,
): ApiResponses[K] | undefined {
  if (denied.length === 0) return undefined;
  if (remaining === 0) return answer(denied);
  c.edit((res) => add(res, denied));
  return undefined;
}

/** No resource is named and no ACL is needed (or the handler checks them itself). */
function none<K extends ApiKey>(): AuthorizationRule<K> {
  return () => undefined;
}

/**
 * Whether any record batch of a produced partition is transactional, as
 * Kafka's `RequestUtils.hasTransactionalRecords` reads it. A batch whose
 * header cannot be read ends the scan: the broker refuses it as corrupt.
 */
function hasTransactionalRecords(records: Uint8Array | null): boolean {
  if (records === null) return false;
  let offset = 0;
  while (offset < records.length) {
    const header = readBatchHeader(records, offset);
    if (!header.ok) return false;
    if (header.value.isTransactional) return true;
    offset += header.value.sizeInBytes;
  }
  return false;
}

function produceError(index: number, errorCode: number) {
  return { ...defaultProduceResponsePartitionProduceResponse(), index, errorCode, baseOffset: -1n };
}

/**
 * Produce (0): transactional records need WRITE on the transactional id, or
 * the whole request is TRANSACTIONAL_ID_AUTHORIZATION_FAILED (on every
 * partition: Produce has no top-level error); then WRITE on each topic, else
 * TOPIC_AUTHORIZATION_FAILED on its partitions. Idempotent records need
 * nothing more, as in Kafka since KIP-679: WRITE on the topic written to is
 * WRITE on some topic, which is what InitProducerId asked for. With acks=0
 * the caller sends no answer, as Kafka sends none.
 */
const produce: AuthorizationRule<typeof ApiKeys.Produce> = (r, c) => {
  const transactional = r.topicData.some((t) =>
    t.partitionData.some((p) => hasTransactionalRecords(p.records)),
  );
  if (
    transactional &&
    (r.transactionalId === null || !c.transactionalId(r.transactionalId, AclOperation.WRITE))
  ) {
    return {
      throttleTimeMs: 0,
      nodeEndpoints: [],
      responses: r.topicData.map((t) => ({
        name: t.name,
        partitionResponses: t.partitionData.map((p) =>
          produceError(p.index, ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED),
        ),
      })),
    };
  }
  const denied = split(r.topicData, (t) => c.topic(t.name, AclOperation.WRITE)).map((t) => ({
    name: t.name,
    partitionResponses: t.partitionData.map((p) =>
      produceError(p.index, ErrorCode.TOPIC_AUTHORIZATION_FAILED),
    ),
  }));
  return settle(
    c,
    denied,
    r.topicData.length,
    (d) => ({ throttleTimeMs: 0, nodeEndpoints: [], responses: [...d] }),
    (res, d) => res.responses.push(...d),
  );
};

function fetchErrorTopic(
  topic: string,
  topicId: Uuid,
  partitions: readonly number[],
  errorCode: number,
): FetchResponseFetchableTopicResponse {
  return {
    topic,
    topicId,
    partitions: partitions.map((partitionIndex) => ({
      ...defaultFetchResponsePartitionData(),
      partitionIndex,
      errorCode,
      highWatermark: -1n,
      abortedTransactions: null,
    })),
  };
}

/**
 * Fetch (1): a follower's fetch is refused (see the top of this file); a
 * consumer needs READ on each topic, by name before v13 and by id from v13
 * (an id no topic of the tenant has is left to namespacing, which answers
 * UNKNOWN_TOPIC_ID). A denied topic's partitions are
 * TOPIC_AUTHORIZATION_FAILED. The response is checked as well: an incremental
 * fetch answers for its session's partitions, which the request need not
 * name, and Kafka authorizes those on every fetch too.
 */
const fetch: AuthorizationRule<typeof ApiKeys.Fetch> = (r, c) => {
  const refused = refuseReplicaFetch(c.version, r);
  if (refused !== undefined) return refused;
  const byId = c.version >= 13;
  const nameOf = (t: { readonly topic: string; readonly topicId: Uuid }): string | undefined =>
    byId ? c.auth.topicNameById(t.topicId) : t.topic;
  const readable = (t: { readonly topic: string; readonly topicId: Uuid }): boolean => {
    const name = nameOf(t);
    return name === undefined || c.topic(name, AclOperation.READ);
  };
  const denied: FetchRequestFetchTopic[] = split(r.topics, readable);
  const sessionless = r.sessionId === 0 && r.sessionEpoch <= 0;
  const answers = denied.map((t) =>
    fetchErrorTopic(
      t.topic,
      t.topicId,
      t.partitions.map((p) => p.partition),
      ErrorCode.TOPIC_AUTHORIZATION_FAILED,
    ),
  );
  if (denied.length > 0 && r.topics.length === 0 && r.forgottenTopicsData.length === 0 && sessionless) {
    // Nothing left to read: answer at once rather than forward a fetch that would wait out max_wait_ms.
    return { ...defaultFetchResponse(), responses: answers };
  }
  c.edit((res) => {
    const answered = new Set<string>();
    for (const t of res.responses) {
      const key = byId ? t.topicId : t.topic;
      if (readable(t)) continue;
      for (const p of t.partitions) answered.add(`${key}:${p.partitionIndex}`);
      const errors = fetchErrorTopic(
        t.topic,
        t.topicId,
        t.partitions.map((p) => p.partitionIndex),
        ErrorCode.TOPIC_AUTHORIZATION_FAILED,
      );
      t.partitions = errors.partitions;
    }
    for (const a of answers) {
      const key = byId ? a.topicId : a.topic;
      a.partitions = a.partitions.filter((p) => !answered.has(`${key}:${p.partitionIndex}`));
      if (a.partitions.length > 0) res.responses.push(a);
    }
  });
  return undefined;
};

/** ListOffsets (2): DESCRIBE on each topic. A replica id is served like a consumer's by the broker, as by Kafka. */
const listOffsets: AuthorizationRule<typeof ApiKeys.ListOffsets> = (r, c) => {
  const denied = split(r.topics, (t) => c.topic(t.name, AclOperation.DESCRIBE)).map((t) => ({
    name: t.name,
    partitions: t.partitions.map((p) => ({
      ...defaultListOffsetsResponseListOffsetsPartitionResponse(),
      partitionIndex: p.partitionIndex,
      errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED,
    })),
  }));
  return settle(
    c,
    denied,
    r.topics.length,
    (d) => ({ throttleTimeMs: 0, topics: [...d] }),
    (res, d) => res.topics.push(...d),
  );
};

function metadataError(name: string | null, topicId: Uuid): MetadataResponseMetadataResponseTopic {
  return {
    ...defaultMetadataResponseMetadataResponseTopic(),
    name,
    topicId,
    errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED,
  };
}

/**
 * Metadata (3): DESCRIBE on each topic. All topics (a null list, or an empty
 * one in v0) come back without the topics the tenant may not describe; a
 * named topic it may not describe is TOPIC_AUTHORIZATION_FAILED with no topic
 * id, whether or not it exists; one asked for by id (v12) keeps its id and
 * has no name. A topic that would be auto-created needs CREATE on the
 * cluster or the topic (see the top of this file). Authorized operations
 * (v8+, when asked for) are computed for the topics described and, v8-v10,
 * the cluster (0 without DESCRIBE on it, as Kafka answers).
 */
const metadata: AuthorizationRule<typeof ApiKeys.Metadata> = (r, c) => {
  const v = c.version;
  if (v >= 8 && (r.includeTopicAuthorizedOperations || (v <= 10 && r.includeClusterAuthorizedOperations))) {
    const topicOps = r.includeTopicAuthorizedOperations;
    const clusterOps = v <= 10 && r.includeClusterAuthorizedOperations;
    c.edit((res) => {
      if (topicOps) {
        for (const t of res.topics) {
          if (t.name !== null) t.topicAuthorizedOperations = c.operations(ResourceType.TOPIC, t.name);
        }
      }
      if (clusterOps) {
        res.clusterAuthorizedOperations = c.cluster(AclOperation.DESCRIBE)
          ? c.operations(ResourceType.CLUSTER, CLUSTER_RESOURCE_NAME)
          : 0;
      }
    });
  }
  if (r.topics === null || (v === 0 && r.topics.length === 0)) {
    c.edit((res) => {
      res.topics = res.topics.filter((t) => t.name !== null && c.topic(t.name, AclOperation.DESCRIBE));
    });
    return undefined;
  }
  const autoCreate = c.auth.autoCreateTopics && (v < 4 || r.allowAutoTopicCreation);
  const mayCreateAll = autoCreate && c.cluster(AclOperation.CREATE);
  const answers: MetadataResponseMetadataResponseTopic[] = [];
  split(r.topics, (t) => {
    if (t.name === null) {
      if (t.topicId === ZERO_UUID) return true;
      const name = c.auth.topicNameById(t.topicId);
      if (name === undefined || c.topic(name, AclOperation.DESCRIBE)) return true;
      answers.push(metadataError(null, t.topicId));
      return false;
    }
    if (!c.topic(t.name, AclOperation.DESCRIBE)) {
      answers.push(metadataError(t.name, ZERO_UUID));
      return false;
    }
    if (!autoCreate || mayCreateAll || c.auth.topicExists(t.name) || c.topic(t.name, AclOperation.CREATE)) {
      return true;
    }
    answers.push(metadataError(t.name, ZERO_UUID));
    return false;
  });
  if (answers.length === 0) return undefined;
  // Forwarded empty, a v0 request would ask for every topic: its answer must hold none of them.
  const emptiedV0 = v === 0 && r.topics.length === 0;
  c.edit((res) => {
    if (emptiedV0) res.topics = [];
    res.topics.push(...answers);
  });
  return undefined;
};

/**
 * OffsetCommit (8): READ on the group, else GROUP_AUTHORIZATION_FAILED on
 * every partition; then READ on each topic, else TOPIC_AUTHORIZATION_FAILED
 * on its partitions.
 */
const offsetCommit: AuthorizationRule<typeof ApiKeys.OffsetCommit> = (r, c) => {
  const errorTopic = (t: (typeof r.topics)[number], errorCode: number) => ({
    name: t.name,
    partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, errorCode })),
  });
  if (!c.group(r.groupId, AclOperation.READ)) {
    return {
      throttleTimeMs: 0,
      topics: r.topics.map((t) => errorTopic(t, ErrorCode.GROUP_AUTHORIZATION_FAILED)),
    };
  }
  const denied = split(r.topics, (t) => c.topic(t.name, AclOperation.READ)).map((t) =>
    errorTopic(t, ErrorCode.TOPIC_AUTHORIZATION_FAILED),
  );
  return settle(
    c,
    denied,
    r.topics.length,
    (d) => ({ throttleTimeMs: 0, topics: [...d] }),
    (res, d) => res.topics.push(...d),
  );
};

interface OffsetFetchTopicRequest {
  readonly name: string;
  readonly partitionIndexes: readonly number[];
}

function offsetFetchErrorTopic(t: OffsetFetchTopicRequest, errorCode: number) {
  return {
    name: t.name,
    partitions: t.partitionIndexes.map(
      (partitionIndex): OffsetFetchResponseOffsetFetchResponsePartitions => ({
        ...defaultOffsetFetchResponseOffsetFetchResponsePartition(),
        partitionIndex,
        committedOffset: -1n,
        errorCode,
      }),
    ),
  };
}

/**
 * One group of OffsetFetch: its requested topics are authorized (DESCRIBE),
 * the denied ones left out; returns what to do to the group's answer: add
 * the denied topics (TOPIC_AUTHORIZATION_FAILED) when the group has no error,
 * or, for all the group's offsets (a null list), keep only the topics the
 * tenant may describe.
 */
function offsetFetchGroupTopics<K extends ApiKey>(
  topics: OffsetFetchTopicRequest[] | null,
  c: Check<K>,
): (group: { errorCode: number; topics: { name: string }[] }) => void {
  if (topics === null) {
    return (g) => {
      g.topics = g.topics.filter((t) => c.topic(t.name, AclOperation.DESCRIBE));
    };
  }
  const denied = split(topics, (t) => c.topic(t.name, AclOperation.DESCRIBE));
  return (g) => {
    if (g.errorCode !== ErrorCode.NONE) return;
    g.topics.push(...denied.map((t) => offsetFetchErrorTopic(t, ErrorCode.TOPIC_AUTHORIZATION_FAILED)));
  };
}

/**
 * OffsetFetch (9): DESCRIBE on each group, else GROUP_AUTHORIZATION_FAILED
 * for it (the top-level error before v8, which v1 carries on each requested
 * partition instead); then DESCRIBE on each topic, else
 * TOPIC_AUTHORIZATION_FAILED on its partitions; all of a group's offsets come
 * back without the topics the tenant may not describe.
 */
const offsetFetch: AuthorizationRule<typeof ApiKeys.OffsetFetch> = (r, c) => {
  if (c.version < 8) {
    if (!c.group(r.groupId, AclOperation.DESCRIBE)) {
      return {
        ...defaultOffsetFetchResponse(),
        errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED,
        topics:
          c.version < 2 && r.topics !== null
            ? r.topics.map((t) => offsetFetchErrorTopic(t, ErrorCode.GROUP_AUTHORIZATION_FAILED))
            : [],
      };
    }
    const apply = offsetFetchGroupTopics(r.topics, c);
    c.edit((res) => apply(res));
    return undefined;
  }
  const deniedGroups = split(r.groups, (g) => c.group(g.groupId, AclOperation.DESCRIBE)).map((g) => ({
    groupId: g.groupId,
    topics: [],
    errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED,
  }));
  for (const g of r.groups) {
    const apply = offsetFetchGroupTopics(g.topics, c);
    const groupId = g.groupId;
    c.edit((res) => {
      for (const answer of res.groups) if (answer.groupId === groupId) apply(answer);
    });
  }
  return settle(
    c,
    deniedGroups,
    r.groups.length,
    (d) => ({ ...defaultOffsetFetchResponse(), groups: [...d] }),
    (res, d) => res.groups.push(...d),
  );
};

/** The error a FindCoordinator key is denied with, or undefined if it may be looked up (or is namespacing's to refuse). */
function coordinatorKeyDenial<K extends ApiKey>(
  keyType: number,
  key: string,
  c: Check<K>,
): number | undefined {
  if (keyType === KEY_TYPE_GROUP) {
    return c.group(key, AclOperation.DESCRIBE) ? undefined : ErrorCode.GROUP_AUTHORIZATION_FAILED;
  }
  if (keyType === KEY_TYPE_TRANSACTION) {
    return c.transactionalId(key, AclOperation.DESCRIBE)
      ? undefined
      : ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED;
  }
  return undefined;
}

/**
 * FindCoordinator (10): DESCRIBE on the group (key type GROUP), or on the
 * transactional id (TRANSACTION); else GROUP_AUTHORIZATION_FAILED or
 * TRANSACTIONAL_ID_AUTHORIZATION_FAILED, for the request before v4 and per
 * key from v4.
 */
const findCoordinator: AuthorizationRule<typeof ApiKeys.FindCoordinator> = (r, c) => {
  const keyType = c.version >= 1 ? r.keyType : KEY_TYPE_GROUP;
  if (c.version < 4) {
    const errorCode = coordinatorKeyDenial(keyType, r.key, c);
    if (errorCode === undefined) return undefined;
    return {
      ...defaultFindCoordinatorResponse(),
      errorCode,
      errorMessage:
        errorCode === ErrorCode.GROUP_AUTHORIZATION_FAILED
          ? GROUP_AUTHORIZATION_FAILED_MESSAGE
          : TRANSACTIONAL_ID_AUTHORIZATION_FAILED_MESSAGE,
      nodeId: -1,
      port: -1,
    };
  }
  const denied: FindCoordinatorResponseCoordinator[] = [];
  r.coordinatorKeys = r.coordinatorKeys.filter((key) => {
    const errorCode = coordinatorKeyDenial(keyType, key, c);
    if (errorCode === undefined) return true;
    denied.push({ key, nodeId: -1, host: "", port: -1, errorCode, errorMessage: null });
    return false;
  });
  return settle(
    c,
    denied,
    r.coordinatorKeys.length,
    (d) => ({ ...defaultFindCoordinatorResponse(), coordinators: [...d] }),
    (res, d) => res.coordinators.push(...d),
  );
};

/** A group API that needs READ on its group, else answers `error()` (GROUP_AUTHORIZATION_FAILED). */
function readGroup<K extends ApiKey>(error: () => ApiResponses[K]): AuthorizationRule<K> {
  return (r, c) => (c.group((r as { groupId: string }).groupId, AclOperation.READ) ? undefined : error());
}

/** JoinGroup (11): READ on the group. */
const joinGroup = readGroup<typeof ApiKeys.JoinGroup>(() => ({
  ...defaultJoinGroupResponse(),
  errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED,
}));
/** Heartbeat (12): READ on the group. */
const heartbeat = readGroup<typeof ApiKeys.Heartbeat>(() => ({
  throttleTimeMs: 0,
  errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED,
}));
/** LeaveGroup (13): READ on the group. */
const leaveGroup = readGroup<typeof ApiKeys.LeaveGroup>(() => ({
  ...defaultLeaveGroupResponse(),
  errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED,
}));
/** SyncGroup (14): READ on the group. */
const syncGroup = readGroup<typeof ApiKeys.SyncGroup>(() => ({
  ...defaultSyncGroupResponse(),
  errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED,
}));

/**
 * DescribeGroups (15): DESCRIBE on each group, else GROUP_AUTHORIZATION_FAILED
 * for it. Authorized operations (v3+, when asked for) are computed for the
 * groups described without error.
 */
const describeGroups: AuthorizationRule<typeof ApiKeys.DescribeGroups> = (r, c) => {
  if (c.version >= 3 && r.includeAuthorizedOperations) {
    c.edit((res) => {
      for (const g of res.groups) {
        if (g.errorCode === ErrorCode.NONE)
          g.authorizedOperations = c.operations(ResourceType.GROUP, g.groupId);
      }
    });
  }
  const denied = split(r.groups, (g) => c.group(g, AclOperation.DESCRIBE)).map((groupId) => ({
    ...defaultDescribeGroupsResponseDescribedGroup(),
    groupId,
    errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED,
  }));
  return settle(
    c,
    denied,
    r.groups.length,
    (d) => ({ throttleTimeMs: 0, groups: [...d] }),
    (res, d) => res.groups.push(...d),
  );
};

/** ListGroups (16): DESCRIBE on the cluster lists every group; else only the groups with DESCRIBE. */
const listGroups: AuthorizationRule<typeof ApiKeys.ListGroups> = (_r, c) => {
  if (c.cluster(AclOperation.DESCRIBE)) return undefined;
  c.edit((res) => {
    res.groups = res.groups.filter((g) => c.group(g.groupId, AclOperation.DESCRIBE));
  });
  return undefined;
};

/**
 * CreateTopics (19): CREATE on the cluster, or on each topic; else
 * TOPIC_AUTHORIZATION_FAILED ("Authorization failed.", as the controller
 * says). A topic created without DESCRIBE_CONFIGS on it comes back with
 * topic_config_error_code TOPIC_AUTHORIZATION_FAILED and no configs.
 */
const createTopics: AuthorizationRule<typeof ApiKeys.CreateTopics> = (r, c) => {
  const mayCreateAll = c.cluster(AclOperation.CREATE);
  const deniedNames = new Set<string>();
  split(r.topics, (t) => {
    if (mayCreateAll || c.topic(t.name, AclOperation.CREATE)) return true;
    deniedNames.add(t.name);
    return false;
  });
  const denied = [...deniedNames].map((name) => ({
    ...defaultCreateTopicsResponseCreatableTopicResult(),
    name,
    errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED,
    errorMessage: "Authorization failed.",
    configs: null,
  }));
  if (r.topics.length > 0) {
    c.edit((res) => {
      for (const t of res.topics) {
        if (t.errorCode !== ErrorCode.NONE || c.topic(t.name, AclOperation.DESCRIBE_CONFIGS)) continue;
        t.topicConfigErrorCode = ErrorCode.TOPIC_AUTHORIZATION_FAILED;
        if (t.configs !== null) t.configs = [];
      }
    });
  }
  return settle(
    c,
    denied,
    r.topics.length,
    (d) => ({ throttleTimeMs: 0, topics: [...d] }),
    (res, d) => res.topics.push(...d),
  );
};

/**
 * DeleteTopics (20): DELETE on the cluster, or on each topic; else
 * TOPIC_AUTHORIZATION_FAILED, except a name the tenant may describe that does
 * not exist, which is UNKNOWN_TOPIC_OR_PARTITION (the controller's order).
 * A topic asked for by id (v6+) that the tenant may not describe is answered
 * without its name.
 */
const deleteTopics: AuthorizationRule<typeof ApiKeys.DeleteTopics> = (r, c) => {
  const mayDeleteAll = c.cluster(AclOperation.DELETE);
  const deletable = (name: string) => mayDeleteAll || c.topic(name, AclOperation.DELETE);
  const byName = (name: string): DeleteTopicsResponseDeletableTopicResult | undefined => {
    if (deletable(name)) return undefined;
    const unknown = c.topic(name, AclOperation.DESCRIBE) && !c.auth.topicExists(name);
    return {
      name,
      topicId: ZERO_UUID,
      errorCode: unknown ? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION : ErrorCode.TOPIC_AUTHORIZATION_FAILED,
      errorMessage: null,
    };
  };
  const denied: DeleteTopicsResponseDeletableTopicResult[] = [];
  if (c.version < 6) {
    split(r.topicNames, (name) => {
      const answer = byName(name);
      if (answer !== undefined) denied.push(answer);
      return answer === undefined;
    });
  } else {
    split(r.topics, (t) => {
      let answer: DeleteTopicsResponseDeletableTopicResult | undefined;
      if (t.name !== null && t.name !== "") {
        answer = byName(t.name);
      } else {
        const name = c.auth.topicNameById(t.topicId);
        if (name !== undefined && !deletable(name)) {
          answer = {
            name: c.topic(name, AclOperation.DESCRIBE) ? name : null,
            topicId: t.topicId,
            errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED,
            errorMessage: null,
          };
        }
      }
      if (answer !== undefined) denied.push(answer);
      return answer === undefined;
    });
  }
  return settle(
    c,
    denied,
    c.version < 6 ? r.topicNames.length : r.topics.length,
    (d) => ({ throttleTimeMs: 0, responses: [...d] }),
    (res, d) => res.responses.push(...d),
  );
};

/** DeleteRecords (21): DELETE on each topic, else TOPIC_AUTHORIZATION_FAILED on its partitions. */
const deleteRecords: AuthorizationRule<typeof ApiKeys.DeleteRecords> = (r, c) => {
  const denied = split(r.topics, (t) => c.topic(t.name, AclOperation.DELETE)).map((t) => ({
    name: t.name,
    partitions: t.partitions.map((p) => ({
      partitionIndex: p.partitionIndex,
      lowWatermark: -1n,
      errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED,
    })),
  }));
  return settle(
    c,
    denied,
    r.topics.length,
    (d) => ({ throttleTimeMs: 0, topics: [...d] }),
    (res, d) => res.topics.push(...d),
  );
};

/**
 * InitProducerId (22): WRITE on the transactional id, else
 * TRANSACTIONAL_ID_AUTHORIZATION_FAILED; without one, KIP-679's idempotent
 * write (IDEMPOTENT_WRITE on the cluster or WRITE on some topic), else
 * CLUSTER_AUTHORIZATION_FAILED.
 */
const initProducerId: AuthorizationRule<typeof ApiKeys.InitProducerId> = (r, c) => {
  const errorCode =
    r.transactionalId !== null
      ? c.transactionalId(r.transactionalId, AclOperation.WRITE)
        ? undefined
        : ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED
      : c.auth.idempotentWrite()
        ? undefined
        : ErrorCode.CLUSTER_AUTHORIZATION_FAILED;
  if (errorCode === undefined) return undefined;
  return { throttleTimeMs: 0, errorCode, producerId: -1n, producerEpoch: -1 };
};

/**
 * OffsetForLeaderEpoch (23): CLUSTER_ACTION on the cluster, or DESCRIBE on
 * each topic (KIP-320: consumers use it too); else TOPIC_AUTHORIZATION_FAILED
 * on its partitions. The broker does not treat a replica id differently.
 */
const offsetForLeaderEpoch: AuthorizationRule<typeof ApiKeys.OffsetForLeaderEpoch> = (r, c) => {
  if (c.cluster(AclOperation.CLUSTER_ACTION)) return undefined;
  const denied = split(r.topics, (t) => c.topic(t.topic, AclOperation.DESCRIBE)).map((t) => ({
    topic: t.topic,
    partitions: t.partitions.map((p) => ({
      errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED,
      partition: p.partition,
      leaderEpoch: -1,
      endOffset: -1n,
    })),
  }));
  return settle(
    c,
    denied,
    r.topics.length,
    (d) => ({ throttleTimeMs: 0, topics: [...d] }),
    (res, d) => res.topics.push(...d),
  );
};

interface ConfigResource {
  resourceType: number;
  resourceName: string;
}

/**
 * The error a config resource is denied with for `operation`
 * (DESCRIBE_CONFIGS or ALTER_CONFIGS): on the topic, the group, or for broker
 * and broker-logger resources the cluster; undefined when allowed, and for
 * other types, which namespacing refuses.
 */
function configDenial<K extends ApiKey>(
  res: ConfigResource,
  operation: AclOperation,
  c: Check<K>,
): { errorCode: number; errorMessage: string } | undefined {
  switch (res.resourceType) {
    case RESOURCE_TOPIC:
      return c.topic(res.resourceName, operation)
        ? undefined
        : {
            errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED,
            errorMessage: TOPIC_AUTHORIZATION_FAILED_MESSAGE,
          };
    case RESOURCE_GROUP:
      return c.group(res.resourceName, operation)
        ? undefined
        : {
            errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED,
            errorMessage: GROUP_AUTHORIZATION_FAILED_MESSAGE,
          };
    case RESOURCE_BROKER:
    case RESOURCE_BROKER_LOGGER:
      return c.cluster(operation)
        ? undefined
        : {
            errorCode: ErrorCode.CLUSTER_AUTHORIZATION_FAILED,
            errorMessage: CLUSTER_AUTHORIZATION_FAILED_MESSAGE,
          };
    default:
      return undefined;
  }
}

/**
 * The shared shape of DescribeConfigs, AlterConfigs and
 * IncrementalAlterConfigs: each resource needs `operation` (see
 * configDenial); a denied one is answered with `refusal`.
 */
function configApi<K extends ApiKey, Req extends ConfigResource, Res extends ConfigResource>(
  operation: AclOperation,
  requestResources: (r: ApiRequests[K]) => Req[],
  responseResources: (r: ApiResponses[K]) => Res[],
  refusal: (resource: Req, errorCode: number, errorMessage: string) => Res,
  answer: (results: Res[]) => ApiResponses[K],
): AuthorizationRule<K> {
  return (r, c) => {
    const resources = requestResources(r);
    const denied: Res[] = [];
    split(resources, (res) => {
      const denial = configDenial(res, operation, c);
      if (denial !== undefined) denied.push(refusal(res, denial.errorCode, denial.errorMessage));
      return denial === undefined;
    });
    return settle(
      c,
      denied,
      resources.length,
      (d) => answer([...d]),
      (res, d) => responseResources(res).push(...d),
    );
  };
}

/** DescribeConfigs (32): DESCRIBE_CONFIGS on each resource (see configDenial). */
const describeConfigs = configApi<
  typeof ApiKeys.DescribeConfigs,
  DescribeConfigsRequestDescribeConfigsResource,
  DescribeConfigsResponseDescribeConfigsResult
>(
  AclOperation.DESCRIBE_CONFIGS,
  (r) => r.resources,
  (r) => r.results,
  (res, errorCode, errorMessage) => ({
    errorCode,
    errorMessage,
    resourceType: res.resourceType,
    resourceName: res.resourceName,
    configs: [],
  }),
  (results) => ({ throttleTimeMs: 0, results }),
);

function alterRefusal(
  res: ConfigResource,
  errorCode: number,
  errorMessage: string,
): AlterConfigsResponseAlterConfigsResourceResponse {
  return { errorCode, errorMessage, resourceType: res.resourceType, resourceName: res.resourceName };
}

/** AlterConfigs (33): ALTER_CONFIGS on each resource (see configDenial). */
const alterConfigs = configApi<
  typeof ApiKeys.AlterConfigs,
  AlterConfigsRequestAlterConfigsResource,
  AlterConfigsResponseAlterConfigsResourceResponse
>(
  AclOperation.ALTER_CONFIGS,
  (r) => r.resources,
  (r) => r.responses,
  alterRefusal,
  (responses) => ({ throttleTimeMs: 0, responses }),
);

/** IncrementalAlterConfigs (44): ALTER_CONFIGS on each resource (see configDenial). */
const incrementalAlterConfigs = configApi<
  typeof ApiKeys.IncrementalAlterConfigs,
  IncrementalAlterConfigsRequestAlterConfigsResource,
  IncrementalAlterConfigsResponseAlterConfigsResourceResponse
>(
  AclOperation.ALTER_CONFIGS,
  (r) => r.resources,
  (r) => r.responses,
  alterRefusal,
  (responses) => ({ throttleTimeMs: 0, responses }),
);

/** DescribeLogDirs (35): DESCRIBE on the cluster, else CLUSTER_AUTHORIZATION_FAILED and no log dirs. */
const describeLogDirs: AuthorizationRule<typeof ApiKeys.DescribeLogDirs> = (_r, c) =>
  c.cluster(AclOperation.DESCRIBE)
    ? undefined
    : { throttleTimeMs: 0, errorCode: ErrorCode.CLUSTER_AUTHORIZATION_FAILED, results: [] };

/** CreatePartitions (37): ALTER on each topic, else TOPIC_AUTHORIZATION_FAILED (with Kafka's message). */
const createPartitions: AuthorizationRule<typeof ApiKeys.CreatePartitions> = (r, c) => {
  const denied = split(r.topics, (t) => c.topic(t.name, AclOperation.ALTER)).map((t) => ({
    name: t.name,
    errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED,
    errorMessage: "The topic authorization is failed.",
  }));
  return settle(
    c,
    denied,
    r.topics.length,
    (d) => ({ throttleTimeMs: 0, results: [...d] }),
    (res, d) => res.results.push(...d),
  );
};

/** DeleteGroups (42): DELETE on each group, else GROUP_AUTHORIZATION_FAILED. */
const deleteGroups: AuthorizationRule<typeof ApiKeys.DeleteGroups> = (r, c) => {
  const denied = split(r.groupsNames, (g) => c.group(g, AclOperation.DELETE)).map((groupId) => ({
    groupId,
    errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED,
  }));
  return settle(
    c,
    denied,
    r.groupsNames.length,
    (d) => ({ throttleTimeMs: 0, results: [...d] }),
    (res, d) => res.results.push(...d),
  );
};

/**
 * ElectLeaders (43): ALTER on the cluster, else CLUSTER_AUTHORIZATION_FAILED
 * at the top and on every partition asked for (none for all partitions).
 */
const electLeaders: AuthorizationRule<typeof ApiKeys.ElectLeaders> = (r, c) => {
  if (c.cluster(AclOperation.ALTER)) return undefined;
  return {
    throttleTimeMs: 0,
    errorCode: ErrorCode.CLUSTER_AUTHORIZATION_FAILED,
    replicaElectionResults: (r.topicPartitions ?? []).map((t) => ({
      topic: t.topic,
      partitionResult: t.partitions.map((partitionId) => ({
        partitionId,
        errorCode: ErrorCode.CLUSTER_AUTHORIZATION_FAILED,
        errorMessage: null,
      })),
    })),
  };
};

/**
 * OffsetDelete (47): DELETE on the group, else GROUP_AUTHORIZATION_FAILED at
 * the top; then READ on each topic, else TOPIC_AUTHORIZATION_FAILED on its
 * partitions.
 */
const offsetDelete: AuthorizationRule<typeof ApiKeys.OffsetDelete> = (r, c) => {
  if (!c.group(r.groupId, AclOperation.DELETE)) {
    return { errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED, throttleTimeMs: 0, topics: [] };
  }
  const denied = split(r.topics, (t) => c.topic(t.name, AclOperation.READ)).map((t) => ({
    name: t.name,
    partitions: t.partitions.map((p) => ({
      partitionIndex: p.partitionIndex,
      errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED,
    })),
  }));
  return settle(
    c,
    denied,
    r.topics.length,
    (d) => ({ errorCode: ErrorCode.NONE, throttleTimeMs: 0, topics: [...d] }),
    (res, d) => res.topics.push(...d),
  );
};

/**
 * DescribeCluster (60): no ACL is needed; the cluster's authorized
 * operations, when asked for, are computed (0 without DESCRIBE on the
 * cluster, as Kafka answers).
 */
const describeCluster: AuthorizationRule<typeof ApiKeys.DescribeCluster> = (r, c) => {
  if (!r.includeClusterAuthorizedOperations) return undefined;
  c.edit((res) => {
    res.clusterAuthorizedOperations = c.cluster(AclOperation.DESCRIBE)
      ? c.operations(ResourceType.CLUSTER, CLUSTER_RESOURCE_NAME)
      : 0;
  });
  return undefined;
};

/** DescribeProducers (61): READ on each topic, else TOPIC_AUTHORIZATION_FAILED on its partitions. */
const describeProducers: AuthorizationRule<typeof ApiKeys.DescribeProducers> = (r, c) => {
  const denied = split(r.topics, (t) => c.topic(t.name, AclOperation.READ)).map((t) => ({
    name: t.name,
    partitions: t.partitionIndexes.map((partitionIndex) => ({
      partitionIndex,
      errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED,
      errorMessage: TOPIC_AUTHORIZATION_FAILED_MESSAGE,
      activeProducers: [],
    })),
  }));
  return settle(
    c,
    denied,
    r.topics.length,
    (d) => ({ throttleTimeMs: 0, topics: [...d] }),
    (res, d) => res.topics.push(...d),
  );
};

/** Java's String.compareTo order (UTF-16 code units), which Kafka compares topic names with. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * DescribeTopicPartitions (75): DESCRIBE on each topic. Every topic (an
 * empty list) comes back without the ones the tenant may not describe (see
 * the top of this file); a named one it may not describe is
 * TOPIC_AUTHORIZATION_FAILED without a topic id, whether or not it exists.
 * With a cursor, names before the cursor's are not looked at (Kafka ignores
 * them); a denied cursor topic moves the cursor to the next name asked for,
 * at partition 0. Authorized operations are always computed, as Kafka does.
 */
const describeTopicPartitions: AuthorizationRule<typeof ApiKeys.DescribeTopicPartitions> = (r, c) => {
  c.edit((res) => {
    for (const t of res.topics) {
      if (t.name !== null) t.topicAuthorizedOperations = c.operations(ResourceType.TOPIC, t.name);
    }
  });
  if (r.topics.length === 0) {
    c.edit((res) => {
      res.topics = res.topics.filter((t) => t.name !== null && c.topic(t.name, AclOperation.DESCRIBE));
    });
    return undefined;
  }
  const from = r.cursor?.topicName;
  const denied: DescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic[] = [];
  split(r.topics, (t) => {
    if (from !== undefined && byCodeUnits(t.name, from) < 0) return true;
    if (c.topic(t.name, AclOperation.DESCRIBE)) return true;
    denied.push({
      ...defaultDescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic(),
      name: t.name,
      errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED,
      topicAuthorizedOperations: AUTHORIZED_OPERATIONS_OMITTED,
    });
    return false;
  });
  if (denied.length === 0) return undefined;
  const described = r.topics.filter((t) => from === undefined || byCodeUnits(t.name, from) >= 0);
  if (described.length === 0) return { throttleTimeMs: 0, topics: denied, nextCursor: null };
  if (r.cursor !== null && !described.some((t) => t.name === r.cursor?.topicName)) {
    const next = described.map((t) => t.name).sort(byCodeUnits)[0] as string;
    r.cursor = { topicName: next, partitionIndex: 0 };
  }
  c.edit((res) => res.topics.push(...denied));
  return undefined;
};

/**
 * Every API a tenant may use (namespacing-apis.ts has the same keys). No
 * ACL: SaslHandshake (17), ApiVersions (18), SaslAuthenticate (36). The ACL
 * APIs (29-31) and SCRAM credential APIs (50, 51) check ALTER or DESCRIBE on
 * the cluster in their handlers and pass here unchanged.
 */
export const authorizationTable: AuthorizationTable = {
  [ApiKeys.Produce]: produce,
  [ApiKeys.Fetch]: fetch,
  [ApiKeys.ListOffsets]: listOffsets,
  [ApiKeys.Metadata]: metadata,
  [ApiKeys.OffsetCommit]: offsetCommit,
  [ApiKeys.OffsetFetch]: offsetFetch,
  [ApiKeys.FindCoordinator]: findCoordinator,
  [ApiKeys.JoinGroup]: joinGroup,
  [ApiKeys.Heartbeat]: heartbeat,
  [ApiKeys.LeaveGroup]: leaveGroup,
  [ApiKeys.SyncGroup]: syncGroup,
  [ApiKeys.DescribeGroups]: describeGroups,
  [ApiKeys.ListGroups]: listGroups,
  [ApiKeys.SaslHandshake]: none(),
  [ApiKeys.ApiVersions]: none(),
  [ApiKeys.CreateTopics]: createTopics,
  [ApiKeys.DeleteTopics]: deleteTopics,
  [ApiKeys.DeleteRecords]: deleteRecords,
  [ApiKeys.InitProducerId]: initProducerId,
  [ApiKeys.OffsetForLeaderEpoch]: offsetForLeaderEpoch,
  [ApiKeys.DescribeAcls]: none(),
  [ApiKeys.CreateAcls]: none(),
  [ApiKeys.DeleteAcls]: none(),
  [ApiKeys.DescribeConfigs]: describeConfigs,
  [ApiKeys.AlterConfigs]: alterConfigs,
  [ApiKeys.DescribeLogDirs]: describeLogDirs,
  [ApiKeys.SaslAuthenticate]: none(),
  [ApiKeys.CreatePartitions]: createPartitions,
  [ApiKeys.DeleteGroups]: deleteGroups,
  [ApiKeys.ElectLeaders]: electLeaders,
  [ApiKeys.IncrementalAlterConfigs]: incrementalAlterConfigs,
  [ApiKeys.OffsetDelete]: offsetDelete,
  [ApiKeys.DescribeUserScramCredentials]: none(),
  [ApiKeys.AlterUserScramCredentials]: none(),
  [ApiKeys.DescribeCluster]: describeCluster,
  [ApiKeys.DescribeProducers]: describeProducers,
  [ApiKeys.DescribeTopicPartitions]: describeTopicPartitions,
};
