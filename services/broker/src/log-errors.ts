/** The Kafka error code a partition-log failure is answered with. */
import { ErrorCode } from "@runnel/kafka-protocol";
import type { LogStorageError } from "@runnel/log";

export function kafkaErrorOf(e: LogStorageError): number {
  switch (e.code) {
    case "INVALID_APPEND_OFFSET":
      // A follower-side condition; a leader never produces it for a client.
      return ErrorCode.UNKNOWN_SERVER_ERROR;
    default:
      return ErrorCode[e.code];
  }
}
