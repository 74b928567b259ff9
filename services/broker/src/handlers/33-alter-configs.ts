/**
 * AlterConfigs (key 33), versions 0-2 (all of them are in the Kafka 2.1
 * baseline; v2 is flexible).
 *
 * - The legacy whole-set API: for each TOPIC or BROKER resource, the listed
 *   configs become its entire set of dynamic configs; keys set now and not
 *   listed are deleted, so they fall back to their defaults.
 * - Checked on the broker (see config-alter.ts for the checks and errors),
 *   then forwarded to the controller as a replace: it deletes the keys set
 *   at the time of its write and not listed, so a key another client sets
 *   just before is deleted too, as in Kafka. The controller checks names
 *   and values (INVALID_CONFIG) and writes each resource all or nothing;
 *   `validate_only` checks everything and writes nothing.
 * - BROKER resources are "" (the cluster default) or this broker's id;
 *   BROKER_LOGGER is refused with INVALID_REQUEST, as Kafka refuses it on
 *   this API.
 */
import { ApiKeys, ErrorCode } from "@runnel/kafka-protocol";
import {
  alterTarget,
  DUPLICATE_RESOURCE,
  duplicateResources,
  planReplace,
  ResourceType,
} from "../config-alter.js";
import type { BrokerContext } from "../context.js";
import type { Handler } from "../kafka/server.js";
import { alterThroughController, type PlannedResource } from "./config-forward.js";

export function alterConfigsHandler(broker: BrokerContext): Handler<typeof ApiKeys.AlterConfigs> {
  return {
    apiKey: ApiKeys.AlterConfigs,
    minVersion: 0,
    maxVersion: 2,
    async handle(request) {
      const image = broker.image();
      const dups = duplicateResources(request.resources);
      const planned: PlannedResource[] = request.resources.map((r, i) => {
        const base = { resourceType: r.resourceType, resourceName: r.resourceName };
        if (dups.has(i)) return { ...base, plan: DUPLICATE_RESOURCE };
        if (r.resourceType === ResourceType.BROKER_LOGGER) {
          return {
            ...base,
            plan: {
              code: ErrorCode.INVALID_REQUEST,
              message: "AlterConfigs does not change BROKER_LOGGER resources.",
            },
          };
        }
        const target = alterTarget(image, broker.settings.nodeId, r.resourceType, r.resourceName);
        if ("code" in target) return { ...base, plan: target };
        const plan = planReplace(target, r.configs);
        return { ...base, plan: "code" in plan ? plan : { target, ...plan } };
      });
      const results = await alterThroughController(broker, planned, request.validateOnly);
      return { throttleTimeMs: 0, responses: results };
    },
  };
}
