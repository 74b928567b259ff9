// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// ApiVersions (API key 18): stable versions 0-4, flexible from 3.

import { type Reader, type TaggedField, type Writer, notInVersion, readArray, sortedTaggedFields, writeArray } from "../../codec/runtime.js";

export interface ApiVersionsRequest {
  /** The name of the client. Versions 3-4. */
  clientSoftwareName: string;
  /** The version of the client. Versions 3-4. */
  clientSoftwareVersion: string;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultApiVersionsRequest(): ApiVersionsRequest {
  return {
    clientSoftwareName: "",
    clientSoftwareVersion: "",
  };
}

export function readApiVersionsRequest(r: Reader, v: number): ApiVersionsRequest {
  const flex = v >= 3;
  const clientSoftwareName = (v >= 3 ? r.compactString() : "");
  const clientSoftwareVersion = (v >= 3 ? r.compactString() : "");
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ApiVersionsRequest = {
    clientSoftwareName,
    clientSoftwareVersion,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeApiVersionsRequest(w: Writer, o: ApiVersionsRequest, v: number): void {
  const flex = v >= 3;
  if (v >= 3) {
    w.compactString(o.clientSoftwareName);
  }
  if (v >= 3) {
    w.compactString(o.clientSoftwareVersion);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ApiVersionsResponseApiVersion {
  /** The API index. Versions 0-4; map key. */
  apiKey: number;
  /** The minimum supported version, inclusive. Versions 0-4. */
  minVersion: number;
  /** The maximum supported version, inclusive. Versions 0-4. */
  maxVersion: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultApiVersionsResponseApiVersion(): ApiVersionsResponseApiVersion {
  return {
    apiKey: 0,
    minVersion: 0,
    maxVersion: 0,
  };
}

export function readApiVersionsResponseApiVersion(r: Reader, v: number): ApiVersionsResponseApiVersion {
  const flex = v >= 3;
  const apiKey = r.int16();
  const minVersion = r.int16();
  const maxVersion = r.int16();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ApiVersionsResponseApiVersion = {
    apiKey,
    minVersion,
    maxVersion,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeApiVersionsResponseApiVersion(w: Writer, o: ApiVersionsResponseApiVersion, v: number): void {
  const flex = v >= 3;
  w.int16(o.apiKey);
  w.int16(o.minVersion);
  w.int16(o.maxVersion);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ApiVersionsResponseSupportedFeatureKey {
  /** The name of the feature. Versions 3-4; map key. */
  name: string;
  /** The minimum supported version for the feature. Versions 3-4. */
  minVersion: number;
  /** The maximum supported version for the feature. Versions 3-4. */
  maxVersion: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultApiVersionsResponseSupportedFeatureKey(): ApiVersionsResponseSupportedFeatureKey {
  return {
    name: "",
    minVersion: 0,
    maxVersion: 0,
  };
}

export function readApiVersionsResponseSupportedFeatureKey(r: Reader, v: number): ApiVersionsResponseSupportedFeatureKey {
  const flex = v >= 3;
  const name = (v >= 3 ? r.compactString() : "");
  const minVersion = (v >= 3 ? r.int16() : 0);
  const maxVersion = (v >= 3 ? r.int16() : 0);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ApiVersionsResponseSupportedFeatureKey = {
    name,
    minVersion,
    maxVersion,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeApiVersionsResponseSupportedFeatureKey(w: Writer, o: ApiVersionsResponseSupportedFeatureKey, v: number): void {
  const flex = v >= 3;
  if (v >= 3) {
    w.compactString(o.name);
  } else if (!(v >= 3) && o.name !== "") {
    throw notInVersion("ApiVersionsResponseSupportedFeatureKey.name", v);
  }
  if (v >= 3) {
    w.int16(o.minVersion);
  } else if (!(v >= 3) && o.minVersion !== 0) {
    throw notInVersion("ApiVersionsResponseSupportedFeatureKey.minVersion", v);
  }
  if (v >= 3) {
    w.int16(o.maxVersion);
  } else if (!(v >= 3) && o.maxVersion !== 0) {
    throw notInVersion("ApiVersionsResponseSupportedFeatureKey.maxVersion", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ApiVersionsResponseFinalizedFeatureKey {
  /** The name of the feature. Versions 3-4; map key. */
  name: string;
  /** The cluster-wide finalized max version level for the feature. Versions 3-4. */
  maxVersionLevel: number;
  /** The cluster-wide finalized min version level for the feature. Versions 3-4. */
  minVersionLevel: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultApiVersionsResponseFinalizedFeatureKey(): ApiVersionsResponseFinalizedFeatureKey {
  return {
    name: "",
    maxVersionLevel: 0,
    minVersionLevel: 0,
  };
}

export function readApiVersionsResponseFinalizedFeatureKey(r: Reader, v: number): ApiVersionsResponseFinalizedFeatureKey {
  const flex = v >= 3;
  const name = (v >= 3 ? r.compactString() : "");
  const maxVersionLevel = (v >= 3 ? r.int16() : 0);
  const minVersionLevel = (v >= 3 ? r.int16() : 0);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: ApiVersionsResponseFinalizedFeatureKey = {
    name,
    maxVersionLevel,
    minVersionLevel,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeApiVersionsResponseFinalizedFeatureKey(w: Writer, o: ApiVersionsResponseFinalizedFeatureKey, v: number): void {
  const flex = v >= 3;
  if (v >= 3) {
    w.compactString(o.name);
  } else if (!(v >= 3) && o.name !== "") {
    throw notInVersion("ApiVersionsResponseFinalizedFeatureKey.name", v);
  }
  if (v >= 3) {
    w.int16(o.maxVersionLevel);
  } else if (!(v >= 3) && o.maxVersionLevel !== 0) {
    throw notInVersion("ApiVersionsResponseFinalizedFeatureKey.maxVersionLevel", v);
  }
  if (v >= 3) {
    w.int16(o.minVersionLevel);
  } else if (!(v >= 3) && o.minVersionLevel !== 0) {
    throw notInVersion("ApiVersionsResponseFinalizedFeatureKey.minVersionLevel", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface ApiVersionsResponse {
  /** The top-level error code. Versions 0-4. */
  errorCode: number;
  /** The APIs supported by the broker. Versions 0-4. */
  apiKeys: ApiVersionsResponseApiVersion[];
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 1-4. */
  throttleTimeMs: number;
  /** Features supported by the broker. Note: in v0-v3, features with MinSupportedVersion = 0 are omitted. Versions 3-4; tagged (tag 0) in 3-4. */
  supportedFeatures: ApiVersionsResponseSupportedFeatureKey[];
  /** The monotonically increasing epoch for the finalized features information. Valid values are >= 0. A value of -1 is special and represents unknown epoch. Versions 3-4; tagged (tag 1) in 3-4. */
  finalizedFeaturesEpoch: bigint;
  /** List of cluster-wide finalized features. The information is valid only if FinalizedFeaturesEpoch >= 0. Versions 3-4; tagged (tag 2) in 3-4. */
  finalizedFeatures: ApiVersionsResponseFinalizedFeatureKey[];
  /** Set by a KRaft controller if the required configurations for ZK migration are present Versions 3-4; tagged (tag 3) in 3-4. */
  zkMigrationReady: boolean;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultApiVersionsResponse(): ApiVersionsResponse {
  return {
    errorCode: 0,
    apiKeys: [],
    throttleTimeMs: 0,
    supportedFeatures: [],
    finalizedFeaturesEpoch: -1n,
    finalizedFeatures: [],
    zkMigrationReady: false,
  };
}

export function readApiVersionsResponse(r: Reader, v: number): ApiVersionsResponse {
  const flex = v >= 3;
  const errorCode = r.int16();
  const apiKeys = readArray(r, v, v >= 3, false, 6, readApiVersionsResponseApiVersion);
  const throttleTimeMs = (v >= 1 ? r.int32() : 0);
  let supportedFeatures: ApiVersionsResponseSupportedFeatureKey[] = [];
  let finalizedFeaturesEpoch: bigint = -1n;
  let finalizedFeatures: ApiVersionsResponseFinalizedFeatureKey[] = [];
  let zkMigrationReady: boolean = false;
  let unknown: TaggedField[] | undefined;
  if (flex) {
    const count = r.taggedFieldCount();
    for (let i = 0; i < count; i++) {
      const tag = r.uvarint();
      const fieldEnd = r.beginTaggedField(tag);
      if (fieldEnd < 0) break;
      if (tag === 0 && v >= 3) {
        const savedEnd = r.end;
        r.end = fieldEnd;
        supportedFeatures = readArray(r, v, true, false, 5, readApiVersionsResponseSupportedFeatureKey);
        r.endTaggedField(tag, fieldEnd, savedEnd);
      } else if (tag === 1 && v >= 3) {
        const savedEnd = r.end;
        r.end = fieldEnd;
        finalizedFeaturesEpoch = r.int64();
        r.endTaggedField(tag, fieldEnd, savedEnd);
      } else if (tag === 2 && v >= 3) {
        const savedEnd = r.end;
        r.end = fieldEnd;
        finalizedFeatures = readArray(r, v, true, false, 5, readApiVersionsResponseFinalizedFeatureKey);
        r.endTaggedField(tag, fieldEnd, savedEnd);
      } else if (tag === 3 && v >= 3) {
        const savedEnd = r.end;
        r.end = fieldEnd;
        zkMigrationReady = r.bool();
        r.endTaggedField(tag, fieldEnd, savedEnd);
      } else {
        (unknown ??= []).push(r.unknownTaggedField(tag, fieldEnd));
      }
    }
  }
  const o: ApiVersionsResponse = {
    errorCode,
    apiKeys,
    throttleTimeMs,
    supportedFeatures,
    finalizedFeaturesEpoch,
    finalizedFeatures,
    zkMigrationReady,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeApiVersionsResponse(w: Writer, o: ApiVersionsResponse, v: number): void {
  const flex = v >= 3;
  w.int16(o.errorCode);
  writeArray(w, v, v >= 3, o.apiKeys, writeApiVersionsResponseApiVersion);
  if (v >= 1) {
    w.int32(o.throttleTimeMs);
  }
  if (flex) {
    const unknown = sortedTaggedFields(o._unknownTaggedFields);
    const hasSupportedFeatures = v >= 3 && o.supportedFeatures !== null && o.supportedFeatures.length > 0;
    const hasFinalizedFeaturesEpoch = v >= 3 && o.finalizedFeaturesEpoch !== -1n;
    const hasFinalizedFeatures = v >= 3 && o.finalizedFeatures !== null && o.finalizedFeatures.length > 0;
    const hasZkMigrationReady = v >= 3 && o.zkMigrationReady !== false;
    w.uvarint((hasSupportedFeatures ? 1 : 0) + (hasFinalizedFeaturesEpoch ? 1 : 0) + (hasFinalizedFeatures ? 1 : 0) + (hasZkMigrationReady ? 1 : 0) + (unknown === undefined ? 0 : unknown.length));
    let next = 0;
    if (hasSupportedFeatures) {
      next = w.unknownTaggedFieldsBelow(unknown, next, 0);
      w.uvarint(0);
      const start = w.beginSized();
      writeArray(w, v, true, o.supportedFeatures, writeApiVersionsResponseSupportedFeatureKey);
      w.endSized(start);
    }
    if (hasFinalizedFeaturesEpoch) {
      next = w.unknownTaggedFieldsBelow(unknown, next, 1);
      w.uvarint(1);
      const start = w.beginSized();
      w.int64(o.finalizedFeaturesEpoch);
      w.endSized(start);
    }
    if (hasFinalizedFeatures) {
      next = w.unknownTaggedFieldsBelow(unknown, next, 2);
      w.uvarint(2);
      const start = w.beginSized();
      writeArray(w, v, true, o.finalizedFeatures, writeApiVersionsResponseFinalizedFeatureKey);
      w.endSized(start);
    }
    if (hasZkMigrationReady) {
      next = w.unknownTaggedFieldsBelow(unknown, next, 3);
      w.uvarint(3);
      const start = w.beginSized();
      w.bool(o.zkMigrationReady);
      w.endSized(start);
    }
    w.unknownTaggedFieldsBelow(unknown, next, Number.POSITIVE_INFINITY);
  }
}
