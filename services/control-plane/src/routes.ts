/**
 * The API's routes: each one's schemas (validation, serialisation and the OpenAPI document)
 * and its handler.
 *
 * Reads answer from the metadata image this control plane follows. Writes go to the active
 * controller, then wait until the image has applied the write's metadata offset, so a read
 * right after a write shows it.
 */

import type { MetadataImage } from "@runnel/metadata";
import type { CallOptions, Client, ControllerService, LeaderClient } from "@runnel/rpc";
import {
  type AclBinding,
  type AclBindingFilter,
  type AclCodes,
  AclOperation,
  AclPermissionType,
  aclBindingProblem,
  hashApiKeySecret,
  newApiKey,
  PatternType,
  parseAclCodeName,
  quotaSpecProblem,
  ResourceType,
} from "@runnel/tenant";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { RouteDoc } from "./openapi.js";
import { ProblemError, problemOfRpc, type ValidationIssue } from "./problem.js";
import * as S from "./schemas.js";
import {
  aclView,
  apiKeyView,
  clusterView,
  describeCluster,
  isoTime,
  listAcls,
  listApiKeys,
  listClusters,
  listTopics,
  quotasOf,
  usageByCell,
} from "./views.js";

/** The image this control plane reads, followed from the metadata log (an `ImageWatch`). */
export interface ImageSource {
  readonly image: MetadataImage;
  /** Resolves true once the image satisfies `predicate`, false after `timeoutMs`. */
  waitFor(predicate: (image: MetadataImage) => boolean, timeoutMs: number): Promise<boolean>;
}

export type ControllerClient = Pick<LeaderClient<typeof ControllerService>, "call">;

export interface RouteContext {
  readonly controller: ControllerClient;
  readonly images: ImageSource;
  /** How long a write waits for the image to show it before answering 504. */
  readonly visibleTimeoutMs: number;
}

export interface Route extends RouteDoc {
  handler(request: FastifyRequest, reply: FastifyReply): Promise<unknown>;
}

type Params = { id: string; key?: string };
/** An ACL binding or filter as the API names its fields. */
interface AclFields {
  resource_type: string;
  resource_name: string;
  pattern_type: string;
  operation: string;
  permission: string;
  principal: string;
  host: string;
}
type AclFilterQuery = Partial<AclFields>;

function code<C extends AclCodes>(codes: C, name: string): C[keyof C] {
  const c = parseAclCodeName(codes, name);
  // The schema admits only names the code tables have.
  if (c === undefined) throw new Error(`unknown ACL code name ${name}`);
  return c;
}

/** A query's filter in the ACL model's terms; absent fields match anything. */
export function aclFilterOf(q: AclFilterQuery): AclBindingFilter {
  return {
    resourceType: code(ResourceType, q.resource_type ?? "ANY"),
    resourceName: q.resource_name ?? null,
    patternType: code(PatternType, q.pattern_type ?? "ANY"),
    principal: q.principal ?? null,
    host: q.host ?? null,
    operation: code(AclOperation, q.operation ?? "ANY"),
    permissionType: code(AclPermissionType, q.permission ?? "ANY"),
  };
}

export function routes(ctx: RouteContext): Route[] {
  const { controller, images } = ctx;

  /** Runs a controller call, mapping its failure to a problem. */
  const call = async <R>(
    f: (c: Client<typeof ControllerService>, o: CallOptions) => Promise<R>,
  ): Promise<R> => {
    try {
      return await controller.call(f);
    } catch (e) {
      throw problemOfRpc(e);
    }
  };

  /** Waits until this control plane's image shows the write at `offset`. */
  const visible = async (offset: bigint): Promise<MetadataImage> => {
    const shown = await images.waitFor((image) => image.lastOffset >= offset, ctx.visibleTimeoutMs);
    if (!shown) {
      throw new ProblemError(
        504,
        `The change was written at metadata offset ${offset}, but this control plane has not seen it within ${ctx.visibleTimeoutMs} ms; read again shortly.`,
      );
    }
    return images.image;
  };

  const clusterOrThrow = (id: string) => {
    const c = clusterView(images.image, id);
    if (c === undefined) throw new ProblemError(404, `Logical cluster ${id} does not exist.`);
    return c;
  };

  return [
    {
      method: "POST",
      url: "/v1/clusters",
      operationId: "createCluster",
      summary: "Create a logical cluster, in the cell asked for or the less loaded of two drawn at random",
      tag: "clusters",
      body: S.createClusterBody,
      success: { status: 201, description: "The new logical cluster", schema: S.cluster },
      async handler(req, reply) {
        const body = req.body as { name: string; cell?: string };
        const res = await call((c, o) =>
          c.createLogicalCluster({ name: body.name, cell: body.cell ?? "" }, o),
        );
        const image = await visible(res.metadataOffset);
        reply.code(201);
        return (
          clusterView(image, res.id) ?? {
            id: res.id,
            name: body.name.trim(),
            cell: res.cell,
            created_at: isoTime(res.createdMs),
          }
        );
      },
    },
    {
      method: "GET",
      url: "/v1/clusters",
      operationId: "listClusters",
      summary: "List logical clusters",
      tag: "clusters",
      success: { status: 200, description: "Every logical cluster, by id", schema: S.array(S.cluster) },
      handler: async () => listClusters(images.image),
    },
    {
      method: "GET",
      url: "/v1/clusters/:id",
      operationId: "describeCluster",
      summary: "Describe a logical cluster, with its usage and quotas",
      tag: "clusters",
      params: S.clusterIdParam,
      success: { status: 200, description: "The logical cluster", schema: S.clusterDescription },
      async handler(req) {
        const { id } = req.params as Params;
        const d = describeCluster(images.image, id);
        if (d === undefined) throw new ProblemError(404, `Logical cluster ${id} does not exist.`);
        return d;
      },
    },
    {
      method: "DELETE",
      url: "/v1/clusters/:id",
      operationId: "deleteCluster",
      summary: "Delete a logical cluster with its topics, API keys, credentials, ACLs and quotas",
      tag: "clusters",
      params: S.clusterIdParam,
      success: { status: 200, description: "Deleted", schema: S.deletedCluster },
      async handler(req) {
        const { id } = req.params as Params;
        const res = await call((c, o) => c.deleteLogicalCluster({ id }, o));
        await visible(res.metadataOffset);
        return { id, topics_removed: res.topicsRemoved };
      },
    },
    {
      method: "POST",
      url: "/v1/clusters/:id/api-keys",
      operationId: "createApiKey",
      summary: "Create an API key; its secret is in this response only",
      tag: "api-keys",
      params: S.clusterIdParam,
      body: S.createApiKeyBody,
      success: { status: 201, description: "The key and its secret", schema: S.createdApiKey },
      async handler(req, reply) {
        const { id } = req.params as Params;
        const body = req.body as { description?: string; admin: boolean; principal?: string };
        clusterOrThrow(id);
        // The secret lives only in this handler and its answer; the controller gets its hash.
        const { key, secret } = newApiKey();
        const { salt, hash } = hashApiKeySecret(secret);
        const res = await call((c, o) =>
          c.createApiKey(
            {
              logicalClusterId: id,
              key,
              salt,
              hash,
              principal: body.principal ?? "",
              admin: body.admin,
              description: body.description ?? "",
            },
            o,
          ),
        );
        const image = await visible(res.metadataOffset);
        const view = apiKeyView(image, key) ?? {
          key,
          cluster_id: id,
          principal: res.principal,
          admin: body.admin,
          description: body.description ?? "",
          created_at: isoTime(res.createdMs),
        };
        reply.code(201);
        return { ...view, secret };
      },
    },
    {
      method: "GET",
      url: "/v1/clusters/:id/api-keys",
      operationId: "listApiKeys",
      summary: "List a logical cluster's API keys (never their secrets)",
      tag: "api-keys",
      params: S.clusterIdParam,
      success: { status: 200, description: "Its API keys, oldest first", schema: S.array(S.apiKey) },
      async handler(req) {
        const { id } = req.params as Params;
        clusterOrThrow(id);
        return listApiKeys(images.image, id);
      },
    },
    {
      method: "DELETE",
      url: "/v1/clusters/:id/api-keys/:key",
      operationId: "deleteApiKey",
      summary: "Revoke an API key",
      tag: "api-keys",
      params: S.apiKeyParams,
      success: { status: 200, description: "Revoked", schema: S.deletedApiKey },
      async handler(req) {
        const { id, key } = req.params as Required<Params>;
        const res = await call((c, o) => c.deleteApiKey({ key, logicalClusterId: id }, o));
        await visible(res.metadataOffset);
        return { key, cluster_id: id };
      },
    },
    {
      method: "POST",
      url: "/v1/clusters/:id/acls",
      operationId: "createAcl",
      summary: "Add an ACL binding (adding one that exists changes nothing)",
      tag: "acls",
      params: S.clusterIdParam,
      body: S.aclBinding,
      success: { status: 201, description: "The binding", schema: S.aclView },
      async handler(req, reply) {
        const { id } = req.params as Params;
        const b = req.body as AclFields;
        clusterOrThrow(id);
        const binding: AclBinding = {
          resourceType: code(ResourceType, b.resource_type),
          resourceName: b.resource_name,
          patternType: code(PatternType, b.pattern_type),
          principal: b.principal,
          host: b.host,
          operation: code(AclOperation, b.operation),
          permissionType: code(AclPermissionType, b.permission),
        };
        const problem = aclBindingProblem(binding);
        if (problem !== undefined) throw new ProblemError(400, problem.message);
        const res = await call((c, o) => c.createAcls({ logicalClusterId: id, creations: [binding] }, o));
        const result = res.results[0];
        if (result !== undefined && result.errorCode !== 0) {
          // The cluster may have gone since the check above: that is a 404, not a bad binding.
          clusterOrThrow(id);
          throw new ProblemError(400, result.errorMessage);
        }
        await visible(res.metadataOffset);
        reply.code(201);
        return aclView(binding);
      },
    },
    {
      method: "GET",
      url: "/v1/clusters/:id/acls",
      operationId: "listAcls",
      summary: "List ACL bindings matching a filter (Kafka's DescribeAcls semantics)",
      tag: "acls",
      params: S.clusterIdParam,
      querystring: S.aclFilter,
      success: { status: 200, description: "Matching bindings", schema: S.array(S.aclView) },
      async handler(req) {
        const { id } = req.params as Params;
        clusterOrThrow(id);
        return listAcls(images.image, id, aclFilterOf(req.query as AclFilterQuery));
      },
    },
    {
      method: "DELETE",
      url: "/v1/clusters/:id/acls",
      operationId: "deleteAcls",
      summary: "Remove the ACL bindings matching a filter (at least one condition)",
      tag: "acls",
      params: S.clusterIdParam,
      querystring: S.aclDeleteFilter,
      success: { status: 200, description: "The bindings removed", schema: S.deletedAcls },
      async handler(req) {
        const { id } = req.params as Params;
        clusterOrThrow(id);
        const f = aclFilterOf(req.query as AclFilterQuery);
        const filter = {
          resourceType: f.resourceType,
          patternType: f.patternType,
          operation: f.operation,
          permissionType: f.permissionType,
          ...(f.resourceName === null ? {} : { resourceName: f.resourceName }),
          ...(f.principal === null ? {} : { principal: f.principal }),
          ...(f.host === null ? {} : { host: f.host }),
        };
        const res = await call((c, o) => c.deleteAcls({ logicalClusterId: id, filters: [filter] }, o));
        const result = res.results[0];
        if (result !== undefined && result.errorCode !== 0) throw new ProblemError(400, result.errorMessage);
        await visible(res.metadataOffset);
        return { deleted: (result?.deleted ?? []).map(aclView) };
      },
    },
    {
      method: "GET",
      url: "/v1/clusters/:id/quotas",
      operationId: "getQuotas",
      summary: "A logical cluster's quotas and limits",
      tag: "quotas",
      params: S.clusterIdParam,
      success: { status: 200, description: "The quotas that are set", schema: S.quotas },
      async handler(req) {
        const { id } = req.params as Params;
        clusterOrThrow(id);
        return quotasOf(images.image, id);
      },
    },
    {
      method: "PUT",
      url: "/v1/clusters/:id/quotas",
      operationId: "alterQuotas",
      summary: "Set (a number) or remove (null) quotas and limits; all or nothing",
      tag: "quotas",
      params: S.clusterIdParam,
      body: S.quotaChanges,
      success: { status: 200, description: "The quotas now set", schema: S.quotas },
      async handler(req) {
        const { id } = req.params as Params;
        const changes = Object.entries(req.body as Record<string, number | null>);
        clusterOrThrow(id);
        const issues: ValidationIssue[] = [];
        for (const [key, value] of changes) {
          const p = value === null ? undefined : quotaSpecProblem(key, value);
          if (p !== undefined) issues.push({ path: `body/${key}`, message: p.message });
        }
        if (issues.length > 0) throw new ProblemError(400, issues.map((i) => i.message).join("; "), issues);
        const entries = changes.map(([key, value]) => (value === null ? { key } : { key, value }));
        const res = await call((c, o) => c.alterTenantQuotas({ logicalClusterId: id, entries }, o));
        const refused = res.results.flatMap((r, i) =>
          r.errorCode === 0 ? [] : [{ path: `body/${changes[i]?.[0]}`, message: r.errorMessage }],
        );
        if (refused.length > 0)
          throw new ProblemError(400, refused.map((i) => i.message).join("; "), refused);
        return quotasOf(await visible(res.metadataOffset), id);
      },
    },
    {
      method: "GET",
      url: "/v1/clusters/:id/topics",
      operationId: "listTopics",
      summary: "A logical cluster's topics, by its own names",
      tag: "topics",
      params: S.clusterIdParam,
      success: { status: 200, description: "Its topics, by name", schema: S.array(S.topic) },
      async handler(req) {
        const { id } = req.params as Params;
        clusterOrThrow(id);
        return listTopics(images.image, id);
      },
    },
    {
      method: "GET",
      url: "/v1/usage",
      operationId: "usage",
      summary: "Usage per cell: brokers, logical clusters, partitions, replicas",
      tag: "usage",
      success: { status: 200, description: "Each cell, by name", schema: S.array(S.cellUsage) },
      handler: async () => usageByCell(images.image),
    },
  ];
}
