// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// ConsumerProtocolAssignment (data): versions 0-3.

import { type Reader, type Writer, readArray, readElement_int32, writeArray, writeElement_int32 } from "../../codec/runtime.js";

export interface ConsumerProtocolAssignmentTopicPartition {
  /** Versions 0-3; map key; entity: topicName. */
  topic: string;
  /** Versions 0-3. */
  partitions: number[];
}

export function defaultConsumerProtocolAssignmentTopicPartition(): ConsumerProtocolAssignmentTopicPartition {
  return {
    topic: "",
    partitions: [],
  };
}

export function readConsumerProtocolAssignmentTopicPartition(r: Reader, v: number): ConsumerProtocolAssignmentTopicPartition {
  const topic = r.string();
  const partitions = readArray(r, v, false, false, 4, readElement_int32);
  const o: ConsumerProtocolAssignmentTopicPartition = {
    topic,
    partitions,
  };
  return o;
}

export function writeConsumerProtocolAssignmentTopicPartition(w: Writer, o: ConsumerProtocolAssignmentTopicPartition, v: number): void {
  w.string(o.topic);
  writeArray(w, v, false, o.partitions, writeElement_int32);
}

export interface ConsumerProtocolAssignment {
  /** Versions 0-3. */
  assignedPartitions: ConsumerProtocolAssignmentTopicPartition[];
  /** Versions 0-3; nullable in 0-3. */
  userData: Uint8Array | null;
}

export function defaultConsumerProtocolAssignment(): ConsumerProtocolAssignment {
  return {
    assignedPartitions: [],
    userData: null,
  };
}

export function readConsumerProtocolAssignment(r: Reader, v: number): ConsumerProtocolAssignment {
  const assignedPartitions = readArray(r, v, false, false, 6, readConsumerProtocolAssignmentTopicPartition);
  const userData = r.nullableBytes();
  const o: ConsumerProtocolAssignment = {
    assignedPartitions,
    userData,
  };
  return o;
}

export function writeConsumerProtocolAssignment(w: Writer, o: ConsumerProtocolAssignment, v: number): void {
  writeArray(w, v, false, o.assignedPartitions, writeConsumerProtocolAssignmentTopicPartition);
  w.nullableBytes(o.userData);
}
