/**
 * The tenant interceptor: every Kafka request of a connection that belongs to a logical
 * cluster passes through it on its way to its handler, and the answer on its way back.
 *
 * In order, for a tenant's request:
 * 1. A Fetch claiming a replica id is refused (CVE-2018-1288), by the first rule of Fetch in
 *    both the authorization and the namespacing tables, so no path skips it.
 * 2. Produce requests over the logical cluster's `max_request_bytes` are refused per
 *    partition with MESSAGE_TOO_LARGE (a Java producer splits the batch and retries).
 * 3. ACLs (authorization.ts), in the tenant's own names, unless the key is an admin of its
 *    logical cluster: denied items are taken out and answered with Kafka's authorization error.
 * 4. Names go into the tenant's namespace (namespacing.ts); an API without a namespacing rule
 *    is one the broker does not serve to tenants.
 * 5. The handler runs on the mapped request.
 * 6. Names come back out, listings keep only the tenant's own resources, messages lose
 *    internal names; the refusals of steps 3 and 4 are added back; the cluster id Metadata
 *    and DescribeCluster report is the logical cluster's id.
 *
 * Connections without a logical cluster (the operator, with authentication "none") go
 * straight to the handler.
 */
import {
  type ApiKey,
  ApiKeys,
  type ApiRequests,
  type ApiResponses,
  defaultProduceResponse,
  defaultProduceResponsePartitionProduceResponse,
  defaultProduceResponseTopicProduceResponse,
  ErrorCode,
  type Uuid,
  uuidToBytes,
} from "@runnel/kafka-protocol";
import { type MetadataImage, topicById } from "@runnel/metadata";
import { type AclOperation, Namespace, type ResourceType, readTenantQuotas } from "@runnel/tenant";
import type { BrokerContext } from "../context.js";
import type { AnyHandler, RequestContext } from "../kafka/server.js";
import { type AuthorizationEdit, applyAuthorizationEdits, authorizeRequest } from "./authorization.js";
import { isAuthorized, mayWriteIdempotently } from "./authorizer.js";
import { requestIntoNamespace, responseOutOfNamespace, type TenantView } from "./namespacing.js";

/** The tenant's view of the cluster for the namespacing rules. */
export function tenantView(image: MetadataImage, logicalClusterId: string): TenantView {
  return {
    ns: new Namespace(logicalClusterId),
    topicNameById: (id: Uuid) => topicById(image, new Uint8Array(uuidToBytes(id)))?.name,
    *topics() {
      for (const t of image.topics.values()) yield { name: t.name, partitionCount: t.partitions.length };
    },
  };
}

/** Step 2: a Produce whose batches pass the logical cluster's request size limit. */
function oversizedProduce(
  image: MetadataImage,
  logicalClusterId: string,
  request: ApiRequests[typeof ApiKeys.Produce],
): ApiResponses[typeof ApiKeys.Produce] | undefined {
  const quotas = image.tenantQuotas.get(logicalClusterId);
  const max = quotas === undefined ? undefined : readTenantQuotas(quotas).maxRequestBytes;
  if (max === undefined) return undefined;
  let bytes = 0;
  for (const t of request.topicData) for (const p of t.partitionData) bytes += p.records?.byteLength ?? 0;
  if (bytes <= max) return undefined;
  const errorMessage = `The request's ${bytes} bytes of records are over this cluster's limit of ${max} bytes per request.`;
  return {
    ...defaultProduceResponse(),
    responses: request.topicData.map((t) => ({
      ...defaultProduceResponseTopicProduceResponse(),
      name: t.name,
      partitionResponses: t.partitionData.map((p) => ({
        ...defaultProduceResponsePartitionProduceResponse(),
        index: p.index,
        errorCode: ErrorCode.MESSAGE_TOO_LARGE,
        baseOffset: -1n,
        errorMessage,
      })),
    })),
  };
}

/** Wraps a handler with the tenant interceptor (see the top of this file). */
export function withTenantInterceptor(handler: AnyHandler, broker: BrokerContext): AnyHandler {
  return {
    apiKey: handler.apiKey,
    minVersion: handler.minVersion,
    maxVersion: handler.maxVersion,
    async handle(request: ApiRequests[ApiKey], ctx: RequestContext) {
      const lkc = ctx.session.logicalClusterId;
      if (lkc === null) return handler.handle(request, ctx);
      const apiKey = handler.apiKey as ApiKey;
      const version = ctx.apiVersion;
      const image = broker.image();
      if (apiKey === ApiKeys.Produce) {
        const refused = oversizedProduce(image, lkc, request as ApiRequests[typeof ApiKeys.Produce]);
        if (refused !== undefined) return refused;
      }
      const view = tenantView(image, lkc);
      let edits: readonly AuthorizationEdit<ApiKey>[] = [];
      let tenantRequest = request;
      if (!ctx.session.admin) {
        const auth = authorizeRequest(apiKey, version, request, {
          allowed: (resourceType: ResourceType, resourceName: string, operation: AclOperation) =>
            isAuthorized(image, ctx.session, ctx.remoteAddress, { resourceType, resourceName, operation }),
          idempotentWrite: () => mayWriteIdempotently(image, ctx.session, ctx.remoteAddress),
          topicExists: (name: string) => image.topicKeysByName.has(view.ns.toInternal(name)),
          autoCreateTopics: broker.settings.autoCreateTopics,
          topicNameById: (id: Uuid) => {
            const internal = view.topicNameById(id);
            return internal === undefined ? undefined : view.ns.toExternal(internal);
          },
        });
        if (auth.kind === "answer") return auth.response;
        tenantRequest = auth.request;
        edits = auth.edits;
      }
      const mapped = requestIntoNamespace(apiKey, version, tenantRequest, view);
      if (mapped.kind === "unsupported") {
        throw new Error(mapped.message);
      }
      if (mapped.kind === "answer") return applyAuthorizationEdits(mapped.response, edits);
      const response = await handler.handle(mapped.request, ctx);
      if (response === null) return null;
      const out = applyAuthorizationEdits(responseOutOfNamespace(response, view, mapped.state), edits);
      // A tenant's cluster is its logical cluster: Metadata and DescribeCluster name it by its id.
      if ((apiKey === ApiKeys.Metadata || apiKey === ApiKeys.DescribeCluster) && "clusterId" in out) {
        (out as { clusterId: string | null }).clusterId = lkc;
      }
      return out;
    },
  };
}
