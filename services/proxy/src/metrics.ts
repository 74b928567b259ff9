/**
 * The proxy's instruments: connections accepted, open, refused and closed by
 * reason, and bytes each way. Without a meter (tests) they count nothing.
 */
import type { Meter } from "@runnel/runtime";

/** Why a connection was refused or closed; the `reason` attribute of the counters. */
export type CloseReason =
  | "source_connections"
  | "source_rate"
  | "tenant_connections"
  | "tenant_rate"
  | "no_broker"
  | "broker_unreachable"
  | "frame_too_large"
  | "bad_frame"
  | "unsupported_sasl"
  | "idle";

export interface ProxyMetrics {
  accepted(): void;
  refused(reason: CloseReason): void;
  closedBy(reason: CloseReason): void;
  opened(): void;
  closed(): void;
  bytesFromClients(n: number): void;
  bytesToClients(n: number): void;
}

export function proxyMetrics(meter: Meter | undefined): ProxyMetrics {
  if (meter === undefined) {
    const none = (): void => {};
    return {
      accepted: none,
      refused: none,
      closedBy: none,
      opened: none,
      closed: none,
      bytesFromClients: none,
      bytesToClients: none,
    };
  }
  const accepted = meter.createCounter("proxy.connections.accepted", {
    description: "Client connections accepted (TCP or TLS), before any limit is checked.",
  });
  const refused = meter.createCounter("proxy.connections.refused", {
    description: "Client connections refused before forwarding began, by reason.",
  });
  const closedBy = meter.createCounter("proxy.connections.closed_by_proxy", {
    description: "Forwarded client connections the proxy closed, by reason.",
  });
  const open = meter.createUpDownCounter("proxy.connections.open", {
    description: "Client connections being forwarded to a broker now.",
  });
  const received = meter.createCounter("proxy.bytes.received", {
    description: "Bytes received from clients and forwarded to brokers.",
    unit: "By",
  });
  const sent = meter.createCounter("proxy.bytes.sent", {
    description: "Bytes received from brokers and forwarded to clients.",
    unit: "By",
  });
  return {
    accepted: () => accepted.add(1),
    refused: (reason) => refused.add(1, { reason }),
    closedBy: (reason) => closedBy.add(1, { reason }),
    opened: () => open.add(1),
    closed: () => open.add(-1),
    bytesFromClients: (n) => received.add(n),
    bytesToClients: (n) => sent.add(n),
  };
}
