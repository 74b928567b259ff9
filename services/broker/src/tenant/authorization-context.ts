/**
 * What the per-API authorization rules (authorization-apis.ts) work with: the
 * session's authorizer as the tenant sees it, and the check a request is
 * authorized with. See authorization.ts for the whole design.
 */
import type { ApiKey, ApiResponses, Uuid } from "@runnel/kafka-protocol";
import { type AclOperation, CLUSTER_RESOURCE_NAME, ResourceType, supportedOperations } from "@runnel/tenant";

/** What the authorization needs to know of the session, the tenant and the cluster, in the tenant's names. */
export interface Authorizer {
  /** Whether the session may do `operation` on the resource (`kafka-cluster` for the cluster). */
  allowed(resourceType: ResourceType, name: string, operation: AclOperation): boolean;
  /** KIP-679: whether an idempotent producer without a transactional id may get a producer id. */
  idempotentWrite(): boolean;
  /** The tenant's own name of the topic with this id; undefined when no topic of the tenant has it. */
  topicNameById(id: Uuid): string | undefined;
  /** Whether the tenant has a topic of this name (for Metadata's auto-creation and DeleteTopics). */
  topicExists(name: string): boolean;
  /** The broker's `auto.create.topics.enable`. */
  readonly autoCreateTopics: boolean;
}

/** A change to the response (mapped out to the tenant's names), decided while the request was authorized. */
export type AuthorizationEdit<K extends ApiKey> = (response: ApiResponses[K]) => void;

/** Kafka's `authorized_operations` value when they were not asked for (Integer.MIN_VALUE). */
export const AUTHORIZED_OPERATIONS_OMITTED = -2147483648;

/**
 * Kafka's KIP-430 bitfield of the operations the session may do on a
 * resource: bit `code` set for each operation of `supportedOperations` that
 * is allowed (Kafka's `Utils.to32BitField`).
 */
export function authorizedOperations(auth: Authorizer, resourceType: ResourceType, name: string): number {
  let bits = 0;
  for (const op of supportedOperations(resourceType))
    if (auth.allowed(resourceType, name, op)) bits |= 1 << op;
  return bits;
}

/** Authorizing one request: the checks, and the edits to apply to its response. */
export class Check<K extends ApiKey> {
  /** Run, in order, on the response once it is mapped out of the namespace. */
  readonly edits: AuthorizationEdit<K>[] = [];

  constructor(
    readonly auth: Authorizer,
    readonly version: number,
  ) {}

  topic(name: string, operation: AclOperation): boolean {
    return this.auth.allowed(ResourceType.TOPIC, name, operation);
  }

  group(name: string, operation: AclOperation): boolean {
    return this.auth.allowed(ResourceType.GROUP, name, operation);
  }

  transactionalId(name: string, operation: AclOperation): boolean {
    return this.auth.allowed(ResourceType.TRANSACTIONAL_ID, name, operation);
  }

  cluster(operation: AclOperation): boolean {
    return this.auth.allowed(ResourceType.CLUSTER, CLUSTER_RESOURCE_NAME, operation);
  }

  /** The KIP-430 bitfield for a resource. */
  operations(resourceType: ResourceType, name: string): number {
    return authorizedOperations(this.auth, resourceType, name);
  }

  edit(e: AuthorizationEdit<K>): void {
    this.edits.push(e);
  }
}
