/**
 * What the per-API namespacing rules (namespacing-apis.ts) work with: the
 * tenant's view of the cluster, and the two contexts a request is mapped in
 * and its response mapped out with. See namespacing.ts for the whole design.
 */
import type { ApiKey, ApiResponses, Uuid } from "@runnel/kafka-protocol";
import type { Namespace } from "@runnel/tenant";

/** What the mapping needs to know of the tenant and the cluster. */
export interface TenantView {
  readonly ns: Namespace;
  /** The internal name of the topic with this id, or undefined when no topic has it. */
  topicNameById(id: Uuid): string | undefined;
  /**
   * Every topic of the cluster, by internal name, with its partition count
   * (the broker's metadata image). Only ElectLeaders with "all partitions"
   * asks, to name the tenant's own partitions instead.
   */
  topics(): Iterable<{ readonly name: string; readonly partitionCount: number }>;
}

/** A change to the (already copied and mapped-out) response, decided while the request was mapped in. */
export type ResponseEdit<K extends ApiKey> = (response: ApiResponses[K]) => void;

/**
 * Mapping a request in. Empty names stay empty: Kafka refuses an empty topic,
 * group or transactional id, and a prefix would make it a valid one.
 */
export class Into<K extends ApiKey> {
  /** Run, in order, on the response once it is mapped out. */
  readonly edits: ResponseEdit<K>[] = [];

  constructor(
    readonly view: TenantView,
    readonly version: number,
  ) {}

  get ns(): Namespace {
    return this.view.ns;
  }

  /** The internal name of a topic, group or transactional id. */
  name(name: string): string {
    return name === "" ? "" : this.view.ns.toInternal(name);
  }

  nullableName(name: string | null): string | null {
    return name === null ? null : this.name(name);
  }

  /** Whether a topic id names a topic of this tenant; a foreign id is answered as an unknown one. */
  ownsTopicId(id: Uuid): boolean {
    const internal = this.view.topicNameById(id);
    return internal !== undefined && this.view.ns.owns(internal);
  }

  /** Whether a topic id names a topic that exists and is someone else's (another tenant's, or internal). */
  isForeignTopicId(id: Uuid): boolean {
    const internal = this.view.topicNameById(id);
    return internal !== undefined && !this.view.ns.owns(internal);
  }

  /** Registers a change to the response (an answer for something refused up front, a filter). */
  edit(e: ResponseEdit<K>): void {
    this.edits.push(e);
  }
}

/** Mapping a response out. */
export class OutOf {
  constructor(
    readonly view: TenantView,
    readonly version: number,
  ) {}

  get ns(): Namespace {
    return this.view.ns;
  }

  /** The tenant's name for an internal name, or undefined when it is someone else's (or no one's). */
  name(internal: string): string | undefined {
    return internal === "" ? "" : this.view.ns.toExternal(internal);
  }

  /** Whether a topic id names a topic of this tenant. */
  ownsTopicId(id: Uuid): boolean {
    const internal = this.view.topicNameById(id);
    return internal !== undefined && this.view.ns.owns(internal);
  }

  /**
   * Keeps the items whose name field is the tenant's, renamed to the tenant's
   * names; drops the others (another tenant's, or internal topics).
   */
  own<T, F extends KeysOfType<T, string>>(items: readonly T[], field: F): T[] {
    const kept: T[] = [];
    for (const item of items) {
      const external = this.name(item[field] as string);
      if (external === undefined) continue;
      (item as Record<F, string>)[field] = external;
      kept.push(item);
    }
    return kept;
  }
}

/** The keys of T whose values are of type V. */
export type KeysOfType<T, V> = { [P in keyof T]-?: T[P] extends V ? P : never }[keyof T];

/** Renames the name field of each item to its internal name, in place (the items are a copy). */
export function intoAll<T, F extends KeysOfType<T, string>, K extends ApiKey>(
  items: readonly T[],
  field: F,
  c: Into<K>,
): void {
  for (const item of items) (item as Record<F, string>)[field] = c.name(item[field] as string);
}

/** What replaces another tenant's internal name in an error message. */
export const HIDDEN_NAME = "<hidden>";

/**
 * A name token that starts with a logical-cluster prefix (`lkc-qqqqqq_`), not
 * preceded by a character a name can hold, so that a tenant's own name
 * `lkc-other_orders` (stored `lkc-mine_lkc-other_orders`) is one token.
 */
const PREFIXED_NAME = /(?<![A-Za-z0-9._-])lkc-[0-9a-z]{6}_[A-Za-z0-9._-]*/g;

/**
 * An error message as the tenant may read it: the tenant's own internal names
 * lose their prefix, and any other tenant's internal name is hidden whole.
 */
export function stripInternalNames(message: string, ns: Namespace): string {
  return message.replace(PREFIXED_NAME, (token) =>
    ns.owns(token) ? token.slice(ns.prefix.length) : HIDDEN_NAME,
  );
}

/** The fields of Kafka's messages that carry free text for people: errorMessage, batchIndexErrorMessage. */
function isMessageField(key: string): boolean {
  return key === "errorMessage" || key.endsWith("ErrorMessage");
}

/**
 * A deep copy of a decoded message (plain objects and arrays; byte arrays are
 * shared, never written), with every error message stripped of internal names
 * when `ns` is given. The copy is what the mapping edits, so the caller's
 * object is never changed.
 */
export function copyMessage<T>(value: T, ns?: Namespace): T {
  if (Array.isArray(value)) return value.map((v) => copyMessage(v, ns)) as T;
  if (value === null || typeof value !== "object" || ArrayBuffer.isView(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] =
      ns !== undefined && typeof v === "string" && isMessageField(key)
        ? stripInternalNames(v, ns)
        : copyMessage(v, ns);
  }
  return out as T;
}
