import { describe, expect, it } from "vitest";
import { ManualClock, SystemClock } from "../src/index.js";

describe("ManualClock", () => {
  it("fires timers in due order, ties in the order they were set, reading each due time", () => {
    const clock = new ManualClock(1_000);
    const fired: string[] = [];
    const at = (label: string) => () => fired.push(`${label}@${clock.now()}`);
    clock.setTimeout(at("c"), 30);
    clock.setTimeout(at("a"), 10);
    clock.setTimeout(at("b1"), 20);
    clock.setTimeout(at("b2"), 20);
    clock.setTimeout(at("late"), 100);

    clock.advance(50);

    expect(fired).toEqual(["a@1010", "b1@1020", "b2@1020", "c@1030"]);
    expect(clock.now()).toBe(1_050);
    expect(clock.monotonicNs()).toBe(50_000_000n);
    expect(clock.pendingTimers()).toBe(1);
    expect(clock.nextTimerInMs()).toBe(50);
  });

  it("fires a timer set by a timer when it falls due within the same advance", () => {
    const clock = new ManualClock();
    const fired: number[] = [];
    clock.setTimeout(() => {
      fired.push(clock.now());
      clock.setTimeout(() => fired.push(clock.now()), 5);
      clock.setTimeout(() => fired.push(clock.now()), 50);
    }, 10);
    clock.advance(20);
    expect(fired).toEqual([10, 15]);
    clock.advance(40);
    expect(fired).toEqual([10, 15, 60]);
  });

  it("does not fire cancelled timers, and a zero or negative delay fires on the next advance", () => {
    const clock = new ManualClock();
    const fired: string[] = [];
    const t = clock.setTimeout(() => fired.push("cancelled"), 5);
    clock.setTimeout(() => fired.push("zero"), 0);
    clock.setTimeout(() => fired.push("negative"), -3);
    t.cancel();
    t.cancel();
    expect(clock.pendingTimers()).toBe(2);
    expect(fired).toEqual([]);
    clock.advance(0);
    expect(fired).toEqual(["zero", "negative"]);
    clock.advance(10);
    expect(fired).toEqual(["zero", "negative"]);
    expect(clock.nextTimerInMs()).toBeUndefined();
  });

  it("drives sleep-based loops with advanceAsync", async () => {
    const clock = new ManualClock();
    const ticks: number[] = [];
    const loop = (async () => {
      for (let i = 0; i < 3; i++) {
        await clock.sleep(100);
        ticks.push(clock.now());
      }
    })();
    await clock.advanceAsync(250);
    expect(ticks).toEqual([100, 200]);
    await clock.advanceAsync(50);
    await loop;
    expect(ticks).toEqual([100, 200, 300]);
  });

  it("cancels a sleep when its signal aborts", async () => {
    const clock = new ManualClock();
    const controller = new AbortController();
    const sleeping = clock.sleep(1_000, controller.signal);
    controller.abort(new Error("stop"));
    await expect(sleeping).rejects.toThrow("stop");
    expect(clock.pendingTimers()).toBe(0);
    await expect(clock.sleep(1, controller.signal)).rejects.toThrow("stop");
  });

  it("keeps monotonic nanoseconds exact over long virtual runs", () => {
    const clock = new ManualClock();
    const year = 365 * 86_400_000;
    clock.advance(1_000 * year);
    clock.advance(0.5);
    expect(clock.monotonicNs()).toBe(BigInt(1_000 * year) * 1_000_000n + 500_000n);
  });

  it("rejects nonsensical delays and advances", () => {
    const clock = new ManualClock();
    expect(() => clock.setTimeout(() => {}, Number.NaN)).toThrow(RangeError);
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });
});

describe("SystemClock", () => {
  it("fires a real timer, and monotonic time does not go backwards", async () => {
    const clock = new SystemClock();
    const before = clock.monotonicNs();
    await clock.sleep(1);
    expect(clock.monotonicNs() >= before).toBe(true);
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(60_000);
    let fired = false;
    clock
      .setTimeout(() => {
        fired = true;
      }, 1_000_000)
      .cancel();
    await clock.sleep(1);
    expect(fired).toBe(false);
  });
});
