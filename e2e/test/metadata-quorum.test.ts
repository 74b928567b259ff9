/**
 * The metadata quorum as real processes: three voters, a steady stream of
 * acknowledged writes, kill -9 of the leader, then of all three at once. No
 * acknowledged write may be lost, and a new leader must take writes within 3 s.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MetadataQuorum } from "../harness/metadata.js";

let q: MetadataQuorum;
const acked: string[] = [];
let seq = 0;
let heartbeats: NodeJS.Timeout | undefined;

beforeAll(async () => {
  q = await MetadataQuorum.start({ voters: 3, electionTimeoutMs: 500, tickMs: 50 });
  // One broker, so that topics can be placed.
  const reg = await q.controller.call((c, o) =>
    c.brokerRegistration(
      {
        brokerId: 1,
        clusterId: "runnel-local",
        incarnationId: new Uint8Array(16).fill(7),
        zone: "a",
        listeners: [{ name: "PLAINTEXT", host: "127.0.0.1", port: 9101 }],
      },
      o,
    ),
  );
  const heartbeat = () =>
    q.controller.call((c, o) =>
      c.brokerHeartbeat(
        { brokerId: 1, brokerEpoch: reg.brokerEpoch, metadataOffset: reg.brokerEpoch + 1n },
        o,
      ),
    );
  await heartbeat();
  // Keep the broker's lease alive, as a broker would, through every failover.
  heartbeats = setInterval(() => void heartbeat().catch(() => {}), 500);
}, 60_000);

afterAll(async () => {
  clearInterval(heartbeats);
  await q?.close();
});

/** Creates the next topic; records its name only once the quorum acknowledged it. */
async function writeOne(): Promise<boolean> {
  const name = `acked-${seq++}`;
  try {
    const r = await q.controller.call((c, o) => c.createTopics({ topics: [{ name, numPartitions: 1 }] }, o));
    if (r.topics[0]?.errorCode === 0) {
      acked.push(name);
      return true;
    }
  } catch {
    // Unacknowledged: it may or may not have been applied; either is allowed.
  }
  return false;
}

async function topicsIn(voter: number): Promise<Set<string>> {
  const dump = await q.dumpJson(voter);
  const names = new Set<string>();
  for (const r of dump.records) {
    const topic = r.topic as { name?: string } | undefined;
    if (topic?.name !== undefined) names.add(topic.name);
  }
  return names;
}

describe("metadata quorum of three real voters", () => {
  it("elects a new leader that takes writes within 3 s of a kill -9 of the leader, losing nothing acknowledged", async () => {
    const before = Date.now();
    while (Date.now() - before < 1_500) await writeOne();
    const ackedBeforeKill = acked.length;
    expect(ackedBeforeKill).toBeGreaterThan(5);

    const leader = await q.waitForLeader();
    const killedAt = Date.now();
    await q.voters[leader]?.kill();

    // Keep writing; the first acknowledged write after the kill ends the outage.
    let recoveredAt = 0;
    while (Date.now() - killedAt < 15_000) {
      if (await writeOne()) {
        recoveredAt = Date.now();
        break;
      }
    }
    expect(recoveredAt).toBeGreaterThan(0);
    const outageMs = recoveredAt - killedAt;
    console.log(`metadata writes resumed ${outageMs} ms after the leader was killed`);
    expect(outageMs).toBeLessThan(3_000);
    for (let i = 0; i < 20; i++) await writeOne();

    const newLeader = await q.waitForLeader();
    expect(newLeader).not.toBe(leader);
    const names = await topicsIn(newLeader);
    for (const name of acked) expect(names.has(name)).toBe(true);

    // The killed voter comes back and catches up.
    q.voters[leader]?.start();
    const expected = new Set(acked);
    let caughtUp = false;
    for (let i = 0; i < 100 && !caughtUp; i++) {
      await new Promise((r) => setTimeout(r, 100));
      try {
        const mine = await topicsIn(leader);
        caughtUp = [...expected].every((n) => mine.has(n));
      } catch {
        // Not up yet.
      }
    }
    expect(caughtUp).toBe(true);
  }, 90_000);

  it("loses nothing acknowledged when all three voters are killed at once and restarted", async () => {
    for (let i = 0; i < 20; i++) await writeOne();
    const count = acked.length;
    await Promise.all(q.voters.map((v) => v.kill()));
    for (const v of q.voters) v.start();
    const leader = await q.waitForLeader();
    // A new leader commits an entry of its own term before serving reads of the image.
    expect(await writeOne()).toBe(true);
    const names = await topicsIn(leader);
    expect(acked.length).toBe(count + 1);
    for (const name of acked) expect(names.has(name)).toBe(true);
  }, 90_000);
});
