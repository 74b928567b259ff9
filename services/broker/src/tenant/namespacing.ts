/**
 * Resource-name namespacing of a tenant's Kafka requests and responses: the
 * naming half of the broker's tenant interceptor, as pure functions over
 * decoded messages.
 *
 * A tenant (a logical cluster, `lkc-ab12cd`) uses its own names; the broker
 * stores them prefixed (`Namespace` of `@runnel/tenant`). Every topic name,
 * group id, transactional id and topic or group config resource name is
 * mapped into the namespace on the way in (`requestIntoNamespace`) and back
 * out on the way out (`responseOutOfNamespace`), on every API the broker
 * serves. On the way out:
 *
 * - anything named outside the tenant's namespace is dropped, so listings
 *   (Metadata of all topics, ListGroups, DescribeLogDirs, OffsetFetch of all
 *   partitions, DescribeTopicPartitions without names) show the tenant's own
 *   resources only, and internal topics such as `__consumer_offsets` never
 *   appear (a tenant asking for `__consumer_offsets` asks for
 *   `<lkc>___consumer_offsets`, which does not exist);
 * - every error message loses the tenant's own prefixes, and any other
 *   tenant's internal name in it is hidden (`stripInternalNames`).
 *
 * Topic ids are checked with `TenantView.topicNameById`: an id of another
 * tenant's topic is answered UNKNOWN_TOPIC_ID, exactly as an id no topic has.
 * Fetch requests claiming to come from a follower are refused
 * (`refuseReplicaFetch`, CVE-2018-1288).
 *
 * Not mapped here, by design: broker-level names (config resources of type
 * BROKER and BROKER_LOGGER, which are broker ids) and cluster-wide APIs are
 * an ACL question; ACL resource names are stored per tenant with external
 * names, and the ACL (29-31) and SCRAM credential (50, 51) handlers scope
 * themselves to the tenant, so those pass unchanged both ways. APIs without
 * resource names: SaslHandshake (17), ApiVersions (18), SaslAuthenticate
 * (36), DescribeCluster (60). An API that is not in the
 * table (transactions, ACLs, quotas, ...) is refused, never passed unmapped;
 * the ApiVersions answer advertises only the table's APIs.
 *
 * Neither function changes its arguments: each works on a deep copy (byte
 * arrays such as record batches are shared, not copied, and not written).
 */
import type { ApiKey, ApiRequests, ApiResponses } from "@runnel/kafka-protocol";
import { namespacingTable } from "./namespacing-apis.js";
import { copyMessage, Into, OutOf, type ResponseEdit, type TenantView } from "./namespacing-context.js";

export { refuseReplicaFetch, UNKNOWN_TOPIC_ID_MESSAGE } from "./namespacing-apis.js";
export {
  HIDDEN_NAME,
  stripInternalNames,
  type TenantView,
} from "./namespacing-context.js";

/** What the response mapping needs from the request mapping; pass it back unchanged. */
export interface ResponseState<K extends ApiKey> {
  readonly apiKey: K;
  readonly version: number;
  /** Answers for what was refused up front, and filters, applied after the names are mapped out. */
  readonly edits: readonly ResponseEdit<K>[];
}

export type RequestMapping<K extends ApiKey> =
  /** Forward `request` to the handler, then map its response out with `state`. */
  | { readonly kind: "forward"; readonly request: ApiRequests[K]; readonly state: ResponseState<K> }
  /** Send `response` (tenant-side names already) without forwarding anything. */
  | { readonly kind: "answer"; readonly response: ApiResponses[K] }
  /**
   * The API has no namespacing rule: the tenant may not use it. The caller
   * treats it as an API it does not serve (it is not in the tenant's
   * ApiVersions answer either).
   */
  | { readonly kind: "unsupported"; readonly message: string };

/** The API keys a tenant may use (the others are refused by requestIntoNamespace). */
export const namespacedApiKeys: ReadonlySet<number> = new Set(Object.keys(namespacingTable).map(Number));

/** Maps a tenant's request into its namespace, or answers it, or refuses its API. */
export function requestIntoNamespace<K extends ApiKey>(
  apiKey: K,
  version: number,
  request: ApiRequests[K],
  view: TenantView,
): RequestMapping<K> {
  const rule = namespacingTable[apiKey];
  if (rule === undefined) {
    return { kind: "unsupported", message: `API key ${apiKey} is not available to tenants.` };
  }
  const c = new Into<K>(view, version);
  const mapped = copyMessage(request);
  const answer = rule.into(mapped, c);
  // An answer is built from the tenant's own names and messages: nothing in it to strip.
  if (answer !== undefined) return { kind: "answer", response: answer };
  return { kind: "forward", request: mapped, state: { apiKey, version, edits: c.edits } };
}

/** Maps the broker's response to a forwarded request back out of the tenant's namespace. */
export function responseOutOfNamespace<K extends ApiKey>(
  response: ApiResponses[K],
  view: TenantView,
  state: ResponseState<K>,
): ApiResponses[K] {
  const rule = namespacingTable[state.apiKey];
  if (rule === undefined) throw new Error(`no namespacing rule for API key ${state.apiKey}`);
  const out = copyMessage(response, rule.tenantScoped ? undefined : view.ns);
  rule.outOf(out, new OutOf(view, state.version));
  for (const edit of state.edits) edit(out);
  return out;
}
