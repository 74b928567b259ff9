/**
 * What the API shows of the metadata image: pure functions from the image to the JSON the
 * routes answer with (snake_case fields). API keys are shown without their salt and hash;
 * a tenant's topics by its own names (`Namespace`), never by the stored `<lkc-id>_<name>`.
 */
import type { AclImage, MetadataImage } from "@runnel/metadata";
import {
  type AclBinding,
  type AclBindingFilter,
  AclOperation,
  AclPermissionType,
  aclCodeFromWire,
  aclCodeName,
  matchesFilter,
  Namespace,
  PatternType,
  QUOTA_KEYS,
  ResourceType,
} from "@runnel/tenant";

export interface ClusterView {
  readonly id: string;
  readonly name: string;
  readonly cell: string;
  readonly created_at: string;
}

export interface ClusterUsage {
  readonly topics: number;
  readonly partitions: number;
  readonly api_keys: number;
  readonly acls: number;
}

export interface ClusterDescription extends ClusterView {
  readonly usage: ClusterUsage;
  readonly quotas: Readonly<Record<string, number>>;
}

export interface ApiKeyView {
  readonly key: string;
  readonly cluster_id: string;
  readonly principal: string;
  readonly admin: boolean;
  readonly description: string;
  readonly created_at: string;
}

export interface AclView {
  readonly resource_type: string;
  readonly resource_name: string;
  readonly pattern_type: string;
  readonly operation: string;
  readonly permission: string;
  readonly principal: string;
  readonly host: string;
}

export interface TopicView {
  readonly name: string;
  readonly partitions: number;
  readonly replication_factor: number;
}

export interface CellUsage {
  readonly cell: string;
  readonly brokers: number;
  readonly active_brokers: number;
  readonly clusters: number;
  /** Partitions whose preferred replica is on a broker of this cell. */
  readonly partitions: number;
  /** Replicas hosted on this cell's brokers. */
  readonly replicas: number;
}

export function isoTime(ms: bigint): string {
  return new Date(Number(ms)).toISOString();
}

export function clusterView(image: MetadataImage, id: string): ClusterView | undefined {
  const c = image.logicalClusters.get(id);
  return c === undefined
    ? undefined
    : { id: c.id, name: c.name, cell: c.cell, created_at: isoTime(c.createdMs) };
}

export function listClusters(image: MetadataImage): ClusterView[] {
  return [...image.logicalClusters.keys()].sort().map((id) => clusterView(image, id) as ClusterView);
}

export function quotasOf(image: MetadataImage, id: string): Record<string, number> {
  const stored = image.tenantQuotas.get(id);
  const out: Record<string, number> = {};
  // Known keys in their fixed order; a key written by a newer version is shown as stored.
  for (const key of QUOTA_KEYS) {
    const v = stored?.get(key);
    if (v !== undefined) out[key] = v;
  }
  for (const [key, v] of stored ?? []) if (!(key in out)) out[key] = v;
  return out;
}

export function describeCluster(image: MetadataImage, id: string): ClusterDescription | undefined {
  const view = clusterView(image, id);
  if (view === undefined) return undefined;
  const topics = listTopics(image, id);
  let apiKeys = 0;
  for (const k of image.apiKeys.values()) if (k.logicalClusterId === id) apiKeys++;
  return {
    ...view,
    usage: {
      topics: topics.length,
      partitions: topics.reduce((n, t) => n + t.partitions, 0),
      api_keys: apiKeys,
      acls: image.acls.get(id)?.size ?? 0,
    },
    quotas: quotasOf(image, id),
  };
}

export function apiKeyView(image: MetadataImage, key: string): ApiKeyView | undefined {
  const k = image.apiKeys.get(key);
  if (k === undefined) return undefined;
  return {
    key: k.key,
    cluster_id: k.logicalClusterId,
    principal: k.principal,
    admin: k.admin,
    description: k.description,
    created_at: isoTime(k.createdMs),
  };
}

export function listApiKeys(image: MetadataImage, clusterId: string): ApiKeyView[] {
  const keys = [...image.apiKeys.values()]
    .filter((k) => k.logicalClusterId === clusterId)
    .sort((a, b) =>
      a.createdMs === b.createdMs ? (a.key < b.key ? -1 : 1) : a.createdMs < b.createdMs ? -1 : 1,
    );
  return keys.map((k) => apiKeyView(image, k.key) as ApiKeyView);
}

/** A stored binding in the ACL model's terms (codes Kafka does not know read as UNKNOWN). */
export function aclBindingOf(acl: AclImage): AclBinding {
  return {
    resourceType: aclCodeFromWire(ResourceType, acl.resourceType),
    resourceName: acl.resourceName,
    patternType: aclCodeFromWire(PatternType, acl.patternType),
    principal: acl.principal,
    host: acl.host,
    operation: aclCodeFromWire(AclOperation, acl.operation),
    permissionType: aclCodeFromWire(AclPermissionType, acl.permissionType),
  };
}

export function aclView(b: {
  resourceType: number;
  resourceName?: string | undefined;
  patternType: number;
  principal?: string | undefined;
  host?: string | undefined;
  operation: number;
  permissionType: number;
}): AclView {
  return {
    resource_type: aclCodeName(ResourceType, b.resourceType),
    resource_name: b.resourceName ?? "",
    pattern_type: aclCodeName(PatternType, b.patternType),
    operation: aclCodeName(AclOperation, b.operation),
    permission: aclCodeName(AclPermissionType, b.permissionType),
    principal: b.principal ?? "",
    host: b.host ?? "",
  };
}

function aclOrder(a: AclView, b: AclView): number {
  const ka = [
    a.resource_type,
    a.resource_name,
    a.pattern_type,
    a.principal,
    a.host,
    a.operation,
    a.permission,
  ];
  const kb = [
    b.resource_type,
    b.resource_name,
    b.pattern_type,
    b.principal,
    b.host,
    b.operation,
    b.permission,
  ];
  for (let i = 0; i < ka.length; i++) {
    const x = ka[i] as string;
    const y = kb[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** The bindings of a logical cluster that `filter` matches, in a stable order. */
export function listAcls(image: MetadataImage, clusterId: string, filter: AclBindingFilter): AclView[] {
  const out: AclView[] = [];
  for (const acl of image.acls.get(clusterId)?.values() ?? []) {
    if (matchesFilter(aclBindingOf(acl), filter)) out.push(aclView(acl));
  }
  return out.sort(aclOrder);
}

/** A logical cluster's topics by its own names, with partition count and replication factor. */
export function listTopics(image: MetadataImage, clusterId: string): TopicView[] {
  const ns = new Namespace(clusterId);
  const out: TopicView[] = [];
  for (const [internal, key] of image.topicKeysByName) {
    const name = ns.toExternal(internal);
    const topic = image.topics.get(key);
    if (name === undefined || topic === undefined) continue;
    out.push({
      name,
      partitions: topic.partitions.length,
      replication_factor: topic.partitions[0]?.replicas.length ?? 0,
    });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Per cell: its brokers, logical clusters, partitions and replicas. */
export function usageByCell(image: MetadataImage): CellUsage[] {
  const cells = new Map<
    string,
    { brokers: number; active: number; clusters: number; partitions: number; replicas: number }
  >();
  const cellOf = (cell: string) => {
    let c = cells.get(cell);
    if (c === undefined) {
      c = { brokers: 0, active: 0, clusters: 0, partitions: 0, replicas: 0 };
      cells.set(cell, c);
    }
    return c;
  };
  for (const b of image.brokers.values()) {
    const c = cellOf(b.cell);
    c.brokers++;
    if (!b.fenced && !b.inControlledShutdown) c.active++;
  }
  for (const lkc of image.logicalClusters.values()) cellOf(lkc.cell).clusters++;
  for (const topic of image.topics.values()) {
    for (const p of topic.partitions) {
      const preferred = p.replicas[0];
      const home = preferred === undefined ? undefined : image.brokers.get(preferred);
      if (home !== undefined) cellOf(home.cell).partitions++;
      for (const r of p.replicas) {
        const b = image.brokers.get(r);
        if (b !== undefined) cellOf(b.cell).replicas++;
      }
    }
  }
  return [...cells.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([cell, c]) => ({
      cell,
      brokers: c.brokers,
      active_brokers: c.active,
      clusters: c.clusters,
      partitions: c.partitions,
      replicas: c.replicas,
    }));
}
