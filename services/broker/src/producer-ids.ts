/**
 * Producer ids for idempotent producers: handed out one at a time from blocks
 * the controller allocates to this broker (AllocateProducerIds), so no two
 * brokers ever give out the same id.
 */
import { ErrorCode } from "@runnel/kafka-protocol";
import type { BrokerContext } from "./context.js";

export class ProducerIdManager {
  private next = 0n;
  private end = 0n;
  private pending: Promise<void> | null = null;

  constructor(
    private readonly broker: BrokerContext,
    private readonly brokerEpoch: () => bigint | null,
  ) {}

  /** The next producer id, or a Kafka error code when none can be had now. */
  async allocate(): Promise<{ id: bigint } | { error: number; message: string }> {
    for (let attempt = 0; attempt < 3; attempt++) {
      if (this.next < this.end) return { id: this.next++ };
      const failure = await this.refill();
      if (failure !== undefined) return failure;
    }
    return {
      error: ErrorCode.COORDINATOR_LOAD_IN_PROGRESS,
      message: "No producer id block could be had; retry.",
    };
  }

  private async refill(): Promise<{ error: number; message: string } | undefined> {
    if (this.pending === null) {
      this.pending = this.fetchBlock().finally(() => {
        this.pending = null;
      });
    }
    try {
      await this.pending;
      return undefined;
    } catch (e) {
      return { error: ErrorCode.COORDINATOR_NOT_AVAILABLE, message: `No producer id block: ${String(e)}` };
    }
  }

  private async fetchBlock(): Promise<void> {
    const epoch = this.brokerEpoch();
    if (epoch === null) throw new Error("the broker is not registered yet");
    const r = await this.broker.controller.call((c, o) =>
      c.allocateProducerIds({ brokerId: this.broker.settings.nodeId, brokerEpoch: epoch }, o),
    );
    if (r.errorCode !== 0) throw new Error(r.errorMessage);
    this.next = r.producerIdStart;
    this.end = r.producerIdStart + BigInt(r.producerIdLen);
  }
}
