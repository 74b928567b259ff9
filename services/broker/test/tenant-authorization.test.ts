/**
 * Tenant ACL enforcement of requests and responses: per API, a denied item is
 * refused with Kafka's error and the allowed ones are forwarded; whole-request
 * denials; "all" listings silently leave out what the tenant may not describe;
 * KIP-679's idempotent-write rule; a topic the tenant may not describe is
 * answered the same whether or not it exists; authorized operations.
 */
import {
  type ApiKey,
  ApiKeys,
  type ApiRequests,
  type ApiResponses,
  defaultCreateTopicsRequest,
  defaultCreateTopicsRequestCreatableTopic,
  defaultCreateTopicsResponseCreatableTopicResult,
  defaultDeleteTopicsRequest,
  defaultDescribeClusterRequest,
  defaultDescribeClusterResponse,
  defaultDescribeConfigsRequest,
  defaultDescribeGroupsRequest,
  defaultDescribeGroupsResponseDescribedGroup,
  defaultDescribeTopicPartitionsRequest,
  defaultDescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic,
  defaultFetchRequest,
  defaultFetchRequestFetchPartition,
  defaultFetchResponsePartitionData,
  defaultFindCoordinatorRequest,
  defaultHeartbeatRequest,
  defaultIncrementalAlterConfigsRequest,
  defaultInitProducerIdRequest,
  defaultJoinGroupRequest,
  defaultListGroupsRequest,
  defaultListGroupsResponseListedGroup,
  defaultListOffsetsRequest,
  defaultListOffsetsRequestListOffsetsPartition,
  defaultMetadataRequest,
  defaultMetadataResponse,
  defaultMetadataResponseMetadataResponseTopic,
  defaultOffsetCommitRequest,
  defaultOffsetDeleteRequest,
  defaultOffsetFetchRequest,
  defaultOffsetFetchRequestOffsetFetchRequestGroup,
  defaultOffsetFetchResponseOffsetFetchResponsePartitions,
  defaultOffsetForLeaderEpochRequest,
  defaultProduceRequest,
  defaultProduceResponsePartitionProduceResponse,
  defaultSyncGroupRequest,
  ErrorCode,
  type Uuid,
  uuidFromBytes,
  ZERO_UUID,
} from "@runnel/kafka-protocol";
import { encodeRecordBatch } from "@runnel/log";
import {
  type AclBinding,
  AclOperation,
  AclPermissionType,
  authorize,
  authorizeIdempotentWrite,
  PatternType,
  ResourceType,
} from "@runnel/tenant";
import { describe, expect, it } from "vitest";
import {
  AUTHORIZED_OPERATIONS_OMITTED,
  type AuthorizationEdit,
  type Authorizer,
  applyAuthorizationEdits,
  authorizeRequest,
} from "../src/tenant/authorization.js";
import { authorizationTable } from "../src/tenant/authorization-apis.js";
import { namespacingTable } from "../src/tenant/namespacing-apis.js";

const PRINCIPAL = "User:alice";

function binding(
  resourceType: ResourceType,
  resourceName: string,
  operation: AclOperation,
  permissionType: AclPermissionType = AclPermissionType.ALLOW,
): AclBinding {
  return {
    resourceType,
    resourceName,
    patternType: PatternType.LITERAL,
    principal: PRINCIPAL,
    host: "*",
    operation,
    permissionType,
  };
}

const topicAcl = (name: string, op: AclOperation) => binding(ResourceType.TOPIC, name, op);
const groupAcl = (name: string, op: AclOperation) => binding(ResourceType.GROUP, name, op);
const clusterAcl = (op: AclOperation) => binding(ResourceType.CLUSTER, "kafka-cluster", op);

const ID_OPEN: Uuid = uuidFromBytes(new Uint8Array(16).fill(1));
const ID_SECRET: Uuid = uuidFromBytes(new Uint8Array(16).fill(2));
const ID_NONE: Uuid = uuidFromBytes(new Uint8Array(16).fill(3));

/** An authorizer over real ACL evaluation; the tenant has topics `open` and `secret`. */
function authorizer(bindings: AclBinding[], options: { autoCreateTopics?: boolean } = {}): Authorizer {
  const ids = new Map<Uuid, string>([
    [ID_OPEN, "open"],
    [ID_SECRET, "secret"],
  ]);
  return {
    allowed: (resourceType, resourceName, operation) =>
      authorize(bindings, { principal: PRINCIPAL, host: "10.0.0.1", resourceType, resourceName, operation }),
    idempotentWrite: () => authorizeIdempotentWrite(bindings, PRINCIPAL, "10.0.0.1"),
    topicNameById: (id) => ids.get(id),
    topicExists: (name) => name === "open" || name === "secret",
    autoCreateTopics: options.autoCreateTopics ?? true,
  };
}

function forward<K extends ApiKey>(
  apiKey: K,
  version: number,
  request: ApiRequests[K],
  auth: Authorizer,
): { request: ApiRequests[K]; edits: readonly AuthorizationEdit<K>[] } {
  const result = authorizeRequest(apiKey, version, request, auth);
  if (result.kind !== "forward") throw new Error(`expected forward, got ${JSON.stringify(result)}`);
  return result;
}

function answer<K extends ApiKey>(
  apiKey: K,
  version: number,
  request: ApiRequests[K],
  auth: Authorizer,
): ApiResponses[K] {
  const result = authorizeRequest(apiKey, version, request, auth);
  if (result.kind !== "answer") throw new Error(`expected answer, got ${result.kind}`);
  return result.response;
}

describe("the table", () => {
  it("has a rule for every API namespacing serves to tenants, and no other", () => {
    expect(Object.keys(authorizationTable).sort()).toEqual(Object.keys(namespacingTable).sort());
  });

  it("throws for an API tenants may not use", () => {
    expect(() =>
      authorizeRequest(ApiKeys.EndTxn, 3, {} as ApiRequests[typeof ApiKeys.EndTxn], authorizer([])),
    ).toThrow("API key 26 is not available to tenants.");
  });

  it("never changes the caller's request or response", () => {
    const request = {
      ...defaultListOffsetsRequest(),
      topics: [
        { name: "open", partitions: [defaultListOffsetsRequestListOffsetsPartition()] },
        { name: "secret", partitions: [defaultListOffsetsRequestListOffsetsPartition()] },
      ],
    };
    const before = structuredClone(request);
    const f = forward(ApiKeys.ListOffsets, 7, request, authorizer([topicAcl("open", AclOperation.DESCRIBE)]));
    expect(request).toEqual(before);
    const response = { throttleTimeMs: 0, topics: [] };
    applyAuthorizationEdits(response, f.edits);
    expect(response.topics).toEqual([]);
  });
});

describe("Produce", () => {
  const produceRequest = (records: Uint8Array | null, transactionalId: string | null = null) => ({
    ...defaultProduceRequest(),
    transactionalId,
    topicData: [
      { name: "open", partitionData: [{ index: 0, records }] },
      {
        name: "secret",
        partitionData: [
          { index: 0, records },
          { index: 1, records },
        ],
      },
    ],
  });

  it("needs WRITE on each topic: a denied topic's partitions are TOPIC_AUTHORIZATION_FAILED", () => {
    const auth = authorizer([topicAcl("open", AclOperation.WRITE)]);
    const f = forward(ApiKeys.Produce, 9, produceRequest(null), auth);
    expect(f.request.topicData.map((t) => t.name)).toEqual(["open"]);
    const response = applyAuthorizationEdits(
      {
        throttleTimeMs: 0,
        nodeEndpoints: [],
        responses: [{ name: "open", partitionResponses: [defaultProduceResponsePartitionProduceResponse()] }],
      },
      f.edits,
    );
    expect(
      response.responses.map((t) => [t.name, t.partitionResponses.map((p) => [p.index, p.errorCode])]),
    ).toEqual([
      ["open", [[0, ErrorCode.NONE]]],
      [
        "secret",
        [
          [0, ErrorCode.TOPIC_AUTHORIZATION_FAILED],
          [1, ErrorCode.TOPIC_AUTHORIZATION_FAILED],
        ],
      ],
    ]);
  });

  it("answers at once when every topic is denied", () => {
    const res = answer(ApiKeys.Produce, 9, produceRequest(null), authorizer([]));
    expect(res.responses.flatMap((t) => t.partitionResponses.map((p) => p.errorCode))).toEqual([
      ErrorCode.TOPIC_AUTHORIZATION_FAILED,
      ErrorCode.TOPIC_AUTHORIZATION_FAILED,
      ErrorCode.TOPIC_AUTHORIZATION_FAILED,
    ]);
  });

  it("needs WRITE on the transactional id for transactional records, or refuses the whole request", () => {
    const batch = encodeRecordBatch({
      isTransactional: true,
      producerId: 7n,
      producerEpoch: 0,
      baseSequence: 0,
      records: [{ value: new Uint8Array([1]) }],
    });
    const topics = [topicAcl("open", AclOperation.WRITE), topicAcl("secret", AclOperation.WRITE)];
    const res = answer(ApiKeys.Produce, 9, produceRequest(batch, "tx"), authorizer(topics));
    expect(res.responses.flatMap((t) => t.partitionResponses.map((p) => p.errorCode))).toEqual([
      ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED,
      ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED,
      ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED,
    ]);
    const allowed = authorizer([...topics, binding(ResourceType.TRANSACTIONAL_ID, "tx", AclOperation.WRITE)]);
    expect(forward(ApiKeys.Produce, 9, produceRequest(batch, "tx"), allowed).request.topicData).toHaveLength(
      2,
    );
  });

  it("needs nothing more for idempotent records than WRITE on the topic (KIP-679)", () => {
    const batch = encodeRecordBatch({ producerId: 7n, producerEpoch: 0, baseSequence: 0, records: [{}] });
    const auth = authorizer([topicAcl("open", AclOperation.WRITE), topicAcl("secret", AclOperation.WRITE)]);
    const f = forward(ApiKeys.Produce, 9, produceRequest(batch), auth);
    expect(f.edits).toEqual([]);
  });
});

describe("Fetch", () => {
  const partitions = [
    { ...defaultFetchRequestFetchPartition(), partition: 0 },
    { ...defaultFetchRequestFetchPartition(), partition: 1 },
  ];

  it("needs READ on each topic by name (before v13)", () => {
    const request = {
      ...defaultFetchRequest(),
      topics: [
        { topic: "open", topicId: ZERO_UUID, partitions },
        { topic: "secret", topicId: ZERO_UUID, partitions },
      ],
    };
    const f = forward(ApiKeys.Fetch, 12, request, authorizer([topicAcl("open", AclOperation.READ)]));
    expect(f.request.topics.map((t) => t.topic)).toEqual(["open"]);
    const res = applyAuthorizationEdits(
      {
        throttleTimeMs: 0,
        errorCode: 0,
        sessionId: 0,
        nodeEndpoints: [],
        responses: [{ topic: "open", topicId: ZERO_UUID, partitions: [defaultFetchResponsePartitionData()] }],
      },
      f.edits,
    );
    expect(res.responses.map((t) => [t.topic, t.partitions.map((p) => p.errorCode)])).toEqual([
      ["open", [ErrorCode.NONE]],
      ["secret", [ErrorCode.TOPIC_AUTHORIZATION_FAILED, ErrorCode.TOPIC_AUTHORIZATION_FAILED]],
    ]);
  });

  it("needs READ on each topic by id (v13+), leaving unknown ids to namespacing; all denied answers at once", () => {
    const request = {
      ...defaultFetchRequest(),
      topics: [
        { topic: "", topicId: ID_SECRET, partitions },
        { topic: "", topicId: ID_NONE, partitions },
      ],
    };
    const f = forward(ApiKeys.Fetch, 16, request, authorizer([]));
    expect(f.request.topics.map((t) => t.topicId)).toEqual([ID_NONE]);
    const only = { ...request, topics: [request.topics[0] as (typeof request.topics)[number]] };
    const res = answer(ApiKeys.Fetch, 16, only, authorizer([]));
    expect(res.responses).toHaveLength(1);
    expect(res.responses[0]?.topicId).toBe(ID_SECRET);
    expect(res.responses[0]?.partitions.map((p) => p.errorCode)).toEqual([
      ErrorCode.TOPIC_AUTHORIZATION_FAILED,
      ErrorCode.TOPIC_AUTHORIZATION_FAILED,
    ]);
  });

  it("checks the session's partitions in the response of an incremental fetch", () => {
    const request = { ...defaultFetchRequest(), sessionId: 5, sessionEpoch: 3, topics: [] };
    const f = forward(ApiKeys.Fetch, 16, request, authorizer([topicAcl("open", AclOperation.READ)]));
    const data = { ...defaultFetchResponsePartitionData(), records: new Uint8Array([1, 2, 3]) };
    const res = applyAuthorizationEdits(
      {
        throttleTimeMs: 0,
        errorCode: 0,
        sessionId: 5,
        nodeEndpoints: [],
        responses: [
          { topic: "", topicId: ID_OPEN, partitions: [data] },
          { topic: "", topicId: ID_SECRET, partitions: [data] },
        ],
      },
      f.edits,
    );
    expect(res.responses[0]?.partitions[0]?.records).toEqual(new Uint8Array([1, 2, 3]));
    expect(res.responses[1]?.partitions[0]?.errorCode).toBe(ErrorCode.TOPIC_AUTHORIZATION_FAILED);
    expect(res.responses[1]?.partitions[0]?.records).toBeNull();
  });

  it("refuses a follower's fetch whatever the ACLs", () => {
    const request = {
      ...defaultFetchRequest(),
      replicaId: 1,
      topics: [{ topic: "open", topicId: ZERO_UUID, partitions }],
    };
    const auth = authorizer([clusterAcl(AclOperation.CLUSTER_ACTION), topicAcl("open", AclOperation.READ)]);
    const res = answer(ApiKeys.Fetch, 12, request, auth);
    expect(res.responses[0]?.partitions.map((p) => p.errorCode)).toEqual([
      ErrorCode.TOPIC_AUTHORIZATION_FAILED,
      ErrorCode.TOPIC_AUTHORIZATION_FAILED,
    ]);
  });
});

describe("ListOffsets", () => {
  it("needs DESCRIBE on each topic; READ implies it", () => {
    const request = {
      ...defaultListOffsetsRequest(),
      topics: [
        { name: "open", partitions: [defaultListOffsetsRequestListOffsetsPartition()] },
        { name: "secret", partitions: [defaultListOffsetsRequestListOffsetsPartition()] },
      ],
    };
    const f = forward(ApiKeys.ListOffsets, 7, request, authorizer([topicAcl("open", AclOperation.READ)]));
    expect(f.request.topics.map((t) => t.name)).toEqual(["open"]);
    const res = applyAuthorizationEdits({ throttleTimeMs: 0, topics: [] }, f.edits);
    expect(res.topics[0]?.name).toBe("secret");
    expect(res.topics[0]?.partitions[0]).toMatchObject({
      errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED,
      offset: -1n,
      timestamp: -1n,
    });
  });
});

describe("Metadata", () => {
  const topic = (name: string, topicId: Uuid = ZERO_UUID) => ({
    ...defaultMetadataResponseMetadataResponseTopic(),
    name,
    topicId,
  });

  it("leaves the topics the tenant may not describe out of an all-topics answer, silently", () => {
    const f = forward(
      ApiKeys.Metadata,
      12,
      { ...defaultMetadataRequest(), topics: null },
      authorizer([topicAcl("open", AclOperation.DESCRIBE)]),
    );
    const res = applyAuthorizationEdits(
      { ...defaultMetadataResponse(), topics: [topic("open", ID_OPEN), topic("secret", ID_SECRET)] },
      f.edits,
    );
    expect(res.topics.map((t) => [t.name, t.errorCode])).toEqual([["open", ErrorCode.NONE]]);
  });

  it("answers a named topic the tenant may not describe TOPIC_AUTHORIZATION_FAILED, existing or not", () => {
    const request = {
      ...defaultMetadataRequest(),
      topics: [
        { name: "open", topicId: ZERO_UUID },
        { name: "secret", topicId: ZERO_UUID },
        { name: "nonexistent", topicId: ZERO_UUID },
      ],
    };
    const f = forward(ApiKeys.Metadata, 9, request, authorizer([topicAcl("open", AclOperation.DESCRIBE)]));
    expect(f.request.topics?.map((t) => t.name)).toEqual(["open"]);
    const res = applyAuthorizationEdits(
      { ...defaultMetadataResponse(), topics: [topic("open", ID_OPEN)] },
      f.edits,
    );
    const secret = res.topics.find((t) => t.name === "secret");
    const nonexistent = res.topics.find((t) => t.name === "nonexistent");
    expect(secret).toMatchObject({ errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED, topicId: ZERO_UUID });
    expect({ ...nonexistent, name: "secret" }).toEqual(secret);
  });

  it("answers a topic id the tenant may not describe with its id and no name (v12)", () => {
    const request = {
      ...defaultMetadataRequest(),
      topics: [
        { name: null, topicId: ID_SECRET },
        { name: null, topicId: ID_NONE },
      ],
    };
    const f = forward(ApiKeys.Metadata, 12, request, authorizer([]));
    expect(f.request.topics?.map((t) => t.topicId)).toEqual([ID_NONE]);
    const res = applyAuthorizationEdits({ ...defaultMetadataResponse(), topics: [] }, f.edits);
    expect(res.topics).toEqual([
      { ...defaultMetadataResponseMetadataResponseTopic(), name: null, topicId: ID_SECRET, errorCode: 29 },
    ]);
  });

  it("keeps a v0 request whose every name was denied from listing every topic", () => {
    const request = { ...defaultMetadataRequest(), topics: [{ name: "secret", topicId: ZERO_UUID }] };
    const f = forward(ApiKeys.Metadata, 0, request, authorizer([]));
    expect(f.request.topics).toEqual([]);
    const res = applyAuthorizationEdits({ ...defaultMetadataResponse(), topics: [topic("open")] }, f.edits);
    expect(res.topics.map((t) => [t.name, t.errorCode])).toEqual([
      ["secret", ErrorCode.TOPIC_AUTHORIZATION_FAILED],
    ]);
  });

  it("does not forward a topic to auto-create without CREATE on the cluster or the topic", () => {
    const request = {
      ...defaultMetadataRequest(),
      allowAutoTopicCreation: true,
      topics: [
        { name: "new-a", topicId: ZERO_UUID },
        { name: "new-b", topicId: ZERO_UUID },
        { name: "open", topicId: ZERO_UUID },
      ],
    };
    const describeAll = [
      topicAcl("new-a", AclOperation.DESCRIBE),
      topicAcl("new-b", AclOperation.DESCRIBE),
      topicAcl("open", AclOperation.DESCRIBE),
    ];
    const f = forward(
      ApiKeys.Metadata,
      9,
      request,
      authorizer([...describeAll, topicAcl("new-a", AclOperation.CREATE)]),
    );
    expect(f.request.topics?.map((t) => t.name)).toEqual(["new-a", "open"]);
    const res = applyAuthorizationEdits({ ...defaultMetadataResponse(), topics: [] }, f.edits);
    expect(res.topics.map((t) => [t.name, t.errorCode])).toEqual([
      ["new-b", ErrorCode.TOPIC_AUTHORIZATION_FAILED],
    ]);
    // CREATE on the cluster covers every topic; no auto-creation asked for (or off) needs no CREATE.
    const cluster = authorizer([...describeAll, clusterAcl(AclOperation.CREATE)]);
    expect(forward(ApiKeys.Metadata, 9, request, cluster).request.topics).toHaveLength(3);
    const noAuto = { ...request, allowAutoTopicCreation: false };
    expect(forward(ApiKeys.Metadata, 9, noAuto, authorizer(describeAll)).request.topics).toHaveLength(3);
    const off = authorizer(describeAll, { autoCreateTopics: false });
    expect(forward(ApiKeys.Metadata, 9, request, off).request.topics).toHaveLength(3);
  });

  it("computes authorized operations when asked for (v8+)", () => {
    const request = {
      ...defaultMetadataRequest(),
      topics: null,
      includeTopicAuthorizedOperations: true,
      includeClusterAuthorizedOperations: true,
    };
    const auth = authorizer([topicAcl("open", AclOperation.READ), topicAcl("open", AclOperation.WRITE)]);
    const f = forward(ApiKeys.Metadata, 10, request, auth);
    const res = applyAuthorizationEdits({ ...defaultMetadataResponse(), topics: [topic("open")] }, f.edits);
    // READ, WRITE and the DESCRIBE they imply.
    expect(res.topics[0]?.topicAuthorizedOperations).toBe(
      (1 << AclOperation.READ) | (1 << AclOperation.WRITE) | (1 << AclOperation.DESCRIBE),
    );
    expect(res.clusterAuthorizedOperations).toBe(0);
    const cluster = authorizer([clusterAcl(AclOperation.DESCRIBE), clusterAcl(AclOperation.CREATE)]);
    const g = forward(ApiKeys.Metadata, 10, request, cluster);
    const res2 = applyAuthorizationEdits({ ...defaultMetadataResponse(), topics: [] }, g.edits);
    expect(res2.clusterAuthorizedOperations).toBe((1 << AclOperation.DESCRIBE) | (1 << AclOperation.CREATE));
  });
});

describe("group APIs", () => {
  it("OffsetCommit needs READ on the group (every partition refused) and READ on each topic", () => {
    const request = {
      ...defaultOffsetCommitRequest(),
      groupId: "g",
      topics: [
        { name: "open", partitions: [{ ...partitionCommit(), partitionIndex: 0 }] },
        { name: "secret", partitions: [{ ...partitionCommit(), partitionIndex: 3 }] },
      ],
    };
    const noGroup = answer(
      ApiKeys.OffsetCommit,
      8,
      request,
      authorizer([topicAcl("open", AclOperation.READ)]),
    );
    expect(noGroup.topics.map((t) => [t.name, t.partitions[0]?.errorCode])).toEqual([
      ["open", ErrorCode.GROUP_AUTHORIZATION_FAILED],
      ["secret", ErrorCode.GROUP_AUTHORIZATION_FAILED],
    ]);
    const auth = authorizer([groupAcl("g", AclOperation.READ), topicAcl("open", AclOperation.READ)]);
    const f = forward(ApiKeys.OffsetCommit, 8, request, auth);
    expect(f.request.topics.map((t) => t.name)).toEqual(["open"]);
    const res = applyAuthorizationEdits({ throttleTimeMs: 0, topics: [] }, f.edits);
    expect(res.topics).toEqual([
      {
        name: "secret",
        partitions: [{ partitionIndex: 3, errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED }],
      },
    ]);
  });

  it("OffsetFetch (v8+) refuses groups without DESCRIBE, and leaves undescribable topics out of all offsets", () => {
    const request = {
      ...defaultOffsetFetchRequest(),
      groups: [
        { ...defaultOffsetFetchRequestOffsetFetchRequestGroup(), groupId: "g", topics: null },
        {
          ...defaultOffsetFetchRequestOffsetFetchRequestGroup(),
          groupId: "h",
          topics: [
            { name: "open", partitionIndexes: [0] },
            { name: "secret", partitionIndexes: [0, 1] },
          ],
        },
        { ...defaultOffsetFetchRequestOffsetFetchRequestGroup(), groupId: "x", topics: null },
      ],
    };
    const auth = authorizer([
      groupAcl("g", AclOperation.DESCRIBE),
      groupAcl("h", AclOperation.DESCRIBE),
      topicAcl("open", AclOperation.DESCRIBE),
    ]);
    const f = forward(ApiKeys.OffsetFetch, 8, request, auth);
    expect(f.request.groups.map((g) => g.groupId)).toEqual(["g", "h"]);
    expect(f.request.groups[1]?.topics?.map((t) => t.name)).toEqual(["open"]);
    const p = (partitionIndex: number) => ({
      ...defaultOffsetFetchResponseOffsetFetchResponsePartitions(),
      partitionIndex,
    });
    const res = applyAuthorizationEdits(
      {
        throttleTimeMs: 0,
        topics: [],
        errorCode: 0,
        groups: [
          {
            groupId: "g",
            errorCode: 0,
            topics: [
              { name: "open", partitions: [p(0)] },
              { name: "secret", partitions: [p(0)] },
            ],
          },
          { groupId: "h", errorCode: 0, topics: [{ name: "open", partitions: [p(0)] }] },
        ],
      },
      f.edits,
    );
    expect(res.groups.map((g) => [g.groupId, g.errorCode, g.topics.map((t) => t.name)])).toEqual([
      ["g", 0, ["open"]],
      ["h", 0, ["open", "secret"]],
      ["x", ErrorCode.GROUP_AUTHORIZATION_FAILED, []],
    ]);
    expect(
      res.groups[1]?.topics[1]?.partitions.map((q) => [q.partitionIndex, q.errorCode, q.committedOffset]),
    ).toEqual([
      [0, ErrorCode.TOPIC_AUTHORIZATION_FAILED, -1n],
      [1, ErrorCode.TOPIC_AUTHORIZATION_FAILED, -1n],
    ]);
  });

  it("OffsetFetch before v8 refuses the group at the top level", () => {
    const request = { ...defaultOffsetFetchRequest(), groupId: "x", topics: null };
    expect(answer(ApiKeys.OffsetFetch, 7, request, authorizer([])).errorCode).toBe(
      ErrorCode.GROUP_AUTHORIZATION_FAILED,
    );
  });

  it("FindCoordinator needs DESCRIBE on the group or transactional id, per key from v4", () => {
    const auth = authorizer([groupAcl("g", AclOperation.READ)]);
    expect(
      forward(ApiKeys.FindCoordinator, 3, { ...defaultFindCoordinatorRequest(), key: "g" }, auth).edits,
    ).toEqual([]);
    const old = answer(ApiKeys.FindCoordinator, 3, { ...defaultFindCoordinatorRequest(), key: "x" }, auth);
    expect(old).toMatchObject({ errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED, nodeId: -1 });
    const txn = answer(
      ApiKeys.FindCoordinator,
      3,
      { ...defaultFindCoordinatorRequest(), keyType: 1, key: "tx" },
      auth,
    );
    expect(txn.errorCode).toBe(ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
    const f = forward(
      ApiKeys.FindCoordinator,
      4,
      { ...defaultFindCoordinatorRequest(), coordinatorKeys: ["g", "x"] },
      auth,
    );
    expect(f.request.coordinatorKeys).toEqual(["g"]);
    const res = applyAuthorizationEdits({ ...defaultFindCoordinatorResponseV4(), coordinators: [] }, f.edits);
    expect(res.coordinators).toEqual([
      {
        key: "x",
        nodeId: -1,
        host: "",
        port: -1,
        errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED,
        errorMessage: null,
      },
    ]);
  });

  it("JoinGroup, SyncGroup and Heartbeat need READ on the group (DESCRIBE is not enough)", () => {
    const auth = authorizer([groupAcl("g", AclOperation.DESCRIBE)]);
    expect(answer(ApiKeys.JoinGroup, 9, { ...defaultJoinGroupRequest(), groupId: "g" }, auth).errorCode).toBe(
      ErrorCode.GROUP_AUTHORIZATION_FAILED,
    );
    expect(answer(ApiKeys.SyncGroup, 5, { ...defaultSyncGroupRequest(), groupId: "g" }, auth).errorCode).toBe(
      ErrorCode.GROUP_AUTHORIZATION_FAILED,
    );
    const read = authorizer([groupAcl("g", AclOperation.READ)]);
    expect(forward(ApiKeys.Heartbeat, 4, { ...defaultHeartbeatRequest(), groupId: "g" }, read).edits).toEqual(
      [],
    );
  });

  it("DescribeGroups refuses groups without DESCRIBE and computes authorized operations (v3+)", () => {
    const request = {
      ...defaultDescribeGroupsRequest(),
      groups: ["g", "x"],
      includeAuthorizedOperations: true,
    };
    const f = forward(ApiKeys.DescribeGroups, 5, request, authorizer([groupAcl("g", AclOperation.READ)]));
    expect(f.request.groups).toEqual(["g"]);
    const res = applyAuthorizationEdits(
      { throttleTimeMs: 0, groups: [{ ...defaultDescribeGroupsResponseDescribedGroup(), groupId: "g" }] },
      f.edits,
    );
    expect(res.groups.map((g) => [g.groupId, g.errorCode, g.authorizedOperations])).toEqual([
      ["g", 0, (1 << AclOperation.READ) | (1 << AclOperation.DESCRIBE)],
      ["x", ErrorCode.GROUP_AUTHORIZATION_FAILED, AUTHORIZED_OPERATIONS_OMITTED],
    ]);
  });

  it("ListGroups lists every group with DESCRIBE on the cluster, else only the describable ones", () => {
    const response = {
      throttleTimeMs: 0,
      errorCode: 0,
      groups: ["g", "x"].map((groupId) => ({ ...defaultListGroupsResponseListedGroup(), groupId })),
    };
    const f = forward(
      ApiKeys.ListGroups,
      4,
      defaultListGroupsRequest(),
      authorizer([groupAcl("g", AclOperation.READ)]),
    );
    expect(applyAuthorizationEdits(response, f.edits).groups.map((g) => g.groupId)).toEqual(["g"]);
    const all = forward(
      ApiKeys.ListGroups,
      4,
      defaultListGroupsRequest(),
      authorizer([clusterAcl(AclOperation.DESCRIBE)]),
    );
    expect(applyAuthorizationEdits(response, all.edits).groups.map((g) => g.groupId)).toEqual(["g", "x"]);
  });

  it("DeleteGroups needs DELETE on each group; OffsetDelete DELETE on the group and READ on each topic", () => {
    const res = answer(
      ApiKeys.DeleteGroups,
      2,
      { groupsNames: ["g"] },
      authorizer([groupAcl("g", AclOperation.READ)]),
    );
    expect(res.results).toEqual([{ groupId: "g", errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED }]);
    const request = {
      ...defaultOffsetDeleteRequest(),
      groupId: "g",
      topics: [
        { name: "open", partitions: [{ partitionIndex: 0 }] },
        { name: "secret", partitions: [{ partitionIndex: 0 }] },
      ],
    };
    expect(answer(ApiKeys.OffsetDelete, 0, request, authorizer([])).errorCode).toBe(
      ErrorCode.GROUP_AUTHORIZATION_FAILED,
    );
    const auth = authorizer([groupAcl("g", AclOperation.DELETE), topicAcl("open", AclOperation.READ)]);
    const f = forward(ApiKeys.OffsetDelete, 0, request, auth);
    expect(f.request.topics.map((t) => t.name)).toEqual(["open"]);
    expect(applyAuthorizationEdits({ errorCode: 0, throttleTimeMs: 0, topics: [] }, f.edits).topics).toEqual([
      {
        name: "secret",
        partitions: [{ partitionIndex: 0, errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED }],
      },
    ]);
  });
});

describe("topic administration", () => {
  it("CreateTopics needs CREATE on the cluster or the topic; configs need DESCRIBE_CONFIGS", () => {
    const request = {
      ...defaultCreateTopicsRequest(),
      topics: ["a", "b"].map((name) => ({ ...defaultCreateTopicsRequestCreatableTopic(), name })),
    };
    const f = forward(ApiKeys.CreateTopics, 7, request, authorizer([topicAcl("a", AclOperation.CREATE)]));
    expect(f.request.topics.map((t) => t.name)).toEqual(["a"]);
    const created = {
      ...defaultCreateTopicsResponseCreatableTopicResult(),
      name: "a",
      numPartitions: 3,
      configs: [{ name: "x", value: "1", readOnly: false, configSource: 5, isSensitive: false }],
    };
    const res = applyAuthorizationEdits({ throttleTimeMs: 0, topics: [created] }, f.edits);
    expect(res.topics.map((t) => [t.name, t.errorCode, t.topicConfigErrorCode, t.configs])).toEqual([
      ["a", 0, ErrorCode.TOPIC_AUTHORIZATION_FAILED, []],
      ["b", ErrorCode.TOPIC_AUTHORIZATION_FAILED, 0, null],
    ]);
    const cluster = authorizer([
      clusterAcl(AclOperation.CREATE),
      topicAcl("a", AclOperation.DESCRIBE_CONFIGS),
    ]);
    const g = forward(ApiKeys.CreateTopics, 7, request, cluster);
    expect(g.request.topics).toHaveLength(2);
    expect(
      applyAuthorizationEdits({ throttleTimeMs: 0, topics: [created] }, g.edits).topics[0]?.configs,
    ).toHaveLength(1);
  });

  it("DeleteTopics needs DELETE; a describable name that does not exist is unknown; ids keep the name hidden", () => {
    const old = answer(
      ApiKeys.DeleteTopics,
      5,
      { ...defaultDeleteTopicsRequest(), topicNames: ["secret", "gone"] },
      authorizer([topicAcl("gone", AclOperation.DESCRIBE)]),
    );
    expect(old.responses.map((t) => [t.name, t.errorCode])).toEqual([
      ["secret", ErrorCode.TOPIC_AUTHORIZATION_FAILED],
      ["gone", ErrorCode.UNKNOWN_TOPIC_OR_PARTITION],
    ]);
    const request = {
      ...defaultDeleteTopicsRequest(),
      topics: [
        { name: null, topicId: ID_SECRET },
        { name: null, topicId: ID_OPEN },
        { name: null, topicId: ID_NONE },
      ],
    };
    const f = forward(
      ApiKeys.DeleteTopics,
      6,
      request,
      authorizer([topicAcl("open", AclOperation.DESCRIBE)]),
    );
    expect(f.request.topics.map((t) => t.topicId)).toEqual([ID_NONE]);
    const res = applyAuthorizationEdits({ throttleTimeMs: 0, responses: [] }, f.edits);
    expect(res.responses.map((t) => [t.name, t.topicId, t.errorCode])).toEqual([
      [null, ID_SECRET, ErrorCode.TOPIC_AUTHORIZATION_FAILED],
      ["open", ID_OPEN, ErrorCode.TOPIC_AUTHORIZATION_FAILED],
    ]);
    const cluster = authorizer([clusterAcl(AclOperation.DELETE)]);
    expect(forward(ApiKeys.DeleteTopics, 6, request, cluster).request.topics).toHaveLength(3);
  });

  it("CreatePartitions needs ALTER and DeleteRecords DELETE on each topic", () => {
    const cp = answer(
      ApiKeys.CreatePartitions,
      3,
      { topics: [{ name: "open", count: 3, assignments: null }], timeoutMs: 0, validateOnly: false },
      authorizer([topicAcl("open", AclOperation.WRITE)]),
    );
    expect(cp.results[0]?.errorCode).toBe(ErrorCode.TOPIC_AUTHORIZATION_FAILED);
    const dr = answer(
      ApiKeys.DeleteRecords,
      2,
      { topics: [{ name: "open", partitions: [{ partitionIndex: 0, offset: 5n }] }], timeoutMs: 0 },
      authorizer([topicAcl("open", AclOperation.READ)]),
    );
    expect(dr.topics[0]?.partitions[0]).toEqual({
      partitionIndex: 0,
      lowWatermark: -1n,
      errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED,
    });
  });

  it("DescribeProducers needs READ on each topic", () => {
    const res = answer(
      ApiKeys.DescribeProducers,
      0,
      { topics: [{ name: "open", partitionIndexes: [0, 1] }] },
      authorizer([topicAcl("open", AclOperation.DESCRIBE)]),
    );
    expect(res.topics[0]?.partitions.map((p) => p.errorCode)).toEqual([
      ErrorCode.TOPIC_AUTHORIZATION_FAILED,
      ErrorCode.TOPIC_AUTHORIZATION_FAILED,
    ]);
  });

  it("OffsetForLeaderEpoch needs DESCRIBE on each topic, or CLUSTER_ACTION on the cluster", () => {
    const request = {
      ...defaultOffsetForLeaderEpochRequest(),
      topics: [{ topic: "secret", partitions: [{ partition: 0, currentLeaderEpoch: 1, leaderEpoch: 1 }] }],
    };
    const res = answer(ApiKeys.OffsetForLeaderEpoch, 4, request, authorizer([]));
    expect(res.topics[0]?.partitions[0]).toEqual({
      errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED,
      partition: 0,
      leaderEpoch: -1,
      endOffset: -1n,
    });
    const cluster = authorizer([clusterAcl(AclOperation.CLUSTER_ACTION)]);
    expect(forward(ApiKeys.OffsetForLeaderEpoch, 4, request, cluster).request.topics).toHaveLength(1);
  });

  it("DescribeTopicPartitions leaves undescribable topics out of a listing and refuses named ones", () => {
    const all = forward(
      ApiKeys.DescribeTopicPartitions,
      0,
      defaultDescribeTopicPartitionsRequest(),
      authorizer([topicAcl("open", AclOperation.DESCRIBE)]),
    );
    const t = (name: string) => ({
      ...defaultDescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic(),
      name,
    });
    const res = applyAuthorizationEdits(
      { throttleTimeMs: 0, topics: [t("open"), t("secret")], nextCursor: null },
      all.edits,
    );
    expect(res.topics.map((x) => [x.name, x.topicAuthorizedOperations])).toEqual([
      ["open", 1 << AclOperation.DESCRIBE],
    ]);
    const request = {
      ...defaultDescribeTopicPartitionsRequest(),
      topics: [{ name: "a" }, { name: "open" }, { name: "secret" }],
      cursor: { topicName: "open", partitionIndex: 2 },
    };
    const f = forward(
      ApiKeys.DescribeTopicPartitions,
      0,
      request,
      authorizer([topicAcl("secret", AclOperation.DESCRIBE)]),
    );
    // "a" sorts before the cursor and is ignored; the denied cursor topic moves the cursor on.
    expect(f.request.topics.map((x) => x.name)).toEqual(["a", "secret"]);
    expect(f.request.cursor).toEqual({ topicName: "secret", partitionIndex: 0 });
    const out = applyAuthorizationEdits(
      { throttleTimeMs: 0, topics: [t("secret")], nextCursor: null },
      f.edits,
    );
    expect(out.topics.map((x) => [x.name, x.errorCode])).toEqual([
      ["secret", 0],
      ["open", ErrorCode.TOPIC_AUTHORIZATION_FAILED],
    ]);
    const none = answer(ApiKeys.DescribeTopicPartitions, 0, { ...request, cursor: null }, authorizer([]));
    expect(none.topics.map((x) => x.errorCode)).toEqual([29, 29, 29]);
  });
});

describe("producer ids", () => {
  it("InitProducerId needs WRITE on the transactional id", () => {
    const request = { ...defaultInitProducerIdRequest(), transactionalId: "tx" };
    expect(answer(ApiKeys.InitProducerId, 4, request, authorizer([]))).toMatchObject({
      errorCode: ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED,
      producerId: -1n,
    });
    const auth = authorizer([binding(ResourceType.TRANSACTIONAL_ID, "tx", AclOperation.WRITE)]);
    expect(forward(ApiKeys.InitProducerId, 4, request, auth).edits).toEqual([]);
  });

  it("InitProducerId without one needs IDEMPOTENT_WRITE on the cluster or WRITE on some topic (KIP-679)", () => {
    const request = { ...defaultInitProducerIdRequest(), transactionalId: null };
    expect(
      answer(ApiKeys.InitProducerId, 4, request, authorizer([topicAcl("open", AclOperation.READ)])).errorCode,
    ).toBe(ErrorCode.CLUSTER_AUTHORIZATION_FAILED);
    expect(
      forward(ApiKeys.InitProducerId, 4, request, authorizer([topicAcl("open", AclOperation.WRITE)])).edits,
    ).toEqual([]);
    const idem = authorizer([clusterAcl(AclOperation.IDEMPOTENT_WRITE)]);
    expect(forward(ApiKeys.InitProducerId, 4, request, idem).edits).toEqual([]);
  });
});

describe("configs and the cluster", () => {
  it("DescribeConfigs needs DESCRIBE_CONFIGS on topics and groups, and on the cluster for brokers", () => {
    const request = {
      ...defaultDescribeConfigsRequest(),
      resources: [
        { resourceType: 2, resourceName: "open", configurationKeys: null },
        { resourceType: 2, resourceName: "secret", configurationKeys: null },
        { resourceType: 32, resourceName: "g", configurationKeys: null },
        { resourceType: 4, resourceName: "1", configurationKeys: null },
      ],
    };
    const f = forward(
      ApiKeys.DescribeConfigs,
      4,
      request,
      authorizer([topicAcl("open", AclOperation.ALTER_CONFIGS)]),
    );
    expect(f.request.resources.map((r) => r.resourceName)).toEqual(["open"]);
    const res = applyAuthorizationEdits({ throttleTimeMs: 0, results: [] }, f.edits);
    expect(res.results.map((r) => [r.resourceName, r.errorCode, r.errorMessage])).toEqual([
      ["secret", ErrorCode.TOPIC_AUTHORIZATION_FAILED, "Topic authorization failed."],
      ["g", ErrorCode.GROUP_AUTHORIZATION_FAILED, "Group authorization failed."],
      ["1", ErrorCode.CLUSTER_AUTHORIZATION_FAILED, "Cluster authorization failed."],
    ]);
  });

  it("IncrementalAlterConfigs needs ALTER_CONFIGS (DESCRIBE_CONFIGS is not enough)", () => {
    const request = {
      ...defaultIncrementalAlterConfigsRequest(),
      resources: [{ resourceType: 2, resourceName: "open", configs: [] }],
    };
    const res = answer(
      ApiKeys.IncrementalAlterConfigs,
      1,
      request,
      authorizer([topicAcl("open", AclOperation.DESCRIBE_CONFIGS)]),
    );
    expect(res.responses[0]?.errorCode).toBe(ErrorCode.TOPIC_AUTHORIZATION_FAILED);
  });

  it("DescribeLogDirs needs DESCRIBE and ElectLeaders ALTER on the cluster", () => {
    expect(answer(ApiKeys.DescribeLogDirs, 4, { topics: null }, authorizer([]))).toEqual({
      throttleTimeMs: 0,
      errorCode: ErrorCode.CLUSTER_AUTHORIZATION_FAILED,
      results: [],
    });
    const el = answer(
      ApiKeys.ElectLeaders,
      2,
      { electionType: 0, topicPartitions: [{ topic: "open", partitions: [0] }], timeoutMs: 0 },
      authorizer([clusterAcl(AclOperation.DESCRIBE)]),
    );
    expect(el.errorCode).toBe(ErrorCode.CLUSTER_AUTHORIZATION_FAILED);
    expect(el.replicaElectionResults[0]?.partitionResult[0]?.errorCode).toBe(
      ErrorCode.CLUSTER_AUTHORIZATION_FAILED,
    );
  });

  it("DescribeCluster needs nothing, and reports the cluster's authorized operations when asked", () => {
    const request = { ...defaultDescribeClusterRequest(), includeClusterAuthorizedOperations: true };
    const none = forward(ApiKeys.DescribeCluster, 1, request, authorizer([]));
    expect(
      applyAuthorizationEdits(defaultDescribeClusterResponse(), none.edits).clusterAuthorizedOperations,
    ).toBe(0);
    const f = forward(ApiKeys.DescribeCluster, 1, request, authorizer([clusterAcl(AclOperation.ALTER)]));
    expect(
      applyAuthorizationEdits(defaultDescribeClusterResponse(), f.edits).clusterAuthorizedOperations,
    ).toBe((1 << AclOperation.ALTER) | (1 << AclOperation.DESCRIBE));
    const notAsked = forward(ApiKeys.DescribeCluster, 1, defaultDescribeClusterRequest(), authorizer([]));
    expect(notAsked.edits).toEqual([]);
  });
});

function partitionCommit() {
  return {
    partitionIndex: 0,
    committedOffset: 1n,
    committedLeaderEpoch: -1,
    commitTimestamp: -1n,
    committedMetadata: null,
  };
}

function defaultFindCoordinatorResponseV4() {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: null,
    nodeId: 0,
    host: "",
    port: 0,
    coordinators: [],
  };
}
