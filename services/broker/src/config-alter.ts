/**
 * Planning config changes for AlterConfigs (33) and IncrementalAlterConfigs
 * (44): which resource a request names, and the operations the controller is
 * sent for it. Pure: the caller passes the metadata image.
 *
 * The broker checks only what the request alone decides; every change that
 * depends on the resource's current configs is worked out by the controller
 * against its own image, in the same write (see the metadata service's
 * configs-frontend.ts), so two clients changing one resource at once both
 * take effect.
 *
 * Kafka's rules, as the Java broker applies them:
 * - A resource named twice in one request: INVALID_REQUEST for each.
 * - A config named twice for one resource: INVALID_REQUEST.
 * - A TOPIC resource needs a valid topic name (INVALID_TOPIC_EXCEPTION) of an
 *   existing topic (UNKNOWN_TOPIC_OR_PARTITION). A BROKER resource is ""
 *   (the cluster-wide default) or this broker's id: another id, or a name
 *   that is not a number, is INVALID_REQUEST.
 * - A broker config that exists but cannot change at run time:
 *   INVALID_REQUEST ("Cannot update these configs dynamically").
 * - Legacy AlterConfigs replaces the resource's whole set of dynamic configs:
 *   the listed keys are sent as SETs with the controller's `replace` flag,
 *   which deletes every key set at the time of the write and not listed. A
 *   null value is INVALID_REQUEST.
 * - IncrementalAlterConfigs: SET (0), DELETE (1), APPEND (2), SUBTRACT (3);
 *   another code is INVALID_REQUEST, and so is a null value with any but
 *   DELETE. The operations go to the controller as they came: APPEND and
 *   SUBTRACT apply to LIST configs only (INVALID_CONFIG otherwise) and start
 *   from the resource's own value, or Kafka's default when it has none.
 *   Deleting a topic config Kafka does not know is a no-op, as in Kafka.
 * - Values are checked by the controller, which refuses unknown names and
 *   bad values with INVALID_CONFIG.
 */
import { ErrorCode } from "@runnel/kafka-protocol";
import { type MetadataImage, topicNameError } from "@runnel/metadata";
import { ConfigOpType } from "@runnel/rpc";
import { BROKER_CONFIG_DEFS, TOPIC_CONFIG_DEFS } from "./config-defs.js";

/** Kafka's ConfigResource types. */
export const ResourceType = { TOPIC: 2, BROKER: 4, BROKER_LOGGER: 8 } as const;

/** IncrementalAlterConfigs' `config_operation`. */
export const OpType = { SET: 0, DELETE: 1, APPEND: 2, SUBTRACT: 3 } as const;

export interface ConfigError {
  readonly code: number;
  readonly message: string;
}

/** A resource the config APIs can change. */
export interface AlterTarget {
  readonly kind: "topic" | "broker";
  /** The controller's resource name: the topic, a broker id, or "" for the cluster default. */
  readonly name: string;
}

/** One operation as the controller is sent it. */
export interface PlannedOp {
  readonly key: string;
  readonly op: ConfigOpType;
  /** The value to set, or the items to append or subtract; "" for DELETE. */
  readonly value: string;
}

/** What the controller is asked to do to one resource. */
export interface AlterPlan {
  readonly ops: readonly PlannedOp[];
  /** Legacy AlterConfigs: keys set and not named by `ops` are deleted. */
  readonly replace: boolean;
}

const invalidRequest = (message: string): ConfigError => ({ code: ErrorCode.INVALID_REQUEST, message });

/** The broker id a BROKER or BROKER_LOGGER resource names, or why it names none. */
export function brokerIdOf(name: string): number | ConfigError {
  if (!/^-?[0-9]+$/.test(name) || !Number.isSafeInteger(Number(name))) {
    return invalidRequest(`Broker id must be an integer, but it is: ${name}`);
  }
  return Number(name);
}

/** Resolves the resource an alter request names, against this broker's image. */
export function alterTarget(
  image: MetadataImage,
  nodeId: number,
  resourceType: number,
  name: string,
): AlterTarget | ConfigError {
  switch (resourceType) {
    case ResourceType.TOPIC: {
      const bad = topicNameError(name);
      if (bad !== undefined) return { code: ErrorCode.INVALID_TOPIC_EXCEPTION, message: bad };
      if (!image.topicKeysByName.has(name)) {
        return { code: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, message: `The topic '${name}' does not exist.` };
      }
      return { kind: "topic", name };
    }
    case ResourceType.BROKER: {
      if (name !== "") {
        const id = brokerIdOf(name);
        if (typeof id !== "number") return id;
        if (id !== nodeId) {
          return invalidRequest(`Unexpected broker id, expected ${nodeId}, but received ${name}.`);
        }
      }
      // The controller keys broker configs by the id in decimal.
      return { kind: "broker", name: name === "" ? "" : String(Number(name)) };
    }
    case ResourceType.BROKER_LOGGER: {
      const checked = brokerLoggerCheck(name, nodeId);
      return checked ?? brokerLoggersUnsupported();
    }
    default:
      return invalidRequest(
        `Unsupported resource type ${resourceType}: config APIs serve TOPIC (2) and BROKER (4).`,
      );
  }
}

/** Kafka's checks of a BROKER_LOGGER resource name; undefined when it names this broker. */
export function brokerLoggerCheck(name: string, nodeId: number): ConfigError | undefined {
  if (name === "") return invalidRequest("Broker id must not be empty");
  const id = brokerIdOf(name);
  if (typeof id !== "number") return id;
  if (id !== nodeId) return invalidRequest(`Unexpected broker id, expected ${nodeId} but received ${name}`);
  return undefined;
}

export function brokerLoggersUnsupported(): ConfigError {
  return invalidRequest(
    "BROKER_LOGGER resources are not supported: this broker's log level is set when it starts and cannot be read or changed through the config APIs.",
  );
}

/** Indexes of resources named more than once (same type and name). */
export function duplicateResources(
  resources: readonly { resourceType: number; resourceName: string }[],
): Set<number> {
  const counts = new Map<string, number>();
  const id = (r: { resourceType: number; resourceName: string }) =>
    `${r.resourceType}\u0000${r.resourceName}`;
  for (const r of resources) counts.set(id(r), (counts.get(id(r)) ?? 0) + 1);
  const dups = new Set<number>();
  resources.forEach((r, i) => {
    if ((counts.get(id(r)) ?? 0) > 1) dups.add(i);
  });
  return dups;
}

export const DUPLICATE_RESOURCE: ConfigError = invalidRequest("Each resource must appear at most once.");

function duplicateKey(names: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) return n;
    seen.add(n);
  }
  return undefined;
}

/** Broker configs that exist but are fixed at start-up. */
function readOnlyBrokerKeys(target: AlterTarget, keys: readonly string[]): ConfigError | undefined {
  if (target.kind !== "broker") return undefined;
  const fixed = keys.filter((k) => BROKER_CONFIG_DEFS.get(k)?.readOnly === true);
  if (fixed.length === 0) return undefined;
  return invalidRequest(`Cannot update these configs dynamically: ${fixed.join(", ")}`);
}

/** Legacy AlterConfigs: the listed configs become the resource's whole set of dynamic configs. */
export function planReplace(
  target: AlterTarget,
  configs: readonly { name: string; value: string | null }[],
): AlterPlan | ConfigError {
  const dup = duplicateKey(configs.map((c) => c.name));
  if (dup !== undefined) return invalidRequest(`Config ${dup} appears more than once.`);
  const nullValued = configs.find((c) => c.value === null);
  if (nullValued !== undefined) {
    return invalidRequest(
      `Config ${nullValued.name} has a null value; AlterConfigs sets every config it lists.`,
    );
  }
  const fixed = readOnlyBrokerKeys(
    target,
    configs.map((c) => c.name),
  );
  if (fixed !== undefined) return fixed;
  return {
    ops: configs.map((c) => ({ key: c.name, op: ConfigOpType.SET, value: c.value ?? "" })),
    replace: true,
  };
}

/** IncrementalAlterConfigs' operation codes, as the controller's. */
const CONTROLLER_OPS: ReadonlyMap<number, ConfigOpType> = new Map([
  [OpType.SET, ConfigOpType.SET],
  [OpType.DELETE, ConfigOpType.DELETE],
  [OpType.APPEND, ConfigOpType.APPEND],
  [OpType.SUBTRACT, ConfigOpType.SUBTRACT],
]);

/** IncrementalAlterConfigs: the operations, checked for what the request alone decides. */
export function planIncremental(
  target: AlterTarget,
  configs: readonly { name: string; configOperation: number; value: string | null }[],
): AlterPlan | ConfigError {
  const dup = duplicateKey(configs.map((c) => c.name));
  if (dup !== undefined) return invalidRequest(`Config ${dup} appears more than once.`);
  const fixed = readOnlyBrokerKeys(
    target,
    configs.map((c) => c.name),
  );
  if (fixed !== undefined) return fixed;
  const ops: PlannedOp[] = [];
  for (const c of configs) {
    const op = CONTROLLER_OPS.get(c.configOperation);
    if (op === undefined) {
      return invalidRequest(`Unknown config operation ${c.configOperation} for ${c.name}.`);
    }
    if (op === ConfigOpType.DELETE) {
      // Kafka deletes a topic config it does not know without complaint; there is nothing to delete.
      if (target.kind === "topic" && !TOPIC_CONFIG_DEFS.has(c.name)) continue;
      ops.push({ key: c.name, op, value: "" });
      continue;
    }
    if (c.value === null) return invalidRequest(`Config ${c.name} has a null value; only DELETE takes none.`);
    ops.push({ key: c.name, op, value: c.value });
  }
  return { ops, replace: false };
}
