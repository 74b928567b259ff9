/**
 * Time as a dependency. Services never read `Date.now()`, `process.hrtime` or the global timer
 * functions directly; they are handed a `Clock`, so that a test or a deterministic simulation can
 * substitute virtual time and drive every timer explicitly.
 */

/** A scheduled callback that can be cancelled. Cancelling a fired or cancelled timer does nothing. */
export interface Timer {
  cancel(): void;
}

export interface Clock {
  /** Wall-clock time in milliseconds since the Unix epoch. May jump; never use it for intervals. */
  now(): number;
  /** Monotonic time in nanoseconds from an arbitrary origin. Never goes backwards. */
  monotonicNs(): bigint;
  /** Calls `fn` once, `delayMs` milliseconds from now (a negative delay counts as zero). */
  setTimeout(fn: () => void, delayMs: number): Timer;
  /**
   * Resolves after `delayMs` milliseconds. If `signal` aborts first, the timer is cancelled and the
   * promise rejects with the signal's reason.
   */
  sleep(delayMs: number, signal?: AbortSignal): Promise<void>;
}

function checkDelay(delayMs: number): number {
  if (!Number.isFinite(delayMs)) {
    throw new RangeError(`timer delay must be a finite number of milliseconds, got ${delayMs}`);
  }
  return Math.max(0, delayMs);
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The operation was aborted", "AbortError");
}

/** Shared `sleep` on top of `setTimeout`, so both clocks cancel and reject the same way. */
function sleepOn(clock: Clock, delayMs: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      timer.cancel();
      reject(abortReason(signal as AbortSignal));
    };
    const timer = clock.setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, delayMs);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** The real clock: the system's wall time, `process.hrtime` and Node's timers. */
export class SystemClock implements Clock {
  now(): number {
    return Date.now();
  }

  monotonicNs(): bigint {
    return process.hrtime.bigint();
  }

  setTimeout(fn: () => void, delayMs: number): Timer {
    const handle = globalThis.setTimeout(fn, checkDelay(delayMs));
    return { cancel: () => globalThis.clearTimeout(handle) };
  }

  sleep(delayMs: number, signal?: AbortSignal): Promise<void> {
    return sleepOn(this, delayMs, signal);
  }
}

interface PendingTimer {
  dueMs: number;
  /** Insertion order; breaks ties so timers due at the same instant fire in the order they were set. */
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

function before(a: PendingTimer, b: PendingTimer): boolean {
  return a.dueMs < b.dueMs || (a.dueMs === b.dueMs && a.seq < b.seq);
}

/**
 * A clock whose time moves only when told to. Timers fire during `advance`, in order of due time
 * and, for equal due times, in the order they were set. While a timer runs, `now()` reads exactly
 * its due time. Timers set by a firing timer fire in the same `advance` if they fall due within it.
 */
export class ManualClock implements Clock {
  private elapsedMs = 0;
  private readonly startMs: number;
  private nextSeq = 0;
  /** A binary min-heap ordered by `before`; cancelled timers are dropped lazily when they surface. */
  private readonly heap: PendingTimer[] = [];
  private live = 0;

  /** @param startMs the wall-clock time `now()` reports before any `advance`. */
  constructor(startMs = 0) {
    this.startMs = startMs;
  }

  now(): number {
    return this.startMs + this.elapsedMs;
  }

  /** Nanoseconds since this clock was created (fractions of a nanosecond are dropped). */
  monotonicNs(): bigint {
    // Whole milliseconds are scaled as a bigint, so the result stays exact however long a
    // simulation runs; only the sub-millisecond part goes through floating point.
    const wholeMs = Math.floor(this.elapsedMs);
    return BigInt(wholeMs) * 1_000_000n + BigInt(Math.floor((this.elapsedMs - wholeMs) * 1_000_000));
  }

  setTimeout(fn: () => void, delayMs: number): Timer {
    const timer: PendingTimer = {
      dueMs: this.elapsedMs + checkDelay(delayMs),
      seq: this.nextSeq++,
      fn,
      cancelled: false,
    };
    this.push(timer);
    this.live++;
    return {
      cancel: () => {
        if (!timer.cancelled) {
          timer.cancelled = true;
          this.live--;
        }
      },
    };
  }

  sleep(delayMs: number, signal?: AbortSignal): Promise<void> {
    return sleepOn(this, delayMs, signal);
  }

  /** How many timers are set and have neither fired nor been cancelled. */
  pendingTimers(): number {
    return this.live;
  }

  /** Milliseconds until the earliest pending timer, or undefined when none is pending. */
  nextTimerInMs(): number | undefined {
    const next = this.peekLive();
    return next === undefined ? undefined : next.dueMs - this.elapsedMs;
  }

  /**
   * Moves time forward by `ms`, firing every timer that falls due on the way. An exception thrown by
   * a timer propagates out of `advance` with time left at that timer's due time.
   */
  advance(ms: number): void {
    const target = this.elapsedMs + this.checkAdvance(ms);
    for (let t = this.takeDue(target); t !== undefined; t = this.takeDue(target)) {
      this.elapsedMs = t.dueMs;
      t.fn();
    }
    this.elapsedMs = target;
  }

  /**
   * Like `advance`, but lets pending promise continuations run after each timer fires, so code that
   * awaits `sleep` and then sets a new timer is driven within the same call.
   */
  async advanceAsync(ms: number): Promise<void> {
    const target = this.elapsedMs + this.checkAdvance(ms);
    await settle();
    for (let t = this.takeDue(target); t !== undefined; t = this.takeDue(target)) {
      this.elapsedMs = t.dueMs;
      t.fn();
      await settle();
    }
    this.elapsedMs = target;
  }

  private checkAdvance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new RangeError(`advance takes a finite, non-negative number of milliseconds, got ${ms}`);
    }
    return ms;
  }

  private takeDue(targetMs: number): PendingTimer | undefined {
    const next = this.peekLive();
    if (next === undefined || next.dueMs > targetMs) return undefined;
    this.pop();
    next.cancelled = true;
    this.live--;
    return next;
  }

  private peekLive(): PendingTimer | undefined {
    while (this.heap.length > 0 && (this.heap[0] as PendingTimer).cancelled) this.pop();
    return this.heap[0];
  }

  private push(timer: PendingTimer): void {
    const heap = this.heap;
    heap.push(timer);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i] as PendingTimer, heap[parent] as PendingTimer)) break;
      [heap[i], heap[parent]] = [heap[parent] as PendingTimer, heap[i] as PendingTimer];
      i = parent;
    }
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (last === undefined || heap.length === 0) return;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let smallest = i;
      if (l < heap.length && before(heap[l] as PendingTimer, heap[smallest] as PendingTimer)) smallest = l;
      if (r < heap.length && before(heap[r] as PendingTimer, heap[smallest] as PendingTimer)) smallest = r;
      if (smallest === i) return;
      [heap[i], heap[smallest]] = [heap[smallest] as PendingTimer, heap[i] as PendingTimer];
      i = smallest;
    }
  }
}

/** Lets every queued promise continuation run, by waiting for the next turn of the real event loop. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
