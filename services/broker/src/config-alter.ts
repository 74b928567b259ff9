/**
 * Planning config changes for AlterConfigs (33) and IncrementalAlterConfigs
 * (44): which resource a request names, and the SET and DELETE operations the
 * controller is sent for it. Pure: the caller passes the metadata image.
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
 *   the listed keys are set, every key set now and not listed is deleted. A
 *   null value is INVALID_REQUEST.
 * - IncrementalAlterConfigs: SET (0), DELETE (1), APPEND (2), SUBTRACT (3).
 *   APPEND and SUBTRACT apply to LIST configs only (INVALID_CONFIG
 *   otherwise); they start from the resource's own value, or Kafka's default
 *   when it has none, append the items not yet present or remove the listed
 *   ones, and become a SET. Deleting a topic config Kafka does not know is a
 *   no-op, as in Kafka.
 * - Values are checked by the controller, which refuses unknown names and
 *   bad values with INVALID_CONFIG.
 */
import { ErrorCode } from "@runnel/kafka-protocol";
import { type MetadataImage, topicNameError } from "@runnel/metadata";
import { BROKER_CONFIG_DEFS, ConfigType, type ConfigTypeId, TOPIC_CONFIG_DEFS } from "./config-defs.js";

/** Kafka's ConfigResource types. */
export const ResourceType = { TOPIC: 2, BROKER: 4, BROKER_LOGGER: 8 } as const;

/** IncrementalAlterConfigs' `config_operation`. */
export const OpType = { SET: 0, DELETE: 1, APPEND: 2, SUBTRACT: 3 } as const;

export interface ConfigError {
  readonly code: number;
  readonly message: string;
}

export type ConfigMap = ReadonlyMap<string, string>;

/** A resource the config APIs can change. */
export interface AlterTarget {
  readonly kind: "topic" | "broker";
  /** The controller's resource name: the topic, a broker id, or "" for the cluster default. */
  readonly name: string;
  /** The resource's dynamic configs as this broker's image has them. */
  readonly current: ConfigMap | undefined;
}

export interface PlannedOp {
  readonly key: string;
  /** The value to set; undefined to delete the key. */
  readonly value: string | undefined;
}

const CONFIG_TYPE_NAMES = new Map<number, string>(Object.entries(ConfigType).map(([k, v]) => [v, k]));

const invalidRequest = (message: string): ConfigError => ({ code: ErrorCode.INVALID_REQUEST, message });
const invalidConfig = (message: string): ConfigError => ({ code: ErrorCode.INVALID_CONFIG, message });

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
      return { kind: "topic", name, current: image.topicConfigs.get(name) };
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
      const key = name === "" ? "" : String(Number(name));
      return { kind: "broker", name: key, current: image.brokerConfigs.get(key) };
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
): PlannedOp[] | ConfigError {
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
  const listed = new Set(configs.map((c) => c.name));
  const ops: PlannedOp[] = configs.map((c) => ({ key: c.name, value: c.value ?? "" }));
  for (const key of target.current?.keys() ?? []) {
    if (!listed.has(key)) ops.push({ key, value: undefined });
  }
  return ops;
}

const OP_NAMES = ["SET", "DELETE", "APPEND", "SUBTRACT"];

function listItems(value: string): string[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** IncrementalAlterConfigs: SET, DELETE, APPEND and SUBTRACT as SETs and DELETEs. */
export function planIncremental(
  target: AlterTarget,
  configs: readonly { name: string; configOperation: number; value: string | null }[],
): PlannedOp[] | ConfigError {
  const dup = duplicateKey(configs.map((c) => c.name));
  if (dup !== undefined) return invalidRequest(`Config ${dup} appears more than once.`);
  const fixed = readOnlyBrokerKeys(
    target,
    configs.map((c) => c.name),
  );
  if (fixed !== undefined) return fixed;
  const what = target.kind;
  const defs = target.kind === "topic" ? TOPIC_CONFIG_DEFS : BROKER_CONFIG_DEFS;
  const ops: PlannedOp[] = [];
  for (const c of configs) {
    const opName = OP_NAMES[c.configOperation];
    if (opName === undefined) {
      return invalidRequest(`Unknown config operation ${c.configOperation} for ${c.name}.`);
    }
    if (c.configOperation === OpType.DELETE) {
      // Kafka deletes a topic config it does not know without complaint; there is nothing to delete.
      if (target.kind === "topic" && !defs.has(c.name)) continue;
      ops.push({ key: c.name, value: undefined });
      continue;
    }
    if (c.value === null) return invalidRequest(`Config ${c.name} has a null value; only DELETE takes none.`);
    if (c.configOperation === OpType.SET) {
      ops.push({ key: c.name, value: c.value });
      continue;
    }
    const def = defs.get(c.name);
    if (def === undefined) return invalidConfig(`Unknown ${what} config name: ${c.name}.`);
    if (def.type !== ConfigType.LIST) {
      return invalidConfig(
        `Cannot ${opName} to ${c.name}: its type is ${typeName(def.type)}, and only LIST configs take ${opName}.`,
      );
    }
    const base = listItems(target.current?.get(c.name) ?? def.default ?? "");
    const items = listItems(c.value);
    const next =
      c.configOperation === OpType.APPEND
        ? [...base, ...items.filter((item, i) => !base.includes(item) && items.indexOf(item) === i)]
        : base.filter((item) => !items.includes(item));
    ops.push({ key: c.name, value: next.join(",") });
  }
  return ops;
}

function typeName(type: ConfigTypeId): string {
  return CONFIG_TYPE_NAMES.get(type) ?? "UNKNOWN";
}

/** Whether `configs` shows every planned op applied. */
export function applied(configs: ConfigMap | undefined, ops: readonly PlannedOp[]): boolean {
  return ops.every((op) => configs?.get(op.key) === op.value);
}
