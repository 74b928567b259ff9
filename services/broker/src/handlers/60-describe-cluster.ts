/**
 * DescribeCluster (key 60), versions 0-1.
 *
 * - The unfenced brokers of the metadata image, with their zone as rack;
 *   this broker as the controller id (brokers forward to the quorum).
 * - v1: only the broker endpoint type (1) is served; asking for controller
 *   endpoints (2) is UNSUPPORTED_ENDPOINT_TYPE, as on a Kafka broker.
 * - Authorized operations report every cluster operation until ACLs land.
 */
import { ApiKeys, ErrorCode } from "@runnel/kafka-protocol";
import { ALL_CLUSTER_OPERATIONS, liveBrokers, OPERATIONS_NOT_REQUESTED } from "../cluster.js";
import type { BrokerContext } from "../context.js";
import type { Handler } from "../kafka/server.js";

const BROKER_ENDPOINTS = 1;

export function describeClusterHandler(broker: BrokerContext): Handler<typeof ApiKeys.DescribeCluster> {
  return {
    apiKey: ApiKeys.DescribeCluster,
    minVersion: 0,
    maxVersion: 1,
    handle(request, ctx) {
      const endpointType = ctx.apiVersion >= 1 ? request.endpointType : BROKER_ENDPOINTS;
      const unsupported = endpointType !== BROKER_ENDPOINTS;
      const image = broker.image();
      return {
        throttleTimeMs: 0,
        errorCode: unsupported ? ErrorCode.UNSUPPORTED_ENDPOINT_TYPE : ErrorCode.NONE,
        errorMessage: unsupported ? `Endpoint type ${endpointType} is not served by brokers.` : null,
        endpointType,
        clusterId: broker.settings.clusterId,
        controllerId: broker.settings.nodeId,
        brokers: unsupported
          ? []
          : liveBrokers(image).map((b) => ({ brokerId: b.id, host: b.host, port: b.port, rack: b.rack })),
        clusterAuthorizedOperations: request.includeClusterAuthorizedOperations
          ? ALL_CLUSTER_OPERATIONS
          : OPERATIONS_NOT_REQUESTED,
      };
    },
  };
}
