/**
 * The config frontend: AlterConfigs (Kafka's IncrementalAlterConfigs with SET and DELETE).
 *
 * Results are per resource; a resource whose ops fail validation changes nothing, the others
 * are written. Only real changes become records: setting a key to its current value, or
 * deleting a key that is not set, writes nothing.
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
import { BROKER_CONFIGS, checkConfig, TOPIC_CONFIGS } from "./configs.js";
import { type ControllerError, controllerError } from "./errors.js";
import type { Outcome } from "./frontend.js";
import type { ConfigMap, MetadataImage } from "./image.js";
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
  return { records, response: create(AlterConfigsResponseSchema, { resources: results }) };
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
    if (op.op === ConfigOpType.SET) {
      const error = checkConfig(schema, what, op.key, op.value);
      if (error !== undefined) return error;
      if (current?.get(op.key) !== op.value) {
        records.push(configRecord(resource.resourceType, name, op.key, op.value));
      }
    } else if (op.op === ConfigOpType.DELETE) {
      if (!schema.has(op.key))
        return controllerError("INVALID_CONFIG", `Unknown ${what} config name: ${op.key}.`);
      if (current?.has(op.key) === true)
        records.push(configRecord(resource.resourceType, name, op.key, undefined));
    } else {
      return controllerError("INVALID_REQUEST", `Config operation ${op.op} on ${op.key} is not supported.`);
    }
  }
  return records;
}
