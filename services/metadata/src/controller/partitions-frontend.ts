/**
 * The partition frontend: AlterPartition (ISR changes from partition leaders, KIP-497) and
 * ElectLeaders (preferred-replica election).
 *
 * AlterPartition follows Kafka's checks, in Kafka's order, per partition:
 * - the topic and partition exist (UNKNOWN_TOPIC_ID, UNKNOWN_TOPIC_OR_PARTITION);
 * - the request's leader epoch equals the partition's (FENCED_LEADER_EPOCH): a leader that
 *   missed a leader change must not shrink or grow an ISR it no longer owns;
 * - the sender leads the partition (INVALID_REQUEST);
 * - the request's partition epoch equals the partition's (INVALID_UPDATE_VERSION): the
 *   leader works from an old ISR and must refresh its metadata first;
 * - the new ISR is a duplicate-free subset of the replicas that contains the leader
 *   (INVALID_REQUEST), and every broker it adds is active (INELIGIBLE_REPLICA).
 * A change bumps the partition epoch only; the leader and its epoch stay.
 *
 * ElectLeaders moves leadership to the preferred (first) replica; `preferredLeaderChange` is
 * that election for one partition, shared with the automatic leader balancing.
 */
import { create } from "@bufbuild/protobuf";
import {
  type AlterPartitionRequest,
  type AlterPartitionResponse,
  AlterPartitionResponseSchema,
  type AlterPartitionResult,
  AlterPartitionResultSchema,
  type ElectLeadersRequest,
  type ElectLeadersResponse,
  ElectLeadersResponseSchema,
  type ElectLeadersResult,
  ElectLeadersResultSchema,
  type MetadataRecord,
  type TopicRef,
} from "@runnel/rpc";
import { type ControllerError, controllerError } from "./errors.js";
import type { ControllerOptions, Outcome } from "./frontend.js";
import {
  allPartitions,
  isActive,
  type MetadataImage,
  type PartitionImage,
  type TopicImage,
  topicById,
} from "./image.js";
import { planPartitionChange, sameMembers, withChange } from "./partition-change.js";
import { type PartitionDelta, partitionChangeRecord } from "./records.js";
import { resolveTopicRef } from "./topics-frontend.js";

/** AlterPartition: see the top of this file. */
export function alterPartition(
  image: MetadataImage,
  request: AlterPartitionRequest,
): Outcome<AlterPartitionResponse> {
  const broker = image.brokers.get(request.brokerId);
  const wholeError =
    broker === undefined
      ? controllerError("BROKER_ID_NOT_REGISTERED", `Broker ${request.brokerId} is not registered.`)
      : broker.epoch !== request.brokerEpoch
        ? controllerError(
            "STALE_BROKER_EPOCH",
            `Broker ${request.brokerId} sent epoch ${request.brokerEpoch}, but its registration has epoch ${broker.epoch}.`,
          )
        : undefined;
  if (wholeError !== undefined) {
    return {
      records: [],
      response: create(AlterPartitionResponseSchema, {
        errorCode: wholeError.code,
        errorMessage: wholeError.message,
      }),
    };
  }

  const records: MetadataRecord[] = [];
  const seen = new Set<string>();
  const results: AlterPartitionResult[] = request.partitions.map((item) => {
    const result = create(AlterPartitionResultSchema, { topicId: item.topicId, partition: item.partition });
    const refuse = (error: ControllerError) => {
      result.errorCode = error.code;
      result.errorMessage = error.message;
      return result;
    };
    const topic = topicById(image, item.topicId);
    if (topic === undefined)
      return refuse(controllerError("UNKNOWN_TOPIC_ID", "No topic has the given topic id."));
    const current = topic.partitions[item.partition];
    if (current === undefined) {
      return refuse(
        controllerError(
          "UNKNOWN_TOPIC_OR_PARTITION",
          `Topic ${topic.name} has no partition ${item.partition}.`,
        ),
      );
    }
    const where = `${topic.name}-${item.partition}`;
    const id = `${topic.key}/${item.partition}`;
    if (seen.has(id)) return refuse(controllerError("INVALID_REQUEST", `${where} appears more than once.`));
    seen.add(id);
    const error = checkAlter(
      image,
      request.brokerId,
      where,
      current,
      item.leaderEpoch,
      item.partitionEpoch,
      item.newIsr,
    );
    if (error !== undefined) return refuse(error);

    let next = current;
    if (!sameMembers(item.newIsr, current.isr)) {
      const delta = { isr: [...item.newIsr], partitionEpoch: current.partitionEpoch + 1 };
      records.push(partitionChangeRecord(topic.id, item.partition, delta));
      next = withChange(current, delta);
    }
    result.leader = next.leader;
    result.leaderEpoch = next.leaderEpoch;
    result.isr = [...next.isr];
    result.partitionEpoch = next.partitionEpoch;
    return result;
  });
  return { records, response: create(AlterPartitionResponseSchema, { partitions: results }) };
}

function checkAlter(
  image: MetadataImage,
  brokerId: number,
  where: string,
  current: PartitionImage,
  leaderEpoch: number,
  partitionEpoch: number,
  newIsr: readonly number[],
): ControllerError | undefined {
  if (leaderEpoch !== current.leaderEpoch) {
    return controllerError(
      "FENCED_LEADER_EPOCH",
      `${where}: the request has leader epoch ${leaderEpoch}, but the partition's is ${current.leaderEpoch}.`,
    );
  }
  if (brokerId !== current.leader) {
    return controllerError(
      "INVALID_REQUEST",
      `${where}: broker ${brokerId} does not lead it (${current.leader} does).`,
    );
  }
  if (partitionEpoch !== current.partitionEpoch) {
    return controllerError(
      "INVALID_UPDATE_VERSION",
      `${where}: the request has partition epoch ${partitionEpoch}, but the partition's is ${current.partitionEpoch}.`,
    );
  }
  if (new Set(newIsr).size !== newIsr.length) {
    return controllerError("INVALID_REQUEST", `${where}: the new ISR [${newIsr}] names a broker twice.`);
  }
  if (!newIsr.every((b) => current.replicas.includes(b))) {
    return controllerError(
      "INVALID_REQUEST",
      `${where}: the new ISR [${newIsr}] is not a subset of the replicas [${current.replicas}].`,
    );
  }
  if (!newIsr.includes(current.leader)) {
    return controllerError(
      "INVALID_REQUEST",
      `${where}: the new ISR [${newIsr}] leaves out the leader ${current.leader}.`,
    );
  }
  const ineligible = newIsr.filter((b) => !current.isr.includes(b) && !isActive(image, b));
  if (ineligible.length > 0) {
    return controllerError(
      "INELIGIBLE_REPLICA",
      `${where}: brokers [${ineligible}] are fenced, shutting down or unregistered and cannot join the ISR.`,
    );
  }
  return undefined;
}

/**
 * The preferred election of one partition: the change that moves its leadership to its first
 * replica, or why there is none (ELECTION_NOT_NEEDED when that replica leads already,
 * PREFERRED_LEADER_NOT_AVAILABLE when it is not an active ISR member). ElectLeaders and the
 * automatic leader balancing (leader-balance.ts) elect through it alike.
 */
export function preferredLeaderChange(
  image: MetadataImage,
  current: PartitionImage,
  where: string,
): PartitionDelta | ControllerError {
  const preferred = current.replicas[0] as number;
  if (current.leader === preferred) {
    return controllerError("ELECTION_NOT_NEEDED", `Broker ${preferred} already leads ${where}.`);
  }
  const delta = planPartitionChange(current, {
    acceptable: (b) => isActive(image, b),
    preferFirstReplica: true,
  });
  if (delta === undefined || delta.leader !== preferred) {
    return controllerError(
      "PREFERRED_LEADER_NOT_AVAILABLE",
      `The preferred leader ${preferred} of ${where} is not an active ISR member.`,
    );
  }
  return delta;
}

/**
 * ElectLeaders (preferred): moves leadership of each partition to its first replica when that
 * replica is in the ISR and active. With no partitions named, elects every partition that
 * needs it and can have it, up to `recordsPerBatchMax` of them (call again for the rest).
 */
export function electLeaders(
  image: MetadataImage,
  request: ElectLeadersRequest,
  options: Pick<ControllerOptions, "recordsPerBatchMax">,
): Outcome<ElectLeadersResponse> {
  const records: MetadataRecord[] = [];
  const results: ElectLeadersResult[] = [];
  const elect = (topic: TopicImage, index: number, current: PartitionImage): ControllerError | undefined => {
    const change = preferredLeaderChange(image, current, `${topic.name}-${index}`);
    if ("code" in change) return change;
    records.push(partitionChangeRecord(topic.id, index, change));
    return undefined;
  };
  const report = (
    topic: TopicImage | undefined,
    ref: TopicRef | undefined,
    index: number,
    error?: ControllerError,
  ) => {
    const result = create(ElectLeadersResultSchema, { partition: index });
    if (topic !== undefined) {
      result.topicName = topic.name;
      result.topicId = topic.id;
    } else if (ref?.ref.case === "name") result.topicName = ref.ref.value;
    else if (ref?.ref.case === "topicId") result.topicId = ref.ref.value;
    if (error !== undefined) {
      result.errorCode = error.code;
      result.errorMessage = error.message;
    }
    results.push(result);
  };

  if (request.topics.length === 0) {
    for (const { topic, index, partition } of allPartitions(image)) {
      if (records.length >= options.recordsPerBatchMax) break;
      if (partition.leader === partition.replicas[0]) continue;
      const error = elect(topic, index, partition);
      if (error === undefined) report(topic, undefined, index);
    }
  } else {
    const seen = new Set<string>();
    for (const item of request.topics) {
      const topic = resolveTopicRef(image, item.topic);
      if ("code" in topic) {
        // With no partitions named, the whole topic failed: one result, partition -1.
        const indexes = item.partitions.length > 0 ? item.partitions : [-1];
        for (const index of indexes) report(undefined, item.topic, index, topic);
        continue;
      }
      const indexes = item.partitions.length > 0 ? item.partitions : topic.partitions.map((_, i) => i);
      for (const index of indexes) {
        const key = `${topic.key}/${index}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const current = topic.partitions[index];
        const error =
          current === undefined
            ? controllerError("UNKNOWN_TOPIC_OR_PARTITION", `Topic ${topic.name} has no partition ${index}.`)
            : elect(topic, index, current);
        report(topic, item.topic, index, error);
      }
    }
  }
  return { records, response: create(ElectLeadersResponseSchema, { partitions: results }) };
}
