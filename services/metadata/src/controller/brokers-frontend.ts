/**
 * The broker-lifecycle frontend: registration, heartbeats (unfencing, fencing on request,
 * controlled shutdown), unregistration and producer-id blocks, plus the record builders for
 * fencing that lease expiry shares.
 *
 * Lifecycle, as in Kafka KRaft:
 * - A broker registers and gets an epoch: the metadata offset of the batch holding its
 *   RegisterBrokerRecord. It starts fenced.
 * - Its first heartbeat that shows it has replayed the log past its own registration unfences
 *   it; it then leads any leaderless partition whose ISR holds it.
 * - Fencing (asked for, lease expiry, replaced registration) moves its leaderships to other
 *   ISR members and takes it out of ISRs, except where it is the last member.
 * - A new incarnation replaces the registration once the old one's lease has lapsed, or at
 *   once when it names the old one as the previous incarnation on its data directory (which
 *   the broker holds exclusively, so that process is dead: KIP-966's unclean-shutdown
 *   re-registration). Replacing fences the old registration's leaderships in the same batch.
 * - Controlled shutdown (`wants_shutdown`) does the same at once and keeps the broker from
 *   leading or joining ISRs; once it leads nothing and has replayed the log up to the
 *   controller's image, the heartbeat answers `should_shutdown` and the broker is fenced.
 */
import { create } from "@bufbuild/protobuf";
import {
  type AllocateProducerIdsRequest,
  type AllocateProducerIdsResponse,
  AllocateProducerIdsResponseSchema,
  type BrokerHeartbeatRequest,
  type BrokerHeartbeatResponse,
  BrokerHeartbeatResponseSchema,
  type BrokerRegistrationRequest,
  type BrokerRegistrationResponse,
  BrokerRegistrationResponseSchema,
  type MetadataRecord,
  type UnregisterBrokerRequest,
  type UnregisterBrokerResponse,
  UnregisterBrokerResponseSchema,
} from "@runnel/rpc";
import { controllerError, fail, invariant, ok, type Result } from "./errors.js";
import type { ControllerOptions, Outcome } from "./frontend.js";
import {
  allPartitions,
  type BrokerImage,
  isActive,
  leadsAnyPartition,
  type MetadataImage,
  NO_LEADER,
} from "./image.js";
import { planPartitionChange, planRemoval } from "./partition-change.js";
import {
  brokerControlledShutdownRecord,
  brokerFencedRecord,
  brokerUnfencedRecord,
  partitionChangeRecord,
  producerIdsRecord,
  registerBrokerRecord,
  unregisterBrokerRecord,
} from "./records.js";

/** Listeners a broker may register, at most. */
export const ENDPOINTS_MAX = 16;
const INT64_MAX = 2n ** 63n - 1n;

/** Partition changes that take `brokerId` out of service everywhere (see planRemoval). */
function removalChanges(image: MetadataImage, brokerId: number): MetadataRecord[] {
  const records: MetadataRecord[] = [];
  const active = (b: number) => isActive(image, b);
  for (const { topic, index, partition } of allPartitions(image)) {
    const delta = planRemoval(partition, brokerId, active);
    if (delta !== undefined) records.push(partitionChangeRecord(topic.id, index, delta));
  }
  return records;
}

/** Records that fence an unfenced broker: the fence itself, then the partition changes. */
export function fenceBrokerRecords(image: MetadataImage, brokerId: number): MetadataRecord[] {
  const broker = image.brokers.get(brokerId);
  invariant(broker !== undefined && !broker.fenced, () => `broker ${brokerId} is not an unfenced broker`);
  return [brokerFencedRecord(brokerId, broker.epoch), ...removalChanges(image, brokerId)];
}

/** Records that unfence a broker and let it lead leaderless partitions whose ISR holds it. */
function unfenceBrokerRecords(image: MetadataImage, broker: BrokerImage): MetadataRecord[] {
  const records = [brokerUnfencedRecord(broker.id, broker.epoch)];
  const acceptable = (b: number) => b === broker.id || isActive(image, b);
  for (const { topic, index, partition } of allPartitions(image)) {
    if (partition.leader !== NO_LEADER || !partition.isr.includes(broker.id)) continue;
    const delta = planPartitionChange(partition, { acceptable });
    if (delta !== undefined) records.push(partitionChangeRecord(topic.id, index, delta));
  }
  return records;
}

function checkEndpoints(request: BrokerRegistrationRequest): string | undefined {
  if (request.listeners.length === 0) return "A broker must register at least one listener.";
  if (request.listeners.length > ENDPOINTS_MAX)
    return `A broker may register at most ${ENDPOINTS_MAX} listeners.`;
  const names = new Set<string>();
  for (const l of request.listeners) {
    if (l.name === "") return "A listener has no name.";
    if (names.has(l.name)) return `Listener ${l.name} is registered twice.`;
    names.add(l.name);
    if (l.host === "") return `Listener ${l.name} has no host.`;
    if (!Number.isInteger(l.port) || l.port < 1 || l.port > 65535)
      return `Listener ${l.name} has port ${l.port}.`;
  }
  return undefined;
}

export interface RegistrationContext {
  /** The cluster id this quorum serves; a broker expecting another is refused. */
  readonly clusterId: string;
  /** The offset the proposed batch will have: it becomes the broker epoch. */
  readonly nextOffset: bigint;
  /** Whether the broker id holds an unexpired lease (see leases.ts: isLeaseAlive). */
  readonly leaseAlive: (brokerId: number) => boolean;
}

/**
 * BrokerRegistration. A retry by the same incarnation gets its existing epoch back and writes
 * nothing. Another incarnation replaces the registration at once when its
 * `previous_incarnation_id` is the registered incarnation (that process is dead), else once
 * the old one's lease has lapsed; until then it is refused with DUPLICATE_BROKER_REGISTRATION.
 */
export function registerBroker(
  image: MetadataImage,
  request: BrokerRegistrationRequest,
  context: RegistrationContext,
): Result<Outcome<BrokerRegistrationResponse>> {
  if (request.clusterId !== context.clusterId) {
    return fail(
      "INCONSISTENT_CLUSTER_ID",
      `Broker ${request.brokerId} expects cluster "${request.clusterId}", but this is cluster "${context.clusterId}".`,
    );
  }
  if (!Number.isInteger(request.brokerId) || request.brokerId < 0) {
    return fail("INVALID_REQUEST", `Broker id ${request.brokerId} is negative.`);
  }
  if (request.incarnationId.length !== 16) {
    return fail("INVALID_REQUEST", `The incarnation id has ${request.incarnationId.length} bytes, not 16.`);
  }
  const previous = request.previousIncarnationId;
  if (previous.length !== 0 && previous.length !== 16) {
    return fail("INVALID_REQUEST", `The previous incarnation id has ${previous.length} bytes, not 0 or 16.`);
  }
  const endpointError = checkEndpoints(request);
  if (endpointError !== undefined) return fail("INVALID_REQUEST", endpointError);

  const existing = image.brokers.get(request.brokerId);
  if (existing !== undefined && sameBytes(existing.incarnationId, request.incarnationId)) {
    return ok({
      records: [],
      response: create(BrokerRegistrationResponseSchema, { brokerEpoch: existing.epoch }),
    });
  }
  if (
    existing !== undefined &&
    !sameBytes(existing.incarnationId, previous) &&
    context.leaseAlive(request.brokerId)
  ) {
    return fail(
      "DUPLICATE_BROKER_REGISTRATION",
      `Another incarnation of broker ${request.brokerId} is registered and its lease has not expired.`,
    );
  }
  invariant(
    context.nextOffset > image.lastOffset && (existing === undefined || context.nextOffset > existing.epoch),
    () => `next offset ${context.nextOffset} is not beyond the image (${image.lastOffset})`,
  );
  const records = existing !== undefined && !existing.fenced ? removalChanges(image, existing.id) : [];
  records.push(
    registerBrokerRecord({
      id: request.brokerId,
      epoch: context.nextOffset,
      incarnationId: request.incarnationId,
      zone: request.zone,
      cell: request.cell,
      endpoints: request.listeners,
      fenced: true,
      inControlledShutdown: false,
    }),
  );
  return ok({
    records,
    response: create(BrokerRegistrationResponseSchema, { brokerEpoch: context.nextOffset }),
  });
}

function registered(image: MetadataImage, brokerId: number, brokerEpoch: bigint): Result<BrokerImage> {
  const broker = image.brokers.get(brokerId);
  if (broker === undefined) return fail("BROKER_ID_NOT_REGISTERED", `Broker ${brokerId} is not registered.`);
  if (broker.epoch !== brokerEpoch) {
    return fail(
      "STALE_BROKER_EPOCH",
      `Broker ${brokerId} sent epoch ${brokerEpoch}, but its current registration has epoch ${broker.epoch}.`,
    );
  }
  return ok(broker);
}

/** BrokerHeartbeat: see the lifecycle at the top of this file. */
export function brokerHeartbeat(
  image: MetadataImage,
  request: BrokerHeartbeatRequest,
): Result<Outcome<BrokerHeartbeatResponse>> {
  const found = registered(image, request.brokerId, request.brokerEpoch);
  if (!found.ok) return found;
  const broker = found.value;
  // The broker has replayed its own registration: it knows everything it was told at start.
  const isCaughtUp = request.metadataOffset > broker.epoch;
  const answer = (records: MetadataRecord[], isFenced: boolean, shouldShutdown = false) =>
    ok({
      records,
      response: create(BrokerHeartbeatResponseSchema, { isCaughtUp, isFenced, shouldShutdown }),
    });

  if (request.wantsShutdown) {
    if (broker.fenced) return answer([], true, true);
    if (!broker.inControlledShutdown) {
      const records = [
        brokerControlledShutdownRecord(broker.id, broker.epoch),
        ...removalChanges(image, broker.id),
      ];
      return answer(records, false);
    }
    // Leadership moves are written when the shutdown starts and a broker shutting down is
    // never elected, so it leads nothing by now; should it still, move leadership again.
    if (leadsAnyPartition(image, broker.id)) return answer(removalChanges(image, broker.id), false);
    if (request.metadataOffset > image.lastOffset)
      return answer(fenceBrokerRecords(image, broker.id), true, true);
    return answer([], false);
  }
  if (request.wantsFence) {
    return answer(broker.fenced ? [] : fenceBrokerRecords(image, broker.id), true);
  }
  if (broker.fenced && isCaughtUp && !broker.inControlledShutdown) {
    return answer(unfenceBrokerRecords(image, broker), false);
  }
  return answer([], broker.fenced);
}

/** UnregisterBroker: fences the broker if needed, then removes its registration. */
export function unregisterBroker(
  image: MetadataImage,
  request: UnregisterBrokerRequest,
): Outcome<UnregisterBrokerResponse> {
  const broker = image.brokers.get(request.brokerId);
  if (broker === undefined) {
    const error = controllerError(
      "BROKER_ID_NOT_REGISTERED",
      `Broker ${request.brokerId} is not registered.`,
    );
    return {
      records: [],
      response: create(UnregisterBrokerResponseSchema, {
        errorCode: error.code,
        errorMessage: error.message,
      }),
    };
  }
  const records = broker.fenced ? [] : fenceBrokerRecords(image, broker.id);
  records.push(unregisterBrokerRecord(broker.id, broker.epoch));
  return { records, response: create(UnregisterBrokerResponseSchema, {}) };
}

/** AllocateProducerIds: the next block of `producerIdBlockSize` ids, to a current broker. */
export function allocateProducerIds(
  image: MetadataImage,
  request: AllocateProducerIdsRequest,
  options: Pick<ControllerOptions, "producerIdBlockSize">,
): Outcome<AllocateProducerIdsResponse> {
  const found = registered(image, request.brokerId, request.brokerEpoch);
  const refuse = (code: number, message: string) => ({
    records: [],
    response: create(AllocateProducerIdsResponseSchema, { errorCode: code, errorMessage: message }),
  });
  if (!found.ok) return refuse(found.error.code, found.error.message);
  const size = options.producerIdBlockSize;
  invariant(Number.isInteger(size) && size > 0, () => `producer id block size ${size} is not positive`);
  const start = image.nextProducerId;
  const next = start + BigInt(size);
  if (next > INT64_MAX) {
    const error = controllerError("UNKNOWN_SERVER_ERROR", "The producer id space is exhausted.");
    return refuse(error.code, error.message);
  }
  return {
    records: [producerIdsRecord(request.brokerId, request.brokerEpoch, next)],
    response: create(AllocateProducerIdsResponseSchema, { producerIdStart: start, producerIdLen: size }),
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
