/**
 * Tenant namespacing of requests and responses: per API, names go into the
 * tenant's namespace and come back out; listings show only the tenant's own
 * resources (not another tenant's, not internal topics); error messages lose
 * internal prefixes; another tenant's topic id is an unknown topic id; names
 * that use the separator or another tenant's id stay in the own namespace;
 * too long names are refused with Kafka's message; unknown APIs are refused;
 * follower fetches are refused (CVE-2018-1288).
 */
import {
  type ApiKey,
  ApiKeys,
  type ApiRequests,
  type ApiResponses,
  defaultAlterConfigsRequest,
  defaultApiVersionsResponse,
  defaultCreatePartitionsRequest,
  defaultCreateTopicsRequest,
  defaultCreateTopicsRequestCreatableTopic,
  defaultCreateTopicsResponseCreatableTopicResult,
  defaultDeleteGroupsRequest,
  defaultDeleteRecordsRequest,
  defaultDeleteTopicsRequest,
  defaultDescribeClusterRequest,
  defaultDescribeClusterResponse,
  defaultDescribeConfigsRequest,
  defaultDescribeGroupsRequest,
  defaultDescribeGroupsResponseDescribedGroup,
  defaultDescribeLogDirsRequest,
  defaultDescribeLogDirsResponseDescribeLogDirsResult,
  defaultDescribeProducersRequest,
  defaultDescribeTopicPartitionsRequest,
  defaultDescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic,
  defaultElectLeadersRequest,
  defaultFetchRequest,
  defaultFetchRequestFetchPartition,
  defaultFetchResponsePartitionData,
  defaultFindCoordinatorRequest,
  defaultFindCoordinatorResponse,
  defaultHeartbeatRequest,
  defaultIncrementalAlterConfigsRequest,
  defaultInitProducerIdRequest,
  defaultJoinGroupRequest,
  defaultLeaveGroupRequest,
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
  defaultOffsetForLeaderEpochRequest,
  defaultProduceRequest,
  defaultProduceResponsePartitionProduceResponse,
  defaultSyncGroupRequest,
  ErrorCode,
  type Uuid,
  uuidFromBytes,
} from "@runnel/kafka-protocol";
import { Namespace } from "@runnel/tenant";
import { describe, expect, it } from "vitest";
import {
  HIDDEN_NAME,
  namespacedApiKeys,
  type RequestMapping,
  type ResponseState,
  refuseReplicaFetch,
  requestIntoNamespace,
  responseOutOfNamespace,
  stripInternalNames,
  type TenantView,
  UNKNOWN_TOPIC_ID_MESSAGE,
} from "../src/tenant/namespacing.js";

const mine = new Namespace("lkc-aaaaaa");
const other = new Namespace("lkc-bbbbbb");
const MINE = (n: string) => mine.toInternal(n);
const OTHER = (n: string) => other.toInternal(n);

const uuid = (n: number): Uuid => uuidFromBytes(Buffer.alloc(16, n));
const MY_ID = uuid(1);
const OTHER_ID = uuid(2);
const OFFSETS_ID = uuid(3);
const MISSING_ID = uuid(4);

const cluster = [
  { id: MY_ID, name: MINE("orders"), partitionCount: 2 },
  { id: uuid(5), name: MINE("payments"), partitionCount: 1 },
  { id: OTHER_ID, name: OTHER("orders"), partitionCount: 3 },
  { id: OFFSETS_ID, name: "__consumer_offsets", partitionCount: 50 },
];

const view: TenantView = {
  ns: mine,
  topicNameById: (id) => cluster.find((t) => t.id === id)?.name,
  topics: () => cluster,
};

function intoNs<K extends ApiKey>(apiKey: K, version: number, request: ApiRequests[K]): RequestMapping<K> {
  return requestIntoNamespace(apiKey, version, request, view);
}

/** Maps a request in, expecting it to be forwarded. */
function forward<K extends ApiKey>(
  apiKey: K,
  version: number,
  request: ApiRequests[K],
): { request: ApiRequests[K]; state: ResponseState<K> } {
  const m = intoNs(apiKey, version, request);
  if (m.kind !== "forward") throw new Error(`expected a forwarded request, got ${m.kind}`);
  return m;
}

/** Maps a request in, expecting an answer up front. */
function answer<K extends ApiKey>(apiKey: K, version: number, request: ApiRequests[K]): ApiResponses[K] {
  const m = intoNs(apiKey, version, request);
  if (m.kind !== "answer") throw new Error(`expected an answer, got ${m.kind}`);
  return m.response;
}

function out<K extends ApiKey>(state: ResponseState<K>, response: ApiResponses[K]): ApiResponses[K] {
  return responseOutOfNamespace(response, view, state);
}

describe("error messages", () => {
  it("lose the tenant's own prefix and hide another tenant's names whole", () => {
    expect(stripInternalNames(`Topic ${MINE("orders")} has 2 partitions.`, mine)).toBe(
      "Topic orders has 2 partitions.",
    );
    expect(stripInternalNames(`'${MINE("a")}' and "${OTHER("secret.topic-1")}"`, mine)).toBe(
      `'a' and "${HIDDEN_NAME}"`,
    );
    // The tenant's own name that looks like another tenant's stays as the tenant wrote it.
    expect(stripInternalNames(`Topic ${MINE(OTHER("x"))} exists.`, mine)).toBe(`Topic ${OTHER("x")} exists.`);
    expect(stripInternalNames("No such topic __consumer_offsets-0", mine)).toBe(
      "No such topic __consumer_offsets-0",
    );
  });
});

describe("APIs without a namespacing rule", () => {
  it("are refused, never forwarded unmapped", () => {
    for (const key of [
      ApiKeys.AddPartitionsToTxn,
      ApiKeys.TxnOffsetCommit,
      ApiKeys.DescribeQuorum,
      ApiKeys.Vote,
    ]) {
      const m = requestIntoNamespace(key, 0, {} as never, view);
      expect(m.kind).toBe("unsupported");
      expect(namespacedApiKeys.has(key)).toBe(false);
    }
  });

  it("are not advertised by ApiVersions", () => {
    const { state } = forward(ApiKeys.ApiVersions, 3, {
      clientSoftwareName: "t",
      clientSoftwareVersion: "1",
    });
    const keys = [
      ApiKeys.Produce,
      ApiKeys.SaslHandshake,
      ApiKeys.AddPartitionsToTxn,
      ApiKeys.Metadata,
      ApiKeys.Vote,
    ];
    const res = out(state, {
      ...defaultApiVersionsResponse(),
      apiKeys: keys.map((apiKey) => ({ apiKey, minVersion: 0, maxVersion: 1 })),
    });
    expect(res.apiKeys.map((k) => k.apiKey)).toEqual([
      ApiKeys.Produce,
      ApiKeys.SaslHandshake,
      ApiKeys.Metadata,
    ]);
  });
});

describe("APIs scoped to the tenant by their handlers", () => {
  it("pass ACL resource names unchanged both ways, messages included", () => {
    const filter = {
      resourceTypeFilter: 2,
      resourceNameFilter: "orders",
      patternTypeFilter: 3,
      principalFilter: null,
      hostFilter: null,
      operation: 1,
      permissionType: 1,
    };
    const { request, state } = forward(ApiKeys.DescribeAcls, 3, filter);
    expect(request).toEqual(filter);
    const res = out(state, {
      throttleTimeMs: 0,
      errorCode: ErrorCode.INVALID_REQUEST,
      errorMessage: `No such resource ${OTHER("x")}`,
      resources: [],
    });
    expect(res.errorMessage).toBe(`No such resource ${OTHER("x")}`);
  });
});

describe("Produce (0)", () => {
  it("maps the transactional id and topics in, and results and messages out", () => {
    const request = {
      ...defaultProduceRequest(),
      transactionalId: "tx-1",
      topicData: [{ name: "orders", partitionData: [{ index: 0, records: new Uint8Array([1, 2]) }] }],
    };
    const { request: mapped, state } = forward(ApiKeys.Produce, 9, request);
    expect(mapped.transactionalId).toBe(MINE("tx-1"));
    expect(mapped.topicData[0]?.name).toBe(MINE("orders"));
    // The caller's request is not changed; the records are the same bytes.
    expect(request.topicData[0]?.name).toBe("orders");
    expect(mapped.topicData[0]?.partitionData[0]?.records).toBe(
      request.topicData[0]?.partitionData[0]?.records,
    );

    const response: ApiResponses[typeof ApiKeys.Produce] = {
      throttleTimeMs: 0,
      nodeEndpoints: [],
      responses: [
        {
          name: MINE("orders"),
          partitionResponses: [
            {
              ...defaultProduceResponsePartitionProduceResponse(),
              errorCode: ErrorCode.INVALID_RECORD,
              errorMessage: `Bad record in ${MINE("orders")}-0`,
              recordErrors: [{ batchIndex: 0, batchIndexErrorMessage: `${MINE("orders")}: key missing` }],
            },
          ],
        },
      ],
    };
    const res = out(state, response);
    // Nor is the broker's response.
    expect(response.responses[0]?.name).toBe(MINE("orders"));
    expect(res.responses[0]?.name).toBe("orders");
    expect(res.responses[0]?.partitionResponses[0]?.errorMessage).toBe("Bad record in orders-0");
    expect(res.responses[0]?.partitionResponses[0]?.recordErrors[0]?.batchIndexErrorMessage).toBe(
      "orders: key missing",
    );
  });

  it("keeps a null transactional id null", () => {
    expect(forward(ApiKeys.Produce, 9, defaultProduceRequest()).request.transactionalId).toBeNull();
  });
});

describe("Fetch (1)", () => {
  const partitions = [{ ...defaultFetchRequestFetchPartition(), partition: 0 }];

  it("maps topic names in and out before v13, forgotten topics too", () => {
    const { request, state } = forward(ApiKeys.Fetch, 12, {
      ...defaultFetchRequest(),
      topics: [{ topic: "orders", topicId: uuid(0), partitions }],
      forgottenTopicsData: [{ topic: "payments", topicId: uuid(0), partitions: [0] }],
    });
    expect(request.topics[0]?.topic).toBe(MINE("orders"));
    expect(request.forgottenTopicsData[0]?.topic).toBe(MINE("payments"));
    const res = out(state, {
      throttleTimeMs: 0,
      errorCode: 0,
      sessionId: 7,
      nodeEndpoints: [],
      responses: [
        { topic: MINE("orders"), topicId: uuid(0), partitions: [defaultFetchResponsePartitionData()] },
        // What a fetch session of another tenant would hold is never shown.
        { topic: OTHER("orders"), topicId: uuid(0), partitions: [defaultFetchResponsePartitionData()] },
      ],
    });
    expect(res.responses.map((t) => t.topic)).toEqual(["orders"]);
  });

  it("answers another tenant's topic id as an unknown topic id", () => {
    const res = answer(ApiKeys.Fetch, 13, {
      ...defaultFetchRequest(),
      topics: [{ topic: "", topicId: OTHER_ID, partitions }],
    });
    expect(res.responses).toHaveLength(1);
    expect(res.responses[0]?.topicId).toBe(OTHER_ID);
    expect(res.responses[0]?.partitions.map((p) => p.errorCode)).toEqual([ErrorCode.UNKNOWN_TOPIC_ID]);
    // Exactly as for an id no topic has.
    const missing = answer(ApiKeys.Fetch, 13, {
      ...defaultFetchRequest(),
      topics: [{ topic: "", topicId: MISSING_ID, partitions }],
    });
    expect(missing.responses[0]?.partitions).toEqual(res.responses[0]?.partitions.map((p) => ({ ...p })));
  });

  it("forwards the tenant's own topic ids and adds the refused ones to the answer", () => {
    const { request, state } = forward(ApiKeys.Fetch, 13, {
      ...defaultFetchRequest(),
      sessionId: 0,
      sessionEpoch: 0,
      topics: [
        { topic: "", topicId: MY_ID, partitions },
        { topic: "", topicId: OFFSETS_ID, partitions },
      ],
      forgottenTopicsData: [{ topic: "", topicId: OTHER_ID, partitions: [0] }],
    });
    expect(request.topics.map((t) => t.topicId)).toEqual([MY_ID]);
    expect(request.forgottenTopicsData).toEqual([]);
    const res = out(state, {
      throttleTimeMs: 0,
      errorCode: 0,
      sessionId: 9,
      nodeEndpoints: [],
      responses: [
        { topic: "", topicId: MY_ID, partitions: [defaultFetchResponsePartitionData()] },
        { topic: "", topicId: OTHER_ID, partitions: [defaultFetchResponsePartitionData()] },
      ],
    });
    expect(res.responses.map((t) => [t.topicId, t.partitions[0]?.errorCode])).toEqual([
      [MY_ID, ErrorCode.NONE],
      [OFFSETS_ID, ErrorCode.UNKNOWN_TOPIC_ID],
    ]);
  });

  it("never forwards another tenant's topic id to forget", () => {
    const { request } = forward(ApiKeys.Fetch, 13, {
      ...defaultFetchRequest(),
      sessionId: 5,
      sessionEpoch: 3,
      topics: [{ topic: "", topicId: MY_ID, partitions }],
      forgottenTopicsData: [OTHER_ID, MY_ID, MISSING_ID].map((topicId) => ({
        topic: "",
        topicId,
        partitions: [0],
      })),
    });
    expect(request.forgottenTopicsData.map((t) => t.topicId)).toEqual([MY_ID, MISSING_ID]);
  });

  it("refuses a fetch claiming a replica id on every partition (CVE-2018-1288)", () => {
    const follower = {
      ...defaultFetchRequest(),
      replicaId: 1,
      topics: [{ topic: "orders", topicId: uuid(0), partitions }],
    };
    const res = answer(ApiKeys.Fetch, 12, follower);
    expect(res.responses[0]?.topic).toBe("orders");
    expect(res.responses[0]?.partitions.map((p) => p.errorCode)).toEqual([
      ErrorCode.TOPIC_AUTHORIZATION_FAILED,
    ]);
    expect(res.responses[0]?.partitions[0]?.records).toBeNull();

    const v15 = {
      ...defaultFetchRequest(),
      replicaState: { replicaId: 2, replicaEpoch: 5n },
      topics: [{ topic: "", topicId: MY_ID, partitions }],
    };
    expect(refuseReplicaFetch(15, v15)?.responses[0]?.partitions[0]?.errorCode).toBe(
      ErrorCode.TOPIC_AUTHORIZATION_FAILED,
    );
    expect(answer(ApiKeys.Fetch, 15, v15).responses[0]?.topicId).toBe(MY_ID);
    expect(
      refuseReplicaFetch(15, { ...v15, replicaState: { replicaId: -1, replicaEpoch: -1n } }),
    ).toBeUndefined();
    expect(refuseReplicaFetch(12, { ...follower, replicaId: -1 })).toBeUndefined();
  });
});

describe("ListOffsets (2)", () => {
  it("maps topic names in and out", () => {
    const { request, state } = forward(ApiKeys.ListOffsets, 8, {
      ...defaultListOffsetsRequest(),
      topics: [{ name: "orders", partitions: [defaultListOffsetsRequestListOffsetsPartition()] }],
    });
    expect(request.topics[0]?.name).toBe(MINE("orders"));
    const res = out(state, { throttleTimeMs: 0, topics: [{ name: MINE("orders"), partitions: [] }] });
    expect(res.topics[0]?.name).toBe("orders");
  });
});

describe("Metadata (3)", () => {
  const topic = (name: string | null, topicId = uuid(0)) => ({
    ...defaultMetadataResponseMetadataResponseTopic(),
    name,
    topicId,
  });
  const everything = () => ({
    ...defaultMetadataResponse(),
    topics: [
      topic(MINE("orders")),
      topic(OTHER("orders")),
      topic("__consumer_offsets"),
      topic(MINE("payments")),
    ],
  });

  it("lists only the tenant's topics for all topics", () => {
    const { request, state } = forward(ApiKeys.Metadata, 12, { ...defaultMetadataRequest(), topics: null });
    expect(request.topics).toBeNull();
    expect(out(state, everything()).topics.map((t) => t.name)).toEqual(["orders", "payments"]);
    // v0 asks for all topics with an empty list.
    const v0 = forward(ApiKeys.Metadata, 0, { ...defaultMetadataRequest(), topics: [] });
    expect(out(v0.state, everything()).topics.map((t) => t.name)).toEqual(["orders", "payments"]);
  });

  it("keeps names with the separator or another tenant's id in the own namespace", () => {
    const names = ["__consumer_offsets", OTHER("orders"), "a_b"];
    const { request, state } = forward(ApiKeys.Metadata, 12, {
      ...defaultMetadataRequest(),
      topics: names.map((name) => ({ name, topicId: uuid(0) })),
    });
    expect(request.topics?.map((t) => t.name)).toEqual(names.map(MINE));
    const res = out(state, {
      ...defaultMetadataResponse(),
      topics: names.map((n) => ({ ...topic(MINE(n)), errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION })),
    });
    expect(res.topics.map((t) => t.name)).toEqual(names);
  });

  it("refuses names too long once prefixed, with Kafka's message counting the prefix", () => {
    const longest = "a".repeat(249 - mine.prefix.length);
    const tooLong = `${longest}a`;
    const { request, state } = forward(ApiKeys.Metadata, 12, {
      ...defaultMetadataRequest(),
      topics: [longest, tooLong].map((name) => ({ name, topicId: uuid(0) })),
    });
    expect(request.topics?.map((t) => t.name)).toEqual([MINE(longest)]);
    expect(MINE(longest)).toHaveLength(249);
    const res = out(state, {
      ...defaultMetadataResponse(),
      topics: [{ ...topic(MINE(longest)), errorCode: ErrorCode.LEADER_NOT_AVAILABLE }],
    });
    expect(res.topics.map((t) => [t.name, t.errorCode])).toEqual([
      [longest, ErrorCode.LEADER_NOT_AVAILABLE],
      [tooLong, ErrorCode.INVALID_TOPIC_EXCEPTION],
    ]);
  });

  it("answers a v0 request whose every name is refused with those names only", () => {
    const { request, state } = forward(ApiKeys.Metadata, 0, {
      ...defaultMetadataRequest(),
      topics: [{ name: "bad name", topicId: uuid(0) }],
    });
    // Forwarded empty, which v0 reads as all topics: the answer must still list none of them.
    expect(request.topics).toEqual([]);
    const res = out(state, everything());
    expect(res.topics.map((t) => [t.name, t.errorCode])).toEqual([
      ["bad name", ErrorCode.INVALID_TOPIC_EXCEPTION],
    ]);
  });

  it("answers another tenant's topic id as unknown and forwards the tenant's own", () => {
    const { request, state } = forward(ApiKeys.Metadata, 12, {
      ...defaultMetadataRequest(),
      topics: [
        { name: null, topicId: OTHER_ID },
        { name: null, topicId: MY_ID },
        { name: null, topicId: OFFSETS_ID },
      ],
    });
    expect(request.topics).toEqual([{ name: null, topicId: MY_ID }]);
    const res = out(state, { ...defaultMetadataResponse(), topics: [topic(MINE("orders"), MY_ID)] });
    expect(res.topics.map((t) => [t.name, t.topicId, t.errorCode])).toEqual([
      ["orders", MY_ID, ErrorCode.NONE],
      [null, OTHER_ID, ErrorCode.UNKNOWN_TOPIC_ID],
      [null, OFFSETS_ID, ErrorCode.UNKNOWN_TOPIC_ID],
    ]);
  });
});

describe("OffsetCommit (8) and OffsetFetch (9)", () => {
  it("maps the group and topics of a commit", () => {
    const { request, state } = forward(ApiKeys.OffsetCommit, 8, {
      ...defaultOffsetCommitRequest(),
      groupId: "g",
      topics: [{ name: "orders", partitions: [] }],
    });
    expect([request.groupId, request.topics[0]?.name]).toEqual([MINE("g"), MINE("orders")]);
    const res = out(state, { throttleTimeMs: 0, topics: [{ name: MINE("orders"), partitions: [] }] });
    expect(res.topics[0]?.name).toBe("orders");
  });

  it("filters a fetch of all the group's offsets (v0-7)", () => {
    const { request, state } = forward(ApiKeys.OffsetFetch, 7, {
      ...defaultOffsetFetchRequest(),
      groupId: "g",
      topics: null,
    });
    expect([request.groupId, request.topics]).toEqual([MINE("g"), null]);
    const res = out(state, {
      throttleTimeMs: 0,
      errorCode: 0,
      groups: [],
      topics: [
        { name: MINE("orders"), partitions: [] },
        { name: OTHER("orders"), partitions: [] },
        { name: "__consumer_offsets", partitions: [] },
      ],
    });
    expect(res.topics.map((t) => t.name)).toEqual(["orders"]);
  });

  it("maps groups and their topics from v8", () => {
    const { request, state } = forward(ApiKeys.OffsetFetch, 8, {
      ...defaultOffsetFetchRequest(),
      groups: [
        { ...defaultOffsetFetchRequestOffsetFetchRequestGroup(), groupId: "g", topics: null },
        {
          ...defaultOffsetFetchRequestOffsetFetchRequestGroup(),
          groupId: "h",
          topics: [{ name: "orders", partitionIndexes: [0] }],
        },
      ],
    });
    expect(request.groups.map((g) => g.groupId)).toEqual([MINE("g"), MINE("h")]);
    expect(request.groups[1]?.topics?.[0]?.name).toBe(MINE("orders"));
    const res = out(state, {
      throttleTimeMs: 0,
      errorCode: 0,
      topics: [],
      groups: [
        {
          groupId: MINE("g"),
          errorCode: 0,
          topics: [
            { name: MINE("orders"), partitions: [] },
            { name: OTHER("x"), partitions: [] },
          ],
        },
        { groupId: MINE("h"), errorCode: 0, topics: [{ name: MINE("orders"), partitions: [] }] },
      ],
    });
    expect(res.groups.map((g) => [g.groupId, g.topics.map((t) => t.name)])).toEqual([
      ["g", ["orders"]],
      ["h", ["orders"]],
    ]);
  });
});

describe("FindCoordinator (10)", () => {
  it("maps a group key (v0-3) and a transaction key", () => {
    expect(
      forward(ApiKeys.FindCoordinator, 0, { ...defaultFindCoordinatorRequest(), key: "g" }).request.key,
    ).toBe(MINE("g"));
    const txn = forward(ApiKeys.FindCoordinator, 3, {
      ...defaultFindCoordinatorRequest(),
      key: "tx",
      keyType: 1,
    });
    expect(txn.request.key).toBe(MINE("tx"));
  });

  it("maps batched keys in and out (v4+)", () => {
    const { request, state } = forward(ApiKeys.FindCoordinator, 4, {
      ...defaultFindCoordinatorRequest(),
      coordinatorKeys: ["g", "h"],
    });
    expect(request.coordinatorKeys).toEqual([MINE("g"), MINE("h")]);
    const res = out(state, {
      ...defaultFindCoordinatorResponse(),
      coordinators: ["g", "h"].map((k) => ({
        key: MINE(k),
        nodeId: 1,
        host: "b1",
        port: 1,
        errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE,
        errorMessage: `No coordinator for ${MINE(k)}`,
      })),
    });
    expect(res.coordinators.map((c) => [c.key, c.errorMessage])).toEqual([
      ["g", "No coordinator for g"],
      ["h", "No coordinator for h"],
    ]);
  });

  it("refuses key types it cannot map", () => {
    const res = answer(ApiKeys.FindCoordinator, 6, {
      ...defaultFindCoordinatorRequest(),
      keyType: 2,
      coordinatorKeys: ["g:topic:0"],
    });
    expect(res.coordinators.map((c) => [c.key, c.errorCode])).toEqual([
      ["g:topic:0", ErrorCode.INVALID_REQUEST],
    ]);
    expect(
      answer(ApiKeys.FindCoordinator, 3, { ...defaultFindCoordinatorRequest(), keyType: 2 }).errorCode,
    ).toBe(ErrorCode.INVALID_REQUEST);
  });
});

describe("group membership (11-14)", () => {
  it("maps the group id and passes the consumer-protocol bytes unchanged", () => {
    const metadata = new Uint8Array([0, 1, 0, 0, 0, 1, 0, 6, 111, 114, 100, 101, 114, 115]);
    const join = forward(ApiKeys.JoinGroup, 9, {
      ...defaultJoinGroupRequest(),
      groupId: "g",
      protocols: [{ name: "range", metadata }],
    });
    expect(join.request.groupId).toBe(MINE("g"));
    expect(join.request.protocols[0]?.metadata).toBe(metadata);
    expect(
      forward(ApiKeys.Heartbeat, 4, { ...defaultHeartbeatRequest(), groupId: "g" }).request.groupId,
    ).toBe(MINE("g"));
    expect(
      forward(ApiKeys.LeaveGroup, 5, { ...defaultLeaveGroupRequest(), groupId: "g" }).request.groupId,
    ).toBe(MINE("g"));
    const sync = forward(ApiKeys.SyncGroup, 5, {
      ...defaultSyncGroupRequest(),
      groupId: "g",
      assignments: [{ memberId: "m", assignment: metadata }],
    });
    expect(sync.request.groupId).toBe(MINE("g"));
    expect(sync.request.assignments[0]?.assignment).toBe(metadata);
  });

  it("keeps an empty group id empty, so that it stays invalid", () => {
    expect(forward(ApiKeys.JoinGroup, 9, defaultJoinGroupRequest()).request.groupId).toBe("");
  });
});

describe("DescribeGroups (15) and ListGroups (16)", () => {
  it("maps described groups in and out", () => {
    const { request, state } = forward(ApiKeys.DescribeGroups, 5, {
      ...defaultDescribeGroupsRequest(),
      groups: ["g", OTHER("g")],
    });
    expect(request.groups).toEqual([MINE("g"), MINE(OTHER("g"))]);
    const res = out(state, {
      throttleTimeMs: 0,
      groups: request.groups.map((groupId) => ({
        ...defaultDescribeGroupsResponseDescribedGroup(),
        groupId,
      })),
    });
    expect(res.groups.map((g) => g.groupId)).toEqual(["g", OTHER("g")]);
  });

  it("lists only the tenant's groups", () => {
    const { state } = forward(ApiKeys.ListGroups, 5, defaultListGroupsRequest());
    const res = out(state, {
      throttleTimeMs: 0,
      errorCode: 0,
      groups: [MINE("g"), OTHER("g"), "plain", MINE(OTHER("h"))].map((groupId) => ({
        ...defaultListGroupsResponseListedGroup(),
        groupId,
      })),
    });
    expect(res.groups.map((g) => g.groupId)).toEqual(["g", OTHER("h")]);
  });
});

describe("CreateTopics (19)", () => {
  it("creates in the namespace and refuses names the tenant may not use", () => {
    const tooLong = "b".repeat(249 - mine.prefix.length + 1);
    const names = ["orders", tooLong, "bad/name", "lkc-bbbbbb_x"];
    const { request, state } = forward(ApiKeys.CreateTopics, 7, {
      ...defaultCreateTopicsRequest(),
      topics: names.map((name) => ({ ...defaultCreateTopicsRequestCreatableTopic(), name })),
    });
    expect(request.topics.map((t) => t.name)).toEqual([MINE("orders"), MINE("lkc-bbbbbb_x")]);
    const res = out(state, {
      throttleTimeMs: 0,
      topics: [
        { ...defaultCreateTopicsResponseCreatableTopicResult(), name: MINE("orders"), errorMessage: null },
        {
          ...defaultCreateTopicsResponseCreatableTopicResult(),
          name: MINE("lkc-bbbbbb_x"),
          errorCode: ErrorCode.TOPIC_ALREADY_EXISTS,
          errorMessage: `Topic '${MINE("lkc-bbbbbb_x")}' already exists.`,
        },
      ],
    });
    expect(res.topics.map((t) => [t.name, t.errorCode, t.errorMessage])).toEqual([
      ["orders", ErrorCode.NONE, null],
      ["lkc-bbbbbb_x", ErrorCode.TOPIC_ALREADY_EXISTS, "Topic 'lkc-bbbbbb_x' already exists."],
      [
        tooLong,
        ErrorCode.INVALID_TOPIC_EXCEPTION,
        `Topic name is illegal, it can't be longer than 238 characters, topic name: ${tooLong}`,
      ],
      [
        "bad/name",
        ErrorCode.INVALID_TOPIC_EXCEPTION,
        `Topic name "bad/name" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'`,
      ],
    ]);
  });
});

describe("DeleteTopics (20)", () => {
  it("maps names before v6", () => {
    const { request } = forward(ApiKeys.DeleteTopics, 5, {
      ...defaultDeleteTopicsRequest(),
      topicNames: ["orders"],
    });
    expect(request.topicNames).toEqual([MINE("orders")]);
  });

  it("maps names and checks topic ids from v6", () => {
    const { request, state } = forward(ApiKeys.DeleteTopics, 6, {
      ...defaultDeleteTopicsRequest(),
      topics: [
        { name: "orders", topicId: uuid(0) },
        { name: null, topicId: MY_ID },
        { name: null, topicId: OTHER_ID },
      ],
    });
    expect(request.topics).toEqual([
      { name: MINE("orders"), topicId: uuid(0) },
      { name: null, topicId: MY_ID },
    ]);
    const res = out(state, {
      throttleTimeMs: 0,
      responses: [
        { name: MINE("orders"), topicId: MY_ID, errorCode: 0, errorMessage: null },
        { name: MINE("payments"), topicId: uuid(5), errorCode: 0, errorMessage: null },
      ],
    });
    expect(res.responses).toEqual([
      { name: "orders", topicId: MY_ID, errorCode: 0, errorMessage: null },
      { name: "payments", topicId: uuid(5), errorCode: 0, errorMessage: null },
      {
        name: null,
        topicId: OTHER_ID,
        errorCode: ErrorCode.UNKNOWN_TOPIC_ID,
        errorMessage: UNKNOWN_TOPIC_ID_MESSAGE,
      },
    ]);
  });
});

describe("DeleteRecords (21), InitProducerId (22), OffsetForLeaderEpoch (23)", () => {
  it("map their names", () => {
    const del = forward(ApiKeys.DeleteRecords, 2, {
      ...defaultDeleteRecordsRequest(),
      topics: [{ name: "orders", partitions: [{ partitionIndex: 0, offset: 5n }] }],
    });
    expect(del.request.topics[0]?.name).toBe(MINE("orders"));
    expect(
      out(del.state, { throttleTimeMs: 0, topics: [{ name: MINE("orders"), partitions: [] }] }).topics[0]
        ?.name,
    ).toBe("orders");

    const init = forward(ApiKeys.InitProducerId, 5, {
      ...defaultInitProducerIdRequest(),
      transactionalId: "tx",
    });
    expect(init.request.transactionalId).toBe(MINE("tx"));
    const idempotent = { ...defaultInitProducerIdRequest(), transactionalId: null };
    expect(forward(ApiKeys.InitProducerId, 5, idempotent).request.transactionalId).toBeNull();

    const epoch = forward(ApiKeys.OffsetForLeaderEpoch, 4, {
      ...defaultOffsetForLeaderEpochRequest(),
      topics: [{ topic: "orders", partitions: [] }],
    });
    expect(epoch.request.topics[0]?.topic).toBe(MINE("orders"));
    expect(
      out(epoch.state, { throttleTimeMs: 0, topics: [{ topic: MINE("orders"), partitions: [] }] }).topics[0]
        ?.topic,
    ).toBe("orders");
  });
});

describe("config APIs (32, 33, 44)", () => {
  it("map topic and group resources, leave broker resources, refuse the rest", () => {
    const { request, state } = forward(ApiKeys.DescribeConfigs, 4, {
      ...defaultDescribeConfigsRequest(),
      resources: [
        { resourceType: 2, resourceName: "orders", configurationKeys: null },
        { resourceType: 4, resourceName: "1", configurationKeys: null },
        { resourceType: 32, resourceName: "g", configurationKeys: null },
        { resourceType: 2, resourceName: "x".repeat(240), configurationKeys: null },
        { resourceType: 16, resourceName: "metrics", configurationKeys: null },
      ],
    });
    expect(request.resources.map((r) => r.resourceName)).toEqual([MINE("orders"), "1", MINE("g")]);
    const result = (resourceType: number, resourceName: string, errorMessage: string | null = null) => ({
      errorCode: 0,
      errorMessage,
      resourceType,
      resourceName,
      configs: [],
    });
    const res = out(state, {
      throttleTimeMs: 0,
      results: [
        result(2, MINE("orders"), `Topic ${MINE("orders")}: ok`),
        result(4, "1"),
        result(32, MINE("g")),
        result(2, OTHER("orders")),
      ],
    });
    expect(res.results.map((r) => [r.resourceType, r.resourceName, r.errorCode])).toEqual([
      [2, "orders", 0],
      [4, "1", 0],
      [32, "g", 0],
      [2, "x".repeat(240), ErrorCode.INVALID_TOPIC_EXCEPTION],
      [16, "metrics", ErrorCode.INVALID_REQUEST],
    ]);
    expect(res.results[0]?.errorMessage).toBe("Topic orders: ok");
  });

  it("map AlterConfigs and IncrementalAlterConfigs resources the same way", () => {
    const alter = forward(ApiKeys.AlterConfigs, 2, {
      ...defaultAlterConfigsRequest(),
      resources: [
        { resourceType: 2, resourceName: "orders", configs: [{ name: "retention.ms", value: "1" }] },
      ],
    });
    expect(alter.request.resources[0]?.resourceName).toBe(MINE("orders"));
    const altered = out(alter.state, {
      throttleTimeMs: 0,
      responses: [
        {
          errorCode: ErrorCode.INVALID_CONFIG,
          errorMessage: `Bad value for ${MINE("orders")}`,
          resourceType: 2,
          resourceName: MINE("orders"),
        },
      ],
    });
    expect(altered.responses[0]).toMatchObject({
      resourceName: "orders",
      errorMessage: "Bad value for orders",
    });

    const inc = forward(ApiKeys.IncrementalAlterConfigs, 1, {
      ...defaultIncrementalAlterConfigsRequest(),
      resources: [
        { resourceType: 2, resourceName: "", configs: [] },
        { resourceType: 4, resourceName: "", configs: [] },
      ],
    });
    // An empty topic name is refused with the tenant's message; "" is the cluster default for BROKER.
    expect(inc.request.resources).toEqual([{ resourceType: 4, resourceName: "", configs: [] }]);
    const incOut = out(inc.state, {
      throttleTimeMs: 0,
      responses: [{ errorCode: 0, errorMessage: null, resourceType: 4, resourceName: "" }],
    });
    expect(incOut.responses.map((r) => [r.resourceType, r.errorCode, r.errorMessage])).toEqual([
      [4, 0, null],
      [2, ErrorCode.INVALID_TOPIC_EXCEPTION, "Topic name is illegal, it can't be empty"],
    ]);
  });
});

describe("DescribeLogDirs (35)", () => {
  it("shows only the tenant's partitions of every hosted one", () => {
    const all = forward(ApiKeys.DescribeLogDirs, 4, { ...defaultDescribeLogDirsRequest(), topics: null });
    expect(all.request.topics).toBeNull();
    const res = out(all.state, {
      throttleTimeMs: 0,
      errorCode: 0,
      results: [
        {
          ...defaultDescribeLogDirsResponseDescribeLogDirsResult(),
          logDir: "/data",
          topics: [MINE("orders"), OTHER("orders"), "__consumer_offsets"].map((name) => ({
            name,
            partitions: [],
          })),
        },
      ],
    });
    expect(res.results[0]?.topics.map((t) => t.name)).toEqual(["orders"]);
    const named = forward(ApiKeys.DescribeLogDirs, 4, { topics: [{ topic: "orders", partitions: [0] }] });
    expect(named.request.topics?.[0]?.topic).toBe(MINE("orders"));
  });
});

describe("CreatePartitions (37), DeleteGroups (42), OffsetDelete (47)", () => {
  it("map their names in and out", () => {
    const cp = forward(ApiKeys.CreatePartitions, 3, {
      ...defaultCreatePartitionsRequest(),
      topics: [{ name: "orders", count: 4, assignments: null }],
    });
    expect(cp.request.topics[0]?.name).toBe(MINE("orders"));
    const cpOut = out(cp.state, {
      throttleTimeMs: 0,
      results: [
        {
          name: MINE("orders"),
          errorCode: ErrorCode.INVALID_PARTITIONS,
          errorMessage: `${MINE("orders")} has 4`,
        },
      ],
    });
    expect(cpOut.results).toEqual([
      { name: "orders", errorCode: ErrorCode.INVALID_PARTITIONS, errorMessage: "orders has 4" },
    ]);

    const dg = forward(ApiKeys.DeleteGroups, 2, { ...defaultDeleteGroupsRequest(), groupsNames: ["g"] });
    expect(dg.request.groupsNames).toEqual([MINE("g")]);
    expect(
      out(dg.state, { throttleTimeMs: 0, results: [{ groupId: MINE("g"), errorCode: 0 }] }).results,
    ).toEqual([{ groupId: "g", errorCode: 0 }]);

    const od = forward(ApiKeys.OffsetDelete, 0, {
      ...defaultOffsetDeleteRequest(),
      groupId: "g",
      topics: [{ name: "orders", partitions: [{ partitionIndex: 0 }] }],
    });
    expect([od.request.groupId, od.request.topics[0]?.name]).toEqual([MINE("g"), MINE("orders")]);
    const odOut = out(od.state, {
      errorCode: 0,
      throttleTimeMs: 0,
      topics: [{ name: MINE("orders"), partitions: [] }],
    });
    expect(odOut.topics[0]?.name).toBe("orders");
  });
});

describe("ElectLeaders (43)", () => {
  it("maps named partitions", () => {
    const { request, state } = forward(ApiKeys.ElectLeaders, 2, {
      ...defaultElectLeadersRequest(),
      topicPartitions: [{ topic: "orders", partitions: [0] }],
    });
    expect(request.topicPartitions).toEqual([{ topic: MINE("orders"), partitions: [0] }]);
    const res = out(state, {
      throttleTimeMs: 0,
      errorCode: 0,
      replicaElectionResults: [
        { topic: MINE("orders"), partitionResult: [{ partitionId: 0, errorCode: 0, errorMessage: null }] },
      ],
    });
    expect(res.replicaElectionResults[0]?.topic).toBe("orders");
  });

  it("turns all partitions into the tenant's own partitions", () => {
    const { request, state } = forward(ApiKeys.ElectLeaders, 2, {
      ...defaultElectLeadersRequest(),
      topicPartitions: null,
    });
    expect(request.topicPartitions).toEqual([
      { topic: MINE("orders"), partitions: [0, 1] },
      { topic: MINE("payments"), partitions: [0] },
    ]);
    const res = out(state, {
      throttleTimeMs: 0,
      errorCode: 0,
      replicaElectionResults: [
        {
          topic: MINE("orders"),
          partitionResult: [
            { partitionId: 0, errorCode: 0, errorMessage: null },
            { partitionId: 1, errorCode: ErrorCode.ELECTION_NOT_NEEDED, errorMessage: null },
          ],
        },
        {
          topic: MINE("payments"),
          partitionResult: [{ partitionId: 0, errorCode: ErrorCode.ELECTION_NOT_NEEDED, errorMessage: null }],
        },
      ],
    });
    // As the broker answers a null list: partitions that needed no election are left out.
    expect(res.replicaElectionResults).toEqual([
      { topic: "orders", partitionResult: [{ partitionId: 0, errorCode: 0, errorMessage: null }] },
    ]);
  });
});

describe("DescribeCluster (60)", () => {
  it("carries no names but has its message stripped", () => {
    const { request, state } = forward(ApiKeys.DescribeCluster, 1, defaultDescribeClusterRequest());
    expect(request).toEqual(defaultDescribeClusterRequest());
    const res = out(state, { ...defaultDescribeClusterResponse(), errorMessage: `about ${OTHER("x")}` });
    expect(res.errorMessage).toBe(`about ${HIDDEN_NAME}`);
  });
});

describe("DescribeProducers (61)", () => {
  it("maps names and refuses the ones the tenant may not use", () => {
    const { request, state } = forward(ApiKeys.DescribeProducers, 0, {
      ...defaultDescribeProducersRequest(),
      topics: [
        { name: "orders", partitionIndexes: [0] },
        { name: "no good", partitionIndexes: [0, 1] },
      ],
    });
    expect(request.topics).toEqual([{ name: MINE("orders"), partitionIndexes: [0] }]);
    const res = out(state, { throttleTimeMs: 0, topics: [{ name: MINE("orders"), partitions: [] }] });
    expect(res.topics.map((t) => [t.name, t.partitions.map((p) => p.errorCode)])).toEqual([
      ["orders", []],
      ["no good", [ErrorCode.INVALID_TOPIC_EXCEPTION, ErrorCode.INVALID_TOPIC_EXCEPTION]],
    ]);
  });
});

describe("DescribeTopicPartitions (75)", () => {
  const described = (name: string | null) => ({
    ...defaultDescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic(),
    name,
  });

  it("lists every topic of the tenant from its prefix on, and ends where its names end", () => {
    const { request, state } = forward(
      ApiKeys.DescribeTopicPartitions,
      0,
      defaultDescribeTopicPartitionsRequest(),
    );
    expect(request.topics).toEqual([]);
    expect(request.cursor).toEqual({ topicName: mine.prefix, partitionIndex: 0 });
    const res = out(state, {
      throttleTimeMs: 0,
      topics: [described(MINE("orders")), described(MINE("payments")), described(OTHER("orders"))],
      nextCursor: { topicName: OTHER("zz"), partitionIndex: 0 },
    });
    expect(res.topics.map((t) => t.name)).toEqual(["orders", "payments"]);
    expect(res.nextCursor).toBeNull();
  });

  it("maps a cursor in and a next cursor of the tenant's out", () => {
    const { request, state } = forward(ApiKeys.DescribeTopicPartitions, 0, {
      ...defaultDescribeTopicPartitionsRequest(),
      cursor: { topicName: "orders", partitionIndex: 1 },
    });
    expect(request.cursor).toEqual({ topicName: MINE("orders"), partitionIndex: 1 });
    const res = out(state, {
      throttleTimeMs: 0,
      topics: [described(MINE("orders"))],
      nextCursor: { topicName: MINE("payments"), partitionIndex: 0 },
    });
    expect(res.nextCursor).toEqual({ topicName: "payments", partitionIndex: 0 });
  });

  it("answers at once when every name asked for is refused, rather than asking for every topic", () => {
    const res = answer(ApiKeys.DescribeTopicPartitions, 0, {
      ...defaultDescribeTopicPartitionsRequest(),
      topics: [{ name: "" }],
    });
    expect(res.topics.map((t) => [t.name, t.errorCode])).toEqual([["", ErrorCode.INVALID_TOPIC_EXCEPTION]]);
    expect(res.nextCursor).toBeNull();
  });

  it("maps named topics and refuses too long ones", () => {
    const tooLong = "c".repeat(239);
    const { request, state } = forward(ApiKeys.DescribeTopicPartitions, 0, {
      ...defaultDescribeTopicPartitionsRequest(),
      topics: [{ name: "orders" }, { name: tooLong }],
    });
    expect(request.topics).toEqual([{ name: MINE("orders") }]);
    const res = out(state, { throttleTimeMs: 0, topics: [described(MINE("orders"))], nextCursor: null });
    expect(res.topics.map((t) => [t.name, t.errorCode])).toEqual([
      ["orders", ErrorCode.NONE],
      [tooLong, ErrorCode.INVALID_TOPIC_EXCEPTION],
    ]);
  });
});
