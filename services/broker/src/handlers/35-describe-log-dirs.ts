/**
 * DescribeLogDirs (key 35), versions 1-4 (the Kafka 2.1 baseline to 3.9;
 * Kafka 3.9 deprecates v0). Used by kafka-log-dirs.sh and
 * AdminClient.describeLogDirs.
 *
 * - One log directory: the absolute path of the folder holding this broker's
 *   partition logs, as Kafka reports `log.dirs` entries.
 * - Its partitions: every replica this broker hosts, leader or follower,
 *   each with the bytes of its segment files, an offset lag of 0 (Kafka's
 *   max(high watermark - log end, 0), never above 0 for a current replica)
 *   and is_future_key false (no AlterReplicaLogDirs moves). Topics in name
 *   order, partitions by index.
 * - A null topic list asks for every hosted partition; otherwise only the
 *   listed ones this broker hosts, and names or partitions it does not host
 *   are left out silently, as Kafka does.
 * - v4+: total_bytes and usable_bytes of the volume holding the directory
 *   (statfs: blocks and blocks available to unprivileged users, times the
 *   block size). If the volume cannot be read the directory answers
 *   UNKNOWN_SERVER_ERROR with no topics, as Kafka answers an I/O error there.
 * - v3+: the top-level error code is 0 (no ACLs yet, so never
 *   CLUSTER_AUTHORIZATION_FAILED).
 */
import { statfs } from "node:fs/promises";
import { dirname } from "node:path";
import {
  ApiKeys,
  type DescribeLogDirsResponseDescribeLogDirsResult,
  type DescribeLogDirsResponseDescribeLogDirsTopic,
  ErrorCode,
} from "@runnel/kafka-protocol";
import type { BrokerContext } from "../context.js";
import type { Handler } from "../kafka/server.js";
import type { ReplicaManager } from "../replica-manager.js";

export function describeLogDirsHandler(
  broker: BrokerContext,
  replicas: ReplicaManager,
): Handler<typeof ApiKeys.DescribeLogDirs> {
  return {
    apiKey: ApiKeys.DescribeLogDirs,
    minVersion: 1,
    maxVersion: 4,
    async handle(request, ctx) {
      const image = broker.image();
      const logDir = replicas.logDir;
      const wanted =
        request.topics === null
          ? null
          : new Map(request.topics.map((t) => [t.topic, new Set<number>()] as const));
      for (const t of request.topics ?? []) for (const p of t.partitions) wanted?.get(t.topic)?.add(p);
      const result: DescribeLogDirsResponseDescribeLogDirsResult = {
        errorCode: ErrorCode.NONE,
        logDir,
        topics: [],
        totalBytes: -1n,
        usableBytes: -1n,
      };
      try {
        const volume = await volumeOf(logDir);
        if (ctx.apiVersion >= 4) {
          result.totalBytes = volume.totalBytes;
          result.usableBytes = volume.usableBytes;
        }
      } catch {
        result.errorCode = ErrorCode.UNKNOWN_SERVER_ERROR;
        return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, results: [result] };
      }
      const topics = [...image.topics.values()].sort((a, b) =>
        a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
      );
      for (const topic of topics) {
        const partitionsWanted = wanted === null ? null : wanted.get(topic.name);
        if (partitionsWanted === undefined) continue;
        const out: DescribeLogDirsResponseDescribeLogDirsTopic = { name: topic.name, partitions: [] };
        for (let index = 0; index < topic.partitions.length; index++) {
          if (partitionsWanted !== null && !partitionsWanted.has(index)) continue;
          const state = topic.partitions[index];
          if (state === undefined || !state.replicas.includes(broker.settings.nodeId)) continue;
          // A replica's log is open once the broker took its role; a leader's opens on first use.
          let log = replicas.replica(topic, index)?.log;
          if (log === undefined && state.leader === broker.settings.nodeId) {
            const found = await replicas.leaderPartition(topic, index);
            if (found.kind === "ok") log = found.hosted.log;
          }
          if (log === undefined) continue;
          out.partitions.push({
            partitionIndex: index,
            partitionSize: BigInt(log.sizeInBytes),
            offsetLag: 0n,
            isFutureKey: false,
          });
        }
        if (out.partitions.length > 0) result.topics.push(out);
      }
      return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, results: [result] };
    },
  };
}

/** Total and usable bytes of the volume holding `dir` (its parent's while it does not exist yet). */
async function volumeOf(dir: string): Promise<{ totalBytes: bigint; usableBytes: bigint }> {
  const s = await statfs(dir, { bigint: true }).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== "ENOENT") throw e;
    return statfs(dirname(dir), { bigint: true });
  });
  return { totalBytes: s.blocks * s.bsize, usableBytes: s.bavail * s.bsize };
}
