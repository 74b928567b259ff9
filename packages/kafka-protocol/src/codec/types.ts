import { EncodeError } from "./errors.js";

/** A tagged field this codec does not know, kept byte for byte so it survives a round trip. */
export interface TaggedField {
  readonly tag: number;
  readonly data: Uint8Array;
}

/**
 * Kafka UUIDs (topic ids, directory ids, ...) are carried as strings in Kafka's
 * own form: the 16 bytes in URL-safe base64 without padding, 22 characters,
 * which is what `kafka-topics --describe` prints. Strings compare and key maps
 * directly.
 */
export type Uuid = string;

export const ZERO_UUID: Uuid = "AAAAAAAAAAAAAAAAAAAAAA";

export function uuidFromBytes(bytes: Uint8Array): Uuid {
  return Buffer.from(bytes.buffer, bytes.byteOffset, 16).toString("base64url");
}

const UUID_PATTERN = /^[A-Za-z0-9_-]{21}[AQgw]$/;

export function uuidToBytes(uuid: Uuid): Buffer {
  if (!UUID_PATTERN.test(uuid)) throw new EncodeError(`not a Kafka UUID (22 base64url characters): ${uuid}`);
  return Buffer.from(uuid, "base64url");
}
