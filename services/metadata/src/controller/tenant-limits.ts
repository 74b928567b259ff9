/**
 * Limits the controller keeps for logical clusters on the topic requests: which logical
 * cluster a stored topic name belongs to, and its `max_partitions` quota, checked against the
 * image the request is planned on (so the topics and partitions created earlier in the same
 * request count too).
 */
import { LOGICAL_CLUSTER_PREFIX, NAMESPACE_SEPARATOR, Namespace } from "@runnel/tenant";
import { type ControllerError, controllerError } from "./errors.js";
import type { LogicalClusterImage, MetadataImage } from "./image.js";

/** The logical cluster owning a stored topic name, if it names one that exists. */
export function tenantOfTopic(image: MetadataImage, name: string): LogicalClusterImage | undefined {
  if (!name.startsWith(LOGICAL_CLUSTER_PREFIX)) return undefined;
  const end = name.indexOf(NAMESPACE_SEPARATOR);
  return end < 0 ? undefined : image.logicalClusters.get(name.slice(0, end));
}

/** How many partitions the logical cluster's topics have. */
export function tenantPartitionCount(image: MetadataImage, logicalClusterId: string): number {
  const ns = new Namespace(logicalClusterId);
  let count = 0;
  for (const [name, key] of image.topicKeysByName) {
    if (ns.owns(name)) count += image.topics.get(key)?.partitions.length ?? 0;
  }
  return count;
}

/** POLICY_VIOLATION when adding `added` partitions would pass the logical cluster's `max_partitions`. */
export function tenantPartitionLimitError(
  image: MetadataImage,
  logicalClusterId: string,
  added: number,
): ControllerError | undefined {
  const max = image.tenantQuotas.get(logicalClusterId)?.get("max_partitions");
  if (max === undefined) return undefined;
  const current = tenantPartitionCount(image, logicalClusterId);
  if (current + added <= max) return undefined;
  return controllerError(
    "POLICY_VIOLATION",
    `The cluster's partition limit is ${max}; it has ${current} and this request adds ${added}.`,
  );
}
