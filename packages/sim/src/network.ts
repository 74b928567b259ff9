import type { Message, NodeId } from "@runnel/raft";
import type { Random } from "@runnel/runtime";

/** How the network misbehaves; all probabilities are per message. */
export interface NetworkFaults {
  drop: number;
  duplicate: number;
  /** Delivery delay range in virtual ms; a wide range reorders messages. */
  minDelayMs: number;
  maxDelayMs: number;
}

export const CALM: NetworkFaults = { drop: 0, duplicate: 0, minDelayMs: 1, maxDelayMs: 5 };

/**
 * Which node may talk to which. Links are directional, so a partition can be asymmetric, but the
 * helpers here cut both directions.
 */
export class Links {
  private cut = new Set<string>();
  /** A description of the current partition, for the trace. */
  description = "healed";

  connected(from: NodeId, to: NodeId): boolean {
    return !this.cut.has(`${from}>${to}`);
  }

  heal(): void {
    this.cut.clear();
    this.description = "healed";
  }

  /** Only nodes in the same group talk to each other. */
  groups(groups: readonly (readonly NodeId[])[]): void {
    this.heal();
    const all = groups.flat();
    const groupOf = new Map<NodeId, number>();
    groups.forEach((g, i) => {
      for (const id of g) groupOf.set(id, i);
    });
    for (const a of all)
      for (const b of all) if (groupOf.get(a) !== groupOf.get(b)) this.cut.add(`${a}>${b}`);
    this.description = groups.map((g) => `{${g.join(",")}}`).join(" | ");
  }

  /** Each node talks only to its two neighbours in `order`. */
  ring(order: readonly NodeId[]): void {
    this.heal();
    const n = order.length;
    order.forEach((a, i) => {
      order.forEach((b, j) => {
        const d = Math.abs(i - j);
        if (d > 1 && d < n - 1) this.cut.add(`${a}>${b}`);
      });
    });
    this.description = `ring ${order.join("-")}`;
  }
}

/** Delivers messages through the scheduler with drops, duplicates, delays and partitions. */
export class Network {
  faults: NetworkFaults = CALM;
  readonly links = new Links();
  sent = 0;
  dropped = 0;
  duplicated = 0;

  constructor(
    private readonly random: Random,
    private readonly schedule: (delayMs: number, run: () => void) => void,
    private readonly deliver: (m: Message) => void,
  ) {}

  send(m: Message): void {
    this.sent++;
    if (!this.links.connected(m.from, m.to) || this.chance(this.faults.drop)) {
      this.dropped++;
      return;
    }
    const copies = this.chance(this.faults.duplicate) ? 2 : 1;
    if (copies === 2) this.duplicated++;
    for (let i = 0; i < copies; i++) {
      const delay = this.random.int(this.faults.minDelayMs, this.faults.maxDelayMs + 1);
      this.schedule(delay, () => {
        // A partition that starts while a message is in flight cuts it too.
        if (this.links.connected(m.from, m.to)) this.deliver(m);
        else this.dropped++;
      });
    }
  }

  private chance(p: number): boolean {
    return p > 0 && this.random.nextFloat() < p;
  }
}
