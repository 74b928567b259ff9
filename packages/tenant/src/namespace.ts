/**
 * Resource-name namespacing: every name a tenant uses (topics, groups,
 * transactional ids, ACL resource names) is stored as `<lkc-id>_<name>`.
 * Names go in with `toInternal` and come back out with `toExternal`, which
 * answers only for names inside the tenant's own namespace, so a listing
 * filtered through it shows nothing of another tenant's.
 *
 * A tenant may use the separator and even another tenant's id in its own
 * names: `lkc-other_orders` typed by `lkc-mine` is stored as
 * `lkc-mine_lkc-other_orders`, still inside `lkc-mine`'s namespace, and
 * comes back out unchanged. Only the own prefix is ever added or removed.
 *
 * Kafka limits topic names to 249 characters of `[a-zA-Z0-9._-]`; the
 * prefix takes its share of that, so a tenant's topic names are limited to
 * 249 minus the prefix (`topicNameProblem` says why a name is refused, as
 * Kafka's error message would).
 */
import { isLogicalClusterId } from "./ids.js";

export const NAMESPACE_SEPARATOR = "_";
/** Kafka's longest topic name. */
export const TOPIC_NAME_MAX = 249;
const LEGAL_TOPIC = /^[a-zA-Z0-9._-]+$/;

export class Namespace {
  readonly prefix: string;

  constructor(readonly logicalClusterId: string) {
    if (!isLogicalClusterId(logicalClusterId)) {
      throw new RangeError(`"${logicalClusterId}" is not a logical-cluster id`);
    }
    this.prefix = `${logicalClusterId}${NAMESPACE_SEPARATOR}`;
  }

  /** The stored name of a tenant's `name`. */
  toInternal(name: string): string {
    return this.prefix + name;
  }

  /** The tenant's name for a stored name, or undefined when it belongs to no one or someone else. */
  toExternal(internal: string): string | undefined {
    return internal.startsWith(this.prefix) ? internal.slice(this.prefix.length) : undefined;
  }

  /** Whether a stored name is in this namespace. */
  owns(internal: string): boolean {
    return internal.startsWith(this.prefix);
  }

  /** The longest topic name this tenant may use. */
  get topicNameMax(): number {
    return TOPIC_NAME_MAX - this.prefix.length;
  }

  /** Why a tenant's topic name is refused (Kafka's INVALID_TOPIC_EXCEPTION message), or undefined. */
  topicNameProblem(name: string): string | undefined {
    if (name.length === 0) return "Topic name is illegal, it can't be empty";
    if (name === "." || name === "..") return 'Topic name cannot be "." or ".."';
    if (name.length > this.topicNameMax) {
      return `Topic name is illegal, it can't be longer than ${this.topicNameMax} characters, topic name: ${name}`;
    }
    if (!LEGAL_TOPIC.test(name)) {
      return `Topic name "${name}" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'`;
    }
    return undefined;
  }
}
