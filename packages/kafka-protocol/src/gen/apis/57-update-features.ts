// Generated from the Kafka message specs by packages/kafka-protocol/generator.
// Do not edit: run `pnpm gen` instead.

// UpdateFeatures (API key 57): stable versions 0-2, flexible from 0.

import { type Reader, type TaggedField, type Writer, notInVersion, readArray, writeArray } from "../../codec/runtime.js";

export interface UpdateFeaturesRequestFeatureUpdateKey {
  /** The name of the finalized feature to be updated. Versions 0-2; map key. */
  feature: string;
  /** The new maximum version level for the finalized feature. A value >= 1 is valid. A value < 1, is special, and can be used to request the deletion of the finalized feature. Versions 0-2. */
  maxVersionLevel: number;
  /** DEPRECATED in version 1 (see DowngradeType). When set to true, the finalized feature version level is allowed to be downgraded/deleted. The downgrade request will fail if the new maximum version level is a value that's not lower than the existing maximum finalized version level. Versions 0. */
  allowDowngrade: boolean;
  /** Determine which type of upgrade will be performed: 1 will perform an upgrade only (default), 2 is safe downgrades only (lossless), 3 is unsafe downgrades (lossy). Versions 1-2. */
  upgradeType: number;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultUpdateFeaturesRequestFeatureUpdateKey(): UpdateFeaturesRequestFeatureUpdateKey {
  return {
    feature: "",
    maxVersionLevel: 0,
    allowDowngrade: false,
    upgradeType: 1,
  };
}

export function readUpdateFeaturesRequestFeatureUpdateKey(r: Reader, v: number): UpdateFeaturesRequestFeatureUpdateKey {
  const flex = true;
  const feature = r.compactString();
  const maxVersionLevel = r.int16();
  const allowDowngrade = (v === 0 ? r.bool() : false);
  const upgradeType = (v >= 1 ? r.int8() : 1);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: UpdateFeaturesRequestFeatureUpdateKey = {
    feature,
    maxVersionLevel,
    allowDowngrade,
    upgradeType,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeUpdateFeaturesRequestFeatureUpdateKey(w: Writer, o: UpdateFeaturesRequestFeatureUpdateKey, v: number): void {
  const flex = true;
  w.compactString(o.feature);
  w.int16(o.maxVersionLevel);
  if (v === 0) {
    w.bool(o.allowDowngrade);
  } else if (!(v === 0) && o.allowDowngrade !== false) {
    throw notInVersion("UpdateFeaturesRequestFeatureUpdateKey.allowDowngrade", v);
  }
  if (v >= 1) {
    w.int8(o.upgradeType);
  } else if (!(v >= 1) && o.upgradeType !== 1) {
    throw notInVersion("UpdateFeaturesRequestFeatureUpdateKey.upgradeType", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface UpdateFeaturesRequest {
  /** How long to wait in milliseconds before timing out the request. Versions 0-2. */
  timeoutMs: number;
  /** The list of updates to finalized features. Versions 0-2. */
  featureUpdates: UpdateFeaturesRequestFeatureUpdateKey[];
  /** True if we should validate the request, but not perform the upgrade or downgrade. Versions 1-2. */
  validateOnly: boolean;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultUpdateFeaturesRequest(): UpdateFeaturesRequest {
  return {
    timeoutMs: 60000,
    featureUpdates: [],
    validateOnly: false,
  };
}

export function readUpdateFeaturesRequest(r: Reader, v: number): UpdateFeaturesRequest {
  const flex = true;
  const timeoutMs = r.int32();
  const featureUpdates = readArray(r, v, true, false, 4, readUpdateFeaturesRequestFeatureUpdateKey);
  const validateOnly = (v >= 1 ? r.bool() : false);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: UpdateFeaturesRequest = {
    timeoutMs,
    featureUpdates,
    validateOnly,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeUpdateFeaturesRequest(w: Writer, o: UpdateFeaturesRequest, v: number): void {
  const flex = true;
  w.int32(o.timeoutMs);
  writeArray(w, v, true, o.featureUpdates, writeUpdateFeaturesRequestFeatureUpdateKey);
  if (v >= 1) {
    w.bool(o.validateOnly);
  } else if (!(v >= 1) && o.validateOnly !== false) {
    throw notInVersion("UpdateFeaturesRequest.validateOnly", v);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface UpdateFeaturesResponseUpdatableFeatureResult {
  /** The name of the finalized feature. Versions 0-2; map key. */
  feature: string;
  /** The feature update error code or `0` if the feature update succeeded. Versions 0-2. */
  errorCode: number;
  /** The feature update error, or `null` if the feature update succeeded. Versions 0-2; nullable in 0-2. */
  errorMessage: string | null;
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultUpdateFeaturesResponseUpdatableFeatureResult(): UpdateFeaturesResponseUpdatableFeatureResult {
  return {
    feature: "",
    errorCode: 0,
    errorMessage: "",
  };
}

export function readUpdateFeaturesResponseUpdatableFeatureResult(r: Reader, v: number): UpdateFeaturesResponseUpdatableFeatureResult {
  const flex = true;
  const feature = r.compactString();
  const errorCode = r.int16();
  const errorMessage = r.compactNullableString();
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: UpdateFeaturesResponseUpdatableFeatureResult = {
    feature,
    errorCode,
    errorMessage,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeUpdateFeaturesResponseUpdatableFeatureResult(w: Writer, o: UpdateFeaturesResponseUpdatableFeatureResult, v: number): void {
  const flex = true;
  w.compactString(o.feature);
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}

export interface UpdateFeaturesResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-2. */
  throttleTimeMs: number;
  /** The top-level error code, or `0` if there was no top-level error. Versions 0-2. */
  errorCode: number;
  /** The top-level error message, or `null` if there was no top-level error. Versions 0-2; nullable in 0-2. */
  errorMessage: string | null;
  /** Results for each feature update. Versions 0-1. */
  results: UpdateFeaturesResponseUpdatableFeatureResult[];
  /** Tagged fields this codec does not know, preserved for re-encoding. */
  _unknownTaggedFields?: TaggedField[];
}

export function defaultUpdateFeaturesResponse(): UpdateFeaturesResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
    results: [],
  };
}

export function readUpdateFeaturesResponse(r: Reader, v: number): UpdateFeaturesResponse {
  const flex = true;
  const throttleTimeMs = r.int32();
  const errorCode = r.int16();
  const errorMessage = r.compactNullableString();
  const results = (v <= 1 ? readArray(r, v, true, false, 4, readUpdateFeaturesResponseUpdatableFeatureResult) : []);
  const unknown = flex ? r.unknownTaggedFields() : undefined;
  const o: UpdateFeaturesResponse = {
    throttleTimeMs,
    errorCode,
    errorMessage,
    results,
  };
  if (unknown !== undefined) o._unknownTaggedFields = unknown;
  return o;
}

export function writeUpdateFeaturesResponse(w: Writer, o: UpdateFeaturesResponse, v: number): void {
  const flex = true;
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  if (v <= 1) {
    writeArray(w, v, true, o.results, writeUpdateFeaturesResponseUpdatableFeatureResult);
  }
  if (flex) w.unknownTaggedFields(o._unknownTaggedFields);
}
