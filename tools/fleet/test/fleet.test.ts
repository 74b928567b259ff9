import { describe, expect, it } from "vitest";
import { FLEET, planFleet } from "../src/fleet.js";

describe("the local fleet table", () => {
  it("plans three metadata voters, three replicating brokers, the proxy and the control plane on the documented ports", async () => {
    const specs = await planFleet({ dataDir: "/data", adminToken: "t0ken" });
    expect(specs.map((s) => `${s.name}@${s.tier}`)).toEqual([
      "metadata-1@0",
      "metadata-2@0",
      "metadata-3@0",
      "broker-1@1",
      "broker-2@1",
      "broker-3@1",
      "proxy-1@2",
      "control-plane-1@2",
    ]);
    const voters = "1@127.0.0.1:9301,2@127.0.0.1:9302,3@127.0.0.1:9303";
    expect(specs[1]).toEqual({
      name: "metadata-2",
      service: "metadata",
      entry: "services/metadata/src/main.ts",
      tier: 0,
      readyPort: 9312,
      env: {
        RUNNEL_METADATA_NODE_ID: "2",
        RUNNEL_METADATA_DATA_DIR: "/data/metadata-2",
        RUNNEL_METADATA_VOTERS: voters,
        RUNNEL_METADATA_ADMIN_HOST: "127.0.0.1",
        RUNNEL_METADATA_ADMIN_PORT: "9312",
        RUNNEL_METADATA_DEFAULT_REPLICATION_FACTOR: "3",
      },
    });
    const brokers = specs.slice(3, 6);
    expect(brokers.map((b) => b.env.RUNNEL_BROKER_LISTEN_PORT)).toEqual(["9201", "9202", "9203"]);
    // Clients are told the proxy's port for each broker.
    expect(brokers.map((b) => b.env.RUNNEL_BROKER_ADVERTISED_PORT)).toEqual(["9101", "9102", "9103"]);
    expect(brokers.map((b) => b.env.RUNNEL_BROKER_ZONE)).toEqual(["a", "b", "c"]);
    expect(brokers.map((b) => b.readyPort)).toEqual([9321, 9322, 9323]);
    expect(brokers[0]).toEqual({
      name: "broker-1",
      service: "broker",
      entry: "services/broker/src/main.ts",
      tier: 1,
      readyPort: 9321,
      env: {
        RUNNEL_BROKER_NODE_ID: "1",
        RUNNEL_BROKER_ADVERTISED_HOST: "127.0.0.1",
        RUNNEL_BROKER_ADVERTISED_PORT: "9101",
        RUNNEL_BROKER_AUTHENTICATION: "sasl",
        RUNNEL_BROKER_ANONYMOUS_LOGICAL_CLUSTER: "lkc-000000",
        RUNNEL_BROKER_ZONE: "a",
        RUNNEL_BROKER_CELL: "cell-1",
        RUNNEL_BROKER_DATA_DIR: "/data/broker-1",
        RUNNEL_BROKER_LISTEN_PORT: "9201",
        RUNNEL_BROKER_ADMIN_HOST: "127.0.0.1",
        RUNNEL_BROKER_ADMIN_PORT: "9321",
        RUNNEL_BROKER_METADATA_VOTERS: "127.0.0.1:9301,127.0.0.1:9302,127.0.0.1:9303",
        RUNNEL_BROKER_REPLICATION_PORT: "9331",
        RUNNEL_BROKER_DEFAULT_REPLICATION_FACTOR: "3",
        RUNNEL_BROKER_OFFSETS_TOPIC_REPLICATION_FACTOR: "3",
        RUNNEL_BROKER_MIN_INSYNC_REPLICAS: "2",
      },
    });
    const [proxy, controlPlane] = specs.slice(6);
    expect(proxy?.env).toMatchObject({
      RUNNEL_PROXY_BOOTSTRAP_PORT: "9092",
      RUNNEL_PROXY_BROKER_PORT_BASE: "9100",
      RUNNEL_PROXY_METADATA_VOTERS: "127.0.0.1:9301,127.0.0.1:9302,127.0.0.1:9303",
      RUNNEL_PROXY_ANONYMOUS: "true",
    });
    expect(controlPlane?.env).toMatchObject({
      RUNNEL_CONTROL_PLANE_PORT: "8080",
      RUNNEL_CONTROL_PLANE_ADMIN_TOKEN: "t0ken",
      RUNNEL_CONTROL_PLANE_DEFAULT_LOGICAL_CLUSTER: "lkc-000000",
    });
  });

  it("replicates with as many brokers as a smaller fleet has", async () => {
    const fleet = FLEET.map((s) => (s.service === "broker" ? { ...s, instances: 1 } : s));
    const specs = await planFleet({ dataDir: "/data", fleet, adminToken: "t0ken" });
    expect(specs[0]?.env.RUNNEL_METADATA_DEFAULT_REPLICATION_FACTOR).toBe("1");
    expect(specs[3]?.env).toMatchObject({
      RUNNEL_BROKER_DEFAULT_REPLICATION_FACTOR: "1",
      RUNNEL_BROKER_OFFSETS_TOPIC_REPLICATION_FACTOR: "1",
      RUNNEL_BROKER_MIN_INSYNC_REPLICAS: "1",
    });
  });

  it("lets a plan choose other ports, and every address follows", async () => {
    let next = 40_000;
    const chosen: string[] = [];
    const specs = await planFleet({
      dataDir: "/d",
      adminToken: "t0ken",
      port: (name, portName) => {
        chosen.push(`${name}.${portName}`);
        return next++;
      },
    });
    expect(chosen.slice(0, 4)).toEqual([
      "metadata-1.raft",
      "metadata-1.admin",
      "metadata-2.raft",
      "metadata-2.admin",
    ]);
    expect(specs[0]?.env.RUNNEL_METADATA_VOTERS).toBe(
      "1@127.0.0.1:40000,2@127.0.0.1:40002,3@127.0.0.1:40004",
    );
    expect(specs[0]?.readyPort).toBe(40_001);
    expect(specs[3]?.env.RUNNEL_BROKER_METADATA_VOTERS).toBe(
      "127.0.0.1:40000,127.0.0.1:40002,127.0.0.1:40004",
    );
    expect(specs[3]?.env.RUNNEL_BROKER_LISTEN_PORT).toBe("40006");
  });

  it("names every instance uniquely", () => {
    const services = FLEET.map((s) => s.service);
    expect(new Set(services).size).toBe(services.length);
  });
});
