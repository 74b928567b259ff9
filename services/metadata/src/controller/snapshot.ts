/**
 * The image snapshot format: an image written as metadata records, the same records the log
 * holds, so loading a snapshot is replaying it and new record types need no migration.
 *
 * The order is canonical (brokers by id, topics by name with their partitions by index and
 * their configs by key, broker configs by resource and key, the producer-id block, logical clusters by id each
 * with its API keys, SCRAM credentials, ACLs and quotas, then the records of unknown types in the order they were applied), so two voters with the same image
 * write the same bytes however each built its image. Unknown records are written back as they
 * came, unknown fields included.
 *
 * The offset and epoch of the last applied batch are not records: Raft snapshots and watch
 * snapshot chunks carry them next to the records.
 */
import { create, fromBinary, toBinary, toJson } from "@bufbuild/protobuf";
import { BinaryReader, BinaryWriter } from "@bufbuild/protobuf/wire";
import {
  ConfigResourceType,
  type MetadataBatch,
  MetadataBatchSchema,
  type MetadataRecord,
  MetadataRecordSchema,
} from "@runnel/rpc";
import { applyRecords } from "./backend.js";
import { invariant } from "./errors.js";
import { allPartitions, type ConfigMap, emptyImage, type MetadataImage, topicByName } from "./image.js";
import {
  aclRecord,
  apiKeyRecord,
  brokerControlledShutdownRecord,
  configRecord,
  logicalClusterRecord,
  partitionRecord,
  producerIdsRecord,
  registerBrokerRecord,
  scramCredentialRecord,
  tenantQuotaRecord,
  topicRecord,
} from "./records.js";

/** The image as records, in canonical order. */
export function imageToRecords(image: MetadataImage): MetadataRecord[] {
  const records: MetadataRecord[] = [];
  for (const id of [...image.brokers.keys()].sort((a, b) => a - b)) {
    const broker = image.brokers.get(id);
    if (broker === undefined) continue;
    records.push(registerBrokerRecord(broker));
    if (broker.inControlledShutdown) records.push(brokerControlledShutdownRecord(broker.id, broker.epoch));
  }
  let lastTopic: string | undefined;
  for (const { topic, index, partition } of allPartitions(image)) {
    if (topic.name !== lastTopic) {
      records.push(topicRecord(topic.name, topic.id));
      lastTopic = topic.name;
    }
    records.push(partitionRecord(topic.id, index, partition));
  }
  // Topics without partitions do not show up in allPartitions; the backend never creates
  // them, but an image must round-trip whatever it holds.
  for (const name of [...image.topicKeysByName.keys()].sort()) {
    const topic = topicByName(image, name);
    if (topic !== undefined && topic.partitions.length === 0) records.push(topicRecord(topic.name, topic.id));
  }
  pushConfigs(records, ConfigResourceType.TOPIC, image.topicConfigs);
  pushConfigs(records, ConfigResourceType.BROKER, image.brokerConfigs);
  if (image.lastProducerIdBlock !== undefined) {
    const { brokerId, brokerEpoch } = image.lastProducerIdBlock;
    records.push(producerIdsRecord(brokerId, brokerEpoch, image.nextProducerId));
  }
  pushTenants(records, image);
  for (const record of image.unknownRecords) records.push(record);
  return records;
}

function pushConfigs(
  records: MetadataRecord[],
  type: ConfigResourceType,
  configs: ReadonlyMap<string, ConfigMap>,
): void {
  for (const name of [...configs.keys()].sort()) {
    const entries = configs.get(name);
    if (entries === undefined) continue;
    for (const key of [...entries.keys()].sort())
      records.push(configRecord(type, name, key, entries.get(key)));
  }
}

/** Logical clusters by id, each followed by its API keys, SCRAM credentials, ACLs and quotas, each sorted. */
function pushTenants(records: MetadataRecord[], image: MetadataImage): void {
  const byId = <T>(map: ReadonlyMap<string, T>): T[] => [...map.keys()].sort().map((k) => map.get(k) as T);
  for (const cluster of byId(image.logicalClusters)) {
    records.push(logicalClusterRecord(cluster));
    for (const key of byId(image.apiKeys)) {
      if (key.logicalClusterId === cluster.id) records.push(apiKeyRecord(key));
    }
    for (const mechanisms of byId(image.scramCredentials)) {
      for (const credential of byId(mechanisms)) {
        if (credential.logicalClusterId === cluster.id) records.push(scramCredentialRecord(credential));
      }
    }
    for (const acl of byId(image.acls.get(cluster.id) ?? new Map())) records.push(aclRecord(acl));
    const quotas = image.tenantQuotas.get(cluster.id) ?? new Map<string, number>();
    for (const key of [...quotas.keys()].sort())
      records.push(tenantQuotaRecord(cluster.id, key, quotas.get(key)));
  }
}

/** Rebuilds an image from snapshot records, as of the last applied offset and epoch given. */
export function imageFromRecords(
  records: readonly MetadataRecord[],
  lastOffset: bigint,
  lastEpoch: number,
): MetadataImage {
  invariant(lastOffset >= -1n, () => `snapshot offset ${lastOffset} is below -1`);
  return { ...applyRecords(emptyImage(), records), lastOffset, lastEpoch };
}

/** The image as one serialized MetadataBatch (the Raft snapshot payload). */
export function encodeImage(image: MetadataImage): Uint8Array {
  return toBinary(MetadataBatchSchema, create(MetadataBatchSchema, { records: imageToRecords(image) }));
}

export function decodeImage(bytes: Uint8Array, lastOffset: bigint, lastEpoch: number): MetadataImage {
  const batch: MetadataBatch = fromBinary(MetadataBatchSchema, bytes);
  return imageFromRecords(batch.records, lastOffset, lastEpoch);
}

/** Records, each length-delimited (the form of QuorumAdminService.DumpImage). */
export function encodeDelimited(records: readonly MetadataRecord[]): Uint8Array {
  const writer = new BinaryWriter();
  for (const record of records) writer.bytes(toBinary(MetadataRecordSchema, record));
  return writer.finish();
}

export function decodeDelimited(bytes: Uint8Array): MetadataRecord[] {
  const reader = new BinaryReader(bytes);
  const records: MetadataRecord[] = [];
  while (reader.pos < reader.len) records.push(fromBinary(MetadataRecordSchema, reader.bytes()));
  return records;
}

/** The image rendered for people (QuorumAdminService.DumpImage's `json`). */
export function imageToJson(image: MetadataImage): unknown {
  return {
    lastOffset: image.lastOffset.toString(),
    lastEpoch: image.lastEpoch,
    records: imageToRecords(image).map((r) =>
      r.record.case === undefined
        ? { unknownRecord: Buffer.from(toBinary(MetadataRecordSchema, r)).toString("base64") }
        : toJson(MetadataRecordSchema, r),
    ),
  };
}
