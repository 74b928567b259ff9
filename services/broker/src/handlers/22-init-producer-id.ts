/**
 * InitProducerId (key 22), versions 0-5, for idempotent producers only.
 *
 * - Without a transactional id: a new producer id (from this broker's block,
 *   allocated by the controller) with epoch 0. A producer that sends its
 *   current id and epoch (v3+, KIP-360) gets the same id with the epoch
 *   bumped, so it can reset its sequences after an error.
 * - With a transactional id: refused with INVALID_REQUEST until transactions
 *   land (their APIs are not advertised; a retriable error would make a
 *   transactional client retry forever).
 */
import { ApiKeys, ErrorCode } from "@runnel/kafka-protocol";
import type { Handler } from "../kafka/server.js";
import type { ProducerIdManager } from "../producer-ids.js";

const MAX_EPOCH = 32767;

export function initProducerIdHandler(
  producerIds: ProducerIdManager,
): Handler<typeof ApiKeys.InitProducerId> {
  return {
    apiKey: ApiKeys.InitProducerId,
    minVersion: 0,
    maxVersion: 5,
    async handle(request) {
      const refuse = (errorCode: number) => ({
        throttleTimeMs: 0,
        errorCode,
        producerId: -1n,
        producerEpoch: -1,
      });
      if (request.transactionalId !== null) return refuse(ErrorCode.INVALID_REQUEST);
      if (request.producerId >= 0n && request.producerEpoch >= 0 && request.producerEpoch < MAX_EPOCH - 1) {
        return {
          throttleTimeMs: 0,
          errorCode: 0,
          producerId: request.producerId,
          producerEpoch: request.producerEpoch + 1,
        };
      }
      const r = await producerIds.allocate();
      if ("error" in r) return refuse(r.error);
      return { throttleTimeMs: 0, errorCode: 0, producerId: r.id, producerEpoch: 0 };
    },
  };
}
