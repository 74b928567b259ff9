/**
 * DescribeConfigs (key 32), versions 1-4 (v0 is below the Kafka 2.1
 * baseline; v4 is flexible).
 *
 * - TOPIC: every topic config Kafka lists, with its value and source (the
 *   topic's own, a dynamic broker override, the broker's start-up setting or
 *   Kafka's default); see config-view.ts for the rules. A bad name is
 *   INVALID_TOPIC_EXCEPTION, a topic this broker's image does not have
 *   UNKNOWN_TOPIC_OR_PARTITION.
 * - BROKER: this broker's id lists its configs (start-up settings, dynamic
 *   overrides from the metadata image, Kafka's defaults; read-only unless
 *   changeable at run time); "" lists the cluster-wide dynamic defaults
 *   only. Another broker's id, or a name that is not a number, is
 *   INVALID_REQUEST, as in Kafka (clients send each broker its own).
 * - BROKER_LOGGER: Kafka's checks of the id, then INVALID_REQUEST: the log
 *   level is not exposed. Other resource types: INVALID_REQUEST.
 * - v1+: synonyms when `include_synonyms`; v3+: config types, and
 *   documentation when `include_documentation`. `configuration_keys` null or
 *   empty lists all; unknown names are left out.
 */
import {
  ApiKeys,
  type DescribeConfigsResponseDescribeConfigsResult,
  ErrorCode,
} from "@runnel/kafka-protocol";
import { topicNameError } from "@runnel/metadata";
import {
  brokerIdOf,
  brokerLoggerCheck,
  brokerLoggersUnsupported,
  type ConfigError,
  ResourceType,
} from "../config-alter.js";
import {
  type BrokerLayers,
  brokerLayersOf,
  type DescribedConfig,
  type DescribeOptions,
  describeBrokerConfigs,
  describeClusterDefaultConfigs,
  describeTopicConfigs,
} from "../config-view.js";
import type { BrokerContext } from "../context.js";
import type { Handler } from "../kafka/server.js";

export function describeConfigsHandler(
  broker: BrokerContext,
  staticConfigs: ReadonlyMap<string, string>,
): Handler<typeof ApiKeys.DescribeConfigs> {
  return {
    apiKey: ApiKeys.DescribeConfigs,
    minVersion: 1,
    maxVersion: 4,
    handle(request) {
      const image = broker.image();
      const nodeId = broker.settings.nodeId;
      const layers: BrokerLayers = brokerLayersOf(image.brokerConfigs, nodeId, staticConfigs);
      const describe = (type: number, name: string, o: DescribeOptions): DescribedConfig[] | ConfigError => {
        switch (type) {
          case ResourceType.TOPIC: {
            const bad = topicNameError(name);
            if (bad !== undefined) return { code: ErrorCode.INVALID_TOPIC_EXCEPTION, message: bad };
            if (!image.topicKeysByName.has(name)) {
              return {
                code: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
                message: `The topic '${name}' does not exist.`,
              };
            }
            return describeTopicConfigs(image.topicConfigs.get(name), layers, o);
          }
          case ResourceType.BROKER: {
            if (name === "") return describeClusterDefaultConfigs(layers.clusterDefault, o);
            const id = brokerIdOf(name);
            if (typeof id !== "number") return id;
            if (id !== nodeId) {
              return {
                code: ErrorCode.INVALID_REQUEST,
                message: `Unexpected broker id, expected ${nodeId} or empty string, but received ${name}`,
              };
            }
            return describeBrokerConfigs(layers, o);
          }
          case ResourceType.BROKER_LOGGER:
            return brokerLoggerCheck(name, nodeId) ?? brokerLoggersUnsupported();
          default:
            return {
              code: ErrorCode.INVALID_REQUEST,
              message: `Unsupported resource type ${type}: DescribeConfigs serves TOPIC (2) and BROKER (4).`,
            };
        }
      };
      return {
        throttleTimeMs: 0,
        results: request.resources.map((r): DescribeConfigsResponseDescribeConfigsResult => {
          const described = describe(r.resourceType, r.resourceName, {
            keys: r.configurationKeys,
            includeSynonyms: request.includeSynonyms,
            includeDocumentation: request.includeDocumentation,
          });
          const base = { resourceType: r.resourceType, resourceName: r.resourceName };
          if ("code" in described) {
            return { ...base, errorCode: described.code, errorMessage: described.message, configs: [] };
          }
          return {
            ...base,
            errorCode: ErrorCode.NONE,
            errorMessage: null,
            configs: described.map((c) => ({
              name: c.name,
              value: c.value,
              readOnly: c.readOnly,
              isDefault: false,
              configSource: c.configSource,
              isSensitive: c.isSensitive,
              synonyms: c.synonyms.map((s) => ({ name: s.name, value: s.value, source: s.source })),
              configType: c.configType,
              documentation: c.documentation,
            })),
          };
        }),
      };
    },
  };
}
