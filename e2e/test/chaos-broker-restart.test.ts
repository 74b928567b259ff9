/**
 * Fault injection: the franz-go chaos workload (an idempotent acks=all
 * producer with unbounded retries, a read_committed consumer of every
 * partition, a final drain; e2e/chaos/workload.ts) runs for 15 s against one
 * broker of a 3-voter metadata quorum while the test kills the broker with
 * -9 twice and restarts it on the same data directory. The recorded history
 * must pass every property of the checker (e2e/chaos/checker.ts): no
 * acknowledged write lost or unseen by the drain, no duplicate, no forked
 * offset, polls and acknowledgements in order, no phantom read.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { check } from "../chaos/checker.js";
import { type HistoryOp, parseHistory } from "../chaos/history.js";
import { startWorkload } from "../chaos/workload.js";
import { type BrokerProcess, startBroker } from "../harness/broker.js";
import { controllerCreateTopic, waitForTopic, withWire } from "../harness/kafka-ops.js";
import { MetadataQuorum } from "../harness/metadata.js";

const TOPIC = "chaos";
const PARTITIONS = 12;
const SECONDS = 15;
const RATE = 200;
/** When the broker is killed, in ms of the history's time. */
const KILLS_AT = [4_000, 9_000];

let q: MetadataQuorum;
let broker: BrokerProcess;

beforeAll(async () => {
  q = await MetadataQuorum.start({ voters: 3 });
  broker = await startBroker(q, 1, "a");
}, 60_000);

afterAll(async () => {
  await broker?.process.close();
  await q?.close();
});

const sleep = (ms: number) => new Promise((res) => setTimeout(res, Math.max(0, ms)));

/**
 * The unavailability around a kill: the longest gap between consecutive
 * acknowledgements from the last one before the kill up to `until` (the next
 * kill, or the end of the run), by the history's acknowledgement times.
 */
function gapAround(
  ackTimes: readonly number[],
  at: number,
  until: number,
): { from: number; to: number; ms: number } {
  const before = ackTimes.filter((t) => t <= at);
  const after = ackTimes.filter((t) => t > at && t <= until);
  const times = [before[before.length - 1] ?? 0, ...after];
  let best = { from: times[0] as number, to: Number.POSITIVE_INFINITY, ms: Number.POSITIVE_INFINITY };
  if (after.length === 0) return best;
  best = { from: 0, to: 0, ms: -1 };
  for (let i = 1; i < times.length; i++) {
    const ms = (times[i] as number) - (times[i - 1] as number);
    if (ms > best.ms) best = { from: times[i - 1] as number, to: times[i] as number, ms };
  }
  return best;
}

describe("chaos: broker killed with -9 and restarted under a franz-go workload", () => {
  it("keeps every acknowledged send, in order, exactly once", async () => {
    const r = await controllerCreateTopic(q, { name: TOPIC, numPartitions: PARTITIONS });
    expect(r?.errorCode).toBe(0);
    await withWire(broker.port, (wire) =>
      waitForTopic(
        wire,
        TOPIC,
        (t) => t.partitions.length === PARTITIONS && t.partitions.every((p) => p.leaderId >= 0),
      ),
    );
    const dir = mkdtempSync(join(tmpdir(), "runnel-chaos-"));
    const historyFile = join(dir, "history.jsonl");
    const w = startWorkload({
      bootstrap: broker.bootstrap,
      topic: TOPIC,
      seconds: SECONDS,
      historyFile,
      rate: RATE,
    });
    const t0 = await w.started;
    expect(Number.isFinite(t0)).toBe(true);
    const faults: { killedAt: number; upAt: number }[] = [];
    try {
      for (const at of KILLS_AT) {
        await sleep(t0 + at - Date.now());
        const killedAt = Date.now() - t0;
        await broker.process.kill();
        broker.process.start();
        await broker.process.waitForLine((l) => l.msg === "unfenced", 30_000);
        faults.push({ killedAt, upAt: Date.now() - t0 });
      }
    } catch (e) {
      w.kill();
      throw e;
    }
    const { summary } = await w.finished;
    const history: HistoryOp[] = parseHistory(readFileSync(historyFile, "utf8"), historyFile);
    const report = check(history);

    const ackTimes = history
      .filter((op) => op.f === "send" && op.type === "ok")
      .map((op) => op.time)
      .sort((a, b) => a - b);
    const windows = faults.map((f, i) => ({
      ...f,
      gap: gapAround(ackTimes, f.killedAt, faults[i + 1]?.killedAt ?? SECONDS * 1000),
    }));
    const violations = Object.entries(report.properties)
      .filter(([, p]) => p.count > 0)
      .map(([name, p]) => `${name}: ${p.count}\n  ${p.examples.map((e) => e.message).join("\n  ")}`);
    console.log(
      [
        `chaos-broker-restart: sends ${report.sends.invoked} (ok ${report.sends.ok}, fail ${report.sends.fail}, info ${report.sends.info}, unfinished ${report.sends.unfinished}, recovered ${report.sends.recovered}, unverified ${report.sends.unverified})`,
        `  reads: ${report.reads.polls} polls, ${report.reads.drains} drain, ${report.reads.records} records (drain read ${summary.drained})`,
        ...windows.map(
          (w) =>
            `  kill -9 at ${w.killedAt} ms, broker unfenced at ${w.upAt} ms; longest gap between acknowledgements from ${w.gap.from.toFixed(0)} to ${w.gap.to.toFixed(0)} ms: ${w.gap.ms.toFixed(0)} ms unavailable`,
        ),
        ...(violations.length > 0 ? [`  violations (history kept at ${historyFile}):`, ...violations] : []),
      ].join("\n"),
    );

    expect(violations).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.reads.drains).toBe(1);
    // Nothing was left unchecked: every acknowledged send was read or drained.
    expect(report.sends.unverified).toBe(0);
    // Most of the run was available: well over half the sends acknowledged.
    expect(report.sends.ok).toBeGreaterThan((SECONDS * RATE) / 2);
    // The workload really went through both faults: acknowledgements before and after each.
    for (const w of windows) expect(Number.isFinite(w.gap.ms) && w.gap.from > 0).toBe(true);
    // RUNNEL_CHAOS_KEEP=1 keeps the history of a passing run too.
    if (process.env.RUNNEL_CHAOS_KEEP) console.log(`  history kept at ${historyFile}`);
    else rmSync(dir, { recursive: true, force: true });
  }, 90_000);
});
