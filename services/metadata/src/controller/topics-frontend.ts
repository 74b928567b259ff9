/**
 * The topic frontend: CreateTopics, DeleteTopics and CreatePartitions.
 *
 * Results are per topic, as in Kafka: a topic that fails validation is reported and skipped,
 * the others are written. Topics of one request are planned in order against an image that
 * holds the earlier ones, so replica placement balances across the whole request.
 */
import { create } from "@bufbuild/protobuf";
import {
  ConfigEntrySchema,
  ConfigResourceType,
  type CreatePartitionsRequest,
  type CreatePartitionsResponse,
  CreatePartitionsResponseSchema,
  type CreatePartitionsResult,
  CreatePartitionsResultSchema,
  type CreateTopicResult,
  CreateTopicResultSchema,
  type CreateTopicsRequest,
  type CreateTopicsResponse,
  CreateTopicsResponseSchema,
  type DeleteTopicResult,
  DeleteTopicResultSchema,
  type DeleteTopicsRequest,
  type DeleteTopicsResponse,
  DeleteTopicsResponseSchema,
  type MetadataRecord,
  type TopicRef,
} from "@runnel/rpc";
import { applyRecords } from "./backend.js";
import { checkConfig, TOPIC_CONFIGS } from "./configs.js";
import { type ControllerError, controllerError, invariant } from "./errors.js";
import type { ControllerOptions, Outcome, RandomBytes } from "./frontend.js";
import {
  isActive,
  isZeroId,
  type MetadataImage,
  NO_LEADER,
  type PartitionImage,
  type TopicImage,
  topicById,
  topicByName,
  topicKey,
} from "./image.js";
import { checkAssignments, placeReplicas } from "./placement.js";
import { configRecord, partitionRecord, removeTopicRecord, topicRecord } from "./records.js";
import { tenantOfTopic, tenantPartitionLimitError } from "./tenant-limits.js";

/** Longest legal topic name, as in Kafka. */
export const TOPIC_NAME_CHARS_MAX = 249;

/** Why a topic name is illegal (Kafka's rules), or undefined when it is legal. */
export function topicNameError(name: string): string | undefined {
  if (name === "") return "The topic name is empty.";
  if (name === "." || name === "..") return `The topic name cannot be "${name}".`;
  if (name.length > TOPIC_NAME_CHARS_MAX) {
    return `The topic name is ${name.length} characters long; the limit is ${TOPIC_NAME_CHARS_MAX}.`;
  }
  if (!/^[a-zA-Z0-9._-]+$/.test(name)) {
    return `The topic name "${name}" holds characters other than ASCII letters, digits, '.', '_' and '-'.`;
  }
  return undefined;
}

/** '.' and '_' collide in metric names, so Kafka refuses topics differing only there. */
function collisionKey(name: string): string {
  return name.replaceAll(".", "_");
}

/** A new partition: every active replica in the ISR, the first of them leading. */
function newPartition(replicas: readonly number[], image: MetadataImage): PartitionImage {
  const isr = replicas.filter((b) => isActive(image, b));
  invariant(isr.length > 0, () => `new partition on [${replicas}] has no active replica`);
  return { replicas, isr, leader: isr[0] ?? NO_LEADER, leaderEpoch: 0, partitionEpoch: 0 };
}

/**
 * A fresh topic id: random, never the zero id, never one in use, and never one whose text
 * form starts with '-' (it would read as a command-line flag), as Kafka does.
 */
function newTopicId(image: MetadataImage, randomBytes: RandomBytes): Uint8Array {
  for (let attempt = 0; attempt < 100; attempt++) {
    const id = randomBytes(16);
    invariant(id.length === 16, () => `the random source returned ${id.length} bytes, not 16`);
    if (isZeroId(id) || image.topics.has(topicKey(id)) || topicKey(id).startsWith("-")) continue;
    return new Uint8Array(id);
  }
  throw new Error("the random source keeps returning unusable topic ids");
}

function countNames(names: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return counts;
}

export interface TopicContext {
  readonly options: ControllerOptions;
  readonly randomBytes: RandomBytes;
}

/** CreateTopics: see the top of this file. */
export function createTopics(
  image: MetadataImage,
  request: CreateTopicsRequest,
  context: TopicContext,
): Outcome<CreateTopicsResponse> {
  const { options } = context;
  const records: MetadataRecord[] = [];
  const results: CreateTopicResult[] = [];
  const nameCounts = countNames(request.topics.map((t) => t.name));
  const collisions = new Map([...image.topicKeysByName.keys()].map((n) => [collisionKey(n), n]));
  let scratch = image;

  for (const topic of request.topics) {
    const result = create(CreateTopicResultSchema, { name: topic.name });
    results.push(result);
    const refuse = (error: ControllerError) => {
      result.errorCode = error.code;
      result.errorMessage = error.message;
    };
    const nameError = topicNameError(topic.name);
    if (nameError !== undefined) {
      refuse(controllerError("INVALID_TOPIC_EXCEPTION", nameError));
      continue;
    }
    if ((nameCounts.get(topic.name) ?? 0) > 1) {
      refuse(
        controllerError("INVALID_REQUEST", `Topic ${topic.name} appears more than once in the request.`),
      );
      continue;
    }
    if (scratch.topicKeysByName.has(topic.name)) {
      refuse(controllerError("TOPIC_ALREADY_EXISTS", `Topic ${topic.name} already exists.`));
      continue;
    }
    const collidesWith = collisions.get(collisionKey(topic.name));
    if (collidesWith !== undefined) {
      refuse(
        controllerError(
          "INVALID_TOPIC_EXCEPTION",
          `Topic ${topic.name} collides with topic ${collidesWith}: names may not differ only in '.' and '_'.`,
        ),
      );
      continue;
    }

    // A logical cluster's topics live in its cell and within its partition limit.
    const tenant = tenantOfTopic(scratch, topic.name);
    const cell = tenant?.cell ?? request.cell;
    let assignments: number[][];
    if (topic.assignments.length > 0) {
      if (topic.numPartitions !== undefined || topic.replicationFactor !== undefined) {
        refuse(
          controllerError(
            "INVALID_REQUEST",
            "A topic with explicit assignments may not also set num_partitions or replication_factor.",
          ),
        );
        continue;
      }
      if (topic.assignments.length > options.partitionsPerTopicMax) {
        refuse(partitionsOverLimit(topic.assignments.length, options));
        continue;
      }
      assignments = topic.assignments.map((a) => [...a.brokerIds]);
      const error = checkAssignments(scratch, assignments, cell);
      if (error !== undefined) {
        refuse(error);
        continue;
      }
    } else {
      const count = topic.numPartitions ?? options.defaultPartitions;
      if (count < 1) {
        refuse(controllerError("INVALID_PARTITIONS", `A topic needs at least one partition, not ${count}.`));
        continue;
      }
      if (count > options.partitionsPerTopicMax) {
        refuse(partitionsOverLimit(count, options));
        continue;
      }
      const rf = topic.replicationFactor ?? options.defaultReplicationFactor;
      const overLimit = tenant && tenantPartitionLimitError(scratch, tenant.id, count);
      if (overLimit) {
        refuse(overLimit);
        continue;
      }
      const placed = placeReplicas(scratch, { partitions: count, replicationFactor: rf, cell });
      if (!placed.ok) {
        refuse(placed.error);
        continue;
      }
      assignments = placed.value;
    }

    const assignedOverLimit = tenant && tenantPartitionLimitError(scratch, tenant.id, assignments.length);
    if (assignedOverLimit) {
      refuse(assignedOverLimit);
      continue;
    }
    const configError = checkTopicConfigs(topic.configs);
    if (configError !== undefined) {
      refuse(configError);
      continue;
    }
    const topicRecords = 1 + assignments.length + topic.configs.length;
    if (records.length + topicRecords > options.recordsPerBatchMax) {
      refuse(batchOverLimit(options));
      continue;
    }

    const id = newTopicId(scratch, context.randomBytes);
    const written = [
      topicRecord(topic.name, id),
      ...assignments.map((replicas, index) => partitionRecord(id, index, newPartition(replicas, scratch))),
      ...topic.configs.map((c) => configRecord(ConfigResourceType.TOPIC, topic.name, c.key, c.value)),
    ];
    scratch = applyRecords(scratch, written);
    collisions.set(collisionKey(topic.name), topic.name);
    if (!request.validateOnly) records.push(...written);
    result.topicId = id;
    result.numPartitions = assignments.length;
    result.replicationFactor = assignments[0]?.length ?? 0;
    result.configs = topic.configs.map((c) => create(ConfigEntrySchema, { key: c.key, value: c.value }));
  }
  return { records, response: create(CreateTopicsResponseSchema, { topics: results }) };
}

function checkTopicConfigs(configs: readonly { key: string; value: string }[]): ControllerError | undefined {
  const keys = new Set<string>();
  for (const c of configs) {
    if (keys.has(c.key))
      return controllerError("INVALID_REQUEST", `Config ${c.key} is given more than once.`);
    keys.add(c.key);
    const error = checkConfig(TOPIC_CONFIGS, "topic", c.key, c.value);
    if (error !== undefined) return error;
  }
  return undefined;
}

function partitionsOverLimit(count: number, options: ControllerOptions): ControllerError {
  return controllerError(
    "INVALID_PARTITIONS",
    `${count} partitions exceed the limit of ${options.partitionsPerTopicMax} partitions per topic.`,
  );
}

function batchOverLimit(options: ControllerOptions): ControllerError {
  return controllerError(
    "POLICY_VIOLATION",
    `The request would write more than ${options.recordsPerBatchMax} metadata records; split it into smaller requests.`,
  );
}

/** The topic a request names by name or by id, or the error to report for it. */
export function resolveTopicRef(
  image: MetadataImage,
  ref: TopicRef | undefined,
): TopicImage | ControllerError {
  const r = ref?.ref;
  if (r?.case === "name") {
    return (
      topicByName(image, r.value) ??
      controllerError("UNKNOWN_TOPIC_OR_PARTITION", `Topic ${r.value} does not exist.`)
    );
  }
  if (r?.case === "topicId") {
    return (
      topicById(image, r.value) ?? controllerError("UNKNOWN_TOPIC_ID", "No topic has the given topic id.")
    );
  }
  return controllerError("INVALID_REQUEST", "The topic is named neither by name nor by id.");
}

/** DeleteTopics: removes each named topic with its partitions and configs. */
export function deleteTopics(
  image: MetadataImage,
  request: DeleteTopicsRequest,
): Outcome<DeleteTopicsResponse> {
  const resolved = request.topics.map((ref) => resolveTopicRef(image, ref));
  const keyCounts = countNames(resolved.flatMap((r) => ("key" in r ? [r.key] : [])));
  const records: MetadataRecord[] = [];
  const results: DeleteTopicResult[] = resolved.map((r, i) => {
    const result = create(DeleteTopicResultSchema);
    const ref = request.topics[i]?.ref;
    if (ref?.case === "name") result.name = ref.value;
    if (ref?.case === "topicId") result.topicId = ref.value;
    let error: ControllerError | undefined;
    if ("code" in r) error = r;
    else {
      result.name = r.name;
      result.topicId = r.id;
      if ((keyCounts.get(r.key) ?? 0) > 1) {
        error = controllerError("INVALID_REQUEST", `Topic ${r.name} is named more than once in the request.`);
      } else {
        records.push(removeTopicRecord(r.id));
      }
    }
    if (error !== undefined) {
      result.errorCode = error.code;
      result.errorMessage = error.message;
    }
    return result;
  });
  return { records, response: create(DeleteTopicsResponseSchema, { topics: results }) };
}

/** CreatePartitions: raises partition counts; new replicas are placed like a new topic's. */
export function createPartitions(
  image: MetadataImage,
  request: CreatePartitionsRequest,
  options: ControllerOptions,
): Outcome<CreatePartitionsResponse> {
  const records: MetadataRecord[] = [];
  const results: CreatePartitionsResult[] = [];
  const nameCounts = countNames(request.topics.map((t) => t.name));
  let scratch = image;
  for (const item of request.topics) {
    const result = create(CreatePartitionsResultSchema, { name: item.name });
    results.push(result);
    const error = planNewPartitions(scratch, item, request.cell, nameCounts, options, records.length);
    if ("error" in error) {
      result.errorCode = error.error.code;
      result.errorMessage = error.error.message;
      continue;
    }
    scratch = applyRecords(scratch, error.records);
    if (!request.validateOnly) records.push(...error.records);
  }
  return { records, response: create(CreatePartitionsResponseSchema, { topics: results }) };
}

function planNewPartitions(
  image: MetadataImage,
  item: CreatePartitionsRequest["topics"][number],
  requestCell: string,
  nameCounts: ReadonlyMap<string, number>,
  options: ControllerOptions,
  recordsSoFar: number,
): { records: MetadataRecord[] } | { error: ControllerError } {
  if ((nameCounts.get(item.name) ?? 0) > 1) {
    return {
      error: controllerError("INVALID_REQUEST", `Topic ${item.name} appears more than once in the request.`),
    };
  }
  const topic = topicByName(image, item.name);
  if (topic === undefined) {
    return { error: controllerError("UNKNOWN_TOPIC_OR_PARTITION", `Topic ${item.name} does not exist.`) };
  }
  const current = topic.partitions.length;
  let cell = requestCell;
  if (item.count <= current) {
    return {
      error: controllerError(
        "INVALID_PARTITIONS",
        item.count === current
          ? `Topic ${item.name} already has ${current} partitions.`
          : `Topic ${item.name} has ${current} partitions, more than the ${item.count} requested; partitions cannot be removed.`,
      ),
    };
  }
  if (item.count > options.partitionsPerTopicMax) return { error: partitionsOverLimit(item.count, options) };
  const tenant = tenantOfTopic(image, item.name);
  if (tenant !== undefined) {
    cell = tenant.cell;
    const overLimit = tenantPartitionLimitError(image, tenant.id, item.count - current);
    if (overLimit !== undefined) return { error: overLimit };
  }
  const rf = topic.partitions[0]?.replicas.length ?? options.defaultReplicationFactor;
  let assignments: number[][];
  if (item.assignments.length > 0) {
    if (item.assignments.length !== item.count - current) {
      return {
        error: controllerError(
          "INVALID_REPLICA_ASSIGNMENT",
          `${item.assignments.length} assignments were given for ${item.count - current} new partitions.`,
        ),
      };
    }
    assignments = item.assignments.map((a) => [...a.brokerIds]);
    const error = checkAssignments(image, assignments, cell, current, rf);
    if (error !== undefined) return { error };
  } else {
    const placed = placeReplicas(image, { partitions: item.count - current, replicationFactor: rf, cell });
    if (!placed.ok) return { error: placed.error };
    assignments = placed.value;
  }
  if (recordsSoFar + assignments.length > options.recordsPerBatchMax)
    return { error: batchOverLimit(options) };
  return {
    records: assignments.map((replicas, i) =>
      partitionRecord(topic.id, current + i, newPartition(replicas, image)),
    ),
  };
}
