/**
 * What DescribeConfigs reports for a topic or a broker: each config's value,
 * where the value comes from, and (on request) its synonyms and
 * documentation. Pure: the caller passes the layers of configs.
 *
 * Kafka's rules, as the Java broker applies them:
 * - A value comes from the first layer that has it: the topic's own config
 *   (DYNAMIC_TOPIC_CONFIG), then the broker-level synonyms set for this
 *   broker (DYNAMIC_BROKER_CONFIG), as the cluster default
 *   (DYNAMIC_DEFAULT_BROKER_CONFIG), in the broker's start-up settings
 *   (STATIC_BROKER_CONFIG), then Kafka's defaults (DEFAULT_CONFIG).
 * - The synonym list is every layer that has a value, in that order: for each
 *   layer, each synonym name in Kafka's order. Entries before the first one
 *   named like the primary synonym are left out, so `retention.ms` with
 *   nothing set lists no synonyms (Kafka's `log.retention.hours` default sits
 *   behind the unset `log.retention.ms`), exactly as the Java broker answers.
 * - The cluster-default broker resource ("") lists only the configs set as
 *   cluster defaults, each with only its cluster-default synonyms.
 * - `configuration_keys` null or empty lists everything; names the resource
 *   does not have are left out without an error.
 *
 * `resolveTopicConfig` is the one place a topic config's value is worked
 * out: DescribeConfigs reports it, and the broker applies it (see
 * topic-configs.ts), so the two never disagree.
 */
import {
  BROKER_CONFIG_DEFS,
  type BrokerConfigDef,
  ConfigSource,
  type ConfigSourceId,
  type ConfigTypeId,
  TOPIC_CONFIG_DEFS,
  type TopicConfigDef,
} from "./config-defs.js";

export type ConfigMap = ReadonlyMap<string, string>;

/** The configs that can give a broker-level value, most specific first. */
export interface BrokerLayers {
  /** Dynamic configs set for this broker. */
  readonly perBroker: ConfigMap | undefined;
  /** Dynamic configs set as the cluster-wide default. */
  readonly clusterDefault: ConfigMap | undefined;
  /** The broker's start-up settings. */
  readonly static: ConfigMap;
}

export interface DescribeOptions {
  /** The names to list; null or empty for all. */
  readonly keys: readonly string[] | null;
  readonly includeSynonyms: boolean;
  readonly includeDocumentation: boolean;
}

export interface ConfigSynonym {
  readonly name: string;
  readonly value: string | null;
  readonly source: ConfigSourceId;
}

export interface DescribedConfig {
  readonly name: string;
  readonly value: string | null;
  readonly readOnly: boolean;
  readonly configSource: ConfigSourceId;
  readonly isSensitive: boolean;
  readonly synonyms: ConfigSynonym[];
  readonly configType: ConfigTypeId;
  readonly documentation: string | null;
}

function wanted(keys: readonly string[] | null): (name: string) => boolean {
  if (keys === null || keys.length === 0) return () => true;
  const set = new Set(keys);
  return (name) => set.has(name);
}

/** The broker-level values of `names` (a config and its other spellings), layer by layer. */
function brokerSynonyms(names: readonly string[], layers: BrokerLayers): ConfigSynonym[] {
  const out: ConfigSynonym[] = [];
  const add = (map: ConfigMap | undefined, source: ConfigSourceId) => {
    for (const name of names) {
      const value = map?.get(name);
      if (value !== undefined) out.push({ name, value, source });
    }
  };
  add(layers.perBroker, ConfigSource.DYNAMIC_BROKER_CONFIG);
  add(layers.clusterDefault, ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG);
  add(layers.static, ConfigSource.STATIC_BROKER_CONFIG);
  const defaults = new Map<string, string>();
  for (const name of names) {
    const d = BROKER_CONFIG_DEFS.get(name)?.default;
    if (d !== undefined && d !== null) defaults.set(name, d);
  }
  add(defaults, ConfigSource.DEFAULT_CONFIG);
  const first = out.findIndex((s) => s.name === names[0]);
  return first === -1 ? [] : out.slice(first);
}

/** A broker synonym's value in the unit of the topic config it stands for. */
function inTopicUnit(synonym: ConfigSynonym): string | null {
  if (synonym.value === null) return null;
  const scale = synonym.name.endsWith(".hours")
    ? 3_600_000n
    : synonym.name.endsWith(".minutes")
      ? 60_000n
      : 1n;
  if (scale === 1n || !/^-?[0-9]+$/.test(synonym.value)) return synonym.value;
  return String(BigInt(synonym.value) * scale);
}

function entry(
  def: TopicConfigDef | BrokerConfigDef,
  value: string | null,
  readOnly: boolean,
  all: ConfigSynonym[],
  o: DescribeOptions,
): DescribedConfig {
  return {
    name: def.name,
    value,
    readOnly,
    configSource: all[0]?.source ?? ConfigSource.DEFAULT_CONFIG,
    isSensitive: false,
    synonyms: o.includeSynonyms ? all : [],
    configType: def.type,
    documentation: o.includeDocumentation ? def.doc : null,
  };
}

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The broker-level layers of broker `nodeId` in a metadata image's dynamic configs. */
export function brokerLayersOf(
  brokerConfigs: ReadonlyMap<string, ConfigMap>,
  nodeId: number,
  staticConfigs: ConfigMap,
): BrokerLayers {
  return {
    perBroker: brokerConfigs.get(String(nodeId)),
    clusterDefault: brokerConfigs.get(""),
    static: staticConfigs,
  };
}

/** A topic config's effective value, where it comes from, and every layer that has one. */
export interface ResolvedTopicConfig {
  readonly value: string | null;
  readonly source: ConfigSourceId;
  /** Every layer with a value, most specific first (DescribeConfigs' synonyms). */
  readonly synonyms: ConfigSynonym[];
}

/**
 * The broker-level value a topic config without its own takes, as Kafka's
 * broker config works it out: the first of the synonym names (in Kafka's
 * order: `log.retention.ms`, then `.minutes`, then `.hours`) that this
 * broker's overrides, the cluster default or the start-up settings give.
 */
function brokerValue(names: readonly string[], layers: BrokerLayers): ConfigSynonym | undefined {
  const ordered: [ConfigMap | undefined, ConfigSourceId][] = [
    [layers.perBroker, ConfigSource.DYNAMIC_BROKER_CONFIG],
    [layers.clusterDefault, ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG],
    [layers.static, ConfigSource.STATIC_BROKER_CONFIG],
  ];
  for (const name of names) {
    for (const [map, source] of ordered) {
      const value = map?.get(name);
      if (value !== undefined) return { name, value, source };
    }
  }
  return undefined;
}

/**
 * A topic config's value: the topic's own (`own`), else the broker-level
 * value of its synonyms set for this broker, as the cluster default or at
 * start-up (converted to the topic config's unit: `log.retention.hours` is
 * given in milliseconds), else Kafka's default. The source is that of the
 * first synonym listed, as the Java broker reports it (so a start-up
 * `log.retention.hours` alone gives its value with source DEFAULT_CONFIG,
 * the synonym list starting at `log.retention.ms`).
 */
export function resolveTopicConfig(
  def: TopicConfigDef,
  own: ConfigMap | undefined,
  layers: BrokerLayers,
): ResolvedTopicConfig {
  const chain = def.brokerSynonyms.length > 0 ? brokerSynonyms(def.brokerSynonyms, layers) : [];
  const value = own?.get(def.name);
  if (value !== undefined) {
    return {
      value,
      source: ConfigSource.DYNAMIC_TOPIC_CONFIG,
      synonyms: [{ name: def.name, value, source: ConfigSource.DYNAMIC_TOPIC_CONFIG }, ...chain],
    };
  }
  const source = chain[0]?.source ?? ConfigSource.DEFAULT_CONFIG;
  const inherited = brokerValue(def.brokerSynonyms, layers);
  return {
    value: inherited === undefined ? def.default : inTopicUnit(inherited),
    source,
    synonyms: chain,
  };
}

/** Every topic config of a topic whose own configs are `own`. */
export function describeTopicConfigs(
  own: ConfigMap | undefined,
  layers: BrokerLayers,
  o: DescribeOptions,
): DescribedConfig[] {
  const keep = wanted(o.keys);
  const out: DescribedConfig[] = [];
  for (const def of TOPIC_CONFIG_DEFS.values()) {
    if (!keep(def.name)) continue;
    const resolved = resolveTopicConfig(def, own, layers);
    out.push(entry(def, resolved.value, false, resolved.synonyms, o));
  }
  return out.sort(byName);
}

/** Every config of this broker (the broker resource named by its id). */
export function describeBrokerConfigs(layers: BrokerLayers, o: DescribeOptions): DescribedConfig[] {
  const keep = wanted(o.keys);
  const out: DescribedConfig[] = [];
  for (const def of BROKER_CONFIG_DEFS.values()) {
    if (!keep(def.name)) continue;
    const chain = brokerSynonyms(def.synonyms, layers);
    out.push(entry(def, chain[0]?.value ?? def.default, def.readOnly, chain, o));
  }
  return out.sort(byName);
}

/** The cluster-default broker resource (""): only the configs set as cluster defaults. */
export function describeClusterDefaultConfigs(
  clusterDefault: ConfigMap | undefined,
  o: DescribeOptions,
): DescribedConfig[] {
  const keep = wanted(o.keys);
  const out: DescribedConfig[] = [];
  const layers: BrokerLayers = { perBroker: undefined, clusterDefault, static: new Map() };
  for (const [name, value] of clusterDefault ?? []) {
    if (!keep(name)) continue;
    const def = BROKER_CONFIG_DEFS.get(name);
    if (def === undefined) continue;
    const chain = brokerSynonyms(def.synonyms, layers).filter(
      (s) => s.source === ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG,
    );
    out.push(entry(def, value, def.readOnly, chain, o));
  }
  return out.sort(byName);
}
