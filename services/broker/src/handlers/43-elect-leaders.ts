/**
 * ElectLeaders (key 43), versions 0-2 (KIP-183's API of Kafka 2.2 to 3.9).
 *
 * - Preferred election only: forwarded to the controller, which moves leadership of each
 *   partition to its preferred (first) replica when that replica is an active (unfenced,
 *   not shutting down) ISR member. Unclean leader election is off in Runnel, so v1+'s
 *   election_type 1 (unclean), like any type but 0, is refused: INVALID_REQUEST at the top
 *   and for every named partition, with the reason as their message, as Kafka answers a
 *   request it fails as a whole.
 * - Per partition, as Kafka's controller answers: ELECTION_NOT_NEEDED (the preferred replica
 *   leads already), PREFERRED_LEADER_NOT_AVAILABLE (it is not an active ISR member),
 *   UNKNOWN_TOPIC_OR_PARTITION (no such topic or partition). A partition named more than once
 *   is answered once, with INVALID_REQUEST, and not elected.
 * - Null topic_partitions (kafka-leader-election.sh --all-topic-partitions): every partition
 *   whose preferred replica does not lead, as this broker's metadata image shows it, is put
 *   to the controller; the answer leaves out those that need no election, as Kafka's does.
 * - The answer waits (up to timeout_ms, at most 30 s) until this broker's image shows the
 *   elected leaders, so a Metadata request right after finds them.
 * - v1 adds the top-level error code; v2 is the flexible version.
 */
import { create } from "@bufbuild/protobuf";
import {
  ApiKeys,
  type ElectLeadersRequest,
  type ElectLeadersResponsePartitionResult,
  type ElectLeadersResponseReplicaElectionResult,
  ErrorCode,
} from "@runnel/kafka-protocol";
import { type MetadataImage, topicByName } from "@runnel/metadata";
import { ElectLeadersTopicSchema } from "@runnel/rpc";
import type { BrokerContext } from "../context.js";
import type { Handler } from "../kafka/server.js";
import { controllerFailure } from "./forward.js";

/** The preferred-replica election; the only one served. */
const PREFERRED = 0;
const UNCLEAN = 1;
/** The longest an answer waits for this broker's image to show the elected leaders. */
const IMAGE_WAIT_MS_MAX = 30_000;

type Result = ElectLeadersResponsePartitionResult;

export function electLeadersHandler(broker: BrokerContext): Handler<typeof ApiKeys.ElectLeaders> {
  return {
    apiKey: ApiKeys.ElectLeaders,
    minVersion: 0,
    maxVersion: 2,
    async handle(request) {
      if (request.electionType !== PREFERRED) return refused(request);
      const all = request.topicPartitions === null;
      const named = all ? needingElection(broker.image()) : request.topicPartitions;

      // One entry per topic, in the order topics are first named; one result per partition.
      const byTopic = new Map<string, Map<number, Result | undefined>>();
      const counts = new Map<string, number>();
      for (const t of named ?? []) {
        const partitions = byTopic.get(t.topic) ?? new Map<number, Result | undefined>();
        byTopic.set(t.topic, partitions);
        for (const p of t.partitions) {
          partitions.set(p, undefined);
          const key = `${t.topic}\u0000${p}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      }
      const forward: { topic: string; partitions: number[] }[] = [];
      for (const [topic, partitions] of byTopic) {
        const once: number[] = [];
        for (const p of partitions.keys()) {
          if ((counts.get(`${topic}\u0000${p}`) ?? 0) > 1) {
            partitions.set(
              p,
              result(p, ErrorCode.INVALID_REQUEST, `${topic}-${p} appears more than once in the request.`),
            );
          } else once.push(p);
        }
        // A topic with no partitions left is not forwarded: to the controller, no partitions
        // would mean all of them.
        if (once.length > 0) forward.push({ topic, partitions: once });
      }

      if (forward.length > 0) {
        try {
          const topics = forward.map((t) =>
            create(ElectLeadersTopicSchema, {
              topic: { ref: { case: "name", value: t.topic } },
              partitions: t.partitions,
            }),
          );
          const r = await broker.controller.call((c, o) => c.electLeaders({ topics }, o));
          const elected: { topic: string; partition: number }[] = [];
          for (const x of r.partitions) {
            const partitions = byTopic.get(x.topicName);
            if (partitions === undefined || !partitions.has(x.partition)) continue;
            partitions.set(x.partition, result(x.partition, x.errorCode, x.errorMessage));
            if (x.errorCode === ErrorCode.NONE) elected.push({ topic: x.topicName, partition: x.partition });
          }
          if (elected.length > 0) {
            await broker.waitForImage(
              (image) => elected.every((e) => leadsPreferred(image, e.topic, e.partition)),
              Math.max(0, Math.min(request.timeoutMs, IMAGE_WAIT_MS_MAX)),
            );
          }
        } catch (e) {
          const { code, message } = controllerFailure(e);
          for (const t of forward) {
            const partitions = byTopic.get(t.topic);
            for (const p of t.partitions) partitions?.set(p, result(p, code, message));
          }
        }
      }

      const replicaElectionResults: ElectLeadersResponseReplicaElectionResult[] = [];
      for (const [topic, partitions] of byTopic) {
        const partitionResult = [...partitions].map(
          ([p, r]) =>
            r ??
            result(p, ErrorCode.UNKNOWN_SERVER_ERROR, "The controller gave no result for this partition."),
        );
        // Asked for every partition, Kafka answers only those that needed an election.
        const shown = all
          ? partitionResult.filter((r) => r.errorCode !== ErrorCode.ELECTION_NOT_NEEDED)
          : partitionResult;
        if (!all || shown.length > 0) replicaElectionResults.push({ topic, partitionResult: shown });
      }
      return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, replicaElectionResults };
    },
  };
}

function result(partitionId: number, errorCode: number, errorMessage: string): Result {
  return { partitionId, errorCode, errorMessage: errorCode === ErrorCode.NONE ? null : errorMessage };
}

/** Every partition whose preferred replica does not lead, by topic. */
function needingElection(image: MetadataImage): { topic: string; partitions: number[] }[] {
  const out: { topic: string; partitions: number[] }[] = [];
  for (const topic of image.topics.values()) {
    const partitions: number[] = [];
    topic.partitions.forEach((p, i) => {
      if (p.replicas.length > 0 && p.leader !== p.replicas[0]) partitions.push(i);
    });
    if (partitions.length > 0) out.push({ topic: topic.name, partitions });
  }
  return out;
}

function leadsPreferred(image: MetadataImage, topic: string, partition: number): boolean {
  const p = topicByName(image, topic)?.partitions[partition];
  // A partition deleted meanwhile has nothing left to wait for.
  return p === undefined || p.leader === p.replicas[0];
}

/** The answer to an election type other than preferred. */
function refused(request: ElectLeadersRequest) {
  const message =
    request.electionType === UNCLEAN
      ? "Unclean leader election is off in Runnel: only preferred elections (election_type 0) are served."
      : `Election type ${request.electionType} does not exist; only preferred elections (election_type 0) are served.`;
  return {
    throttleTimeMs: 0,
    errorCode: ErrorCode.INVALID_REQUEST,
    replicaElectionResults: (request.topicPartitions ?? []).map((t) => ({
      topic: t.topic,
      partitionResult: t.partitions.map((p) => result(p, ErrorCode.INVALID_REQUEST, message)),
    })),
  };
}
