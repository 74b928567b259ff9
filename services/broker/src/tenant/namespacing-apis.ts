/**
 * The namespacing rule of each API the broker serves to tenants: where its
 * requests carry names (mapped in) and its responses carry names (mapped out,
 * with everything that is not the tenant's dropped). Error messages are
 * stripped for every API by the copy that namespacing.ts makes, so the rules
 * here deal with names only.
 *
 * Each rule works on a copy it may change in place. `into` returns an answer
 * to send instead of forwarding the request, or undefined to forward it;
 * names it refuses up front it answers by registering an edit that adds them
 * to the (mapped-out) response.
 */
import {
  type ApiKey,
  ApiKeys,
  type ApiRequests,
  type ApiResponses,
  type DescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic,
  defaultCreateTopicsResponseCreatableTopicResult,
  defaultDescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic,
  defaultFetchResponse,
  defaultFetchResponsePartitionData,
  defaultFindCoordinatorResponse,
  defaultMetadataResponseMetadataResponseTopic,
  ErrorCode,
  type FetchRequest,
  type FetchRequestFetchTopic,
  type FetchResponse,
  type FetchResponseFetchableTopicResponse,
  type Uuid,
  ZERO_UUID,
} from "@runnel/kafka-protocol";
import { type Into, intoAll, type OutOf } from "./namespacing-context.js";

export interface ApiNamespacing<K extends ApiKey> {
  /** Maps a copy of the request in, in place; returns an answer to send instead, or undefined to forward it. */
  into(request: ApiRequests[K], c: Into<K>): ApiResponses[K] | undefined;
  /** Maps a copy of the response out, in place. */
  outOf(response: ApiResponses[K], c: OutOf): void;
  /** The handler works in the tenant's own names: its messages are not stripped either. */
  readonly tenantScoped?: true;
}

export type NamespacingTable = { readonly [K in ApiKey]?: ApiNamespacing<K> };

/** Kafka's message for a topic id no topic has (the controller's wording). */
export const UNKNOWN_TOPIC_ID_MESSAGE = "No topic has the given topic id.";

/** ConfigResource types (Kafka's `ConfigResource.Type`). */
const RESOURCE_TOPIC = 2;
const RESOURCE_BROKER = 4;
const RESOURCE_BROKER_LOGGER = 8;
const RESOURCE_GROUP = 32;

/** FindCoordinator key types. */
const KEY_TYPE_GROUP = 0;
const KEY_TYPE_TRANSACTION = 1;

/** The APIs a client uses around authentication; they carry no resource names. */
export const CONNECTION_API_KEYS: ReadonlySet<number> = new Set([
  ApiKeys.SaslHandshake,
  ApiKeys.ApiVersions,
  ApiKeys.SaslAuthenticate,
]);

/** A rule for an API whose requests and responses carry no resource names (messages are still stripped). */
function noNames<K extends ApiKey>(): ApiNamespacing<K> {
  return { into: () => undefined, outOf: () => {} };
}

/**
 * A rule for an API whose handler scopes it to the connection's tenant
 * itself and speaks the tenant's own names: the ACL APIs (ACL bindings are
 * stored per tenant with external names) and the SCRAM credential APIs (the
 * users of the tenant's logical cluster). Nothing is mapped either way.
 */
function tenantScoped<K extends ApiKey>(): ApiNamespacing<K> {
  return { into: () => undefined, outOf: () => {}, tenantScoped: true };
}

/** A rule for an API whose only name is the group id of its request. */
function groupIdOnly<K extends ApiKey>(): ApiNamespacing<K> {
  return {
    into(request, c) {
      const r = request as { groupId: string };
      r.groupId = c.name(r.groupId);
      return undefined;
    },
    outOf: () => {},
  };
}

/**
 * Fetch requests claiming to come from a follower (replica id >= 0, or a
 * replica state with one from v15) are answered TOPIC_AUTHORIZATION_FAILED on
 * every partition, before any name is looked at: a client must not read past
 * the high watermark or move a follower's state (CVE-2018-1288, which Kafka
 * fixed by asking for ClusterAction on such fetches; tenants never have it).
 * Undefined for a consumer's fetch.
 */
export function refuseReplicaFetch(version: number, request: FetchRequest): FetchResponse | undefined {
  // Before v15 a follower sets replica_id; from v15 replica_state carries it instead.
  const follower = request.replicaId >= 0 || (version >= 15 && request.replicaState.replicaId >= 0);
  if (!follower) return undefined;
  return {
    ...defaultFetchResponse(),
    responses: request.topics.map((t) => fetchErrorTopic(t, ErrorCode.TOPIC_AUTHORIZATION_FAILED)),
  };
}

function fetchErrorTopic(t: FetchRequestFetchTopic, errorCode: number): FetchResponseFetchableTopicResponse {
  return {
    topic: t.topic,
    topicId: t.topicId,
    partitions: t.partitions.map((p) => ({
      ...defaultFetchResponsePartitionData(),
      partitionIndex: p.partition,
      errorCode,
      highWatermark: -1n,
      abortedTransactions: null,
    })),
  };
}

/**
 * Produce (0): the transactional id (v3+) and topic names. The record
 * batches are the client's bytes and carry no resource names.
 */
const produce: ApiNamespacing<typeof ApiKeys.Produce> = {
  into(r, c) {
    r.transactionalId = c.nullableName(r.transactionalId);
    intoAll(r.topicData, "name", c);
    return undefined;
  },
  outOf(r, c) {
    r.responses = c.own(r.responses, "name");
  },
};

/**
 * Fetch (1): follower fetches are refused (refuseReplicaFetch). Topic names
 * before v13; topic ids from v13, where an id that is not the tenant's is
 * answered UNKNOWN_TOPIC_ID on each of its partitions, as an id no topic has,
 * and left out of the forwarded request. A forgotten topic of another
 * tenant is dropped: it is not the tenant's to forget. The response keeps only
 * the tenant's topics: an incremental fetch answers from its fetch session,
 * and a session id is the broker's, so whatever a session holds is checked
 * again on the way out.
 */
const fetch: ApiNamespacing<typeof ApiKeys.Fetch> = {
  into(r, c) {
    const refused = refuseReplicaFetch(c.version, r);
    if (refused !== undefined) return refused;
    if (c.version < 13) {
      intoAll(r.topics, "topic", c);
      intoAll(r.forgottenTopicsData, "topic", c);
      return undefined;
    }
    // Runs first, on the broker's answer only: what the tenant asked for, or what is its own.
    const sent = new Set(r.topics.filter((t) => c.ownsTopicId(t.topicId)).map((t) => t.topicId));
    c.edit((res) => {
      res.responses = res.responses.filter((t) => sent.has(t.topicId) || c.ownsTopicId(t.topicId));
    });
    // Forgetting an id no topic has touches nothing; another tenant's topic is not the tenant's to forget.
    r.forgottenTopicsData = r.forgottenTopicsData.filter((t) => !c.isForeignTopicId(t.topicId));
    const foreign = r.topics.filter((t) => !sent.has(t.topicId));
    if (foreign.length === 0) return undefined;
    r.topics = r.topics.filter((t) => sent.has(t.topicId));
    const answers = foreign.map((t) => fetchErrorTopic(t, ErrorCode.UNKNOWN_TOPIC_ID));
    const sessionless = r.sessionId === 0 && r.sessionEpoch <= 0;
    if (r.topics.length === 0 && r.forgottenTopicsData.length === 0 && sessionless) {
      // Nothing left to read: answer at once, as the broker answers a partition error, rather
      // than forwarding an empty fetch that would wait out max_wait_ms. No session is created.
      return { ...defaultFetchResponse(), responses: answers };
    }
    c.edit((res) => res.responses.push(...answers));
    return undefined;
  },
  outOf(r, c) {
    // From v13 topics are ids: the edit registered on the way in filters them.
    if (c.version < 13) r.responses = c.own(r.responses, "topic");
  },
};

/**
 * Whether an answer for a topic id without a name may be shown: the ids a
 * tenant sends are checked to be its own on the way in, so an error for one
 * (a topic deleted meanwhile) is its own; anything else must be its topic.
 */
function unnamedIsOwn(t: { readonly topicId: Uuid; readonly errorCode: number }, c: OutOf): boolean {
  return t.errorCode !== ErrorCode.NONE || c.ownsTopicId(t.topicId);
}

/** ListOffsets (2): topic names. */
const listOffsets: ApiNamespacing<typeof ApiKeys.ListOffsets> = {
  into(r, c) {
    intoAll(r.topics, "name", c);
    return undefined;
  },
  outOf(r, c) {
    r.topics = c.own(r.topics, "name");
  },
};

/**
 * Metadata (3): all topics (a null list, or an empty one in v0) come back
 * filtered to the tenant's. Requested names are checked with the tenant's
 * limits first (INVALID_TOPIC_EXCEPTION, which is what the broker answers an
 * illegal name with, and it may auto-create the others); requested topic ids
 * (v10+, with a null name) that are not the tenant's are UNKNOWN_TOPIC_ID.
 * An answer to a list of names holds only those names, so a v0 request whose
 * every name was refused (and is forwarded empty, which v0 reads as "all")
 * lists nothing.
 */
const metadata: ApiNamespacing<typeof ApiKeys.Metadata> = {
  into(r, c) {
    if (r.topics === null || (c.version === 0 && r.topics.length === 0)) return undefined;
    const names = new Set<string>();
    const ids = new Set<Uuid>();
    c.edit((res) => {
      // A topic asked for by id is answered with its name too.
      res.topics = res.topics.filter((t) => ids.has(t.topicId) || (t.name !== null && names.has(t.name)));
    });
    const forwarded: typeof r.topics = [];
    for (const t of r.topics) {
      if (t.name === null) {
        if (t.topicId !== ZERO_UUID && !c.ownsTopicId(t.topicId)) {
          const topicId = t.topicId;
          c.edit((res) => res.topics.push(metadataErrorTopic(null, topicId, ErrorCode.UNKNOWN_TOPIC_ID)));
          continue;
        }
        ids.add(t.topicId);
        forwarded.push(t);
        continue;
      }
      const name = t.name;
      if (c.ns.topicNameProblem(name) !== undefined) {
        c.edit((res) =>
          res.topics.push(metadataErrorTopic(name, ZERO_UUID, ErrorCode.INVALID_TOPIC_EXCEPTION)),
        );
        continue;
      }
      names.add(name);
      forwarded.push({ ...t, name: c.name(name) });
    }
    r.topics = forwarded;
    return undefined;
  },
  outOf(r, c) {
    r.topics = r.topics.filter((t) => {
      if (t.name === null) return unnamedIsOwn(t, c);
      const external = c.name(t.name);
      if (external === undefined) return false;
      t.name = external;
      return true;
    });
  },
};

function metadataErrorTopic(name: string | null, topicId: Uuid, errorCode: number) {
  return { ...defaultMetadataResponseMetadataResponseTopic(), name, topicId, errorCode };
}

/** OffsetCommit (8): the group id and topic names. */
const offsetCommit: ApiNamespacing<typeof ApiKeys.OffsetCommit> = {
  into(r, c) {
    r.groupId = c.name(r.groupId);
    intoAll(r.topics, "name", c);
    return undefined;
  },
  outOf(r, c) {
    r.topics = c.own(r.topics, "name");
  },
};

/**
 * OffsetFetch (9): one group and its topics before v8, a list of groups from
 * v8; a null topic list (all the group's offsets) comes back filtered like
 * any other answer.
 */
const offsetFetch: ApiNamespacing<typeof ApiKeys.OffsetFetch> = {
  into(r, c) {
    if (c.version < 8) {
      r.groupId = c.name(r.groupId);
      if (r.topics !== null) intoAll(r.topics, "name", c);
      return undefined;
    }
    for (const g of r.groups) {
      g.groupId = c.name(g.groupId);
      if (g.topics !== null) intoAll(g.topics, "name", c);
    }
    return undefined;
  },
  outOf(r, c) {
    if (c.version < 8) {
      r.topics = c.own(r.topics, "name");
      return;
    }
    r.groups = c.own(r.groups, "groupId");
    for (const g of r.groups) g.topics = c.own(g.topics, "name");
  },
};

/**
 * FindCoordinator (10): keys of type GROUP (0; every key before v1) and
 * TRANSACTION (1) are group and transactional ids. Other key types (the share
 * groups of v6, whose keys hold a group id and a topic id) are refused with
 * INVALID_REQUEST before the broker sees them, so no key reaches it unmapped.
 */
const findCoordinator: ApiNamespacing<typeof ApiKeys.FindCoordinator> = {
  into(r, c) {
    const keyType = c.version >= 1 ? r.keyType : KEY_TYPE_GROUP;
    if (keyType !== KEY_TYPE_GROUP && keyType !== KEY_TYPE_TRANSACTION) {
      const errorMessage = `Key type ${keyType} is not supported.`;
      if (c.version < 4) {
        return {
          ...defaultFindCoordinatorResponse(),
          errorCode: ErrorCode.INVALID_REQUEST,
          errorMessage,
          nodeId: -1,
          port: -1,
        };
      }
      return {
        ...defaultFindCoordinatorResponse(),
        coordinators: r.coordinatorKeys.map((key) => ({
          key,
          nodeId: -1,
          host: "",
          port: -1,
          errorCode: ErrorCode.INVALID_REQUEST,
          errorMessage,
        })),
      };
    }
    if (c.version < 4) r.key = c.name(r.key);
    else r.coordinatorKeys = r.coordinatorKeys.map((k) => c.name(k));
    return undefined;
  },
  outOf(r, c) {
    if (c.version >= 4) r.coordinators = c.own(r.coordinators, "key");
  },
};

/**
 * JoinGroup (11) and SyncGroup (14): the group id. The protocol metadata and
 * assignments are opaque bytes of the consumer protocol that do name topics,
 * but the broker does not read them for classic groups: it hands them from
 * member to member of the same group, that is of the same tenant, so the
 * client only ever sees its own names there and they pass unchanged.
 */
const joinGroup = groupIdOnly<typeof ApiKeys.JoinGroup>();
const syncGroup = groupIdOnly<typeof ApiKeys.SyncGroup>();
/** Heartbeat (12), LeaveGroup (13): the group id. */
const heartbeat = groupIdOnly<typeof ApiKeys.Heartbeat>();
const leaveGroup = groupIdOnly<typeof ApiKeys.LeaveGroup>();

/** DescribeGroups (15): group ids. Member metadata and assignments pass as in JoinGroup. */
const describeGroups: ApiNamespacing<typeof ApiKeys.DescribeGroups> = {
  into(r, c) {
    r.groups = r.groups.map((g) => c.name(g));
    return undefined;
  },
  outOf(r, c) {
    r.groups = c.own(r.groups, "groupId");
  },
};

/** ListGroups (16): the listing keeps the tenant's groups only. */
const listGroups: ApiNamespacing<typeof ApiKeys.ListGroups> = {
  into: () => undefined,
  outOf(r, c) {
    r.groups = c.own(r.groups, "groupId");
  },
};

/**
 * ApiVersions (18): no names; the answer advertises only the APIs this
 * mapping knows (and the connection's own ones), since any other is refused.
 */
const apiVersions: ApiNamespacing<typeof ApiKeys.ApiVersions> = {
  into: () => undefined,
  outOf(r) {
    r.apiKeys = r.apiKeys.filter((k) => k.apiKey in namespacingTable || CONNECTION_API_KEYS.has(k.apiKey));
  },
};

/**
 * CreateTopics (19): names are checked with the tenant's limits before the
 * broker sees them: an illegal or too long name (the prefix counted) is
 * INVALID_TOPIC_EXCEPTION with the tenant's own name in the message.
 */
const createTopics: ApiNamespacing<typeof ApiKeys.CreateTopics> = {
  into(r, c) {
    r.topics = r.topics.filter((t) => {
      const problem = c.ns.topicNameProblem(t.name);
      if (problem === undefined) return true;
      const name = t.name;
      c.edit((res) =>
        res.topics.push({
          ...defaultCreateTopicsResponseCreatableTopicResult(),
          name,
          errorCode: ErrorCode.INVALID_TOPIC_EXCEPTION,
          errorMessage: problem,
          numPartitions: -1,
          replicationFactor: -1,
          configs: null,
        }),
      );
      return false;
    });
    intoAll(r.topics, "name", c);
    return undefined;
  },
  outOf(r, c) {
    r.topics = c.own(r.topics, "name");
  },
};

/** DeleteTopics (20): names before v6; names or topic ids from v6 (a foreign id is UNKNOWN_TOPIC_ID). */
const deleteTopics: ApiNamespacing<typeof ApiKeys.DeleteTopics> = {
  into(r, c) {
    if (c.version < 6) {
      r.topicNames = r.topicNames.map((n) => c.name(n));
      return undefined;
    }
    r.topics = r.topics.filter((t) => {
      if (t.name !== null && t.name !== "") {
        t.name = c.name(t.name);
        return true;
      }
      if (c.ownsTopicId(t.topicId)) return true;
      const topicId = t.topicId;
      c.edit((res) =>
        res.responses.push({
          name: null,
          topicId,
          errorCode: ErrorCode.UNKNOWN_TOPIC_ID,
          errorMessage: UNKNOWN_TOPIC_ID_MESSAGE,
        }),
      );
      return false;
    });
    return undefined;
  },
  outOf(r, c) {
    r.responses = r.responses.filter((t) => {
      if (t.name === null) return unnamedIsOwn(t, c);
      const external = c.name(t.name);
      if (external === undefined) return false;
      t.name = external;
      return true;
    });
  },
};

/** DeleteRecords (21): topic names. */
const deleteRecords: ApiNamespacing<typeof ApiKeys.DeleteRecords> = {
  into(r, c) {
    intoAll(r.topics, "name", c);
    return undefined;
  },
  outOf(r, c) {
    r.topics = c.own(r.topics, "name");
  },
};

/** InitProducerId (22): the transactional id (null for an idempotent producer). */
const initProducerId: ApiNamespacing<typeof ApiKeys.InitProducerId> = {
  into(r, c) {
    r.transactionalId = c.nullableName(r.transactionalId);
    return undefined;
  },
  outOf: () => {},
};

/** OffsetForLeaderEpoch (23): topic names. */
const offsetForLeaderEpoch: ApiNamespacing<typeof ApiKeys.OffsetForLeaderEpoch> = {
  into(r, c) {
    intoAll(r.topics, "topic", c);
    return undefined;
  },
  outOf(r, c) {
    r.topics = c.own(r.topics, "topic");
  },
};

/**
 * How a config resource of the config APIs is mapped in: TOPIC names with
 * the tenant's limits checked first, GROUP names as group ids, BROKER and
 * BROKER_LOGGER names (broker ids) left as they are (whether a tenant may
 * see them is an ACL question); any other type is refused.
 */
type ConfigResourceVerdict =
  | { readonly kind: "map"; readonly name: string }
  | { readonly kind: "refuse"; readonly errorCode: number; readonly errorMessage: string };

function configResourceInto(
  resourceType: number,
  name: string,
  c: Pick<Into<ApiKey>, "ns" | "name">,
): ConfigResourceVerdict {
  switch (resourceType) {
    case RESOURCE_TOPIC: {
      const problem = c.ns.topicNameProblem(name);
      if (problem !== undefined) {
        return { kind: "refuse", errorCode: ErrorCode.INVALID_TOPIC_EXCEPTION, errorMessage: problem };
      }
      return { kind: "map", name: c.name(name) };
    }
    case RESOURCE_GROUP:
      return { kind: "map", name: c.name(name) };
    case RESOURCE_BROKER:
    case RESOURCE_BROKER_LOGGER:
      return { kind: "map", name };
    default:
      return {
        kind: "refuse",
        errorCode: ErrorCode.INVALID_REQUEST,
        errorMessage: `Resource type ${resourceType} is not supported.`,
      };
  }
}

/** A config result mapped out: undefined when it names another tenant's resource. */
function configResourceOutOf(resourceType: number, name: string, c: OutOf): string | undefined {
  return resourceType === RESOURCE_TOPIC || resourceType === RESOURCE_GROUP ? c.name(name) : name;
}

interface ConfigResource {
  resourceType: number;
  resourceName: string;
}

/**
 * The shared shape of DescribeConfigs, AlterConfigs and
 * IncrementalAlterConfigs: resources in, results out; a refused resource
 * is answered with `refusal(resource, code, message)`. The API key only
 * names the API, for the types.
 */
function configApi<K extends ApiKey, Req extends ConfigResource, Res extends ConfigResource>(
  _apiKey: K,
  requestResources: (r: ApiRequests[K]) => Req[],
  responseResources: (r: ApiResponses[K]) => Res[],
  refusal: (resource: Req, errorCode: number, errorMessage: string) => Res,
): ApiNamespacing<K> {
  return {
    into(r, c) {
      retain(requestResources(r), (res) => {
        const verdict = configResourceInto(res.resourceType, res.resourceName, c);
        if (verdict.kind === "map") {
          res.resourceName = verdict.name;
          return true;
        }
        const answer = refusal(res, verdict.errorCode, verdict.errorMessage);
        c.edit((response) => responseResources(response).push(answer));
        return false;
      });
      return undefined;
    },
    outOf(r, c) {
      retain(responseResources(r), (res) => {
        const external = configResourceOutOf(res.resourceType, res.resourceName, c);
        if (external === undefined) return false;
        res.resourceName = external;
        return true;
      });
    },
  };
}

/** Keeps the items `keep` says yes to, in place (the arrays are the mapping's own copies). */
function retain<T>(items: T[], keep: (item: T) => boolean): void {
  let kept = 0;
  for (const item of items) if (keep(item)) items[kept++] = item;
  items.length = kept;
}

/** DescribeConfigs (32): see configApi. */
const describeConfigs = configApi(
  ApiKeys.DescribeConfigs,
  (r) => r.resources,
  (r) => r.results,
  (res, errorCode, errorMessage) => ({
    errorCode,
    errorMessage,
    resourceType: res.resourceType,
    resourceName: res.resourceName,
    configs: [],
  }),
);

/** AlterConfigs (33): see configApi. */
const alterConfigs = configApi(
  ApiKeys.AlterConfigs,
  (r) => r.resources,
  (r) => r.responses,
  (res, errorCode, errorMessage) => ({
    errorCode,
    errorMessage,
    resourceType: res.resourceType,
    resourceName: res.resourceName,
  }),
);

/** IncrementalAlterConfigs (44): see configApi. */
const incrementalAlterConfigs = configApi(
  ApiKeys.IncrementalAlterConfigs,
  (r) => r.resources,
  (r) => r.responses,
  (res, errorCode, errorMessage) => ({
    errorCode,
    errorMessage,
    resourceType: res.resourceType,
    resourceName: res.resourceName,
  }),
);

/** DescribeLogDirs (35): topic names; a null list (every hosted partition) comes back filtered. */
const describeLogDirs: ApiNamespacing<typeof ApiKeys.DescribeLogDirs> = {
  into(r, c) {
    if (r.topics !== null) intoAll(r.topics, "topic", c);
    return undefined;
  },
  outOf(r, c) {
    for (const dir of r.results) dir.topics = c.own(dir.topics, "name");
  },
};

/** CreatePartitions (37): topic names. */
const createPartitions: ApiNamespacing<typeof ApiKeys.CreatePartitions> = {
  into(r, c) {
    intoAll(r.topics, "name", c);
    return undefined;
  },
  outOf(r, c) {
    r.results = c.own(r.results, "name");
  },
};

/** DeleteGroups (42): group ids. */
const deleteGroups: ApiNamespacing<typeof ApiKeys.DeleteGroups> = {
  into(r, c) {
    r.groupsNames = r.groupsNames.map((g) => c.name(g));
    return undefined;
  },
  outOf(r, c) {
    r.results = c.own(r.results, "groupId");
  },
};

/**
 * ElectLeaders (43): topic names. A null list means every partition of the
 * cluster; for a tenant it names every partition of the tenant's topics
 * instead, and the answer leaves out those that needed no election, as the
 * broker's answer to a null list does.
 */
const electLeaders: ApiNamespacing<typeof ApiKeys.ElectLeaders> = {
  into(r, c) {
    if (r.topicPartitions !== null) {
      intoAll(r.topicPartitions, "topic", c);
      return undefined;
    }
    const own: { topic: string; partitions: number[] }[] = [];
    for (const t of c.view.topics()) {
      if (!c.ns.owns(t.name)) continue;
      own.push({ topic: t.name, partitions: Array.from({ length: t.partitionCount }, (_, i) => i) });
    }
    r.topicPartitions = own.sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
    c.edit((res) => {
      for (const t of res.replicaElectionResults) {
        t.partitionResult = t.partitionResult.filter((p) => p.errorCode !== ErrorCode.ELECTION_NOT_NEEDED);
      }
      res.replicaElectionResults = res.replicaElectionResults.filter((t) => t.partitionResult.length > 0);
    });
    return undefined;
  },
  outOf(r, c) {
    r.replicaElectionResults = c.own(r.replicaElectionResults, "topic");
  },
};

/** OffsetDelete (47): the group id and topic names. */
const offsetDelete: ApiNamespacing<typeof ApiKeys.OffsetDelete> = {
  into(r, c) {
    r.groupId = c.name(r.groupId);
    intoAll(r.topics, "name", c);
    return undefined;
  },
  outOf(r, c) {
    r.topics = c.own(r.topics, "name");
  },
};

/**
 * DescribeProducers (61): topic names, checked with the tenant's limits
 * first (the broker answers an illegal name INVALID_TOPIC_EXCEPTION on every
 * partition asked for, with the reason).
 */
const describeProducers: ApiNamespacing<typeof ApiKeys.DescribeProducers> = {
  into(r, c) {
    r.topics = r.topics.filter((t) => {
      const problem = c.ns.topicNameProblem(t.name);
      if (problem === undefined) {
        t.name = c.name(t.name);
        return true;
      }
      const answer = {
        name: t.name,
        partitions: t.partitionIndexes.map((partitionIndex) => ({
          partitionIndex,
          errorCode: ErrorCode.INVALID_TOPIC_EXCEPTION,
          errorMessage: problem,
          activeProducers: [],
        })),
      };
      c.edit((res) => res.topics.push(answer));
      return false;
    });
    return undefined;
  },
  outOf(r, c) {
    r.topics = c.own(r.topics, "name");
  },
};

/**
 * DescribeTopicPartitions (75): names, checked with the tenant's limits
 * first, and the cursor. An empty list (every topic, in name order) becomes
 * every topic from the tenant's prefix on: the tenant's internal names sort
 * together, so the answer starts with them and its partition limit is spent
 * on them; what follows them is dropped, and a next cursor that points past
 * them is no cursor (the tenant's listing is complete).
 */
const describeTopicPartitions: ApiNamespacing<typeof ApiKeys.DescribeTopicPartitions> = {
  into(r, c) {
    if (r.topics.length === 0) {
      r.cursor =
        r.cursor === null
          ? { topicName: c.ns.prefix, partitionIndex: 0 }
          : { ...r.cursor, topicName: c.ns.toInternal(r.cursor.topicName) };
      return undefined;
    }
    const refused: DescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic[] = [];
    r.topics = r.topics.filter((t) => {
      const problem = c.ns.topicNameProblem(t.name);
      if (problem === undefined) {
        t.name = c.name(t.name);
        return true;
      }
      refused.push({
        ...defaultDescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic(),
        name: t.name,
        errorCode: ErrorCode.INVALID_TOPIC_EXCEPTION,
      });
      return false;
    });
    // Forwarded empty, the list would ask for every topic: answer the refused names alone.
    if (r.topics.length === 0) return { throttleTimeMs: 0, topics: refused, nextCursor: null };
    c.edit((res) => res.topics.push(...refused));
    if (r.cursor !== null) r.cursor.topicName = c.name(r.cursor.topicName);
    return undefined;
  },
  outOf(r, c) {
    r.topics = r.topics.filter((t) => {
      if (t.name === null) return unnamedIsOwn(t, c);
      const external = c.name(t.name);
      if (external === undefined) return false;
      t.name = external;
      return true;
    });
    if (r.nextCursor !== null) {
      const external = c.name(r.nextCursor.topicName);
      r.nextCursor = external === undefined ? null : { ...r.nextCursor, topicName: external };
    }
  },
};

/**
 * Every API a tenant may use. The ones that carry no resource names, whose
 * requests pass unchanged (their error messages are still stripped):
 * SaslHandshake (17), ApiVersions (18, its answer filtered to this table),
 * SaslAuthenticate (36) and DescribeCluster (60). Config resources of type
 * BROKER and BROKER_LOGGER are broker ids and pass unchanged too. The ACL
 * APIs (29-31) and SCRAM credential APIs (50, 51) are scoped to the tenant
 * by their handlers and pass unchanged both ways.
 */
export const namespacingTable: NamespacingTable = {
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
  [ApiKeys.SaslHandshake]: noNames(),
  [ApiKeys.ApiVersions]: apiVersions,
  [ApiKeys.CreateTopics]: createTopics,
  [ApiKeys.DeleteTopics]: deleteTopics,
  [ApiKeys.DeleteRecords]: deleteRecords,
  [ApiKeys.InitProducerId]: initProducerId,
  [ApiKeys.OffsetForLeaderEpoch]: offsetForLeaderEpoch,
  [ApiKeys.DescribeAcls]: tenantScoped(),
  [ApiKeys.CreateAcls]: tenantScoped(),
  [ApiKeys.DeleteAcls]: tenantScoped(),
  [ApiKeys.DescribeConfigs]: describeConfigs,
  [ApiKeys.AlterConfigs]: alterConfigs,
  [ApiKeys.DescribeLogDirs]: describeLogDirs,
  [ApiKeys.SaslAuthenticate]: noNames(),
  [ApiKeys.CreatePartitions]: createPartitions,
  [ApiKeys.DeleteGroups]: deleteGroups,
  [ApiKeys.ElectLeaders]: electLeaders,
  [ApiKeys.IncrementalAlterConfigs]: incrementalAlterConfigs,
  [ApiKeys.OffsetDelete]: offsetDelete,
  [ApiKeys.DescribeUserScramCredentials]: tenantScoped(),
  [ApiKeys.AlterUserScramCredentials]: tenantScoped(),
  [ApiKeys.DescribeCluster]: noNames(),
  [ApiKeys.DescribeProducers]: describeProducers,
  [ApiKeys.DescribeTopicPartitions]: describeTopicPartitions,
};
