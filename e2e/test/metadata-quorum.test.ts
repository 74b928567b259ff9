/**
 * The metadata quorum as real processes: three voters, a steady stream of
 * acknowledged writes, kill -9 of the leader, then of all three at once. No
 * acknowledged write may be lost, and a new leader must take writes within 3 s.
 */
import { fetchStatuses, parseVoters, statusRows } from "@runnel/cli";
import {
  ControllerService,
  createClient,
  grpcTransport,
  QuorumAdminService,
  RaftRole,
  type WatchEvent,
} from "@runnel/rpc";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MetadataQuorum } from "../harness/metadata.js";

let q: MetadataQuorum;
const acked: string[] = [];
let seq = 0;
let heartbeats: NodeJS.Timeout | undefined;

beforeAll(async () => {
  // Snapshots every 25 entries, so a voter that was down catches up through InstallSnapshot.
  q = await MetadataQuorum.start({
    voters: 3,
    electionTimeoutMs: 500,
    tickMs: 50,
    extraEnv: { RUNNEL_METADATA_SNAPSHOT_EVERY_ENTRIES: "25" },
  });
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
    // Enough writes that the leader compacts past everything the killed voter holds.
    for (let i = 0; i < 60; i++) await writeOne();

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
    // The leader compacted its log meanwhile, so the returning voter caught up from a snapshot.
    expect(q.voters.some((v) => v.lines.some((l) => l.msg === "snapshot taken, log compacted"))).toBe(true);
    expect(q.voters[leader]?.lines.some((l) => l.msg === "installed a snapshot from the leader")).toBe(true);
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

  it("hands leadership over on a graceful stop, so writes barely pause", async () => {
    const leader = await q.waitForLeader();
    const stoppedAt = Date.now();
    const stopping = q.voters[leader]?.stop();
    let resumedAt = 0;
    while (Date.now() - stoppedAt < 10_000) {
      if (await writeOne()) {
        resumedAt = Date.now();
        break;
      }
    }
    await stopping;
    console.log(`metadata writes resumed ${resumedAt - stoppedAt} ms after the leader was asked to stop`);
    expect(resumedAt).toBeGreaterThan(0);
    expect(resumedAt - stoppedAt).toBeLessThan(3_000);
    expect(q.voters[leader]?.lines.some((l) => l.msg === "handing leadership over before stopping")).toBe(
      true,
    );
    q.voters[leader]?.start();
    await q.voters[leader]?.waitForLine((l) => l.msg === "metadata voter started");
  }, 60_000);

  it("streams the committed log to a watcher: the image or the recent batches first, then every new batch", async () => {
    // The voter restarted last restored its image from a snapshot, so its window starts empty
    // and a watch from offset 0 begins with a snapshot.
    const voter = await q.waitForLeader();
    const abort = new AbortController();
    const events: WatchEvent[] = [];
    // A watcher resumes from its position when a stream ends (its voter may install a
    // snapshot from the leader meanwhile, which ends every watch on it). Each attempt uses a
    // fresh channel, so no connection back-off carries over from a failed one.
    let position = 0n;
    const seen = (async () => {
      while (!abort.signal.aborted) {
        const t = grpcTransport(q.addresses[voter] as string);
        try {
          const client = createClient(ControllerService, t);
          for await (const e of client.watch(
            { fromOffset: position, watcher: "e2e" },
            { signal: abort.signal },
          )) {
            events.push(e);
            if (e.event.case === "snapshot" && e.event.value.last) position = e.event.value.endOffset;
            if (e.event.case === "deltas") position = e.event.value.offset + 1n;
          }
        } catch (e) {
          if (!abort.signal.aborted) console.log(`watch ended, resuming from ${position}: ${String(e)}`);
          await new Promise((res) => setTimeout(res, 50));
        } finally {
          t.close();
        }
      }
    })();
    const name = `watched-${Date.now()}`;
    const r = await q.controller.call((c, o) => c.createTopics({ topics: [{ name, numPartitions: 1 }] }, o));
    expect(r.topics[0]?.errorCode).toBe(0);
    const deadline = Date.now() + 10_000;
    const hasDelta = () =>
      events.some(
        (e) =>
          e.event.case === "deltas" &&
          e.event.value.records.some((rec) => rec.record.case === "topic" && rec.record.value.name === name),
      );
    while (!hasDelta() && Date.now() < deadline) await new Promise((res) => setTimeout(res, 50));
    abort.abort();
    await seen;
    console.log(`watch on voter ${voter + 1}: ${events.map((e) => e.event.case).join(",")}`);
    expect(hasDelta()).toBe(true);
    const first = events[0]?.event.case;
    expect(first === "snapshot" || first === "deltas").toBe(true);
    // Whatever came first, the stream covers every acknowledged topic.
    const names = new Set<string>();
    for (const e of events) {
      const records = e.event.case === undefined ? [] : e.event.value.records;
      for (const rec of records) if (rec.record.case === "topic") names.add(rec.record.value.name);
    }
    for (const n of acked) expect(names.has(n)).toBe(true);
  }, 60_000);

  it("reports leader, term, commit index and lag per voter (runnel metadata status)", async () => {
    const voters = parseVoters(q.addresses.map((a, i) => `${i + 1}@${a}`).join(","));
    let rows: string[][] = [];
    for (let i = 0; i < 50; i++) {
      const statuses = await fetchStatuses(voters, 2_000);
      rows = statusRows(statuses);
      const leaders = statuses.filter((s) => s.ok && s.status.role === RaftRole.LEADER);
      const caughtUp = rows.every((row) => row[8] === "0");
      if (leaders.length === 1 && caughtUp) break;
      await new Promise((res) => setTimeout(res, 100));
    }
    expect(rows.filter((row) => row[2] === "leader")).toHaveLength(1);
    const terms = new Set(rows.map((row) => row[3]));
    expect(terms.size).toBe(1);
    for (const row of rows) expect(row[8]).toBe("0");
    // Every voter's dump is the same image once caught up.
    const dumps = await Promise.all(
      q.addresses.map(async (a) => {
        const t = grpcTransport(a);
        try {
          return (await createClient(QuorumAdminService, t).dumpImage({}, { timeoutMs: 5_000 })).records;
        } finally {
          t.close();
        }
      }),
    );
    expect(Buffer.from(dumps[1] as Uint8Array).equals(Buffer.from(dumps[0] as Uint8Array))).toBe(true);
    expect(Buffer.from(dumps[2] as Uint8Array).equals(Buffer.from(dumps[0] as Uint8Array))).toBe(true);
  }, 60_000);
});
