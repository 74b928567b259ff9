import { decodeConfig, type Entry, type NodeId, type Ready, type Snapshot } from "@runnel/raft";
import type { SimDisk } from "./disk.js";
import { applyEntry, decodeState, INITIAL_STATE, type MachineState } from "./state-machine.js";

/** A broken safety or liveness property. The message says which, where and when. */
export class Violation extends Error {
  override readonly name = "Violation";
}

/** What the checker needs to see of a simulated node. */
export interface Observed {
  readonly id: NodeId;
  readonly incarnation: number;
  readonly disk: SimDisk;
  /** Undefined while crashed. */
  status():
    | { term: number; role: string; commit: number; snapshotIndex: number; voters: readonly NodeId[] }
    | undefined;
  entry(index: number): Entry | undefined;
}

interface CommittedEntry {
  readonly entry: Entry;
  /** The state machine after applying every committed entry up to this one. */
  readonly state: MachineState;
}

interface NodeWatch {
  incarnation: number;
  term: number;
  commit: number;
  verified: number;
  /** Highest term and commit ever made durable on this node's disk. */
  durableTerm: number;
  durableCommit: number;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameEntry(a: Entry, b: Entry): boolean {
  return a.index === b.index && a.term === b.term && a.type === b.type && sameBytes(a.data, b.data);
}

function quorum(n: number): number {
  return Math.floor(n / 2) + 1;
}

/**
 * The safety properties, checked after every event:
 * - at most one leader per term;
 * - each node's term and commit index never decrease, and a restart resumes from at least what
 *   was durable;
 * - committed entries are identical on every node that has them and never change: the first
 *   time an index is seen committed it joins a global committed log, which only grows;
 * - every applied entry and every snapshot matches that log (state hashes agree);
 * - a quorum durably holds the last committed entry, so no crash can lose it.
 */
export class Checker {
  private readonly committed: CommittedEntry[] = [];
  /** Config changes in the committed log: (index, voters), starting with the bootstrap set. */
  private readonly configs: { index: number; voters: NodeId[] }[];
  /** Config entries appended anywhere, not yet known committed: the leader may count with them. */
  private readonly appendedConfigs = new Map<string, { index: number; voters: NodeId[] }>();
  private readonly leaders = new Map<number, NodeId>();
  private readonly watch = new Map<NodeId, NodeWatch>();
  onCommitted: ((e: Entry) => void) | undefined;

  constructor(
    initialVoters: readonly NodeId[],
    private readonly now: () => number,
  ) {
    this.configs = [{ index: 0, voters: [...initialVoters] }];
  }

  committedLength(): number {
    return this.committed.length;
  }

  committedEntry(index: number): Entry | undefined {
    return this.committed[index - 1]?.entry;
  }

  leaderOf(term: number): NodeId | undefined {
    return this.leaders.get(term);
  }

  fail(what: string): never {
    throw new Violation(`at ${this.now()}ms: ${what}`);
  }

  /** After every event. */
  afterEvent(nodes: Iterable<Observed>): void {
    const all = [...nodes];
    for (const n of all) this.checkNode(n);
    this.checkDurableQuorum(all);
  }

  /** A node restarted from its disk. */
  onRestart(n: Observed): void {
    const w = this.watchOf(n);
    const s = n.status();
    if (s === undefined) return;
    if (s.term < w.durableTerm)
      this.fail(`n${n.id} restarted with term ${s.term} below its durable ${w.durableTerm}`);
    if (s.commit < w.durableCommit) {
      this.fail(`n${n.id} restarted with commit ${s.commit} below its durable ${w.durableCommit}`);
    }
    w.incarnation = n.incarnation;
    w.term = s.term;
    w.commit = s.commit;
    w.verified = Math.min(w.verified, s.commit);
    // Everything on the disk up to the commit index must be the committed log.
    for (let i = s.snapshotIndex + 1; i <= s.commit; i++) this.checkCommitted(n, i);
  }

  /** A node's writes became durable. */
  onSync(n: Observed): void {
    const w = this.watchOf(n);
    const hs = n.disk.durableHardState();
    if (hs.term < w.durableTerm)
      this.fail(`n${n.id} durable term went back from ${w.durableTerm} to ${hs.term}`);
    if (hs.commit < w.durableCommit) {
      this.fail(`n${n.id} durable commit went back from ${w.durableCommit} to ${hs.commit}`);
    }
    w.durableTerm = hs.term;
    w.durableCommit = hs.commit;
  }

  onReady(rd: Ready): void {
    for (const e of rd.entries) {
      if (e.type === "config" && e.index > this.committed.length) {
        this.appendedConfigs.set(`${e.index}/${e.term}`, { index: e.index, voters: decodeConfig(e.data) });
      }
    }
  }

  /** A node applied `e`, reaching `state`. */
  onApply(n: Observed, e: Entry, state: MachineState): void {
    const c = this.committed[e.index - 1];
    if (c === undefined) this.fail(`n${n.id} applied index ${e.index}, which is not known committed`);
    if (!sameEntry(c.entry, e))
      this.fail(`n${n.id} applied a different entry at ${e.index} than was committed`);
    if (state.hash !== c.state.hash)
      this.fail(`n${n.id} state after applying ${e.index} differs from the committed log's`);
  }

  /** A node created or installed `snapshot`. */
  onSnapshot(n: Observed, snapshot: Snapshot): void {
    const c = this.committed[snapshot.index - 1];
    if (c === undefined) this.fail(`n${n.id} has a snapshot at ${snapshot.index}, beyond the committed log`);
    if (c.entry.term !== snapshot.term) {
      this.fail(
        `n${n.id} snapshot at ${snapshot.index} has term ${snapshot.term}, the committed entry ${c.entry.term}`,
      );
    }
    if (decodeState(snapshot).hash !== c.state.hash) {
      this.fail(`n${n.id} snapshot at ${snapshot.index} holds a state that differs from the committed log's`);
    }
    const voters = [...snapshot.voters].sort((a, b) => a - b).join(",");
    const expected = [...this.configAt(snapshot.index)].sort((a, b) => a - b).join(",");
    if (voters !== expected) {
      this.fail(
        `n${n.id} snapshot at ${snapshot.index} has voters [${voters}], the committed log [${expected}]`,
      );
    }
  }

  private watchOf(n: Observed): NodeWatch {
    let w = this.watch.get(n.id);
    if (w === undefined) {
      w = { incarnation: n.incarnation, term: 0, commit: 0, verified: 0, durableTerm: 0, durableCommit: 0 };
      this.watch.set(n.id, w);
    }
    return w;
  }

  private checkNode(n: Observed): void {
    const s = n.status();
    if (s === undefined) return;
    const w = this.watchOf(n);
    if (s.term < w.term) this.fail(`n${n.id} term went back from ${w.term} to ${s.term}`);
    if (s.commit < w.commit) this.fail(`n${n.id} commit went back from ${w.commit} to ${s.commit}`);
    w.term = s.term;
    w.commit = s.commit;
    if (s.role === "leader") {
      const other = this.leaders.get(s.term);
      if (other === undefined) this.leaders.set(s.term, n.id);
      else if (other !== n.id) this.fail(`two leaders in term ${s.term}: n${other} and n${n.id}`);
    }
    if (s.commit > w.verified) {
      for (let i = Math.max(w.verified + 1, s.snapshotIndex + 1); i <= s.commit; i++)
        this.checkCommitted(n, i);
      if (s.snapshotIndex >= w.verified + 1 && s.snapshotIndex > this.committed.length) {
        this.fail(`n${n.id} holds a snapshot at ${s.snapshotIndex} beyond the committed log`);
      }
      w.verified = s.commit;
    }
  }

  /** Entry `index` of node `n` is committed there: it must equal (or extend) the committed log. */
  private checkCommitted(n: Observed, index: number): void {
    const e = n.entry(index);
    if (e === undefined) this.fail(`n${n.id} has commit index past entry ${index}, which it does not hold`);
    const known = this.committed[index - 1];
    if (known !== undefined) {
      if (!sameEntry(known.entry, e)) {
        this.fail(
          `committed entry ${index} changed: n${n.id} has term ${e.term}, the committed log term ${known.entry.term}`,
        );
      }
      return;
    }
    if (index !== this.committed.length + 1) {
      this.fail(`n${n.id} committed ${index} but the committed log ends at ${this.committed.length}`);
    }
    const prev = this.committed.at(-1)?.state ?? INITIAL_STATE;
    this.committed.push({ entry: e, state: applyEntry(prev, e) });
    if (e.type === "config") this.configs.push({ index, voters: decodeConfig(e.data) });
    for (const [key, c] of this.appendedConfigs) if (c.index <= index) this.appendedConfigs.delete(key);
    this.onCommitted?.(e);
  }

  private configAt(index: number): NodeId[] {
    let voters = (this.configs[0] as { voters: NodeId[] }).voters;
    for (const c of this.configs) {
      if (c.index > index) break;
      voters = c.voters;
    }
    return voters;
  }

  /**
   * The last committed entry must be durable on a quorum of the voter set that committed it: the
   * committed config at that index, or a config appended after it (a leader counts with the
   * latest config in its log, which may not be committed yet). With one voter changed at a time,
   * any quorum of either set overlaps any quorum of the other, which is what keeps it safe.
   */
  private checkDurableQuorum(nodes: Observed[]): void {
    const g = this.committed.length;
    if (g === 0) return;
    const term = (this.committed[g - 1] as CommittedEntry).entry.term;
    const holders = new Set(nodes.filter((n) => n.disk.holds(g, term)).map((n) => n.id));
    const candidates: (readonly NodeId[])[] = [this.configAt(g)];
    for (const c of this.appendedConfigs.values()) candidates.push(c.voters);
    for (const n of nodes) {
      const s = n.status();
      if (s?.role === "leader") candidates.push(s.voters);
    }
    for (const voters of candidates) {
      if (voters.filter((id) => holders.has(id)).length >= quorum(voters.length)) return;
    }
    this.fail(
      `committed entry ${g} (term ${term}) is durable only on [${[...holders].join(",")}], ` +
        `not on a quorum of [${this.configAt(g).join(",")}]`,
    );
  }
}
