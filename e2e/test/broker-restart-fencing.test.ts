/**
 * A broker killed with -9 and restarted on its data directory (KIP-966's
 * re-registration after an unclean shutdown):
 * - the new incarnation registers at once, without waiting for the dead
 *   one's lease: it names the incarnation its data directory remembers, which
 *   is the one the controller has registered, so the controller knows it dead;
 * - the dead incarnation's leadership is fenced: the partition's leader epoch
 *   is higher after the restart;
 * - the restarted broker answers Kafka requests only once it is unfenced, so
 *   no client ever sees it lead at the dead incarnation's epoch; then a produce
 *   to it succeeds;
 * - a second broker process on the same data directory refuses to start.
 * The session timeout is long, so waiting for the lease would show.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ErrorCode, type MetadataResponseMetadataResponseTopic, ZERO_UUID } from "@runnel/kafka-protocol";
import { encodeRecordBatch } from "@runnel/log";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrokerProcess, startBroker } from "../harness/broker.js";
import {
  controllerCreateTopic,
  produceBatch,
  topicMetadata,
  waitForTopic,
  withWire,
} from "../harness/kafka-ops.js";
import { WireClient } from "../harness/kafka-wire.js";
import { MetadataQuorum } from "../harness/metadata.js";
import { freePort, type LogLine, ManagedProcess } from "../harness/process.js";

const SESSION_TIMEOUT_MS = 20_000;
const TOPIC = "restart-fencing";

let q: MetadataQuorum;
let broker: BrokerProcess;
let intruder: ManagedProcess | undefined;

beforeAll(async () => {
  q = await MetadataQuorum.start({ voters: 3, sessionTimeoutMs: SESSION_TIMEOUT_MS });
  broker = await startBroker(q, 1, "a");
}, 120_000);

afterAll(async () => {
  await intruder?.close();
  await broker?.process.close();
  await q?.close();
});

const sleep = (ms: number) => new Promise((res) => setTimeout(res, ms));

interface Registration {
  brokerEpoch: bigint;
  /** Hex. */
  incarnationId: string;
}

/** The controller's registration of `brokerId` and the partitions of TOPIC, from its image. */
async function controllerView(brokerId: number): Promise<{
  registration: Registration | undefined;
  partition: { leader: number; leaderEpoch: number } | undefined;
}> {
  const dump = await q.dumpJson(await q.waitForLeader());
  let registration: Registration | undefined;
  let topicId: string | undefined;
  for (const r of dump.records) {
    const b = r.registerBroker as
      | { brokerId?: number; brokerEpoch?: string; incarnationId?: string }
      | undefined;
    if (b !== undefined && (b.brokerId ?? 0) === brokerId) {
      registration = {
        brokerEpoch: BigInt(b.brokerEpoch ?? "0"),
        incarnationId: Buffer.from(b.incarnationId ?? "", "base64").toString("hex"),
      };
    }
    const t = r.topic as { name?: string; topicId?: string } | undefined;
    if (t?.name === TOPIC) topicId = t.topicId;
  }
  const p = dump.records
    .map((r) => r.partition as { topicId?: string; leader?: number; leaderEpoch?: number } | undefined)
    .find((p) => p !== undefined && p.topicId === topicId);
  return {
    registration,
    partition: p === undefined ? undefined : { leader: p.leader ?? 0, leaderEpoch: p.leaderEpoch ?? 0 },
  };
}

function partitionOf(t: MetadataResponseMetadataResponseTopic | undefined) {
  return t?.partitions.find((p) => p.partitionIndex === 0);
}

/** One Metadata answer the restarted broker gave, with the time it arrived. */
interface Answer {
  at: number;
  errorCode: number;
  leaderId: number;
  leaderEpoch: number;
}

/**
 * From the moment the process starts: connects as soon as the port listens and
 * asks Metadata again and again, recording every answer, until one shows
 * broker 1 leading above `epochBefore`.
 */
async function probe(port: number, epochBefore: number): Promise<{ connectedAt: number; answers: Answer[] }> {
  let wire: WireClient | undefined;
  while (wire === undefined) {
    try {
      wire = await WireClient.connect(port);
    } catch {
      await sleep(10);
    }
  }
  const connectedAt = Date.now();
  const answers: Answer[] = [];
  try {
    for (;;) {
      // Held until the broker is unfenced: the answer may take as long as the registration.
      const m = await wire.send(
        3,
        12,
        {
          topics: [{ topicId: ZERO_UUID, name: TOPIC }],
          allowAutoTopicCreation: false,
          includeTopicAuthorizedOperations: false,
          includeClusterAuthorizedOperations: false,
        },
        60_000,
      );
      const p = partitionOf(m.topics[0]);
      const a = {
        at: Date.now(),
        errorCode: p?.errorCode ?? -1,
        leaderId: p?.leaderId ?? -1,
        leaderEpoch: p?.leaderEpoch ?? -1,
      };
      answers.push(a);
      if (a.leaderId === 1 && a.leaderEpoch > epochBefore) break;
      if (answers.length > 3_000) throw new Error("broker 1 never led again above the old epoch");
      await sleep(20);
    }
  } finally {
    wire.close();
  }
  return { connectedAt, answers };
}

describe("broker restart after kill -9", () => {
  it("re-registers at once, fences the dead incarnation's leadership and serves only once unfenced", async () => {
    const created = await controllerCreateTopic(q, { name: TOPIC, numPartitions: 1, replicationFactor: 1 });
    expect(created?.errorCode).toBe(0);
    await withWire(broker.port, (wire) => waitForTopic(wire, TOPIC, (t) => partitionOf(t)?.leaderId === 1));
    const before = await controllerView(1);
    expect(before.partition?.leader).toBe(1);
    const epochBefore = before.partition?.leaderEpoch ?? -1;
    const dataDir = join(q.root, "broker-1");
    // The data directory remembers the incarnation the controller has registered.
    const remembered = (await readFile(join(dataDir, "incarnation.id"), "utf8")).trim();
    expect(remembered).toBe(before.registration?.incarnationId);

    const p = broker.process;
    await p.kill();
    const killedAt = Date.now();
    const firstNewLine = p.lines.length;
    p.start();
    const registered = p.waitForLine((l) => l.msg === "registered with the controller", 60_000);
    const unfenced = p.waitForLine((l) => l.msg === "unfenced", 60_000);
    const { connectedAt, answers } = await probe(broker.port, epochBefore);
    const registeredLine = await registered;
    const unfencedLine = await unfenced;
    const after = await controllerView(1);

    const registeredAfterMs = (registeredLine.time as number) - killedAt;
    console.log(
      `registered ${registeredAfterMs} ms after kill -9 (session timeout ${SESSION_TIMEOUT_MS} ms); ` +
        `unfenced ${(unfencedLine.time as number) - killedAt} ms; probe connected ${connectedAt - killedAt} ms, ` +
        `${answers.length} answers`,
    );
    // Not refused as a duplicate while the dead incarnation's lease ran: registered at once.
    const newLines: LogLine[] = p.lines.slice(firstNewLine);
    expect(newLines.filter((l) => String(l.error ?? "").includes("Another incarnation"))).toEqual([]);
    expect(registeredAfterMs).toBeLessThan(SESSION_TIMEOUT_MS / 2);

    // The controller replaced the registration and fenced the old leadership: a new epoch.
    expect(after.registration?.brokerEpoch).toBeGreaterThan(before.registration?.brokerEpoch ?? 0n);
    expect(after.registration?.incarnationId).not.toBe(before.registration?.incarnationId);
    expect((await readFile(join(dataDir, "incarnation.id"), "utf8")).trim()).toBe(
      after.registration?.incarnationId,
    );
    expect(after.partition?.leader).toBe(1);
    expect(after.partition?.leaderEpoch).toBeGreaterThan(epochBefore);

    // Nothing was answered before the broker was unfenced, and no answer ever showed the dead
    // incarnation's leadership.
    for (const a of answers) {
      expect(a.at).toBeGreaterThanOrEqual(unfencedLine.time as number);
      if (a.leaderId === 1) expect(a.leaderEpoch).toBeGreaterThan(epochBefore);
    }
    expect(answers.at(-1)).toMatchObject({
      errorCode: 0,
      leaderId: 1,
      leaderEpoch: after.partition?.leaderEpoch,
    });

    const produced = await withWire(broker.port, (wire) =>
      produceBatch(wire, TOPIC, 0, encodeRecordBatch({ records: [{ value: Buffer.from("after restart") }] })),
    );
    expect(produced.errorCode).toBe(ErrorCode.NONE);
  }, 120_000);

  it("refuses to start a second broker process on a data directory in use", async () => {
    intruder = new ManagedProcess({
      name: "broker-1-intruder",
      entry: "services/broker/src/main.ts",
      logDir: join(q.root, "logs"),
      env: {
        RUNNEL_BROKER_NODE_ID: "1",
        RUNNEL_BROKER_ZONE: "a",
        RUNNEL_BROKER_DATA_DIR: join(q.root, "broker-1"),
        RUNNEL_BROKER_LISTEN_PORT: String(await freePort()),
        RUNNEL_BROKER_ADMIN_HOST: "127.0.0.1",
        RUNNEL_BROKER_METADATA_VOTERS: q.addresses.join(","),
      },
    });
    intruder.start();
    const failed = await intruder.waitForLine((l) => l.msg === "service failed to start", 60_000);
    expect(String((failed.err as { message?: string } | undefined)?.message)).toContain(
      `in use by process ${broker.process.pid}`,
    );
    // The running broker keeps its directory and its registration.
    const view = await controllerView(1);
    expect((await readFile(join(q.root, "broker-1", "incarnation.id"), "utf8")).trim()).toBe(
      view.registration?.incarnationId,
    );
    await withWire(broker.port, async (wire) => {
      expect(partitionOf(await topicMetadata(wire, TOPIC))?.leaderId).toBe(1);
    });
  }, 120_000);
});
