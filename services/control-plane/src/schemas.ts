/**
 * The JSON schemas of the API: Fastify validates requests and serialises responses with
 * them, and the OpenAPI document (openapi.ts) is built from the same objects, so what is
 * documented is what is enforced. Objects refuse properties they do not name.
 */
import { AclOperation, PatternType, QUOTA_KEYS, QUOTA_SPECS } from "@runnel/tenant";

export type JsonSchema = Record<string, unknown>;

/** `lkc-` and six characters of the tenant package's id alphabet (tested against `newLogicalClusterId`). */
export const CLUSTER_ID_PATTERN = "^lkc-[0-9abcdefghjkmnpqrstvwxyz]{6}$";
/** Sixteen characters of the tenant package's key alphabet (tested against `newApiKey`). */
export const API_KEY_PATTERN = "^[A-Z2-7]{16}$";
export const PRINCIPAL_PATTERN = "^User:\\S+$";

const str = (description: string, extra: JsonSchema = {}): JsonSchema => ({
  type: "string",
  description,
  ...extra,
});
const int = (description: string): JsonSchema => ({ type: "integer", minimum: 0, description });
const object = (properties: Record<string, JsonSchema>, required: readonly string[] = []): JsonSchema => ({
  type: "object",
  additionalProperties: false,
  properties,
  ...(required.length > 0 ? { required: [...required] } : {}),
});
const array = (items: JsonSchema): JsonSchema => ({ type: "array", items });
const names = (codes: Record<string, number>, skip: readonly string[]) =>
  Object.keys(codes).filter((n) => !skip.includes(n));

/** Resource types a tenant's bindings name. */
export const ACL_RESOURCE_TYPES = ["TOPIC", "GROUP", "CLUSTER", "TRANSACTIONAL_ID"] as const;
export const ACL_OPERATIONS = names(AclOperation, ["UNKNOWN", "ANY"]);

export const clusterIdParam = object({ id: str("Logical-cluster id", { pattern: CLUSTER_ID_PATTERN }) }, [
  "id",
]);
export const apiKeyParams = object(
  {
    id: str("Logical-cluster id", { pattern: CLUSTER_ID_PATTERN }),
    key: str("API key id", { pattern: API_KEY_PATTERN }),
  },
  ["id", "key"],
);

const createdAt = str("When it was created (RFC 3339)", { format: "date-time" });

const clusterProperties = {
  id: str("Logical-cluster id", { pattern: CLUSTER_ID_PATTERN }),
  name: str("Display name"),
  cell: str("The cell its partitions are placed in"),
  created_at: createdAt,
};
export const cluster = object(clusterProperties, ["id", "name", "cell", "created_at"]);

export const createClusterBody = object(
  {
    name: str("Display name: 1-64 printable characters", {
      minLength: 1,
      maxLength: 64,
      pattern: "^[^\\p{Cc}]+$",
    }),
    cell: str("The cell to place it in; when absent, the less loaded of two cells drawn at random", {
      minLength: 1,
      maxLength: 64,
    }),
  },
  ["name"],
);

export const quotas = {
  type: "object",
  description: "Quotas and limits that are set; an absent key sets no limit",
  additionalProperties: { type: "number" },
  properties: Object.fromEntries(
    QUOTA_KEYS.map((k) => [
      k,
      { type: "number", description: `${QUOTA_SPECS[k].about} (${QUOTA_SPECS[k].unit})` },
    ]),
  ),
} satisfies JsonSchema;

export const clusterDescription = object(
  {
    ...clusterProperties,
    usage: object(
      {
        topics: int("Topics"),
        partitions: int("Partitions of its topics"),
        api_keys: int("API keys"),
        acls: int("ACL bindings"),
      },
      ["topics", "partitions", "api_keys", "acls"],
    ),
    quotas,
  },
  ["id", "name", "cell", "created_at", "usage", "quotas"],
);

export const deletedCluster = object(
  { id: str("Logical-cluster id"), topics_removed: int("Topics removed with it") },
  ["id", "topics_removed"],
);

const apiKeyProperties = {
  key: str("API key id: the SASL/PLAIN username", { pattern: API_KEY_PATTERN }),
  cluster_id: str("The logical cluster it belongs to"),
  principal: str("The principal its ACLs name, User:<name>"),
  admin: {
    type: "boolean",
    description: "May do anything within its logical cluster; else only what ACLs allow",
  },
  description: str("Free text"),
  created_at: createdAt,
};
const apiKeyRequired = ["key", "cluster_id", "principal", "admin", "description", "created_at"];
export const apiKey = object(apiKeyProperties, apiKeyRequired);
export const createdApiKey = object(
  {
    ...apiKeyProperties,
    secret: str("The SASL/PLAIN password. Shown only in this response; it is stored only as a salted hash"),
  },
  [...apiKeyRequired, "secret"],
);
export const createApiKeyBody = object({
  description: str("Free text", { maxLength: 256 }),
  admin: {
    type: "boolean",
    default: true,
    description:
      "true (the default): may do anything within its logical cluster; false: only what ACLs allow",
  },
  principal: str("The principal ACLs name it by; default User:<key>", {
    pattern: PRINCIPAL_PATTERN,
    maxLength: 256,
  }),
});
export const deletedApiKey = object({ key: str("API key id"), cluster_id: str("Logical-cluster id") }, [
  "key",
  "cluster_id",
]);

export const aclBinding = object(
  {
    resource_type: str("Resource type", { enum: [...ACL_RESOURCE_TYPES] }),
    resource_name: str(
      "Resource name; kafka-cluster for CLUSTER; * (LITERAL) for every resource of the type",
      {
        minLength: 1,
        maxLength: 249,
      },
    ),
    pattern_type: str("How resource_name matches", { enum: ["LITERAL", "PREFIXED"], default: "LITERAL" }),
    operation: str("Operation", { enum: ACL_OPERATIONS }),
    permission: str("Permission", { enum: ["ALLOW", "DENY"] }),
    principal: str("User:<name>, or User:* for everyone", { pattern: PRINCIPAL_PATTERN, maxLength: 256 }),
    host: str("Client address, or * for any", { minLength: 1, maxLength: 256, default: "*" }),
  },
  ["resource_type", "resource_name", "operation", "permission", "principal"],
);

export const aclFilter = object({
  resource_type: str("Resource type (default ANY)", { enum: ["ANY", ...ACL_RESOURCE_TYPES] }),
  resource_name: str("Exact resource name; with pattern_type MATCH, a resource the bindings apply to", {
    minLength: 1,
  }),
  pattern_type: str("LITERAL, PREFIXED, ANY (either, exact name) or MATCH (default ANY)", {
    enum: names(PatternType, ["UNKNOWN"]),
  }),
  operation: str("Operation (default ANY)", { enum: ["ANY", ...ACL_OPERATIONS] }),
  permission: str("ALLOW, DENY or ANY (default ANY)", { enum: ["ANY", "ALLOW", "DENY"] }),
  principal: str("Exact principal", { minLength: 1 }),
  host: str("Exact host", { minLength: 1 }),
});
/** DELETE needs at least one condition, so a bare DELETE never removes every binding; resource_type=ANY does. */
export const aclDeleteFilter = { ...aclFilter, minProperties: 1 };

export const aclView = object(
  {
    resource_type: str("Resource type"),
    resource_name: str("Resource name"),
    pattern_type: str("LITERAL or PREFIXED"),
    operation: str("Operation"),
    permission: str("ALLOW or DENY"),
    principal: str("Principal"),
    host: str("Host"),
  },
  ["resource_type", "resource_name", "pattern_type", "operation", "permission", "principal", "host"],
);
export const deletedAcls = object({ deleted: array(aclView) }, ["deleted"]);

export const quotaChanges = {
  type: "object",
  description: "Quotas to set (a number) or remove (null); keys not named are left as they are",
  additionalProperties: false,
  minProperties: 1,
  properties: Object.fromEntries(
    QUOTA_KEYS.map((k) => [
      k,
      { type: ["number", "null"], description: `${QUOTA_SPECS[k].about} (${QUOTA_SPECS[k].unit})` },
    ]),
  ),
} satisfies JsonSchema;

export const topic = object(
  {
    name: str("The topic's name within its logical cluster"),
    partitions: int("Partitions"),
    replication_factor: int("Replicas per partition"),
  },
  ["name", "partitions", "replication_factor"],
);

export const cellUsage = object(
  {
    cell: str("Cell"),
    brokers: int("Registered brokers"),
    active_brokers: int("Brokers neither fenced nor shutting down"),
    clusters: int("Logical clusters placed in the cell"),
    partitions: int("Partitions whose preferred replica is in the cell"),
    replicas: int("Replicas hosted by the cell's brokers"),
  },
  ["cell", "brokers", "active_brokers", "clusters", "partitions", "replicas"],
);

export const health = object({ status: str("ok") }, ["status"]);

export const problem = {
  type: "object",
  description: "An RFC 9457 problem document",
  properties: {
    type: str("about:blank"),
    title: str("The HTTP status phrase"),
    status: { type: "integer" },
    detail: str("What went wrong"),
    instance: str("The request path"),
    errors: array(object({ path: str("Where"), message: str("What") }, ["path", "message"])),
  },
  required: ["type", "title", "status", "detail", "instance"],
} satisfies JsonSchema;

export { array };
