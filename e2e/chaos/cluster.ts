/**
 * The cluster a chaos run works on: a metadata quorum of voter processes and
 * brokers in zones a, b, c, ..., each broker optionally in a network
 * namespace of its own (so that it can be partitioned; the voters then
 * listen on the bridge's address) and optionally with the slow-disk shim
 * preloaded (off until a fault turns it on). It applies the fault
 * primitives of faults/ to its processes by node id, undoes whatever is
 * still in place (`healAll`, also on `close`), and answers what the brokers
 * see: a topic's leaders, replicas and ISR, and whether every broker is back
 * and every partition has a leader and enough in-sync replicas.
 */
import { cpSync, existsSync } from "node:fs";
import { join } from "node:path";
import { ZERO_UUID } from "@runnel/kafka-protocol";
import { type BrokerProcess, startBroker } from "../harness/broker.js";
import { controllerCreateTopic } from "../harness/kafka-ops.js";
import { WireClient } from "../harness/kafka-wire.js";
import { MetadataQuorum } from "../harness/metadata.js";
import { type ManagedProcess, waitUntil } from "../harness/process.js";
import { ChaosNetwork } from "./faults/network.js";
import { kill9, pause, restart, resume } from "./faults/process.js";
import { SlowDisk } from "./faults/slow-disk.js";

export interface ChaosClusterOptions {
  /** Brokers, with node ids 1..n; 3 unless told. */
  readonly brokers?: number;
  /** Metadata voters; 3 unless told. */
  readonly voters?: number;
  /** Run each broker in a network namespace of its own, so that it can be partitioned. */
  readonly isolate?: boolean;
  /** Start each broker with the slow-disk shim preloaded (off until `slowDisk(id, ms)`). */
  readonly slowDisk?: boolean;
  /** How long the controller waits for a broker's heartbeat before fencing it; 3000 ms unless told. */
  readonly sessionTimeoutMs?: number;
}

/** One partition as a broker's Metadata answer shows it. */
export interface PartitionView {
  readonly partition: number;
  readonly leader: number;
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
}

/** A broker's Metadata answer for one topic: the brokers it lists (the unfenced ones) and the topic's partitions. */
export interface TopicView {
  readonly from: number;
  readonly brokers: readonly number[];
  readonly partitions: readonly PartitionView[];
}

const ZONES = "abcdefghijklmnopqrstuvwxyz";

export class ChaosCluster {
  /** Brokers paused now, by node id. */
  private readonly paused = new Set<number>();

  private constructor(
    readonly quorum: MetadataQuorum,
    readonly brokers: readonly BrokerProcess[],
    readonly network: ChaosNetwork | null,
    private readonly disks: ReadonlyMap<number, SlowDisk>,
  ) {}

  static async start(o: ChaosClusterOptions = {}): Promise<ChaosCluster> {
    const n = o.brokers ?? 3;
    const network = o.isolate === true ? await ChaosNetwork.create(n) : null;
    let quorum: MetadataQuorum | undefined;
    const started: BrokerProcess[] = [];
    try {
      quorum = await MetadataQuorum.start({
        voters: o.voters ?? 3,
        sessionTimeoutMs: o.sessionTimeoutMs ?? 3_000,
        ...(network !== null ? { host: network.hostAddress } : {}),
      });
      const q = quorum;
      const disks = new Map<number, SlowDisk>();
      if (o.slowDisk === true)
        for (let id = 1; id <= n; id++) disks.set(id, await SlowDisk.create(join(q.root, `slow-disk-${id}`)));
      const results = await Promise.allSettled(
        Array.from({ length: n }, (_, i) =>
          startBroker(
            q,
            i + 1,
            ZONES[i % ZONES.length] as string,
            disks.get(i + 1)?.env() ?? {},
            network !== null ? { host: network.node(i).address, wrap: network.wrap(i) } : {},
          ),
        ),
      );
      for (const r of results) if (r.status === "fulfilled") started.push(r.value);
      const failed = results.find((r) => r.status === "rejected");
      if (failed !== undefined) throw failed.reason;
      return new ChaosCluster(q, started, network, disks);
    } catch (e) {
      for (const b of started) await b.process.close();
      await quorum?.close();
      await network?.close();
      throw e;
    }
  }

  /** A client's bootstrap address: the first broker's. */
  get bootstrap(): string {
    return (this.brokers[0] as BrokerProcess).bootstrap;
  }

  broker(id: number): BrokerProcess {
    const b = this.brokers.find((x) => x.nodeId === id);
    if (b === undefined) throw new Error(`no broker ${id}`);
    return b;
  }

  // ---- faults ----

  /** Kills broker `id` with -9. */
  async killBroker(id: number): Promise<void> {
    await kill9(this.broker(id).process);
  }

  /** Starts a killed broker again on its data, in its namespace, and waits until the controller unfences it. */
  async restartBroker(id: number, timeoutMs = 60_000): Promise<void> {
    await restart(this.broker(id).process, (l) => l.msg === "unfenced", timeoutMs);
  }

  /** Kills metadata voter `index` (0-based) with -9. */
  async killVoter(index: number): Promise<void> {
    await kill9(this.voter(index));
  }

  /** Starts a killed voter again on its data and waits until it answers its status. */
  async restartVoter(index: number, timeoutMs = 60_000): Promise<void> {
    await restart(this.voter(index), (l) => l.msg === "metadata voter started", timeoutMs);
    await waitUntil(`metadata voter ${index + 1} answering`, () => this.quorum.status(index, 500), timeoutMs);
  }

  /** SIGSTOPs broker `id`. */
  async pauseBroker(id: number): Promise<void> {
    await pause(this.broker(id).process);
    this.paused.add(id);
  }

  /** SIGCONTs broker `id`. */
  async resumeBroker(id: number): Promise<void> {
    await resume(this.broker(id).process);
    this.paused.delete(id);
  }

  /** Cuts broker `id` off from the other brokers, the voters and the clients. */
  async partitionBroker(id: number): Promise<void> {
    await this.net().partition(this.networkIndex(id));
  }

  async healBroker(id: number): Promise<void> {
    await this.net().heal(this.networkIndex(id));
  }

  /** Delays broker `id`'s writes and syncs of files by `ms` (0: off). */
  slowDisk(id: number, ms: number): void {
    const d = this.disks.get(id);
    if (d === undefined)
      throw new Error(`broker ${id} has no slow-disk shim (start the cluster with slowDisk)`);
    d.set(ms);
  }

  private voter(index: number): ManagedProcess {
    const v = this.quorum.voters[index];
    if (v === undefined) throw new Error(`no metadata voter ${index + 1}`);
    return v;
  }

  private net(): ChaosNetwork {
    if (this.network === null)
      throw new Error("the cluster's brokers are not in network namespaces (start it with isolate)");
    return this.network;
  }

  private networkIndex(id: number): number {
    return this.brokers.indexOf(this.broker(id));
  }

  // ---- what the brokers see ----

  /**
   * Creates the topic through the controller. With `assignments` (one replica
   * list per partition, the first the preferred leader) the controller places
   * nothing itself. Waits until every broker shows every partition with a
   * leader and all its replicas.
   */
  async createTopic(o: {
    name: string;
    partitions: number;
    replicationFactor: number;
    configs?: Readonly<Record<string, string>>;
    assignments?: readonly (readonly number[])[];
  }): Promise<void> {
    const configs = Object.entries(o.configs ?? {}).map(([key, value]) => ({ key, value }));
    const r = await controllerCreateTopic(
      this.quorum,
      o.assignments !== undefined
        ? {
            name: o.name,
            assignments: o.assignments.map((brokerIds) => ({ brokerIds: [...brokerIds] })),
            configs,
          }
        : { name: o.name, numPartitions: o.partitions, replicationFactor: o.replicationFactor, configs },
    );
    if (r === undefined || r.errorCode !== 0)
      throw new Error(
        `creating topic ${o.name} (${o.partitions} partitions, replication factor ${o.replicationFactor}) failed: error ${r?.errorCode} ${r?.errorMessage ?? ""}`,
      );
    const deadline = Date.now() + 30_000;
    for (;;) {
      const views = await Promise.all(this.brokers.map((b) => this.topicView(o.name, b.nodeId)));
      const ready = views.every(
        (v) =>
          v !== undefined &&
          v.partitions.length === o.partitions &&
          v.partitions.every((p) => p.leader >= 0 && p.replicas.length === o.replicationFactor),
      );
      if (ready) return;
      if (Date.now() > deadline) throw new Error(`topic ${o.name} was not ready on every broker within 30 s`);
      await new Promise((res) => setTimeout(res, 100));
    }
  }

  /** One broker's Metadata answer for `topic`, or undefined if it does not answer within `timeoutMs`. */
  async topicView(topic: string, from: number, timeoutMs = 3_000): Promise<TopicView | undefined> {
    const b = this.broker(from);
    if (!b.process.running || this.paused.has(from)) return undefined;
    let wire: WireClient | undefined;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(resolve, timeoutMs, undefined);
    });
    const ask = async (): Promise<TopicView | undefined> => {
      wire = await WireClient.connect(b.port, b.host);
      const m = await wire.send(
        3,
        12,
        {
          topics: [{ topicId: ZERO_UUID, name: topic }],
          allowAutoTopicCreation: false,
          includeTopicAuthorizedOperations: false,
          includeClusterAuthorizedOperations: false,
        },
        timeoutMs,
      );
      const t = m.topics[0];
      if (t === undefined || t.errorCode !== 0) return undefined;
      return {
        from,
        brokers: m.brokers.map((x) => x.nodeId).sort((x, y) => x - y),
        partitions: t.partitions
          .map((p) => ({
            partition: p.partitionIndex,
            leader: p.leaderId,
            replicas: p.replicaNodes,
            isr: p.isrNodes,
          }))
          .sort((x, y) => x.partition - y.partition),
      };
    };
    try {
      return await Promise.race([ask().catch(() => undefined), timeout]);
    } finally {
      clearTimeout(timer);
      wire?.close();
    }
  }

  /** The first answer for `topic` from a broker not in `exclude`, trying each in turn. */
  async anyTopicView(topic: string, exclude: readonly number[] = []): Promise<TopicView | undefined> {
    for (const b of this.brokers) {
      if (exclude.includes(b.nodeId)) continue;
      const v = await this.topicView(topic, b.nodeId);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  /**
   * Whether the cluster is whole again for `topic`: every broker answers,
   * lists every broker as unfenced, and shows every partition with a leader
   * and at least `minIsr` in-sync replicas.
   */
  async healthy(topic: string, partitions: number, minIsr: number): Promise<boolean> {
    const ids = this.brokers.map((b) => b.nodeId).sort((x, y) => x - y);
    const views = await Promise.all(ids.map((id) => this.topicView(topic, id)));
    return views.every(
      (v) =>
        v !== undefined &&
        v.brokers.length === ids.length &&
        v.brokers.every((id, i) => id === ids[i]) &&
        v.partitions.length === partitions &&
        v.partitions.every((p) => p.leader >= 0 && p.isr.length >= minIsr),
    );
  }

  /**
   * Undoes every fault still in place: resumes paused brokers, heals
   * partitions, clears slow disks, and starts killed voters and brokers again.
   */
  async healAll(): Promise<void> {
    for (const id of [...this.paused]) await this.resumeBroker(id);
    await this.network?.healAll();
    for (const d of this.disks.values()) d.set(0);
    for (let i = 0; i < this.quorum.voters.length; i++)
      if (!this.voter(i).running) await this.restartVoter(i).catch(() => {});
    for (const b of this.brokers) if (!b.process.running) await this.restartBroker(b.nodeId).catch(() => {});
  }

  /** Copies the processes' logs to `dir`/logs. */
  copyLogs(dir: string): void {
    const logs = join(this.quorum.root, "logs");
    if (existsSync(logs)) cpSync(logs, join(dir, "logs"), { recursive: true });
  }

  /** Kills every process (a stopped one too) and removes the data, the logs and the network. */
  async close(): Promise<void> {
    for (const b of this.brokers) await b.process.close();
    await this.quorum.close();
    await this.network?.close();
  }
}
