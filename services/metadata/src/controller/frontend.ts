/**
 * Shared shapes of the controller frontends (brokers-frontend.ts, topics-frontend.ts,
 * configs-frontend.ts, partitions-frontend.ts, leases.ts).
 *
 * A frontend is a pure function of the image and a request. It validates the request and
 * returns the records to propose as one batch together with the response to send once that
 * batch commits. Nothing is written when a request fails; a response with no records can be
 * sent at once.
 *
 * The image a frontend sees must include every batch proposed before, committed or not
 * (otherwise two requests could both pass validation and write conflicting records, which
 * the backend rejects as invariant violations). The shell either proposes one request at a
 * time, or keeps a leader image: the committed image with every pending batch applied
 * (`apply` at the offsets the batches will get), rebuilt from the committed image when
 * leadership changes.
 */
import type { MetadataRecord } from "@runnel/rpc";

/** What a successful request writes and answers. */
export interface Outcome<R> {
  /** Records to propose as one batch; empty when nothing changes. */
  readonly records: MetadataRecord[];
  /** The response to send once the records have committed. */
  readonly response: R;
}

/** Tunables of the controller, as the shell configures them. */
export interface ControllerOptions {
  /** Partitions of a new topic whose request leaves the count unset. */
  readonly defaultPartitions: number;
  /** Replication factor of a new topic whose request leaves it unset. */
  readonly defaultReplicationFactor: number;
  /** Most partitions one topic may have. */
  readonly partitionsPerTopicMax: number;
  /**
   * Most records one administrative request may write (one Raft entry). Topics that would
   * push a request past it fail with POLICY_VIOLATION; fencing is never limited.
   */
  readonly recordsPerBatchMax: number;
  /** Producer ids handed to a broker per AllocateProducerIds call. */
  readonly producerIdBlockSize: number;
}

export const DEFAULT_CONTROLLER_OPTIONS: ControllerOptions = {
  defaultPartitions: 1,
  defaultReplicationFactor: 3,
  partitionsPerTopicMax: 10_000,
  recordsPerBatchMax: 20_000,
  producerIdBlockSize: 1000,
};

/** A source of random bytes (injected; the simulation seeds it). */
export type RandomBytes = (length: number) => Uint8Array;
