// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// ListTransactions (API key 66): stable versions 0-1, flexible from 0.

import { type Reader, type TaggedField, type Writer, notInVersion, readArray, readElementString, readElement_int64, writeArray, writeElementString, writeElement_int64 } from "../../codec/runtime.js";

export interface ListTransactionsRequest {
  /** The transaction states to filter by: if empty, all transactions are returned; if non-empty, then only transactions matching one of the filtered states will be returned Versions 0-1. */
  stateFilters: string[];
  /** The producerIds to filter by: if empty, all transactions will be returned; if non-empty, only transactions which match one of the filtered producerIds will be returned Versions 0-1; entity: producerId. */
  producerIdFilters: bigint[];
  /** Duration (in millis) to filter by: if < 0, all transactions will be returned; otherwise, only transactions running longer than this duration will be returned Versions 1. */
  durationFilter: bigint;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultListTransactionsRequest(): ListTransactionsRequest {
  return {
    stateFilters: [],
    producerIdFilters: [],
    durationFilter: -1n,
  };
}

export function readListTransactionsRequest(r: Reader, v: number): ListTransactionsRequest {
  const flex = true;
  const stateFilters = readArray(r, v, true, false, 1, readElementString);
  const producerIdFilters = readArray(r, v, true, false, 8, readElement_int64);
  const durationFilter = (v === 1 ? r.int64() : -1n);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ListTransactionsRequest = {
    stateFilters,
    producerIdFilters,
    durationFilter,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeListTransactionsRequest(w: Writer, o: ListTransactionsRequest, v: number): void {
  const flex = true;
  writeArray(w, v, true, o.stateFilters, writeElementString);
  writeArray(w, v, true, o.producerIdFilters, writeElement_int64);
  if (v === 1) {
    w.int64(o.durationFilter);
  } else if (!(v === 1) && o.durationFilter !== -1n) {
    throw notInVersion("ListTransactionsRequest.durationFilter", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ListTransactionsResponseTransactionState {
  /** Versions 0-1; entity: transactionalId. */
  transactionalId: string;
  /** Versions 0-1; entity: producerId. */
  producerId: bigint;
  /** The current transaction state of the producer Versions 0-1. */
  transactionState: string;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultListTransactionsResponseTransactionState(): ListTransactionsResponseTransactionState {
  return {
    transactionalId: "",
    producerId: 0n,
    transactionState: "",
  };
}

export function readListTransactionsResponseTransactionState(r: Reader, v: number): ListTransactionsResponseTransactionState {
  const flex = true;
  const transactionalId = r.compactString();
  const producerId = r.int64();
  const transactionState = r.compactString();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ListTransactionsResponseTransactionState = {
    transactionalId,
    producerId,
    transactionState,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeListTransactionsResponseTransactionState(w: Writer, o: ListTransactionsResponseTransactionState, v: number): void {
  const flex = true;
  w.compactString(o.transactionalId);
  w.int64(o.producerId);
  w.compactString(o.transactionState);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ListTransactionsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-1. */
  throttleTimeMs: number;
  /** Versions 0-1. */
  errorCode: number;
  /** Set of state filters provided in the request which were unknown to the transaction coordinator Versions 0-1. */
  unknownStateFilters: string[];
  /** Versions 0-1. */
  transactionStates: ListTransactionsResponseTransactionState[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultListTransactionsResponse(): ListTransactionsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    unknownStateFilters: [],
    transactionStates: [],
  };
}

export function readListTransactionsResponse(r: Reader, v: number): ListTransactionsResponse {
  const flex = true;
  const throttleTimeMs = r.int32();
  const errorCode = r.int16();
  const unknownStateFilters = readArray(r, v, true, false, 1, readElementString);
  const transactionStates = readArray(r, v, true, false, 10, readListTransactionsResponseTransactionState);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ListTransactionsResponse = {
    throttleTimeMs,
    errorCode,
    unknownStateFilters,
    transactionStates,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeListTransactionsResponse(w: Writer, o: ListTransactionsResponse, v: number): void {
  const flex = true;
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  writeArray(w, v, true, o.unknownStateFilters, writeElementString);
  writeArray(w, v, true, o.transactionStates, writeListTransactionsResponseTransactionState);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
