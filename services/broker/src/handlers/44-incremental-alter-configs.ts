/**
 * IncrementalAlterConfigs (key 44), versions 0-1 (v1 is flexible).
 *
 * - Per TOPIC or BROKER resource, operations on single keys: SET (0),
 *   DELETE (1), APPEND (2) and SUBTRACT (3). APPEND and SUBTRACT are worked
 *   out on the broker from its metadata image (the resource's own value, or
 *   Kafka's default) and sent as SETs; they apply to LIST configs such as
 *   cleanup.policy only, anything else is INVALID_CONFIG.
 * - Planned on the broker (see config-alter.ts for the checks and errors),
 *   then forwarded to the controller, which checks names and values
 *   (INVALID_CONFIG) and writes each resource all or nothing; a resource's
 *   error leaves the others' changes in place. `validate_only` checks
 *   everything and writes nothing.
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
        const ops = planIncremental(target, r.configs);
        return { ...base, plan: "code" in ops ? ops : { target, ops } };
      });
      const results = await alterThroughController(broker, planned, request.validateOnly);
      return { throttleTimeMs: 0, responses: results };
    },
  };
}
