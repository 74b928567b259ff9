/**
 * InitProducerId (key 22), versions 0-5, for idempotent producers only.
 *
 * - Without a transactional id: always a new producer id (from this broker's
 *   block, allocated by the controller) with epoch 0, whatever id and epoch
 *   the request carries, as Kafka's transaction coordinator does. An
 *   idempotent producer bumps its epoch locally (KIP-360); the id and epoch
 *   fields (v3+) matter only to transactional producers, and some clients
 *   send 0/0 there rather than -1/-1, so echoing them back would hand every
 *   such producer the same id and make its batches look like duplicates.
 * - An id without an epoch, or an epoch without an id, is INVALID_REQUEST
 *   (Kafka checks this before anything else).
 * - With a transactional id: refused with INVALID_REQUEST until transactions
 *   land (their APIs are not advertised; a retriable error would make a
 *   transactional client retry forever).
 */
import { ApiKeys, ErrorCode } from "@runnel/kafka-protocol";
import type { Handler } from "../kafka/server.js";
import type { ProducerIdManager } from "../producer-ids.js";

const NO_PRODUCER_ID = -1n;
const NO_PRODUCER_EPOCH = -1;

export function initProducerIdHandler(
  producerIds: Pick<ProducerIdManager, "allocate">,
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
      if ((request.producerId === NO_PRODUCER_ID) !== (request.producerEpoch === NO_PRODUCER_EPOCH)) {
        return refuse(ErrorCode.INVALID_REQUEST);
      }
      if (request.transactionalId !== null) return refuse(ErrorCode.INVALID_REQUEST);
      const r = await producerIds.allocate();
      if ("error" in r) return refuse(r.error);
      return { throttleTimeMs: 0, errorCode: 0, producerId: r.id, producerEpoch: 0 };
    },
  };
}
