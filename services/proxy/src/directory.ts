/**
 * The broker directory as the proxy reads it from the metadata image: where
 * each broker really listens, and which brokers a bootstrap connection may go
 * to. Brokers advertise the proxy's addresses to clients (so the proxy never
 * rewrites a response); the address the proxy connects to is the broker's
 * `INTERNAL` endpoint, or its `PLAINTEXT` one when it registers no
 * `INTERNAL` endpoint.
 */
import type { BrokerImage, MetadataImage } from "@runnel/metadata";

/** The endpoint a broker registers with its real listener address. */
export const INTERNAL_ENDPOINT = "INTERNAL";
/** The client endpoint, used when a broker registers no INTERNAL one. */
export const PLAINTEXT_ENDPOINT = "PLAINTEXT";

export interface BrokerAddress {
  readonly host: string;
  readonly port: number;
}

/** Where the proxy reaches `broker`, or undefined if it registered neither endpoint. */
export function brokerAddress(broker: BrokerImage): BrokerAddress | undefined {
  const e =
    broker.endpoints.find((x) => x.name === INTERNAL_ENDPOINT) ??
    broker.endpoints.find((x) => x.name === PLAINTEXT_ENDPOINT);
  return e === undefined ? undefined : { host: e.host, port: e.port };
}

/** Brokers that serve clients now: registered, unfenced, not shutting down; in id order. */
export function activeBrokers(image: MetadataImage): BrokerImage[] {
  return [...image.brokers.values()]
    .filter((b) => !b.fenced && !b.inControlledShutdown)
    .sort((a, b) => a.id - b.id);
}

/** Every registered broker id, in order: the proxy listens on a port for each. */
export function registeredBrokerIds(image: MetadataImage): number[] {
  return [...image.brokers.keys()].sort((a, b) => a - b);
}

/** The port of broker `id` on the proxy, or undefined if it would be outside 1-65535. */
export function brokerPort(brokerPortBase: number, id: number): number | undefined {
  const port = brokerPortBase + id;
  return port >= 1 && port <= 65_535 ? port : undefined;
}

/**
 * The broker id a TLS server name routes to: `b<n>.<domain>` is broker n (any domain when
 * `domain` is empty); anything else, or no name, is a bootstrap connection.
 */
export function brokerOfServerName(
  serverName: string | false | null | undefined,
  domain: string,
): number | undefined {
  if (typeof serverName !== "string") return undefined;
  const m = /^b(\d{1,9})\.(.+)$/.exec(serverName.toLowerCase());
  if (m === null) return undefined;
  if (domain !== "" && m[2] !== domain.toLowerCase()) return undefined;
  return Number(m[1]);
}
