/**
 * Broker fencing end to end: a registered broker process that stops
 * heartbeating (kill -9) is fenced within the session timeout, and every
 * partition it led gets a new leader from its ISR; none is elected uncleanly.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MetadataQuorum } from "../harness/metadata.js";
import { ManagedProcess, waitUntil } from "../harness/process.js";

const SESSION_TIMEOUT_MS = 2_000;
let q: MetadataQuorum;
const brokers: ManagedProcess[] = [];

interface PartitionJson {
  topicId?: string;
  partition?: number;
  replicas?: number[];
  isr?: number[];
  leader?: number;
}

beforeAll(async () => {
  q = await MetadataQuorum.start({ voters: 3, sessionTimeoutMs: SESSION_TIMEOUT_MS });
  for (const [id, zone] of [
    [1, "a"],
    [2, "b"],
  ] as const) {
    const b = new ManagedProcess({
      name: `broker-${id}`,
      entry: "e2e/test/fixtures/fake-broker.ts",
      logDir: join(q.root, "logs"),
      env: { BROKER_ID: String(id), BROKER_ZONE: zone, METADATA_ADDRESSES: q.addresses.join(",") },
    });
    brokers.push(b);
    b.start();
    await b.waitForLine((l) => l.msg === "unfenced");
  }
}, 90_000);

afterAll(async () => {
  for (const b of brokers) await b.close();
  await q?.close();
});

async function partitions(): Promise<PartitionJson[]> {
  const leader = await q.waitForLeader();
  const dump = await q.dumpJson(leader);
  return dump.records.flatMap((r) => (r.partition === undefined ? [] : [r.partition as PartitionJson]));
}

async function fencedBrokers(): Promise<Set<number>> {
  const leader = await q.waitForLeader();
  const dump = await q.dumpJson(leader);
  const out = new Set<number>();
  for (const r of dump.records) {
    const b = r.registerBroker as { brokerId?: number; fenced?: boolean } | undefined;
    if (b?.fenced === true && b.brokerId !== undefined) out.add(b.brokerId);
  }
  return out;
}

describe("broker fencing", () => {
  it("fences a broker that stops heartbeating within the session timeout and moves its leadership to the ISR", async () => {
    const created = await q.controller.call((c, o) =>
      c.createTopics({ topics: [{ name: "fencing", numPartitions: 6, replicationFactor: 2 }] }, o),
    );
    expect(created.topics[0]?.errorCode).toBe(0);
    const before = await partitions();
    expect(before).toHaveLength(6);
    const ledByOne = before.filter((p) => p.leader === 1).length;
    expect(ledByOne).toBeGreaterThan(0);
    for (const p of before) expect([...(p.isr ?? [])].sort()).toEqual([1, 2]);

    const killedAt = Date.now();
    await brokers[0]?.kill();
    await waitUntil(
      "broker 1 fenced",
      async () => ((await fencedBrokers()).has(1) ? true : undefined),
      15_000,
      50,
    );
    const fencedAfterMs = Date.now() - killedAt;
    console.log(
      `broker fenced ${fencedAfterMs} ms after it stopped heartbeating (session timeout ${SESSION_TIMEOUT_MS} ms)`,
    );
    // The lease runs from the last heartbeat (at most one heartbeat interval before the kill);
    // the controller checks leases every tenth of the timeout.
    expect(fencedAfterMs).toBeLessThan(SESSION_TIMEOUT_MS + 1_000);

    const after = await partitions();
    for (const p of after) {
      expect(p.leader).toBe(2);
      expect(p.isr).toEqual([2]);
      expect([...(p.replicas ?? [])].sort()).toEqual([1, 2]);
    }
  }, 60_000);

  it("leaves a partition leaderless rather than electing outside the ISR (unclean election is off)", async () => {
    await brokers[1]?.kill();
    await waitUntil(
      "broker 2 fenced",
      async () => ((await fencedBrokers()).has(2) ? true : undefined),
      15_000,
      50,
    );
    for (const p of await partitions()) {
      expect(p.leader).toBe(-1);
      // The last ISR member stays in the ISR, so it can lead again when it returns.
      expect(p.isr).toEqual([2]);
    }
  }, 60_000);
});
