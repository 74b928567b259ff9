import {
  bootstrapState,
  type Entry,
  type HardState,
  type Message,
  type NodeId,
  type PersistedState,
  RaftNode,
  type RaftOptions,
  type Ready,
  type Snapshot,
} from "../src/index.js";

/** The value, which the test knows is there. */
export function must<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error("expected a value");
  return value;
}

/** A deterministic generator for election jitter (a linear congruential one is plenty here). */
export function seeded(seed: number): { int(min: number, max: number): number } {
  let s = seed >>> 0 || 1;
  return {
    int(min, max) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return min + (s % (max - min));
    },
  };
}

/** What a shell would keep on disk, persisted synchronously. */
export class MemoryStorage {
  hardState: HardState = { term: 0, votedFor: 0, commit: 0 };
  snapshot: Snapshot;
  entries: Entry[] = [];

  constructor(initial: PersistedState) {
    this.hardState = initial.hardState;
    this.snapshot = initial.snapshot;
    this.entries = [...initial.entries];
  }

  persist(rd: Ready): void {
    const { snapshot, truncateFrom } = rd;
    if (snapshot) {
      this.snapshot = snapshot;
      this.entries = this.entries.filter((e) => e.index > snapshot.index);
    }
    if (truncateFrom !== undefined) this.entries = this.entries.filter((e) => e.index < truncateFrom);
    const first = rd.entries[0];
    if (first !== undefined) {
      this.entries = this.entries.filter((e) => e.index < first.index).concat(rd.entries);
    }
    if (rd.hardState) this.hardState = rd.hardState;
  }

  compacted(snapshot: Snapshot): void {
    this.snapshot = snapshot;
    this.entries = this.entries.filter((e) => e.index > snapshot.index);
  }

  state(): PersistedState {
    return { hardState: this.hardState, snapshot: this.snapshot, entries: [...this.entries] };
  }
}

export interface TestNode {
  raft: RaftNode;
  storage: MemoryStorage;
  /** Applied normal entries' data, as strings, in order. */
  applied: string[];
  /** Every Ready taken, for assertions. */
  readies: Ready[];
}

export type Overrides = Partial<Omit<RaftOptions, "id" | "storage" | "random">>;

/** A small cluster driven by hand: messages wait in a queue until delivered. */
export class TestCluster {
  readonly nodes = new Map<NodeId, TestNode>();
  queue: Message[] = [];
  private cut = new Set<string>();

  constructor(
    ids: NodeId[],
    private readonly overrides: Overrides = {},
  ) {
    for (const id of ids) this.add(id, bootstrapState(ids));
  }

  add(id: NodeId, state: PersistedState): TestNode {
    const storage = new MemoryStorage(state);
    const raft = new RaftNode({ id, storage: storage.state(), random: seeded(id * 7919), ...this.overrides });
    const node: TestNode = { raft, storage, applied: [], readies: [] };
    this.nodes.set(id, node);
    return node;
  }

  node(id: NodeId): TestNode {
    const n = this.nodes.get(id);
    if (!n) throw new Error(`no node ${id}`);
    return n;
  }

  raft(id: NodeId): RaftNode {
    return this.node(id).raft;
  }

  /** Crash and restart from what the node persisted. */
  restart(id: NodeId): void {
    const old = this.node(id);
    this.queue = this.queue.filter((m) => m.to !== id);
    const raft = new RaftNode({
      id,
      storage: old.storage.state(),
      random: seeded(id * 31),
      ...this.overrides,
    });
    this.nodes.set(id, { raft, storage: old.storage, applied: [], readies: [] });
  }

  /** Handles every Ready of a node: persist, queue messages, apply, advance. */
  process(id: NodeId): void {
    const n = this.node(id);
    while (n.raft.hasReady()) {
      const rd = n.raft.ready();
      n.readies.push(rd);
      n.storage.persist(rd);
      this.queue.push(...rd.messages);
      for (const e of rd.committed) if (e.type === "normal") n.applied.push(new TextDecoder().decode(e.data));
      n.raft.advance(rd);
    }
  }

  processAll(): void {
    for (const id of this.nodes.keys()) this.process(id);
  }

  tick(id: NodeId, times = 1): void {
    for (let i = 0; i < times; i++) {
      this.raft(id).tick();
      this.process(id);
    }
  }

  tickAll(times = 1): void {
    for (let i = 0; i < times; i++) for (const id of this.nodes.keys()) this.tick(id);
  }

  /** Delivers queued messages (and their consequences) until the queue is empty. */
  deliver(filter: (m: Message) => boolean = () => true, maxRounds = 1000): Message[] {
    const delivered: Message[] = [];
    for (let round = 0; round < maxRounds && this.queue.length > 0; round++) {
      const batch = this.queue;
      this.queue = [];
      for (const m of batch) {
        if (!filter(m) || this.cut.has(`${m.from}-${m.to}`) || !this.nodes.has(m.to)) continue;
        delivered.push(m);
        this.raft(m.to).step(m);
        this.process(m.to);
      }
    }
    return delivered;
  }

  isolate(id: NodeId): void {
    for (const other of this.nodes.keys()) {
      if (other === id) continue;
      this.cut.add(`${id}-${other}`);
      this.cut.add(`${other}-${id}`);
    }
  }

  heal(): void {
    this.cut.clear();
  }

  propose(id: NodeId, text: string) {
    const r = this.raft(id).propose(new TextEncoder().encode(text));
    this.process(id);
    return r;
  }

  /** Campaigns on `id` and delivers only the election's messages (the no-op stays queued). */
  elect(id: NodeId): void {
    this.raft(id).campaign();
    this.process(id);
    const votes = (m: Message) => m.type === "vote" || m.type === "vote-response";
    const rest: Message[] = [];
    while (this.queue.some(votes)) {
      rest.push(...this.queue.filter((m) => !votes(m)));
      this.queue = this.queue.filter(votes);
      this.deliver(votes, 1);
    }
    this.queue.unshift(...rest);
  }

  leaders(): NodeId[] {
    return [...this.nodes].filter(([, n]) => n.raft.status().role === "leader").map(([id]) => id);
  }
}
