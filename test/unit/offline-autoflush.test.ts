// The page's flushing of queued night-log taps: a flush that leaves taps
// waiting while the browser is online is tried again by itself (2, 5, 10,
// then every 30 s), not only on the next `online` or focus event (e2e
// offline-log.spec.ts once waited 20 s for a banner that never cleared).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RETRY_MS, startAutoFlush } from "@/lib/offline/queue";

class Target {
  listeners = new Map<string, () => void>();
  addEventListener(type: string, fn: () => void) {
    this.listeners.set(type, fn);
  }
  removeEventListener(type: string) {
    this.listeners.delete(type);
  }
  fire(type: string) {
    this.listeners.get(type)?.();
  }
}

describe("startAutoFlush", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A queue whose sends fail `failures` times, then succeed. */
  function queue(failures: number, online = () => true) {
    let waiting = 2;
    let calls = 0;
    const deps = {
      flush: async () => {
        calls++;
        if (calls > failures) waiting = 0;
      },
      waiting: async () => waiting,
      online,
    };
    return { deps, calls: () => calls, waiting: () => waiting };
  }

  it("tries again after 2, 5 and 10 s while taps wait and the browser is online, then stops", async () => {
    const q = queue(3);
    const stop = startAutoFlush(new Target() as unknown as Window, q.deps);
    await vi.advanceTimersByTimeAsync(0);
    expect(q.calls()).toBe(1);
    await vi.advanceTimersByTimeAsync(RETRY_MS[0] - 1);
    expect(q.calls()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(q.calls()).toBe(2);
    await vi.advanceTimersByTimeAsync(RETRY_MS[1]);
    expect(q.calls()).toBe(3);
    await vi.advanceTimersByTimeAsync(RETRY_MS[2]);
    expect(q.calls()).toBe(4);
    expect(q.waiting()).toBe(0);
    // Nothing waits: no more tries.
    await vi.advanceTimersByTimeAsync(5 * RETRY_MS[3]);
    expect(q.calls()).toBe(4);
    stop();
  });

  it("keeps trying every 30 s after the third pause, and not at all once stopped", async () => {
    const q = queue(100);
    const stop = startAutoFlush(new Target() as unknown as Window, q.deps);
    await vi.advanceTimersByTimeAsync(RETRY_MS[0] + RETRY_MS[1] + RETRY_MS[2]);
    expect(q.calls()).toBe(4);
    await vi.advanceTimersByTimeAsync(2 * RETRY_MS[3]);
    expect(q.calls()).toBe(6);
    stop();
    await vi.advanceTimersByTimeAsync(10 * RETRY_MS[3]);
    expect(q.calls()).toBe(6);
  });

  it("offline, it waits for the browser's `online` event instead of polling; that event flushes at once", async () => {
    let online = false;
    const q = queue(1, () => online);
    const target = new Target();
    const stop = startAutoFlush(target as unknown as Window, q.deps);
    await vi.advanceTimersByTimeAsync(10 * RETRY_MS[3]);
    expect(q.calls()).toBe(1);
    online = true;
    target.fire("online");
    await vi.advanceTimersByTimeAsync(0);
    expect(q.calls()).toBe(2);
    expect(q.waiting()).toBe(0);
    stop();
  });

  it("a tap queued later while online (no `online` or focus event coming) is tried 2 s after, then as above", async () => {
    let waiting = 0;
    let calls = 0;
    let fire = () => {};
    const deps = {
      // The server takes it on the second try.
      flush: async () => {
        calls++;
        if (calls >= 3) waiting = 0;
      },
      waiting: async () => waiting,
      online: () => true,
      changed: (fn: () => void) => {
        fire = fn;
        return () => {
          fire = () => {};
        };
      },
    };
    const stop = startAutoFlush(new Target() as unknown as Window, deps);
    await vi.advanceTimersByTimeAsync(10 * RETRY_MS[3]);
    // Nothing waited at the start: one flush, no polling.
    expect(calls).toBe(1);
    waiting = 1;
    fire();
    await vi.advanceTimersByTimeAsync(RETRY_MS[0] - 1);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(2);
    await vi.advanceTimersByTimeAsync(RETRY_MS[1]);
    expect(calls).toBe(3);
    expect(waiting).toBe(0);
    // A change that leaves nothing waiting (a flush took the taps out) schedules no try.
    fire();
    await vi.advanceTimersByTimeAsync(10 * RETRY_MS[3]);
    expect(calls).toBe(3);
    stop();
    // Unsubscribed: a change after stop schedules nothing.
    fire();
    await vi.advanceTimersByTimeAsync(10 * RETRY_MS[3]);
    expect(calls).toBe(3);
  });
});
