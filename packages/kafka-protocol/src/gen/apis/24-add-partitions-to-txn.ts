// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// AddPartitionsToTxn (API key 24): stable versions 0-5, flexible from 3.

import { type Reader, type TaggedField, type Writer, notInVersion, readArray, readElement_int32, writeArray, writeElement_int32 } from "../../codec/runtime.js";

export interface AddPartitionsToTxnRequestAddPartitionsToTxnTopic {
  /** The name of the topic. Versions 0-5; map key; entity: topicName. */
  name: string;
  /** The partition indexes to add to the transaction Versions 0-5. */
  partitions: number[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAddPartitionsToTxnRequestAddPartitionsToTxnTopic(): AddPartitionsToTxnRequestAddPartitionsToTxnTopic {
  return {
    name: "",
    partitions: [],
  };
}

export function readAddPartitionsToTxnRequestAddPartitionsToTxnTopic(r: Reader, v: number): AddPartitionsToTxnRequestAddPartitionsToTxnTopic {
  const flex = v >= 3;
  const name = (v >= 3 ? r.compactString() : r.string());
  const partitions = readArray(r, v, v >= 3, false, 4, readElement_int32);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AddPartitionsToTxnRequestAddPartitionsToTxnTopic = {
    name,
    partitions,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAddPartitionsToTxnRequestAddPartitionsToTxnTopic(w: Writer, o: AddPartitionsToTxnRequestAddPartitionsToTxnTopic, v: number): void {
  const flex = v >= 3;
  if (v >= 3) w.compactString(o.name); else w.string(o.name);
  writeArray(w, v, v >= 3, o.partitions, writeElement_int32);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AddPartitionsToTxnRequestAddPartitionsToTxnTransaction {
  /** The transactional id corresponding to the transaction. Versions 4-5; map key; entity: transactionalId. */
  transactionalId: string;
  /** Current producer id in use by the transactional id. Versions 4-5; entity: producerId. */
  producerId: bigint;
  /** Current epoch associated with the producer id. Versions 4-5. */
  producerEpoch: number;
  /** Boolean to signify if we want to check if the partition is in the transaction rather than add it. Versions 4-5. */
  verifyOnly: boolean;
  /** The partitions to add to the transaction. Versions 4-5. */
  topics: AddPartitionsToTxnRequestAddPartitionsToTxnTopic[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAddPartitionsToTxnRequestAddPartitionsToTxnTransaction(): AddPartitionsToTxnRequestAddPartitionsToTxnTransaction {
  return {
    transactionalId: "",
    producerId: 0n,
    producerEpoch: 0,
    verifyOnly: false,
    topics: [],
  };
}

export function readAddPartitionsToTxnRequestAddPartitionsToTxnTransaction(r: Reader, v: number): AddPartitionsToTxnRequestAddPartitionsToTxnTransaction {
  const flex = v >= 3;
  const transactionalId = (v >= 4 ? r.compactString() : "");
  const producerId = (v >= 4 ? r.int64() : 0n);
  const producerEpoch = (v >= 4 ? r.int16() : 0);
  const verifyOnly = (v >= 4 ? r.bool() : false);
  const topics = (v >= 4 ? readArray(r, v, true, false, 2, readAddPartitionsToTxnRequestAddPartitionsToTxnTopic) : []);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AddPartitionsToTxnRequestAddPartitionsToTxnTransaction = {
    transactionalId,
    producerId,
    producerEpoch,
    verifyOnly,
    topics,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAddPartitionsToTxnRequestAddPartitionsToTxnTransaction(w: Writer, o: AddPartitionsToTxnRequestAddPartitionsToTxnTransaction, v: number): void {
  const flex = v >= 3;
  if (v >= 4) {
    w.compactString(o.transactionalId);
  } else if (!(v >= 4) && o.transactionalId !== "") {
    throw notInVersion("AddPartitionsToTxnRequestAddPartitionsToTxnTransaction.transactionalId", v);
  }
  if (v >= 4) {
    w.int64(o.producerId);
  } else if (!(v >= 4) && o.producerId !== 0n) {
    throw notInVersion("AddPartitionsToTxnRequestAddPartitionsToTxnTransaction.producerId", v);
  }
  if (v >= 4) {
    w.int16(o.producerEpoch);
  } else if (!(v >= 4) && o.producerEpoch !== 0) {
    throw notInVersion("AddPartitionsToTxnRequestAddPartitionsToTxnTransaction.producerEpoch", v);
  }
  if (v >= 4) {
    w.bool(o.verifyOnly);
  } else if (!(v >= 4) && o.verifyOnly !== false) {
    throw notInVersion("AddPartitionsToTxnRequestAddPartitionsToTxnTransaction.verifyOnly", v);
  }
  if (v >= 4) {
    writeArray(w, v, true, o.topics, writeAddPartitionsToTxnRequestAddPartitionsToTxnTopic);
  } else if (!(v >= 4) && o.topics !== null && o.topics.length > 0) {
    throw notInVersion("AddPartitionsToTxnRequestAddPartitionsToTxnTransaction.topics", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AddPartitionsToTxnRequest {
  /** List of transactions to add partitions to. Versions 4-5. */
  transactions: AddPartitionsToTxnRequestAddPartitionsToTxnTransaction[];
  /** The transactional id corresponding to the transaction. Versions 0-3; entity: transactionalId. */
  v3AndBelowTransactionalId: string;
  /** Current producer id in use by the transactional id. Versions 0-3; entity: producerId. */
  v3AndBelowProducerId: bigint;
  /** Current epoch associated with the producer id. Versions 0-3. */
  v3AndBelowProducerEpoch: number;
  /** The partitions to add to the transaction. Versions 0-3. */
  v3AndBelowTopics: AddPartitionsToTxnRequestAddPartitionsToTxnTopic[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAddPartitionsToTxnRequest(): AddPartitionsToTxnRequest {
  return {
    transactions: [],
    v3AndBelowTransactionalId: "",
    v3AndBelowProducerId: 0n,
    v3AndBelowProducerEpoch: 0,
    v3AndBelowTopics: [],
  };
}

export function readAddPartitionsToTxnRequest(r: Reader, v: number): AddPartitionsToTxnRequest {
  const flex = v >= 3;
  const transactions = (v >= 4 ? readArray(r, v, true, false, 13, readAddPartitionsToTxnRequestAddPartitionsToTxnTransaction) : []);
  const v3AndBelowTransactionalId = (v <= 3 ? (v === 3 ? r.compactString() : r.string()) : "");
  const v3AndBelowProducerId = (v <= 3 ? r.int64() : 0n);
  const v3AndBelowProducerEpoch = (v <= 3 ? r.int16() : 0);
  const v3AndBelowTopics = (v <= 3 ? readArray(r, v, v === 3, false, 2, readAddPartitionsToTxnRequestAddPartitionsToTxnTopic) : []);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AddPartitionsToTxnRequest = {
    transactions,
    v3AndBelowTransactionalId,
    v3AndBelowProducerId,
    v3AndBelowProducerEpoch,
    v3AndBelowTopics,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAddPartitionsToTxnRequest(w: Writer, o: AddPartitionsToTxnRequest, v: number): void {
  const flex = v >= 3;
  if (v >= 4) {
    writeArray(w, v, true, o.transactions, writeAddPartitionsToTxnRequestAddPartitionsToTxnTransaction);
  } else if (!(v >= 4) && o.transactions !== null && o.transactions.length > 0) {
    throw notInVersion("AddPartitionsToTxnRequest.transactions", v);
  }
  if (v <= 3) {
    if (v === 3) w.compactString(o.v3AndBelowTransactionalId); else w.string(o.v3AndBelowTransactionalId);
  } else if (!(v <= 3) && o.v3AndBelowTransactionalId !== "") {
    throw notInVersion("AddPartitionsToTxnRequest.v3AndBelowTransactionalId", v);
  }
  if (v <= 3) {
    w.int64(o.v3AndBelowProducerId);
  } else if (!(v <= 3) && o.v3AndBelowProducerId !== 0n) {
    throw notInVersion("AddPartitionsToTxnRequest.v3AndBelowProducerId", v);
  }
  if (v <= 3) {
    w.int16(o.v3AndBelowProducerEpoch);
  } else if (!(v <= 3) && o.v3AndBelowProducerEpoch !== 0) {
    throw notInVersion("AddPartitionsToTxnRequest.v3AndBelowProducerEpoch", v);
  }
  if (v <= 3) {
    writeArray(w, v, v === 3, o.v3AndBelowTopics, writeAddPartitionsToTxnRequestAddPartitionsToTxnTopic);
  } else if (!(v <= 3) && o.v3AndBelowTopics !== null && o.v3AndBelowTopics.length > 0) {
    throw notInVersion("AddPartitionsToTxnRequest.v3AndBelowTopics", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult {
  /** The partition indexes. Versions 0-5; map key. */
  partitionIndex: number;
  /** The response error code. Versions 0-5. */
  partitionErrorCode: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult(): AddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult {
  return {
    partitionIndex: 0,
    partitionErrorCode: 0,
  };
}

export function readAddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult(r: Reader, v: number): AddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult {
  const flex = v >= 3;
  const partitionIndex = r.int32();
  const partitionErrorCode = r.int16();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult = {
    partitionIndex,
    partitionErrorCode,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult(w: Writer, o: AddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult, v: number): void {
  const flex = v >= 3;
  w.int32(o.partitionIndex);
  w.int16(o.partitionErrorCode);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult {
  /** The topic name. Versions 0-5; map key; entity: topicName. */
  name: string;
  /** The results for each partition Versions 0-5. */
  resultsByPartition: AddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAddPartitionsToTxnResponseAddPartitionsToTxnTopicResult(): AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult {
  return {
    name: "",
    resultsByPartition: [],
  };
}

export function readAddPartitionsToTxnResponseAddPartitionsToTxnTopicResult(r: Reader, v: number): AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult {
  const flex = v >= 3;
  const name = (v >= 3 ? r.compactString() : r.string());
  const resultsByPartition = readArray(r, v, v >= 3, false, 6, readAddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult = {
    name,
    resultsByPartition,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAddPartitionsToTxnResponseAddPartitionsToTxnTopicResult(w: Writer, o: AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult, v: number): void {
  const flex = v >= 3;
  if (v >= 3) w.compactString(o.name); else w.string(o.name);
  writeArray(w, v, v >= 3, o.resultsByPartition, writeAddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AddPartitionsToTxnResponseAddPartitionsToTxnResult {
  /** The transactional id corresponding to the transaction. Versions 4-5; map key; entity: transactionalId. */
  transactionalId: string;
  /** The results for each topic. Versions 4-5. */
  topicResults: AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAddPartitionsToTxnResponseAddPartitionsToTxnResult(): AddPartitionsToTxnResponseAddPartitionsToTxnResult {
  return {
    transactionalId: "",
    topicResults: [],
  };
}

export function readAddPartitionsToTxnResponseAddPartitionsToTxnResult(r: Reader, v: number): AddPartitionsToTxnResponseAddPartitionsToTxnResult {
  const flex = v >= 3;
  const transactionalId = (v >= 4 ? r.compactString() : "");
  const topicResults = (v >= 4 ? readArray(r, v, true, false, 2, readAddPartitionsToTxnResponseAddPartitionsToTxnTopicResult) : []);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AddPartitionsToTxnResponseAddPartitionsToTxnResult = {
    transactionalId,
    topicResults,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAddPartitionsToTxnResponseAddPartitionsToTxnResult(w: Writer, o: AddPartitionsToTxnResponseAddPartitionsToTxnResult, v: number): void {
  const flex = v >= 3;
  if (v >= 4) {
    w.compactString(o.transactionalId);
  } else if (!(v >= 4) && o.transactionalId !== "") {
    throw notInVersion("AddPartitionsToTxnResponseAddPartitionsToTxnResult.transactionalId", v);
  }
  if (v >= 4) {
    writeArray(w, v, true, o.topicResults, writeAddPartitionsToTxnResponseAddPartitionsToTxnTopicResult);
  } else if (!(v >= 4) && o.topicResults !== null && o.topicResults.length > 0) {
    throw notInVersion("AddPartitionsToTxnResponseAddPartitionsToTxnResult.topicResults", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface AddPartitionsToTxnResponse {
  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-5. */
  throttleTimeMs: number;
  /** The response top level error code. Versions 4-5. */
  errorCode: number;
  /** Results categorized by transactional ID. Versions 4-5. */
  resultsByTransaction: AddPartitionsToTxnResponseAddPartitionsToTxnResult[];
  /** The results for each topic. Versions 0-3. */
  resultsByTopicV3AndBelow: AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAddPartitionsToTxnResponse(): AddPartitionsToTxnResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    resultsByTransaction: [],
    resultsByTopicV3AndBelow: [],
  };
}

export function readAddPartitionsToTxnResponse(r: Reader, v: number): AddPartitionsToTxnResponse {
  const flex = v >= 3;
  const throttleTimeMs = r.int32();
  const errorCode = (v >= 4 ? r.int16() : 0);
  const resultsByTransaction = (v >= 4 ? readArray(r, v, true, false, 2, readAddPartitionsToTxnResponseAddPartitionsToTxnResult) : []);
  const resultsByTopicV3AndBelow = (v <= 3 ? readArray(r, v, v === 3, false, 2, readAddPartitionsToTxnResponseAddPartitionsToTxnTopicResult) : []);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: AddPartitionsToTxnResponse = {
    throttleTimeMs,
    errorCode,
    resultsByTransaction,
    resultsByTopicV3AndBelow,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeAddPartitionsToTxnResponse(w: Writer, o: AddPartitionsToTxnResponse, v: number): void {
  const flex = v >= 3;
  w.int32(o.throttleTimeMs);
  if (v >= 4) {
    w.int16(o.errorCode);
  }
  if (v >= 4) {
    writeArray(w, v, true, o.resultsByTransaction, writeAddPartitionsToTxnResponseAddPartitionsToTxnResult);
  } else if (!(v >= 4) && o.resultsByTransaction !== null && o.resultsByTransaction.length > 0) {
    throw notInVersion("AddPartitionsToTxnResponse.resultsByTransaction", v);
  }
  if (v <= 3) {
    writeArray(w, v, v === 3, o.resultsByTopicV3AndBelow, writeAddPartitionsToTxnResponseAddPartitionsToTxnTopicResult);
  } else if (!(v <= 3) && o.resultsByTopicV3AndBelow !== null && o.resultsByTopicV3AndBelow.length > 0) {
    throw notInVersion("AddPartitionsToTxnResponse.resultsByTopicV3AndBelow", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
