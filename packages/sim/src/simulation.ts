import {
  bootstrapState,
  type Entry,
  type Message,
  type NodeId,
  RaftNode,
  type Ready,
  type Status,
  type UnsafeOptions,
} from "@runnel/raft";
import { type Random, SeededRandom } from "@runnel/runtime";
import { Checker, type Observed, Violation } from "./checker.js";
import { SimDisk } from "./disk.js";
import { describeMessage } from "./format.js";
import { CALM, Network, type NetworkFaults } from "./network.js";
import { Scheduler } from "./scheduler.js";
import { applyEntry, decodeState, encodeState, type MachineState } from "./state-machine.js";

/** The kinds of trouble a run may inject during its fault phase. */
export const FAULT_KINDS = [
  "drop",
  "duplicate",
  "reorder",
  "partition",
  "crash",
  "membership",
  "compaction",
  "transfer",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface SimOptions {
  seed: number;
  /** Voters at the start: 1, 3 or 5. Chosen from the seed if absent. */
  voters?: number;
  /** Faults to inject. Chosen from the seed if absent. */
  faults?: readonly FaultKind[];
  /** Virtual ms of faults before everything heals. Default 2000. */
  faultMs?: number;
  /** After healing, a leader must commit a new proposal within this many virtual ms. Default 5000. */
  livenessMs?: number;
  /** Deliberately broken core rules (test only). */
  unsafe?: UnsafeOptions;
  /** Receives a readable line per notable event. */
  trace?: (line: string) => void;
}

export interface SimResult {
  seed: number;
  ok: boolean;
  /** The broken property, if any. */
  violation?: string;
  voters: number;
  faults: readonly FaultKind[];
  events: number;
  virtualMs: number;
  /** Length of the committed log at the end. */
  committed: number;
  /** Terms that had a leader. */
  leaderTerms: number;
  crashes: number;
  messages: { sent: number; dropped: number; duplicated: number };
}

const TICK_MS = 10;
const ELECTION_TICKS = 10;
const MAX_NODES = 8;

/** The voter count and fault mix a seed stands for, when not given explicitly. */
export function planFor(seed: number): { voters: number; faults: FaultKind[] } {
  const r = new SeededRandom(seed);
  const voters = [1, 3, 5][r.int(0, 3)] as number;
  const faults = FAULT_KINDS.filter(() => r.nextFloat() < 0.6);
  return { voters, faults };
}

/** A simulated metadata voter: the Raft core plus a shell that follows the persist-send-apply rule. */
class SimNode implements Observed {
  raft: RaftNode | undefined;
  incarnation = 0;
  machine: MachineState;
  private busy = false;
  private compactEvery: number;

  constructor(
    readonly id: NodeId,
    readonly disk: SimDisk,
    private readonly sim: Simulation,
    private readonly random: Random,
  ) {
    this.machine = decodeState(disk.read().snapshot);
    this.compactEvery = random.int(4, 40);
  }

  get up(): boolean {
    return this.raft !== undefined;
  }

  status(): Status | undefined {
    return this.raft?.status();
  }

  entry(index: number): Entry | undefined {
    return this.raft?.entries(index, index)[0];
  }

  start(): void {
    this.incarnation++;
    const storage = this.disk.read();
    this.machine = decodeState(storage.snapshot);
    this.busy = false;
    this.raft = new RaftNode({
      id: this.id,
      storage,
      random: this.random.fork(),
      electionTicks: ELECTION_TICKS,
      heartbeatTicks: 1,
      maxEntriesPerAppend: 16,
      ...(this.sim.unsafe ? { unsafe: this.sim.unsafe } : {}),
    });
    const inc = this.incarnation;
    const tick = () => {
      if (inc !== this.incarnation || this.raft === undefined) return;
      this.raft.tick();
      this.pump();
      this.sim.scheduler.after(TICK_MS, tick);
    };
    this.sim.scheduler.after(this.random.int(1, TICK_MS + 1), tick);
  }

  crash(): void {
    this.raft = undefined;
    this.incarnation++;
    this.busy = false;
    this.disk.crash(this.random);
  }

  receive(m: Message): void {
    if (this.raft === undefined) return;
    this.sim.traceLine(() => `deliver ${describeMessage(m)}`);
    this.raft.step(m);
    this.pump();
  }

  /** Takes the next Ready, if any, and writes it; the rest happens once the write is synced. */
  pump(): void {
    const raft = this.raft;
    if (raft === undefined || this.busy || !raft.hasReady()) return;
    const rd = raft.ready();
    this.sim.checker.onReady(rd);
    this.disk.writeReady(rd);
    this.busy = true;
    const inc = this.incarnation;
    this.sim.scheduler.after(this.random.int(0, 4), () => {
      if (inc === this.incarnation) this.finish(rd);
    });
  }

  private finish(rd: Ready): void {
    const raft = this.raft as RaftNode;
    this.disk.sync();
    this.sim.checker.onSync(this);
    if (rd.softState) {
      const s = raft.status();
      this.sim.traceLine(
        () => `n${this.id} is ${rd.softState?.role} (term ${s.term}, leader n${rd.softState?.leaderId})`,
      );
    }
    for (const m of rd.messages) this.sim.network.send(m);
    if (rd.snapshot) {
      this.machine = decodeState(rd.snapshot);
      this.sim.checker.onSnapshot(this, rd.snapshot);
      this.sim.traceLine(() => `n${this.id} installed snapshot at ${rd.snapshot?.index}`);
    }
    for (const e of rd.committed) {
      this.machine = applyEntry(this.machine, e);
      this.sim.checker.onApply(this, e, this.machine);
    }
    raft.advance(rd);
    this.busy = false;
    this.maybeCompact(raft);
    this.pump();
  }

  private maybeCompact(raft: RaftNode): void {
    if (!this.sim.faults.has("compaction")) return;
    const s = raft.status();
    if (s.applied - s.snapshotIndex < this.compactEvery) return;
    const snapshot = raft.compact(s.applied, encodeState(this.machine));
    this.disk.writeSnapshotNow(snapshot);
    this.sim.checker.onSnapshot(this, snapshot);
    this.sim.traceLine(() => `n${this.id} compacted through ${snapshot.index}`);
  }
}

/** One seeded run: a cluster, a network, a nemesis during the fault phase, then a liveness check. */
export class Simulation {
  readonly scheduler = new Scheduler();
  readonly network: Network;
  readonly checker: Checker;
  readonly nodes = new Map<NodeId, SimNode>();
  readonly faults: Set<FaultKind>;
  readonly unsafe: UnsafeOptions | undefined;
  private readonly random: SeededRandom;
  private readonly nemesisRandom: Random;
  private readonly trace: ((line: string) => void) | undefined;
  private healed = false;
  private crashes = 0;
  private proposals = 0;
  private marker: Uint8Array | undefined;
  private markerCommitted = false;

  constructor(
    private readonly options: SimOptions,
    readonly voterCount: number,
    faults: readonly FaultKind[],
  ) {
    this.random = new SeededRandom(options.seed);
    this.nemesisRandom = this.random.fork();
    this.faults = new Set(faults);
    this.unsafe = options.unsafe;
    this.trace = options.trace;
    const voters = Array.from({ length: voterCount }, (_, i) => i + 1);
    this.checker = new Checker(voters, () => this.scheduler.now);
    this.checker.onCommitted = (e) => {
      if (this.marker !== undefined && e.type === "normal" && sameBytes(e.data, this.marker))
        this.markerCommitted = true;
    };
    this.network = new Network(
      this.random.fork(),
      (delay, run) => this.scheduler.after(delay, run),
      (m) => this.nodes.get(m.to)?.receive(m),
    );
    this.network.faults = this.networkFaults();
    for (const id of voters) this.addNode(id, bootstrapState(voters));
  }

  traceLine(line: () => string): void {
    if (this.trace) this.trace(`[${String(this.scheduler.now).padStart(6)}ms] ${line()}`);
  }

  run(): SimResult {
    const faultMs = this.options.faultMs ?? 2000;
    const livenessMs = this.options.livenessMs ?? 5000;
    let violation: string | undefined;
    this.scheduleNemesis(faultMs);
    this.scheduler.after(faultMs, () => this.heal());
    this.scheduleClient(faultMs);
    try {
      while (this.scheduler.step(faultMs + livenessMs)) {
        this.checker.afterEvent(this.nodes.values());
        if (this.markerCommitted) break;
      }
      if (!this.markerCommitted) {
        const states = [...this.nodes.values()].map((n) => {
          const s = n.status();
          return s === undefined
            ? `n${n.id} down`
            : `n${n.id} ${s.role} t${s.term} lead=n${s.leaderId} voters=[${s.voters.join(",")}] ` +
                `log=${s.snapshotIndex + 1}..${s.lastIndex}/t${s.lastTerm} commit=${s.commit}`;
        });
        this.checker.fail(
          `liveness: no proposal committed within ${livenessMs}ms after the faults stopped; ${states.join("; ")}`,
        );
      }
    } catch (e) {
      violation =
        e instanceof Violation ? e.message : `at ${this.scheduler.now}ms: core threw: ${(e as Error).stack}`;
      this.traceLine(() => `VIOLATION ${violation}`);
    }
    let leaderTerms = 0;
    for (let t = 1; t < 100_000 && leaderTerms < 100_000; t++) {
      if (this.checker.leaderOf(t) !== undefined) leaderTerms++;
      else if (t > 1000) break;
    }
    return {
      seed: this.options.seed,
      ok: violation === undefined,
      ...(violation !== undefined ? { violation } : {}),
      voters: this.voterCount,
      faults: [...this.faults],
      events: this.scheduler.executed,
      virtualMs: this.scheduler.now,
      committed: this.checker.committedLength(),
      leaderTerms,
      crashes: this.crashes,
      messages: {
        sent: this.network.sent,
        dropped: this.network.dropped,
        duplicated: this.network.duplicated,
      },
    };
  }

  private addNode(id: NodeId, state: ReturnType<typeof bootstrapState>): SimNode {
    const node = new SimNode(id, new SimDisk(state), this, this.random.fork());
    this.nodes.set(id, node);
    node.start();
    this.checker.onRestart(node);
    return node;
  }

  private networkFaults(): NetworkFaults {
    const r = this.random;
    return {
      drop: this.faults.has("drop") ? 0.01 + r.nextFloat() * 0.2 : 0,
      duplicate: this.faults.has("duplicate") ? 0.01 + r.nextFloat() * 0.1 : 0,
      minDelayMs: 1,
      maxDelayMs: this.faults.has("reorder") ? r.int(10, 60) : CALM.maxDelayMs,
    };
  }

  private leader(): SimNode | undefined {
    let best: SimNode | undefined;
    for (const n of this.nodes.values()) {
      const s = n.status();
      if (s?.role === "leader" && (best === undefined || s.term > (best.status() as Status).term)) best = n;
    }
    return best;
  }

  /** Clients propose a steady stream of entries to whichever node claims to lead. */
  private scheduleClient(faultMs: number): void {
    const propose = () => {
      if (this.healed && this.marker !== undefined) {
        // After healing, keep offering the marker until a leader commits it.
        const leader = this.leader();
        if (leader?.raft && !this.markerCommitted) {
          leader.raft.propose(this.marker);
          leader.pump();
        }
        this.scheduler.after(100, propose);
        return;
      }
      const leader = this.leader();
      if (leader?.raft) {
        const data = new TextEncoder().encode(`c${++this.proposals}`);
        const r = leader.raft.propose(data);
        if (r.ok) this.traceLine(() => `client: n${leader.id} accepted c${this.proposals} at ${r.index}`);
        leader.pump();
      }
      if (this.scheduler.now < faultMs) this.scheduler.after(this.random.int(5, 40), propose);
    };
    this.scheduler.after(this.random.int(5, 40), propose);
  }

  private heal(): void {
    this.healed = true;
    this.network.faults = CALM;
    this.network.links.heal();
    for (const n of this.nodes.values()) {
      if (!n.up) this.restart(n);
    }
    this.marker = new TextEncoder().encode("liveness-marker");
    this.traceLine(() => "heal: network calm, partitions healed, every node up; proposing the marker");
  }

  private restart(n: SimNode): void {
    n.start();
    this.checker.onRestart(n);
    this.traceLine(() => {
      const s = n.status() as Status;
      return `n${n.id} restarted: term ${s.term}, commit ${s.commit}, log ${s.snapshotIndex + 1}..${s.lastIndex}`;
    });
  }

  private scheduleNemesis(faultMs: number): void {
    const r = this.nemesisRandom;
    const every = (lo: number, hi: number, act: () => void) => {
      const loop = () => {
        if (this.scheduler.now >= faultMs) return;
        act();
        this.scheduler.after(r.int(lo, hi), loop);
      };
      this.scheduler.after(r.int(lo, hi), loop);
    };
    const ids = () => [...this.nodes.keys()];
    if (this.faults.has("partition")) {
      every(100, 600, () => {
        const all = r.shuffle(ids());
        const kind = r.int(0, 4);
        const links = this.network.links;
        if (kind === 0 || all.length < 2) links.heal();
        else if (kind === 1) links.groups([all.slice(0, 1), all.slice(1)]);
        else if (kind === 2) {
          const cut = Math.floor(all.length / 2);
          links.groups([all.slice(0, cut), all.slice(cut)]);
        } else links.ring(all);
        this.traceLine(() => `partition: ${links.description}`);
      });
    }
    if (this.faults.has("crash")) {
      every(80, 500, () => {
        const up = ids().filter((id) => this.nodes.get(id)?.up);
        if (up.length === 0) return;
        const n = this.nodes.get(r.shuffle(up)[0] as NodeId) as SimNode;
        n.crash();
        this.crashes++;
        this.traceLine(() => `n${n.id} crashed (${n.disk.lostWrites} unsynced writes lost so far)`);
        this.scheduler.after(r.int(10, 400), () => {
          if (!n.up) this.restart(n);
        });
      });
    }
    if (this.faults.has("membership")) {
      every(200, 700, () => {
        const leader = this.leader();
        if (!leader?.raft) return;
        const voters = leader.raft.status().voters;
        const add = voters.length < 2 || (voters.length < 5 && r.nextFloat() < 0.5);
        if (add) {
          // A new node starts empty, outside any voter set, and catches up once it is added.
          const spare = ids().filter((id) => !voters.includes(id) && this.nodes.get(id)?.up);
          let id = spare[0];
          if (id === undefined) {
            if (this.nodes.size >= MAX_NODES) return;
            id = Math.max(...ids()) + 1;
            this.addNode(id, bootstrapState([]));
          }
          const res = leader.raft.proposeConfChange({ type: "add-voter", node: id });
          this.traceLine(
            () => `membership: n${leader.id} add n${id}: ${res.ok ? `at ${res.index}` : res.reason}`,
          );
        } else {
          const id = r.shuffle([...voters])[0] as NodeId;
          const res = leader.raft.proposeConfChange({ type: "remove-voter", node: id });
          this.traceLine(
            () => `membership: n${leader.id} remove n${id}: ${res.ok ? `at ${res.index}` : res.reason}`,
          );
        }
        leader.pump();
      });
    }
    if (this.faults.has("transfer")) {
      every(200, 900, () => {
        const leader = this.leader();
        if (!leader?.raft) return;
        const to = r.shuffle([...leader.raft.status().voters])[0] as NodeId;
        leader.raft.transferLeadership(to);
        this.traceLine(() => `transfer: n${leader.id} hands leadership to n${to}`);
        leader.pump();
      });
    }
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Runs one seed. Voters and faults come from the seed unless given. */
export function runSeed(options: SimOptions): SimResult {
  const plan = planFor(options.seed);
  const sim = new Simulation(options, options.voters ?? plan.voters, options.faults ?? plan.faults);
  return sim.run();
}

/** The command that replays a seed with a trace. */
export function replayCommand(seed: number, extra = ""): string {
  return `pnpm --filter @runnel/sim sim --seed ${seed} --trace${extra ? ` ${extra}` : ""}`;
}
