/**
 * IncrementalAlterConfigs (key 44), versions 0-1 (v1 is flexible).
 *
 * - Per TOPIC or BROKER resource, operations on single keys: SET (0),
 *   DELETE (1), APPEND (2) and SUBTRACT (3). APPEND and SUBTRACT apply to
 *   LIST configs such as cleanup.policy only, anything else is
 *   INVALID_CONFIG; they start from the resource's own value, or Kafka's
 *   default.
 * - Checked on the broker for what the request alone decides (see
 *   config-alter.ts for the checks and errors), then forwarded to the
 *   controller as they came. The controller works APPEND and SUBTRACT out
 *   against its own image in the same write, as Kafka's does, so two
 *   clients appending to one list at once both take effect; it checks names
 *   and values (INVALID_CONFIG) and writes each resource all or nothing; a
 *   resource's error leaves the others' changes in place. `validate_only`
 *   checks everything and writes nothing.
 * - BROKER resources are "" (the cluster default) or this broker's id; a
 *   BROKER_LOGGER resource naming this broker gets INVALID_REQUEST: its log
 *   level is not exposed (Kafka's own checks of the id come first).
 */
import { ApiKeys } from "@runnel/kafka-protocol";
import { alterTarget, DUPLICATE_RESOURCE, duplicateResources, planIncremental } from "../config-alter.js";
import type { BrokerContext } from "../context.js";
import type { Handler } from "../kafka/server.js";
import { alterThroughController, type PlannedResource } from "./config-forward.js";

export function incrementalAlterConfigsHandler(
  broker: BrokerContext,
): Handler<typeof ApiKeys.IncrementalAlterConfigs> {
  return {
    apiKey: ApiKeys.IncrementalAlterConfigs,
    minVersion: 0,
    maxVersion: 1,
    async handle(request) {
      const image = broker.image();
      const dups = duplicateResources(request.resources);
      const planned: PlannedResource[] = request.resources.map((r, i) => {
        const base = { resourceType: r.resourceType, resourceName: r.resourceName };
        if (dups.has(i)) return { ...base, plan: DUPLICATE_RESOURCE };
        const target = alterTarget(image, broker.settings.nodeId, r.resourceType, r.resourceName);
        if ("code" in target) return { ...base, plan: target };
        const plan = planIncremental(target, r.configs);
        return { ...base, plan: "code" in plan ? plan : { target, ...plan } };
      });
      const results = await alterThroughController(broker, planned, request.validateOnly);
      return { throttleTimeMs: 0, responses: results };
    },
  };
}
