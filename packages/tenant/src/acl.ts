/**
 * Kafka's ACL model, as one tenant sees it.
 *
 * A tenant's bindings are stored in its own (external, un-namespaced)
 * resource names and principals and are only ever evaluated against that
 * tenant's requests, so nothing here knows about namespaces.
 *
 * - Codes are Kafka's, as they travel in CreateAcls, DescribeAcls and
 *   DeleteAcls; names map both ways for the command line and HTTP.
 * - `aclBindingProblem` is CreateAcls' validation (Kafka's controller and
 *   broker checks, with INVALID_REQUEST), `aclFilterProblem` that of
 *   DescribeAcls and DeleteAcls filters.
 * - `matchesFilter` is Kafka's filter semantics, pattern type MATCH and ANY
 *   included: DescribeAcls lists and DeleteAcls removes what it matches.
 * - `authorize` is Kafka's standard authorizer with
 *   allow.everyone.if.no.acl.found=false: a matching DENY wins, else a
 *   matching ALLOW (directly, through ALL or through an implied operation)
 *   allows, else the request is denied. `authorizeByResourceType` is the
 *   "some resource of this type" question of KIP-679.
 */

export const ResourceType = {
  UNKNOWN: 0,
  ANY: 1,
  TOPIC: 2,
  GROUP: 3,
  CLUSTER: 4,
  TRANSACTIONAL_ID: 5,
  DELEGATION_TOKEN: 6,
  USER: 7,
} as const;
export type ResourceType = (typeof ResourceType)[keyof typeof ResourceType];

export const PatternType = { UNKNOWN: 0, ANY: 1, MATCH: 2, LITERAL: 3, PREFIXED: 4 } as const;
export type PatternType = (typeof PatternType)[keyof typeof PatternType];

export const AclOperation = {
  UNKNOWN: 0,
  ANY: 1,
  ALL: 2,
  READ: 3,
  WRITE: 4,
  CREATE: 5,
  DELETE: 6,
  ALTER: 7,
  DESCRIBE: 8,
  CLUSTER_ACTION: 9,
  DESCRIBE_CONFIGS: 10,
  ALTER_CONFIGS: 11,
  IDEMPOTENT_WRITE: 12,
  CREATE_TOKENS: 13,
  DESCRIBE_TOKENS: 14,
} as const;
export type AclOperation = (typeof AclOperation)[keyof typeof AclOperation];

export const AclPermissionType = { UNKNOWN: 0, ANY: 1, DENY: 2, ALLOW: 3 } as const;
export type AclPermissionType = (typeof AclPermissionType)[keyof typeof AclPermissionType];

/** One of the four code tables above. */
export type AclCodes =
  | typeof ResourceType
  | typeof PatternType
  | typeof AclOperation
  | typeof AclPermissionType;

/** The name of `code` in `codes` ("READ"), or "UNKNOWN" for a code that is none of them, as Kafka reads it. */
export function aclCodeName(codes: AclCodes, code: number): string {
  for (const [name, value] of Object.entries(codes)) if (value === code) return name;
  return "UNKNOWN";
}

/** A code as read off the wire: itself if `codes` has it, else UNKNOWN (0), as Kafka's `fromCode`. */
export function aclCodeFromWire<C extends AclCodes>(codes: C, code: number): C[keyof C] {
  for (const value of Object.values(codes)) if (value === code) return value as C[keyof C];
  return 0 as C[keyof C];
}

function squeeze(text: string): string {
  return text.replace(/[-_\s]/g, "").toUpperCase();
}

/**
 * The code named `text`, ignoring case, `-` and `_` ("prefixed",
 * "DESCRIBE_CONFIGS", "DescribeConfigs" and "describe-configs" all parse,
 * as kafka-acls.sh's names do); undefined for no such name.
 */
export function parseAclCodeName<C extends AclCodes>(codes: C, text: string): C[keyof C] | undefined {
  const wanted = squeeze(text);
  if (wanted === "") return undefined;
  for (const [name, value] of Object.entries(codes)) if (squeeze(name) === wanted) return value as C[keyof C];
  return undefined;
}

/** The only name of the CLUSTER resource. */
export const CLUSTER_RESOURCE_NAME = "kafka-cluster";
/** A LITERAL resource name that matches every resource of its type. */
export const WILDCARD_RESOURCE = "*";
/** The principal that matches every principal. */
export const WILDCARD_PRINCIPAL = "User:*";
/** The host that matches every client address. */
export const WILDCARD_HOST = "*";
/** The only principal type Runnel authenticates. */
export const USER_PRINCIPAL_PREFIX = "User:";

/** Kafka's INVALID_REQUEST error code. */
const INVALID_REQUEST = 42;

/** One ACL: who (principal, host) may or may not (permission) do what (operation) to which resources. */
export interface AclBinding {
  readonly resourceType: ResourceType;
  readonly resourceName: string;
  /** LITERAL or PREFIXED in a stored binding. */
  readonly patternType: PatternType;
  /** `User:<name>`, or `User:*` for everyone. */
  readonly principal: string;
  /** A client address, or `*` for any. */
  readonly host: string;
  readonly operation: AclOperation;
  readonly permissionType: AclPermissionType;
}

/**
 * A filter over bindings (DescribeAcls, DeleteAcls): null strings and ANY
 * codes match anything; pattern type MATCH matches the bindings that would
 * apply to the named resource.
 */
export interface AclBindingFilter {
  readonly resourceType: ResourceType;
  readonly resourceName: string | null;
  readonly patternType: PatternType;
  readonly principal: string | null;
  readonly host: string | null;
  readonly operation: AclOperation;
  readonly permissionType: AclPermissionType;
}

/** The filter that matches every binding. */
export const ANY_ACL_FILTER: AclBindingFilter = {
  resourceType: ResourceType.ANY,
  resourceName: null,
  patternType: PatternType.ANY,
  principal: null,
  host: null,
  operation: AclOperation.ANY,
  permissionType: AclPermissionType.ANY,
};

/** A Kafka error code and a message for the client. */
export interface AclProblem {
  readonly code: number;
  readonly message: string;
}

function known(codes: AclCodes, code: number): boolean {
  return aclCodeFromWire(codes, code) !== 0;
}

function invalid(message: string): AclProblem {
  return { code: INVALID_REQUEST, message };
}

/**
 * Why CreateAcls refuses `binding`, or undefined if it may be stored.
 *
 * Kafka's checks: a concrete resource type, pattern type LITERAL or
 * PREFIXED, a concrete operation, ALLOW or DENY, a non-empty resource name,
 * `kafka-cluster` as the CLUSTER resource's name, a `type:name` principal.
 * Runnel's are stricter in two places: the principal must be a `User:`
 * principal with a name (the only type it authenticates, so a binding for
 * any other could never match), and the host must not be empty.
 *
 * Like Kafka's broker, this does not refuse an operation the resource type
 * has no use for (READ on CLUSTER): the binding is stored and simply never
 * grants anything. kafka-acls.sh refuses those before sending; tools here
 * can do the same with `supportedOperations`.
 */
export function aclBindingProblem(binding: AclBinding): AclProblem | undefined {
  const { resourceType, patternType, operation, permissionType } = binding;
  if (!known(ResourceType, resourceType) || resourceType === ResourceType.ANY) {
    return invalid(
      `resource type ${aclCodeName(ResourceType, resourceType)} (${resourceType}) cannot be bound`,
    );
  }
  if (patternType !== PatternType.LITERAL && patternType !== PatternType.PREFIXED) {
    return invalid(
      `pattern type ${aclCodeName(PatternType, patternType)} (${patternType}) cannot be bound; use LITERAL or PREFIXED`,
    );
  }
  if (!known(AclOperation, operation) || operation === AclOperation.ANY) {
    return invalid(`operation ${aclCodeName(AclOperation, operation)} (${operation}) cannot be bound`);
  }
  if (permissionType !== AclPermissionType.ALLOW && permissionType !== AclPermissionType.DENY) {
    return invalid(
      `permission type ${aclCodeName(AclPermissionType, permissionType)} (${permissionType}) cannot be bound; use ALLOW or DENY`,
    );
  }
  if (binding.resourceName === "") return invalid("the resource name is empty");
  if (resourceType === ResourceType.CLUSTER && binding.resourceName !== CLUSTER_RESOURCE_NAME) {
    return invalid(
      `the CLUSTER resource is named ${CLUSTER_RESOURCE_NAME}, not ${JSON.stringify(binding.resourceName)}`,
    );
  }
  if (
    !binding.principal.startsWith(USER_PRINCIPAL_PREFIX) ||
    binding.principal.length === USER_PRINCIPAL_PREFIX.length
  ) {
    return invalid(
      `principal ${JSON.stringify(binding.principal)} is not of the form User:<name> (User:* for everyone)`,
    );
  }
  if (binding.host === "") return invalid("the host is empty; use * for any host");
  return undefined;
}

/**
 * Why DescribeAcls or DeleteAcls refuses `filter`, or undefined: as Kafka,
 * a filter with an UNKNOWN (or unknown) code in any field is refused.
 */
export function aclFilterProblem(filter: AclBindingFilter): AclProblem | undefined {
  const fields: [string, AclCodes, number][] = [
    ["resource type", ResourceType, filter.resourceType],
    ["pattern type", PatternType, filter.patternType],
    ["operation", AclOperation, filter.operation],
    ["permission type", AclPermissionType, filter.permissionType],
  ];
  for (const [what, codes, code] of fields) {
    if (!known(codes, code)) return invalid(`the filter's ${what} ${code} is UNKNOWN`);
  }
  return undefined;
}

/**
 * Whether `filter` matches `binding`, with Kafka's semantics:
 * - ANY codes and null strings match anything; principal and host compare
 *   exactly (a filter for `User:alice` does not match a `User:*` binding);
 * - pattern type LITERAL or PREFIXED matches bindings of that pattern type
 *   with exactly the filter's name;
 * - pattern type ANY matches bindings of either type with exactly that name;
 * - pattern type MATCH matches the bindings that would apply to a resource
 *   of that name: LITERAL with the name, LITERAL `*`, and PREFIXED whose
 *   prefix begins the name.
 */
export function matchesFilter(binding: AclBinding, filter: AclBindingFilter): boolean {
  if (filter.resourceType !== ResourceType.ANY && filter.resourceType !== binding.resourceType) return false;
  const patternType = filter.patternType;
  if (
    patternType !== PatternType.ANY &&
    patternType !== PatternType.MATCH &&
    patternType !== binding.patternType
  ) {
    return false;
  }
  if (filter.resourceName !== null) {
    if (patternType === PatternType.MATCH) {
      if (!appliesTo(binding, filter.resourceName)) return false;
    } else if (filter.resourceName !== binding.resourceName) {
      return false;
    }
  }
  if (filter.principal !== null && filter.principal !== binding.principal) return false;
  if (filter.host !== null && filter.host !== binding.host) return false;
  if (filter.operation !== AclOperation.ANY && filter.operation !== binding.operation) return false;
  return filter.permissionType === AclPermissionType.ANY || filter.permissionType === binding.permissionType;
}

/** Whether `binding`'s resource pattern covers a resource named `name` (of its type). */
function appliesTo(binding: AclBinding, name: string): boolean {
  switch (binding.patternType) {
    case PatternType.LITERAL:
      return binding.resourceName === name || binding.resourceName === WILDCARD_RESOURCE;
    case PatternType.PREFIXED:
      return name.startsWith(binding.resourceName);
    default:
      return false;
  }
}

/** One action to authorize. */
export interface AclRequest {
  /** The authenticated principal, `User:<name>`. */
  readonly principal: string;
  /** The client's address, as written in bindings' hosts (Kafka: `InetAddress.getHostAddress()`). */
  readonly host: string;
  readonly operation: AclOperation;
  readonly resourceType: ResourceType;
  /** The tenant's own name of the resource; `kafka-cluster` for CLUSTER. */
  readonly resourceName: string;
}

/** ALLOW bindings for these operations also allow DESCRIBE (never so for DENY). */
const IMPLIES_DESCRIBE: ReadonlySet<AclOperation> = new Set([
  AclOperation.DESCRIBE,
  AclOperation.READ,
  AclOperation.WRITE,
  AclOperation.DELETE,
  AclOperation.ALTER,
]);
/** ALLOW bindings for these operations also allow DESCRIBE_CONFIGS. */
const IMPLIES_DESCRIBE_CONFIGS: ReadonlySet<AclOperation> = new Set([
  AclOperation.DESCRIBE_CONFIGS,
  AclOperation.ALTER_CONFIGS,
]);

function assertConcrete(operation: AclOperation, resourceType: ResourceType): void {
  if (operation === AclOperation.ANY || !known(AclOperation, operation)) {
    throw new RangeError(`cannot authorize operation ${aclCodeName(AclOperation, operation)} (${operation})`);
  }
  if (resourceType === ResourceType.ANY || !known(ResourceType, resourceType)) {
    throw new RangeError(
      `cannot authorize on resource type ${aclCodeName(ResourceType, resourceType)} (${resourceType})`,
    );
  }
}

/** Whether `binding` is for this principal (or everyone) from this host (or any). */
function isFor(binding: AclBinding, principal: string, host: string): boolean {
  return (
    (binding.principal === principal || binding.principal === WILDCARD_PRINCIPAL) &&
    (binding.host === host || binding.host === WILDCARD_HOST)
  );
}

/** Whether an ALLOW binding for `granted` allows `wanted`: ALL, the same operation, or one implying it. */
function allowGrants(granted: AclOperation, wanted: AclOperation): boolean {
  if (granted === AclOperation.ALL || granted === wanted) return true;
  if (wanted === AclOperation.DESCRIBE) return IMPLIES_DESCRIBE.has(granted);
  if (wanted === AclOperation.DESCRIBE_CONFIGS) return IMPLIES_DESCRIBE_CONFIGS.has(granted);
  return false;
}

/**
 * Whether `bindings` allow `request`: denied if any binding for the
 * resource (LITERAL with its name or `*`, or PREFIXED with a prefix of it),
 * for the principal or `User:*`, from the host or `*`, DENYs the operation
 * itself or ALL; else allowed if such a binding ALLOWs ALL, the operation,
 * or an operation implying it (READ, WRITE, DELETE and ALTER imply
 * DESCRIBE; ALTER_CONFIGS implies DESCRIBE_CONFIGS); else denied. A DENY
 * does not extend to implied operations: DENY READ leaves DESCRIBE alone.
 *
 * Throws a RangeError for an ANY or UNKNOWN operation or resource type,
 * which no request asks for.
 */
export function authorize(bindings: Iterable<AclBinding>, request: AclRequest): boolean {
  assertConcrete(request.operation, request.resourceType);
  let allowed = false;
  for (const b of bindings) {
    if (b.resourceType !== request.resourceType || !appliesTo(b, request.resourceName)) continue;
    if (!isFor(b, request.principal, request.host)) continue;
    if (b.permissionType === AclPermissionType.DENY) {
      if (b.operation === AclOperation.ALL || b.operation === request.operation) return false;
    } else if (b.permissionType === AclPermissionType.ALLOW && allowGrants(b.operation, request.operation)) {
      allowed = true;
    }
  }
  return allowed;
}

/**
 * Whether `bindings` allow `operation` on at least one resource of
 * `resourceType`, as Kafka's `Authorizer.authorizeByResourceType` decides
 * it (KIP-679): only bindings for the operation itself or ALL count (no
 * implied operations); a DENY on LITERAL `*` denies; an ALLOW on LITERAL
 * `*` allows; otherwise some ALLOW must survive the DENYs: a LITERAL name
 * not itself denied and no PREFIXED DENY on a prefix of it, or a PREFIXED
 * prefix with no PREFIXED DENY on a prefix of it (LITERAL DENYs never
 * cover a PREFIXED ALLOW, since they cannot cover every name it allows).
 *
 * The broker uses it for an idempotent producer without a transactional id
 * (see `authorizeIdempotentWrite`).
 */
export function authorizeByResourceType(
  bindings: Iterable<AclBinding>,
  request: Omit<AclRequest, "resourceName">,
): boolean {
  assertConcrete(request.operation, request.resourceType);
  const deniedLiterals = new Set<string>();
  const deniedPrefixes: string[] = [];
  const allowed: AclBinding[] = [];
  let wildcardAllowed = false;
  for (const b of bindings) {
    if (b.resourceType !== request.resourceType || !isFor(b, request.principal, request.host)) continue;
    if (b.operation !== request.operation && b.operation !== AclOperation.ALL) continue;
    const literal = b.patternType === PatternType.LITERAL;
    if (!literal && b.patternType !== PatternType.PREFIXED) continue;
    if (b.permissionType === AclPermissionType.DENY) {
      if (literal && b.resourceName === WILDCARD_RESOURCE) return false;
      if (literal) deniedLiterals.add(b.resourceName);
      else deniedPrefixes.push(b.resourceName);
    } else if (b.permissionType === AclPermissionType.ALLOW) {
      if (literal && b.resourceName === WILDCARD_RESOURCE) wildcardAllowed = true;
      else allowed.push(b);
    }
  }
  if (wildcardAllowed) return true;
  return allowed.some(
    (b) =>
      !(b.patternType === PatternType.LITERAL && deniedLiterals.has(b.resourceName)) &&
      !deniedPrefixes.some((prefix) => b.resourceName.startsWith(prefix)),
  );
}

/**
 * Whether a producer without a transactional id may be idempotent
 * (InitProducerId): as Kafka since KIP-679, IDEMPOTENT_WRITE on the
 * cluster, or WRITE on at least one topic.
 */
export function authorizeIdempotentWrite(
  bindings: Iterable<AclBinding>,
  principal: string,
  host: string,
): boolean {
  const all = [...bindings];
  return (
    authorize(all, {
      principal,
      host,
      operation: AclOperation.IDEMPOTENT_WRITE,
      resourceType: ResourceType.CLUSTER,
      resourceName: CLUSTER_RESOURCE_NAME,
    }) ||
    authorizeByResourceType(all, {
      principal,
      host,
      operation: AclOperation.WRITE,
      resourceType: ResourceType.TOPIC,
    })
  );
}

const SUPPORTED: Readonly<Record<number, readonly AclOperation[]>> = {
  [ResourceType.TOPIC]: [
    AclOperation.READ,
    AclOperation.WRITE,
    AclOperation.CREATE,
    AclOperation.DESCRIBE,
    AclOperation.DELETE,
    AclOperation.ALTER,
    AclOperation.DESCRIBE_CONFIGS,
    AclOperation.ALTER_CONFIGS,
  ],
  [ResourceType.GROUP]: [
    AclOperation.READ,
    AclOperation.DESCRIBE,
    AclOperation.DELETE,
    AclOperation.DESCRIBE_CONFIGS,
    AclOperation.ALTER_CONFIGS,
  ],
  [ResourceType.CLUSTER]: [
    AclOperation.CREATE,
    AclOperation.CLUSTER_ACTION,
    AclOperation.DESCRIBE_CONFIGS,
    AclOperation.ALTER_CONFIGS,
    AclOperation.IDEMPOTENT_WRITE,
    AclOperation.ALTER,
    AclOperation.DESCRIBE,
  ],
  [ResourceType.TRANSACTIONAL_ID]: [AclOperation.DESCRIBE, AclOperation.WRITE],
  [ResourceType.DELEGATION_TOKEN]: [AclOperation.DESCRIBE],
  [ResourceType.USER]: [AclOperation.CREATE_TOKENS, AclOperation.DESCRIBE_TOKENS],
};

/**
 * The operations a resource type has a use for, as Kafka lists them (ALL
 * aside, which binds to any): what kafka-acls.sh accepts for a resource
 * type, and the operations a KIP-430 "authorized operations" answer ranges
 * over. Empty for UNKNOWN and ANY.
 */
export function supportedOperations(resourceType: ResourceType): readonly AclOperation[] {
  return SUPPORTED[resourceType] ?? [];
}
