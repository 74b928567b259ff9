/**
 * Kafka's authorizer for a session: may this connection do `operation` on a resource, by its
 * logical cluster's ACLs (names as the tenant knows them).
 *
 * - The cluster-wide operator (no logical cluster) and admin keys may do everything.
 * - Anyone else needs a matching ALLOW binding and no matching DENY (allow.everyone.if.no.acl.found
 *   is false, as on Confluent Cloud), with Kafka's implied operations.
 * - The host an ACL names is compared with the address the connection comes from; behind the
 *   proxy that is the proxy's address.
 */
import { type AclImage, aclBindingOfImage, type MetadataImage } from "@runnel/metadata";
import {
  type AclBinding,
  type AclOperation,
  authorize,
  authorizeIdempotentWrite,
  CLUSTER_RESOURCE_NAME,
  ResourceType,
} from "@runnel/tenant";
import type { Session } from "../auth/session.js";

/** The host part of a `host:port` remote address (IPv6 addresses keep their colons). */
export function hostOf(remoteAddress: string): string {
  const colon = remoteAddress.lastIndexOf(":");
  const host = colon < 0 ? remoteAddress : remoteAddress.slice(0, colon);
  return host.startsWith("::ffff:") ? host.slice(7) : host;
}

export interface AuthorizerRequest {
  readonly operation: AclOperation;
  readonly resourceType: ResourceType;
  /** The tenant's own name of the resource; `kafka-cluster` for the cluster. */
  readonly resourceName: string;
}

/**
 * A logical cluster's bindings in the ACL model's terms, converted once per version of its ACL
 * map (the image shares an unchanged map between versions), not on every check.
 */
const bindingsOf = new WeakMap<ReadonlyMap<string, AclImage>, readonly AclBinding[]>();

function tenantBindings(image: MetadataImage, logicalClusterId: string): readonly AclBinding[] | undefined {
  const acls = image.acls.get(logicalClusterId);
  if (acls === undefined) return undefined;
  let bindings = bindingsOf.get(acls);
  if (bindings === undefined) {
    bindings = [...acls.values()].map(aclBindingOfImage);
    bindingsOf.set(acls, bindings);
  }
  return bindings;
}

/** Whether the session may do the operation; see the top of this file. */
export function isAuthorized(
  image: MetadataImage,
  session: Session,
  remoteAddress: string,
  request: AuthorizerRequest,
): boolean {
  if (session.logicalClusterId === null || session.admin) return true;
  const bindings = tenantBindings(image, session.logicalClusterId);
  if (bindings === undefined) return false;
  return authorize(bindings, {
    principal: session.principal,
    host: hostOf(remoteAddress),
    ...request,
  });
}

/** An operation on the logical cluster itself (e.g. ALTER to change ACLs). */
export function isAuthorizedOnCluster(
  image: MetadataImage,
  session: Session,
  remoteAddress: string,
  operation: AclOperation,
): boolean {
  return isAuthorized(image, session, remoteAddress, {
    operation,
    resourceType: ResourceType.CLUSTER,
    resourceName: CLUSTER_RESOURCE_NAME,
  });
}

/** KIP-679: an idempotent producer needs IDEMPOTENT_WRITE on the cluster or WRITE on any topic. */
export function mayWriteIdempotently(image: MetadataImage, session: Session, remoteAddress: string): boolean {
  if (session.logicalClusterId === null || session.admin) return true;
  const bindings = tenantBindings(image, session.logicalClusterId);
  if (bindings === undefined) return false;
  return authorizeIdempotentWrite(bindings, session.principal, hostOf(remoteAddress));
}
