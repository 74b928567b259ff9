// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// DescribeTransactions (API key 65): stable versions 0, flexible from 0.

import { type Reader, type TaggedField, type Writer, readArray, readElementString, readElement_int32, writeArray, writeElementString, writeElement_int32 } from "../../codec/runtime.js";

export interface DescribeTransactionsRequest {
  /** Array of transactionalIds to include in describe results. If empty, then no results will be returned. Versions 0; entity: transactionalId. */
  transactionalIds: string[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeTransactionsRequest(): DescribeTransactionsRequest {
  return {
    transactionalIds: [],
  };
}

export function readDescribeTransactionsRequest(r: Reader, v: number): DescribeTransactionsRequest {
  const flex = true;
  const transactionalIds = readArray(r, v, true, false, 1, readElementString);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeTransactionsRequest = {
    transactionalIds,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeTransactionsRequest(w: Writer, o: DescribeTransactionsRequest, v: number): void {
  const flex = true;
  writeArray(w, v, true, o.transactionalIds, writeElementString);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeTransactionsResponseTopicData {
  /** Versions 0; map key; entity: topicName. */
  topic: string;
  /** Versions 0. */
  partitions: number[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeTransactionsResponseTopicData(): DescribeTransactionsResponseTopicData {
  return {
    topic: "",
    partitions: [],
  };
}

export function readDescribeTransactionsResponseTopicData(r: Reader, v: number): DescribeTransactionsResponseTopicData {
  const flex = true;
  const topic = r.compactString();
  const partitions = readArray(r, v, true, false, 4, readElement_int32);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeTransactionsResponseTopicData = {
    topic,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeTransactionsResponseTopicData(w: Writer, o: DescribeTransactionsResponseTopicData, v: number): void {
  const flex = true;
  w.compactString(o.topic);
  writeArray(w, v, true, o.partitions, writeElement_int32);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeTransactionsResponseTransactionState {
  /** Versions 0. */
  errorCode: number;
  /** Versions 0; entity: transactionalId. */
  transactionalId: string;
  /** Versions 0. */
  transactionState: string;
  /** Versions 0. */
  transactionTimeoutMs: number;
  /** Versions 0. */
  transactionStartTimeMs: bigint;
  /** Versions 0; entity: producerId. */
  producerId: bigint;
  /** Versions 0. */
  producerEpoch: number;
  /** The set of partitions included in the current transaction (if active). When a transaction is preparing to commit or abort, this will include only partitions which do not have markers. Versions 0. */
  topics: DescribeTransactionsResponseTopicData[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeTransactionsResponseTransactionState(): DescribeTransactionsResponseTransactionState {
  return {
    errorCode: 0,
    transactionalId: "",
    transactionState: "",
    transactionTimeoutMs: 0,
    transactionStartTimeMs: 0n,
    producerId: 0n,
    producerEpoch: 0,
    topics: [],
  };
}

export function readDescribeTransactionsResponseTransactionState(r: Reader, v: number): DescribeTransactionsResponseTransactionState {
  const flex = true;
  const errorCode = r.int16();
  const transactionalId = r.compactString();
  const transactionState = r.compactString();
  const transactionTimeoutMs = r.int32();
  const transactionStartTimeMs = r.int64();
  const producerId = r.int64();
  const producerEpoch = r.int16();
  const topics = readArray(r, v, true, false, 2, readDescribeTransactionsResponseTopicData);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeTransactionsResponseTransactionState = {
    errorCode,
    transactionalId,
    transactionState,
    transactionTimeoutMs,
    transactionStartTimeMs,
    producerId,
    producerEpoch,
    topics,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeTransactionsResponseTransactionState(w: Writer, o: DescribeTransactionsResponseTransactionState, v: number): void {
  const flex = true;
  w.int16(o.errorCode);
  w.compactString(o.transactionalId);
  w.compactString(o.transactionState);
  w.int32(o.transactionTimeoutMs);
  w.int64(o.transactionStartTimeMs);
  w.int64(o.producerId);
  w.int16(o.producerEpoch);
  writeArray(w, v, true, o.topics, writeDescribeTransactionsResponseTopicData);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface DescribeTransactionsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0. */
  throttleTimeMs: number;
  /** Versions 0. */
  transactionStates: DescribeTransactionsResponseTransactionState[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeTransactionsResponse(): DescribeTransactionsResponse {
  return {
    throttleTimeMs: 0,
    transactionStates: [],
  };
}

export function readDescribeTransactionsResponse(r: Reader, v: number): DescribeTransactionsResponse {
  const flex = true;
  const throttleTimeMs = r.int32();
  const transactionStates = readArray(r, v, true, false, 27, readDescribeTransactionsResponseTransactionState);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: DescribeTransactionsResponse = {
    throttleTimeMs,
    transactionStates,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeDescribeTransactionsResponse(w: Writer, o: DescribeTransactionsResponse, v: number): void {
  const flex = true;
  w.int32(o.throttleTimeMs);
  writeArray(w, v, true, o.transactionStates, writeDescribeTransactionsResponseTransactionState);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
