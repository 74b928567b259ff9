/**
 * The config frontend: AlterConfigs, which backs Kafka's IncrementalAlterConfigs (SET, DELETE,
 * APPEND, SUBTRACT) and its legacy AlterConfigs (a resource's whole set replaced).
 *
 * Every change is worked out here, against the controller's image, and written as one batch,
 * as Kafka's controller does: a list APPENDed to or SUBTRACTed from is the list as it stands
 * after every earlier write, and a replace deletes exactly the keys set at that point. Two
 * clients changing the same resource at once therefore both take effect; neither is lost to
 * a stale read on a broker.
 *
 * Kafka's rules kept here:
 * - APPEND and SUBTRACT take LIST configs only (`listConfigDefault` in configs.ts);
 *   anything else is INVALID_CONFIG with Kafka's message ("Can't APPEND to key retention.ms
 *   because its type is not LIST."). A key without a value starts from Kafka's default
 *   (cleanup.policy's "delete"). APPEND adds the items not yet in the list, at its end;
 *   SUBTRACT removes the items listed. Items are comma-separated; blanks around them and
 *   empty items are dropped. The resulting list is checked like a SET of it.
 * - A replace (legacy AlterConfigs) deletes every key set now that its ops do not name.
 *
 * Results are per resource; a resource whose ops fail validation changes nothing, the others
 * are written. Only real changes become records: setting a key to its current value, or
 * deleting a key that is not set, writes nothing. The response carries the metadata offset
 * at which an image shows the request's effect, so a broker can wait for it.
 */
import { create } from "@bufbuild/protobuf";
import {
  type AlterConfigsRequest,
  type AlterConfigsResource,
  type AlterConfigsResponse,
  AlterConfigsResponseSchema,
  AlterConfigsResultSchema,
  ConfigOpType,
  ConfigResourceType,
  type MetadataRecord,
} from "@runnel/rpc";
import { BROKER_CONFIGS, checkConfig, listConfigDefault, TOPIC_CONFIGS } from "./configs.js";
import { type ControllerError, controllerError } from "./errors.js";
import type { Outcome } from "./frontend.js";
import { type ConfigMap, type MetadataImage, nextOffsetOf } from "./image.js";
import { configRecord } from "./records.js";

/** AlterConfigs: see the top of this file. */
export function alterConfigs(
  image: MetadataImage,
  request: AlterConfigsRequest,
): Outcome<AlterConfigsResponse> {
  const records: MetadataRecord[] = [];
  const seen = new Map<string, number>();
  for (const r of request.resources) {
    const id = `${r.resourceType}/${r.resourceName}`;
    seen.set(id, (seen.get(id) ?? 0) + 1);
  }
  const results = request.resources.map((resource) => {
    const result = create(AlterConfigsResultSchema, {
      resourceType: resource.resourceType,
      resourceName: resource.resourceName,
    });
    const planned =
      (seen.get(`${resource.resourceType}/${resource.resourceName}`) ?? 0) > 1
        ? controllerError("INVALID_REQUEST", `Resource ${resource.resourceName} appears more than once.`)
        : planResource(image, resource);
    if ("code" in planned) {
      result.errorCode = planned.code;
      result.errorMessage = planned.message;
    } else if (!request.validateOnly) {
      records.push(...planned);
    }
    return result;
  });
  // The records go in the next batch; without any, the image as it stands already shows the effect.
  const metadataOffset = records.length > 0 ? nextOffsetOf(image) : image.lastOffset;
  return {
    records,
    response: create(AlterConfigsResponseSchema, { resources: results, metadataOffset }),
  };
}

const LIST_OP_NAMES: ReadonlyMap<ConfigOpType, string> = new Map([
  [ConfigOpType.APPEND, "APPEND"],
  [ConfigOpType.SUBTRACT, "SUBTRACT"],
]);

function listItems(value: string): string[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

function planResource(
  image: MetadataImage,
  resource: AlterConfigsResource,
): MetadataRecord[] | ControllerError {
  let current: ConfigMap | undefined;
  let schema: typeof TOPIC_CONFIGS;
  let what: string;
  const name = resource.resourceName;
  if (resource.resourceType === ConfigResourceType.TOPIC) {
    if (!image.topicKeysByName.has(name)) {
      return controllerError("UNKNOWN_TOPIC_OR_PARTITION", `Topic ${name} does not exist.`);
    }
    current = image.topicConfigs.get(name);
    schema = TOPIC_CONFIGS;
    what = "topic";
  } else if (resource.resourceType === ConfigResourceType.BROKER) {
    if (name !== "" && !/^(0|[1-9][0-9]{0,9})$/.test(name)) {
      return controllerError(
        "INVALID_REQUEST",
        `Broker config resource "${name}" is neither a broker id nor "".`,
      );
    }
    current = image.brokerConfigs.get(name);
    schema = BROKER_CONFIGS;
    what = "broker";
  } else {
    return controllerError(
      "INVALID_REQUEST",
      `Config resource type ${resource.resourceType} is not supported.`,
    );
  }

  const records: MetadataRecord[] = [];
  const keys = new Set<string>();
  for (const op of resource.ops) {
    if (keys.has(op.key))
      return controllerError("INVALID_REQUEST", `Config ${op.key} is altered more than once.`);
    keys.add(op.key);
    const now = current?.get(op.key);
    let next: string | undefined;
    if (op.op === ConfigOpType.SET) {
      next = op.value;
    } else if (op.op === ConfigOpType.DELETE) {
      if (!schema.has(op.key))
        return controllerError("INVALID_CONFIG", `Unknown ${what} config name: ${op.key}.`);
      next = undefined;
    } else if (op.op === ConfigOpType.APPEND || op.op === ConfigOpType.SUBTRACT) {
      if (!schema.has(op.key))
        return controllerError("INVALID_CONFIG", `Unknown ${what} config name: ${op.key}.`);
      const fallback = listConfigDefault(schema, op.key);
      if (fallback === undefined) {
        return controllerError(
          "INVALID_CONFIG",
          `Can't ${LIST_OP_NAMES.get(op.op)} to key ${op.key} because its type is not LIST.`,
        );
      }
      const base = listItems(now ?? fallback);
      const items = listItems(op.value);
      const list =
        op.op === ConfigOpType.APPEND
          ? [...base, ...items.filter((item, i) => !base.includes(item) && items.indexOf(item) === i)]
          : base.filter((item) => !items.includes(item));
      next = list.join(",");
    } else {
      return controllerError("INVALID_REQUEST", `Config operation ${op.op} on ${op.key} is not supported.`);
    }
    if (next !== undefined) {
      const error = checkConfig(schema, what, op.key, next);
      if (error !== undefined) return error;
    }
    if (now !== next) records.push(configRecord(resource.resourceType, name, op.key, next));
  }
  if (resource.replace) {
    for (const key of current?.keys() ?? []) {
      if (!keys.has(key)) records.push(configRecord(resource.resourceType, name, key, undefined));
    }
  }
  return records;
}
