/**
 * A control plane over a real, single-voter metadata quorum running in this process (its
 * gRPC server on a free loopback port, its log in a temporary directory), with brokers
 * registered by hand so that cells exist: logical clusters are placed only into cells with
 * active brokers.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ImageWatch, metadataConfigSchema, startMetadataVoter } from "@runnel/metadata";
import { ControllerService, LeaderClient } from "@runnel/rpc";
import { createLogger, SeededRandom, type ServiceHandle, SystemClock, startService } from "@runnel/runtime";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../src/app.js";

export const TOKEN = "test-admin-token";
export const AUTH = { authorization: `Bearer ${TOKEN}` };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address !== null ? address.port : 0));
    });
  });
}

export class TestPlane {
  private nextBroker = 1;

  private constructor(
    readonly root: string,
    readonly address: string,
    readonly voter: ServiceHandle<unknown>,
    readonly controller: LeaderClient<typeof ControllerService>,
    readonly images: ImageWatch,
    readonly app: FastifyInstance,
  ) {}

  static async start(): Promise<TestPlane> {
    const root = mkdtempSync(join(tmpdir(), "runnel-control-plane-"));
    const port = await freePort();
    const address = `127.0.0.1:${port}`;
    const voter = await startService(
      { name: "metadata", configSchema: metadataConfigSchema, start: startMetadataVoter },
      {
        env: {
          RUNNEL_METADATA_NODE_ID: "1",
          RUNNEL_METADATA_VOTERS: `1@${address}`,
          RUNNEL_METADATA_DATA_DIR: join(root, "metadata"),
          RUNNEL_METADATA_ADMIN_HOST: "127.0.0.1",
          RUNNEL_METADATA_TICK_MS: "20",
          RUNNEL_METADATA_HEARTBEAT_INTERVAL_MS: "20",
          RUNNEL_METADATA_ELECTION_TIMEOUT_MS: "200",
          // Hand-registered brokers never heartbeat again; they must stay active for the test.
          RUNNEL_METADATA_SESSION_TIMEOUT_MS: "1h",
          RUNNEL_METADATA_FSYNC: "false",
          RUNNEL_METADATA_DEFAULT_REPLICATION_FACTOR: "1",
          RUNNEL_METADATA_LOG_LEVEL: "silent",
        },
      },
    );
    const clock = new SystemClock();
    const logger = createLogger({ service: "control-plane", instanceId: "test", level: "silent", clock });
    const controller = new LeaderClient(ControllerService, { addresses: [address], retryForMs: 20_000 });
    const images = new ImageWatch({
      voters: [address],
      watcher: "control-plane-test",
      clock,
      random: new SeededRandom(1),
      logger,
    });
    images.start();
    const app = await buildApp({
      controller,
      images,
      adminToken: TOKEN,
      url: "http://127.0.0.1:8080",
      logger,
      visibleTimeoutMs: 10_000,
    });
    return new TestPlane(root, address, voter, controller, images, app);
  }

  /** Registers and unfences a broker in `cell`; returns its id. */
  async addBroker(cell: string): Promise<number> {
    const brokerId = this.nextBroker++;
    const { brokerEpoch } = await this.controller.call((c, o) =>
      c.brokerRegistration(
        {
          brokerId,
          clusterId: "runnel-local",
          incarnationId: new Uint8Array(16).fill(brokerId),
          zone: "",
          cell,
          listeners: [{ name: "PLAINTEXT", host: "127.0.0.1", port: 1 }],
          previousBrokerEpoch: -1n,
        },
        o,
      ),
    );
    const hb = await this.controller.call((c, o) =>
      c.brokerHeartbeat({ brokerId, brokerEpoch, metadataOffset: brokerEpoch + 1n }, o),
    );
    if (hb.isFenced) throw new Error(`broker ${brokerId} stayed fenced`);
    await this.images.waitFor((i) => i.brokers.get(brokerId)?.fenced === false, 10_000);
    return brokerId;
  }

  /** Creates a topic under its stored (namespaced) name, as a broker would for a tenant. */
  async createTopic(internalName: string, partitions: number): Promise<void> {
    const res = await this.controller.call((c, o) =>
      c.createTopics(
        { topics: [{ name: internalName, numPartitions: partitions, replicationFactor: 1 }] },
        o,
      ),
    );
    const r = res.topics[0];
    if (r === undefined || r.errorCode !== 0) throw new Error(`topic ${internalName}: ${r?.errorMessage}`);
    await this.images.waitFor((i) => i.topicKeysByName.has(internalName), 10_000);
  }

  async close(): Promise<void> {
    await this.app.close();
    this.images.close();
    this.controller.close();
    await this.voter.shutdown("test over");
    rmSync(this.root, { recursive: true, force: true });
  }
}
