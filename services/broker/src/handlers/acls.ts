/**
 * What the ACL and SCRAM APIs share: who may use them, and how a logical cluster's stored
 * bindings read as Kafka's.
 *
 * ACLs and SCRAM credentials belong to logical clusters. A connection with no logical cluster
 * (the cluster-wide operator of a broker without authentication) has no authorizer, so the ACL
 * APIs answer SECURITY_DISABLED, as Kafka does with no authorizer configured.
 */
import { type AclImage, aclBindingOfImage, type MetadataImage } from "@runnel/metadata";
import { type AclBinding, AclOperation } from "@runnel/tenant";
import type { Session } from "../auth/session.js";
import type { RequestContext } from "../kafka/server.js";
import { isAuthorizedOnCluster } from "../tenant/authorizer.js";

export const NO_AUTHORIZER = "No Authorizer is configured on the broker";

/** A logical cluster's bindings in the ACL model's terms, with their stored form. */
export function tenantAcls(
  image: MetadataImage,
  logicalClusterId: string,
): { stored: AclImage; binding: AclBinding }[] {
  return [...(image.acls.get(logicalClusterId)?.values() ?? [])].map((stored) => ({
    stored,
    binding: aclBindingOfImage(stored),
  }));
}

/**
 * Why the session may not use an API that needs `operation` on its cluster (ALTER to change
 * ACLs and credentials, DESCRIBE to read them), or undefined when it may.
 */
export function clusterAccessProblem(
  image: MetadataImage,
  session: Session,
  ctx: RequestContext,
  operation: typeof AclOperation.ALTER | typeof AclOperation.DESCRIBE,
): string | undefined {
  if (isAuthorizedOnCluster(image, session, ctx.remoteAddress, operation)) return undefined;
  return `Principal ${session.principal} is not authorized to ${operation === AclOperation.ALTER ? "alter" : "describe"} the cluster`;
}
