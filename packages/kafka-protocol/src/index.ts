export * from "./api-versions.js";
export type { ApiDefinition, VersionSpan } from "./codec/api.js";
export { type DecodeError, type DecodeErrorCode, type DecodeResult, EncodeError } from "./codec/errors.js";
export { Reader, TAGGED_FIELD_MAX_BYTES } from "./codec/reader.js";
export { type TaggedField, type Uuid, uuidFromBytes, uuidToBytes, ZERO_UUID } from "./codec/types.js";
export { Writer } from "./codec/writer.js";
export * from "./frame.js";
export * from "./gen/index.js";
export * from "./messages.js";
