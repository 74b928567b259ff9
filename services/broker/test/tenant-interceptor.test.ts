/**
 * The tenant interceptor around a handler: the operator's requests go straight through; a
 * tenant's are refused as follower fetches, held to its request size limit, authorized by its
 * ACLs (admin keys skip them), mapped into its namespace on the way in and out of it on the way
 * back, and see their logical cluster's id as the cluster id.
 */
import {
  type ApiKey,
  ApiKeys,
  type ApiRequests,
  type ApiResponses,
  defaultFetchRequest,
  defaultMetadataRequest,
  defaultMetadataResponse,
  defaultMetadataResponseMetadataResponseTopic,
  defaultProduceRequest,
  defaultProduceResponse,
  ErrorCode,
  ZERO_UUID,
} from "@runnel/kafka-protocol";
import { emptyImage, type MetadataImage } from "@runnel/metadata";
import { AclOperation, AclPermissionType, PatternType, ResourceType } from "@runnel/tenant";
import { describe, expect, it } from "vitest";
import { OPERATOR_SESSION, type Session } from "../src/auth/session.js";
import type { BrokerContext } from "../src/context.js";
import type { AnyHandler, RequestContext } from "../src/kafka/server.js";
import { withTenantInterceptor } from "../src/tenant/interceptor.js";

const A = "lkc-aaaaaa";
const B = "lkc-bbbbbb";

function topic(name: string, id: number) {
  const bytes = new Uint8Array(16);
  bytes[15] = id;
  return {
    id: bytes,
    key: Buffer.from(bytes).toString("base64url"),
    name,
    partitions: [{ replicas: [1], isr: [1], leader: 1, leaderEpoch: 0, partitionEpoch: 0 }],
  };
}

function image(): MetadataImage {
  const topics = [topic(`${A}_orders`, 1), topic(`${B}_orders`, 2), topic("__consumer_offsets", 3)];
  const readOrders = {
    id: new Uint8Array(16).fill(7),
    key: "acl",
    logicalClusterId: A,
    resourceType: ResourceType.TOPIC,
    resourceName: "orders",
    patternType: PatternType.LITERAL,
    principal: "User:reader",
    host: "*",
    operation: AclOperation.DESCRIBE,
    permissionType: AclPermissionType.ALLOW,
  };
  return {
    ...emptyImage(),
    topics: new Map(topics.map((t) => [t.key, t])),
    topicKeysByName: new Map(topics.map((t) => [t.name, t.key])),
    acls: new Map([[A, new Map([["acl", readOrders]])]]),
    tenantQuotas: new Map([[A, new Map([["max_request_bytes", 100]])]]),
  };
}

function broker(): BrokerContext {
  const img = image();
  return {
    settings: {
      nodeId: 1,
      clusterId: "physical",
      autoCreateTopics: false,
      defaultPartitions: 1,
      defaultReplicationFactor: 1,
    },
    image: () => img,
    waitForImage: async () => true,
    controller: undefined as never,
    supportedApis: () => [],
  };
}

function context(apiKey: ApiKey, apiVersion: number, session: Session): RequestContext {
  return {
    header: { requestApiKey: apiKey, requestApiVersion: apiVersion, correlationId: 1, clientId: "t" },
    apiVersion,
    connectionId: 1,
    remoteAddress: "10.0.0.9:4242",
    signal: new AbortController().signal,
    session,
    closeAfterResponse: () => {},
    release: () => {},
  };
}

/** A Metadata handler that answers every topic of the image (as the real one does for a null list) and records what it was asked. */
function metadataHandler(seen: ApiRequests[typeof ApiKeys.Metadata][]): AnyHandler {
  return {
    apiKey: ApiKeys.Metadata,
    minVersion: 0,
    maxVersion: 12,
    handle(request: ApiRequests[typeof ApiKeys.Metadata]) {
      seen.push(request);
      const names =
        request.topics === null
          ? [...image().topicKeysByName.keys()]
          : request.topics.map((t) => t.name ?? "");
      return {
        ...defaultMetadataResponse(),
        clusterId: "physical",
        topics: names.map((name) => ({ ...defaultMetadataResponseMetadataResponseTopic(), name })),
      } satisfies ApiResponses[typeof ApiKeys.Metadata];
    },
  };
}

const session = (logicalClusterId: string, admin: boolean, principal = "User:key"): Session => ({
  authenticated: true,
  principal,
  logicalClusterId,
  admin,
});

describe("the tenant interceptor", () => {
  it("passes the operator's requests through untouched", async () => {
    const seen: ApiRequests[typeof ApiKeys.Metadata][] = [];
    const h = withTenantInterceptor(metadataHandler(seen), broker());
    const r = (await h.handle(
      { ...defaultMetadataRequest(), topics: null },
      context(ApiKeys.Metadata, 12, OPERATOR_SESSION),
    )) as ApiResponses[typeof ApiKeys.Metadata];
    expect(seen[0]?.topics).toBeNull();
    expect(r.clusterId).toBe("physical");
    expect(r.topics.map((t) => t.name)).toEqual([`${A}_orders`, `${B}_orders`, "__consumer_offsets"]);
  });

  it("maps an admin tenant's names in and out, shows only its own topics and its own cluster id", async () => {
    const seen: ApiRequests[typeof ApiKeys.Metadata][] = [];
    const h = withTenantInterceptor(metadataHandler(seen), broker());
    const named = (await h.handle(
      { ...defaultMetadataRequest(), topics: [{ topicId: ZERO_UUID, name: "orders" }] },
      context(ApiKeys.Metadata, 12, session(A, true)),
    )) as ApiResponses[typeof ApiKeys.Metadata];
    expect(seen[0]?.topics?.map((t) => t.name)).toEqual([`${A}_orders`]);
    expect(named.topics.map((t) => t.name)).toEqual(["orders"]);
    expect(named.clusterId).toBe(A);
    const all = (await h.handle(
      { ...defaultMetadataRequest(), topics: null },
      context(ApiKeys.Metadata, 12, session(B, true)),
    )) as ApiResponses[typeof ApiKeys.Metadata];
    expect(all.topics.map((t) => t.name)).toEqual(["orders"]);
    expect(all.clusterId).toBe(B);
  });

  it("holds a key that is not admin to its ACLs: what it may not describe is refused and never asked", async () => {
    const seen: ApiRequests[typeof ApiKeys.Metadata][] = [];
    const h = withTenantInterceptor(metadataHandler(seen), broker());
    const r = (await h.handle(
      {
        ...defaultMetadataRequest(),
        topics: [
          { topicId: ZERO_UUID, name: "orders" },
          { topicId: ZERO_UUID, name: "secret" },
        ],
      },
      context(ApiKeys.Metadata, 12, session(A, false, "User:reader")),
    )) as ApiResponses[typeof ApiKeys.Metadata];
    expect(seen[0]?.topics?.map((t) => t.name)).toEqual([`${A}_orders`]);
    expect(r.topics.map((t) => [t.name, t.errorCode])).toEqual(
      expect.arrayContaining([
        ["orders", 0],
        ["secret", ErrorCode.TOPIC_AUTHORIZATION_FAILED],
      ]),
    );
    // Another principal of the same cluster has no binding: denied.
    const other = (await h.handle(
      { ...defaultMetadataRequest(), topics: [{ topicId: ZERO_UUID, name: "orders" }] },
      context(ApiKeys.Metadata, 12, session(A, false, "User:stranger")),
    )) as ApiResponses[typeof ApiKeys.Metadata];
    expect(other.topics.map((t) => t.errorCode)).toEqual([ErrorCode.TOPIC_AUTHORIZATION_FAILED]);
  });

  it("refuses a tenant's follower fetch and a produce over its request size, without calling the handler", async () => {
    let calls = 0;
    const counting = (apiKey: ApiKey): AnyHandler => ({
      apiKey,
      minVersion: 0,
      maxVersion: 16,
      handle: () => {
        calls++;
        return defaultProduceResponse();
      },
    });
    const fetch = withTenantInterceptor(counting(ApiKeys.Fetch), broker());
    const fetched = (await fetch.handle(
      {
        ...defaultFetchRequest(),
        replicaId: 1,
        topics: [
          {
            topic: "orders",
            topicId: ZERO_UUID,
            partitions: [
              {
                partition: 0,
                currentLeaderEpoch: -1,
                fetchOffset: 0n,
                lastFetchedEpoch: -1,
                logStartOffset: -1n,
                partitionMaxBytes: 1024,
              },
            ],
          },
        ],
      },
      context(ApiKeys.Fetch, 12, session(A, true)),
    )) as ApiResponses[typeof ApiKeys.Fetch];
    expect(fetched.responses[0]?.partitions[0]?.errorCode).toBe(ErrorCode.TOPIC_AUTHORIZATION_FAILED);
    const produce = withTenantInterceptor(counting(ApiKeys.Produce), broker());
    const produced = (await produce.handle(
      {
        ...defaultProduceRequest(),
        topicData: [{ name: "orders", partitionData: [{ index: 0, records: new Uint8Array(101) }] }],
      },
      context(ApiKeys.Produce, 9, session(A, true)),
    )) as ApiResponses[typeof ApiKeys.Produce];
    const p = produced.responses[0]?.partitionResponses[0];
    expect(p?.errorCode).toBe(ErrorCode.MESSAGE_TOO_LARGE);
    expect(p?.errorMessage).toContain("limit of 100 bytes");
    expect(calls).toBe(0);
  });
});
