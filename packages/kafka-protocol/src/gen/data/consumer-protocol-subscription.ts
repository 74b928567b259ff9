// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// ConsumerProtocolSubscription (data): versions 0-3.

import { type Reader, type Writer, notInVersion, readArray, readElementString, readElement_int32, writeArray, writeElementString, writeElement_int32 } from "../../codec/runtime.js";

export interface ConsumerProtocolSubscriptionTopicPartition {
  /** Versions 1-3; map key; entity: topicName. */
  topic: string;
  /** Versions 1-3. */
  partitions: number[];
}

export function defaultConsumerProtocolSubscriptionTopicPartition(): ConsumerProtocolSubscriptionTopicPartition {
  return {
    topic: "",
    partitions: [],
  };
}

export function readConsumerProtocolSubscriptionTopicPartition(r: Reader, v: number): ConsumerProtocolSubscriptionTopicPartition {
  const topic = (v >= 1 ? r.string() : "");
  const partitions = (v >= 1 ? readArray(r, v, false, false, 4, readElement_int32) : []);
  const o: ConsumerProtocolSubscriptionTopicPartition = {
    topic,
    partitions,
  };
  return o;
}

export function writeConsumerProtocolSubscriptionTopicPartition(w: Writer, o: ConsumerProtocolSubscriptionTopicPartition, v: number): void {
  if (v >= 1) {
    w.string(o.topic);
  } else if (!(v >= 1) && o.topic !== "") {
    throw notInVersion("ConsumerProtocolSubscriptionTopicPartition.topic", v);
  }
  if (v >= 1) {
    writeArray(w, v, false, o.partitions, writeElement_int32);
  } else if (!(v >= 1) && o.partitions !== null && o.partitions.length > 0) {
    throw notInVersion("ConsumerProtocolSubscriptionTopicPartition.partitions", v);
  }
}

export interface ConsumerProtocolSubscription {
  /** Versions 0-3. */
  topics: string[];
  /** Versions 0-3; nullable in 0-3. */
  userData: Uint8Array | null;
  /** Versions 1-3. */
  ownedPartitions: ConsumerProtocolSubscriptionTopicPartition[];
  /** Versions 2-3. */
  generationId: number;
  /** Versions 3; nullable in 3. */
  rackId: string | null;
}

export function defaultConsumerProtocolSubscription(): ConsumerProtocolSubscription {
  return {
    topics: [],
    userData: null,
    ownedPartitions: [],
    generationId: -1,
    rackId: null,
  };
}

export function readConsumerProtocolSubscription(r: Reader, v: number): ConsumerProtocolSubscription {
  const topics = readArray(r, v, false, false, 2, readElementString);
  const userData = r.nullableBytes();
  const ownedPartitions = (v >= 1 ? readArray(r, v, false, false, 6, readConsumerProtocolSubscriptionTopicPartition) : []);
  const generationId = (v >= 2 ? r.int32() : -1);
  const rackId = (v === 3 ? r.nullableString() : null);
  const o: ConsumerProtocolSubscription = {
    topics,
    userData,
    ownedPartitions,
    generationId,
    rackId,
  };
  return o;
}

export function writeConsumerProtocolSubscription(w: Writer, o: ConsumerProtocolSubscription, v: number): void {
  writeArray(w, v, false, o.topics, writeElementString);
  w.nullableBytes(o.userData);
  if (v >= 1) {
    writeArray(w, v, false, o.ownedPartitions, writeConsumerProtocolSubscriptionTopicPartition);
  }
  if (v >= 2) {
    w.int32(o.generationId);
  }
  if (v === 3) {
    w.nullableString(o.rackId);
  }
}
