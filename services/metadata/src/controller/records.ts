/**
 * Constructors for metadata records, so the frontend and the snapshot writer build each
 * record type the same way.
 */
import { create } from "@bufbuild/protobuf";
import {
  BrokerIdListSchema,
  type ConfigResourceType,
  type Endpoint,
  EndpointSchema,
  type MetadataRecord,
  MetadataRecordSchema,
} from "@runnel/rpc";
import type {
  AclImage,
  ApiKeyImage,
  BrokerImage,
  LogicalClusterImage,
  PartitionImage,
  ScramCredentialImage,
} from "./image.js";

export function registerBrokerRecord(broker: BrokerImage): MetadataRecord {
  return create(MetadataRecordSchema, {
    record: {
      case: "registerBroker",
      value: {
        brokerId: broker.id,
        brokerEpoch: broker.epoch,
        incarnationId: broker.incarnationId,
        zone: broker.zone,
        cell: broker.cell,
        endpoints: broker.endpoints.map((e: Endpoint) => create(EndpointSchema, e)),
        fenced: broker.fenced,
      },
    },
  });
}

export function unregisterBrokerRecord(brokerId: number, brokerEpoch: bigint): MetadataRecord {
  return create(MetadataRecordSchema, {
    record: { case: "unregisterBroker", value: { brokerId, brokerEpoch } },
  });
}

export function brokerFencedRecord(brokerId: number, brokerEpoch: bigint): MetadataRecord {
  return create(MetadataRecordSchema, { record: { case: "brokerFenced", value: { brokerId, brokerEpoch } } });
}

export function brokerUnfencedRecord(brokerId: number, brokerEpoch: bigint): MetadataRecord {
  return create(MetadataRecordSchema, {
    record: { case: "brokerUnfenced", value: { brokerId, brokerEpoch } },
  });
}

export function brokerControlledShutdownRecord(brokerId: number, brokerEpoch: bigint): MetadataRecord {
  return create(MetadataRecordSchema, {
    record: { case: "brokerControlledShutdown", value: { brokerId, brokerEpoch } },
  });
}

export function topicRecord(name: string, topicId: Uint8Array): MetadataRecord {
  return create(MetadataRecordSchema, { record: { case: "topic", value: { name, topicId } } });
}

export function removeTopicRecord(topicId: Uint8Array): MetadataRecord {
  return create(MetadataRecordSchema, { record: { case: "removeTopic", value: { topicId } } });
}

export function partitionRecord(topicId: Uint8Array, index: number, p: PartitionImage): MetadataRecord {
  return create(MetadataRecordSchema, {
    record: {
      case: "partition",
      value: {
        topicId,
        partition: index,
        replicas: [...p.replicas],
        isr: [...p.isr],
        leader: p.leader,
        leaderEpoch: p.leaderEpoch,
        partitionEpoch: p.partitionEpoch,
      },
    },
  });
}

/** What a partition change sets; fields left undefined keep their value. */
export interface PartitionDelta {
  readonly leader?: number;
  readonly leaderEpoch?: number;
  readonly isr?: readonly number[];
  readonly replicas?: readonly number[];
  readonly partitionEpoch: number;
}

export function partitionChangeRecord(
  topicId: Uint8Array,
  index: number,
  delta: PartitionDelta,
): MetadataRecord {
  return create(MetadataRecordSchema, {
    record: {
      case: "partitionChange",
      value: {
        topicId,
        partition: index,
        leader: delta.leader,
        leaderEpoch: delta.leaderEpoch,
        isr: delta.isr === undefined ? undefined : create(BrokerIdListSchema, { brokerIds: [...delta.isr] }),
        replicas:
          delta.replicas === undefined
            ? undefined
            : create(BrokerIdListSchema, { brokerIds: [...delta.replicas] }),
        partitionEpoch: delta.partitionEpoch,
      },
    },
  });
}

export function configRecord(
  resourceType: ConfigResourceType,
  resourceName: string,
  key: string,
  value: string | undefined,
): MetadataRecord {
  return create(MetadataRecordSchema, {
    record: { case: "config", value: { resourceType, resourceName, key, value } },
  });
}

export function producerIdsRecord(
  brokerId: number,
  brokerEpoch: bigint,
  nextProducerId: bigint,
): MetadataRecord {
  return create(MetadataRecordSchema, {
    record: { case: "producerIds", value: { brokerId, brokerEpoch, nextProducerId } },
  });
}

export function logicalClusterRecord(cluster: LogicalClusterImage): MetadataRecord {
  return create(MetadataRecordSchema, {
    record: {
      case: "logicalCluster",
      value: { id: cluster.id, name: cluster.name, cell: cluster.cell, createdMs: cluster.createdMs },
    },
  });
}

export function removeLogicalClusterRecord(id: string): MetadataRecord {
  return create(MetadataRecordSchema, { record: { case: "removeLogicalCluster", value: { id } } });
}

export function apiKeyRecord(key: ApiKeyImage): MetadataRecord {
  return create(MetadataRecordSchema, { record: { case: "apiKey", value: { ...key } } });
}

export function removeApiKeyRecord(key: string): MetadataRecord {
  return create(MetadataRecordSchema, { record: { case: "removeApiKey", value: { key } } });
}

export function scramCredentialRecord(credential: ScramCredentialImage): MetadataRecord {
  return create(MetadataRecordSchema, { record: { case: "scramCredential", value: { ...credential } } });
}

export function removeScramCredentialRecord(
  logicalClusterId: string,
  user: string,
  mechanism: string,
): MetadataRecord {
  return create(MetadataRecordSchema, {
    record: { case: "removeScramCredential", value: { logicalClusterId, user, mechanism } },
  });
}

export function aclRecord(acl: Omit<AclImage, "key">): MetadataRecord {
  const { id, logicalClusterId, resourceType, resourceName, patternType, principal, host } = acl;
  return create(MetadataRecordSchema, {
    record: {
      case: "acl",
      value: {
        id,
        logicalClusterId,
        resourceType,
        resourceName,
        patternType,
        principal,
        host,
        operation: acl.operation,
        permissionType: acl.permissionType,
      },
    },
  });
}

export function removeAclRecord(id: Uint8Array): MetadataRecord {
  return create(MetadataRecordSchema, { record: { case: "removeAcl", value: { id } } });
}

export function tenantQuotaRecord(
  logicalClusterId: string,
  key: string,
  value: number | undefined,
): MetadataRecord {
  return create(MetadataRecordSchema, {
    record: { case: "tenantQuota", value: { logicalClusterId, key, value } },
  });
}
