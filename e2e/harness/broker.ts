/**
 * A broker process for end-to-end tests, following a MetadataQuorum.
 */
import { join } from "node:path";
import type { MetadataQuorum } from "./metadata.js";
import { freePort, ManagedProcess } from "./process.js";

export interface BrokerProcess {
  readonly process: ManagedProcess;
  readonly nodeId: number;
  /** The address the broker listens on and advertises to clients. */
  readonly host: string;
  readonly port: number;
  readonly bootstrap: string;
}

export interface BrokerOptions {
  /**
   * The address the broker listens on and advertises; 127.0.0.1 unless told (e.g. its
   * network namespace's address).
   */
  readonly host?: string;
  /** A command the broker runs under (see ProcessSpec.wrap), e.g. `ip netns exec NS`. */
  readonly wrap?: readonly string[];
}

export async function startBroker(
  q: MetadataQuorum,
  nodeId: number,
  zone: string,
  extraEnv: Readonly<Record<string, string>> = {},
  o: BrokerOptions = {},
): Promise<BrokerProcess> {
  const host = o.host ?? "127.0.0.1";
  // Checked free on 127.0.0.1; in a network namespace of its own, every port is free anyway.
  const port = await freePort();
  const p = new ManagedProcess({
    name: `broker-${nodeId}`,
    entry: "services/broker/src/main.ts",
    logDir: join(q.root, "logs"),
    env: {
      RUNNEL_BROKER_NODE_ID: String(nodeId),
      RUNNEL_BROKER_ZONE: zone,
      RUNNEL_BROKER_DATA_DIR: join(q.root, `broker-${nodeId}`),
      RUNNEL_BROKER_LISTEN_HOST: host,
      RUNNEL_BROKER_LISTEN_PORT: String(port),
      RUNNEL_BROKER_ADMIN_HOST: "127.0.0.1",
      RUNNEL_BROKER_METADATA_VOTERS: q.addresses.join(","),
      RUNNEL_BROKER_HEARTBEAT_INTERVAL_MS: "250",
      ...extraEnv,
    },
    ...(o.wrap !== undefined ? { wrap: o.wrap } : {}),
  });
  p.start();
  try {
    await p.waitForLine((l) => l.msg === "unfenced", 60_000);
  } catch (e) {
    // A broker that never became ready is not left running behind the failed test.
    await p.close();
    throw e;
  }
  return { process: p, nodeId, host, port, bootstrap: `${host}:${port}` };
}
