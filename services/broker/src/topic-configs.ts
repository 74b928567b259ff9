/**
 * Topic configs as the broker applies them: the value set on the topic, else
 * Kafka's default.
 */
import type { MetadataImage } from "@runnel/metadata";

/** Kafka's defaults for the topic configs the broker acts on. */
export const TOPIC_CONFIG_DEFAULTS: Readonly<Record<string, string>> = {
  "cleanup.policy": "delete",
  "max.message.bytes": "1048588",
  "message.timestamp.type": "CreateTime",
  "retention.ms": "604800000",
  "retention.bytes": "-1",
  "segment.bytes": "1073741824",
  "delete.retention.ms": "86400000",
  "min.insync.replicas": "1",
};

export function topicConfig(
  configs: ReadonlyMap<string, string> | undefined,
  key: keyof typeof TOPIC_CONFIG_DEFAULTS & string,
): string {
  return configs?.get(key) ?? TOPIC_CONFIG_DEFAULTS[key] ?? "";
}

export function topicConfigsOf(image: MetadataImage, topic: string): ReadonlyMap<string, string> | undefined {
  return image.topicConfigs.get(topic);
}
