import { bootstrapState, type Message, type NodeId, RaftNode, type SoftState } from "@runnel/raft";
import { SeededRandom } from "@runnel/runtime";
import { SimDisk } from "./disk.js";
import { describeMessage } from "./format.js";
import { Links } from "./network.js";

interface Member {
  raft: RaftNode | undefined;
  disk: SimDisk;
  soft: SoftState;
  commit: number;
}

/**
 * Drives a small cluster step by step from a text script, printing what happens: the format of the
 * scenario tests. Messages wait in one queue until delivered; every Ready is persisted (and
 * synced) at once, then its messages are queued. Commands, one per line (`#` starts a comment):
 *
 *   cluster 1 2 3        founders with that voter set      join 4           an empty new node
 *   campaign 1           start an election now             tick 1|all [n]   n ticks (default 1)
 *   deliver [ids]        deliver the queued messages (to ids only), one round
 *   stabilize            deliver rounds until nothing is queued
 *   elapse n [ids]       n times: tick every node (or those listed) once, then stabilize
 *   propose 1 text       add-voter 1 4 / remove-voter 1 4  transfer 1 3     compact 1
 *   partition 1 | 2 3    heal                              crash 2          restart 2
 *   status               log 1                             drop [ids]       discard queued messages
 */
export class Interaction {
  private readonly members = new Map<NodeId, Member>();
  private queue: Message[] = [];
  private readonly links = new Links();
  private out: string[] = [];

  /** Runs a whole script and returns the transcript: each command, then its indented output. */
  run(script: string): string {
    const transcript: string[] = [];
    for (const raw of script.split("\n")) {
      const line = raw.trim();
      if (line === "" || line.startsWith("#")) {
        transcript.push(raw);
        continue;
      }
      this.out = [];
      this.command(line);
      transcript.push(`> ${line}`, ...this.out.map((l) => `  ${l}`));
    }
    return `${transcript.join("\n").trimEnd()}\n`;
  }

  private command(line: string): void {
    const [cmd, ...args] = line.split(/\s+/) as [string, ...string[]];
    const ids = () => args.filter((a) => /^\d+$/.test(a)).map(Number);
    const node = (i = 0): NodeId => {
      const id = Number(args[i]);
      if (!this.members.has(id)) throw new Error(`line "${line}": no node ${args[i]}`);
      return id;
    };
    switch (cmd) {
      case "cluster":
        for (const id of ids()) this.add(id, bootstrapState(ids()));
        return;
      case "join":
        this.add(node0(args), bootstrapState([]));
        return;
      case "campaign":
        this.input(node(), (r) => r.campaign());
        return;
      case "tick": {
        const targets = args[0] === "all" ? [...this.members.keys()] : [node()];
        const times = Number(args[1] ?? 1);
        for (let i = 0; i < times; i++) for (const id of targets) this.input(id, (r) => r.tick());
        return;
      }
      case "deliver":
        this.deliverRound(ids());
        return;
      case "stabilize":
        this.stabilize();
        return;
      case "elapse":
        for (let i = 0; i < Number(args[0] ?? 1); i++) {
          const listed = ids().slice(1);
          for (const id of this.members.keys()) {
            if (this.members.get(id)?.raft && (listed.length === 0 || listed.includes(id)))
              this.input(id, (r) => r.tick());
          }
          this.stabilize();
        }
        return;
      case "drop": {
        const only = ids();
        const dropped = this.queue.filter((m) => only.length === 0 || only.includes(m.to));
        this.queue = this.queue.filter((m) => !dropped.includes(m));
        for (const m of dropped) this.out.push(`dropped ${describeMessage(m)}`);
        return;
      }
      case "propose":
        this.input(node(), (r) => {
          const res = r.propose(new TextEncoder().encode(args.slice(1).join(" ")));
          this.out.push(res.ok ? `accepted at ${res.index} (term ${res.term})` : `rejected: ${res.reason}`);
        });
        return;
      case "add-voter":
      case "remove-voter":
        this.input(node(), (r) => {
          const res = r.proposeConfChange({ type: cmd, node: Number(args[1]) });
          this.out.push(res.ok ? `accepted at ${res.index} (term ${res.term})` : `rejected: ${res.reason}`);
        });
        return;
      case "transfer":
        this.input(node(), (r) => {
          const res = r.transferLeadership(Number(args[1]));
          this.out.push(res.ok ? "transfer started" : `rejected: ${res.reason}`);
        });
        return;
      case "compact": {
        const id = node();
        this.input(id, (r) => {
          const applied = r.status().applied;
          const snapshot = r.compact(applied, new TextEncoder().encode(`state of n${id} at ${applied}`));
          (this.members.get(id) as Member).disk.writeSnapshotNow(snapshot);
          this.out.push(
            `compacted through ${snapshot.index} (term ${snapshot.term}, voters ${snapshot.voters.join(",")})`,
          );
        });
        return;
      }
      case "partition": {
        const groups = args
          .join(" ")
          .split("|")
          .map((g) => g.trim().split(/\s+/).filter(Boolean).map(Number));
        const rest = [...this.members.keys()].filter((id) => !groups.flat().includes(id));
        this.links.groups(rest.length > 0 ? [...groups, rest] : groups);
        this.out.push(`partition ${this.links.description}`);
        return;
      }
      case "heal":
        this.links.heal();
        return;
      case "crash": {
        const m = this.members.get(node()) as Member;
        m.raft = undefined;
        this.queue = this.queue.filter((q) => q.to !== Number(args[0]));
        return;
      }
      case "restart": {
        const id = node();
        const m = this.members.get(id) as Member;
        m.raft = new RaftNode({ id, storage: m.disk.read(), random: new SeededRandom(id) });
        m.soft = { role: "follower", leaderId: 0 };
        const s = m.raft.status();
        m.commit = s.commit;
        this.out.push(
          `n${id} restarted: term ${s.term}, vote n${s.votedFor}, commit ${s.commit}, log ${s.snapshotIndex + 1}..${s.lastIndex}`,
        );
        this.process(id);
        return;
      }
      case "status":
        for (const [id, m] of this.members) {
          const s = m.raft?.status();
          if (s === undefined) {
            this.out.push(`n${id}: down`);
            continue;
          }
          this.out.push(
            `n${id}: ${s.role} term=${s.term} vote=n${s.votedFor} leader=n${s.leaderId} ` +
              `log=${s.lastIndex > s.snapshotIndex ? `${s.snapshotIndex + 1}..${s.lastIndex}` : "empty"} ` +
              `snapshot=${s.snapshotIndex} commit=${s.commit} applied=${s.applied} ` +
              `voters=[${s.voters.join(",")}]`,
          );
        }
        return;
      case "log": {
        const r = this.members.get(node())?.raft;
        if (!r) return;
        const s = r.status();
        if (s.snapshotIndex > 0) this.out.push(`snapshot ${s.snapshotIndex}/${r.snapshot().term}`);
        for (const e of r.entries(s.snapshotIndex + 1, s.lastIndex)) {
          const text = e.type === "normal" ? JSON.stringify(new TextDecoder().decode(e.data)) : e.type;
          this.out.push(`${e.index}/${e.term} ${text}`);
        }
        return;
      }
      default:
        throw new Error(`unknown command: ${line}`);
    }
  }

  private add(id: NodeId, state: ReturnType<typeof bootstrapState>): void {
    const raft = new RaftNode({ id, storage: state, random: new SeededRandom(id) });
    this.members.set(id, {
      raft,
      disk: new SimDisk(state),
      soft: { role: "follower", leaderId: 0 },
      commit: 0,
    });
    (this.members.get(id) as Member).commit = raft.status().commit;
  }

  private input(id: NodeId, f: (r: RaftNode) => void): void {
    const r = this.members.get(id)?.raft;
    if (r === undefined) {
      this.out.push(`n${id} is down`);
      return;
    }
    f(r);
    this.process(id);
  }

  private stabilize(): void {
    for (let i = 0; i < 100 && this.queue.length > 0; i++) this.deliverRound([]);
  }

  private deliverRound(only: NodeId[]): void {
    const batch = this.queue.filter((m) => only.length === 0 || only.includes(m.to));
    this.queue = this.queue.filter((m) => !batch.includes(m));
    for (const m of batch) {
      if (!this.links.connected(m.from, m.to)) {
        this.out.push(`cut ${describeMessage(m)}`);
        continue;
      }
      const target = this.members.get(m.to);
      if (target?.raft === undefined) continue;
      this.out.push(describeMessage(m));
      target.raft.step(m);
      this.process(m.to);
    }
  }

  /** Persist, sync, queue messages, report changes, advance; until the node is quiet. */
  private process(id: NodeId): void {
    const m = this.members.get(id) as Member;
    const r = m.raft as RaftNode;
    while (r.hasReady()) {
      const rd = r.ready();
      m.disk.writeReady(rd);
      m.disk.sync();
      this.queue.push(...rd.messages);
      if (rd.softState && (rd.softState.role !== m.soft.role || rd.softState.leaderId !== m.soft.leaderId)) {
        m.soft = rd.softState;
        this.out.push(
          `  n${id} is ${rd.softState.role} at term ${r.status().term} (leader n${rd.softState.leaderId})`,
        );
      }
      if (rd.truncateFrom !== undefined) this.out.push(`  n${id} truncates its log from ${rd.truncateFrom}`);
      if (rd.snapshot) this.out.push(`  n${id} installs snapshot ${rd.snapshot.index}/${rd.snapshot.term}`);
      const commit = rd.hardState?.commit;
      if (commit !== undefined && commit !== m.commit) {
        m.commit = commit;
        this.out.push(`  n${id} commits through ${commit}`);
      }
      r.advance(rd);
    }
  }
}

function node0(args: string[]): NodeId {
  const id = Number(args[0]);
  if (!Number.isInteger(id) || id <= 0) throw new Error(`join needs a node id, got ${args[0]}`);
  return id;
}
