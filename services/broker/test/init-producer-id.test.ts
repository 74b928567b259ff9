/**
 * InitProducerId without a transactional id, as Kafka's transaction
 * coordinator answers it: every request gets a fresh producer id with epoch
 * 0, whatever id and epoch it carries; a half-set id/epoch pair is refused.
 */
import { ErrorCode, type InitProducerIdRequest } from "@runnel/kafka-protocol";
import { describe, expect, it } from "vitest";
import { initProducerIdHandler } from "../src/handlers/22-init-producer-id.js";
import type { RequestContext } from "../src/kafka/server.js";

function handler() {
  let next = 100n;
  return initProducerIdHandler({ allocate: async () => ({ id: next++ }) });
}

function request(
  producerId: bigint,
  producerEpoch: number,
  transactionalId: string | null = null,
): InitProducerIdRequest {
  return { transactionalId, transactionTimeoutMs: 60_000, producerId, producerEpoch };
}

const ctx = {} as RequestContext;

describe("InitProducerId for idempotent producers", () => {
  it("gives each producer its own id with epoch 0 when the request carries none", async () => {
    const h = handler();
    const a = await h.handle(request(-1n, -1), ctx);
    const b = await h.handle(request(-1n, -1), ctx);
    expect(a).toMatchObject({ errorCode: 0, producerId: 100n, producerEpoch: 0 });
    expect(b).toMatchObject({ errorCode: 0, producerId: 101n, producerEpoch: 0 });
  });

  it("gives a new id, not the one sent back with its epoch bumped (clients sending 0/0 must not share an id)", async () => {
    const h = handler();
    const a = await h.handle(request(0n, 0), ctx);
    const b = await h.handle(request(0n, 0), ctx);
    expect(a).toMatchObject({ errorCode: 0, producerId: 100n, producerEpoch: 0 });
    expect(b).toMatchObject({ errorCode: 0, producerId: 101n, producerEpoch: 0 });
  });

  it("refuses an id without an epoch and an epoch without an id", async () => {
    const h = handler();
    expect(await h.handle(request(5n, -1), ctx)).toMatchObject({
      errorCode: ErrorCode.INVALID_REQUEST,
      producerId: -1n,
    });
    expect(await h.handle(request(-1n, 3), ctx)).toMatchObject({
      errorCode: ErrorCode.INVALID_REQUEST,
      producerId: -1n,
    });
  });

  it("refuses transactional producers (transactions are not served)", async () => {
    const h = handler();
    expect(await h.handle(request(-1n, -1, "tx"), ctx)).toMatchObject({
      errorCode: ErrorCode.INVALID_REQUEST,
    });
  });
});
