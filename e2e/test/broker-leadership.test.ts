/**
 * Leadership moves between three broker processes (zones a, b, c) over a 3-voter metadata
 * quorum without losing or duplicating an acknowledged write, on a topic with replication
 * factor 3 and min.insync.replicas 2:
 * - controlled shutdown: while an idempotent producer sends acks=all batches one after
 *   another to the partition's leader (following NOT_LEADER_OR_FOLLOWER and lost connections
 *   by reading Metadata again and resending the same batch, as Kafka's producer does), the
 *   leader is stopped with SIGTERM; it finishes its controlled shutdown, another ISR member
 *   leads at a higher epoch, and every acknowledged batch is in the new leader's log at the
 *   offset it was acknowledged at, each once, with nothing else in between. The longest gap
 *   between two acknowledgements is printed.
 * - preferred election: the stopped broker comes back and rejoins the ISR, but leads nothing
 *   (automatic balancing is off in this cluster) until Kafka's kafka-leader-election.sh
 *   --election-type PREFERRED --all-topic-partitions moves leadership back to it, with every
 *   record still there, and it takes writes; asked again for that partition, the tool
 *   answers that a valid replica is already elected.
 * - automatic leader balance, in a second cluster whose controller checks every second:
 *   the preferred leader that was shut down and came back leads again without being asked.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { encodeRecordBatch } from "@runnel/log";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrokerProcess, startBroker } from "../harness/broker.js";
import {
  initProducerId,
  produceBatch,
  readPartitionValues,
  requestCreateTopic,
  topicMetadata,
  waitForTopic,
  withWire,
} from "../harness/kafka-ops.js";
import { WireClient } from "../harness/kafka-wire.js";
import { MetadataQuorum } from "../harness/metadata.js";
import { repoRoot, waitUntil } from "../harness/process.js";

const run = promisify(execFile);

const ZONES: [number, string][] = [
  [1, "a"],
  [2, "b"],
  [3, "c"],
];
const RECORDS_PER_BATCH = 3;
/** Kafka's error codes after which the producer looks for the leader again. */
const NOT_LEADER_OR_FOLLOWER = 6;
const LEADER_NOT_AVAILABLE = 5;
/**
 * Kafka's retriable produce errors: the two above, REQUEST_TIMED_OUT, NOT_ENOUGH_REPLICAS,
 * NOT_ENOUGH_REPLICAS_AFTER_APPEND. Any other error fails the test.
 */
const RETRIABLE = new Set([NOT_LEADER_OR_FOLLOWER, LEADER_NOT_AVAILABLE, 7, 19, 20]);
/** Sends of one batch before the producer gives up. */
const ATTEMPTS_MAX = 500;

/** A quorum and three brokers, with what a test needs to reach them. */
class Cluster {
  readonly brokers = new Map<number, BrokerProcess>();
  constructor(readonly q: MetadataQuorum) {}

  static async start(extraEnv: Record<string, string>): Promise<Cluster> {
    const c = new Cluster(await MetadataQuorum.start({ voters: 3, extraEnv }));
    const started = await Promise.all(ZONES.map(([id, zone]) => startBroker(c.q, id, zone)));
    for (const b of started) c.brokers.set(b.nodeId, b);
    return c;
  }

  broker(id: number): BrokerProcess {
    const b = this.brokers.get(id);
    if (b === undefined) throw new Error(`no broker ${id}`);
    return b;
  }

  running(): number[] {
    return [...this.brokers.values()].filter((b) => b.process.running).map((b) => b.nodeId);
  }

  /** A partition's state as a running broker's Metadata answer shows it. */
  async state(topic: string, partition: number, askId?: number) {
    for (const id of askId === undefined ? this.running() : [askId]) {
      try {
        return await withWire(this.broker(id).port, async (wire) => {
          const t = await topicMetadata(wire, topic);
          const p = t?.partitions.find((x) => x.partitionIndex === partition);
          if (t === undefined || p === undefined) throw new Error(`no ${topic}-${partition}`);
          return {
            topicId: t.topicId,
            leader: p.leaderId,
            epoch: p.leaderEpoch,
            replicas: [...p.replicaNodes],
            isr: [...p.isrNodes].sort(),
          };
        });
      } catch (e) {
        if (askId !== undefined) throw e;
      }
    }
    throw new Error("no running broker answered Metadata");
  }

  async createTopic(name: string, partitions: number): Promise<void> {
    const created = await withWire(this.broker(1).port, (wire) =>
      requestCreateTopic(wire, name, {
        partitions,
        replicationFactor: 3,
        configs: { "min.insync.replicas": "2" },
      }),
    );
    expect(created?.errorCode).toBe(0);
    for (const id of this.running()) {
      await withWire(this.broker(id).port, (wire) =>
        waitForTopic(
          wire,
          name,
          (t) => t.partitions.length === partitions && t.partitions.every((p) => p.isrNodes.length === 3),
          { attempts: 400 },
        ),
      );
    }
  }

  /** Every record of a partition on broker `id`, from offset 0, in offset order. */
  async readAll(
    id: number,
    topicId: string,
    partition: number,
  ): Promise<{ offset: bigint; value: string }[]> {
    return withWire(this.broker(id).port, (wire) => readPartitionValues(wire, topicId, partition));
  }

  async close(): Promise<void> {
    for (const b of this.brokers.values()) await b.process.close();
    await this.q.close();
  }
}

const recordValue = (batch: number, i: number) => `batch-${batch}-${i}`;

interface Ack {
  readonly batch: number;
  readonly offset: bigint;
  readonly atMs: number;
}

/**
 * An idempotent acks=all producer to one partition, one batch in flight: each batch is sent
 * to whichever broker leads, and resent, unchanged, until a broker acknowledges it.
 */
class Producer {
  readonly acks: Ack[] = [];
  /** Answers other than success, by error code ("lost" for a connection that failed). */
  readonly refusals = new Map<string, number>();
  private stopping = false;
  private done: Promise<void> | null = null;
  private failure: unknown;

  constructor(
    private readonly c: Cluster,
    private readonly topic: string,
    private readonly partition: number,
  ) {}

  start(): void {
    this.done = this.loop().catch((e: unknown) => {
      this.failure = e;
    });
  }

  /** Stops after the batch in flight is acknowledged; throws what stopped the producer, if anything did. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.done;
    if (this.failure !== undefined) throw this.failure;
  }

  private note(what: string): void {
    this.refusals.set(what, (this.refusals.get(what) ?? 0) + 1);
  }

  private async leader(): Promise<number> {
    return waitUntil(
      "a running leader",
      async () => {
        const s = await this.c.state(this.topic, this.partition).catch(() => undefined);
        return s !== undefined && this.c.running().includes(s.leader) ? s.leader : undefined;
      },
      30_000,
      50,
    );
  }

  private async loop(): Promise<void> {
    let wire: WireClient | null = null;
    const first = await withWire(this.c.broker(1).port, initProducerId);
    expect(first.errorCode).toBe(0);
    const producer = { producerId: first.producerId, producerEpoch: first.producerEpoch };
    try {
      for (let batch = 0; !this.stopping; batch++) {
        const bytes = encodeRecordBatch({
          ...producer,
          baseSequence: batch * RECORDS_PER_BATCH,
          records: Array.from({ length: RECORDS_PER_BATCH }, (_, i) => ({
            value: Buffer.from(recordValue(batch, i)),
          })),
        });
        for (let attempt = 1; ; attempt++) {
          if (attempt > ATTEMPTS_MAX)
            throw new Error(`batch ${batch} was not acknowledged in ${ATTEMPTS_MAX} sends`);
          if (wire === null || wire.isClosed) {
            wire?.close();
            wire = await WireClient.connect(this.c.broker(await this.leader()).port).catch(() => null);
            if (wire === null) {
              this.note("lost");
              await new Promise((res) => setTimeout(res, 50));
              continue;
            }
          }
          const r = await produceBatch(wire, this.topic, this.partition, bytes, {
            acks: -1,
            timeoutMs: 5_000,
            answerWithinMs: 10_000,
          }).catch(() => undefined);
          if (r?.errorCode === 0) {
            this.acks.push({ batch, offset: r.baseOffset, atMs: Date.now() });
            break;
          }
          this.note(r === undefined ? "lost" : String(r.errorCode));
          if (r !== undefined && !RETRIABLE.has(r.errorCode)) {
            throw new Error(`batch ${batch}: produce answered error ${r.errorCode} (${r.errorMessage})`);
          }
          // The outcome of a lost answer is unknown: the same batch goes again, and the
          // leader's sequence check makes a second copy impossible.
          if (
            r === undefined ||
            r.errorCode === NOT_LEADER_OR_FOLLOWER ||
            r.errorCode === LEADER_NOT_AVAILABLE
          ) {
            wire.close();
            wire = null;
          }
          await new Promise((res) => setTimeout(res, 20));
        }
      }
    } finally {
      wire?.close();
    }
  }

  async waitForAcks(count: number, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.acks.length < count) {
      if (this.failure !== undefined) throw this.failure;
      if (Date.now() > deadline) {
        throw new Error(`${this.acks.length} of ${count} batches acknowledged after ${timeoutMs} ms`);
      }
      await new Promise((res) => setTimeout(res, 20));
    }
  }

  /** The longest time between two acknowledgements, in ms. */
  longestGapMs(): number {
    let gap = 0;
    for (let i = 1; i < this.acks.length; i++) {
      gap = Math.max(gap, (this.acks[i] as Ack).atMs - (this.acks[i - 1] as Ack).atMs);
    }
    return gap;
  }
}

/**
 * The partition's log holds exactly the acknowledged batches, in order, each at the offset it
 * was acknowledged at: nothing lost, nothing twice, nothing that was not acknowledged.
 */
function expectExactly(log: { offset: bigint; value: string }[], acks: readonly Ack[]): void {
  const expected = acks.flatMap((a) =>
    Array.from({ length: RECORDS_PER_BATCH }, (_, i) => ({
      offset: a.offset + BigInt(i),
      value: recordValue(a.batch, i),
    })),
  );
  expect(acks.map((a) => a.batch)).toEqual(acks.map((_, i) => i));
  expect(log).toEqual(expected);
}

async function leaderElection(bootstrap: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(
    "bash",
    [
      join(repoRoot, "e2e/peers/kafka-cli/cli.sh"),
      "kafka-leader-election",
      "--bootstrap-server",
      bootstrap,
      "--election-type",
      "PREFERRED",
      ...args,
    ],
    { timeout: 90_000 },
  );
  return stdout;
}

describe("controlled shutdown and preferred election", () => {
  const TOPIC = "leadership";
  let c: Cluster;

  beforeAll(async () => {
    // Leadership moves back only when asked, here.
    c = await Cluster.start({ RUNNEL_METADATA_AUTO_LEADER_REBALANCE_ENABLE: "false" });
  }, 180_000);

  afterAll(async () => {
    await c?.close();
  });

  let first: Awaited<ReturnType<Cluster["state"]>>;
  let acks: readonly Ack[] = [];

  it("moves leadership off a broker stopped with SIGTERM without losing or repeating an acknowledged batch", async () => {
    await c.createTopic(TOPIC, 1);
    first = await c.state(TOPIC, 0);
    expect(first.isr).toEqual([1, 2, 3]);
    // The preferred (first) replica leads a new partition.
    expect(first.leader).toBe(first.replicas[0]);

    const producer = new Producer(c, TOPIC, 0);
    producer.start();
    await producer.waitForAcks(30);
    const exit = await c.broker(first.leader).process.stop();
    const stoppedAt = producer.acks.length;
    // It left cleanly, after the controller moved its leadership (not killed after the grace time).
    expect(exit).toEqual({ code: 0, signal: null });
    expect(c.broker(first.leader).process.lines.some((l) => l.msg === "controlled shutdown complete")).toBe(
      true,
    );
    await producer.waitForAcks(stoppedAt + 30);
    await producer.stop();

    const after = await c.state(TOPIC, 0);
    expect(after.leader).not.toBe(first.leader);
    expect(first.isr).toContain(after.leader);
    expect(after.epoch).toBeGreaterThan(first.epoch);
    expect(after.isr).not.toContain(first.leader);
    expect(after.isr).toHaveLength(2);

    acks = producer.acks;
    expectExactly(await c.readAll(after.leader, first.topicId, 0), acks);
    // The other follower has the same log.
    const follower = after.isr.find((id) => id !== after.leader) as number;
    await waitUntil(
      "the follower caught up",
      async () =>
        (await c.readAll(follower, first.topicId, 0)).length === acks.length * RECORDS_PER_BATCH
          ? true
          : undefined,
      20_000,
      100,
    );
    expectExactly(await c.readAll(follower, first.topicId, 0), acks);
    console.log(
      `controlled shutdown of broker ${first.leader}: ${acks.length} batches acknowledged, longest gap between acknowledgements ${producer.longestGapMs()} ms, other answers ${JSON.stringify(Object.fromEntries(producer.refusals))}`,
    );
  }, 240_000);

  it("gives leadership back to the preferred replica with kafka-leader-election.sh once it is in the ISR again", async () => {
    const preferred = first.leader;
    const b = c.broker(preferred);
    b.process.start();
    await b.process.waitForLine((l) => l.msg === "unfenced", 60_000);
    const rejoined = await waitUntil(
      "the restarted broker back in the ISR",
      async () => {
        const s = await c.state(TOPIC, 0);
        return s.isr.length === 3 ? s : undefined;
      },
      60_000,
      200,
    );
    // Back in the ISR, it still leads nothing: nobody asked.
    expect(rejoined.leader).not.toBe(preferred);

    const out = await leaderElection(c.broker(preferred).bootstrap, "--all-topic-partitions");
    expect(out).toContain(`Successfully completed leader election (PREFERRED) for partitions ${TOPIC}-0`);
    // The answer waited until the broker asked showed the new leader.
    const elected = await c.state(TOPIC, 0, preferred);
    expect(elected.leader).toBe(preferred);
    expect(elected.epoch).toBeGreaterThan(rejoined.epoch);
    expect(elected.isr).toEqual([1, 2, 3]);
    expectExactly(await c.readAll(preferred, first.topicId, 0), acks);

    // It leads for real: acks=all writes go on where the log ended.
    await withWire(c.broker(preferred).port, async (wire) => {
      const r = await produceBatch(
        wire,
        TOPIC,
        0,
        encodeRecordBatch({ records: [{ value: Buffer.from("after") }] }),
      );
      expect(r.errorCode).toBe(0);
      expect(r.baseOffset).toBe(BigInt(acks.length * RECORDS_PER_BATCH));
    });

    // Nothing is left to elect: asked for the partition by name, the tool says so.
    const again = await leaderElection(c.broker(1).bootstrap, "--topic", TOPIC, "--partition", "0");
    expect(again).toContain(`Valid replica already elected for partitions ${TOPIC}-0`);
  }, 240_000);
});

describe("automatic leader balance", () => {
  const TOPIC = "balanced";
  let c: Cluster;

  beforeAll(async () => {
    c = await Cluster.start({ RUNNEL_METADATA_LEADER_IMBALANCE_CHECK_INTERVAL_MS: "1000" });
  }, 180_000);

  afterAll(async () => {
    await c?.close();
  });

  it("gives leadership back to a preferred replica that returned, without being asked", async () => {
    await c.createTopic(TOPIC, 3);
    const before = await Promise.all([0, 1, 2].map((p) => c.state(TOPIC, p)));
    for (const s of before) expect(s.leader).toBe(s.replicas[0]);
    const preferred = (before[0] as (typeof before)[number]).leader;
    const led = before.filter((s) => s.leader === preferred).map((s) => before.indexOf(s));

    await withWire(c.broker(preferred).port, async (wire) => {
      const r = await produceBatch(
        wire,
        TOPIC,
        0,
        encodeRecordBatch({ records: [{ value: Buffer.from("one") }] }),
      );
      expect(r.errorCode).toBe(0);
    });
    expect(await c.broker(preferred).process.stop()).toEqual({ code: 0, signal: null });
    for (const p of led) expect((await c.state(TOPIC, p)).leader).not.toBe(preferred);

    const b = c.broker(preferred);
    b.process.start();
    await b.process.waitForLine((l) => l.msg === "unfenced", 60_000);
    const balanced = await waitUntil(
      "the preferred replica leading again",
      async () => {
        const states = await Promise.all(led.map((p) => c.state(TOPIC, p, preferred)));
        return states.every((s) => s.leader === preferred && s.isr.length === 3) ? states : undefined;
      },
      60_000,
      200,
    );
    for (const [i, s] of balanced.entries()) {
      expect(s.epoch).toBeGreaterThan((before[led[i] as number] as (typeof before)[number]).epoch + 1);
    }
    // The active controller did it, on its timer.
    expect(
      c.q.voters.some((v) => v.lines.some((l) => l.msg === "leader imbalance: elected preferred leaders")),
    ).toBe(true);
    expect(await c.readAll(preferred, (before[0] as (typeof before)[number]).topicId, 0)).toEqual([
      { offset: 0n, value: "one" },
    ]);
  }, 240_000);
});
