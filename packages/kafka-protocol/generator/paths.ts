import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The package directory. */
export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * The Kafka message specs live outside the repository, in `shared/kafka-protocol`
 * beside it; `KAFKA_PROTOCOL_SPECS` overrides the location.
 */
export const specRoot = resolve(
  process.env.KAFKA_PROTOCOL_SPECS ?? join(packageDir, "../../../shared/kafka-protocol"),
);
