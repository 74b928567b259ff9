/**
 * A virtual clock and an event queue. Events run in (time, insertion) order, so a run is a pure
 * function of the seed that produced its events; nothing reads the wall clock.
 */
export interface SimEvent {
  readonly at: number;
  readonly seq: number;
  readonly run: () => void;
}

export class Scheduler {
  private heap: SimEvent[] = [];
  private seq = 0;
  /** Virtual milliseconds since the start of the run. */
  now = 0;
  /** Events run so far. */
  executed = 0;

  /** Runs `run` after `delayMs` of virtual time. */
  after(delayMs: number, run: () => void): void {
    if (!(delayMs >= 0)) throw new RangeError(`delay must be >= 0, got ${delayMs}`);
    this.push({ at: this.now + delayMs, seq: this.seq++, run });
  }

  /** Runs the next event; false when the queue is empty or the next event is after `until`. */
  step(until: number): boolean {
    const next = this.heap[0];
    if (next === undefined || next.at > until) return false;
    this.pop();
    this.now = next.at;
    this.executed++;
    next.run();
    return true;
  }

  pending(): number {
    return this.heap.length;
  }

  private less(a: SimEvent, b: SimEvent): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(e: SimEvent): void {
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(h[i] as SimEvent, h[parent] as SimEvent)) break;
      [h[i], h[parent]] = [h[parent] as SimEvent, h[i] as SimEvent];
      i = parent;
    }
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop() as SimEvent;
    if (h.length === 0) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l] as SimEvent, h[m] as SimEvent)) m = l;
      if (r < h.length && this.less(h[r] as SimEvent, h[m] as SimEvent)) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m] as SimEvent, h[i] as SimEvent];
      i = m;
    }
  }
}
