/**
 * Rack-aware reads (KIP-392): a consumer that names its rack (`client.rack`,
 * Fetch v11+) is sent to a replica in its own zone, so it reads without
 * crossing zones. The leader answers with the preferred read replica: the
 * leader itself when it is in the client's zone (-1, keep reading here);
 * otherwise the most caught-up in-sync follower in that zone that is
 * unfenced and holds the fetch offset; else -1.
 */
import type { MetadataImage } from "@runnel/metadata";
import type { Partition } from "./partition.js";

export function preferredReadReplica(
  replica: Partition,
  image: MetadataImage,
  nodeId: number,
  clientRack: string,
  fetchOffset: bigint,
): number {
  if (clientRack === "" || replica.role !== "leader") return -1;
  if (image.brokers.get(nodeId)?.zone === clientRack) return -1;
  let best = -1;
  let bestEnd = -1n;
  for (const id of replica.isr) {
    if (id === nodeId) continue;
    const broker = image.brokers.get(id);
    if (broker === undefined || broker.fenced || broker.zone !== clientRack) continue;
    const end = replica.follower(id)?.logEndOffset ?? -1n;
    if (end < fetchOffset || end <= bestEnd) continue;
    best = id;
    bestEnd = end;
  }
  return best;
}
