/**
 * FindCoordinator (key 10), versions 0-6 (the Kafka 2.1 baseline to 3.9).
 *
 * - GROUP keys (key type 0): the coordinator is the leader of the
 *   `__consumer_offsets` partition `abs(javaHashCode(groupId)) % partitions`,
 *   answered with its node id and listener from the metadata image.
 * - While `__consumer_offsets` is missing: COORDINATOR_NOT_AVAILABLE, and the
 *   broker asks the controller to create it; while the partition has no
 *   (unfenced) leader: COORDINATOR_NOT_AVAILABLE.
 * - Other key types (TRANSACTION, and the share groups of v6): INVALID_REQUEST
 *   until those coordinators exist. (Kafka 3.9 answers a share key at v6 with
 *   COORDINATOR_NOT_AVAILABLE while share groups are disabled, a retriable
 *   error; a broker that has no share coordinator at all says so for good.)
 * - v0 has no key type (always GROUP); v4+ batches keys in `coordinatorKeys`
 *   and answers per key in `coordinators`; v5 (TRANSACTION_ABORTABLE, KIP-890)
 *   and v6 (the share key type, KIP-932) change nothing for group keys.
 */
import {
  ApiKeys,
  defaultFindCoordinatorResponse,
  ErrorCode,
  type FindCoordinatorResponseCoordinator,
} from "@runnel/kafka-protocol";
import type { GroupCoordination } from "../group/shell.js";
import type { Handler } from "../kafka/server.js";

const KEY_TYPE_GROUP = 0;

export function findCoordinatorHandler(groups: GroupCoordination): Handler<typeof ApiKeys.FindCoordinator> {
  return {
    apiKey: ApiKeys.FindCoordinator,
    minVersion: 0,
    maxVersion: 6,
    handle(request, ctx) {
      const v = ctx.apiVersion;
      const keyType = v >= 1 ? request.keyType : KEY_TYPE_GROUP;
      const keys = v >= 4 ? request.coordinatorKeys : [request.key];
      const coordinators = keys.map((key): FindCoordinatorResponseCoordinator => {
        if (keyType !== KEY_TYPE_GROUP) {
          return {
            key,
            nodeId: -1,
            host: "",
            port: -1,
            errorCode: ErrorCode.INVALID_REQUEST,
            errorMessage: `Key type ${keyType} is not supported: this broker coordinates consumer groups only.`,
          };
        }
        return { key, ...groups.locate(key) };
      });
      if (v >= 4) {
        // The single-coordinator fields do not exist from v4: they keep their defaults.
        return { ...defaultFindCoordinatorResponse(), coordinators };
      }
      const c = coordinators[0] as FindCoordinatorResponseCoordinator;
      return {
        throttleTimeMs: 0,
        errorCode: c.errorCode,
        errorMessage: c.errorMessage,
        nodeId: c.nodeId,
        host: c.host,
        port: c.port,
        coordinators: [],
      };
    },
  };
}
