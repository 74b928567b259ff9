/**
 * A metadata quorum of real voter processes for end-to-end tests: each voter
 * runs from the service's sources with its own data directory and ports.
 * Brokers started on it keep their data and logs under the same root, which
 * `close()` removes unless RUNNEL_E2E_KEEP=1 (then it prints the path).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ControllerService,
  createClient,
  grpcTransport,
  LeaderClient,
  QuorumAdminService,
  RaftRole,
  type StatusResponse,
} from "@runnel/rpc";
import { freePort, ManagedProcess, waitUntil } from "./process.js";

export interface QuorumOptions {
  readonly voters?: number;
  readonly electionTimeoutMs?: number;
  readonly tickMs?: number;
  readonly sessionTimeoutMs?: number;
  readonly extraEnv?: Readonly<Record<string, string>>;
  /**
   * The address the voters listen on and are reached at; 127.0.0.1 unless told. Brokers in
   * other network namespaces need one they can reach, such as a bridge's address.
   */
  readonly host?: string;
}

export class MetadataQuorum {
  readonly root: string;
  readonly voters: ManagedProcess[] = [];
  readonly addresses: string[] = [];
  readonly controller: LeaderClient<typeof ControllerService>;

  private constructor(root: string, addresses: string[], voters: ManagedProcess[]) {
    this.root = root;
    this.addresses.push(...addresses);
    this.voters.push(...voters);
    this.controller = new LeaderClient(ControllerService, {
      addresses,
      retryForMs: 20_000,
      attemptTimeoutMs: 2_000,
    });
  }

  static async start(o: QuorumOptions = {}): Promise<MetadataQuorum> {
    const n = o.voters ?? 3;
    const root = mkdtempSync(join(tmpdir(), "runnel-quorum-"));
    const ports = [];
    const host = o.host ?? "127.0.0.1";
    for (let i = 0; i < n; i++) ports.push(await freePort(host));
    const addresses = ports.map((p) => `${host}:${p}`);
    const votersSpec = addresses.map((a, i) => `${i + 1}@${a}`).join(",");
    const voters = addresses.map(
      (_, i) =>
        new ManagedProcess({
          name: `metadata-${i + 1}`,
          entry: "services/metadata/src/main.ts",
          logDir: join(root, "logs"),
          env: {
            RUNNEL_METADATA_NODE_ID: String(i + 1),
            RUNNEL_METADATA_VOTERS: votersSpec,
            RUNNEL_METADATA_DATA_DIR: join(root, `data-${i + 1}`),
            RUNNEL_METADATA_ADMIN_HOST: "127.0.0.1",
            RUNNEL_METADATA_ELECTION_TIMEOUT_MS: String(o.electionTimeoutMs ?? 500),
            RUNNEL_METADATA_TICK_MS: String(o.tickMs ?? 50),
            RUNNEL_METADATA_HEARTBEAT_INTERVAL_MS: String(o.tickMs ?? 50),
            RUNNEL_METADATA_SESSION_TIMEOUT_MS: String(o.sessionTimeoutMs ?? 3_000),
            RUNNEL_METADATA_DEFAULT_REPLICATION_FACTOR: "1",
            ...o.extraEnv,
          },
        }),
    );
    const q = new MetadataQuorum(root, addresses, voters);
    for (const v of voters) v.start();
    await q.waitForLeader();
    return q;
  }

  async status(i: number, timeoutMs = 1_000): Promise<StatusResponse | undefined> {
    const t = grpcTransport(this.addresses[i] as string);
    try {
      return await createClient(QuorumAdminService, t).status({}, { timeoutMs });
    } catch {
      return undefined;
    } finally {
      t.close();
    }
  }

  /** The index (0-based) of the voter that leads, once a running majority agrees on it. */
  async waitForLeader(timeoutMs = 30_000): Promise<number> {
    return waitUntil(
      "a metadata leader",
      async () => {
        for (let i = 0; i < this.voters.length; i++) {
          if (!this.voters[i]?.running) continue;
          const s = await this.status(i, 500);
          if (s?.role === RaftRole.LEADER) return i;
        }
        return undefined;
      },
      timeoutMs,
      50,
    );
  }

  async dumpJson(i: number): Promise<{ lastOffset: string; records: Record<string, unknown>[] }> {
    const t = grpcTransport(this.addresses[i] as string);
    try {
      const d = await createClient(QuorumAdminService, t).dumpImage({}, { timeoutMs: 5_000 });
      return JSON.parse(d.json) as { lastOffset: string; records: Record<string, unknown>[] };
    } finally {
      t.close();
    }
  }

  async close(): Promise<void> {
    this.controller.close();
    for (const v of this.voters) await v.close();
    // RUNNEL_E2E_KEEP=1 keeps data and process logs for a look after the run.
    if (process.env.RUNNEL_E2E_KEEP === "1") console.log(`kept ${this.root}`);
    else rmSync(this.root, { recursive: true, force: true });
  }
}
