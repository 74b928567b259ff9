/**
 * The controller backend: applies committed metadata batches to the image.
 *
 * Every voter (and every watcher) calls `apply` for every committed batch in log order, so
 * it must be deterministic: the result depends on the image and the batch only, never on
 * time, randomness or iteration order of anything but the records. It checks every record
 * against the image and throws `InvariantError` on a record that breaks an invariant: the
 * frontend only writes valid records, so such a record means a bug or a corrupt log, and
 * replaying it would make this voter diverge.
 *
 * Records of a type this version does not know (`record.case === undefined`) are skipped and
 * kept in the image, so a snapshot written here still carries them.
 *
 * The image is immutable: `apply` copies each map it changes once per batch and returns a new
 * image; a batch that throws leaves the previous image untouched (a batch applies wholly or
 * not at all).
 */
import {
  type AclRecord,
  type ApiKeyRecord,
  type BrokerControlledShutdownRecord,
  type BrokerFencedRecord,
  type BrokerUnfencedRecord,
  type ConfigRecord,
  ConfigResourceType,
  type LogicalClusterRecord,
  type MetadataBatch,
  type MetadataRecord,
  type PartitionChangeRecord,
  type PartitionRecord,
  type ProducerIdsRecord,
  type RegisterBrokerRecord,
  type RemoveAclRecord,
  type RemoveApiKeyRecord,
  type RemoveLogicalClusterRecord,
  type RemoveScramCredentialRecord,
  type RemoveTopicRecord,
  type ScramCredentialRecord,
  type TenantQuotaRecord,
  type TopicRecord,
  type UnregisterBrokerRecord,
} from "@runnel/rpc";
import { isLogicalClusterId, Namespace } from "@runnel/tenant";
import { invariant } from "./errors.js";
import {
  type AclImage,
  type ApiKeyImage,
  type BrokerImage,
  type ConfigMap,
  isZeroId,
  type LogicalClusterImage,
  type MetadataImage,
  NO_LEADER,
  type PartitionImage,
  type ProducerIdBlockOwner,
  type ScramCredentialImage,
  scramLoginName,
  type TopicImage,
  type TopicKey,
  topicKey,
} from "./image.js";

/**
 * Applies one committed batch (possibly empty, e.g. a Raft leader-change entry) at `offset`,
 * appended in `epoch`. Offsets must increase from batch to batch.
 */
export function apply(
  image: MetadataImage,
  batch: MetadataBatch | readonly MetadataRecord[],
  offset: bigint,
  epoch: number,
): MetadataImage {
  invariant(
    offset > image.lastOffset,
    () => `batch at offset ${offset} applied after offset ${image.lastOffset}`,
  );
  invariant(epoch >= image.lastEpoch, () => `batch of epoch ${epoch} applied after epoch ${image.lastEpoch}`);
  const records = "records" in batch ? batch.records : batch;
  const draft = new Draft(image);
  for (const record of records) applyRecord(draft, record);
  return draft.finish(offset, epoch);
}

/** Applies records to an image without moving its offset; the snapshot loader uses it. */
export function applyRecords(image: MetadataImage, records: readonly MetadataRecord[]): MetadataImage {
  const draft = new Draft(image);
  for (const record of records) applyRecord(draft, record);
  return draft.finish(image.lastOffset, image.lastEpoch);
}

function applyRecord(d: Draft, record: MetadataRecord): void {
  const r = record.record;
  switch (r.case) {
    case "registerBroker":
      registerBroker(d, r.value);
      return;
    case "unregisterBroker":
      unregisterBroker(d, r.value);
      return;
    case "brokerFenced":
      setBrokerFenced(d, r.value, true);
      return;
    case "brokerUnfenced":
      setBrokerFenced(d, r.value, false);
      return;
    case "brokerControlledShutdown":
      controlledShutdown(d, r.value);
      return;
    case "topic":
      addTopic(d, r.value);
      return;
    case "removeTopic":
      removeTopic(d, r.value);
      return;
    case "partition":
      setPartition(d, r.value);
      return;
    case "partitionChange":
      changePartition(d, r.value);
      return;
    case "config":
      setConfig(d, r.value);
      return;
    case "producerIds":
      producerIds(d, r.value);
      return;
    case "logicalCluster":
      setLogicalCluster(d, r.value);
      return;
    case "removeLogicalCluster":
      removeLogicalCluster(d, r.value);
      return;
    case "apiKey":
      setApiKey(d, r.value);
      return;
    case "removeApiKey":
      removeApiKey(d, r.value);
      return;
    case "scramCredential":
      setScramCredential(d, r.value);
      return;
    case "removeScramCredential":
      removeScramCredential(d, r.value);
      return;
    case "acl":
      addAcl(d, r.value);
      return;
    case "removeAcl":
      removeAcl(d, r.value);
      return;
    case "tenantQuota":
      setTenantQuota(d, r.value);
      return;
    case undefined:
      d.unknown().push(record);
      return;
    default: {
      const unreachable: never = r;
      throw new Error(`unhandled record ${(unreachable as { case: string }).case}`);
    }
  }
}

function registerBroker(d: Draft, r: RegisterBrokerRecord): void {
  const previous = d.image.brokers.get(r.brokerId);
  invariant(r.brokerId >= 0, () => `broker id ${r.brokerId} is negative`);
  invariant(
    previous === undefined || r.brokerEpoch > previous.epoch,
    () => `broker ${r.brokerId} registered with epoch ${r.brokerEpoch}, not above ${previous?.epoch}`,
  );
  invariant(r.incarnationId.length === 16, () => `broker ${r.brokerId}: incarnation id is not 16 bytes`);
  d.brokers().set(r.brokerId, {
    id: r.brokerId,
    epoch: r.brokerEpoch,
    incarnationId: r.incarnationId,
    zone: r.zone,
    cell: r.cell,
    endpoints: r.endpoints,
    fenced: r.fenced,
    inControlledShutdown: false,
  });
}

function brokerAt(d: Draft, brokerId: number, brokerEpoch: bigint, what: string): BrokerImage {
  const broker = d.image.brokers.get(brokerId);
  invariant(broker !== undefined, () => `${what}: broker ${brokerId} is not registered`);
  invariant(
    broker.epoch === brokerEpoch,
    () => `${what}: broker ${brokerId} has epoch ${broker.epoch}, not ${brokerEpoch}`,
  );
  return broker;
}

function unregisterBroker(d: Draft, r: UnregisterBrokerRecord): void {
  brokerAt(d, r.brokerId, r.brokerEpoch, "unregister");
  d.brokers().delete(r.brokerId);
}

function setBrokerFenced(d: Draft, r: BrokerFencedRecord | BrokerUnfencedRecord, fenced: boolean): void {
  const broker = brokerAt(d, r.brokerId, r.brokerEpoch, fenced ? "fence" : "unfence");
  invariant(
    broker.fenced !== fenced,
    () => `broker ${r.brokerId} is already ${fenced ? "fenced" : "unfenced"}`,
  );
  invariant(
    fenced || !broker.inControlledShutdown,
    () => `broker ${r.brokerId} is in controlled shutdown and cannot be unfenced`,
  );
  d.brokers().set(r.brokerId, { ...broker, fenced });
}

function controlledShutdown(d: Draft, r: BrokerControlledShutdownRecord): void {
  const broker = brokerAt(d, r.brokerId, r.brokerEpoch, "controlled shutdown");
  invariant(!broker.inControlledShutdown, () => `broker ${r.brokerId} is already in controlled shutdown`);
  d.brokers().set(r.brokerId, { ...broker, inControlledShutdown: true });
}

function addTopic(d: Draft, r: TopicRecord): void {
  invariant(r.topicId.length === 16 && !isZeroId(r.topicId), () => `topic ${r.name}: invalid topic id`);
  const key = topicKey(r.topicId);
  invariant(!d.image.topics.has(key), () => `topic id ${key} is already in use`);
  invariant(!d.image.topicKeysByName.has(r.name), () => `topic ${r.name} already exists`);
  invariant(r.name.length > 0, () => "topic name is empty");
  d.topics().set(key, { id: r.topicId, key, name: r.name, partitions: [] });
  d.topicKeysByName().set(r.name, key);
}

function topicOf(d: Draft, topicId: Uint8Array, what: string): TopicImage {
  const topic = topicId.length === 16 ? d.image.topics.get(topicKey(topicId)) : undefined;
  invariant(topic !== undefined, () => `${what}: unknown topic id`);
  return topic;
}

function removeTopic(d: Draft, r: RemoveTopicRecord): void {
  const topic = topicOf(d, r.topicId, "remove topic");
  d.topics().delete(topic.key);
  d.topicKeysByName().delete(topic.name);
  if (d.image.topicConfigs.has(topic.name)) d.topicConfigs().delete(topic.name);
}

function checkPartition(where: string, p: PartitionImage): void {
  invariant(p.replicas.length > 0, () => `${where}: no replicas`);
  invariant(new Set(p.replicas).size === p.replicas.length, () => `${where}: duplicate replicas`);
  invariant(p.isr.length > 0, () => `${where}: empty ISR`);
  invariant(new Set(p.isr).size === p.isr.length, () => `${where}: duplicate ISR members`);
  invariant(
    p.isr.every((b) => p.replicas.includes(b)),
    () => `${where}: ISR [${p.isr}] is not a subset of replicas [${p.replicas}]`,
  );
  invariant(
    p.leader === NO_LEADER || p.isr.includes(p.leader),
    () => `${where}: leader ${p.leader} is not in ISR [${p.isr}]`,
  );
  invariant(p.leaderEpoch >= 0 && p.partitionEpoch >= 0, () => `${where}: negative epoch`);
}

function setPartition(d: Draft, r: PartitionRecord): void {
  const topic = topicOf(d, r.topicId, "partition");
  const where = `partition ${topic.name}-${r.partition}`;
  invariant(
    r.partition >= 0 && r.partition <= topic.partitions.length,
    () => `${where}: the topic has ${topic.partitions.length} partitions; indexes must be contiguous`,
  );
  const next: PartitionImage = {
    replicas: r.replicas,
    isr: r.isr,
    leader: r.leader,
    leaderEpoch: r.leaderEpoch,
    partitionEpoch: r.partitionEpoch,
  };
  checkPartition(where, next);
  const previous = topic.partitions[r.partition];
  if (previous !== undefined) {
    invariant(
      next.partitionEpoch > previous.partitionEpoch,
      () => `${where}: partition epoch does not increase`,
    );
    invariant(next.leaderEpoch >= previous.leaderEpoch, () => `${where}: leader epoch decreases`);
  }
  d.setPartition(topic, r.partition, next);
}

function changePartition(d: Draft, r: PartitionChangeRecord): void {
  const topic = topicOf(d, r.topicId, "partition change");
  const where = `partition change ${topic.name}-${r.partition}`;
  const previous = topic.partitions[r.partition];
  invariant(previous !== undefined, () => `${where}: unknown partition`);
  invariant(
    r.partitionEpoch > previous.partitionEpoch,
    () => `${where}: partition epoch ${r.partitionEpoch} is not above ${previous.partitionEpoch}`,
  );
  invariant(
    r.leader === undefined || r.leaderEpoch !== undefined,
    () => `${where}: leader set without leader epoch`,
  );
  invariant(
    r.leaderEpoch === undefined || r.leaderEpoch > previous.leaderEpoch,
    () => `${where}: leader epoch ${r.leaderEpoch} is not above ${previous.leaderEpoch}`,
  );
  const next: PartitionImage = {
    replicas: r.replicas?.brokerIds ?? previous.replicas,
    isr: r.isr?.brokerIds ?? previous.isr,
    leader: r.leader ?? previous.leader,
    leaderEpoch: r.leaderEpoch ?? previous.leaderEpoch,
    partitionEpoch: r.partitionEpoch,
  };
  checkPartition(where, next);
  d.setPartition(topic, r.partition, next);
}

function setConfig(d: Draft, r: ConfigRecord): void {
  let configs: Map<string, ConfigMap>;
  if (r.resourceType === ConfigResourceType.TOPIC) {
    invariant(d.image.topicKeysByName.has(r.resourceName), () => `config of unknown topic ${r.resourceName}`);
    configs = d.topicConfigs();
  } else {
    invariant(
      r.resourceType === ConfigResourceType.BROKER,
      () => `config of unknown resource type ${r.resourceType}`,
    );
    invariant(
      r.resourceName === "" || /^(0|[1-9][0-9]*)$/.test(r.resourceName),
      () => `broker config resource "${r.resourceName}" is not a broker id`,
    );
    configs = d.brokerConfigs();
  }
  invariant(r.key.length > 0, () => "config key is empty");
  const entries = new Map(configs.get(r.resourceName));
  if (r.value === undefined) entries.delete(r.key);
  else entries.set(r.key, r.value);
  if (entries.size === 0) configs.delete(r.resourceName);
  else configs.set(r.resourceName, entries);
}

function producerIds(d: Draft, r: ProducerIdsRecord): void {
  invariant(
    r.nextProducerId > d.nextProducerId,
    () => `next producer id ${r.nextProducerId} is not above ${d.nextProducerId}`,
  );
  d.nextProducerId = r.nextProducerId;
  d.lastProducerIdBlock = { brokerId: r.brokerId, brokerEpoch: r.brokerEpoch };
}

function logicalClusterOf(d: Draft, id: string, what: string): LogicalClusterImage {
  const cluster = d.image.logicalClusters.get(id);
  invariant(cluster !== undefined, () => `${what}: unknown logical cluster ${id}`);
  return cluster;
}

function setLogicalCluster(d: Draft, r: LogicalClusterRecord): void {
  invariant(isLogicalClusterId(r.id), () => `logical cluster id "${r.id}" is malformed`);
  d.logicalClusters().set(r.id, { id: r.id, name: r.name, cell: r.cell, createdMs: r.createdMs });
}

/** A logical cluster goes only once the records before it in its batch removed all it owned. */
function removeLogicalCluster(d: Draft, r: RemoveLogicalClusterRecord): void {
  logicalClusterOf(d, r.id, "remove logical cluster");
  const ns = new Namespace(r.id);
  const left = [
    [...d.image.topicKeysByName.keys()].some((name) => ns.owns(name)) && "topics",
    [...d.image.apiKeys.values()].some((k) => k.logicalClusterId === r.id) && "API keys",
    [...d.image.scramCredentials.keys()].some((name) => ns.owns(name)) && "SCRAM credentials",
    d.image.acls.has(r.id) && "ACLs",
    d.image.tenantQuotas.has(r.id) && "quotas",
  ].filter((what) => what !== false);
  invariant(left.length === 0, () => `logical cluster ${r.id} removed while it still has ${left.join(", ")}`);
  d.logicalClusters().delete(r.id);
}

function setApiKey(d: Draft, r: ApiKeyRecord): void {
  logicalClusterOf(d, r.logicalClusterId, `API key ${r.key}`);
  const previous = d.image.apiKeys.get(r.key);
  invariant(
    previous === undefined || previous.logicalClusterId === r.logicalClusterId,
    () => `API key ${r.key} moved to another logical cluster`,
  );
  invariant(
    r.key.length > 0 && r.hash.length > 0 && r.salt.length > 0,
    () => `API key ${r.key} is incomplete`,
  );
  d.apiKeys().set(r.key, {
    key: r.key,
    logicalClusterId: r.logicalClusterId,
    salt: r.salt,
    hash: r.hash,
    principal: r.principal,
    admin: r.admin,
    description: r.description,
    createdMs: r.createdMs,
  });
}

function removeApiKey(d: Draft, r: RemoveApiKeyRecord): void {
  invariant(d.image.apiKeys.has(r.key), () => `removal of unknown API key ${r.key}`);
  d.apiKeys().delete(r.key);
}

function setScramCredential(d: Draft, r: ScramCredentialRecord): void {
  logicalClusterOf(d, r.logicalClusterId, `SCRAM credential of ${r.user}`);
  invariant(r.user.length > 0, () => "SCRAM credential of an empty user name");
  invariant(
    r.mechanism === "SCRAM-SHA-256" || r.mechanism === "SCRAM-SHA-512",
    () => `SCRAM credential with mechanism ${r.mechanism}`,
  );
  const login = scramLoginName(r.logicalClusterId, r.user);
  const mechanisms = new Map(d.image.scramCredentials.get(login));
  mechanisms.set(r.mechanism, {
    logicalClusterId: r.logicalClusterId,
    user: r.user,
    mechanism: r.mechanism,
    salt: r.salt,
    iterations: r.iterations,
    storedKey: r.storedKey,
    serverKey: r.serverKey,
  });
  d.scramCredentials().set(login, mechanisms);
}

function removeScramCredential(d: Draft, r: RemoveScramCredentialRecord): void {
  const login = scramLoginName(r.logicalClusterId, r.user);
  const mechanisms = new Map(d.image.scramCredentials.get(login));
  invariant(
    mechanisms.has(r.mechanism),
    () => `removal of unknown SCRAM credential ${r.mechanism} of ${login}`,
  );
  mechanisms.delete(r.mechanism);
  if (mechanisms.size === 0) d.scramCredentials().delete(login);
  else d.scramCredentials().set(login, mechanisms);
}

function addAcl(d: Draft, r: AclRecord): void {
  logicalClusterOf(d, r.logicalClusterId, "ACL");
  invariant(r.id.length === 16, () => "ACL id is not 16 bytes");
  const key = Buffer.from(r.id).toString("base64url");
  const bindings = new Map(d.image.acls.get(r.logicalClusterId));
  invariant(!bindings.has(key), () => `ACL id ${key} is already in use`);
  bindings.set(key, {
    id: r.id,
    key,
    logicalClusterId: r.logicalClusterId,
    resourceType: r.resourceType,
    resourceName: r.resourceName,
    patternType: r.patternType,
    principal: r.principal,
    host: r.host,
    operation: r.operation,
    permissionType: r.permissionType,
  });
  d.acls().set(r.logicalClusterId, bindings);
}

function removeAcl(d: Draft, r: RemoveAclRecord): void {
  const key = r.id.length === 16 ? Buffer.from(r.id).toString("base64url") : "";
  for (const [cluster, bindings] of d.image.acls) {
    if (!bindings.has(key)) continue;
    const rest = new Map(bindings);
    rest.delete(key);
    if (rest.size === 0) d.acls().delete(cluster);
    else d.acls().set(cluster, rest);
    return;
  }
  invariant(false, () => `removal of unknown ACL ${key}`);
}

function setTenantQuota(d: Draft, r: TenantQuotaRecord): void {
  logicalClusterOf(d, r.logicalClusterId, `quota ${r.key}`);
  invariant(r.key.length > 0, () => "quota key is empty");
  const quotas = new Map(d.image.tenantQuotas.get(r.logicalClusterId));
  if (r.value === undefined) quotas.delete(r.key);
  else quotas.set(r.key, r.value);
  if (quotas.size === 0) d.tenantQuotas().delete(r.logicalClusterId);
  else d.tenantQuotas().set(r.logicalClusterId, quotas);
}

/** A copy-on-write view of an image: each map is copied on its first change only. */
class Draft {
  nextProducerId: bigint;
  lastProducerIdBlock: ProducerIdBlockOwner | undefined;
  private brokerMap: Map<number, BrokerImage> | undefined;
  private topicMap: Map<TopicKey, TopicImage> | undefined;
  private nameMap: Map<string, TopicKey> | undefined;
  private topicConfigMap: Map<string, ConfigMap> | undefined;
  private brokerConfigMap: Map<string, ConfigMap> | undefined;
  private unknownList: MetadataRecord[] | undefined;
  private logicalClusterMap: Map<string, LogicalClusterImage> | undefined;
  private apiKeyMap: Map<string, ApiKeyImage> | undefined;
  private scramMap: Map<string, ReadonlyMap<string, ScramCredentialImage>> | undefined;
  private aclMap: Map<string, ReadonlyMap<string, AclImage>> | undefined;
  private quotaMap: Map<string, ReadonlyMap<string, number>> | undefined;
  /** Topics whose partition array was copied in this batch. */
  private readonly ownPartitions = new Map<TopicKey, PartitionImage[]>();
  /** The image as changed so far; reads go through it. */
  image: MetadataImage;

  constructor(private readonly base: MetadataImage) {
    this.image = base;
    this.nextProducerId = base.nextProducerId;
    this.lastProducerIdBlock = base.lastProducerIdBlock;
  }

  brokers(): Map<number, BrokerImage> {
    this.brokerMap ??= new Map(this.base.brokers);
    this.image = { ...this.image, brokers: this.brokerMap };
    return this.brokerMap;
  }

  topics(): Map<TopicKey, TopicImage> {
    this.topicMap ??= new Map(this.base.topics);
    this.image = { ...this.image, topics: this.topicMap };
    return this.topicMap;
  }

  topicKeysByName(): Map<string, TopicKey> {
    this.nameMap ??= new Map(this.base.topicKeysByName);
    this.image = { ...this.image, topicKeysByName: this.nameMap };
    return this.nameMap;
  }

  topicConfigs(): Map<string, ConfigMap> {
    this.topicConfigMap ??= new Map(this.base.topicConfigs);
    this.image = { ...this.image, topicConfigs: this.topicConfigMap };
    return this.topicConfigMap;
  }

  brokerConfigs(): Map<string, ConfigMap> {
    this.brokerConfigMap ??= new Map(this.base.brokerConfigs);
    this.image = { ...this.image, brokerConfigs: this.brokerConfigMap };
    return this.brokerConfigMap;
  }

  logicalClusters(): Map<string, LogicalClusterImage> {
    this.logicalClusterMap ??= new Map(this.base.logicalClusters);
    this.image = { ...this.image, logicalClusters: this.logicalClusterMap };
    return this.logicalClusterMap;
  }

  apiKeys(): Map<string, ApiKeyImage> {
    this.apiKeyMap ??= new Map(this.base.apiKeys);
    this.image = { ...this.image, apiKeys: this.apiKeyMap };
    return this.apiKeyMap;
  }

  scramCredentials(): Map<string, ReadonlyMap<string, ScramCredentialImage>> {
    this.scramMap ??= new Map(this.base.scramCredentials);
    this.image = { ...this.image, scramCredentials: this.scramMap };
    return this.scramMap;
  }

  acls(): Map<string, ReadonlyMap<string, AclImage>> {
    this.aclMap ??= new Map(this.base.acls);
    this.image = { ...this.image, acls: this.aclMap };
    return this.aclMap;
  }

  tenantQuotas(): Map<string, ReadonlyMap<string, number>> {
    this.quotaMap ??= new Map(this.base.tenantQuotas);
    this.image = { ...this.image, tenantQuotas: this.quotaMap };
    return this.quotaMap;
  }

  unknown(): MetadataRecord[] {
    this.unknownList ??= [...this.base.unknownRecords];
    this.image = { ...this.image, unknownRecords: this.unknownList };
    return this.unknownList;
  }

  setPartition(topic: TopicImage, index: number, partition: PartitionImage): void {
    let partitions = this.ownPartitions.get(topic.key);
    if (partitions === undefined) {
      partitions = [...topic.partitions];
      this.ownPartitions.set(topic.key, partitions);
    }
    partitions[index] = partition;
    this.topics().set(topic.key, { ...topic, partitions });
  }

  finish(lastOffset: bigint, lastEpoch: number): MetadataImage {
    return {
      ...this.image,
      lastOffset,
      lastEpoch,
      nextProducerId: this.nextProducerId,
      lastProducerIdBlock: this.lastProducerIdBlock,
    };
  }
}
