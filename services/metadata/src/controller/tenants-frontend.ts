/**
 * The tenant frontend: logical clusters, their API keys, SCRAM credentials, ACLs and quotas.
 *
 * Logical clusters and API keys fail as a whole (`Result`, reported as gRPC status codes);
 * SCRAM credentials and ACLs back Kafka APIs and report Kafka error codes per item. Every
 * response carries the metadata offset at which an image shows its effect.
 *
 * Deleting a logical cluster writes, in one batch, the removal of everything it owns (its
 * topics, API keys, SCRAM credentials, ACLs and quotas) before the cluster's own removal, so
 * a watcher sees each thing go and the backend can check that nothing was left behind.
 *
 * A new logical cluster is placed by "power of two choices": two cells drawn at random among
 * those with active brokers, the less loaded taken (load: replicas per broker, then logical
 * clusters per broker), which keeps cells even without a global view of demand.
 */
import { create } from "@bufbuild/protobuf";
import {
  type AclBinding,
  AclBindingSchema,
  type AlterScramCredentialsRequest,
  type AlterScramCredentialsResponse,
  AlterScramCredentialsResponseSchema,
  type AlterTenantQuotasRequest,
  type AlterTenantQuotasResponse,
  AlterTenantQuotasResponseSchema,
  type CreateAclsRequest,
  type CreateAclsResponse,
  CreateAclsResponseSchema,
  type CreateApiKeyRequest,
  type CreateApiKeyResponse,
  CreateApiKeyResponseSchema,
  type CreateLogicalClusterRequest,
  type CreateLogicalClusterResponse,
  CreateLogicalClusterResponseSchema,
  type DeleteAclsRequest,
  type DeleteAclsResponse,
  DeleteAclsResponseSchema,
  type DeleteApiKeyRequest,
  type DeleteApiKeyResponse,
  DeleteApiKeyResponseSchema,
  type DeleteLogicalClusterRequest,
  type DeleteLogicalClusterResponse,
  DeleteLogicalClusterResponseSchema,
  type MetadataRecord,
  type ScramResult,
  ScramResultSchema,
} from "@runnel/rpc";
import {
  type AclBindingFilter,
  AclOperation,
  AclPermissionType,
  aclBindingProblem,
  aclCodeFromWire,
  isApiKeyId,
  isLogicalClusterId,
  isQuotaKey,
  matchesFilter,
  Namespace,
  newLogicalClusterId,
  PatternType,
  quotaSpecProblem,
  ResourceType,
  SCRAM_ITERATIONS_MIN,
  type AclBinding as TenantAclBinding,
} from "@runnel/tenant";
import { controllerError, fail, ok, type Result } from "./errors.js";
import type { Outcome, RandomBytes } from "./frontend.js";
import {
  type AclImage,
  isActive,
  type MetadataImage,
  nextOffsetOf,
  replicaCounts,
  scramLoginName,
} from "./image.js";
import {
  aclRecord,
  apiKeyRecord,
  logicalClusterRecord,
  removeAclRecord,
  removeApiKeyRecord,
  removeLogicalClusterRecord,
  removeScramCredentialRecord,
  removeTopicRecord,
  scramCredentialRecord,
  tenantQuotaRecord,
} from "./records.js";

export interface TenantContext {
  readonly randomBytes: RandomBytes;
  /** The controller's clock, stamped into the records it writes (records never read a clock). */
  readonly nowMs: bigint;
}

const NAME_MAX = 64;
/** Kafka's upper bound on SCRAM iterations. */
const SCRAM_ITERATIONS_MAX = 16_384;
const SCRAM_MECHANISMS = new Set(["SCRAM-SHA-256", "SCRAM-SHA-512"]);
const PRINCIPAL = /^User:[^\s]+$/;

/** The offset an image shows `records` at: the next batch's when there are any. */
function effectOffset(image: MetadataImage, records: readonly MetadataRecord[]): bigint {
  return records.length > 0 ? nextOffsetOf(image) : image.lastOffset;
}

/** A uniform random integer in [0, n) from the injected random bytes. */
function randomBelow(randomBytes: RandomBytes, n: number): number {
  const b = randomBytes(4);
  const v = (((b[0] ?? 0) << 24) | ((b[1] ?? 0) << 16) | ((b[2] ?? 0) << 8) | (b[3] ?? 0)) >>> 0;
  return v % n;
}

/** Cells with active brokers, with their load: replicas per broker, then logical clusters per broker. */
export function cellLoads(image: MetadataImage): Map<string, { replicas: number; clusters: number }> {
  const brokers = new Map<string, number>();
  for (const b of image.brokers.values()) {
    if (isActive(image, b.id)) brokers.set(b.cell, (brokers.get(b.cell) ?? 0) + 1);
  }
  const replicas = replicaCounts(image);
  const loads = new Map<string, { replicas: number; clusters: number }>();
  for (const [cell, count] of brokers) {
    let r = 0;
    for (const b of image.brokers.values()) if (b.cell === cell) r += replicas.get(b.id) ?? 0;
    const clusters = [...image.logicalClusters.values()].filter((c) => c.cell === cell).length;
    loads.set(cell, { replicas: r / count, clusters: clusters / count });
  }
  return loads;
}

/** The cell for a new logical cluster: the less loaded of two drawn at random. */
export function chooseCell(image: MetadataImage, randomBytes: RandomBytes): string | undefined {
  const loads = cellLoads(image);
  const cells = [...loads.keys()].sort();
  if (cells.length === 0) return undefined;
  if (cells.length === 1) return cells[0];
  const i = randomBelow(randomBytes, cells.length);
  let j = randomBelow(randomBytes, cells.length - 1);
  if (j >= i) j++;
  const [a, b] = [cells[i] as string, cells[j] as string];
  const la = loads.get(a) as { replicas: number; clusters: number };
  const lb = loads.get(b) as { replicas: number; clusters: number };
  if (la.replicas !== lb.replicas) return la.replicas < lb.replicas ? a : b;
  if (la.clusters !== lb.clusters) return la.clusters < lb.clusters ? a : b;
  return [a, b].sort()[0];
}

export function createLogicalCluster(
  image: MetadataImage,
  request: CreateLogicalClusterRequest,
  context: TenantContext,
): Result<Outcome<CreateLogicalClusterResponse>> {
  const name = request.name.trim();
  if (name.length === 0 || name.length > NAME_MAX || /\p{Cc}/u.test(name)) {
    return fail("INVALID_REQUEST", `A logical cluster's name has 1-${NAME_MAX} printable characters.`);
  }
  let id = request.id;
  if (id !== "") {
    if (!isLogicalClusterId(id)) return fail("INVALID_REQUEST", `"${id}" is not a logical-cluster id.`);
    if (image.logicalClusters.has(id))
      return fail("DUPLICATE_RESOURCE", `Logical cluster ${id} already exists.`);
  } else {
    do id = newLogicalClusterId((n) => randomBelow(context.randomBytes, n));
    while (image.logicalClusters.has(id));
  }
  let cell = request.cell;
  if (cell === "") {
    const chosen = chooseCell(image, context.randomBytes);
    if (chosen === undefined) return fail("BROKER_NOT_AVAILABLE", "No cell has an active broker yet; retry.");
    cell = chosen;
  } else if (!cellLoads(image).has(cell)) {
    return fail("INVALID_REQUEST", `Cell "${cell}" has no active broker.`);
  }
  const records = [logicalClusterRecord({ id, name, cell, createdMs: context.nowMs })];
  return ok({
    records,
    response: create(CreateLogicalClusterResponseSchema, {
      id,
      cell,
      createdMs: context.nowMs,
      metadataOffset: nextOffsetOf(image),
    }),
  });
}

export function deleteLogicalCluster(
  image: MetadataImage,
  request: DeleteLogicalClusterRequest,
): Result<Outcome<DeleteLogicalClusterResponse>> {
  const id = request.id;
  if (!image.logicalClusters.has(id))
    return fail("RESOURCE_NOT_FOUND", `Logical cluster ${id} does not exist.`);
  const ns = new Namespace(id);
  const records: MetadataRecord[] = [];
  let topicsRemoved = 0;
  for (const [name, key] of image.topicKeysByName) {
    if (!ns.owns(name)) continue;
    const topic = image.topics.get(key);
    if (topic === undefined) continue;
    records.push(removeTopicRecord(topic.id));
    topicsRemoved++;
  }
  for (const key of image.apiKeys.values()) {
    if (key.logicalClusterId === id) records.push(removeApiKeyRecord(key.key));
  }
  for (const mechanisms of image.scramCredentials.values()) {
    for (const c of mechanisms.values()) {
      if (c.logicalClusterId === id) records.push(removeScramCredentialRecord(id, c.user, c.mechanism));
    }
  }
  for (const acl of image.acls.get(id)?.values() ?? []) records.push(removeAclRecord(acl.id));
  for (const key of image.tenantQuotas.get(id)?.keys() ?? [])
    records.push(tenantQuotaRecord(id, key, undefined));
  records.push(removeLogicalClusterRecord(id));
  return ok({
    records,
    response: create(DeleteLogicalClusterResponseSchema, {
      topicsRemoved,
      metadataOffset: nextOffsetOf(image),
    }),
  });
}

export function createApiKey(
  image: MetadataImage,
  request: CreateApiKeyRequest,
  context: TenantContext,
): Result<Outcome<CreateApiKeyResponse>> {
  if (!image.logicalClusters.has(request.logicalClusterId)) {
    return fail("RESOURCE_NOT_FOUND", `Logical cluster ${request.logicalClusterId} does not exist.`);
  }
  if (!isApiKeyId(request.key)) return fail("INVALID_REQUEST", `"${request.key}" is not an API key id.`);
  if (image.apiKeys.has(request.key))
    return fail("DUPLICATE_RESOURCE", `API key ${request.key} already exists.`);
  if (request.salt.length < 16 || request.hash.length < 16) {
    return fail("INVALID_REQUEST", "An API key needs a salt and a hash of at least 16 bytes each.");
  }
  const principal = request.principal === "" ? `User:${request.key}` : request.principal;
  if (!PRINCIPAL.test(principal))
    return fail("INVALID_REQUEST", `Principal "${principal}" is not of the form User:<name>.`);
  const records = [
    apiKeyRecord({
      key: request.key,
      logicalClusterId: request.logicalClusterId,
      salt: request.salt,
      hash: request.hash,
      principal,
      admin: request.admin,
      description: request.description,
      createdMs: context.nowMs,
    }),
  ];
  return ok({
    records,
    response: create(CreateApiKeyResponseSchema, {
      principal,
      createdMs: context.nowMs,
      metadataOffset: nextOffsetOf(image),
    }),
  });
}

export function deleteApiKey(
  image: MetadataImage,
  request: DeleteApiKeyRequest,
): Result<Outcome<DeleteApiKeyResponse>> {
  const key = image.apiKeys.get(request.key);
  if (
    key === undefined ||
    (request.logicalClusterId !== "" && key.logicalClusterId !== request.logicalClusterId)
  ) {
    return fail("RESOURCE_NOT_FOUND", `API key ${request.key} does not exist.`);
  }
  const records = [removeApiKeyRecord(request.key)];
  return ok({
    records,
    response: create(DeleteApiKeyResponseSchema, { metadataOffset: nextOffsetOf(image) }),
  });
}

/** AlterUserScramCredentials, Kafka's rules: a user named twice for one mechanism fails both. */
export function alterScramCredentials(
  image: MetadataImage,
  request: AlterScramCredentialsRequest,
): Outcome<AlterScramCredentialsResponse> {
  const lkc = request.logicalClusterId;
  const results = new Map<string, ScramResult>();
  const resultOf = (user: string): ScramResult => {
    let r = results.get(user);
    if (r === undefined) {
      r = create(ScramResultSchema, { user });
      results.set(user, r);
    }
    return r;
  };
  const refuse = (user: string, name: Parameters<typeof controllerError>[0], message: string): void => {
    const r = resultOf(user);
    if (r.errorCode !== 0) return;
    const e = controllerError(name, message);
    r.errorCode = e.code;
    r.errorMessage = e.message;
  };
  const named = new Map<string, number>();
  for (const item of [...request.deletions, ...request.upsertions]) {
    const k = `${item.mechanism}\u0000${item.user}`;
    named.set(k, (named.get(k) ?? 0) + 1);
  }
  const records: MetadataRecord[] = [];
  const known = image.logicalClusters.has(lkc);
  const check = (user: string, mechanism: string): boolean => {
    resultOf(user);
    if (!known) refuse(user, "UNKNOWN_SERVER_ERROR", `Logical cluster ${lkc} does not exist.`);
    else if (user === "") refuse(user, "UNACCEPTABLE_CREDENTIAL", "Username must not be empty.");
    else if (!SCRAM_MECHANISMS.has(mechanism))
      refuse(user, "UNSUPPORTED_SASL_MECHANISM", `Unknown SCRAM mechanism ${mechanism}.`);
    else if ((named.get(`${mechanism}\u0000${user}`) ?? 0) > 1) {
      refuse(user, "DUPLICATE_RESOURCE", `A user credential cannot be altered twice in the same request.`);
    }
    return resultOf(user).errorCode === 0;
  };
  const planned: MetadataRecord[][] = [];
  const byUser = new Map<string, MetadataRecord[]>();
  const plan = (user: string, record: MetadataRecord): void => {
    let list = byUser.get(user);
    if (list === undefined) {
      list = [];
      byUser.set(user, list);
      planned.push(list);
    }
    list.push(record);
  };
  for (const d of request.deletions) {
    if (!check(d.user, d.mechanism)) continue;
    if (image.scramCredentials.get(scramLoginName(lkc, d.user))?.has(d.mechanism) !== true) {
      refuse(d.user, "RESOURCE_NOT_FOUND", `Attempt to delete a user credential that does not exist.`);
      continue;
    }
    plan(d.user, removeScramCredentialRecord(lkc, d.user, d.mechanism));
  }
  for (const u of request.upsertions) {
    if (!check(u.user, u.mechanism)) continue;
    if (u.iterations < SCRAM_ITERATIONS_MIN || u.iterations > SCRAM_ITERATIONS_MAX) {
      refuse(
        u.user,
        "UNACCEPTABLE_CREDENTIAL",
        `Iterations ${u.iterations} not within [${SCRAM_ITERATIONS_MIN}, ${SCRAM_ITERATIONS_MAX}].`,
      );
      continue;
    }
    const length = u.mechanism === "SCRAM-SHA-256" ? 32 : 64;
    if (u.storedKey.length !== length || u.serverKey.length !== length || u.salt.length === 0) {
      refuse(
        u.user,
        "UNACCEPTABLE_CREDENTIAL",
        `A ${u.mechanism} credential needs a salt and ${length}-byte keys.`,
      );
      continue;
    }
    plan(
      u.user,
      scramCredentialRecord({
        logicalClusterId: lkc,
        user: u.user,
        mechanism: u.mechanism,
        salt: u.salt,
        iterations: u.iterations,
        storedKey: u.storedKey,
        serverKey: u.serverKey,
      }),
    );
  }
  // A user with any failed item changes nothing.
  for (const [user, list] of byUser) if (resultOf(user).errorCode === 0) records.push(...list);
  return {
    records,
    response: create(AlterScramCredentialsResponseSchema, {
      results: [...results.values()],
      metadataOffset: effectOffset(image, records),
    }),
  };
}

/** The filter form of a binding sent over the wire (unset strings match anything). */
export function aclFilterOf(b: AclBinding): AclBindingFilter {
  return {
    ...aclCodesFromWire(b),
    resourceName: b.resourceName ?? null,
    principal: b.principal ?? null,
    host: b.host ?? null,
  };
}

/** Kafka's codes of a binding, typed (a code Kafka does not know reads as UNKNOWN). */
function aclCodesFromWire(b: {
  resourceType: number;
  patternType: number;
  operation: number;
  permissionType: number;
}) {
  return {
    resourceType: aclCodeFromWire(ResourceType, b.resourceType),
    patternType: aclCodeFromWire(PatternType, b.patternType),
    operation: aclCodeFromWire(AclOperation, b.operation),
    permissionType: aclCodeFromWire(AclPermissionType, b.permissionType),
  };
}

/** A stored binding in the ACL model's terms. */
export function aclBindingOfImage(acl: AclImage): TenantAclBinding {
  return { ...acl, ...aclCodesFromWire(acl) };
}

function bindingOf(acl: AclImage): AclBinding {
  const { resourceType, resourceName, patternType, principal, host, operation, permissionType } = acl;
  return create(AclBindingSchema, {
    resourceType,
    resourceName,
    patternType,
    principal,
    host,
    operation,
    permissionType,
  });
}

export function createAcls(
  image: MetadataImage,
  request: CreateAclsRequest,
  context: TenantContext,
): Outcome<CreateAclsResponse> {
  const lkc = request.logicalClusterId;
  const known = image.logicalClusters.has(lkc);
  const existing = [...(image.acls.get(lkc)?.values() ?? [])];
  const records: MetadataRecord[] = [];
  const results = request.creations.map((b) => {
    if (!known)
      return {
        errorCode: controllerError("UNKNOWN_SERVER_ERROR", "").code,
        errorMessage: `Logical cluster ${lkc} does not exist.`,
      };
    const binding: TenantAclBinding = {
      ...aclCodesFromWire(b),
      resourceName: b.resourceName ?? "",
      principal: b.principal ?? "",
      host: b.host ?? "",
    };
    const problem = aclBindingProblem(binding);
    if (problem !== undefined) return { errorCode: problem.code, errorMessage: problem.message };
    // Creating a binding that exists already succeeds and writes nothing, as in Kafka.
    const same = (a: Omit<AclImage, "key" | "id" | "logicalClusterId">) =>
      a.resourceType === binding.resourceType &&
      a.resourceName === binding.resourceName &&
      a.patternType === binding.patternType &&
      a.principal === binding.principal &&
      a.host === binding.host &&
      a.operation === binding.operation &&
      a.permissionType === binding.permissionType;
    if (existing.some(same)) return { errorCode: 0, errorMessage: "" };
    let id: Uint8Array;
    do id = new Uint8Array(context.randomBytes(16));
    while (existing.some((a) => Buffer.from(a.id).equals(id)));
    const acl = { id, logicalClusterId: lkc, ...binding };
    existing.push({ ...acl, key: Buffer.from(id).toString("base64url") });
    records.push(aclRecord(acl));
    return { errorCode: 0, errorMessage: "" };
  });
  return {
    records,
    response: create(CreateAclsResponseSchema, { results, metadataOffset: effectOffset(image, records) }),
  };
}

export function deleteAcls(image: MetadataImage, request: DeleteAclsRequest): Outcome<DeleteAclsResponse> {
  const lkc = request.logicalClusterId;
  const removed = new Set<string>();
  const records: MetadataRecord[] = [];
  const acls = [...(image.acls.get(lkc)?.values() ?? [])].sort((a, b) => (a.key < b.key ? -1 : 1));
  const results = request.filters.map((f) => {
    const filter = aclFilterOf(f);
    const deleted: AclBinding[] = [];
    for (const acl of acls) {
      if (removed.has(acl.key) || !matchesFilter(aclBindingOfImage(acl), filter)) continue;
      removed.add(acl.key);
      records.push(removeAclRecord(acl.id));
      deleted.push(bindingOf(acl));
    }
    return { errorCode: 0, errorMessage: "", deleted };
  });
  return {
    records,
    response: create(DeleteAclsResponseSchema, { results, metadataOffset: effectOffset(image, records) }),
  };
}

export function alterTenantQuotas(
  image: MetadataImage,
  request: AlterTenantQuotasRequest,
): Result<Outcome<AlterTenantQuotasResponse>> {
  const lkc = request.logicalClusterId;
  if (!image.logicalClusters.has(lkc))
    return fail("RESOURCE_NOT_FOUND", `Logical cluster ${lkc} does not exist.`);
  const current = image.tenantQuotas.get(lkc) ?? new Map<string, number>();
  const seen = new Set<string>();
  let failed = false;
  const records: MetadataRecord[] = [];
  const results = request.entries.map((e) => {
    const problem = seen.has(e.key)
      ? `Quota ${e.key} appears more than once.`
      : e.value === undefined
        ? isQuotaKey(e.key)
          ? undefined
          : `Unknown quota ${e.key}.`
        : quotaSpecProblem(e.key, e.value)?.message;
    seen.add(e.key);
    if (problem !== undefined) {
      failed = true;
      return { errorCode: controllerError("INVALID_REQUEST", "").code, errorMessage: problem };
    }
    if (current.get(e.key) !== e.value) records.push(tenantQuotaRecord(lkc, e.key, e.value));
    return { errorCode: 0, errorMessage: "" };
  });
  const writes = failed || request.validateOnly ? [] : records;
  return ok({
    records: writes,
    response: create(AlterTenantQuotasResponseSchema, {
      results,
      metadataOffset: effectOffset(image, writes),
    }),
  });
}
