/**
 * ACL enforcement of a tenant's Kafka requests: the authorization half of the
 * broker's tenant interceptor, as pure functions over decoded messages.
 *
 * It runs on the tenant's request in the tenant's own names, before
 * namespacing maps them in, and only for sessions of a tenant that are not
 * admin (admin and operator sessions skip it; the caller decides). The order
 * is:
 *
 *   authorizeRequest → requestIntoNamespace → handler →
 *   responseOutOfNamespace → applyAuthorizationEdits
 *
 * so the edits work on a response in the tenant's names again.
 *
 * Each API needs what Kafka's KafkaApis (and, for the APIs a KRaft broker
 * forwards, ControllerApis) asks for, checked per item as Kafka does: an item
 * that is denied is left out of the forwarded request and answered with
 * Kafka's error for it (TOPIC_AUTHORIZATION_FAILED, GROUP_AUTHORIZATION_FAILED,
 * ...), added to the response afterwards; a request whose items are all
 * denied is answered at once, without forwarding (as Kafka answers without
 * calling the replica manager or the coordinator); a whole-request denial
 * (a transactional produce, a group API, a cluster API) is answered at once
 * with the API's own error response. The rules per API and where Runnel
 * differs from Kafka are in authorization-apis.ts.
 *
 * A name the tenant may not describe is answered TOPIC_AUTHORIZATION_FAILED
 * whether or not it exists, as Kafka answers, and listings ("all topics" in
 * Metadata and DescribeTopicPartitions, all offsets of a group, ListGroups)
 * silently leave out what the tenant may not describe.
 *
 * Neither function changes its arguments: requests and responses are copied
 * (byte arrays such as record batches are shared, not copied, and not
 * written).
 */
import type { ApiKey, ApiRequests, ApiResponses } from "@runnel/kafka-protocol";
import { authorizationTable } from "./authorization-apis.js";
import { type AuthorizationEdit, type Authorizer, Check } from "./authorization-context.js";
import { copyMessage } from "./namespacing-context.js";

export {
  AUTHORIZED_OPERATIONS_OMITTED,
  type AuthorizationEdit,
  type Authorizer,
  authorizedOperations,
} from "./authorization-context.js";

export type AuthorizationResult<K extends ApiKey> =
  /** Forward `request` (a copy without the denied items); apply `edits` to its response. */
  | {
      readonly kind: "forward";
      readonly request: ApiRequests[K];
      readonly edits: readonly AuthorizationEdit<K>[];
    }
  /** Send `response` (in the tenant's names) without forwarding anything. */
  | { readonly kind: "answer"; readonly response: ApiResponses[K] };

/**
 * Authorizes a tenant's request: forwards what may be done, answers what may
 * not. Throws for an API without a rule: the rules cover exactly the APIs
 * namespacing serves to tenants, and namespacing refuses every other one.
 */
export function authorizeRequest<K extends ApiKey>(
  apiKey: K,
  version: number,
  request: ApiRequests[K],
  auth: Authorizer,
): AuthorizationResult<K> {
  const rule = authorizationTable[apiKey];
  if (rule === undefined) throw new Error(`API key ${apiKey} is not available to tenants.`);
  const c = new Check<K>(auth, version);
  const copy = copyMessage(request);
  const answer = rule(copy, c);
  if (answer !== undefined) return { kind: "answer", response: answer };
  return { kind: "forward", request: copy, edits: c.edits };
}

/** Applies the edits of a forwarded request to a copy of its response (in the tenant's names). */
export function applyAuthorizationEdits<K extends ApiKey>(
  response: ApiResponses[K],
  edits: readonly AuthorizationEdit<K>[],
): ApiResponses[K] {
  const out = copyMessage(response);
  for (const edit of edits) edit(out);
  return out;
}

/** The API keys with an authorization rule. */
export const authorizedApiKeys: ReadonlySet<number> = new Set(Object.keys(authorizationTable).map(Number));
